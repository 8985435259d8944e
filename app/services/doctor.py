"""`quid doctor`: is the vault healthy? Read-only: it never migrates, repairs or rewrites."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.errors import QuidError, VaultDamagedError
from app.paths import AppPaths
from app.storage.database import DatabaseError
from app.storage.header import VaultHeader
from app.storage.migrations import LATEST_VERSION
from app.storage.vault import Vault

HEALTHY, DAMAGED, CANNOT_OPEN = 0, 1, 2


@dataclass
class DoctorReport:
    vault_path: str
    key_mode: str | None = None
    cipher_version: str | None = None
    schema_version: int | None = None
    latest_schema_version: int = LATEST_VERSION
    integrity_check: list[str] = field(default_factory=list)
    cipher_integrity_check: list[str] = field(default_factory=list)
    exit_code: int = HEALTHY
    message: str = ""

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["healthy"] = self.exit_code == HEALTHY
        return data


def _run_checks(vault: Vault, report: DoctorReport) -> None:
    conn = vault.conn
    report.cipher_version = vault.cipher_version
    report.schema_version = vault.schema_version
    try:
        report.cipher_integrity_check = [
            str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")
        ]
        report.integrity_check = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
    except DatabaseError as exc:
        report.integrity_check = report.integrity_check or [str(exc)]
    integrity_ok = report.integrity_check == ["ok"] and not report.cipher_integrity_check
    if not integrity_ok:
        report.exit_code = DAMAGED
        report.message = (
            "The vault is damaged: some pages fail their checks. Quid has not changed it. "
            "Export what is readable and restore a backup."
        )
    elif report.schema_version > LATEST_VERSION:
        report.exit_code = CANNOT_OPEN
        report.message = (
            f"The vault is intact but was written by a newer Quid (schema "
            f"{report.schema_version}). Update Quid to use it."
        )
    else:
        report.message = "The vault is healthy."


def diagnose(paths: AppPaths, unlock: Callable[[], Vault]) -> DoctorReport:
    """`unlock` opens the vault without upgrading it (keyring or passphrase, as configured)."""
    report = DoctorReport(vault_path=str(paths.vault_file))
    try:
        report.key_mode = VaultHeader.read(paths.key_header_file).mode.value
    except QuidError:
        report.key_mode = None
    side_files = [Path(f"{paths.vault_file}{suffix}") for suffix in ("-wal", "-shm")]
    absent = [side for side in side_files if not side.exists()]
    try:
        vault = unlock()
    except VaultDamagedError as exc:
        report.exit_code, report.message = DAMAGED, str(exc)
        return report
    except QuidError as exc:
        report.exit_code, report.message = CANNOT_OPEN, str(exc)
        return report
    with vault:
        _run_checks(vault, report)
    _remove_empty_side_files(absent)
    return report


def _remove_empty_side_files(created: list[Path]) -> None:
    """A read-only look at a WAL vault makes an empty -wal and a -shm; leave the folder as it
    was. A -wal that holds frames is never removed."""
    wal = [p for p in created if p.name.endswith("-wal")]
    if any(p.exists() and p.stat().st_size > 0 for p in wal):
        return
    for path in created:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
