"""The example ledger: plausible, valid data, and it loads only into an empty vault."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.ledger import (
    ACCOUNT_STATUSES,
    BENEFIT_KINDS,
    COLLECTION_METHODS,
    PERIODS,
    ValidationError,
)
from app.paths import AppPaths
from app.services.example_ledger import EXAMPLES, PROFILE, load_example_ledger
from app.storage.header import KeyMode
from app.storage.vault import create_vault

SPECIAL = {"HealthRecord", "Prescription", "SexualPreference", "Health", "MentalHealth"}


def all_disclosures() -> list[tuple[str, str]]:
    return [(x.org.name, g.category) for x in EXAMPLES for g in x.gave]


def test_every_category_is_in_the_taxonomy() -> None:
    taxonomy = pytest.importorskip("app.domain.taxonomy").load_taxonomy()
    unknown = [(name, key) for name, key in all_disclosures() if key not in taxonomy]
    assert unknown == []
    assert any(taxonomy.get(key).special for _, key in all_disclosures())


def test_size_and_variety() -> None:
    assert 20 <= len(EXAMPLES) <= 30
    names = [x.org.name for x in EXAMPLES]
    assert len(set(names)) == len(names)
    gave = [g for x in EXAMPLES for g in x.gave]
    assert any(g.required and g.necessary is False for g in gave), "no coerced disclosure"
    assert any(g.category in SPECIAL for g in gave), "no special-category disclosure"
    assert any(g.shared and g.continuous for g in gave)
    assert any(g.consent_withdrawn_on for g in gave)
    assert {a.status for x in EXAMPLES for a in x.accounts} >= {"active", "dormant", "closed"}
    assert len({b.kind for x in EXAMPLES for b in x.got}) >= 5


def test_every_organisation_is_complete_and_valid() -> None:
    for x in EXAMPLES:
        assert x.gave, f"{x.org.name} has no disclosure"
        assert x.org.cleaned().domains, x.org.name
        assert len(x.org.country) == 2
        assert x.org.directory_slug is None
        if x.org.privacy_email:
            assert x.org.privacy_email.split("@")[1] in x.org.domains
        for account in x.accounts:
            assert account.cleaned().status in ACCOUNT_STATUSES
            assert "@" not in account.identifier or account.identifier.split("@")[1] in (
                "example.nl",
                "example.com",
            )
        for g in x.gave:
            assert g.cleaned().collection_method in COLLECTION_METHODS
        for b in x.got:
            assert b.cleaned().kind in BENEFIT_KINDS
            assert b.period in PERIODS


def test_dates_are_iso_and_not_in_the_future() -> None:
    found = [g.given_on for x in EXAMPLES for g in x.gave]
    found += [g.consent_withdrawn_on for x in EXAMPLES for g in x.gave]
    found += [d for x in EXAMPLES for b in x.got for d in (b.started_on, b.ended_on)]
    found += [d for x in EXAMPLES for a in x.accounts for d in (a.first_used, a.last_used)]
    parsed = [date.fromisoformat(text) for text in found if text is not None]
    assert parsed
    assert all(date(2012, 1, 1) <= day <= date(2026, 12, 31) for day in parsed)


def test_money_values_are_cents_or_unknown() -> None:
    values = [b.value_cents for x in EXAMPLES for b in x.got]
    assert all(v is None or (isinstance(v, int) and v >= 0) for v in values)
    assert None in values
    assert any(v for v in values)


def test_profile_is_fictional() -> None:
    assert PROFILE.cleaned().name == "Jan de Vries"
    assert all(email.endswith("@example.nl") for email in PROFILE.emails)


def test_loads_into_an_empty_vault_only(paths: AppPaths) -> None:
    pytest.importorskip("app.domain.taxonomy")
    from app.services.ledger import Ledger

    vault, _ = create_vault(paths, KeyMode.KEYRING)
    try:
        ledger = Ledger(vault.conn)
        assert load_example_ledger(ledger) == len(EXAMPLES)
        (count,) = vault.conn.execute("SELECT count(*) FROM organisations").fetchone()
        assert count == len(EXAMPLES)
        (given,) = vault.conn.execute("SELECT count(*) FROM disclosures").fetchone()
        assert given == sum(len(x.gave) for x in EXAMPLES)
        assert ledger.profile().name == "Jan de Vries"
        with pytest.raises(ValidationError) as raised:
            load_example_ledger(ledger)
        assert raised.value.field == "ledger"
        (count,) = vault.conn.execute("SELECT count(*) FROM organisations").fetchone()
        assert count == len(EXAMPLES)
    finally:
        vault.close()


def test_keeps_a_profile_already_filled_in(paths: AppPaths) -> None:
    pytest.importorskip("app.domain.taxonomy")
    from app.domain.ledger import ProfileInput
    from app.services.ledger import Ledger

    vault, _ = create_vault(paths, KeyMode.KEYRING)
    try:
        ledger = Ledger(vault.conn)
        ledger.set_profile(ProfileInput(name="Someone Real"))
        load_example_ledger(ledger)
        assert ledger.profile().name == "Someone Real"
    finally:
        vault.close()
