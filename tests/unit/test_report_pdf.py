"""The PDF report read back with pypdf: A4, "Page i of n" on every page, the organisations and
the charts in it, text as typed (never markup), tables that continue on the next page with their
header row and without losing, doubling or splitting a row, and the file written atomically."""

from __future__ import annotations

import io
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.domain.ledger import DisclosureInput, OrganisationInput
from app.paths import AppPaths
from app.render.report_pdf import report_pdf, write_report_pdf
from app.services.example_ledger import EXAMPLES, load_example_ledger
from app.services.ledger import Ledger
from app.services.progress import Cancelled, Progress
from app.services.report_data import gather_report
from app.storage.header import KeyMode
from app.storage.vault import create_vault
from tests.unit.test_report_data import INJECTION_NAME, TODAY, build_ledger

A4_POINTS = (595.28, 841.89)  # 210 × 297 mm
HEADER = "Data Detail Since Notes"


@pytest.fixture
def ledger(paths: AppPaths) -> Iterator[Ledger]:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        yield Ledger(vault.conn)


def pages_text(pdf: bytes) -> list[str]:
    """Each page's text with runs of whitespace (Qt writes tabs between words) as one space."""
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def embedded_images(page: Any) -> list[Any]:
    objects = page["/Resources"].get("/XObject", {})
    found = [objects[name].get_object() for name in objects]
    return [o for o in found if o.get("/Subtype") == "/Image"]


def test_a4_numbered_pages_with_every_organisation(ledger: Ledger, qapp) -> None:
    load_example_ledger(ledger)
    pdf = report_pdf(gather_report(ledger.conn, today=TODAY))
    reader = PdfReader(io.BytesIO(pdf))
    texts = pages_text(pdf)
    assert len(texts) >= 3
    for number, (page, text) in enumerate(zip(reader.pages, texts, strict=True), start=1):
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=1)
        assert f"Page {number} of {len(texts)}" in text
    everything = " ".join(texts)
    for example in EXAMPLES:
        assert " ".join(example.org.name.split()) in everything, example.org.name
    first = texts[0]
    assert first.startswith("Privacy footprint") and "This file is not encrypted" in first
    assert "Summary" in first and "Consent not freely given (GDPR Art. 7(4))" in first
    assert reader.metadata is not None and reader.metadata.title.startswith("Privacy footprint")
    assert b"/JavaScript" not in pdf, "no script in the PDF"


def test_charts_are_embedded_images(ledger: Ledger, qapp) -> None:
    load_example_ledger(ledger)
    pdf = report_pdf(gather_report(ledger.conn, today=TODAY))
    reader = PdfReader(io.BytesIO(pdf))
    images = [image for page in reader.pages[:3] for image in embedded_images(page)]
    assert len(images) == 4, "bands, value given and got, years, kinds of data"
    assert all(image["/Width"] >= 1000 for image in images), "print resolution"
    charts = " ".join(pages_text(pdf)[:3])
    for title in ("Organisations per band", "Value given and got per organisation",
                  "Disclosures per year", "Kinds of data given"):  # fmt: skip
        assert title in charts
    assert "Organisations per band: Fair 8, Questionable 5" in charts, "the chart in words"


def test_case26_case27_ledger_text_prints_literally(ledger: Ledger, qapp) -> None:
    build_ledger(ledger)
    everything = " ".join(pages_text(report_pdf(gather_report(ledger.conn, today=TODAY))))
    assert INJECTION_NAME in everything
    assert "<img src=x onerror=alert(1)> {{7*7}}" in everything
    assert "{{ ''.__class__ }} <b>bold</b>" in everything
    assert "javascript:alert(1)" in everything
    assert "Access to my data (Art. 15)" in everything, "the overdue request"


def test_a_long_table_continues_with_its_header_and_whole_rows(ledger: Ledger, qapp) -> None:
    org = ledger.add_organisation(OrganisationInput("Big Table Ltd"))
    filler = "with a detail long enough to take two or three lines in its column " * 2
    for n in range(90):
        detail = f"row-{n:03d} {filler if n % 7 == 0 else 'short'} end-{n:03d}"
        given = f"2020-01-{n % 28 + 1:02d}"
        ledger.add_disclosure(org, DisclosureInput("EmailAddress", detail=detail, given_on=given))
    texts = pages_text(report_pdf(gather_report(ledger.conn, today=TODAY)))
    holding = [t for t in texts if "row-" in t]
    assert len(holding) >= 3, "the table spans several pages"
    for text in holding:
        assert HEADER in text and text.index(HEADER) < text.index("row-"), "header repeated"
    everything = " ".join(texts)
    for n in range(90):
        assert everything.count(f"row-{n:03d}") == 1, f"row {n} lost or doubled"
        page = next(t for t in holding if f"row-{n:03d}" in t)
        assert f"end-{n:03d}" in page, f"row {n} split across pages"
        assert re.search(rf"row-{n:03d} .*? end-{n:03d}", page), f"row {n} out of order"


def test_a_row_taller_than_a_page_is_split_between_lines(ledger: Ledger, qapp) -> None:
    org = ledger.add_organisation(OrganisationInput("Tall Row Ltd"))
    lines = [f"tall-{n:03d}" for n in range(150)]
    ledger.add_disclosure(org, DisclosureInput("Name", detail="\n".join(lines)))
    ledger.add_disclosure(org, DisclosureInput("EmailAddress", detail="after the tall row"))
    texts = pages_text(report_pdf(gather_report(ledger.conn, today=TODAY)))
    everything = " ".join(texts)
    assert [everything.count(line) for line in lines] == [1] * len(lines), "every line once"
    continued = next(t for t in texts if "tall-149" in t)
    assert "tall-000" not in continued and HEADER in continued
    assert everything.index("tall-149") < everything.index("after the tall row")


def test_written_atomically_owner_only_and_cancel_keeps_the_old_file(
    ledger: Ledger, tmp_path: Path, qapp
) -> None:
    build_ledger(ledger)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "report.pdf"
    write_report_pdf(ledger.conn, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Fair Bank" in " ".join(pages_text(target.read_bytes()))

    target.write_bytes(b"the earlier report")
    reports: list[tuple[int, int]] = []

    def cancel_while_rendering(done: int, total: int) -> None:
        reports.append((done, total))
        if done >= 40:  # gathering takes 0-30 %, rendering 30-98 %
            progress.cancel()

    progress = Progress(cancel_while_rendering)
    with pytest.raises(Cancelled):
        write_report_pdf(ledger.conn, target, progress=progress)
    assert target.read_bytes() == b"the earlier report"
    assert os.listdir(folder) == ["report.pdf"], "no temporary file left"
    assert all(total == 100 for _done, total in reports), "one scale for the whole job"
