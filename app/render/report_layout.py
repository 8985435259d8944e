"""Page layout for the report PDF: paragraphs, tables, images and boxes placed down A4 pages,
first as a list of drawing operations per page (so the page count is known before anything is
painted, for "Page 3 of 12"), then painted.

Tables break between rows, never inside one, and repeat their header row on every page they
continue on; only a row taller than a whole page is split, and then between lines. Text is
laid out with QTextLayout (plain text, never HTML), so it stays text in the PDF. QtGui only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QPen,
    QTextLayout,
    QTextLine,
    QTextOption,
)

from app.render.typesetting import Typesetter

INK, MUTED, RULE = QColor("#212121"), QColor("#616161"), QColor("#bdbdbd")
HEADER_FILL, WARN, WHITE = QColor("#eeeeee"), QColor("#c62828"), QColor("white")
LINE_SPACING = 1.1  # × the font's line height
# Control characters other than line breaks would print as boxes (or nothing).
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\u2028\u2029]")


class Line(NamedTuple):
    """One laid-out line (tuples, not dataclasses: a long report has 100,000 of them)."""

    text_line: QTextLine
    layout: QTextLayout  # the line only points into its layout: keep that alive
    advance: float  # vertical room the line takes, line spacing included


class TextOp(NamedTuple):
    line: Line
    at: QPointF  # top left of the line
    colour: QColor


@dataclass(frozen=True)
class BoxOp:
    rect: QRectF
    fill: QColor | None
    border: QColor | None = None
    border_width: float = 0.0
    radius: float = 0.0


@dataclass(frozen=True)
class ImageOp:
    rect: QRectF
    image: QImage


Op = TextOp | BoxOp | ImageOp


@dataclass(frozen=True)
class Column:
    header: str
    share: float  # of the table's width
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


class PageFlow:
    """Fills pages of `width` × `height` device pixels from the top down."""

    def __init__(self, setter: Typesetter, width: float, height: float) -> None:
        self.setter = setter
        self.width = width
        self.height = height
        self.pages: list[list[Op]] = [[]]
        self.y = 0.0
        self.pad = setter.mm(1.2)  # inside table cells
        self.hairline = setter.mm(0.2)
        self.running_head: tuple[str, QFont] | None = None  # atop each page a section goes on to
        self._laid_out: dict[tuple[str, int, float, Qt.AlignmentFlag, int], list[Line]] = {}
        self._fonts: dict[int, tuple[QFont, QFont]] = {}  # the font kept, so its id stays its own
        self._options: dict[Qt.AlignmentFlag, QTextOption] = {}

    # --- pages ---------------------------------------------------------------------------
    def room(self) -> float:
        return self.height - self.y

    def at_top(self) -> bool:
        return self.y <= 0.0

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 0.0
        if self.running_head is not None:  # say whose section goes on here
            text, font = self.running_head
            for line in self.lines(text, font, self.width):
                self.pages[-1].append(TextOp(line, QPointF(0, self.y), MUTED))
                self.y += line.advance
            self.y += self.pad

    def keep(self, height: float) -> None:
        """Start a new page unless `height` still fits (keeps a heading with what follows)."""
        if height > self.room() and not self.at_top():
            self.new_page()

    def space(self, height: float) -> None:
        if not self.at_top():
            self.y = min(self.y + height, self.height)

    def add(self, op: Op) -> None:
        self.pages[-1].append(op)

    # --- text ----------------------------------------------------------------------------
    def lines(self, text: str, font: QFont, width: float, align: Qt.AlignmentFlag
              = Qt.AlignmentFlag.AlignLeft, bold: int = 0) -> list[Line]:  # fmt: skip
        """Wrapped lines of `text`, its first `bold` characters in bold; line breaks in it start
        new lines. Laid-out text is kept and reused: column headers, dates and labels recur
        thousands of times."""
        key = (text, id(font), width, align, bold)
        found = self._laid_out.get(key)
        if found is None:
            clean = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
            found = []
            for part in clean.split("\n"):
                found += self._wrap(part, font, width, align, bold)
                bold = max(0, bold - len(part) - 1)
            self._laid_out[key] = found
        return found

    def _pixel_font(self, font: QFont) -> QFont:
        """`font` sized in the PDF's pixels: the printed metrics, with no paint device."""
        scaled = QFont(font)
        scaled.setPixelSize(max(1, round(font.pointSizeF() * self.setter.mm(25.4) / 72)))
        # No ligatures: "fi" stays two letters, so the PDF's text searches, copies and reads
        # aloud as typed (with them, "file" comes out as "ﬁle").
        scaled.setFeature(QFont.Tag("liga"), 0)
        return scaled

    def _wrap(
        self, text: str, font: QFont, width: float, align: Qt.AlignmentFlag, bold: int
    ) -> list[Line]:
        """One paragraph as lines, like Typesetter.lines but with the scaled font and the text
        option made once (they were a fifth of the time for 1,000 organisations)."""
        scaled = self._fonts.get(id(font))
        if scaled is None:
            scaled = self._fonts[id(font)] = (font, self._pixel_font(font))
        layout = QTextLayout(text, scaled[1])
        option = self._options.get(align)
        if option is None:
            option = self._options[align] = QTextOption(align)
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        if bold:
            emphasis = QTextLayout.FormatRange()
            emphasis.start, emphasis.length = 0, min(bold, len(text))
            emphasis.format.setFontWeight(QFont.Weight.Bold)
            layout.setFormats([emphasis])
        result: list[Line] = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            result.append(Line(line, layout, line.height() * LINE_SPACING))
        layout.endLayout()
        return result

    def paragraph(self, text: str, font: QFont, colour: QColor = INK, *, indent: float = 0.0,
                  after: float = 0.0, bold: int = 0) -> None:  # fmt: skip
        """A paragraph that may continue on the next page (between lines)."""
        lines = self.lines(text, font, self.width - indent, bold=bold)
        for number, line in enumerate(lines):
            if line.advance > self.room() or (number == 0 and len(lines) > 1 and
                                              2 * line.advance > self.room()):  # fmt: skip
                self.new_page()  # no single first line left at the foot of a page
            self.pages[-1].append(TextOp(line, QPointF(indent, self.y), colour))
            self.y += line.advance
        self.space(after)

    def height_of(self, text: str, font: QFont, width: float | None = None) -> float:
        return sum(line.advance for line in self.lines(text, font, width or self.width))

    # --- boxes and images --------------------------------------------------------------------
    def boxed(self, text: str, font: QFont, border: QColor, fill: QColor, bold: int = 0) -> None:
        """A paragraph in a framed box (the notice), kept on one page."""
        inset = self.setter.mm(3)
        lines = self.lines(text, font, self.width - 2 * inset, bold=bold)
        height = sum(line.advance for line in lines) + 2 * inset
        self.keep(height)
        self.add(BoxOp(QRectF(0, self.y, self.width, height), fill, border,
                       self.setter.mm(0.5), self.setter.mm(1.5)))  # fmt: skip
        y = self.y + inset
        for line in lines:
            self.add(TextOp(line, QPointF(inset, y), INK))
            y += line.advance
        self.y += height

    def image(self, image: QImage, width: float) -> None:
        height = width * image.height() / max(1, image.width())
        self.keep(height)
        self.add(ImageOp(QRectF(0, self.y, width, height), image))
        self.y += height

    def badge(self, label: str, font: QFont, fill: QColor, rest: str, rest_font: QFont) -> None:
        """A coloured label (the band) followed on the same line by `rest`."""
        pad = self.setter.mm(1.5)
        line = self.lines(label, font, self.width)[0]
        width = line.text_line.naturalTextWidth() + 2 * pad
        others = self.lines(rest, rest_font, self.width - width - 2 * pad)
        height = max(line.advance, others[0].advance if others else 0.0) + pad
        self.keep(height + sum(o.advance for o in others[1:]))
        self.add(BoxOp(QRectF(0, self.y, width, height), fill, radius=self.setter.mm(1)))
        self.add(TextOp(line, QPointF(pad, self.y + pad / 2), WHITE))
        y = self.y + pad / 2
        for other in others:
            self.add(TextOp(other, QPointF(width + 2 * pad, y), INK))
            y += other.advance
        self.y = max(self.y + height, y)

    # --- tables --------------------------------------------------------------------------
    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[str]], font: QFont,
              header_font: QFont, *, warn: Sequence[bool] = ()) -> None:  # fmt: skip
        """Rows whole on one page where they fit; the header row again on every page."""
        widths = [self.width * c.share for c in columns]
        spec = [(w - 2 * self.pad, c.align) for w, c in zip(widths, columns, strict=True)]
        header = self._cells([c.header for c in columns], header_font, spec)
        header_height = self._height(header)
        first_row = self._height(self._cells(rows[0], font, spec)) if rows else 0.0
        self.keep(header_height + first_row)  # never a header alone at the foot of a page
        self._row(header, header_height, widths, HEADER_FILL, INK)
        for number, row in enumerate(rows):
            cells = self._cells(row, font, spec)
            colour = WARN if number < len(warn) and warn[number] else INK
            height = self._height(cells)
            if height > self.room():
                self.new_page()
                self._row(header, header_height, widths, HEADER_FILL, INK)
            while height > self.room():  # taller than a page: split between lines
                cells = self._split(cells, widths, colour)
                self.new_page()
                self._row(header, header_height, widths, HEADER_FILL, INK)
                height = self._height(cells)
            self._row(cells, height, widths, None, colour)

    def _cells(self, texts: Sequence[str], font: QFont,
               spec: list[tuple[float, Qt.AlignmentFlag]]) -> list[list[Line]]:  # fmt: skip
        lines = self.lines
        return [
            lines(text, font, width, align)
            for text, (width, align) in zip(texts, spec, strict=True)
        ]

    def _height(self, cells: list[list[Line]]) -> float:
        tallest = 0.0
        for cell in cells:
            tallest = max(tallest, sum(line.advance for line in cell))
        return tallest + 2 * self.pad

    def _row(self, cells: list[list[Line]], height: float, widths: list[float],
             fill: QColor | None, colour: QColor) -> None:  # fmt: skip
        page = self.pages[-1]
        if fill is not None:
            page.append(BoxOp(QRectF(0, self.y, self.width, height), fill))
        x = self.pad
        for cell, width in zip(cells, widths, strict=True):
            y = self.y + self.pad
            for line in cell:
                page.append(TextOp(line, QPointF(x, y), colour))
                y += line.advance
            x += width
        self.y += height
        page.append(BoxOp(QRectF(0, self.y - self.hairline, self.width, self.hairline), RULE))

    def _split(self, cells: list[list[Line]], widths: list[float],
               colour: QColor) -> list[list[Line]]:  # fmt: skip
        """Place the lines of a too-tall row that fit here; return the rest of each cell."""
        room = self.room() - 2 * self.pad
        now, later = [], []
        for cell in cells:
            used, count = 0.0, 0
            while count < len(cell) and used + cell[count].advance <= room:
                used += cell[count].advance
                count += 1
            count = max(count, 1 if cell else 0)  # on a fresh page: always make progress
            now.append(cell[:count])
            later.append(cell[count:])
        self._row(now, self._height(now), widths, None, colour)
        return later


def paint_pages(painter: QPainter, pages: list[list[Op]], page: int) -> None:
    """Draw the operations of page number `page` (from 0) at the painter's origin."""
    pen: QColor | None = None  # set only when it changes: most lines share one colour
    for op in pages[page]:
        if isinstance(op, TextOp):
            if op.colour is not pen:
                pen = op.colour
                painter.setPen(pen)
            op.line.text_line.draw(painter, op.at)
        elif isinstance(op, BoxOp):
            pen = None
            painter.setPen(QPen(op.border, op.border_width) if op.border else Qt.PenStyle.NoPen)
            painter.setBrush(op.fill if op.fill is not None else Qt.BrushStyle.NoBrush)
            if op.radius:
                painter.drawRoundedRect(op.rect, op.radius, op.radius)
            else:
                painter.drawRect(op.rect)
        else:
            painter.drawImage(op.rect, op.image)


def rule(flow: PageFlow, colour: QColor = RULE) -> None:
    """A thin line across the text width."""
    thickness = flow.setter.mm(0.3)
    flow.add(BoxOp(QRectF(0, flow.y, flow.width, thickness), colour))
    flow.y += thickness
