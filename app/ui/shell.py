"""The unlocked window's content: a sidebar of sections and their pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QVBoxLayout, QWidget

from app.services.example_marks import example_organisation_ids
from app.services.ledger import Ledger
from app.storage.header import KeyMode
from app.storage.vault import Vault
from app.ui.error_text import error_text
from app.ui.ledger_commands import LedgerActions
from app.ui.widgets import heading_label, plain_label

if TYPE_CHECKING:
    from app.domain.assessment import Assessment
    from app.services.assessment import AssessmentService, DashboardData, OrganisationAssessment
    from app.ui.dashboard import DashboardPage
    from app.ui.organisations_view import OrganisationsView
    from app.ui.requests_view import RequestsView

OVERVIEW, ORGANISATIONS, REQUESTS = range(3)


class OverviewPage(QWidget):
    """The landing page of an unlocked vault: a line about the vault at once, the dashboard
    (charts) just after the first paint. Cleared on lock."""

    organisation_requested = Signal(int)
    # the empty ledger's ways to start, and the example's removal
    load_example_requested = Signal()
    remove_example_requested = Signal()
    import_requested = Signal()
    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.has_example = False
        self.title = heading_label(self.tr("Overview"))
        self.summary = plain_label(selectable=True)
        self.dashboard: DashboardPage | None = None
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.title)
        self.box.addWidget(self.summary)
        self.box.addStretch()

    def show_dashboard(self, data: DashboardData) -> None:
        if self.dashboard is None:
            from app.ui.dashboard import DashboardPage  # QtCharts: loaded after the first paint

            self.dashboard = DashboardPage()
            self.dashboard.organisation_requested.connect(self.organisation_requested)
            empty = self.dashboard.empty
            empty.load_example.connect(self.load_example_requested)
            empty.import_passwords.connect(self.import_requested)
            empty.add_organisation.connect(self.add_requested)
            self.dashboard.example_banner.remove_example.connect(self.remove_example_requested)
            self.title.hide()
            self.summary.hide()
            self.box.insertWidget(0, self.dashboard, 1)
        self.dashboard.set_note(self.summary.text())
        self.dashboard.load(data)
        self.dashboard.example_banner.setVisible(self.has_example)

    def load(self, vault: Vault, note: str = "") -> None:
        where = {
            KeyMode.KEYRING: self.tr("the system keyring"),
            KeyMode.PASSPHRASE: self.tr("your passphrase"),
            None: self.tr("nothing yet — choose File ▸ Key storage"),
        }[vault.mode]
        count = vault.conn.execute("SELECT count(*) FROM organisations").fetchone()[0]
        self.has_example = bool(example_organisation_ids(vault.conn))
        self.summary.setText(
            self.tr(
                "Your ledger is open: {count} organisations. It is stored encrypted in {path}; "
                "its key is kept by {where}. Nothing leaves this computer."
            ).format(count=count, path=vault.paths.vault_file, where=where)
            + (f"\n{note}" if note else "")
        )

    def clear(self) -> None:
        self.summary.clear()
        self.has_example = False
        if self.dashboard is not None:
            self.dashboard.clear()


class LedgerShell(QWidget):
    """Sidebar + pages. Pages other than the Overview are built when first shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger_actions = LedgerActions(self)
        #: whether a worker uses the vault now (set by the window): GUI-thread writes wait
        self.vault_busy: Callable[[], bool] = lambda: False
        self.ledger: Ledger | None = None
        self._vault: Vault | None = None
        self._assessment: AssessmentService | None = None
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setFixedWidth(180)
        self.sidebar.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.pages = QStackedWidget()
        self.overview = OverviewPage()
        self.overview.organisation_requested.connect(self.open_organisation)
        self.overview.load_example_requested.connect(self.load_example)
        self.overview.remove_example_requested.connect(self.remove_example)
        self._assessed: dict[int, OrganisationAssessment] = {}
        self._organisations: OrganisationsView | None = None
        self.sidebar.addItem(self.tr("Overview"))
        self.pages.addWidget(self.overview)
        self.sidebar.addItem(self.tr("Organisations"))
        self._placeholder = QWidget()  # replaced by the real page on first use
        self.pages.addWidget(self._placeholder)
        self.sidebar.addItem(self.tr("Requests"))
        self._requests_placeholder = QWidget()
        self.pages.addWidget(self._requests_placeholder)
        self._requests: RequestsView | None = None
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
                view.attach(self.ledger, self._assess)
        return self._organisations

    @property
    def requests(self) -> RequestsView:
        if self._requests is None:
            from app.ui.requests_view import RequestsView  # built on first use

            view = self._requests = RequestsView()
            view.changed.connect(self._requests_changed)
            self.pages.removeWidget(self._requests_placeholder)
            self._requests_placeholder.deleteLater()
            self.pages.insertWidget(REQUESTS, view)
            if self._vault is not None and self._vault.is_open:
                from app.services.requests import RequestService

                view.attach(RequestService(self._vault.conn), self.ledger)
        return self._requests

    def _requests_changed(self) -> None:
        """A request changed (or a reply added data to the ledger): re-assess what is stale."""
        self._reassess(0)
        self.ledger_actions.changed.emit(0)

    def export_due_dates(self) -> None:
        """Every request's due date as an iCalendar file (not encrypted: it says so)."""
        from datetime import UTC, datetime
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from app.domain.requests import REQUEST_TYPES
        from app.errors import QuidError
        from app.services.calendar_export import CalendarItem, due_dates_ics
        from app.services.requests import RequestService
        from app.storage.fileio import atomic_write_bytes
        from app.ui.widgets import tell

        if self._vault is None or not self._vault.is_open:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export due dates"), "quid-due-dates.ics",
            self.tr("Calendar (*.ics)"),
        )  # fmt: skip
        if not name:
            return
        items = [
            CalendarItem(f"quid-request-{r.id}",
                         f"GDPR answer due: {r.organisation} ({REQUEST_TYPES[r.type].title})",
                         r.due_on, f"Request {r.id}")
            for r in RequestService(self._vault.conn).requests() if r.due_on is not None
        ]  # fmt: skip
        try:
            atomic_write_bytes(Path(name), due_dates_ics(items, now=datetime.now(UTC)))
        except QuidError as exc:  # a full or failing disk: said, not a crash
            tell(self, self.tr("Not exported"), error_text(exc), warning=True)
            return
        tell(self, self.tr("Exported"), self.tr(
            "{n} due dates written to {name}. The file is not encrypted."
        ).format(n=len(items), name=name))  # fmt: skip

    def load_example(self) -> None:
        from app.ui.example_commands import load_example

        load_example(self)

    def remove_example(self) -> None:
        from app.ui.example_commands import remove_example

        remove_example(self)

    def due_requests_note(self) -> str:
        """'2 requests are overdue, 1 is due within a week' — for the Overview and start-up."""
        if self._vault is None or not self._vault.is_open:
            return ""
        from app.services.requests import RequestService

        soon = RequestService(self._vault.conn).due_soon()
        overdue = sum(1 for r in soon if r.status == "overdue")
        if not soon:
            return ""
        return self.tr("Requests: {overdue} overdue, {soon} due within a week.").format(
            overdue=overdue, soon=len(soon) - overdue
        )

    def show_page(self, row: int) -> None:
        if row == ORGANISATIONS:
            self.organisations  # noqa: B018 - builds the page
        elif row == REQUESTS:
            self.requests  # noqa: B018 - builds the page
        self.pages.setCurrentIndex(row)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)

    def load(self, vault: Vault) -> None:
        self._vault = vault
        self.ledger = Ledger(vault.conn)
        self.ledger_actions.attach(self.ledger, self._reassess)
        # Stale or yesterday's assessments are redone just after the first paint.
        QTimer.singleShot(100, self.refresh_assessments)
        self.ledger_actions.changed.connect(self._refresh_overview)
        self.overview.load(vault, self.due_requests_note())
        if self._organisations is not None:
            self._organisations.attach(self.ledger, self._assess)
        if self._requests is not None:
            from app.services.requests import RequestService

            self._requests.attach(RequestService(vault.conn), self.ledger)

    def reload_after_import(self) -> None:
        """After a whole-ledger import everything may have changed: start afresh (the undo
        history no longer applies)."""
        vault = self._vault
        if vault is not None and vault.is_open:
            self.clear()
            self.load(vault)

    def filtered_organisation_ids(self) -> list[int] | None:
        """The organisations the Organisations page's filters show (None: no filter set)."""
        view = self._organisations
        if view is None or self.ledger is None:
            return None
        from app.services.ledger_queries import OrganisationFilter, organisation_rows

        current = view.model.current_filter
        if current == OrganisationFilter():
            return None
        rows = organisation_rows(self.ledger.conn, current, limit=-1)
        return [row.id for row in rows]

    @property
    def assessment(self) -> AssessmentService | None:
        if self._assessment is None and self._vault is not None and self._vault.is_open:
            from app.services.assessment import AssessmentService
            from app.ui.formatting import ui_language

            self._assessment = AssessmentService(self._vault.conn, lang=ui_language())
        return self._assessment

    def refresh_assessments(self) -> None:
        """Assess everything (stale rows, or all once a day: dormancy depends on the date),
        then show the dashboard."""
        service = self.assessment
        if service is None:
            return
        if self.vault_busy():  # one connection: a worker's transaction must not meet ours
            QTimer.singleShot(500, self.refresh_assessments)
            return
        from app.storage import settings

        today = service.today.isoformat()
        if settings.get_setting(service.conn, "assessment.assessed_on") != today:
            assessed = service.refresh()
            settings.set_setting(service.conn, "assessment.assessed_on", today)
        else:
            service.refresh_stale()
            assessed = service.assess_all()
        self._assessed = {a.org_id: a for a in assessed}
        self.overview.show_dashboard(service.dashboard(list(self._assessed.values())))
        self.ledger_actions.changed.emit(0)

    def open_organisation(self, org_id: int) -> None:
        self.show_page(ORGANISATIONS)
        self.organisations.select_organisation(org_id)

    def open_assessment_settings(self) -> None:
        from app.ui.assessment_settings import AssessmentSettingsDialog

        service = self.assessment
        if service is not None and AssessmentSettingsDialog(service, self).exec():
            service.refresh()
            self.ledger_actions.changed.emit(0)

    def _assess(self, org_id: int) -> Assessment | None:
        service = self.assessment
        return service.assess(org_id) if service is not None else None

    def _reassess(self, org_id: int) -> None:
        service = self.assessment
        # once the Overview shows figures they follow every change (also from an empty ledger)
        if service is not None and (self._assessed or self.overview.dashboard is not None):
            for item in service.refresh(org_id) if org_id else service.refresh_stale():
                self._assessed[item.org_id] = item
            known = {r[0] for r in service.conn.execute("SELECT id FROM organisations")}
            self._assessed = {k: v for k, v in self._assessed.items() if k in known}
            return
        if service is not None:
            service.refresh(org_id) if org_id else service.refresh_stale()

    def _refresh_overview(self, _org_id: int = 0) -> None:
        if self._vault is not None and self._vault.is_open:
            self.overview.load(self._vault, self.due_requests_note())
            service = self.assessment
            if service is not None and self.overview.dashboard is not None:
                self.overview.show_dashboard(service.dashboard(list(self._assessed.values())))

    def clear(self) -> None:
        if self._vault is not None:
            self.ledger_actions.changed.disconnect(self._refresh_overview)
        self._vault = None
        self._assessment = None
        self._assessed = {}
        self.ledger_actions.clear()
        self.ledger = None
        if self._requests is not None:
            self._requests.clear()
        self.overview.clear()
        if self._organisations is not None:
            self._organisations.clear()
