"""Consent records: each disclosure as a Kantara Consent Receipt 1.1 with the ISO/IEC TS 27560
/ DPV fields, built from a real vault; the legal bases and purposes typed in four languages map
to DPV terms that exist."""

from __future__ import annotations

import csv
import json
import os
import stat
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.ledger import DisclosureInput, OrganisationInput, ProfileInput
from app.paths import AppPaths
from app.services import consent_receipts as receipts
from app.services.consent_receipts import (
    DPV,
    consent_receipts,
    export_consent_receipts,
    legal_basis_iri,
    purpose_iris,
)
from app.services.ledger import Ledger
from app.services.progress import Cancelled, Progress
from app.storage.header import KeyMode
from app.storage.vault import Vault, create_vault

KANTARA_FIELDS = {
    "version",
    "jurisdiction",
    "consentTimestamp",
    "collectionMethod",
    "consentReceiptID",
    "language",
    "piiPrincipalId",
    "piiControllers",
    "policyUrl",
    "services",
    "sensitive",
    "spiCat",
}
CONTROLLER_FIELDS = {"piiController", "contact", "address", "email", "phone", "piiControllerUrl"}
PURPOSE_FIELDS = {
    "purpose",
    "purposeCategory",
    "consentType",
    "piiCategory",
    "primaryPurpose",
    "termination",
    "thirdPartyDisclosure",
    "thirdPartyName",
}
SHARED_DPV = Path(__file__).resolve().parents[3] / "shared" / "data" / "dpv"


@pytest.fixture
def vault(paths: AppPaths) -> Iterator[Vault]:
    vault, _recovery = create_vault(paths, KeyMode.KEYRING)
    with vault:
        ledger = Ledger(vault.conn)
        ledger.set_profile(ProfileInput("Jan", emails=["jan@example.nl", "j@example.org"]))
        shop = ledger.add_organisation(
            OrganisationInput(
                "Shop B.V.",
                country="NL",
                privacy_email="privacy@shop.example",
                postal_address="Straat 1, Utrecht",
                phone="+31 30 123",
                website="https://shop.example",
            )
        )
        ledger.add_disclosure(
            shop,
            DisclosureInput(
                "EmailAddress",
                given_on="2024-02-29",
                collection_method="provided",
                purpose="Newsletter and personalised ads",
                legal_basis="toestemming",
                shared=True,
                necessary=False,
                required=True,
                retention="2 years",
            ),
        )
        ledger.add_disclosure(
            shop,
            DisclosureInput(
                "Location",
                collection_method="observed",
                purpose="delivery",
                legal_basis="Vertrag",
                necessary=True,
                consent_withdrawn_on="2025-01-10",
                continuous=True,
            ),
        )
        ledger.add_disclosure(shop, DisclosureInput("HealthRecord"))
        yield vault


def test_each_disclosure_is_a_kantara_receipt_with_dpv_terms(vault) -> None:
    email, location, health = list(consent_receipts(vault.conn))
    for record in (email, location, health):
        assert set(record) >= KANTARA_FIELDS and "publicKey" not in record
        assert record["version"] == "KI-CR-v1.1.0" and record["language"] == "en"
        assert set(record["piiControllers"][0]) == CONTROLLER_FIELDS
        assert set(record["services"][0]["purposes"][0]) == PURPOSE_FIELDS
        assert record["piiPrincipalId"] == "jan@example.nl"
        assert uuid.UUID(record["consentReceiptID"]).version == 5
    controller = email["piiControllers"][0]
    assert (controller["piiController"], controller["email"], controller["piiControllerUrl"]) == (
        "Shop B.V.",
        "privacy@shop.example",
        "https://shop.example",
    )
    assert email["jurisdiction"] == "NL" and email["policyUrl"] == "https://shop.example"
    assert email["consentTimestamp"] == int(datetime(2024, 2, 29, tzinfo=UTC).timestamp())
    purpose = email["services"][0]["purposes"][0]
    assert purpose["piiCategory"] == ["https://w3id.org/dpv/pd#EmailAddress"]
    assert purpose["purposeCategory"] == [DPV + "PersonalisedAdvertising", DPV + "DirectMarketing"]
    assert (purpose["consentType"], purpose["primaryPurpose"], purpose["termination"]) == (
        "EXPLICIT",
        False,
        "2 years",
    )
    assert purpose["thirdPartyDisclosure"] is True and purpose["thirdPartyName"]
    assert (email["legalBasis"], email["consentStatus"]) == (DPV + "Consent", DPV + "ConsentGiven")
    assert email["requiredByController"] is True and email["necessaryForService"] is False
    assert (email["processing"], email["dataSource"]) == ([DPV + "Collect"], DPV + "DataSubject")

    assert location["legalBasis"] == DPV + "Contract"
    assert location["consentStatus"] == DPV + "ConsentWithdrawn"
    assert location["consentWithdrawnTimestamp"] == int(
        datetime(2025, 1, 10, tzinfo=UTC).timestamp()
    )
    assert (
        location["services"][0]["purposes"][0]["termination"] == "consent withdrawn on 2025-01-10"
    )
    assert location["services"][0]["purposes"][0]["primaryPurpose"] is True
    assert location["services"][0]["purposes"][0]["purposeCategory"] == [DPV + "DeliveryOfGoods"]
    assert location["services"][0]["purposes"][0]["consentType"] == "IMPLICIT"
    assert location["processing"] == [DPV + "Observe"]

    assert health["sensitive"] is True
    assert health["spiCat"] == ["https://w3id.org/dpv/pd#HealthRecord"]
    assert (health["legalBasis"], health["consentStatus"]) == (None, DPV + "ConsentUnknown")
    assert health["collectionMethod"] == "not recorded" and email["sensitive"] is False


