"""The ledger at scale: 10,000 organisations and 100,000 disclosures.

- start-up to first paint with that vault, against an empty vault and a bare PySide6 window;
- every column sort and a text/category filter of the organisations page (SQL + first paint
  of the visible rows), with QSortFilterProxyModel over the same rows for contrast;
- the list and filter queries on SQLCipher against the same database exported to plain SQLite
  (same engine, no key), so the ratio is the cost of encryption alone.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ORGS, DISCLOSURES_PER_ORG = 10_000, 10
SORT_TARGET_MS = 100.0
SQLCIPHER_TARGET = 1.3


def fill_vault(conn: Any, orgs: int = ORGS, per_org: int = DISCLOSURES_PER_ORG) -> None:
    from app.domain.taxonomy import load_taxonomy
    from app.storage.database import transaction

    rng = random.Random(42)
    categories = [(c.key, c.sensitivity) for c in load_taxonomy().all()]
    words = ["Data", "Shop", "Bank", "Media", "Cloud", "Health", "Travel", "Mobile", "Food", "Net"]
    now = "2026-01-01T00:00:00+00:00"
    with transaction(conn):
        for org_id in range(1, orgs + 1):
            name = f"{rng.choice(words)} {rng.choice(words)} {org_id:05d}"
            conn.execute(
                "INSERT INTO organisations(id, name, name_key, country, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (org_id, name, name.casefold(), rng.choice(["NL", "DE", "US", "FR", ""]), now, now),
            )
            conn.execute(
                "INSERT INTO organisation_domains VALUES (?, ?)", (org_id, f"org{org_id}.example")
            )
            conn.executemany(
                "INSERT INTO disclosures(organisation_id, category, sensitivity, detail, given_on,"
                " required, shared, continuous, created_at, updated_at) "
                "VALUES (?, ?, ?, 'detail', '2020-01-01', ?, ?, ?, ?, ?)",
                [(org_id, *rng.choice(categories), rng.random() < 0.3, rng.random() < 0.2,
                  rng.random() < 0.1, now, now) for _ in range(per_org)],
            )  # fmt: skip
            conn.execute(
                "INSERT INTO benefits(organisation_id, kind, value_cents, period, created_at, "
                "updated_at) VALUES (?, 'service', ?, 'month', ?, ?)",
                (org_id, rng.randrange(0, 3000), now, now),
            )
            conn.execute(
                "INSERT INTO accounts(organisation_id, identifier, status, created_at, updated_at)"
                " VALUES (?, 'jan@example.org', ?, ?, ?)",
                (org_id, rng.choice(["active", "dormant", "closed"]), now, now),
            )


def _ms(func: Callable[[], object], repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def page_timings(conn: Any) -> dict[str, float]:
    """The organisations page's query pairs (count + first page) in ms."""
    from app.services.ledger_queries import (
        SORT_COLUMNS,
        OrganisationFilter,
        count_organisations,
        organisation_rows,
    )

    cases: dict[str, tuple[OrganisationFilter, str, bool]] = {}
    for sort in SORT_COLUMNS:
        cases[f"sort {sort} asc"] = (OrganisationFilter(), sort, False)
        cases[f"sort {sort} desc"] = (OrganisationFilter(), sort, True)
    cases["filter text 'bank 0'"] = (OrganisationFilter(text="bank 0"), "name", False)
    cases["filter category"] = (OrganisationFilter(category="EmailAddress"), "name", False)
    cases["filter sensitivity 4"] = (OrganisationFilter(min_sensitivity=4), "value", True)

    def run(f: OrganisationFilter, sort: str, descending: bool) -> None:
        count_organisations(conn, f)
        organisation_rows(conn, f, sort, descending, 0, 200)

    return {name: _ms(lambda c=case: run(*c)) for name, case in cases.items()}


