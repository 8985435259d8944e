"""The organisations table: rows come from SQL a page at a time; sorting and filtering are
SQL too (no QSortFilterProxyModel over Python `data()` — that costs seconds at 100k rows)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.services.ledger_queries import (
    OrganisationFilter,
    OrganisationRow,
    count_organisations,
    organisation_rows,
)
from app.storage.database import Connection
from app.ui.formatting import QT_TRANSLATE_NOOP, format_money, term
from app.ui.widgets import plain_tooltip

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_COUNTRY, COL_CATEGORIES, COL_SENSITIVITY, COL_VALUE, COL_STATUS, COL_BAND = range(7)
SORT_KEYS = ("name", "country", "categories", "sensitivity", "value", "status", "band")
# Band colours: a tint behind the word, never the word's only signal.
BAND_COLOURS = {
    "fair": "#c8e6c9",
    "questionable": "#ffe0b2",
    "unbalanced": "#ffcdd2",
    "coerced": "#ef9a9a",
}
PAGE_SIZE = 200
MAX_PAGES = 20  # a small cache: scrolling far away re-queries, memory stays flat

SENSITIVITY_TEXT = {
    0: "—",
    1: QT_TRANSLATE_NOOP("OrganisationsModel", "1 · low"),
    2: QT_TRANSLATE_NOOP("OrganisationsModel", "2 · behaviour"),
    3: QT_TRANSLATE_NOOP("OrganisationsModel", "3 · financial/ID"),
    4: QT_TRANSLATE_NOOP("OrganisationsModel", "4 · special"),
}
#: account status → its words (translated with formatting.term)
STATUS_TEXT = {
    "": "—",
    "active": "active",
    "dormant": "dormant",
    "closed": "closed",
    "erasure_requested": "erasure requested",
    "erased": "erased",
}


class OrganisationsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._conn: Connection | None = None
        self._filter = OrganisationFilter()
        self._sort = "name"
        self._descending = False
        self._count = 0
        self._pages: dict[int, list[OrganisationRow]] = {}
        self.headers = [
            self.tr("Organisation"),
            self.tr("Country"),
            self.tr("Categories"),
            self.tr("Sensitivity"),
            self.tr("Got / month"),
            self.tr("Account"),
            self.tr("Balance"),
        ]
        self.header_tips = [
            "",
            "",
            self.tr("How many kinds of personal data you gave them"),
            self.tr("The most sensitive data they hold (4: special categories, GDPR Art. 9)"),
            self.tr("What you got from them, per month"),
            self.tr("Your account with them"),
            self.tr("Fair, questionable, unbalanced or coerced — see the detail for why"),
        ]

    # --- state ---------------------------------------------------------------------------
    def attach(self, conn: Connection) -> None:
        self._conn = conn
        self.reload()

    def clear(self) -> None:
        """On lock: forget the connection and every cached row."""
        self.beginResetModel()
        self._conn = None
        self._count = 0
        self._pages.clear()
        self.endResetModel()

    def set_filter(self, f: OrganisationFilter) -> None:
        if f != self._filter:
            self._filter = f
            self.reload()

    @property
    def current_filter(self) -> OrganisationFilter:
        return self._filter

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = count_organisations(self._conn, self._filter) if self._conn else 0
        self.endResetModel()

    def row_at(self, row: int) -> OrganisationRow | None:
        if self._conn is None or not 0 <= row < self._count:
            return None
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            if len(self._pages) >= MAX_PAGES:
                self._pages.pop(next(iter(self._pages)))
            page = organisation_rows(
                self._conn, self._filter, self._sort, self._descending,
                offset=page_no * PAGE_SIZE, limit=PAGE_SIZE,
            )  # fmt: skip
            self._pages[page_no] = page
        offset = row - page_no * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def row_of(self, org_id: int) -> int | None:
        """The row showing `org_id` among the loaded pages (after a reload: page by page)."""
        for row in range(self._count):
            found = self.row_at(row)
            if found is not None and found.id == org_id:
                return row
            if row > 5000:  # give up on huge lists; the caller clears the selection instead
                return None
        return None

    # --- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips[section] or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.UserRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if column != COL_BAND or row.band not in BAND_COLOURS:
                return None
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#202020")  # dark text on the light tint, in any palette
            return QColor(BAND_COLOURS[row.band])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (COL_CATEGORIES, COL_VALUE):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if column == COL_NAME:  # the tooltip shows a name cut short whole, escaped
            return plain_tooltip(row.name) if role == Qt.ItemDataRole.ToolTipRole else row.name
        if column == COL_COUNTRY:
            return row.country
        if column == COL_CATEGORIES:
            return str(row.categories)
        if column == COL_SENSITIVITY:
            return self.tr(SENSITIVITY_TEXT.get(row.max_sensitivity, str(row.max_sensitivity)))
        if column == COL_VALUE:
            return format_money(row.value_month_cents) if row.value_month_cents else "—"
        if column == COL_BAND:
            return term(row.band) if row.band else "—"
        return term(STATUS_TEXT.get(row.account_status, row.account_status))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = SORT_KEYS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
