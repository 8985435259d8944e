"""The request commands of the CLI contract: list, sent, answered, extend, export ics."""

from __future__ import annotations

import json
from datetime import date

import pytest
from icalendar import Calendar

from app.cli import main
from app.domain.ledger import OrganisationInput
from app.paths import AppPaths
from app.services.ledger import Ledger
from app.services.requests import RequestService
from app.storage.header import KeyMode
from app.storage.vault import create_vault
from tests.support.cli import quid


@pytest.fixture
def setup(paths: AppPaths) -> tuple[str, int]:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        org = Ledger(vault.conn).add_organisation(OrganisationInput("Bol.com", country="NL"))
        rid = RequestService(vault.conn).create_draft(org, "access", "nl", "Inzage", "Geachte …")
    return str(paths.data_dir), rid


def test_request_lifecycle_and_json(capsys, setup) -> None:
    from datetime import timedelta

    from app.domain.gdpr import due_date, extended_due_date

    data_dir, rid = setup
    rows = json.loads(quid(capsys, data_dir, "request", "list", "--json")[1])
    assert rows[0]["id"] == rid and rows[0]["status"] == "draft" and rows[0]["due_on"] is None
    assert set(rows[0]) >= {"id", "organisation", "type", "status", "sent_on", "due_on"}
    sent = date.today() - timedelta(days=3)
    code, out, _ = quid(capsys, data_dir, "request", "sent", str(rid), "--on", sent.isoformat(),
                        "--via", "email")  # fmt: skip
    assert code == 0 and due_date(sent, "NL").isoformat() in out
    code, out, _ = quid(capsys, data_dir, "request", "extend", str(rid), "--reason", "complex")
    extended = extended_due_date(sent, "NL")
    assert code == 0 and extended.isoformat() in out
    row = json.loads(quid(capsys, data_dir, "request", "list", "--json")[1])[0]
    assert (row["status"], row["sent_on"], row["due_on"]) == (
        "extended", sent.isoformat(), extended.isoformat(),
    )  # fmt: skip
    code, _, _ = quid(capsys, data_dir, "request", "answered", str(rid))
    assert code == 0
    assert json.loads(quid(capsys, data_dir, "request", "list", "--json")[1])[0]["status"] == (
        "answered"
    )


def test_overdue_filter(capsys, setup) -> None:
    data_dir, rid = setup
    quid(capsys, data_dir, "request", "sent", str(rid), "--on", "2020-01-06")
    rows = json.loads(quid(capsys, data_dir, "request", "list", "--overdue", "--json")[1])
    assert [r["id"] for r in rows] == [rid] and rows[0]["status"] == "overdue"


def test_export_ics(capsys, setup, tmp_path) -> None:
    data_dir, rid = setup
    quid(capsys, data_dir, "request", "sent", str(rid), "--on", "2026-03-27")
    target = tmp_path / "due.ics"
    code, out, _ = quid(capsys, data_dir, "export", "ics", "--out", str(target))
    assert code == 0 and "not encrypted" in out
    events = [c for c in Calendar.from_ical(target.read_bytes()).walk("VEVENT")]
    assert len(events) == 1 and events[0].decoded("DTSTART") == date(2026, 4, 28)
    assert "Bol.com" in str(events[0]["SUMMARY"])


@pytest.mark.parametrize(
    "args",
    [
        ("request", "sent", "999"),
        ("request", "sent", "{rid}", "--on", "27-03-2026"),
        ("request", "sent", "{rid}", "--via", "pigeon"),
        ("request", "answered", "{rid}"),
        ("request", "extend", "{rid}", "--reason", ""),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(capsys, setup, args) -> None:
    data_dir, rid = setup
    before = quid(capsys, data_dir, "request", "list", "--json")[1]
    with pytest.raises(SystemExit) as exited:
        raise SystemExit(main(["--data-dir", data_dir, *(a.format(rid=rid) for a in args)]))
    err = capsys.readouterr().err
    assert exited.value.code == 2 and err.startswith("quid: ") and err.count("\n") == 1, err
    assert quid(capsys, data_dir, "request", "list", "--json")[1] == before


@pytest.fixture
def with_profile(setup) -> tuple[str, int]:
    data_dir, rid = setup
    assert main(["--data-dir", data_dir, "profile", "set", "--name", "Jan de Vries",
                 "--address", "Voorbeeldstraat 1\n1234 AB Amsterdam",
                 "--email", "jan@example.nl", "--country", "nl"]) == 0  # fmt: skip
    return data_dir, rid


def test_letter_to_pdf_txt_eml_records_drafts(capsys, with_profile, tmp_path, qapp) -> None:
    # `qapp`: the PDF needs Qt's GUI layer; in-process, the test session's application serves
    # (the CLI process makes its own QGuiApplication, which would stop later widget tests).
    import io

    from pypdf import PdfReader

    data_dir, _ = with_profile
    capsys.readouterr()
    code, out, _ = quid(capsys, data_dir, "letter", "erasure", "bol.com", "--lang", "nl",
                        "--out", str(tmp_path / "erasure.pdf"))  # fmt: skip
    assert code == 0 and out.strip().isdigit()
    text = " ".join(
        " ".join(p.extract_text().split())
        for p in PdfReader(io.BytesIO((tmp_path / "erasure.pdf").read_bytes())).pages
    )
    assert "Jan de Vries" in text and "Bol.com" in text and "artikel 17 AVG" in text
    assert "binnen een maand" in text
    code, out, _ = quid(capsys, data_dir, "letter", "access", "bol.com", "--format", "txt",
                        "--out", str(tmp_path / "access.txt"))  # fmt: skip
    assert code == 0 and "Article 15 GDPR" in (tmp_path / "access.txt").read_text()
    code, _, err = quid(capsys, data_dir, "letter", "access", "bol.com",
                        "--out", str(tmp_path / "access.eml"))  # fmt: skip
    assert code == 2 and "email" in err, "Bol.com has no privacy address in this vault"
    rows = json.loads(quid(capsys, data_dir, "request", "list", "--json")[1])
    assert sorted(r["type"] for r in rows if r["status"] == "draft") == [
        "access", "access", "erasure",
    ]  # fmt: skip


def test_letter_bad_input(capsys, setup, tmp_path) -> None:
    data_dir, _ = setup
    code, _, err = quid(capsys, data_dir, "letter", "access", "bol.com",
                        "--out", str(tmp_path / "a.txt"))  # fmt: skip
    assert code == 2 and "name" in err, "no profile name yet: letters are signed with it"
    assert not (tmp_path / "a.txt").exists()
    code, _, err = quid(capsys, data_dir, "letter", "reminder", "bol.com",
                        "--out", str(tmp_path / "r.txt"))  # fmt: skip
    assert code == 2 and not (tmp_path / "r.txt").exists()
