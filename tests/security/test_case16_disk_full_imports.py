"""SECURITY.md case 16 for imports: a password import and a ledger (JSON) import that run
into a full disk say "the disk is full", keep nothing of the import, leave the earlier data
as it was, and work when tried again after space was freed.

In the GUI the vault's own connection is made full with `PRAGMA max_page_count` (the file
may not grow by one page); the CLI runs on a vault whose whole data folder is a small tmpfs
that is really full (see test_case16_small_disk).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.cli import main
from app.domain.ledger import AccountInput, DisclosureInput, OrganisationInput
from app.paths import AppPaths
from app.services.example_ledger import load_example_ledger
from app.services.export_json import export_ledger_json
from app.services.ledger import Ledger
from app.storage.database import Connection
from app.storage.header import KeyMode
from app.storage.vault import create_vault, open_with_keyring
from app.ui import export_flow, password_import
from app.ui.import_preview import ImportPreviewDialog
from app.ui.password_import import PasswordImport
from tests.security.test_case16_small_disk import small_disk
from tests.ui import conftest as gui

# The GUI fixtures of tests/ui: the application class and a Controller on a keyring vault.
qapp_cls, controller, keyring_vault = gui.qapp_cls, gui.controller, gui.keyring_vault

Tables = dict[str, list[tuple[Any, ...]]]
NO_LIMIT = 1_073_741_823  # SQLite's default max_page_count
SITES = 150
BITWARDEN = (
    "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,"
    "login_totp"
)


def password_export(folder: Path) -> Path:
    """A Bitwarden export of SITES logins on sites no ledger has yet."""
    rows = [
        f",,login,Site {i},,,0,https://www.site{i}-example.nl/login,user{i}@example.org,pw{i},"
        for i in range(SITES)
    ]
    path = folder / "bitwarden.csv"
    path.write_text("\n".join([BITWARDEN, *rows]) + "\n", encoding="utf-8")
    return path


def ledger_file(folder: Path) -> Path:
    """The example ledger (26 organisations) as a Quid ledger file from another vault."""
    vault, _ = create_vault(AppPaths.resolve(folder / "source"), KeyMode.KEYRING)
    with vault:
        load_example_ledger(Ledger(vault.conn))
        export_ledger_json(vault.conn, folder / "ledger.json")
    return folder / "ledger.json"


def add_earlier_data(conn: Connection) -> None:
    ledger = Ledger(conn)
    org = ledger.add_organisation(OrganisationInput("Earlier Shop", domains=["earlier.example"]))
    ledger.add_account(org, AccountInput("me@earlier.example"))
    ledger.add_disclosure(org, DisclosureInput("EmailAddress", detail="kept as it was"))


def tables(conn: Connection) -> Tables:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {n: sorted(conn.execute(f'SELECT * FROM "{n}"'), key=repr) for n in names}


def organisations(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM organisations").fetchone()[0])


def make_full(conn: Connection) -> None:
    """The disk is full from here on: the vault may not grow by a single page."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def visible(kind: type) -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def full_disk_message(text: str) -> None:
    """The message a person sees: what happened, that nothing was kept, what to do."""
    lowered = text.lower()
    assert "disk is full" in lowered, text
    assert "nothing was saved" in lowered or "nothing was changed" in lowered, text
    assert "free some space" in lowered, text


# --- GUI -------------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, controller, paths: AppPaths, keyring_vault):  # type: ignore[no-untyped-def]
    with open_with_keyring(paths) as vault:
        add_earlier_data(vault.conn)
    controller.start()
    assert controller.session.is_unlocked
    # The shell assesses the ledger (and stores the result) just after unlocking, and the
    # scheduled backup starts: let both finish, as a person would, before the vault is full.
    overview = controller.window.shell.overview
    qtbot.waitUntil(lambda: overview.dashboard is not None, timeout=20_000)
    qtbot.waitUntil(lambda: not controller.session.busy, timeout=20_000)
    return controller.window


def import_passwords_through_the_menu(qtbot, window, export: Path) -> None:  # type: ignore[no-untyped-def]
    window.import_passwords_action.trigger()
    qtbot.waitUntil(lambda: bool(visible(ImportPreviewDialog)), timeout=20_000)
    preview = visible(ImportPreviewDialog)[0]
    assert f"Add {SITES} organisations" in preview.accept_button.text()
    preview.accept_button.click()


