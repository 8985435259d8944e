"""Every ledger edit as an undoable command (Ctrl+Z / Ctrl+Shift+Z).

A command does its work once before it is pushed (so a validation error never reaches the
stack); redo after an undo repeats it from what undo saved. Deleted rows come back with
their ids, so later commands in the stack still point at the right rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.domain.ledger import OrganisationInput
from app.services.ledger import Ledger, Snapshot
from app.services.ledger_inputs import record_input
from app.ui.formatting import tr


class _Command(QUndoCommand):
    def __init__(self, actions: LedgerActions, text: str) -> None:
        super().__init__(text)
        self.actions = actions
        self._first = True

    @property
    def ledger(self) -> Ledger:
        ledger = self.actions.ledger
        assert ledger is not None, "commands are cleared when the vault locks"
        return ledger

    def redo(self) -> None:
        if self._first:  # already done by the caller
            self._first = False
        else:
            self.do()
        self.actions.notify(self.org_id())

    def undo(self) -> None:
        self.undo_it()
        self.actions.notify(self.org_id())

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError

    def org_id(self) -> int:
        return 0


class AddOrganisation(_Command):
    def __init__(self, actions: LedgerActions, org_id: int, name: str) -> None:
        super().__init__(actions, tr("Add {name}").format(name=name[:40]))
        self.target = org_id
        self.snapshot: Snapshot = {}

    def do(self) -> None:
        self.ledger.restore(self.snapshot)

    def undo_it(self) -> None:
        self.snapshot = self.ledger.delete_organisation(self.target)

    def org_id(self) -> int:
        return self.target


class DeleteOrganisation(_Command):
    def __init__(self, actions: LedgerActions, snapshot: Snapshot) -> None:
        name = str(snapshot["organisations"][0]["name"])
        super().__init__(actions, tr("Delete {name}").format(name=name[:40]))
        self.snapshot = snapshot
        self.target = int(snapshot["organisations"][0]["id"])

    def do(self) -> None:
        self.snapshot = self.ledger.delete_organisation(self.target)

    def undo_it(self) -> None:
        self.ledger.restore(self.snapshot)

    def org_id(self) -> int:
        return self.target


class EditOrganisation(_Command):
    def __init__(
        self, actions: LedgerActions, org_id: int, before: OrganisationInput,
        after: OrganisationInput,
    ) -> None:  # fmt: skip
        super().__init__(actions, tr("Edit {name}").format(name=after.name[:40]))
        self.target, self.before, self.after = org_id, before, after

    def do(self) -> None:
        self.ledger.update_organisation(self.target, self.after)

    def undo_it(self) -> None:
        self.ledger.update_organisation(self.target, self.before)

    def org_id(self) -> int:
        return self.target


class MergeOrganisations(_Command):
    def __init__(self, actions: LedgerActions, keep_id: int, undo: Snapshot) -> None:
        name = str(undo["organisations"][0]["name"])
        super().__init__(actions, tr("Merge {name}").format(name=name[:40]))
        self.keep, self.undo_data = keep_id, undo
        self.other = int(undo["organisations"][0]["id"])

    def do(self) -> None:
        self.undo_data = self.ledger.merge(self.keep, self.other)

    def undo_it(self) -> None:
        self.ledger.unmerge(self.keep, self.undo_data)

    def org_id(self) -> int:
        return self.keep


class AddRecord(_Command):
    def __init__(self, actions: LedgerActions, table: str, org_id: int, row_id: int) -> None:
        super().__init__(actions, actions.record_label(table, "Add"))
        self.table, self.org, self.target = table, org_id, row_id
        self.snapshot: Snapshot = {}

    def do(self) -> None:
        self.ledger.restore(self.snapshot)

    def undo_it(self) -> None:
        self.snapshot = self.ledger.delete_record(self.table, self.target)

    def org_id(self) -> int:
        return self.org


class EditRecord(_Command):
    def __init__(
        self, actions: LedgerActions, table: str, org_id: int, row_id: int, before: Any,
        after: Any,
    ) -> None:  # fmt: skip
        super().__init__(actions, actions.record_label(table, "Edit"))
        self.table, self.org, self.target = table, org_id, row_id
        self.before, self.after = before, after

    def do(self) -> None:
        self.ledger.update_record(self.table, self.target, self.after)

    def undo_it(self) -> None:
        self.ledger.update_record(self.table, self.target, self.before)

    def org_id(self) -> int:
        return self.org


class DeleteRecord(_Command):
    def __init__(self, actions: LedgerActions, table: str, org_id: int, snapshot: Snapshot) -> None:
        super().__init__(actions, actions.record_label(table, "Delete"))
        self.table, self.org, self.snapshot = table, org_id, snapshot
        self.target = int(snapshot[table][0]["id"])

    def do(self) -> None:
        self.snapshot = self.ledger.delete_record(self.table, self.target)

    def undo_it(self) -> None:
        self.ledger.restore(self.snapshot)

    def org_id(self) -> int:
        return self.org


class LedgerActions(QObject):
    """The one way the GUI changes the ledger: validated, saved, undoable."""

    changed = Signal(int)  # the organisation that changed (0: the list as a whole)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ledger: Ledger | None = None
        self.on_change: Callable[[int], None] | None = None
        self.undo_stack = QUndoStack(self)

    def attach(self, ledger: Ledger, on_change: Callable[[int], None] | None = None) -> None:
        self.ledger = ledger
        self.on_change = on_change
        self.undo_stack.clear()

    def notify(self, org_id: int) -> None:
        """After every change: first `on_change` (re-assess), then the views."""
        if self.on_change is not None:
            self.on_change(org_id)
        self.changed.emit(org_id)

    def clear(self) -> None:
        """On lock: the stack holds ledger data (snapshots), so it goes too."""
        self.undo_stack.clear()
        self.ledger = None
        self.on_change = None

    def record_label(self, table: str, verb: str) -> str:
        what = {"disclosures": self.tr("data given"), "benefits": self.tr("what you got"),
                "accounts": self.tr("account")}[table]  # fmt: skip
        return {"Add": self.tr("Add {what}"), "Edit": self.tr("Edit {what}"),
                "Delete": self.tr("Delete {what}")}[verb].format(what=what)  # fmt: skip

    def _ledger(self) -> Ledger:
        assert self.ledger is not None
        return self.ledger

    # --- organisations -------------------------------------------------------------------
    def add_organisation(self, data: OrganisationInput) -> int:
        org_id = self._ledger().add_organisation(data)
        self.undo_stack.push(AddOrganisation(self, org_id, data.name))
        return org_id

    def edit_organisation(self, org_id: int, data: OrganisationInput) -> None:
        before = self._ledger().organisation(org_id)
        self._ledger().update_organisation(org_id, data)
        self.undo_stack.push(EditOrganisation(self, org_id, before, data.cleaned()))

    def delete_organisation(self, org_id: int) -> None:
        snapshot = self._ledger().delete_organisation(org_id)
        self.undo_stack.push(DeleteOrganisation(self, snapshot))

    def merge_organisations(self, keep_id: int, other_id: int) -> None:
        undo = self._ledger().merge(keep_id, other_id)
        self.undo_stack.push(MergeOrganisations(self, keep_id, undo))

    # --- records -------------------------------------------------------------------------
    def add_record(self, table: str, org_id: int, data: Any) -> int:
        row_id = self._ledger().add_record(table, org_id, data)
        self.undo_stack.push(AddRecord(self, table, org_id, row_id))
        return row_id

    def edit_record(self, table: str, row_id: int, data: Any) -> None:
        row = self._ledger().record(table, row_id)
        before = record_input(table, row)
        self._ledger().update_record(table, row_id, data)
        org_id = int(row["organisation_id"])
        self.undo_stack.push(EditRecord(self, table, org_id, row_id, before, data))

    def delete_record(self, table: str, row_id: int) -> None:
        org_id = int(self._ledger().record(table, row_id)["organisation_id"])
        snapshot = self._ledger().delete_record(table, row_id)
        self.undo_stack.push(DeleteRecord(self, table, org_id, snapshot))
