"""The tiers section and dialog: words for chosen and fair, choosing, adding, deleting with
undo, validation next to the field, keyboard use, and untrusted names shown literally."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.domain.ledger import OrganisationInput
from app.domain.taxonomy import load_taxonomy
from app.paths import AppPaths
from app.services.ledger import Ledger
from app.services.tiers import TierInput, TierService
from app.storage.header import KeyMode
from app.storage.vault import create_vault
from app.ui.tiers_section import FAIR_COLUMN, STEP_COLUMN, TierDialog, TiersSection

RICH = "<b>bold</b><img src=x>"
CHOSEN_COLUMN = 5


@dataclass
class Shop:
    service: TierService
    org_id: int
    ids: dict[str, int]


@pytest.fixture
def shop(paths: AppPaths) -> Iterator[Shop]:
    vault, _recovery = create_vault(paths, KeyMode.KEYRING)
    with vault:
        org_id = Ledger(vault.conn).add_organisation(OrganisationInput("Shop"))
        service = TierService(vault.conn, load_taxonomy())
        tiers = [
            TierInput("Basic", "An account", ("Name", "EmailAddress"), 0),
            TierInput("Loyalty", "A card", ("Name", "EmailAddress", "Purchase"), 800),
            TierInput(
                "Personalised", "", ("Name", "EmailAddress", "Purchase", "Location"), 900,
                chosen=True,
            ),
        ]  # fmt: skip
        yield Shop(service, org_id, {t.name: service.add(org_id, t) for t in tiers})


@pytest.fixture
def section(qtbot, shop: Shop) -> TiersSection:
    widget = TiersSection()
    qtbot.addWidget(widget)
    widget.attach(shop.service)
    widget.show_organisation(shop.org_id)
    widget.show()
    return widget


def cell(section: TiersSection, row: int, column: int) -> str:
    return str(section.model.index(row, column).data())


def column_of(section: TiersSection, column: int) -> dict[str, str]:
    model = section.model
    return {cell(section, r, 0): cell(section, r, column) for r in range(model.rowCount())}


def select(section: TiersSection, name: str) -> None:
    names = [cell(section, r, 0) for r in range(section.model.rowCount())]
    section.view.selectRow(names.index(name))


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown_error(dialog: TierDialog, field: str) -> str:
    label = dialog.errors[field]
    return label.text() if label.isVisibleTo(dialog) else ""


# --- the table ----------------------------------------------------------------------------
def test_the_table_says_chosen_and_fair_in_words(section: TiersSection) -> None:
    assert [cell(section, r, 0) for r in range(3)] == ["Basic", "Loyalty", "Personalised"]
    assert column_of(section, CHOSEN_COLUMN) == {
        "Basic": "", "Loyalty": "", "Personalised": "✓ chosen"}  # fmt: skip
    assert column_of(section, FAIR_COLUMN) == {"Basic": "", "Loyalty": "fair", "Personalised": ""}
    steps = column_of(section, STEP_COLUMN)
    assert steps["Basic"] == "least data"
    assert steps["Loyalty"].endswith("worth it")
    assert steps["Personalised"].endswith("costs more data than it brings")
    assert "Email Address" in column_of(section, 1)["Basic"]
    assert section.advice.text().startswith("You chose Personalised; Loyalty gives you")
    assert section.advice.textFormat() == Qt.TextFormat.PlainText


def test_special_categories_are_marked_in_words(section: TiersSection, shop: Shop) -> None:
    shop.service.add(shop.org_id, TierInput("Health plan", categories=("Health",), value_cents=0))
    section.show_organisation(shop.org_id)
    assert column_of(section, 1)["Health plan"] == "Health (special)"


def test_choosing_a_tier_updates_the_table_and_emits_changed(
    qtbot, section: TiersSection, shop: Shop
) -> None:
    assert not section.choose_button.isEnabled(), "nothing selected yet"
    select(section, "Personalised")
    assert not section.choose_button.isEnabled(), "already the chosen one"
    select(section, "Loyalty")
    assert section.choose_button.isEnabled()
    with qtbot.waitSignal(section.changed, timeout=1000) as signal:
        click(qtbot, section.choose_button)
    assert signal.args == [shop.org_id]
    assert column_of(section, CHOSEN_COLUMN)["Loyalty"] == "✓ chosen"
    assert column_of(section, CHOSEN_COLUMN)["Personalised"] == ""
    assert [t.name for t in shop.service.tiers(shop.org_id) if t.chosen] == ["Loyalty"]
    assert section.selected_id() == shop.ids["Loyalty"], "the selection stays"
    assert section.advice.text().startswith("You chose Loyalty, the fair tier")


def test_delete_without_asking_and_undo(qtbot, section: TiersSection, shop: Shop) -> None:
    assert section.undo_button.isHidden()
    select(section, "Loyalty")
    with qtbot.waitSignal(section.changed, timeout=1000):
        click(qtbot, section.delete_button)
    assert "Loyalty" not in column_of(section, 0)
    assert section.undo_button.isVisible()
    assert "Loyalty" in section.undo_button.text()
    with qtbot.waitSignal(section.changed, timeout=1000):
        click(qtbot, section.undo_button)
    assert "Loyalty" in column_of(section, 0)
    assert section.selected_id() == shop.ids["Loyalty"], "same id, selected again"
    assert section.undo_button.isHidden()


def test_add_through_the_dialog(qtbot, section: TiersSection, shop: Shop, monkeypatch) -> None:
    def fill_in(dialog: TierDialog) -> int:
        dialog.name.setText("Premium")
        dialog.value_edit.setText("2,50")
        dialog.picker.set_category("Location")
        click(qtbot, dialog.add_button)
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(TierDialog, "exec", fill_in)
    with qtbot.waitSignal(section.changed, timeout=1000):
        click(qtbot, section.add_button)
    added = [t for t in shop.service.tiers(shop.org_id) if t.name == "Premium"]
    assert len(added) == 1
    assert added[0].categories == ("Location",) and added[0].value_cents == 250
    assert section.selected_id() == added[0].id


def test_a_cancelled_dialog_changes_nothing(
    qtbot, section: TiersSection, shop: Shop, monkeypatch
) -> None:
    monkeypatch.setattr(TierDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    before = shop.service.tiers(shop.org_id)
    with qtbot.assertNotEmitted(section.changed):
        select(section, "Basic")
        section.edit_tier()
        section.add_tier()
    assert shop.service.tiers(shop.org_id) == before


def test_case27_rich_text_names_show_literally(qtbot, section: TiersSection, shop: Shop) -> None:
    tier_id = shop.service.add(shop.org_id, TierInput(RICH, RICH, ("Name",), 5000, chosen=True))
    section.show_organisation(shop.org_id)
    assert RICH in column_of(section, 0)
    row = section.model.row_of(tier_id)
    tooltip = str(section.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert "<b>" not in tooltip and "&lt;b&gt;" in tooltip
    assert RICH in section.advice.text()
    assert section.advice.textFormat() == Qt.TextFormat.PlainText
    select(section, RICH)
    click(qtbot, section.delete_button)
    assert RICH[:40] in section.undo_button.text()


def test_clear_and_no_service(qtbot, shop: Shop) -> None:
    empty = TiersSection()
    qtbot.addWidget(empty)
    empty.show_organisation(shop.org_id)  # not attached yet: nothing to show, no error
    assert empty.model.rowCount() == 0 and not empty.add_button.isEnabled()
    empty.attach(shop.service)
    assert empty.model.rowCount() == 3 and empty.add_button.isEnabled()
    empty.clear()
    assert empty.model.rowCount() == 0 and empty.advice.text() == ""


# --- the dialog ---------------------------------------------------------------------------
@pytest.fixture
def dialog(qtbot) -> TierDialog:
    window = TierDialog(load_taxonomy())
    qtbot.addWidget(window)
    window.show()
    return window


def test_empty_name_is_shown_next_to_the_name_field(qtbot, dialog: TierDialog) -> None:
    click(qtbot, dialog.ok_button())
    assert "Name must not be empty" in shown_error(dialog, "name")
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.focusWidget() is dialog.name
    dialog.name.setText("Basic")
    click(qtbot, dialog.ok_button())
    assert shown_error(dialog, "name") == ""
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == TierInput("Basic")


def test_bad_value_and_unknown_category_are_shown_at_their_fields(
    qtbot, dialog: TierDialog
) -> None:
    dialog.set_input(TierInput("Plus", categories=("NoSuchThing",)))
    dialog.value_edit.setText("lots")
    click(qtbot, dialog.ok_button())
    assert "lots" in shown_error(dialog, "value")
    dialog.value_edit.setText("3")
    click(qtbot, dialog.ok_button())
    assert "NoSuchThing" in shown_error(dialog, "categories")
    assert dialog.isVisible()


def test_categories_by_keyboard(qtbot, dialog: TierDialog) -> None:
    dialog.name.setText("Basic")
    qtbot.keyClicks(dialog.picker.search, "email")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)  # picks the first result
    assert dialog.picker.category() == "EmailAddress" and dialog.category_keys() == ()
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)  # adds it
    assert dialog.category_keys() == ("EmailAddress",)
    assert dialog.isVisible()
    dialog.picker.list.setCurrentIndex(dialog.picker.model.index(1, 0))
    qtbot.keyClick(dialog.picker.list, Qt.Key.Key_Return)  # Enter in the list adds, too
    assert len(dialog.category_keys()) == 2
    dialog.categories.setCurrentRow(0)
    qtbot.keyClick(dialog.categories, Qt.Key.Key_Delete)
    assert len(dialog.category_keys()) == 1 and "EmailAddress" not in dialog.category_keys()
    click(qtbot, dialog.remove_button)
    assert dialog.category_keys() == ()


def test_enter_picks_then_adds_then_accepts(qtbot, dialog: TierDialog) -> None:
    dialog.name.setText("Basic")
    qtbot.keyClicks(dialog.picker.search, "name")
    for _ in range(2):
        qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    assert dialog.category_keys() == ("Name",) and dialog.isVisible()
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == TierInput("Basic", categories=("Name",))


def test_add_without_a_pick_says_so(qtbot, dialog: TierDialog) -> None:
    click(qtbot, dialog.add_button)
    assert "Pick a category" in shown_error(dialog, "category")
    dialog.picker.set_category("Name")
    click(qtbot, dialog.add_button)
    click(qtbot, dialog.add_button)  # twice: listed once
    assert dialog.category_keys() == ("Name",) and shown_error(dialog, "category") == ""


def test_editing_prefills_every_field(qtbot) -> None:
    data = TierInput("Plus", "Extras", ("Name", "Location"), 1234, "year", chosen=True)
    window = TierDialog(load_taxonomy(), data)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Edit tier"
    assert window.value_edit.text() == "12.34"
    assert window.build() == data
