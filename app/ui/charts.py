"""The Overview's charts (QtCharts): value given against value got per organisation, disclosures
per kind of data, and new disclosures per year.

QtCharts reads axis labels, legend entries and titles as HTML, so every text that may come from
the ledger is escaped here before it reaches a chart. Tooltips are escaped too.
"""

from __future__ import annotations

import html
import math
from functools import partial
from typing import TypeVar

from PySide6.QtCharts import (
    QAbstractSeries,
    QAreaSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QCursor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from app.domain.assessment import Band
from app.services.assessment import ScatterPoint
from app.ui.formatting import format_money, term
from app.ui.marker_layer import BandMarkers, MarkerLayer
from app.ui.widgets import plain_tooltip

Shape = QScatterSeries.MarkerShape

# Shape and colour per band: the shape and the legend's words carry the meaning, colour helps.
MARKERS: dict[Band, Shape] = {
    Band.FAIR: Shape.MarkerShapeCircle,
    Band.QUESTIONABLE: Shape.MarkerShapeRectangle,
    Band.UNBALANCED: Shape.MarkerShapeTriangle,
    Band.COERCED: Shape.MarkerShapeStar,
}
# (on a light background, on a dark one)
BAND_COLOURS: dict[Band, tuple[str, str]] = {
    Band.FAIR: ("#2e7d32", "#81c784"),
    Band.QUESTIONABLE: ("#9a6700", "#ffd54f"),
    Band.UNBALANCED: ("#c62828", "#ef5350"),
    Band.COERCED: ("#6a1b9a", "#ce93d8"),
}
# The shaded zones behind the points: (band, rgba on light, rgba on dark)
ZONE_COLOURS: dict[Band, tuple[QColor, QColor]] = {
    Band.FAIR: (QColor(76, 175, 80, 40), QColor(102, 187, 106, 45)),
    Band.QUESTIONABLE: (QColor(255, 179, 0, 50), QColor(255, 202, 40, 40)),
    Band.UNBALANCED: (QColor(229, 57, 53, 40), QColor(239, 83, 80, 50)),
}
V = TypeVar("V", bound=QChartView)
MIN_RANGE = 10.0  # € per month: the smallest axis range, so a near-empty ledger still reads


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def band_colour(band: Band, palette: QPalette) -> QColor:
    light, dark = BAND_COLOURS[band]
    return QColor(dark if is_dark(palette) else light)


def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QApplication.palette()


def _new_chart(palette: QPalette) -> QChart:
    """A chart in the palette's theme, on the window colour, without animations."""
    chart = QChart()
    dark = is_dark(palette)
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundBrush(palette.brush(QPalette.ColorRole.Window))
    chart.setBackgroundPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
    chart.setBackgroundRoundness(6)
    chart.setMargins(QMargins(6, 6, 6, 6))
    chart.legend().setLabelColor(palette.color(QPalette.ColorRole.WindowText))
    return chart


def nice_scale(raw: float, *, whole: bool = False) -> tuple[float, float]:
    """(top, step): a round axis end at or above `raw`, reached in at most six round steps."""
    raw = max(raw, 1e-9)
    magnitude = 10 ** math.floor(math.log10(raw / 6))
    step = 10 * magnitude
    for factor in (1, 2, 2.5, 5):
        candidate = factor * magnitude
        if whole and candidate != int(candidate):  # counts go in whole steps
            continue
        if raw / candidate <= 6:
            step = candidate
            break
    if whole:
        step = max(step, 1.0)
    return math.ceil(raw / step - 1e-9) * step, step


def _value_axis(
    title: str, raw_top: float, palette: QPalette, *, whole: bool = False, pad: bool = False
) -> QValueAxis:
    """An axis from 0 in round steps; `pad` leaves room so markers at 0 are not cut in half."""
    top, step = nice_scale(raw_top, whole=whole)
    margin = step * 0.12 if pad else 0.0
    axis = QValueAxis()
    axis.setTitleText(html.escape(title))
    axis.setRange(-margin, top + margin)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0.0)
    axis.setTickInterval(step)
    axis.setMinorTickCount(0)
    axis.setLabelFormat("%d" if whole else "%g")
    _colour_axis(axis, palette)
    return axis


