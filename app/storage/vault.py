"""The vault: create, unlock (keyring, passphrase, recovery key), lock, and key-mode changes.

Files in the data folder: `ledger.db` (SQLCipher 4), `ledger.key` (how to get the key, never
the key itself), `ledger.lock` (one process at a time), `backups/` (copies before migrations).
A missing or wrong key is an error with a way out; it never leads to a new, empty vault.
"""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import sqlite_utils

from app.errors import (
    QT_TR_NOOP,
    HeaderDamagedError,
    KeyMissingError,
    KeyringUnavailableError,
    NoVaultError,
    QuidError,
    VaultDamagedError,
    VaultExistsError,
    VaultLockedError,
    VaultMissingError,
    WrongKeyError,
)
from app.paths import AppPaths
from app.storage import database, keys
from app.storage.header import KeyMode, VaultHeader
from app.storage.lock import VaultLock
from app.storage.migrations import check_not_too_new, migrate, schema_version


def vault_exists(paths: AppPaths) -> bool:
    return paths.vault_file.exists()


def read_header(paths: AppPaths) -> VaultHeader:
    if not vault_exists(paths):
        if paths.key_header_file.exists():
            raise VaultMissingError(
                QT_TR_NOOP(
                    "The vault file ledger.db is missing from {folder}, but its key file "
                    "is there. Put ledger.db back or restore a backup. Quid will not start a new "
                    "vault over it."
                ),
                folder=paths.data_dir,
            )
        raise NoVaultError(
            QT_TR_NOOP("There is no vault in {folder} yet. Create one first."),
            folder=paths.data_dir,
        )
    return VaultHeader.read(paths.key_header_file)


class Vault:
    """An unlocked vault. `close()` locks it: connection closed, key dropped, lock released."""

    def __init__(
        self,
        paths: AppPaths,
        header: VaultHeader | None,
        conn: database.Connection,
        key: bytes,
        lock: VaultLock,
    ) -> None:
        self.paths = paths
        self._header = header
        self._conn: database.Connection | None = conn
        self._key = bytearray(key)
        self._lock = lock
        # Key changes run on a worker thread; closing waits for them (never a half change).
        self._guard = threading.RLock()
        #: opened with the recovery key: the old passphrase may be forgotten
        self.opened_with_recovery = False
        self.read_only = False

    # --- state ---------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def conn(self) -> database.Connection:
        if self._conn is None:
            raise VaultLockedError(QT_TR_NOOP("The vault is locked."))
        return self._conn

    @property
    def db(self) -> sqlite_utils.Database:
        import sqlite_utils  # imported on first use: it costs ~80 ms of start-up

        # sqlite-utils is typed for sqlite3 but works on the DB-API compatible sqlcipher3
        return sqlite_utils.Database(cast(Any, self.conn))

    @property
    def header(self) -> VaultHeader | None:
        """None after a recovery-key unlock of a vault whose key file was lost."""
        return self._header

    @property
    def mode(self) -> KeyMode | None:
        return self._header.mode if self._header else None

    @property
    def vault_id(self) -> str:
        row = self.conn.execute("SELECT value FROM vault_meta WHERE key = 'vault_id'").fetchone()
        return str(row[0])

    @property
    def schema_version(self) -> int:
        return schema_version(self.conn)

    @property
    def cipher_version(self) -> str:
        return database.cipher_version(self.conn)

    def _key_bytes(self) -> bytes:
        if self._conn is None:
            raise VaultLockedError(QT_TR_NOOP("The vault is locked."))
        return bytes(self._key)

    def close(self) -> None:
        with self._guard:
            conn, self._conn = self._conn, None
            if conn is not None:
                if not self.read_only:
                    with contextlib.suppress(database.DatabaseError):
                        database.checkpoint(conn, wait=False)  # a lock never freezes
                conn.close()
            for i in range(len(self._key)):  # best effort: Python may hold other copies
                self._key[i] = 0
            self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- key storage ---------------------------------------------------------------------
    @property
    def needs_key_storage(self) -> bool:
        """True after recovery when neither the keyring nor a passphrase can open it again."""
        if self._header is None:
            return True
        if self._header.mode is KeyMode.KEYRING:
            with contextlib.suppress(QuidError):
                return keys.keyring_load(self._header.vault_id) != self._key_bytes()
            return True
        return self.opened_with_recovery  # the passphrase was probably forgotten

    def _base_header(self) -> VaultHeader:
        if self._header is not None:
            return self._header
        return VaultHeader(
            self.vault_id, KeyMode.KEYRING, keys.key_check(self._key_bytes()), _now_iso(), None
        )

    def _verify_passphrase(self, passphrase: str) -> None:
        header = self._header
        if header is None or header.wrapped is None or self.opened_with_recovery:
            return
        keys.unwrap_key(header.wrapped, passphrase, header.aad)

    def _write_header(self, header: VaultHeader) -> None:
        if header.key_check != keys.key_check(self._key_bytes()):  # never wrap a wrong key
            raise QuidError(
                QT_TR_NOOP("Internal error: the key does not match this vault; nothing changed.")
            )
        header.write(self.paths.key_header_file)

    def use_keyring(self, current_passphrase: str | None = None) -> None:
        """Keep the key in the OS keyring from now on (the passphrase stops working)."""
        with self._guard:
            self._use_keyring(current_passphrase)

    def _use_keyring(self, current_passphrase: str | None) -> None:
        if self.mode is KeyMode.PASSPHRASE:
            self._verify_passphrase(current_passphrase or "")
        problem = keys.keyring_problem()
        if problem:
            raise KeyringUnavailableError(problem)
        header = self._base_header().with_keyring()
        # Keyring first, key file second: a crash in between still opens with the old mode.
        keys.keyring_store(header.vault_id, self._key_bytes())
        self._write_header(header)
        self._header = header
        self.opened_with_recovery = False

    def use_passphrase(self, new_passphrase: str, current_passphrase: str | None = None) -> None:
        """Protect the key with a passphrase (from keyring mode, or after recovery)."""
        with self._guard:
            self._use_passphrase(new_passphrase, current_passphrase)

    def _use_passphrase(self, new_passphrase: str, current_passphrase: str | None) -> None:
        keys.check_new_passphrase(new_passphrase)
        if self.mode is KeyMode.PASSPHRASE:
            self._verify_passphrase(current_passphrase or "")
        base = self._base_header()
        wrapped = keys.wrap_key(self._key_bytes(), new_passphrase, base.aad, keys.DEFAULT_KDF)
        header = base.with_passphrase(wrapped)
        self._write_header(header)  # atomic: old mode or new, never half
        old_mode, self._header = self.mode, header
        self.opened_with_recovery = False
        if old_mode is KeyMode.KEYRING:
            with contextlib.suppress(QuidError):
                keys.keyring_delete(header.vault_id)

    def change_passphrase(self, current_passphrase: str, new_passphrase: str) -> None:
        if self.mode is not KeyMode.PASSPHRASE:
            raise QuidError(
                QT_TR_NOOP("This vault keeps its key in the system keyring, not a passphrase.")
            )
        self.use_passphrase(new_passphrase, current_passphrase)


