"""Scheduled backups with a fake clock: when one is due, the newest N are kept, and nothing
Quid did not make (or made for a migration) is ever removed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.errors import QuidError
from app.paths import AppPaths
from app.services.backup_schedule import (
    BackupSchedule,
    backup_if_due,
    backup_schedule,
    save_backup_schedule,
    scheduled_backups,
)
from app.services.backups import KIND_VAULT_KEY, read_backup
from app.storage.header import KeyMode
from app.storage.settings import get_setting
from app.storage.vault import Vault, create_vault

T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def vault(paths: AppPaths) -> Iterator[Vault]:
    made, _ = create_vault(paths, KeyMode.KEYRING)
    yield made
    made.close()


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_defaults_weekly_keep_ten_in_the_vaults_backup_folder(vault: Vault, paths: AppPaths):
    schedule = backup_schedule(vault.conn)
    assert schedule == BackupSchedule(every_days=7, keep=10, folder=None)
    assert schedule.folder_or_default(paths) == paths.backup_dir


def test_due_and_not_due_with_a_fake_clock(vault: Vault, paths: AppPaths):
    first = backup_if_due(vault, paths, T0)
    assert first is not None and first.name == "ledger-scheduled-20260301T093000Z.db"
    info = read_backup(first, key=vault._key_bytes())
    assert (info.kind, info.vault_id) == (KIND_VAULT_KEY, vault.vault_id)
    assert backup_if_due(vault, paths, T0 + timedelta(days=6, hours=23)) is None
    second = backup_if_due(vault, paths, T0 + timedelta(days=7))
    assert second is not None and second != first
    assert len(scheduled_backups(paths.backup_dir)) == 2


def test_every_zero_days_means_never(vault: Vault, paths: AppPaths):
    save_backup_schedule(vault.conn, paths, BackupSchedule(every_days=0))
    assert backup_if_due(vault, paths, T0) is None
    assert not paths.backup_dir.exists() or scheduled_backups(paths.backup_dir) == []


def test_a_backup_stamped_in_the_future_does_not_stop_the_schedule(vault, paths: AppPaths):
    paths.backup_dir.mkdir(parents=True, exist_ok=True)
    (paths.backup_dir / "ledger-scheduled-20990101T000000Z.db").write_bytes(b"x" * 4096)
    assert backup_if_due(vault, paths, T0) is not None
    assert backup_if_due(vault, paths, T0 + timedelta(days=1)) is None


def test_prune_keeps_the_newest_n_and_never_touches_other_files(vault: Vault, paths: AppPaths):
    save_backup_schedule(vault.conn, paths, BackupSchedule(every_days=1, keep=3))
    folder = paths.backup_dir
    folder.mkdir(parents=True, exist_ok=True)
    others = {
        "ledger-before-v4-20250101T000000000000Z.db": b"migration copy",
        "ledger-scheduled-not-a-date.db": b"a look-alike",
        "ledger-scheduled-20200101T000000Z.db.txt": b"another name",
        "notes.txt": b"the person's own file",
    }
    for name, data in others.items():
        (folder / name).write_bytes(data)
    (folder / "ledger-scheduled-20200102T000000Z.db").mkdir()  # a folder, not a backup
    made = [backup_if_due(vault, paths, T0 + timedelta(days=day)) for day in range(5)]
    assert all(made)
    kept = [path for _, path in scheduled_backups(folder)]
    assert kept == [made[4], made[3], made[2]]
    for name, data in others.items():
        assert (folder / name).read_bytes() == data
    assert (folder / "ledger-scheduled-20200102T000000Z.db").is_dir()


def test_the_chosen_folder_is_used(vault: Vault, paths: AppPaths, tmp_path: Path):
    chosen = tmp_path / "usb stick" / "quid"
    save_backup_schedule(vault.conn, paths, BackupSchedule(7, 2, chosen))
    assert backup_schedule(vault.conn).folder == chosen
    made = backup_if_due(vault, paths, T0)
    assert made is not None and made.parent == chosen
    assert not paths.backup_dir.exists() or names(paths.backup_dir) == []


@pytest.mark.parametrize(
    ("schedule", "field"),
    [
        (BackupSchedule(every_days=-1), "Back up every"),
        (BackupSchedule(every_days=366), "Back up every"),
        (BackupSchedule(keep=0), "Keep the last"),
        (BackupSchedule(folder=Path("relative/folder")), "Backup folder"),
        (BackupSchedule(folder=Path("/etc/hostname")), "Backup folder"),
    ],
)
def test_bad_settings_name_the_field_and_change_nothing(vault, paths, schedule, field):
    save_backup_schedule(vault.conn, paths, BackupSchedule(3, 4, None))
    with pytest.raises(QuidError, match=field) as raised:
        save_backup_schedule(vault.conn, paths, schedule)
    assert "Nothing was changed" in str(raised.value)
    assert backup_schedule(vault.conn) == BackupSchedule(3, 4, None)


def test_the_vault_folder_itself_is_refused(vault: Vault, paths: AppPaths):
    with pytest.raises(QuidError, match="Backup folder"):
        save_backup_schedule(vault.conn, paths, BackupSchedule(folder=paths.data_dir))
    assert get_setting(vault.conn, "backup_folder") is None


def test_odd_stored_values_fall_back_to_the_defaults(vault: Vault):
    vault.conn.execute(
        "INSERT INTO settings(key, value, updated_at) VALUES ('backup_keep', '\"ten\"', 'x'), "
        "('backup_every_days', '-4', 'x'), ('backup_folder', '\"relative\"', 'x')"
    )
    assert backup_schedule(vault.conn) == BackupSchedule()
