"""The value scatter's markers, drawn by one graphics item instead of one QtCharts item each.

A QScatterSeries makes a QGraphicsItem per point: at 10,000 organisations that alone took
longer than the whole Overview may take to appear. Here the band series stay empty (they give
the legend and the signals) and `MarkerLayer` draws their markers with the geometry, pen,
brush, order and clipping QtCharts uses: the chart comes out pixel for pixel the same. Only on
screen, and only for a band of many markers, each marker is a copy of one drawn at the nearest
1/8 pixel (a stamp): its edges may differ by a shade. The layer answers the mouse as the
markers did: the topmost marker under the pointer is hovered or clicked, and the layer emits
that series' own `hovered`/`clicked` with the point's value.
"""

from __future__ import annotations

import math
from collections import defaultdict

from PySide6.QtCharts import QChart, QScatterSeries, QValueAxis
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPaintEngine, QPainter, QPolygonF, QTransform
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

Shape = QScatterSeries.MarkerShape
Flag = QGraphicsItem.GraphicsItemFlag
SERIES_Z = 4.0  # QtCharts' z value for series: over the grid and axes, under the legend
CELL = 32  # px: the side of a square of the hit-test grid
PHASES = 8  # stamps per pixel and direction: a marker lands at most 1/16 px from its place
STAMP_FROM = 400  # markers in a band: fewer are drawn (quick enough, and exactly as QtCharts)
Hit = tuple[int, int]  # (band, marker) indexes
BAND_SHIFT = 32  # in the hit-test grid a marker is one int, band << BAND_SHIFT | marker


def marker_polygon(shape: Shape, size: float) -> QPolygonF | None:
    """The outline QtCharts gives a triangle or star marker (None for a circle or square)."""
    if shape is Shape.MarkerShapeTriangle:
        return QPolygonF([QPointF(0, size), QPointF(size, size), QPointF(size / 2, 0)])
    if shape is Shape.MarkerShapeStar:  # five spikes, the inner radius half the outer
        corners, rot = [], math.pi / 2 * 3
        for index in range(10):
            radius = size / 2 if index % 2 == 0 else size / 4
            corners.append(
                QPointF(size / 2 + math.cos(rot) * radius, size / 2 + math.sin(rot) * radius)
            )
            rot += math.pi / 5
        return QPolygonF(corners)
    return None


class BandMarkers:
    """One series' markers: its style and signals, and its points' values (x, y) in order."""

    def __init__(self, series: QScatterSeries, xs: list[float], ys: list[float]) -> None:
        self.series, self.xs, self.ys = series, xs, ys
        self.size = size = series.markerSize()
        self.polygon = marker_polygon(series.markerShape(), size)
        # A stand-in item gives a marker's exact box, its pen included: QtCharts centres that
        # box, not the bare shape, on the point, and a click anywhere in it hits the marker
        # (clipped by the plot area, a marker's hit shape is its box).
        template: QAbstractGraphicsShapeItem
        if self.polygon is not None:
            template = QGraphicsPolygonItem(self.polygon)
        elif series.markerShape() is Shape.MarkerShapeRectangle:
            template = QGraphicsRectItem(0, 0, size, size)
        else:
            template = QGraphicsEllipseItem(0, 0, size, size)
        template.setPen(series.pen())
        self.box = template.boundingRect()
        self.ellipse = isinstance(template, QGraphicsEllipseItem)
        # where each marker's top-left corner is in the chart (NaN: off the axes, not drawn);
        # two lists of floats, not a list of pairs: 10,000 pairs would wake the garbage collector
        self.left: list[float] = []
        self.top: list[float] = []

        self._stamps: dict[tuple[float, int], list[QImage]] = {}

    def value(self, index: int) -> QPointF:
        return QPointF(self.xs[index], self.ys[index])

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        """One marker with its top-left corner at (x, y), as QtCharts draws it."""
        if self.polygon is not None:
            painter.drawPolygon(self.polygon.translated(x, y))
        elif self.ellipse:
            painter.drawEllipse(QRectF(x, y, self.size, self.size))
        else:
            painter.drawRect(QRectF(x, y, self.size, self.size))

    def margin(self, scale: float) -> int:
        """Device pixels between a stamp's edge and the marker's corner (room for the pen)."""
        return math.ceil(max(0.0, -self.box.left(), -self.box.top()) * scale) + 1

    def stamps(self, painter: QPainter, scale: float) -> list[QImage]:
        """The marker as `painter` would draw it at each sub-pixel offset (index: PHASES + 1
        times the step across, plus the step down). Made once, on one sheet: copying a stamp
        is several times quicker than drawing a marker."""
        hints = painter.renderHints()
        key = (scale, hints.value)
        if key not in self._stamps:
            margin, steps = self.margin(scale), PHASES + 1
            width = math.ceil(margin + 1 + self.box.right() * scale) + 1
            height = math.ceil(margin + 1 + self.box.bottom() * scale) + 1
            sheet = QImage(width * steps, height * steps, QImage.Format.Format_ARGB32_Premultiplied)
            sheet.fill(Qt.GlobalColor.transparent)
            stamper = QPainter(sheet)
            stamper.setRenderHints(hints)
            stamper.setPen(self.series.pen())
            stamper.setBrush(self.series.brush())
            for across in range(steps):
                for down in range(steps):  # whole pixels apart: each drawn as it would be
                    x = across * width + margin + across / PHASES
                    y = down * height + margin + down / PHASES
                    stamper.setTransform(QTransform(scale, 0, 0, scale, x, y))
                    self.draw(stamper, 0.0, 0.0)
            stamper.end()
            stamps = []
            for across in range(steps):
                for down in range(steps):
                    stamp = sheet.copy(across * width, down * height, width, height)
                    stamp.setDevicePixelRatio(scale)  # one stamp pixel on one device pixel
                    stamps.append(stamp)
            self._stamps[key] = stamps
        return self._stamps[key]


