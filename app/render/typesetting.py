"""Typesetting for the letter PDF: fonts at the printer's resolution, measured lines, and
the flow that fills pages while keeping paragraphs' ends and the signature together."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QTextLayout,
    QTextOption,
)

FONT_FAMILY = "DejaVu Sans"  # embedded in the PDF; the platform default when missing


@dataclass(frozen=True)
class Line:
    """One laid-out line; keeps its QTextLayout alive (a QTextLine only points into it)."""

    layout: QTextLayout
    index: int
    advance: float  # vertical room the line takes, line spacing included (device pixels)

    def draw(self, painter: QPainter, x: float, top: float) -> None:
        self.layout.lineAt(self.index).draw(painter, QPointF(x, top))


@dataclass(frozen=True)
class Placed:
    line: Line
    x: float
    top: float


class Typesetter:
    """Plain text to lines, in device pixels of a `dpi` device."""

    def __init__(self, dpi: int) -> None:
        self._px_per_mm = dpi / 25.4
        self._device_dpi = dpi
        self._family = FONT_FAMILY if QFontDatabase.hasFamily(FONT_FAMILY) else ""

    def mm(self, value: float) -> float:
        return value * self._px_per_mm

    def font(self, point_size: float, *, bold: bool = False) -> QFont:
        font = QFont(self._family) if self._family else QFont(QGuiApplication.font())
        font.setPointSizeF(point_size)
        font.setBold(bold)
        font.setKerning(True)
        # Print metrics: the same line breaks at every resolution.
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def lines(
        self,
        text: str,
        font: QFont,
        width: float,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        spacing: float = 1.0,
    ) -> list[Line]:
        """`text` (one paragraph, no line breaks) wrapped to `width` pixels."""
        # Sized in the PDF's pixels, so the metrics are the printed ones, not the screen's.
        layout = QTextLayout(text, _scaled(font, self._device_dpi))
        option = QTextOption(align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setTabStopDistance(self.mm(12.5))
        layout.setTextOption(option)
        layout.setCacheEnabled(True)
        result: list[Line] = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, 0))  # each line is drawn at its own place
            result.append(Line(layout, line.lineNumber(), line.height() * spacing))
        layout.endLayout()
        return result

    def elided(self, text: str, font: QFont, width: float) -> str:
        metrics = QFontMetricsF(_scaled(font, self._device_dpi))
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def _scaled(font: QFont, dpi: int) -> QFont:
    """`font` sized in pixels of a `dpi` device, so layout needs no paint device."""
    scaled = QFont(font)
    scaled.setPixelSize(max(1, round(font.pointSizeF() * dpi / 72)))
    return scaled


class Flow:
    """Places lines down the pages, starting new pages as needed."""

    def __init__(
        self, pages: list[list[Placed]], x: float, top: float, bottom: float, next_top: float
    ) -> None:
        self.pages = pages
        self.x = x
        self.y = top
        self.bottom = bottom
        self.next_top = next_top
        self.at_top = False
        self.placed_here = 0  # lines this flow put on the current page

    def room(self) -> float:
        return self.bottom - self.y

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.next_top
        self.at_top = True
        self.placed_here = 0

    def put(self, line: Line) -> None:
        self.pages[-1].append(Placed(line, self.x, self.y))
        self.y += line.advance
        self.at_top = False
        self.placed_here += 1

    def space(self, height: float, *, even_at_top: bool = False) -> None:
        """Vertical space, dropped at the top of a page unless `even_at_top`."""
        if self.at_top and not even_at_top:
            return
        if height >= self.room():
            self.new_page()
        else:
            self.y += height

    def paragraph(self, lines: list[Line]) -> None:
        """Lines of one paragraph, never leaving one line alone at a page's foot or head."""
        remaining = list(lines)
        while remaining:
            fit, used = 0, 0.0
            for line in remaining:
                if used + line.advance > self.room():
                    break
                used += line.advance
                fit += 1
            if fit < len(remaining):
                if len(remaining) - fit == 1 and fit >= 2:
                    fit -= 1  # no widow: take a second line over to the next page
                if fit == 1 and len(remaining) > 1:
                    fit = 0  # no orphan: the paragraph starts on the next page
                if fit == 0 and self.at_top:
                    fit = 1  # a line taller than a page: print it anyway
            for line in remaining[:fit]:
                self.put(line)
            remaining = remaining[fit:]
            if remaining:
                self.new_page()

    def keep_with_previous(self, height: float) -> None:
        """Make room for `height`; on a new page, take the last line along (a signature
        never stands alone on a page)."""
        if height <= self.room() or self.at_top:
            return
        carried = self.pages[-1].pop() if self.placed_here else None
        self.new_page()
        if carried is not None:
            self.put(carried.line)
