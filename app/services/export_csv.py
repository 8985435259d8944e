"""The ledger as spreadsheet tables: organisations.csv, disclosures.csv, benefits.csv and
requests.csv, in a folder or together in one .zip.

UTF-8 with a byte-order mark and CRLF line ends (Excel opens that right), a header row, dates
ISO-8601, money as decimal euros with a dot beside a currency column. A text cell that starts
with = + - @ tab or CR is prefixed with ' so no spreadsheet runs it as a formula (OWASP CSV
injection; SECURITY.md case 22). The JSON export keeps such values raw.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from app.domain.requests import REQUEST_TYPES
from app.domain.taxonomy import Taxonomy, load_taxonomy
from app.services.export_files import (
    NOT_ENCRYPTED,
    ExportResult,
    atomic_output,
    atomic_outputs,
)
from app.services.progress import Progress
from app.storage.database import Connection, translate_errors

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CURRENCY = "EUR"
BATCH = 2000

ORGANISATION_COLUMNS = (
    "id", "name", "domains", "aliases", "country", "privacy_email", "postal_address", "phone",
    "website", "webform", "directory_slug", "notes", "created_at", "updated_at",
)  # fmt: skip
DISCLOSURE_COLUMNS = (
    "id", "organisation_id", "organisation", "category", "category_label", "category_iri",
    "sensitivity", "special_category", "detail", "given_on", "collection_method", "purpose",
    "legal_basis", "required", "necessary", "shared", "continuous", "retention",
    "consent_withdrawn_on", "created_at", "updated_at",
)  # fmt: skip
BENEFIT_COLUMNS = (
    "id", "organisation_id", "organisation", "kind", "description", "value", "currency",
    "period", "started_on", "ended_on", "created_at", "updated_at",
)  # fmt: skip
REQUEST_COLUMNS = (
    "id", "organisation_id", "organisation", "type", "gdpr_article", "language", "channel",
    "status", "subject", "sent_on", "received_on", "due_on", "extended_to", "extension_reason",
    "parent_id", "created_at", "updated_at",
)  # fmt: skip

Cell = str | int | None


def neutralise(value: Cell) -> Cell:
    """A text cell a spreadsheet would read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def euros(cents: int | None) -> str:
    """4.99 for 499 cents; empty when unknown."""
    return "" if cents is None else f"{cents // 100}.{cents % 100:02d}"


def _yes_no(flag: int | None) -> str:
    return "" if flag is None else ("yes" if flag else "no")


def _rows(conn: Connection, sql: str) -> Iterator[tuple[Any, ...]]:
    cursor = conn.execute(sql)
    while batch := cursor.fetchmany(BATCH):
        yield from batch


def _organisations(conn: Connection, _taxonomy: Taxonomy) -> Iterator[list[Cell]]:
    domains: dict[int, list[str]] = {}
    for org_id, domain in conn.execute(
        "SELECT organisation_id, domain FROM organisation_domains ORDER BY organisation_id, domain"
    ):
        domains.setdefault(org_id, []).append(domain)
    for row in _rows(
        conn,
        "SELECT id, name, aliases, country, privacy_email, postal_address, phone, website, "
        "webform, directory_slug, notes, created_at, updated_at FROM organisations ORDER BY id",
    ):
        org_id, name, aliases, *rest = row
        yield [org_id, name, "; ".join(domains.get(org_id, [])), "; ".join(json.loads(aliases)),
               *rest]  # fmt: skip


def _disclosures(conn: Connection, taxonomy: Taxonomy) -> Iterator[list[Cell]]:
    for row in _rows(
        conn,
        "SELECT d.id, d.organisation_id, o.name, d.category, d.sensitivity, d.detail, "
        "d.given_on, d.collection_method, d.purpose, d.legal_basis, d.required, d.necessary, "
        "d.shared, d.continuous, d.retention, d.consent_withdrawn_on, d.created_at, "
        "d.updated_at FROM disclosures d JOIN organisations o ON o.id = d.organisation_id "
        "ORDER BY d.id",
    ):
        (row_id, org_id, org, key, sensitivity, detail, given_on, method, purpose, basis,
         required, necessary, shared, continuous, *rest) = row  # fmt: skip
        known = taxonomy.get(key) if key in taxonomy else None
        label = known.label("en") if known else ""
        iri = known.iri if known else ""
        special = _yes_no(int(known.special or known.criminal)) if known else ""
        yield [row_id, org_id, org, key, label, iri, sensitivity, special, detail, given_on,
               method, purpose, basis, _yes_no(required), _yes_no(necessary), _yes_no(shared),
               _yes_no(continuous), *rest]  # fmt: skip


def _benefits(conn: Connection, _taxonomy: Taxonomy) -> Iterator[list[Cell]]:
    for row in _rows(
        conn,
        "SELECT b.id, b.organisation_id, o.name, b.kind, b.description, b.value_cents, "
        "b.period, b.started_on, b.ended_on, b.created_at, b.updated_at FROM benefits b "
        "JOIN organisations o ON o.id = b.organisation_id ORDER BY b.id",
    ):
        row_id, org_id, org, kind, description, cents, *rest = row
        currency = CURRENCY if cents is not None else ""
        yield [row_id, org_id, org, kind, description, euros(cents), currency, *rest]


