"""Load the example ledger from the Overview, and remove it again.

Neither goes on the undo stack: both change many organisations at once, so the shell starts
afresh afterwards (as after a whole-ledger import)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QMessageBox

from app.errors import QuidError
from app.services.example_marks import (
    example_organisation_ids,
    load_marked_example,
    remove_example_ledger,
)
from app.ui.error_text import error_text
from app.ui.formatting import tr
from app.ui.widgets import tell

if TYPE_CHECKING:
    from app.ui.shell import LedgerShell


def _ready(shell: LedgerShell) -> bool:
    if shell.ledger is None:
        return False
    if shell.vault_busy():  # one connection: a worker's transaction must not meet ours
        tell(shell, tr("Busy"), tr("Quid is still working; try again when it has finished."))
        return False
    return True


def _status(shell: LedgerShell, text: str) -> None:
    window = shell.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 8000)


def load_example(shell: LedgerShell) -> None:
    if not _ready(shell) or shell.ledger is None:
        return
    try:
        count = load_marked_example(shell.ledger)
    except QuidError as exc:  # e.g. the ledger is no longer empty: nothing was changed
        tell(shell, tr("Example not loaded"), error_text(exc), warning=True)
        return
    shell.reload_after_import()
    loaded = tr("Example ledger loaded: {n} organisations of a fictional person.")
    _status(shell, loaded.format(n=count))


def confirm_removal(shell: LedgerShell, count: int) -> bool:
    box = QMessageBox(shell)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Remove the example ledger?"))
    box.setText(
        tr(
            "Delete the {n} example organisations and everything recorded about them "
            "(including requests written to them)? Organisations you added yourself stay."
        ).format(n=count)
    )
    remove = box.addButton(tr("Remove the example"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is remove


def remove_example(shell: LedgerShell) -> None:
    if not _ready(shell) or shell.ledger is None:
        return
    count = len(example_organisation_ids(shell.ledger.conn))
    if not count or not confirm_removal(shell, count):
        return
    try:
        removed = remove_example_ledger(shell.ledger)
    except QuidError as exc:
        tell(shell, tr("Example not removed"), error_text(exc), warning=True)
        return
    shell.reload_after_import()
    _status(shell, tr("Example ledger removed: {n} organisations deleted.").format(n=removed))
