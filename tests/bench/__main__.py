"""`python -m tests.bench`: Quid's start-up and unlock costs, each against a same-run baseline.

a. Start-up: wall time and peak memory (RSS) of `python -m app --data-dir DIR` on a keyring
   vault, up to the main window's first paint (QUID_EXIT_AFTER_FIRST_PAINT=1), against a bare
   PySide6 window script that quits after its first paint. Target: at most 2.0x the bare window.
b. Passphrase unlock: Argon2id with keys.DEFAULT_KDF alone, and the full
   vault.open_with_passphrase. Target band: 0.3-1.0 s (slow enough to hurt guessing, quick
   enough not to annoy).

Everything runs in a temporary folder with Qt's offscreen platform; the keyring used by the
app's child processes is tests.support.keyrings.FileKeyring, so no real keyring or user folder
is touched. Exit code: 0 when every figure was measured, 1 when one could not be (its row says
why), and with --strict also 1 when a figure misses its target.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHILD_TIMEOUT_S = 120.0  # the 10,000-organisation vault takes ~10 s to build
STARTUP_TARGET_RATIO = 2.0
UNLOCK_BAND_S = (0.3, 1.0)

BARE_WINDOW = """\
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class Window(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Bare PySide6 window")
        self.setCentralWidget(QLabel("Hello from a bare PySide6 window"))
        self.resize(1024, 700)
        self._painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, QApplication.quit)


