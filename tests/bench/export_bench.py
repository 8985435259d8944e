"""The full-ledger JSON export at scale: 100,000 disclosures (10,000 organisations × 10).

Timed against a baseline measured in the same run on the same vault: the raw
`SELECT * FROM disclosures` fetch, i.e. what reading the rows alone costs on SQLCipher. The
ratio is what building and writing the JSON adds. Target: the export takes at most 2 s.

`python -m tests.bench.export_bench` runs it alone; `python -m tests.bench` includes it.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ORGS, PER_ORG = 10_000, 10
EXPORT_TARGET_S = 2.0
REPEATS = 3
NOW = "2026-01-01T00:00:00+00:00"


def fill(conn: Any, orgs: int = ORGS, per_org: int = PER_ORG) -> None:
    """A ledger of `orgs` organisations with `per_org` disclosures each, in one transaction
    (executemany: the per-row triggers keep organisation_stats as the app would)."""
    from app.domain.taxonomy import load_taxonomy
    from app.storage.database import transaction

    rng = random.Random(7)
    categories = [(c.key, c.sensitivity) for c in load_taxonomy().all()]
    bases = ["consent", "contract", "legal obligation", "legitimate interest", ""]
    with transaction(conn):
        conn.executemany(
            "INSERT INTO organisations(id, name, name_key, country, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    i,
                    f"Organisation {i:05d}",
                    f"organisation {i:05d}",
                    rng.choice(["NL", "DE", ""]),
                    NOW,
                    NOW,
                )
                for i in range(1, orgs + 1)
            ],
        )
        conn.executemany(
            "INSERT INTO organisation_domains VALUES (?, ?)",
            [(i, f"org{i}.example") for i in range(1, orgs + 1)],
        )
        conn.executemany(
            "INSERT INTO disclosures(organisation_id, category, sensitivity, detail, given_on, "
            "collection_method, purpose, legal_basis, required, necessary, shared, continuous, "
            "retention, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    i,
                    *rng.choice(categories),
                    f"detail {n} of organisation {i} — ü",
                    f"20{rng.randrange(10, 26)}-0{rng.randrange(1, 10)}-1{rng.randrange(0, 9)}",
                    rng.choice(["provided", "observed", ""]),
                    "account and newsletter",
                    rng.choice(bases),
                    rng.random() < 0.3,
                    rng.choice([None, 0, 1]),
                    rng.random() < 0.2,
                    rng.random() < 0.1,
                    "until account deletion",
                    NOW,
                    NOW,
                )
                for i in range(1, orgs + 1)
                for n in range(per_org)
            ],
        )


def _median(func: Any) -> tuple[float, list[float]]:
    runs = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        func()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), runs


def bench_export(root: Path) -> dict[str, Any]:
    """Seconds for the export and for the baseline, and what was measured."""
    from app.paths import AppPaths
    from app.services.export_json import export_ledger_json
    from app.storage.header import KeyMode
    from app.storage.vault import create_vault

    vault, _ = create_vault(AppPaths.resolve(root / "vault"), KeyMode.PASSPHRASE, "bench pass")
    try:
        start = time.perf_counter()
        fill(vault.conn)
        built = time.perf_counter() - start
        conn, out = vault.conn, root / "ledger.json"
        baseline, baseline_runs = _median(
            lambda: conn.execute("SELECT * FROM disclosures").fetchall()
        )
        seconds, runs = _median(lambda: export_ledger_json(conn, out))
        size = out.stat().st_size
    finally:
        vault.close()
    return {
        "seconds": seconds,
        "runs": runs,
        "baseline": baseline,
        "baseline_runs": baseline_runs,
        "built": built,
        "bytes": size,
    }


def export_rows(root: Path, row_type: Any) -> list[Any]:
    """The figure as a `tests.bench.__main__.Row` (an error becomes an ERROR row)."""
    figure = f"JSON export, {ORGS * PER_ORG:,} disclosures (median of {REPEATS})"
    root.mkdir(parents=True, exist_ok=True)
    try:
        found = bench_export(root)
    except Exception as exc:
        return [row_type(figure, verdict="ERROR", detail=f"{type(exc).__name__}: {exc}")]
    seconds, baseline = found["seconds"], found["baseline"]
    return [
        row_type(
            figure,
            value=f"{seconds:.3f} s",
            baseline=f"{baseline:.3f} s (SELECT * FROM disclosures)",
            ratio=f"{seconds / baseline:.2f}x",
            target=f"<= {EXPORT_TARGET_S:.1f} s",
            verdict="ok" if seconds <= EXPORT_TARGET_S else "MISSED",
            detail=(
                f"runs (s): {', '.join(f'{t:.3f}' for t in found['runs'])}; "
                f"{found['bytes'] / 1e6:.1f} MB written; vault built in {found['built']:.1f} s"
            ),
        )
    ]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="quid-bench-export-") as tmp:
        found = bench_export(Path(tmp))
    seconds, baseline = found["seconds"], found["baseline"]
    verdict = "ok" if seconds <= EXPORT_TARGET_S else "MISSED"
    print(
        f"JSON export of {ORGS * PER_ORG:,} disclosures: {seconds:.3f} s (target <= "
        f"{EXPORT_TARGET_S:.1f} s) {verdict}; baseline SELECT * FROM disclosures: "
        f"{baseline:.3f} s; ratio {seconds / baseline:.2f}x; {found['bytes'] / 1e6:.1f} MB; "
        f"vault built in {found['built']:.1f} s"
    )
    return 0 if verdict == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
