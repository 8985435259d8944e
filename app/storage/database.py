"""Opening SQLCipher 4 connections the one right way, and turning SQLite errors into ours.

Never plain `sqlite3`: it ignores `PRAGMA key` and would write an unencrypted file.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3

from app.errors import (
    QT_TR_NOOP,
    DiskFullError,
    IncompatibleFormatError,
    QuidError,
    VaultDamagedError,
)
from app.storage.fileio import fsync_dir

__all__ = ["fsync_dir"]

DatabaseError = sqlcipher3.DatabaseError
Connection = sqlcipher3.Connection
PAGE_SIZE = 4096

DAMAGED_MESSAGE = QT_TR_NOOP(
    "The vault file is damaged and cannot be read. Quid has not changed it. "
    "Restore a backup, or keep the file for a later repair."
)


def _keyed_connection(
    path: Path, key: bytes, *, compatibility: int | None = None, read_only: bool = False
) -> Connection:
    if read_only:  # doctor: look, never write (no WAL switch, no checkpoint)
        target, uri = f"{path.resolve().as_uri()}?mode=ro", True
    else:
        target, uri = str(path), False
    try:
        conn = sqlcipher3.connect(target, isolation_level=None, check_same_thread=False, uri=uri)
    except DatabaseError:
        raise VaultDamagedError(DAMAGED_MESSAGE) from None
    # SQLCipher logs HMAC failures to stderr otherwise; set before anything is decrypted.
    conn.execute("PRAGMA cipher_log_level = NONE")
    # A raw 32-byte key: SQLCipher's own KDF is skipped. Hex only, never user text.
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    if compatibility is not None:
        conn.execute(f"PRAGMA cipher_compatibility = {int(compatibility)}")
    return conn


def cipher_version(conn: Connection) -> str:
    row = conn.execute("PRAGMA cipher_version").fetchone()
    return str(row[0]) if row and row[0] else ""


def _check_cipher(conn: Connection) -> str:
    version = cipher_version(conn)
    if not version.startswith("4."):
        conn.close()
        raise QuidError(
            QT_TR_NOOP(
                "Quid needs SQLCipher 4 but found {version}; reinstall Quid "
                "(the sqlcipher3-wheels package)."
            ),
            version=version or QT_TR_NOOP("none"),
        )
    return version


def _configure(conn: Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")


def check_file_shape(path: Path) -> None:
    """Refuse a file that cannot be a vault before SQLite would happily treat it as empty."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise VaultDamagedError(QT_TR_NOOP("The vault file (ledger.db) is missing.")) from None
    if not path.is_file():
        raise VaultDamagedError(QT_TR_NOOP("{path} is not a file."), path=path)
    if size == 0 or size % PAGE_SIZE != 0:
        raise VaultDamagedError(
            QT_TR_NOOP(
                "The vault file is damaged: it is empty or cut short. Quid has not changed it. "
                "Restore a backup, or keep the file for a later repair."
            )
        )


def is_sqlcipher3_file(path: Path, key: bytes) -> bool:
    """Does the key open the file with SQLCipher 3 settings? (A file Quid did not write.)"""
    try:
        conn = _keyed_connection(path, key, compatibility=3)
    except DatabaseError:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except DatabaseError:
        return False
    finally:
        conn.close()


def _incompatible() -> IncompatibleFormatError:
    return IncompatibleFormatError(
        QT_TR_NOOP(
            "This file is an SQLCipher 3 database. Quid uses SQLCipher 4 and will not "
            "convert it on its own."
        )
    )


def open_existing(path: Path, key: bytes, *, read_only: bool = False) -> Connection:
    """Open a vault file whose key is known to be right. Damage is reported, never repaired."""
    try:
        check_file_shape(path)
    except VaultDamagedError:
        # SQLCipher 3 used 1 KiB pages, so its files fail the 4 KiB shape check.
        size = path.stat().st_size if path.exists() else 0
        if size and size % 1024 == 0 and is_sqlcipher3_file(path, key):
            raise _incompatible() from None
        raise
    conn = _keyed_connection(path, key, read_only=read_only)
    _check_cipher(conn)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not read_only:
            _configure(conn)
    except DatabaseError as exc:
        conn.close()
        if is_sqlcipher3_file(path, key):
            raise _incompatible() from None
        raise VaultDamagedError(DAMAGED_MESSAGE) from exc
    return conn


def create_new(path: Path, key: bytes) -> Connection:
    conn = _keyed_connection(path, key)
    _check_cipher(conn)
    conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    _configure(conn)
    return conn


def checkpoint(conn: Connection, *, wait: bool = True) -> None:
    """Move the WAL into the main file, so the file alone is a complete vault. With
    `wait=False` (closing on a lock) a reader elsewhere — a backup being copied — is not
    waited for: what cannot be moved now stays in the WAL, which travels with the file."""
    if not wait:
        conn.execute("PRAGMA busy_timeout = 0")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """SQLite's words → Quid's typed errors with a sentence a person understands."""
    try:
        yield
    except DatabaseError as exc:
        text = str(exc).lower()
        if "disk is full" in text or "database or disk is full" in text:
            raise DiskFullError(
                QT_TR_NOOP("The disk is full. Nothing was saved; free some space and try again.")
            ) from exc
        if "malformed" in text or "not a database" in text:
            raise VaultDamagedError(DAMAGED_MESSAGE) from exc
        raise


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One write transaction: all of it commits, or none of it (errors translated).

    Inside another transaction it is a savepoint of that one, so a service that writes through
    several `transaction()` calls can be made all-or-nothing by an outer `transaction()`."""
    with translate_errors():
        if conn.in_transaction:
            name = f"quid_{next(_savepoints)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:  # a full disk may have rolled everything back already
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
                raise
            conn.execute(f"RELEASE {name}")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # a failed COMMIT (disk full) may already have rolled back
                conn.execute("ROLLBACK")
            raise


_savepoints = itertools.count(1)