def _now_iso() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).replace(microsecond=0).isoformat()


# --- create ---------------------------------------------------------------------------------
def create_vault(
    paths: AppPaths,
    mode: KeyMode,
    passphrase: str | None = None,
    kdf: keys.KdfParams | None = None,
) -> tuple[Vault, str]:
    """A new vault; returns it unlocked with its recovery key (to be shown once)."""
    if mode is KeyMode.PASSPHRASE:
        keys.check_new_passphrase(passphrase or "")
    else:
        problem = keys.keyring_problem()
        if problem:
            raise KeyringUnavailableError(
                QT_TR_NOOP("{problem} Choose a passphrase instead."), problem=problem
            )
    paths.ensure()
    lock = VaultLock(paths.lock_file)
    lock.acquire()
    stored_in_keyring = ""
    try:
        if vault_exists(paths) or Path(f"{paths.vault_file}-wal").exists():
            raise VaultExistsError(
                QT_TR_NOOP("A vault already exists in {folder}. Quid never replaces it."),
                folder=paths.data_dir,
            )
        key = keys.new_database_key()
        header = VaultHeader.new(mode, keys.key_check(key), None)
        if paths.key_header_file.exists():
            raise VaultExistsError(
                QT_TR_NOOP(
                    "{key_file} belongs to a vault whose ledger.db is missing. Put "
                    "ledger.db back, or move the key file away to start a new vault."
                ),
                key_file=paths.key_header_file,
            )
        if mode is KeyMode.PASSPHRASE:
            wrapped = keys.wrap_key(key, passphrase or "", header.aad, kdf or keys.DEFAULT_KDF)
            header = header.with_passphrase(wrapped)
        else:
            keys.keyring_store(header.vault_id, key)
            stored_in_keyring = header.vault_id
        building = _build_database(paths, key, header.vault_id)
        header.write(paths.key_header_file)
        building.replace(paths.vault_file)
        database.fsync_dir(paths.data_dir)
        conn = database.open_existing(paths.vault_file, key)
        return Vault(paths, header, conn, key, lock), keys.encode_recovery_key(key)
    except BaseException:
        if stored_in_keyring and not paths.vault_file.exists():  # no orphan secrets
            with contextlib.suppress(QuidError):
                keys.keyring_delete(stored_in_keyring)
        lock.release()
        raise


