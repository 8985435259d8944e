"""The assessment's own texts in English and Dutch: every template in both languages with the
same placeholders, the Dutch assessment of the example ledger in Dutch throughout (with the
Dutch category labels), and the English texts exactly as they were."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from datetime import date

import pytest

from app.domain import assessment_texts as texts
from app.domain.assessment import AccountItem, Assessment, GivenItem, Weights
from app.domain.findings import after_withdrawal, dormant_account, special_data, value_unknown
from app.domain.scoring import FLAG_ORDER, FLAG_TITLES, summary
from app.domain.taxonomy import load_taxonomy
from app.paths import AppPaths
from app.services.assessment import AssessmentService
from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.storage.database import Connection
from app.storage.header import KeyMode
from app.storage.vault import create_vault

TODAY = date(2026, 11, 29)
# English words that have no place in a Dutch sentence ("of" and "is" are Dutch words too).
ENGLISH_WORDS = re.compile(r"\b(they|the|and|you|your|a month|worth|data|not|which)\b", re.I)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.fixture
def conn(paths: AppPaths) -> Iterator[Connection]:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        load_example_ledger(Ledger(vault.conn))
        yield vault.conn


def _assessed(conn: Connection, lang: str) -> dict[str, Assessment]:
    service = AssessmentService(conn, today=TODAY, lang=lang)
    return {a.name: a.assessment for a in service.assess_all()}


def _sentences(assessment: Assessment, lang: str) -> list[str]:
    flags = [text for f in assessment.flags for text in (f.reason, f.action)]
    return [*flags, *assessment.explanation(), summary(assessment, lang)]


# --- the templates --------------------------------------------------------------------------------
def test_every_template_has_a_dutch_one_with_the_same_placeholders() -> None:
    english, dutch = texts.TEXTS["en"], texts.TEXTS["nl"]
    assert set(dutch) == set(english)
    differ = [k for k in english if _placeholders(english[k]) != _placeholders(dutch[k])]
    assert differ == []
    untranslated = [k for k in english if english[k] == dutch[k]]
    assert set(untranslated) <= {"line.flag", "line.needed", "dormant-account.detail"}


def test_every_flag_and_explanation_line_has_its_texts() -> None:
    for code in FLAG_ORDER:
        for lang in texts.LANGUAGES:
            assert texts.text(lang, f"title.{code}")
            keys = [k for k in texts.TEXTS[lang] if k.startswith(f"{code}.reason")]
            assert keys, f"{code} has no reason in {lang}"
            assert texts.TEXTS[lang][f"{code}.action"]
    for key in ("line.imbalance", "line.flag", "line.needed", "title.imbalance", "title.needed"):
        assert texts.TEXTS["nl"][key]
    assert FLAG_TITLES["coerced-consent"] == "Consent not freely given"  # reports stay English


def test_dutch_lists_pronouns_money_and_languages() -> None:
    assert texts.join(["C", "a", "B"], "nl") == "a, B en C"
    assert texts.join(["C", "a", "B"]) == "a, B and C"
    assert texts.join(["A", "A"], "nl") == "A"
    assert (texts.pronoun(False, "nl"), texts.pronoun(True, "nl")) == ("het", "ze")
    assert (texts.pronoun(False), texts.pronoun(True)) == ("it", "them")
    assert texts.money(123456, "nl") == "€ 1.234,56"
    assert texts.money(1240) == "€ 12.40"
    assert texts.language("nl_BE") == "nl" and texts.language("de") == "en"


# --- the findings not in the example ledger -------------------------------------------------------
ITEMS = [
    GivenItem("EmailAddress", "Email Address", 1, False, False, 100, given_on=date(2024, 1, 1),
              consent_withdrawn_on=date(2023, 1, 1)),
    GivenItem("Criminal", "Criminal Record", 4, False, True, 100),
]  # fmt: skip
ACCOUNTS = [AccountItem("active", date(2020, 1, 1)), AccountItem("closed")]


def test_findings_in_english_are_unchanged() -> None:
    withdrawn = after_withdrawal(ITEMS)
    special = special_data(ITEMS, frozenset())
    dormant = dormant_account(ITEMS, ACCOUNTS, date(2026, 1, 1), Weights())
    unknown = value_unknown(("discount", "service"))
    assert withdrawn and special and dormant and unknown
    assert withdrawn.flag.reason == (
        "They still collected data after you withdrew consent: Email Address (withdrawn "
        "2023-01-01, given again 2024-01-01)."
    )
    assert withdrawn.flag.action == (
        "Object to further processing and ask them to erase it (Art. 21, 17(1)(b)); if they go "
        "on, complain to the supervisory authority (Art. 77)."
    )
    assert special.flag.reason == (
        "You gave data the GDPR protects most, allowed only under a specific exception or law: "
        "Criminal Record (Art. 10; no legal basis recorded)."
    )
    assert special.detail == "Criminal Record (Art. 10)"
    assert dormant.flag.reason == (
        "Your accounts are closed and unused since 2020-01-01, yet they still hold Criminal "
        "Record and Email Address."
    )
    assert dormant.detail == "account closed and unused since 2020-01-01"
    assert unknown.flag.reason == (
        "You have not filled in what the discount and service are worth, so it counts as "
        "nothing for now."
    )


def test_findings_in_dutch() -> None:
    withdrawn = after_withdrawal(ITEMS, "nl")
    special = special_data(ITEMS, frozenset(), "nl")
    dormant = dormant_account(ITEMS, ACCOUNTS, date(2026, 1, 1), Weights(), "nl")
    unknown = value_unknown(("discount", "service"), "nl")
    assert withdrawn and special and dormant and unknown
    assert withdrawn.flag.reason == (
        "Ze verzamelden nog gegevens nadat je je toestemming had ingetrokken: Email Address "
        "(ingetrokken 01-01-2023, opnieuw gegeven 01-01-2024)."
    )
    assert "art. 77 AVG" in withdrawn.flag.action
    assert special.flag.reason.endswith("Criminal Record (art. 10 AVG; geen grondslag vastgelegd).")
    assert dormant.flag.reason == (
        "Je accounts zijn gesloten en ongebruikt sinds 01-01-2020, maar ze hebben nog steeds "
        "Criminal Record en Email Address."
    )
    assert unknown.flag.reason.startswith("Je hebt niet ingevuld wat de dienst en de korting")
    assert unknown.detail == "dienst en korting"


# --- the example ledger ---------------------------------------------------------------------------
FACEBOOK_EN = [
    "They required Birth Date although the service does not need it, so consent to it was not "
    "freely given (GDPR Art. 7(4)).",
    "Withdraw your consent to it and ask them to erase it (Art. 7(3), 17(1)(b)); they may not "
    "make the service depend on it.",
    "They share Browsing Behaviour and Interest with third parties.",
    "Ask who receives it (Art. 15(1)(c)) and object to the sharing (Art. 21).",
    "They collect Browsing Behaviour, Friend and Interest continuously, which builds a profile "
    "of you.",
    "Object to the ongoing collection and the profiling (Art. 21).",
    "Your account is marked dormant, yet they still hold Birth Date, Browsing Behaviour, Friend, "
    "Interest, Name and Telephone Number.",
    "Ask them to erase your data: they no longer need it (Art. 17(1)(a)).",
    "You do not know how long they keep Browsing Behaviour and Interest.",
    "Ask how long they keep it, or by which criteria (Art. 15(1)(d)).",
    "Imbalance: data worth € 40.69 a month for nothing of known value in return: +40",
    "Consent not freely given: Birth Date required although not needed (Art. 7(4)): +50",
    "Shared with third parties: Browsing Behaviour and Interest: +10",
    "Collected continuously: Browsing Behaviour, Friend and Interest: +10",
    "Account no longer in use: account marked dormant: +10",
    "Retention unknown: Browsing Behaviour and Interest: +5",
    "Coerced: you gave data worth € 40.69 a month for nothing in return; they demanded data they "
    "do not need and they share it with third parties.",
]
FITTRACK_EN = [
    "They required Health Record and Weight although the service does not need them, so consent "
    "to them was not freely given (GDPR Art. 7(4)).",
    "Withdraw your consent to it and ask them to erase it (Art. 7(3), 17(1)(b)); they may not "
    "make the service depend on it.",
    "You gave data the GDPR protects most, allowed only under a specific exception or law: "
    "Health Record (Art. 9; legal basis: consent).",
    "Ask what they hold about you and which exception of Art. 9(2), or which law (Art. 10), they "
    "rely on (Art. 15).",
    "They share Current Location, Health Record and Weight with third parties.",
    "Ask who receives it (Art. 15(1)(c)) and object to the sharing (Art. 21).",
    "They collect Current Location and Health Record continuously, which builds a profile of you.",
    "Object to the ongoing collection and the profiling (Art. 21).",
    "You do not know how long they keep Current Location, Health Record and Weight.",
    "Ask how long they keep it, or by which criteria (Art. 15(1)(d)).",
    "You have not filled in what the service is worth, so it counts as nothing for now.",
    "Fill in an estimate of what it is worth to you rather than leaving it unknown.",
    "Imbalance: data worth € 62.47 a month for nothing of known value in return: +40",
    "Consent not freely given: Health Record and Weight required although not needed "
    "(Art. 7(4)): +50",
    "Special-category data: Health Record (Art. 9): +20",
    "Shared with third parties: Current Location, Health Record and Weight: +10",
    "Collected continuously: Current Location and Health Record: +10",
    "Retention unknown: Current Location, Health Record and Weight: +5",
    "Coerced: you gave data worth € 62.47 a month for benefits whose value you have not filled "
    "in; they demanded data they do not need and it includes special-category data.",
]
BASIC_FIT_EN = [
    "They collect Service Consumption Behaviour continuously, which builds a profile of you.",
    "Object to the ongoing collection and the profiling (Art. 21).",
    "Your account is closed, yet they still hold Bank Account, Picture and Service Consumption "
    "Behaviour.",
    "Ask them to erase your data: they no longer need it (Art. 17(1)(a)).",
    "You do not know how long they keep Picture and Service Consumption Behaviour.",
    "Ask how long they keep it, or by which criteria (Art. 15(1)(d)).",
    "Imbalance: data worth € 17.51 a month for nothing of known value in return: +40",
    "Collected continuously: Service Consumption Behaviour: +10",
    "Account no longer in use: account closed: +10",
    "Retention unknown: Picture and Service Consumption Behaviour: +5",
    "Unbalanced: you gave data worth € 17.51 a month for nothing in return; they collect it "
    "continuously and you no longer use your account.",
]
BENU_EN = [
    "You gave data the GDPR protects most, allowed only under a specific exception or law: "
    "Prescription (Art. 9; legal basis: legal obligation; needed for the service).",
    "Ask what they hold about you and which exception of Art. 9(2), or which law (Art. 10), they "
    "rely on (Art. 15).",
    "You have not filled in what the service is worth, so it counts as nothing for now.",
    "Fill in an estimate of what it is worth to you rather than leaving it unknown.",
    "Not counted, needed for the service: Insurance, Official ID and Prescription: +0",
    "Fair: you gave only data they need, for benefits whose value you have not filled in.",
]


def test_english_assessment_of_the_example_is_unchanged(conn: Connection) -> None:
    assessed = _assessed(conn, "en")
    assert _sentences(assessed["Facebook"], "en") == FACEBOOK_EN
    assert _sentences(assessed["FitTrack (fictional)"], "en") == FITTRACK_EN
    assert _sentences(assessed["Basic-Fit"], "en") == BASIC_FIT_EN
    assert _sentences(assessed["BENU Apotheek"], "en") == BENU_EN
    # the default is English: the CLI and the reports do not pass a language
    default = {a.name: a.assessment for a in AssessmentService(conn, today=TODAY).assess_all()}
    assert default == assessed


def test_dutch_assessment_of_the_example_is_dutch_throughout(conn: Connection) -> None:
    dutch, english = _assessed(conn, "nl"), _assessed(conn, "en")
    assert dutch.keys() == english.keys()
    left = [
        (name, sentence)
        for name, assessment in dutch.items()
        for sentence in _sentences(assessment, "nl")
        if ENGLISH_WORDS.search(sentence)
    ]
    assert left == []
    for name in dutch:  # the same findings, only the words differ
        assert [f.code for f in dutch[name].flags] == [f.code for f in english[name].flags]
        assert dutch[name].score == english[name].score
        assert dutch[name].band == english[name].band

    facebook = dutch["Facebook"]
    birth = load_taxonomy().get("BirthDate").label("nl")
    assert birth != "Birth Date"
    assert facebook.flags[0].reason == (
        f"Ze eisten {birth}, hoewel de dienst het niet nodig heeft; je toestemming was dus niet "
        "vrij gegeven (art. 7 lid 4 AVG)."
    )
    assert facebook.explanation()[0] == (
        "Onbalans: gegevens ter waarde van € 40,69 per maand voor niets van bekende waarde "
        "terug: +40"
    )
    assert summary(facebook, "nl").startswith("Afgedwongen: je gaf gegevens ter waarde van")
    fittrack = dutch["FitTrack (fictional)"].flags[0].reason
    assert "hoewel de dienst ze niet nodig heeft" in fittrack
    special = dutch["FitTrack (fictional)"].flags[1].reason
    assert "(art. 9 AVG; grondslag: toestemming)" in special
    assert summary(dutch["BENU Apotheek"], "nl") == (
        "Eerlijk: je gaf alleen gegevens die ze nodig hebben, voor voordelen waarvan je de "
        "waarde niet hebt ingevuld."
    )