def test_export_file_holds_the_receipts_and_says_it_is_not_encrypted(vault, tmp_path) -> None:
    path = tmp_path / "records.json"
    result = export_consent_receipts(vault.conn, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert result.records == 3 == len(document["receipts"])
    assert document["format"] == "quid-consent-records" and "not encrypted" in document["notice"]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    again = tmp_path / "again.json"
    export_consent_receipts(vault.conn, again)
    ids = [r["consentReceiptID"] for r in json.loads(again.read_text())["receipts"]]
    assert ids == [r["consentReceiptID"] for r in document["receipts"]], "stable receipt ids"
    assert len(set(ids)) == 3


def test_a_cancel_at_the_end_writes_nothing_and_keeps_the_old_file(vault, tmp_path) -> None:
    """Below 2,000 disclosures the last step is the only chance to cancel; a cancel there
    must leave nothing, not the finished file beside "nothing was written"."""
    (tmp_path / "exports").mkdir()
    path = tmp_path / "exports" / "records.json"
    progress = Progress(lambda done, total: progress.cancel() if total and done == total else None)
    with pytest.raises(Cancelled):
        export_consent_receipts(vault.conn, path, progress)
    assert list(path.parent.iterdir()) == []
    path.write_text("old")
    progress = Progress(lambda done, total: progress.cancel() if total and done == total else None)
    with pytest.raises(Cancelled):
        export_consent_receipts(vault.conn, path, progress)
    assert [p.name for p in path.parent.iterdir()] == ["records.json"]
    assert path.read_text() == "old"


def test_no_profile_means_the_principal_is_self(paths, tmp_path) -> None:
    vault, _recovery = create_vault(paths, KeyMode.KEYRING)
    with vault:
        ledger = Ledger(vault.conn)
        ledger.add_disclosure(
            ledger.add_organisation(OrganisationInput("X")), DisclosureInput("Name")
        )
        record = next(consent_receipts(vault.conn))
        assert record["piiPrincipalId"] == "self" and record["jurisdiction"] == "EU"
        path = tmp_path / "empty.json"
        Ledger(vault.conn).delete_organisation(1)
        assert export_consent_receipts(vault.conn, path).records == 0
        assert json.loads(path.read_text())["receipts"] == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("consent", "Consent"),
        ("Toestemming (art. 6 lid 1 a)", "Consent"),
        ("Einwilligung", "Consent"),
        ("contract", "Contract"),
        ("uitvoering overeenkomst", "Contract"),
        ("contrat", "Contract"),
        ("legal obligation", "LegalObligation"),
        ("wettelijke verplichting", "LegalObligation"),
        ("legitimate interest", "LegitimateInterest"),
        ("gerechtvaardigd belang", "LegitimateInterest"),
        ("vital interest", "VitalInterest"),
        ("public task", "PublicInterest"),
        ("because they said so", "LegalBasis"),
    ],
)
def test_legal_bases_in_four_languages(text, term) -> None:
    assert legal_basis_iri(text) == DPV + term
    assert legal_basis_iri("  ") is None


def test_purposes() -> None:
    assert purpose_iris("") == []
    assert purpose_iris("account, payment and fraud checks") == [
        DPV + "AccountManagement",
        DPV + "PaymentManagement",
        DPV + "FraudPreventionAndDetection",
    ]


@pytest.mark.skipif(not SHARED_DPV.is_dir(), reason="needs ../shared/data/dpv")
def test_every_dpv_term_used_exists_in_dpv() -> None:
    terms = set()
    for name in ("legal_basis.csv", "purposes.csv", "consent_status.csv"):
        with (SHARED_DPV / name).open(encoding="utf-8") as handle:
            terms |= {row["iri"] for row in csv.DictReader(handle)}
    used = {DPV + term for _words, term in (*receipts.LEGAL_BASES, *receipts.PURPOSES)}
    used |= {DPV + s for s in ("ConsentGiven", "ConsentWithdrawn", "ConsentUnknown", "LegalBasis")}
    assert used - terms == set()