def view_timings(conn: Any) -> tuple[dict[str, float], dict[str, float]]:
    """Sorting and filtering in the real OrganisationsView (SQL + painting the visible rows),
    and QSortFilterProxyModel over the same 10,000 rows held in Python, for contrast."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
    from PySide6.QtWidgets import QApplication

    from app.services.ledger import Ledger
    from app.services.ledger_queries import OrganisationFilter, organisation_rows
    from app.ui.ledger_commands import LedgerActions
    from app.ui.organisations_view import OrganisationsView

    app = QApplication.instance() or QApplication([])
    view = OrganisationsView(LedgerActions())
    view.resize(1200, 800)
    view.show()
    view.attach(Ledger(conn))
    app.processEvents()
    ours: dict[str, float] = {}
    for column, name in enumerate(
        ("name", "country", "categories", "sensitivity", "value", "status")
    ):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):

            def sort(c: int = column, o: Qt.SortOrder = order) -> None:
                view.table.sortByColumn(c, o)
                view.table.viewport().repaint()

            label = "asc" if order == Qt.SortOrder.AscendingOrder else "desc"
            ours[f"sort {name} {label}"] = _ms(sort, 3)

    def text_filter() -> None:
        view.search.setText("bank 0")
        view.apply_filter()
        view.table.viewport().repaint()
        view.search.setText("")
        view.apply_filter()

    ours["text filter + clear"] = _ms(text_filter, 3)

    rows = [tuple(vars(r).values())[1:] for r in
            organisation_rows(conn, OrganisationFilter(), limit=1_000_000)]  # fmt: skip

    class PlainModel(QAbstractTableModel):
        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return len(rows)

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 6

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(rows[index.row()][index.column()])
            return None

    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(PlainModel())
    contrast = {
        "proxy sort name": _ms(lambda: proxy.sort(0, Qt.SortOrder.DescendingOrder), 1),
        "proxy sort value": _ms(lambda: proxy.sort(4, Qt.SortOrder.AscendingOrder), 1),
        "proxy text filter": _ms(lambda: (proxy.setFilterFixedString("bank 0"),
                                          proxy.setFilterFixedString("")), 1),
    }  # fmt: skip
    view.close()
    return ours, contrast


def plain_copy(conn: Any, target: Path) -> Any:
    """The same database without encryption (SQLCipher's own export), opened by the same engine."""
    import sqlcipher3

    conn.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")
    plain = sqlcipher3.connect(str(target), isolation_level=None)
    return plain


def bench_ledger_scale(root: Path) -> dict[str, Any]:
    """In-process figures; the start-up rows run as child processes in __main__."""
    import keyring

    from app.paths import AppPaths
    from app.storage.header import KeyMode
    from app.storage.vault import create_vault
    from tests.support.keyrings import FileKeyring

    root.mkdir(parents=True, exist_ok=True)
    os.environ["QUID_TEST_KEYRING_FILE"] = str(root / "keyring.json")
    keyring.set_keyring(FileKeyring())
    paths = AppPaths.resolve(root / "big")
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    started = time.perf_counter()
    fill_vault(vault.conn)
    fill_s = time.perf_counter() - started
    result: dict[str, Any] = {"fill_s": fill_s, "data_dir": paths.data_dir}
    result["sqlcipher"] = page_timings(vault.conn)
    plain = plain_copy(vault.conn, root / "plain.db")
    result["plain"] = page_timings(plain)
    plain.close()
    result["view"], result["proxy"] = view_timings(vault.conn)
    result["assess_s"], result["dashboard_ms"] = assessment_timings(vault.conn)
    result["letter_pdf_ms"] = letter_timing(vault.conn)
    vault.close()
    return result


def letter_timing(conn: Any) -> float:
    """An erasure letter from the ledger to PDF bytes, warm (median of 5 after one run)."""
    from app.domain.ledger import ProfileInput
    from app.render.letter_files import pdf_bytes, prepare
    from app.services.ledger import Ledger

    ledger = Ledger(conn)
    ledger.set_profile(ProfileInput("Jan de Vries", "Voorbeeldstraat 1\n1234 AB Amsterdam",
                                    ["jan@example.nl"], country="NL"))  # fmt: skip

    def one() -> None:
        ctx, letter = prepare(ledger, 1, "erasure", "nl")
        pdf_bytes(ctx, letter, "NL")

    one()
    return _ms(one, 5)


def assessment_timings(conn: Any) -> tuple[float, float]:
    """Assessing every organisation (load + rules) in s, and the dashboard's first paint in ms
    (its figures from those assessments, building the page with its charts, painting it)."""
    from PySide6.QtWidgets import QApplication

    from app.services.assessment import AssessmentService
    from app.ui.dashboard import DashboardPage

    service = AssessmentService(conn)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        assessed = service.assess_all()
        times.append(time.perf_counter() - start)
    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    page = DashboardPage()
    page.resize(1200, 900)
    page.load(service.dashboard(assessed))
    page.show()
    page.repaint()
    app.processEvents()
    dashboard_ms = (time.perf_counter() - start) * 1000
    page.close()
    return statistics.median(times), dashboard_ms


def ledger_rows(root: Path, runs: int, env_for: Callable[..., dict[str, str]],
                run_child: Callable[..., Any], row_cls: Any) -> list[Any]:  # fmt: skip
    """Rows for __main__'s table (its helpers are passed in to keep one process runner)."""
    # The vault is filled and the page timed in a child, so this process stays small: a child
    # inherits its parent's peak RSS across fork, which would skew the memory figures.
    root.mkdir(parents=True, exist_ok=True)
    out = root / "scale.json"
    run_child([sys.executable, "-m", "tests.bench.ledger_bench", str(root), str(out)],
              dict(env_for(root, root / "keyring.json")), root / "scale-log")  # fmt: skip
    scale = json.loads(out.read_text())
    scale["data_dir"] = Path(scale["data_dir"])
    rows = []
    env = env_for(root, root / "keyring.json")
    app_env = dict(env, QUID_EXIT_AFTER_FIRST_PAINT="1")
    empty_dir = root / "empty"
    run_child([sys.executable, "-m", "app", "--data-dir", str(empty_dir), "init"], env, root / "i")
    bare = root / "bare.py"
    from tests.bench.__main__ import BARE_WINDOW

    bare.write_text(BARE_WINDOW)
    commands = {
        "big": [sys.executable, "-m", "app", "--data-dir", str(scale["data_dir"])],
        "empty": [sys.executable, "-m", "app", "--data-dir", str(empty_dir)],
        "bare": [sys.executable, str(bare)],
    }
    walls: dict[str, list[float]] = {name: [] for name in commands}
    rss: dict[str, list[int]] = {name: [] for name in commands}
    for index in range(runs + 1):
        for name, argv in commands.items():
            result = run_child(argv, app_env if name != "bare" else env, root / f"l-{name}-{index}")
            if index:
                walls[name].append(result.wall_s)
                if result.max_rss_kib:
                    rss[name].append(result.max_rss_kib)
    big, empty, bare_s = (statistics.median(walls[n]) for n in ("big", "empty", "bare"))
    rows.append(row_cls(f"start-up, {ORGS:,} orgs vs empty vault", f"{big:.3f} s",
                        f"{empty:.3f} s", f"{big / empty:.2f}x", "<= 1.1x",
                        "ok" if big / empty <= 1.1 else "MISSED"))  # fmt: skip
    rows.append(row_cls(f"start-up, {ORGS:,} orgs vs bare window", f"{big:.3f} s",
                        f"{bare_s:.3f} s", f"{big / bare_s:.2f}x", "<= 2.0x",
                        "ok" if big / bare_s <= 2.0 else "MISSED"))  # fmt: skip
    if rss["big"] and rss["bare"]:
        b, r = statistics.median(rss["big"]), statistics.median(rss["bare"])
        rows.append(row_cls(f"peak RSS, {ORGS:,} orgs vs bare window", f"{b / 1024:.0f} MiB",
                            f"{r / 1024:.0f} MiB", f"{b / r:.2f}x", "<= 2.0x",
                            "ok" if b / r <= 2.0 else "MISSED"))  # fmt: skip
    worst_name, worst = max(scale["view"].items(), key=lambda kv: kv[1])
    proxy_name, proxy = max(scale["proxy"].items(), key=lambda kv: kv[1])
    rows.append(row_cls("organisations page: slowest sort/filter (SQL + paint)",
                        f"{worst:.1f} ms", f"{proxy:.0f} ms (proxy)", "",
                        f"<= {SORT_TARGET_MS:.0f} ms",
                        "ok" if worst <= SORT_TARGET_MS else "MISSED",
                        f"slowest: {worst_name}; all: " + ", ".join(
                            f"{k} {v:.0f}" for k, v in scale["view"].items())
                        + f"; QSortFilterProxyModel worst: {proxy_name}"))  # fmt: skip
    ratios = {k: scale["sqlcipher"][k] / scale["plain"][k] for k in scale["plain"]}
    worst_q = max(ratios, key=lambda k: ratios[k])
    total_c, total_p = sum(scale["sqlcipher"].values()), sum(scale["plain"].values())
    rows.append(row_cls("list/filter queries: SQLCipher vs plain SQLite (total)",
                        f"{total_c:.1f} ms", f"{total_p:.1f} ms", f"{total_c / total_p:.2f}x",
                        f"<= {SQLCIPHER_TARGET}x",
                        "ok" if total_c / total_p <= SQLCIPHER_TARGET else "MISSED",
                        f"worst single query: {worst_q} {ratios[worst_q]:.2f}x"))  # fmt: skip
    rows.append(row_cls(f"assess {ORGS:,} orgs / {ORGS * DISCLOSURES_PER_ORG:,} disclosures",
                        f"{scale['assess_s']:.2f} s", target="<= 1 s",
                        verdict="ok" if scale["assess_s"] <= 1.0 else "MISSED"))  # fmt: skip
    rows.append(row_cls("dashboard first paint (figures + charts) on that vault",
                        f"{scale['dashboard_ms']:.0f} ms", target="<= 300 ms",
                        verdict="ok" if scale["dashboard_ms"] <= 300 else "MISSED"))  # fmt: skip
    rows.append(row_cls("letter to PDF (erasure, warm)", f"{scale['letter_pdf_ms']:.0f} ms",
                        target="<= 200 ms",
                        verdict="ok" if scale["letter_pdf_ms"] <= 200 else "MISSED"))  # fmt: skip
    rows.append(row_cls(f"generating {ORGS:,} orgs / {ORGS * DISCLOSURES_PER_ORG:,} disclosures",
                        f"{scale['fill_s']:.1f} s", target="(reported)"))  # fmt: skip
    return rows


if __name__ == "__main__":  # python -m tests.bench.ledger_bench ROOT OUT.json (used above)
    figures = bench_ledger_scale(Path(sys.argv[1]))
    figures["data_dir"] = str(figures["data_dir"])
    Path(sys.argv[2]).write_text(json.dumps(figures))
