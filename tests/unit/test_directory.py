"""The shipped directory of organisations and supervisory authorities, and its search."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from app.services.directory import (
    Authority,
    Directory,
    DirectoryEntry,
    load_directory,
    registrable_domain,
)

REPO = Path(__file__).resolve().parents[2]
COMPANIES = REPO.parent / "shared" / "data" / "companies"


@pytest.fixture(scope="module")
def directory() -> Directory:
    return load_directory()


def slugs(entries: list[DirectoryEntry]) -> list[str]:
    return [entry.slug for entry in entries]


def entry(slug: str, name: str, **fields: Any) -> DirectoryEntry:
    return DirectoryEntry(slug=slug, name=name, address="Somewhere", **fields)


# --- contents -------------------------------------------------------------------------------
def test_the_whole_directory_is_there(directory: Directory) -> None:
    assert len(directory) >= 3085
    assert len(list(directory)) == len(directory)
    assert len(directory.authorities()) == 57


@pytest.mark.skipif(not COMPANIES.is_dir(), reason="no shared data beside the repo")
def test_the_shipped_files_are_what_the_build_makes_now() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_reference_data", REPO / "resources" / "build_reference_data.py"
    )
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    shipped = REPO / "resources" / "directory"
    organisations = json.loads((shipped / "organisations.json").read_text("utf-8"))
    authorities = json.loads((shipped / "authorities.json").read_text("utf-8"))
    assert build.build_organisations(COMPANIES) == organisations, "run build_reference_data.py"
    assert build.build_authorities(COMPANIES) == authorities, "run build_reference_data.py"


def test_entries_are_immutable_and_use_tuples(directory: Directory) -> None:
    google = directory.by_slug("google")
    assert google is not None
    assert google.name == "Google LLC"
    assert isinstance(google.runs, tuple) and "YouTube" in google.runs
    assert google.domains == ("google.com",)
    assert google.sources
    with pytest.raises(dataclasses.FrozenInstanceError):
        google.name = "Alphabet"  # type: ignore[misc]
    assert directory.by_slug("no-such-organisation") is None


def test_every_entry_has_what_quid_shows(directory: Directory) -> None:
    for item in directory:
        assert item.name and item.address and item.sources, item.slug
        assert item.quality in ("tested", "verified", "imported", "scraped"), item.slug
        assert item.suggested_transport in ("email", "letter", "fax", "webform"), item.slug
        assert all(domain == domain.lower() for domain in item.domains), item.slug
        assert not any(domain.startswith("www.") for domain in item.domains), item.slug


def test_the_dutch_additions_are_there(directory: Directory) -> None:
    bol = directory.by_slug("bolcom-nl")
    ah = directory.by_slug("albert-heijn-nl")
    assert bol is not None and ah is not None
    assert bol.quality == "imported"
    assert "ah.nl" in ah.domains
    assert any("privacy statement" in comment for comment in ah.comments)  # provenance
    assert slugs(directory.search("bol.com"))[0] == "bolcom-nl"
    assert slugs(directory.search("Albert Heijn"))[0] == "albert-heijn-nl"
    assert slugs(directory.search("heijn albert"))[0] == "albert-heijn-nl"


# --- search ---------------------------------------------------------------------------------
def test_search_puts_google_first(directory: Directory) -> None:
    assert slugs(directory.search("goog"))[0] == "google"
    assert slugs(directory.search("GOOGLE"))[0] == "google"


@pytest.mark.parametrize("brand", ["YouTube", "gmail", "Waze", "AH to go", "Zilveren Kruis"])
def test_search_by_a_brand_finds_the_company(directory: Directory, brand: str) -> None:
    found = directory.search(brand)
    assert found
    assert brand.casefold() in [run.casefold() for run in found[0].runs]


def test_search_by_domain(directory: Directory) -> None:
    assert slugs(directory.search("google.com"))[0] == "google"
    assert slugs(directory.search("ah.nl"))[0] == "albert-heijn-nl"


@pytest.mark.parametrize("text", ["osterreich", "oesterreich", "Österreich", "ÖSTERREICHISCHE"])
def test_search_ignores_accents(directory: Directory, text: str) -> None:
    found = slugs(directory.search(text))
    assert "post-at" in found  # Österreichische Post AG
    assert "orf" in found  # Österreichischer Rundfunk


def test_search_limits_and_empty_queries(directory: Directory) -> None:
    assert len(directory.search("sch", limit=7)) == 7
    assert len(directory.search("sch")) == 20
    assert directory.search("") == []
    assert directory.search("  -- ") == []
    assert directory.search("sch", limit=0) == []
    assert directory.search("qqqxqqq") == []


def test_search_ranks_exact_then_prefix_then_word_prefix_then_substring() -> None:
    small = Directory(
        [
            entry("compost", "Compost Ltd"),
            entry("deutsche-post", "Deutsche Post AG"),
            entry("posteo", "Posteo e.K."),
            entry("post", "Post"),
            entry("mailer", "Mailer Inc.", runs=("PostBox",)),
        ]
    )
    assert slugs(small.search("post")) == [
        "post",  # exact name
        "posteo",  # name prefix, shorter name first
        "mailer",  # brand prefix
        "deutsche-post",  # word prefix
        "compost",  # substring
    ]


# --- domains --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("https://www.google.com/maps?q=1", "google.com"),
        ("WWW.Example.CO.UK", "example.co.uk"),
        ("shop.example.co.uk:8080/basket", "example.co.uk"),
        ("privacy@mail.bol.com", "bol.com"),
        ("mailto:dpo@dsb.gv.at", "dsb.gv.at"),
        ("bund.de", "bund.de"),
        ("https://bfdi.bund.de/", "bund.de"),
        ("localhost", None),
        ("192.168.0.1", None),
        ("", None),
    ],
)
def test_registrable_domain(text: str, domain: str | None) -> None:
    assert registrable_domain(text) == domain


def test_by_domain_and_matches_domain(directory: Directory) -> None:
    assert slugs(directory.by_domain("https://www.google.com/maps")) == ["google"]
    assert "jumbo-supermarkten-nl" in slugs(directory.by_domain("privacy@jumbo.com"))
    google = directory.by_slug("google")
    assert google is not None
    assert google.matches_domain("mail.google.com")
    assert not google.matches_domain("google.de")
    assert directory.by_domain("not a domain") == []


def test_free_mail_and_hired_dpos_are_nobodys_domain(directory: Directory) -> None:
    for domain in ("gmail.com", "gmx.de", "datenschutz-nord.de"):
        assert directory.by_domain(domain) == [], domain


# --- supervisory authorities ----------------------------------------------------------------
def test_the_dutch_authority(directory: Directory) -> None:
    authority = directory.authority_for_country("nl")
    assert isinstance(authority, Authority)
    assert authority.name.startswith("Autoriteit Persoonsgegevens")
    assert authority.complaint_language == "nl"
    assert authority.address and authority.sources


def test_germany_means_the_federal_commissioner(directory: Directory) -> None:
    federal = directory.authority_for_country("DE")
    assert federal is not None and federal.slug == "debfdi"
    assert "Bundesbeauftragte" in federal.name
    all_german = directory.authorities_for_country("de")
    assert all_german[0] == federal and len(all_german) > 20


def test_other_countries(directory: Directory) -> None:
    uk = directory.authority_for_country("uk")
    assert uk is not None and uk.slug == "gbico"
    austria = directory.authority_for_country("at")
    assert austria is not None and austria.slug == "atdsb"
    assert directory.authority_for_country("us") is None


def test_the_directory_is_loaded_once() -> None:
    assert load_directory() is load_directory()
