"""Dialogs that enter or edit one record: a disclosure, a benefit, an account, the profile.

Each builds its input dataclass and calls `cleaned()` on OK; a ValidationError is shown next to
the field it names (`exc.field`), that field gets the focus, and the dialog stays open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QWidget,
)

from app.domain.ledger import (
    ACCOUNT_STATUSES,
    BENEFIT_KINDS,
    COLLECTION_METHODS,
    PERIODS,
    AccountInput,
    BenefitInput,
    DisclosureInput,
    ProfileInput,
    ValidationError,
)
from app.domain.money import MoneyError, parse_cents
from app.domain.taxonomy import Taxonomy, UnknownCategoryError
from app.ui.category_picker import CategoryPicker
from app.ui.error_text import error_text
from app.ui.form_dialog import (
    ValidatingDialog,
    combo,
    date_field,
    line_edit,
    lines_of,
    optional,
    select,
    text_area,
)
from app.ui.widgets import plain_label

LEGAL_BASES = (
    "consent",
    "contract",
    "legal obligation",
    "legitimate interest",
    "vital interest",
    "public task",
)


class DisclosureDialog(ValidatingDialog[DisclosureInput]):
    """What personal data was given: its category and the circumstances."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        initial: DisclosureInput | None = None,
        parent: QWidget | None = None,
        *,
        lang: str = "en",
    ) -> None:
        super().__init__(
            self.tr("Edit data given") if initial else self.tr("Add data given"), parent
        )
        self.taxonomy = taxonomy
        methods = {
            "": self.tr("Not recorded"),
            "provided": self.tr("I gave it (typed in, uploaded, said)"),
            "observed": self.tr("Observed while I used the service"),
            "derived": self.tr("Derived from other data"),
            "inferred": self.tr("Inferred (guessed, profiled)"),
            "third_party": self.tr("Obtained from a third party"),
        }
        bases = {
            "": "",
            "consent": self.tr("consent"),
            "contract": self.tr("contract"),
            "legal obligation": self.tr("legal obligation"),
            "legitimate interest": self.tr("legitimate interest"),
            "vital interest": self.tr("vital interest"),
            "public task": self.tr("public task"),
        }
        self.picker = CategoryPicker(taxonomy, lang)
        self.detail = line_edit(self.tr("e.g. the work address, not the home one"))
        self.given_on = date_field()
        self.how = combo(methods, COLLECTION_METHODS)
        self.purpose = line_edit()
        self.legal_basis = combo(bases, ("", *LEGAL_BASES))
        self.legal_basis.setEditable(True)
        self.legal_basis.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.retention = line_edit(self.tr("e.g. 2 years after the account closes"))
        self.withdrawn_on = date_field()

        self.add_field("category", self.tr("&Category:"), self.picker, focus=self.picker.search)
        self.add_field("detail", self.tr("De&tail:"), self.detail)
        self.add_field("date", self.tr("&Date given:"), self.given_on)
        self.add_field("how", self.tr("&How collected:"), self.how)
        self.add_field("purpose", self.tr("&Purpose:"), self.purpose)
        self.add_field("legal basis", self.tr("&Legal basis:"), self.legal_basis)
        self.required = self.add_check(self.tr("They &required it (a condition of the service)"))
        self.necessary_state = plain_label()
        self.necessary = self.add_check(self.tr("The service &needs it"), self.necessary_state)
        self.necessary.setTristate(True)
        self.necessary.stateChanged.connect(self._necessary_changed)
        self.shared = self.add_check(self.tr("&Shared with third parties"))
        self.continuous = self.add_check(self.tr("C&ollected continuously"))
        self.add_field("retention", self.tr("&Retention:"), self.retention)
        self.add_field("consent withdrawn on", self.tr("Consent &withdrawn on:"), self.withdrawn_on)
        self.finish_layout()
        QWidget.setTabOrder(self.picker.search, self.picker.list)
        QWidget.setTabOrder(self.picker.list, self.detail)
        self.set_input(initial or DisclosureInput(category=""))

    def _necessary_changed(self) -> None:
        words = {
            Qt.CheckState.Checked: self.tr("(yes)"),
            Qt.CheckState.Unchecked: self.tr("(no)"),
            Qt.CheckState.PartiallyChecked: self.tr("(don't know)"),
        }[self.necessary.checkState()]
        self.necessary_state.setText(words)
        self.necessary.setAccessibleDescription(words.strip("()"))

    def set_input(self, data: DisclosureInput) -> None:
        self.picker.set_category(data.category or None)
        self.detail.setText(data.detail)
        self.given_on.setText(data.given_on or "")
        select(self.how, data.collection_method)
        self.purpose.setText(data.purpose)
        index = self.legal_basis.findData(data.legal_basis)
        if index >= 0:
            self.legal_basis.setCurrentIndex(index)
        else:
            self.legal_basis.setEditText(data.legal_basis)
        self.required.setChecked(data.required)
        states = {None: Qt.CheckState.PartiallyChecked, True: Qt.CheckState.Checked}
        self.necessary.setCheckState(states.get(data.necessary, Qt.CheckState.Unchecked))
        self._necessary_changed()
        self.shared.setChecked(data.shared)
        self.continuous.setChecked(data.continuous)
        self.retention.setText(data.retention)
        self.withdrawn_on.setText(data.consent_withdrawn_on or "")

    def _legal_basis(self) -> str:
        """The stored value of a listed basis (not its translation), or the typed text."""
        text = self.legal_basis.currentText().strip()
        index = self.legal_basis.currentIndex()
        if index >= 0 and self.legal_basis.itemText(index) == text:
            return str(self.legal_basis.itemData(index))
        return text

    def build(self) -> DisclosureInput:
        state = self.necessary.checkState()
        return DisclosureInput(
            category=self.picker.category() or "",
            detail=self.detail.text(),
            given_on=optional(self.given_on),
            collection_method=str(self.how.currentData()),
            purpose=self.purpose.text(),
            legal_basis=self._legal_basis(),
            required=self.required.isChecked(),
            necessary=None
            if state == Qt.CheckState.PartiallyChecked
            else state == Qt.CheckState.Checked,
            shared=self.shared.isChecked(),
            continuous=self.continuous.isChecked(),
            retention=self.retention.text(),
            consent_withdrawn_on=optional(self.withdrawn_on),
        )

    def validate(self) -> DisclosureInput:
        data = self.build()
        if not data.category:
            raise ValidationError("category", self.tr("Choose a category."))
        try:
            self.taxonomy.get(data.category)
        except UnknownCategoryError as exc:
            raise ValidationError("category", exc.message) from None
        return data.cleaned()


