"""SECURITY.md test catalogue, cases 11–17: crashes, corruption, disk full, two instances.

Cases 14 and 15 (SIGKILL at random points during edits and imports, a truncated WAL) are in
test_case14_15_kills.py.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest

from app import cli
from app.errors import (
    DiskFullError,
    VaultDamagedError,
    VaultExistsError,
    VaultInUseError,
    WrongKeyError,
)
from app.paths import AppPaths
from app.services.doctor import DAMAGED, diagnose
from app.storage import vault as vaults
from app.storage.header import KeyMode
from app.storage.migrations import backup_copy
from app.storage.restore import automatic_backups, restore_backup
from app.storage.settings import get_setting, set_setting
from tests.security.filestate import PAGE_SIZE, fill_settings, flip_bytes, sha256, snapshot
from tests.support.keyrings import FileKeyring

REPO = Path(__file__).resolve().parents[2]


def make_full_vault(paths: AppPaths) -> str:
    """A closed keyring vault of many pages; returns its recovery key."""
    vault, recovery = vaults.create_vault(paths, KeyMode.KEYRING)
    with vault:
        set_setting(vault.conn, "precious", "kept")
        fill_settings(vault.conn)
    assert paths.vault_file.stat().st_size >= 50 * PAGE_SIZE
    return recovery


def doctor_cli(paths: AppPaths, capsys: pytest.CaptureFixture[str], *extra: str) -> int:
    capsys.readouterr()
    return cli.main(["--data-dir", str(paths.data_dir), "doctor", *extra])


def unlock_for_doctor(paths: AppPaths) -> Callable[[], vaults.Vault]:
    return lambda: vaults.open_with_keyring(paths, upgrade=False)


# --- 11. damage on page 1 ----------------------------------------------------------------------
def test_case11_damaged_first_page_cannot_open_and_nothing_is_deleted(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    recovery = make_full_vault(paths)
    flip_bytes(paths.vault_file, 100, 100)
    damaged = sha256(paths.vault_file)
    files_before = set(snapshot(paths.data_dir))
    with pytest.raises(VaultDamagedError, match="backup"):
        vaults.open_with_keyring(paths)
    with pytest.raises(VaultDamagedError):
        vaults.open_with_recovery_key(paths, recovery)  # the right key does not "fix" it
    assert doctor_cli(paths, capsys) == DAMAGED == 1
    assert "damaged" in capsys.readouterr().out
    assert sha256(paths.vault_file) == damaged
    assert files_before <= set(snapshot(paths.data_dir))


def test_case11_restore_from_backup_keeps_the_damaged_file(paths: AppPaths, tmp_path: Path) -> None:
    vault, _ = vaults.create_vault(paths, KeyMode.KEYRING)
    with vault:
        set_setting(vault.conn, "precious", "kept")
        key, vault_id = vault._key_bytes(), vault.vault_id
        backup = backup_copy(vault.conn, paths.vault_file, paths.backup_dir, "manual")
        set_setting(vault.conn, "later", "after the backup")
    other, _ = vaults.create_vault(AppPaths.resolve(tmp_path / "other"), KeyMode.KEYRING)
    with other:
        foreign = backup_copy(other.conn, other.paths.vault_file, tmp_path, "other")
    flip_bytes(paths.vault_file, 100, 100)
    damaged = paths.vault_file.read_bytes()

    with pytest.raises(WrongKeyError):  # another vault's backup: nothing moves
        restore_backup(paths, foreign, key, vault_id)
    assert paths.vault_file.read_bytes() == damaged
    assert automatic_backups(paths) == [backup]

    kept = restore_backup(paths, backup, key, vault_id)
    assert kept.read_bytes() == damaged  # never deleted
    assert backup.exists()
    with vaults.open_with_keyring(paths) as restored:
        assert get_setting(restored.conn, "precious") == "kept"
        assert get_setting(restored.conn, "later") is None  # the state of the backup


# --- 12. damage on a later page ----------------------------------------------------------------
def test_case12_damaged_later_page_is_found_by_doctor_and_the_rest_stays_readable(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    make_full_vault(paths)
    size = paths.vault_file.stat().st_size
    flip_bytes(paths.vault_file, size - PAGE_SIZE // 2, 16)  # the middle of the last page
    damaged = sha256(paths.vault_file)

    with vaults.open_with_keyring(paths) as vault:  # still opens: export what is readable
        assert vault.vault_id
        assert get_setting(vault.conn, "precious") == "kept"

    report = diagnose(paths, unlock_for_doctor(paths))
    assert report.exit_code == DAMAGED
    assert report.cipher_integrity_check  # the HMAC check names the bad page

    assert doctor_cli(paths, capsys, "--json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["healthy"] is False
    assert sha256(paths.vault_file) == damaged  # doctor never repairs or rewrites


# --- 13. truncated or empty file ---------------------------------------------------------------
@pytest.mark.parametrize("cut", ["empty", "mid-page", "whole-pages"])
def test_case13_truncated_file_is_damaged_never_an_empty_ledger(
    paths: AppPaths, capsys: pytest.CaptureFixture[str], cut: str
) -> None:
    recovery = make_full_vault(paths)
    data = paths.vault_file.read_bytes()
    half = len(data) // 2 // PAGE_SIZE * PAGE_SIZE
    length = {"empty": 0, "mid-page": half + 1234, "whole-pages": half}[cut]
    paths.vault_file.write_bytes(data[:length])

    with pytest.raises(VaultDamagedError):
        vaults.open_with_keyring(paths)
    with pytest.raises(VaultDamagedError):
        vaults.open_with_recovery_key(paths, recovery)
    with pytest.raises((VaultExistsError, VaultInUseError)):
        vaults.create_vault(paths, KeyMode.KEYRING)  # never "solved" by a new, empty vault
    assert diagnose(paths, unlock_for_doctor(paths)).exit_code == DAMAGED
    assert doctor_cli(paths, capsys) == 1
    assert paths.vault_file.read_bytes() == data[:length]


# --- 16. disk full -----------------------------------------------------------------------------
def test_case16_disk_full_rolls_back_and_retry_works_after_space_is_freed(
    paths: AppPaths,
) -> None:
    vault, _ = vaults.create_vault(paths, KeyMode.KEYRING)
    with vault:
        conn = vault.conn
        set_setting(conn, "earlier", {"kept": True})
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from here on
        big = "x" * (20 * PAGE_SIZE)
        with pytest.raises(DiskFullError, match="disk is full"):
            set_setting(conn, "big", big)
        assert not conn.in_transaction
        assert get_setting(conn, "big") is None  # rolled back
        assert get_setting(conn, "earlier") == {"kept": True}

        conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
        set_setting(conn, "big", big)
    with vaults.open_with_keyring(paths) as vault:
        assert get_setting(vault.conn, "big") == big
        assert get_setting(vault.conn, "earlier") == {"kept": True}
        assert vault.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


# --- 17. two instances -------------------------------------------------------------------------
def test_case17_second_instance_is_refused_while_the_first_is_open(paths: AppPaths) -> None:
    first, _ = vaults.create_vault(paths, KeyMode.KEYRING)
    with first:
        with pytest.raises(VaultInUseError, match=str(os.getpid())):
            vaults.open_with_keyring(paths)
        with pytest.raises(VaultInUseError):
            vaults.create_vault(paths, KeyMode.KEYRING)
        set_setting(first.conn, "still", "working")  # the first one is not disturbed
    with vaults.open_with_keyring(paths) as second:
        assert get_setting(second.conn, "still") == "working"


HOLDER = """
import sys, time
from app.paths import AppPaths
from app.storage.vault import open_with_keyring
vault = open_with_keyring(AppPaths.resolve(sys.argv[1]))
print("ready", flush=True)
time.sleep(120)
"""


def test_case17_stale_lock_of_a_killed_process_is_recovered(
    paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring_file = tmp_path / "keyring.json"
    monkeypatch.setenv("QUID_TEST_KEYRING_FILE", str(keyring_file))
    keyring.set_keyring(FileKeyring())
    vault, _ = vaults.create_vault(paths, KeyMode.KEYRING)
    with vault:
        set_setting(vault.conn, "precious", "kept")

    env = dict(os.environ)
    env["PYTHON_KEYRING_BACKEND"] = "tests.support.keyrings.FileKeyring"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(paths.data_dir)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stderr is not None
    try:
        readable, _, _ = select.select([child.stdout], [], [], 30)
        line = child.stdout.readline() if readable else ""
        assert line.strip() == "ready", child.stderr.read() if child.poll() is not None else ""
        with pytest.raises(VaultInUseError, match=f"process {child.pid}"):
            vaults.open_with_keyring(paths)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL

    with vaults.open_with_keyring(paths) as vault:  # the stale lock is gone with its holder
        assert get_setting(vault.conn, "precious") == "kept"
        assert vault.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
