"""What the privacy-footprint report says, gathered once for both of its files (PDF and HTML).

Everything a renderer needs is here as plain text (money through `format_cents`, dates ISO),
so the two files show the same content and the renderers only lay it out. The numbers are the
dashboard's: bands, scores and flags come from `AssessmentService`, requests from
`RequestService`. One query per table, never one per organisation: 1,000 organisations take
well under a second. No Qt.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from app.domain.assessment import Assessment
from app.domain.money import format_cents
from app.domain.requests import OPEN_STATUSES, REQUEST_TYPES
from app.domain.scoring import FLAG_TITLES, summary
from app.errors import QuidError
from app.services.assessment import AssessmentService, OrganisationAssessment
from app.services.progress import Progress
from app.services.report_summary import (
    Advice,
    ChartData,
    Figure,
    chart_data,
    flag_advice,
    summary_figures,
)
from app.services.requests import RequestService
from app.storage.database import Connection

TITLE = "Privacy footprint"
NOT_ENCRYPTED = (
    "This file is not encrypted: anyone who can open it can read what it says about you. "
    "Keep it somewhere safe, or delete it when you are done."
)
# Below this many selected organisations, assessing them one by one beats assessing all.
FEW_ORGANISATIONS = 20
STEP_EVERY = 50  # organisations between progress reports
_PER = {"once": "once", "month": "a month", "year": "a year"}


@dataclass(frozen=True)
class FlagItem:
    title: str
    reason: str
    points: int


@dataclass(frozen=True)
class HeldItem:
    """Data the organisation holds: one disclosure."""

    category: str  # the category's label
    detail: str
    since: str  # ISO date, or ""
    notes: str  # required, not needed, shared … in words


@dataclass(frozen=True)
class GotItem:
    kind: str
    detail: str
    value: str  # "€ 4.99 a month", "unknown"
    since: str  # ISO date(s), or ""


@dataclass(frozen=True)
class Link:
    label: str
    url: str  # as typed: a renderer makes it a link only when it is http(s)


@dataclass(frozen=True)
class OrganisationSection:
    org_id: int
    name: str
    country: str
    band: str  # a Band value
    score: int
    summary: str  # one sentence: the band, the values and the main reasons
    given_month: str
    got_month: str
    accounts: str  # "2 (active, closed)" or "none"
    links: tuple[Link, ...]
    notes: str
    flags: tuple[FlagItem, ...]
    held: tuple[HeldItem, ...]
    got: tuple[GotItem, ...]

    @property
    def facts(self) -> str:
        """The line beside the band: score, values per month, country, accounts."""
        parts = [f"score {self.score}", f"per month: gave {self.given_month}, got {self.got_month}"]
        parts += [f"country {self.country}"] if self.country else []
        return " · ".join([*parts, f"accounts: {self.accounts}"])


@dataclass(frozen=True)
class RequestItem:
    organisation: str
    kind: str  # "Access to my data (Art. 15)"
    status: str
    sent: str
    due: str
    overdue_days: int  # 0 unless overdue


@dataclass(frozen=True)
class ReportData:
    title: str
    generated: str  # ISO date
    scope: str  # "Whole ledger" or "3 selected organisations"
    notice: str  # that the file is not encrypted
    figures: tuple[Figure, ...]
    advice: tuple[Advice, ...]  # for the flags found, in the assessment's order
    charts: ChartData
    organisations: tuple[OrganisationSection, ...]  # worst first
    requests: tuple[RequestItem, ...]  # open ones; the most overdue first


def gather_report(
    conn: Connection,
    org_ids: Collection[int] | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> ReportData:
    """Everything the report shows, for the whole ledger or the organisations `org_ids`.

    Raises QuidError when `org_ids` is empty or names an organisation that does not exist.
    Reads only; `progress` may cancel (Cancelled) between steps.
    """
    day = today or date.today()
    progress = progress or Progress()
    scope = _scope(conn, org_ids)
    service = AssessmentService(conn, today=day)
    assessed = _assess(service, scope)
    total = len(assessed)
    progress.step(0, total)
    ranked = sorted(assessed, key=lambda a: (-a.assessment.band.rank, -a.assessment.score,
                                             a.name.casefold(), a.org_id))  # fmt: skip
    parameter = None if scope is None else json.dumps(sorted(scope))
    orgs = _organisations(conn, parameter)
    held = _held(conn, parameter, service)
    got = _got(conn, parameter)
    accounts = _accounts(conn, parameter)
    sections = []
    for done, item in enumerate(ranked, start=1):
        sections.append(_section(item, orgs[item.org_id], held, got, accounts))
        if done % STEP_EVERY == 0:
            progress.step(done, total)
    requests = _requests(conn, scope, day)
    progress.step(total, total)
    count = len(assessed)
    return ReportData(
        title=TITLE,
        generated=day.isoformat(),
        scope="Whole ledger" if scope is None else
        f"{count} selected organisation{'' if count == 1 else 's'}",
        notice=NOT_ENCRYPTED,
        figures=summary_figures(
            assessed, len(held), sum(len(h) for h in held.values()),
            sum(len(g) for g in got.values()), len(requests),
            sum(1 for r in requests if r.overdue_days > 0),
        ),
        advice=flag_advice(assessed),
        charts=chart_data(conn, parameter, assessed, service),
        organisations=tuple(sections),
        requests=requests,
    )  # fmt: skip


# --- scope and assessment --------------------------------------------------------------------
def _scope(conn: Connection, org_ids: Collection[int] | None) -> set[int] | None:
    if org_ids is None:
        return None
    wanted = {int(i) for i in org_ids}
    if not wanted:
        raise QuidError("Choose at least one organisation for the report; nothing was written.")
    found = {row[0] for row in conn.execute(
        "SELECT id FROM organisations WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(wanted)),))}  # fmt: skip
    missing = sorted(wanted - found)
    if missing:
        raise QuidError(f"There is no organisation with id {missing[0]}; nothing was written.")
    return wanted


def _assess(service: AssessmentService, scope: set[int] | None) -> list[OrganisationAssessment]:
    if scope is not None and len(scope) <= FEW_ORGANISATIONS:
        names = dict(service.conn.execute(
            "SELECT id, name FROM organisations WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(scope)),)).fetchall())  # fmt: skip
        return [OrganisationAssessment(i, names[i], service.assess(i)) for i in sorted(scope)]
    everything = service.assess_all()
    return everything if scope is None else [a for a in everything if a.org_id in scope]


# --- per organisation --------------------------------------------------------------------------
# Each query takes the scope as one parameter, ?1: NULL for the whole ledger, else a JSON array
# of ids (no limit on their number, unlike one `?` per id).
_OrgRow = tuple[str, str, str, str, str]  # country, website, webform, privacy email, notes


def _organisations(conn: Connection, scope: str | None) -> dict[int, _OrgRow]:
    return {
        row[0]: row[1:]
        for row in conn.execute(
            "SELECT id, country, website, webform, privacy_email, notes FROM organisations "
            "WHERE ?1 IS NULL OR id IN (SELECT value FROM json_each(?1))",
            (scope,),
        )
    }


def _held(
    conn: Connection, scope: str | None, service: AssessmentService
) -> dict[int, list[HeldItem]]:
    taxonomy = service.taxonomy
    labels = {c.key: c.label("en") for c in taxonomy.all()}
    special = {c.key for c in taxonomy.all() if c.special or c.criminal}
    result: dict[int, list[HeldItem]] = defaultdict(list)
    for (org_id, key, detail, given_on, required, necessary, shared, continuous, retention,
         withdrawn) in conn.execute(
        "SELECT organisation_id, category, detail, given_on, required, necessary, shared, "
        "continuous, retention, consent_withdrawn_on FROM disclosures WHERE (?1 IS NULL OR "
        "organisation_id IN (SELECT value FROM json_each(?1))) "
        "ORDER BY organisation_id, given_on IS NULL, given_on, id",
        (scope,),
    ):  # fmt: skip
        notes = [
            "required" if required else "",
            "not needed" if necessary == 0 else "needed" if necessary == 1 else "",
            "special category" if key in special else "",
            "shared" if shared else "",
            "continuous" if continuous else "",
            f"kept: {retention}" if retention.strip() else "",
            f"consent withdrawn {withdrawn}" if withdrawn else "",
        ]
        result[org_id].append(
            HeldItem(labels.get(key, key), detail, given_on or "", ", ".join(n for n in notes if n))
        )
    return result


def _got(conn: Connection, scope: str | None) -> dict[int, list[GotItem]]:
    result: dict[int, list[GotItem]] = defaultdict(list)
    for org_id, kind, description, cents, period, started, ended in conn.execute(
        "SELECT organisation_id, kind, description, value_cents, period, started_on, ended_on "
        "FROM benefits WHERE (?1 IS NULL OR organisation_id IN (SELECT value FROM json_each(?1)))"
        " ORDER BY organisation_id, started_on IS NULL, started_on, id",
        (scope,),
    ):
        value = "unknown" if cents is None else f"{format_cents(cents)} {_PER.get(period, '')}"
        since = started or ""
        if ended:
            since = f"{since} to {ended}" if since else f"until {ended}"
        result[org_id].append(GotItem(kind.capitalize(), description, value.strip(), since))
    return result


def _accounts(conn: Connection, scope: str | None) -> dict[int, str]:
    statuses: dict[int, list[str]] = defaultdict(list)
    for org_id, status in conn.execute(
        "SELECT organisation_id, status FROM accounts WHERE (?1 IS NULL OR organisation_id IN "
        "(SELECT value FROM json_each(?1))) ORDER BY id",
        (scope,),
    ):
        statuses[org_id].append(status.replace("_", " "))
    return {
        org_id: f"{len(found)} ({', '.join(dict.fromkeys(found))})"
        for org_id, found in statuses.items()
    }


def _section(
    item: OrganisationAssessment,
    org: _OrgRow,
    held: dict[int, list[HeldItem]],
    got: dict[int, list[GotItem]],
    accounts: dict[int, str],
) -> OrganisationSection:
    a: Assessment = item.assessment
    country, website, webform, email, notes = org
    links = [Link("Website", website), Link("Privacy form", webform), Link("Privacy email", email)]
    return OrganisationSection(
        org_id=item.org_id,
        name=item.name,
        country=country,
        band=a.band.value,
        score=a.score,
        summary=summary(a),
        given_month=format_cents(a.given_month_cents),
        got_month=format_cents(a.got_month_cents, unknown="unknown"),
        accounts=accounts.get(item.org_id, "none"),
        links=tuple(link for link in links if link.url.strip()),
        notes=notes,
        flags=tuple(FlagItem(FLAG_TITLES.get(f.code, f.code), f.reason, f.points) for f in a.flags),
        held=tuple(held.get(item.org_id, ())),
        got=tuple(got.get(item.org_id, ())),
    )


# --- requests ------------------------------------------------------------------------------------
def _requests(conn: Connection, scope: set[int] | None, today: date) -> tuple[RequestItem, ...]:
    rows = [
        r for r in RequestService(conn, today).requests()
        if r.status in (*OPEN_STATUSES, "overdue") and (scope is None or r.organisation_id in scope)
    ]  # fmt: skip
    items = []
    for r in rows:
        kind = REQUEST_TYPES.get(r.type)
        overdue = (today - r.due_on).days if r.status == "overdue" and r.due_on else 0
        items.append(RequestItem(
            r.organisation, f"{kind.title} (Art. {kind.article})" if kind else r.type,
            r.status, r.sent_on.isoformat() if r.sent_on else "",
            r.due_on.isoformat() if r.due_on else "", overdue,
        ))  # fmt: skip
    items.sort(key=lambda i: (-i.overdue_days, i.due or "9999", i.organisation.casefold()))
    return tuple(items)
