"""SECURITY.md catalogue 20: a password-manager export's secrets are never kept.

A sentinel is put into every secret column (password, TOTP seed, notes, custom fields) of
exports in several formats and encodings, and into web addresses: a login in one
(`http://admin:SENTINEL@router`) and a token in a query string. After the import it must appear
nowhere: not in the vault file, its WAL (searched while the vault is still open), the decrypted
content (every column of every table), the log, the config and cache folders, the temp folder,
what the CLI printed (text and JSON) or the GUI's preview. The identifiers and addresses that
*are* kept or shown are found by the same search, so it can fail.
"""

from __future__ import annotations

import logging
import os
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from app.logs import setup_logging
from app.paths import AppPaths
from app.services.discovery import apply_proposal, propose_file
from app.storage.database import Connection
from app.storage.header import KeyMode
from app.storage.vault import create_vault, open_with_keyring
from app.ui.import_preview import ImportPreviewDialog
from tests.support.keyrings import FileKeyring

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def sentinel() -> str:
    return f"Pw-Sentinel-{secrets.token_hex(8)}"


def exports(folder: Path, sentinel: str) -> list[Path]:
    """The same secrets in four formats: UTF-8 with CRLF, UTF-16, cp1252 and a BOM."""
    folder.mkdir()
    bitwarden = (
        "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,"
        "login_password,login_totp\r\n"
        f',,login,Mail,"notes: {sentinel}, more\r\nand {sentinel}","pin: {sentinel}",0,'
        f'"https://mail.google.com\nhttps://www.youtube.com",jan@example.org,{sentinel},'
        f"otpauth://totp/x?secret={sentinel}\r\n"
        f",,note,Secret note,{sentinel},,0,,,,\r\n"
        f",,login,Shop,,,0,https://www.bol.com,jandv,{sentinel}!,\r\n"
    )
    keepassxc = (
        '"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified",'
        '"Created"\n'
        f'"Root","Bank","jan.devries","{sentinel}","https://mijn.ing.nl","{sentinel}",'
        f'"{sentinel}","0","2024-01-02T03:04:05Z","2015-03-04T05:06:07Z"\n'
    )
    firefox = (
        '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated",'
        '"timeLastUsed","timePasswordChanged"\n'
        f'"https://www.reddit.com","redditör","{sentinel}",,"https://www.reddit.com",'
        '"{1}","1546300800000","1704067200000","1600000000000"\n'
    )
    onepassword = (
        "Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\n"
        f"Zalando,https://www.zalando.nl,jan@example.org,{sentinel},{sentinel},false,false,"
        f'"{sentinel}","{sentinel}"\n'
    )
    # Firefox has no title column: a skipped row is shown by its address
    addresses = (
        '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated",'
        '"timeLastUsed","timePasswordChanged"\n'
        f'"http://admin:{sentinel}@192.168.1.1","admin","{sentinel}",,,"{{a}}",,,\n'
        f'"https://wiki/reset?token={sentinel}","jan.intranet","{sentinel}",,,"{{b}}",,,\n'
        f'"https://jan:{sentinel}@www.marktplaats.nl/login?token={sentinel}#{sentinel}",'
        f'"marktjan","{sentinel}",,"https://www.marktplaats.nl/?t={sentinel}","{{c}}",,,\n'
    )
    files = {
        "addresses.csv": addresses.encode("utf-8"),
        "bitwarden.csv": bitwarden.encode("utf-8"),
        "keepassxc.csv": keepassxc.encode("utf-16"),
        "firefox.csv": firefox.encode("cp1252"),
        "1password.csv": b"\xef\xbb\xbf" + onepassword.encode("utf-8"),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in files]


def forms(text: str) -> list[bytes]:
    return [text.encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be")]


def files_holding(text: str, *folders: Path, skip: Path | None = None) -> list[str]:
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.exists() else []:
            if not path.is_file() or (skip is not None and skip in path.parents):
                continue
            data = path.read_bytes()
            if any(form in data for form in forms(text)):
                found.append(str(path))
    return found


def decrypted_values(conn: Connection) -> Iterator[str]:
    """Every value of every column of every table, as text."""
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )]  # fmt: skip
    for table in tables:
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            for value in row:
                if isinstance(value, bytes):
                    yield value.decode("utf-8", errors="replace")
                    yield value.decode("utf-16-le", errors="replace")
                elif value is not None:
                    yield str(value)


