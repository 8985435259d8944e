"""Organisations: edit one by hand, or add one by searching the ledger and the directory."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.ledger import OrganisationInput
from app.services.directory import Directory, DirectoryEntry
from app.services.ledger import Ledger
from app.services.ledger_queries import OrganisationFilter, organisation_rows
from app.ui.form_dialog import ValidatingDialog, line_edit, split_list, text_area
from app.ui.formatting import term
from app.ui.widgets import plain_label

ResultKind = Literal["ledger", "directory", "new"]
AnyIndex = QModelIndex | QPersistentModelIndex
PICK_ROLE = Qt.ItemDataRole.UserRole
SEARCH_DELAY_MS = 150
LEDGER_LIMIT = 10
DIRECTORY_LIMIT = 20
BRANDS_SHOWN = 4
DOMAINS_SHOWN = 3


class OrganisationDialog(ValidatingDialog[OrganisationInput]):
    """An organisation's name and privacy contact. Directory data may be corrected here."""

    def __init__(
        self, initial: OrganisationInput | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Edit organisation") if initial else self.tr("New organisation")
        super().__init__(title, parent)
        self._initial = initial or OrganisationInput(name="")
        self.name = line_edit()
        self.domains = text_area(2)
        self.domains.setPlaceholderText(self.tr("example.com, example.nl"))
        self.domains.setAccessibleName(self.tr("Domains, separated by commas or lines"))
        self.country = line_edit(self.tr("NL, BE, DE …"))
        self.country.setAccessibleName(self.tr("Country, two-letter code"))
        self.country.setMaximumWidth(self.country.fontMetrics().horizontalAdvance("M") * 8)
        self.email = line_edit(self.tr("privacy@example.com"))
        self.address = text_area(3)
        self.phone = line_edit()
        self.website = line_edit("https://")
        self.webform = line_edit("https://")
        self.notes = text_area(3)

        self.source = plain_label(selectable=True)
        self.source.setAccessibleName(self.tr("Directory information"))
        self.source.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); border-radius: 4px; padding: 6px; }"
        )
        self.body.insertWidget(0, self.source)

        self.add_field("name", self.tr("&Name:"), self.name)
        self.add_field("domain", self.tr("&Domains:"), self.domains)
        self.add_field("country", self.tr("&Country:"), self.country)
        self.add_field("email", self.tr("Privacy &email:"), self.email)
        self.add_field("address", self.tr("Postal &address:"), self.address)
        self.add_field("phone", self.tr("&Phone:"), self.phone)
        self.add_field("website", self.tr("&Website:"), self.website)
        self.add_field("webform", self.tr("Privacy web &form:"), self.webform)
        self.add_field("notes", self.tr("N&otes:"), self.notes)
        self.finish_layout()
        self.set_input(self._initial)

    def set_input(self, data: OrganisationInput) -> None:
        self._initial = data
        self.name.setText(data.name)
        self.domains.setPlainText(", ".join(data.domains))
        self.country.setText(data.country)
        self.email.setText(data.privacy_email)
        self.address.setPlainText(data.postal_address)
        self.phone.setText(data.phone)
        self.website.setText(data.website)
        self.webform.setText(data.webform)
        self.notes.setPlainText(data.notes)
        self.source.setText(self.directory_text(data))
        self.source.setVisible(bool(data.directory_slug))

    def directory_text(self, data: OrganisationInput) -> str:
        if not data.directory_slug:
            return ""
        quality = term(data.directory_quality) if data.directory_quality else self.tr("unknown")
        text = self.tr(
            "From the directory (quality: {quality}). Contact details go out of date: "
            "correct them here if you know better."
        ).format(quality=quality)
        if data.directory_sources:
            sources = ", ".join(data.directory_sources)
            text += "\n" + self.tr("Sources: {sources}").format(sources=sources)
        return text

    def build(self) -> OrganisationInput:
        return replace(
            self._initial,
            name=self.name.text(),
            domains=split_list(self.domains.toPlainText()),
            country=self.country.text(),
            privacy_email=self.email.text(),
            postal_address=self.address.toPlainText(),
            phone=self.phone.text(),
            website=self.website.text(),
            webform=self.webform.text(),
            notes=self.notes.toPlainText(),
        )