class MarkerLayer(QGraphicsItem):
    """Draws the markers of band series over the chart's plot area, each band over the last."""

    def __init__(self, chart: QChart, x_axis: QValueAxis, y_axis: QValueAxis) -> None:
        super().__init__(chart)
        self.x_axis, self.y_axis = x_axis, y_axis
        self.bands: list[BandMarkers] = []
        self._plot = QRectF(chart.plotArea())
        self._placed = False  # whether the bands' `left` and `top` follow the plot area
        self._grid: dict[tuple[int, int], list[int]] | None = None
        self._hovered: Hit | None = None
        self._pressed: Hit | None = None
        self.setZValue(SERIES_Z)  # made after the series, so drawn over them and the zones
        self.setFlag(Flag.ItemClipsToShape)  # as QtCharts clips markers to the plot area
        self.setFlag(Flag.ItemUsesExtendedStyleOption)  # to draw only the exposed markers
        self.setAcceptHoverEvents(True)
        chart.plotAreaChanged.connect(self._plot_changed)

    def add(self, series: QScatterSeries, xs: list[float], ys: list[float]) -> BandMarkers:
        """Markers at the values (xs[i], ys[i]) in `series`' style, over those added before."""
        band = BandMarkers(series, xs, ys)
        self.bands.append(band)
        self._forget_places()
        return band

    def _plot_changed(self, plot: QRectF) -> None:
        self.prepareGeometryChange()
        self._plot = QRectF(plot)
        self._forget_places()

    def _forget_places(self) -> None:
        self._placed, self._grid = False, None
        self._hovered = self._pressed = None
        self.update()

    def boundingRect(self) -> QRectF:
        return self._plot

    def place(self) -> list[BandMarkers]:
        """Works out each marker's corner in the plot area as QtCharts does
        (XYDomain::calculateGeometryPoint); a point off the axes gets no marker."""
        if not self._placed:
            plot, x_axis, y_axis = self._plot, self.x_axis, self.y_axis
            min_x, max_x, min_y, max_y = x_axis.min(), x_axis.max(), y_axis.min(), y_axis.max()
            delta_x = plot.width() / (max_x - min_x)
            delta_y = plot.height() / (max_y - min_y)
            nan = math.nan  # compares false with everything: never drawn or hit
            for band in self.bands:
                left = plot.left() - band.box.width() / 2
                top = plot.top() + plot.height() - band.box.height() / 2
                shown = [
                    min_x <= x <= max_x and min_y <= y <= max_y
                    for x, y in zip(band.xs, band.ys, strict=True)
                ]
                band.left = [
                    (x - min_x) * delta_x + left if ok else nan
                    for x, ok in zip(band.xs, shown, strict=True)
                ]
                band.top = [
                    (y - min_y) * -delta_y + top if ok else nan
                    for y, ok in zip(band.ys, shown, strict=True)
                ]
            self._placed = True
        return self.bands

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exposed = option.exposedRect
        device = painter.deviceTransform()
        # On screen (raster, no rotation) many markers are stamped; elsewhere (a PDF) drawn.
        raster = (
            painter.paintEngine().type() == QPaintEngine.Type.Raster
            and device.type().value <= QTransform.TransformationType.TxScale.value
            and device.m11() == device.m22() > 0
        )
        for band in self.place():
            box = band.box
            # the markers that reach into the exposed rectangle (a pixel more: antialiasing)
            left, right = exposed.left() - box.right() - 1, exposed.right() - box.left() + 1
            top, bottom = exposed.top() - box.bottom() - 1, exposed.bottom() - box.top() + 1
            within = QRectF(left, top, right - left, bottom - top)
            if raster and len(band.xs) >= STAMP_FROM:
                self._stamp(painter, band, within, device)
                continue
            painter.setPen(band.series.pen())
            painter.setBrush(band.series.brush())
            for x, y in zip(band.left, band.top, strict=True):
                if left <= x <= right and top <= y <= bottom:
                    band.draw(painter, x, y)

    @staticmethod
    def _stamp(painter: QPainter, band: BandMarkers, within: QRectF, device: QTransform) -> None:
        """Copies the stamp for each marker's sub-pixel offset to its whole device pixel, for
        the markers whose corner lies `within`."""
        left, top, right, bottom = within.left(), within.top(), within.right(), within.bottom()
        scale, origin_x, origin_y = device.m11(), device.dx(), device.dy()
        stamps, margin = band.stamps(painter, scale), band.margin(scale)
        # in device pixels: a stamp's top-left is `margin` whole pixels before its marker's
        shift_x, shift_y, per_pixel = origin_x - margin, origin_y - margin, 1 / scale
        # the usual screen: whole pixels all through, and the quicker call with two ints
        whole = scale == 1 and origin_x.is_integer() and origin_y.is_integer()
        whole_x, whole_y = int(origin_x), int(origin_y)
        floor, draw, row = math.floor, painter.drawImage, PHASES + 1
        for x, y in zip(band.left, band.top, strict=True):  # no list of pairs: see `left`
            if left <= x <= right and top <= y <= bottom:
                x, y = x * scale + shift_x, y * scale + shift_y
                pixel_x, pixel_y = floor(x), floor(y)
                phase = int((x - pixel_x) * PHASES + 0.5) * row + int((y - pixel_y) * PHASES + 0.5)
                # back through the painter's transform to the point that lands on that pixel
                if whole:
                    draw(pixel_x - whole_x, pixel_y - whole_y, stamps[phase])
                else:
                    at = QPointF((pixel_x - origin_x) * per_pixel, (pixel_y - origin_y) * per_pixel)
                    draw(at, stamps[phase])

    # --- the mouse -----------------------------------------------------------------------
    def marker_at(self, position: QPointF) -> tuple[QScatterSeries, QPointF] | None:
        """The topmost marker under `position` (chart coordinates): its series and value."""
        hit = self._hit(position)
        if hit is None:
            return None
        band = self.bands[hit[0]]
        return band.series, band.value(hit[1])

    def _hit(self, position: QPointF) -> Hit | None:
        # the pixel at the pointer, as a graphics view looks for the items under it
        pixel = QRectF(position.x(), position.y(), 1, 1)
        if not pixel.intersects(self._plot):
            return None
        column, row = int(position.x() // CELL), int(position.y() // CELL)
        cells = self._cells()
        # a marker under the point has its centre at most half a marker (and a pixel) away
        reach = max(math.ceil((max(b.box.width(), b.box.height()) / 2 + 1) / CELL)
                    for b in self.bands)  # fmt: skip
        steps = range(-reach, reach + 1)
        near = [code for dx in steps for dy in steps
                for code in cells.get((column + dx, row + dy), ())]  # fmt: skip
        for code in sorted(near, reverse=True):  # codes follow the drawing order: topmost first
            band_index, index = code >> BAND_SHIFT, code & ((1 << BAND_SHIFT) - 1)
            band = self.bands[band_index]
            if pixel.intersects(band.box.translated(band.left[index], band.top[index])):
                return band_index, index
        return None

    def _cells(self) -> dict[tuple[int, int], list[int]]:
        """The markers by the grid square their centre is in (made on first use)."""
        if self._grid is None:
            grid: dict[tuple[int, int], list[int]] = defaultdict(list)
            for band_index, band in enumerate(self.place()):
                centre = band.box.center()
                for index, (x, y) in enumerate(zip(band.left, band.top, strict=True)):
                    if not math.isnan(x):
                        cell = (int((x + centre.x()) // CELL), int((y + centre.y()) // CELL))
                        grid[cell].append(band_index << BAND_SHIFT | index)
            self._grid = dict(grid)
        return self._grid

    def _hover_to(self, hit: Hit | None) -> None:
        if hit == self._hovered:
            return
        if self._hovered is not None:
            band = self.bands[self._hovered[0]]
            band.series.hovered.emit(band.value(self._hovered[1]), False)
        self._hovered = hit
        if hit is not None:
            band = self.bands[hit[0]]
            band.series.hovered.emit(band.value(hit[1]), True)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover_to(self._hit(event.pos()))

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover_to(None)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._pressed = self._hit(event.pos())
        if self._pressed is None:
            event.ignore()  # not on a marker: for the chart under it
        else:
            event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        pressed, self._pressed = self._pressed, None
        if pressed is not None:  # like a QtCharts marker: the one pressed, wherever released
            band = self.bands[pressed[0]]
            band.series.clicked.emit(band.value(pressed[1]))