def _colour_axis(axis: QValueAxis | QBarCategoryAxis, palette: QPalette) -> None:
    text = palette.color(QPalette.ColorRole.WindowText)
    axis.setLabelsColor(text)
    axis.setTitleBrush(QBrush(text))


def _view(chart: QChart, accessible_name: str, view: V) -> V:
    view.setChart(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(accessible_name)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do with the keyboard in a chart
    return view


# --- value given and got ---------------------------------------------------------------------


class BalanceChartView(QChartView):
    """The scatter of value given (x) and got (y), €/month, with the band zones behind it."""

    organisation_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.band_series: dict[Band, QScatterSeries] = {}  # empty: `markers` draws the points
        self.zone_series: dict[Band, QAreaSeries] = {}
        self.markers: MarkerLayer | None = None
        # per band, in the series' order: the organisations and their markers
        self.band_points: dict[Band, tuple[list[ScatterPoint], BandMarkers]] = {}
        self.off_scale: list[ScatterPoint] = []  # drawn on the top edge: they got more
        self._at: dict[Band, dict[tuple[float, float], list[ScatterPoint]]] = {}

    @property
    def series_points(self) -> dict[Band, list[tuple[QPointF, ScatterPoint]]]:
        """Per band, in the series' order: where each organisation is drawn, and which it is."""
        return {
            band: [(marks.value(i), p) for i, p in enumerate(points)]
            for band, (points, marks) in self.band_points.items()
        }

    def points_at(self, band: Band, position: QPointF) -> list[ScatterPoint]:
        """The organisations drawn at `position` in the band's series (several may share it)."""
        if band not in self.band_points:
            return []
        points, marks = self.band_points[band]
        if band not in self._at:  # made on the first hover or click
            self._at[band] = {}
            for p, x, y in zip(points, marks.xs, marks.ys, strict=True):
                self._at[band].setdefault((x, y), []).append(p)
        x, y = position.x(), position.y()
        if (x, y) not in self._at[band]:  # the nearest point, if it is that near
            near = min(self._at[band], key=lambda at: abs(at[0] - x) + abs(at[1] - y))
            if abs(near[0] - x) + abs(near[1] - y) > 0.01:
                return []
            x, y = near
        return self._at[band][x, y]

    def tooltip_for(self, band: Band, position: QPointF) -> str:
        """Plain text: who is there and their two values (the real ones, even off the scale)."""
        lines = [
            self.tr("{name} — {band}: gave {given} a month, got {got}").format(
                name=p.name,
                band=term(band.value),
                given=format_money(p.given_month_cents),
                got=format_money(p.got_month_cents),
            )
            for p in self.points_at(band, position)
        ]
        if len(lines) > 6:
            lines[5:] = [self.tr("… and {n} more").format(n=len(lines) - 5)]
        return "\n".join(lines)

    def _clicked(self, band: Band, position: QPointF) -> None:
        hits = self.points_at(band, position)
        if hits:
            self.organisation_clicked.emit(hits[0].org_id)

    def _hovered(self, band: Band, position: QPointF, state: bool) -> None:
        text = self.tooltip_for(band, position) if state else ""
        if text:
            QToolTip.showText(QCursor.pos(), plain_tooltip(text), self)
        else:
            QToolTip.hideText()


def _line(points: list[tuple[float, float]]) -> QLineSeries:
    line = QLineSeries()
    for x, y in points:
        line.append(x, y)
    return line


def _attach(chart: QChart, series: QAbstractSeries, x: QValueAxis, y: QValueAxis) -> None:
    chart.addSeries(series)
    series.attachAxis(x)
    series.attachAxis(y)


def balance_scatter(
    points: list[ScatterPoint],
    palette: QPalette | None = None,
    *,
    questionable_ratio: float = 1.5,
    unbalanced_ratio: float = 3.0,
) -> BalanceChartView:
    """One point per organisation; the zones follow the two ratios of the assessment weights.

    The value-got axis goes no higher than the value-given one, so the zones keep their shape;
    an organisation that gives more than that is drawn on the top edge and named in the title.
    """
    palette = _palette(palette)
    dark = is_dark(palette)
    chart = _new_chart(palette)
    name = QApplication.translate("charts", "Value given and got per organisation")
    view = _view(chart, name, BalanceChartView())
    x_raw = max(MIN_RANGE, 1.1 * (max((p.given_month_cents for p in points), default=0) / 100))
    y_raw = max(MIN_RANGE, 1.1 * (max((p.got_month_cents for p in points), default=0) / 100))
    x_title = QApplication.translate("charts", "Value of data given (€ per month)")
    x_axis = _value_axis(x_title, x_raw, palette, pad=True)
    x_top = nice_scale(x_raw)[0]
    y_title = QApplication.translate("charts", "Value got (€ per month)")
    y_axis = _value_axis(y_title, min(y_raw, x_top), palette, pad=True)
    y_top = nice_scale(min(y_raw, x_top))[0]
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)

    # Zones first, so the points are drawn over them; the plot area clips what lies outside.
    x_min, x_max, y_min, y_max = x_axis.min(), x_axis.max(), y_axis.min(), y_axis.max()

    def boundary(ratio: float) -> list[tuple[float, float]]:
        return [(x_min, 0.0), (0.0, 0.0), (x_max, x_max / ratio)]

    ceiling = max(y_max, x_max / questionable_ratio)
    zones = {
        Band.UNBALANCED: ([(x_min, y_min), (x_max, y_min)], boundary(unbalanced_ratio)),
        Band.QUESTIONABLE: (boundary(unbalanced_ratio), boundary(questionable_ratio)),
        Band.FAIR: (boundary(questionable_ratio), [(x_min, ceiling), (x_max, ceiling)]),
    }
    for band, (lower, upper) in zones.items():
        area = QAreaSeries()  # not QAreaSeries(upper, lower): that makes `upper` its parent
        area.setUpperSeries(_line(upper))
        area.setLowerSeries(_line(lower))
        zone = QApplication.translate("charts", "{band} zone")
        area.setName(zone.format(band=term(band.value).capitalize()))
        _attach(chart, area, x_axis, y_axis)
        area.setBrush(QBrush(ZONE_COLOURS[band][1 if dark else 0]))
        area.setPen(QPen(Qt.PenStyle.NoPen))
        view.zone_series[band] = area

    edge = palette.color(QPalette.ColorRole.WindowText)
    by_band: dict[Band, list[ScatterPoint]] = {}
    for p in points:
        by_band.setdefault(p.band, []).append(p)
    # The series stay empty: a QScatterSeries makes a graphics item per point (most of the
    # Overview's time at 10,000 organisations). They give the legend and the signals; the
    # marker layer, made after them, draws their points as they would.
    for band in reversed(Band):  # the worst first in the legend
        if by_band.get(band):
            series = QScatterSeries()
            series.setName(term(band.value).upper())
            series.setMarkerShape(MARKERS[band])
            series.setMarkerSize(17 if band is Band.COERCED else 13)
            series.setColor(band_colour(band, palette))
            series.setBorderColor(edge)
            _attach(chart, series, x_axis, y_axis)
            series.clicked.connect(partial(view._clicked, band))
            series.hovered.connect(partial(view._hovered, band))
            view.band_series[band] = series
    if view.band_series:
        markers = view.markers = MarkerLayer(chart, x_axis, y_axis)
        for band, series in view.band_series.items():
            members = by_band[band]
            gots = [p.got_month_cents / 100 for p in members]
            view.off_scale += [p for p, got in zip(members, gots, strict=True) if got > y_top]
            xs = [p.given_month_cents / 100 for p in members]
            ys = [got if got <= y_top else y_top for got in gots]
            view.band_points[band] = (members, markers.add(series, xs, ys))
    if view.off_scale:
        names = ", ".join(p.name for p in view.off_scale[:3])
        more = len(view.off_scale) - 3
        title = QApplication.translate("charts", "↑ On the top edge, above the scale: {names}")
        title = title.format(names=names) + (f" (+{more})" if more > 0 else "")
        chart.setTitle(html.escape(title))
        chart.setTitleBrush(QBrush(palette.color(QPalette.ColorRole.WindowText)))
    legend = chart.legend()
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    legend.setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)  # the shapes, not squares
    for band, area in view.zone_series.items():  # a faint fill would vanish in the legend
        colour = QColor(ZONE_COLOURS[band][1 if dark else 0])
        colour.setAlpha(170)
        for marker in legend.markers(area):
            marker.setShape(QLegend.MarkerShape.MarkerShapeRectangle)
            marker.setBrush(QBrush(colour))
            marker.setPen(QPen(colour.darker(130), 1))
    return view


