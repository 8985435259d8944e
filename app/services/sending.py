"""Hand a finished letter to the person's own mail program: a mailto: link or an .eml draft.

Quid never sends mail itself and never touches the network here. Two ways out:

- `mailto_url` opens a new message in the default mail program with the recipient, subject and
  body filled in. Mail programs and operating systems cut long mailto: links (Windows, and
  Outlook through it, at about 2,000 characters), so the body is capped and the result says
  when it was cut: then offer the .eml file, or copy the full text to the clipboard, instead.
- `eml_bytes` / `write_eml` make an RFC 5322 message file, with the PDF attached if wanted, that
  mail programs open as an unsent draft (`X-Unsent: 1`; Outlook honours it, Thunderbird opens
  it with "Edit as New Message").

No Qt here (ARCHITECTURE.md: services are Qt-free).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import getaddresses, make_msgid
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import NamedTuple
from urllib.parse import quote

from app.errors import QT_TR_NOOP, QuidError
from app.storage.fileio import atomic_write_bytes

__all__ = [
    "MAILTO_BODY_LIMIT",
    "MESSAGE_ID_DOMAIN",
    "TRUNCATION_MARK",
    "InvalidAddressError",
    "MailtoLink",
    "eml_bytes",
    "mailto_url",
    "write_eml",
]

#: Longest body, percent-encoded, that a mailto: link carries (about 2,000 characters in all
#: is what Windows and Outlook pass on).
MAILTO_BODY_LIMIT = 1900
#: Ends a body that was cut to fit a mailto: link, so the cut is visible in the draft.
TRUNCATION_MARK = "\n\n[…]"
#: Message-IDs use this domain: make_msgid would otherwise look up the host name.
MESSAGE_ID_DOMAIN = "quid.local"

# A light check, not RFC 5322: one @, no spaces or address punctuation, a dotted domain.
_LOCAL = r"[^\s@<>()\[\],;:\"\\]+"
_LABEL = r"[^\s@<>()\[\],;:\"\\.]+"
_ADDRESS = re.compile(rf"(?P<local>{_LOCAL})@(?P<domain>(?:{_LABEL}\.)+{_LABEL})")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_MIME_TYPE = re.compile(r"[A-Za-z0-9][\w.+-]*/[A-Za-z0-9][\w.+-]*")


class InvalidAddressError(QuidError, ValueError):
    """An e-mail address is empty or not of the form name@example.org."""


class MailtoLink(NamedTuple):
    """A mailto: URL, and whether the body had to be cut to fit (then offer the .eml)."""

    url: str
    truncated: bool


def mailto_url(
    to: str, subject: str, body: str, *, body_limit: int = MAILTO_BODY_LIMIT
) -> MailtoLink:
    """An RFC 6068 mailto: link for one recipient.

    Subject and body are UTF-8 and percent-encoded (`quote(safe="")`), line breaks as %0D%0A.
    When the encoded body is longer than `body_limit` characters it is cut at a word boundary
    and ends with TRUNCATION_MARK, and `truncated` is True: the caller should then offer the
    .eml file or the clipboard, which carry the whole letter. A display name in `to`
    ("DPO <dpo@example.org>") is dropped; a mailto: link carries the bare address.

    Raises InvalidAddressError (a ValueError) for an empty or malformed `to`.
    """
    address = _parse_address(to, QT_TR_NOOP("recipient"))
    text = _clean(body)
    encoded = _encode(text)
    truncated = len(encoded) > body_limit
    if truncated:
        encoded = _encode(_cut(text, body_limit))
    query = []
    if line := _one_line(subject):
        query.append(f"subject={quote(line, safe='')}")
    if text:
        query.append(f"body={encoded}")
    target = quote(address.addr_spec, safe="@+")
    url = f"mailto:{target}" + (f"?{'&'.join(query)}" if query else "")
    return MailtoLink(url, truncated)


def eml_bytes(
    from_addr: str,
    to_addr: str,
    subject: str,
    body: str,
    *,
    attachments: Sequence[tuple[str, str, bytes]] = (),
    date: datetime,
) -> bytes:
    """An unsent e-mail message (.eml) with the letter as its text and optional attachments.

    `from_addr` may be empty: the mail program then fills in the person's account. Addresses
    may carry a display name ("Jan de Vriës <jan@example.nl>"); a non-ASCII domain is written
    in its IDNA form. `attachments` are (file name, MIME type, content) triples, e.g.
    ("letter.pdf", "application/pdf", pdf). `date` becomes the Date header (a naive datetime
    is taken as local time). The Message-ID uses the domain "quid.local", so no name lookup
    happens. Lines end in CRLF; the text is UTF-8, quoted-printable; attachments are base64.

    Raises InvalidAddressError (a ValueError) for a malformed address or an empty `to_addr`,
    ValueError for a malformed attachment MIME type.
    """
    message = EmailMessage()
    if from_addr.strip():
        message["From"] = _parse_address(from_addr, QT_TR_NOOP("sender"))
    message["To"] = _parse_address(to_addr, QT_TR_NOOP("recipient"))
    message["Subject"] = _one_line(subject)
    message["Date"] = date if date.tzinfo is not None else date.astimezone()
    message["Message-ID"] = make_msgid(domain=MESSAGE_ID_DOMAIN)
    message["X-Unsent"] = "1"
    # Quoted-printable keeps the text 7-bit clean and still readable in the file.
    message.set_content(_clean(body), cte="quoted-printable")
    for filename, mime_type, data in attachments:
        if not _MIME_TYPE.fullmatch(mime_type):
            raise ValueError(f"Attachment type {mime_type!r} is not of the form type/subtype.")
        maintype, subtype = mime_type.lower().split("/")
        message.add_attachment(
            data, maintype=maintype, subtype=subtype, filename=_attachment_name(filename)
        )
    return message.as_bytes(policy=policy.SMTP)


def write_eml(
    path: Path,
    from_addr: str,
    to_addr: str,
    subject: str,
    body: str,
    *,
    attachments: Sequence[tuple[str, str, bytes]] = (),
    date: datetime,
) -> None:
    """`eml_bytes(...)` written to `path` atomically, readable by the owner only."""
    data = eml_bytes(from_addr, to_addr, subject, body, attachments=attachments, date=date)
    atomic_write_bytes(path, data)


# --- helpers -----------------------------------------------------------------------------------


def _parse_address(value: str, role: str) -> Address:
    """One address, lightly checked; `role` names it in messages ("recipient", "sender")."""
    text = value.strip()
    if not text:
        raise InvalidAddressError(QT_TR_NOOP("The {role}'s e-mail address is empty."), role=role)
    if "\r" in text or "\n" in text:
        raise InvalidAddressError(
            QT_TR_NOOP("The {role}'s e-mail address must be on one line."), role=role
        )
    found = getaddresses([text])
    if len(found) != 1:
        raise InvalidAddressError(
            QT_TR_NOOP("Give exactly one e-mail address for the {role}."), role=role
        )
    name, addr_spec = found[0]
    match = _ADDRESS.fullmatch(addr_spec)
    if match is None or ".." in addr_spec or addr_spec.startswith("."):
        raise InvalidAddressError(
            QT_TR_NOOP("The {role}'s e-mail address is not valid: write it like name@example.org."),
            role=role,
        )
    local, domain = match["local"], match["domain"]
    if not local.isascii():
        raise InvalidAddressError(
            QT_TR_NOOP(
                "The {role}'s e-mail address has characters before the @ that mail programs may "
                "not accept; use its plain (ASCII) form."
            ),
            role=role,
        )
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise InvalidAddressError(
            QT_TR_NOOP("The {role}'s e-mail address has a domain that is not valid."), role=role
        ) from error
    return Address(display_name=_one_line(name), username=local, domain=domain)


def _clean(text: str) -> str:
    """Line breaks as LF, without control characters other than tab and line feed."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _one_line(text: str) -> str:
    return " ".join(_clean(text).split())


def _encode(text: str) -> str:
    return quote(text.replace("\n", "\r\n"), safe="")


def _cut(text: str, limit: int) -> str:
    """The longest start of `text` that, with TRUNCATION_MARK, encodes to at most `limit`."""
    budget = limit - len(_encode(TRUNCATION_MARK))
    low, high = 0, len(text)
    while low < high:  # the encoded length only grows with the prefix
        middle = (low + high + 1) // 2
        if len(_encode(text[:middle])) <= budget:
            low = middle
        else:
            high = middle - 1
    head = text[:low]
    if low < len(text) and not text[low].isspace():
        boundary = max(head.rfind(" "), head.rfind("\n"), head.rfind("\t"))
        if boundary > 0 and len(head) - boundary < 200:
            head = head[:boundary]  # do not end in the middle of a word
    return head.rstrip() + TRUNCATION_MARK


def _attachment_name(filename: str) -> str:
    """A bare file name: no folders, no control characters."""
    name = PureWindowsPath(PurePosixPath(_one_line(filename)).name).name
    return name or "attachment"
