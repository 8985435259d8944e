"""Automatic backups: one every N days, keeping the newest N. The settings live in the vault.

Scheduled backups are keyed with the vault key (nothing to type; the recovery key opens them
on another computer) and named `ledger-scheduled-STAMP.db`. Pruning removes only files with
exactly that name: never a before-migration copy (`ledger-before-vN-…`, one per upgrade and
the way back from it) and never anything Quid did not make.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.errors import QuidError
from app.paths import AppPaths
from app.services.backups import make_backup
from app.services.progress import Progress
from app.storage.database import Connection, transaction
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
SCHEDULED_NAME = re.compile(r"ledger-scheduled-(\d{8}T\d{6}Z)\.db")


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
            f"Back up every: give a whole number of days from 0 (never) to {MAX_EVERY_DAYS}. "
            "Nothing was changed."
        )
    if type(schedule.keep) is not int or not 1 <= schedule.keep <= MAX_KEEP:
        raise QuidError(
            f"Keep the last: give a whole number of backups from 1 to {MAX_KEEP}. "
            "Nothing was changed."
        )
    folder = schedule.folder
    if folder is None:
        return
    if not folder.is_absolute():
        raise QuidError(f"Backup folder: {folder} is not a full path. Nothing was changed.")
    if folder.exists() and not folder.is_dir():
        raise QuidError(f"Backup folder: {folder} is a file, not a folder. Nothing was changed.")
    if folder.resolve() == paths.data_dir.resolve():
        raise QuidError(
            "Backup folder: choose a folder other than the vault's own (the default is its "
            "backups folder). Nothing was changed."
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
def scheduled_backups(folder: Path) -> list[tuple[datetime, Path]]:
    """Quid's scheduled backups in `folder`, newest first (by the time in the name, which a
    copy or a touch does not change)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = SCHEDULED_NAME.fullmatch(path.name)
        if match is None or path.is_symlink() or not path.is_file():
            continue
        with contextlib.suppress(ValueError):
            made = datetime.strptime(match.group(1), _STAMP_FORMAT).replace(tzinfo=UTC)
            found.append((made, path))
    return sorted(found, reverse=True)


def is_due(schedule: BackupSchedule, folder: Path, now: datetime) -> bool:
    if schedule.every_days == 0:
        return False
    # A backup stamped in the future (the clock was wrong then) does not count as recent.
    made = [when for when, _ in scheduled_backups(folder) if when <= now]
    return not made or now - made[0] >= timedelta(days=schedule.every_days)


def prune_scheduled(folder: Path, keep: int) -> list[Path]:
    """Remove scheduled backups beyond the newest `keep`; returns what was removed."""
    removed = []
    for _, path in scheduled_backups(folder)[max(keep, 1) :]:
        try:
            path.unlink()
        except OSError as exc:  # kept, and tried again next time
            log.warning("could not remove an old backup: %s", exc.strerror)
        else:
            removed.append(path)
    return removed


def backup_if_due(
    vault: Vault,
    paths: AppPaths,
    now: datetime | None = None,
    *,
    schedule: BackupSchedule | None = None,
    progress: Progress | None = None,
) -> Path | None:
    """Make `ledger-scheduled-STAMP.db` when the newest one is older than the interval, then
    prune to the newest `keep`. Returns the new backup, or None when none was due.
    Pass `schedule` (read on the GUI thread) to keep `vault.conn` off a worker thread."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    schedule = schedule or backup_schedule(vault.conn)
    folder = schedule.folder_or_default(paths)
    if not is_due(schedule, folder, now):
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise QuidError(
            f"The backup folder {folder} cannot be made ({exc.strerror}); no backup was made."
        ) from exc
    target = folder / f"ledger-scheduled-{now.strftime(_STAMP_FORMAT)}.db"
    made = make_backup(vault, target, progress=progress)
    removed = prune_scheduled(folder, schedule.keep)
    log.info("scheduled backup made; %d old one(s) removed", len(removed))
    return made