@dataclass(frozen=True)
class ResultRow:
    text: str
    pick: tuple[ResultKind, int] | None = None  # ("ledger", org id) or ("directory", index)


class ResultModel(QAbstractListModel):
    """The search results: headings (not selectable) and organisations, as plain text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ResultRow] = []
        self.heading_font = QFont()
        self.heading_font.setBold(True)
        self.text_colour = QApplication.palette().text()

    def set_rows(self, rows: list[ResultRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if index.isValid() and self.rows[index.row()].pick is not None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags  # a heading: skipped by the arrow keys

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.text
        if role == PICK_ROLE:
            return row.pick
        if row.pick is None and role == Qt.ItemDataRole.FontRole:
            return self.heading_font
        if row.pick is None and role == Qt.ItemDataRole.ForegroundRole:
            return self.text_colour  # readable, although not enabled
        return None

    def selectable_rows(self) -> list[int]:
        return [i for i, row in enumerate(self.rows) if row.pick is not None]


class AddOrganisationDialog(QDialog):
    """Find an organisation as you type: the ledger's first, then the directory's.

    After `accept()`: `result_kind` is "ledger" (`chosen_org_id`), "directory"
    (`chosen_entry`) or "new" (`new_input`, entered by hand).
    """

    def __init__(self, ledger: Ledger, directory: Directory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add organisation"))
        self.setMinimumSize(560, 480)
        self.ledger = ledger
        self.directory = directory
        self.result_kind: ResultKind | None = None
        self.chosen_org_id: int | None = None
        self.chosen_entry: DirectoryEntry | None = None
        self.new_input: OrganisationInput | None = None
        self.organisation_dialog: OrganisationDialog | None = None
        self.duplicate_box: QMessageBox | None = None
        self._entries: list[DirectoryEntry] = []

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, brand or domain…"))
        self.search.setAccessibleName(self.tr("Search organisations"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        self.model = ResultModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setAccessibleName(self.tr("Matching organisations"))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setWordWrap(True)
        self.results.setSpacing(2)
        self.status = plain_label(self.tr("Type a name, a brand or a web domain."))
        self.status.setAccessibleName(self.tr("Search status"))

        self.buttons = QDialogButtonBox()
        self.choose_button = self.buttons.addButton(
            self.tr("C&hoose"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.new_button = self.buttons.addButton(
            self.tr("&New organisation by hand…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.choose_button.setDefault(True)
        self.new_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        self.new_button.clicked.connect(self.new_by_hand)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.search, self.results)
        QWidget.setTabOrder(self.results, self.choose_button)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self.timer.start)
        self.search.textChanged.connect(self._update_buttons)
        self.search.installEventFilter(self)
        self.results.doubleClicked.connect(lambda _index: self.choose())
        self._update_buttons()

    # --- the result list --------------------------------------------------------------------
    def refresh(self) -> None:
        """Search now (the timer calls this ~150 ms after the last key)."""
        self.timer.stop()
        text = self.search.text().strip()
        self._entries = self.directory.search(text, limit=DIRECTORY_LIMIT) if text else []
        found = (
            organisation_rows(self.ledger.conn, OrganisationFilter(text=text), limit=LEDGER_LIMIT)
            if text
            else []
        )
        rows: list[ResultRow] = []
        if found:
            rows.append(ResultRow(self.tr("Already in your ledger")))
            rows += [
                ResultRow(f"{o.name} · {o.country}" if o.country else o.name, ("ledger", o.id))
                for o in found
            ]
        if self._entries:
            rows.append(ResultRow(self.tr("In the directory")))
            rows += [
                ResultRow(self.entry_text(entry), ("directory", i))
                for i, entry in enumerate(self._entries)
            ]
        self.model.set_rows(rows)
        if not text:
            self.status.setText(self.tr("Type a name, a brand or a web domain."))
        elif rows:
            self.status.setText(
                self.tr("{n} in your ledger, {m} in the directory.").format(
                    n=len(found), m=len(self._entries)
                )
            )
        else:
            self.status.setText(
                self.tr("Nothing found. Use “New organisation by hand…” to enter it yourself.")
            )
        self._update_buttons()

    def entry_text(self, entry: DirectoryEntry) -> str:
        """Two plain-text lines: the name, then brands, domains and the record's quality."""
        details: list[str] = []
        if entry.runs:
            brands = ", ".join(entry.runs[:BRANDS_SHOWN])
            if len(entry.runs) > BRANDS_SHOWN:
                brands += " …"
            details.append(self.tr("runs {brands}").format(brands=brands))
        if entry.domains:
            details.append(", ".join(entry.domains[:DOMAINS_SHOWN]))
        details.append(term(entry.quality))  # the record's quality, in the UI's words
        return entry.name + "\n    " + " · ".join(details)

    def _update_buttons(self) -> None:
        can_choose = bool(self.model.rows) or self.timer.isActive()
        self.choose_button.setEnabled(can_choose)
        # Nothing found: Enter enters it by hand instead.
        by_hand = not can_choose and bool(self.search.text().strip())
        self.choose_button.setDefault(not by_hand)
        self.new_button.setDefault(by_hand)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                if self.timer.isActive():
                    self.refresh()
                rows = self.model.selectable_rows()
                if rows:
                    if not self.results.currentIndex().isValid():
                        self.results.setCurrentIndex(self.model.index(rows[0], 0))
                    self.results.setFocus(Qt.FocusReason.TabFocusReason)
                    return True
        return super().eventFilter(watched, event)

    # --- choosing ---------------------------------------------------------------------------
    def choose(self) -> None:
        """Enter or Choose: the highlighted result, or the first one."""
        if self.timer.isActive():
            self.refresh()
        current = self.results.currentIndex()
        if not current.isValid() or current.data(PICK_ROLE) is None:
            rows = self.model.selectable_rows()
            if not rows:
                return
            current = self.model.index(rows[0], 0)
            self.results.setCurrentIndex(current)
        kind, number = self.model.rows[current.row()].pick or ("", 0)
        if kind == "ledger":
            self._finish("ledger", org_id=number)
        else:
            self.choose_entry(self._entries[number])

    def choose_entry(self, entry: DirectoryEntry) -> None:
        """A directory entry, unless the ledger has it already: then ask."""
        existing = self.ledger.duplicates(entry.name, list(entry.domains))
        if not existing:
            self._finish("directory", entry=entry)
            return
        names = [self.ledger.organisation(org_id).name for org_id in existing[:3]]
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Already in your ledger?"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "“{name}” looks like an organisation already in your ledger: {existing}."
            ).format(name=entry.name, existing=", ".join(f"“{n}”" for n in names))
        )
        box.setInformativeText(
            self.tr("Open the existing one, or add this one as a separate organisation?")
        )
        open_button = box.addButton(
            self.tr("&Open the existing one"), QMessageBox.ButtonRole.AcceptRole
        )
        add_button = box.addButton(self.tr("&Add anyway"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(open_button)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        self.duplicate_box = box

        def answered(button: QAbstractButton) -> None:
            if button is open_button:
                self._finish("ledger", org_id=existing[0])
            elif button is add_button:
                self._finish("directory", entry=entry)

        box.buttonClicked.connect(answered)
        box.open()

    def new_by_hand(self) -> None:
        """Enter an organisation that is in neither list, starting from the typed name."""
        dialog = OrganisationDialog(OrganisationInput(name=self.search.text().strip()), self)
        dialog.setWindowTitle(self.tr("New organisation"))
        self.organisation_dialog = dialog
        dialog.accepted.connect(lambda: self._finish("new", new_input=dialog.value()))
        dialog.open()

    def _finish(
        self,
        kind: ResultKind,
        *,
        org_id: int | None = None,
        entry: DirectoryEntry | None = None,
        new_input: OrganisationInput | None = None,
    ) -> None:
        self.result_kind = kind
        self.chosen_org_id = org_id
        self.chosen_entry = entry
        self.new_input = new_input
        self.accept()
