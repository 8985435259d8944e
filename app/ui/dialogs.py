"""Preferences, About, and the crash dialog."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.errors import QuidError
from app.paths import AppPaths
from app.services.backup_schedule import (
    BackupSchedule,
    check_schedule,
    save_backup_schedule,
)
from app.storage import settings
from app.storage.database import Connection
from app.ui.backup_widgets import BackupSettings
from app.ui.error_text import error_text
from app.ui.formatting import AUTOMATIC, LANGUAGE_KEY, LANGUAGE_NAMES, tr
from app.ui.widgets import error_label, plain_label, show_error


class PreferencesDialog(QDialog):
    """The idle lock and the automatic backups. Without `paths` (no vault at hand) the backup
    fields show their defaults and are not checked."""

    def __init__(
        self,
        idle_minutes: int,
        parent: QWidget | None = None,
        *,
        schedule: BackupSchedule | None = None,
        paths: AppPaths | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.paths = paths
        self.idle = QSpinBox()
        self.idle.setRange(0, 24 * 60)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("Never"))
        self.idle.setValue(idle_minutes)
        self.idle.setAccessibleName(self.tr("Lock after inactivity, in minutes"))
        form = QFormLayout()
        form.addRow(self.tr("&Lock after inactivity:"), self.idle)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of Quid"))
        self.language.addItem(self.tr("Automatic (as the system)"), AUTOMATIC)
        for code, name in LANGUAGE_NAMES.items():  # each in its own language, not translated
            self.language.addItem(name, code)
        if paths is not None:
            form.addRow(self.tr("Lan&guage:"), self.language)
            form.addRow("", plain_label(self.tr("A new language applies when Quid next starts.")))
            current = self._ui_settings(paths).value(LANGUAGE_KEY, AUTOMATIC)
            self.language.setCurrentIndex(max(self.language.findData(str(current or "")), 0))
        else:
            self.language.hide()
        self.backups = BackupSettings(paths.backup_dir if paths is not None else None)
        if schedule is not None:
            self.backups.set_schedule(schedule)
        group = QGroupBox(self.tr("Automatic backups"))
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(self.backups)
        group_layout.addWidget(
            plain_label(
                self.tr(
                    "When you unlock Quid and the newest automatic backup is older than this, "
                    "Quid makes one, protected by this vault's key, and removes its own oldest "
                    "automatic backups beyond the number to keep. Nothing else is removed."
                )
            )
        )
        self.error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            plain_label(self.tr("Locking closes the ledger and every window showing it."))
        )
        layout.addWidget(group)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def idle_minutes(self) -> int:
        return self.idle.value()

    def backup_schedule(self) -> BackupSchedule:
        return self.backups.schedule()

    def accept(self) -> None:
        """A bad field keeps the dialog open with the reason; nothing is saved."""
        if self.paths is not None:
            try:
                check_schedule(self.backup_schedule(), self.paths)
            except QuidError as exc:
                show_error(self.error, error_text(exc))
                return
        super().accept()

    def save(self, conn: Connection) -> None:
        """The backup settings first: they are checked, so a refusal changes nothing."""
        if self.paths is not None:
            save_backup_schedule(conn, self.paths, self.backup_schedule())
        settings.set_setting(conn, settings.IDLE_LOCK_MINUTES, self.idle_minutes())
        if self.paths is not None:  # not ledger data: the Qt settings file, read at start-up
            self._ui_settings(self.paths).setValue(LANGUAGE_KEY, self.language.currentData())

    @staticmethod
    def _ui_settings(paths: AppPaths) -> QSettings:
        return QSettings(str(paths.settings_file), QSettings.Format.IniFormat)


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        tr("About {app}").format(app=APP_NAME),
        tr(
            "<h3>{app} {version}</h3>"
            "<p>A private ledger of the personal data you gave and what you got for it.</p>"
            "<p>Your ledger is encrypted on this computer. Quid never connects to the "
            "internet.</p>"
            "<p>Free software under the GNU GPL, version 3 or later. Data sources and their "
            "licences are listed in the licences folder.</p>"
        ).format(app=APP_NAME, version=__version__),
    )


class ExceptionDialog(QDialog):
    """An unexpected error: a copyable report that carries no ledger data."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quid ran into a problem"))
        self.setMinimumSize(560, 360)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Error report"))
        copy = QPushButton(self.tr("&Copy report"))
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.report.toPlainText()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Something went wrong that Quid did not expect. Your ledger is safe: "
                    "changes that were saved stay saved. The report below holds no ledger data; "
                    "you can copy it into a bug report."
                )
            )
        )
        layout.addWidget(self.report)
        layout.addWidget(buttons)
