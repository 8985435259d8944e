"""The organisations list: filtering and sorting in SQL, fetched a window at a time.

Columns come from `organisation_stats` (kept by triggers), so every sort is an index walk
and a page of rows costs the same at 10 or 10,000 organisations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.ledger import name_key
from app.storage.database import Connection, translate_errors

# sort key → SQL expression; the name breaks ties so the order is stable
SORT_COLUMNS = {
    "name": "o.name_key",
    "country": "o.country",
    "categories": "s.categories",
    "sensitivity": "s.max_sensitivity",
    "value": "s.value_month_cents",
    "status": "s.account_status",
    "band": "s.band_rank",
    "score": "s.score",
}


@dataclass(frozen=True)
class OrganisationFilter:
    text: str = ""
    category: str | None = None
    min_sensitivity: int = 0
    status: str | None = None  # an account status, or "none" for organisations without one
    band: str | None = None  # fair | questionable | unbalanced | coerced


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    name: str
    country: str
    categories: int
    max_sensitivity: int
    value_month_cents: int
    account_status: str
    band: str = ""
    score: int = 0


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(f: OrganisationFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    text = f.text.strip()
    if text:
        clauses.append(
            "(o.name_key LIKE ? ESCAPE '\\' OR o.id IN (SELECT organisation_id FROM "
            "organisation_domains WHERE domain LIKE ? ESCAPE '\\'))"
        )
        args += [_like(name_key(text)), _like(text.lower())]
    if f.category:
        clauses.append(
            "EXISTS (SELECT 1 FROM disclosures d WHERE d.category = ? AND d.organisation_id = o.id)"
        )
        args.append(f.category)
    if f.min_sensitivity:
        clauses.append("s.max_sensitivity >= ?")
        args.append(f.min_sensitivity)
    if f.band:
        clauses.append("s.band = ?")
        args.append(f.band)
    if f.status:
        clauses.append("s.account_status = ?")
        args.append("" if f.status == "none" else f.status)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


_FROM = "FROM organisations o JOIN organisation_stats s ON s.organisation_id = o.id"


def count_organisations(conn: Connection, f: OrganisationFilter) -> int:
    where, args = _where(f)
    with translate_errors():
        return int(conn.execute(f"SELECT count(*) {_FROM}{where}", args).fetchone()[0])


def organisation_rows(
    conn: Connection,
    f: OrganisationFilter,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[OrganisationRow]:
    where, args = _where(f)
    direction = "DESC" if descending else "ASC"
    order = f"{SORT_COLUMNS[sort]} {direction}, o.name_key {direction}, o.id"
    sql = (
        "SELECT o.id, o.name, o.country, s.categories, s.max_sensitivity, "
        f"s.value_month_cents, s.account_status, s.band, s.score {_FROM}{where} "
        f"ORDER BY {order} "
        "LIMIT ? OFFSET ?"
    )
    with translate_errors():
        cursor = conn.execute(sql, [*args, limit, offset])
        return [OrganisationRow(*row) for row in cursor.fetchall()]
