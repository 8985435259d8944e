"""Accessibility, continued: the main window from the keyboard, colour never the only signal,
and tinted or coloured text legible (WCAG 4.5:1) in a light and a dark palette."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from tests.ui.test_accessibility import main_pages, unlocked_with_example


# --- the keyboard in the main window -----------------------------------------------------------
def menu_actions(menu) -> Iterator:  # type: ignore[no-untyped-def]
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield action
        if action.menu() is not None:
            yield from menu_actions(action.menu())


def test_menus_pages_and_the_organisation_list_work_from_the_keyboard(qtbot, controller,
                                                                      keyring_vault,
                                                                      monkeypatch):  # fmt: skip
    from app.ui.organisation_dialogs import OrganisationDialog

    window, org_id = unlocked_with_example(controller)
    qtbot.waitUntil(lambda: not window._shortcuts)  # installed just after the first paint
    actions = list(menu_actions(window.menuBar()))
    no_key = [a.text() for a in actions if "&" not in a.text() and a.shortcut().isEmpty()]
    assert len(actions) > 20 and no_key == []

    for other in QApplication.topLevelWidgets():  # one left visible by an earlier test would
        if other is not window and other.isVisible():  # keep the activation from happening
            other.close()
    with qtbot.waitActive(window):
        window.raise_()
        window.activateWindow()
    shell = window.shell
    shell.sidebar.setFocus()
    for key, page in ((Qt.Key.Key_2, 1), (Qt.Key.Key_3, 2), (Qt.Key.Key_1, 0)):
        qtbot.keyClick(shell.sidebar, key, Qt.KeyboardModifier.ControlModifier)
        assert shell.sidebar.currentRow() == page

    edited: list[object] = []
    monkeypatch.setattr(OrganisationDialog, "exec",
                        lambda dialog: edited.append(dialog.name.text()) or 0)  # fmt: skip
    shell.show_page(1)
    view = shell.organisations
    view.table.selectRow(view.model.row_of(org_id))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert edited == ["FitTrack (fictional)"], "Enter opens the selected organisation's editor"


# --- colour is never the only signal -----------------------------------------------------------
def test_bands_and_statuses_are_words_not_only_colours(qtbot, controller, keyring_vault):  # type: ignore[no-untyped-def]
    from app.domain.assessment import Band
    from app.ui.formatting import term
    from app.ui.organisations_model import COL_BAND
    from app.ui.requests_view import STATUS_TINT

    window, org_id = unlocked_with_example(controller)
    list(main_pages(qtbot, window, org_id))  # visits all three
    model = window.shell.organisations.model
    words = {term(band.value) for band in Band}
    tinted = [model.index(r, COL_BAND) for r in range(model.rowCount())
              if model.data(model.index(r, COL_BAND), Qt.ItemDataRole.BackgroundRole)]  # fmt: skip
    assert tinted and all(model.data(i) in words for i in tinted), "the band's name is written"

    requests = window.shell.requests.model
    for row in range(requests.rowCount()):
        index = requests.index(row, 2)
        assert requests.data(index), "every status is written"
        if requests.rows[row].status in STATUS_TINT:
            assert requests.data(index, Qt.ItemDataRole.BackgroundRole) is not None

    dashboard = window.shell.overview.dashboard
    assert all(row.badge.text().strip() for row in dashboard.rows), "a badge says its band"
    scatter = dashboard.scatter
    assert scatter.chart().legend().isVisible(), "the chart's legend names the bands"
    bands = scatter.band_series
    assert {band: series.name() for band, series in bands.items()} == {
        band: term(band.value).upper() for band in bands
    } and len(bands) >= 3
    shapes = {series.markerShape() for series in bands.values()}
    assert len(shapes) == len(bands), "each band has its own marker shape, too"
    assert dashboard.groups.chart().series()[0].isLabelsVisible(), "each bar says its count"
    for chart_view in (dashboard.groups, dashboard.timeline):
        titles = [axis.titleText() for axis in chart_view.chart().axes()]
        assert any(titles), "the axes say what they count"


# --- light and dark palettes -------------------------------------------------------------------
def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))  # fmt: skip


def contrast(one: QColor, other: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#202020"), (roles.WindowText, "#e0e0e0"),
                         (roles.Base, "#2a2a2a"), (roles.AlternateBase, "#323232"),
                         (roles.Text, "#e0e0e0"), (roles.Button, "#2d2d2d"),
                         (roles.ButtonText, "#e0e0e0"), (roles.Mid, "#505050"),
                         (roles.Highlight, "#3d6fb4"), (roles.HighlightedText, "#ffffff"),
                         (roles.Link, "#8ab4f8"), (roles.PlaceholderText, "#a0a0a0")):  # fmt: skip
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def restore_palette(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    before = QPalette(qapp.palette())
    yield
    QApplication.setPalette(before)


def illegible_cells(model, palette: QPalette) -> list[str]:  # type: ignore[no-untyped-def]
    """Every tinted or coloured cell whose text is below 4.5:1 against what is behind it."""
    roles = Qt.ItemDataRole
    found = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            background = model.data(index, roles.BackgroundRole)
            foreground = model.data(index, roles.ForegroundRole)
            if background is None and foreground is None:
                continue
            behind = QColor(background) if background else palette.color(QPalette.ColorRole.Base)
            text = QColor(foreground) if foreground else palette.color(QPalette.ColorRole.Text)
            ratio = contrast(text, behind)
            if ratio < 4.5:
                found.append(f"{model.data(index)!r}: {text.name()} on {behind.name()} {ratio:.1f}")
    return found


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_tinted_text_stays_legible_in_light_and_dark(qtbot, controller, keyring_vault,
                                                     restore_palette, dark):  # fmt: skip
    from dataclasses import replace

    from app.domain.assessment import Band
    from app.ui import charts, dashboard, tiers_model
    from app.ui.requests_view import STATUS_TINT, RequestsModel

    palette = dark_palette() if dark else QApplication.style().standardPalette()
    QApplication.setPalette(palette)
    assert charts.is_dark(QApplication.palette()) is dark
    window, org_id = unlocked_with_example(controller)
    list(main_pages(qtbot, window, org_id))

    organisations = window.shell.organisations.model
    problems = illegible_cells(organisations, palette)
    requests = RequestsModel()
    first = window.shell.requests.model.rows[0]
    requests.set_rows([replace(first, status=s) for s in (*STATUS_TINT, "draft")], date.today())
    problems += illegible_cells(requests, palette)
    base = palette.color(QPalette.ColorRole.Base)
    problems += [f"tier verdict {good}" for good in (True, False)
                 if contrast(tiers_model.verdict_colour(good), base) < 4.5]  # fmt: skip
    problems += [f"badge {band}" for band in Band
                 if contrast(QColor(dashboard.BADGE_TEXT[band]),
                             QColor(charts.BAND_COLOURS[band][0])) < 4.5]  # fmt: skip
    warning = QColor(dashboard.WARNING[1 if dark else 0])
    if contrast(warning, base) < 4.5:
        problems.append(f"figure card warning {warning.name()} on {base.name()}")
    assert problems == []
    assert organisations.data(organisations.index(0, 0))  # it looked at a filled table
