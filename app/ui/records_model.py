"""Small tables of one organisation's accounts, data given and what was got."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.ui.formatting import QT_TRANSLATE_NOOP, format_date, format_money, term
from app.ui.widgets import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]


def _yes_no(value: Any) -> str:
    return "—" if value is None else term("yes" if value else "no")


def _text(key: str) -> Callable[[Row], str]:
    return lambda row: str(row.get(key) or "")


def _date(key: str) -> Callable[[Row], str]:
    return lambda row: format_date(row.get(key), unknown="")


def _term(key: str) -> Callable[[Row], str]:
    """A vocabulary word (kind, status, how it was collected) in the person's language."""
    return lambda row: term(str(row[key]).replace("_", " ")) if row.get(key) else ""


COLUMNS: dict[str, list[tuple[str, Callable[[Row], str]]]] = {
    "disclosures": [
        (
            QT_TRANSLATE_NOOP("RecordsModel", "Category"),
            lambda r: str(r.get("category_label") or r["category"]),
        ),
        (QT_TRANSLATE_NOOP("RecordsModel", "Detail"), _text("detail")),
        (QT_TRANSLATE_NOOP("RecordsModel", "When"), _date("given_on")),
        (QT_TRANSLATE_NOOP("RecordsModel", "How"), _term("collection_method")),
        (QT_TRANSLATE_NOOP("RecordsModel", "Purpose"), _text("purpose")),
        (QT_TRANSLATE_NOOP("RecordsModel", "Legal basis"), _term("legal_basis")),
        (QT_TRANSLATE_NOOP("RecordsModel", "Required by them"), lambda r: _yes_no(r["required"])),
        (
            QT_TRANSLATE_NOOP("RecordsModel", "Needed for the service"),
            lambda r: _yes_no(r["necessary"]),
        ),
        (QT_TRANSLATE_NOOP("RecordsModel", "Shared"), lambda r: _yes_no(r["shared"])),
        (QT_TRANSLATE_NOOP("RecordsModel", "Continuous"), lambda r: _yes_no(r["continuous"])),
        (QT_TRANSLATE_NOOP("RecordsModel", "Retention"), _text("retention")),
        (QT_TRANSLATE_NOOP("RecordsModel", "Consent withdrawn"), _date("consent_withdrawn_on")),
    ],
    "benefits": [
        (QT_TRANSLATE_NOOP("RecordsModel", "Kind"), _term("kind")),
        (QT_TRANSLATE_NOOP("RecordsModel", "Description"), _text("description")),
        (
            QT_TRANSLATE_NOOP("RecordsModel", "Value"),
            lambda r: format_money(r["value_cents"], unknown=term("unknown")),
        ),
        (QT_TRANSLATE_NOOP("RecordsModel", "Per"), _term("period")),
        (QT_TRANSLATE_NOOP("RecordsModel", "From"), _date("started_on")),
        (QT_TRANSLATE_NOOP("RecordsModel", "Until"), _date("ended_on")),
    ],
    "accounts": [
        (QT_TRANSLATE_NOOP("RecordsModel", "Identifier"), _text("identifier")),
        (QT_TRANSLATE_NOOP("RecordsModel", "Status"), _term("status")),
        (QT_TRANSLATE_NOOP("RecordsModel", "First used"), _date("first_used")),
        (QT_TRANSLATE_NOOP("RecordsModel", "Last used"), _date("last_used")),
    ],
}


class RecordsModel(QAbstractTableModel):
    def __init__(self, table: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = table
        self.columns = COLUMNS[table]
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_id(self, row: int) -> int | None:
        return int(self.rows[row]["id"]) if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.columns[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        text = self.columns[index.column()][1](self.rows[index.row()])
        if role == Qt.ItemDataRole.ToolTipRole:  # Qt reads tooltips as rich text: escaped
            return plain_tooltip(text) if text else None
        return text
