"""Automatic backups: one every N days, keeping the newest N. The settings live in the vault.

Scheduled backups are keyed with the vault key (nothing to type; the recovery key opens them
on another computer) and named `ledger-scheduled-<the first 8 of the vault id>-STAMP.db`, so
vaults that share one backup folder each count and prune only their own. Pruning removes only
such files of this vault: never a before-migration copy (`ledger-before-vN-…`, one per upgrade
and the way back from it), never another vault's, never anything Quid did not make. A backup
in the older name without the id (`ledger-scheduled-STAMP.db`) counts as this vault's when it
opens with this vault's key and holds its id; one that does not is left alone.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.errors import QT_TR_NOOP, QuidError, VaultLockedError
from app.paths import AppPaths
from app.services.backups import attach_read_only, make_backup, memory_connection, raw_key_text
from app.services.progress import Progress
from app.storage.database import Connection, DatabaseError, transaction
from app.storage.settings import get_setting
from app.storage.vault import Vault

log = logging.getLogger(__name__)

EVERY_DAYS_SETTING = "backup_every_days"
KEEP_SETTING = "backup_keep"
FOLDER_SETTING = "backup_folder"
DEFAULT_EVERY_DAYS = 7
DEFAULT_KEEP = 10
MAX_EVERY_DAYS = 365
MAX_KEEP = 1000

_STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
#: `ledger-scheduled-<short vault id>-STAMP.db`; without the id: the name before Quid put it in
SCHEDULED_NAME = re.compile(r"ledger-scheduled-(?:([0-9a-f]{8})-)?(\d{8}T\d{6}Z)\.db")


@dataclass(frozen=True)
class BackupSchedule:
    """`every_days` 0 = never; `folder` None = the vault's own `backups/` folder."""

    every_days: int = DEFAULT_EVERY_DAYS
    keep: int = DEFAULT_KEEP
    folder: Path | None = None

    def folder_or_default(self, paths: AppPaths) -> Path:
        return self.folder if self.folder is not None else paths.backup_dir


def _whole(value: Any, low: int, high: int, default: int) -> int:
    return value if type(value) is int and low <= value <= high else default


def backup_schedule(conn: Connection) -> BackupSchedule:
    """The stored schedule; a damaged or odd value falls back to its default."""
    folder = get_setting(conn, FOLDER_SETTING)
    return BackupSchedule(
        every_days=_whole(
            get_setting(conn, EVERY_DAYS_SETTING), 0, MAX_EVERY_DAYS, DEFAULT_EVERY_DAYS
        ),
        keep=_whole(get_setting(conn, KEEP_SETTING), 1, MAX_KEEP, DEFAULT_KEEP),
        folder=Path(folder) if isinstance(folder, str) and Path(folder).is_absolute() else None,
    )


def check_schedule(schedule: BackupSchedule, paths: AppPaths) -> None:
    """Names the field at fault; raised before anything is saved."""
    if type(schedule.every_days) is not int or not 0 <= schedule.every_days <= MAX_EVERY_DAYS:
        raise QuidError(
            QT_TR_NOOP(
                "Back up every: give a whole number of days from 0 (never) to {most}. "
                "Nothing was changed."
            ),
            most=MAX_EVERY_DAYS,
        )
    if type(schedule.keep) is not int or not 1 <= schedule.keep <= MAX_KEEP:
        raise QuidError(
            QT_TR_NOOP(
                "Keep the last: give a whole number of backups from 1 to {most}. "
                "Nothing was changed."
            ),
            most=MAX_KEEP,
        )
    folder = schedule.folder
    if folder is None:
        return
    if not folder.is_absolute():
        raise QuidError(
            QT_TR_NOOP("Backup folder: {folder} is not a full path. Nothing was changed."),
            folder=folder,
        )
    if folder.exists() and not folder.is_dir():
        raise QuidError(
            QT_TR_NOOP("Backup folder: {folder} is a file, not a folder. Nothing was changed."),
            folder=folder,
        )
    if folder.resolve() == paths.data_dir.resolve():
        raise QuidError(
            QT_TR_NOOP(
                "Backup folder: choose a folder other than the vault's own (the default is its "
                "backups folder). Nothing was changed."
            )
        )


def save_backup_schedule(conn: Connection, paths: AppPaths, schedule: BackupSchedule) -> None:
    """Check, then store all three settings in one transaction."""
    check_schedule(schedule, paths)
    stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
    values = {
        EVERY_DAYS_SETTING: schedule.every_days,
        KEEP_SETTING: schedule.keep,
        FOLDER_SETTING: str(schedule.folder) if schedule.folder is not None else None,
    }
    with transaction(conn):
        for key, value in values.items():
            conn.execute(
                "INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
                "updated_at = excluded.updated_at",
                (key, json.dumps(value), stamp),
            )


