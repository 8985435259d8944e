"""SECURITY.md test catalogue, cases 1–10: encryption, keys and the keyring.

Crashes and corruption (cases 11–17) are in test_catalogue_crashes.py.
"""

from __future__ import annotations

import os
import sqlite3
import unicodedata
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest
import sqlcipher3

from app.errors import (
    IncompatibleFormatError,
    KeyMissingError,
    KeyringLockedError,
    KeyringUnavailableError,
    RecoveryKeyFormatError,
    VaultExistsError,
    WrongKeyError,
)
from app.paths import AppPaths
from app.storage import fileio, keys
from app.storage import vault as vaults
from app.storage.header import KeyMode, VaultHeader
from app.storage.settings import get_setting, set_setting
from tests.security.filestate import all_bytes, sha256, snapshot
from tests.support.keyrings import LockedKeyring, MemoryKeyring

OLD = "correct horse battery staple"
NEW = "a quite different passphrase"
SQLITE_MAGIC = b"SQLite format 3\x00"
SECRET = "sentinel-7f3a9c-plaintext"


def make_vault(paths: AppPaths, mode: KeyMode = KeyMode.KEYRING, passphrase: str | None = None):
    """A closed vault holding one setting; returns its recovery key."""
    if mode is KeyMode.PASSPHRASE and passphrase is None:
        passphrase = OLD
    vault, recovery = vaults.create_vault(paths, mode, passphrase)
    with vault:
        set_setting(vault.conn, "precious", SECRET)
    return recovery


def vault_id(paths: AppPaths) -> str:
    return VaultHeader.read(paths.key_header_file).vault_id


# --- 1. encrypted at rest -------------------------------------------------------------------
@pytest.mark.parametrize("mode", [KeyMode.KEYRING, KeyMode.PASSPHRASE])
def test_case01_new_vault_is_encrypted(paths: AppPaths, mode: KeyMode) -> None:
    vault, _ = vaults.create_vault(paths, mode, OLD if mode is KeyMode.PASSPHRASE else None)
    with vault:
        assert vault.cipher_version.startswith("4.")
        set_setting(vault.conn, "precious", SECRET)
        for name, data in all_bytes(paths.data_dir).items():  # the WAL too, while open
            assert SECRET.encode() not in data, name
    assert paths.vault_file.read_bytes()[:16] != SQLITE_MAGIC
    assert SECRET.encode() not in paths.vault_file.read_bytes()
    plain = sqlite3.connect(paths.vault_file)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        plain.close()


# --- 2. wrong passphrase ----------------------------------------------------------------------
def test_case02_wrong_passphrase_changes_nothing(paths: AppPaths) -> None:
    make_vault(paths, KeyMode.PASSPHRASE)
    before = snapshot(paths.data_dir)
    with pytest.raises(WrongKeyError) as caught:
        vaults.open_with_passphrase(paths, "correct horse battery stapler")
    assert "Wrong passphrase" in str(caught.value)
    assert snapshot(paths.data_dir) == before  # same hashes, no new file, no lock taken
    with vaults.open_with_passphrase(paths, OLD) as vault:
        assert get_setting(vault.conn, "precious") == SECRET


# --- 3. awkward passphrases -------------------------------------------------------------------
CAFE_NFC = unicodedata.normalize("NFC", "café crème brûlée")
CAFE_NFD = unicodedata.normalize("NFD", CAFE_NFC)
QUOTES = "it's \"quoted\"; -- DROP TABLE settings; x'00'"
EMOJI = "🔐 my 🐈‍⬛ vault 👩🏽‍💻"


@pytest.mark.parametrize(
    ("create_with", "open_with"),
    [(QUOTES, QUOTES), (EMOJI, EMOJI), (CAFE_NFC, CAFE_NFD), (CAFE_NFD, CAFE_NFC)],
    ids=["quotes-and-sql", "emoji", "nfc-then-nfd", "nfd-then-nfc"],
)
def test_case03_awkward_passphrases_open_reliably(
    paths: AppPaths, create_with: str, open_with: str
) -> None:
    make_vault(paths, KeyMode.PASSPHRASE, create_with)
    with vaults.open_with_passphrase(paths, open_with) as vault:
        assert get_setting(vault.conn, "precious") == SECRET


