"""The report's content, gathered from a real vault: the same numbers as the dashboard and the
assessment, worst first, a selection that really narrows everything, open and overdue requests,
and bad selections refused."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest

from app.domain.ledger import AccountInput, BenefitInput, DisclosureInput, OrganisationInput
from app.errors import QuidError
from app.paths import AppPaths
from app.services.assessment import AssessmentService
from app.services.ledger import Ledger
from app.services.progress import Cancelled, Progress
from app.services.report_data import ReportData, gather_report
from app.services.requests import RequestService
from app.storage.header import KeyMode
from app.storage.vault import create_vault

TODAY = date(2026, 6, 1)
INJECTION_NAME = "<script>alert(1)</script> Shop"


def build_ledger(ledger: Ledger) -> dict[str, int]:
    """Three organisations: one coerced, one fair, one whose texts try HTML and templates;
    requests: one overdue, one open, one answered, one draft."""
    ids = {}
    hungry = OrganisationInput("DataHungry B.V.", country="NL", website="https://hungry.example")
    ids["coerced"] = ledger.add_organisation(hungry)
    ledger.add_disclosure(ids["coerced"], DisclosureInput(
        "EmailAddress", detail="jan@example.org", given_on="2021-03-01", required=True,
        necessary=True))  # fmt: skip
    ledger.add_disclosure(ids["coerced"], DisclosureInput(
        "BirthDate", detail="asked at sign-up", given_on="2022-07-15", required=True,
        necessary=False, shared=True, retention="unknown"))  # fmt: skip
    ledger.add_benefit(ids["coerced"], BenefitInput("service", "newsletter", 0, "month"))
    ledger.add_account(ids["coerced"], AccountInput("jan@example.org", "dormant"))

    ids["fair"] = ledger.add_organisation(OrganisationInput("Fair Bank", country="DE"))
    ledger.add_disclosure(ids["fair"], DisclosureInput(
        "Name", detail="full name", given_on="2019-01-10", required=True, necessary=True,
        legal_basis="contract"))  # fmt: skip
    ledger.add_benefit(ids["fair"], BenefitInput("service", "current account", 499, "month",
                                                 started_on="2019-01-10"))  # fmt: skip
    ledger.add_account(ids["fair"], AccountInput("NL00BANK0123456789", "active"))
    ledger.add_account(ids["fair"], AccountInput("savings", "closed"))

    ids["odd"] = ledger.add_organisation(OrganisationInput(
        INJECTION_NAME, website="javascript:alert(1)", webform="https://odd.example/form?a=1&b=2",
        notes="<img src=x onerror=alert(1)> {{7*7}}"))  # fmt: skip
    ledger.add_disclosure(ids["odd"], DisclosureInput(
        "Location", detail="{{ ''.__class__ }} <b>bold</b>", given_on="2024-02-29",
        continuous=True))  # fmt: skip

    requests = RequestService(ledger.conn, TODAY)
    overdue = requests.create_draft(ids["coerced"], "access", "en", "Access", "Dear …")
    requests.mark_sent(overdue, TODAY - timedelta(days=60))
    open_ = requests.create_draft(ids["fair"], "erasure", "en", "Erasure", "Dear …")
    requests.mark_sent(open_, TODAY - timedelta(days=3))
    answered = requests.create_draft(ids["fair"], "access", "en", "Access", "Dear …")
    requests.mark_sent(answered, TODAY - timedelta(days=40))
    requests.record_reply(answered, TODAY - timedelta(days=20))
    requests.create_draft(ids["odd"], "objection", "en", "Objection", "Dear …")  # a draft
    return ids


@pytest.fixture
def ledger(paths: AppPaths) -> Iterator[Ledger]:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        yield Ledger(vault.conn)


def figures(data: ReportData) -> dict[str, str]:
    return {f.label: f.value for f in data.figures}


def section(data: ReportData, name: str) -> Any:
    return next(s for s in data.organisations if s.name == name)


def test_whole_ledger_figures_order_and_sections(ledger: Ledger) -> None:
    build_ledger(ledger)
    data = gather_report(ledger.conn, today=TODAY)
    assert data.scope == "Whole ledger" and data.generated == "2026-06-01"
    assert "not encrypted" in data.notice
    shown = figures(data)
    assert shown["Organisations"] == "3"
    assert shown["Disclosures (data given)"] == "4"
    assert shown["Benefits (what you got)"] == "2"
    assert shown["Consent not freely given (GDPR Art. 7(4))"] == "1"
    assert shown["Coerced exchanges"] == "1"
    assert shown["Open requests"] == "2", "sent and overdue count; answered and drafts do not"
    assert shown["Overdue requests"] == "1"
    assert data.organisations[0].name == "DataHungry B.V.", "worst first"
    assert data.organisations[-1].name == "Fair Bank"

    hungry = section(data, "DataHungry B.V.")
    assert (hungry.band, hungry.country, hungry.accounts) == ("coerced", "NL", "1 (dormant)")
    assert [h.category for h in hungry.held] == ["Email Address", "Birth Date"]
    assert hungry.held[1].since == "2022-07-15"
    assert hungry.held[1].notes == "required, not needed, shared, kept: unknown"
    assert {f.title for f in hungry.flags} >= {"Consent not freely given"}
    assert all(f.reason for f in hungry.flags)
    assert [link.url for link in hungry.links] == ["https://hungry.example"]
    bank = section(data, "Fair Bank")
    assert bank.accounts == "2 (active, closed)"
    assert [(g.kind, g.detail, g.value, g.since) for g in bank.got] == [
        ("Service", "current account", "€ 4.99 a month", "2019-01-10")
    ]
    advice = {a.title: a.organisations for a in data.advice}
    assert advice["Consent not freely given"] == 1
    assert all(a.action for a in data.advice)


def test_numbers_are_the_dashboards(ledger: Ledger) -> None:
    build_ledger(ledger)
    data = gather_report(ledger.conn, today=TODAY)
    service = AssessmentService(ledger.conn, today=TODAY)
    dashboard = service.dashboard()
    assert {b: n for b, n in data.charts.bands if n} == {
        b.value: n for b, n in dashboard.by_band.items()
    }
    assert [(y, n) for y, n in data.charts.per_year if n] == dashboard.per_year
    assert list(data.charts.by_group) == dashboard.by_group
    assessed = {a.name: a.assessment for a in service.assess_all()}
    for org in data.organisations:
        assert org.score == assessed[org.name].score
        assert org.band == assessed[org.name].band.value
    assert len(data.charts.points) == len(dashboard.points)


def test_years_without_disclosures_are_zero_not_missing(ledger: Ledger) -> None:
    build_ledger(ledger)
    years = dict(gather_report(ledger.conn, today=TODAY).charts.per_year)
    assert list(years) == list(range(2019, 2025))
    assert years[2020] == 0 and years[2024] == 1


def test_a_selection_narrows_everything(ledger: Ledger) -> None:
    ids = build_ledger(ledger)
    data = gather_report(ledger.conn, [ids["fair"]], today=TODAY)
    assert data.scope == "1 selected organisation"
    assert [s.name for s in data.organisations] == ["Fair Bank"]
    shown = figures(data)
    assert (shown["Organisations"], shown["Disclosures (data given)"]) == ("1", "1")
    assert shown["Open requests"] == "1" and shown["Overdue requests"] == "0"
    assert [r.organisation for r in data.requests] == ["Fair Bank"]
    assert dict(data.charts.per_year) == {2019: 1}
    two = gather_report(ledger.conn, [ids["fair"], ids["odd"]], today=TODAY)
    assert two.scope == "2 selected organisations" and len(two.organisations) == 2


def test_overdue_requests_first_with_days_overdue(ledger: Ledger) -> None:
    build_ledger(ledger)
    data = gather_report(ledger.conn, today=TODAY)
    first, second = data.requests
    assert first.organisation == "DataHungry B.V." and first.status == "overdue"
    assert first.kind == "Access to my data (Art. 15)"
    assert first.overdue_days == (TODAY - date.fromisoformat(first.due)).days > 0
    assert first.sent == (TODAY - timedelta(days=60)).isoformat()
    assert second.organisation == "Fair Bank" and second.overdue_days == 0


def test_texts_are_kept_as_typed(ledger: Ledger) -> None:
    """The data layer does not escape: each renderer does, for its own format."""
    build_ledger(ledger)
    odd = section(gather_report(ledger.conn, today=TODAY), INJECTION_NAME)
    assert odd.notes == "<img src=x onerror=alert(1)> {{7*7}}"
    assert odd.held[0].detail == "{{ ''.__class__ }} <b>bold</b>"
    assert [link.url for link in odd.links] == [
        "javascript:alert(1)",
        "https://odd.example/form?a=1&b=2",
    ]


@pytest.mark.parametrize(
    ("org_ids", "words"),
    [([], "at least one organisation"), ([999], "no organisation with id 999")],
)
def test_a_bad_selection_is_refused(ledger: Ledger, org_ids: list[int], words: str) -> None:
    build_ledger(ledger)
    with pytest.raises(QuidError, match=words):
        gather_report(ledger.conn, org_ids, today=TODAY)


def test_an_empty_ledger_gives_an_empty_report(ledger: Ledger) -> None:
    data = gather_report(ledger.conn, today=TODAY)
    assert data.organisations == () and data.requests == () and data.advice == ()
    assert figures(data)["Organisations"] == "0"
    assert data.charts.points == () and data.charts.per_year == ()


def test_progress_is_reported_and_cancel_is_honoured(ledger: Ledger) -> None:
    build_ledger(ledger)
    seen: list[tuple[int, int]] = []
    gather_report(ledger.conn, today=TODAY, progress=Progress(lambda d, t: seen.append((d, t))))
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    cancelled = Progress()
    cancelled.cancel()
    with pytest.raises(Cancelled):
        gather_report(ledger.conn, today=TODAY, progress=cancelled)
