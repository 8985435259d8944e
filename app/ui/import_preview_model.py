"""The models behind the import preview: proposed organisations (ticked or not) with their
accounts as children, and the rows that were skipped.

The proposal may hold thousands of organisations (a 100,000-row export), so these are item
models over the proposal's lists, filtered and sorted in Python once per change, not a
QTreeWidget with an item per cell.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtCore import QPersistentModelIndex as PersistentIndex
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from app.services.discovery import Proposal, ProposedAccount, ProposedOrganisation, SkippedRow
from app.ui.widgets import plain_tooltip

Index = QModelIndex | PersistentIndex

COL_NAME, COL_MATCH, COL_DOMAINS, COL_ACCOUNTS, COL_FIRST_USED, COL_NOTE = range(6)
TOP = 0xFFFFFFFF  # internalId of an organisation row; an account row stores its parent's row
ROOT = QModelIndex()  # the invisible root, as a default argument


def nothing_new(org: ProposedOrganisation) -> bool:
    """Already in the ledger with every account already recorded: ticking it adds nothing."""
    return org.existing_id is not None and all(a.exists for a in org.accounts)


def new_accounts(org: ProposedOrganisation) -> int:
    return sum(1 for a in org.accounts if not a.exists)


def _greyed() -> Any:
    return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def _earliest(org: ProposedOrganisation) -> str:
    dates = [a.first_used for a in org.accounts if a.first_used is not None]
    return min(dates).isoformat() if dates else ""


class ProposalModel(QAbstractItemModel):
    """Organisation rows (checkable in the first column) with their accounts as children."""

    ticks_changed = Signal()

    def __init__(self, proposal: Proposal, parent: Any = None) -> None:
        super().__init__(parent)
        self.organisations = proposal.organisations
        # Every organisation with something to add is ticked; the rest cannot be ticked.
        self.ticked: set[str] = {o.key for o in self.organisations if not nothing_new(o)}
        self._text = ""
        self._order: list[int] = list(range(len(self.organisations)))
        self._visible: list[int] = list(self._order)
        self.headers = [
            self.tr("Organisation / account"),
            self.tr("Found as"),
            self.tr("Web addresses"),
            self.tr("Accounts"),
            self.tr("First used"),
            self.tr("Note"),
        ]
        self.match_text = {
            "ledger": self.tr("already in your ledger"),
            "directory (domain)": self.tr("from the directory"),
            "directory (brand)": self.tr("from the directory (by name)"),
            "new": self.tr("new"),
        }

    # --- structure -----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP)
        return self.createIndex(row, column, parent.row())

    def parent(self, child: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(int(child.internalId()), 0, TOP)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self._visible)
        if parent.internalId() == TOP and parent.column() == 0:
            return len(self.org_at(parent.row()).accounts)
        return 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def org_at(self, row: int) -> ProposedOrganisation:
        return self.organisations[self._visible[row]]

    def account_at(self, index: Index) -> ProposedAccount | None:
        if not index.isValid() or index.internalId() == TOP:
            return None
        return self.org_at(int(index.internalId())).accounts[index.row()]

    def organisation_of(self, index: Index) -> ProposedOrganisation | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == TOP else int(index.internalId())
        return self.org_at(row)

    # --- data ----------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        top, column = index.internalId() == TOP, index.column()
        if top and column == COL_NAME and not nothing_new(self.org_at(index.row())):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == TOP:
            return self._org_data(self.org_at(index.row()), index.column(), role)
        org = self.org_at(int(index.internalId()))
        return self._account_data(org, org.accounts[index.row()], index.column(), role)

    def _org_data(self, org: ProposedOrganisation, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_NAME:
            if nothing_new(org):
                return None
            ticked = org.key in self.ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and nothing_new(org):
            return _greyed()
        if role == Qt.ItemDataRole.ToolTipRole:  # Qt reads tooltips as rich text: escaped
            if column in (COL_MATCH, COL_NOTE):
                return plain_tooltip(self._org_tip(org))
            if column == COL_DOMAINS:  # the cell may be cut short
                return plain_tooltip("\n".join(org.domains))
            if column == COL_NAME:
                return plain_tooltip(org.name)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_NAME:
            return f"{org.name}, {self._match(org)}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == COL_NAME:
            return org.name
        if column == COL_MATCH:
            return self._match(org)
        if column == COL_DOMAINS:
            return ", ".join(org.domains)
        if column == COL_ACCOUNTS:
            return str(len(org.accounts))
        if column == COL_FIRST_USED:
            return _earliest(org)
        if nothing_new(org):
            return self.tr("nothing new")
        if org.existing_id is not None:
            n = new_accounts(org)
            return self.tr("1 new account") if n == 1 else self.tr("{n} new accounts").format(n=n)
        return ""

    def _account_data(
        self, org: ProposedOrganisation, account: ProposedAccount, column: int, role: int
    ) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and account.exists:
            return _greyed()
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == COL_NAME:
            return account.identifier
        if column == COL_MATCH:
            return self.tr("e-mail address") if account.is_email else self.tr("username")
        if column == COL_FIRST_USED:
            return account.first_used.isoformat() if account.first_used else ""
        if column == COL_NOTE:
            return self.tr("already recorded") if account.exists else ""
        return ""

    def _match(self, org: ProposedOrganisation) -> str:
        return self.match_text.get(org.match, org.match)

    def _org_tip(self, org: ProposedOrganisation) -> str:
        if nothing_new(org):
            return self.tr("Already in your ledger with these accounts; there is nothing to add.")
        if org.existing_id is not None:
            return self.tr("Already in your ledger: only the new accounts are added to it.")
        if org.directory_slug:
            return self.tr(
                "Copied from the directory with its privacy contact; {n} logins."
            ).format(n=org.entries)
        return self.tr("Added as a new organisation; {n} logins.").format(n=org.entries)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        if index.internalId() != TOP or index.column() != COL_NAME:
            return False
        org = self.org_at(index.row())
        if nothing_new(org):
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self._set_ticked([org], checked)
        return True

    # --- ticks ---------------------------------------------------------------------------
    def _set_ticked(self, orgs: list[ProposedOrganisation], ticked: bool) -> None:
        for org in orgs:
            if nothing_new(org):
                continue
            if ticked:
                self.ticked.add(org.key)
            else:
                self.ticked.discard(org.key)
        if self._visible:  # one repaint of the tick column, however many changed
            last = self.index(len(self._visible) - 1, COL_NAME)
            self.dataChanged.emit(self.index(0, COL_NAME), last, [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()

    def set_visible_ticked(self, ticked: bool) -> None:
        """Select all / none: only what the filter shows, so "filter, then tick all" works."""
        self._set_ticked([self.organisations[i] for i in self._visible], ticked)

    def toggle(self, rows: list[int]) -> None:
        """Space on selected rows: tick them all unless all are ticked already."""
        orgs = [self.org_at(r) for r in sorted(set(rows)) if not nothing_new(self.org_at(r))]
        if orgs:
            self._set_ticked(orgs, not all(o.key in self.ticked for o in orgs))

    def selected_keys(self) -> set[str]:
        return set(self.ticked)

    def selected_counts(self) -> tuple[int, int, int]:
        """(organisations, of which already in the ledger, new accounts) that accepting
        would add to."""
        chosen = [o for o in self.organisations if o.key in self.ticked]
        existing = sum(1 for o in chosen if o.existing_id is not None)
        return len(chosen), existing, sum(new_accounts(o) for o in chosen)

    def has_dates(self) -> bool:
        """Whether the export gave any first-use date (Bitwarden and Chrome do not)."""
        return any(a.first_used for o in self.organisations for a in o.accounts)

    def visible_count(self) -> int:
        return len(self._visible)

    # --- filter and sort -----------------------------------------------------------------
    def set_filter(self, text: str) -> None:
        """Narrow to organisations whose name, web address or account contains `text`."""
        self._text = text.strip().casefold()
        self._refilter()

    def _matches(self, org: ProposedOrganisation) -> bool:
        if not self._text:
            return True
        return (
            self._text in org.name.casefold()
            or any(self._text in d for d in org.domains)
            or any(self._text in a.identifier.casefold() for a in org.accounts)
        )

    def _refilter(self) -> None:
        self.beginResetModel()
        self._visible = [i for i in self._order if self._matches(self.organisations[i])]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        keys: dict[int, Callable[[ProposedOrganisation], Any]] = {
            COL_NAME: lambda o: o.name.casefold(),
            COL_MATCH: lambda o: (self._match(o), o.name.casefold()),
            COL_DOMAINS: lambda o: (o.domains[:1], o.name.casefold()),
            COL_ACCOUNTS: lambda o: (len(o.accounts), o.name.casefold()),
            COL_FIRST_USED: lambda o: (_earliest(o) or "9999", o.name.casefold()),
            COL_NOTE: lambda o: (nothing_new(o), o.existing_id is None, o.name.casefold()),
        }
        key = keys.get(column, keys[COL_NAME])
        descending = order == Qt.SortOrder.DescendingOrder
        self._order.sort(key=lambda i: key(self.organisations[i]), reverse=descending)
        self._refilter()


class SkippedModel(QAbstractTableModel):
    """Line, site and reason of every row that was not used."""

    def __init__(self, skipped: list[SkippedRow], parent: Any = None) -> None:
        super().__init__(parent)
        self.rows = skipped
        self.headers = [self.tr("Line"), self.tr("Site"), self.tr("Why it was skipped")]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (str(row.line), row.site, row.reason)[index.column()]