def test_case03_normalisation_does_not_merge_different_passphrases(paths: AppPaths) -> None:
    assert CAFE_NFC != CAFE_NFD
    make_vault(paths, KeyMode.PASSPHRASE, CAFE_NFC)
    with pytest.raises(WrongKeyError):
        vaults.open_with_passphrase(paths, "cafe creme brulee")


# --- 4. mode switch killed half-way -----------------------------------------------------------
class Killed(BaseException):
    """Stands in for SIGKILL: nothing after it runs, and `except Exception` cannot catch it."""


KILL_POINTS: dict[str, tuple[object, str]] = {
    "before-keyring-write": (keys, "keyring_store"),
    "after-keyring-write": (keys, "keyring_load"),  # keyring_store reads back after writing
    "before-key-wrap": (keys, "wrap_key"),
    "key-file-replace": (fileio.os, "replace"),
    "after-key-file-replace": (fileio, "fsync_dir"),
    "keyring-delete": (keys, "keyring_delete"),
}
SWITCHES: dict[str, tuple[KeyMode, Callable[[vaults.Vault], None]]] = {
    "to-keyring": (KeyMode.PASSPHRASE, lambda v: v.use_keyring(OLD)),
    "to-passphrase": (KeyMode.KEYRING, lambda v: v.use_passphrase(NEW)),
    "change-passphrase": (KeyMode.PASSPHRASE, lambda v: v.change_passphrase(OLD, NEW)),
}
CASE04 = [
    ("to-keyring", "before-keyring-write"),
    ("to-keyring", "after-keyring-write"),
    ("to-keyring", "key-file-replace"),
    ("to-keyring", "after-key-file-replace"),
    ("to-passphrase", "before-key-wrap"),
    ("to-passphrase", "key-file-replace"),
    ("to-passphrase", "after-key-file-replace"),
    ("to-passphrase", "keyring-delete"),
    ("change-passphrase", "before-key-wrap"),
    ("change-passphrase", "key-file-replace"),
    ("change-passphrase", "after-key-file-replace"),
]


def next_start(paths: AppPaths) -> vaults.Vault:
    """What the app does on its next start: read the key file, unlock the way it says."""
    if vaults.read_header(paths).mode is KeyMode.KEYRING:
        return vaults.open_with_keyring(paths)
    for passphrase in (OLD, NEW):
        try:
            return vaults.open_with_passphrase(paths, passphrase)
        except WrongKeyError:
            continue
    pytest.fail("neither the old nor the new passphrase opens the vault")


def kill(*args: object, **kwargs: object) -> None:
    raise Killed


@pytest.mark.parametrize(("switch", "point"), CASE04)
def test_case04_mode_switch_killed_half_way_opens_with_old_or_new_key(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, switch: str, point: str
) -> None:
    start_mode, action = SWITCHES[switch]
    vault, _ = vaults.create_vault(paths, start_mode, OLD)
    set_setting(vault.conn, "precious", SECRET)
    target, name = KILL_POINTS[point]
    with monkeypatch.context() as patch:
        patch.setattr(target, name, kill)
        with pytest.raises(Killed):
            action(vault)
    vault._lock.release()  # the kernel drops the lock of a killed process
    stale = vault._conn  # left open, not checkpointed: as a killed process leaves it
    try:
        with next_start(paths) as reopened:
            assert get_setting(reopened.conn, "precious") == SECRET
            assert reopened.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        assert stale is not None
        stale.close()


