"""The CSV export on a real vault: formula injection neutralised (SECURITY.md case 22), the
zip and the folder, UTF-8 with BOM and CRLF, money and dates; and the export file names that
stay inside the chosen folder (case 24)."""

from __future__ import annotations

import csv
import errno
import io
import os
import stat
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.domain.ledger import BenefitInput, DisclosureInput, OrganisationInput
from app.errors import DiskFullError
from app.paths import AppPaths
from app.services import export_csv as export_csv_module
from app.services import export_files
from app.services.export_csv import (
    BENEFIT_COLUMNS,
    DISCLOSURE_COLUMNS,
    ORGANISATION_COLUMNS,
    REQUEST_COLUMNS,
    TABLE_FILES,
    euros,
    export_csv,
    neutralise,
)
from app.services.export_files import ExportError, default_file_name, safe_name_part
from app.services.ledger import Ledger
from app.services.progress import Cancelled, Progress
from app.services.requests import RequestService
from app.storage.header import KeyMode
from app.storage.vault import Vault, create_vault

BOM = b"\xef\xbb\xbf"
ATTACKS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=cmd"]


@pytest.fixture
def vault(paths: AppPaths) -> Iterator[Vault]:
    vault, _recovery = create_vault(paths, KeyMode.KEYRING)
    with vault:
        ledger = Ledger(vault.conn)
        shop = ledger.add_organisation(
            OrganisationInput(
                ATTACKS[0],
                domains=["shop.example", "shop.nl"],
                notes=ATTACKS[1],
                aliases=["Shop", "Winkel"],
                country="NL",
            )
        )
        ledger.add_disclosure(
            shop,
            DisclosureInput(
                "EmailAddress",
                detail=ATTACKS[2],
                purpose=ATTACKS[3],
                legal_basis="consent",
                given_on="2024-02-29",
                required=True,
                necessary=False,
                retention=ATTACKS[4],
            ),
        )
        ledger.add_disclosure(shop, DisclosureInput("HealthRecord", detail='a "quoted", x\ny'))
        ledger.add_benefit(shop, BenefitInput("discount", ATTACKS[5], 499, "month", "2024-03-01"))
        ledger.add_benefit(shop, BenefitInput("service", "free app"))
        service = RequestService(vault.conn, today=date(2026, 3, 2))
        request = service.create_draft(shop, "access", "en", "=1+1 subject", "Dear Shop,")
        service.mark_sent(request, date(2026, 3, 2), "email")
        # Typed text is trimmed, so a leading tab or CR can only come from elsewhere (an
        # older Quid, an import): the export must neutralise it all the same.
        vault.conn.execute("UPDATE disclosures SET retention = ? WHERE id = 1", (ATTACKS[4],))
        vault.conn.execute("UPDATE benefits SET description = ? WHERE id = 1", (ATTACKS[5],))
        yield vault


def tables(zip_path: Path) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(zip_path) as archive:
        found = {}
        for name in TABLE_FILES:
            raw = archive.read(name)
            assert raw.startswith(BOM), f"{name} starts with a byte-order mark"
            text = raw[len(BOM) :].decode("utf-8")
            found[name] = list(csv.reader(io.StringIO(text, newline="")))
        return found


@pytest.mark.parametrize("cell", ATTACKS)
def test_case22_each_formula_start_is_neutralised(cell) -> None:
    assert neutralise(cell) == "'" + cell
    assert neutralise("a=b") == "a=b" and neutralise("") == "" and neutralise(-5) == -5
    assert neutralise(None) is None


def test_case22_csv_cells_cannot_run_as_formulas(vault, tmp_path) -> None:
    found = tables(export_csv(vault.conn, tmp_path / "ledger.zip").paths[0])
    cells = [cell for rows in found.values() for row in rows[1:] for cell in row]
    for attack in ATTACKS:
        assert "'" + attack in cells, f"{attack!r} is neutralised"
        assert attack not in cells
    dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert dangerous == []
    subject = found["requests.csv"][1][REQUEST_COLUMNS.index("subject")]
    assert subject == "'=1+1 subject"