# --- disclosures per kind of data --------------------------------------------------------


def group_bars(
    by_group: list[tuple[str, int]], palette: QPalette | None = None, *, top: int = 10
) -> QChartView:
    """A horizontal bar per category group, the largest on top; past `top`, one "Other" bar."""
    palette = _palette(palette)
    chart = _new_chart(palette)
    ranked = sorted(by_group, key=lambda item: (-item[1], item[0].casefold()))
    shown = ranked[:top]
    rest = sum(count for _label, count in ranked[top:])
    if rest:
        shown.append((QApplication.translate("charts", "Other"), rest))
    shown.reverse()  # a horizontal bar chart draws its first category at the bottom
    bars = QBarSet(QApplication.translate("charts", "Disclosures"))
    bars.append([float(count) for _label, count in shown])
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([html.escape(label) for label, _count in shown] or [""])
    _colour_axis(categories, palette)
    highest = max((count for _label, count in shown), default=0)
    title = QApplication.translate("charts", "Disclosures")
    counts = _value_axis(title, max(4.0, highest * 1.15), palette, whole=True)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(counts)
    bars.setColor(QColor("#64b5f6" if is_dark(palette) else "#1e88e5"))
    bars.setBorderColor(QColor(Qt.GlobalColor.transparent))
    bars.setLabelColor(palette.color(QPalette.ColorRole.WindowText))
    chart.legend().hide()
    return _view(
        chart, QApplication.translate("charts", "Disclosures per kind of data"), QChartView()
    )


