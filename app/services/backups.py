"""Encrypted backups: write one (keyed by the vault key or by a passphrase), read and verify one.

A backup is a whole SQLCipher 4 database written by `sqlcipher_export` on a connection of its
own, so the vault's connection (and the person using it) is never disturbed. Keyed with the
vault's raw key, it opens wherever the vault opens, and with the vault's recovery key on another
computer. Keyed with a passphrase, SQLCipher's own KDF (PBKDF2-HMAC-SHA512, 256,000 rounds,
salt in the file) protects it, and the file plus the passphrase are all a new computer needs.
Restoring is in `backup_restore.py`, the schedule in `backup_schedule.py`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import time
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from app.domain.passphrase import Strength, rate
from app.errors import (
    QT_TR_NOOP,
    DiskFullError,
    PassphraseRejectedError,
    QuidError,
    VaultTooNewError,
    WrongKeyError,
)
from app.paths import AppPaths
from app.services.progress import Cancelled, Progress
from app.storage import database, keys
from app.storage.fileio import fsync_dir
from app.storage.migrations import LATEST_VERSION, schema_version
from app.storage.vault import Vault

#: vault_meta rows that describe the backup itself (dropped again when it is restored)
MADE_AT_KEY = "backup_made_at"
KIND_KEY = "backup_kind"
KIND_VAULT_KEY = "vault-key"
KIND_PASSPHRASE = "passphrase"  # noqa: S105 - a kind name, not a secret
KIND_COPY = "copy"  # a plain copy of the vault file, e.g. the one made before a migration

_RAW_KEY_LOOKALIKE = re.compile(r"\s*x'[0-9a-fA-F]*'\s*")
_PROGRESS_OPCODES = 20_000  # SQLite calls our handler after this many VM steps
_REPORT_EVERY_S = 0.1

DAMAGED_BACKUP = QT_TR_NOOP(
    "This backup is damaged: some of its pages fail their check. Nothing was changed."
)
DOES_NOT_OPEN = QT_TR_NOOP(
    "This backup does not open with the key or passphrase given: a wrong passphrase, a backup "
    "of another vault, or a damaged file. Nothing was changed."
)


class BackupDamagedError(QuidError):
    """A backup failed its checks. Exit code 2: the vault itself is fine and unchanged."""


@dataclass(frozen=True)
class BackupInfo:
    """What a verified backup holds, for the person to confirm before restoring it."""

    path: Path
    schema_version: int
    vault_id: str | None
    made_at: datetime
    kind: str
    organisations: int
    disclosures: int


# --- secrets ---------------------------------------------------------------------------------
def raw_key_text(key: bytes) -> str:
    """SQLCipher's raw-key form: its own KDF is skipped. Hex only, never user text."""
    return f"x'{key.hex()}'"


def check_backup_passphrase(passphrase: str) -> None:
    """A backup may leave this computer (a USB stick, a cloud folder), so the passphrase is
    all that stands between it and a guesser: refuse short and weak ones."""
    keys.check_new_passphrase(passphrase)
    if rate(unicodedata.normalize("NFC", passphrase)) <= Strength.WEAK:
        raise PassphraseRejectedError(QT_TR_NOOP(
            "This backup passphrase is weak: a backup may leave this computer, so add more "
            "words or characters. Nothing was written."))  # fmt: skip
    if _RAW_KEY_LOOKALIKE.fullmatch(passphrase):  # SQLCipher would read it as a raw key
        raise PassphraseRejectedError(QT_TR_NOOP(
            "A backup passphrase cannot have the form x'…'; choose another. Nothing was written."
        ))  # fmt: skip


def secret_text(key: bytes | None, passphrase: str | None) -> str:
    if (key is None) == (passphrase is None):
        raise QuidError(
            QT_TR_NOOP("Internal error: give either a key or a passphrase; nothing was changed.")
        )
    if key is not None:
        return raw_key_text(key)
    assert passphrase is not None
    return unicodedata.normalize("NFC", passphrase)  # the same passphrase on every system


