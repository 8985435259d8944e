"""`quid init | doctor | passwd`: exit codes, output, and what is (not) left on disk.

Subprocess tests run `python -m app` as a person would, with the file-backed test keyring.
A passphrase set by a subprocess uses the real Argon2id cost (~0.5 s), so most passphrase
vaults are made in-process (fast KDF from conftest) and only the command under test runs
in a subprocess. `app.cli.main` is also called in-process where that is enough.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from app import __version__, cli
from app.errors import WrongKeyError
from app.paths import AppPaths
from app.storage import keys
from app.storage import vault as vaults
from app.storage.header import KeyMode, VaultHeader
from app.storage.migrations import LATEST_VERSION

REPO = Path(__file__).resolve().parents[2]
RECOVERY = re.compile(r"^\s+([A-Z2-7]{4}(?:-[A-Z2-7]{4}){13})$", re.MULTILINE)
OLD = "correct horse battery staple"
NEW = "a quite different passphrase"
Quid = Callable[..., subprocess.CompletedProcess[str]]


def state(paths: AppPaths, *extra: Path) -> dict[str, str]:
    """Hashes of the vault folder's files and `extra` files (the lock file holds a PID only)."""
    files = [p for p in paths.data_dir.rglob("*") if p.is_file() and p != paths.lock_file]
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in [*files, *extra]}


def one_error_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("quid: ")
    return lines[0]


@pytest.fixture
def quid(paths: AppPaths, keyring_file: Path) -> Quid:
    def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        full_env = {
            **os.environ,
            "PYTHON_KEYRING_BACKEND": "tests.support.keyrings.FileKeyring",
            "QUID_TEST_KEYRING_FILE": str(keyring_file),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
            **(env or {}),
        }
        return subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(paths.data_dir), *args],
            cwd=REPO,
            env=full_env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


def make_vault(paths: AppPaths, passphrase: str | None = None) -> str:
    mode = KeyMode.KEYRING if passphrase is None else KeyMode.PASSPHRASE
    vault, recovery = vaults.create_vault(paths, mode, passphrase)
    vault.close()
    return recovery


