"""Tracking GDPR requests: drafts, sending, deadlines (Art. 12(3)), replies, reminders and
complaints, with a dated timeline for each. Every change is one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from app.domain.ledger import ValidationError, clean_choice, clean_text
from app.domain.requests import CHANNELS, LANGUAGES, OPEN_STATUSES, REQUEST_TYPES
from app.errors import QT_TR_NOOP, TERMS, QuidError, word
from app.storage.database import Connection, transaction

MAX_ATTACHMENT = 50 * 1024 * 1024  # bytes; larger replies should be kept outside
#: The summaries the service writes on the timeline itself, by event kind: stored in English
#: (exports carry them); the UI shows them in its language (app/ui/timeline_text.py).
GENERATED_SUMMARIES = {
    "sent": QT_TR_NOOP("via {channel}; answer due {due}"),
    "acknowledged": QT_TR_NOOP("they confirmed receipt"),
    "escalated": QT_TR_NOOP("complaint request {id}"),
    "reminded": QT_TR_NOOP("reminder {id}"),
}


@dataclass(frozen=True)
class RequestRow:
    id: int
    organisation_id: int
    organisation: str
    type: str
    language: str
    status: str  # "overdue" when an open request is past its (extended) due date
    channel: str
    sent_on: date | None
    due_on: date | None  # the current due date: the extension's, if any
    parent_id: int | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "organisation": self.organisation,
            "type": self.type,
            "status": self.status,
            "sent_on": self.sent_on.isoformat() if self.sent_on else None,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "language": self.language,
            "channel": self.channel,
        }


@dataclass(frozen=True)
class Event:
    id: int
    kind: str
    happened_on: date
    summary: str


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


class RequestNotFoundError(QuidError):
    pass


class RequestService:
    def __init__(self, conn: Connection, today: date | None = None, post_days: int = 3) -> None:
        self.conn = conn
        self.today = today or date.today()
        self.post_days = post_days

    # --- creating ------------------------------------------------------------------------
    def create_draft(
        self, org_id: int, type_: str, lang: str, subject: str, body: str,
        parent_id: int | None = None,
    ) -> int:  # fmt: skip
        clean_choice("type", type_, tuple(REQUEST_TYPES))
        clean_choice("language", lang, LANGUAGES)
        subject = clean_text("subject", subject, 300)
        body = clean_text("body", body, 100_000, required=True)
        if not self.conn.execute("SELECT 1 FROM organisations WHERE id = ?", (org_id,)).fetchone():
            raise QuidError(QT_TR_NOOP("There is no organisation with id {id}."), id=org_id)
        now = _now()
        with transaction(self.conn):
            cursor = self.conn.execute(
                "INSERT INTO requests(organisation_id, type, language, subject, body, parent_id,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (org_id, type_, lang, subject, body, parent_id, now, now),
            )
            request_id = int(cursor.lastrowid or 0)
            self._event(request_id, "drafted", self.today, "")
        return request_id

    def update_text(self, request_id: int, subject: str, body: str) -> None:
        """The person edited the letter; only a draft may change (the sent text is kept)."""
        if self.row(request_id).status != "draft":
            raise QuidError(QT_TR_NOOP("This request was sent; its letter can no longer change."))
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE requests SET subject = ?, body = ?, updated_at = ? WHERE id = ?",
                (clean_text("subject", subject, 300),
                 clean_text("body", body, 100_000, required=True), _now(), request_id),
            )  # fmt: skip

    # --- the request's life ---------------------------------------------------------------
    def mark_sent(self, request_id: int, on: date | None = None, via: str = "email") -> date:
        """Sent: the deadline runs from the (expected) receipt. Returns the due date."""
        from app.domain.gdpr import due_date, expected_receipt

        clean_choice("via", via, CHANNELS)
        row = self.row(request_id)
        if row.status != "draft":
            raise QuidError(QT_TR_NOOP("Request {id} was already sent."), id=request_id)
        sent = on or self.today
        received = expected_receipt(sent, via, self.post_days)
        due = due_date(received, self._country(row.organisation_id))
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE requests SET status = 'sent', channel = ?, sent_on = ?, received_on = ?,"
                " due_on = ?, updated_at = ? WHERE id = ?",
                (via, sent.isoformat(), received.isoformat(), due.isoformat(), _now(), request_id),
            )
            summary = GENERATED_SUMMARIES["sent"].format(channel=via, due=due.isoformat())
            self._event(request_id, "sent", sent, summary)
        return due

    def acknowledge(self, request_id: int, on: date | None = None) -> None:
        self._transition(request_id, "acknowledged", on, GENERATED_SUMMARIES["acknowledged"])

    def extend(self, request_id: int, reason: str, on: date | None = None) -> date:
        """The organisation extended by two further months (Art. 12(3)), giving `reason`."""
        from app.domain.gdpr import extended_due_date

        reason = clean_text("reason", reason, 2000, required=True)
        row = self._require_open(request_id)
        received = self._received(request_id)
        extended = extended_due_date(received, self._country(row.organisation_id))
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE requests SET status = 'extended', extended_to = ?, extension_reason = ?,"
                " updated_at = ? WHERE id = ?",
                (extended.isoformat(), reason, _now(), request_id),
            )
            self._event(request_id, "extended", on or self.today, reason)
        return extended

    def record_reply(
        self, request_id: int, on: date | None = None, summary: str = "", *,
        refused: bool = False, attachments: tuple[tuple[str, str, bytes], ...] = (),
        categories: tuple[str, ...] = (),
    ) -> int:  # fmt: skip
        """Their answer (or refusal), with files kept encrypted in the vault; returns the event.
        For an access reply, `categories` are the data categories they say they hold."""
        summary = clean_text("summary", summary, 5000)
        for name, _mime, content in attachments:
            clean_text("attachment name", name, 255, required=True)
            if len(content) > MAX_ATTACHMENT:
                raise ValidationError(
                    "attachment", QT_TR_NOOP("{name} is larger than 50 MB."), name=name[:60]
                )
        self._require_open(request_id)
        kind = "refused" if refused else "answered"
        day = on or self.today
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE requests SET status = ?, updated_at = ? WHERE id = ?",
                (kind, _now(), request_id),
            )
            event_id = self._event(request_id, kind, day, summary)
            now = _now()
            self.conn.executemany(
                "INSERT INTO attachments(request_id, event_id, filename, mime, size, content,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(request_id, event_id, n, m, len(c), c, now) for n, m, c in attachments],
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO reply_categories(event_id, category) VALUES (?, ?)",
                [(event_id, c) for c in categories],
            )
        return event_id

    def close(self, request_id: int, on: date | None = None, summary: str = "") -> None:
        self._transition(request_id, "closed", on, summary, from_any=True)

    def escalate(self, request_id: int, complaint_id: int, on: date | None = None) -> None:
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE requests SET status = 'escalated', updated_at = ? WHERE id = ?",
                (_now(), request_id),
            )
            self._event(request_id, "escalated", on or self.today,
                        GENERATED_SUMMARIES["escalated"].format(id=complaint_id))  # fmt: skip

    def note_reminder(self, request_id: int, reminder_id: int, on: date | None = None) -> None:
        with transaction(self.conn):
            summary = GENERATED_SUMMARIES["reminded"].format(id=reminder_id)
            self._event(request_id, "reminded", on or self.today, summary)

    # --- reading -------------------------------------------------------------------------
    _SELECT = (
        "SELECT r.id, r.organisation_id, o.name, r.type, r.language, r.status, r.channel, "
        "r.sent_on, coalesce(r.extended_to, r.due_on), r.parent_id "
        "FROM requests r JOIN organisations o ON o.id = r.organisation_id"
    )

    def _row(self, values: tuple[Any, ...]) -> RequestRow:
        due = _day(values[8])
        status = values[5]
        if status in OPEN_STATUSES and due is not None and due < self.today:
            status = "overdue"
        return RequestRow(values[0], values[1], values[2], values[3], values[4], status,
                          values[6], _day(values[7]), due, values[9])  # fmt: skip

    def row(self, request_id: int) -> RequestRow:
        found = self.conn.execute(f"{self._SELECT} WHERE r.id = ?", (request_id,)).fetchone()
        if found is None:
            raise RequestNotFoundError(QT_TR_NOOP("There is no request {id}."), id=request_id)
        return self._row(found)

    def requests(self, *, overdue: bool = False, org_id: int | None = None) -> list[RequestRow]:
        where, args = ("WHERE r.organisation_id = ?", (org_id,)) if org_id else ("", ())
        rows = [self._row(v) for v in self.conn.execute(
            f"{self._SELECT} {where} ORDER BY coalesce(r.extended_to, r.due_on) IS NULL, "
            "coalesce(r.extended_to, r.due_on), r.id", args)]  # fmt: skip
        return [r for r in rows if r.status == "overdue"] if overdue else rows

    def due_soon(self, within: int = 7) -> list[RequestRow]:
        """Open requests that are overdue or due within `within` days."""
        return [
            r for r in self.requests()
            if r.due_on is not None and r.status in (*OPEN_STATUSES, "overdue")
            and (r.due_on - self.today).days <= within
        ]  # fmt: skip

    def letter(self, request_id: int) -> tuple[str, str]:
        found = self.conn.execute(
            "SELECT subject, body FROM requests WHERE id = ?", (request_id,)
        ).fetchone()
        if found is None:
            raise RequestNotFoundError(QT_TR_NOOP("There is no request {id}."), id=request_id)
        return str(found[0]), str(found[1])

    def timeline(self, request_id: int) -> list[Event]:
        return [
            Event(i, k, date.fromisoformat(d), s)
            for i, k, d, s in self.conn.execute(
                "SELECT id, kind, happened_on, summary FROM request_events WHERE request_id = ?"
                " ORDER BY happened_on, id",
                (request_id,),
            )
        ]

    def attachments(self, request_id: int) -> list[tuple[int, str, str, int]]:
        return [tuple(r) for r in self.conn.execute(
            "SELECT id, filename, mime, size FROM attachments WHERE request_id = ? ORDER BY id",
            (request_id,))]  # fmt: skip

    def attachment_content(self, attachment_id: int) -> bytes:
        found = self.conn.execute(
            "SELECT content FROM attachments WHERE id = ?", (attachment_id,)
        ).fetchone()
        if found is None:
            raise RequestNotFoundError(QT_TR_NOOP("There is no attachment {id}."), id=attachment_id)
        return bytes(found[0])

    def categories_not_in_ledger(self, event_id: int) -> list[str]:
        """They say they hold these, but the ledger has no such disclosure: ask where it came
        from (Art. 15(1)(g))."""
        return [r[0] for r in self.conn.execute(
            "SELECT rc.category FROM reply_categories rc JOIN request_events e ON e.id = "
            "rc.event_id JOIN requests r ON r.id = e.request_id WHERE rc.event_id = ? AND NOT "
            "EXISTS (SELECT 1 FROM disclosures d WHERE d.organisation_id = r.organisation_id "
            "AND d.category = rc.category) ORDER BY rc.category", (event_id,))]  # fmt: skip

    # --- helpers -------------------------------------------------------------------------
    def _event(self, request_id: int, kind: str, on: date, summary: str) -> int:
        cursor = self.conn.execute(
            "INSERT INTO request_events(request_id, kind, happened_on, summary, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (request_id, kind, on.isoformat(), summary, _now()),
        )
        return int(cursor.lastrowid or 0)

    def _transition(self, request_id: int, status: str, on: date | None, summary: str,
                    *, from_any: bool = False) -> None:  # fmt: skip
        if not from_any:
            self._require_open(request_id)
        else:
            self.row(request_id)
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE requests SET status = ?, updated_at = ? WHERE id = ?",
                (status, _now(), request_id),
            )
            self._event(request_id, status, on or self.today, summary)

    def _require_open(self, request_id: int) -> RequestRow:
        row = self.row(request_id)
        if row.status == "draft":
            raise QuidError(QT_TR_NOOP("Request {id} has not been sent yet."), id=request_id)
        if row.status not in (*OPEN_STATUSES, "overdue"):
            raise QuidError(
                QT_TR_NOOP("Request {id} is already {status}."),
                id=request_id,
                status=word(row.status, TERMS),
            )
        return row

    def _received(self, request_id: int) -> date:
        found = self.conn.execute(
            "SELECT received_on FROM requests WHERE id = ?", (request_id,)
        ).fetchone()
        return date.fromisoformat(found[0])

    def _country(self, org_id: int) -> str | None:
        found = self.conn.execute(
            "SELECT country FROM organisations WHERE id = ?", (org_id,)
        ).fetchone()
        return (found[0] or None) if found else None