def secret_from_text(text: str) -> tuple[bytes | None, str | None]:
    """What the person typed to open a backup: a recovery key (of the vault the backup came
    from) when it reads as one, else a backup passphrase. Returns (key, passphrase)."""
    cleaned = re.sub(r"[\s\-]", "", text)
    if len(cleaned) == 56 and re.fullmatch(r"[A-Za-z0-9]+", cleaned):
        with contextlib.suppress(QuidError):
            return keys.decode_recovery_key(text), None
    return None, text


# --- connections -----------------------------------------------------------------------------
def memory_connection() -> database.Connection:
    """An empty connection to ATTACH backups to: `ATTACH … KEY ?` binds the secret as a
    parameter, so a passphrase never becomes SQL text (SECURITY.md case 3)."""
    conn = sqlcipher3.connect(":memory:", isolation_level=None, check_same_thread=False, uri=True)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files while copying
    if not database.cipher_version(conn).startswith("4."):
        conn.close()
        raise QuidError(
            QT_TR_NOOP("Quid needs SQLCipher 4; reinstall Quid (the sqlcipher3-wheels package).")
        )
    return conn


def check_backup_file(path: Path) -> None:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise QuidError(QT_TR_NOOP("There is no file {path}; nothing was changed."),
                        path=path) from None  # fmt: skip
    if not path.is_file():
        raise QuidError(QT_TR_NOOP("{path} is not a file; nothing was changed."), path=path)
    try:
        with open(path, "rb") as handle:  # unreadable is not "damaged"
            handle.read(16)
    except OSError as exc:
        raise QuidError(QT_TR_NOOP("Quid cannot read {path} ({reason}); nothing was changed."),
                        path=path, reason=exc.strerror) from None  # fmt: skip
    if size == 0 or size % database.PAGE_SIZE != 0:
        raise BackupDamagedError(QT_TR_NOOP(
            "The backup {name} is damaged: it is empty or cut short. Nothing was changed."
        ), name=path.name)  # fmt: skip


def attach_read_only(conn: database.Connection, path: Path, secret: str) -> None:
    """Attach a backup without writing to it or beside it. `immutable` stops SQLite from
    creating -wal/-shm files next to a WAL-mode copy; a copy that has a -wal beside it is read
    with it, so nothing in it is missed."""
    wal = Path(f"{path}-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        uri = f"{path.resolve().as_uri()}?{flags}"
        conn.execute("ATTACH DATABASE ? AS backup KEY ?", (uri, secret))
    except database.DatabaseError as exc:
        # ATTACH reads the schema. A wrong key and a damaged first page both say "not a
        # database" (they look the same); damage on a schema page further in says otherwise.
        if "not a database" in str(exc).lower():
            raise WrongKeyError(DOES_NOT_OPEN) from None
        raise BackupDamagedError(DAMAGED_BACKUP) from None


_COUNTS = {
    "organisations": "SELECT count(*) FROM backup.organisations",
    "disclosures": "SELECT count(*) FROM backup.disclosures",
}


def _count(conn: database.Connection, tables: set[str], table: str) -> int:
    if table not in tables:
        return 0  # a backup from before the ledger tables existed (schema 1)
    return int(conn.execute(_COUNTS[table]).fetchone()[0])


def inspect_attached(conn: database.Connection, path: Path) -> BackupInfo:
    """Every page's HMAC, SQLite's own check, and the shape of a Quid vault."""
    try:
        pages = [str(r[0]) for r in conn.execute("PRAGMA backup.cipher_integrity_check")]
        integrity = [str(r[0]) for r in conn.execute("PRAGMA backup.integrity_check")]
        if pages or integrity != ["ok"]:
            raise BackupDamagedError(DAMAGED_BACKUP)
        tables = {
            str(r[0])
            for r in conn.execute("SELECT name FROM backup.sqlite_master WHERE type = 'table'")
        }
        version = int(conn.execute("PRAGMA backup.user_version").fetchone()[0])
        if "vault_meta" not in tables or version < 1:
            raise QuidError(QT_TR_NOOP("{name} is not a Quid backup; nothing was changed."),
                            name=path.name)  # fmt: skip
        if version > LATEST_VERSION:
            raise VaultTooNewError(QT_TR_NOOP(
                "This backup was written by a newer Quid (schema {found}; this Quid knows up "
                "to {latest}). Update Quid to restore it; nothing was changed."
            ), found=version, latest=LATEST_VERSION)  # fmt: skip
        rows = conn.execute("SELECT key, value FROM backup.vault_meta")
        meta = {str(k): str(v) for k, v in rows}
        organisations = _count(conn, tables, "organisations")
        disclosures = _count(conn, tables, "disclosures")
    except database.DatabaseError:
        raise BackupDamagedError(DAMAGED_BACKUP) from None
    return BackupInfo(
        path=path,
        schema_version=version,
        vault_id=meta.get("vault_id"),
        made_at=_made_at(meta.get(MADE_AT_KEY), path),
        kind=meta.get(KIND_KEY, KIND_COPY),
        organisations=organisations,
        disclosures=disclosures,
    )


def _made_at(recorded: str | None, path: Path) -> datetime:
    if recorded:
        with contextlib.suppress(ValueError):
            return datetime.fromisoformat(recorded)
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)  # a copy Quid did not label


