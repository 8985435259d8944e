"""The ledger's records and the rules for what a valid field is. Pure: no Qt, no I/O."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.errors import FIELDS, QT_TR_NOOP, QuidError, word

NAME_MAX = 300
TEXT_MAX = 2000
NOTES_MAX = 5000

ACCOUNT_STATUSES = ("active", "dormant", "closed", "erasure_requested", "erased")
BENEFIT_KINDS = ("service", "discount", "money", "points", "content", "convenience", "other")
PERIODS = ("once", "month", "year")
COLLECTION_METHODS = ("", "provided", "observed", "derived", "inferred", "third_party")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


class ValidationError(QuidError):
    """A field is not acceptable; `field` names it so a dialog can show the message there."""

    def __init__(self, field_name: str, message: str, **values: Any) -> None:
        message = message.format(**values) if values else message
        super().__init__(
            QT_TR_NOOP("{field}: {message}").format(field=word(field_name, FIELDS), message=message)
        )
        self.field = field_name
        self.message = message


def name_key(name: str) -> str:
    """How names compare: case-, accent- and space-insensitive."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


def clean_text(
    field_name: str, value: str, limit: int = TEXT_MAX, *, required: bool = False
) -> str:
    text = value.strip()
    if "\x00" in text:
        raise ValidationError(field_name, QT_TR_NOOP("contains a NUL character."))
    if required and not text:
        raise ValidationError(field_name, QT_TR_NOOP("must not be empty."))
    if len(text) > limit:
        raise ValidationError(
            field_name,
            QT_TR_NOOP("is too long ({length:,} characters; at most {limit:,})."),
            length=len(text),
            limit=limit,
        )
    return text


def clean_email(field_name: str, value: str) -> str:
    text = clean_text(field_name, value, 320)
    if text and not _EMAIL.match(text):
        raise ValidationError(
            field_name, QT_TR_NOOP("'{value}' is not an email address."), value=text[:60]
        )
    return text


def clean_domain(value: str) -> str:
    text = value.strip().lower().removeprefix("https://").removeprefix("http://")
    text = text.split("/")[0].removeprefix("www.")
    if not _DOMAIN.match(text):
        raise ValidationError(
            "domain",
            QT_TR_NOOP("'{value}' is not a domain such as example.com."),
            value=value[:60],
        )
    return text


def clean_country(value: str) -> str:
    text = value.strip().upper()
    if text and not _COUNTRY.match(text):
        raise ValidationError(
            "country",
            QT_TR_NOOP("'{value}' is not a two-letter country code (NL, DE …)."),
            value=value[:20],
        )
    return text


def clean_date(field_name: str, value: str | date | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            field_name, QT_TR_NOOP("'{value}' is not a date (YYYY-MM-DD)."), value=value[:30]
        ) from None
    if parsed.year < 1900 or parsed > date.today().replace(year=date.today().year + 1):
        raise ValidationError(
            field_name, QT_TR_NOOP("{date} is out of range."), date=parsed.isoformat()
        )
    return parsed.isoformat()


