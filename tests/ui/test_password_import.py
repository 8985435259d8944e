"""File ▸ Import from Password Manager on a real vault: preview with ticks, background apply
with cancel, undo/redo as one step, errors that name the line, the column-mapping dialog for
an unknown CSV, the reminder to delete the export, and a lock in the middle."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.ledger import AccountInput, OrganisationInput
from app.services.ledger import Ledger
from app.storage.vault import open_with_keyring
from app.ui import password_import
from app.ui.column_mapping import ColumnMappingDialog
from app.ui.import_preview import ImportPreviewDialog
from app.ui.import_progress import ImportProgressDialog
from app.ui.password_import import PasswordImport, start_password_import

ROOT = QModelIndex()
SENTINEL = "Sentinel-Pa55word-7f3a9c"
HEADER = (
    "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,"
    "login_password,login_totp"
)
ROWS = [
    f"Mail,,1,Google,,,0,https://accounts.google.com/signin,me@example.org,{SENTINEL},",
    f",,1,YouTube,,,0,https://www.youtube.com/,me@example.org,{SENTINEL}x,",
    f",,1,Fietsenwinkel,,,0,https://www.fietsenwinkel.nl/account,shopper,{SENTINEL}y,",
    f",,1,Bakkerij,,,0,https://bakkerijdewit.nl/,baker@example.org,{SENTINEL}z,",
    f",,1,Knitting forum,a note {SENTINEL},,0,https://forum.tinyhobby.nl/login,knitter42,"
    f"{SENTINEL}w,",
    f",,2,Wifi at home,{SENTINEL},,0,,,,",
]


def write_export(tmp_path: Path, rows: list[str], header: str = HEADER) -> Path:
    path = tmp_path / "bitwarden_export.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def ledger_with_two(paths, keyring_vault) -> None:
    """Two organisations already in the ledger; one already has the account the export has."""
    with open_with_keyring(paths) as vault:
        ledger = Ledger(vault.conn)
        ledger.add_organisation(OrganisationInput("Fietsenwinkel", domains=["fietsenwinkel.nl"]))
        bakery = ledger.add_organisation(
            OrganisationInput("Bakkerij de Wit", domains=["bakkerijdewit.nl"])
        )
        ledger.add_account(bakery, AccountInput("baker@example.org"))


@pytest.fixture
def told(monkeypatch) -> list[tuple[str, str]]:
    """Every message box the flow would show (tell() runs a modal loop)."""
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(password_import, "tell", lambda _p, title, text, **k: said.append(
        (title, text)))  # fmt: skip
    return said


@pytest.fixture
def app_window(qtbot, controller, ledger_with_two):
    controller.start()
    assert controller.session.is_unlocked
    # The shell assesses the ledger 100 ms after unlocking, on the GUI thread; nobody can
    # start an import that fast, so wait for it as a person would.
    overview = controller.window.shell.overview
    qtbot.waitUntil(lambda: overview.dashboard is not None, timeout=10000)
    return controller


def visible(cls):
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
    return found[0] if found else None


def start(controller, path: Path, imported: list | None = None) -> None:
    window = controller.window
    start_password_import(
        window, controller.session, window.shell.ledger_actions,
        (imported if imported is not None else []).append, path,
    )  # fmt: skip


def wait_for(qtbot, cls, timeout: int = 10000):
    qtbot.waitUntil(lambda: visible(cls) is not None, timeout=timeout)
    return visible(cls)


def names(controller) -> set[str]:
    conn = controller.session.vault.conn
    return {row[0] for row in conn.execute("SELECT name FROM organisations")}


def org_row(model, name_part: str) -> int:
    for row in range(model.rowCount()):
        if name_part.casefold() in model.org_at(row).name.casefold():
            return row
    raise AssertionError(f"{name_part} not in the preview")


def all_texts(model, parent=ROOT) -> list[str]:
    texts = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            texts.append(str(model.data(index) or ""))
            texts.append(str(model.data(index, Qt.ItemDataRole.ToolTipRole) or ""))
        texts += all_texts(model, model.index(row, 0, parent))
    return texts


def until_cancelled(progress) -> None:
    """In the worker: wait (at most 5 s) for the Cancel button."""
    for _ in range(500):
        if progress.cancelled:
            return
        threading.Event().wait(0.01)


def click(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    button.click()


def test_preview_tick_apply_undo_redo(qtbot, app_window, tmp_path, told):
    controller = app_window
    before = names(controller)
    path = write_export(tmp_path, ROWS)
    imported: list = []
    start(controller, path, imported)
    preview = wait_for(qtbot, ImportPreviewDialog)
    model = preview.model

    google = model.org_at(org_row(model, "google"))
    assert {"google.com", "youtube.com"} <= set(google.domains), "grouped under one organisation"
    assert [a.identifier for a in google.accounts] == ["me@example.org"]
    assert model.data(model.index(org_row(model, "google"), 1)) == "from the directory"
    bike = org_row(model, "fietsenwinkel")
    assert model.data(model.index(bike, 1)) == "already in your ledger"
    forum = org_row(model, "tinyhobby")
    assert model.data(model.index(forum, 1)) == "new"
    bakery = org_row(model, "bakkerij")
    assert model.data(model.index(bakery, 0), Qt.ItemDataRole.CheckStateRole) is None
    assert not model.flags(model.index(bakery, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.data(model.index(bakery, 5)) == "nothing new"
    assert preview.tabs.tabText(1) == "Skipped (1)"
    assert preview.skipped_model.rows[0].line == 7
    summary = "3 organisations (1 already in your ledger), 3 accounts selected"
    assert summary in preview.summary.text()
    assert preview.accept_button.text() == "Add 3 organisations"
    texts = all_texts(model)
    assert "me@example.org" in texts and "knitter42" in texts
    assert not any(SENTINEL in text for text in texts)
    assert not any(SENTINEL in text for text in all_texts(preview.skipped_model))

    # Untick the forum by keyboard: select its row, Space.
    preview.tree.setFocus()
    preview.tree.setCurrentIndex(model.index(forum, 0))
    qtbot.keyClick(preview.tree, Qt.Key.Key_Space)
    assert model.data(model.index(forum, 0), Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    assert "2 organisations (1 already in your ledger), 2 accounts" in preview.summary.text()
    qtbot.mouseClick(preview.accept_button, Qt.MouseButton.LeftButton)

    box = wait_for(qtbot, QMessageBox)
    assert "Added 1 organisation, 2 accounts and 2 identifiers" in box.text()
    assert "unbalanced until you add what you get" in box.text(), "what to do next"
    assert str(path) in box.informativeText() and "plain text" in box.informativeText()
    click(box, "Keep it")
    qtbot.waitUntil(lambda: not PasswordImport.running)
    assert path.exists(), "kept when asked to keep it"
    assert told == []
    assert len(imported) == 1

    ledger = controller.window.shell.ledger
    added = names(controller) - before
    assert len(added) == 1 and "google" in next(iter(added)).casefold()
    assert not any("tinyhobby" in n or "Knitting" in n for n in names(controller))
    google_id = ledger.resolve("google.com")
    assert [a["identifier"] for a in ledger.records("accounts", google_id)] == ["me@example.org"]
    given = ledger.records("disclosures", google_id)
    assert [d["category"] for d in given] == ["EmailAddress"]
    bike_id = ledger.resolve("fietsenwinkel.nl")
    assert [a["identifier"] for a in ledger.records("accounts", bike_id)] == ["shopper"]
    assert [d["category"] for d in ledger.records("disclosures", bike_id)] == ["Username"]

    window = controller.window
    assert window.undo_action.text() == "&Undo Import from password export"
    window.undo_action.trigger()
    assert names(controller) == before
    assert ledger.records("accounts", bike_id) == []
    assert ledger.records("disclosures", bike_id) == []
    window.redo_action.trigger()
    assert ledger.resolve("google.com") == google_id, "redo restores the same ids"
    assert len(ledger.records("disclosures", google_id)) == 1
    assert [a["identifier"] for a in ledger.records("accounts", bike_id)] == ["shopper"]
    view = window.shell.organisations
    assert view.model.rowCount() == len(before) + 1, "the organisations page was refreshed"


def test_filter_select_all_none_and_space_by_keyboard(qtbot, app_window, tmp_path, told):
    start(app_window, write_export(tmp_path, ROWS))
    preview = wait_for(qtbot, ImportPreviewDialog)
    model = preview.model
    qtbot.keyClick(preview.tree, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier
                   | Qt.KeyboardModifier.ControlModifier)  # fmt: skip
    assert "0 organisations, 0 accounts selected" in preview.summary.text()
    assert not preview.accept_button.isEnabled()

    qtbot.keyClick(preview.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert preview.filter.hasFocus()
    qtbot.keyClicks(preview.filter, "knitter")  # an account name finds its organisation
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=3000)
    assert "tinyhobby.nl" in model.org_at(0).domains
    assert "1 of 4 shown" in preview.summary.text()
    qtbot.keyClick(preview.filter, Qt.Key.Key_Return)
    assert preview.tree.hasFocus()
    qtbot.keyClick(preview.tree, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert "1 organisation, 1 account selected" in preview.summary.text()
    assert preview.accept_button.text() == "Add 1 organisation"

    preview.filter.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=3000)
    preview.select_all.click()
    assert "3 organisations (1 already in your ledger), 3 accounts" in preview.summary.text()
    preview.select_none.click()
    assert preview.selected_keys() == set()
    # Space on an account ticks its organisation.
    google = org_row(model, "google")
    preview.tree.setCurrentIndex(model.index(0, 0, model.index(google, 0)))
    qtbot.keyClick(preview.tree, Qt.Key.Key_Space)
    assert preview.selected_keys() == {model.org_at(google).key}
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not PasswordImport.running)
    assert told == []


def test_case21_cancel_during_apply_leaves_nothing(qtbot, app_window, tmp_path, told, monkeypatch):
    controller = app_window
    before = names(controller)
    wrote_one = threading.Event()
    real_apply = password_import.apply_proposal

    class PausingProgress:
        """Lets the first organisation be written, then waits for the person to cancel."""

        def __init__(self, progress) -> None:
            self.progress = progress

        def step(self, done: int, total: int) -> None:
            if done >= 1:
                wrote_one.set()
                until_cancelled(self.progress)
            self.progress.step(done, total)

    monkeypatch.setattr(
        password_import, "apply_proposal",
        lambda conn, proposal, selected, progress: real_apply(
            conn, proposal, selected, PausingProgress(progress)),
    )  # fmt: skip
    start(controller, write_export(tmp_path, ROWS))
    preview = wait_for(qtbot, ImportPreviewDialog)
    preview.accept_button.click()
    busy = wait_for(qtbot, ImportProgressDialog)
    qtbot.waitUntil(wrote_one.is_set, timeout=10000)
    qtbot.keyClick(busy, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not PasswordImport.running, timeout=10000)
    assert names(controller) == before
    ledger = controller.window.shell.ledger
    assert ledger.records("accounts", ledger.resolve("fietsenwinkel.nl")) == []
    assert controller.window.shell.ledger_actions.undo_stack.count() == 0
    assert "cancelled; nothing was changed" in controller.window.statusBar().currentMessage()
    assert visible(QMessageBox) is None and told == []
    assert controller.session.idle_timer.interval() > 0, "the idle lock is back on"


def test_case18_malformed_file_names_the_line_and_changes_nothing(
    qtbot, app_window, tmp_path, told
):
    controller = app_window
    before = names(controller)
    rows = [*ROWS[:3], ',,1,Broken,,,0,"https://broken.example.org,someone,pw,', *ROWS[3:]]
    start(controller, write_export(tmp_path, rows))
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    title, message = told[0]
    assert title == "Not imported" and "Line 5" in message and SENTINEL not in message
    assert "nothing was" in message.casefold()
    assert visible(ImportPreviewDialog) is None and not PasswordImport.running
    assert names(controller) == before

    told.clear()
    headless = tmp_path / "no_header.csv"
    headless.write_text(f"https://forum.tinyhobby.nl/,knitter42,{SENTINEL}\n", encoding="utf-8")
    start(controller, headless)
    assert visible(ColumnMappingDialog) is None, "its cells would be shown as column names"
    assert "does not look like a header row" in told[0][1] and SENTINEL not in told[0][1]

    # No `://` or `@` in the first row, but a password: refused all the same.
    for first in (f"Forum,knitter42,{SENTINEL}", "forum.tinyhobby.nl,knitter42,hunter"):
        told.clear()
        headless.write_text(f"{first}\nShop,jan,Another-Pa55word!\n", encoding="utf-8")
        start(controller, headless)
        assert visible(ColumnMappingDialog) is None, first
        assert told[0][1] == (
            "The first line of no_header.csv does not look like a header row (column names); "
            "add one or export again with headers. Nothing was imported."
        )

    told.clear()
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    start(controller, empty)
    assert told and "empty" in told[0][1]


def test_unknown_csv_goes_through_the_column_mapping(qtbot, app_window, tmp_path, told):
    controller = app_window
    path = write_export(
        tmp_path,
        [f"Forum,https://me:{SENTINEL}@forum.tinyhobby.nl/?token={SENTINEL},knitter42,"
         f"{SENTINEL},2020-05-17",
         f"Work,https://intranet/,me,{SENTINEL},"],
        header="Site name,Address,Login,Secret,Made on",
    )  # fmt: skip
    start(controller, path)
    dialog = wait_for(qtbot, ColumnMappingDialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.combos["url"].currentData() == "Address", "pre-filled from the guess"
    assert dialog.combos["username"].currentData() == "Login"
    shown = [dialog.preview_model.item(r, c).text() for r in range(2) for c in range(3)]
    assert shown[:3] == ["2", "https://forum.tinyhobby.nl", "knitter42"], "scheme and host"
    assert not any(SENTINEL in text for text in shown), "the password column is never shown"
    assert dialog.preview_model.columnCount() == 3

    dialog.combos["url"].setCurrentIndex(0)  # no web address column: cannot go on
    assert not ok.isEnabled() and dialog.error.isVisible()
    dialog.combos["url"].setCurrentIndex(dialog.combos["url"].findData("Address"))
    dialog.combos["created"].setCurrentIndex(dialog.combos["created"].findData("Made on"))
    assert ok.isEnabled()
    ok.click()

    preview = wait_for(qtbot, ImportPreviewDialog)
    model = preview.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 4)) == "2020-05-17"
    assert preview.tabs.tabText(1) == "Skipped (1)"
    preview.accept_button.click()
    click(wait_for(qtbot, QMessageBox), "Keep it")
    qtbot.waitUntil(lambda: not PasswordImport.running)
    ledger = controller.window.shell.ledger
    accounts = ledger.records("accounts", ledger.resolve("tinyhobby.nl"))
    assert [(a["identifier"], a["first_used"]) for a in accounts] == [("knitter42", "2020-05-17")]
    assert told == []


def test_file_dialog_then_reminder_deletes_the_export(
    qtbot, app_window, tmp_path, told, monkeypatch
):
    path = write_export(tmp_path, ROWS)
    asked: list[str] = []
    answer = ""

    def choose(_parent, _title, _folder, filters):
        asked.append(filters)
        return answer, ""

    monkeypatch.setattr(password_import.QFileDialog, "getOpenFileName", choose)
    window = app_window.window
    args = (window, app_window.session, window.shell.ledger_actions, lambda _r: None)
    start_password_import(*args)  # the person closes the file dialog: nothing happens
    assert asked == ["Password export (*.csv);;All files (*)"]
    assert not PasswordImport.running and visible(ImportProgressDialog) is None
    answer = str(path)
    start_password_import(*args)
    wait_for(qtbot, ImportPreviewDialog).accept_button.click()
    click(wait_for(qtbot, QMessageBox), "Delete the export file")
    qtbot.waitUntil(lambda: not PasswordImport.running)
    assert not path.exists()
    assert app_window.window.statusBar().currentMessage() == "The export file was deleted."
    assert told == []


def test_lock_while_the_preview_is_open_closes_it(qtbot, app_window, tmp_path, told):
    before = names(app_window)
    start(app_window, write_export(tmp_path, ROWS))
    preview = wait_for(qtbot, ImportPreviewDialog)
    app_window.session.lock()
    assert not preview.isVisible()
    qtbot.waitUntil(lambda: not PasswordImport.running)
    assert told == []
    app_window.window.start()  # keyring vault: unlocks again
    assert names(app_window) == before


def test_cancel_while_reading_shows_no_preview(qtbot, app_window, tmp_path, told, monkeypatch):
    real_propose = password_import.propose_file

    def propose_after_cancel(path, conn, fmt, mapping, directory, progress):
        until_cancelled(progress)  # the person cancels while the file is being read
        return real_propose(path, conn, fmt, mapping, directory, progress)

    monkeypatch.setattr(password_import, "propose_file", propose_after_cancel)
    start(app_window, write_export(tmp_path, ROWS))
    busy = wait_for(qtbot, ImportProgressDialog)
    assert "Reading bitwarden_export.csv" in busy.label.text()
    busy.buttons.button(busy.buttons.StandardButton.Cancel).click()
    assert "Cancelling" in busy.label.text()
    qtbot.waitUntil(lambda: not PasswordImport.running, timeout=10000)
    assert visible(ImportPreviewDialog) is None and visible(ImportProgressDialog) is None
    assert "cancelled" in app_window.window.statusBar().currentMessage()
    assert told == []


def test_a_failed_delete_is_reported_and_nothing_leaks(qtbot, app_window, tmp_path, told, paths):
    path = write_export(tmp_path, ROWS)
    start(app_window, path)
    wait_for(qtbot, ImportPreviewDialog).accept_button.click()
    box = wait_for(qtbot, QMessageBox)
    path.unlink()
    path.mkdir()  # unlink() of a folder fails
    click(box, "Delete the export file")
    qtbot.waitUntil(lambda: not PasswordImport.running)
    assert told[0][0] == "Not deleted" and str(path) in told[0][1]
    assert "delete it yourself" in told[0][1]

    # The passwords are nowhere: not in the vault, its WAL, the logs, settings or cache.
    needles = (SENTINEL.encode(), SENTINEL.encode("utf-16-le"))
    for folder in (paths.data_dir, tmp_path / "xdg"):
        for file in (f for f in folder.rglob("*") if f.is_file()):
            data = file.read_bytes()
            assert not any(needle in data for needle in needles), file
