"""Preferences, About, and the crash dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.ui.widgets import plain_label


class PreferencesDialog(QDialog):
    def __init__(self, idle_minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.idle = QSpinBox()
        self.idle.setRange(0, 24 * 60)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("Never"))
        self.idle.setValue(idle_minutes)
        self.idle.setAccessibleName(self.tr("Lock after inactivity, in minutes"))
        form = QFormLayout()
        form.addRow(self.tr("&Lock after inactivity:"), self.idle)
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
        layout.addWidget(buttons)

    def idle_minutes(self) -> int:
        return self.idle.value()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        parent.tr("About {app}").format(app=APP_NAME),
        parent.tr(
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
