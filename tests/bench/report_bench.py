"""The privacy-footprint report at scale: 1,000 organisations with a realistic ledger each
(3–15 disclosures with their own details, 1–2 benefits, an account, some notes, links and
requests), written as PDF and as HTML, against gathering the same data alone (the baseline,
measured in the same run). Target: the PDF within 5 s, gathering included.

`python -m tests.bench.report_bench` prints the figures; `python -m tests.bench` runs it in a
child process (`report_rows`), so this process's memory does not swell the others' figures.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ORGS = 1_000
PDF_TARGET_S = 5.0
RUNS = 3
TODAY = date(2026, 6, 1)

_WORDS = (
    "account", "newsletter", "delivery", "loyalty", "card", "app", "profile", "order", "returns",
    "support", "chat", "survey", "competition", "booking", "invoice", "trial", "subscription",
    "family", "work", "holiday", "gym", "parking", "insurance", "claim", "pharmacy", "ticket",
)  # fmt: skip
_RETENTION = ("", "unknown", "until account deletion", "7 years (tax law)", "2 years", "forever")


def _phrase(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words))


def fill_report_vault(conn: Any, orgs: int = ORGS, seed: int = 7) -> int:
    """A ledger like a heavy user's: returns the number of disclosures written."""
    from app.domain.taxonomy import load_taxonomy
    from app.storage.database import transaction

    rng = random.Random(seed)
    categories = [(c.key, c.sensitivity) for c in load_taxonomy().all()]
    common = [(c.key, c.sensitivity) for c in load_taxonomy().common()] or categories
    now = "2026-01-01T00:00:00+00:00"
    written = 0

    def day(start: int = 2008) -> str:
        first = date(start, 1, 1)
        return (first + timedelta(days=rng.randrange((TODAY - first).days))).isoformat()

    with transaction(conn):
        for org_id in range(1, orgs + 1):
            name = f"{_phrase(rng, 2).title()} {rng.choice(['B.V.', 'GmbH', 'Ltd', 'SA'])} {org_id}"
            website = rng.choice(["", f"https://org{org_id}.example", f"org{org_id}.example"])
            notes = _phrase(rng, rng.randrange(4, 20)) if rng.random() < 0.3 else ""
            conn.execute(
                "INSERT INTO organisations(id, name, name_key, country, website, notes, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (org_id, name, name.casefold(), rng.choice(["NL", "DE", "US", "FR", "IE", ""]),
                 website, notes, now, now),
            )  # fmt: skip
            rows = []
            for _ in range(rng.randrange(3, 16)):
                key, sensitivity = rng.choice(common if rng.random() < 0.7 else categories)
                required = rng.random() < 0.4
                rows.append((
                    org_id, key, sensitivity, f"{_phrase(rng, rng.randrange(2, 9))} {written}",
                    day(), int(required), rng.choice([None, 1, 0 if required else 1]),
                    int(rng.random() < 0.2), int(rng.random() < 0.1), rng.choice(_RETENTION),
                    now, now,
                ))  # fmt: skip
                written += 1
            conn.executemany(
                "INSERT INTO disclosures(organisation_id, category, sensitivity, detail, given_on,"
                " required, necessary, shared, continuous, retention, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            for _ in range(rng.randrange(1, 3)):
                conn.execute(
                    "INSERT INTO benefits(organisation_id, kind, description, value_cents, period,"
                    " started_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (org_id, rng.choice(["service", "discount", "content", "points"]),
                     _phrase(rng, rng.randrange(2, 7)), rng.choice([None, *range(0, 3000, 75)]),
                     rng.choice(["once", "month", "year"]), day(2015), now, now),
                )  # fmt: skip
            conn.execute(
                "INSERT INTO accounts(organisation_id, identifier, status, last_used, created_at,"
                " updated_at) VALUES (?, 'jan@example.org', ?, ?, ?, ?)",
                (org_id, rng.choice(["active", "active", "dormant", "closed"]), day(2018),
                 now, now),
            )  # fmt: skip
            if org_id % 10 == 0:  # a request to every tenth, some of them overdue
                sent = TODAY - timedelta(days=rng.randrange(5, 120))
                conn.execute(
                    "INSERT INTO requests(organisation_id, type, language, channel, body, status,"
                    " sent_on, received_on, due_on, created_at, updated_at) "
                    "VALUES (?, 'access', 'en', 'email', 'x', 'sent', ?, ?, ?, ?, ?)",
                    (org_id, sent.isoformat(), sent.isoformat(),
                     (sent + timedelta(days=31)).isoformat(), now, now),
                )  # fmt: skip
    return written


def _median_s(func: Callable[[], object], runs: int = RUNS) -> tuple[float, list[float], float]:
    """Median wall time, every wall time, and the median CPU time of this process (which a
    busy machine inflates less than the wall time)."""
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        func()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), times, statistics.median(cpu)