def read_backup(path: Path, key: bytes | None = None, passphrase: str | None = None) -> BackupInfo:
    """Open a backup read-only with `key` (raw) or `passphrase`, verify it, and say what it
    holds. Refuses a damaged file, a wrong secret, a non-Quid file and a newer schema."""
    path = Path(path).expanduser().absolute()
    check_backup_file(path)
    conn = memory_connection()
    try:
        attach_read_only(conn, path, secret_text(key, passphrase))
        return inspect_attached(conn, path)
    finally:
        conn.close()


# --- progress --------------------------------------------------------------------------------
@contextlib.contextmanager
def cancellable(
    conn: database.Connection, progress: Progress, done: int, total: int
) -> Iterator[None]:
    """Let a long SQL call (sqlcipher_export) report progress and stop when cancelled: the
    handler interrupts SQLite, the transaction rolls back, and `Cancelled` is raised."""
    state = {"cancelled": False, "last": 0.0}

    def handler() -> int:
        now = time.monotonic()
        if now - state["last"] < _REPORT_EVERY_S:
            return 0
        state["last"] = now
        try:
            progress.step(done, total)
        except Cancelled:
            state["cancelled"] = True
            return 1  # SQLite stops with "interrupted"
        except Exception:  # a failing progress report must not break the backup
            return 0
        return 0

    conn.set_progress_handler(handler, _PROGRESS_OPCODES)
    try:
        yield
    except database.DatabaseError:
        if state["cancelled"]:
            raise Cancelled() from None
        raise
    finally:
        conn.set_progress_handler(None, 0)
    if state["cancelled"]:
        raise Cancelled()


# --- files -----------------------------------------------------------------------------------
def new_private_file(path: Path) -> None:
    """An empty owner-only file, so SQLite writes the database into it with mode 0600."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


def refuse_live_file(paths: AppPaths, target: Path) -> None:
    """Never write a backup over the vault, its key file, its lock or its WAL."""
    resolved = target.resolve()
    if resolved.parent == paths.data_dir.resolve() and resolved.name.startswith("ledger."):
        raise QuidError(QT_TR_NOOP(
            "{name} is one of the vault's own files; choose another name or folder. "
            "Nothing was written."
        ), name=target.name)  # fmt: skip


def write_error(exc: BaseException, what: str) -> BaseException:
    """An OSError or SQLite error while writing → Quid's words (disk full gets its own)."""
    text = str(exc).lower()
    full = isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG)
    if full or "disk is full" in text or "database or disk is full" in text:
        return DiskFullError(
            QT_TR_NOOP("The disk is full: {what}. Free some space and try again."), what=what
        )
    reason = (exc.strerror or exc) if isinstance(exc, OSError) else exc
    return QuidError(
        QT_TR_NOOP("Quid could not write the file ({reason}): {what}."), reason=reason, what=what
    )


