"""Organisation dialogs: editing by hand, and adding from the ledger or the directory."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from app.domain.ledger import OrganisationInput
from app.paths import AppPaths
from app.services.directory import Directory, DirectoryEntry
from app.services.ledger import Ledger
from app.storage.header import KeyMode
from app.storage.vault import create_vault
from app.ui.organisation_dialogs import PICK_ROLE, AddOrganisationDialog, OrganisationDialog

RICH = "<b>bold</b><img src=x>"

ENTRIES = [
    DirectoryEntry(
        slug="ahold-delhaize",
        name="Koninklijke Ahold Delhaize N.V.",
        address="Provincialeweg 11\n1506 MA Zaandam",
        runs=("Albert Heijn", "Etos", "Gall & Gall"),
        domains=("ah.nl", "aholddelhaize.com"),
        relevant_countries=("nl",),
        email="privacy@ah.nl",
        quality="imported",
        sources=("https://www.ah.nl/privacy",),
    ),
    DirectoryEntry(
        slug="bol",
        name="bol.com b.v.",
        address="Papendorpseweg 100, Utrecht",
        domains=("bol.com",),
        relevant_countries=("nl",),
        email="privacy@bol.com",
        quality="verified",
    ),
    DirectoryEntry(slug="rich", name=f"{RICH} Shop", address="", domains=("rich.example",)),
]


@pytest.fixture
def ledger(paths: AppPaths) -> Iterator[Ledger]:
    paths.ensure()
    vault, _recovery = create_vault(paths, KeyMode.KEYRING)
    try:
        yield Ledger(vault.conn)
    finally:
        vault.close()


@pytest.fixture
def directory() -> Directory:
    return Directory(ENTRIES)


def _rows(dialog: AddOrganisationDialog) -> list[str]:
    return [row.text for row in dialog.model.rows]


def _search(qtbot, dialog: AddOrganisationDialog, text: str) -> None:
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, text)
    assert dialog.timer.isActive()  # debounced: nothing searched per key
    qtbot.waitUntil(lambda: not dialog.timer.isActive(), timeout=2000)


# --- OrganisationDialog ----------------------------------------------------------------------
def test_organisation_dialog_validates_next_to_the_field(qtbot):
    dialog = OrganisationDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ok_button().click()
    assert dialog.isVisible()
    assert dialog.errors["name"].text() == "Name must not be empty."
    assert dialog.focusWidget() is dialog.name
    qtbot.keyClicks(dialog.name, "Example")
    dialog.domains.setPlainText("example.com, not a domain")
    dialog.ok_button().click()
    assert dialog.errors["name"].isHidden()
    assert "is not a domain" in dialog.errors["domain"].text()
    assert dialog.focusWidget() is dialog.domains
    dialog.domains.setPlainText("https://www.Example.com/privacy,\nexample.nl")
    dialog.email.setText("privacy at example")
    dialog.ok_button().click()
    assert "not an email address" in dialog.errors["email"].text()
    assert dialog.focusWidget() is dialog.email
    dialog.email.setText("privacy@example.com")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)  # Enter accepts
    assert dialog.result() == 1
    value = dialog.value()
    assert value.domains == ["example.com", "example.nl"]
    assert value.privacy_email == "privacy@example.com"


def test_organisation_dialog_round_trips_and_shows_directory_data_as_plain_text(qtbot):
    original = OrganisationInput(
        name=RICH,
        domains=["a.example", "b.example"],
        country="NL",
        privacy_email="p@a.example",
        postal_address="Street 1\nTown",
        phone="+31 20",
        website="https://a.example",
        webform="https://a.example/form",
        notes="<i>note</i>",
        aliases=["Brand"],
        directory_slug="a",
        directory_quality="verified",
        directory_sources=["https://a.example/<b>src</b>"],
    )
    dialog = OrganisationDialog(original)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name.text() == RICH
    assert dialog.source.isVisible()
    assert dialog.source.textFormat() == Qt.TextFormat.PlainText
    assert "quality: verified" in dialog.source.text()
    assert "<b>src</b>" in dialog.source.text()
    for label in dialog.findChildren(QLabel):
        if label.buddy() is None:  # everything not our own mnemonic label is plain text
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    assert dialog.build() == original
    dialog.try_accept()
    assert dialog.value() == original

    by_hand = OrganisationDialog()
    qtbot.addWidget(by_hand)
    assert by_hand.source.isHidden()


# --- AddOrganisationDialog --------------------------------------------------------------------
def test_finds_a_directory_entry_by_brand_and_picks_it_with_the_keyboard(qtbot, ledger, directory):
    dialog = AddOrganisationDialog(ledger, directory)
    qtbot.addWidget(dialog)
    dialog.show()
    _search(qtbot, dialog, "albert")
    rows = _rows(dialog)
    assert rows[0] == "In the directory"
    assert rows[1].startswith("Koninklijke Ahold Delhaize N.V.\n")
    assert "Albert Heijn" in rows[1]
    assert "ah.nl" in rows[1]
    assert "imported" in rows[1]
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # into the results, on the first organisation
    assert dialog.results.hasFocus()
    assert dialog.results.currentIndex().row() == 1
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert dialog.result() == 1
    assert dialog.result_kind == "directory"
    assert dialog.chosen_entry is ENTRIES[0]
    assert dialog.chosen_org_id is None
    assert dialog.new_input is None


def test_lists_ledger_organisations_first_and_shows_names_as_plain_text(qtbot, ledger, directory):
    rich_id = ledger.add_organisation(OrganisationInput(name=f"{RICH} Shop"))
    dialog = AddOrganisationDialog(ledger, directory)
    qtbot.addWidget(dialog)
    dialog.show()
    _search(qtbot, dialog, "bold")
    assert _rows(dialog)[:2] == ["Already in your ledger", f"{RICH} Shop"]
    assert _rows(dialog)[2] == "In the directory"
    assert _rows(dialog)[3].startswith(f"{RICH} Shop\n")
    assert dialog.model.index(1, 0).data() == f"{RICH} Shop"  # shown literally, not as HTML
    assert dialog.model.index(0, 0).data(PICK_ROLE) is None  # a heading cannot be picked
    assert dialog.results.grab().width() > 0
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # Enter takes the first organisation
    assert dialog.result_kind == "ledger"
    assert dialog.chosen_org_id == rich_id


def test_duplicate_of_a_ledger_organisation_asks_first(qtbot, ledger, directory):
    existing = ledger.add_organisation(OrganisationInput(name="Bol", domains=["bol.com"]))
    dialog = AddOrganisationDialog(ledger, directory)
    qtbot.addWidget(dialog)
    dialog.show()
    _search(qtbot, dialog, "bol.com")
    directory_row = _rows(dialog).index("In the directory") + 1
    dialog.results.setCurrentIndex(dialog.model.index(directory_row, 0))
    dialog.choose_button.click()
    box = dialog.duplicate_box
    assert box is not None and box.isVisible()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "“bol.com b.v.”" in box.text() and "“Bol”" in box.text()
    assert dialog.result_kind is None and dialog.isVisible()  # nothing decided yet
    open_button, _add_button = (b for b in box.buttons() if "&" in b.text())
    assert open_button.text() == "&Open the existing one"
    open_button.click()
    assert dialog.result_kind == "ledger"
    assert dialog.chosen_org_id == existing

    again = AddOrganisationDialog(ledger, directory)
    qtbot.addWidget(again)
    again.show()
    again.choose_entry(ENTRIES[1])
    assert again.duplicate_box is not None
    [add] = [b for b in again.duplicate_box.buttons() if b.text() == "&Add anyway"]
    add.click()
    assert again.result_kind == "directory"
    assert again.chosen_entry is ENTRIES[1]

    cancelled = AddOrganisationDialog(ledger, directory)
    qtbot.addWidget(cancelled)
    cancelled.show()
    cancelled.choose_entry(ENTRIES[1])
    assert cancelled.duplicate_box is not None
    cancelled.duplicate_box.button(QMessageBox.StandardButton.Cancel).click()
    assert cancelled.result_kind is None
    assert cancelled.isVisible()


def test_new_organisation_by_hand_starts_from_the_typed_name(qtbot, ledger, directory):
    dialog = AddOrganisationDialog(ledger, directory)
    qtbot.addWidget(dialog)
    dialog.show()
    _search(qtbot, dialog, "Bakkerij Jansen")
    assert dialog.model.rows == []
    assert "Nothing found" in dialog.status.text()
    dialog.new_button.click()
    form = dialog.organisation_dialog
    assert form is not None and form.isVisible()
    assert form.name.text() == "Bakkerij Jansen"
    form.country.setText("nl")
    form.try_accept()
    assert dialog.result() == 1
    assert dialog.result_kind == "new"
    assert dialog.new_input == OrganisationInput(name="Bakkerij Jansen", country="NL")
    assert dialog.chosen_entry is None and dialog.chosen_org_id is None


def test_escape_cancels_and_empty_search_lists_nothing(qtbot, ledger, directory):
    dialog = AddOrganisationDialog(ledger, directory)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.refresh()
    assert dialog.model.rows == []
    assert not dialog.choose_button.isEnabled()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == 0
    assert dialog.result_kind is None


def test_enter_with_nothing_found_opens_the_form(qtbot, ledger, directory):
    dialog = AddOrganisationDialog(ledger, directory)
    qtbot.addWidget(dialog)
    dialog.show()
    _search(qtbot, dialog, "zzz")
    assert dialog.new_button.isDefault()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.organisation_dialog is not None
    assert dialog.organisation_dialog.name.text() == "zzz"
    qtbot.keyClick(dialog.organisation_dialog.name, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.result_kind is None
