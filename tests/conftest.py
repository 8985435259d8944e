"""Isolation for every test: its own data folder, an in-memory keyring, no real user folders.

The real keyring backend (gnome-keyring in CI) is captured once, before any test replaces it,
for the tests marked `real_keyring`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from app.paths import AppPaths
from app.storage import keys
from tests.support import no_network
from tests.support.keyrings import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
no_network.install()

REAL_KEYRING = keyring.get_keyring()

# The cheapest Argon2id cost SECURITY.md allows keeps passphrase tests quick; the default cost
# is exercised by the tests that read it and by `make bench`.
FAST_KDF = keys.KdfParams.minimum()


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppPaths]:
    data = tmp_path / "quid-data"
    monkeypatch.setenv("QUID_DATA_DIR", str(data))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / "xdg" / var.lower()))
    monkeypatch.setattr(keys, "DEFAULT_KDF", FAST_KDF)
    no_network.cover_children(monkeypatch)  # the CLI and GUI children get the hook too
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    attempts = len(no_network.VIOLATIONS)
    yield AppPaths.resolve(data)
    keyring.set_keyring(memory)
    # also what a worker caught and only logged
    assert no_network.VIOLATIONS[attempts:] == [], "network use (SECURITY.md promise 5)"


@pytest.fixture
def paths(isolated: AppPaths) -> AppPaths:
    return isolated


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = keyring.get_keyring()
    assert isinstance(backend, MemoryKeyring)
    return backend
