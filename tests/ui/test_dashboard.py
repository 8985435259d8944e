"""The Overview dashboard with hand-built figures: cards, the worst list, the charts, clearing,
untrusted names, the dark palette; and once with the real assessment of the example ledger."""

from __future__ import annotations

import importlib.util

import pytest
from PySide6.QtCharts import QAreaSeries, QChart, QScatterSeries
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QToolTip, QWidget

from app.domain.assessment import Assessment, Band, Flag
from app.services.assessment import DashboardData, OrganisationAssessment, ScatterPoint
from app.ui.charts import BalanceChartView, balance_scatter, group_bars, plain_tooltip, timeline
from app.ui.dashboard import DashboardPage

REASONS = {
    Band.COERCED: "You had to agree to tracking to use a service you pay for.",
    Band.UNBALANCED: "What you get is worth less than a third of the data you give.",
    Band.QUESTIONABLE: "It keeps your data for an unknown time.",
    Band.FAIR: "",
}


def organisation(org_id: int, name: str, band: Band, given: int, got: int,
                 score: int = 0) -> OrganisationAssessment:  # fmt: skip
    reason = REASONS[band]
    flags = (Flag(band.value, reason, "Ask them to erase it.", 10),) if reason else ()
    return OrganisationAssessment(org_id, name, Assessment(band, score, given, got, flags))


def make_data(assessed: list[OrganisationAssessment]) -> DashboardData:
    """What `AssessmentService.dashboard` would make of these, without a database."""
    ranked = sorted(assessed, key=lambda a: (-a.assessment.band.rank, -a.assessment.score))
    by_band: dict[Band, int] = {}
    for a in assessed:
        by_band[a.assessment.band] = by_band.get(a.assessment.band, 0) + 1
    return DashboardData(
        organisations_holding_data=len(assessed),
        special_disclosures=3,
        by_band=by_band,
        worst=[a for a in ranked if a.assessment.band is not Band.FAIR][:10],
        points=[
            ScatterPoint(
                a.org_id,
                a.name,
                a.assessment.given_month_cents,
                a.assessment.got_month_cents or 0,
                a.assessment.band,
            )
            for a in assessed
        ],
        by_group=[("Contact", 12), ("Financial", 5), ("Health", 2), ("Location", 7)],
        per_year=[(2015, 2), (2018, 5), (2019, 1), (2024, 9)],
    )


FOUR = [
    organisation(1, "Fair Grocer", Band.FAIR, 500, 600),
    organisation(2, "Hmm Bank", Band.QUESTIONABLE, 2000, 1100, 20),
    organisation(3, "Social Network", Band.UNBALANCED, 4000, 0, 40),
    organisation(4, "Ad Broker", Band.COERCED, 3000, 500, 60),
]


@pytest.fixture
def page(qtbot) -> DashboardPage:
    widget = DashboardPage()
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    return widget


def _numbers(page: DashboardPage) -> dict[str, str]:
    return {key: card.number.text() for key, card in page.cards.items()}


def _next_tab_stop(widget: QWidget) -> QWidget:
    following = widget.nextInFocusChain()
    while not (following.focusPolicy() & Qt.FocusPolicy.TabFocus and following.isEnabled()):
        following = following.nextInFocusChain()
    return following


def test_cards_list_and_clicks(qtbot, page):
    page.load(make_data(FOUR))
    assert _numbers(page) == {"holding": "4", "special": "3", "unbalanced": "1", "coerced": "1"}
    for key in ("unbalanced", "coerced"):  # said in words, not only in red
        assert not page.cards[key].warning.isHidden()
        assert "attention" in page.cards[key].warning.text()
    assert page.cards["holding"].warning.isHidden()
    assert page.empty.isHidden() and page.all_fair.isHidden()

    names = [row.button.text() for row in page.rows]
    assert names == ["Ad Broker", "Social Network", "Hmm Bank"]  # fair ones are not listed
    assert [row.badge.text() for row in page.rows] == ["COERCED", "UNBALANCED", "QUESTIONABLE"]
    assert page.rows[0].reason.text() == REASONS[Band.COERCED]
    assert page.rows[0].button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert _next_tab_stop(page.rows[0].button) is page.rows[1].button
    with qtbot.waitSignal(page.organisation_requested) as signal:
        qtbot.mouseClick(page.rows[0].button, Qt.MouseButton.LeftButton)
    assert signal.args == [4]


