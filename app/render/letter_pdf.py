"""A finished GDPR letter as a PDF the person can print, post or attach: a real letter layout.

The page, measured from its edges:

- the sender block at the top right, right-aligned;
- the address window on the left: a one-line return address in small type, then the recipient
  block. On A4 it sits where DIN 5008 (form B) and NEN 1026 letters put it, 45 mm from the top
  with the text 25 mm from the left, so it shows through a DL/C5 window envelope; on US Letter
  it sits where a tri-folded sheet shows through a #10 window envelope;
- place and date right-aligned below the window, the subject in bold, the body, room for a
  handwritten signature and the signer's name;
- fold marks in the left margin of the first page; page numbers ("1/2") at the bottom when the
  letter has more than one page.

Every string is plain text. It is laid out with `QTextLayout`, never read as HTML or rich text,
so `<b>` in a body prints as `<b>`. The text stays text in the PDF (Qt embeds subsets of the
fonts), so it can be selected, searched and read aloud.

Uses QtGui only, never QtWidgets. A `QGuiApplication` (or `QApplication`) must exist before
`letter_pdf` is called, because fonts come from the application's font database; no display is
needed (`QT_QPA_PLATFORM=offscreen` is enough). Call it on the GUI thread: a two-page letter
takes about 10 ms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QLineF, QMarginsF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from app import APP_NAME
from app.render.typesetting import Flow, Placed, Typesetter
from app.storage.fileio import atomic_write_bytes

__all__ = [
    "LETTER_COUNTRIES",
    "PAPERS",
    "LetterLayout",
    "letter_pdf",
    "paper_for_country",
    "write_letter_pdf",
]

RESOLUTION_DPI = 300
BODY_PT = 11.0
SENDER_PT = 9.5
RETURN_LINE_PT = 7.0
PAGE_NUMBER_PT = 8.5
#: line pitch of the body as a multiple of the font's natural line height (about 1.35 em)
BODY_LINE_SPACING = 1.15
#: room left for a handwritten signature, in body lines
SIGNATURE_ROOM_LINES = 3

#: Territories that use US Letter paper (CLDR `paperSize`); everyone else uses A4.
LETTER_COUNTRIES = frozenset(
    {"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"}
)


@dataclass(frozen=True)
class LetterLayout:
    """Everything printed on the letter, as plain text.

    `sender_lines` and `recipient_lines` are the address blocks, one line each (a line that
    contains line breaks is split). `place` may be empty ("Amsterdam, 3 March 2025" becomes
    "3 March 2025"), as may `signature`. `body` keeps its line breaks; blank lines separate
    paragraphs. `paper` is "A4" or "Letter" (see `paper_for_country`).
    """

    sender_lines: list[str]
    recipient_lines: list[str]
    place: str
    date_text: str
    subject: str
    body: str
    signature: str
    paper: str = "A4"


@dataclass(frozen=True)
class _Paper:
    size: QPageSize.PageSizeId
    width_mm: float
    height_mm: float
    left_mm: float
    right_mm: float
    top_mm: float  # first line of the sender block, and of the text on later pages
    bottom_mm: float  # the text stops this far above the bottom edge
    window_top_mm: float  # the address window: return line first, then the recipient
    window_height_mm: float
    window_text_mm: float  # width of the text in the window
    folds_mm: tuple[float, ...]
    punch_mm: float | None  # hole-punch mark (half the page height on A4)


_PAPERS: dict[str, _Paper] = {
    # DIN 5008 form B / NEN 1026: window 45–90 mm from the top, text from 25 mm; folds at
    # 105 and 210 mm; right margin 20 mm.
    "A4": _Paper(
        size=QPageSize.PageSizeId.A4,
        width_mm=210.0,
        height_mm=297.0,
        left_mm=25.0,
        right_mm=20.0,
        top_mm=20.0,
        bottom_mm=25.0,
        window_top_mm=45.0,
        window_height_mm=45.0,
        window_text_mm=80.0,
        folds_mm=(105.0, 210.0),
        punch_mm=148.5,
    ),
    # 1 inch margins; a sheet folded in three shows about 1.9–3.2 in from its top through the
    # window of a #10 envelope.
    "Letter": _Paper(
        size=QPageSize.PageSizeId.Letter,
        width_mm=215.9,
        height_mm=279.4,
        left_mm=25.4,
        right_mm=25.4,
        top_mm=19.05,
        bottom_mm=25.4,
        window_top_mm=47.6,
        window_height_mm=33.0,
        window_text_mm=80.0,
        folds_mm=(279.4 / 3, 279.4 * 2 / 3),
        punch_mm=None,
    ),
}

#: The papers `LetterLayout.paper` may name.
PAPERS: tuple[str, ...] = tuple(_PAPERS)

# Control characters other than tab and line feed would print as boxes (or nothing).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
# A line that is only a phone number: kept out of the return-address line.
_PHONE = re.compile(r"^[+\d\s()./-]+$")


def paper_for_country(cc: str) -> str:
    """The paper for an ISO country code: "Letter" in the US, CA, MX, PH, …; "A4" elsewhere."""
    return "Letter" if cc.strip().upper() in LETTER_COUNTRIES else "A4"


def letter_pdf(layout: LetterLayout) -> bytes:
    """The letter as PDF bytes (300 dpi, embedded fonts, creator "Quid").

    Raises ValueError for an unknown `paper`, RuntimeError when no QGuiApplication exists.
    """
    paper = _PAPERS.get(layout.paper)
    if paper is None:
        known = ", ".join(PAPERS)
        raise ValueError(f"Unknown paper {layout.paper!r}; use one of: {known}.")
    if QGuiApplication.instance() is None:
        raise RuntimeError("letter_pdf needs a QGuiApplication (or QApplication) to exist.")

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(paper.size),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setCreator(APP_NAME)
    writer.setTitle(_one_line(layout.subject) or APP_NAME)

    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("Could not start the PDF.")
    try:
        setter = Typesetter(writer.resolution())
        pages = _compose(layout, paper, setter)
        for number, page in enumerate(pages, start=1):
            if number > 1:
                writer.newPage()
            else:
                _fold_marks(painter, paper, setter)
            painter.setPen(QColor(0, 0, 0))
            for placed in page:
                placed.line.draw(painter, placed.x, placed.top)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data())


def write_letter_pdf(layout: LetterLayout, path: Path) -> None:
    """Render the letter and write it to `path` atomically, readable by the owner only."""
    atomic_write_bytes(path, letter_pdf(layout))


# --- typesetting -------------------------------------------------------------------------------


def _compose(layout: LetterLayout, paper: _Paper, setter: Typesetter) -> list[list[Placed]]:
    """Every line of the letter, page by page, with page numbers when there are several."""
    mm = setter.mm
    page_width = mm(paper.width_mm)
    left = mm(paper.left_mm)
    right = page_width - mm(paper.right_mm)
    text_width = right - left
    body_font = setter.font(BODY_PT)
    pages: list[list[Placed]] = [[]]
    first = pages[0]

    def block(
        lines: list[str],
        font: QFont,
        x: float,
        top: float,
        width: float,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> float:
        """Place short lines one under the other on the first page; returns the bottom."""
        y = top
        for text in lines:
            for line in setter.lines(text, font, width, align):
                first.append(Placed(line, x, y))
                y += line.advance
        return y

    # Sender: top right, clear of the window's text (which ends at the page's middle).
    column = page_width / 2 + mm(5)
    sender = _lines(layout.sender_lines)
    sender_bottom = block(
        sender,
        setter.font(SENDER_PT),
        column,
        mm(paper.top_mm),
        right - column,
        Qt.AlignmentFlag.AlignRight,
    )

    # The address window: a return-address line, then the recipient.
    window_top = mm(paper.window_top_mm)
    window_width = mm(paper.window_text_mm)
    returned = [line for line in sender if "@" not in line and not _PHONE.match(line)]
    if returned:
        small = setter.font(RETURN_LINE_PT)
        text = setter.elided(" · ".join(returned), small, window_width)
        block([text], small, left, window_top + mm(1.5), window_width)
    recipient_bottom = block(
        _lines(layout.recipient_lines), body_font, left, window_top + mm(7.5), window_width
    )

    # Place and date, right-aligned below the window (and below anything that ran long).
    window_bottom = window_top + mm(paper.window_height_mm)
    y = max(window_bottom, recipient_bottom, sender_bottom) + mm(5)
    dated = ", ".join(
        part for part in (_one_line(layout.place), _one_line(layout.date_text)) if part
    )
    if dated:
        y = block([dated], body_font, left, y, text_width, Qt.AlignmentFlag.AlignRight)

    # Subject in bold, then the body.
    flow = Flow(pages, left, y, mm(paper.height_mm - paper.bottom_mm), mm(paper.top_mm + 5))
    pitch = setter.lines("X", body_font, text_width, spacing=BODY_LINE_SPACING)[0].advance
    subject = _one_line(layout.subject)
    if subject:
        flow.space(pitch * 1.5)
        bold = setter.font(BODY_PT, bold=True)
        flow.paragraph(setter.lines(subject, bold, text_width, spacing=BODY_LINE_SPACING))
    flow.space(pitch * 1.5)
    for text in _body_lines(layout.body):
        if text.strip():
            flow.paragraph(setter.lines(text, body_font, text_width, spacing=BODY_LINE_SPACING))
        else:
            flow.space(pitch)

    # Room for a handwritten signature, then the name, kept with the last line of the body.
    signature = _lines([layout.signature])
    if signature:
        names = [
            line
            for text in signature
            for line in setter.lines(text, body_font, text_width, spacing=BODY_LINE_SPACING)
        ]
        room = pitch * SIGNATURE_ROOM_LINES
        flow.keep_with_previous(room + sum(line.advance for line in names))
        flow.space(room, even_at_top=True)  # the handwritten signature goes there
        flow.paragraph(names)

    if len(pages) > 1:
        small = setter.font(PAGE_NUMBER_PT)
        top = mm(paper.height_mm - 15)
        for number, page in enumerate(pages, start=1):
            for line in setter.lines(
                f"{number}/{len(pages)}", small, text_width, Qt.AlignmentFlag.AlignHCenter
            ):
                page.append(Placed(line, left, top))
    return pages


def _fold_marks(painter: QPainter, paper: _Paper, setter: Typesetter) -> None:
    mm = setter.mm
    painter.setPen(QPen(QColor(150, 150, 150), mm(0.2)))
    for y in paper.folds_mm:
        painter.drawLine(QLineF(mm(4), mm(y), mm(9), mm(y)))
    if paper.punch_mm is not None:
        painter.drawLine(QLineF(mm(4), mm(paper.punch_mm), mm(11), mm(paper.punch_mm)))


# --- plain text ----------------------------------------------------------------------------------


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u2028", "\n")
    return _CONTROL.sub("", text)


def _one_line(text: str) -> str:
    return " ".join(_clean(text).split())


def _lines(items: list[str]) -> list[str]:
    """Address lines: split at line breaks, trimmed, empty ones dropped."""
    result = []
    for item in items:
        result += [line.strip() for line in _clean(item).split("\n") if line.strip()]
    return result


def _body_lines(body: str) -> list[str]:
    """The body's lines (each one a paragraph to wrap), without blank lines at either end."""
    lines = [line.rstrip() for line in _clean(body).split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines
