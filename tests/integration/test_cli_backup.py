"""`quid backup` and `quid restore`: round trips in subprocesses as a person runs them, the
confirmation, refusals that change nothing, and a failing disk (SECURITY.md case 16)."""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.paths import AppPaths
from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.storage import keys
from app.storage.header import KeyMode
from app.storage.vault import Vault, create_vault, open_with_keyring

REPO = Path(__file__).resolve().parents[2]
BACKUP_PASSPHRASE = "a long backup passphrase"
Quid = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def quid(keyring_file: Path) -> Quid:
    def run(
        data_dir: Path,
        *args: str,
        env: dict[str, str] | None = None,
        prefix: list[str] | None = None,
        **options: object,
    ) -> subprocess.CompletedProcess[str]:
        full_env = {
            **os.environ,
            "PYTHON_KEYRING_BACKEND": "tests.support.keyrings.FileKeyring",
            "QUID_TEST_KEYRING_FILE": str(keyring_file),
            "PYTHONPATH": str(REPO),
            **(env or {}),
        }
        return subprocess.run(
            [*(prefix or []), sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
            cwd=REPO, env=full_env, capture_output=True, text=True, timeout=120,
            **options,  # type: ignore[call-overload]
        )  # fmt: skip

    return run


@pytest.fixture
def filled(paths: AppPaths, keyring_file: Path) -> AppPaths:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        load_example_ledger(Ledger(vault.conn))
    return paths


def tables(paths: AppPaths) -> dict[str, list[tuple[object, ...]]]:
    with open_with_keyring(paths) as vault:
        return every_table(vault)


def every_table(vault: Vault) -> dict[str, list[tuple[object, ...]]]:
    names = [r[0] for r in vault.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return {n: sorted(vault.conn.execute(f'SELECT * FROM "{n}"'), key=repr) for n in names}


def state(folder: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "ledger.lock"
    }


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("quid: "), result.stderr
    return lines[0]


def remove_organisations(paths: AppPaths) -> None:
    with open_with_keyring(paths) as vault:
        vault.conn.execute("DELETE FROM organisations")


# --- subprocess round trips ----------------------------------------------------------------------
def test_backup_then_restore_yes_round_trip(quid: Quid, filled: AppPaths, tmp_path: Path):
    original = tables(filled)
    target = tmp_path / "quid-backup.db"
    result = quid(filled.data_dir, "backup", str(target))
    assert result.returncode == 0, result.stderr
    assert "Backed up 26 organisations" in result.stdout and target.exists()
    remove_organisations(filled)

    result = quid(filled.data_dir, "restore", str(target), "--yes")
    assert result.returncode == 0, result.stderr
    assert "26 organisations" in result.stdout
    kept = Path(result.stdout.split("kept as ")[1].strip().rstrip("."))
    assert kept.parent == filled.data_dir and kept.name.startswith("ledger.db.replaced-")
    assert tables(filled) == original


def test_restore_without_yes_and_without_a_terminal_is_refused(quid, filled, tmp_path):
    target = tmp_path / "b.db"
    assert quid(filled.data_dir, "backup", str(target)).returncode == 0
    remove_organisations(filled)
    before = state(filled.data_dir)
    result = quid(filled.data_dir, "restore", str(target), stdin=subprocess.DEVNULL)
    assert "--yes" in one_error_line(result) and "Nothing was changed" in result.stderr
    assert state(filled.data_dir) == before


def test_restore_asks_on_a_terminal(quid: Quid, filled: AppPaths, tmp_path: Path):
    target = tmp_path / "b.db"
    assert quid(filled.data_dir, "backup", str(target)).returncode == 0
    remove_organisations(filled)
    before = state(filled.data_dir)
    for answer, restored in (("n", False), ("y", True)):
        leader, follower = os.openpty()
        os.write(leader, f"{answer}\n".encode())
        try:
            result = quid(filled.data_dir, "restore", str(target), stdin=follower)
        finally:
            os.close(follower)
            os.close(leader)
        assert "(26 organisations)? [y/N]" in result.stdout
        assert result.returncode == (0 if restored else 2), result.stderr
        if not restored:
            assert state(filled.data_dir) == before
    with open_with_keyring(filled) as vault:
        assert vault.conn.execute("SELECT count(*) FROM organisations").fetchone()[0] == 26


def test_case16_write_failure_during_backup_leaves_no_partial_file(quid, filled, tmp_path):
    """RLIMIT_FSIZE makes every write past 64 KiB fail, like a disk that fills up half-way
    (CI runs as root, so a read-only folder would not do). SQLite reports it as an I/O error
    rather than "disk full"; what matters is the clean refusal and no half file."""
    target = tmp_path / "out" / "b.db"
    target.parent.mkdir()
    limit = 64 * 1024

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    assert filled.vault_file.stat().st_size > limit
    before = state(filled.data_dir)
    result = quid(filled.data_dir, "backup", str(target), preexec_fn=small_disk)
    assert "the backup was not written" in one_error_line(result)
    assert list(target.parent.iterdir()) == [], "no half-written backup"
    assert state(filled.data_dir) == before
    assert quid(filled.data_dir, "backup", str(target)).returncode == 0, "works with space"


def small_tmpfs_available(folder: Path) -> bool:
    """A private 96 KiB tmpfs in a user+mount namespace (no privileges needed where user
    namespaces are enabled; otherwise the test is skipped)."""
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=96k none '{folder}'"],
        capture_output=True,
    )
    return probe.returncode == 0


def test_case16_disk_full_during_backup_says_so_and_leaves_no_file(quid, filled, tmp_path):
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if not small_tmpfs_available(folder):
        pytest.skip("no user namespaces here to mount a small tmpfs")
    assert filled.vault_file.stat().st_size > 96 * 1024
    script = (
        f"mount -t tmpfs -o size=96k none '{folder}' && \"$@\"; rc=$?; ls -A '{folder}'; exit $rc"
    )
    result = quid(
        filled.data_dir,
        "backup",
        str(folder / "b.db"),
        prefix=["unshare", "-rm", "sh", "-c", script, "sh"],
    )
    assert "disk is full" in one_error_line(result)
    assert result.stdout.strip() == "", "nothing left on the full disk"


# --- in-process ----------------------------------------------------------------------------------
def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def backup_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("BACKUP_PASS", BACKUP_PASSPHRASE)
    yield "BACKUP_PASS"


def test_backup_refuses_to_overwrite_without_force(capsys, filled: AppPaths, tmp_path: Path):
    target = tmp_path / "b.db"
    target.write_bytes(b"someone's file")
    code, _, err = run(capsys, filled.data_dir, "backup", str(target))
    assert code == 2 and "--force" in err and target.read_bytes() == b"someone's file"
    code, _, _ = run(capsys, filled.data_dir, "backup", str(target), "--force")
    assert code == 0 and target.read_bytes() != b"someone's file"


def test_passphrase_backup_restores_on_a_new_computer(capsys, filled, tmp_path, backup_env):
    original = tables(filled)
    target = tmp_path / "b.db"
    code, out, err = run(
        capsys, filled.data_dir, "backup", str(target), "--backup-passphrase-env", backup_env
    )
    assert code == 0, err
    assert "backup passphrase" in out
    new = AppPaths.resolve(tmp_path / "new-computer")
    code, out, err = run(
        capsys, new.data_dir, "restore", str(target), "--backup-passphrase-env", backup_env
    )
    assert code == 0, err
    assert "Recovery key" in out and "26 organisations" in out
    restored = tables(new)
    assert restored.pop("vault_meta") != original.pop("vault_meta"), "the new vault's own id"
    assert restored == original
    assert sorted(p.name for p in new.data_dir.glob("ledger.db*")) == ["ledger.db"]


def test_wrong_backup_passphrase_changes_nothing(capsys, filled, tmp_path, monkeypatch):
    target = tmp_path / "b.db"
    monkeypatch.setenv("BACKUP_PASS", BACKUP_PASSPHRASE)
    assert run(capsys, filled.data_dir, "backup", str(target), "--backup-passphrase-env",
               "BACKUP_PASS")[0] == 0  # fmt: skip
    monkeypatch.setenv("BACKUP_PASS", "not the backup passphrase")
    before = state(filled.data_dir)
    code, _, err = run(capsys, filled.data_dir, "restore", str(target), "--yes",
                       "--backup-passphrase-env", "BACKUP_PASS")  # fmt: skip
    assert code == 2 and "Nothing was changed" in err and err.count("\n") == 1
    assert state(filled.data_dir) == before


def test_a_backup_of_another_vault_needs_its_recovery_key(capsys, filled, tmp_path, monkeypatch):
    target = tmp_path / "b.db"
    assert run(capsys, filled.data_dir, "backup", str(target))[0] == 0
    with open_with_keyring(filled) as vault:
        recovery = keys.encode_recovery_key(vault._key_bytes())
    other = AppPaths.resolve(tmp_path / "other")
    create_vault(other, KeyMode.KEYRING)[0].close()
    code, _, err = run(capsys, other.data_dir, "restore", str(target), "--yes")
    assert code == 2 and "--backup-recovery-key-env" in err
    monkeypatch.setenv("OLD_RECOVERY", recovery)
    code, _, err = run(capsys, other.data_dir, "restore", str(target), "--yes",
                         "--backup-recovery-key-env", "OLD_RECOVERY")  # fmt: skip
    assert code == 0, err
    with open_with_keyring(other) as vault:
        assert vault.conn.execute("SELECT count(*) FROM organisations").fetchone()[0] == 26


def test_case12_damaged_backup_is_refused_and_changes_nothing(capsys, filled, tmp_path):
    target = tmp_path / "b.db"
    assert run(capsys, filled.data_dir, "backup", str(target))[0] == 0
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    before = state(filled.data_dir)
    code, _, err = run(capsys, filled.data_dir, "restore", str(target), "--yes")
    assert code == 2 and "damaged" in err and err.count("\n") == 1
    assert state(filled.data_dir) == before