# --- making a backup -------------------------------------------------------------------------
def _export_vault(
    vault_file: Path, key: bytes, target: Path, secret: str, kind: str, progress: Progress
) -> None:
    conn = database.open_existing(vault_file, key)  # its own connection: a consistent snapshot
    try:
        with database.translate_errors():
            conn.execute("ATTACH DATABASE ? AS backup KEY ?", (str(target), secret))
            try:
                with cancellable(conn, progress, 1, 4):
                    conn.execute("BEGIN")  # one read snapshot of the vault for the whole copy
                    try:
                        conn.execute("SELECT sqlcipher_export('backup')")
                        # sqlcipher_export copies tables, not the schema version
                        conn.execute(f"PRAGMA backup.user_version = {schema_version(conn)}")
                        conn.executemany(
                            "INSERT OR REPLACE INTO backup.vault_meta(key, value) VALUES (?, ?)",
                            [(MADE_AT_KEY, datetime.now(UTC).isoformat()), (KIND_KEY, kind)],
                        )
                        conn.execute("COMMIT")
                    except BaseException:
                        if conn.in_transaction:
                            conn.execute("ROLLBACK")
                        raise
            finally:
                conn.execute("DETACH DATABASE backup")
    finally:
        conn.close()


def make_backup(
    vault: Vault,
    target: Path,
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write an encrypted, verified backup of `vault` to `target` (replacing a file there
    atomically). With `passphrase` it is keyed by the passphrase, else by the vault's key."""
    progress = progress or Progress()
    target = Path(target).expanduser().absolute()
    refuse_live_file(vault.paths, target)
    if passphrase is not None:
        check_backup_passphrase(passphrase)
    if target.is_dir():
        raise QuidError(
            QT_TR_NOOP("{path} is a folder; choose a file name. Nothing was written."), path=target
        )
    if not target.parent.is_dir():
        raise QuidError(QT_TR_NOOP("The folder {folder} does not exist; nothing was written."),
                        folder=target.parent)  # fmt: skip
    key = vault._key_bytes()  # the backup is keyed like the vault
    secret = secret_text(None if passphrase is not None else key, passphrase)
    kind = KIND_PASSPHRASE if passphrase is not None else KIND_VAULT_KEY
    partial = target.parent / f".{target.name}.{uuid.uuid4().hex[:12]}.partial"
    try:
        progress.step(0, 4)
        new_private_file(partial)
        _export_vault(vault.paths.vault_file, key, partial, secret, kind, progress)
        progress.step(2, 4)
        # Read it back as a restore would: a backup that was never checked is no backup.
        read_backup(partial, None if passphrase is not None else key, passphrase)
        progress.step(3, 4)
        fsync_file(partial)
        progress.check()  # the last chance to cancel: once in place, the backup is made
        os.replace(partial, target)  # complete or absent, never half
    except (OSError, database.DatabaseError, DiskFullError) as exc:
        # DiskFullError: SQLite's full disk in the vault's words ("nothing was saved"), which
        # would be wrong here: the ledger is fine, the backup is what was not written.
        remove_with_sidecars(partial)
        raise write_error(exc, QT_TR_NOOP("the backup was not written")) from exc
    except BaseException:
        remove_with_sidecars(partial)
        raise
    with contextlib.suppress(OSError):  # it is in place: a folder that cannot sync is no failure
        fsync_dir(target.parent)
    with contextlib.suppress(Cancelled):  # too late to cancel, and never "nothing was written"
        progress.step(4, 4)
    return target