def _build_database(paths: AppPaths, key: bytes, vault_id: str) -> Path:
    """Build the database under a temporary name. The caller writes the key file, then moves
    it into place, so an interrupted creation never leaves a half-built vault. (A crash in
    the moment between the move and showing the recovery key leaves a working vault whose
    recovery key was not seen; the keyring or passphrase still opens it.)"""
    for leftover in paths.data_dir.glob(".ledger-*.creating*"):
        leftover.unlink()
    building = paths.data_dir / f".ledger-{uuid.uuid4().hex}.creating"
    conn = database.create_new(building, key)
    os.chmod(building, 0o600)  # the WAL and the final file inherit owner-only access
    try:
        migrate(conn, building, paths.backup_dir)
        with database.transaction(conn):
            conn.execute("INSERT INTO vault_meta(key, value) VALUES ('vault_id', ?)", (vault_id,))
        conn.execute("PRAGMA journal_mode = DELETE")  # fold in and drop the WAL before the move
    finally:
        conn.close()
    return building


# --- unlock ---------------------------------------------------------------------------------
def _open(
    paths: AppPaths, header: VaultHeader | None, key: bytes, *, upgrade: bool = True
) -> Vault:
    """Open for use (`upgrade`: migrate to the newest schema) or, without it, read-only."""
    lock = VaultLock(paths.lock_file)
    lock.acquire()
    try:
        conn = database.open_existing(paths.vault_file, key, read_only=not upgrade)
        try:
            if upgrade:
                check_not_too_new(conn)
                migrate(conn, paths.vault_file, paths.backup_dir)
        except BaseException:
            conn.close()
            raise
        vault = Vault(paths, header, conn, key, lock)
        vault.read_only = not upgrade
        return vault
    except BaseException:
        lock.release()
        raise


def key_from_keyring(header: VaultHeader) -> bytes:
    if header.mode is not KeyMode.KEYRING:
        raise WrongKeyError(
            QT_TR_NOOP("This vault is protected by a passphrase. Enter it to unlock.")
        )
    key = keys.keyring_load(header.vault_id)
    if key is None or keys.key_check(key) != header.key_check:
        raise KeyMissingError(
            QT_TR_NOOP(
                "The key of this vault is no longer in the system keyring. "
                "Open it with your recovery key; Quid will put the key back."
            )
        )
    return key


def key_from_passphrase(header: VaultHeader, passphrase: str) -> bytes:
    if header.mode is not KeyMode.PASSPHRASE or header.wrapped is None:
        raise WrongKeyError(
            QT_TR_NOOP("This vault keeps its key in the system keyring; no passphrase needed.")
        )
    try:
        key = keys.unwrap_key(header.wrapped, passphrase, header.aad)
        if keys.key_check(key) != header.key_check:
            raise WrongKeyError("key check")  # English: never shown, replaced just below
        return key
    except WrongKeyError:
        raise WrongKeyError(
            QT_TR_NOOP(
                "Wrong passphrase (or a damaged key file). Check Caps Lock and the keyboard "
                "layout, or use your recovery key."
            )
        ) from None


def open_with_keyring(paths: AppPaths, *, upgrade: bool = True) -> Vault:
    header = read_header(paths)
    return _open(paths, header, key_from_keyring(header), upgrade=upgrade)


def open_with_passphrase(paths: AppPaths, passphrase: str, *, upgrade: bool = True) -> Vault:
    header = read_header(paths)
    return _open(paths, header, key_from_passphrase(header, passphrase), upgrade=upgrade)


def open_with_recovery_key(paths: AppPaths, code: str) -> Vault:
    key = keys.decode_recovery_key(code)
    try:
        header: VaultHeader | None = read_header(paths)
    except HeaderDamagedError:
        header = None  # the recovery key alone can open the vault; a new key file follows
    if header is not None and keys.key_check(key) != header.key_check:
        raise WrongKeyError(QT_TR_NOOP("This recovery key belongs to another vault."))
    try:
        vault = _open(paths, header, key)
    except VaultDamagedError:
        if header is None:  # nothing told us the key was right
            raise WrongKeyError(
                QT_TR_NOOP(
                    "This recovery key does not open the vault, or the vault file is damaged."
                )
            ) from None
        raise
    vault.opened_with_recovery = True
    return vault
