"""Settings of the assessment: every weight and every category's monthly value, each with
where it comes from, and "Reset to defaults"."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.assessment import Weights
from app.domain.money import MoneyError, format_cents, parse_cents
from app.domain.taxonomy import Taxonomy
from app.services.assessment import AssessmentService
from app.ui.focus_order import tab_buttons_left_to_right
from app.ui.formatting import QT_TR_NOOP, tr, ui_language
from app.ui.widgets import plain_label, tell

Index = QModelIndex | QPersistentModelIndex

WEIGHT_TEXT = {
    "continuous": QT_TR_NOOP("× for data collected continuously (location, browsing)"),
    "shared": QT_TR_NOOP("× for data shared with third parties"),
    "special": QT_TR_NOOP("× for special-category data (GDPR Art. 9) and criminal data (Art. 10)"),
    "unknown_retention": QT_TR_NOOP("× when you do not know how long they keep it"),
    "combination_per_category": QT_TR_NOOP(
        "+ per extra category combined (a profile is worth more)"
    ),
    "combination_cap": QT_TR_NOOP("the most the combination can multiply by"),
    "questionable_ratio": QT_TR_NOOP("given ÷ got above this: questionable"),
    "unbalanced_ratio": QT_TR_NOOP("given ÷ got above this: unbalanced"),
    "dormant_months": QT_TR_NOOP("months without use before an account counts as dormant"),
    "once_spread_months": QT_TR_NOOP("months a one-off benefit is spread over (at least)"),
}


class CategoryValuesModel(QAbstractTableModel):
    HEADERS = (QT_TR_NOOP("Category"), QT_TR_NOOP("Default per month"), QT_TR_NOOP("Source"),
               QT_TR_NOOP("Your value per month"))  # fmt: skip

    def __init__(self, taxonomy: Taxonomy, own: dict[str, int], parent: Any = None) -> None:
        super().__init__(parent)
        self.categories = sorted(taxonomy.all(), key=lambda c: c.label_en.casefold())
        self.own = dict(own)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.categories)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 3 else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        category = self.categories[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None  # fmt: skip
        column = index.column()
        if column == 0:
            return category.label(ui_language())
        if column == 1:
            return format_cents(category.monthly_value_cents)
        if column == 2:
            return category.value_source
        own = self.own.get(category.key)
        if role == Qt.ItemDataRole.EditRole:
            return "" if own is None else f"{own / 100:.2f}"
        return "" if own is None else format_cents(own)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != 3 or role != Qt.ItemDataRole.EditRole:
            return False
        key = self.categories[index.row()].key
        text = str(value).strip()
        if not text:
            self.own.pop(key, None)
        else:
            try:
                self.own[key] = parse_cents(text)
            except MoneyError:
                return False
        self.dataChanged.emit(index, index)
        return True


class AssessmentSettingsDialog(QDialog):
    def __init__(self, service: AssessmentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Assessment settings"))
        self.resize(820, 600)
        self.inputs: dict[str, QSpinBox | QDoubleSpinBox] = {}
        weights_page = QWidget()
        form = QFormLayout(weights_page)
        form.addRow(plain_label(self.tr(
            "How Quid weighs what you gave against what you got. The defaults follow the "
            "published figures in Quid's sources; change any of them to your own judgement."
        )))  # fmt: skip
        for f in fields(Weights):
            box: QSpinBox | QDoubleSpinBox
            if f.type in ("int", int):
                box = QSpinBox()
                box.setRange(0, 240)
            else:
                box = QDoubleSpinBox()
                box.setRange(0.0, 100.0)
                box.setDecimals(2)
                box.setSingleStep(0.05)
            box.setAccessibleName(tr(WEIGHT_TEXT[f.name]))
            self.inputs[f.name] = box
            form.addRow(tr(WEIGHT_TEXT[f.name]) + ":", box)
        self.values_model = CategoryValuesModel(service.taxonomy, service.category_values(), self)
        self.values_view = QTableView()
        self.values_view.setModel(self.values_model)
        self.values_view.setAccessibleName(self.tr("Monthly value of each category"))
        self.values_view.verticalHeader().hide()
        self.values_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.values_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.values_view.setColumnWidth(0, 200)
        self.values_filter = QLineEdit()
        self.values_filter.setPlaceholderText(self.tr("Find a category…"))
        self.values_filter.textChanged.connect(self._filter_values)
        values_page = QWidget()
        values_layout = QVBoxLayout(values_page)
        values_layout.addWidget(plain_label(self.tr(
            "What each kind of data is worth to you per month (euro). Leave 'Your value' empty "
            "to use the default."
        )))  # fmt: skip
        values_layout.addWidget(self.values_filter)
        values_layout.addWidget(self.values_view)
        tabs = QTabWidget()
        tabs.addTab(weights_page, self.tr("&Weights"))
        tabs.addTab(values_page, self.tr("&Values per category"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.reset)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        tab_buttons_left_to_right(buttons)
        self.show_weights(service.weights())

    def show_weights(self, weights: Weights) -> None:
        for name, value in asdict(weights).items():
            self.inputs[name].setValue(value)

    def chosen_weights(self) -> Weights:
        values = {name: box.value() for name, box in self.inputs.items()}
        return Weights(**values)  # type: ignore[arg-type]

    def _filter_values(self, text: str) -> None:
        needle = text.casefold()
        for row, category in enumerate(self.values_model.categories):
            hidden = bool(needle) and needle not in category.label_en.casefold()
            self.values_view.setRowHidden(row, hidden)

    def reset(self) -> None:
        self.show_weights(Weights())
        self.values_model.beginResetModel()
        self.values_model.own.clear()
        self.values_model.endResetModel()

    def save(self) -> None:
        weights = self.chosen_weights()
        if weights.questionable_ratio > weights.unbalanced_ratio:
            tell(self, self.tr("Not saved"), self.tr(
                "The 'questionable' ratio must not be above the 'unbalanced' one."),
                warning=True)  # fmt: skip
            return
        self.service.set_weights(weights)
        self.service.set_category_values(self.values_model.own)
        self.accept()
