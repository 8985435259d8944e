"""The key file (`ledger.key`): round trip, and every kind of damage is a clear error."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.errors import HeaderDamagedError, VaultDamagedError, VaultTooNewError, WrongKeyError
from app.paths import AppPaths
from app.storage import keys
from app.storage import vault as vaults
from app.storage.header import HEADER_VERSION, KeyMode, VaultHeader

KEY = bytes(range(32))
PASSPHRASE = "correct horse battery staple"


def passphrase_header() -> VaultHeader:
    header = VaultHeader.new(KeyMode.PASSPHRASE, keys.key_check(KEY), None)
    return header.with_passphrase(
        keys.wrap_key(KEY, PASSPHRASE, header.aad, keys.KdfParams.minimum())
    )


def keyring_header() -> VaultHeader:
    return VaultHeader.new(KeyMode.KEYRING, keys.key_check(KEY), None)


def edited(header: VaultHeader, change: Callable[[dict[str, Any]], object]) -> bytes:
    data = json.loads(header.to_json())
    change(data)
    return json.dumps(data).encode()


@pytest.mark.parametrize("make", [keyring_header, passphrase_header], ids=["keyring", "passphrase"])
def test_round_trip(make: Callable[[], VaultHeader], tmp_path: Path) -> None:
    header = make()
    assert VaultHeader.from_json(header.to_json()) == header
    header.write(tmp_path / "ledger.key")
    assert VaultHeader.read(tmp_path / "ledger.key") == header


def test_key_file_never_holds_the_key() -> None:
    for header in (keyring_header(), passphrase_header()):
        text = header.to_json()
        assert KEY not in text
        assert KEY.hex().encode() not in text.lower()
        assert keys.encode_recovery_key(KEY).encode() not in text


def test_unwrapping_needs_this_vaults_id() -> None:
    """The wrapped key is bound to the vault id: a key file copied from another vault fails."""
    header = passphrase_header()
    assert header.wrapped is not None
    assert keys.unwrap_key(header.wrapped, PASSPHRASE, header.aad) == KEY
    other = keyring_header()  # same key check, another vault id
    with pytest.raises(WrongKeyError):
        keys.unwrap_key(header.wrapped, PASSPHRASE, other.aad)


def test_mode_switches_keep_id_and_key_check() -> None:
    header = passphrase_header()
    as_keyring = header.with_keyring()
    assert as_keyring.mode is KeyMode.KEYRING and as_keyring.wrapped is None
    assert (as_keyring.vault_id, as_keyring.key_check) == (header.vault_id, header.key_check)
    assert VaultHeader.from_json(as_keyring.to_json()) == as_keyring


GOOD = passphrase_header()
DAMAGE = {
    "empty": b"",
    "garbage": b"\xff\xfe\x00garbage\x81",
    "not-json": b"this is not json",
    "json-list": b"[1, 2, 3]",
    "json-null": b"null",
    "truncated": GOOD.to_json()[: len(GOOD.to_json()) // 2],
    "other-format": edited(GOOD, lambda d: d.update(format="something-else")),
    "no-vault-id": edited(GOOD, lambda d: d.pop("vault_id")),
    "unknown-mode": edited(GOOD, lambda d: d.update(mode="telepathy")),
    "version-text": edited(GOOD, lambda d: d.update(version="one")),
    "no-passphrase-block": edited(GOOD, lambda d: d.pop("passphrase")),
    "other-kdf": edited(GOOD, lambda d: d["passphrase"].update(kdf="pbkdf2")),
    "bad-base64": edited(GOOD, lambda d: d["passphrase"].update(salt="not base64!!")),
    "weak-memory": edited(GOOD, lambda d: d["passphrase"].update(memory_kib=32 * 1024)),
    "weak-passes": edited(GOOD, lambda d: d["passphrase"].update(iterations=2)),
    "weak-lanes": edited(GOOD, lambda d: d["passphrase"].update(lanes=1)),
}


@pytest.mark.parametrize("raw", DAMAGE.values(), ids=DAMAGE.keys())
def test_damaged_key_file_is_header_damaged(raw: bytes) -> None:
    with pytest.raises(HeaderDamagedError) as caught:
        VaultHeader.from_json(raw)
    assert isinstance(caught.value, VaultDamagedError)
    assert "recovery key" in str(caught.value)


def test_missing_key_file_is_header_damaged(tmp_path: Path) -> None:
    with pytest.raises(HeaderDamagedError, match="missing"):
        VaultHeader.read(tmp_path / "ledger.key")


def test_key_file_from_a_newer_quid_is_too_new() -> None:
    raw = edited(GOOD, lambda d: d.update(version=HEADER_VERSION + 1))
    with pytest.raises(VaultTooNewError, match="newer Quid"):
        VaultHeader.from_json(raw)


# Regression: a cut salt or nonce once escaped as a bare ValueError from `cryptography`.
@pytest.mark.parametrize(
    "field",
    ["salt", "nonce", "wrapped_key"],
)
def test_key_file_with_a_cut_field_is_damaged_not_a_crash(paths: AppPaths, field: str) -> None:
    vault, _ = vaults.create_vault(paths, KeyMode.PASSPHRASE, PASSPHRASE)
    vault.close()
    header = VaultHeader.read(paths.key_header_file)
    paths.key_header_file.write_bytes(edited(header, lambda d: d["passphrase"].update({field: ""})))
    with pytest.raises((HeaderDamagedError, WrongKeyError)):
        vaults.open_with_passphrase(paths, PASSPHRASE)


# Regression: an absurd Argon2id cost was once accepted, and unlocking then hung for hours
# (iterations) or died with MemoryError/OverflowError (memory).
@pytest.mark.parametrize(
    "change",
    [{"memory_kib": 2**40}, {"iterations": 10**9}, {"lanes": 2**24}],
    ids=["memory", "iterations", "lanes"],
)
def test_key_file_with_an_absurd_kdf_cost_is_damaged(change: dict[str, int]) -> None:
    raw = edited(GOOD, lambda d: d["passphrase"].update(change))
    with pytest.raises(HeaderDamagedError):
        VaultHeader.from_json(raw)
