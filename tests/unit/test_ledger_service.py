"""The ledger service on a real vault: organisations, records, stats, undo snapshots."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.domain.ledger import (
    AccountInput,
    BenefitInput,
    DisclosureInput,
    OrganisationInput,
    ProfileInput,
    ValidationError,
)
from app.errors import QuidError
from app.paths import AppPaths
from app.services.ledger import Ledger, NotFoundError
from app.services.ledger_inputs import organisation_from_directory
from app.storage.header import KeyMode
from app.storage.vault import create_vault


@pytest.fixture
def ledger(paths: AppPaths) -> Iterator[Ledger]:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        yield Ledger(vault.conn)


def counts(ledger: Ledger) -> tuple[int, ...]:
    tables = ("organisations", "disclosures", "benefits", "accounts", "organisation_domains")
    return tuple(ledger.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)


def stats(ledger: Ledger, org_id: int) -> tuple[int, int, int, str]:
    return ledger.conn.execute(
        "SELECT categories, max_sensitivity, value_month_cents, account_status "
        "FROM organisation_stats WHERE organisation_id = ?",
        (org_id,),
    ).fetchone()


def test_add_and_find_an_organisation(ledger: Ledger) -> None:
    org_id = ledger.add_organisation(
        OrganisationInput(
            "Café Zürich", domains=["https://www.Cafe-Zurich.example/x"], country="ch"
        )
    )
    org = ledger.organisation(org_id)
    assert org.domains == ["cafe-zurich.example"] and org.country == "CH"
    assert ledger.resolve(str(org_id)) == org_id
    assert ledger.resolve("cafe zurich") == org_id, "case and accents do not matter"
    assert ledger.resolve("cafe-zurich.example") == org_id
    with pytest.raises(NotFoundError):
        ledger.resolve("nobody")


def test_duplicates_by_name_or_domain(ledger: Ledger) -> None:
    first = ledger.add_organisation(OrganisationInput("Bol.com", domains=["bol.com"]))
    assert ledger.duplicates("BOL.COM", []) == [first]
    assert ledger.duplicates("Bol", ["bol.com"]) == [first]
    assert ledger.duplicates("Other", ["other.example"]) == []
    assert ledger.duplicates("Bol.com", [], exclude_id=first) == []


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (OrganisationInput("   "), "name"),
        (OrganisationInput("x" * 10_000), "name"),
        (OrganisationInput("Shop", notes="y" * 10_000), "notes"),
        (OrganisationInput("Shop", privacy_email="not-an-address"), "email"),
        (OrganisationInput("Shop", domains=["no spaces.com"]), "domain"),
        (OrganisationInput("Shop", country="Netherlands"), "country"),
    ],
)
def test_bad_organisation_input_names_the_field_and_writes_nothing(
    ledger: Ledger, data: OrganisationInput, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        ledger.add_organisation(data)
    assert caught.value.field == field
    assert counts(ledger) == (0, 0, 0, 0, 0)


def test_records_keep_the_stats_that_sort_the_table(ledger: Ledger) -> None:
    org_id = ledger.add_organisation(OrganisationInput("FitTrack"))
    ledger.add_disclosure(org_id, DisclosureInput("EmailAddress", detail="jan@example.org"))
    ledger.add_disclosure(org_id, DisclosureInput("EmailAddress", detail="second address"))
    health = ledger.add_disclosure(org_id, DisclosureInput("HealthRecord", required=True))
    ledger.add_benefit(org_id, BenefitInput("service", value_cents=999, period="month"))
    ledger.add_benefit(org_id, BenefitInput("money", value_cents=1200, period="year"))
    ledger.add_account(org_id, AccountInput("jan", status="dormant"))
    assert stats(ledger, org_id) == (2, 4, 999 + 100, "dormant")
    ledger.delete_record("disclosures", health)
    assert stats(ledger, org_id)[:2] == (1, 1)


def test_unknown_category_is_refused_with_suggestions(ledger: Ledger) -> None:
    org_id = ledger.add_organisation(OrganisationInput("Shop"))
    with pytest.raises(QuidError, match="EmailAddress"):
        ledger.add_disclosure(org_id, DisclosureInput("EmailAdress"))
    assert counts(ledger)[1] == 0


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: DisclosureInput("Name", given_on="2024-02-30"), "date"),
        (lambda: DisclosureInput("Name", detail="z" * 10_000), "detail"),
        (lambda: BenefitInput("money", value_cents=-1), "value"),
        (lambda: BenefitInput("gift"), "kind"),
        (lambda: AccountInput("a", first_used="2024-05-01", last_used="2023-01-01"), "last used"),
    ],
)
def test_bad_record_input_names_the_field(ledger: Ledger, make, field: str) -> None:  # type: ignore[no-untyped-def]
    org_id = ledger.add_organisation(OrganisationInput("Shop"))
    data = make()
    table = {"DisclosureInput": "disclosures", "BenefitInput": "benefits"}.get(
        type(data).__name__, "accounts"
    )
    with pytest.raises(ValidationError) as caught:
        ledger.add_record(table, org_id, data)
    assert caught.value.field == field
    assert counts(ledger)[1:4] == (0, 0, 0)


def test_delete_and_restore_brings_back_every_row_with_its_id(ledger: Ledger) -> None:
    org_id = ledger.add_organisation(OrganisationInput("Shop", domains=["shop.example"]))
    row = ledger.add_disclosure(org_id, DisclosureInput("Location", continuous=True))
    ledger.add_benefit(org_id, BenefitInput("discount", value_cents=500, period="month"))
    before = ledger.snapshot_organisation(org_id)
    snapshot = ledger.delete_organisation(org_id)
    assert counts(ledger) == (0, 0, 0, 0, 0), "everything of it is gone"
    ledger.restore(snapshot)
    assert ledger.snapshot_organisation(org_id) == before
    assert ledger.record("disclosures", row)["continuous"] == 1
    assert stats(ledger, org_id)[2] == 500


def test_merge_moves_everything_to_the_kept_organisation(ledger: Ledger) -> None:
    keep = ledger.add_organisation(OrganisationInput("Google", domains=["google.com"]))
    other = ledger.add_organisation(OrganisationInput("YouTube", domains=["youtube.com"]))
    ledger.add_disclosure(other, DisclosureInput("BrowsingBehaviour"))
    ledger.add_account(other, AccountInput("jan@example.org"))
    ledger.merge(keep, other)
    assert ledger.domains(keep) == ["google.com", "youtube.com"]
    assert len(ledger.records("disclosures", keep)) == 1
    with pytest.raises(NotFoundError):
        ledger.organisation(other)


def test_profile_round_trip(ledger: Ledger) -> None:
    assert ledger.profile() == ProfileInput()
    ledger.set_profile(ProfileInput("Jan", "Straat 1\n1234 AB Amsterdam", ["jan@example.org"],
                                    "+31 6 1234 5678", "nl"))  # fmt: skip
    assert ledger.profile().country == "NL"
    with pytest.raises(ValidationError):
        ledger.set_profile(ProfileInput(emails=["broken"]))
    assert ledger.profile().emails == ["jan@example.org"]


def test_a_directory_entry_becomes_an_editable_copy(ledger: Ledger) -> None:
    from app.services.directory import load_directory

    entry = load_directory().search("bol.com")[0]
    data = organisation_from_directory(entry)
    org_id = ledger.add_organisation(data)
    stored = ledger.organisation(org_id)
    assert stored.directory_slug == entry.slug and "bol.com" in stored.domains
    stored.privacy_email = "corrected@bol.example"
    ledger.update_organisation(org_id, stored)
    assert ledger.organisation(org_id).privacy_email == "corrected@bol.example"


def test_unmerge_splits_a_merge_exactly(ledger: Ledger) -> None:
    keep = ledger.add_organisation(OrganisationInput("Google", domains=["google.com"]))
    ledger.add_disclosure(keep, DisclosureInput("Location"))
    other = ledger.add_organisation(
        OrganisationInput("YouTube", domains=["google.com", "youtube.com"])
    )
    ledger.add_disclosure(other, DisclosureInput("BrowsingBehaviour"))
    keep_before = ledger.snapshot_organisation(keep)
    other_before = ledger.snapshot_organisation(other)
    undo = ledger.merge(keep, other)
    ledger.unmerge(keep, undo)
    assert ledger.snapshot_organisation(keep) == keep_before
    assert ledger.snapshot_organisation(other) == other_before
    assert stats(ledger, keep)[0] == 1 and stats(ledger, other)[0] == 1


def test_tiers_come_back_with_an_undone_delete_and_move_with_a_merge(ledger: Ledger) -> None:
    from app.services.tiers import TierInput, TierService

    tiers = TierService(ledger.conn, ledger.taxonomy)
    keep = ledger.add_organisation(OrganisationInput("Albert Heijn"))
    other = ledger.add_organisation(OrganisationInput("AH Bonus"))
    tiers.add(other, TierInput("Basic", categories=("Name",), chosen=True))
    tiers.add(other, TierInput("Bonus card", categories=("Name", "Purchase"), value_cents=800))
    before = ledger.snapshot_organisation(other)
    ledger.restore(ledger.delete_organisation(other))
    assert ledger.snapshot_organisation(other) == before
    undo = ledger.merge(keep, other)
    assert [t.name for t in tiers.tiers(keep)] == ["Basic", "Bonus card"]
    ledger.unmerge(keep, undo)
    assert ledger.snapshot_organisation(other) == before
    assert tiers.tiers(keep) == []