# --- subprocess ---------------------------------------------------------------------------------
def test_version(quid: Quid) -> None:
    result = quid("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Quid {__version__}"


def test_init_keyring_mode_prints_a_recovery_key_that_matches_the_vault(
    quid: Quid, paths: AppPaths
) -> None:
    result = quid("init")
    assert result.returncode == 0, result.stderr
    codes = RECOVERY.findall(result.stdout)
    assert len(codes) == 1, result.stdout
    header = VaultHeader.read(paths.key_header_file)
    assert header.mode is KeyMode.KEYRING
    assert keys.key_check(keys.decode_recovery_key(codes[0])) == header.key_check
    keys.keyring_delete(header.vault_id)  # the recovery key alone opens it
    with vaults.open_with_recovery_key(paths, codes[0]) as vault:
        assert vault.vault_id == header.vault_id


def test_init_again_exits_2_and_changes_nothing(
    quid: Quid, paths: AppPaths, keyring_file: Path
) -> None:
    assert quid("init").returncode == 0
    before = state(paths, keyring_file)
    result = quid("init")
    assert result.returncode == 2
    assert "already exists" in one_error_line(result.stderr)
    assert result.stdout == ""
    assert state(paths, keyring_file) == before


def test_init_with_passphrase_env_protects_the_key_with_the_passphrase(
    quid: Quid, paths: AppPaths, keyring_file: Path
) -> None:
    result = quid("--passphrase-env", "QUID_PASS", "init", env={"QUID_PASS": OLD})
    assert result.returncode == 0, result.stderr
    assert len(RECOVERY.findall(result.stdout)) == 1
    header = VaultHeader.read(paths.key_header_file)
    assert header.mode is KeyMode.PASSPHRASE
    assert header.wrapped is not None
    assert header.wrapped.params == keys.KdfParams()  # the shipped cost, not the test one
    assert not keyring_file.exists() or header.vault_id not in keyring_file.read_text()
    with vaults.open_with_passphrase(paths, OLD) as vault:
        assert vault.mode is KeyMode.PASSPHRASE


def test_init_with_unset_passphrase_variable_exits_2(quid: Quid, paths: AppPaths) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QUID_UNSET"}
    result = quid("--passphrase-env", "QUID_UNSET", "init", env=env)
    assert result.returncode == 2
    assert "QUID_UNSET" in one_error_line(result.stderr)
    assert not vaults.vault_exists(paths)


def test_init_with_short_passphrase_exits_2_and_creates_no_vault(
    quid: Quid, paths: AppPaths
) -> None:
    result = quid("--passphrase-env", "QUID_PASS", "init", env={"QUID_PASS": "short"})
    assert result.returncode == 2
    assert "8 characters" in one_error_line(result.stderr)
    assert not vaults.vault_exists(paths)
    assert not paths.key_header_file.exists()


def test_doctor_text_on_a_healthy_vault(quid: Quid, paths: AppPaths) -> None:
    make_vault(paths)
    result = quid("doctor")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^cipher version:\s+4\.", result.stdout, re.MULTILINE)
    assert re.search(r"^key mode:\s+keyring$", result.stdout, re.MULTILINE)
    assert re.search(r"^integrity check:\s+ok$", result.stdout, re.MULTILINE)
    assert "healthy" in result.stdout


def test_doctor_json_on_a_healthy_vault(quid: Quid, paths: AppPaths) -> None:
    make_vault(paths)
    before = state(paths)
    result = quid("doctor", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["vault_path"] == str(paths.vault_file)
    assert report["key_mode"] == "keyring"
    assert report["cipher_version"].startswith("4.")
    assert report["schema_version"] == LATEST_VERSION
    assert report["integrity_check"] == ["ok"]
    assert report["cipher_integrity_check"] == []
    assert report["healthy"] is True
    assert state(paths) == before  # read-only


def test_doctor_with_wrong_passphrase_exits_2(quid: Quid, paths: AppPaths) -> None:
    make_vault(paths, OLD)
    result = quid("--passphrase-env", "QUID_PASS", "doctor", env={"QUID_PASS": "not it at all"})
    assert result.returncode == 2
    assert "Wrong passphrase" in result.stdout


def test_doctor_without_a_vault_exits_2(quid: Quid, paths: AppPaths) -> None:
    result = quid("doctor")
    assert result.returncode == 2
    assert "no vault" in one_error_line(result.stderr)
    assert not paths.data_dir.exists()


def test_passwd_changes_the_passphrase(quid: Quid, paths: AppPaths) -> None:
    make_vault(paths, OLD)
    env = {"QUID_PASS": OLD, "QUID_NEW": NEW}
    result = quid(
        "--passphrase-env", "QUID_PASS", "passwd", "--new-passphrase-env", "QUID_NEW", env=env
    )
    assert result.returncode == 0, result.stderr
    assert "Passphrase changed" in result.stdout
    with pytest.raises(WrongKeyError):
        vaults.open_with_passphrase(paths, OLD)
    with vaults.open_with_passphrase(paths, NEW) as vault:
        assert vault.mode is KeyMode.PASSPHRASE


def test_passwd_on_a_keyring_vault_exits_2(quid: Quid, paths: AppPaths, keyring_file: Path) -> None:
    make_vault(paths)
    before = state(paths, keyring_file)
    result = quid(
        "--passphrase-env",
        "QUID_PASS",
        "passwd",
        "--new-passphrase-env",
        "QUID_NEW",
        env={"QUID_PASS": OLD, "QUID_NEW": NEW},
    )
    assert result.returncode == 2
    assert "keyring" in one_error_line(result.stderr)
    assert state(paths, keyring_file) == before


# --- in-process ---------------------------------------------------------------------------------
def main(paths: AppPaths, *args: str) -> int:
    return cli.main(["--data-dir", str(paths.data_dir), *args])


def test_main_init_with_passphrase_prints_the_recovery_key_once(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUID_PASS", OLD)
    assert main(paths, "--passphrase-env", "QUID_PASS", "init") == 0
    out = capsys.readouterr().out
    (code,) = RECOVERY.findall(out)
    assert out.count(code) == 1
    assert vaults.read_header(paths).mode is KeyMode.PASSPHRASE


def test_main_init_without_a_keyring_points_to_the_passphrase(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    assert main(paths, "init") == 2
    assert "--passphrase-env" in one_error_line(capsys.readouterr().err)
    assert not vaults.vault_exists(paths)


def test_main_doctor_on_a_passphrase_vault_needs_the_passphrase(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    make_vault(paths, OLD)
    assert main(paths, "doctor") == 2
    assert "--passphrase-env" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("current", "new", "complaint"),
    [
        (OLD, "short", "8 characters"),
        ("wrong passphrase", NEW, "Wrong passphrase"),
        (OLD, None, "QUID_NEW"),
    ],
    ids=["new-too-short", "current-wrong", "new-not-set"],
)
def test_main_passwd_refusals_keep_the_old_passphrase(
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    current: str,
    new: str | None,
    complaint: str,
) -> None:
    make_vault(paths, OLD)
    before = state(paths)
    monkeypatch.setenv("QUID_PASS", current)
    if new is None:
        monkeypatch.delenv("QUID_NEW", raising=False)
    else:
        monkeypatch.setenv("QUID_NEW", new)
    assert (
        main(paths, "--passphrase-env", "QUID_PASS", "passwd", "--new-passphrase-env", "QUID_NEW")
        == 2
    )
    assert complaint in one_error_line(capsys.readouterr().err)
    assert state(paths) == before
    with vaults.open_with_passphrase(paths, OLD):
        pass
