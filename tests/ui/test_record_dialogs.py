"""The category picker and the record dialogs: validation next to the field, prefill, keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.domain.ledger import AccountInput, BenefitInput, DisclosureInput, ProfileInput
from app.domain.taxonomy import Taxonomy, load_taxonomy
from app.resources import resource_path
from app.ui.category_picker import KEY_ROLE, CategoryPicker
from app.ui.form_dialog import ValidatingDialog
from app.ui.record_dialogs import (
    AccountDialog,
    BenefitDialog,
    DisclosureDialog,
    ProfileDialog,
)


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def _dutch_label(key: str) -> str:
    labels = json.loads(Path(resource_path("taxonomy", "labels_nl.json")).read_text("utf-8"))
    return str(labels[key])


def _keys(picker: CategoryPicker) -> list[str]:
    model = picker.model
    return [model.index(i, 0).data(KEY_ROLE) for i in range(model.rowCount())]


def _text(picker: CategoryPicker, row: int) -> str:
    return str(picker.model.index(row, 0).data())


def _current_key(picker: CategoryPicker) -> str | None:
    index = picker.list.currentIndex()
    return index.data(KEY_ROLE) if index.isValid() else None


def _shown_error(dialog: ValidatingDialog, field: str) -> str:  # type: ignore[type-arg]
    label = dialog.errors[field]
    return label.text() if label.isVisibleTo(dialog) else ""


def _ok(qtbot, dialog: ValidatingDialog) -> None:  # type: ignore[type-arg]
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)


# --- category picker --------------------------------------------------------------------------
def test_picker_lists_common_categories_first_then_all(qtbot, taxonomy):
    picker = CategoryPicker(taxonomy)
    qtbot.addWidget(picker)
    keys = _keys(picker)
    common = [c.key for c in taxonomy.common()]
    assert keys[: len(common)] == common
    assert sorted(keys) == sorted(c.key for c in taxonomy.all())
    assert picker.category() is None


def test_picker_finds_email_in_english_and_dutch(qtbot, taxonomy):
    picker = CategoryPicker(taxonomy)
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.search, "email")
    assert _keys(picker)[0] == "EmailAddress"
    assert _text(picker, 0) == "{label} — EmailAddress".format(
        label=taxonomy.get("EmailAddress").label_en
    )

    dutch = CategoryPicker(taxonomy, lang="nl")
    qtbot.addWidget(dutch)
    qtbot.keyClicks(dutch.search, "e-mail")
    assert "EmailAddress" in _keys(dutch)
    first = _text(dutch, 0)
    assert first == "{label} — EmailAddress".format(label=_dutch_label("EmailAddress"))
    dutch.search.clear()
    qtbot.keyClicks(dutch.search, "telefoon")
    assert _keys(dutch)[0] == "TelephoneNumber"
    assert _text(dutch, 0).startswith(_dutch_label("TelephoneNumber"))


def test_picker_marks_special_categories_in_words(qtbot, taxonomy):
    picker = CategoryPicker(taxonomy, lang="nl")
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.search, "gezondheid")
    texts = dict(zip(_keys(picker), (_text(picker, i) for i in range(3)), strict=False))
    assert texts["Health"].endswith(" · special category")
    qtbot.keyClicks(picker.search, "x" * 3)  # no match: an empty list, nothing chosen
    assert picker.model.rowCount() == 0
    assert picker.category() is None


def test_picker_keyboard_arrows_and_enter(qtbot, taxonomy):
    picker = CategoryPicker(taxonomy)
    qtbot.addWidget(picker)
    picker.show()
    picked: list[str] = []
    picker.changed.connect(picked.append)
    qtbot.keyClicks(picker.search, "email")
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert picker.category() == "EmailAddress"
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    second = _keys(picker)[1]
    assert picker.category() == second
    qtbot.keyClick(picker.search, Qt.Key.Key_Up)
    assert picker.category() == "EmailAddress"
    assert picked == ["EmailAddress", second, "EmailAddress"]

    picker.search.clear()
    qtbot.keyClicks(picker.search, "telefoon")  # nothing highlighted yet: Enter takes the first
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.category() == "TelephoneNumber"
    assert "TelephoneNumber" in picker.chosen.text()


def test_picker_set_category_selects_and_survives_search(qtbot, taxonomy):
    picker = CategoryPicker(taxonomy)
    qtbot.addWidget(picker)
    picker.set_category("BirthDate")
    assert _current_key(picker) == "BirthDate"
    qtbot.keyClicks(picker.search, "email")
    assert picker.category() == "BirthDate"  # searching does not change the choice
    picker.search.clear()
    assert _current_key(picker) == "BirthDate"


# --- disclosure -------------------------------------------------------------------------------
def test_disclosure_bad_date_is_shown_next_to_the_date(qtbot, taxonomy):
    dialog = DisclosureDialog(taxonomy)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.picker.set_category("EmailAddress")
    qtbot.keyClicks(dialog.given_on, "2024-13-45")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "is not a date" in _shown_error(dialog, "date")
    assert _shown_error(dialog, "detail") == ""
    assert not dialog.general_error.isVisibleTo(dialog)
    assert dialog.focusWidget() is dialog.given_on
    assert dialog.result() == 0


def test_disclosure_needs_a_category(qtbot, taxonomy):
    dialog = DisclosureDialog(taxonomy)
    qtbot.addWidget(dialog)
    dialog.show()
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert _shown_error(dialog, "category") == "Choose a category."
    assert dialog.focusWidget() is dialog.picker.search


def test_disclosure_refuses_a_huge_detail(qtbot, taxonomy):
    dialog = DisclosureDialog(taxonomy)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.picker.set_category("EmailAddress")
    dialog.detail.setText("x" * 10_000)
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "too long" in _shown_error(dialog, "detail")
    assert _shown_error(dialog, "detail").startswith("Detail ")


def test_disclosure_valid_entry_by_keyboard(qtbot, taxonomy):
    dialog = DisclosureDialog(taxonomy)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.picker.search, "email")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)  # picks, stays open
    assert dialog.isVisible()
    assert dialog.picker.category() == "EmailAddress"
    qtbot.keyClicks(dialog.detail, "  me@example.com ")
    qtbot.keyClicks(dialog.given_on, "2023-04-05")
    dialog.how.setCurrentIndex(dialog.how.findData("provided"))
    dialog.legal_basis.setCurrentIndex(dialog.legal_basis.findData("contract"))
    dialog.required.setChecked(True)
    dialog.necessary.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.necessary_state.text() == "(no)"
    qtbot.keyClick(dialog.given_on, Qt.Key.Key_Return)  # Enter accepts
    assert not dialog.isVisible()
    assert dialog.result() == 1
    value = dialog.value()
    assert value == DisclosureInput(
        category="EmailAddress",
        detail="me@example.com",
        given_on="2023-04-05",
        collection_method="provided",
        legal_basis="contract",
        required=True,
        necessary=False,
    )


def test_disclosure_prefill_round_trips(qtbot, taxonomy):
    original = DisclosureInput(
        category="TelephoneNumber",
        detail="mobile",
        given_on="2020-01-31",
        collection_method="third_party",
        purpose="marketing",
        legal_basis="a custom basis",
        required=False,
        necessary=None,
        shared=True,
        continuous=True,
        retention="forever",
        consent_withdrawn_on="2021-02-01",
    )
    dialog = DisclosureDialog(taxonomy, original)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit data given"
    assert dialog.necessary.checkState() == Qt.CheckState.PartiallyChecked
    assert dialog.necessary_state.text() == "(don't know)"
    assert dialog.build() == original
    dialog.try_accept()
    assert dialog.value() == original


def test_disclosure_escape_cancels(qtbot, taxonomy):
    dialog = DisclosureDialog(taxonomy)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.detail, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == 0
    with pytest.raises(RuntimeError):
        dialog.value()


# --- benefit ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "expected"),
    [("-5", "cannot be negative"), ("lots", "is not an amount"), ("9999999999", "not an amount")],
)
def test_benefit_refuses_bad_values(qtbot, typed, expected):
    dialog = BenefitDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.value_edit, typed)
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert expected in _shown_error(dialog, "value")
    assert dialog.focusWidget() is dialog.value_edit


def test_benefit_implausible_value_and_dates_in_the_wrong_order(qtbot):
    dialog = BenefitDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.value_edit.setText("20000000")
    _ok(qtbot, dialog)
    assert "implausibly large" in _shown_error(dialog, "value")
    dialog.value_edit.setText("4,99")
    dialog.started_on.setText("2024-05-01")
    dialog.ended_on.setText("2024-01-01")
    _ok(qtbot, dialog)
    assert _shown_error(dialog, "value") == ""
    assert "before the start date" in _shown_error(dialog, "until")
    assert dialog.focusWidget() is dialog.ended_on


def test_benefit_valid_and_prefill(qtbot):
    dialog = BenefitDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("discount"))
    qtbot.keyClicks(dialog.description, "10% off")
    dialog.value_edit.setText("€ 4,50")  # QTest cannot type "€"
    dialog.period.setCurrentIndex(dialog.period.findData("month"))
    dialog.try_accept()
    assert dialog.result() == 1
    value = dialog.value()
    assert value == BenefitInput("discount", "10% off", 450, "month")

    again = BenefitDialog(value)
    qtbot.addWidget(again)
    assert again.value_edit.text() == "4.50"
    assert again.build() == value
    unknown = BenefitDialog(BenefitInput("service", value_cents=None, started_on="2022-02-02"))
    qtbot.addWidget(unknown)
    assert unknown.value_edit.text() == ""
    assert unknown.build().value_cents is None
    assert unknown.build().started_on == "2022-02-02"


# --- account and profile ----------------------------------------------------------------------
def test_account_validation_and_round_trip(qtbot):
    dialog = AccountDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.identifier, "me@example.com")
    dialog.first_used.setText("2022-01-01")
    dialog.last_used.setText("2021-01-01")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "before the first use" in _shown_error(dialog, "last used")
    dialog.last_used.setText("2023-01-01")
    dialog.status.setCurrentIndex(dialog.status.findData("erasure_requested"))
    dialog.notes.setPlainText("asked on the phone\nno answer")
    _ok(qtbot, dialog)
    assert dialog.result() == 1
    value = dialog.value()
    assert value == AccountInput(
        "me@example.com", "erasure_requested", "2022-01-01", "2023-01-01",
        "asked on the phone\nno answer",
    )  # fmt: skip
    again = AccountDialog(value)
    qtbot.addWidget(again)
    assert again.build() == value


def test_profile_bad_email_and_country(qtbot):
    dialog = ProfileDialog(ProfileInput())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.emails.setPlainText("me@example.com\n\nnot an address\n")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "not an email address" in _shown_error(dialog, "email")
    assert dialog.focusWidget() is dialog.emails
    dialog.emails.setPlainText("me@example.com\nwork@example.org")
    dialog.country.setText("Netherlands")
    _ok(qtbot, dialog)
    assert _shown_error(dialog, "email") == ""
    assert "two-letter" in _shown_error(dialog, "country")
    dialog.country.setText("nl")
    _ok(qtbot, dialog)
    assert dialog.value().emails == ["me@example.com", "work@example.org"]
    assert dialog.value().country == "NL"


def test_profile_prefill_round_trips(qtbot):
    profile = ProfileInput("Ada Lovelace", "Street 1\n1234 AB Town", ["a@b.nl"], "+31 6", "NL")
    dialog = ProfileDialog(profile)
    qtbot.addWidget(dialog)
    assert dialog.build() == profile
    dialog.try_accept()
    assert dialog.value() == profile


def test_every_field_has_a_name_and_a_mnemonic_label(qtbot, taxonomy):
    dialogs: list[ValidatingDialog] = [  # type: ignore[type-arg]
        DisclosureDialog(taxonomy), BenefitDialog(), AccountDialog(), ProfileDialog(ProfileInput()),
    ]  # fmt: skip
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
        for name, widget in dialog.fields.items():
            assert widget.accessibleName(), (dialog, name)
            assert widget in buddies, (dialog, name)
        for label in dialog.findChildren(QLabel):
            if label.buddy() is not None:
                assert "&" in label.text()