# --- the files -------------------------------------------------------------------------------
def short_vault_id(vault_id: str) -> str:
    """The 8 hex digits of a vault id that go in its scheduled backups' names: the id's own
    first 8 (a UUID's), else the first 8 of its SHA-256 (an id of another shape)."""
    text = vault_id.strip().lower()
    if re.fullmatch(r"[0-9a-f]{8}", text[:8]):
        return text[:8]
    return hashlib.sha256(vault_id.encode()).hexdigest()[:8]


def scheduled_name(vault_id: str, when: datetime) -> str:
    return f"ledger-scheduled-{short_vault_id(vault_id)}-{when.strftime(_STAMP_FORMAT)}.db"


def _holds_vault(path: Path, vault_id: str, key: bytes) -> bool:
    """Whether the backup at `path` opens with `key` and is of vault `vault_id` (its first
    pages only: no full check)."""
    try:
        conn = memory_connection()
    except QuidError:
        return False
    try:
        attach_read_only(conn, path, raw_key_text(key))
        row = conn.execute("SELECT value FROM backup.vault_meta WHERE key = 'vault_id'").fetchone()
        return row is not None and str(row[0]) == vault_id
    except (QuidError, DatabaseError, OSError):
        return False
    finally:
        conn.close()


def scheduled_backups(
    folder: Path, vault_id: str, key: bytes | None = None
) -> list[tuple[datetime, Path]]:
    """The scheduled backups of vault `vault_id` in `folder`, newest first (by the time in the
    name, which a copy or a touch does not change). One in the old name without the id counts
    only when it opens with `key` (the vault's) and holds this vault's id."""
    if not folder.is_dir():
        return []
    short = short_vault_id(vault_id)
    found = []
    for path in folder.iterdir():
        match = SCHEDULED_NAME.fullmatch(path.name)
        if match is None or path.is_symlink() or not path.is_file():
            continue
        owner, stamp = match.groups()
        try:
            made = datetime.strptime(stamp, _STAMP_FORMAT).replace(tzinfo=UTC)
        except ValueError:
            continue
        if owner == short or (
            owner is None and key is not None and _holds_vault(path, vault_id, key)
        ):
            found.append((made, path))
    return sorted(found, reverse=True)


def is_due(
    schedule: BackupSchedule, folder: Path, now: datetime, vault_id: str, key: bytes | None = None
) -> bool:
    if schedule.every_days == 0:
        return False
    # A backup stamped in the future (the clock was wrong then) does not count as recent.
    made = [when for when, _ in scheduled_backups(folder, vault_id, key) if when <= now]
    return not made or now - made[0] >= timedelta(days=schedule.every_days)


def prune_scheduled(folder: Path, keep: int, vault_id: str, key: bytes | None = None) -> list[Path]:
    """Remove this vault's scheduled backups beyond the newest `keep`; returns what was
    removed. Other vaults' backups in the same folder are never touched."""
    removed = []
    for _, path in scheduled_backups(folder, vault_id, key)[max(keep, 1) :]:
        try:
            path.unlink()
        except OSError as exc:  # kept, and tried again next time
            log.warning("could not remove an old backup: %s", exc.strerror)
        else:
            removed.append(path)
    return removed


def _ensure_folder(schedule: BackupSchedule, folder: Path) -> None:
    """The default folder is made with its parents. A chosen one must have its parent (a
    drive that is not mounted must not become a folder on the internal disk); only the
    folder itself is made."""
    if schedule.folder is not None and not folder.parent.is_dir():
        raise QuidError(
            QT_TR_NOOP(
                "The backup folder {folder} is not there (is the drive connected?); "
                "no backup was made."
            ),
            folder=folder,
        )
    try:
        folder.mkdir(parents=schedule.folder is None, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise QuidError(
            QT_TR_NOOP("The backup folder {folder} cannot be made ({reason}); no backup was made."),
            folder=folder,
            reason=exc.strerror,
        ) from exc


def backup_if_due(
    vault: Vault,
    paths: AppPaths,
    now: datetime | None = None,
    *,
    schedule: BackupSchedule | None = None,
    progress: Progress | None = None,
) -> Path | None:
    """Make `ledger-scheduled-<id>-STAMP.db` when this vault's newest one is older than the
    interval, then prune its own to the newest `keep`. Returns the new backup, or None when
    none was due. Pass `schedule` (read on the GUI thread) to keep `vault.conn` off a worker
    thread (the vault id is then read from its header)."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    schedule = schedule or backup_schedule(vault.conn)
    vault_id = vault.header.vault_id if vault.header is not None else vault.vault_id
    try:
        key: bytes | None = vault._key_bytes()  # to tell which old-named backups are its own
    except VaultLockedError:  # locked meanwhile: make_backup says so if one is due
        key = None
    folder = schedule.folder_or_default(paths)
    if not is_due(schedule, folder, now, vault_id, key):
        return None
    _ensure_folder(schedule, folder)
    made = make_backup(vault, folder / scheduled_name(vault_id, now), progress=progress)
    removed = prune_scheduled(folder, schedule.keep, vault_id, key)
    log.info("scheduled backup made; %d old one(s) removed", len(removed))
    return made
