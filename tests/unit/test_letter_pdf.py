"""The letter PDF: read back with pypdf — pages, paper, text, fonts, layout, plain text only."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from app.render.letter_pdf import LetterLayout, letter_pdf, paper_for_country, write_letter_pdf

REPO = Path(__file__).resolve().parents[2]
NAME = "Jan de Vriës"
ORGANISATION = "Voorbeeld Verzekeringen B.V."
SUBJECT = "Verzoek om inzage in mijn persoonsgegevens (artikel 15 AVG)"
SENTENCE = "Ik verzoek u mij binnen één maand na ontvangst van deze brief mee te delen"
PARAGRAPH = (
    f"{SENTENCE} of u persoonsgegevens van mij verwerkt, en zo ja, welke gegevens, voor welke "
    "doeleinden, op welke rechtsgrond, aan wie u ze hebt verstrekt en hoe lang u ze bewaart."
)
CLOSING = "Met vriendelijke groet,"


def body(paragraphs: int) -> str:
    middle = "\n\n".join(f"{n}. {PARAGRAPH}" for n in range(1, paragraphs + 1))
    return f"Geachte heer, mevrouw,\n\n{middle}\n\n{CLOSING}"


def make_layout(paragraphs: int = 11, **changes: Any) -> LetterLayout:
    layout = LetterLayout(
        sender_lines=[NAME, "Kerkstraat 12", "1234 AB Amsterdam", "jan.devries@example.nl"],
        recipient_lines=[
            ORGANISATION,
            "t.a.v. de functionaris gegevensbescherming",
            "Postbus 4321",
            "3500 AA Utrecht",
        ],
        place="Amsterdam",
        date_text="3 maart 2025",
        subject=SUBJECT,
        body=body(paragraphs),
        signature=NAME,
    )
    return replace(layout, **changes)


def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(pdf))


def words(text: str) -> str:
    """Qt's PDFs come back with tabs between words: compare with whitespace normalised."""
    return " ".join(text.split())


def page_texts(reader: PdfReader) -> list[str]:
    return [words(page.extract_text()) for page in reader.pages]


def placed_lines(reader: PdfReader, index: int) -> list[tuple[str, float, float]]:
    """(text, mm from the left edge, mm from the top edge to the baseline) of each text run."""
    page = reader.pages[index]
    height = float(page.mediabox.height)
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            found.append((words(text), x / 72 * 25.4, (height - y) / 72 * 25.4))

    page.extract_text(visitor_text=visit)
    return found


def find(lines: list[tuple[str, float, float]], start: str) -> tuple[str, float, float]:
    return next(line for line in lines if line[0].startswith(start))


def test_a_long_letter_has_two_a4_pages_with_all_its_text(qapp: QApplication) -> None:
    reader = read(letter_pdf(make_layout()))
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(595, abs=1)
        assert float(page.mediabox.height) == pytest.approx(842, abs=1)
    first, second = page_texts(reader)
    for expected in (NAME, ORGANISATION, SUBJECT, SENTENCE, "Amsterdam, 3 maart 2025", "1/2"):
        assert expected in first
    assert "2/2" in second
    assert f"{CLOSING} {NAME}" in second
    assert "11. Ik verzoek" in second


def test_us_letter_paper_when_asked(qapp: QApplication) -> None:
    reader = read(letter_pdf(make_layout(paper="Letter")))
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(612, abs=1)
        assert float(page.mediabox.height) == pytest.approx(792, abs=1)
    assert SUBJECT in page_texts(reader)[0]


def test_a_one_page_letter_has_no_page_number(qapp: QApplication) -> None:
    reader = read(letter_pdf(make_layout(paragraphs=2)))
    assert len(reader.pages) == 1
    (text,) = page_texts(reader)
    assert "1/1" not in text
    assert text.endswith(f"{CLOSING} {NAME}")


def test_fonts_are_embedded_so_the_text_is_selectable(qapp: QApplication) -> None:
    reader = read(letter_pdf(make_layout()))
    seen = 0
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            parts = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for part in parts:
                descriptor = part["/FontDescriptor"].get_object()
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), descriptor
                seen += 1
    assert seen >= 2  # regular and bold (the subject)


def test_metadata_names_quid_and_the_subject(qapp: QApplication) -> None:
    metadata = read(letter_pdf(make_layout(paragraphs=1))).metadata
    assert metadata is not None
    assert metadata["/Creator"] == "Quid"
    assert metadata["/Title"] == SUBJECT


