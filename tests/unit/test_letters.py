"""GDPR request letters: every type in every language, the facts each must state, the sandbox,
and the context filled from a real vault."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from app.domain.ledger import (
    AccountInput,
    DisclosureInput,
    OrganisationInput,
    ProfileInput,
    ValidationError,
)
from app.domain.requests import LANGUAGES, REQUEST_TYPES
from app.paths import AppPaths
from app.resources import resource_path
from app.services.directory import Authority
from app.services.ledger import Ledger
from app.services.letters import (
    EarlierRequest,
    LetterContext,
    Person,
    Recipient,
    cite,
    context_from_ledger,
    deadline_sentence,
    format_date,
    free_sentence,
    no_id_sentence,
    place_from_address,
    render,
)
from app.storage.header import KeyMode
from app.storage.vault import create_vault

TYPES = tuple(REQUEST_TYPES)
REQUEST_LETTERS = tuple(t for t in TYPES if t != "complaint")
COMBOS = [(lang, kind) for lang in LANGUAGES for kind in TYPES]
TODAY = date(2026, 11, 29)

#: How each language cites an article in running text (number only).
CITATION = {
    "en": "Article {} GDPR",
    "nl": "artikel {} AVG",
    "de": "Art. {} DSGVO",
    "fr": "article {} du RGPD",
}
GREETING = {
    "en": "Dear Sir or Madam,",
    "nl": "Geachte heer/mevrouw,",
    "de": "Sehr geehrte Damen und Herren,",
    "fr": "Madame, Monsieur,",
}
CLOSING = {
    "en": "Yours faithfully,",
    "nl": "Met vriendelijke groet,",
    "de": "Mit freundlichen Grüßen",
    "fr": "Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
}
#: How the (a)–(h) items of Art. 15(1) start their lines.
POINT = {"en": "({}) ", "nl": "{}) ", "de": "{}) ", "fr": "{}) "}
GROUNDS = {"erasure": {"not-necessary", "consent-withdrawn"}, "restriction": {"accuracy"}}

AUTHORITY = Authority(
    slug="nlap",
    name="Autoriteit Persoonsgegevens",
    address="Postbus 93374\n2509 AJ DEN HAAG",
    relevant_countries=("nl",),
    email="info@autoriteitpersoonsgegevens.nl",
)


def make_context(lang: str, kind: str, **changes: Any) -> LetterContext:
    ctx = LetterContext(
        lang=lang,
        type=kind,
        today=TODAY,
        place="Utrecht",
        person=Person(
            "Anna de Vries",
            ["Oudegracht 12", "3511 AB Utrecht"],
            ["anna@example.org", "a.devries@example.net"],
            "+31 6 1234 5678",
        ),
        organisation=Recipient(
            "Winkelhuis B.V.", ["Postbus 100", "3500 AC Utrecht"], "privacy@winkelhuis.example"
        ),
        identifiers=["a.devries@example.net", "customer number 7731-0042"],
        categories=["Email Address", "Birth Date", "Browsing Behaviour"],
        consents=["Email Address (newsletter)", "Birth Date (personalised offers)"],
        purposes=["newsletter", "personalised advertising"],
        grounds=GROUNDS.get(kind, set()),
        corrections="My surname is 'de Vries', not 'Devries'.",
        transfer_to="Ander Winkel B.V., privacy@anderwinkel.example",
        earlier=EarlierRequest("access", date(2026, 9, 1), date(2026, 10, 1)),
        authority=AUTHORITY,
        timeline=[
            (date(2026, 9, 1), "request sent by email"),
            (date(2026, 9, 3), "receipt acknowledged"),
            (date(2026, 10, 20), "reminder sent"),
        ],
        attachments=["request of 1 September 2026", "proof of sending", "acknowledgement"],
    )
    return dataclasses.replace(ctx, **changes)


def test_every_template_is_there() -> None:
    folder = resource_path("letters")
    for lang in LANGUAGES:
        assert (folder / lang / "common.j2").is_file()
        for kind in TYPES:
            assert (folder / lang / f"{kind}.txt.j2").is_file(), (lang, kind)
    assert len(list(folder.glob("*/*.txt.j2"))) == len(LANGUAGES) * len(TYPES) == 44


@pytest.mark.parametrize(("lang", "kind"), COMBOS)
def test_every_letter_renders_with_what_it_must_say(lang: str, kind: str) -> None:
    ctx = make_context(lang, kind)
    letter = render(ctx)
    body = letter.body
    assert letter.lang == lang and letter.type == kind
    assert letter.subject and "\n" not in letter.subject
    article = REQUEST_TYPES[kind].article
    assert cite(article, lang) in body
    subject_article = REQUEST_TYPES["access"].article if kind == "reminder" else article
    assert cite(subject_article, lang) in letter.subject
    number = article.split("(")[0]
    assert CITATION[lang].format(number).split(" ", 1)[0] in body
    assert re.search(re.escape(CITATION[lang].split("{}")[0]) + number + r"\b", body)
    assert "Anna de Vries" in body and "Winkelhuis B.V." in body
    assert body.startswith("Anna de Vries\nOudegracht 12\n3511 AB Utrecht\n")
    assert f"Utrecht, {'le ' if lang == 'fr' else ''}{format_date(TODAY, lang)}" in body
    assert GREETING[lang] in body
    assert body.rstrip().endswith(f"{CLOSING[lang]}\n\nAnna de Vries")
    assert "{{" not in body and "{%" not in body
    assert not [line for line in body.splitlines() if "  " in line or line != line.strip()]
    if kind == "complaint":
        assert "Autoriteit Persoonsgegevens\nPostbus 93374\n2509 AJ DEN HAAG" in body
        assert deadline_sentence(lang) not in body
        return
    assert "Postbus 100\n3500 AC Utrecht" in body
    assert "- a.devries@example.net\n- customer number 7731-0042" in body
    assert deadline_sentence(lang) in body
    assert free_sentence(lang) in body
    assert no_id_sentence(lang) in body
    assert cite("12(3)", lang) in deadline_sentence(lang)
    assert cite("12(5)", lang) in free_sentence(lang)
    assert cite("12(6)", lang) in no_id_sentence(lang)
    assert "a.devries@example.net." in body, "the reply goes to the address they already know"
    assert "anna@example.org" not in body, "no e-mail address they do not already have"


@pytest.mark.parametrize(("lang", "kind"), COMBOS)
def test_the_content_leaves_blocks_and_signature_to_a_layout(lang: str, kind: str) -> None:
    letter = render(make_context(lang, kind))
    assert letter.content.startswith(GREETING[lang])
    assert letter.content.rstrip().endswith(CLOSING[lang])
    assert "Oudegracht 12" not in letter.content
    assert format_date(TODAY, lang) not in letter.content
    assert letter.content.strip() in letter.body


def test_the_sentences_every_request_letter_shares() -> None:
    assert deadline_sentence("en") == (
        "Under Article 12(3) GDPR, you must respond without undue delay and in any event within "
        "one month of receiving the request."
    )
    assert "binnen een maand na ontvangst" in deadline_sentence("nl")
    assert "innerhalb eines Monats nach Eingang" in deadline_sentence("de")
    assert "dans un délai d'un mois à compter de la réception" in deadline_sentence("fr")
    assert "free of charge" in free_sentence("en") and "kosteloos" in free_sentence("nl")
    assert "unentgeltlich" in free_sentence("de") and "gratuit" in free_sentence("fr")
    assert "reasonable doubts" in no_id_sentence("en")
    assert "redelijke twijfel" in no_id_sentence("nl")
    assert "begründete Zweifel" in no_id_sentence("de")
    assert "doutes raisonnables" in no_id_sentence("fr")
    assert "identity document" in no_id_sentence("en")
    with pytest.raises(ValueError, match="language"):
        deadline_sentence("es")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_access_lists_every_item_of_article_15(lang: str) -> None:
    body = render(make_context(lang, "access")).body
    lines = body.splitlines()
    for point in "abcdefgh":
        assert any(line.startswith(POINT[lang].format(point)) for line in lines), point
    for article in ("15(1)", "15(2)", "15(3)", "22(1)", "46"):
        assert cite(article, lang).split(" ")[1].rstrip(",") in body
    assert cite("15(3)", lang) in body and cite("15(2)", lang) in body
    assert {"en": "PDF", "nl": "pdf", "de": "PDF", "fr": "PDF"}[lang] in body


@pytest.mark.parametrize("lang", LANGUAGES)
def test_erasure_lists_the_categories_and_the_grounds_chosen(lang: str) -> None:
    ctx = make_context(lang, "erasure", grounds={"unlawful", "not-necessary"})
    body = render(ctx).body
    assert "- Email Address\n- Birth Date\n- Browsing Behaviour\n" in body
    point_a = body.index(cite("17(1)(a)", lang))
    point_d = body.index(cite("17(1)(d)", lang))
    assert point_a < point_d, "grounds in the order of Art. 17(1)"
    assert cite("17(1)(b)", lang) not in body and cite("17(1)(c)", lang) not in body
    assert cite("17(2)", lang) in body and cite("19", lang) in body
    assert cite("17(3)", lang) in body
    single = render(make_context(lang, "erasure", grounds={"objection"})).body
    assert cite("17(1)(c)", lang) in single and cite("17(1)(a)", lang) not in single


@pytest.mark.parametrize("lang", LANGUAGES)
def test_restriction_names_its_ground(lang: str) -> None:
    body = render(make_context(lang, "restriction", grounds={"legal-claims"})).body
    assert cite("18(1)(c)", lang) in body
    assert cite("18(1)(a)", lang) not in body


@pytest.mark.parametrize("lang", LANGUAGES)
def test_withdraw_consent_names_the_consents_and_asks_for_erasure(lang: str) -> None:
    body = render(make_context(lang, "withdraw-consent")).body
    assert "- Email Address (newsletter)\n- Birth Date (personalised offers)\n" in body
    assert cite("17(1)(b)", lang) in body
    every = render(make_context(lang, "withdraw-consent", consents=[])).body
    assert "- Email Address (newsletter)" not in every and cite("7(3)", lang) in every


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_other_types_carry_their_specific_fields(lang: str) -> None:
    rectification = render(make_context(lang, "rectification")).body
    assert "My surname is 'de Vries', not 'Devries'." in rectification
    assert cite("19", lang) in rectification
    portability = render(make_context(lang, "portability")).body
    assert "Ander Winkel B.V., privacy@anderwinkel.example" in portability
    assert cite("20(2)", lang) in portability and "JSON" in portability.upper()
    alone = render(make_context(lang, "portability", transfer_to="")).body
    assert cite("20(2)", lang) not in alone
    objection = render(make_context(lang, "objection", details="I am a journalist.")).body
    assert "- newsletter\n- personalised advertising\n" in objection
    assert "I am a journalist." in objection and cite("18(1)(d)", lang) in objection
    marketing = render(make_context(lang, "objection-marketing")).body
    assert cite("21(3)", lang) in marketing
    automated = render(make_context(lang, "automated-decision")).body
    assert cite("22(3)", lang) in automated and cite("15(1)(h)", lang) in automated


@pytest.mark.parametrize("lang", LANGUAGES)
def test_reminder_refers_to_the_earlier_request_and_its_deadline(lang: str) -> None:
    letter = render(make_context(lang, "reminder"))
    assert format_date(date(2026, 9, 1), lang) in letter.subject
    assert format_date(date(2026, 9, 1), lang) in letter.body
    assert format_date(date(2026, 10, 1), lang) in letter.body, "the deadline that passed"
    assert format_date(date(2026, 12, 13), lang) in letter.body, "14 days from today"
    assert "14" in letter.body
    assert cite("15", lang) in letter.body, "the earlier request's article"
    assert cite("77", lang) in letter.body
    objection = render(
        make_context(lang, "reminder", earlier=EarlierRequest("objection", TODAY, TODAY))
    )
    assert cite("21(1)", lang) in objection.body


@pytest.mark.parametrize("lang", LANGUAGES)
def test_complaint_names_the_authority_and_the_timeline(lang: str) -> None:
    body = render(make_context(lang, "complaint")).body
    assert "Autoriteit Persoonsgegevens" in body
    for day, event in [
        (date(2026, 9, 1), "request sent by email"),
        (date(2026, 9, 3), "receipt acknowledged"),
        (date(2026, 10, 20), "reminder sent"),
    ]:
        assert re.search(re.escape(format_date(day, lang)) + r" ?: " + re.escape(event), body)
    for item in ("request of 1 September 2026", "proof of sending", "acknowledgement"):
        assert f"- {item}\n" in body
    assert cite("77(2)", lang) in body and cite("58(2)(c)", lang) in body
    assert cite("15", lang) in body and format_date(date(2026, 10, 1), lang) in body
    assert "+31 6 1234 5678" in body, "the authority may call"
    bare = render(make_context(lang, "complaint", earlier=None, timeline=[], attachments=[]))
    assert cite("58(2)(d)", lang) in bare.body


@pytest.mark.parametrize(
    "payload",
    ["{{ 7*7 }}", "{% for x in range(7) %}{{ x*7 }}{% endfor %}", "{{ ''.__class__.__mro__ }}"],
)
@pytest.mark.parametrize(("lang", "kind"), COMBOS)
def test_case26_template_syntax_typed_by_the_person_stays_literal(
    lang: str, kind: str, payload: str
) -> None:
    ctx = make_context(
        lang,
        kind,
        person=Person(f"Anna {payload}", [f"Straat {payload}"], [f"x{payload}@example.org"]),
        organisation=Recipient(f"Org {payload}", [payload], payload, payload),
        identifiers=[payload],
        categories=[payload],
        consents=[payload],
        purposes=[payload],
        corrections=payload,
        transfer_to=payload,
        details=payload,
        place=payload,
        timeline=[(TODAY, payload)],
        attachments=[payload],
        authority=dataclasses.replace(AUTHORITY, name=payload, address=payload),
    )
    letter = render(ctx)
    text = letter.subject + letter.body + letter.content
    assert payload in text
    assert "49" not in text and "<class" not in text and "0714" not in text


def test_names_with_line_breaks_do_not_break_the_subject() -> None:
    letter = render(make_context("en", "complaint", organisation=Recipient("Evil\nCorp", [])))
    assert letter.subject == "Complaint under Article 77 GDPR about Evil Corp"


def test_without_place_identifiers_or_email_the_letter_still_reads() -> None:
    ctx = make_context(
        "fr", "access", place="", identifiers=[], person=Person("Anna de Vries", ["Rue 1"])
    )
    body = render(ctx).body
    assert "\nLe 29 novembre 2026\n" in body
    assert "mes nom et adresse indiqués ci-dessus" in body
    assert "à mon adresse postale indiquée ci-dessus" in body


@pytest.mark.parametrize(
    ("kind", "changes", "field"),
    [
        ("rectification", {"corrections": "  "}, "corrections"),
        ("erasure", {"grounds": set()}, "grounds"),
        ("erasure", {"grounds": {"boredom"}}, "grounds"),
        ("restriction", {"grounds": {"consent-withdrawn"}}, "grounds"),
        ("reminder", {"earlier": None}, "earlier"),
        ("reminder", {"earlier": EarlierRequest("reminder", TODAY, TODAY)}, "earlier"),
        ("complaint", {"authority": None}, "authority"),
        ("access", {"person": Person(" ")}, "profile"),
        ("access", {"lang": "es"}, "language"),
        ("letter", {}, "type"),
    ],
)
def test_what_a_letter_cannot_do_without(kind: str, changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        render(dataclasses.replace(make_context("en", kind), **changes))
    assert caught.value.field == field


def test_grounds_are_ignored_where_a_letter_has_none() -> None:
    assert render(make_context("en", "access", grounds={"unlawful"})).body


@pytest.mark.parametrize(
    ("lang", "day", "text"),
    [
        ("en", date(2026, 11, 29), "29 November 2026"),
        ("nl", date(2026, 11, 29), "29 november 2026"),
        ("de", date(2026, 11, 29), "29. November 2026"),
        ("fr", date(2026, 11, 29), "29 novembre 2026"),
        ("fr", date(2026, 3, 1), "1er mars 2026"),
        ("de", date(2026, 3, 1), "1. März 2026"),
        ("nl", date(2026, 2, 1), "1 februari 2026"),
        ("fr", date(2026, 8, 15), "15 août 2026"),
    ],
)
def test_dates_are_written_as_each_language_writes_them(lang: str, day: date, text: str) -> None:
    assert format_date(day, lang) == text


@pytest.mark.parametrize(
    ("article", "lang", "text"),
    [
        ("15", "en", "Article 15 GDPR"),
        ("21(2)", "en", "Article 21(2) GDPR"),
        ("17(1)(b)", "en", "Article 17(1)(b) GDPR"),
        ("15", "nl", "artikel 15 AVG"),
        ("21(2)", "nl", "artikel 21 lid 2 AVG"),
        ("17(1)(b)", "nl", "artikel 17 lid 1 onder b AVG"),
        ("15", "de", "Art. 15 DSGVO"),
        ("21(2)", "de", "Art. 21 Abs. 2 DSGVO"),
        ("17(1)(b)", "de", "Art. 17 Abs. 1 lit. b DSGVO"),
        ("15", "fr", "article 15 du RGPD"),
        ("21(2)", "fr", "article 21, paragraphe 2, du RGPD"),
        ("17(1)(b)", "fr", "article 17, paragraphe 1, point b), du RGPD"),
    ],
)
def test_citations(article: str, lang: str, text: str) -> None:
    assert cite(article, lang) == text


def test_a_bad_citation_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        cite("15 lid 3", "nl")
    with pytest.raises(ValueError):
        cite("15", "es")


@pytest.mark.parametrize(
    ("lines", "place"),
    [
        (["Oudegracht 12", "3511 AB Utrecht"], "Utrecht"),
        (["Oudegracht 12", "3511AB Utrecht", "Nederland"], "Utrecht"),
        (["Hauptstr. 1", "10115 Berlin"], "Berlin"),
        (["1 rue de Rivoli", "75001 Paris"], "Paris"),
        (["Rue Neuve 1", "B-1000 Bruxelles"], "Bruxelles"),
        (["10 Downing Street", "London SW1A 2AA"], ""),
        ([], ""),
    ],
)
def test_the_place_comes_from_the_address(lines: list[str], place: str) -> None:
    assert place_from_address(lines) == place


# --- from a real vault ------------------------------------------------------------------------
@pytest.fixture
def ledger(paths: AppPaths) -> Iterator[Ledger]:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        yield Ledger(vault.conn)


@pytest.fixture
def org_id(ledger: Ledger) -> int:
    org = ledger.add_organisation(
        OrganisationInput(
            "Winkelhuis B.V.",
            domains=["winkelhuis.example"],
            country="NL",
            privacy_email="privacy@winkelhuis.example",
            postal_address="Postbus 100\n3500 AC Utrecht",
        )
    )
    ledger.add_account(org, AccountInput("anna@example.org"))
    ledger.add_account(org, AccountInput("klantnummer 7731-0042", status="closed"))
    ledger.add_disclosure(
        org, DisclosureInput("EmailAddress", purpose="newsletter", legal_basis="consent")
    )
    ledger.add_disclosure(
        org, DisclosureInput("BirthDate", purpose="offers", legal_basis="Toestemming")
    )
    ledger.add_disclosure(
        org, DisclosureInput("TelephoneNumber", purpose="delivery", legal_basis="contract")
    )
    ledger.add_disclosure(
        org,
        DisclosureInput(
            "BrowsingBehaviour",
            purpose="newsletter",
            legal_basis="consent",
            consent_withdrawn_on="2026-01-05",
        ),
    )
    return org


@pytest.fixture
def profile(ledger: Ledger) -> ProfileInput:
    data = ProfileInput(
        "Anna de Vries",
        "Oudegracht 12\n3511 AB Utrecht",
        ["private@example.net", "anna@example.org"],
        "+31 6 1234 5678",
        "NL",
    )
    ledger.set_profile(data)
    return data


def test_context_from_the_ledger(ledger: Ledger, org_id: int, profile: ProfileInput) -> None:
    ctx = context_from_ledger(ledger, org_id, "erasure", "nl", TODAY)
    assert ctx.person.name == "Anna de Vries"
    assert ctx.person.address_lines == ["Oudegracht 12", "3511 AB Utrecht"]
    assert ctx.place == "Utrecht"
    assert ctx.organisation == Recipient(
        "Winkelhuis B.V.", ["Postbus 100", "3500 AC Utrecht"], "privacy@winkelhuis.example", ""
    )
    assert ctx.identifiers == ["anna@example.org", "klantnummer 7731-0042"]
    assert ctx.categories == ["E-mailadres", "Geboortedatum", "Telefoonnummer", "Surfgedrag"]
    assert ctx.consents == ["E-mailadres (newsletter)", "Geboortedatum (offers)"]
    assert ctx.purposes == ["newsletter", "offers", "delivery"]
    assert ctx.grounds == {"not-necessary", "consent-withdrawn"}

    body = render(ctx).body
    for text in ("anna@example.org", "klantnummer 7731-0042", "- E-mailadres\n", "Surfgedrag"):
        assert text in body
    assert "private@example.net" not in body, "only what the organisation already holds"
    assert "Per e-mail op anna@example.org".lower() in body.lower()


def test_context_from_the_ledger_in_german_uses_english_labels(
    ledger: Ledger, org_id: int, profile: ProfileInput
) -> None:
    ctx = context_from_ledger(ledger, org_id, "withdraw-consent", "de", TODAY, place="Berlin")
    assert ctx.place == "Berlin"
    assert "Email Address" in ctx.categories
    body = render(ctx).body
    assert "- Email Address (newsletter)\n- Birth Date (offers)\n" in body
    assert "Browsing Behaviour" not in body, "a consent already withdrawn is not withdrawn again"


def test_context_from_the_ledger_takes_extra_fields(
    ledger: Ledger, org_id: int, profile: ProfileInput
) -> None:
    ctx = context_from_ledger(
        ledger, org_id, "rectification", "en", TODAY, corrections="Name: Anna, not Ann."
    )
    assert "Name: Anna, not Ann." in render(ctx).body
    ctx = context_from_ledger(ledger, org_id, "erasure", "en", TODAY, grounds={"unlawful"})
    assert ctx.grounds == {"unlawful"}
    with pytest.raises(TypeError, match="colour"):
        context_from_ledger(ledger, org_id, "access", "en", TODAY, colour="red")


def test_consents_fall_back_to_every_category(ledger: Ledger, profile: ProfileInput) -> None:
    org = ledger.add_organisation(OrganisationInput("Kruidenier"))
    ledger.add_disclosure(org, DisclosureInput("EmailAddress", legal_basis="contract"))
    ctx = context_from_ledger(ledger, org, "withdraw-consent", "en", TODAY)
    assert ctx.consents == ["Email Address"] == ctx.categories
    assert ctx.identifiers == [] and ctx.organisation.address_lines == []
    erasure = context_from_ledger(ledger, org, "erasure", "en", TODAY)
    assert erasure.grounds == {"not-necessary"}
    assert render(erasure).body


def test_a_complaint_goes_to_the_authority_of_the_persons_country(
    ledger: Ledger, org_id: int, profile: ProfileInput
) -> None:
    earlier = EarlierRequest("access", date(2026, 9, 1), date(2026, 10, 1))
    ctx = context_from_ledger(ledger, org_id, "complaint", "nl", TODAY, earlier=earlier)
    assert ctx.authority is not None and ctx.authority.slug == "nlap"
    body = render(ctx).body
    assert "Autoriteit Persoonsgegevens" in body and "Postbus 93374" in body


def test_missing_profile_name_is_a_validation_error(ledger: Ledger, org_id: int) -> None:
    with pytest.raises(ValidationError) as caught:
        context_from_ledger(ledger, org_id, "access", "en", TODAY)
    assert caught.value.field == "profile" and "name" in caught.value.message
    ledger.set_profile(ProfileInput(name="   ", postal_address="Oudegracht 12"))
    with pytest.raises(ValidationError):
        context_from_ledger(ledger, org_id, "access", "en", TODAY)


def test_unknown_type_or_language_from_the_ledger(
    ledger: Ledger, org_id: int, profile: ProfileInput
) -> None:
    with pytest.raises(ValidationError):
        context_from_ledger(ledger, org_id, "complain", "en", TODAY)
    with pytest.raises(ValidationError):
        context_from_ledger(ledger, org_id, "access", "es", TODAY)