# --- new disclosures per year ------------------------------------------------------------


def timeline(per_year: list[tuple[int, int]], palette: QPalette | None = None) -> QChartView:
    """New disclosures per year, as a line with a point per year; years without any count 0."""
    palette = _palette(palette)
    chart = _new_chart(palette)
    counts = dict(per_year)
    first, last = (min(counts), max(counts)) if counts else (0, 0)
    series = QLineSeries()
    for year in range(first, last + 1) if counts else ():
        series.append(float(year), float(counts.get(year, 0)))
    chart.addSeries(series)
    series.setPointsVisible(True)
    colour = QColor("#64b5f6" if is_dark(palette) else "#1e88e5")
    series.setPen(QPen(colour, 2.5))
    series.setPointLabelsColor(palette.color(QPalette.ColorRole.WindowText))
    years = QValueAxis()
    years.setLabelFormat("%d")
    low, high = (first - 0.5, last + 0.5) if counts else (0.0, 1.0)
    years.setRange(low, high)
    years.setTickType(QValueAxis.TickType.TicksDynamic)
    years.setTickAnchor(float(first))
    years.setTickInterval(float(max(1, -(-(last - first) // 8))))
    years.setMinorTickCount(0)
    _colour_axis(years, palette)
    title = QApplication.translate("charts", "New disclosures")
    values = _value_axis(
        title, max(4.0, max(counts.values(), default=0) * 1.1), palette, whole=True
    )
    chart.addAxis(years, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(years)
    series.attachAxis(values)
    chart.legend().hide()
    return _view(chart, QApplication.translate("charts", "New disclosures per year"), QChartView())