def test_case27_markup_in_any_field_prints_literally(qapp: QApplication) -> None:
    layout = make_layout(
        paragraphs=1,
        subject="<i>Inzage</i> & meer",
        body="Dit is <b>x</b> &amp; <script>alert(1)</script>\n\nGroet,",
        recipient_lines=["<h1>Org</h1>"],
    )
    text = page_texts(read(letter_pdf(layout)))[0]
    for literal in (
        "<i>Inzage</i> & meer",
        "<b>x</b> &amp;",
        "<script>alert(1)</script>",
        "<h1>Org</h1>",
    ):
        assert literal in text


def test_the_address_sits_in_the_envelope_window(qapp: QApplication) -> None:
    lines = placed_lines(read(letter_pdf(make_layout())), 0)
    _, x, y = find(lines, ORGANISATION)
    assert 24 <= x <= 26  # DIN 5008 / NEN: text 25 mm from the left
    assert 47 <= y <= 62  # in the window, 45–90 mm from the top
    _, _, last = find(lines, "3500 AA Utrecht")
    assert last <= 88
    _, sender_x, sender_y = find(lines, NAME)
    assert sender_x > 105 and sender_y < 30  # top right
    _, _, dated = find(lines, "Amsterdam, 3 maart")
    _, subject_x, subject_y = find(lines, "Verzoek om inzage")
    assert 90 <= dated < subject_y < 120
    assert 24 <= subject_x <= 26
    # nothing runs into the bottom margin, except the page number
    assert all(y <= 297 - 24 for text, _, y in lines if text != "1/2")
    assert find(lines, "1/2")[2] > 297 - 20


def test_the_signature_never_stands_alone_on_a_page(qapp: QApplication) -> None:
    # Lengthen the letter line by line: wherever the page break falls, the closing line and
    # the name stay together.
    base = body(3).removesuffix(CLOSING)
    for extra in range(12):
        filler = "".join(f"Regel {n}\n" for n in range(extra))
        reader = read(letter_pdf(make_layout(body=f"{base}{filler}\n{CLOSING}")))
        last = page_texts(reader)[-1]
        assert f"{CLOSING} {NAME}" in last, (extra, last)


def test_long_words_wrap_without_losing_characters(qapp: QApplication) -> None:
    token = "https://voorbeeld.nl/" + "a1b2c3" * 40
    text = "".join(page_texts(read(letter_pdf(make_layout(paragraphs=1, body=token))))).split()
    assert token in "".join(text)


def test_empty_optional_fields(qapp: QApplication) -> None:
    layout = make_layout(paragraphs=1, sender_lines=[], place="", signature="", subject="")
    text = page_texts(read(letter_pdf(layout)))[0]
    assert text.startswith(ORGANISATION)
    assert "3 maart 2025" in text
    assert ", 3 maart" not in text


def test_unknown_paper_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="paper"):
        letter_pdf(make_layout(paper="A5"))


@pytest.mark.parametrize(
    ("country", "paper"),
    [
        ("US", "Letter"),
        ("ca", "Letter"),
        ("MX", "Letter"),
        ("PH", "Letter"),
        (" cl ", "Letter"),
        ("NL", "A4"),
        ("DE", "A4"),
        ("GB", "A4"),
        ("", "A4"),
        ("XX", "A4"),
    ],
)
def test_paper_for_country(country: str, paper: str) -> None:
    assert paper_for_country(country) == paper


def test_write_letter_pdf_is_owner_only_and_leaves_no_temporary_file(
    qapp: QApplication, tmp_path: Path
) -> None:
    target = tmp_path / "brief.pdf"
    write_letter_pdf(make_layout(paragraphs=1), target)
    assert target.read_bytes().startswith(b"%PDF-")
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


CHECK_IMPORTS = """
import json, sys
from app.render.letter_pdf import LetterLayout, letter_pdf
layout = LetterLayout([], ["Org"], "", "1 May 2025", "Subject", "Body", "Name")
try:
    letter_pdf(layout)
    refused = False
except RuntimeError:
    refused = True
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
pdf = letter_pdf(layout)
print(json.dumps({
    "refused_without_app": refused,
    "pdf": pdf.startswith(b"%PDF-"),
    "widgets": sorted(m for m in sys.modules if m.startswith("PySide6.QtWidgets")),
}))
"""


def test_the_module_needs_only_qtgui() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CHECK_IMPORTS],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"refused_without_app": True, "pdf": True, "widgets": []}
