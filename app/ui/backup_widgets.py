"""Pieces of the backup flows: background work with a progress dialog, and the backup fields
of the Preferences dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.errors import QuidError
from app.services.backup_schedule import MAX_EVERY_DAYS, MAX_KEEP, BackupSchedule
from app.services.progress import Cancelled, Progress
from app.ui.session import VaultSession
from app.ui.widgets import tell
from app.ui.workers import Task


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() calls under ""


# --- progress --------------------------------------------------------------------------------
class _ProgressRelay(QObject):
    """Carries `Progress` reports from the worker thread to the dialog on the GUI thread."""

    stepped = Signal(int, int)

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.finished = False
        self.stepped.connect(self.show_step, Qt.ConnectionType.QueuedConnection)

    def show_step(self, done: int, total: int) -> None:
        if not self.finished:
            self.dialog.setRange(0, max(total, 0))
            self.dialog.setValue(done if total > 0 else 0)


def run_with_progress(
    window: QWidget,
    session: VaultSession,
    text: str,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> QProgressDialog:
    """`work(progress)` on a worker; a window-modal progress dialog whose Cancel stops it."""
    dialog = QProgressDialog(text, tr("Cancel"), 0, 0, window)
    dialog.setWindowTitle(tr("Quid"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # a quick backup finishes before any dialog flashes
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    relay = _ProgressRelay(dialog)
    progress = Progress(relay.stepped.emit)
    dialog.canceled.connect(progress.cancel)

    def finish() -> None:
        session.end_background()
        relay.finished = True
        dialog.canceled.disconnect(progress.cancel)
        dialog.hide()
        dialog.deleteLater()

    def done(result: Any) -> None:
        finish()
        on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        on_error(exc)

    session.begin_background()  # locking waits: the worker uses the vault's connection
    Task.start(lambda: work(progress), done, failed)
    return dialog


def status(window: QWidget, text: str) -> None:
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 10_000)


def failed_handler(window: QWidget, title: str, cancelled: str) -> Callable[[BaseException], None]:
    def show(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            status(window, cancelled)
        elif isinstance(exc, QuidError):
            tell(window, title, str(exc), warning=True)
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
