"""Assessing the ledger in the vault: stored bands for the table, weights in settings,
stale rows after changes, and the dashboard's figures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from app.domain.assessment import Band, Weights
from app.domain.ledger import BenefitInput, DisclosureInput, OrganisationInput
from app.paths import AppPaths
from app.services.assessment import AssessmentService
from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.services.ledger_queries import OrganisationFilter, organisation_rows
from app.storage.header import KeyMode
from app.storage.vault import create_vault

TODAY = date(2026, 11, 29)


@pytest.fixture
def ledger(paths: AppPaths) -> Iterator[Ledger]:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        yield Ledger(vault.conn)


def test_refresh_stores_bands_for_sorting_and_filtering(ledger: Ledger) -> None:
    load_example_ledger(ledger)
    service = AssessmentService(ledger.conn, ledger.taxonomy, TODAY)
    assessed = service.refresh()
    assert len(assessed) == 26
    worst = organisation_rows(ledger.conn, OrganisationFilter(), sort="band", descending=True)
    assert worst[0].band == "coerced"
    coerced = organisation_rows(ledger.conn, OrganisationFilter(band="coerced"))
    assert {r.name for r in coerced} >= {"FitTrack (fictional)", "Het Dagblad (fictional)"}
    fair = {r.name for r in organisation_rows(ledger.conn, OrganisationFilter(band="fair"))}
    assert "Belastingdienst" in fair


def test_a_change_marks_the_row_stale_and_refresh_stale_redoes_it(ledger: Ledger) -> None:
    org = ledger.add_organisation(OrganisationInput("Shop"))
    ledger.add_disclosure(org, DisclosureInput("EmailAddress"))
    ledger.add_benefit(org, BenefitInput("service", value_cents=2000, period="month"))
    service = AssessmentService(ledger.conn, ledger.taxonomy, TODAY)
    service.refresh()
    assert organisation_rows(ledger.conn, OrganisationFilter())[0].band == "fair"
    ledger.add_disclosure(org, DisclosureInput("BirthDate", required=True, necessary=False))
    rank = ledger.conn.execute("SELECT band_rank FROM organisation_stats").fetchone()[0]
    assert rank == -1, "stale until assessed again"
    assert [a.org_id for a in service.refresh_stale()] == [org]
    assert organisation_rows(ledger.conn, OrganisationFilter())[0].band == "coerced"


def test_weights_and_values_are_kept_and_reset(ledger: Ledger) -> None:
    service = AssessmentService(ledger.conn, ledger.taxonomy, TODAY)
    assert service.weights() == Weights()
    service.set_weights(Weights(shared=3.0, dormant_months=6))
    service.set_category_values({"EmailAddress": 1234, "NoSuchCategory": 5})
    assert service.weights().shared == 3.0 and service.weights().dormant_months == 6
    assert service.category_values() == {"EmailAddress": 1234}, "unknown keys are ignored"
    org = ledger.add_organisation(OrganisationInput("Shop"))
    ledger.add_disclosure(org, DisclosureInput("EmailAddress"))
    assert service.assess(org).given_month_cents >= 1234
    service.reset_to_defaults()
    assert service.weights() == Weights() and service.category_values() == {}


def test_dashboard_figures(ledger: Ledger) -> None:
    load_example_ledger(ledger)
    data = AssessmentService(ledger.conn, ledger.taxonomy, TODAY).dashboard()
    assert data.organisations_holding_data == 26
    assert data.special_disclosures >= 3
    assert data.worst and data.worst[0].assessment.band is Band.COERCED
    assert sum(data.by_band.values()) == 26
    assert (
        data.points
        and sum(n for _, n in data.by_group)
        == ledger.conn.execute("SELECT count(*) FROM disclosures").fetchone()[0]
    )
    assert [y for y, _ in data.per_year] == sorted(y for y, _ in data.per_year)
