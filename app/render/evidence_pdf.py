"""The evidence bundle for a complaint (Art. 77): the request and every reminder as sent, the
dated timeline with the proof of sending, and the replies with their attachments listed (with a
SHA-256 fingerprint each, so the files kept in the vault can be shown to match). QtGui only."""

from __future__ import annotations

import hashlib
from datetime import date

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from app.domain.requests import REQUEST_TYPES
from app.services.requests import RequestService


def _chain(service: RequestService, request_id: int) -> list[int]:
    """The request and the reminders (and complaint) that refer to it, oldest first."""
    ids = [request_id]
    ids += [r.id for r in service.requests() if r.parent_id == request_id]
    return ids


def evidence_bundle(service: RequestService, request_id: int, today: date | None = None) -> bytes:
    """A PDF of everything about one request; all text is inserted as plain text."""
    today = today or date.today()
    first = service.row(request_id)
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans", 10))
    cursor = QTextCursor(doc)
    plain, bold, title = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    title.setFontWeight(QFont.Weight.Bold)
    title.setFontPointSize(15)

    def line(text: str, fmt: QTextCharFormat = plain) -> None:
        cursor.insertText(text, fmt)
        cursor.insertBlock()

    line("Evidence bundle", title)
    line(f"Organisation: {first.organisation}")
    line(f"Prepared on {today.isoformat()} with Quid, from the records kept in its vault.")
    line("")
    for number, rid in enumerate(_chain(service, request_id), start=1):
        row = service.row(rid)
        kind = REQUEST_TYPES[row.type]
        line(f"{number}. {kind.title} (GDPR Art. {kind.article}) — request {rid}", bold)
        sent = row.sent_on.isoformat() if row.sent_on else "not sent"
        due = row.due_on.isoformat() if row.due_on else "—"
        line(f"Sent: {sent}, by {row.channel or '—'}; answer due by {due}; status: {row.status}.")
        line("")
        line("Timeline", bold)
        for event in service.timeline(rid):
            summary = f" — {event.summary}" if event.summary else ""
            line(f"{event.happened_on.isoformat()}  {event.kind}{summary}")
        attachments = service.attachments(rid)
        if attachments:
            line("")
            line("Attachments (kept in the vault)", bold)
            for att_id, name, mime, size in attachments:
                digest = hashlib.sha256(service.attachment_content(att_id)).hexdigest()
                line(f"{name} ({mime}, {size:,} bytes), SHA-256 {digest}")
        line("")
        line("The letter as sent", bold)
        subject, body = service.letter(rid)
        line(subject)
        line("")
        for text in body.splitlines():
            line(text)
        line("")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(f"Evidence bundle — {first.organisation}")
    writer.setCreator("Quid")
    writer.setResolution(300)
    margins = QMarginsF(20, 20, 20, 20)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            margins,
            QPageLayout.Unit.Millimeter,
        )
    )
    doc.print_(writer)
    del writer
    buffer.close()
    return bytes(data.data())