class BenefitDialog(ValidatingDialog[BenefitInput]):
    """What was got in return: a service, a discount, money …"""

    def __init__(self, initial: BenefitInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Edit benefit") if initial else self.tr("Add benefit"), parent)
        kinds = {
            "service": self.tr("A service (used without paying)"),
            "discount": self.tr("A discount"),
            "money": self.tr("Money"),
            "points": self.tr("Points, vouchers or credit"),
            "content": self.tr("Content (articles, music, video)"),
            "convenience": self.tr("Convenience (saved time or effort)"),
            "other": self.tr("Something else"),
        }
        periods = {
            "once": self.tr("once"),
            "month": self.tr("per month"),
            "year": self.tr("per year"),
        }
        self.kind = combo(kinds, BENEFIT_KINDS)
        self.description = line_edit()
        self.value_edit = line_edit(self.tr("e.g. 4.99 — empty if unknown"))
        self.value_edit.setAccessibleName(self.tr("Value in euros"))
        self.period = combo(periods, PERIODS)
        self.started_on = date_field()
        self.ended_on = date_field()
        self.add_field("kind", self.tr("&Kind:"), self.kind)
        self.add_field("description", self.tr("&Description:"), self.description)
        self.add_field("value", self.tr("&Value (€):"), self.value_edit)
        self.add_field("period", self.tr("&Period:"), self.period)
        self.add_field("from", self.tr("&From:"), self.started_on)
        self.add_field("until", self.tr("&Until:"), self.ended_on)
        self.finish_layout()
        self.set_input(initial or BenefitInput(kind="service"))

    def set_input(self, data: BenefitInput) -> None:
        select(self.kind, data.kind)
        self.description.setText(data.description)
        cents = data.value_cents
        self.value_edit.setText("" if cents is None else f"{cents // 100}.{cents % 100:02d}")
        select(self.period, data.period)
        self.started_on.setText(data.started_on or "")
        self.ended_on.setText(data.ended_on or "")

    def value_cents(self) -> int | None:
        """What the value field says in cents; None when empty (unknown)."""
        text = self.value_edit.text().replace("\u202f", "").replace(" ", "")
        if not text:
            return None
        try:
            return parse_cents(text)
        except MoneyError as exc:
            raise ValidationError("value", error_text(exc)) from None

    def build(self) -> BenefitInput:
        return BenefitInput(
            kind=str(self.kind.currentData()),
            description=self.description.text(),
            value_cents=self.value_cents(),
            period=str(self.period.currentData()),
            started_on=optional(self.started_on),
            ended_on=optional(self.ended_on),
        )


class AccountDialog(ValidatingDialog[AccountInput]):
    """An account with the organisation: how you are known there and its state."""

    def __init__(self, initial: AccountInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Edit account") if initial else self.tr("Add account"), parent)
        statuses = {
            "active": self.tr("Active"),
            "dormant": self.tr("Dormant (not used for a while)"),
            "closed": self.tr("Closed"),
            "erasure_requested": self.tr("Erasure requested"),
            "erased": self.tr("Erased"),
        }
        self.identifier = line_edit(self.tr("email address, username or customer number"))
        self.status = combo(statuses, ACCOUNT_STATUSES)
        self.first_used = date_field()
        self.last_used = date_field()
        self.notes = text_area(4)
        self.add_field("identifier", self.tr("&Identifier:"), self.identifier)
        self.add_field("status", self.tr("&Status:"), self.status)
        self.add_field("first used", self.tr("&First used:"), self.first_used)
        self.add_field("last used", self.tr("&Last used:"), self.last_used)
        self.add_field("notes", self.tr("&Notes:"), self.notes)
        self.finish_layout()
        self.set_input(initial or AccountInput())

    def set_input(self, data: AccountInput) -> None:
        self.identifier.setText(data.identifier)
        select(self.status, data.status)
        self.first_used.setText(data.first_used or "")
        self.last_used.setText(data.last_used or "")
        self.notes.setPlainText(data.notes)

    def build(self) -> AccountInput:
        return AccountInput(
            identifier=self.identifier.text(),
            status=str(self.status.currentData()),
            first_used=optional(self.first_used),
            last_used=optional(self.last_used),
            notes=self.notes.toPlainText(),
        )


class ProfileDialog(ValidatingDialog[ProfileInput]):
    """Who you are, as the letters to organisations will say it."""

    def __init__(self, initial: ProfileInput, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Your details"), parent)
        self.name = line_edit()
        self.address = text_area(4)
        self.emails = text_area(3)
        self.emails.setAccessibleName(self.tr("Email addresses, one per line"))
        self.phone = line_edit()
        self.country = line_edit(self.tr("NL, BE, DE …"))
        self.country.setAccessibleName(self.tr("Country, two-letter code"))
        self.country.setMaximumWidth(self.country.fontMetrics().horizontalAdvance("M") * 8)
        intro = self.tr("Kept only in your encrypted ledger; used to fill in your letters.")
        self.body.insertWidget(0, plain_label(intro))
        self.add_field("name", self.tr("&Name:"), self.name)
        self.add_field("address", self.tr("Postal &address:"), self.address)
        self.add_field("email", self.tr("&Email addresses:"), self.emails)
        self.add_field("phone", self.tr("&Phone:"), self.phone)
        self.add_field("country", self.tr("&Country:"), self.country)
        self.finish_layout()
        self.set_input(initial)

    def set_input(self, data: ProfileInput) -> None:
        self.name.setText(data.name)
        self.address.setPlainText(data.postal_address)
        self.emails.setPlainText("\n".join(data.emails))
        self.phone.setText(data.phone)
        self.country.setText(data.country)

    def build(self) -> ProfileInput:
        return ProfileInput(
            name=self.name.text(),
            postal_address=self.address.toPlainText(),
            emails=lines_of(self.emails.toPlainText()),
            phone=self.phone.text(),
            country=self.country.text(),
        )
