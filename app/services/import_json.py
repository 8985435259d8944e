"""`quid import json FILE`: a Quid ledger file (see export_json.py) back into a vault.

All or nothing: the whole file is read and checked first (import_json_checks.py), then written
in one transaction, so a bad file, a full disk or a cancel changes nothing. Into an empty vault
the ledger arrives exactly as exported (same ids); into a ledger only with `merge=True`
(import_json_merge.py says how records are matched and what a conflict is).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.domain.taxonomy import Taxonomy, load_taxonomy
from app.errors import QT_TR_NOOP, QuidError
from app.services.export_json import TABLES
from app.services.import_json_checks import (
    ImportFileError,
    LedgerFile,
    check_document,
)
from app.services.import_json_merge import Plan, identity_plan, merge_plan
from app.services.progress import Progress
from app.storage.database import Connection, transaction

MAX_FILE_BYTES = 1024**3  # a ledger with every attachment kept is far smaller
_LISTS = ("domains", "categories")  # kept in their own tables, not columns
#: table → (the table its list goes to, owner column, value column, key of the list)
_LIST_TABLES = {
    "organisations": ("organisation_domains", "organisation_id", "domain", "domains"),
    "tiers": ("tier_categories", "tier_id", "category", "categories"),
    "request_events": ("reply_categories", "event_id", "category", "categories"),
}


class NotEmptyError(QuidError):
    """A plain import into a vault that already holds a ledger."""


@dataclass(frozen=True)
class ImportResult:
    added: dict[str, int]  # table → records added
    matched_organisations: int  # organisations of the file the vault already had
    already_there: int  # records of the file the vault already had (not added again)
    conflicts: tuple[str, ...]  # where the file and the vault differ; the vault's was kept

    def summary(self) -> str:
        parts = [_count(n, table.replace("_", " ")) for table, n in self.added.items() if n]
        text = "Imported " + (", ".join(parts) if parts else "nothing new") + "."
        if self.matched_organisations:
            were = "was" if self.matched_organisations == 1 else "were"
            text += f" {_count(self.matched_organisations, 'organisations')} {were} already in "
            text += "the vault."
        if self.already_there:
            were = "was" if self.already_there == 1 else "were"
            text += f" {_count(self.already_there, 'records')} {were} already there and not "
            text += "added again."
        if self.conflicts:
            text += f" {_count(len(self.conflicts), 'conflicts')}: the vault's values were kept."
        return text


def _count(n: int, plural: str) -> str:
    return f"{n:,} {plural if n != 1 else plural[:-1]}"


def ledger_is_empty(conn: Connection) -> bool:
    """No organisations and no profile filled in (settings alone do not count)."""
    if conn.execute("SELECT 1 FROM organisations LIMIT 1").fetchone():
        return False
    row = conn.execute(
        "SELECT name, postal_address, emails, phone, country FROM profile WHERE id = 1"
    ).fetchone()
    return row is None or not any(v for v in row if v not in ("", "[]"))


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def read_document(path: Path) -> Any:
    """The file parsed as JSON; errors name the line and column."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFileError(QT_TR_NOOP("{name} is larger than 1 GB; that is not a Quid "
                                             "ledger file. Nothing was changed."),
                                  name=path.name)  # fmt: skip
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(QT_TR_NOOP("Could not read {path} ({reason}). Nothing was changed."),
                              path=path, reason=exc.strerror or exc) from exc  # fmt: skip
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportFileError(QT_TR_NOOP("{name} line {line}: the file is not UTF-8 text (byte "
                                         "{byte}). Nothing was changed."),
                              name=path.name, line=line, byte=exc.start + 1) from None  # fmt: skip
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ImportFileError(QT_TR_NOOP("{name} line {line}, column {column}: not valid JSON "
                                         "({reason}). Nothing was changed."),
                              name=path.name, line=exc.lineno, column=exc.colno,
                              reason=exc.msg) from None  # fmt: skip
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(QT_TR_NOOP("{name}: not valid JSON ({reason}). Nothing was changed."),
                              name=path.name, reason=exc) from None  # fmt: skip


