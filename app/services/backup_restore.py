"""Restore a backup over the vault: verify, rebuild under the vault's own key, swap atomically.

Nothing touches `ledger.db` until a complete, checked copy is ready:

1. the backup is verified (key or passphrase, every page's HMAC, SQLite's check, schema);
2. it is copied by `sqlcipher_export` into a new hidden file in the data folder, keyed with the
   *current* vault key (so a passphrase backup, or a backup of another vault, opens with this
   vault's key file afterwards), its vault id set to this vault's, migrated if older, checked;
3. with the vault closed and its lock held, that file takes the place of `ledger.db`; the
   replaced vault is kept beside it as `ledger.db.replaced-STAMP` (never deleted).

A backup of another vault is allowed on purpose: restoring on a new computer means creating a
fresh vault there and restoring the old backup into it.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.errors import QT_TR_NOOP, QuidError
from app.paths import AppPaths
from app.services.backups import (
    KIND_KEY,
    MADE_AT_KEY,
    BackupDamagedError,
    BackupInfo,
    attach_read_only,
    cancellable,
    fsync_file,
    memory_connection,
    new_private_file,
    raw_key_text,
    read_backup,
    remove_with_sidecars,
    secret_text,
    write_error,
)
from app.services.progress import Progress
from app.storage import database
from app.storage.fileio import fsync_dir
from app.storage.lock import VaultLock
from app.storage.migrations import migrate
from app.storage.vault import Vault

_BUILDING_PATTERN = ".ledger-*.restoring"
_STEPS = 5


@dataclass(frozen=True)
class PreparedRestore:
    """A verified copy of the backup, keyed and migrated for this vault, waiting to be swapped
    in. `discard()` removes it when the person changes their mind."""

    paths: AppPaths
    path: Path
    info: BackupInfo

    def discard(self) -> None:
        remove_with_sidecars(self.path)


def _export_backup(
    backup: Path,
    secret: str,
    building: Path,
    key: bytes,
    vault_id: str,
    version: int,
    progress: Progress,
) -> None:
    """Copy the backup into `building`, keyed with `key`, as this vault (`vault_id`)."""
    conn = memory_connection()
    try:
        attach_read_only(conn, backup, secret)
        conn.execute("ATTACH DATABASE ? AS restored KEY ?", (str(building), raw_key_text(key)))
        with cancellable(conn, progress, 2, _STEPS):
            conn.execute("BEGIN")
            try:
                conn.execute("SELECT sqlcipher_export('restored', 'backup')")
                conn.execute(f"PRAGMA restored.user_version = {int(version)}")
                # The rows that described the backup go; the vault id becomes this vault's,
                # so the key file beside it (bound to the id) still matches.
                conn.execute(
                    "DELETE FROM restored.vault_meta WHERE key IN (?, ?)", (MADE_AT_KEY, KIND_KEY)
                )
                conn.execute(
                    "INSERT OR REPLACE INTO restored.vault_meta(key, value) VALUES ('vault_id', ?)",
                    (vault_id,),
                )
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
    finally:
        conn.close()


def _check_restored(conn: database.Connection, vault_id: str) -> None:
    pages = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
    integrity = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    row = conn.execute("SELECT value FROM vault_meta WHERE key = 'vault_id'").fetchone()
    if pages or integrity != ["ok"] or row is None or row[0] != vault_id:
        raise BackupDamagedError(
            QT_TR_NOOP(
                "The restored copy failed its check, so it was not used. "
                "Your ledger was not changed."
            )
        )


def _remove_leftovers(data_dir: Path) -> None:
    """Copies left by an interrupted restore (the vault is open, so no restore is running)."""
    for leftover in data_dir.glob(f"{_BUILDING_PATTERN}*"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def prepare_restore(
    vault: Vault,
    backup: Path,
    *,
    key: bytes | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> PreparedRestore:
    """Steps 1 and 2 while `vault` stays open and untouched. Without `key` and `passphrase`
    the backup must open with the vault's own key. Safe to run on a worker thread: it uses
    connections of its own, never `vault.conn`."""
    progress = progress or Progress()
    paths = vault.paths
    current_key = vault._key_bytes()  # the restored copy is keyed like the vault
    vault_id = vault.header.vault_id if vault.header is not None else vault.vault_id
    if key is None and passphrase is None:
        key = current_key
    backup = Path(backup).expanduser().absolute()
    if backup.resolve() == paths.vault_file.resolve():
        raise QuidError(QT_TR_NOOP("That is the vault itself, not a backup; nothing was changed."))
    progress.step(0, _STEPS)
    info = read_backup(backup, key, passphrase)
    progress.step(1, _STEPS)
    _remove_leftovers(paths.data_dir)
    building = paths.data_dir / f".ledger-{uuid.uuid4().hex}.restoring"
    try:
        new_private_file(building)
        secret = secret_text(key, passphrase)
        _export_backup(
            backup, secret, building, current_key, vault_id, info.schema_version, progress
        )
        progress.step(3, _STEPS)
        conn = database.open_existing(building, current_key)
        try:
            migrate(conn, building, paths.backup_dir)  # a backup from an older Quid
            progress.step(4, _STEPS)
            _check_restored(conn, vault_id)
            conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file to move
        finally:
            conn.close()
        fsync_file(building)
        progress.step(_STEPS, _STEPS)  # a cancel now still removes the prepared copy
    except (OSError, database.DatabaseError) as exc:
        remove_with_sidecars(building)
        raise write_error(
            exc, QT_TR_NOOP("nothing was restored and your ledger was not changed")
        ) from exc
    except BaseException:
        remove_with_sidecars(building)
        raise
    return PreparedRestore(paths, building, info)


def swap_in(prepared: PreparedRestore) -> Path:
    """Step 3: put the prepared copy in place of `ledger.db`. The vault must be closed (its
    lock is taken here; if another Quid holds it, nothing changes). Returns where the replaced
    vault was kept."""
    paths = prepared.paths
    vault_file = paths.vault_file
    lock = VaultLock(paths.lock_file)
    try:
        lock.acquire()
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")  # never overwrite an earlier one
        kept = vault_file.with_name(f"{vault_file.name}.replaced-{stamp}")
        moved = False
        if vault_file.exists():
            try:  # a second name for the old file: ledger.db never goes missing
                os.link(vault_file, kept)
            except OSError:  # no hard links on this file system (FAT, some shares)
                vault_file.replace(kept)
                moved = True
        for suffix in ("-wal", "-shm"):  # a WAL left beside it belongs to the old file
            side = Path(f"{vault_file}{suffix}")
            if side.exists():
                side.replace(Path(f"{kept}{suffix}"))
        try:
            os.replace(prepared.path, vault_file)
        except OSError:
            if moved and not vault_file.exists():
                kept.replace(vault_file)  # put the old vault back
            raise
        fsync_dir(paths.data_dir)
        return kept
    except BaseException:
        prepared.discard()
        raise
    finally:
        lock.release()


def restore_from_backup(
    vault: Vault,
    backup: Path,
    *,
    key: bytes | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Verify and prepare while the vault is open, close it, swap the copy in. The caller
    opens the vault again. Returns where the replaced vault was kept. On any refusal before
    the swap, the vault stays open and byte-for-byte unchanged."""
    prepared = prepare_restore(vault, backup, key=key, passphrase=passphrase, progress=progress)
    vault.close()
    return swap_in(prepared)
