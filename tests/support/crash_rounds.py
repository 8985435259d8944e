"""One crash round: start `crash_child` on a vault, read its BEGIN/ACK lines as they come, and
SIGKILL it at a random moment. The caller then checks the vault (see test_case14_15_kills.py).

Four ways to choose the moment, mixed by `kill_plan`:
- `edit`: up to 3 ms after the child began its k-th small edit (in it, or just after);
- `import`: a random time into the m-th import the child begins (within the time imports
  have taken so far), so kills land inside the import's transaction;
- `clock`: a random wall-clock time after the child is ready;
- `start`: a random time after the child was started: in Python's start-up or while the
  vault is unlocked and its WAL recovered.
"""

from __future__ import annotations

import os
import random
import select
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.support import no_network
from tests.support.crash_child import KEY_VARIABLE
from tests.support.crash_model import Op

REPO = Path(__file__).resolve().parents[2]
SILENCE_LIMIT = 30.0  # seconds without a line from the child: it hangs
STRATEGIES = ("edit", "import", "clock", "start")
STRATEGY_WEIGHTS = (0.3, 0.35, 0.2, 0.15)


@dataclass(frozen=True)
class KillPlan:
    strategy: str  # "edit", "import", "clock" or "start"
    count: int  # which edit or import starts the countdown (1 = the first)
    delay: float  # seconds after that (after READY for "clock", after the start for "start")

    def starts_countdown(self, line: str, so_far: Round) -> bool:
        """Whether the child's `line` (already recorded in `so_far`) starts the delay."""
        if self.strategy == "clock":
            return line == "READY"
        if not line.startswith("BEGIN"):
            return False
        wanted = self.strategy == "import"
        begun = [op for op in so_far.ops if op.is_import == wanted]
        return so_far.ops[-1].is_import == wanted and len(begun) == self.count


@dataclass
class Round:
    """What one child reported before it was killed."""

    plan: KillPlan
    ops: list[Op] = field(default_factory=list)  # begun, in order
    acked: int = 0  # ops[:acked] were acknowledged
    ready: bool = False
    import_seconds: list[float] = field(default_factory=list)  # BEGIN → ACK of each import

    @property
    def in_flight(self) -> Op | None:
        """The operation begun but not acknowledged when the kill came (at most one)."""
        return self.ops[self.acked] if len(self.ops) > self.acked else None

    @property
    def killed_in_import(self) -> bool:
        return self.in_flight is not None and self.in_flight.is_import


class ImportClock:
    """How long imports take on this machine, learned from the rounds so far."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    def typical(self) -> float:
        return statistics.median(self.seconds[-50:]) if self.seconds else 0.1


def kill_plan(rng: random.Random, imports: ImportClock) -> KillPlan:
    strategy = rng.choices(STRATEGIES, STRATEGY_WEIGHTS)[0]
    if strategy == "edit":
        return KillPlan("edit", rng.randint(1, 12), rng.uniform(0.0, 0.003))
    if strategy == "import":
        return KillPlan("import", rng.randint(1, 2), rng.uniform(0.0, 1.1 * imports.typical()))
    if strategy == "clock":
        return KillPlan("clock", 0, rng.uniform(0.02, 0.6))
    return KillPlan("start", 0, rng.uniform(0.05, 0.45))


def _child(
    data_dir: Path, recovery: str, seed: int, first: int, errors: Path
) -> subprocess.Popen[bytes]:
    env = no_network.child_env(os.environ)  # the child may not use the network either
    env["PYTHONPATH"] = os.pathsep.join([env["PYTHONPATH"], str(REPO)])
    env[KEY_VARIABLE] = recovery
    with errors.open("wb") as stderr:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.support.crash_child",
                str(data_dir),
                str(seed),
                str(first),
            ],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            stdin=subprocess.DEVNULL,
        )


class _Reader:
    """Lines of the child's stdout, each stamped with the time it was read."""

    def __init__(self, child: subprocess.Popen[bytes]) -> None:
        assert child.stdout is not None
        self.fd = child.stdout.fileno()
        self.pending = b""

    def read(self, timeout: float) -> list[tuple[float, str]] | None:
        """Complete lines that arrived within `timeout` ([] if none), None at end of file."""
        readable, _, _ = select.select([self.fd], [], [], max(timeout, 0.0))
        if not readable:
            return []
        data = os.read(self.fd, 1 << 16)
        if not data:
            return None
        *lines, self.pending = (self.pending + data).split(b"\n")
        now = time.monotonic()
        return [(now, line.decode()) for line in lines]


def _record(result: Round, line: str, begun_at: dict[int, float], stamp: float) -> None:
    word, _, rest = line.partition(" ")
    if word == "READY":
        result.ready = True
    elif word == "BEGIN":
        op = Op.parse(rest)
        assert op.n == (result.ops[-1].n + 1 if result.ops else op.n), line
        assert result.acked == len(result.ops), f"BEGIN before the previous ACK: {line}"
        result.ops.append(op)
        begun_at[op.n] = stamp
    elif word == "ACK":
        assert result.in_flight is not None and int(rest) == result.in_flight.n, line
        if result.in_flight.is_import:
            result.import_seconds.append(stamp - begun_at[int(rest)])
        result.acked += 1
    else:
        raise AssertionError(f"the crash child wrote an unexpected line: {line!r}")


def run_round(
    data_dir: Path, recovery: str, seed: int, first: int, plan: KillPlan, errors: Path
) -> Round:
    """Start a child that runs operations `first`, `first`+1, …; kill it as `plan` says;
    return every line it wrote, including those still in the pipe after the kill."""
    result = Round(plan)
    begun_at: dict[int, float] = {}
    child = _child(data_dir, recovery, seed, first, errors)
    reader = _Reader(child)
    deadline = time.monotonic() + plan.delay if plan.strategy == "start" else None
    try:
        while deadline is None or time.monotonic() < deadline:
            wait = SILENCE_LIMIT if deadline is None else deadline - time.monotonic()
            lines = reader.read(wait)
            if lines is None:
                raise AssertionError(f"the crash child ended by itself:\n{errors.read_text()}")
            if not lines and deadline is None:
                raise AssertionError(f"the crash child is silent:\n{errors.read_text()}")
            for stamp, line in lines:
                _record(result, line, begun_at, stamp)
                if deadline is not None:
                    continue
                if plan.starts_countdown(line, result):
                    deadline = stamp + plan.delay
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=SILENCE_LIMIT)
        while (lines := reader.read(SILENCE_LIMIT)) is not None:  # what it wrote before dying
            for stamp, line in lines:
                _record(result, line, begun_at, stamp)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        assert child.stdout is not None
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL, errors.read_text()
    assert not reader.pending, f"a line cut short: {reader.pending!r}"
    return result
