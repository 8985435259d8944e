"""AppPaths: explicit folders, overridable, and nothing created by importing or resolving."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.paths import DATA_DIR_ENV, AppPaths

REPO = Path(__file__).resolve().parents[2]


def files_below(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*"))


def test_argument_puts_everything_below_the_folder(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "mine")
    root = (tmp_path / "mine").resolve()
    assert paths.data_dir == root
    for path in (
        paths.config_dir,
        paths.log_dir,
        paths.cache_dir,
        paths.vault_file,
        paths.key_header_file,
        paths.lock_file,
        paths.backup_dir,
        paths.log_file,
        paths.settings_file,
    ):
        assert path.is_relative_to(root), path
    assert not root.exists()


def test_environment_variable_chooses_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert AppPaths.resolve().data_dir == (tmp_path / "from-env").resolve()


def test_argument_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert AppPaths.resolve(tmp_path / "from-arg").data_dir == (tmp_path / "from-arg").resolve()


def test_without_override_the_platform_folders_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DATA_DIR_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    paths = AppPaths.resolve()
    if sys.platform.startswith("linux"):
        assert paths.data_dir == tmp_path / "xdg-data" / "Quid"
        assert paths.config_dir == tmp_path / "xdg-config" / "Quid"
    assert files_below(tmp_path) == []


def test_resolving_creates_nothing_and_ensure_creates_owner_only_folders(
    tmp_path: Path,
) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    assert files_below(tmp_path) == []
    paths.ensure()
    for folder in (paths.data_dir, paths.config_dir, paths.log_dir, paths.cache_dir):
        assert folder.is_dir()
        if os.name == "posix":
            assert folder.stat().st_mode & 0o077 == 0, folder


def test_importing_creates_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(REPO),
        **{
            var: str(home / var.lower())
            for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
        },
    }
    code = "import app.paths, app.cli, app.storage.vault; app.paths.AppPaths.resolve()"
    subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, check=True)
    assert files_below(home) == []
    assert files_below(tmp_path) == [home]
