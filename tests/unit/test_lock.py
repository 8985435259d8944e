"""One process per vault: the OS file lock."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.errors import VaultInUseError
from app.storage.lock import VaultLock


def test_second_lock_on_the_same_file_is_refused_with_the_holders_pid(tmp_path: Path) -> None:
    first, second = VaultLock(tmp_path / "ledger.lock"), VaultLock(tmp_path / "ledger.lock")
    with first:
        assert first.held
        with pytest.raises(VaultInUseError, match=f"process {os.getpid()}"):
            second.acquire()
        assert not second.held
    second.acquire()
    try:
        assert second.held
        with pytest.raises(VaultInUseError):
            first.acquire()
    finally:
        second.release()


def test_release_is_idempotent_and_acquire_twice_is_harmless(tmp_path: Path) -> None:
    lock = VaultLock(tmp_path / "sub" / "ledger.lock")
    lock.acquire()
    lock.acquire()
    assert lock.held
    lock.release()
    lock.release()
    assert not lock.held
    with VaultLock(tmp_path / "sub" / "ledger.lock") as again:
        assert again.held


def test_locks_on_different_vaults_do_not_conflict(tmp_path: Path) -> None:
    with VaultLock(tmp_path / "a.lock"), VaultLock(tmp_path / "b.lock") as other:
        assert other.held
