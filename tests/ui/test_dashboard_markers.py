"""The value scatter's markers: one layer draws them all (a QScatterSeries made a graphics item
per point, the most of the Overview's time at 10,000 organisations). On the Overview they must
look as QtCharts drew them and answer the mouse as its markers did."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCharts import QChart, QChartView, QScatterSeries, QValueAxis
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPicture
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip

from app.domain.assessment import Band
from app.services.assessment import DashboardData, ScatterPoint
from app.ui.charts import BalanceChartView, balance_scatter
from app.ui.dashboard import DashboardPage
from app.ui.marker_layer import STAMP_FROM, MarkerLayer


def scattered(count: int, seed: int = 7) -> list[ScatterPoint]:
    """Points of every band, many overlapping, one at 0 and one above the scale."""
    rng = random.Random(seed)
    points = [
        ScatterPoint(i, f"Org {i}", rng.randrange(0, 9000), rng.randrange(0, 4000),
                     rng.choice(list(Band)))
        for i in range(1, count + 1)
    ]  # fmt: skip
    points.append(ScatterPoint(count + 1, "Nothing back", 0, 0, Band.COERCED))
    points.append(ScatterPoint(count + 2, "Generous", 100, 90_000, Band.FAIR))
    return points


def shown_page(
    qtbot, points: list[ScatterPoint], palette: QPalette | None = None, height: int = 900
) -> DashboardPage:
    page = DashboardPage()
    qtbot.addWidget(page)
    if palette is not None:
        page.setPalette(palette)
    page.resize(1200, height)
    by_band: dict[Band, int] = {}
    for p in points:
        by_band[p.band] = by_band.get(p.band, 0) + 1
    data = DashboardData(organisations_holding_data=len(points), by_band=by_band, points=points,
                         by_group=[("Contact", 3)], per_year=[(2024, 3)])  # fmt: skip
    page.load(data)
    page.show()
    qtbot.waitExposed(page)
    page.scroll_area.ensureWidgetVisible(page.scatter, 0, 0)  # the whole chart on screen
    qtbot.wait(20)  # the scroll bar takes its room: the chart's final size
    return page


@contextmanager
def drawn_by_qtcharts(view: BalanceChartView) -> Iterator[None]:
    """The same chart with QtCharts drawing the markers itself, as before the layer."""
    assert view.markers is not None
    for band, series in view.band_series.items():
        series.replace([at for at, _p in view.series_points[band]])
    view.markers.setVisible(False)
    try:
        yield
    finally:
        for series in view.band_series.values():
            series.clear()
        view.markers.setVisible(True)


def grab(page: DashboardPage) -> QImage:
    """The page as on screen (raster), cut to the chart."""
    assert page.scatter is not None
    where = QRect(page.scatter.mapTo(page, QPoint(0, 0)), page.scatter.size())
    return page.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32).copy(where)


def recorded(page: DashboardPage) -> QImage:
    """The page painted through a QPicture: drawing commands, as for a PDF, not pixels."""
    picture = QPicture()
    page.render(picture)
    image = QImage(page.size(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    picture.play(painter)
    painter.end()
    return image


def differences(a: QImage, b: QImage) -> tuple[int, int]:
    """(the largest difference of one colour channel, how many channels differ by more than 8)"""
    assert a.size() == b.size()
    deltas = [abs(x - y) for x, y in zip(bytes(a.constBits()), bytes(b.constBits()), strict=True)]
    return max(deltas), sum(1 for d in deltas if d > 8)


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"),
                         (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Base, "#2b2c2f"), (QPalette.ColorRole.Text, "#e8eaed"),
                         (QPalette.ColorRole.Mid, "#5f6368")):  # fmt: skip
        palette.setColor(role, QColor(colour))
    return palette


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("count", [300, 4000], ids=["some", "many"])
def test_the_markers_look_as_qtcharts_drew_them(qtbot, dark, count):
    page = shown_page(qtbot, scattered(count), dark_palette() if dark else None)
    assert page.scatter is not None and page.scatter.markers is not None
    stamped = any(len(band.xs) >= STAMP_FROM for band in page.scatter.markers.bands)
    assert stamped == (count > 1000)
    ours_drawn, ours_on_screen = recorded(page), grab(page)
    with drawn_by_qtcharts(page.scatter):
        theirs_drawn, theirs_on_screen = recorded(page), grab(page)
    # Drawn as commands (a PDF, a printer) the chart is exactly QtCharts' own.
    assert ours_drawn == theirs_drawn
    if not stamped:  # and so it is on screen, unless there are many markers
        assert ours_on_screen == theirs_on_screen
        return
    # Many are stamped: each a copy of the marker drawn at the nearest 1/8 pixel. Edges may
    # differ a shade, nothing more; a marker a pixel off or missing would differ by far more.
    largest, shades = differences(ours_on_screen, theirs_on_screen)
    assert largest <= 48
    assert shades < 0.02 * ours_on_screen.width() * ours_on_screen.height() * 4


@pytest.mark.parametrize(("ratio", "shift"), [(2, (3.0, 5.0)), (1, (0.5, 0.25))],
                         ids=["pixel ratio 2", "half a pixel off"])  # fmt: skip
def test_on_a_high_density_screen_or_between_pixels(qtbot, ratio, shift):
    """Stamps are made at the painter's scale and placed by device pixel, wherever it starts."""
    page = shown_page(qtbot, scattered(4000))
    view = page.scatter
    assert view is not None

    def rendered() -> QImage:
        image = QImage(view.size() * ratio, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHints(view.renderHints())
        painter.translate(*shift)
        view.render(painter)
        painter.end()
        return image

    ours = rendered()
    with drawn_by_qtcharts(view):
        theirs = rendered()
    largest, shades = differences(ours, theirs)
    assert largest <= 48
    assert shades < 0.02 * ours.width() * ours.height() * 4


def test_scrolled_into_view_in_strips_the_chart_is_whole(qtbot):
    """Scrolling repaints only the strip that comes into view: only its markers are drawn."""
    page = shown_page(qtbot, scattered(3000), height=300)  # lower than the chart
    view, viewport = page.scatter, page.scroll_area.viewport()
    assert view is not None

    def bottom() -> int:  # of the chart, in the visible part of the page
        return view.mapTo(viewport, QPoint(0, view.height())).y()

    bar = page.scroll_area.verticalScrollBar()
    bar.setValue(0)
    assert bottom() > 2 * viewport.height()  # at first the chart is out of sight
    while bottom() > viewport.height():  # scrolled in, the screen put together strip by strip
        bar.setValue(bar.value() + 23)
        QTest.qWait(1)
    screen = page.screen().grabWindow(page.winId()).toImage()
    screen = screen.convertToFormat(QImage.Format.Format_ARGB32)
    painted_whole = page.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    _largest, shades = differences(screen, painted_whole)
    assert shades < 0.001 * screen.width() * screen.height() * 4


def test_a_click_opens_the_organisation_whose_marker_is_on_top(qtbot):
    # a coerced star under a fair circle (fair is drawn last, on top), and one alone
    points = [ScatterPoint(1, "Under", 3000, 1000, Band.COERCED),
              ScatterPoint(2, "On top", 3000, 1000, Band.FAIR),
              ScatterPoint(3, "Alone", 500, 2500, Band.UNBALANCED)]  # fmt: skip
    page = shown_page(qtbot, points)
    view = page.scatter
    assert view is not None

    def on_screen(given: float, got: float) -> QPoint:
        chart = view.chart()
        return view.mapFromScene(chart.mapToScene(chart.mapToPosition(QPointF(given, got))))

    for (given, got), expected in (((30.0, 10.0), 2), ((5.0, 25.0), 3)):
        with qtbot.waitSignal(page.organisation_requested) as signal:
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier, on_screen(given, got))  # fmt: skip
        assert signal.args == [expected]
    with qtbot.assertNotEmitted(page.organisation_requested):
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, on_screen(60.0, 5.0))  # fmt: skip