def in_decrypted(conn: Connection, text: str) -> bool:
    return any(text in value for value in decrypted_values(conn))


def test_case20_in_process_import_keeps_no_secret_anywhere(
    paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sentinel: str
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    handler = setup_logging(paths, logging.DEBUG)  # the most a log could ever say
    files = exports(tmp_path / "exports", sentinel)
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    try:
        with vault:
            for export in files:
                proposal = propose_file(export, vault.conn)
                assert sentinel not in repr(proposal), export.name
                result = apply_proposal(vault.conn, proposal)
                assert result.organisations_added, export.name
            # the WAL still holds the writes now: search it and the decrypted content
            assert paths.vault_file.with_name("ledger.db-wal").exists()
            for kept in ("jan@example.org", "jandv", "jan.devries", "redditör", "marktjan"):
                assert in_decrypted(vault.conn, kept), f"the search finds what is kept: {kept}"
            assert not in_decrypted(vault.conn, sentinel)
            assert not in_decrypted(vault.conn, sentinel[:-1]), "not even a part of one"
            handler.flush()
            assert files_holding(sentinel, paths.data_dir, paths.log_dir, temp,
                                 tmp_path / "xdg") == []  # fmt: skip
    finally:
        logging.getLogger("app").removeHandler(handler)
        handler.close()
    assert files_holding(sentinel, tmp_path, skip=tmp_path / "exports") == []
    assert files_holding("jandv", tmp_path, skip=tmp_path / "exports") == [], "all encrypted"


@pytest.mark.slow
def test_case20_cli_import_keeps_no_secret_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sentinel: str
) -> None:
    keyring_file = tmp_path / "keyring.json"
    monkeypatch.setenv("QUID_TEST_KEYRING_FILE", str(keyring_file))
    keyring.set_keyring(FileKeyring())
    paths = AppPaths.resolve(tmp_path / "vault")
    create_vault(paths, KeyMode.KEYRING)[0].close()
    files = exports(tmp_path / "exports", sentinel)
    temp, home = tmp_path / "tmp", tmp_path / "home"
    temp.mkdir()
    home.mkdir()
    env = {
        **os.environ,
        "TMPDIR": str(temp),
        "HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "tests.support.keyrings.FileKeyring",
        "QUID_TEST_KEYRING_FILE": str(keyring_file),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    printed = []
    for export in files:
        for extra in (["--dry-run", "--json"], [], ["--json"]):
            result = subprocess.run(
                [sys.executable, "-m", "app", "--data-dir", str(paths.data_dir), "import",
                 "passwords", str(export), *extra],
                cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
            )  # fmt: skip
            assert result.returncode == 0, result.stderr
            printed.append(result.stdout + result.stderr)
    assert all(sentinel not in text for text in printed)
    assert any("jan.devries" in text for text in printed), "the output does show identifiers"
    shown = [text for text in printed if "http://192.168.1.1" in text and "https://wiki" in text]
    assert len(shown) == 3, "text and JSON show the skipped addresses: scheme and host only"
    assert files_holding(sentinel, tmp_path, skip=tmp_path / "exports") == []
    with open_with_keyring(paths) as vault:
        assert in_decrypted(vault.conn, "jan.devries") and in_decrypted(vault.conn, "redditör")
        assert not in_decrypted(vault.conn, sentinel)


def texts_of(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    """Every text a view may show of a model: display, tooltip and accessible text."""
    parent = parent or QModelIndex()
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
             Qt.ItemDataRole.AccessibleTextRole)  # fmt: skip
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            yield from (str(model.data(index, role) or "") for role in roles)
        yield from texts_of(model, model.index(row, 0, parent))


def test_case20_the_gui_preview_shows_no_secret(
    qtbot, paths: AppPaths, tmp_path: Path, sentinel: str
) -> None:
    files = exports(tmp_path / "exports", sentinel)
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    shown: list[str] = []
    with vault:
        for export in files:
            dialog = ImportPreviewDialog(propose_file(export, vault.conn), export, "CSV")
            qtbot.addWidget(dialog)
            shown += texts_of(dialog.model)
            shown += texts_of(dialog.skipped_model)
            shown += [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
            shown += [w.text() for w in dialog.findChildren(QLabel)]
            shown += [w.text() for w in dialog.findChildren(QAbstractButton)]
            dialog.deleteLater()
    assert not any(sentinel in text for text in shown)
    assert {"http://192.168.1.1", "https://wiki", "marktjan", "jandv"} <= set(shown)
