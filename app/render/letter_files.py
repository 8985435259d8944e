"""From a request type and an organisation to a finished letter: its context from the ledger,
the rendered text, the layout for paper, and the files (PDF, plain text, .eml) — recording the
draft request each time a letter is written. (In render/: the PDF needs QtGui.)"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from app.domain.ledger import ValidationError
from app.errors import QT_TR_NOOP
from app.services.ledger import Ledger
from app.services.letters import (
    EarlierRequest,
    Letter,
    LetterContext,
    context_from_ledger,
    format_date,
    render,
)
from app.services.requests import RequestService
from app.storage.fileio import atomic_write_bytes


def prepare(
    ledger: Ledger, org_id: int, type_: str, lang: str, *, today: date | None = None,
    earlier_id: int | None = None, **extra: Any,
) -> tuple[LetterContext, Letter]:  # fmt: skip
    """The context and the rendered letter. A reminder or complaint refers to `earlier_id`."""
    today = today or date.today()
    if type_ in ("reminder", "complaint"):
        if earlier_id is None:
            raise ValidationError(
                "--request", QT_TR_NOOP("a reminder or complaint needs the earlier request.")
            )
        requests = RequestService(ledger.conn, today)
        earlier = requests.row(earlier_id)
        if earlier.sent_on is None or earlier.due_on is None:
            raise ValidationError(
                "--request", QT_TR_NOOP("request {id} has not been sent yet."), id=earlier_id
            )
        extra.setdefault("earlier", EarlierRequest(earlier.type, earlier.sent_on, earlier.due_on))
        if type_ == "complaint":
            extra.setdefault("timeline", [
                (e.happened_on, f"{e.kind}{': ' + e.summary if e.summary else ''}")
                for e in requests.timeline(earlier_id)
            ])  # fmt: skip
            extra.setdefault("attachments", [n for _i, n, _m, _s in
                                             requests.attachments(earlier_id)])  # fmt: skip
    ctx = context_from_ledger(ledger, org_id, type_, lang, today, **extra)
    return ctx, render(ctx)


def layout_for(ctx: LetterContext, letter: Letter, country: str = "") -> Any:
    from app.render.letter_pdf import LetterLayout, paper_for_country

    recipient = ctx.authority if ctx.type == "complaint" and ctx.authority else ctx.organisation
    address = getattr(recipient, "address_lines", None)
    if address is None:  # an Authority keeps its address as one text
        address = [line for line in str(getattr(recipient, "address", "")).splitlines() if line]
    date_text = format_date(ctx.today, ctx.lang)
    return LetterLayout(
        sender_lines=[ctx.person.name, *ctx.person.address_lines],
        recipient_lines=[recipient.name, *address],
        place=ctx.place,
        date_text=date_text,
        subject=letter.subject,
        # On paper the layout places the address blocks, date and name itself.
        body=letter.content or content_of(letter.body, date_text, ctx.person.name),
        signature=ctx.person.name,
        paper=paper_for_country(country or "NL"),
    )


def content_of(text: str, date_text: str, name: str) -> str:
    """An edited plain-text letter without its own address blocks, date and signed name."""
    lines = text.splitlines()
    start = next((i + 1 for i, line in enumerate(lines) if date_text in line), 0)
    body = lines[start:]
    while body and not body[-1].strip():
        body.pop()
    if body and body[-1].strip() == name.strip():
        body.pop()
    return "\n".join(body).strip("\n")


def pdf_bytes(ctx: LetterContext, letter: Letter, country: str = "") -> bytes:
    """The letter as a PDF. Needs Qt's GUI layer: one offscreen application is made if none."""
    import os

    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep_app.append(QGuiApplication([]))
    from app.render.letter_pdf import letter_pdf

    return letter_pdf(layout_for(ctx, letter, country))


_keep_app: list[Any] = []


def eml(ctx: LetterContext, letter: Letter) -> bytes:
    from app.services.sending import eml_bytes

    sender = ctx.person.emails[0] if ctx.person.emails else ""
    to = ctx.organisation.email
    if ctx.type == "complaint" and ctx.authority is not None:
        to = ctx.authority.email or ""
    if not to:
        raise ValidationError("email", QT_TR_NOOP("this organisation has no privacy email address; "
                              "add one, or print the letter."))  # fmt: skip
    if not sender:
        raise ValidationError(
            "profile", QT_TR_NOOP("add your email address to your profile first.")
        )
    return eml_bytes(sender, to, letter.subject, letter.body, date=datetime.now(UTC))


def write_letter(
    ledger: Ledger, org_id: int, type_: str, lang: str, fmt: str, path: Path, *,
    earlier_id: int | None = None, today: date | None = None,
) -> int:  # fmt: skip
    """Write the letter as `fmt` (pdf, txt, eml) to `path`; record and return the draft."""
    if path.is_dir():
        raise ValidationError("--out", f"{path} is a folder; name a file.")  # English: CLI only
    ctx, letter = prepare(ledger, org_id, type_, lang, today=today, earlier_id=earlier_id)
    if fmt == "pdf":
        data = pdf_bytes(ctx, letter, ledger.profile().country)
    elif fmt == "eml":
        data = eml(ctx, letter)
    else:
        data = f"{letter.subject}\n\n{letter.body}".encode()
    atomic_write_bytes(path, data)
    return RequestService(ledger.conn, today).create_draft(
        org_id, type_, lang, letter.subject, letter.body, parent_id=earlier_id
    )