def test_clicks_land_where_they_landed_on_qtcharts_markers(qtbot):
    page = shown_page(qtbot, scattered(600))
    view = page.scatter
    assert view is not None
    plot = view.chart().plotArea()
    rng = random.Random(5)
    spots = [view.mapFromScene(view.chart().mapToScene(QPointF(
                 rng.uniform(plot.left(), plot.right()), rng.uniform(plot.top(), plot.bottom()))))
             for _ in range(150)]  # fmt: skip

    def opened() -> list[int | None]:
        found: list[int | None] = []
        for spot in spots:
            clicked: list[int] = []
            view.organisation_clicked.connect(clicked.append)
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier, spot)  # fmt: skip
            view.organisation_clicked.disconnect(clicked.append)
            found.append(clicked[0] if clicked else None)
        return found

    ours = opened()
    with drawn_by_qtcharts(view):
        theirs = opened()
    assert ours == theirs
    assert 20 < sum(hit is not None for hit in ours) < 140  # on markers and between them


def test_hovering_a_marker_names_everyone_there(qtbot):
    points = [ScatterPoint(1, "First", 2000, 500, Band.UNBALANCED),
              ScatterPoint(2, "Second", 2000, 500, Band.UNBALANCED)]  # fmt: skip
    page = shown_page(qtbot, points)
    view = page.scatter
    assert view is not None
    page.activateWindow()  # a graphics scene sends hover events in the active window only
    qtbot.waitUntil(page.isActiveWindow)
    chart = view.chart()
    at = view.mapFromScene(chart.mapToScene(chart.mapToPosition(QPointF(20.0, 5.0))))
    QTest.mouseMove(view.viewport(), at)
    qtbot.waitUntil(lambda: "Second" in QToolTip.text())
    assert "First — unbalanced: gave € 20.00 a month, got € 5.00" in QToolTip.text()
    QTest.mouseMove(view.viewport(), at + QPoint(60, 60))  # off the marker
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    with qtbot.waitSignal(view.organisation_clicked) as signal:  # shared: the first opens
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, at)  # fmt: skip
    assert signal.args == [1]


