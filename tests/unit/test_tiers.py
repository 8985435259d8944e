"""Tiers on a real vault: add, update, delete and restore, choose, move; validation; and the
comparison of what each step up costs in data against what it brings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from app.domain.assessment import Weights
from app.domain.ledger import OrganisationInput, ValidationError
from app.domain.taxonomy import Taxonomy, load_taxonomy
from app.paths import AppPaths
from app.services.ledger import Ledger, NotFoundError
from app.services.tiers import (
    COSTS_MORE,
    VALUE_UNKNOWN,
    WORTH_IT,
    TierInput,
    TierService,
    data_value,
    monthly_got,
)
from app.storage.header import KeyMode
from app.storage.vault import create_vault

BASIC = TierInput("Basic", "An account", ("Name", "EmailAddress"), 0)
LOYALTY = TierInput("Loyalty", "A loyalty card", ("Name", "EmailAddress", "Purchase"), 800)
PERSONALISED = TierInput(
    "Personalised", "", ("Name", "EmailAddress", "Purchase", "Location"), 900, chosen=True
)


@pytest.fixture
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture
def shop(paths: AppPaths, taxonomy: Taxonomy) -> Iterator[tuple[TierService, int]]:
    vault, _recovery = create_vault(paths, KeyMode.KEYRING)
    with vault:
        org_id = Ledger(vault.conn).add_organisation(OrganisationInput("Shop"))
        yield TierService(vault.conn, taxonomy), org_id


def counts(service: TierService) -> tuple[int, int]:
    return tuple(  # type: ignore[return-value]
        service.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("tiers", "tier_categories")
    )


def chosen_names(service: TierService, org_id: int) -> list[str]:
    return [t.name for t in service.tiers(org_id) if t.chosen]


def monthly(taxonomy: Taxonomy, *keys: str) -> int:
    return sum(taxonomy.get(k).monthly_value_cents for k in keys)


# --- changes ------------------------------------------------------------------------------
def test_add_keeps_the_order_and_every_field(shop: tuple[TierService, int]) -> None:
    service, org_id = shop
    ids = [service.add(org_id, t) for t in (BASIC, LOYALTY, PERSONALISED)]
    tiers = service.tiers(org_id)
    assert [t.id for t in tiers] == ids
    assert [t.position for t in tiers] == [0, 1, 2]
    assert [t.as_input() for t in tiers] == [BASIC, LOYALTY, PERSONALISED]
    assert service.tier(ids[1]).categories == ("Name", "EmailAddress", "Purchase")


def test_input_is_cleaned_on_the_way_in(shop: tuple[TierService, int]) -> None:
    service, org_id = shop
    tier_id = service.add(
        org_id, TierInput("  Plus ", " text ", ("Name", " Name", "", "Location"), None, "year")
    )
    tier = service.tier(tier_id)
    assert (tier.name, tier.description) == ("Plus", "text")
    assert tier.categories == ("Name", "Location"), "blank and repeated keys dropped"
    assert tier.value_cents is None and tier.period == "year"


def test_update_replaces_fields_and_categories(shop: tuple[TierService, int]) -> None:
    service, org_id = shop
    tier_id = service.add(org_id, BASIC)
    changed = TierInput("Basic+", "more", ("Location",), 150, "once")
    service.update(tier_id, changed)
    assert service.tier(tier_id).as_input() == changed
    assert counts(service) == (1, 1)


def test_exactly_one_tier_is_chosen(shop: tuple[TierService, int]) -> None:
    service, org_id = shop
    other_org = Ledger(service.conn).add_organisation(OrganisationInput("Other"))
    elsewhere = service.add(other_org, replace(BASIC, chosen=True))
    basic = service.add(org_id, replace(BASIC, chosen=True))
    loyalty = service.add(org_id, LOYALTY)
    assert chosen_names(service, org_id) == ["Basic"]
    service.add(org_id, PERSONALISED)  # chosen=True: the others are un-chosen
    assert chosen_names(service, org_id) == ["Personalised"]
    service.choose(loyalty)
    assert chosen_names(service, org_id) == ["Loyalty"]
    service.update(basic, replace(BASIC, chosen=True))
    assert chosen_names(service, org_id) == ["Basic"]
    service.choose(basic)  # choosing the chosen one again changes nothing
    assert chosen_names(service, org_id) == ["Basic"]
    service.update(basic, BASIC)  # un-choosing leaves none chosen
    assert chosen_names(service, org_id) == []
    assert service.tier(elsewhere).chosen, "another organisation's choice is its own"


def test_delete_and_restore_with_the_same_ids(shop: tuple[TierService, int]) -> None:
    service, org_id = shop
    ids = [service.add(org_id, t) for t in (BASIC, LOYALTY, PERSONALISED)]
    before = service.tiers(org_id)
    snapshot = service.delete(ids[2])
    assert [t.id for t in service.tiers(org_id)] == ids[:2]
    assert counts(service) == (2, 5)
    service.choose(ids[0])
    service.restore(snapshot)
    assert service.tiers(org_id) == before, "same ids, fields, categories and choice"
    with pytest.raises(NotFoundError):
        service.delete(9999)


def test_move_swaps_with_the_neighbour(shop: tuple[TierService, int]) -> None:
    service, org_id = shop
    basic, loyalty, personalised = (service.add(org_id, t) for t in (BASIC, LOYALTY, PERSONALISED))
    assert service.move(personalised, up=True)
    assert [t.id for t in service.tiers(org_id)] == [basic, personalised, loyalty]
    assert service.move(basic, up=False)
    assert [t.id for t in service.tiers(org_id)] == [personalised, basic, loyalty]
    assert not service.move(personalised, up=True), "already first"
    assert not service.move(loyalty, up=False), "already last"
    assert [t.position for t in service.tiers(org_id)] == [0, 1, 2]


def test_missing_organisation_or_tier(shop: tuple[TierService, int]) -> None:
    service, _org_id = shop
    with pytest.raises(NotFoundError):
        service.add(424242, BASIC)
    for call in (service.tier, service.choose, lambda i: service.update(i, BASIC)):
        with pytest.raises(NotFoundError):
            call(424242)
    assert counts(service) == (0, 0)


# --- validation ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (TierInput("   "), "name", "empty"),
        (TierInput("x" * 201), "name", "too long"),
        (TierInput("Plus", "d" * 2001), "description", "too long"),
        (TierInput("Plus", categories=("Name", "EmailAdress")), "categories", "EmailAdress"),
        (TierInput("Plus", value_cents=-1), "value", "negative"),
        (TierInput("Plus", value_cents=10**12), "value", "implausibly"),
        (TierInput("Plus", period="week"), "period", "week"),
        (TierInput("Nul\x00"), "name", "NUL"),
    ],
)
def test_invalid_input_names_the_field_and_writes_nothing(
    shop: tuple[TierService, int], data: TierInput, field: str, words: str
) -> None:
    service, org_id = shop
    tier_id = service.add(org_id, BASIC)
    before = service.tiers(org_id), counts(service)
    for attempt in (lambda: service.add(org_id, data), lambda: service.update(tier_id, data)):
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert caught.value.field == field
        assert words in caught.value.message
        assert (service.tiers(org_id), counts(service)) == before


def test_unknown_category_suggests_the_right_key(taxonomy: Taxonomy) -> None:
    with pytest.raises(ValidationError) as caught:
        TierInput("Plus", categories=("EmailAdress",)).cleaned(taxonomy)
    assert "EmailAddress" in caught.value.message


# --- comparison ---------------------------------------------------------------------------
def test_the_hand_made_case(shop: tuple[TierService, int], taxonomy: Taxonomy) -> None:
    """Basic is free; the loyalty card's €8 a month is worth the purchases it tracks; the
    personalised plan's extra €1 a month is not worth the location it wants."""
    service, org_id = shop
    personalised = service.add(org_id, PERSONALISED)  # added first: the order is by data
    basic = service.add(org_id, BASIC)
    loyalty = service.add(org_id, LOYALTY)
    result = service.compare(org_id)

    assert [r.tier.id for r in result.rows] == [basic, loyalty, personalised]
    expected = [
        round(monthly(taxonomy, "Name", "EmailAddress") * 1.05),
        round(monthly(taxonomy, "Name", "EmailAddress", "Purchase") * 1.10),
        round(monthly(taxonomy, "Name", "EmailAddress", "Purchase", "Location") * 1.15),
    ]
    assert [r.data_month_cents for r in result.rows] == expected
    assert [r.got_month_cents for r in result.rows] == [0, 800, 900]

    first, up_to_loyalty, up_to_personalised = (r.step for r in result.rows)
    assert first is None
    assert up_to_loyalty is not None and up_to_personalised is not None
    assert up_to_loyalty.from_tier_id == basic
    assert up_to_loyalty.data_delta_cents == expected[1] - expected[0]
    assert up_to_loyalty.got_delta_cents == 800
    assert up_to_loyalty.verdict == WORTH_IT == "worth it"
    assert up_to_personalised.got_delta_cents == 100
    assert up_to_personalised.data_delta_cents > 100
    assert up_to_personalised.verdict == COSTS_MORE == "costs more data than it brings"

    assert result.fair_id == loyalty
    assert [r.fair for r in result.rows] == [False, True, False]
    assert result.chosen_id == personalised and not result.chosen_is_fair
    assert result.advice.startswith("You chose Personalised; Loyalty gives you 89% of the value")
    assert result.advice.endswith("less data.")

    service.choose(loyalty)
    chosen_fair = service.compare(org_id)
    assert chosen_fair.chosen_is_fair
    assert chosen_fair.advice.startswith("You chose Loyalty, the fair tier")
    service.choose(basic)
    assert "stepping up to Loyalty" in service.compare(org_id).advice


