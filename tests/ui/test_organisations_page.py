"""The Organisations page on the example ledger: filter, sort, detail, undo and redo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.ledger import DisclosureInput, OrganisationInput
from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.storage.vault import open_with_keyring
from app.ui.organisations_model import COL_NAME, COL_VALUE


def _open_page(qtbot, controller, paths, *, example: bool = True):
    if example:
        with open_with_keyring(paths) as vault:
            load_example_ledger(Ledger(vault.conn))
    controller.start()
    shell = controller.window.shell
    shell.show_page(1)
    view = shell.organisations
    assert controller.window.shell.pages.currentWidget() is view
    return view


def _names(view) -> list[str]:
    return [view.model.row_at(r).name for r in range(view.model.rowCount())]


def test_filter_sort_and_detail(qtbot, controller, paths, keyring_vault):
    view = _open_page(qtbot, controller, paths)
    assert view.model.rowCount() >= 20
    qtbot.keyClicks(view.search, "bol")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)
    assert _names(view) == ["bol.com"]
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() >= 20, timeout=3000)

    view.table.sortByColumn(COL_VALUE, Qt.SortOrder.DescendingOrder)
    values = [view.model.row_at(r).value_month_cents for r in range(view.model.rowCount())]
    assert values == sorted(values, reverse=True)
    view.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
    names = _names(view)
    assert names == sorted(names, key=str.casefold)

    view.sensitivity.setCurrentIndex(view.sensitivity.findData(4))
    special = _names(view)
    assert special and all(view.model.row_at(r).max_sensitivity == 4 for r in range(len(special)))

    view.table.selectRow(0)
    assert view.detail.title.text() == special[0]
    assert view.detail.sections["disclosures"].model.rowCount() >= 1


def test_add_record_then_undo_and_redo(qtbot, controller, paths, keyring_vault):
    view = _open_page(qtbot, controller, paths, example=False)
    actions = controller.window.shell.ledger_actions
    org_id = actions.add_organisation(OrganisationInput("Shop", domains=["shop.example"]))
    assert _names(view) == ["Shop"]
    view.select_organisation(org_id)
    actions.add_record("disclosures", org_id, DisclosureInput("EmailAddress", detail="a@b.example"))
    given = view.detail.sections["disclosures"].model
    assert given.rowCount() == 1

    window = controller.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.undo_action.shortcut().toString() != "")
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert given.rowCount() == 0, "undo removed the disclosure"
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.table, Qt.Key.Key_Z, ctrl_shift)
    assert given.rowCount() == 1, "redo put it back"

    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert _names(view) == []
    window.undo_action.trigger()
    assert _names(view) == ["Shop"]
    view.select_organisation(org_id)
    assert view.detail.sections["disclosures"].model.rowCount() == 1, "undo brought it all back"


def test_case27_rich_text_in_a_name_is_shown_literally(qtbot, controller, paths, keyring_vault):
    view = _open_page(qtbot, controller, paths, example=False)
    name = "<b>Bold</b><img src=x onerror=alert(1)>"
    org_id = controller.window.shell.ledger_actions.add_organisation(OrganisationInput(name))
    view.select_organisation(org_id)
    assert view.detail.title.text() == name
    assert view.detail.title.textFormat() == Qt.TextFormat.PlainText
    assert view.model.data(view.model.index(0, COL_NAME)) == name


def test_lock_empties_the_page_and_the_undo_history(qtbot, controller, paths, keyring_vault):
    view = _open_page(qtbot, controller, paths)
    view.table.selectRow(0)
    controller.window.shell.ledger_actions.delete_organisation(view.current_id())
    controller.session.lock()
    assert view.model.rowCount() == 0
    assert view.detail.org_id is None
    assert controller.window.shell.ledger_actions.undo_stack.count() == 0


def test_merge_a_duplicate_and_undo(qtbot, controller, paths, keyring_vault, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    view = _open_page(qtbot, controller, paths, example=False)
    actions = controller.window.shell.ledger_actions
    keep = actions.add_organisation(OrganisationInput("Google", domains=["google.com"]))
    other = actions.add_organisation(OrganisationInput("YouTube", domains=["youtube.com"]))
    actions.add_record("disclosures", other, DisclosureInput("BrowsingBehaviour"))
    assert view.merge_candidates(other)[0] == (keep, "Google")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    view.select_organisation(other)
    view.detail.merge_button.click()
    assert _names(view) == ["Google"]
    assert view.detail.org_id == keep
    assert view.detail.sections["disclosures"].model.rowCount() == 1
    controller.window.undo_action.trigger()
    assert _names(view) == ["Google", "YouTube"]


def test_add_from_directory_and_edit_with_undo(qtbot, controller, paths, keyring_vault,
                                               monkeypatch):  # fmt: skip
    from app.services.directory import load_directory
    from app.ui import organisation_dialogs, record_dialogs

    view = _open_page(qtbot, controller, paths, example=False)
    entry = load_directory().search("albert heijn")[0]

    def choose_entry(dialog):
        dialog.result_kind, dialog.chosen_entry = "directory", entry
        return 1

    monkeypatch.setattr(organisation_dialogs.AddOrganisationDialog, "exec", choose_entry)
    view.add_organisation()
    assert _names(view) == [entry.name]
    org_id = view.model.row_at(0).id
    assert view.ledger.organisation(org_id).directory_slug == entry.slug
    view.select_organisation(org_id)
    assert "directory" in view.detail.source.text()

    actions = controller.window.shell.ledger_actions
    row = actions.add_record("disclosures", org_id, DisclosureInput("Purchase", detail="old"))

    def edit(dialog):
        dialog.detail.setText("new detail")
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(record_dialogs.DisclosureDialog, "exec", edit)
    view.edit_record("disclosures", row)
    assert view.ledger.record("disclosures", row)["detail"] == "new detail"
    controller.window.undo_action.trigger()
    assert view.ledger.record("disclosures", row)["detail"] == "old"


def test_dashboard_shows_the_example_and_a_chart_click_opens_the_organisation(
    qtbot, controller, paths, keyring_vault
):
    from app.domain.assessment import Band

    with open_with_keyring(paths) as vault:
        load_example_ledger(Ledger(vault.conn))
    controller.start()
    overview = controller.window.shell.overview
    qtbot.waitUntil(lambda: overview.dashboard is not None, timeout=5000)
    page = overview.dashboard
    assert page.cards["holding"].number.text() == "26"
    assert int(page.cards["coerced"].number.text()) >= 3
    band, drawn = next((b, pts) for b, pts in page.scatter.series_points.items() if pts)
    position, point = drawn[0]
    page.scatter.band_series[band].clicked.emit(position)
    shell = controller.window.shell
    assert shell.pages.currentWidget() is shell.organisations
    assert shell.organisations.current_id() == point.org_id
    assert shell.organisations.detail.balance.text().startswith("Balance:")
    assert Band(shell.organisations.model.row_at(0).band or "fair") in Band


def test_band_is_a_word_with_a_tint(qtbot, controller, paths, keyring_vault):
    from app.ui.organisations_model import COL_BAND

    view = _open_page(qtbot, controller, paths)
    controller.window.shell.refresh_assessments()
    view.band.setCurrentIndex(view.band.findData("coerced"))
    index = view.model.index(0, COL_BAND)
    assert view.model.data(index) == "coerced"
    assert view.model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert all(view.model.row_at(r).band == "coerced" for r in range(view.model.rowCount()))


def test_a_long_detail_does_not_push_the_other_columns_out(qtbot, controller, paths, keyring_vault):
    """The detail pane is narrow: a long description is cut (the tooltip holds it all), the
    columns after it stay within reach, and the pane itself never needs scrolling sideways."""
    long_detail = "heart rate, sleep, resting pulse and every step of every day " * 4
    with open_with_keyring(paths) as vault:
        ledger = Ledger(vault.conn)
        org = ledger.add_organisation(OrganisationInput("FitTrack"))
        ledger.add_disclosure(org, DisclosureInput("HealthRecord", detail=long_detail))
    view = _open_page(qtbot, controller, paths, example=False)
    controller.window.resize(1280, 800)
    view.table.selectRow(0)
    section = view.detail.sections["disclosures"]
    qtbot.waitUntil(lambda: section.model.rowCount() == 1, timeout=3000)
    detail_width = section.view.columnWidth(1)
    full_width = section.view.fontMetrics().horizontalAdvance(long_detail.strip())
    assert detail_width < full_width / 2
    tip = section.model.data(section.model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert long_detail.strip() in tip
    assert view.detail.horizontalScrollBar().maximum() == 0, "no sideways scrolling of the pane"
