"""The evidence bundle read back: the request and its reminder as sent, the timeline with the
proof of sending, the reply's attachment with its fingerprint; rich text stays literal."""

from __future__ import annotations

import hashlib
import io
from datetime import date

from pypdf import PdfReader

from app.domain.ledger import OrganisationInput
from app.paths import AppPaths
from app.render.evidence_pdf import evidence_bundle
from app.services.ledger import Ledger
from app.services.requests import RequestService
from app.storage.header import KeyMode
from app.storage.vault import create_vault


def test_bundle_holds_letters_timeline_and_attachments(paths: AppPaths, qapp) -> None:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        org = Ledger(vault.conn).add_organisation(OrganisationInput("Shop <b>B.V.</b>",
                                                                    country="NL"))  # fmt: skip
        service = RequestService(vault.conn, today=date(2026, 6, 1))
        rid = service.create_draft(org, "access", "nl", "Inzageverzoek",
                                   "Geachte heer/mevrouw,\nik verzoek om inzage.")  # fmt: skip
        service.mark_sent(rid, date(2026, 3, 27), "post")
        reminder = service.create_draft(
            org, "reminder", "nl", "Herinnering", "Ik herinner u aan mijn verzoek.", parent_id=rid
        )
        service.mark_sent(reminder, date(2026, 5, 15), "email")
        reply = b"%PDF-1.4 their partial answer"
        service.record_reply(
            rid,
            date(2026, 5, 20),
            "partial answer",
            attachments=(("antwoord.pdf", "application/pdf", reply),),
        )
        pdf = evidence_bundle(service, rid, today=date(2026, 6, 1))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Evidence bundle" in text and "Shop <b>B.V.</b>" in text
    assert "Inzageverzoek" in text and "ik verzoek om inzage." in text
    assert "Herinnering" in text, "the reminder is part of the bundle"
    assert "2026-03-27 sent" in text and "via post" in text
    assert "antwoord.pdf" in text and hashlib.sha256(reply).hexdigest()[:16] in text