def test_personalised_worth_only_one_euro_in_all(shop: tuple[TierService, int]) -> None:
    """Read as "€1 a month in all", the plan brings less than the loyalty card: still unfair."""
    service, org_id = shop
    for tier in (BASIC, LOYALTY, replace(PERSONALISED, value_cents=100)):
        service.add(org_id, tier)
    result = service.compare(org_id)
    last = result.rows[-1].step
    assert last is not None and last.got_delta_cents == -700 and last.verdict == COSTS_MORE
    assert result.row(result.fair_id or 0).tier.name == "Loyalty"


def test_an_unknown_value_stops_the_walk_up(shop: tuple[TierService, int]) -> None:
    service, org_id = shop
    for tier in (BASIC, replace(LOYALTY, value_cents=None), PERSONALISED):
        service.add(org_id, tier)
    result = service.compare(org_id)
    verdicts = [r.step.verdict for r in result.rows if r.step]
    assert verdicts == [VALUE_UNKNOWN, VALUE_UNKNOWN]
    assert [r.fair for r in result.rows] == [True, False, False]
    assert result.rows[1].got_month_cents is None
    assert result.advice.startswith("You chose Personalised; the € 9.00 a month it brings over")
    service.choose(result.rows[1].tier.id)
    assert "not known" in service.compare(org_id).advice
    service.update(result.rows[1].tier.id, replace(LOYALTY, value_cents=None))  # none chosen
    advice = service.compare(org_id).advice
    assert advice.startswith("Basic is the fair tier: the value of Loyalty is unknown")


