"""The Organisations page: filter bar, the SQL-backed table, and the detail pane."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.assessment import Assessment
from app.errors import QuidError
from app.services.ledger import Ledger
from app.services.ledger_inputs import organisation_from_directory, record_input
from app.services.ledger_queries import OrganisationFilter
from app.ui.error_text import error_text
from app.ui.formatting import QT_TRANSLATE_NOOP, term, ui_language
from app.ui.icons import icon
from app.ui.ledger_commands import LedgerActions
from app.ui.organisation_detail import OrganisationDetail
from app.ui.organisations_model import COL_BAND, COL_NAME, STATUS_TEXT, OrganisationsModel
from app.ui.widgets import plain_html, tell

SENSITIVITY_CHOICES = (
    (QT_TRANSLATE_NOOP("OrganisationsView", "Any sensitivity"), 0),
    (QT_TRANSLATE_NOOP("OrganisationsView", "2 and higher"), 2),
    (QT_TRANSLATE_NOOP("OrganisationsView", "3 and higher"), 3),
    (QT_TRANSLATE_NOOP("OrganisationsView", "4 · special categories"), 4),
)


class OrganisationsView(QWidget):
    def __init__(self, actions: LedgerActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger_actions = actions
        self.ledger: Ledger | None = None
        self.assess: Callable[[int], Assessment | None] | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by name or domain…"))
        self.search.setAccessibleName(self.tr("Filter organisations"))
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Filter by category"))
        # sized by "Any category", not by the longest category, so the filter field beside it
        # keeps room for its hint; the list that drops down is as wide as its longest entry
        self.category.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.category.setMinimumContentsLength(len(self.tr("Any category")) + 2)
        self.sensitivity = QComboBox()
        self.sensitivity.setAccessibleName(self.tr("Filter by sensitivity"))
        for label, value in SENSITIVITY_CHOICES:
            self.sensitivity.addItem(self.tr(label), value)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Filter by account status"))
        self.status.addItem(self.tr("Any account"), None)
        for key, label in STATUS_TEXT.items():
            self.status.addItem(self.tr("No account") if not key else term(label), key or "none")
        self.band = QComboBox()
        self.band.setAccessibleName(self.tr("Filter by balance"))
        self.band.addItem(self.tr("Any balance"), None)
        for band in ("coerced", "unbalanced", "questionable", "fair"):
            self.band.addItem(term(band).capitalize(), band)
        self.add_button = QPushButton(self.tr("&Add organisation…"))
        self.add_button.setIcon(icon("add"))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.category)
        filters.addWidget(self.sensitivity)
        filters.addWidget(self.status)
        filters.addWidget(self.band)
        filters.addWidget(self.add_button)

        self.model = OrganisationsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Organisations"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(COL_NAME, 260)
        header.moveSection(COL_BAND, 1)  # the balance next to the name, where it is seen
        metrics = header.fontMetrics()
        for column in range(1, self.model.columnCount()):  # fit the header text, no row scan
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal, 0))
            header.resizeSection(column, max(metrics.horizontalAdvance(title) + 36, 80))
        header.resizeSection(COL_BAND, metrics.horizontalAdvance(self.tr("questionable")) + 24)
        self.detail = OrganisationDetail()
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._filter_timer.start)
        for combo in (self.category, self.sensitivity, self.status, self.band):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_organisation(self.current_id()))
        self.add_button.clicked.connect(self.add_organisation)
        self.detail.edit_requested.connect(self.edit_organisation)
        self.detail.delete_requested.connect(self.delete_organisation)
        self.detail.merge_requested.connect(self.merge_organisation)
        self.detail.letter_requested.connect(self.write_letter)
        for section in self.detail.sections.values():
            section.add_requested.connect(self.add_record)
            section.edit_requested.connect(self.edit_record)
            section.delete_requested.connect(self.delete_record)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table,
                  lambda: self.delete_organisation(self.current_id()))  # fmt: skip
        for enter in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the keyboard's double-click
            QShortcut(QKeySequence(enter), self.table, lambda: self.edit_organisation(
                self.current_id()), context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        actions.changed.connect(self._ledger_changed)

    # --- lifecycle -----------------------------------------------------------------------
    def attach(
        self, ledger: Ledger, assess: Callable[[int], Assessment | None] | None = None
    ) -> None:
        self.ledger = ledger
        self.assess = assess
        from app.services.tiers import TierService

        self.detail.tiers.attach(TierService(ledger.conn, ledger.taxonomy))
        self._fill_categories()
        self.model.attach(ledger.conn)

    def clear(self) -> None:
        self.ledger = None
        self.detail.tiers.service = None  # it holds the connection
        self.model.clear()
        self.detail.show_nothing()
        self.search.clear()
        self.category.clear()

    def _fill_categories(self) -> None:
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("Any category"), None)
        if self.ledger is not None:
            keys = [r[0] for r in self.ledger.conn.execute(
                "SELECT DISTINCT category FROM disclosures")]  # fmt: skip
            labelled = sorted((self._label(k), k) for k in keys)
            for label, key in labelled:
                self.category.addItem(label, key)
        index = self.category.findData(chosen)
        self.category.setCurrentIndex(max(index, 0))
        list_view = self.category.view()
        list_view.setMinimumWidth(list_view.sizeHintForColumn(0) + 32)
        self.category.blockSignals(False)

    def _label(self, key: str) -> str:
        assert self.ledger is not None
        try:
            return str(self.ledger.taxonomy.get(key).label(ui_language()))
        except (KeyError, QuidError):
            return key

    # --- filtering and selection ----------------------------------------------------------
    def apply_filter(self) -> None:
        self.model.set_filter(OrganisationFilter(
            text=self.search.text(), category=self.category.currentData(),
            min_sensitivity=int(self.sensitivity.currentData() or 0),
            status=self.status.currentData(), band=self.band.currentData(),
        ))  # fmt: skip
        self._show_current()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select_organisation(self, org_id: int) -> None:
        row = self.model.row_of(org_id)
        if row is None:
            self.table.clearSelection()
            self.detail.show_nothing()
            return
        index = self.model.index(row, COL_NAME)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self._show_current()

    def _current_changed(self, *_args: Any) -> None:
        self._show_current()

    def _show_current(self) -> None:
        org_id = self.current_id()
        if org_id is None or self.ledger is None:
            self.detail.show_nothing()
        else:
            self.detail.show_organisation(self.ledger, org_id, ui_language())
            self.detail.show_assessment(self.assess(org_id) if self.assess else None)

    def _ledger_changed(self, org_id: int) -> None:
        if self.ledger is None:
            return
        current = self.current_id()
        self._fill_categories()
        self.model.reload()
        target = org_id or current
        if target:
            self.select_organisation(target)

    # --- editing -------------------------------------------------------------------------
    def _run(self, action: Any) -> bool:
        try:
            action()
        except QuidError as exc:
            tell(self, self.tr("Not saved"), error_text(exc), warning=True)
            return False
        return True

    def add_organisation(self) -> None:
        from app.services.directory import load_directory
        from app.ui.organisation_dialogs import AddOrganisationDialog

        if self.ledger is None:
            return
        ledger = self.ledger
        dialog = AddOrganisationDialog(ledger, load_directory(), self)
        if not dialog.exec():
            return
        if dialog.result_kind == "ledger" and dialog.chosen_org_id is not None:
            self.select_organisation(dialog.chosen_org_id)
            return
        if dialog.result_kind == "directory" and dialog.chosen_entry is not None:
            data = organisation_from_directory(dialog.chosen_entry, ledger.profile().country)
        elif dialog.new_input is not None:
            data = dialog.new_input
        else:
            return
        self._run(lambda: self.ledger_actions.add_organisation(data))

    def edit_organisation(self, org_id: int | None) -> None:
        from app.ui.organisation_dialogs import OrganisationDialog

        if org_id is None or self.ledger is None:
            return
        dialog = OrganisationDialog(self.ledger.organisation(org_id), self)
        if dialog.exec():
            data = dialog.value()
            self._run(lambda: self.ledger_actions.edit_organisation(org_id, data))

    def delete_organisation(self, org_id: int | None) -> None:
        if org_id is None or self.ledger is None:
            return
        if self._run(lambda: self.ledger_actions.delete_organisation(org_id)):
            self.window().statusBar().showMessage(  # type: ignore[attr-defined]
                self.tr("Deleted. Undo with Ctrl+Z."), 8000
            )

    def write_letter(self, org_id: int, letter_type: str) -> None:
        from app.ui.letter_dialog import LetterDialog

        if self.ledger is not None:
            LetterDialog(self.ledger, org_id, letter_type=letter_type, parent=self).exec()
            self.ledger_actions.changed.emit(org_id)

    def merge_candidates(self, org_id: int) -> list[tuple[int, str]]:
        """Likely duplicates first (same name or a shared domain), then every other one."""
        assert self.ledger is not None
        org = self.ledger.organisation(org_id)
        likely = self.ledger.duplicates(org.name, org.domains, exclude_id=org_id)
        rows = self.ledger.conn.execute(
            "SELECT id, name FROM organisations WHERE id != ? ORDER BY name_key", (org_id,)
        ).fetchall()
        names = {int(i): str(n) for i, n in rows}
        return [(i, names[i]) for i in likely] + [
            (i, n) for i, n in names.items() if i not in likely
        ]

    def merge_organisation(self, org_id: int | None) -> None:
        from PySide6.QtWidgets import QInputDialog

        if org_id is None or self.ledger is None:
            return
        candidates = self.merge_candidates(org_id)
        if not candidates:
            return
        labels = [f"{name} (#{i})" for i, name in candidates]
        name = self.ledger.organisation(org_id).name
        question = self.tr("Move everything of “{name}” into:").format(name=name)
        chosen, ok = QInputDialog.getItem(  # its label reads HTML: the name goes in escaped
            self, self.tr("Merge"), plain_html(question), labels, 0, False,
        )  # fmt: skip
        if ok and chosen in labels:
            keep_id = candidates[labels.index(chosen)][0]
            if self._run(lambda: self.ledger_actions.merge_organisations(keep_id, org_id)):
                self.select_organisation(keep_id)

    def _record_dialog(self, table: str, initial: Any) -> Any:
        from app.ui.record_dialogs import AccountDialog, BenefitDialog, DisclosureDialog

        assert self.ledger is not None
        if table == "disclosures":
            return DisclosureDialog(self.ledger.taxonomy, initial, self, lang=ui_language())
        if table == "benefits":
            return BenefitDialog(initial, self)
        return AccountDialog(initial, self)

    def add_record(self, table: str) -> None:
        org_id = self.detail.org_id
        if org_id is None or self.ledger is None:
            return
        dialog = self._record_dialog(table, None)
        if dialog.exec():
            data = dialog.value()
            self._run(lambda: self.ledger_actions.add_record(table, org_id, data))

    def edit_record(self, table: str, row_id: int) -> None:
        if self.ledger is None:
            return
        dialog = self._record_dialog(table, record_input(table, self.ledger.record(table, row_id)))
        if dialog.exec():
            data = dialog.value()
            self._run(lambda: self.ledger_actions.edit_record(table, row_id, data))

    def delete_record(self, table: str, row_id: int) -> None:
        self._run(lambda: self.ledger_actions.delete_record(table, row_id))
