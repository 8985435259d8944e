"""Tracking requests on a real vault: draft → sent (due date) → extended → answered, overdue,
replies with encrypted attachments, categories they hold that the ledger lacks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from app.domain.ledger import DisclosureInput, OrganisationInput, ValidationError
from app.errors import QuidError
from app.paths import AppPaths
from app.services.ledger import Ledger
from app.services.requests import RequestService
from app.storage.header import KeyMode
from app.storage.vault import create_vault


@pytest.fixture
def ledger(paths: AppPaths) -> Iterator[Ledger]:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        yield Ledger(vault.conn)


def shop(ledger: Ledger, country: str = "NL") -> int:
    org = ledger.add_organisation(OrganisationInput("Shop", country=country))
    ledger.add_disclosure(org, DisclosureInput("EmailAddress"))
    return org


def test_life_of_a_request(ledger: Ledger) -> None:
    org = shop(ledger)
    service = RequestService(ledger.conn, today=date(2026, 3, 1))
    rid = service.create_draft(org, "access", "nl", "Inzageverzoek", "Geachte heer/mevrouw, …")
    assert service.row(rid).status == "draft" and service.row(rid).due_on is None
    due = service.mark_sent(rid, date(2026, 3, 27), "email")
    assert due == date(2026, 4, 28), "27 April is King's Day in the Netherlands"
    assert service.row(rid).status == "sent"
    with pytest.raises(QuidError):
        service.update_text(rid, "x", "the sent text is kept")
    until = service.extend(rid, "many requests this month", on=date(2026, 4, 10))
    assert until == date(2026, 6, 29), "27 June 2026 is a Saturday"
    assert service.row(rid).due_on == until and service.row(rid).status == "extended"
    event = service.record_reply(
        rid, date(2026, 5, 2), "they sent a copy",
        attachments=(("reply.pdf", "application/pdf", b"%PDF-1.4 reply"),),
        categories=("EmailAddress", "Location"),
    )  # fmt: skip
    assert service.row(rid).status == "answered"
    assert service.categories_not_in_ledger(event) == ["Location"]
    ((att_id, name, _mime, size),) = service.attachments(rid)
    assert (name, size) == ("reply.pdf", 14)
    assert service.attachment_content(att_id) == b"%PDF-1.4 reply"
    kinds = [e.kind for e in service.timeline(rid)]
    assert kinds == ["drafted", "sent", "extended", "answered"]


def test_post_counts_from_the_expected_receipt(ledger: Ledger) -> None:
    org = shop(ledger, country="DE")
    service = RequestService(ledger.conn, post_days=3)
    rid = service.create_draft(org, "erasure", "de", "Löschung", "Sehr geehrte …")
    # sent Thursday 1 Oct 2026, received Sunday 4 Oct → due 4 Nov 2026 (a Wednesday)
    assert service.mark_sent(rid, date(2026, 10, 1), "post") == date(2026, 11, 4)


def test_overdue_and_due_soon(ledger: Ledger) -> None:
    org = shop(ledger)
    early = RequestService(ledger.conn, today=date(2026, 1, 5))
    late_id = early.create_draft(org, "access", "en", "Access", "Dear …")
    early.mark_sent(late_id, date(2026, 1, 5))
    soon_id = early.create_draft(org, "erasure", "en", "Erasure", "Dear …")
    early.mark_sent(soon_id, date(2026, 2, 1))
    later = RequestService(ledger.conn, today=date(2026, 2, 26))
    assert [r.id for r in later.requests(overdue=True)] == [late_id]
    assert {r.id for r in later.due_soon()} == {late_id, soon_id}
    assert later.row(late_id).as_json()["status"] == "overdue"


def test_bad_input_changes_nothing(ledger: Ledger) -> None:
    org = shop(ledger)
    service = RequestService(ledger.conn)
    with pytest.raises(ValidationError):
        service.create_draft(org, "gimme", "en", "x", "y")
    with pytest.raises(ValidationError):
        service.create_draft(org, "access", "es", "x", "y")
    with pytest.raises(ValidationError):
        service.create_draft(org, "access", "en", "x", "")
    rid = service.create_draft(org, "access", "en", "Access", "Dear …")
    with pytest.raises(QuidError):
        service.record_reply(rid, summary="not sent yet")
    with pytest.raises(ValidationError):
        service.mark_sent(rid, via="pigeon")
    assert service.row(rid).status == "draft"
    assert [e.kind for e in service.timeline(rid)] == ["drafted"]
