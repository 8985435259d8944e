"""mailto: links and .eml drafts: encoding round-trips, truncation, headers, addresses."""

from __future__ import annotations

import email
import os
import stat
from datetime import UTC, datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from app.errors import QuidError
from app.services.sending import (
    MAILTO_BODY_LIMIT,
    TRUNCATION_MARK,
    InvalidAddressError,
    MailtoLink,
    eml_bytes,
    mailto_url,
    write_eml,
)

TO = "privacy@voorbeeld.nl"
SUBJECT = "Inzage? Ja & graag — artikel 15 AVG (ä)"
BODY = (
    "Geachte heer, mevrouw,\n\nÄ & ? = % + # / ; 100%\nTweede regel\r\nDerde\n\n"
    "Groet,\nJan de Vriës"
)
DATE = datetime(2025, 3, 3, 9, 30, tzinfo=timezone(timedelta(hours=1)))
PDF = b"%PDF-1.4\n\x00\x01\x02 binary \xff\xfe"


def params(url: str) -> dict[str, str]:
    query = urlsplit(url).query
    return {key: unquote(value) for key, value in (part.split("=", 1) for part in query.split("&"))}


# --- mailto ------------------------------------------------------------------------------------


def test_mailto_round_trips_subject_and_body() -> None:
    link = mailto_url(TO, SUBJECT, BODY)
    assert isinstance(link, MailtoLink)
    url, truncated = link
    assert not truncated
    assert url.startswith(f"mailto:{TO}?")
    decoded = params(url)
    assert decoded["subject"] == SUBJECT
    assert decoded["body"] == BODY.replace("\r\n", "\n").replace("\n", "\r\n")


def test_mailto_percent_encodes_everything_that_could_break_the_url() -> None:
    url, _ = mailto_url(TO, "a&b?c=d", "x&subject=evil\ny?#ä")
    query = urlsplit(url).query
    assert query.count("&") == 1 and query.count("=") == 2  # only the two parameters
    assert "%0D%0A" in query  # CRLF line breaks
    assert "%C3%A4" in query  # UTF-8
    assert "#" not in url and " " not in url and "\n" not in url
    assert params(url)["body"] == "x&subject=evil\r\ny?#ä"


def test_mailto_drops_a_display_name_and_puts_idn_domains_in_ascii() -> None:
    url, _ = mailto_url("Privacy Team <dpo+avg@bücher.de>", "", "")
    assert url == "mailto:dpo+avg@xn--bcher-kva.de"


def test_a_long_body_is_cut_at_a_word_and_flagged() -> None:
    words = " ".join(f"woord{n}ä" for n in range(2000))
    url, truncated = mailto_url(TO, SUBJECT, words)
    assert truncated
    encoded_body = urlsplit(url).query.split("body=", 1)[1]
    assert len(encoded_body) <= MAILTO_BODY_LIMIT
    assert len(encoded_body) > MAILTO_BODY_LIMIT - 60  # the cap is used, not wasted
    body = unquote(encoded_body)
    assert body.endswith(TRUNCATION_MARK.replace("\n", "\r\n"))
    kept = body.removesuffix(TRUNCATION_MARK.replace("\n", "\r\n"))
    assert words.startswith(kept)
    assert words[len(kept)] == " "  # cut between words


def test_the_limit_is_inclusive_and_adjustable() -> None:
    body = "a" * 100
    assert mailto_url(TO, "", body, body_limit=100) == (f"mailto:{TO}?body={body}", False)
    url, truncated = mailto_url(TO, "", body, body_limit=99)
    assert truncated and len(url.split("body=")[1]) <= 99


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        "jan",
        "jan@",
        "@voorbeeld.nl",
        "jan@voorbeeld",
        "jan de vries@voorbeeld.nl",
        "a@b.nl, c@d.nl",
        "jan..x@voorbeeld.nl",
        "jan@voorbeeld..nl",
        "a@b.nl\r\nBcc: x@y.nl",
        "jän@voorbeeld.nl",
    ],
)
def test_malformed_recipients_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="recipient"):
        mailto_url(bad, "Onderwerp", "Tekst")
    with pytest.raises(InvalidAddressError):
        eml_bytes("", bad, "Onderwerp", "Tekst", date=DATE)


