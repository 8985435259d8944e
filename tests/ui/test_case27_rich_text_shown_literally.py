"""SECURITY.md case 27 everywhere in the window: a ledger whose every text field holds rich text
(`<b>…`, `<img onerror>`, a `javascript:` link) and template syntax is shown literally in every
label, tooltip, item view, chart, message box, input dialog and letter.

Qt reads a QLabel's text, a tooltip, a QMessageBox's text and a chart's labels as HTML when
they look like it (`Qt::mightBeRichText`); item views draw their DisplayRole as plain text but
show ToolTipRole as rich text. Each check asks what the person would *see*: the text as Qt
would render it must still hold the literal `<b>`. The HTML and PDF reports are covered by
tests/unit/test_report_html.py and test_report_pdf.py (`test_case23_case26_case27_…`,
`test_case26_case27_…`), the letter PDF on its own by tests/unit/test_letter_pdf.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6 import QtGui
from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.domain.ledger import (
    AccountInput,
    BenefitInput,
    DisclosureInput,
    OrganisationInput,
    ProfileInput,
)
from app.services.ledger import Ledger
from app.services.requests import RequestService
from app.services.tiers import TierInput, TierService
from app.storage.vault import open_with_keyring
from app.ui import letter_dialog
from app.ui.shell import ORGANISATIONS, OVERVIEW, REQUESTS

RICH = '<b>BOLD</b><img src=x onerror=alert(1)><a href="javascript:x">a</a>'
TEMPLATE = "{{7*7}} {% for x in y %} ${x}"
HOSTILE = f"{RICH} {TEMPLATE}"
SEEN = "BOLD"  # in the text in any form: raw, escaped or cut short
LITERAL = "<b>"  # what must still be visible where SEEN is
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
         Qt.ItemDataRole.StatusTipRole, Qt.ItemDataRole.WhatsThisRole)  # fmt: skip


@dataclass
class Hostile:
    org_id: int
    other_id: int
    request_id: int
    ids: dict[str, int]


def build_hostile_ledger(ledger: Ledger) -> Hostile:
    """Every text field of every kind of record holds HOSTILE, through the services."""
    ledger.set_profile(ProfileInput(f"Anna {HOSTILE}", f"{HOSTILE}\n1234 AB Amsterdam",
                                    ["anna@example.org"], "+31 6 1234 5678", "NL"))  # fmt: skip
    org_id = ledger.add_organisation(OrganisationInput(
        f"Evil {HOSTILE}", domains=["evil-shop.nl"], country="NL", postal_address=HOSTILE,
        phone=HOSTILE[:60], webform=f"https://evil.example/form?{RICH}", notes=HOSTILE,
        aliases=[HOSTILE],
    ))  # fmt: skip
    other_id = ledger.add_organisation(OrganisationInput("Plain B.V.", domains=["plain.example"]))
    ids = {
        "accounts": ledger.add_account(org_id, AccountInput(HOSTILE, notes=HOSTILE)),
        "disclosures": ledger.add_disclosure(org_id, DisclosureInput(
            "EmailAddress", detail=HOSTILE, purpose=HOSTILE, legal_basis=HOSTILE[:60],
            retention=HOSTILE, required=True, necessary=False,
        )),
        "benefits": ledger.add_benefit(org_id, BenefitInput("service", HOSTILE, 500, "month")),
    }  # fmt: skip
    tiers = TierService(ledger.conn, ledger.taxonomy)
    ids["tiers"] = tiers.add(org_id, TierInput(HOSTILE, HOSTILE, ("EmailAddress",), 500))
    requests = RequestService(ledger.conn)
    request_id = requests.create_draft(org_id, "access", "en", HOSTILE, f"Dear {HOSTILE}")
    requests.mark_sent(request_id)
    requests.extend(request_id, HOSTILE)
    attachment = (f"{HOSTILE}.pdf", "application/pdf", b"%PDF")
    requests.record_reply(request_id, summary=HOSTILE, attachments=(attachment,))
    return Hostile(org_id, other_id, request_id, ids)


# --- what the person sees -----------------------------------------------------------------------
def as_seen(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """The text as Qt renders it: through its HTML reader when the format says so."""
    rich = fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


@dataclass
class Walk:
    """Every place holding ledger text that was looked at, and the ones not shown literally."""

    places: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def text(self, where: str, text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> None:
        if SEEN not in text:
            return
        self.places.append(where)
        if LITERAL not in as_seen(text, fmt):
            self.problems.append(f"{where}: {text[:90]!r} is shown as rich text")

    def widget(self, widget: QWidget) -> None:
        where = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()}"
        self.text(f"{where} tooltip", widget.toolTip())
        self.text(f"{where} what's this", widget.whatsThis())
        if widget.isWindow() and SEEN in widget.windowTitle():  # promise 7: never in a title
            self.problems.append(f"{where}: ledger text in the window title")
        if isinstance(widget, QLabel):
            self.text(f"label {where}", widget.text(), widget.textFormat())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            shown = widget.toPlainText()
            self.text(f"text box {where}", shown, Qt.TextFormat.PlainText)
        elif isinstance(widget, QLineEdit):
            self.text(f"line edit {where}", widget.text(), Qt.TextFormat.PlainText)
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            delegate = type(widget.itemDelegate())  # Qt's own draw plain text; ours might not
            assert delegate.__module__.startswith("PySide6"), f"{where}: {delegate} draws it"
            self.model(where, widget.model())
        elif isinstance(widget, QChartView):
            self.chart(where, widget)

    def model(self, where: str, model: QAbstractItemModel, parent: Any = None) -> None:
        parent = parent if parent is not None else QModelIndex()
        flat = isinstance(model, QAbstractListModel)  # columnCount is private there
        for row in range(min(model.rowCount(parent), 200)):
            for column in range(1 if flat else model.columnCount(parent)):
                index = model.index(row, column, parent)
                for role in ROLES:
                    value = model.data(index, role)
                    if isinstance(value, str):
                        plain = role == Qt.ItemDataRole.DisplayRole  # delegates draw plain text
                        fmt = Qt.TextFormat.PlainText if plain else Qt.TextFormat.AutoText
                        self.text(f"{where} [{row},{column}] role {int(role)}", value, fmt)
            if not flat and model.rowCount(model.index(row, 0, parent)) > 0:
                self.model(where, model, model.index(row, 0, parent))

    def chart(self, where: str, view: QChartView) -> None:
        chart = view.chart()  # QtCharts reads every one of these as HTML
        self.text(f"{where} title", chart.title(), Qt.TextFormat.RichText)
        for series in chart.series():
            self.text(f"{where} series", series.name(), Qt.TextFormat.RichText)
        for axis in chart.axes():
            self.text(f"{where} axis", axis.titleText(), Qt.TextFormat.RichText)
            if isinstance(axis, QBarCategoryAxis):
                for label in axis.categories():
                    self.text(f"{where} category", label, Qt.TextFormat.RichText)

    def tree(self, root: QWidget) -> None:
        for widget in [root, *root.findChildren(QWidget)]:
            self.widget(widget)

    def message_box(self, box: QMessageBox) -> None:
        self.text("message box text", box.text(), box.textFormat())
        self.tree(box)  # its labels, the informative text included

    def assert_literal(self, *expected: str) -> None:
        assert self.problems == [], "\n".join(self.problems)
        for place in expected:
            assert any(place in seen for seen in self.places), f"never looked at {place}"


@pytest.fixture
def hostile(paths, keyring_vault) -> Hostile:
    with open_with_keyring(paths) as vault:
        return build_hostile_ledger(Ledger(vault.conn))


@pytest.fixture
def walk() -> Walk:
    return Walk()


@pytest.fixture
def modal(monkeypatch, walk: Walk) -> Iterator[list[QWidget]]:
    """Every modal dialog is walked instead of run (a modal loop would hang the test)."""
    opened: list[QWidget] = []

    def dialog_exec(dialog: QDialog) -> int:
        opened.append(dialog)
        walk.tree(dialog)
        return 0  # rejected: nothing changes

    def box_exec(box: QMessageBox) -> int:
        opened.append(box)
        walk.message_box(box)
        return int(QMessageBox.StandardButton.No)

    def get_item(parent, title, label, items, *args, **kwargs) -> tuple[str, bool]:
        walk.text("input dialog label", label)
        walk.text("input dialog title", title)
        return "", False

    monkeypatch.setattr(QDialog, "exec", dialog_exec)
    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("", False))
    yield opened


def start(qtbot, controller) -> Any:
    controller.start()
    shell = controller.window.shell
    qtbot.waitUntil(lambda: shell.overview.dashboard is not None, timeout=10000)
    return shell


def open_windows(walk: Walk, window: QWidget) -> None:
    walk.tree(window)
    for top in QApplication.topLevelWidgets():
        if top is not window and top.isVisible():
            walk.tree(top)


def first_column(dialog: QWidget) -> Iterator[str]:
    for view in dialog.findChildren(QAbstractItemView):
        model = view.model()
        for row in range(model.rowCount()):
            yield str(model.index(row, 0).data())


# --- the pages ----------------------------------------------------------------------------------
def test_case27_overview_and_dashboard(qtbot, controller, hostile, walk, modal) -> None:
    shell = start(qtbot, controller)
    shell.show_page(OVERVIEW)
    open_windows(walk, controller.window)
    walk.assert_literal("QPushButton")  # the worst exchanges: name buttons with tooltips


def test_case27_organisations_page_detail_and_its_dialogs(
    qtbot, controller, hostile, walk, modal
) -> None:
    shell = start(qtbot, controller)
    shell.show_page(ORGANISATIONS)
    view = shell.organisations
    view.select_organisation(hostile.org_id)
    detail = view.detail
    assert detail.org_id == hostile.org_id and HOSTILE in detail.title.text()
    open_windows(walk, controller.window)
    walk.assert_literal("label", "[0,0] role", "[0,1] role", "Tiers they offer")

    for table in ("disclosures", "benefits", "accounts"):
        view.edit_record(table, hostile.ids[table])
    view.edit_organisation(hostile.org_id)
    detail.tiers.view.selectRow(0)
    detail.tiers.edit_tier()
    assert len(modal) == 5, "every record dialog and the organisation and tier dialogs opened"
    assert all(HOSTILE in dialog.name.text() for dialog in modal[-2:])
    view.merge_organisation(hostile.org_id)
    walk.assert_literal("line edit", "text box", "input dialog label")


def test_case27_a_refusal_that_quotes_the_input_is_plain(
    qtbot, controller, hostile, walk, modal
) -> None:
    shell = start(qtbot, controller)
    shell.show_page(ORGANISATIONS)
    view = shell.organisations
    before = len(modal)
    refused = OrganisationInput("Shop", domains=[HOSTILE])  # the message quotes the domain
    assert not view._run(lambda: shell.ledger_actions.add_organisation(refused))
    boxes = [box for box in modal[before:] if isinstance(box, QMessageBox)]
    assert len(boxes) == 1 and boxes[0].textFormat() == Qt.TextFormat.PlainText
    walk.assert_literal("message box text")


def test_case27_add_organisation_search_and_duplicate_question(
    qtbot, controller, hostile, walk, modal
) -> None:
    from app.services.directory import Directory, DirectoryEntry
    from app.ui.organisation_dialogs import AddOrganisationDialog

    shell = start(qtbot, controller)
    dialog = AddOrganisationDialog(shell.ledger, Directory([]))
    qtbot.addWidget(dialog)
    dialog.search.setText("Evil")
    qtbot.waitUntil(lambda: any(HOSTILE in t for t in first_column(dialog)), timeout=3000)
    walk.tree(dialog)
    dialog.choose_entry(DirectoryEntry("evil", "Evil", "Nowhere", domains=("evil-shop.nl",)))
    box = dialog.duplicate_box
    assert box is not None and HOSTILE in box.text()
    walk.message_box(box)
    box.reject()
    walk.assert_literal("message box text")


def test_case27_requests_page(qtbot, controller, hostile, walk, modal) -> None:
    """Subject, letter, the extension's reason and the reply's summary in the timeline, the
    attachment's name. (The reply dialog itself lists only Quid's data categories.)"""
    shell = start(qtbot, controller)
    shell.show_page(REQUESTS)
    page = shell.requests
    page.select(hostile.request_id)
    assert HOSTILE in page.title.text() and HOSTILE in page.letter.toPlainText()
    open_windows(walk, controller.window)
    walk.assert_literal("label", "text box", "Timeline", "Attachments", "Requests [0,0]")


def test_case27_letter_shows_and_prints_template_text_literally(
    qtbot, controller, hostile, walk, monkeypatch, tmp_path
) -> None:
    """Case 26 and 27 in the letter dialog: the letter quotes the profile and organisation as
    typed, in the editor and in the saved PDF; no template was run (no 49)."""
    shell = start(qtbot, controller)
    shell.open_organisation(hostile.org_id)
    pdf = tmp_path / "letter.pdf"
    seen: list[str] = []

    def run(dialog: letter_dialog.LetterDialog) -> int:
        seen.append(dialog.text.toPlainText())
        walk.tree(dialog)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
        dialog.save_pdf()
        return 0

    monkeypatch.setattr(letter_dialog.LetterDialog, "exec", run)
    shell.organisations.write_letter(hostile.org_id, "access")
    printed = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert f"Anna {HOSTILE}" in seen[0], "the profile's name, as typed"
    for text in (seen[0], printed):  # (the PDF may break a line inside "</a>")
        assert "{{7*7}}" in text and "{% for x in y %}" in text and "${x}" in text
        assert "<b>BOLD</b>" in text and not re.search(r"(?<!\d)49(?!\d)", text)
    walk.assert_literal("text box", "label")  # the web-form note under the letter


def test_case27_assessment_settings_and_profile(qtbot, controller, hostile, walk, modal) -> None:
    shell = start(qtbot, controller)
    shell.open_assessment_settings()
    controller.window.edit_profile()
    assert len(modal) == 2
    walk.assert_literal("line edit")  # the profile's name


def test_case27_password_import_preview_with_hostile_titles(
    qtbot, controller, hostile, walk, tmp_path
) -> None:
    from app.services.discovery import propose
    from app.services.password_export import ExportEntry
    from app.ui.import_preview import ImportPreviewDialog

    shell = start(qtbot, controller)
    entries = [
        ExportEntry(2, HOSTILE, ("https://shop.example.nl/",), "anna@example.org", None, None),
        ExportEntry(3, HOSTILE, ("not a web address",), HOSTILE, None, None),
        ExportEntry(4, HOSTILE, ("https://www.evil-shop.nl/login",), HOSTILE[:200], None, None),
    ]
    proposal = propose(entries, shell.ledger.conn)
    dialog = ImportPreviewDialog(proposal, tmp_path / "<b>BOLD {{7*7}}.csv", "Bitwarden")
    qtbot.addWidget(dialog)
    dialog.tree.expandAll()
    walk.tree(dialog)
    walk.assert_literal("Organisations to add", "Skipped rows", "label")