def test_periods_special_categories_and_weights(taxonomy: Taxonomy) -> None:
    weights = Weights()
    assert monthly_got(1200, "year", weights) == 100
    assert monthly_got(1200, "once", weights) == 1200 // weights.once_spread_months
    assert monthly_got(1200, "once", replace(weights, once_spread_months=24)) == 50
    assert monthly_got(None, "month", weights) is None

    health = taxonomy.get("Health")
    assert health.special
    assert data_value(("Health",), taxonomy, weights) == round(health.monthly_value_cents * 2.0)
    assert data_value((), taxonomy, weights) == 0
    many = tuple(c.key for c in taxonomy.common()[:20])
    plain = sum(
        taxonomy.get(k).monthly_value_cents * (2.0 if taxonomy.get(k).special else 1.0)
        for k in many
    )
    assert data_value(many, taxonomy, weights) == round(plain * weights.combination_cap)
    own = {"Name": 10_000}
    assert data_value(("Name",), taxonomy, weights, own) == 10_000


def test_compare_uses_the_given_weights_and_values(shop: tuple[TierService, int]) -> None:
    service, org_id = shop
    for tier in (BASIC, LOYALTY, PERSONALISED):
        service.add(org_id, tier)
    cheap_location = service.compare(org_id, Weights(), values={"Location": 0, "Purchase": 0})
    assert cheap_location.rows[-1].tier.name == "Personalised"
    assert cheap_location.chosen_is_fair, "location worth nothing: the extra euro is worth it"


def test_compare_with_no_or_one_tier(shop: tuple[TierService, int]) -> None:
    service, org_id = shop
    empty = service.compare(org_id)
    assert empty.rows == () and empty.fair_id is None and empty.chosen_id is None
    assert empty.advice
    only = service.add(org_id, BASIC)
    single = service.compare(org_id)
    assert single.fair_id == only and single.rows[0].fair and single.rows[0].step is None
    assert "at least two" in single.advice


def test_results_are_immutable(shop: tuple[TierService, int]) -> None:
    service, org_id = shop
    service.add(org_id, BASIC)
    result = service.compare(org_id)
    with pytest.raises(AttributeError):
        result.advice = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        result.rows[0].tier.name = "x"  # type: ignore[misc]


def test_the_advice_in_dutch_says_the_same_as_in_english(shop: tuple[TierService, int]) -> None:
    """Each situation the advice knows, once in each language: same names, same figures."""
    service, org_id = shop
    assert service.compare(org_id, lang="nl").advice.startswith("Voeg de niveaus toe")
    personalised = service.add(org_id, PERSONALISED)
    basic = service.add(org_id, BASIC)
    loyalty = service.add(org_id, LOYALTY)
    cases = {
        personalised: ("Je koos Personalised; Loyalty geeft je 89% van de waarde", "minder"),
        loyalty: ("Je koos Loyalty, het eerlijke niveau: elke stap omhoog", "Personalised"),
        basic: ("Je koos Basic; een stap omhoog naar Loyalty levert € 8,00 per maand", "waard."),
    }
    for tier_id, (start, inside) in cases.items():
        service.choose(tier_id)
        english, dutch = service.compare(org_id).advice, service.compare(org_id, lang="nl").advice
        assert dutch.startswith(start) and inside in dutch, dutch
        assert english.startswith("You chose") and dutch != english
        figures = [w for w in english.replace(",", "").split() if any(c.isdigit() for c in w)]
        assert len(figures) == sum(any(c.isdigit() for c in w) for w in dutch.split())
