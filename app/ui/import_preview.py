"""The preview of a password-export import: nothing is written until the person ticks what
to add and accepts. Keyboard: Space ticks the selected rows, Ctrl+A ticks all shown,
Ctrl+Shift+A none, Ctrl+F goes to the filter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.services.discovery import Proposal
from app.ui.formatting import QT_TR_NOOP, tr
from app.ui.import_preview_model import (
    COL_ACCOUNTS,
    COL_DOMAINS,
    COL_FIRST_USED,
    COL_MATCH,
    COL_NAME,
    COL_NOTE,
    ProposalModel,
    SkippedModel,
)
from app.ui.widgets import heading_label, plain_label

FILTER_DELAY_MS = 150  # re-filter once typing pauses, not on every key of a long name
_COUNTED = {
    "organisation": (QT_TR_NOOP("1 organisation"), QT_TR_NOOP("{n} organisations")),
    "account": (QT_TR_NOOP("1 account"), QT_TR_NOOP("{n} accounts")),
    "identifier": (QT_TR_NOOP("1 identifier"), QT_TR_NOOP("{n} identifiers")),
}


def counted(context: QObject, n: int, what: str) -> str:
    """'1 organisation', '3 organisations' (English plurals; a translation may differ)."""
    one, many = _COUNTED[what]
    return tr(one) if n == 1 else tr(many).format(n=n)


class TickTree(QTreeView):
    """A tree where Space ticks or unticks every selected organisation row."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.model()
        if event.key() == Qt.Key.Key_Space and isinstance(model, ProposalModel):
            rows = [
                i.row() for i in self.selectionModel().selectedRows() if not i.parent().isValid()
            ]
            current = self.currentIndex()
            if not rows and current.isValid():  # on an account: tick its organisation
                parent = current.parent()
                rows = [parent.row() if parent.isValid() else current.row()]
            model.toggle(rows)
            event.accept()
            return
        super().keyPressEvent(event)


class FilterField(QLineEdit):
    """The filter: Return and Enter apply it (`returnPressed`) and go no further. A QLineEdit
    passes them on, and the dialog would click its default button ("Add N"), importing also
    the ticked rows the filter hides."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class ImportPreviewDialog(QDialog):
    """Proposed organisations with their accounts, and the skipped rows. `selected_keys()`
    after acceptance: the organisations to add."""

    def __init__(
        self, proposal: Proposal, path: Path, format_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.setWindowTitle(self.tr("Import from a password export"))
        self.model = ProposalModel(proposal, self)
        self.skipped_model = SkippedModel(proposal.skipped, self)
        intro = plain_label(
            self.tr(
                "{rows} logins read from {name} ({format}). Tick the organisations to add to "
                "your ledger: each gets its accounts, with the e-mail address or username you "
                "used recorded as data you gave them. Passwords and notes were not read into "
                "Quid."
            ).format(rows=proposal.rows, name=path.name, format=format_label)
        )
        self.filter = FilterField()
        self.filter.setPlaceholderText(self.tr("Filter by name, web address or account"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter organisations"))
        self.select_all = QPushButton(self.tr("Select &all"))
        self.select_all.setToolTip(self.tr("Tick every organisation shown (Ctrl+A)"))
        self.select_none = QPushButton(self.tr("Select n&one"))
        self.select_none.setToolTip(self.tr("Untick every organisation shown (Ctrl+Shift+A)"))
        self.tree = self._build_tree()
        self.skipped = self._build_skipped()
        self.tabs = QTabWidget()
        organisations_tab = QWidget()
        tab_box = QVBoxLayout(organisations_tab)
        tools = QHBoxLayout()
        tools.addWidget(self.filter, 1)
        tools.addWidget(self.select_all)
        tools.addWidget(self.select_none)
        tab_box.addLayout(tools)
        tab_box.addWidget(self.tree, 1)
        self.tabs.addTab(
            organisations_tab,
            self.tr("Organisations ({n})").format(n=len(proposal.organisations)),
        )
        self.tabs.addTab(self.skipped, self.tr("Skipped ({n})").format(n=len(proposal.skipped)))
        self.summary = plain_label()
        self.summary.setAccessibleName(self.tr("Selected"))
        self.buttons = QDialogButtonBox()
        self.accept_button = self.buttons.addButton(
            self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Review the import"), 1.3))
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(self._filter_timer.start)
        self.filter.returnPressed.connect(self._filter_to_tree)
        self.select_all.clicked.connect(lambda: self.model.set_visible_ticked(True))
        self.select_none.clicked.connect(lambda: self.model.set_visible_ticked(False))
        self.model.ticks_changed.connect(self.update_summary)
        self._add_shortcuts()
        self.update_summary()
        self.resize(1120, 680)
        self.tree.setFocus()
        if self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, COL_NAME))

    def _build_tree(self) -> TickTree:
        tree = TickTree()
        tree.setModel(self.model)
        tree.setAccessibleName(self.tr("Organisations to add"))
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setUniformRowHeights(True)  # fast with thousands of rows
        tree.setAlternatingRowColors(True)
        tree.setSortingEnabled(True)
        tree.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_DOMAINS, QHeaderView.ResizeMode.Stretch)
        widths = {COL_NAME: 320, COL_MATCH: 170, COL_ACCOUNTS: 75, COL_FIRST_USED: 95,
                  COL_NOTE: 125}  # fmt: skip
        for column, width in widths.items():
            tree.setColumnWidth(column, width)
        tree.setColumnHidden(COL_FIRST_USED, not self.model.has_dates())
        return tree

    def _build_skipped(self) -> QTableView:
        table = QTableView()
        table.setModel(self.skipped_model)
        table.setAccessibleName(self.tr("Skipped rows"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(0, 70)
        table.setColumnWidth(1, 420)
        return table

    def _add_shortcuts(self) -> None:
        # On the dialog, so they work wherever focus is except in the filter field, where
        # Ctrl+A keeps selecting its text.
        for sequence, ticked in (
            (QKeySequence.StandardKey.SelectAll, True),
            (QKeySequence("Ctrl+Shift+A"), False),
        ):
            action = QAction(self)
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, t=ticked: self.model.set_visible_ticked(t))
            self.addAction(action)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self._focus_filter)
        self.addAction(find)

    def _focus_filter(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.filter.setFocus()
        self.filter.selectAll()

    def _filter_to_tree(self) -> None:
        self.apply_filter()
        self.tree.setFocus()
        if self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, COL_NAME))

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.filter.text())
        self.update_summary()

    def update_summary(self) -> None:
        organisations, existing, accounts = self.model.selected_counts()
        orgs = counted(self, organisations, "organisation")
        if existing:
            orgs += self.tr(" ({n} already in your ledger)").format(n=existing)
        text = self.tr("{orgs}, {accounts} selected").format(
            orgs=orgs, accounts=counted(self, accounts, "account")
        )
        shown = self.model.visible_count()
        if shown != len(self.proposal.organisations):
            text += self.tr(" · {shown} of {total} shown").format(
                shown=shown, total=len(self.proposal.organisations)
            )
        self.summary.setText(text)
        self.accept_button.setText(
            self.tr("Add {what}").format(what=counted(self, organisations, "organisation"))
        )
        self.accept_button.setEnabled(organisations > 0)

    def selected_keys(self) -> set[str]:
        return self.model.selected_keys()
