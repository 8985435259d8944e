"""Bad input to the CLI: one line on stderr, exit 2, never a traceback, nothing changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def quid(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("QUID_DATA_DIR", None)
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        timeout=60,
    )


def assert_clean_failure(result: subprocess.CompletedProcess) -> str:
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert stderr.startswith("quid: ") and stderr.count("\n") == 1, stderr
    return stderr


@pytest.mark.skipif(os.name == "nt", reason="POSIX environment bytes")
def test_passphrase_variable_that_is_not_text(tmp_path: Path) -> None:
    env = {"PW": os.fsdecode(b"bad\xff\xfe passphrase")}
    result = quid(
        "--data-dir", str(tmp_path / "v"), "--passphrase-env", "PW", "init", env_extra=env
    )
    assert "not valid text" in assert_clean_failure(result)
    assert not (tmp_path / "v" / "ledger.db").exists()


def test_data_dir_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "a-file"
    target.write_text("not a folder")
    result = quid(
        "--data-dir", str(target), "--passphrase-env", "PW", "init", env_extra={"PW": "x" * 12}
    )
    assert_clean_failure(result)
    assert target.read_text() == "not a folder"


def test_init_next_to_a_key_file_without_vault(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    folder.mkdir()
    (folder / "ledger.key").write_text("{}")
    result = quid(
        "--data-dir", str(folder), "--passphrase-env", "PW", "init", env_extra={"PW": "x" * 12}
    )
    assert "ledger.db" in assert_clean_failure(result)
    assert (folder / "ledger.key").read_text() == "{}"
