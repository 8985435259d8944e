"""In-vault settings: JSON values under a key, written in one transaction each."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.paths import AppPaths
from app.storage import settings
from app.storage import vault as vaults
from app.storage.header import KeyMode


@pytest.fixture
def vault(paths: AppPaths) -> Iterator[vaults.Vault]:
    opened, _ = vaults.create_vault(paths, KeyMode.KEYRING)
    with opened:
        yield opened


def test_missing_setting_gives_the_default(vault: vaults.Vault) -> None:
    assert settings.get_setting(vault.conn, "nope") is None
    assert settings.get_setting(vault.conn, "nope", 42) == 42


@pytest.mark.parametrize(
    "value",
    [0, -3, 1.5, "text with 'quotes' and \"doubles\"", "🔐", True, None, [1, "a"], {"a": {"b": 2}}],
)
def test_values_round_trip(vault: vaults.Vault, value: object) -> None:
    settings.set_setting(vault.conn, "key", value)
    assert settings.get_setting(vault.conn, "key", "default") == value


def test_setting_again_overwrites_and_survives_reopening(
    paths: AppPaths, vault: vaults.Vault
) -> None:
    settings.set_setting(vault.conn, "language", "en")
    settings.set_setting(vault.conn, "language", "nl")
    assert vault.conn.execute("SELECT count(*) FROM settings").fetchone() == (1,)
    vault.close()
    with vaults.open_with_keyring(paths) as reopened:
        assert settings.get_setting(reopened.conn, "language") == "nl"


def test_idle_lock_minutes_defaults_and_accepts_valid_values(vault: vaults.Vault) -> None:
    assert settings.idle_lock_minutes(vault.conn) == settings.DEFAULT_IDLE_LOCK_MINUTES
    settings.set_setting(vault.conn, settings.IDLE_LOCK_MINUTES, 0)
    assert settings.idle_lock_minutes(vault.conn) == 0
    settings.set_setting(vault.conn, settings.IDLE_LOCK_MINUTES, 30)
    assert settings.idle_lock_minutes(vault.conn) == 30


@pytest.mark.parametrize("bad", [-1, 24 * 60 + 1, "10", 2.5, None, [5]])
def test_idle_lock_minutes_ignores_nonsense(vault: vaults.Vault, bad: object) -> None:
    settings.set_setting(vault.conn, settings.IDLE_LOCK_MINUTES, bad)
    assert settings.idle_lock_minutes(vault.conn) == settings.DEFAULT_IDLE_LOCK_MINUTES
