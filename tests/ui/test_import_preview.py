"""The import preview dialog and the import's undo step, on their own (no main window): Enter in
the filter, tooltips that never render ledger text as HTML, and an undo that is one
transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.domain.ledger import AccountInput, OrganisationInput
from app.services.directory import Directory
from app.services.discovery import apply_proposal, propose
from app.services.ledger import Ledger
from app.services.password_export import ExportEntry
from app.storage.header import KeyMode
from app.storage.vault import create_vault
from app.ui.import_commands import ImportFromPasswordExport
from app.ui.import_preview import ImportPreviewDialog
from app.ui.import_preview_model import COL_DOMAINS, COL_MATCH, COL_NAME, COL_NOTE

HTML_NAME = "<b>x</b><img src=y>"


@pytest.fixture
def ledger(paths):
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        yield Ledger(vault.conn)


def rows(*domains: str) -> list[ExportEntry]:
    return [
        ExportEntry(n + 2, f"t{n}", (f"https://{domain}/",), f"u{n}@example.org", None, None)
        for n, domain in enumerate(domains)
    ]


def test_enter_in_the_filter_filters_and_does_not_import(qtbot, ledger, tmp_path) -> None:
    proposal = propose(rows("bol.com", "tinyhobby.nl", "zalando.nl"), ledger.conn, Directory([]))
    dialog = ImportPreviewDialog(proposal, tmp_path / "export.csv", "Bitwarden")
    qtbot.addWidget(dialog)
    accepted: list[bool] = []
    dialog.accepted.connect(lambda: accepted.append(True))
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert dialog.accept_button.isEnabled() and dialog.accept_button.isDefault()
    dialog.filter.setFocus()
    qtbot.keyClicks(dialog.filter, "bol")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        qtbot.keyClick(dialog.filter, key)
        assert accepted == [] and dialog.isVisible(), "Enter in the filter adds nothing"
        assert dialog.model.rowCount() == 1, "it applied the filter at once"
        assert dialog.focusWidget() is dialog.tree
        dialog.filter.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)  # in the list, Enter is "Add" as before
    assert accepted == [True]


def test_tooltips_show_ledger_text_as_plain_text(qtbot, ledger, tmp_path) -> None:
    org_id = ledger.add_organisation(OrganisationInput(HTML_NAME, domains=["bol.com"]))
    ledger.add_account(org_id, AccountInput("u0@example.org"))
    proposal = propose(rows("bol.com", "tinyhobby.nl"), ledger.conn, Directory([]))
    dialog = ImportPreviewDialog(proposal, tmp_path / "export.csv", "Bitwarden")
    qtbot.addWidget(dialog)
    model = dialog.model
    row = next(r for r in range(model.rowCount()) if model.org_at(r).name == HTML_NAME)
    assert model.data(model.index(row, COL_NAME)) == HTML_NAME, "shown as it is"
    tips = [
        str(model.data(model.index(r, column), Qt.ItemDataRole.ToolTipRole))
        for r in range(model.rowCount())
        for column in (COL_NAME, COL_MATCH, COL_DOMAINS, COL_NOTE)
    ]
    assert all("<b>" not in tip and "<img" not in tip for tip in tips)
    assert any("&lt;b&gt;x&lt;/b&gt;&lt;img src=y&gt;" in tip for tip in tips)


def test_undo_and_redo_are_each_one_transaction(qtbot, ledger, monkeypatch) -> None:
    class Actions:
        def __init__(self) -> None:
            self.ledger = ledger

        def tr(self, text: str) -> str:
            return text

        def notify(self, _org_id: int) -> None:
            pass

    there = ledger.add_organisation(OrganisationInput("Bol", domains=["bol.com"]))
    entries = rows("bol.com", *(f"shop{n}.nl" for n in range(20)))
    result = apply_proposal(ledger.conn, propose(entries, ledger.conn, Directory([])))
    command = ImportFromPasswordExport(Actions(), result)  # type: ignore[arg-type]
    command.redo()  # as QUndoStack.push does: the import is already applied
    conn = ledger.conn

    def state() -> tuple[int, ...]:
        tables = ("organisations", "accounts", "disclosures")
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)

    imported = state()
    assert imported == (21, 21, 21)
    real_delete = Ledger.delete_organisation
    deleted: list[int] = []

    def failing_delete(self: Ledger, org_id: int):  # the tenth delete fails (a full disk)
        if len(deleted) == 9:
            raise OSError("disk full")
        deleted.append(org_id)
        return real_delete(self, org_id)

    monkeypatch.setattr(Ledger, "delete_organisation", failing_delete)
    with pytest.raises(OSError):
        command.undo()
    assert state() == imported, "all or nothing: the nine deleted before the error are back"
    monkeypatch.setattr(Ledger, "delete_organisation", real_delete)

    commits: list[str] = []
    conn.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
    try:
        command.undo()
        assert state() == (1, 0, 0) and ledger.records("accounts", there) == []
        assert commits == ["COMMIT"], "one commit for every delete"
        commits.clear()
        command.redo()
        assert state() == imported and commits == ["COMMIT"]
    finally:
        conn.set_trace_callback(None)


def test_skipped_rows_show_no_secret_of_their_address(qtbot, ledger, tmp_path) -> None:
    secret = "Sentinel-in-an-address-41"
    entries = [
        ExportEntry(2, "", (f"http://admin:{secret}@192.168.1.1",), "admin", None, None),
        ExportEntry(3, "", (f"https://wiki/reset?token={secret}#{secret}",), "me", None, None),
        ExportEntry(4, "", (f"mailto:{secret}@example.org",), "me", None, None),
        ExportEntry(5, "", (f"https://shop.nl/?t={secret}",), "me", None, None),
    ]
    proposal = propose(entries, ledger.conn, Directory([]))
    dialog = ImportPreviewDialog(proposal, Path("export.csv"), "Firefox")
    qtbot.addWidget(dialog)
    model = dialog.skipped_model
    shown = [
        str(model.data(model.index(r, c)))
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    assert "http://192.168.1.1" in shown and "https://wiki" in shown and "mailto:" in shown
    assert not any(secret in text for text in shown)
