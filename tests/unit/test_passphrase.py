"""Passphrase wrapping: the promised Argon2id cost, the minimum length, normalisation."""

from __future__ import annotations

import unicodedata

import pytest

from app.errors import PassphraseRejectedError, WrongKeyError
from app.paths import AppPaths
from app.storage import keys
from app.storage import vault as vaults
from app.storage.header import KeyMode

MIB = 1024
KEY = bytes(range(32))
AAD = b"quid-vault-header-v1:test"


def test_default_cost_keeps_the_promise() -> None:
    # conftest swaps keys.DEFAULT_KDF for the fast minimum; KdfParams() is what ships
    shipped = keys.KdfParams()
    assert shipped.memory_kib >= 64 * MIB
    assert shipped.iterations >= 3
    assert shipped.lanes >= 4
    assert shipped.is_strong_enough()


def test_minimum_is_the_promised_floor() -> None:
    assert keys.KdfParams.minimum() == keys.KdfParams(64 * MIB, 3, 4)
    assert keys.KdfParams.minimum().is_strong_enough()


@pytest.mark.parametrize(
    "weak",
    [
        keys.KdfParams(64 * MIB - 1, 3, 4),
        keys.KdfParams(64 * MIB, 2, 4),
        keys.KdfParams(64 * MIB, 3, 3),
    ],
    ids=["memory", "passes", "lanes"],
)
def test_weaker_than_the_floor_in_any_dimension_is_not_strong_enough(
    weak: keys.KdfParams,
) -> None:
    assert not weak.is_strong_enough()


@pytest.mark.parametrize("passphrase", ["", "1234567", "ééééééé"], ids=["empty", "7", "7-nfc"])
def test_short_passphrase_is_rejected(passphrase: str) -> None:
    with pytest.raises(PassphraseRejectedError, match="8 characters"):
        keys.check_new_passphrase(passphrase)


def test_length_counts_visible_characters_not_code_points() -> None:
    seven = unicodedata.normalize("NFD", "ééééééé")
    assert len(seven) == 14
    with pytest.raises(PassphraseRejectedError):
        keys.check_new_passphrase(seven)
    keys.check_new_passphrase("12345678")
    keys.check_new_passphrase("🔐🔐🔐🔐🔐🔐🔐🔐")


def test_short_passphrase_creates_nothing(paths: AppPaths) -> None:
    with pytest.raises(PassphraseRejectedError):
        vaults.create_vault(paths, KeyMode.PASSPHRASE, "short")
    assert not paths.data_dir.exists()


def test_wrap_unwrap_round_trip_and_wrong_passphrase() -> None:
    wrapped = keys.wrap_key(KEY, "correct horse", AAD, keys.KdfParams.minimum())
    assert KEY not in wrapped.ciphertext
    assert keys.unwrap_key(wrapped, "correct horse", AAD) == KEY
    with pytest.raises(WrongKeyError):
        keys.unwrap_key(wrapped, "correct horse ", AAD)
    with pytest.raises(WrongKeyError):
        keys.unwrap_key(wrapped, "Correct horse", AAD)


def test_each_wrap_uses_a_fresh_salt_and_nonce() -> None:
    first = keys.wrap_key(KEY, "correct horse", AAD, keys.KdfParams.minimum())
    second = keys.wrap_key(KEY, "correct horse", AAD, keys.KdfParams.minimum())
    assert first.salt != second.salt
    assert first.nonce != second.nonce
    assert first.ciphertext != second.ciphertext


def test_nfc_and_nfd_give_the_same_bytes() -> None:
    nfc = unicodedata.normalize("NFC", "Ångström café")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    assert keys.normalise_passphrase(nfc) == keys.normalise_passphrase(nfd)


def test_keys_are_random_and_checks_do_not_reveal_them() -> None:
    first, second = keys.new_database_key(), keys.new_database_key()
    assert len(first) == keys.KEY_BYTES and first != second
    assert keys.key_check(first) != keys.key_check(second)
    assert first.hex() not in keys.key_check(first)