def _requests(conn: Connection, _taxonomy: Taxonomy) -> Iterator[list[Cell]]:
    for row in _rows(
        conn,
        "SELECT r.id, r.organisation_id, o.name, r.type, r.language, r.channel, r.status, "
        "r.subject, r.sent_on, r.received_on, r.due_on, r.extended_to, r.extension_reason, "
        "r.parent_id, r.created_at, r.updated_at FROM requests r "
        "JOIN organisations o ON o.id = r.organisation_id ORDER BY r.id",
    ):
        row_id, org_id, org, type_, *rest = row
        kind = REQUEST_TYPES.get(type_)
        yield [row_id, org_id, org, type_, f"Art. {kind.article}" if kind else "", *rest]


Reader = Callable[[Connection, Taxonomy], Iterator[list[Cell]]]
#: file name → (header, rows, table counted for progress)
TABLE_FILES: dict[str, tuple[tuple[str, ...], Reader, str]] = {
    "organisations.csv": (ORGANISATION_COLUMNS, _organisations, "organisations"),
    "disclosures.csv": (DISCLOSURE_COLUMNS, _disclosures, "disclosures"),
    "benefits.csv": (BENEFIT_COLUMNS, _benefits, "benefits"),
    "requests.csv": (REQUEST_COLUMNS, _requests, "requests"),
}
README = (
    "Quid ledger tables (CSV: UTF-8, comma-separated, one header row).\n\n"
    "organisations.csv, disclosures.csv (data you gave), benefits.csv (what you got) and\n"
    "requests.csv (GDPR requests) refer to each other by id. Money is in euros (value,\n"
    "currency); dates are YYYY-MM-DD. Text that starts with = + - @ has a ' put before it\n"
    "so spreadsheets do not run it as a formula.\n\n" + NOT_ENCRYPTED + "\n"
)


def _write_table(
    binary: IO[bytes], name: str, conn: Connection, taxonomy: Taxonomy, tick: Callable[[], None]
) -> int:
    header, reader, _table = TABLE_FILES[name]
    count = 0
    # utf-8-sig writes the byte-order mark; newline="" leaves the CRLFs to the csv module
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    for row in reader(conn, taxonomy):
        writer.writerow([neutralise(cell) for cell in row])
        count += 1
        if count % BATCH == 0:
            tick()
    text.flush()
    text.detach()  # the caller closes the file (or the zip's member) itself
    return count


def csv_targets(out: Path, as_zip: bool | None = None) -> list[Path]:
    """The files an export to `out` writes: `out` itself for a .zip, else the four CSV files
    in the folder `out`."""
    zipped = out.suffix.lower() == ".zip" if as_zip is None else as_zip
    return [out] if zipped else [out / name for name in TABLE_FILES]


def export_csv(
    conn: Connection,
    out: Path,
    progress: Progress | None = None,
    *,
    as_zip: bool | None = None,
    taxonomy: Taxonomy | None = None,
    now: datetime | None = None,
) -> ExportResult:
    """Write the four tables into the folder `out` (made if missing), or into the zip file
    `out` when it ends in .zip (or `as_zip`), mode 0600. All of it or nothing: the zip, or all
    four files together, are put in place only once complete and never after a cancel."""
    progress = progress or Progress()
    known = taxonomy or load_taxonomy()
    total = sum(
        int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608
        for _header, _reader, table in TABLE_FILES.values()
    )
    done = 0

    def tick() -> None:
        nonlocal done
        done += BATCH
        progress.step(min(done, total), total)

    progress.step(0, total)
    records = 0
    targets = csv_targets(out, as_zip)
    with translate_errors():
        if targets == [out]:
            stamp = (now or datetime.now(UTC)).timetuple()[:6]
            with atomic_output(out) as handle:
                with zipfile.ZipFile(handle, "w") as archive:
                    for name in (*TABLE_FILES, "README.txt"):
                        info = zipfile.ZipInfo(name, date_time=stamp)
                        info.compress_type = zipfile.ZIP_DEFLATED
                        info.external_attr = 0o600 << 16  # owner-only when unpacked
                        with archive.open(info, "w") as member:
                            if name == "README.txt":
                                member.write(README.encode())
                            else:
                                records += _write_table(member, name, conn, known, tick)
                progress.step(total, total)  # the last chance to cancel: nothing is in place
        else:
            made = not out.exists()
            out.mkdir(mode=0o700, parents=True, exist_ok=True)
            try:
                # all four tables, or none: renamed into place only once all are written
                with atomic_outputs(targets) as handles:
                    for target, handle in zip(targets, handles, strict=True):
                        records += _write_table(handle, target.name, conn, known, tick)
                    progress.step(total, total)  # the last chance to cancel
            except BaseException:
                if made:
                    with contextlib.suppress(OSError):
                        out.rmdir()  # the folder made for it, empty again
                raise
    return ExportResult(tuple(targets), records)
