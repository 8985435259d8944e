"""SECURITY.md cases 14 and 15: a real child process SIGKILLed at random points during ledger
edits and imports (`tests/support/crash_child.py`, kill moments in `crash_rounds.py`).

One vault per test, used round after round: each round starts a fresh child on the files the
previous kill left, so damage would accumulate, and the child itself recovers the WAL when it
unlocks, as the app does on its next start. After each kill the test checks a copy of the
files (ledger.db, its WAL and key file; not the -shm, so the copy is recovered from the WAL
alone) and, now and then, the vault itself (which folds the WAL in): both integrity checks
pass and the ledger is exactly the acknowledged operations plus at most the one in flight,
whole (an import is all there or not at all). Because the WAL outlives the rounds, it grows
until SQLite checkpoints it, so kills also land around checkpoints.

QUID_CRASH_SEED=<n> repeats a run's choices (the kill moments still vary with the machine);
every failure names the seed.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import struct
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.paths import AppPaths
from app.storage import vault as vaults
from app.storage.header import KeyMode
from tests.support.crash_model import Op, State, apply, difference, read_state
from tests.support.crash_rounds import ImportClock, Round, kill_plan, run_round
from tests.support.stress import budget

SEED = int(os.environ.get("QUID_CRASH_SEED") or random.randrange(1_000_000))
IN_PLACE_SHARE = 0.1  # rounds checked on the vault itself rather than on a copy
WAL_HEADER, FRAME = 32, 24 + 4096
#: offsets in ledger.db-shm (SQLite's wal-index): mxFrame, nBackfill, nBackfillAttempted
SHM_MAX_FRAME, SHM_BACKFILL, SHM_BACKFILL_ATTEMPTED = 16, 96, 128


def open_and_check(paths: AppPaths) -> State:
    """Unlock as the next start would, run both integrity checks, read the ledger."""
    with vaults.open_with_keyring(paths) as vault:
        conn = vault.conn
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == [], "HMAC failure"
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return read_state(conn)


def digest(state: State) -> str:
    return hashlib.sha256(repr(sorted(state.items())).encode()).hexdigest()


def wal_file(paths: AppPaths) -> Path:
    return Path(f"{paths.vault_file}-wal")


def wal_generation(paths: AppPaths) -> int:
    """The WAL header's checkpoint sequence number: SQLite counts up each time a checkpoint
    lets it start the WAL anew (0 for a new or missing WAL)."""
    header = wal_file(paths).read_bytes()[:WAL_HEADER] if wal_file(paths).exists() else b""
    return struct.unpack_from(">I", header, 12)[0] if len(header) == WAL_HEADER else 0


def torn_frames(paths: AppPaths) -> int:
    """Frames of the WAL's current generation (its salts) after the last commit that the
    killed writer recorded in the -shm: a transaction cut short while it was being written."""
    shm = Path(f"{paths.vault_file}-shm")
    if not wal_file(paths).exists() or not shm.exists() or shm.stat().st_size < 48:
        return 0
    wal = wal_file(paths).read_bytes()
    (committed,) = struct.unpack_from("=I", shm.read_bytes(), SHM_MAX_FRAME)
    salts, offset, torn = wal[16:24], WAL_HEADER + committed * FRAME, 0
    while offset + 24 <= len(wal) and wal[offset + 8 : offset + 16] == salts:
        torn, offset = torn + 1, offset + FRAME
    return torn


def copy_vault(paths: AppPaths, target: Path, wal_length: int | None = None) -> AppPaths:
    """ledger.db, ledger.key and the WAL (its first `wal_length` bytes) in a folder of their
    own; never the -shm, whose wal-index would belong to the original."""
    copy = AppPaths.resolve(target)
    copy.data_dir.mkdir(parents=True)
    for source in (paths.vault_file, paths.key_header_file):
        shutil.copyfile(source, copy.data_dir / source.name)
    if wal_file(paths).exists():
        data = wal_file(paths).read_bytes()
        wal_file(copy).write_bytes(data if wal_length is None else data[:wal_length])
    return copy


def half_import(op: Op | None, state: State) -> str:
    if op is None or not op.is_import:
        return ""
    prefix = f"imp{op.n}x" if op.kind == "import-passwords" else f"op-{op.n}-j"
    found = sum(name.startswith(prefix) for name in state)
    return f" The import in flight has {found} of its {op.size} organisations in the vault."


@dataclass
class CrashVault:
    """The vault under test, the state it was last checked to hold, and every committed state
    its WAL may still lead back to (digest → the operation after which it held)."""

    paths: AppPaths
    recovery: str
    scratch: Path
    state: State = field(default_factory=dict)
    next_op: int = 1
    history: dict[str, int] = field(default_factory=dict)
    imports: ImportClock = field(default_factory=ImportClock)
    tally: Counter[str] = field(default_factory=Counter)
    wal_generation: int = 0

    def __post_init__(self) -> None:
        self.history[digest(self.state)] = 0

    def kill_child(self, rng: random.Random) -> Round:
        plan = kill_plan(rng, self.imports)
        seed = rng.randrange(1_000_000)
        errors = self.scratch / "child-stderr.txt"
        result = run_round(self.paths.data_dir, self.recovery, seed, self.next_op, plan, errors)
        self.imports.seconds += result.import_seconds
        self.tally["kills"] += 1
        self.tally["acknowledged"] += result.acked
        self.tally["kills in " + (result.in_flight.kind if result.in_flight else "no op")] += 1
        if not result.ready:
            self.tally["kills before the vault was unlocked"] += 1
        if torn_frames(self.paths):
            self.tally["kills while a commit was writing its WAL frames"] += 1
        if wal_generation(self.paths) not in (self.wal_generation, 0):
            self.tally["rounds in which SQLite checkpointed and restarted the WAL"] += 1
        self.wal_generation = wal_generation(self.paths)
        states = [self.state]
        for op in result.ops:
            states.append(apply(states[-1], op))
            self.history.setdefault(digest(states[-1]), op.n)
        return result

    def check_after_kill(self, result: Round, rng: random.Random) -> None:
        """The vault after the kill: checks pass, acknowledged work all there, nothing half."""
        in_place = rng.random() < IN_PLACE_SHARE
        if in_place:
            actual = open_and_check(self.paths)  # closing checkpoints: the WAL starts anew
        else:
            copy = copy_vault(self.paths, self.scratch / "check")
            actual = open_and_check(copy)
            shutil.rmtree(copy.data_dir)
        acknowledged = self.state
        for op in result.ops[: result.acked]:
            acknowledged = apply(acknowledged, op)
        if actual == acknowledged:
            if result.killed_in_import:
                self.tally["kills in an import, rolled back"] += 1
        elif result.in_flight is not None and actual == apply(acknowledged, result.in_flight):
            self.tally["kills after a commit, before its ACK"] += 1
        else:
            raise AssertionError(
                f"seed {SEED}: killed by {result.plan} after ops {[op.n for op in result.ops]}, "
                f"{result.acked} acknowledged, {result.in_flight} in flight: "
                f"{difference(acknowledged, actual)}.{half_import(result.in_flight, actual)}"
            )
        self.state = actual
        self.next_op += len(result.ops)
        if in_place:
            self.history = {digest(actual): self.next_op - 1}

    def final_check(self) -> None:
        assert open_and_check(self.paths) == self.state


@pytest.fixture
def crash_vault(paths: AppPaths, tmp_path: Path) -> CrashVault:
    vault, recovery = vaults.create_vault(paths, KeyMode.KEYRING)  # the child uses the recovery key
    vault.close()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    return CrashVault(paths, recovery, scratch)


# --- 14. SIGKILL at random points --------------------------------------------------------------
@pytest.mark.stress
@pytest.mark.slow
def test_case14_sigkill_at_random_points_keeps_every_acknowledged_change_and_no_half_import(
    crash_vault: CrashVault,
) -> None:
    rng = random.Random(SEED)
    rounds = budget(50, 500)
    for _ in range(rounds):
        crash_vault.check_after_kill(crash_vault.kill_child(rng), rng)
    crash_vault.final_check()
    tally = crash_vault.tally
    print(f"case 14, seed {SEED}: {dict(sorted(tally.items()))}")
    assert tally["acknowledged"] >= rounds, "the children did too little to prove anything"
    # the point of the test: kills inside an import's open transaction, and inside small edits
    assert tally["kills in an import, rolled back"] >= rounds // 10, dict(tally)
    small = sum(n for kind, n in tally.items() if kind.startswith(("kills in add", "kills in e")))
    assert small >= rounds // 25, dict(tally)


# --- 15. WAL truncated after a kill --------------------------------------------------------------
def backfill_limit(paths: AppPaths) -> int:
    """WAL frames that may already be in ledger.db, from the wal-index (-shm) the killed child
    left: those a checkpoint copied or began to copy, and, after the child recovered the WAL at
    unlock, every frame written before it started (SQLite cannot know whether an earlier
    process copied them). 0 when there are none."""
    shm = Path(f"{paths.vault_file}-shm")
    data = shm.read_bytes() if shm.exists() else b""
    if len(data) < SHM_BACKFILL_ATTEMPTED + 4:
        return 0
    (done,) = struct.unpack_from("=I", data, SHM_BACKFILL)
    (attempted,) = struct.unpack_from("=I", data, SHM_BACKFILL_ATTEMPTED)
    return max(done, attempted)


def random_cut(paths: AppPaths, rng: random.Random) -> int:
    """A random length for the WAL, never shorter than `backfill_limit`. With synchronous=FULL
    those frames were synced (at their commit, and again before any checkpoint), so no crash
    can lose them; cut off, they would leave ledger.db newer than its WAL, and SQLite would
    read old and new pages mixed (tried: integrity_check then fails), a state no crash makes."""
    size = wal_file(paths).stat().st_size if wal_file(paths).exists() else 0
    floor = min(size, WAL_HEADER + backfill_limit(paths) * FRAME) if backfill_limit(paths) else 0
    if rng.random() < 0.3:  # on a frame boundary: whole frames lost, none torn
        return rng.choice(range(floor, size + 1, FRAME)) if size else 0
    return rng.randint(floor, size)


@pytest.mark.stress
@pytest.mark.slow
def test_case15_wal_truncated_after_a_kill_gives_an_earlier_committed_state(
    crash_vault: CrashVault,
) -> None:
    rng = random.Random(SEED + 15)
    rounds = budget(12, 120)
    earlier = 0
    for number in range(rounds):
        result = crash_vault.kill_child(rng)
        length = random_cut(crash_vault.paths, rng)
        copy = copy_vault(crash_vault.paths, crash_vault.scratch / "cut", length)
        found = digest(open_and_check(copy))
        shutil.rmtree(copy.data_dir)
        assert found in crash_vault.history, (
            f"seed {SEED}, round {number}: the WAL cut to {length} bytes gave a state that "
            f"is no committed state since the WAL was last folded in (ops up to "
            f"{crash_vault.next_op + len(result.ops) - 1})"
        )
        last_acknowledged = crash_vault.next_op + result.acked - 1
        earlier += crash_vault.history[found] < last_acknowledged
        crash_vault.check_after_kill(result, rng)  # the vault itself, and on from there
    crash_vault.final_check()
    print(f"case 15, seed {SEED}: {earlier} of {rounds} cut WALs gave an earlier state")
    assert earlier >= rounds // 4, "the WAL cuts hardly went back in time: they prove little"
