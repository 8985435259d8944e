"""Fixtures the CLI tests share."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from app.paths import AppPaths
from app.storage.header import KeyMode
from app.storage.vault import create_vault
from tests.support.keyrings import FileKeyring


@pytest.fixture
def keyring_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The subprocesses' keyring, also used in-process to prepare and inspect vaults."""
    path = tmp_path / "keyring.json"
    monkeypatch.setenv("QUID_TEST_KEYRING_FILE", str(path))
    keyring.set_keyring(FileKeyring())
    return path


@pytest.fixture
def vault_dir(paths: AppPaths) -> str:
    """An empty keyring vault; its data folder."""
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    vault.close()
    return str(paths.data_dir)