def test_case16_gui_password_import_into_a_full_vault(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = password_export(tmp_path)
    monkeypatch.setattr(
        password_import.QFileDialog, "getOpenFileName", lambda *a, **k: (str(export), "")
    )
    told: list[str] = []
    monkeypatch.setattr(password_import, "tell", lambda _w, _title, text, **_k: told.append(text))
    conn = window.session.vault.conn
    before = tables(conn)
    make_full(conn)

    import_passwords_through_the_menu(qtbot, window, export)
    qtbot.waitUntil(lambda: bool(told) and not PasswordImport.running, timeout=20_000)
    full_disk_message(told[0])
    assert not conn.in_transaction
    assert tables(conn) == before, "nothing of the import was kept; the earlier data is intact"
    assert window.undo_action.text() == "&Undo", "no import to undo"
    assert not window.session.busy

    conn.execute(f"PRAGMA max_page_count = {NO_LIMIT}")  # space freed
    import_passwords_through_the_menu(qtbot, window, export)
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)), timeout=20_000)
    reminder = visible(QMessageBox)[0]
    assert f"Added {SITES} organisations" in reminder.text()
    reminder.reject()  # "Keep it"
    qtbot.waitUntil(lambda: not PasswordImport.running, timeout=10_000)
    assert len(told) == 1
    assert organisations(conn) == SITES + 1
    assert Ledger(conn).resolve("earlier.example"), "the earlier organisation is still there"
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_case16_gui_ledger_import_into_a_full_vault(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = ledger_file(tmp_path)
    monkeypatch.setattr(
        export_flow.QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), "")
    )
    monkeypatch.setattr(
        export_flow.QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes
    )  # merge into the ledger that has data
    conn = window.session.vault.conn
    before = tables(conn)
    make_full(conn)

    window.import_json_action.trigger()
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)), timeout=20_000)
    box = visible(QMessageBox)[0]
    assert box.windowTitle() == "Not imported" and box.icon() == QMessageBox.Icon.Warning
    full_disk_message(box.text())
    box.close()
    assert not conn.in_transaction
    assert tables(conn) == before, "nothing of the import was kept; the earlier data is intact"

    conn.execute(f"PRAGMA max_page_count = {NO_LIMIT}")  # space freed
    window.import_json_action.trigger()
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)), timeout=20_000)
    box = visible(QMessageBox)[0]
    assert box.text().startswith("Imported 26 organisations"), box.text()
    box.close()
    assert organisations(conn) == 27
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


# --- CLI -------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["passwords", "json"])
def test_case16_cli_import_onto_a_full_disk(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    source = password_export(tmp_path) if kind == "passwords" else ledger_file(tmp_path)
    command = ["--data-dir", str(paths.data_dir), "import", kind, str(source)]
    if kind == "json":
        command.append("--merge")
    with small_disk(paths.data_dir) as disk:  # the vault's whole folder
        vault, _ = create_vault(paths, KeyMode.KEYRING)
        with vault:
            add_earlier_data(vault.conn)
            before = tables(vault.conn)
        # Room to open the vault (its lock and shared-memory files), not for the import.
        disk.fill(leave=64 * 1024)
        capsys.readouterr()
        code = main(command)
        out, err = capsys.readouterr()
        assert code == 2, err
        assert err.count("\n") == 1 and err.startswith("quid: "), err
        full_disk_message(err)
        assert "Added" not in out and "Imported" not in out

        disk.free()
        assert sorted(p.name for p in paths.data_dir.glob("ledger.*")) == [
            "ledger.db", "ledger.key", "ledger.lock",
        ], "no WAL or journal left behind"  # fmt: skip
        with open_with_keyring(paths) as vault:
            assert tables(vault.conn) == before, "nothing half imported; earlier data intact"
            assert vault.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)

        assert main(command) == 0, "the same import works once space is freed"
        out, _ = capsys.readouterr()
        assert "Added 150 organisations" in out or "Imported 26 organisations" in out, out
        with open_with_keyring(paths) as vault:
            assert organisations(vault.conn) == (SITES if kind == "passwords" else 26) + 1
