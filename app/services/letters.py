"""GDPR request letters: a context filled from the ledger, rendered from per-language templates.

Templates live in `resources/letters/<lang>/<type>.txt.j2` (plain text; the first line is the
subject) with shared wording in `resources/letters/<lang>/common.j2`. They are rendered in a
Jinja sandbox, and everything the person typed reaches them only as variables: template syntax
in a name, an identifier or a correction is printed as it was typed, never run. No Qt.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Set
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from app.domain.citations import cite, format_date
from app.domain.ledger import ValidationError
from app.domain.requests import LANGUAGES, REQUEST_TYPES
from app.domain.taxonomy import UnknownCategoryError
from app.errors import QT_TR_NOOP
from app.resources import resource_path
from app.services.directory import Authority, load_directory
from app.services.ledger import Ledger

#: Letters sent to the organisation (all but the complaint, which goes to the authority).
REQUEST_LETTERS = tuple(key for key in REQUEST_TYPES if key != "complaint")

#: What a reminder or a complaint can refer to: the requests themselves.
REQUESTS = tuple(key for key in REQUEST_LETTERS if key != "reminder")

#: Art. 17(1) grounds an erasure letter can invoke, and the point of 17(1) each is.
ERASURE_GROUNDS = {
    "not-necessary": "a",
    "consent-withdrawn": "b",
    "objection": "c",
    "unlawful": "d",
}
#: Art. 18(1) grounds a restriction letter can invoke, and the point of 18(1) each is.
RESTRICTION_GROUNDS = {"accuracy": "a", "unlawful": "b", "legal-claims": "c", "objection": "d"}
GROUNDS = {"erasure": ERASURE_GROUNDS, "restriction": RESTRICTION_GROUNDS}

#: Days a reminder gives the organisation to answer after the Art. 12(3) deadline passed.
REMINDER_DAYS = 14

#: Words by which a ledger's free-text legal basis says "consent", in the four languages.
CONSENT_WORDS = ("consent", "toestemming", "einwilligung", "consentement")

# a postcode at the start of an address line: NL "1234 AB", DE/FR/BE/AT/CH "10115", "B-1000"
_POSTCODE = re.compile(r"^(?:[A-Z]{1,2}-)?(?:\d{4}\s?[A-Z]{2}|\d{4,5})\s+(?=\D)")


# --- the context -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Person:
    """Who writes: the profile, as the letter shows it."""

    name: str
    address_lines: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    phone: str = ""


@dataclass(frozen=True)
class Recipient:
    """The organisation a letter is about (and, except for a complaint, addressed to)."""

    name: str
    address_lines: list[str] = field(default_factory=list)
    email: str = ""
    webform: str = ""


@dataclass(frozen=True)
class EarlierRequest:
    """The request a reminder or a complaint refers to."""

    type: str
    sent_on: date
    due_on: date


@dataclass(frozen=True)
class LetterContext:
    """Everything a letter says, as plain data. `categories` are labels in the letter's
    language (English for de and fr); `grounds` are keys of `ERASURE_GROUNDS` or
    `RESTRICTION_GROUNDS`; `details` is the person's own explanation (the particular situation
    of an objection, the decision concerned, what a complaint is about)."""

    lang: str
    type: str
    today: date
    person: Person
    organisation: Recipient
    place: str = ""
    identifiers: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    consents: list[str] = field(default_factory=list)
    purposes: list[str] = field(default_factory=list)
    grounds: Set[str] = frozenset()
    corrections: str = ""
    transfer_to: str = ""
    details: str = ""
    earlier: EarlierRequest | None = None
    authority: Authority | None = None
    timeline: list[tuple[date, str]] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Letter:
    """A rendered letter. `body` is the whole letter below the subject: the sender's and the
    recipient's address blocks, place and date, the text and the signed name — what a plain-text
    file or an e-mail carries. `content` is the same letter without the address blocks, the date
    line and the signed name (greeting to closing formula), for a layout that sets those itself,
    such as the PDF."""

    subject: str
    body: str
    lang: str
    type: str
    content: str = ""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        text = _one_line(item)
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return list(seen.values())


def place_from_address(address_lines: list[str]) -> str:
    """The town of an address whose last lines start with a postcode ('1234 AB Utrecht' →
    'Utrecht', '10115 Berlin' → 'Berlin'); '' when no line does."""
    for line in reversed(address_lines):
        match = _POSTCODE.match(line.strip())
        if match:
            return line.strip()[match.end() :].strip()
    return ""


# --- the template environment ----------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    """The sandbox the letters render in. Plain text, so no HTML escaping."""
    return SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(resource_path("letters"))),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _macro(lang: str, name: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"no such letter language: {lang!r}")
    module = environment().get_template(f"{lang}/common.j2").module
    return _one_line(str(getattr(module, name)()))


def deadline_sentence(lang: str) -> str:
    """The sentence on the one-month deadline of Art. 12(3), as every request letter has it."""
    return _macro(lang, "deadline")


def free_sentence(lang: str) -> str:
    """The sentence that the request is free of charge (Art. 12(5))."""
    return _macro(lang, "free")


def no_id_sentence(lang: str) -> str:
    """The paragraph that no ID document is enclosed and only reasonable doubt justifies more
    identification (Art. 12(6))."""
    return _macro(lang, "no_id")


# --- rendering -------------------------------------------------------------------------------
def _check_kind(kind: str, lang: str) -> None:
    if kind not in REQUEST_TYPES:
        raise ValidationError(
            "type", QT_TR_NOOP("'{kind}' is not a kind of letter."), kind=kind[:30]
        )
    if lang not in LANGUAGES:
        raise ValidationError(
            "language",
            QT_TR_NOOP("'{language}' is not one of {languages}."),
            language=lang[:10],
            languages=", ".join(LANGUAGES),
        )


def _check(ctx: LetterContext) -> None:
    """What a letter cannot do without; ValidationError names the missing field."""
    _check_kind(ctx.type, ctx.lang)
    if not ctx.person.name.strip():
        raise ValidationError(
            "profile", QT_TR_NOOP("fill in your name in your profile: letters are signed.")
        )
    if ctx.type in GROUNDS:
        unknown = sorted(set(ctx.grounds) - set(GROUNDS[ctx.type]))
        if unknown:
            raise ValidationError(
                "grounds",
                QT_TR_NOOP("not a ground for this letter: {grounds}."),
                grounds=", ".join(unknown),
            )
        if not ctx.grounds:
            raise ValidationError("grounds", QT_TR_NOOP("choose at least one ground that applies."))
    if ctx.type == "rectification" and not ctx.corrections.strip():
        raise ValidationError(
            "corrections", QT_TR_NOOP("say which data is wrong and what it should be.")
        )
    if ctx.type == "reminder" and ctx.earlier is None:
        raise ValidationError("earlier", QT_TR_NOOP("a reminder needs the request it refers to."))
    if ctx.earlier is not None and ctx.earlier.type not in REQUESTS:
        raise ValidationError(
            "earlier", QT_TR_NOOP("'{kind}' is not a request."), kind=ctx.earlier.type[:30]
        )
    if ctx.type == "complaint" and ctx.authority is None:
        raise ValidationError(
            "authority", QT_TR_NOOP("choose the supervisory authority to complain to.")
        )


def _variables(ctx: LetterContext) -> dict[str, Any]:
    """What the templates see: strings and lists of strings, dates already written out."""
    lang = ctx.lang

    def when(day: date) -> str:
        return format_date(day, lang)

    emails = _unique(ctx.person.emails)
    known = {identifier.casefold() for identifier in ctx.identifiers}
    reply = next((e for e in emails if e.casefold() in known), emails[0] if emails else "")
    cite_here: Callable[[str], str] = functools.partial(cite, lang=lang)
    earlier = None
    if ctx.earlier is not None:
        earlier = {
            "type": ctx.earlier.type,
            "article": REQUEST_TYPES[ctx.earlier.type].article,
            "sent_on": when(ctx.earlier.sent_on),
            "due_on": when(ctx.earlier.due_on),
        }
    authority = None
    if ctx.authority is not None:
        authority = {
            "name": _one_line(ctx.authority.name),
            "address_lines": _lines(ctx.authority.address),
        }
    return {
        "lang": lang,
        "type": ctx.type,
        "article": REQUEST_TYPES[ctx.type].article,
        "cite": cite_here,
        "today": when(ctx.today),
        "answer_by": when(ctx.today + timedelta(days=REMINDER_DAYS)),
        "place": _one_line(ctx.place),
        "person": {
            "name": _one_line(ctx.person.name),
            "address_lines": _lines("\n".join(ctx.person.address_lines)),
            "phone": _one_line(ctx.person.phone),
        },
        "reply_email": reply,
        "org": {
            "name": _one_line(ctx.organisation.name),
            "address_lines": _lines("\n".join(ctx.organisation.address_lines)),
            "email": ctx.organisation.email.strip(),
            "webform": ctx.organisation.webform.strip(),
        },
        "identifiers": _unique(ctx.identifiers),
        "categories": _unique(ctx.categories),
        "consents": _unique(ctx.consents),
        "purposes": _unique(ctx.purposes),
        "grounds": sorted(ctx.grounds, key=GROUNDS[ctx.type].__getitem__)
        if ctx.type in GROUNDS
        else [],
        "corrections": ctx.corrections.strip(),
        "transfer_to": ctx.transfer_to.strip(),
        "details": ctx.details.strip(),
        "earlier": earlier,
        "authority": authority,
        "timeline": [(when(day), _one_line(text)) for day, text in sorted(ctx.timeline)],
        "attachments": _unique(ctx.attachments),
    }


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def render(ctx: LetterContext) -> Letter:
    """The letter: the template's first line is the subject, the rest the body (and, rendered
    once more without the address blocks, date line and signed name, the content)."""
    _check(ctx)
    template = environment().get_template(f"{ctx.lang}/{ctx.type}.txt.j2")
    variables = _variables(ctx)
    subject, _, body = _tidy(template.render(variables, blocks=True)).partition("\n")
    _, _, content = _tidy(template.render(variables, blocks=False)).partition("\n")
    return Letter(
        subject=subject.strip(),
        body=body.strip("\n") + "\n",
        lang=ctx.lang,
        type=ctx.type,
        content=content.strip("\n") + "\n",
    )


# --- from the ledger -------------------------------------------------------------------------
def _is_consent(legal_basis: str | None) -> bool:
    text = (legal_basis or "").casefold()
    return any(word in text for word in CONSENT_WORDS)


def context_from_ledger(
    ledger: Ledger, org_id: int, type: str, lang: str, today: date, **extra: Any
) -> LetterContext:
    """A letter's context from the profile, the organisation and its records. `extra` sets or
    overrides any other field of `LetterContext` (place, grounds, corrections, earlier …).

    Identifiers are the accounts' identifiers (only what the organisation already has);
    categories the disclosed categories; consents the disclosures given on consent and not yet
    withdrawn (every category when there are none); purposes the disclosures' purposes. An
    erasure's grounds default to "no longer necessary", plus "consent withdrawn" when some data
    was given on consent; a complaint's authority defaults to that of the person's country."""
    _check_kind(type, lang)
    names = {f.name for f in fields(LetterContext)} - {"lang", "type", "today"}
    unknown = sorted(set(extra) - names)
    if unknown:
        raise TypeError(f"unknown letter field(s): {', '.join(unknown)}")

    profile = ledger.profile()
    if not profile.name.strip():
        raise ValidationError(
            "profile",
            QT_TR_NOOP("fill in your name in your profile first: every letter is signed with it."),
        )
    org = ledger.organisation(org_id)
    accounts = ledger.records("accounts", org_id)
    disclosures = ledger.records("disclosures", org_id)

    def label(key: str) -> str:
        try:
            return ledger.taxonomy.get(key).label(lang)
        except UnknownCategoryError:
            return key

    categories = _unique([label(d["category"]) for d in disclosures])
    consented = [
        d for d in disclosures if _is_consent(d["legal_basis"]) and not d["consent_withdrawn_on"]
    ]
    consents = _unique(
        [
            f"{label(d['category'])} ({_one_line(d['purpose'])})" if d["purpose"].strip()
            else label(d["category"])
            for d in consented
        ]
    )  # fmt: skip
    address = _lines(profile.postal_address)
    values: dict[str, Any] = {
        "person": Person(profile.name, address, list(profile.emails), profile.phone),
        "organisation": Recipient(
            org.name, _lines(org.postal_address), org.privacy_email, org.webform
        ),
        "place": place_from_address(address),
        "identifiers": _unique([a["identifier"] for a in accounts]),
        "categories": categories,
        "consents": consents or categories,
        "purposes": _unique([d["purpose"] for d in disclosures]),
    }
    if type == "erasure":
        values["grounds"] = frozenset(
            {"not-necessary", *(["consent-withdrawn"] if consented else [])}
        )
    if type == "complaint" and "authority" not in extra:
        country = profile.country or org.country
        values["authority"] = load_directory().authority_for_country(country) if country else None
    values.update(extra)
    return LetterContext(lang=lang, type=type, today=today, **values)
