"""The unlocked window's content: a sidebar of sections and their pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QVBoxLayout, QWidget

from app.services.ledger import Ledger
from app.storage.header import KeyMode
from app.storage.vault import Vault
from app.ui.ledger_commands import LedgerActions
from app.ui.widgets import heading_label, plain_label

if TYPE_CHECKING:
    from app.ui.organisations_view import OrganisationsView

OVERVIEW, ORGANISATIONS = range(2)


class OverviewPage(QWidget):
    """The landing page of an unlocked vault. Cleared on lock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading_label(self.tr("Overview"))
        self.summary = plain_label(selectable=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addStretch()

    def load(self, vault: Vault) -> None:
        where = {
            KeyMode.KEYRING: self.tr("the system keyring"),
            KeyMode.PASSPHRASE: self.tr("your passphrase"),
            None: self.tr("nothing yet — choose File ▸ Key storage"),
        }[vault.mode]
        count = vault.conn.execute("SELECT count(*) FROM organisations").fetchone()[0]
        self.summary.setText(
            self.tr(
                "Your ledger is open: {count} organisations. It is stored encrypted in {path}; "
                "its key is kept by {where}. Nothing leaves this computer."
            ).format(count=count, path=vault.paths.vault_file, where=where)
        )

    def clear(self) -> None:
        self.summary.clear()


class LedgerShell(QWidget):
    """Sidebar + pages. Pages other than the Overview are built when first shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger_actions = LedgerActions(self)
        self.ledger: Ledger | None = None
        self._vault: Vault | None = None
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setFixedWidth(180)
        self.sidebar.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.pages = QStackedWidget()
        self.overview = OverviewPage()
        self._organisations: OrganisationsView | None = None
        self.sidebar.addItem(self.tr("Overview"))
        self.pages.addWidget(self.overview)
        self.sidebar.addItem(self.tr("Organisations"))
        self._placeholder = QWidget()  # replaced by the real page on first use
        self.pages.addWidget(self._placeholder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.sidebar.currentRowChanged.connect(self.show_page)
        self.sidebar.setCurrentRow(OVERVIEW)

    @property
    def organisations(self) -> OrganisationsView:
        if self._organisations is None:
            from app.ui.organisations_view import OrganisationsView  # built on first use

            view = self._organisations = OrganisationsView(self.ledger_actions)
            self.pages.removeWidget(self._placeholder)
            self._placeholder.deleteLater()
            self.pages.insertWidget(ORGANISATIONS, view)
            if self.ledger is not None:
                view.attach(self.ledger)
        return self._organisations

    def show_page(self, row: int) -> None:
        if row == ORGANISATIONS:
            self.organisations  # noqa: B018 - builds the page
        self.pages.setCurrentIndex(row)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)

    def load(self, vault: Vault) -> None:
        self._vault = vault
        self.ledger = Ledger(vault.conn)
        self.ledger_actions.attach(self.ledger)
        self.ledger_actions.changed.connect(self._refresh_overview)
        self.overview.load(vault)
        if self._organisations is not None:
            self._organisations.attach(self.ledger)

    def _refresh_overview(self, _org_id: int = 0) -> None:
        if self._vault is not None and self._vault.is_open:
            self.overview.load(self._vault)

    def clear(self) -> None:
        if self._vault is not None:
            self.ledger_actions.changed.disconnect(self._refresh_overview)
        self._vault = None
        self.ledger_actions.clear()
        self.ledger = None
        self.overview.clear()
        if self._organisations is not None:
            self._organisations.clear()