def test_zip_holds_four_tables_with_headers_money_dates_and_labels(vault, tmp_path) -> None:
    out = tmp_path / "quid.zip"
    result = export_csv(vault.conn, out)
    assert result.paths == (out,) and result.records == 6
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    with zipfile.ZipFile(out) as archive:
        assert set(archive.namelist()) == {*TABLE_FILES, "README.txt"}
        assert "not encrypted" in archive.read("README.txt").decode()
        raw = archive.read("disclosures.csv")
    assert raw.count(b"\r\n") >= 3 and b"\n" not in raw.replace(b"\r\n", b"").replace(b"x\ny", b"")
    found = tables(out)
    assert found["organisations.csv"][0] == list(ORGANISATION_COLUMNS)
    assert found["disclosures.csv"][0] == list(DISCLOSURE_COLUMNS)
    assert found["benefits.csv"][0] == list(BENEFIT_COLUMNS)
    org = dict(zip(ORGANISATION_COLUMNS, found["organisations.csv"][1], strict=True))
    assert org["domains"] == "shop.example; shop.nl" and org["aliases"] == "Shop; Winkel"
    given = [
        dict(zip(DISCLOSURE_COLUMNS, row, strict=True)) for row in found["disclosures.csv"][1:]
    ]
    assert given[0]["organisation"] == "'" + ATTACKS[0]
    assert (given[0]["category"], given[0]["category_label"], given[0]["category_iri"]) == (
        "EmailAddress",
        "Email Address",
        "https://w3id.org/dpv/pd#EmailAddress",
    )
    assert (given[0]["given_on"], given[0]["required"], given[0]["necessary"]) == (
        "2024-02-29",
        "yes",
        "no",
    )
    assert given[1]["detail"] == 'a "quoted", x\ny' and given[1]["special_category"] == "yes"
    assert given[1]["necessary"] == "", "unknown stays empty"
    got = [dict(zip(BENEFIT_COLUMNS, row, strict=True)) for row in found["benefits.csv"][1:]]
    assert [(g["value"], g["currency"], g["period"]) for g in got] == [
        ("4.99", "EUR", "month"),
        ("", "", "once"),
    ]
    asked = dict(zip(REQUEST_COLUMNS, found["requests.csv"][1], strict=True))
    assert (asked["type"], asked["gdpr_article"], asked["status"], asked["sent_on"]) == (
        "access",
        "Art. 15",
        "sent",
        "2026-03-02",
    )


def test_folder_gets_one_file_per_table(vault, tmp_path) -> None:
    out = tmp_path / "tables"
    result = export_csv(vault.conn, out)
    assert sorted(p.name for p in out.iterdir()) == sorted(TABLE_FILES)
    assert result.paths == tuple(out / name for name in TABLE_FILES)
    for path in result.paths:
        assert path.read_bytes().startswith(BOM + b"id,")
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_cancel_leaves_no_zip(vault, tmp_path) -> None:
    progress = Progress()
    progress.cancel()
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Cancelled):
        export_csv(vault.conn, folder / "ledger.zip", progress)
    assert list(folder.iterdir()) == [], "no zip, no temp file"


def cancelled_at_the_end() -> Progress:
    """Cancel pressed while the last table is written (a ledger below 2,000 rows a table
    reports progress only at the start and the end)."""
    progress = Progress(lambda done, total: progress.cancel() if total and done == total else None)
    return progress


@pytest.mark.parametrize("name", ["ledger.zip", "tables"])
def test_a_cancel_at_the_end_writes_nothing(vault, tmp_path, name) -> None:
    (tmp_path / "exports").mkdir()
    with pytest.raises(Cancelled):
        export_csv(vault.conn, tmp_path / "exports" / name, cancelled_at_the_end())
    assert list((tmp_path / "exports").iterdir()) == [], "no zip, tables, temp file or folder"