def clean_choice(field_name: str, value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        allowed = ", ".join(c for c in choices if c)
        raise ValidationError(
            field_name,
            QT_TR_NOOP("'{value}' is not one of: {allowed}."),
            value=value[:30],
            allowed=allowed,
        )
    return value


@dataclass
class OrganisationInput:
    name: str
    domains: list[str] = field(default_factory=list)
    country: str = ""
    privacy_email: str = ""
    postal_address: str = ""
    phone: str = ""
    website: str = ""
    webform: str = ""
    notes: str = ""
    aliases: list[str] = field(default_factory=list)
    directory_slug: str | None = None
    directory_quality: str = ""
    directory_sources: list[str] = field(default_factory=list)

    def cleaned(self) -> OrganisationInput:
        return OrganisationInput(
            name=clean_text("name", self.name, NAME_MAX, required=True),
            domains=sorted({clean_domain(d) for d in self.domains if d.strip()}),
            country=clean_country(self.country),
            privacy_email=clean_email("email", self.privacy_email),
            postal_address=clean_text("address", self.postal_address),
            phone=clean_text("phone", self.phone, 100),
            website=clean_text("website", self.website, 500),
            webform=clean_text("webform", self.webform, 500),
            notes=clean_text("notes", self.notes, NOTES_MAX),
            aliases=[clean_text("alias", a, NAME_MAX) for a in self.aliases if a.strip()],
            directory_slug=self.directory_slug or None,
            directory_quality=clean_text("quality", self.directory_quality, 50),
            directory_sources=[clean_text("source", s, 500) for s in self.directory_sources],
        )


@dataclass
class DisclosureInput:
    category: str
    detail: str = ""
    given_on: str | None = None
    collection_method: str = ""
    purpose: str = ""
    legal_basis: str = ""
    required: bool = False
    necessary: bool | None = None
    shared: bool = False
    continuous: bool = False
    retention: str = ""
    consent_withdrawn_on: str | None = None

    def cleaned(self) -> DisclosureInput:
        return DisclosureInput(
            category=self.category,
            detail=clean_text("detail", self.detail),
            given_on=clean_date("date", self.given_on),
            collection_method=clean_choice("how", self.collection_method, COLLECTION_METHODS),
            purpose=clean_text("purpose", self.purpose),
            legal_basis=clean_text("legal basis", self.legal_basis, 200),
            required=bool(self.required),
            necessary=None if self.necessary is None else bool(self.necessary),
            shared=bool(self.shared),
            continuous=bool(self.continuous),
            retention=clean_text("retention", self.retention, 200),
            consent_withdrawn_on=clean_date("consent withdrawn on", self.consent_withdrawn_on),
        )


@dataclass
class BenefitInput:
    kind: str
    description: str = ""
    value_cents: int | None = None
    period: str = "once"
    started_on: str | None = None
    ended_on: str | None = None

    def cleaned(self) -> BenefitInput:
        if self.value_cents is not None and self.value_cents < 0:
            raise ValidationError("value", QT_TR_NOOP("cannot be negative."))
        if self.value_cents is not None and self.value_cents > 1_000_000_000:
            raise ValidationError("value", QT_TR_NOOP("is implausibly large."))
        started = clean_date("from", self.started_on)
        ended = clean_date("until", self.ended_on)
        if started and ended and ended < started:
            raise ValidationError("until", QT_TR_NOOP("is before the start date."))
        return BenefitInput(
            kind=clean_choice("kind", self.kind, BENEFIT_KINDS),
            description=clean_text("description", self.description),
            value_cents=self.value_cents,
            period=clean_choice("period", self.period, PERIODS),
            started_on=started,
            ended_on=ended,
        )


@dataclass
class AccountInput:
    identifier: str = ""
    status: str = "active"
    first_used: str | None = None
    last_used: str | None = None
    notes: str = ""

    def cleaned(self) -> AccountInput:
        first = clean_date("first used", self.first_used)
        last = clean_date("last used", self.last_used)
        if first and last and last < first:
            raise ValidationError("last used", QT_TR_NOOP("is before the first use."))
        return AccountInput(
            identifier=clean_text("identifier", self.identifier, 320),
            status=clean_choice("status", self.status, ACCOUNT_STATUSES),
            first_used=first,
            last_used=last,
            notes=clean_text("notes", self.notes, NOTES_MAX),
        )


@dataclass
class ProfileInput:
    name: str = ""
    postal_address: str = ""
    emails: list[str] = field(default_factory=list)
    phone: str = ""
    country: str = ""

    def cleaned(self) -> ProfileInput:
        return ProfileInput(
            name=clean_text("name", self.name, NAME_MAX),
            postal_address=clean_text("address", self.postal_address),
            emails=[clean_email("email", e) for e in self.emails if e.strip()],
            phone=clean_text("phone", self.phone, 100),
            country=clean_country(self.country),
        )
