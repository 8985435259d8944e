"""A backup is an input too: whatever its bytes, reading it gives its contents or a QuidError
(SECURITY.md cases 11–13 for backups), never a crash — and the vault is never touched."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import QuidError
from app.paths import AppPaths
from app.services.backups import make_backup, read_backup
from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.storage.header import KeyMode
from app.storage.vault import Vault, create_vault
from tests.support.stress import budget


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    """A real backup of the example ledger, and the key that opens it."""
    folder = tmp_path_factory.mktemp("fuzz-backup")
    paths = AppPaths.resolve(folder / "data")
    vault: Vault
    vault, _ = create_vault(paths, KeyMode.PASSPHRASE, "correct horse battery staple")
    with vault:
        load_example_ledger(Ledger(vault.conn))
        backup = make_backup(vault, folder / "b.db")
        key = bytes(vault._key_bytes())
    return backup.read_bytes(), key


@pytest.mark.stress
@settings(
    max_examples=budget(40, 1000),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), max_size=8),
    cut=st.one_of(st.none(), st.integers(min_value=0)),
)
def test_case12_any_damage_to_a_backup_is_refused_or_read_never_a_crash(
    made: tuple[bytes, bytes], tmp_path: Path, flips: list[tuple[int, int]], cut: int | None
) -> None:
    original, key = made
    data = bytearray(original)
    for at, mask in flips:
        data[at % len(data)] ^= mask
    if cut is not None:
        data = data[: cut % (len(data) + 1)]
    target = tmp_path / "damaged.db"
    target.write_bytes(bytes(data))
    try:
        info = read_backup(target, key)
    except QuidError:
        return
    assert bytes(data) == original or info.organisations == 26, "read means intact"
