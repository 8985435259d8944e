"""The report's charts, painted with QPainter on a QImage (QtGui only: the dashboard's QtCharts
widgets need QtWidgets, which the render layer may not use).

Four charts from `ChartData`: organisations per band (bars), value given against value got per
organisation (a scatter with the assessment's two ratio lines), disclosures per year (bars) and
disclosures per kind of data (horizontal bars). Colours and marker shapes are the dashboard's;
the band's name is written beside its colour, so the chart also reads in black and white.
Each chart comes with a title and an alt text that says the same in words, in the report's
language (`report_texts`). Needs a QGuiApplication (fonts); no display.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from app.services.report_summary import ChartData, Point, band_label
from app.services.report_texts import DEFAULT_LANGUAGE, number, text

WIDTH = 800  # logical width; the image has SCALE × as many pixels (print quality)
BALANCE_HEIGHT, BARS_HEIGHT = 400, 280
SCALE = 2
FONT_FAMILY = "DejaVu Sans"
INK, MUTED, GRID, BAR = QColor("#212121"), QColor("#616161"), QColor("#e0e0e0"), QColor("#1e88e5")
# The dashboard's colours on a light background (app/ui/charts.py BAND_COLOURS).
BAND_COLOURS = {
    "fair": QColor("#2e7d32"),
    "questionable": QColor("#9a6700"),
    "unbalanced": QColor("#c62828"),
    "coerced": QColor("#6a1b9a"),
}
TOP_GROUPS = 10  # kinds of data shown; the rest is one "Other" bar


@dataclass(frozen=True)
class Chart:
    key: str  # stable id: bands, balance, years, groups
    title: str
    alt: str  # the chart in words, for screen readers and when images are off
    image: QImage


def report_charts(data: ChartData, lang: str = DEFAULT_LANGUAGE) -> list[Chart]:
    """The charts worth drawing for `data` (none for an empty ledger), with their words in
    `lang` ("en" or "nl")."""
    charts = []
    if any(count for _band, count in data.bands):
        bands = [(band_label(b, lang), n) for b, n in data.bands]
        alt = text(lang, "alt.bands", items=_listing(bands))
        charts.append(Chart("bands", text(lang, "chart.bands"), alt, _bands(data, lang)))
    if data.points:
        charts.append(Chart("balance", text(lang, "chart.balance"),
                            _balance_alt(data, lang), _balance(data, lang)))  # fmt: skip
    if data.per_year:
        alt = text(lang, "alt.years", items=_listing([(str(y), n) for y, n in data.per_year]))
        charts.append(Chart("years", text(lang, "chart.years"), alt, _years(data, lang)))
    if data.by_group:
        alt = text(lang, "alt.groups", items=_listing(_top_groups(data, lang)))
        charts.append(Chart("groups", text(lang, "chart.groups"), alt, _groups(data, lang)))
    return charts


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; str works
    buffer.close()
    return bytes(data.data())


# --- words ---------------------------------------------------------------------------------------
def _listing(items: list[tuple[str, int]]) -> str:
    return ", ".join(f"{label} {count}" for label, count in items)


def _balance_alt(data: ChartData, lang: str) -> str:
    below = sum(1 for p in data.points if p.given_cents > p.got_cents * data.unbalanced_ratio)
    return text(lang, "alt.balance", count=len(data.points), below=below,
                fraction=_fraction(data.unbalanced_ratio, lang))  # fmt: skip


def _fraction(ratio: float, lang: str) -> str:
    """'a third' for 3, '1/2.5' for 2.5 (in Dutch 'een derde', '1/2,5')."""
    if ratio in (2.0, 3.0, 4.0):
        return text(lang, f"fraction.{ratio:g}")
    return text(lang, "fraction.other", ratio=number(ratio, lang))


def _top_groups(data: ChartData, lang: str) -> list[tuple[str, int]]:
    shown = list(data.by_group[:TOP_GROUPS])
    rest = sum(count for _label, count in data.by_group[TOP_GROUPS:])
    return [*shown, (text(lang, "chart.other"), rest)] if rest else shown


# --- painting helpers ----------------------------------------------------------------------------
def _font(size: float, *, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY) if QFontDatabase.hasFamily(FONT_FAMILY) else QFont()
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    return font


def _canvas(height: int, paint: Callable[[QPainter], None]) -> QImage:
    image = QImage(WIDTH * SCALE, height * SCALE, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    image.setDotsPerMeterX(round(SCALE * 96 / 0.0254))  # 192 dpi: prints at the logical size
    image.setDotsPerMeterY(round(SCALE * 96 / 0.0254))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(SCALE, SCALE)
        paint(painter)
    finally:
        painter.end()
    return image


def nice_scale(raw: float, *, whole: bool = False) -> tuple[float, float]:
    """(top, step): a round axis end at or above `raw`, in at most six round steps."""
    raw = max(raw, 1e-9)
    magnitude = 10 ** math.floor(math.log10(raw / 6))
    step = 10 * magnitude
    for factor in (1, 2, 2.5, 5):
        candidate = factor * magnitude
        if whole and candidate != int(candidate):
            continue
        if raw / candidate <= 6:
            step = candidate
            break
    step = max(step, 1.0) if whole else step
    return math.ceil(raw / step - 1e-9) * step, step


def _number(value: float, lang: str) -> str:
    return f"{value:,.0f}".replace(",", "\u202f") if value >= 10 else number(value, lang)


def _text(painter: QPainter, rect: QRectF, words: str, flags: Qt.AlignmentFlag, size: float = 12,
          colour: QColor = INK, *, bold: bool = False) -> None:  # fmt: skip
    painter.setFont(_font(size, bold=bold))
    painter.setPen(colour)
    painter.drawText(rect, int(flags), words)


def _y_axis(painter: QPainter, plot: QRectF, top: float, step: float, title: str,
            lang: str) -> None:  # fmt: skip
    """Grid lines with their values, and the axis title above the values."""
    value = 0.0
    while value <= top + step / 2:
        y = plot.bottom() - plot.height() * value / top
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
        _text(painter, QRectF(0, y - 8, plot.left() - 6, 16), _number(value, lang),
              Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, 11, MUTED)  # fmt: skip
        value += step
    _text(painter, QRectF(4, 2, WIDTH, 16), title, Qt.AlignmentFlag.AlignLeft, 12, MUTED)


def _vertical_bars(painter: QPainter, bars: list[tuple[str, int, QColor]], y_title: str,
                   lang: str, *, label_every: int = 1) -> None:  # fmt: skip
    plot = QRectF(56, 28, WIDTH - 72, BARS_HEIGHT - 28 - 40)
    top, step = nice_scale(max(4.0, max((n for _l, n, _c in bars), default=0) * 1.12), whole=True)
    _y_axis(painter, plot, top, step, y_title, lang)
    slot = plot.width() / max(1, len(bars))
    for index, (label, count, colour) in enumerate(bars):
        height = plot.height() * count / top
        bar = QRectF(plot.left() + slot * (index + 0.15), plot.bottom() - height, slot * 0.7,
                     height)  # fmt: skip
        painter.fillRect(bar, colour)
        centre = QRectF(plot.left() + slot * index - 20, 0, slot + 40, 16)
        if count and slot >= 18:
            _text(painter, centre.translated(0, bar.top() - 17), str(count),
                  Qt.AlignmentFlag.AlignHCenter, 11)  # fmt: skip
        if index % label_every == 0:
            _text(painter, centre.translated(0, plot.bottom() + 6), label,
                  Qt.AlignmentFlag.AlignHCenter, 12)  # fmt: skip
    painter.setPen(QPen(MUTED, 1))
    painter.drawLine(QLineF(plot.left(), plot.bottom(), plot.right(), plot.bottom()))


# --- the charts ----------------------------------------------------------------------------------
def _bands(data: ChartData, lang: str) -> QImage:
    bars = [(band_label(b, lang), n, BAND_COLOURS.get(b, BAR)) for b, n in data.bands]
    title = text(lang, "axis.organisations")
    return _canvas(BARS_HEIGHT, lambda p: _vertical_bars(p, bars, title, lang))


def _years(data: ChartData, lang: str) -> QImage:
    bars = [(str(year), count, BAR) for year, count in data.per_year]
    every = max(1, math.ceil(len(bars) / 12))  # at most about twelve year labels
    title = text(lang, "axis.new-disclosures")
    return _canvas(BARS_HEIGHT, lambda p: _vertical_bars(p, bars, title, lang, label_every=every))


def _groups(data: ChartData, lang: str) -> QImage:
    groups = _top_groups(data, lang)
    height = 16 + 30 * max(len(groups), 3)

    def paint(painter: QPainter) -> None:
        metrics = QFontMetricsF(_font(12))
        room = min(260.0, max(metrics.horizontalAdvance(label) for label, _n in groups) + 12)
        plot = QRectF(room, 8, WIDTH - room - 56, height - 16)
        highest = max(1, max(n for _l, n in groups))
        slot = plot.height() / max(len(groups), 3)
        for index, (label, count) in enumerate(groups):
            y = plot.top() + slot * index
            bar = QRectF(plot.left(), y + slot * 0.15, plot.width() * count / highest, slot * 0.7)
            painter.fillRect(bar, BAR)
            name = metrics.elidedText(label, Qt.TextElideMode.ElideRight, room - 12)
            _text(painter, QRectF(0, y, room - 8, slot), name,
                  Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # fmt: skip
            _text(painter, QRectF(bar.right() + 6, y, 60, slot), str(count),
                  Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, 11)  # fmt: skip
        painter.setPen(QPen(MUTED, 1))
        painter.drawLine(
            QLineF(plot.left(), plot.top(), plot.left(), plot.top() + slot * len(groups))
        )

    return _canvas(height, paint)


def _marker(painter: QPainter, band: str, at: QPointF, size: float = 5.5) -> None:
    painter.setBrush(QBrush(BAND_COLOURS.get(band, BAR)))
    painter.setPen(QPen(QColor("white"), 0.8))
    x, y = at.x(), at.y()
    if band == "questionable":
        painter.drawRect(QRectF(x - size * 0.85, y - size * 0.85, size * 1.7, size * 1.7))
    elif band == "unbalanced":
        corners = [(0.0, -1.15), (1.0, 0.75), (-1.0, 0.75)]
        painter.drawPolygon(
            QPolygonF([QPointF(x + dx * size, y + dy * size) for dx, dy in corners])
        )
    elif band == "coerced":
        path = QPainterPath()
        for i in range(10):
            radius = size * 1.35 if i % 2 == 0 else size * 0.6
            angle = math.pi / 5 * i - math.pi / 2
            point = QPointF(x + radius * math.cos(angle), y + radius * math.sin(angle))
            if i == 0:
                path.moveTo(point)
            else:
                path.lineTo(point)
        path.closeSubpath()
        painter.drawPath(path)
    else:
        painter.drawEllipse(at, size, size)


def _balance(data: ChartData, lang: str) -> QImage:
    def paint(painter: QPainter) -> None:
        plot = QRectF(64, 28, WIDTH - 84, BALANCE_HEIGHT - 28 - 74)
        euros = [(p.given_cents / 100, p.got_cents / 100) for p in data.points]
        x_top, x_step = nice_scale(max(10.0, max(x for x, _y in euros) * 1.08))
        # Got goes no higher than given, as on the dashboard, so the ratio lines keep their
        # slope; an organisation that gives back more is drawn on the top edge.
        y_top, y_step = nice_scale(min(x_top, max(10.0, max(y for _x, y in euros) * 1.08)))
        _y_axis(painter, plot, y_top, y_step, text(lang, "axis.got"), lang)
        value = 0.0
        while value <= x_top + x_step / 2:
            x = plot.left() + plot.width() * value / x_top
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QLineF(x, plot.top(), x, plot.bottom()))
            _text(painter, QRectF(x - 40, plot.bottom() + 4, 80, 16), _number(value, lang),
                  Qt.AlignmentFlag.AlignHCenter, 11, MUTED)  # fmt: skip
            value += x_step
        below = QRectF(plot.left(), plot.bottom() + 20, plot.width(), 16)
        x_title = text(lang, "axis.given")
        _text(painter, below, x_title, Qt.AlignmentFlag.AlignHCenter, 12, MUTED)

        def at(x: float, y: float) -> QPointF:
            return QPointF(plot.left() + plot.width() * x / x_top,
                           plot.bottom() - plot.height() * min(y, y_top) / y_top)  # fmt: skip

        painter.save()
        painter.setClipRect(plot.adjusted(-8, -8, 8, 8))
        for ratio in (data.questionable_ratio, data.unbalanced_ratio):
            if ratio <= 0:
                continue
            painter.setPen(QPen(MUTED, 1, Qt.PenStyle.DashLine))
            end = min(x_top, y_top * ratio)
            painter.drawLine(QLineF(at(0, 0), at(end, end / ratio)))
            tip = at(end, end / ratio)
            _text(painter, QRectF(tip.x() - 250, tip.y() - 18, 246, 16),
                  text(lang, "chart.ratio-line", ratio=number(ratio, lang)),
                  Qt.AlignmentFlag.AlignRight, 11, MUTED)  # fmt: skip
        order = {"fair": 0, "questionable": 1, "unbalanced": 2, "coerced": 3}
        for point in sorted(data.points, key=lambda p: order.get(p.band, 0)):  # worst on top
            _marker(painter, point.band, at(point.given_cents / 100, point.got_cents / 100))
        painter.restore()
        above = sum(1 for _x, y in euros if y > y_top)
        if above:
            note = text(lang, "chart.above", above=above)
            _text(painter, QRectF(plot.left(), 2, plot.width(), 16), note,
                  Qt.AlignmentFlag.AlignRight, 12, MUTED)  # fmt: skip
        legend = QRectF(plot.left(), BALANCE_HEIGHT - 26, plot.width(), 20)
        _legend(painter, data.points, legend, lang)

    return _canvas(BALANCE_HEIGHT, paint)


def _legend(painter: QPainter, points: tuple[Point, ...], rect: QRectF, lang: str) -> None:
    x = rect.left()
    for band in ("fair", "questionable", "unbalanced", "coerced"):
        count = sum(1 for p in points if p.band == band)
        _marker(painter, band, QPointF(x + 6, rect.center().y()))
        label = f"{band_label(band, lang)} ({count})"
        _text(painter, QRectF(x + 16, rect.top(), 160, rect.height()), label,
              Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, 12)  # fmt: skip
        x += 28 + QFontMetricsF(_font(12)).horizontalAdvance(label)