def test_the_address_error_is_a_typed_quid_error_with_a_plain_message() -> None:
    with pytest.raises(InvalidAddressError) as caught:
        mailto_url("", "", "")
    assert isinstance(caught.value, QuidError)
    assert str(caught.value) == "The recipient's e-mail address is empty."


# --- eml ---------------------------------------------------------------------------------------


def parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_eml_headers_body_and_attachment_parse_back() -> None:
    data = eml_bytes(
        "Jan de Vriës <jan@example.nl>",
        "Voorbeeld B.V. <privacy@voorbeeld.nl>",
        SUBJECT,
        BODY,
        attachments=[("Brief inzage é.pdf", "application/pdf", PDF)],
        date=DATE,
    )
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")  # CRLF throughout
    message = parse(data)
    assert message["From"].addresses[0].display_name == "Jan de Vriës"
    assert message["From"].addresses[0].addr_spec == "jan@example.nl"
    assert message["To"].addresses[0].addr_spec == "privacy@voorbeeld.nl"
    assert message["Subject"] == SUBJECT
    assert message["Date"].datetime == DATE
    assert message["X-Unsent"] == "1"
    assert message["Message-ID"].endswith("@quid.local>")
    text = message.get_body(preferencelist=("plain",))
    assert text is not None
    assert text.get_content_charset() == "utf-8"
    assert text.get_content().replace("\r\n", "\n").rstrip("\n") == BODY.replace("\r\n", "\n")
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "Brief inzage é.pdf"
    assert attachment.get_content() == PDF


def test_eml_text_is_seven_bit_clean() -> None:
    data = eml_bytes("", TO, SUBJECT, BODY + "\n" + "lang " * 100, date=DATE)
    assert data.isascii()
    assert all(len(line) <= 998 for line in data.split(b"\r\n"))


def test_eml_without_sender_leaves_from_to_the_mail_program() -> None:
    message = parse(eml_bytes("", TO, "Onderwerp", "Tekst", date=DATE))
    assert message["From"] is None
    assert message["To"] == TO
    assert not message.is_multipart()


def test_message_ids_are_unique_and_never_name_this_machine() -> None:
    first = parse(eml_bytes("", TO, "s", "b", date=DATE))["Message-ID"]
    second = parse(eml_bytes("", TO, "s", "b", date=DATE))["Message-ID"]
    assert first != second
    assert first.endswith("@quid.local>") and second.endswith("@quid.local>")


def test_a_naive_date_is_local_time_and_an_aware_one_is_kept() -> None:
    naive = datetime(2025, 3, 3, 9, 30)
    parsed = parse(eml_bytes("", TO, "s", "b", date=naive))["Date"].datetime
    assert parsed == naive.astimezone()
    utc = parse(eml_bytes("", TO, "s", "b", date=DATE.astimezone(UTC)))["Date"].datetime
    assert utc == DATE


def test_subject_line_breaks_cannot_inject_headers() -> None:
    message = parse(eml_bytes("", TO, "Onderwerp\r\nBcc: evil@example.org", "b", date=DATE))
    assert message["Bcc"] is None
    assert message["Subject"] == "Onderwerp Bcc: evil@example.org"


def test_attachment_names_lose_their_folders_and_types_are_checked() -> None:
    message = parse(
        eml_bytes(
            "",
            TO,
            "s",
            "b",
            attachments=[
                ("../../etc/brief.pdf", "application/pdf", PDF),
                ("C:\\map\\x.pdf", "APPLICATION/PDF", PDF),
            ],
            date=DATE,
        )
    )
    assert [a.get_filename() for a in message.iter_attachments()] == ["brief.pdf", "x.pdf"]
    with pytest.raises(ValueError, match="type/subtype"):
        eml_bytes("", TO, "s", "b", attachments=[("x.pdf", "pdf", PDF)], date=DATE)


def test_a_malformed_sender_is_refused_too() -> None:
    with pytest.raises(InvalidAddressError, match="sender"):
        eml_bytes("not an address", TO, "s", "b", date=DATE)


def test_write_eml_is_atomic_and_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "verzoek.eml"
    write_eml(
        target, "", TO, SUBJECT, BODY, attachments=[("b.pdf", "application/pdf", PDF)], date=DATE
    )
    message = parse(target.read_bytes())
    assert message["Subject"] == SUBJECT
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["verzoek.eml"]