def test_scatter_series_shapes_and_click(qtbot, page):
    page.load(make_data(FOUR))
    view = page.scatter
    assert isinstance(view, BalanceChartView)
    assert view.accessibleName() == "Value given and got per organisation"
    series = view.chart().series()
    areas = [s for s in series if isinstance(s, QAreaSeries)]
    scatters = [s for s in series if isinstance(s, QScatterSeries)]
    assert len(areas) == 3 and series[:3] == areas  # zones drawn first, behind the points
    assert len(scatters) == 4
    assert len({s.markerShape() for s in scatters}) == 4
    assert {s.name() for s in scatters} == {"FAIR", "QUESTIONABLE", "UNBALANCED", "COERCED"}
    x_axis, y_axis = (view.chart().axes(o)[0] for o in (Qt.Orientation.Horizontal,
                                                         Qt.Orientation.Vertical))  # fmt: skip
    assert x_axis.titleText() == "Value of data given (€ per month)"
    assert x_axis.max() >= 44 and y_axis.max() >= 10

    coerced = view.band_series[Band.COERCED]
    with qtbot.waitSignal(page.organisation_requested) as signal:
        coerced.clicked.emit(QPointF(30.0, 5.0))
    assert signal.args == [4]
    with qtbot.waitSignal(view.organisation_clicked) as signal:
        view.band_series[Band.FAIR].clicked.emit(QPointF(5.0, 6.0))
    assert signal.args == [1]
    with qtbot.assertNotEmitted(view.organisation_clicked):
        coerced.clicked.emit(QPointF(1.0, 1.0))  # no point there

    coerced.hovered.emit(QPointF(30.0, 5.0), True)
    assert QToolTip.text() == plain_tooltip("Ad Broker — coerced: gave € 30.00 a month, got € 5.00")
    coerced.hovered.emit(QPointF(30.0, 5.0), False)


def test_only_non_empty_bands_get_a_series(qtbot):
    view = balance_scatter([ScatterPoint(7, "A", 100, 0, Band.UNBALANCED)])
    qtbot.addWidget(view)
    scatters = [s for s in view.chart().series() if isinstance(s, QScatterSeries)]
    assert [s.name() for s in scatters] == ["UNBALANCED"]
    assert view.chart().axes(Qt.Orientation.Horizontal)[0].max() >= 10  # at least 10 €


def test_clear_empties_everything(page):
    page.load(make_data(FOUR))
    assert len(page.chart_views()) == 3
    page.clear()
    assert set(_numbers(page).values()) == {""}
    assert all(card.warning.isHidden() for card in page.cards.values())
    assert page.rows == [] and page.worst_list.count() == 0
    assert page.chart_views() == [] and page.charts_box.isHidden()
    shown = [w.text() for w in page.findChildren(QPushButton)]
    assert "Ad Broker" not in shown


def test_empty_and_all_fair_states(page):
    page.load(DashboardData())
    assert not page.empty.isHidden()
    assert "example ledger" in page.empty.text()
    assert page.rows == [] and page.chart_views() == []
    page.load(make_data([FOUR[0]]))
    assert page.empty.isHidden() and not page.all_fair.isHidden()
    assert len(page.chart_views()) == 3


def test_untrusted_names_are_plain_text(qtbot, page):
    evil = "<b>x</b><img src=y>"
    page.load(make_data([organisation(9, evil, Band.COERCED, 100, 0),
                         organisation(10, "AT&T", Band.UNBALANCED, 100, 0)]))  # fmt: skip
    assert page.rows[0].button.text() == evil
    assert page.rows[0].button.accessibleName() == evil
    assert page.rows[1].button.text() == "AT&&T"  # shows "AT&T", no shortcut
    labels = page.findChildren(QLabel)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert (
        plain_tooltip(evil)
        == "<p style='white-space:pre'>&lt;b&gt;x&lt;/b&gt;&lt;img src=y&gt;</p>"
    )
    view = page.scatter
    assert view.tooltip_for(Band.COERCED, QPointF(1.0, 0.0)).startswith(evil + " — coerced")
    bars = group_bars([(evil, 3)])
    qtbot.addWidget(bars)
    assert bars.chart().axes(Qt.Orientation.Vertical)[0].categories() == [
        "&lt;b&gt;x&lt;/b&gt;&lt;img src=y&gt;"
    ]  # QtCharts reads labels as HTML: escaped, they show literally


