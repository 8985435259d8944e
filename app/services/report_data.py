"""What the privacy-footprint report says, gathered once for both of its files (PDF and HTML).

Everything a renderer needs is here as plain text in the report's language (`lang`: "en" or
"nl"; words, money and dates through `report_texts`), so the two files show the same content
and the renderers only lay it out. The numbers are the dashboard's: bands, scores and flags
come from `AssessmentService`, requests from `RequestService`. One query per table, never one
per organisation: 1,000 organisations take well under a second. No Qt.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from app.domain.assessment import Assessment
from app.domain.requests import OPEN_STATUSES
from app.domain.scoring import summary
from app.errors import QT_TR_NOOP, QuidError
from app.services import report_texts
from app.services.assessment import AssessmentService, OrganisationAssessment
from app.services.progress import Progress
from app.services.report_summary import (
    Advice,
    ChartData,
    Figure,
    chart_data,
    flag_advice,
    flag_title,
    summary_figures,
)
from app.services.report_texts import DEFAULT_LANGUAGE, day, money, word
from app.services.requests import RequestService
from app.storage.database import Connection

TITLE = report_texts.text(DEFAULT_LANGUAGE, "title")  # in English; `ReportData.title` in its own
NOT_ENCRYPTED = report_texts.text(DEFAULT_LANGUAGE, "notice")
# Below this many selected organisations, assessing them one by one beats assessing all.
FEW_ORGANISATIONS = 20
STEP_EVERY = 50  # organisations between progress reports


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
    since: str  # a date ("2024-02-29", "29-02-2024"), or ""
    notes: str  # required, not needed, shared … in words


@dataclass(frozen=True)
class GotItem:
    kind: str
    detail: str
    value: str  # "€ 4.99 a month", "unknown"
    since: str  # date(s), or ""


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
    lang: str = DEFAULT_LANGUAGE

    @property
    def facts(self) -> str:
        """The line beside the band: score, values per month, country, accounts."""

        def say(key: str, **values: object) -> str:
            return report_texts.text(self.lang, f"facts.{key}", **values)

        parts = [say("score", score=self.score),
                 say("month", given=self.given_month, got=self.got_month)]  # fmt: skip
        if self.country:
            parts.append(say("country", country=self.country))
        return " · ".join([*parts, say("accounts", accounts=self.accounts)])


@dataclass(frozen=True)
class RequestItem:
    organisation: str
    kind: str  # "Access to my data (Art. 15)"
    status: str  # in words: "overdue", "te laat"
    sent: str  # dates as the language writes them, or ""
    due: str
    overdue_days: int  # 0 unless overdue


@dataclass(frozen=True)
class ReportData:
    title: str
    generated: str  # the date, as the language writes it (ISO in English)
    scope: str  # "Whole ledger" or "3 selected organisations"
    notice: str  # that the file is not encrypted
    figures: tuple[Figure, ...]
    advice: tuple[Advice, ...]  # for the flags found, in the assessment's order
    charts: ChartData
    organisations: tuple[OrganisationSection, ...]  # worst first
    requests: tuple[RequestItem, ...]  # open ones; the most overdue first
    lang: str = DEFAULT_LANGUAGE  # "en" or "nl": the renderers' headings follow it


def gather_report(
    conn: Connection,
    org_ids: Collection[int] | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> ReportData:
    """Everything the report shows, for the whole ledger or the organisations `org_ids`, in
    `lang` ("en" or "nl"; "nl_NL" … count as Dutch, any other language as English).

    Raises QuidError when `org_ids` is empty or names an organisation that does not exist.
    Reads only; `progress` may cancel (Cancelled) between steps.
    """
    lang = report_texts.language(lang)
    today = today or date.today()
    progress = progress or Progress()
    scope = _scope(conn, org_ids)
    service = AssessmentService(conn, today=today, lang=lang)
    assessed = _assess(service, scope)
    total = len(assessed)
    progress.step(0, total)
    ranked = sorted(assessed, key=lambda a: (-a.assessment.band.rank, -a.assessment.score,
                                             a.name.casefold(), a.org_id))  # fmt: skip
    parameter = None if scope is None else json.dumps(sorted(scope))
    orgs = _organisations(conn, parameter)
    held = _held(conn, parameter, service)
    got = _got(conn, parameter, lang)
    accounts = _accounts(conn, parameter, lang)
    sections = []
    for done, item in enumerate(ranked, start=1):
        sections.append(_section(item, orgs[item.org_id], held, got, accounts, lang))
        if done % STEP_EVERY == 0:
            progress.step(done, total)
    requests = _requests(conn, scope, today, lang)
    progress.step(total, total)
    count = len(assessed)
    return ReportData(
        title=report_texts.text(lang, "title"),
        generated=day(today.isoformat(), lang),
        scope=report_texts.text(lang, "scope.all") if scope is None else
        report_texts.plural(lang, "scope", count),
        notice=report_texts.text(lang, "notice"),
        figures=summary_figures(
            assessed, len(held), sum(len(h) for h in held.values()),
            sum(len(g) for g in got.values()), len(requests),
            sum(1 for r in requests if r.overdue_days > 0), lang,
        ),
        advice=flag_advice(assessed, lang),
        charts=chart_data(conn, parameter, assessed, service),
        organisations=tuple(sections),
        requests=requests,
        lang=lang,
    )  # fmt: skip


# --- scope and assessment --------------------------------------------------------------------
def _scope(conn: Connection, org_ids: Collection[int] | None) -> set[int] | None:
    if org_ids is None:
        return None
    wanted = {int(i) for i in org_ids}
    if not wanted:
        raise QuidError(
            QT_TR_NOOP("Choose at least one organisation for the report; nothing was written.")
        )
    found = {row[0] for row in conn.execute(
        "SELECT id FROM organisations WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(wanted)),))}  # fmt: skip
    missing = sorted(wanted - found)
    if missing:
        raise QuidError(
            QT_TR_NOOP("There is no organisation with id {id}; nothing was written."), id=missing[0]
        )
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
    taxonomy, lang = service.taxonomy, service.lang
    labels = {c.key: c.label(lang) for c in taxonomy.all()}
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
        marks = [
            "required" if required else "",
            "not-needed" if necessary == 0 else "needed" if necessary == 1 else "",
            "special" if key in special else "",
            "shared" if shared else "",
            "continuous" if continuous else "",
        ]
        notes = [report_texts.text(lang, f"held.{mark}") for mark in marks if mark]
        if retention.strip():
            notes.append(report_texts.text(lang, "held.kept", retention=retention))
        if withdrawn:
            notes.append(report_texts.text(lang, "held.withdrawn", day=day(withdrawn, lang)))
        result[org_id].append(HeldItem(labels.get(key, key), detail, day(given_on or "", lang),
                                       ", ".join(notes)))  # fmt: skip
    return result


def _got(conn: Connection, scope: str | None, lang: str) -> dict[int, list[GotItem]]:
    result: dict[int, list[GotItem]] = defaultdict(list)
    for org_id, kind, description, cents, period, started, ended in conn.execute(
        "SELECT organisation_id, kind, description, value_cents, period, started_on, ended_on "
        "FROM benefits WHERE (?1 IS NULL OR organisation_id IN (SELECT value FROM json_each(?1)))"
        " ORDER BY organisation_id, started_on IS NULL, started_on, id",
        (scope,),
    ):
        if cents is None:
            value = report_texts.text(lang, "value.unknown")
        else:
            amount = money(cents, lang)  # with an unknown period, the amount alone
            value = word(lang, "value.per", period, amount, money=amount)
        since = day(started or "", lang)
        if ended:
            end = day(ended, lang)
            since = (report_texts.text(lang, "got.range", start=since, end=end) if since
                     else report_texts.text(lang, "got.until", end=end))  # fmt: skip
        kind_name = word(lang, "kind", kind, kind.capitalize())
        result[org_id].append(GotItem(kind_name, description, value, since))
    return result


def _accounts(conn: Connection, scope: str | None, lang: str) -> dict[int, str]:
    statuses: dict[int, list[str]] = defaultdict(list)
    for org_id, status in conn.execute(
        "SELECT organisation_id, status FROM accounts WHERE (?1 IS NULL OR organisation_id IN "
        "(SELECT value FROM json_each(?1))) ORDER BY id",
        (scope,),
    ):
        statuses[org_id].append(word(lang, "account", status, status.replace("_", " ")))
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
    lang: str,
) -> OrganisationSection:
    a: Assessment = item.assessment
    country, website, webform, email, notes = org
    links = [Link(report_texts.text(lang, f"link.{kind}"), url) for kind, url in
             (("website", website), ("webform", webform), ("email", email))]  # fmt: skip
    unknown = report_texts.text(lang, "value.unknown")
    return OrganisationSection(
        org_id=item.org_id,
        name=item.name,
        country=country,
        band=a.band.value,
        score=a.score,
        summary=summary(a, lang),
        given_month=money(a.given_month_cents, lang),
        got_month=money(a.got_month_cents, lang, unknown),
        accounts=accounts.get(item.org_id, report_texts.text(lang, "accounts.none")),
        links=tuple(link for link in links if link.url.strip()),
        notes=notes,
        flags=tuple(FlagItem(flag_title(f.code, lang), f.reason, f.points) for f in a.flags),
        held=tuple(held.get(item.org_id, ())),
        got=tuple(got.get(item.org_id, ())),
        lang=lang,
    )


# --- requests ------------------------------------------------------------------------------------
def _requests(
    conn: Connection, scope: set[int] | None, today: date, lang: str
) -> tuple[RequestItem, ...]:
    rows = [
        r for r in RequestService(conn, today).requests()
        if r.status in (*OPEN_STATUSES, "overdue") and (scope is None or r.organisation_id in scope)
    ]  # fmt: skip
    ordered = []
    for r in rows:
        overdue = (today - r.due_on).days if r.status == "overdue" and r.due_on else 0
        due = r.due_on.isoformat() if r.due_on else ""
        ordered.append(((-overdue, due or "9999", r.organisation.casefold()), RequestItem(
            r.organisation, report_texts.request_kind(r.type, lang),
            word(lang, "status", r.status), day(r.sent_on.isoformat() if r.sent_on else "", lang),
            day(due, lang), overdue,
        )))  # fmt: skip
    ordered.sort(key=lambda pair: pair[0])  # by the ISO date: a Dutch one does not sort
    return tuple(item for _key, item in ordered)
