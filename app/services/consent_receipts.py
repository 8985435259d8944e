"""Each disclosure as a consent record: the fields of the Kantara Initiative Consent Receipt
Specification 1.1, plus the ISO/IEC TS 27560 / W3C DPV fields where those say more (legal
basis, consent status, data source as DPV IRIs). `resources/schema/README.md` documents how
every field is filled from the ledger.

The ledger records what the person knows, not what the organisation's systems hold, so a
field the ledger cannot know is left empty rather than guessed.
"""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from app.domain.taxonomy import Taxonomy, load_taxonomy
from app.services.export_files import NOT_ENCRYPTED, ExportResult, atomic_output
from app.services.progress import Progress
from app.storage.database import Connection, translate_errors

FORMAT = "quid-consent-records"
FORMAT_VERSION = 1
RECEIPT_VERSION = "KI-CR-v1.1.0"
DPV = "https://w3id.org/dpv#"
BATCH = 2000

# Free-text legal bases (as typed, in en/nl/de/fr) → DPV; the first match wins, so the more
# specific words come first ("legal obligation" before "contract" catches nothing wrong).
LEGAL_BASES = (
    (("legal obligation", "law", "wettelijk", "wet ", "gesetz", "obligation légale"),
     "LegalObligation"),
    (("consent", "toestemming", "einwilligung", "consentement"), "Consent"),
    (("contract", "overeenkomst", "vertrag", "contrat"), "Contract"),
    (("legitimate", "gerechtvaardigd", "berechtigt", "légitime"), "LegitimateInterest"),
    (("vital",), "VitalInterest"),
    (("public", "algemeen belang", "öffentlich", "official authority"), "PublicInterest"),
)  # fmt: skip
# Words in the purpose → DPV purposes, the more specific first (every match is listed).
PURPOSES = (
    (("personalised ad", "personalized ad", "targeted", "gepersonaliseerde advert"),
     "PersonalisedAdvertising"),
    (("advert", " ads", "ads ", "reclame", "werbung", "publicité"), "Advertising"),
    (("direct marketing", "newsletter", "nieuwsbrief"), "DirectMarketing"),
    (("marketing",), "Marketing"),
    (("account", "login", "log-in"), "AccountManagement"),
    (("deliver", "shipping", "bezorg", "verzend", "lieferung"), "DeliveryOfGoods"),
    (("payment", "billing", "invoice", "betaling", "factuur", "zahlung"), "PaymentManagement"),
    (("fraud", "fraude", "betrug"), "FraudPreventionAndDetection"),
    (("tax", "legal", "compliance", "wwft", "kyc", "belasting", "wet "), "LegalCompliance"),
    (("identity", "verification", "verify", "identiteit"), "IdentityVerification"),
    (("security", "beveiliging", "sicherheit"), "EnforceSecurity"),
    (("analytic", "statistic", "statistiek"), "ServiceUsageAnalytics"),
    (("personalis", "personaliz", "recommend", "aanbeveling"), "ServicePersonalisation"),
    (("customer service", "support", "klantenservice", "kundenservice"), "CustomerCare"),
    (("research", "onderzoek", "forschung"), "ResearchAndDevelopment"),
)  # fmt: skip
# How the data was collected → (Kantara collectionMethod text, DPV processing, DPV data source)
COLLECTION = {
    "": ("not recorded", None, None),
    "provided": ("provided by the data subject", "Collect", "DataSubject"),
    "observed": ("observed from the data subject's use", "Observe", "DataSubject"),
    "derived": ("derived from other data", "Derive", "DataController"),
    "inferred": ("inferred from other data", "Infer", "DataController"),
    "third_party": ("obtained from a third party", "Obtain", "ThirdParty"),
}


def _words(text: str) -> str:
    return f" {' '.join(text.casefold().split())} "


@functools.lru_cache(maxsize=1024)  # the same few texts recur over 100,000s of rows
def legal_basis_iri(text: str) -> str | None:
    """The DPV legal basis a free-text entry names; dpv:LegalBasis when it names none we
    know; None when nothing was recorded."""
    words = _words(text)
    if not words.strip():
        return None
    for needles, term in LEGAL_BASES:
        if any(n in words for n in needles):
            return DPV + term
    return DPV + "LegalBasis"


def purpose_iris(text: str) -> list[str]:
    """The DPV purposes a free-text purpose names. Matched words are used up, so "personalised
    ads" is PersonalisedAdvertising and not also Advertising and ServicePersonalisation."""
    return list(_purposes(text))


@functools.lru_cache(maxsize=1024)
def _purposes(text: str) -> tuple[str, ...]:
    words = _words(text)
    found = []
    for needles, term in PURPOSES:
        hits = [n for n in needles if n in words]
        if hits:
            found.append(DPV + term)
            for needle in hits:
                words = words.replace(needle, " ")
    return tuple(found)


def consent_status_iri(basis: str | None, withdrawn_on: str | None) -> str | None:
    if withdrawn_on:
        return DPV + "ConsentWithdrawn"
    if basis == DPV + "Consent":
        return DPV + "ConsentGiven"
    return DPV + "ConsentUnknown" if basis is None else None


def _epoch(day: str | None, fallback: str) -> int:
    """A date as seconds since 1970 (midnight UTC), as Kantara's consentTimestamp wants."""
    if day:
        return int(datetime.combine(date.fromisoformat(day), datetime.min.time(), UTC).timestamp())
    stamp = datetime.fromisoformat(fallback.replace("Z", "+00:00"))
    return int((stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).timestamp())


def _principal(conn: Connection) -> str:
    row = conn.execute("SELECT name, emails FROM profile WHERE id = 1").fetchone()
    if row is None:
        return "self"
    emails = json.loads(row[1])
    return emails[0] if emails else (row[0] or "self")


