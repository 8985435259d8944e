"""Put a backup copy in place of a damaged vault.

The backup is checked first (right key, every page intact, same vault). The damaged file is
then renamed beside it (`ledger.db.damaged-…`), never deleted, and the copy moved into place.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path

from app.errors import QT_TR_NOOP, QuidError, VaultDamagedError, WrongKeyError
from app.paths import AppPaths
from app.storage import database
from app.storage.fileio import fsync_dir
from app.storage.lock import VaultLock


def automatic_backups(paths: AppPaths) -> list[Path]:
    """Backups Quid made itself (before upgrades), newest first."""
    folder = paths.backup_dir
    found = sorted(folder.glob("ledger-*.db")) if folder.exists() else []
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def _verify_copy(copy: Path, key: bytes, vault_id: str | None) -> None:
    try:
        conn = database.open_existing(copy, key)
    except VaultDamagedError:
        raise WrongKeyError(
            QT_TR_NOOP("This backup cannot be opened with this vault's key, or it is damaged.")
        ) from None
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
        integrity = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        if problems or integrity != ["ok"]:
            raise VaultDamagedError(QT_TR_NOOP("This backup is damaged too; choose another one."))
        row = conn.execute("SELECT value FROM vault_meta WHERE key = 'vault_id'").fetchone()
        if vault_id is not None and (row is None or row[0] != vault_id):
            raise QuidError(QT_TR_NOOP("This backup belongs to another vault; choose another one."))
        conn.execute("PRAGMA journal_mode = DELETE")  # a single file, ready to move
    except database.DatabaseError:
        raise VaultDamagedError(
            QT_TR_NOOP("This backup is damaged too; choose another one.")
        ) from None
    finally:
        conn.close()


def restore_backup(paths: AppPaths, backup: Path, key: bytes, vault_id: str | None) -> Path:
    """Replace the vault by a verified copy of `backup`; returns where the old file was kept."""
    lock = VaultLock(paths.lock_file)
    lock.acquire()
    copy = paths.data_dir / f".ledger-{uuid.uuid4().hex}.restoring"
    try:
        shutil.copyfile(backup, copy)
        os.chmod(copy, 0o600)  # the vault is owner-only, whatever the backup's mode was
        _verify_copy(copy, key, vault_id)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")  # never overwrite an earlier one
        kept = paths.vault_file.with_name(f"{paths.vault_file.name}.damaged-{stamp}")
        for suffix in ("-wal", "-shm"):
            side = Path(f"{paths.vault_file}{suffix}")
            if side.exists():
                side.replace(Path(f"{kept}{suffix}"))
        if paths.vault_file.exists():
            paths.vault_file.replace(kept)
        copy.replace(paths.vault_file)
        fsync_dir(paths.data_dir)
        return kept
    finally:
        with contextlib.suppress(FileNotFoundError):
            copy.unlink()
        lock.release()
