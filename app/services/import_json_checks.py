"""Checking a Quid ledger file before anything is written: every record's types, every field
through the domain's own validators (`*Input.cleaned()`), every reference between records.

The first problem found stops the import with a message that names the place in the file, as
`organisations[3].country: 'XYZ' is not a two-letter country code (NL, DE …).`, and says that
nothing was changed. The result holds rows ready to insert, with the file's ids.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from functools import partial
from typing import Any

from app.domain.assessment import Weights
from app.domain.ledger import (
    AccountInput,
    BenefitInput,
    DisclosureInput,
    OrganisationInput,
    ProfileInput,
    clean_choice,
    clean_domain,
    clean_text,
    name_key,
)
from app.domain.requests import CHANNELS, EVENT_KINDS, LANGUAGES, REQUEST_TYPES, STATUSES
from app.domain.taxonomy import Taxonomy, UnknownCategoryError
from app.errors import QT_TR_NOOP
from app.services.assessment import CATEGORY_VALUE_MAX, clean_weight, weight_limits
from app.services.export_json import FIELDS, FORMAT, FORMAT_VERSION, LEDGER_SETTINGS, TABLES
from app.services.import_json_fields import (
    FileRecord,
    ImportFileError,
    fail,
)
from app.services.progress import Progress
from app.services.requests import MAX_ATTACHMENT
from app.services.tiers import TierInput

Row = dict[str, Any]
VALUE_MAX = 1_000_000_000
_TOP_LEVEL = {"format", "version", "schema_version", "exported_at", "notice", "profile",
              "settings", *TABLES}  # fmt: skip

# The domain validators name fields in words ("legal basis"); the file names them by key.
_ORGANISATION_KEYS = {"domain": "domains", "email": "privacy_email", "address": "postal_address",
                      "alias": "aliases", "quality": "directory_quality",
                      "source": "directory_sources"}  # fmt: skip
_DISCLOSURE_KEYS = {"date": "given_on", "how": "collection_method", "legal basis": "legal_basis",
                    "consent withdrawn on": "consent_withdrawn_on"}  # fmt: skip
_BENEFIT_KEYS = {"value": "value_cents", "from": "started_on", "until": "ended_on"}
_ACCOUNT_KEYS = {"first used": "first_used", "last used": "last_used"}
_PROFILE_KEYS = {"address": "postal_address", "email": "emails"}
_TIER_KEYS = {"value": "value_cents"}
#: what a record's owner id points at, when the file has no such record
_NOT_IN_FILE = {
    "organisations": QT_TR_NOOP("there is no organisation {id} in the file."),
    "requests": QT_TR_NOOP("there is no request {id} in the file."),
}


@dataclass
class LedgerFile:
    """A checked ledger file: rows keyed by column, in file order, with the file's ids."""

    profile: Row | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t in TABLES})

    @property
    def records(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


def _category(taxonomy: Taxonomy, key: Any, where: str) -> str:
    if not isinstance(key, str):
        fail(where, QT_TR_NOOP("must be a data category key such as EmailAddress."))
    try:
        return taxonomy.get(key).key
    except UnknownCategoryError as exc:
        fail(where, exc.message)


def _categories(record: FileRecord, taxonomy: Taxonomy) -> list[str]:
    keys = record.texts("categories")
    found = [_category(taxonomy, k, f"{record.at('categories')}[{i}]") for i, k in enumerate(keys)]
    return list(dict.fromkeys(found))


# --- the tables -----------------------------------------------------------------------------
def _organisation(r: FileRecord, now: str) -> Row:
    for index, domain in enumerate(r.texts("domains")):
        r.cleaned(partial(clean_domain, domain), {"domain": f"domains[{index}]"})
    for key, limit in (("aliases", 300), ("directory_sources", 500)):
        for index, text in enumerate(r.texts(key)):
            r.cleaned(partial(clean_text, "x", text, limit), {"x": f"{key}[{index}]"})
    slug = r.optional_text("directory_slug")
    o: OrganisationInput = r.cleaned(lambda: OrganisationInput(
        name=r.text("name", required=True), domains=r.texts("domains"), country=r.text("country"),
        privacy_email=r.text("privacy_email"), postal_address=r.text("postal_address"),
        phone=r.text("phone"), website=r.text("website"), webform=r.text("webform"),
        notes=r.text("notes"), aliases=r.texts("aliases"), directory_slug=slug,
        directory_quality=r.text("directory_quality"),
        directory_sources=r.texts("directory_sources"),
    ).cleaned(), _ORGANISATION_KEYS)  # fmt: skip
    return {"id": r.ident(), "name": o.name, "name_key": name_key(o.name),
            "aliases": json.dumps(o.aliases), "country": o.country,
            "privacy_email": o.privacy_email, "postal_address": o.postal_address,
            "phone": o.phone, "website": o.website, "webform": o.webform,
            "directory_slug": o.directory_slug, "directory_quality": o.directory_quality,
            "directory_sources": json.dumps(o.directory_sources), "notes": o.notes,
            "created_at": r.timestamp("created_at", now),
            "updated_at": r.timestamp("updated_at", now), "domains": o.domains}  # fmt: skip


def _stamps(r: FileRecord, now: str) -> Row:
    return {
        "created_at": r.timestamp("created_at", now),
        "updated_at": r.timestamp("updated_at", now),
    }


def _account(r: FileRecord, now: str) -> Row:
    a: AccountInput = r.cleaned(lambda: AccountInput(
        identifier=r.text("identifier"), status=r.text("status", "active"),
        first_used=r.optional_text("first_used"), last_used=r.optional_text("last_used"),
        notes=r.text("notes"),
    ).cleaned(), _ACCOUNT_KEYS)  # fmt: skip
    return {"id": r.ident(), "organisation_id": r.ident("organisation_id"), **vars(a),
            **_stamps(r, now)}  # fmt: skip


def _disclosure(r: FileRecord, now: str, taxonomy: Taxonomy) -> Row:
    category = taxonomy.get(_category(taxonomy, r.text("category", required=True),
                                      r.at("category")))  # fmt: skip
    d: DisclosureInput = r.cleaned(lambda: DisclosureInput(
        category=category.key, detail=r.text("detail"), given_on=r.optional_text("given_on"),
        collection_method=r.text("collection_method"), purpose=r.text("purpose"),
        legal_basis=r.text("legal_basis"), required=r.flag("required"),
        necessary=r.optional_flag("necessary"), shared=r.flag("shared"),
        continuous=r.flag("continuous"), retention=r.text("retention"),
        consent_withdrawn_on=r.optional_text("consent_withdrawn_on"),
    ).cleaned(), _DISCLOSURE_KEYS)  # fmt: skip
    row = {"id": r.ident(), "organisation_id": r.ident("organisation_id"), **vars(d),
           "sensitivity": category.sensitivity, **_stamps(r, now)}  # fmt: skip
    for flag in ("required", "shared", "continuous"):
        row[flag] = int(row[flag])
    row["necessary"] = None if d.necessary is None else int(d.necessary)
    return row


def _benefit(r: FileRecord, now: str) -> Row:
    b: BenefitInput = r.cleaned(lambda: BenefitInput(
        kind=r.text("kind", required=True), description=r.text("description"),
        value_cents=r.integer("value_cents", nullable=True), period=r.text("period", "once"),
        started_on=r.optional_text("started_on"), ended_on=r.optional_text("ended_on"),
    ).cleaned(), _BENEFIT_KEYS)  # fmt: skip
    return {"id": r.ident(), "organisation_id": r.ident("organisation_id"), **vars(b),
            **_stamps(r, now)}  # fmt: skip


def _tier(r: FileRecord, now: str, taxonomy: Taxonomy) -> Row:
    categories = _categories(r, taxonomy)
    t: TierInput = r.cleaned(lambda: TierInput(
        name=r.text("name", required=True), description=r.text("description"),
        categories=tuple(categories), value_cents=r.integer("value_cents", nullable=True),
        period=r.text("period", "month"), chosen=r.flag("chosen"),
    ).cleaned(taxonomy), _TIER_KEYS)  # fmt: skip
    return {"id": r.ident(), "organisation_id": r.ident("organisation_id"), "name": t.name,
            "description": t.description, "value_cents": t.value_cents, "period": t.period,
            "chosen": int(t.chosen), "position": r.integer("position", 0), **_stamps(r, now),
            "categories": list(t.categories)}  # fmt: skip


def _request(r: FileRecord, now: str) -> Row:
    def check() -> Row:
        return {
            "type": clean_choice("type", r.text("type", required=True), tuple(REQUEST_TYPES)),
            "language": clean_choice("language", r.text("language", required=True), LANGUAGES),
            "channel": clean_choice("channel", r.text("channel"), ("", *CHANNELS)),
            "subject": clean_text("subject", r.text("subject"), 300),
            "body": clean_text("body", r.text("body", required=True), 100_000, required=True),
            "status": clean_choice("status", r.text("status", "draft"), STATUSES),
            "extension_reason": clean_text("extension_reason", r.text("extension_reason"), 2000),
        }

    checked = r.cleaned(check, {})
    days = {key: r.day(key) for key in ("sent_on", "received_on", "due_on", "extended_to")}
    return {"id": r.ident(), "organisation_id": r.ident("organisation_id"),
            "parent_id": r.ident("parent_id", nullable=True), **checked, **days,
            **_stamps(r, now)}  # fmt: skip


def _event(r: FileRecord, now: str, taxonomy: Taxonomy) -> Row:
    kind = r.cleaned(lambda: clean_choice("kind", r.text("kind", required=True), EVENT_KINDS), {})
    summary = r.cleaned(lambda: clean_text("summary", r.text("summary"), 5000), {})
    return {"id": r.ident(), "request_id": r.ident("request_id"), "kind": kind,
            "happened_on": r.day("happened_on", required=True), "summary": summary,
            "created_at": r.timestamp("created_at", now),
            "categories": _categories(r, taxonomy)}  # fmt: skip


def _attachment(r: FileRecord, now: str) -> Row:
    name = r.cleaned(lambda: clean_text("filename", r.text("filename", required=True), 255,
                                        required=True), {})  # fmt: skip
    mime = r.cleaned(lambda: clean_text("mime", r.text("mime", "application/octet-stream"),
                                        255), {})  # fmt: skip
    encoded = r.text("content_base64", required=True)
    if len(encoded) > (MAX_ATTACHMENT // 3 + 1) * 4:
        fail(r.at("content_base64"), QT_TR_NOOP("is larger than 50 MB."))
    try:
        content = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        fail(r.at("content_base64"), QT_TR_NOOP("is not base64 text."))
    size = r.integer("size", len(content))
    if size != len(content):
        fail(r.at("size"), QT_TR_NOOP("says {size} bytes but the content has {actual}."),
             size=size, actual=len(content))  # fmt: skip
    return {"id": r.ident(), "request_id": r.ident("request_id"),
            "event_id": r.ident("event_id", nullable=True), "filename": name,
            "mime": mime or "application/octet-stream", "size": size, "content": content,
            "created_at": r.timestamp("created_at", now)}  # fmt: skip


# --- the whole file -------------------------------------------------------------------------
def _profile(value: Any, now: str) -> Row | None:
    if value is None:
        return None
    r = FileRecord(value, "profile", ("name", "postal_address", "emails", "phone", "country",
                                   "updated_at"))  # fmt: skip
    for index, email in enumerate(r.texts("emails")):
        r.cleaned(ProfileInput(emails=[email]).cleaned, {"email": f"emails[{index}]"})
    p: ProfileInput = r.cleaned(lambda: ProfileInput(
        name=r.text("name"), postal_address=r.text("postal_address"), emails=r.texts("emails"),
        phone=r.text("phone"), country=r.text("country"),
    ).cleaned(), _PROFILE_KEYS)  # fmt: skip
    return {**vars(p), "updated_at": r.timestamp("updated_at", now)}


def _weights(w: FileRecord) -> dict[str, int | float]:
    """The weights as the settings dialog could have saved them (its ranges, whole months),
    so a file can never store one that breaks assessing."""
    found: dict[str, int | float] = {}
    for key, number in w.raw.items():
        cleaned = clean_weight(key, number)
        if cleaned is None:
            high, whole = weight_limits(key)
            if whole:
                fail(w.at(key), QT_TR_NOOP("must be a whole number from 0 to {high:g}."), high=high)
            fail(w.at(key), QT_TR_NOOP("must be a number from 0 to {high:g}."), high=high)
        found[key] = cleaned
    questionable = found.get("questionable_ratio", Weights.questionable_ratio)
    unbalanced = found.get("unbalanced_ratio", Weights.unbalanced_ratio)
    if questionable > unbalanced and "questionable_ratio" in found:
        fail(w.at("questionable_ratio"), QT_TR_NOOP(
            "{questionable:g} must not be above unbalanced_ratio ({unbalanced:g}), as in the "
            "assessment settings."), questionable=questionable, unbalanced=unbalanced)  # fmt: skip
    if questionable > unbalanced:
        fail(w.at("unbalanced_ratio"), QT_TR_NOOP(
            "{unbalanced:g} must not be below questionable_ratio ({questionable:g}), as in the "
            "assessment settings."), questionable=questionable, unbalanced=unbalanced)  # fmt: skip
    return found


def _settings(value: Any, taxonomy: Taxonomy) -> dict[str, Any]:
    r = FileRecord({} if value is None else value, "settings", LEDGER_SETTINGS)
    found: dict[str, Any] = {}
    weights = r.raw.get("assessment.weights")
    if weights is not None:
        names = tuple(f.name for f in fields(Weights))
        found["assessment.weights"] = _weights(
            FileRecord(weights, r.at("assessment.weights"), names)
        )
    values = r.raw.get("assessment.category_values")
    if values is not None:
        if not isinstance(values, dict):
            fail(r.at("assessment.category_values"), QT_TR_NOOP("must be an object ({…})."))
        for key, cents in values.items():
            where = f"settings.assessment.category_values.{key}"
            _category(taxonomy, key, where)
            if (
                isinstance(cents, bool)
                or not isinstance(cents, int)
                or not 0 <= cents <= CATEGORY_VALUE_MAX
            ):  # what the Assessment Settings dialog can save
                fail(where, QT_TR_NOOP("must be whole cents from 0 to {most:,}."),
                     most=CATEGORY_VALUE_MAX)  # fmt: skip
        found["assessment.category_values"] = values
    return found


def _check_references(data: LedgerFile) -> None:
    ids: dict[str, set[int]] = {}
    for table in TABLES:
        seen: set[int] = set()
        for index, row in enumerate(data.tables[table]):
            if row["id"] in seen:
                fail(f"{table}[{index}].id", QT_TR_NOOP("{id} appears twice in {table}."),
                     id=row["id"], table=table)  # fmt: skip
            seen.add(row["id"])
        ids[table] = seen
    owners = {"accounts": ("organisation_id", "organisations"),
              "disclosures": ("organisation_id", "organisations"),
              "benefits": ("organisation_id", "organisations"),
              "tiers": ("organisation_id", "organisations"),
              "requests": ("organisation_id", "organisations"),
              "request_events": ("request_id", "requests"),
              "attachments": ("request_id", "requests")}  # fmt: skip
    for table, (key, target) in owners.items():
        for index, row in enumerate(data.tables[table]):
            if row[key] not in ids[target]:
                fail(f"{table}[{index}].{key}", _NOT_IN_FILE[target], id=row[key])
    for index, row in enumerate(data.tables["requests"]):
        parent = row["parent_id"]
        if parent is not None and (parent not in ids["requests"] or parent == row["id"]):
            fail(f"requests[{index}].parent_id",
                 QT_TR_NOOP("there is no other request {id} in the file."), id=parent)  # fmt: skip
    event_request = {e["id"]: e["request_id"] for e in data.tables["request_events"]}
    for index, row in enumerate(data.tables["attachments"]):
        event = row["event_id"]
        if event is not None and event_request.get(event) != row["request_id"]:
            fail(f"attachments[{index}].event_id",
                 QT_TR_NOOP("there is no event {event} of request {request} in the file."),
                 event=event, request=row["request_id"])  # fmt: skip
    chosen: dict[int, int] = {}
    for index, row in enumerate(data.tables["tiers"]):
        if row["chosen"] and row["organisation_id"] in chosen:
            fail(f"tiers[{index}].chosen",
                 QT_TR_NOOP("tiers[{other}] of the same organisation is already the chosen one."),
                 other=chosen[row["organisation_id"]])  # fmt: skip
        if row["chosen"]:
            chosen[row["organisation_id"]] = index


def check_document(document: Any, taxonomy: Taxonomy, progress: Progress | None = None,
                   now: datetime | None = None) -> LedgerFile:  # fmt: skip
    """The whole document checked (see the module's docstring); raises ImportFileError."""
    progress = progress or Progress()
    stamp = (now or datetime.now(UTC)).replace(microsecond=0).isoformat()
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFileError(QT_TR_NOOP(
            'This is not a Quid ledger file (no "format": "{format}"). Nothing was changed.'
        ), format=FORMAT)  # fmt: skip
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        fail("version", QT_TR_NOOP("must be the file format's version number."))
    if version > FORMAT_VERSION:
        raise ImportFileError(QT_TR_NOOP(
            "This file was written by a newer Quid (format version {found}; this Quid reads up "
            "to {latest}). Update Quid to import it. Nothing was changed."
        ), found=version, latest=FORMAT_VERSION)  # fmt: skip
    for key in document:
        if key not in _TOP_LEVEL:
            fail(key, QT_TR_NOOP("is not a part of a Quid ledger file."))
    data = LedgerFile(_profile(document.get("profile"), stamp),
                      _settings(document.get("settings"), taxonomy))  # fmt: skip
    checkers: dict[str, Callable[[FileRecord], Row]] = {
        "organisations": lambda r: _organisation(r, stamp),
        "accounts": lambda r: _account(r, stamp),
        "disclosures": lambda r: _disclosure(r, stamp, taxonomy),
        "benefits": lambda r: _benefit(r, stamp),
        "tiers": lambda r: _tier(r, stamp, taxonomy),
        "requests": lambda r: _request(r, stamp),
        "request_events": lambda r: _event(r, stamp, taxonomy),
        "attachments": lambda r: _attachment(r, stamp),
    }
    total = sum(len(v) for k, v in document.items() if k in TABLES and isinstance(v, list))
    done = 0
    for table in TABLES:
        items = document.get(table, [])
        if not isinstance(items, list):
            fail(table, QT_TR_NOOP("must be a list ([…])."))
        rows = data.tables[table]
        for index, item in enumerate(items):
            rows.append(checkers[table](FileRecord(item, f"{table}[{index}]", FIELDS[table])))
            done += 1
            if done % 2000 == 0:
                progress.step(done, total)
    _check_references(data)
    progress.step(done, total)
    return data
