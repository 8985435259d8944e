"""The report's word catalogue: every language has every key with the same placeholders, the
vocabularies it translates are complete, and dates, money and articles come out as each
language writes them."""

from __future__ import annotations

import string

import pytest

from app.domain.assessment import Band
from app.domain.ledger import ACCOUNT_STATUSES, BENEFIT_KINDS, PERIODS
from app.domain.requests import REQUEST_TYPES, STATUSES
from app.services import report_texts
from app.services.report_texts import (
    LANGUAGES,
    TEXTS,
    article,
    band_label,
    day,
    money,
    number,
    request_kind,
    text,
    word,
)


def placeholders(template: str) -> set[str]:
    return {field for _lit, field, _spec, _conv in string.Formatter().parse(template) if field}


def test_every_language_has_the_same_keys_and_placeholders() -> None:
    assert set(TEXTS) == set(LANGUAGES) == {"en", "nl"}
    english = TEXTS["en"]
    for lang, texts in TEXTS.items():
        assert set(texts) == set(english), f"{lang}: keys differ from English"
        for key, template in texts.items():
            assert placeholders(template) == placeholders(english[key]), f"{lang}: {key}"
            assert template.strip(), f"{lang}: {key} is empty"


def test_dutch_is_really_translated() -> None:
    """Not English copied over: only words that are the same in both languages may match."""
    same = {key for key, template in TEXTS["nl"].items() if template == TEXTS["en"][key]}
    assert same <= {
        "request.kind", "facts.score", "facts.accounts", "link.website", "col.status",
        "col.detail", "fraction.other",
    }, same  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_vocabularies_are_complete(lang: str) -> None:
    """Every value the ledger can hold has its word, so none falls back to English in Dutch."""
    wanted = (
        [f"band.{b.value}" for b in Band]
        + [f"figure.band.{b.value}" for b in Band]
        + [f"account.{s}" for s in ACCOUNT_STATUSES]
        + [f"kind.{k}" for k in BENEFIT_KINDS]
        + [f"value.per.{p}" for p in PERIODS]
        + [f"request.{t}" for t in REQUEST_TYPES]
        + [f"status.{s}" for s in STATUSES]
    )
    assert [key for key in wanted if key not in TEXTS[lang]] == []


def test_english_words_are_the_ones_the_domain_uses() -> None:
    for key, kind in REQUEST_TYPES.items():
        assert text("en", f"request.{key}") == kind.title
    for status in STATUSES:
        assert text("en", f"status.{status}") == status
    for band in Band:
        assert band_label(band.value, "en") == band.value.capitalize()


def test_dates_money_and_numbers_per_language() -> None:
    assert day("2026-11-29", "en") == "2026-11-29"
    assert day("2026-11-29", "nl") == "29-11-2026"
    assert day("", "nl") == "" and day("not a date", "nl") == "not a date"
    assert money(123450, "en") == "€ 1\u202f234.50"
    assert money(123450, "nl") == "€ 1.234,50"
    assert money(None, "nl", "onbekend") == "onbekend"
    assert (number(2.5, "en"), number(2.5, "nl"), number(3.0, "nl")) == ("2.5", "2,5", "3")


def test_articles_and_request_kinds() -> None:
    assert article("21(1)", "en") == "Art. 21(1)"
    assert article("21(1)", "nl") == "art. 21 lid 1 AVG"
    assert request_kind("access", "en") == "Access to my data (Art. 15)"
    assert request_kind("access", "nl") == "Inzage in mijn gegevens (art. 15 AVG)"
    assert request_kind("withdraw-consent", "nl") == "Intrekking van toestemming (art. 7 lid 3 AVG)"
    assert request_kind("something-new", "nl") == "something-new", "an unknown type as stored"


def test_unknown_words_and_languages_fall_back() -> None:
    assert word("nl", "account", "frozen", "frozen (as stored)") == "frozen (as stored)"
    assert word("nl", "status", "parked") == "parked"
    assert band_label("", "nl") == "Niet beoordeeld" and band_label("", "en") == "Not assessed"
    assert band_label("strange", "nl") == "Strange"
    assert report_texts.language("nl_BE") == "nl" and report_texts.language("de") == "en"
    assert text("nl-NL", "heading.summary") == "Samenvatting"


def test_one_day_overdue_is_singular_in_both_languages() -> None:
    assert [report_texts.plural("en", "overdue", n) for n in (1, 2)] == ["1 day", "2 days"]
    assert [report_texts.plural("nl", "overdue", n) for n in (1, 2)] == ["1 dag", "2 dagen"]
