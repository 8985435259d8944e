"""Discovery at scale: a password-manager export to a proposal.

a. A generated 10,000-row Bitwarden export, read and proposed (cold: the Public Suffix List,
   the directory and its index are loaded inside the timing, as on first use). Target: <= 2 s.
b. A generated ~200 MB Bitwarden export whose notes are long (as real exports with attached
   text are), read to the end: peak Python memory (tracemalloc) must stay bounded — the file
   is streamed and the notes are dropped row by row. Target: < 100 MB extra.

`python -m tests.bench.discovery_bench` runs it alone; `python -m tests.bench` includes it
(b only without --quick).
"""

from __future__ import annotations

import csv
import gc
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

PROPOSE_ROWS = 10_000
PROPOSE_TARGET_S = 2.0
LARGE_BYTES = 200 * 1024 * 1024
LARGE_TARGET_MIB = 100.0
BITWARDEN_HEADER = ["folder", "favorite", "type", "name", "notes", "fields", "reprompt",
                    "login_uri", "login_username", "login_password", "login_totp"]  # fmt: skip


def write_bitwarden(path: Path, rows: int, notes_chars: int = 0, seed: int = 7) -> int:
    """A realistic export: directory sites (with subdomains and app URIs), unknown sites,
    secure notes and local addresses. Returns the file's size in bytes."""
    from app.services.directory import load_directory

    rng = random.Random(seed)
    known = sorted({d for entry in load_directory() for d in entry.domains[:1]})
    names = ["jan@example.org", "Jan@Example.org", "jan.devries", "j.devries@example.com", ""]
    note = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 64)[:1024]
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(BITWARDEN_HEADER)
        for index in range(rows):
            kind = rng.random()
            if kind < 0.05:
                uri, row_type = "", "note"
            elif kind < 0.08:
                uri, row_type = f"http://192.168.{index % 250}.1", "login"
            elif kind < 0.6:
                domain = rng.choice(known)
                uri = f"https://{rng.choice(['www', 'login', 'accounts'])}.{domain}/signin"
                if rng.random() < 0.1:
                    uri += "\nandroidapp://com." + domain.split(".")[0] + ".android"
                row_type = "login"
            else:
                uri, row_type = f"https://shop{rng.randrange(rows // 2)}.nl/login", "login"
            notes = (note * (notes_chars // len(note) + 1))[:notes_chars] if notes_chars else ""
            writer.writerow([
                "Folder", "0", row_type, f"Site {index}", notes, "pin: 0000", "0", uri,
                rng.choice(names), f"pw-{rng.getrandbits(64):016x}", "",
            ])  # fmt: skip
    return path.stat().st_size


def _fresh_caches() -> None:
    from app.services import discovery_domains, discovery_match
    from app.services.directory import load_directory

    load_directory.cache_clear()
    discovery_domains.public_suffix_list.cache_clear()
    discovery_match._directory_index.cache_clear()


def _open_vault(root: Path) -> Any:
    from app.paths import AppPaths
    from app.storage.header import KeyMode
    from app.storage.vault import create_vault

    vault, _ = create_vault(AppPaths.resolve(root / "vault"), KeyMode.PASSPHRASE, "bench pass")
    return vault


def bench_propose(root: Path) -> tuple[float, float, str]:
    """(cold seconds, warm seconds, what was proposed) for a 10,000-row export."""
    from app.services.discovery import propose_file

    export = root / "bitwarden-10k.csv"
    write_bitwarden(export, PROPOSE_ROWS)
    vault = _open_vault(root)
    try:
        _fresh_caches()
        start = time.perf_counter()
        proposal = propose_file(export, vault.conn)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        propose_file(export, vault.conn)
        warm = time.perf_counter() - start
    finally:
        vault.close()
    what = (f"{proposal.rows:,} rows → {len(proposal.organisations):,} organisations, "
            f"{len(proposal.skipped):,} skipped; warm {warm:.3f} s")  # fmt: skip
    return cold, warm, what


def bench_large(root: Path) -> tuple[float, float, int]:
    """(peak MiB while reading, seconds, file bytes) for a ~200 MB export with long notes."""
    from app.services.password_export import read_entries

    export = root / "bitwarden-200mb.csv"
    notes_chars = 20_000
    rows = LARGE_BYTES // (notes_chars + 120)
    size = write_bitwarden(export, rows, notes_chars=notes_chars)
    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    try:
        count = sum(1 for _ in read_entries(export))
        seconds = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        export.unlink()
    assert count == rows
    return peak / (1024 * 1024), seconds, size


def bench_discovery(root: Path, *, large: bool = True) -> list[tuple[str, str, str, str, str]]:
    """Rows of (figure, value, target, verdict, detail), printed by `main`."""
    rows: list[tuple[str, str, str, str, str]] = []
    cold, _warm, what = bench_propose(root)
    verdict = "ok" if cold <= PROPOSE_TARGET_S else "MISSED"
    rows.append((f"discovery: {PROPOSE_ROWS:,}-row export → proposal (cold)", f"{cold:.3f} s",
                 f"<= {PROPOSE_TARGET_S:.1f} s", verdict, what))  # fmt: skip
    if large:
        peak, seconds, size = bench_large(root)
        verdict = "ok" if peak < LARGE_TARGET_MIB else "MISSED"
        speed = f"read in {seconds:.1f} s under tracemalloc ({size / 1e6 / seconds:.0f} MB/s)"
        figure = f"discovery: {size / 1e6:.0f} MB export read, peak memory (tracemalloc)"
        target = f"< {LARGE_TARGET_MIB:.0f} MiB"
        rows.append((figure, f"{peak:.1f} MiB", target, verdict, speed))
    return rows


def discovery_rows(root: Path, row_type: Any, *, large: bool = True) -> list[Any]:
    """The figures as `tests.bench.__main__.Row`s (an error becomes an ERROR row)."""
    root.mkdir(parents=True, exist_ok=True)
    try:
        found = bench_discovery(root, large=large)
    except Exception as exc:
        return [row_type("discovery", verdict="ERROR", detail=f"{type(exc).__name__}: {exc}")]
    return [row_type(figure, value=value, target=target, verdict=verdict, detail=detail)
            for figure, value, target, verdict, detail in found]  # fmt: skip


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="quid-bench-discovery-") as tmp:
        found = bench_discovery(Path(tmp), large="--quick" not in sys.argv)
    for figure, value, target, verdict, detail in found:
        print(f"{figure}: {value} (target {target}) {verdict}\n    {detail}")
    return 0 if all(row[3] == "ok" for row in found) else 1


if __name__ == "__main__":
    sys.exit(main())
