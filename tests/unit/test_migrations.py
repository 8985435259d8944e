"""Schema migrations: numbered, atomic, a backup first, and a newer vault is never touched.

Every entry in MIGRATIONS needs a `test_migration_<version>_…` test in this file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.errors import VaultTooNewError
from app.paths import AppPaths
from app.services.doctor import CANNOT_OPEN, diagnose
from app.storage import database, keys
from app.storage import vault as vaults
from app.storage.header import KeyMode
from app.storage.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    Migration,
    migrate,
    schema_version,
)
from app.storage.settings import get_setting, set_setting


@pytest.fixture
def vault(paths: AppPaths) -> Iterator[vaults.Vault]:
    opened, _ = vaults.create_vault(paths, KeyMode.KEYRING)
    with opened:
        set_setting(opened.conn, "precious", "kept")
        yield opened


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tables(conn: database.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {row[0] for row in rows}


def step(version: int, apply: Callable[[database.Connection], None]) -> Migration:
    return Migration(version, f"test step {version}", apply)


def add_notes(conn: database.Connection) -> None:
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT")
    conn.execute("INSERT INTO notes(body) VALUES ('hello')")


# --- one test per shipped migration -----------------------------------------------------------
def test_migration_1_creates_meta_and_settings(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    conn = database.create_new(path, keys.new_database_key())
    try:
        assert schema_version(conn) == 0
        assert migrate(conn, path, tmp_path / "backups", MIGRATIONS[:1]) == [1]
        assert schema_version(conn) == 1
        assert {"vault_meta", "settings"} <= tables(conn)
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'settings'").fetchone()[0]
        assert "STRICT" in sql
        with pytest.raises(database.DatabaseError):  # keys are 1..200 characters
            conn.execute("INSERT INTO settings VALUES ('', '1', 'now')")
    finally:
        conn.close()
    assert not (tmp_path / "backups").exists()  # nothing to back up in a brand-new file


def test_migration_2_adds_the_ledger_with_stats_kept_by_triggers(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    conn = database.create_new(path, keys.new_database_key())
    try:
        migrate(conn, path, tmp_path / "backups", MIGRATIONS[:1])
        conn.execute("INSERT INTO settings VALUES ('kept', '1', 'now')")
        assert migrate(conn, path, tmp_path / "backups", MIGRATIONS[:2]) == [2]
        assert {"organisations", "accounts", "disclosures", "benefits", "profile"} <= tables(conn)
        assert conn.execute("SELECT value FROM settings WHERE key = 'kept'").fetchone() == ("1",)
        conn.execute(
            "INSERT INTO organisations(name, name_key, created_at, updated_at) "
            "VALUES ('Shop', 'shop', 'now', 'now')"
        )
        conn.execute(
            "INSERT INTO disclosures(organisation_id, category, sensitivity, created_at, "
            "updated_at) VALUES (1, 'HealthRecord', 4, 'now', 'now')"
        )
        conn.execute(
            "INSERT INTO benefits(organisation_id, kind, value_cents, period, created_at, "
            "updated_at) VALUES (1, 'money', 1200, 'year', 'now', 'now')"
        )
        stats = conn.execute(
            "SELECT categories, max_sensitivity, value_month_cents "
            "FROM organisation_stats WHERE organisation_id = 1"
        ).fetchone()
        assert stats == (1, 4, 100)
        conn.execute("DELETE FROM disclosures")
        assert conn.execute("SELECT max_sensitivity FROM organisation_stats").fetchone() == (0,)
        with pytest.raises(database.DatabaseError):  # money is never negative
            conn.execute(
                "INSERT INTO benefits(organisation_id, kind, value_cents, created_at, updated_at)"
                " VALUES (1, 'money', -5, 'now', 'now')"
            )
    finally:
        conn.close()
    assert len(list((tmp_path / "backups").glob("*.db"))) == 1, "a backup before v2"


def test_migration_3_adds_stored_assessments_marked_stale_by_changes(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    conn = database.create_new(path, keys.new_database_key())
    try:
        migrate(conn, path, tmp_path / "backups", MIGRATIONS[:2])
        conn.execute(
            "INSERT INTO organisations(name, name_key, created_at, updated_at) "
            "VALUES ('Shop', 'shop', 'now', 'now')"
        )
        assert migrate(conn, path, tmp_path / "backups", MIGRATIONS[:3]) == [3]
        assert {"tiers", "tier_categories"} <= tables(conn)
        row = "SELECT band, band_rank, score FROM organisation_stats WHERE organisation_id = 1"
        assert conn.execute(row).fetchone() == ("", -1, 0), "not assessed yet"
        conn.execute("UPDATE organisation_stats SET band = 'fair', band_rank = 0")
        conn.execute(
            "INSERT INTO benefits(organisation_id, kind, created_at, updated_at) "
            "VALUES (1, 'service', 'now', 'now')"
        )
        assert conn.execute(row).fetchone()[1] == -1, "a change marks the row stale"
    finally:
        conn.close()


def test_migration_4_adds_requests_with_their_timeline(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    conn = database.create_new(path, keys.new_database_key())
    try:
        migrate(conn, path, tmp_path / "backups", MIGRATIONS[:3])
        conn.execute(
            "INSERT INTO organisations(name, name_key, created_at, updated_at) "
            "VALUES ('Shop', 'shop', 'now', 'now')"
        )
        assert migrate(conn, path, tmp_path / "backups", MIGRATIONS[:4]) == [4]
        assert {"requests", "request_events", "attachments", "reply_categories"} <= tables(conn)
        conn.execute(
            "INSERT INTO requests(organisation_id, type, language, created_at, updated_at) "
            "VALUES (1, 'access', 'nl', 'now', 'now')"
        )
        with pytest.raises(database.DatabaseError):  # only the known request types
            conn.execute(
                "INSERT INTO requests(organisation_id, type, language, created_at, updated_at)"
                " VALUES (1, 'gimme', 'nl', 'now', 'now')"
            )
        conn.execute("DELETE FROM organisations")
        assert conn.execute("SELECT count(*) FROM requests").fetchone() == (0,)
    finally:
        conn.close()


def test_every_migration_has_a_test() -> None:
    names = [name for name in globals() if name.startswith("test_migration_")]
    missing = [
        m.version
        for m in MIGRATIONS
        if not any(name.startswith(f"test_migration_{m.version}_") for name in names)
    ]
    assert not missing, f"write test_migration_<version>_… for versions {missing}"


def test_migrations_are_numbered_one_up_without_gaps() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert MIGRATIONS[-1].version == LATEST_VERSION


def test_new_vault_is_at_the_latest_version(vault: vaults.Vault) -> None:
    assert vault.schema_version == LATEST_VERSION
    assert migrate(vault.conn, vault.paths.vault_file, vault.paths.backup_dir) == []


# --- behaviour of migrate() --------------------------------------------------------------------
def test_upgrade_makes_an_encrypted_backup_first(vault: vaults.Vault) -> None:
    paths, key = vault.paths, vault._key_bytes()
    steps = (*MIGRATIONS, step(LATEST_VERSION + 1, add_notes))
    assert migrate(vault.conn, paths.vault_file, paths.backup_dir, steps) == [LATEST_VERSION + 1]
    assert "notes" in tables(vault.conn)

    backups = sorted(paths.backup_dir.iterdir())
    assert len(backups) == 1
    assert f"before-v{LATEST_VERSION + 1}" in backups[0].name
    assert not backups[0].read_bytes().startswith(b"SQLite format 3")
    old = database.open_existing(backups[0], key)
    try:
        assert schema_version(old) == LATEST_VERSION
        assert "notes" not in tables(old)
        assert get_setting(old, "precious") == "kept"
    finally:
        old.close()


def test_a_failing_step_changes_nothing(vault: vaults.Vault) -> None:
    def half_done(conn: database.Connection) -> None:
        add_notes(conn)
        conn.execute("UPDATE settings SET value = '\"lost\"'")
        raise RuntimeError("step failed half-way")

    before = tables(vault.conn)
    steps = (*MIGRATIONS, step(LATEST_VERSION + 1, half_done))
    with pytest.raises(RuntimeError, match="half-way"):
        migrate(vault.conn, vault.paths.vault_file, vault.paths.backup_dir, steps)
    assert vault.schema_version == LATEST_VERSION
    assert tables(vault.conn) == before
    assert get_setting(vault.conn, "precious") == "kept"
    assert not vault.conn.in_transaction


def test_steps_apply_in_order_and_stop_at_the_first_failure(vault: vaults.Vault) -> None:
    def boom(conn: database.Connection) -> None:
        raise RuntimeError("second step fails")

    v = LATEST_VERSION
    steps = (*MIGRATIONS, step(v + 1, add_notes), step(v + 2, boom))
    with pytest.raises(RuntimeError):
        migrate(vault.conn, vault.paths.vault_file, vault.paths.backup_dir, steps)
    assert vault.schema_version == v + 1  # the first step was committed, the second not
    assert "notes" in tables(vault.conn)


# --- a vault from a newer Quid -----------------------------------------------------------------
def make_too_new(paths: AppPaths) -> None:
    vault, _ = vaults.create_vault(paths, KeyMode.KEYRING)
    with vault:
        vault.conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")


def test_vault_from_a_newer_quid_is_refused_and_unchanged(paths: AppPaths) -> None:
    make_too_new(paths)
    before = sha256(paths.vault_file)
    with pytest.raises(VaultTooNewError, match="newer Quid"):
        vaults.open_with_keyring(paths)
    assert sha256(paths.vault_file) == before
    assert not paths.backup_dir.exists() or not any(paths.backup_dir.iterdir())
    with vaults.open_with_keyring(paths, upgrade=False) as vault:  # the lock was released
        assert vault.schema_version == LATEST_VERSION + 5


def test_migrate_refuses_a_newer_vault(paths: AppPaths) -> None:
    make_too_new(paths)
    with vaults.open_with_keyring(paths, upgrade=False) as vault:
        with pytest.raises(VaultTooNewError):
            migrate(vault.conn, paths.vault_file, paths.backup_dir)
        assert vault.schema_version == LATEST_VERSION + 5


def test_doctor_reports_a_newer_vault_as_intact_but_unusable(paths: AppPaths) -> None:
    make_too_new(paths)
    report = diagnose(paths, lambda: vaults.open_with_keyring(paths, upgrade=False))
    assert report.exit_code == CANNOT_OPEN
    assert report.integrity_check == ["ok"]
    assert "newer Quid" in report.message