def test_a_cancel_at_the_end_keeps_the_old_tables(vault, tmp_path) -> None:
    out = tmp_path / "tables"
    out.mkdir()
    for name in TABLE_FILES:
        (out / name).write_text("old")
    with pytest.raises(Cancelled):
        export_csv(vault.conn, out, cancelled_at_the_end())
    assert {p.name: p.read_text() for p in out.iterdir()} == dict.fromkeys(TABLE_FILES, "old")


def test_a_full_disk_on_the_third_table_leaves_none_of_them(vault, tmp_path, monkeypatch):
    write_table = export_csv_module._write_table

    def fail_on_benefits(binary, name, *args):  # type: ignore[no-untyped-def]
        if name == "benefits.csv":
            raise OSError(errno.ENOSPC, "No space left on device")
        return write_table(binary, name, *args)

    monkeypatch.setattr(export_csv_module, "_write_table", fail_on_benefits)
    (tmp_path / "exports").mkdir()
    with pytest.raises(DiskFullError):
        export_csv(vault.conn, tmp_path / "exports" / "tables")
    assert list((tmp_path / "exports").iterdir()) == [], "not organisations.csv, disclosures.csv"


def test_a_failing_rename_puts_every_old_table_back(vault, tmp_path, monkeypatch) -> None:
    out = tmp_path / "tables"
    out.mkdir()
    for name in TABLE_FILES:
        (out / name).write_text(f"old {name}")
    replace = os.replace

    def fail_on_requests(source, target):  # type: ignore[no-untyped-def]
        if Path(target).name == "requests.csv" and Path(source).name.endswith(".tmp"):
            raise OSError(errno.EIO, "Input/output error")
        replace(source, target)

    monkeypatch.setattr(export_files.os, "replace", fail_on_requests)
    with pytest.raises(ExportError, match="Nothing was written"):
        export_csv(vault.conn, out)
    assert {p.name: p.read_text() for p in out.iterdir()} == {
        name: f"old {name}" for name in TABLE_FILES
    }, "the old tables, nothing else (no temp file, no file moved aside)"


def test_overwriting_the_tables_leaves_nothing_beside_them(vault, tmp_path) -> None:
    out = tmp_path / "tables"
    out.mkdir()
    for name in TABLE_FILES:
        (out / name).write_text("old")
    export_csv(vault.conn, out)
    assert sorted(p.name for p in out.iterdir()) == sorted(TABLE_FILES)
    assert all(p.read_bytes().startswith(BOM + b"id,") for p in out.iterdir())


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_case25_zip_to_dev_full_is_a_clean_error(vault) -> None:
    with pytest.raises(DiskFullError):
        export_csv(vault.conn, Path("/dev/full"), as_zip=True)


def test_euros() -> None:
    assert [euros(c) for c in (None, 0, 5, 499, 123456)] == ["", "0.00", "0.05", "4.99", "1234.56"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../x", "x"),
        ("..", "export"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("a:b", "a-b"),
        ("a/b\\c", "a-b-c"),
        ("tab\there\x00\x1b[31m", "tab-here-[31m"),
        ('Café <Zürich> | "AG"?', "Café -Zürich- - -AG"),
        ("x" * 300, "x" * 80),
        ("   ", "export"),
    ],
)
def test_case24_safe_file_names(name, expected, tmp_path) -> None:
    part = safe_name_part(name)
    assert part == expected
    file_name = default_file_name("report-pdf", date(2026, 11, 29), name)
    assert file_name.startswith("quid-report") and file_name.endswith("-2026-11-29.pdf")
    assert (tmp_path / file_name).resolve().parent == tmp_path.resolve(), "stays in the folder"
    assert len(file_name) < 120


def test_default_names() -> None:
    day = date(2026, 11, 29)
    assert default_file_name("json", day) == "quid-ledger-2026-11-29.json"
    assert default_file_name("csv", day) == "quid-ledger-2026-11-29.zip"
    assert default_file_name("receipts", day) == "quid-consent-records-2026-11-29.json"
    assert default_file_name("report-html", day, "Bol.com") == "quid-report-Bol.com-2026-11-29.html"