def _insert(conn: Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = [c for c in rows[0] if c not in _LISTS]
    conn.executemany(
        f"INSERT INTO {table}({', '.join(columns)}) "  # noqa: S608
        f"VALUES ({', '.join('?' * len(columns))})",
        [tuple(row[c] for c in columns) for row in rows],
    )


def _write(conn: Connection, data: LedgerFile, plan: Plan, progress: Progress) -> None:
    """Insert what the plan says is new, with the plan's ids (inside the caller's transaction)."""
    ids = plan.ids
    owners = {"organisation_id": "organisations", "request_id": "requests",
              "event_id": "request_events"}  # fmt: skip
    total, done = data.records, 0
    parents: list[tuple[int, int]] = []
    for table in TABLES:
        rows = []
        for row in data.tables[table]:
            if row["id"] not in plan.new[table]:
                continue
            values = dict(row, id=ids[table][row["id"]])
            for key, owner in owners.items():
                if values.get(key) is not None:
                    values[key] = ids[owner][values[key]]
            if table == "requests" and values["parent_id"] is not None:
                parents.append((ids["requests"][values["parent_id"]], values["id"]))
                values["parent_id"] = None  # set below, once every request is in
            if table == "tiers":
                values["position"] += plan.tier_position_offset.get(values["organisation_id"], 0)
                values["chosen"] = 0 if row["id"] in plan.unchosen_tiers else values["chosen"]
            rows.append(values)
        _insert(conn, table, rows)
        if table in _LIST_TABLES:
            target, owner_column, column, key = _LIST_TABLES[table]
            # a reply's categories may add to an event the vault had; the rest only to new rows
            rows = [r for r in data.tables[table]
                    if r["id"] in plan.new[table] or table == "request_events"]  # fmt: skip
            conn.executemany(
                f"INSERT OR IGNORE INTO {target}({owner_column}, {column}) VALUES (?, ?)",  # noqa: S608
                [(ids[table][r["id"]], item) for r in rows for item in r[key]],
            )
        done += len(data.tables[table])
        progress.step(done, total)
    conn.executemany("UPDATE requests SET parent_id = ? WHERE id = ?", parents)


def _write_profile_and_settings(conn: Connection, plan: Plan) -> None:
    p = plan.profile
    if p is not None:
        conn.execute(
            "INSERT INTO profile(id, name, postal_address, emails, phone, country, updated_at) "
            "VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
            "postal_address = excluded.postal_address, emails = excluded.emails, "
            "phone = excluded.phone, country = excluded.country, updated_at = excluded.updated_at",
            (p["name"], p["postal_address"], json.dumps(p["emails"]), p["phone"], p["country"],
             p["updated_at"]),
        )  # fmt: skip
    stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
    conn.executemany(
        "INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO "
        "UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        [(key, json.dumps(value), stamp) for key, value in plan.settings.items()],
    )


def import_ledger_data(
    conn: Connection,
    document: Any,
    progress: Progress | None = None,
    *,
    merge: bool = False,
    taxonomy: Taxonomy | None = None,
) -> ImportResult:
    """Check `document` (parsed JSON) and bring it into the vault in one transaction."""
    progress = progress or Progress()
    data = check_document(document, taxonomy or load_taxonomy(), progress)
    with transaction(conn):
        empty = ledger_is_empty(conn)
        if not empty and not merge:
            found = conn.execute("SELECT count(*) FROM organisations").fetchone()[0]
            raise NotEmptyError(  # English: the CLI only (the GUI merges into a ledger)
                f"This vault already holds a ledger ({found:,} organisations): merge the file "
                "into it instead (quid import json FILE --merge). Nothing was changed."
            )
        plan = identity_plan(data) if empty else merge_plan(conn, data)
        _write_profile_and_settings(conn, plan)
        _write(conn, data, plan, progress)
    return ImportResult(
        added={t: len(plan.new[t]) for t in TABLES},
        matched_organisations=plan.matched_organisations,
        already_there=sum(len(data.tables[t]) - len(plan.new[t]) for t in TABLES[1:]),
        conflicts=tuple(plan.conflicts),
    )


def import_ledger_json(
    conn: Connection, path: Path, progress: Progress | None = None, *, merge: bool = False
) -> ImportResult:
    """Read a Quid ledger file and import it (see `import_ledger_data`)."""
    return import_ledger_data(conn, read_document(path), progress, merge=merge)
