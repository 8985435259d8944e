"""The selected organisation: contact data, accounts, what was given and what was got."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.assessment import Assessment
from app.services.ledger import Ledger
from app.ui.formatting import QT_TRANSLATE_NOOP, format_money, term, ui_language
from app.ui.icons import set_button_icons
from app.ui.records_model import RecordsModel
from app.ui.tiers_section import TiersSection
from app.ui.widgets import heading_label, plain_label

SECTIONS = (
    ("disclosures", QT_TRANSLATE_NOOP("OrganisationDetail", "What you gave")),
    ("benefits", QT_TRANSLATE_NOOP("OrganisationDetail", "What you got")),
    ("accounts", QT_TRANSLATE_NOOP("OrganisationDetail", "Accounts")),
)
#: How the directory compiled a record (its `quality`, app.services.directory; best first), and
#: the word for a record without one: `term()` shows them in the UI's language.
DIRECTORY_QUALITIES = (
    QT_TRANSLATE_NOOP("terms", "tested"),
    QT_TRANSLATE_NOOP("terms", "verified"),
    QT_TRANSLATE_NOOP("terms", "imported"),
    QT_TRANSLATE_NOOP("terms", "scraped"),
    QT_TRANSLATE_NOOP("terms", "unrated"),
)


class RecordsSection(QWidget):
    """A heading, a table and Add / Edit / Delete for one kind of record."""

    add_requested = Signal(str)
    edit_requested = Signal(str, int)
    delete_requested = Signal(str, int)

    def __init__(self, table: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.model = RecordsModel(table, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(title)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # a long detail or purpose is cut (its tooltip has it all) rather than pushing the
        # columns after it out of the pane
        header.setMaximumSectionSize(header.fontMetrics().horizontalAdvance("M") * 22)
        self.view.setMinimumHeight(110)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        for button, name in (
            (self.add_button, self.tr("Add")),
            (self.edit_button, self.tr("Edit")),
            (self.delete_button, self.tr("Delete")),
        ):
            button.setAccessibleName(f"{name} — {title}")  # fmt: skip
        set_button_icons(self, "add", "edit", "delete")
        row = QHBoxLayout()
        row.addWidget(heading_label(title))
        row.addStretch()
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view)
        self.add_button.clicked.connect(lambda: self.add_requested.emit(self.table))
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)
        self.view.doubleClicked.connect(lambda _index: self._edit())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_id(rows[0].row()) if rows else None

    def _edit(self) -> None:
        row_id = self.selected_id()
        if row_id is not None:
            self.edit_requested.emit(self.table, row_id)

    def _delete(self) -> None:
        row_id = self.selected_id()
        if row_id is not None:
            self.delete_requested.emit(self.table, row_id)

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self._update_buttons()


class OrganisationDetail(QScrollArea):
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    merge_requested = Signal(int)
    letter_requested = Signal(int, str)  # organisation, the letter type the assessment suggests

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.org_id: int | None = None
        self.setWidgetResizable(True)
        body = QWidget()
        self.title = heading_label("")
        self.facts = plain_label(selectable=True)
        self.source = plain_label(selectable=True)
        self.source.setStyleSheet("color: palette(mid);")
        self.empty = plain_label(self.tr("Choose an organisation to see what it holds."))
        self.edit_button = QPushButton(self.tr("&Edit organisation…"))
        self.delete_button = QPushButton(self.tr("Delete organisation"))
        self.merge_button = QPushButton(self.tr("&Merge into…"))
        self.letter_button = QPushButton(self.tr("&Write a letter…"))
        self.letter_button.setToolTip(self.tr("A GDPR request: access, erasure, objection …"))
        set_button_icons(self, "edit", "letter", "merge", "delete")
        self.suggested_letter = "access"
        self.merge_button.setToolTip(
            self.tr("The same organisation twice? Move everything of this one into another.")
        )
        # The buttons under the name, two by two: in one row (and in Dutch) they made the pane
        # wider than the window, cutting every line of the reasons below.
        header = QVBoxLayout()
        header.addWidget(self.title)
        buttons = QGridLayout()
        for at, button in enumerate(
            (self.edit_button, self.letter_button, self.merge_button, self.delete_button)
        ):
            buttons.addWidget(button, at // 2, at % 2)
        buttons.setColumnStretch(2, 1)
        header.addLayout(buttons)
        layout = QVBoxLayout(body)
        layout.addWidget(self.empty)
        layout.addLayout(header)
        layout.addWidget(self.facts)
        layout.addWidget(self.source)
        self.balance = heading_label("")
        self.balance.setAccessibleName(self.tr("Balance"))
        self.values = plain_label(selectable=True)
        self.reasons = plain_label(selectable=True)
        self.reasons.setAccessibleName(self.tr("Why, and what you can do"))
        layout.addWidget(self.balance)
        layout.addWidget(self.values)
        layout.addWidget(self.reasons)
        self.sections = {table: RecordsSection(table, self.tr(title)) for table, title in SECTIONS}
        for section in self.sections.values():
            layout.addWidget(section)
        self.tiers = TiersSection(lang=ui_language())
        layout.addWidget(self.tiers)
        layout.addStretch()
        self.setWidget(body)
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        self.merge_button.clicked.connect(lambda: self._emit(self.merge_requested))
        self.letter_button.clicked.connect(
            lambda: (
                self.org_id is not None
                and self.letter_requested.emit(self.org_id, self.suggested_letter)
            )
        )
        self.show_nothing()

    def _emit(self, signal: Any) -> None:
        if self.org_id is not None:
            signal.emit(self.org_id)

    def _set_visible(self, shown: bool) -> None:
        self.empty.setHidden(shown)
        for widget in (
            self.title,
            self.facts,
            self.source,
            self.edit_button,
            self.delete_button,
            self.merge_button,
            self.letter_button,
            self.balance,
            self.values,
            self.reasons,
            *self.sections.values(),
            self.tiers,
        ):
            widget.setVisible(shown)  # fmt: skip

    def show_nothing(self) -> None:
        self.org_id = None
        self.title.clear()
        self.facts.clear()
        self.source.clear()
        for label in (self.balance, self.values, self.reasons):
            label.clear()
        self.tiers.clear()
        for section in self.sections.values():
            section.set_rows([])
        self._set_visible(False)

    def show_assessment(self, assessment: Assessment | None) -> None:
        if assessment is None:
            for label in (self.balance, self.values, self.reasons):
                label.clear()
            return
        self.balance.setText(
            self.tr("Balance: {band} (score {score})").format(
                band=term(assessment.band.value).capitalize(), score=assessment.score
            )
        )
        letters = [flag.letter for flag in assessment.flags if flag.letter]
        self.suggested_letter = letters[0] if letters else "access"
        got = assessment.got_month_cents
        self.values.setText(
            self.tr("You gave data worth {given} a month; you got {got} a month.").format(
                given=format_money(assessment.given_month_cents),
                got=format_money(got) if got is not None else self.tr("an unknown value"),
            )
        )
        lines = [
            self.tr("• {reason}\n   What you can do: {action}").format(
                reason=flag.reason, action=flag.action
            )
            for flag in assessment.flags
        ]
        self.reasons.setText("\n".join(lines) or self.tr("Nothing stands out."))

    def show_organisation(self, ledger: Ledger, org_id: int, lang: str = "en") -> None:
        org = ledger.organisation(org_id)
        self.org_id = org_id
        self.title.setText(org.name)
        lines = [
            (self.tr("Country"), org.country),
            (self.tr("Domains"), ", ".join(org.domains)),
            (self.tr("Also known as"), ", ".join(org.aliases)),
            (self.tr("Privacy contact"), org.privacy_email),
            (self.tr("Address"), org.postal_address.replace("\n", ", ")),
            (self.tr("Phone"), org.phone),
            (self.tr("Website"), org.website),
            (self.tr("Web form"), org.webform),
            (self.tr("Notes"), org.notes),
        ]
        self.facts.setText("\n".join(f"{label}: {value}" for label, value in lines if value))
        if org.directory_slug:
            text = self.tr("From Quid's directory ({quality}). Sources: {sources}").format(
                quality=term(org.directory_quality or "unrated"),
                sources=", ".join(org.directory_sources[:3]) or "—",
            )
            self.source.setText(text)
        else:
            self.source.setText(self.tr("Added by you."))
        for table, section in self.sections.items():
            rows = ledger.records(table, org_id)
            if table == "disclosures":
                for row in rows:
                    try:
                        row["category_label"] = ledger.taxonomy.get(row["category"]).label(lang)
                    except KeyError:
                        row["category_label"] = row["category"]
            section.set_rows(rows)
        if self.tiers.service is not None:
            self.tiers.show_organisation(org_id)
        self._set_visible(True)