app = QApplication(sys.argv)
window = Window()
window.show()
sys.exit(app.exec())
"""


class ChildError(RuntimeError):
    """A child process failed or timed out; the message is fit for a table cell."""


@dataclass
class Row:
    figure: str
    value: str = ""
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    verdict: str = ""  # "ok", "MISSED", "ERROR" or "" (reported only)
    detail: str = ""


@dataclass
class ChildRun:
    wall_s: float
    max_rss_kib: int | None


# --- child processes ------------------------------------------------------------------------
def child_env(root: Path, keyring_file: Path) -> dict[str, str]:
    """The environment of every child: offscreen Qt, temp folders, the file keyring."""
    env = dict(os.environ)
    for name in ("QUID_DATA_DIR", "QUID_EXIT_AFTER_FIRST_PAINT"):
        env.pop(name, None)
    home = root / "home"
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        PYTHON_KEYRING_BACKEND="tests.support.keyrings.FileKeyring",
        QUID_TEST_KEYRING_FILE=str(keyring_file),
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])),
    )
    for folder in ("data", "config", "cache", "state"):
        (home / folder).mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


def _tail(path: Path, lines: int = 3) -> str:
    text = path.read_text(errors="replace").strip() if path.exists() else ""
    return " | ".join(text.splitlines()[-lines:]) or "(no output)"


def run_child(argv: Sequence[str], env: dict[str, str], logs: Path) -> ChildRun:
    """Run one child; its wall time and, where the OS reports it, its own peak RSS."""
    logs.mkdir(parents=True, exist_ok=True)
    out_path, err_path = logs / "stdout.txt", logs / "stderr.txt"
    fired = threading.Event()
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(list(argv), cwd=REPO, env=env, stdout=out, stderr=err)
        except OSError as exc:
            raise ChildError(f"could not start {argv[0]}: {exc}") from None

        def kill() -> None:
            fired.set()
            proc.kill()

        killer = threading.Timer(CHILD_TIMEOUT_S, kill)
        killer.start()
        try:
            if hasattr(os, "wait4"):
                # wait4 gives the rusage of this one child: its own peak RSS, not the maximum
                # over every child so far as RUSAGE_CHILDREN would.
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
                rss: int | None = usage.ru_maxrss
                if sys.platform == "darwin":  # bytes there, KiB on Linux
                    rss //= 1024
            else:
                proc.wait()
                rss = None
            wall = time.perf_counter() - start
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        finally:
            killer.cancel()
    if fired.is_set():
        raise ChildError(f"timed out after {CHILD_TIMEOUT_S:.0f} s; stderr: {_tail(err_path)}")
    if proc.returncode != 0:
        raise ChildError(f"exit code {proc.returncode}; stderr: {_tail(err_path)}")
    return ChildRun(wall, rss)


def fmt_s(seconds: float) -> str:
    return f"{seconds:.3f} s"


def fmt_mib(kib: float) -> str:
    return f"{kib / 1024:.0f} MiB"


# --- a. start-up ----------------------------------------------------------------------------
def bench_startup(root: Path, runs: int) -> list[Row]:
    keyring_file = root / "keyring.json"
    env = child_env(root, keyring_file)
    data_dir = root / "vault"
    bare_script = root / "bare_window.py"
    bare_script.write_text(BARE_WINDOW)
    python = sys.executable

    wall_row = Row(
        f"start-up to first paint (median of {runs}, after 1 warm-up)",
        target=f"<= {STARTUP_TARGET_RATIO:.1f}x",
    )
    rss_row = Row("start-up peak RSS (median)", target="(reported)")

    init_env = dict(env)
    try:
        run_child(
            [python, "-m", "app", "--data-dir", str(data_dir), "init"], init_env, root / "log-init"
        )
    except ChildError as exc:
        message = f"could not create the keyring vault (quid init): {exc}"
        return [_error(wall_row, message), _error(rss_row, message)]

    app_env = dict(env, QUID_EXIT_AFTER_FIRST_PAINT="1")
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "bare": ([python, str(bare_script)], env),
        "quid": ([python, "-m", "app", "--data-dir", str(data_dir)], app_env),
    }
    results: dict[str, list[ChildRun]] = {name: [] for name in commands}
    errors: dict[str, str] = {}
    # Warm-up, then interleave the two so drift on the machine hits both alike.
    for index in range(runs + 1):
        for name, (argv, cmd_env) in commands.items():
            if name in errors:
                continue
            try:
                run = run_child(argv, cmd_env, root / f"log-{name}-{index}")
            except ChildError as exc:
                errors[name] = str(exc)
                continue
            if index > 0:
                results[name].append(run)

    if errors:
        who = " and ".join(
            f"{'bare window' if name == 'bare' else 'python -m app'}: {error}"
            for name, error in errors.items()
        )
        if "quid" in errors and "bare" not in errors:
            bare_wall = statistics.median(r.wall_s for r in results["bare"])
            wall_row.baseline = fmt_s(bare_wall)
            bare_rss = [r.max_rss_kib for r in results["bare"] if r.max_rss_kib is not None]
            rss_row.baseline = fmt_mib(statistics.median(bare_rss)) if bare_rss else "n/a"
        return [_error(wall_row, who), _error(rss_row, who)]

    quid_wall = statistics.median(r.wall_s for r in results["quid"])
    bare_wall = statistics.median(r.wall_s for r in results["bare"])
    wall_ratio = quid_wall / bare_wall
    wall_row.value, wall_row.baseline = fmt_s(quid_wall), fmt_s(bare_wall)
    wall_row.ratio = f"{wall_ratio:.2f}x"
    wall_row.verdict = "ok" if wall_ratio <= STARTUP_TARGET_RATIO else "MISSED"
    wall_row.detail = (
        "runs (s): quid "
        + ", ".join(f"{r.wall_s:.3f}" for r in results["quid"])
        + "; bare "
        + ", ".join(f"{r.wall_s:.3f}" for r in results["bare"])
    )

    quid_rss = [r.max_rss_kib for r in results["quid"] if r.max_rss_kib is not None]
    bare_rss = [r.max_rss_kib for r in results["bare"] if r.max_rss_kib is not None]
    if quid_rss and bare_rss:
        q, b = statistics.median(quid_rss), statistics.median(bare_rss)
        rss_row.value, rss_row.baseline, rss_row.ratio = fmt_mib(q), fmt_mib(b), f"{q / b:.2f}x"
    else:
        rss_row.value = rss_row.baseline = "n/a"
        rss_row.detail = "this OS does not report a child's peak RSS (no os.wait4)"
    return [wall_row, rss_row]


def _error(row: Row, message: str) -> Row:
    row.verdict = "ERROR"
    row.detail = message
    return row


# --- b. passphrase unlock -------------------------------------------------------------------
def _median_time(func: Callable[[], object], repeats: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def _in_band(seconds: float) -> str:
    low, high = UNLOCK_BAND_S
    return "ok" if low <= seconds <= high else "MISSED"


def bench_unlock(root: Path, repeats: int = 3) -> list[Row]:
    from app.paths import AppPaths
    from app.storage import keys
    from app.storage import vault as vaults
    from app.storage.header import KeyMode

    kdf = keys.DEFAULT_KDF
    band = f"{UNLOCK_BAND_S[0]}-{UNLOCK_BAND_S[1]} s"
    kdf_row = Row(
        f"Argon2id derive_kek ({kdf.memory_kib // 1024} MiB, {kdf.iterations} passes, "
        f"{kdf.lanes} lanes; median of {repeats})",
        target=band,
    )
    open_row = Row(
        f"passphrase unlock, open_with_passphrase (median of {repeats})",
        target=band,
    )
    salt = os.urandom(16)
    passphrase = "bench " + secrets.token_hex(8)
    try:
        kdf_s, kdf_runs = _median_time(lambda: keys.derive_kek(passphrase, salt, kdf), repeats)
    except Exception as exc:
        return [
            _error(kdf_row, f"{type(exc).__name__}: {exc}"),
            _error(open_row, "needs the KDF figure"),
        ]
    kdf_row.value, kdf_row.verdict = fmt_s(kdf_s), _in_band(kdf_s)
    kdf_row.detail = "runs (s): " + ", ".join(f"{t:.3f}" for t in kdf_runs)

    paths = AppPaths.resolve(root / "passphrase-vault")
    try:
        vault, _recovery = vaults.create_vault(paths, KeyMode.PASSPHRASE, passphrase)
        vault.close()

        def unlock() -> None:
            vaults.open_with_passphrase(paths, passphrase).close()

        open_s, open_runs = _median_time(unlock, repeats)
    except Exception as exc:
        return [kdf_row, _error(open_row, f"{type(exc).__name__}: {exc}")]
    open_row.value, open_row.baseline = fmt_s(open_s), f"{fmt_s(kdf_s)} (KDF alone)"
    open_row.ratio = f"{open_s / kdf_s:.2f}x"
    open_row.verdict = _in_band(open_s)
    open_row.detail = "runs (s): " + ", ".join(f"{t:.3f}" for t in open_runs)
    return [kdf_row, open_row]


# --- output ---------------------------------------------------------------------------------
def print_table(rows: list[Row]) -> None:
    headers = ("figure", "Quid", "baseline", "ratio", "target", "")
    cells = [(r.figure, r.value, r.baseline, r.ratio, r.target, r.verdict) for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    print(line(headers))
    print(line(["-" * w for w in widths]))
    for row in cells:
        print(line(row))
    notes = [(r.figure, r.detail) for r in rows if r.detail]
    if notes:
        print()
        for figure, detail in notes:
            print(f"* {figure}: {detail}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--runs", type=int, default=9, help="timed start-up runs (default 9)")
    parser.add_argument("--json", metavar="FILE", help="also write the rows as JSON to FILE")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--quick", action="store_true", help="skip the 10,000-organisation vault")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    # An installed Quid ships compiled bytecode; a checkout run with PYTHONDONTWRITEBYTECODE=1
    # would otherwise recompile every module in every child and time the compiler.
    for package in ("app", "tests/support"):
        compileall.compile_dir(str(REPO / package), quiet=1)
    with tempfile.TemporaryDirectory(prefix="quid-bench-") as tmp:
        root = Path(tmp)
        # Child processes inherit this process's peak RSS across fork and exec, so everything
        # that spawns timed children runs before the Argon2id figures swell this process.
        rows = bench_startup(root / "startup", max(1, args.runs))
        if not args.quick:
            from tests.bench.ledger_bench import ledger_rows

            try:
                rows += ledger_rows(root / "ledger", max(1, args.runs // 2), child_env,
                                    run_child, Row)  # fmt: skip
            except ChildError as exc:
                rows.append(_error(Row("ledger at scale"), str(exc)))
        from tests.bench.discovery_bench import discovery_rows

        rows += discovery_rows(root / "discovery", Row, large=not args.quick)
        if not args.quick:  # builds a 100,000-disclosure vault
            from tests.bench.export_bench import export_rows

            rows += export_rows(root / "export", Row)
        from tests.bench.report_bench import report_rows

        try:  # the privacy-footprint report, 1,000 organisations, in a child process
            rows += report_rows(root / "report", child_env, run_child, Row)
        except ChildError as exc:
            rows.append(_error(Row("report at 1,000 organisations"), str(exc)))
        rows += bench_unlock(root / "unlock")
    print(f"Quid benchmarks ({sys.executable}, {os.cpu_count()} CPUs)\n")
    print_table(rows)
    print(f"\n(took {time.perf_counter() - started:.1f} s)")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps([asdict(r) for r in rows], indent=2) + "\n")
    if any(r.verdict == "ERROR" for r in rows):
        return 1
    if args.strict and any(r.verdict == "MISSED" for r in rows):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
