"""Keyring mode against the desktop's real keyring (Secret Service in CI).

Skipped on a machine without a usable keyring; in CI (CI=true) a missing keyring is a failure,
so the job cannot pass while silently testing nothing.
"""

from __future__ import annotations

import os

import keyring
import pytest

from app.paths import AppPaths
from app.storage import keys
from app.storage import vault as vaults
from app.storage.header import KeyMode
from app.storage.settings import get_setting, set_setting
from tests.conftest import REAL_KEYRING
from tests.support import keyrings as doubles

pytestmark = pytest.mark.real_keyring

TEST_DOUBLES = (doubles.MemoryKeyring,)  # LockedKeyring and FileKeyring derive from it


def unusable_reason() -> str | None:
    backend = type(REAL_KEYRING)
    name = f"{backend.__module__}.{backend.__name__}"
    if name.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return f"no real keyring backend ({name})"
    if isinstance(REAL_KEYRING, TEST_DOUBLES):
        return f"the detected keyring is a test double ({name}), not the desktop's"
    return keys.keyring_problem()


def test_keyring_vault_round_trip_with_the_real_keyring(paths: AppPaths) -> None:
    keyring.set_keyring(REAL_KEYRING)  # conftest puts the memory keyring back afterwards
    reason = unusable_reason()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must test the real keyring: {reason}")
        pytest.skip(reason)

    vault, recovery = vaults.create_vault(paths, KeyMode.KEYRING)
    vault_id = vault.header.vault_id if vault.header else ""
    try:
        with vault:
            set_setting(vault.conn, "precious", "kept")
        assert keys.keyring_load(vault_id) == keys.decode_recovery_key(recovery)
        with vaults.open_with_keyring(paths) as reopened:
            assert get_setting(reopened.conn, "precious") == "kept"
    finally:
        keys.keyring_delete(vault_id)
    assert keys.keyring_load(vault_id) is None
