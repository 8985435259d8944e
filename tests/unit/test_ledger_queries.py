"""The organisations list in SQL: filters, every sort column both ways, paging."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.domain.ledger import AccountInput, BenefitInput, DisclosureInput, OrganisationInput
from app.paths import AppPaths
from app.services.ledger import Ledger
from app.services.ledger_queries import (
    SORT_COLUMNS,
    OrganisationFilter,
    count_organisations,
    organisation_rows,
)
from app.storage.header import KeyMode
from app.storage.vault import create_vault


@pytest.fixture
def ledger(paths: AppPaths) -> Iterator[Ledger]:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        ledger = Ledger(vault.conn)
        a = ledger.add_organisation(OrganisationInput("Alpha", domains=["alpha.nl"], country="NL"))
        b = ledger.add_organisation(OrganisationInput("Beta 100% Bio", country="DE"))
        c = ledger.add_organisation(OrganisationInput("Gamma", domains=["gamma.example"]))
        ledger.add_disclosure(a, DisclosureInput("EmailAddress"))
        ledger.add_disclosure(b, DisclosureInput("HealthRecord"))
        ledger.add_disclosure(b, DisclosureInput("Location"))
        ledger.add_benefit(c, BenefitInput("money", value_cents=3000, period="month"))
        ledger.add_account(a, AccountInput("x", status="dormant"))
        yield ledger


def names(ledger: Ledger, f: OrganisationFilter = OrganisationFilter(), **kw: object) -> list[str]:  # noqa: B008
    return [r.name for r in organisation_rows(ledger.conn, f, **kw)]  # type: ignore[arg-type]


def test_filters(ledger: Ledger) -> None:
    assert names(ledger, OrganisationFilter(text="alp")) == ["Alpha"]
    assert names(ledger, OrganisationFilter(text="gamma.exa")) == ["Gamma"], "by domain"
    assert names(ledger, OrganisationFilter(text="100%")) == ["Beta 100% Bio"], "% is literal"
    assert names(ledger, OrganisationFilter(text="_")) == []
    assert names(ledger, OrganisationFilter(category="HealthRecord")) == ["Beta 100% Bio"]
    assert names(ledger, OrganisationFilter(min_sensitivity=4)) == ["Beta 100% Bio"]
    assert names(ledger, OrganisationFilter(status="dormant")) == ["Alpha"]
    assert names(ledger, OrganisationFilter(status="none")) == ["Beta 100% Bio", "Gamma"]
    assert count_organisations(ledger.conn, OrganisationFilter(text="a")) == 3


@pytest.mark.parametrize("sort", sorted(SORT_COLUMNS))
def test_every_sort_column_both_ways(ledger: Ledger, sort: str) -> None:
    up = names(ledger, sort=sort)
    down = names(ledger, sort=sort, descending=True)
    assert sorted(up) == sorted(down) == ["Alpha", "Beta 100% Bio", "Gamma"]
    assert up == list(reversed(down))


def test_sort_by_value_and_sensitivity(ledger: Ledger) -> None:
    assert names(ledger, sort="value", descending=True)[0] == "Gamma"
    assert names(ledger, sort="sensitivity", descending=True)[0] == "Beta 100% Bio"
    assert names(ledger, sort="categories", descending=True)[0] == "Beta 100% Bio"


def test_paging(ledger: Ledger) -> None:
    assert names(ledger, offset=1, limit=1) == ["Beta 100% Bio"]
    assert names(ledger, offset=3, limit=10) == []
