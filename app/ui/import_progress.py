"""The window-modal progress dialog, with Cancel, of all background work on the vault
(imports, exports, backups; `app.ui.workers.run_in_background` runs the work behind it).

While it is open the main window takes no input, so nothing else touches the vault's
connection while a worker uses it. Cancel (the button, Esc, closing the window) asks the
work to stop; the dialog stays until the worker has actually stopped and rolled back.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QProgressBar, QVBoxLayout, QWidget

from app.services.progress import Progress
from app.ui.formatting import tr
from app.ui.widgets import plain_label

SCALE = 1000  # the bar counts in thousandths: byte counts of a large file overflow an int


class ProgressBridge(QObject):
    """Carries `Progress.report(done, total)` from the worker thread to the GUI thread."""

    stepped = Signal(object, object)  # byte counts may pass 2**31

    def progress(self) -> Progress:
        return Progress(self.stepped.emit)


class ImportProgressDialog(QDialog):
    cancel_requested = Signal()

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.label = plain_label(text)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first report says how much there is
        self.bar.setAccessibleName(self.tr("Progress"))
        self.bar.setMinimumWidth(360)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.bridge = ProgressBridge(self)
        self.bridge.stepped.connect(self.set_progress, Qt.ConnectionType.QueuedConnection)
        self.progress = self.bridge.progress()
        self.cancelling = False

    def set_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.bar.setRange(0, 0)
            return
        self.bar.setRange(0, SCALE)
        self.bar.setValue(min(SCALE, done * SCALE // total))

    def reject(self) -> None:
        """Ask the work to stop; `finish` closes the dialog once it has."""
        if self.cancelling:
            return
        self.cancelling = True
        self.progress.cancel()
        self.label.setText(self.tr("Cancelling… nothing is kept."))
        self.buttons.setEnabled(False)
        self.cancel_requested.emit()

    def finish(self) -> None:
        self.done(QDialog.DialogCode.Accepted)
