"""The request commands of the CLI: letter, request list|sent|answered|extend, export ics."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.ledger import ValidationError, clean_date
from app.domain.requests import CHANNELS, LANGUAGES, REQUEST_TYPES
from app.services.ledger import Ledger
from app.services.requests import RequestService


def add_parsers(commands: Any, export_kinds: Any) -> None:
    letter = commands.add_parser("letter", help="write a GDPR request letter (records a draft)")
    letter.add_argument("type", metavar="TYPE", choices=list(REQUEST_TYPES))
    letter.add_argument("org", metavar="ORG")
    letter.add_argument("--lang", choices=LANGUAGES, default="en")
    letter.add_argument("--format", choices=("pdf", "txt", "eml"), default=None,
                        help="default: from the file name's extension")  # fmt: skip
    letter.add_argument("--out", metavar="FILE", required=True)
    letter.add_argument("--request", metavar="ID", type=int,
                        help="for reminder and complaint: the earlier request")  # fmt: skip

    request = commands.add_parser("request", help="track GDPR requests")
    actions = request.add_subparsers(dest="request_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every request with its status and due date")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--overdue", action="store_true", help="only overdue ones")
    sent = actions.add_parser("sent", help="record that a request was sent")
    sent.add_argument("id", type=int, metavar="ID")
    sent.add_argument("--on", metavar="DATE")
    sent.add_argument("--via", choices=CHANNELS, default="email")
    answered = actions.add_parser("answered", help="record their answer")
    answered.add_argument("id", type=int, metavar="ID")
    answered.add_argument("--on", metavar="DATE")
    extend = actions.add_parser("extend", help="they extended by two months (Art. 12(3))")
    extend.add_argument("id", type=int, metavar="ID")
    extend.add_argument("--reason", required=True)

    ics = export_kinds.add_parser("ics", help="every due date as an iCalendar file")
    ics.add_argument("--out", metavar="FILE", required=True)


def _date_arg(text: str | None, name: str) -> date | None:
    cleaned = clean_date(name, text)
    return date.fromisoformat(cleaned) if cleaned else None


def cmd_request(args: argparse.Namespace, ledger: Ledger) -> int:
    service = RequestService(ledger.conn)
    action = args.request_command
    if action == "list":
        rows = service.requests(overdue=args.overdue)
        if args.json:
            print(json.dumps([r.as_json() for r in rows], indent=2, ensure_ascii=False))
        else:
            for r in rows:
                due = r.due_on.isoformat() if r.due_on else "—"
                print(f"{r.id:>5}  {r.status:<12} due {due:<10}  {r.type:<20} {r.organisation}")
            if not rows:
                print("No requests yet.")
        return 0
    if action == "sent":
        due_on = service.mark_sent(args.id, _date_arg(args.on, "--on"), args.via)
        print(f"Request {args.id} sent; the answer is due by {due_on.isoformat()}.")
    elif action == "answered":
        service.record_reply(args.id, _date_arg(args.on, "--on"))
        print(f"Request {args.id} answered.")
    elif action == "extend":
        until = service.extend(args.id, args.reason)
        print(f"Request {args.id} extended; the answer is now due by {until.isoformat()}.")
    return 0


def cmd_export(args: argparse.Namespace, ledger: Ledger) -> int:
    from datetime import UTC, datetime

    from app.services.calendar_export import CalendarItem, due_dates_ics
    from app.storage.fileio import atomic_write_bytes

    items = []
    for r in RequestService(ledger.conn).requests():
        if r.due_on is None:
            continue
        title = f"GDPR answer due: {r.organisation} ({REQUEST_TYPES[r.type].title})"
        items.append(
            CalendarItem(
                f"quid-request-{r.id}", title, r.due_on, f"Request {r.id}, sent {r.sent_on}"
            )
        )
    target = Path(args.out)
    if target.is_dir():
        raise ValidationError("--out", f"{target} is a folder; name a file.")
    atomic_write_bytes(target, due_dates_ics(items, now=datetime.now(UTC)))
    print(f"Wrote {len(items)} due dates to {target} (not encrypted).")
    return 0


def cmd_letter(args: argparse.Namespace, ledger: Ledger) -> int:
    from app.render.letter_files import write_letter

    org_id = ledger.resolve(args.org)
    fmt = args.format or Path(args.out).suffix.lstrip(".").lower()
    if fmt not in ("pdf", "txt", "eml"):
        raise ValidationError("--format", "choose pdf, txt or eml (or end --out with one).")
    request_id = write_letter(ledger, org_id, args.type, args.lang, fmt, Path(args.out),
                              earlier_id=args.request)  # fmt: skip
    print(request_id)
    return 0


COMMANDS = {"request": cmd_request, "export": cmd_export, "letter": cmd_letter}
