"""Choose a personal-data category: a search field over the taxonomy and a list of results."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QVBoxLayout, QWidget

from app.domain.taxonomy import Category, Taxonomy, UnknownCategoryError
from app.ui.widgets import plain_label

KEY_ROLE = Qt.ItemDataRole.UserRole
SEARCH_LIMIT = 50
_NAVIGATION_KEYS = {  # key → how many rows it moves
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageDown: 10,
    Qt.Key.Key_PageUp: -10,
}
_ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
AnyIndex = QModelIndex | QPersistentModelIndex


class CategoryModel(QAbstractListModel):
    """Categories as list rows: "label — key", plus " · special category" where it applies."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._categories: list[Category] = []
        self._texts: list[str] = []

    def set_categories(self, categories: list[Category], texts: list[str]) -> None:
        self.beginResetModel()
        self._categories = categories
        self._texts = texts
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._categories)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._categories):
            return None
        row = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._texts[row]
        if role == KEY_ROLE:
            return self._categories[row].key
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._categories[row].definition_en or None
        return None

    def key_at(self, row: int) -> str:
        return self._categories[row].key

    def text_at(self, row: int) -> str:
        return self._texts[row]

    def row_of(self, key: str | None) -> int:
        for row, category in enumerate(self._categories):
            if category.key == key:
                return row
        return -1


class CategoryPicker(QWidget):
    """Search field + result list. Arrow keys in the field move in the list; Enter picks.

    Enter in the search field picks the highlighted (or first) result and is consumed; once the
    highlighted result is already the chosen one, Enter goes on to the dialog (which accepts).
    """

    changed = Signal(str)

    def __init__(self, taxonomy: Taxonomy, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.taxonomy = taxonomy
        self.lang = lang
        self._key: str | None = None
        self._filling = False

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search categories…"))
        self.search.setAccessibleName(self.tr("Search categories"))
        self.search.setClearButtonEnabled(True)
        self.model = CategoryModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Categories"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setMinimumHeight(160)
        self.chosen = plain_label(self.tr("No category chosen yet."))
        self.chosen.setAccessibleName(self.tr("Chosen category"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.chosen)
        self.setFocusProxy(self.search)
        self.setTabOrder(self.search, self.list)

        self.search.textChanged.connect(self._refill)
        self.search.installEventFilter(self)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self._refill()

    # --- public API -------------------------------------------------------------------------
    def category(self) -> str | None:
        return self._key

    def set_category(self, key: str | None) -> None:
        self._choose(key or None)
        self._select_in_list()

    # --- behaviour --------------------------------------------------------------------------
    def item_text(self, category: Category) -> str:
        text = self.tr("{label} — {key}").format(label=category.label(self.lang), key=category.key)
        if category.special:
            text += self.tr(" · special category")
        return text

    def _results(self) -> list[Category]:
        """Matches, common categories first; an empty search lists every category."""
        text = self.search.text().strip()
        if text:
            return self.taxonomy.search(text, lang=self.lang, limit=SEARCH_LIMIT)
        return self.taxonomy.search("", lang=self.lang, limit=len(self.taxonomy))

    def _refill(self) -> None:
        results = self._results()
        self._filling = True
        try:
            self.model.set_categories(results, [self.item_text(c) for c in results])
            self._select_in_list()
        finally:
            self._filling = False

    def _select_in_list(self) -> None:
        was_filling, self._filling = self._filling, True
        try:
            row = self.model.row_of(self._key)
            index = self.model.index(row, 0) if row >= 0 else QModelIndex()
            self.list.setCurrentIndex(index)
            if row >= 0:
                self.list.scrollTo(index)
        finally:
            self._filling = was_filling

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._filling:
            self._choose(self.model.key_at(current.row()))

    def _choose(self, key: str | None) -> None:
        if key == self._key:
            return
        self._key = key
        if key is None:
            self.chosen.setText(self.tr("No category chosen yet."))
        else:
            try:
                shown = self.item_text(self.taxonomy.get(key))
            except UnknownCategoryError:
                shown = self.tr("{key} (not in the taxonomy)").format(key=key)
            self.chosen.setText(self.tr("Chosen: {category}").format(category=shown))
        self.changed.emit(key or "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            count = self.model.rowCount()
            if event.key() in _NAVIGATION_KEYS and count:
                row = self.list.currentIndex().row()
                step = _NAVIGATION_KEYS[Qt.Key(event.key())]
                row = 0 if row < 0 else max(0, min(count - 1, row + step))
                self.list.setCurrentIndex(self.model.index(row, 0))
                return True
            if event.key() in _ENTER_KEYS:
                return self._pick_from_search()
        return super().eventFilter(watched, event)

    def _pick_from_search(self) -> bool:
        """Enter in the search field: pick the highlighted or first result. True if consumed."""
        if not self.model.rowCount():
            return False
        current = self.list.currentIndex()
        row = current.row() if current.isValid() else 0
        key = self.model.key_at(row)
        if key == self._key:
            return False
        self.list.setCurrentIndex(self.model.index(row, 0))
        self._choose(key)
        return True
