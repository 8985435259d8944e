"""The import from a password export as one step on the ledger's undo stack.

Undo removes what the import added: the new organisations (with everything below them) and
the accounts and identifiers it added to organisations already in the ledger. The deleted
rows are kept, and redo puts them all back with their ids in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.discovery import ImportResult
from app.services.ledger import Snapshot
from app.storage.database import transaction
from app.ui.formatting import tr
from app.ui.ledger_commands import LedgerActions, _Command


def merge_snapshots(snapshots: list[Snapshot]) -> Snapshot:
    """One snapshot of many, so `Ledger.restore` puts them back in a single transaction."""
    merged: Snapshot = {}
    for snapshot in snapshots:
        for table, rows in snapshot.items():
            merged.setdefault(table, []).extend(rows)
    return merged


@contextmanager
def busy_cursor() -> Iterator[None]:
    """Undoing thousands of organisations takes a while (measured: 2,000 in ~1 s)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class ImportFromPasswordExport(_Command):
    """Pushed after the import was applied (in the background); the first redo does nothing."""

    def __init__(self, actions: LedgerActions, result: ImportResult) -> None:
        super().__init__(actions, tr("Import from password export"))
        self.result = result
        self.snapshot: Snapshot = {}
        self._outside: list[tuple[str, int]] | None = None

    def outside_new_organisations(self) -> list[tuple[str, int]]:
        """Added rows on organisations that were there before (the rest go with their new
        organisation). Looked up at the first undo, so pushing the command costs nothing."""
        if self._outside is None:
            new = set(self.result.organisations_added)
            ledger = self.ledger
            self._outside = [
                (table, row_id)
                for table, ids in (
                    ("accounts", self.result.accounts_added),
                    ("disclosures", self.result.disclosures_added),
                )
                for row_id in ids
                if int(ledger.record(table, row_id)["organisation_id"]) not in new
            ]
        return self._outside

    def redo(self) -> None:
        with busy_cursor():
            super().redo()

    def undo(self) -> None:
        with busy_cursor():
            super().undo()

    def do(self) -> None:
        with transaction(self.ledger.conn):
            self.ledger.restore(self.snapshot)
        self.snapshot = {}

    def undo_it(self) -> None:
        """All or nothing, and one commit for thousands of deletes (the ledger's own
        transactions become savepoints of this one)."""
        ledger = self.ledger
        with transaction(ledger.conn):
            outside = self.outside_new_organisations()
            taken = [ledger.delete_record(t, row_id) for t, row_id in outside]
            taken += [ledger.delete_organisation(i) for i in self.result.organisations_added]
        self.snapshot = merge_snapshots(taken)