def test_ten_thousand_organisations_make_no_graphics_item_each(qtbot):
    view = balance_scatter(scattered(10_000))
    qtbot.addWidget(view)
    assert sum(len(points) for points in view.series_points.values()) == 10_002
    assert len(view.scene().items()) < 200  # QtCharts' own markers: one item per point


def test_a_point_off_the_axes_gets_no_marker(qtbot):
    """As in QtCharts: not even the part of its marker that would reach into the plot."""
    chart = QChart()
    x_axis, y_axis = QValueAxis(), QValueAxis()
    for axis, alignment in ((x_axis, Qt.AlignmentFlag.AlignBottom),
                            (y_axis, Qt.AlignmentFlag.AlignLeft)):  # fmt: skip
        axis.setRange(0, 10)
        chart.addAxis(axis, alignment)
    series = QScatterSeries()
    series.setColor(QColor("#ff0000"))
    chart.addSeries(series)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
    layer = MarkerLayer(chart, x_axis, y_axis)
    layer.add(series, [5.0, 10.05], [5.0, 5.0])  # the second just off the right end
    view = QChartView(chart)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)

    def red_near(value: QPointF) -> int:
        image = view.grab().toImage()
        centre = view.mapFromScene(chart.mapToScene(chart.mapToPosition(value)))
        return sum(image.pixelColor(centre + QPoint(dx, dy)).name() == "#ff0000"
                   for dx in range(-8, 9) for dy in range(-8, 9))  # fmt: skip

    inside = chart.mapToPosition(QPointF(10.0, 5.0)) - QPointF(2, 0)
    assert layer.marker_at(chart.mapToPosition(QPointF(5.0, 5.0))) == (series, QPointF(5, 5))
    assert layer.marker_at(inside) is None
    assert red_near(QPointF(5.0, 5.0)) > 20 and red_near(QPointF(10.0, 5.0)) == 0
