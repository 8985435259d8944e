"""SECURITY.md case 28: a sentinel entered in the ledger is found nowhere outside the
encrypted vault and the export the person asked for.

A scripted session on the real GUI (menus, dialogs, workers): the sentinel goes into the
profile, an organisation's name and notes, a disclosure's and a benefit's detail, a letter
draft, and a password-manager export (a site's title and username, and — with a second
sentinel built on the same random core — its password, TOTP seed, notes and custom field).
Then the ledger is exported as JSON only, locked with Ctrl+L, opened again, and a bug on the
organisation's row ends in the crash dialog; then it is locked and the window closed.

Then every file of the test's folders is searched for the random core, in UTF-8 and UTF-16
(both byte orders), ignoring case, in contents and in file names: the data folder with the
vault, its backups, config (QSettings), log and cache folders; the XDG folders; the temp
folder (TMPDIR) — and any file changed meanwhile in the system's temp folders and the home
folder. It may be found only in the JSON export; the vault's files hold it only encrypted.
The crash report and the log are searched as texts too, and the clipboard, which held the
letter, is empty after the lock. The decrypted vault and the export do hold the sentinel (so
the search finds what is there), and neither holds the password.
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.logs import setup_logging
from app.paths import AppPaths
from app.services.ledger import Ledger
from app.storage.database import Connection
from app.storage.vault import open_with_keyring
from app.ui import application, export_flow, organisation_dialogs, password_import
from app.ui.dialogs import ExceptionDialog
from app.ui.import_preview import ImportPreviewDialog
from app.ui.letter_dialog import LetterDialog
from app.ui.password_import import PasswordImport
from app.ui.record_dialogs import BenefitDialog, DisclosureDialog, ProfileDialog
from tests.support import leak_scan
from tests.ui import conftest as gui

# The GUI fixtures of tests/ui: the application class and a Controller on a keyring vault.
qapp_cls, controller, keyring_vault = gui.qapp_cls, gui.controller, gui.keyring_vault

VAULT_FILES = ("ledger.db", "ledger.db-wal", "ledger.db-shm")
BITWARDEN = (
    "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,"
    "login_totp"
)


def decrypted_values(conn: Connection) -> list[str]:
    """Every value in every table of the open vault, as text."""
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [str(v) for t in tables for row in conn.execute(f'SELECT * FROM "{t}"') for v in row]


def visible(kind: type) -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def accepted(dialog: Any) -> int:
    dialog.try_accept()
    return int(dialog.result())


def password_export(folder: Path, sentinel: str, password: str) -> Path:
    folder.mkdir()
    path = folder / "bitwarden_export.csv"
    rows = [
        f',,login,Title {sentinel},"notes {password}","pin: {password}",0,'
        f"https://www.lekwinkel.nl/login,user-{sentinel}@example.org,{password},"
        f"otpauth://totp/x?secret={password}",
        f",,note,Note {sentinel},{password},,0,,,,",  # skipped: no address
    ]
    path.write_text("\n".join([BITWARDEN, *rows]) + "\n", encoding="utf-8")
    return path


class Session:
    """The scripted session: each step as a person does it, modal dialogs answered by the
    test (a modal loop would hang it)."""

    def __init__(self, qtbot: Any, controller: Any, monkeypatch: pytest.MonkeyPatch) -> None:
        self.qtbot, self.controller, self.monkeypatch = qtbot, controller, monkeypatch
        self.window = controller.window

    def wait_idle(self) -> None:
        self.qtbot.wait(20)
        self.qtbot.waitUntil(lambda: not self.controller.session.busy, timeout=20_000)

    def profile(self, sentinel: str) -> None:
        def fill(dialog: ProfileDialog) -> int:
            dialog.name.setText(f"Jan {sentinel}")
            dialog.address.setPlainText("Straat 1\n1234 AB Amsterdam")
            dialog.emails.setPlainText("jan@example.org")
            dialog.country.setText("NL")
            return accepted(dialog)

        self.monkeypatch.setattr(ProfileDialog, "exec", fill)
        self.window.profile_action.trigger()

    def add_organisation(self, sentinel: str) -> int:
        """File ▸ Add Organisation…, typed name, nothing found, "New organisation by hand"."""

        def by_hand(dialog: organisation_dialogs.AddOrganisationDialog) -> int:
            self.qtbot.keyClicks(dialog.search, f"Shop {sentinel}")
            dialog.refresh()
            dialog.new_button.click()
            form = dialog.organisation_dialog
            assert form is not None and form.name.text() == f"Shop {sentinel}"
            form.domains.setPlainText("lekshop.example")
            form.email.setText("privacy@lekshop.example")
            form.country.setText("NL")
            form.notes.setPlainText(f"They asked for my passport. {sentinel}")
            form.ok_button().click()
            return int(dialog.result())

        self.monkeypatch.setattr(organisation_dialogs.AddOrganisationDialog, "exec", by_hand)
        self.window.add_org_action.trigger()
        view = self.window.shell.organisations
        org_id = view.current_id()
        assert org_id is not None and view.detail.title.text() == f"Shop {sentinel}"
        return int(org_id)

    def add_records(self, sentinel: str) -> None:
        def disclosure(dialog: DisclosureDialog) -> int:
            dialog.picker.set_category("EmailAddress")
            dialog.detail.setText(f"the work address {sentinel}")
            return accepted(dialog)

        def benefit(dialog: BenefitDialog) -> int:
            dialog.kind.setCurrentIndex(dialog.kind.findData("discount"))
            dialog.description.setText(f"10% off {sentinel}")
            dialog.value_edit.setText("4,50")
            return accepted(dialog)

        self.monkeypatch.setattr(DisclosureDialog, "exec", disclosure)
        self.monkeypatch.setattr(BenefitDialog, "exec", benefit)
        detail = self.window.shell.organisations.detail
        for table in ("disclosures", "benefits"):
            detail.sections[table].add_button.click()
            assert detail.sections[table].model.rowCount() == 1, table

    def letter_draft(self, sentinel: str) -> None:
        """Write a letter and copy its text: it is recorded as a draft request."""
        drafted: list[int | None] = []

        def copy(dialog: LetterDialog) -> int:
            dialog.outputs["copy"].click()
            drafted.append(dialog.request_id)
            return 0

        self.monkeypatch.setattr(LetterDialog, "exec", copy)
        self.window.shell.organisations.detail.letter_button.click()
        assert drafted and drafted[0] is not None
        assert f"Jan {sentinel}" in QApplication.clipboard().text(), "copied"

    def import_passwords(self, export: Path) -> None:
        """File ▸ Import ▸ From a Password Manager Export…, add, and delete the export."""
        self.monkeypatch.setattr(
            password_import.QFileDialog, "getOpenFileName", lambda *a, **k: (str(export), "")
        )
        self.window.import_passwords_action.trigger()
        self.qtbot.waitUntil(lambda: bool(visible(ImportPreviewDialog)), timeout=20_000)
        visible(ImportPreviewDialog)[0].accept_button.click()
        self.qtbot.waitUntil(lambda: bool(visible(QMessageBox)), timeout=20_000)
        reminder = visible(QMessageBox)[0]
        assert reminder.text().startswith("Added 1 organisation"), reminder.text()
        next(b for b in reminder.buttons() if "Delete" in b.text()).click()
        self.qtbot.waitUntil(lambda: not PasswordImport.running, timeout=10_000)
        assert not export.exists(), "deleted as asked"

    def export_json(self, target: Path) -> None:
        """File ▸ Export ▸ Full Ledger (JSON)…"""
        self.monkeypatch.setattr(
            export_flow.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "")
        )
        self.window.json_action.trigger()
        self.qtbot.waitUntil(lambda: not visible(export_flow.BusyDialog), timeout=20_000)
        assert self.window.statusBar().currentMessage().startswith(f"Exported to {target}.")

    def lock_with_ctrl_l(self) -> None:
        window = self.window
        window.activateWindow()
        self.qtbot.waitUntil(window.isActiveWindow)
        self.qtbot.keyClick(window.shell.sidebar, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert not self.controller.session.is_unlocked

    def unlock(self) -> None:
        self.window.unlock_view.unlock()
        self.qtbot.waitUntil(lambda: self.controller.session.is_unlocked, timeout=10_000)
        self.wait_idle()

    def crash_on_the_row(self, org_id: int) -> str:
        """A bug while deleting the organisation: its exception's message quotes the row."""
        reports: list[str] = []

        def broken_delete(ledger: Ledger, row_id: int) -> None:
            org = ledger.organisation(row_id)
            raise ValueError(f"cannot delete {org.name!r}: {org.notes!r}")

        self.monkeypatch.setattr(
            ExceptionDialog, "exec", lambda d: reports.append(d.report.toPlainText())
        )
        self.monkeypatch.setattr(Ledger, "delete_organisation", broken_delete)
        view = self.window.shell.organisations
        self.window.shell.show_page(1)
        view.select_organisation(org_id)
        view.detail.delete_button.click()  # the slot raises; Qt hands it to sys.excepthook
        self.qtbot.waitUntil(lambda: bool(reports), timeout=5_000)
        return reports[0]


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh TMPDIR for Python and Qt, so everything written there is searched."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_case28_sentinel_found_only_in_vault_and_requested_export(
    qtbot, controller, keyring_vault, paths: AppPaths, tmp_path: Path, temp_folder, monkeypatch
) -> None:
    core = uuid.uuid4().hex  # what is searched for: it cannot occur by chance
    sentinel, password = f"LEAK-{core}", f"PW-{core}-secret"
    started = leak_scan.now()
    source = password_export(tmp_path / "downloads", sentinel, password)
    export = tmp_path / "exports" / "quid-ledger.json"
    export.parent.mkdir()
    level = logging.getLogger("app").level
    handler = setup_logging(paths, logging.DEBUG)  # as run_gui does; the most it could say
    pytest_qt_hook = sys.excepthook
    application.install_excepthook()  # the hook run_gui installs
    session = Session(qtbot, controller, monkeypatch)
    try:
        controller.start()
        qtbot.waitUntil(  # the first scheduled backup, into the data folder, is made
            lambda: any(paths.backup_dir.glob("ledger-scheduled-*.db")), timeout=20_000
        )
        session.wait_idle()
        session.profile(sentinel)
        org_id = session.add_organisation(sentinel)
        session.add_records(sentinel)
        session.letter_draft(sentinel)
        session.import_passwords(source)
        session.export_json(export)
        # While the vault is open its WAL holds the latest writes: encrypted too.
        assert (paths.data_dir / "ledger.db-wal").exists()
        open_leaks = leak_scan.scan_files(core, [paths.data_dir])
        assert open_leaks == [], leak_scan.describe(open_leaks)
        session.lock_with_ctrl_l()
        assert core not in QApplication.clipboard().text(), "the lock cleared the letter"
        session.unlock()
        report = session.crash_on_the_row(org_id)
        controller.session.lock()
        controller.window.close()  # saves the window's geometry to the settings file
    finally:
        sys.excepthook = pytest_qt_hook
        handler.flush()
        logging.getLogger("app").removeHandler(handler)
        logging.getLogger("app").setLevel(level)
        handler.close()

    # The search finds what is there: the vault and the export hold the sentinel.
    with open_with_keyring(paths) as vault:
        org = Ledger(vault.conn).organisation(org_id)
        assert org.name == f"Shop {sentinel}" and org.notes.endswith(sentinel)
        account = vault.conn.execute("SELECT identifier FROM accounts").fetchone()[0]
        assert account == f"user-{sentinel}@example.org", "imported"
        (body,) = vault.conn.execute("SELECT body FROM requests").fetchone()
        assert sentinel in body, "the letter draft"
        assert not any(password in value for value in decrypted_values(vault.conn))
    exported = export.read_text(encoding="utf-8")
    assert leak_scan.encodings_in(export.read_bytes(), core) == ["utf-8"]
    document = json.loads(exported)
    assert any(o["name"] == f"Shop {sentinel}" for o in document["organisations"])
    assert sentinel in exported and f"user-{sentinel}@example.org" in exported
    assert password not in exported and "PW-" not in exported, "the password was dropped"
    assert sorted(p.name for p in export.parent.iterdir()) == [export.name], "no temp file"

    # The vault's own files: encrypted, so the sentinel is not in their bytes either.
    for name in VAULT_FILES:
        path = paths.data_dir / name
        assert not path.exists() or leak_scan.leaks_in_file(path, core) == [], name

    # Everywhere else: the data, config, log and cache folders, XDG folders, TMPDIR …
    assert paths.settings_file.exists() and paths.log_file.exists()
    leaks = leak_scan.scan_files(core, [tmp_path], allowed=[export])
    # … and what changed meanwhile in the shared temp and home folders.
    home = Path.home()
    shared = [*leak_scan.SYSTEM_TEMP, home / ".config", home / ".cache", home / ".local"]
    leaks += leak_scan.scan_recent_files(core, shared, started, skip=[tmp_path])
    log = paths.log_file.read_text(encoding="utf-8")
    leaks += leak_scan.scan_texts(core, {"crash report": report, "log": log})
    assert leaks == [], leak_scan.describe(leaks)
    # The crash did reach the report and the log (so they were worth searching).
    assert "ValueError: (message withheld" in report and "broken_delete" in report
    assert "unexpected error" in log and "vault locked" in log