def test_group_bars_top_ten_and_other(qtbot):
    groups = [(f"Group {i}", 20 - i) for i in range(13)]
    view = group_bars(groups)
    qtbot.addWidget(view)
    categories = view.chart().axes(Qt.Orientation.Vertical)[0].categories()
    assert len(categories) == 11 and categories[0] == "Other" and categories[-1] == "Group 0"
    bars = view.chart().series()[0].barSets()[0]
    assert bars.at(0) == 8 + 9 + 10  # groups 10, 11 and 12 together


def test_timeline_fills_missing_years(qtbot):
    view = timeline([(2015, 2), (2018, 5)])
    qtbot.addWidget(view)
    line = view.chart().series()[0]
    assert [(p.x(), p.y()) for p in line.points()] == [
        (2015, 2), (2016, 0), (2017, 0), (2018, 5)]  # fmt: skip
    assert view.chart().axes(Qt.Orientation.Horizontal)[0].labelFormat() == "%d"
    empty = timeline([])
    qtbot.addWidget(empty)
    assert empty.chart().series()[0].count() == 0


DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.Base: "#2b2c2f",
    QPalette.ColorRole.AlternateBase: "#303134",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#303134",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.Mid: "#5f6368",
    QPalette.ColorRole.Link: "#1a0dab",  # too dark on purpose: the page must not use it as is
    QPalette.ColorRole.PlaceholderText: "#9aa0a6",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    return palette


def test_dark_palette_gives_dark_charts(page):
    page.load(make_data(FOUR))
    assert all(v.chart().theme() == QChart.ChartTheme.ChartThemeLight for v in page.chart_views())
    page.setPalette(dark_palette())  # a switch while shown reloads in the new theme
    assert all(v.chart().theme() == QChart.ChartTheme.ChartThemeDark for v in page.chart_views())
    assert page.scatter.chart().backgroundBrush().color() == QColor("#202124")
    assert page.rows[0].button.text() == "Ad Broker"
    link = page.rows[0].button.styleSheet()
    assert "#8ab4f8" in link  # a dark link colour would be unreadable


def test_dark_palette_before_load(page):
    page.setPalette(dark_palette())
    page.load(make_data(FOUR))
    assert all(v.chart().theme() == QChart.ChartTheme.ChartThemeDark for v in page.chart_views())


@pytest.mark.skipif(importlib.util.find_spec("app.domain.scoring") is None,
                    reason="the scoring rules are not there yet")  # fmt: skip
def test_example_ledger_dashboard(page, paths):
    from app.services.assessment import AssessmentService
    from app.services.example_ledger import load_example_ledger
    from app.services.ledger import Ledger
    from app.storage.header import KeyMode
    from app.storage.vault import create_vault

    vault, _recovery = create_vault(paths, KeyMode.KEYRING)
    with vault:
        load_example_ledger(Ledger(vault.conn))
        data = AssessmentService(vault.conn).dashboard()
    page.load(data)
    assert int(page.cards["holding"].number.text()) >= 20
    assert len(page.chart_views()) == 3
    assert page.scatter is not None and page.scatter.series_points
    assert len(page.rows) == min(10, len(data.worst))


def test_a_point_above_the_scale_sits_on_the_top_edge(qtbot):
    big = ScatterPoint(5, "Insurer", 0, 15_000, Band.FAIR)
    view = balance_scatter([ScatterPoint(6, "Shop", 2_000, 0, Band.UNBALANCED), big])
    qtbot.addWidget(view)
    y_axis = view.chart().axes(Qt.Orientation.Vertical)[0]
    assert y_axis.max() < 150  # the got axis stops near the given one: zones keep their shape
    assert view.off_scale == [big] and "Insurer" in view.chart().title()
    at, point = view.series_points[Band.FAIR][0]
    assert point is big
    assert at.y() <= y_axis.max()
    assert "€ 150.00" in view.tooltip_for(Band.FAIR, at)  # the real value
    with qtbot.waitSignal(view.organisation_clicked) as signal:
        view.band_series[Band.FAIR].clicked.emit(at)
    assert signal.args == [5]
