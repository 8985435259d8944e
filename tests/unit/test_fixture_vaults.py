"""The committed vault of every schema version still opens and upgrades to the newest one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.paths import AppPaths
from app.storage import settings
from app.storage.migrations import LATEST_VERSION
from app.storage.vault import open_with_passphrase, open_with_recovery_key
from tests.fixtures.make_vault_fixtures import FIXTURES, PASSPHRASE

VERSIONS = sorted(int(p.name[1:]) for p in FIXTURES.glob("v*") if p.is_dir())


def _copy(version: int, tmp_path: Path) -> AppPaths:
    target = tmp_path / f"v{version}"
    shutil.copytree(FIXTURES / f"v{version}", target)
    return AppPaths.resolve(target)


def test_there_is_a_fixture_for_the_latest_schema() -> None:
    assert VERSIONS[-1] == LATEST_VERSION, "run python -m tests.fixtures.make_vault_fixtures"


@pytest.mark.parametrize("version", VERSIONS)
def test_fixture_vault_opens_and_upgrades(version: int, tmp_path: Path) -> None:
    paths = _copy(version, tmp_path)
    with open_with_passphrase(paths, PASSPHRASE) as vault:
        assert vault.schema_version == LATEST_VERSION
        assert settings.get_setting(vault.conn, "fixture.note") == "written by schema v1"
        assert settings.idle_lock_minutes(vault.conn) == 7
        if version >= 2:
            row = vault.conn.execute(
                "SELECT o.name, s.categories, s.value_month_cents FROM organisations o "
                "JOIN organisation_stats s ON s.organisation_id = o.id"
            ).fetchone()
            assert row == ("Fixture Shop", 1, 500)
    backups = list(paths.backup_dir.glob("*.db")) if paths.backup_dir.exists() else []
    assert len(backups) == (1 if version < LATEST_VERSION else 0)


@pytest.mark.parametrize("version", VERSIONS)
def test_fixture_vault_opens_with_its_recovery_key(version: int, tmp_path: Path) -> None:
    paths = _copy(version, tmp_path)
    code = (paths.data_dir / "RECOVERY-KEY.txt").read_text().strip()
    open_with_recovery_key(paths, code).close()
