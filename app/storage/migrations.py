"""Numbered schema steps. `PRAGMA user_version` is the vault's schema version.

Each step runs in one transaction together with the version bump, after an encrypted backup
copy of the whole file. A vault from a newer Quid is refused, never "downgraded".
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.errors import QT_TR_NOOP, DiskFullError, QuidError, VaultTooNewError
from app.storage.assessment_schema import create_assessment_tables
from app.storage.database import Connection, checkpoint, transaction
from app.storage.fileio import fsync_dir
from app.storage.ledger_schema import create_ledger_tables
from app.storage.requests_schema import create_request_tables


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _v1_vault_basics(conn: Connection) -> None:
    conn.execute(
        """CREATE TABLE vault_meta (
               key TEXT PRIMARY KEY,
               value TEXT NOT NULL
           ) STRICT"""
    )
    conn.execute(
        """CREATE TABLE settings (
               key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 200),
               value TEXT NOT NULL,
               updated_at TEXT NOT NULL
           ) STRICT"""
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "vault basics: meta and settings", _v1_vault_basics),
    Migration(
        2, "the ledger: organisations, accounts, disclosures, benefits", create_ledger_tables
    ),
    Migration(3, "stored assessments and tiers", create_assessment_tables),
    Migration(4, "GDPR requests, their timeline and attachments", create_request_tables),
)

LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_not_too_new(conn: Connection) -> None:
    found = schema_version(conn)
    if found > LATEST_VERSION:
        raise VaultTooNewError(
            QT_TR_NOOP(
                "This vault was written by a newer Quid (schema {found}; this Quid knows up to "
                "{latest}). Update Quid to open it; the vault was not changed."
            ),
            found=found,
            latest=LATEST_VERSION,
        )


def backup_copy(conn: Connection, db_path: Path, backup_dir: Path, label: str) -> Path:
    """An encrypted copy of the vault file (same key), made with the WAL folded in first."""
    checkpoint(conn)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"ledger-{label}-{stamp}.db"
    partial = backup_dir / f".{target.name}.partial"
    try:
        backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(db_path, "rb") as source, open(partial, "wb") as copy:
            os.chmod(partial, 0o600)
            shutil.copyfileobj(source, copy)
            copy.flush()
            os.fsync(copy.fileno())
        os.replace(partial, target)  # a backup is complete or absent, never half
        fsync_dir(backup_dir)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        if exc.errno == errno.ENOSPC:
            raise DiskFullError(
                QT_TR_NOOP(
                    "The disk is full: Quid could not back up the vault before upgrading it, "
                    "so it did not upgrade. Free some space and open it again."
                )
            ) from exc
        raise QuidError(
            QT_TR_NOOP(
                "Quid could not back up the vault before upgrading it ({reason}); "
                "nothing was changed."
            ),
            reason=exc.strerror,
        ) from exc
    return target


def migrate(
    conn: Connection,
    db_path: Path,
    backup_dir: Path,
    steps: tuple[Migration, ...] = MIGRATIONS,
) -> list[int]:
    """Bring the vault to the newest schema; returns the versions applied."""
    check_not_too_new(conn)
    current = schema_version(conn)
    pending = [m for m in steps if m.version > current]
    if pending and current > 0:
        backup_copy(conn, db_path, backup_dir, f"before-v{pending[0].version}")
    applied = []
    for step in pending:
        with transaction(conn):
            step.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
        applied.append(step.version)
    return applied
