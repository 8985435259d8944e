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
    SCHEDULED_NAME,
    BackupSchedule,
    backup_if_due,
    backup_schedule,
    save_backup_schedule,
    scheduled_backups,
    short_vault_id,
)
from app.services.backups import KIND_VAULT_KEY, make_backup, read_backup
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
    short = vault.vault_id[:8]
    assert first is not None and first.name == f"ledger-scheduled-{short}-20260301T093000Z.db"
    info = read_backup(first, key=vault._key_bytes())
    assert (info.kind, info.vault_id) == (KIND_VAULT_KEY, vault.vault_id)
    assert backup_if_due(vault, paths, T0 + timedelta(days=6, hours=23)) is None
    second = backup_if_due(vault, paths, T0 + timedelta(days=7))
    assert second is not None and second != first
    assert len(scheduled_backups(paths.backup_dir, vault.vault_id)) == 2


def test_every_zero_days_means_never(vault: Vault, paths: AppPaths):
    save_backup_schedule(vault.conn, paths, BackupSchedule(every_days=0))
    assert backup_if_due(vault, paths, T0) is None
    assert (
        not paths.backup_dir.exists() or scheduled_backups(paths.backup_dir, vault.vault_id) == []
    )


def test_a_backup_stamped_in_the_future_does_not_stop_the_schedule(vault, paths: AppPaths):
    paths.backup_dir.mkdir(parents=True, exist_ok=True)
    future = f"ledger-scheduled-{vault.vault_id[:8]}-20990101T000000Z.db"
    (paths.backup_dir / future).write_bytes(b"x" * 4096)
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
    kept = [path for _, path in scheduled_backups(folder, vault.vault_id)]
    assert kept == [made[4], made[3], made[2]]
    for name, data in others.items():
        assert (folder / name).read_bytes() == data
    assert (folder / "ledger-scheduled-20200102T000000Z.db").is_dir()


def test_the_chosen_folder_is_used(vault: Vault, paths: AppPaths, tmp_path: Path):
    chosen = tmp_path / "usb stick" / "quid"
    chosen.parent.mkdir()  # the drive is there; its quid folder is made
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


# --- vaults sharing one folder, and a folder that is not there ----------------------------------
@pytest.fixture
def second(tmp_path: Path) -> Iterator[Vault]:
    made, _ = create_vault(AppPaths.resolve(tmp_path / "second computer"), KeyMode.KEYRING)
    yield made
    made.close()


def test_two_vaults_sharing_a_folder_keep_and_count_only_their_own(
    vault: Vault, second: Vault, paths: AppPaths, tmp_path: Path
):
    shared = tmp_path / "shared"
    shared.mkdir()
    for each in (vault, second):
        save_backup_schedule(each.conn, each.paths, BackupSchedule(every_days=1, keep=2,
                                                                   folder=shared))  # fmt: skip
    seconds = [backup_if_due(second, second.paths, T0 + timedelta(days=d)) for d in range(3)]
    assert all(seconds)
    assert backup_if_due(vault, paths, T0 + timedelta(days=2)) is not None, "due for this one"
    mine = [backup_if_due(vault, paths, T0 + timedelta(days=d, hours=12)) for d in range(3, 6)]
    assert all(mine)
    assert [p for _, p in scheduled_backups(shared, second.vault_id)] == seconds[:0:-1]
    assert [p for _, p in scheduled_backups(shared, vault.vault_id)] == mine[:0:-1]
    assert len(list(shared.iterdir())) == 4, "two each: neither pruned the other's"


def test_old_names_count_as_this_vaults_only_when_they_are(
    vault: Vault, second: Vault, paths: AppPaths
):
    """Backups from before the id was in the name: this vault's (its key opens them and they
    hold its id) are counted and pruned; another vault's are left alone."""
    folder = paths.backup_dir
    folder.mkdir(parents=True, exist_ok=True)
    own = make_backup(vault, folder / "ledger-scheduled-20260201T000000Z.db")
    recent = make_backup(vault, folder / "ledger-scheduled-20260228T000000Z.db")
    others = make_backup(second, folder / "ledger-scheduled-20260227T000000Z.db")
    junk = folder / "ledger-scheduled-20260226T000000Z.db"
    junk.write_bytes(b"\0" * 4096)
    key = vault._key_bytes()
    assert [p for _, p in scheduled_backups(folder, vault.vault_id, key)] == [recent, own]
    assert scheduled_backups(folder, vault.vault_id) == [], "without the key: not counted"
    save_backup_schedule(vault.conn, paths, BackupSchedule(every_days=7, keep=2))
    assert backup_if_due(vault, paths, T0) is None, "the old-named one of yesterday counts"
    made = backup_if_due(vault, paths, T0 + timedelta(days=7))
    assert made is not None
    assert not own.exists() and recent.exists(), "its own old one pruned, newest 2 kept"
    assert others.exists() and junk.exists(), "another vault's and an unreadable one kept"


def test_a_chosen_folder_on_a_drive_that_is_not_there(vault: Vault, paths, tmp_path: Path):
    drive = tmp_path / "media" / "USB STICK"
    chosen = drive / "quid"
    save_backup_schedule(vault.conn, paths, BackupSchedule(folder=chosen))
    with pytest.raises(QuidError) as raised:
        backup_if_due(vault, paths, T0)
    assert str(raised.value) == (
        f"The backup folder {chosen} is not there (is the drive connected?); no backup was made."
    )
    assert not (tmp_path / "media").exists(), "no folder made on the internal disk"
    drive.mkdir(parents=True)  # plugged in
    made = backup_if_due(vault, paths, T0)
    assert made is not None and made.parent == chosen


def test_the_default_folder_is_made_with_its_parents(vault, paths, tmp_path, monkeypatch):
    deep = tmp_path / "not" / "yet" / "backups"
    monkeypatch.setattr(AppPaths, "backup_dir", property(lambda _self: deep))
    made = backup_if_due(vault, paths, T0)
    assert made is not None and made.parent == deep


def test_short_vault_id() -> None:
    assert short_vault_id("0f3A9c1e-aaaa-4bbb-8ccc-dddddddddddd") == "0f3a9c1e"
    odd = short_vault_id("not a uuid")
    assert len(odd) == 8 and SCHEDULED_NAME.fullmatch(f"ledger-scheduled-{odd}-20260301T000000Z.db")
