"""SECURITY.md case 16 for backups: a backup onto a full disk, and the scheduled backup into a
full backup folder, say "the disk is full", leave no partial file, leave the vault and the
older backups as they were, and work once space is freed. A real I/O error (EIO) while a
backup is written is a clean refusal too. The disks are real (see test_case16_small_disk).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from app.cli import main
from app.paths import AppPaths
from app.services.backup_schedule import backup_if_due
from app.services.backups import read_backup
from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.storage.database import Connection
from app.storage.vault import Vault, open_with_keyring
from app.ui import backup_dialogs
from app.ui.backup_dialogs import ProtectionDialog, run_scheduled_backup
from tests.security.test_case16_small_disk import failing_disk, small_disk
from tests.ui import conftest as gui

# The GUI fixtures of tests/ui: the application class and a Controller on a keyring vault.
qapp_cls, controller, keyring_vault = gui.qapp_cls, gui.controller, gui.keyring_vault

Tables = dict[str, list[tuple[Any, ...]]]


@pytest.fixture
def example(paths: AppPaths, keyring_vault: str) -> AppPaths:
    with open_with_keyring(paths) as vault:
        load_example_ledger(Ledger(vault.conn))
    return paths


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every modal message box's text (`tell` runs one); it is answered at once."""
    texts: list[str] = []

    def answer(box: QMessageBox) -> int:
        texts.append(box.text())
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return texts


def tables(conn: Connection) -> Tables:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {n: sorted(conn.execute(f'SELECT * FROM "{n}"'), key=repr) for n in names}


def vault_state(paths: AppPaths) -> dict[str, str]:
    """The vault's files, byte for byte (while it is closed)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(paths.data_dir.glob("ledger.*"))
        if p.name != "ledger.lock"
    }


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def says_disk_full(text: str) -> None:
    assert text == (
        "The disk is full: the backup was not written. Free some space and try again."
    ), text


def organisations_in(backup: Path, vault: Vault) -> int:
    return read_backup(backup, vault._key_bytes()).organisations  # checks every page


# --- back up now -----------------------------------------------------------------------------
def test_case16_gui_back_up_now_onto_a_full_disk_then_after_space_is_freed(
    qtbot, controller, example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said
) -> None:
    controller.start()
    # The shell assesses the ledger (and stores the result) just after unlocking, and the
    # scheduled backup starts: let both finish first.
    overview = controller.window.shell.overview
    qtbot.waitUntil(lambda: overview.dashboard is not None, timeout=20_000)
    qtbot.waitUntil(lambda: not controller.session.busy, timeout=20_000)
    window, vault = controller.window, controller.session.vault
    before = tables(vault.conn)
    monkeypatch.setattr(ProtectionDialog, "exec", lambda _dialog: 1)  # this vault's key
    with small_disk(tmp_path / "usb") as disk:
        target = disk.folder / "quid-backup.db"
        monkeypatch.setattr(
            backup_dialogs.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "")
        )
        disk.fill()
        window.backup_action.trigger()
        qtbot.waitUntil(lambda: bool(said), timeout=20_000)
        says_disk_full(said[0])
        assert disk.contents() == [], "no partial backup, no journal"
        assert tables(vault.conn) == before
        assert vault.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)

        disk.free()
        window.backup_action.trigger()
        qtbot.waitUntil(
            lambda: "Backed up to" in window.statusBar().currentMessage(), timeout=20_000
        )
        assert len(said) == 1
        assert disk.contents() == ["quid-backup.db"]
        assert organisations_in(target, vault) == 26
    qtbot.waitUntil(lambda: not controller.session.busy, timeout=10_000)


def test_case16_cli_backup_onto_a_full_disk_then_after_space_is_freed(
    example: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = vault_state(example)
    with small_disk(tmp_path / "usb") as disk:
        target = disk.folder / "b.db"
        command = ["--data-dir", str(example.data_dir), "backup", str(target)]
        disk.fill()
        capsys.readouterr()
        assert main(command) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("quid: "), err
        says_disk_full(err.removeprefix("quid: ").rstrip("\n"))
        assert disk.contents() == []
        assert vault_state(example) == before, "the vault is untouched"

        disk.free()
        assert main(command) == 0, capsys.readouterr().err
        with open_with_keyring(example) as vault:
            assert organisations_in(target, vault) == 26


def test_case16_cli_backup_onto_a_failing_disk(
    example: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real I/O error (EIO) while the backup is written: a clean refusal, nothing left."""
    before = vault_state(example)
    with failing_disk(tmp_path / "bad-disk", tmp_path) as folder:
        capsys.readouterr()
        assert main(["--data-dir", str(example.data_dir), "backup", str(folder / "b.db")]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1, err
        assert err.startswith("quid: Quid could not write the file (disk I/O error)"), err
        assert "the backup was not written" in err
        assert list(folder.iterdir()) == [], "no partial backup, no journal"
    assert vault_state(example) == before, "the vault is untouched"


# --- the scheduled backup --------------------------------------------------------------------
def test_case16_scheduled_backup_into_a_full_backup_folder(
    qtbot, controller, example: AppPaths, said
) -> None:
    """The backup folder's disk is full when the vault is unlocked and a backup is due: the
    person is told (a full disk needs them); the older backups and the vault are intact; the
    next scheduled backup, after space was freed, is made."""
    with small_disk(example.backup_dir) as disk:
        with open_with_keyring(example) as vault:
            older = backup_if_due(vault, example, datetime.now(UTC) - timedelta(days=8))
        assert older is not None
        kept = sha256(older)
        disk.fill()

        controller.start()  # unlocking starts the scheduled backup: it is due
        qtbot.waitUntil(lambda: bool(said), timeout=20_000)
        says_disk_full(said[0])
        assert disk.contents() == [older.name], "no partial backup; the older one is kept"
        assert sha256(older) == kept
        session, window = controller.session, controller.window
        assert session.is_unlocked
        conn = session.vault.conn
        assert conn.execute("SELECT count(*) FROM organisations").fetchone()[0] == 26
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)

        disk.free()
        run_scheduled_backup(session, window)  # as after the next unlock
        qtbot.waitUntil(
            lambda: "A scheduled backup was made" in window.statusBar().currentMessage(),
            timeout=20_000,
        )
        assert len(said) == 1
        made = [name for name in disk.contents() if name != older.name]
        assert len(made) == 1 and made[0].startswith("ledger-scheduled-")
        assert organisations_in(example.backup_dir / made[0], session.vault) == 26
        assert sha256(older) == kept