# --- 5. SQLCipher 3 file -----------------------------------------------------------------------
def write_sqlcipher3_vault(paths: AppPaths, *, whole_4k_pages: bool) -> None:
    paths.ensure()
    key = keys.new_database_key()
    conn = sqlcipher3.connect(str(paths.vault_file), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA cipher_compatibility = 3")
    conn.execute("CREATE TABLE notes (body TEXT)")
    while whole_4k_pages and paths.vault_file.stat().st_size % 4096:
        conn.execute("INSERT INTO notes VALUES (?)", ("x" * 300,))
    conn.close()
    header = VaultHeader.new(KeyMode.KEYRING, keys.key_check(key), None)
    header.write(paths.key_header_file)
    keys.keyring_store(header.vault_id, key)


# Regression: SQLCipher 3 uses 1 KiB pages, so a real v3 file once failed the 4 KiB shape
# check and was reported as "damaged" instead of "incompatible format".
@pytest.mark.parametrize("whole_4k_pages", [False, True], ids=["v3-default", "v3-4k-multiple"])
def test_case05_sqlcipher3_file_is_incompatible_format(
    paths: AppPaths, whole_4k_pages: bool
) -> None:
    write_sqlcipher3_vault(paths, whole_4k_pages=whole_4k_pages)
    before = sha256(paths.vault_file)
    with pytest.raises(IncompatibleFormatError, match="SQLCipher 3"):
        vaults.open_with_keyring(paths)
    assert sha256(paths.vault_file) == before  # never converted or rewritten


# --- 6. recovery key ---------------------------------------------------------------------------
def sloppy(code: str, how: str) -> str:
    if how == "lowercase":
        return code.lower()
    if how == "spaces":
        return code.replace("-", " ")
    return code.replace("O", "0").replace("I", "1").replace("B", "8").replace("-", "")


@pytest.mark.parametrize("how", ["exact", "lowercase", "spaces", "confusables"])
def test_case06_recovery_key_opens_vault_when_keyring_entry_is_gone(
    paths: AppPaths, how: str
) -> None:
    recovery = make_vault(paths)
    keys.keyring_delete(vault_id(paths))
    with vaults.open_with_recovery_key(paths, sloppy(recovery, how)) as vault:
        assert get_setting(vault.conn, "precious") == SECRET
        assert vault.needs_key_storage
        vault.use_keyring()  # Quid puts the key back
        assert not vault.needs_key_storage
    with vaults.open_with_keyring(paths) as vault:
        assert get_setting(vault.conn, "precious") == SECRET


def test_case06_recovery_key_with_a_typo_is_rejected(paths: AppPaths) -> None:
    recovery = make_vault(paths)
    replacement = "A" if recovery[5] != "A" else "B"
    typo = recovery[:5] + replacement + recovery[6:]
    before = snapshot(paths.data_dir)
    with pytest.raises(RecoveryKeyFormatError):
        vaults.open_with_recovery_key(paths, typo)
    assert snapshot(paths.data_dir) == before


@pytest.mark.parametrize("key_file", ["present", "deleted"])
def test_case06_recovery_key_of_another_vault_is_wrong_key(
    paths: AppPaths, tmp_path: Path, key_file: str
) -> None:
    make_vault(paths)
    other = make_vault(AppPaths.resolve(tmp_path / "other"))
    if key_file == "deleted":
        paths.key_header_file.unlink()
    before = snapshot(paths.data_dir)
    with pytest.raises(WrongKeyError):
        vaults.open_with_recovery_key(paths, other)
    assert snapshot(paths.data_dir) == before


@pytest.mark.parametrize("store", ["keyring", "passphrase"])
def test_case06_recovery_key_rebuilds_a_deleted_key_file(paths: AppPaths, store: str) -> None:
    recovery = make_vault(paths)
    paths.key_header_file.unlink()
    with vaults.open_with_recovery_key(paths, recovery) as vault:
        assert vault.header is None
        assert vault.needs_key_storage
        if store == "keyring":
            vault.use_keyring()
        else:
            vault.use_passphrase(NEW)
        assert not vault.needs_key_storage
    assert paths.key_header_file.exists()
    if store == "keyring":
        reopened = vaults.open_with_keyring(paths)
    else:
        reopened = vaults.open_with_passphrase(paths, NEW)
    with reopened:
        assert get_setting(reopened.conn, "precious") == SECRET


# --- 7. fail backend ---------------------------------------------------------------------------
def test_case07_fail_backend_refuses_keyring_and_passphrase_leaves_no_plain_key(
    paths: AppPaths, tmp_path: Path
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    assert keys.keyring_problem()
    with pytest.raises(KeyringUnavailableError):
        vaults.create_vault(paths, KeyMode.KEYRING)
    assert not vaults.vault_exists(paths)

    vault, recovery = vaults.create_vault(paths, KeyMode.PASSPHRASE, OLD)
    key = keys.decode_recovery_key(recovery)
    needles = [key, key.hex().encode(), key.hex().upper().encode(), recovery.encode()]
    needles += [recovery.replace("-", "").encode(), SECRET.encode()]
    with vault:
        set_setting(vault.conn, "precious", SECRET)
        open_files = all_bytes(tmp_path)
    for files in (open_files, all_bytes(tmp_path)):  # while open (WAL) and after closing
        assert files, "the scan must see the vault files"
        for name, data in files.items():
            for needle in needles:
                assert needle not in data, f"key material or ledger text in plain in {name}"
    with vaults.open_with_passphrase(paths, OLD) as vault:
        assert get_setting(vault.conn, "precious") == SECRET


# --- 8. null backend ---------------------------------------------------------------------------
def test_case08_null_backend_round_trip_fails_and_keyring_mode_is_refused(
    paths: AppPaths,
) -> None:
    keyring.set_keyring(keyring.backends.null.Keyring())
    keyring.set_password(keys.KEYRING_SERVICE, "probe", "secret")
    assert keyring.get_password(keys.KEYRING_SERVICE, "probe") is None
    assert keys.keyring_problem()
    with pytest.raises(KeyringUnavailableError):
        keys.keyring_store("some-vault", keys.new_database_key())
    with pytest.raises(KeyringUnavailableError):
        vaults.create_vault(paths, KeyMode.KEYRING)
    assert not vaults.vault_exists(paths)


# --- 9. keyring locked -------------------------------------------------------------------------
def test_case09_locked_keyring_never_recreates_the_vault(
    paths: AppPaths, memory_keyring: MemoryKeyring
) -> None:
    recovery = make_vault(paths)
    locked = LockedKeyring()
    locked.secrets = dict(memory_keyring.secrets)
    keyring.set_keyring(locked)
    before = snapshot(paths.data_dir)
    with pytest.raises(KeyringLockedError):
        vaults.open_with_keyring(paths)
    with pytest.raises((KeyringUnavailableError, VaultExistsError)):
        vaults.create_vault(paths, KeyMode.KEYRING)
    assert snapshot(paths.data_dir) == before
    with vaults.open_with_recovery_key(paths, recovery) as vault:  # the way out offered
        assert get_setting(vault.conn, "precious") == SECRET
    locked.locked = False  # the person unlocks the keyring and retries
    with vaults.open_with_keyring(paths) as vault:
        assert get_setting(vault.conn, "precious") == SECRET


# --- 10. keyring entry gone --------------------------------------------------------------------
def test_case10_keyring_entry_gone_is_key_missing(paths: AppPaths) -> None:
    make_vault(paths)
    keys.keyring_delete(vault_id(paths))
    before = snapshot(paths.data_dir)
    with pytest.raises(KeyMissingError, match="recovery key"):
        vaults.open_with_keyring(paths)
    assert snapshot(paths.data_dir) == before


def test_case10_keyring_entry_replaced_by_another_key_is_key_missing(paths: AppPaths) -> None:
    make_vault(paths)
    keys.keyring_store(vault_id(paths), keys.new_database_key())
    before = snapshot(paths.data_dir)
    with pytest.raises(KeyMissingError):
        vaults.open_with_keyring(paths)
    assert snapshot(paths.data_dir) == before


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_vault_files_are_owner_only(paths: AppPaths) -> None:
    vault, _ = vaults.create_vault(paths, KeyMode.PASSPHRASE, OLD)
    vault.close()
    for path in (paths.vault_file, paths.key_header_file):
        assert path.stat().st_mode & 0o077 == 0, f"{path.name} is readable by others"