def _vault_id(conn: Connection) -> str:
    row = conn.execute("SELECT value FROM vault_meta WHERE key = 'vault_id'").fetchone()
    return str(row[0]) if row else "unknown"


_SELECT = (
    "SELECT d.id, d.category, d.detail, d.given_on, d.collection_method, d.purpose, "
    "d.legal_basis, d.required, d.necessary, d.shared, d.continuous, d.retention, "
    "d.consent_withdrawn_on, d.created_at, o.name, o.country, o.privacy_email, "
    "o.postal_address, o.phone, o.website, o.webform "
    "FROM disclosures d JOIN organisations o ON o.id = d.organisation_id ORDER BY d.id"
)
_COLUMNS = (
    "id", "category", "detail", "given_on", "collection_method", "purpose", "legal_basis",
    "required", "necessary", "shared", "continuous", "retention", "consent_withdrawn_on",
    "created_at", "org", "country", "email", "address", "phone", "website", "webform",
)  # fmt: skip


def receipt(
    row: dict[str, Any], principal: str, vault_id: str, taxonomy: Taxonomy
) -> dict[str, Any]:
    """One disclosure (with its organisation's columns) as a consent record."""
    known = taxonomy.get(row["category"]) if row["category"] in taxonomy else None
    category_iri = known.iri if known else row["category"]
    special = bool(known and (known.special or known.criminal))
    method, processing, source = COLLECTION.get(row["collection_method"], COLLECTION[""])
    basis = legal_basis_iri(row["legal_basis"])
    withdrawn = row["consent_withdrawn_on"]
    retention = row["retention"] or "not recorded"
    purpose = {
        "purpose": row["purpose"] or "not recorded",
        "purposeCategory": purpose_iris(row["purpose"]),
        "consentType": "EXPLICIT" if row["collection_method"] == "provided" else "IMPLICIT",
        "piiCategory": [category_iri],
        "primaryPurpose": row["necessary"] == 1,
        "termination": f"consent withdrawn on {withdrawn}" if withdrawn else retention,
        "thirdPartyDisclosure": bool(row["shared"]),
        "thirdPartyName": "third parties (not named)" if row["shared"] else "",
    }
    return {
        "version": RECEIPT_VERSION,
        "jurisdiction": row["country"] or "EU",
        "consentTimestamp": _epoch(row["given_on"], row["created_at"]),
        "collectionMethod": method,
        "consentReceiptID": str(uuid.uuid5(uuid.NAMESPACE_URL,
                                           f"urn:quid:{vault_id}:disclosure:{row['id']}")),
        "language": "en",
        "piiPrincipalId": principal,
        "piiControllers": [{
            "piiController": row["org"], "contact": "", "address": row["address"],
            "email": row["email"], "phone": row["phone"], "piiControllerUrl": row["website"],
        }],
        "policyUrl": row["webform"] or row["website"],
        "services": [{"service": row["org"], "purposes": [purpose]}],
        "sensitive": special,
        "spiCat": [category_iri] if special else [],
        # ISO/IEC TS 27560 / DPV
        "legalBasis": basis,
        "legalBasisText": row["legal_basis"],
        "consentStatus": consent_status_iri(basis, withdrawn),
        "consentWithdrawnTimestamp": _epoch(withdrawn, row["created_at"]) if withdrawn else None,
        "processing": [DPV + processing] if processing else [],
        "dataSource": DPV + source if source else None,
        "personalDataDetail": row["detail"],
        "requiredByController": bool(row["required"]),
        "necessaryForService": None if row["necessary"] is None else bool(row["necessary"]),
        "continuousCollection": bool(row["continuous"]),
        "retention": row["retention"],
        "quidDisclosureId": row["id"],
    }  # fmt: skip


def consent_receipts(
    conn: Connection, taxonomy: Taxonomy | None = None
) -> Iterator[dict[str, Any]]:
    """Every disclosure's record, in id order, read in batches."""
    known = taxonomy or load_taxonomy()
    principal, vault_id = _principal(conn), _vault_id(conn)
    cursor = conn.execute(_SELECT)
    while batch := cursor.fetchmany(BATCH):
        for values in batch:
            yield receipt(dict(zip(_COLUMNS, values, strict=True)), principal, vault_id, known)


def export_consent_receipts(
    conn: Connection,
    path: Path,
    progress: Progress | None = None,
    *,
    taxonomy: Taxonomy | None = None,
    now: datetime | None = None,
) -> ExportResult:
    """Write every disclosure's consent record to `path` (atomically, mode 0600)."""
    progress = progress or Progress()
    encode = json.JSONEncoder(ensure_ascii=False).encode
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0).isoformat()
    head = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": stamp,
        "notice": NOT_ENCRYPTED,
        "specification": "Kantara Consent Receipt 1.1 fields with ISO/IEC TS 27560 / W3C DPV "
        "fields (legalBasis, consentStatus, processing, dataSource); see Quid's "
        "resources/schema/README.md.",
    }
    total = int(conn.execute("SELECT count(*) FROM disclosures").fetchone()[0])
    count = 0
    progress.step(0, total)
    with translate_errors(), atomic_output(path) as out:
        out.write(("{\n" + ",\n".join(f"{encode(k)}: {encode(v)}" for k, v in head.items())
                   + ',\n"receipts": [').encode())  # fmt: skip
        for record in consent_receipts(conn, taxonomy):
            out.write((",\n" if count else "\n").encode() + encode(record).encode())
            count += 1
            if count % BATCH == 0:
                progress.step(count, total)
        out.write(b"\n]\n}\n" if count else b"]\n}\n")
        progress.step(count, total)  # the last chance to cancel: the file is not in place yet
    return ExportResult((path,), count)
