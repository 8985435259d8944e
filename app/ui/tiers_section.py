"""The tiers an organisation offers, side by side (data asked, value got, each step up's data
against its value, chosen, fair), and the dialog for one tier. The section edits through a
TierService and emits `changed(org_id)`. Delete asks nothing: "Undo delete" puts the tier back
(one level, kept until the next delete or until another organisation is shown)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QBoxLayout, QListWidget, QPushButton, QTableView, QWidget

from app.domain.assessment import Weights
from app.domain.ledger import PERIODS, ValidationError
from app.domain.money import MoneyError, parse_cents
from app.domain.taxonomy import Taxonomy
from app.errors import QuidError
from app.services.tiers import TierComparison, TierInput, TierService
from app.ui.category_picker import CategoryPicker
from app.ui.error_text import error_text
from app.ui.form_dialog import ValidatingDialog, combo, line_edit, select, text_area
from app.ui.formatting import term, tr
from app.ui.icons import icon, set_button_icons
from app.ui.tiers_model import (  # noqa: F401  (FAIR_COLUMN, STEP_COLUMN: tests)
    _ENTER,
    FAIR_COLUMN,
    KEY_ROLE,
    PERIOD_WORDS,
    STEP_COLUMN,
    WRAP_WIDTHS,
    TiersModel,
    signed,
    tooltip,
)
from app.ui.widgets import heading_label, plain_label, show_error, tell


class TierDialog(ValidatingDialog[TierInput]):
    """One tier: its name, what it brings, the data it asks, whether it is the one chosen."""

    def __init__(self, taxonomy: Taxonomy, initial: TierInput | None = None,
                 parent: QWidget | None = None, *, lang: str = "en") -> None:  # fmt: skip
        super().__init__(self.tr("Edit tier") if initial else self.tr("Add tier"), parent)
        self.taxonomy = taxonomy
        self.name = line_edit(self.tr("e.g. Basic, Loyalty card, Personalised"))
        self.description = text_area(2)
        self.value_edit = line_edit(self.tr("e.g. 8.00 — empty if unknown"))
        self.value_edit.setAccessibleName(self.tr("Value it brings, in euros"))
        self.period = combo({p: term(w) for p, w in PERIOD_WORDS.items()}, PERIODS)
        self.picker = CategoryPicker(taxonomy, lang)
        self.add_button = QPushButton(self.tr("A&dd category"))
        self.categories = QListWidget()
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected category"))
        self.add_field("name", self.tr("&Name:"), self.name)
        self.add_field("description", self.tr("D&escription:"), self.description)
        self.add_field("value", self.tr("&Value it brings (€):"), self.value_edit)
        self.add_field("period", self.tr("&Per:"), self.period)
        self.add_field("category", self.tr("&Find data:"), self.picker, focus=self.picker.search)
        self.form.addRow("", self.add_button)
        self.add_field("categories", self.tr("Data it &asks:"), self.categories)
        self.form.addRow("", self.remove_button)
        for button in (self.add_button, self.remove_button):
            button.setMaximumWidth(button.sizeHint().width())
        self.chosen = self.add_check(self.tr("This is the tier I &chose"))
        self.finish_layout()
        ok = self.ok_button()  # default again now that it is in the dialog (Qt ignores a repeat):
        ok.setDefault(False)  # Enter means OK, not "Add category"
        ok.setDefault(True)
        chain = [self.picker.search, self.picker.list, self.add_button, self.categories]
        for first, second in zip(chain, [*chain[1:], self.remove_button], strict=True):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(self.remove_button, self.chosen)
        self.add_button.clicked.connect(self.add_category)
        self.remove_button.clicked.connect(self.remove_category)
        self.picker.list.doubleClicked.connect(lambda _index: self.add_category())
        for widget in (self.picker.search, self.picker.list, self.categories):
            widget.installEventFilter(self)
        self.set_input(initial or TierInput(name=""))

    def set_input(self, data: TierInput) -> None:
        self.name.setText(data.name)
        self.description.setPlainText(data.description)
        cents = data.value_cents
        self.value_edit.setText("" if cents is None else f"{cents // 100}.{cents % 100:02d}")
        select(self.period, data.period)
        self.categories.clear()
        for key in data.categories:
            self._append(key)
        self.chosen.setChecked(data.chosen)

    # --- the list of categories ---------------------------------------------------------
    def category_keys(self) -> tuple[str, ...]:
        items = (self.categories.item(i) for i in range(self.categories.count()))
        return tuple(str(item.data(KEY_ROLE)) for item in items)

    def _append(self, key: str) -> None:
        known = key in self.taxonomy
        text = (
            self.picker.item_text(self.taxonomy.get(key))
            if known
            else tr("{key} (unknown)").format(key=key)
        )
        self.categories.addItem(text)
        self.categories.item(self.categories.count() - 1).setData(KEY_ROLE, key)

    def add_category(self) -> bool:
        """Add the picked category to the list; False when none is picked or it is there."""
        key = self.picker.category()
        show_error(self.errors["category"], "" if key else self.tr("Pick a category first."))
        if key is None or key in self.category_keys():
            return False
        self._append(key)
        self.categories.setCurrentRow(self.categories.count() - 1)
        return True

    def remove_category(self) -> None:
        row = self.categories.currentRow()
        if row >= 0:
            self.categories.takeItem(row)
            self.categories.setCurrentRow(min(row, self.categories.count() - 1))

    def _picked_is_highlighted(self) -> bool:
        """Has the picker already picked what Enter would pick? (Then Enter adds it.)"""
        key, model = self.picker.category(), self.picker.model
        current = self.picker.list.currentIndex()
        row = current.row() if current.isValid() else 0
        return key is not None and (not model.rowCount() or model.key_at(row) == key)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the search field picks, then adds, then (once added) is OK; Enter in the
        result list adds; Delete in the list of categories removes."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, search = event.key(), watched is self.picker.search
            if key in _ENTER and (watched is self.picker.list or search):
                if search and not self._picked_is_highlighted():
                    return False  # the picker picks it first
                return self.add_category() or not search
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and watched is self.categories:
                self.remove_category()
                return True
        return super().eventFilter(watched, event)

    # --- validation ---------------------------------------------------------------------
    def value_cents(self) -> int | None:
        text = self.value_edit.text().replace("\u202f", "").replace(" ", "")
        try:
            return parse_cents(text) if text else None
        except MoneyError as exc:
            raise ValidationError("value", error_text(exc)) from None

    def build(self) -> TierInput:
        return TierInput(
            self.name.text(), self.description.toPlainText(), self.category_keys(),
            self.value_cents(), str(self.period.currentData()), self.chosen.isChecked(),
        )  # fmt: skip

    def validate(self) -> TierInput:
        return self.build().cleaned(self.taxonomy)


class TiersSection(QWidget):
    """Heading, the comparison table, Add / Edit / Delete / Choose, the advice under it."""

    changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, lang: str = "en") -> None:
        super().__init__(parent)
        self.lang = lang
        self.service: TierService | None = None
        self.org_id: int | None = None
        self.weights: tuple[Weights | None, Mapping[str, int] | None] = (None, None)
        self.comparison: TierComparison | None = None
        self.undo_snapshot: dict[str, Any] | None = None
        title = self.tr("Tiers they offer")
        self.model = TiersModel(self, lang)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(title)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setMinimumHeight(130)
        texts = self.tr("Add…"), self.tr("Edit…"), self.tr("Delete"), self.tr("Choose this tier")
        buttons = [QPushButton(text) for text in texts]
        self.add_button, self.edit_button, self.delete_button, self.choose_button = buttons
        self.undo_button = QPushButton()
        set_button_icons(self, "add", "edit", "delete")
        self.choose_button.setIcon(icon("check"))
        self.undo_button.setIcon(icon("undo"))
        self.advice = plain_label(selectable=True)
        self.advice.setAccessibleName(self.tr("Advice on the tiers"))
        header = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        header.addWidget(heading_label(title), 1)
        for button in buttons:
            button.setAccessibleName(f"{button.text().rstrip('…')} — {title}")
        for button in buttons[:3]:
            header.addWidget(button)
        # "Choose this tier" acts on the selected row, so it sits under the table (which also
        # keeps the header as narrow as the other sections' in a narrow pane)
        under = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        under.addWidget(self.choose_button)
        under.addWidget(self.undo_button)
        under.addStretch()
        layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.view)
        layout.addLayout(under)
        layout.addWidget(self.advice)
        self.add_button.clicked.connect(self.add_tier)
        self.edit_button.clicked.connect(self.edit_tier)
        self.delete_button.clicked.connect(self.delete_tier)
        self.choose_button.clicked.connect(self.choose_tier)
        self.undo_button.clicked.connect(self.undo_delete)
        self.view.doubleClicked.connect(lambda _index: self.edit_tier())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.clear()

    # --- public API ---------------------------------------------------------------------
    def attach(
        self, service: TierService, weights: Weights | None = None,
        values: Mapping[str, int] | None = None,
    ) -> None:  # fmt: skip
        """Use `service`, with the person's weights and own category values (Settings) for the
        comparison; attach again when those change."""
        self.service, self.weights = service, (weights, values)
        self.refresh()

    def show_organisation(self, org_id: int) -> None:
        if org_id != self.org_id:
            self._set_undo(None)
        self.org_id = org_id
        self.refresh()

    def clear(self) -> None:
        self.org_id = None
        self._set_undo(None)
        self.refresh()

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].tier.id if rows else None

    def refresh(self, select_id: int | None = None) -> None:
        """Compare the shown organisation's tiers again; keep (or move) the selection."""
        keep = select_id if select_id is not None else self.selected_id()
        service, org_id = self.service, self.org_id
        self.comparison = None
        if service is not None and org_id is not None:
            self.comparison = service.compare(org_id, *self.weights, lang=self.lang)
        self.model.set_comparison(self.comparison, service.taxonomy if service else Taxonomy([]))
        self.view.resizeColumnsToContents()
        for column, width in WRAP_WIDTHS.items():
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), width))
        self.view.resizeRowsToContents()
        if (row := self.model.row_of(keep)) >= 0:
            self.view.selectRow(row)
        self.advice.setText(self.comparison.advice if self.comparison else "")
        self.add_button.setEnabled(self.comparison is not None)
        self._update_buttons()

    # --- actions ------------------------------------------------------------------------
    def _apply(self, action: Callable[[TierService], Any], select_id: int | None = None) -> Any:
        """One change, then refresh, select and emit `changed`; a problem is told (plain text)."""
        if self.service is None or self.org_id is None:
            return None
        try:
            result = action(self.service)
        except QuidError as exc:
            tell(self, self.tr("Tiers"), error_text(exc), warning=True)
            self.refresh()
            return None
        self.refresh(result if select_id is None and isinstance(result, int) else select_id)
        self.changed.emit(self.org_id)
        return result

    def _ask(self, initial: TierInput | None) -> TierInput | None:
        """The tier dialog; the cleaned input when it was accepted."""
        assert self.service is not None
        dialog = TierDialog(self.service.taxonomy, initial, self, lang=self.lang)
        accepted = dialog.exec() == TierDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.value() if accepted else None

    def add_tier(self) -> None:
        org_id = self.org_id
        if self.service is not None and org_id is not None and (data := self._ask(None)):
            self._apply(lambda s: s.add(org_id, data))

    def edit_tier(self) -> None:
        tier_id = self.selected_id()
        if self.service is not None and tier_id is not None:
            data = self._ask(self.service.tier(tier_id).as_input())
            if data is not None:
                self._apply(lambda s: s.update(tier_id, data), tier_id)

    def delete_tier(self) -> None:
        tier_id = self.selected_id()
        if tier_id is not None and (snapshot := self._apply(lambda s: s.delete(tier_id))):
            self._set_undo(snapshot)

    def undo_delete(self) -> None:
        snapshot = self.undo_snapshot
        if snapshot is not None:
            self._set_undo(None)
            self._apply(lambda s: s.restore(snapshot), int(snapshot["tiers"][0]["id"]))

    def choose_tier(self) -> None:
        tier_id = self.selected_id()
        if tier_id is not None:
            self._apply(lambda s: s.choose(tier_id), tier_id)

    def _set_undo(self, snapshot: dict[str, Any] | None) -> None:
        self.undo_snapshot = snapshot
        name = str(snapshot["tiers"][0]["name"]) if snapshot else ""
        short = (name[:40] + "…" if len(name) > 40 else name).replace("&", "&&")  # no mnemonic
        self.undo_button.setText(self.tr("Undo delete of “{name}”").format(name=short))
        self.undo_button.setVisible(snapshot is not None)

    def _update_buttons(self) -> None:
        tier_id = self.selected_id()
        self.edit_button.setEnabled(tier_id is not None)
        self.delete_button.setEnabled(tier_id is not None)
        chosen = self.comparison is not None and self.comparison.chosen_id == tier_id
        self.choose_button.setEnabled(tier_id is not None and not chosen)
