"""The shipped taxonomy of personal-data categories, and where resources are found."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

import app
from app import resources
from app.domain.taxonomy import (
    Category,
    Taxonomy,
    UnknownCategoryError,
    fold_text,
    load_taxonomy,
)
from app.errors import QuidError

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"
PD_CSV = SHARED / "dpv" / "pd.csv"
SPECIAL = "https://w3id.org/dpv#SpecialCategoryPersonalData"
COMMON = [
    "Name",
    "EmailAddress",
    "TelephoneNumber",
    "PhysicalAddress",
    "BirthDate",
    "Location",
    "PaymentCard",
    "BankAccount",
    "Purchase",
    "BrowsingBehaviour",
    "Contact",
    "Picture",
    "Health",
    "OfficialID",
]

needs_shared = pytest.mark.skipif(not PD_CSV.is_file(), reason="no shared data beside the repo")


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def pd_rows() -> list[dict[str, str]]:
    with PD_CSV.open(encoding="utf-8", newline="") as handle:
        return [r for r in csv.DictReader(handle) if r["type"] == "class" and r["vocab"] == "pd"]


def load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_reference_data", REPO / "resources" / "build_reference_data.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def descendants(taxonomy: Taxonomy, key: str) -> list[Category]:
    found = []
    for child in taxonomy.children(key):
        found += [child, *descendants(taxonomy, child.key)]
    return found


# --- contents -------------------------------------------------------------------------------
def test_every_dpv_category_is_there(taxonomy: Taxonomy) -> None:
    assert len(taxonomy) == 231
    assert len(taxonomy.all()) == len(taxonomy)


@needs_shared
def test_the_count_and_keys_match_the_csv(taxonomy: Taxonomy) -> None:
    rows = pd_rows()
    assert len(taxonomy) == len(rows)
    assert {row["term"] for row in rows} == {c.key for c in taxonomy}


@needs_shared
def test_the_shipped_file_is_what_the_build_makes_now() -> None:
    build = load_build_script()
    labels = json.loads((REPO / "resources/taxonomy/labels_nl.json").read_text("utf-8"))
    fresh = build.build_categories(PD_CSV, labels)
    shipped = json.loads((REPO / "resources/taxonomy/categories.json").read_text("utf-8"))
    assert fresh == shipped, "resources/ is stale: run resources/build_reference_data.py"


def test_every_category_is_complete(taxonomy: Taxonomy) -> None:
    for c in taxonomy:
        assert c.label_nl.strip(), c.key
        assert c.label_en.strip(), c.key
        assert c.iri == f"https://w3id.org/dpv/pd#{c.key}"
        assert c.sensitivity in (1, 2, 3, 4), c.key
        assert c.monthly_value_cents > 0, c.key
        assert c.value_source.strip(), c.key


def test_every_parent_exists(taxonomy: Taxonomy) -> None:
    tops = [c.key for c in taxonomy if c.parent is None]
    assert "Financial" in tops and "Social" in tops
    for c in taxonomy:
        if c.parent is not None:
            assert c.parent in taxonomy, c.key
            assert c in taxonomy.children(c.parent)


def test_special_and_criminal_categories_are_the_most_sensitive(taxonomy: Taxonomy) -> None:
    special = [c for c in taxonomy if c.special]
    assert len(special) >= 30
    for c in taxonomy:
        if c.special or c.criminal:
            assert c.sensitivity == 4, c.key
    assert taxonomy.get("CriminalConviction").criminal
    assert not taxonomy.get("Name").special


def test_health_and_everything_below_it_is_special(taxonomy: Taxonomy) -> None:
    below = descendants(taxonomy, "Health")
    assert {"MentalHealth", "PhysicalHealth", "Genetic"} <= {c.key for c in below}
    for c in [taxonomy.get("Health"), *below, *descendants(taxonomy, "MedicalHealth")]:
        assert c.special, c.key


@needs_shared
def test_every_category_dpv_marks_special_is_special(taxonomy: Taxonomy) -> None:
    columns = ("dpvtype", "subclassof", "hasbroader")
    marked = [r["term"] for r in pd_rows() if any(SPECIAL in r[col] for col in columns)]
    assert marked
    assert all(taxonomy.get(key).special for key in marked)


def test_sensitivity_follows_the_valuation_table(taxonomy: Taxonomy) -> None:
    expected = {
        "EmailAddress": 1,
        "Name": 1,
        "Location": 2,
        "IPAddress": 2,
        "BrowsingBehaviour": 2,
        "BankAccount": 3,
        "Passport": 3,
        "Password": 3,
        "EmailContent": 3,
        "Fingerprint": 4,
        "ReligiousBelief": 4,
    }
    assert {key: taxonomy.get(key).sensitivity for key in expected} == expected


def test_values_cite_their_source(taxonomy: Taxonomy) -> None:
    assert taxonomy.get("Location").monthly_value_cents == 182
    assert taxonomy.get("BankAccount").monthly_value_cents == 844
    assert taxonomy.get("Fingerprint").monthly_value_cents == 756
    assert taxonomy.get("VoiceMail").monthly_value_cents == 605
    assert "Prince & Wallsten" in taxonomy.get("Location").value_source
    assert "derived" in taxonomy.get("Health").value_source
    assert taxonomy.get("Favourite").value_source.startswith("default for sensitivity 2")


def test_the_common_list_is_in_the_stated_order(taxonomy: Taxonomy) -> None:
    common = taxonomy.common()
    assert [c.key for c in common] == COMMON
    assert [c.common_rank for c in common] == list(range(1, len(COMMON) + 1))
    assert sum(c.is_common for c in taxonomy) == len(COMMON)


# --- look-up --------------------------------------------------------------------------------
def test_an_unknown_key_names_close_matches(taxonomy: Taxonomy) -> None:
    with pytest.raises(UnknownCategoryError) as caught:
        taxonomy.get("EmialAddress")
    error = caught.value
    assert isinstance(error, KeyError) and isinstance(error, QuidError)
    assert error.suggestions[0] == "EmailAddress"
    assert "EmailAddress" in str(error)
    assert "Data Privacy Vocabulary" in str(error)
    assert not str(error).startswith('"')  # not KeyError's quoting


def test_a_key_nothing_resembles_has_no_suggestions(taxonomy: Taxonomy) -> None:
    with pytest.raises(KeyError) as caught:
        taxonomy.get("zzqx")
    assert isinstance(caught.value, UnknownCategoryError)
    assert caught.value.suggestions == ()


def test_find_takes_a_key_or_a_label_in_either_language(taxonomy: Taxonomy) -> None:
    assert taxonomy.find("emailaddress").key == "EmailAddress"
    assert taxonomy.find("Email Address").key == "EmailAddress"
    assert taxonomy.find("e-mailadres").key == "EmailAddress"
    assert taxonomy.find("GEZONDHEID").key == "Health"
    assert taxonomy.find("gps-coordinaten").key == "GPSCoordinate"
    with pytest.raises(UnknownCategoryError):
        taxonomy.find("Schoenmaat")


def test_labels_fall_back_to_english(taxonomy: Taxonomy) -> None:
    email = taxonomy.get("EmailAddress")
    assert email.label("nl") == "E-mailadres"
    assert email.label("nl_BE") == "E-mailadres"
    assert email.label("en") == "Email Address"
    assert email.label("de") == "Email Address"


def test_membership_and_children(taxonomy: Taxonomy) -> None:
    assert "EmailAddress" in taxonomy
    assert "emailaddress" not in taxonomy
    assert 42 not in taxonomy
    assert {c.key for c in taxonomy.children("EmailAddress")} == {
        "EmailAddressPersonal",
        "EmailAddressWork",
    }
    assert [c.key for c in taxonomy.ancestors("GPSCoordinate")] == [
        "CurrentLocation",
        "Location",
        "Tracking",
    ]
    with pytest.raises(UnknownCategoryError):
        taxonomy.children("Nope")


# --- search ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["email", "e-mail", "E-Mail", "EMAIL", "e-mailadres", "mailadr"])
def test_search_finds_email_however_it_is_written(taxonomy: Taxonomy, text: str) -> None:
    assert taxonomy.search(text)[0].key == "EmailAddress"


def test_search_finds_dutch_labels_without_accents(taxonomy: Taxonomy) -> None:
    assert "Health" in [c.key for c in taxonomy.search("gezondheid", lang="nl")]
    assert [c.key for c in taxonomy.search("coordinaten")] == ["GPSCoordinate"]
    assert [c.key for c in taxonomy.search("Geboortedatum", lang="nl")] == ["BirthDate"]


def test_search_puts_common_categories_first(taxonomy: Taxonomy) -> None:
    found = [c.key for c in taxonomy.search("address")]
    assert found[:2] == ["EmailAddress", "PhysicalAddress"]
    assert {"IPAddress", "MACAddress"} <= set(found)
    assert taxonomy.search("ip")[0].key == "IPAddress"  # a word starting with it
    everything = taxonomy.search("", limit=1000)
    assert [c.key for c in everything[: len(COMMON)]] == COMMON
    assert len(everything) == len(taxonomy)


def test_search_respects_the_limit(taxonomy: Taxonomy) -> None:
    assert len(taxonomy.search("a", limit=5)) == 5
    assert taxonomy.search("a", limit=0) == []
    assert taxonomy.search("no such thing") == []


def test_fold_text() -> None:
    assert fold_text("Österreichische Post-AG") == "osterreichische post ag"
    assert fold_text("  Straße &  Søn ") == "strasse son"
    assert fold_text("") == ""


def test_the_taxonomy_is_loaded_once() -> None:
    assert load_taxonomy() is load_taxonomy()


def test_duplicate_keys_and_missing_parents_are_refused(taxonomy: Taxonomy) -> None:
    email = taxonomy.get("EmailAddress")
    with pytest.raises(ValueError):
        Taxonomy([email, email])
    with pytest.raises(ValueError):
        Taxonomy([email])  # its parent, Contact, is not there


# --- resources ------------------------------------------------------------------------------
def test_resources_are_found_in_the_checkout() -> None:
    assert resources.resources_dir() == REPO / "resources"
    path = resources.resource_path("taxonomy", "categories.json")
    assert path.is_file()


def test_resources_are_found_in_a_pyinstaller_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / "resources"


def test_missing_resources_are_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "__file__", str(tmp_path / "app" / "__init__.py"))
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    with pytest.raises(RuntimeError, match="resources folder is missing"):
        resources.resource_path("taxonomy")