def measure(root: Path) -> dict[str, Any]:
    """Build the vault in `root` and time gathering, the PDF and the HTML (median of RUNS)."""
    import keyring

    from app.paths import AppPaths
    from app.render.report_files import ensure_gui_application
    from app.render.report_html import write_report_html
    from app.render.report_pdf import write_report_pdf
    from app.services.report_data import gather_report
    from app.storage.header import KeyMode
    from app.storage.vault import create_vault
    from tests.support.keyrings import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    ensure_gui_application()
    vault, _ = create_vault(AppPaths.resolve(root / "vault"), KeyMode.KEYRING)
    with vault:
        disclosures = fill_report_vault(vault.conn)
        conn = vault.conn
        gather_report(conn, today=TODAY)  # warm: the taxonomy and Qt's fonts load once
        gather, gather_runs, gather_cpu = _median_s(lambda: gather_report(conn, today=TODAY))
        pdf_path, html_path = root / "report.pdf", root / "report.html"
        pdf, pdf_runs, pdf_cpu = _median_s(lambda: write_report_pdf(conn, pdf_path))
        html, html_runs, html_cpu = _median_s(lambda: write_report_html(conn, html_path))
    from pypdf import PdfReader

    return {
        "disclosures": disclosures,
        "gather_s": gather,
        "pdf_s": pdf,
        "html_s": html,
        "runs": {"gather": gather_runs, "pdf": pdf_runs, "html": html_runs},
        "cpu_s": {"gather": gather_cpu, "pdf": pdf_cpu, "html": html_cpu},
        "load": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "pdf_pages": len(PdfReader(pdf_path).pages),
        "pdf_mib": pdf_path.stat().st_size / 2**20,
        "html_mib": html_path.stat().st_size / 2**20,
    }


def report_rows(root: Path, env_for: Callable[..., dict[str, str]],
                run_child: Callable[..., Any], row_cls: Any) -> list[Any]:  # fmt: skip
    """Rows for __main__'s table; the work runs in a child process."""
    root.mkdir(parents=True, exist_ok=True)
    out = root / "report.json"
    run_child([sys.executable, "-m", "tests.bench.report_bench", str(root), str(out)],
              dict(env_for(root, root / "keyring.json")), root / "report-log")  # fmt: skip
    f = json.loads(out.read_text())
    size = f"{ORGS:,} orgs / {f['disclosures']:,} disclosures"
    pdf_detail = (f"{f['pdf_pages']} pages, {f['pdf_mib']:.1f} MiB; CPU {f['cpu_s']['pdf']:.2f} s;"
                  " runs (s): " + ", ".join(f"{t:.2f}" for t in f["runs"]["pdf"]))  # fmt: skip
    return [
        row_cls(f"report: gather data only, {size}", f"{f['gather_s']:.2f} s",
                target="(baseline)"),
        row_cls(f"report PDF, {size} (gather + render + write)", f"{f['pdf_s']:.2f} s",
                f"{f['gather_s']:.2f} s (gather)", f"{f['pdf_s'] / f['gather_s']:.1f}x",
                f"<= {PDF_TARGET_S:.0f} s", "ok" if f["pdf_s"] <= PDF_TARGET_S else "MISSED",
                pdf_detail),
        row_cls(f"report HTML, {size} (gather + render + write)", f"{f['html_s']:.2f} s",
                f"{f['gather_s']:.2f} s (gather)", f"{f['html_s'] / f['gather_s']:.1f}x",
                "(reported)", "", f"{f['html_mib']:.1f} MiB"),
    ]  # fmt: skip


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if len(argv) == 2:  # ROOT OUT.json: the child of report_rows
        Path(argv[1]).write_text(json.dumps(measure(Path(argv[0]))))
        return 0
    with tempfile.TemporaryDirectory(prefix="quid-report-bench-") as tmp:
        f = measure(Path(tmp))
    ratio = f["pdf_s"] / f["gather_s"]
    verdict = "ok" if f["pdf_s"] <= PDF_TARGET_S else "MISSED"
    print(f"{ORGS:,} organisations, {f['disclosures']:,} disclosures")
    print(f"load average at the end: {f['load']}")
    print(f"gather data only (baseline): {f['gather_s']:.3f} s (CPU {f['cpu_s']['gather']:.3f} s)")
    print(f"PDF  (gather + render + write): {f['pdf_s']:.3f} s = {ratio:.1f}x the baseline; "
          f"target <= {PDF_TARGET_S:.0f} s: {verdict} ({f['pdf_pages']} pages, "
          f"{f['pdf_mib']:.1f} MiB; CPU {f['cpu_s']['pdf']:.3f} s)")  # fmt: skip
    print("PDF runs (s): " + ", ".join(f"{t:.3f}" for t in f["runs"]["pdf"]))
    print(f"HTML (gather + render + write): {f['html_s']:.3f} s = "
          f"{f['html_s'] / f['gather_s']:.1f}x the baseline ({f['html_mib']:.1f} MiB)")  # fmt: skip
    return 0 if verdict == "ok" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
