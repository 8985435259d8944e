"""Small tables of one organisation's accounts, data given and what was got."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.money import format_cents
from app.ui.widgets import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]


def _yes_no(value: Any) -> str:
    return "—" if value is None else ("yes" if value else "no")


def _text(key: str) -> Callable[[Row], str]:
    return lambda row: str(row.get(key) or "")


COLUMNS: dict[str, list[tuple[str, Callable[[Row], str]]]] = {
    "disclosures": [
        ("Category", lambda r: str(r.get("category_label") or r["category"])),
        ("Detail", _text("detail")),
        ("When", _text("given_on")),
        ("How", lambda r: str(r["collection_method"]).replace("_", " ")),
        ("Purpose", _text("purpose")),
        ("Legal basis", _text("legal_basis")),
        ("Required by them", lambda r: _yes_no(r["required"])),
        ("Needed for the service", lambda r: _yes_no(r["necessary"])),
        ("Shared", lambda r: _yes_no(r["shared"])),
        ("Continuous", lambda r: _yes_no(r["continuous"])),
        ("Retention", _text("retention")),
        ("Consent withdrawn", _text("consent_withdrawn_on")),
    ],
    "benefits": [
        ("Kind", _text("kind")),
        ("Description", _text("description")),
        ("Value", lambda r: format_cents(r["value_cents"], unknown="unknown")),
        ("Per", lambda r: {"once": "once", "month": "month", "year": "year"}[r["period"]]),
        ("From", _text("started_on")),
        ("Until", _text("ended_on")),
    ],
    "accounts": [
        ("Identifier", _text("identifier")),
        ("Status", lambda r: str(r["status"]).replace("_", " ")),
        ("First used", _text("first_used")),
        ("Last used", _text("last_used")),
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