def test_case28_the_scan_itself_finds_every_encoding_and_file_names(tmp_path: Path) -> None:
    """The search itself can fail: each way of writing the sentinel is found."""
    core = uuid.uuid4().hex
    text = f"LEAK-{core}"
    (tmp_path / "utf8.log").write_text(f"x {text.upper()} y", encoding="utf-8")
    (tmp_path / "utf16.ini").write_bytes(f"x {text} y".encode("utf-16"))  # with a BOM, LE
    (tmp_path / "utf16be.dat").write_bytes(b"\0" + f"x{text}".encode("utf-16-be"))  # odd offset
    (tmp_path / f"report-{core}.txt").write_text("named after it")
    (tmp_path / "allowed.json").write_text(text)
    (tmp_path / "clean.txt").write_text(core[:-1])
    leaks = leak_scan.scan_files(core, [tmp_path], allowed=[tmp_path / "allowed.json"])
    found: dict[str, set[str]] = {}
    for leak in leaks:
        found.setdefault(Path(leak.where).name, set()).add(leak.encoding)
    assert set(found) == {"utf8.log", "utf16.ini", "utf16be.dat", f"report-{core}.txt"}
    assert "utf-8" in found["utf8.log"] and "utf-16-le" in found["utf16.ini"]
    assert "utf-16-be" in found["utf16be.dat"] and found[f"report-{core}.txt"] == {"name"}
    assert leak_scan.scan_texts(core, {"a": text, "b": "nothing"}) == [leak_scan.Leak("a", "text")]
