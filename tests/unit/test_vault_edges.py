"""Edges found in review: concurrent lock during a key change, a key file without its vault,
recovery of a passphrase vault, restored and backup files, orphan keyring secrets."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from app.errors import VaultExistsError, VaultMissingError
from app.paths import AppPaths
from app.services.doctor import diagnose
from app.storage import settings
from app.storage import vault as vaults
from app.storage.header import KeyMode
from app.storage.migrations import backup_copy
from app.storage.restore import restore_backup
from tests.security.filestate import snapshot
from tests.support.keyrings import MemoryKeyring

OLD, NEW = "the old passphrase", "the brand new passphrase"


def test_locking_during_a_passphrase_change_waits_for_it(paths: AppPaths) -> None:
    vault, _ = vaults.create_vault(paths, KeyMode.PASSPHRASE, OLD)
    worker = threading.Thread(target=vault.change_passphrase, args=(OLD, NEW))
    worker.start()
    vault.close()  # the idle lock firing mid-change
    worker.join()
    vaults.open_with_passphrase(paths, NEW).close()  # a whole change, never a zeroed key


def test_a_key_file_without_its_vault_is_never_overwritten(paths: AppPaths) -> None:
    vault, _ = vaults.create_vault(paths, KeyMode.PASSPHRASE, OLD)
    vault.close()
    moved = paths.data_dir / "elsewhere.db"
    paths.vault_file.rename(moved)
    key_file = paths.key_header_file.read_bytes()
    with pytest.raises(VaultMissingError, match="missing"):
        vaults.read_header(paths)
    with pytest.raises(VaultExistsError):
        vaults.create_vault(paths, KeyMode.PASSPHRASE, NEW)
    assert paths.key_header_file.read_bytes() == key_file
    assert not paths.vault_file.exists()


def test_recovered_passphrase_vault_can_get_a_new_passphrase(paths: AppPaths) -> None:
    vault, recovery = vaults.create_vault(paths, KeyMode.PASSPHRASE, OLD)
    vault.close()
    with vaults.open_with_recovery_key(paths, recovery) as vault:
        assert vault.needs_key_storage, "the passphrase may be forgotten"
        vault.use_passphrase(NEW)  # no current passphrase asked
        assert not vault.needs_key_storage
    vaults.open_with_passphrase(paths, NEW).close()


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_restored_vault_is_owner_only(paths: AppPaths, memory_keyring: MemoryKeyring) -> None:
    vault, _ = vaults.create_vault(paths, KeyMode.KEYRING)
    with vault:
        backup = backup_copy(vault.conn, paths.vault_file, paths.backup_dir, "test")
        vault_id = vault.vault_id
        key = vault._key_bytes()
    backup.chmod(0o644)
    restore_backup(paths, backup, key, vault_id)
    assert paths.vault_file.stat().st_mode & 0o077 == 0
    assert not list(paths.backup_dir.glob(".*partial")), "no half-written backup left"


def test_doctor_changes_no_file(paths: AppPaths, memory_keyring: MemoryKeyring) -> None:
    vault, _ = vaults.create_vault(paths, KeyMode.KEYRING)
    with vault:
        settings.set_setting(vault.conn, "note", "x" * 500)
        vault.conn.execute("PRAGMA journal_mode = DELETE")  # as right after a restore
    before = snapshot(paths.data_dir)
    report = diagnose(paths, lambda: vaults.open_with_keyring(paths, upgrade=False))
    assert report.exit_code == 0, report.message
    assert snapshot(paths.data_dir) == before


def test_failed_creation_leaves_no_secret_in_the_keyring(
    paths: AppPaths, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*_args: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(vaults, "_build_database", disk_full)
    with pytest.raises(OSError):
        vaults.create_vault(paths, KeyMode.KEYRING)
    assert memory_keyring.secrets == {}
    assert not paths.vault_file.exists()


def test_closing_does_not_wait_for_a_reader_such_as_a_backup(paths: AppPaths) -> None:
    """A lock closes the vault on the GUI thread; a backup reading the file on its own
    connection must not make that wait (it would freeze the window)."""
    from app.storage import database

    vault, _ = vaults.create_vault(paths, KeyMode.PASSPHRASE, "correct horse battery staple")
    settings.set_setting(vault.conn, "x", "y" * 5000)  # something in the WAL
    vault.conn.execute("PRAGMA busy_timeout = 60000")  # a waiting close would take a minute
    reader = database.open_existing(paths.vault_file, bytes(vault._key_bytes()))
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM settings").fetchone()  # holds a read snapshot
    closed = threading.Event()
    worker = threading.Thread(target=lambda: (vault.close(), closed.set()))
    worker.start()
    worker.join(20)
    reader.execute("ROLLBACK")
    reader.close()
    assert closed.is_set(), "close waited for the reader"
    with vaults.open_with_passphrase(paths, "correct horse battery staple") as again:
        assert settings.get_setting(again.conn, "x") == "y" * 5000, "nothing lost in the WAL"
