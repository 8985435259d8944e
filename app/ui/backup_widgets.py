"""Pieces of the backup flows: the status line, how a failure is shown, and the backup fields
of the Preferences dialog. The work itself runs through `app.ui.workers.run_in_background`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.errors import QuidError
from app.services.backup_schedule import MAX_EVERY_DAYS, MAX_KEEP, BackupSchedule
from app.services.progress import Cancelled
from app.ui.error_text import error_text
from app.ui.widgets import tell


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() calls under ""


def status(window: QWidget, text: str) -> None:
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 10_000)


def failed_handler(window: QWidget, title: str, cancelled: str) -> Callable[[BaseException], None]:
    def show(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            status(window, cancelled)
        elif isinstance(exc, QuidError):
            tell(window, title, error_text(exc), warning=True)
        else:
            raise exc  # unexpected: the crash dialog, with a report that holds no ledger data

    return show


# --- settings ---------------------------------------------------------------
class BackupSettings(QWidget):
    """'Back up every N days', 'Keep the last N backups', and the folder (empty = default)."""

    def __init__(self, default_folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.every_days = QSpinBox()
        self.every_days.setRange(0, MAX_EVERY_DAYS)
        self.every_days.setSuffix(self.tr(" days"))
        self.every_days.setSpecialValueText(self.tr("Never"))
        self.every_days.setAccessibleName(self.tr("Back up every N days (0 = never)"))
        self.keep = QSpinBox()
        self.keep.setRange(1, MAX_KEEP)
        self.keep.setAccessibleName(self.tr("Keep the last N backups"))
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Backup folder"))
        if default_folder is not None:
            self.folder.setPlaceholderText(str(default_folder))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Back up every (0 = never):"), self.every_days)
        form.addRow(self.tr("&Keep the last:"), self.keep)
        folder_label = QLabel(self.tr("Backup &folder:"))
        folder_label.setBuddy(self.folder)  # a row holding a layout gets no buddy by itself
        form.addRow(folder_label, folder_row)
        self.set_schedule(BackupSchedule())

    def browse(self) -> None:
        start = self.folder.text() or self.folder.placeholderText() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), start)
        if chosen:
            self.folder.setText(chosen)

    def set_schedule(self, schedule: BackupSchedule) -> None:
        self.every_days.setValue(schedule.every_days)
        self.keep.setValue(schedule.keep)
        self.folder.setText(str(schedule.folder) if schedule.folder is not None else "")

    def schedule(self) -> BackupSchedule:
        text = self.folder.text().strip()
        folder = Path(text).expanduser() if text else None
        return BackupSchedule(self.every_days.value(), self.keep.value(), folder)
