"""Accessibility: every control a screen reader meets has a name, Tab walks each dialog in reading
order, colour is never the only signal, and the tinted cells stay legible in light and dark."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

from app.domain.ledger import AccountInput, BenefitInput
from app.services.assessment import AssessmentService
from app.services.directory import Directory, load_directory
from app.services.discovery import propose
from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.services.password_export import ExportEntry
from app.services.requests import RequestService

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox,
               QAbstractSpinBox, QAbstractItemView, QSlider, QTabBar)  # fmt: skip


def _is_part_of_another(widget: QWidget) -> bool:
    """Pieces Qt builds inside a control (a spin box's editor, a line edit's clear button, a
    table's corner button, a header): the screen reader meets the control, not its parts."""
    if isinstance(widget, QHeaderView) or isinstance(widget.parentWidget(), QAbstractItemView):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QTabBar, QLineEdit)):
            return True
        parent = parent.parentWidget()
    return False


def interactive(root: QWidget) -> list[QWidget]:
    found = [root] if isinstance(root, INTERACTIVE) else []
    found += root.findChildren(QWidget)
    return [w for w in found if isinstance(w, INTERACTIVE) and w.isVisible()
            and not _is_part_of_another(w)]  # fmt: skip


def buddies(root: QWidget) -> set[int]:
    labels = root.findChildren(QLabel)
    if isinstance(root.window(), QWidget) and root.window() is not root:
        labels += root.window().findChildren(QLabel)
    return {id(label.buddy()) for label in labels if label.buddy() is not None and label.text()}


def name_of(widget: QWidget, buddied: set[int]) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    if id(widget) in buddied:
        return "(label)"
    return ""


def unnamed(root: QWidget) -> list[str]:
    """A line per control without a name, saying where it is."""
    buddied = buddies(root)
    misses = []
    for widget in interactive(root):
        if isinstance(widget, QTabBar):
            misses += [f"{type(root).__name__}: tab {i} of {widget.objectName()!r}"
                       for i in range(widget.count()) if not widget.tabText(i).strip()]  # fmt: skip
            continue
        if not name_of(widget, buddied):
            hint = widget.toolTip() or widget.objectName() or getattr(widget, "placeholderText",
                                                                      lambda: "")()  # fmt: skip
            misses.append(f"{type(root).__name__}: {type(widget).__name__} {hint!r}")
    return misses


# --- the screens ------------------------------------------------------------------------------
def unlocked_with_example(controller):  # type: ignore[no-untyped-def]
    controller.start()
    vault = controller.session.vault
    ledger = Ledger(vault.conn)
    load_example_ledger(ledger)
    org_id = ledger.resolve("FitTrack (fictional)")
    if not RequestService(vault.conn).requests():
        RequestService(vault.conn).create_draft(org_id, "access", "en", "Access", "Dear …")
    controller.window.shell.load(vault)
    controller.window.shell.refresh_assessments()
    return controller.window, org_id


def main_pages(qtbot, window, org_id) -> Iterator[tuple[str, QWidget]]:  # type: ignore[no-untyped-def]
    shell = window.shell
    window.resize(1280, 800)
    shell.show_page(0)
    qtbot.waitUntil(lambda: shell.overview.dashboard is not None, timeout=10000)
    qtbot.waitUntil(lambda: shell.overview.dashboard.rows[0].button.isVisible())
    yield "Overview", window
    shell.show_page(1)
    view = shell.organisations
    view.table.selectRow(view.model.row_of(org_id))
    qtbot.waitUntil(lambda: view.current_id() == org_id)
    yield "Organisations", window
    shell.show_page(2)
    shell.requests.table.selectRow(0)
    yield "Requests", window


def dialogs(window, org_id, paths) -> Iterator[tuple[str, QWidget]]:  # type: ignore[no-untyped-def]
    from app.services.ledger_inputs import record_input
    from app.storage import settings
    from app.ui.assessment_settings import AssessmentSettingsDialog
    from app.ui.backup_dialogs import ProtectionDialog
    from app.ui.dialogs import PreferencesDialog
    from app.ui.key_dialogs import ChangePassphraseDialog, KeyStorageDialog
    from app.ui.letter_dialog import LetterDialog
    from app.ui.organisation_dialogs import AddOrganisationDialog, OrganisationDialog
    from app.ui.record_dialogs import AccountDialog, BenefitDialog, DisclosureDialog, ProfileDialog
    from app.ui.reply_dialog import HeldCategoriesDialog
    from app.ui.sent_dialog import SentDialog
    from app.ui.tiers_section import TierDialog

    ledger = window.shell.organisations.ledger
    vault = window.session.vault
    taxonomy = ledger.taxonomy
    given = record_input("disclosures", ledger.records("disclosures", org_id)[0])
    yield "add organisation", AddOrganisationDialog(ledger, load_directory(), window)
    yield "edit organisation", OrganisationDialog(ledger.organisation(org_id), window)
    yield "new data given", DisclosureDialog(taxonomy, None, window)
    yield "edit data given", DisclosureDialog(taxonomy, given, window)
    yield "data got", BenefitDialog(BenefitInput("service"), window)
    yield "account", AccountDialog(AccountInput("me@example.org"), window)
    yield "profile", ProfileDialog(ledger.profile(), window)
    yield "preferences", PreferencesDialog(settings.idle_lock_minutes(ledger.conn), window,
                                           paths=paths, schedule=None)  # fmt: skip
    yield "assessment settings", AssessmentSettingsDialog(AssessmentService(ledger.conn), window)
    yield "tier", TierDialog(taxonomy, None, window)
    yield "letter", LetterDialog(ledger, org_id, parent=window)
    yield "reply", HeldCategoriesDialog(taxonomy, window)
    yield "sent", SentDialog(date.today(), window)
    yield "change passphrase", ChangePassphraseDialog(vault, window)
    yield "key storage", KeyStorageDialog(vault, window)
    yield "backup protection", ProtectionDialog(window)


def import_dialogs(ledger: Ledger, tmp_path: Path) -> Iterator[tuple[str, QWidget]]:
    from app.ui.column_mapping import ColumnMappingDialog
    from app.ui.import_preview import ImportPreviewDialog

    entries = [ExportEntry(2, "t", ("https://bol.com/",), "me@example.org", None, None),
               ExportEntry(3, "u", ("https://tinyhobby.nl/",), "knitter", None, None)]  # fmt: skip
    proposal = propose(entries, ledger.conn, Directory([]))
    yield "import preview", ImportPreviewDialog(proposal, tmp_path / "export.csv", "Bitwarden")
    csv = tmp_path / "other.csv"
    csv.write_text("Address,Login,Secret\nhttps://a.example,me,pw\n", encoding="utf-8")
    yield "column mapping", ColumnMappingDialog(csv, ["Address", "Login", "Secret"], None)


def every_dialog(window, org_id, paths, tmp_path) -> Iterator[tuple[str, QWidget]]:  # type: ignore[no-untyped-def]
    yield from dialogs(window, org_id, paths)
    yield from import_dialogs(window.shell.organisations.ledger, tmp_path)


def shown(qtbot, dialog: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    if not dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose):
        qtbot.addWidget(dialog)  # else it is gone once closed
    dialog.show()  # never exec(): a modal loop would hang the test
    return dialog


def test_every_control_on_the_pages_and_dialogs_has_a_name(qtbot, controller, keyring_vault,
                                                           paths, tmp_path):  # fmt: skip
    window, org_id = unlocked_with_example(controller)
    misses, seen = [], 0
    for name, root in main_pages(qtbot, window, org_id):
        misses += [f"{name}: {m}" for m in unnamed(root)]
        seen += len(interactive(root))
    for name, dialog in every_dialog(window, org_id, paths, tmp_path):
        misses += [f"{name}: {m}" for m in unnamed(shown(qtbot, dialog))]
        seen += len(interactive(dialog))
        dialog.close()
    assert seen > 200, "it looked at the controls"
    assert misses == []


def test_a_control_without_a_name_is_caught(qtbot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    named, bare, labelled = QLineEdit(form), QLineEdit(form), QLineEdit(form)
    named.setAccessibleName("Name")
    QLabel("&Email:", form).setBuddy(labelled)
    bare.setPlaceholderText("phone")
    form.show()
    assert unnamed(form) == ["QWidget: QLineEdit 'phone'"]


def test_first_run_wizard_names_its_controls(qtbot, controller, memory_keyring):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWizard

    controller.start()
    wizard = controller.wizard
    misses = unnamed(wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.key_page.keyring_checked, timeout=5000)
    wizard.key_page.passphrase_choice.setChecked(True)
    misses += unnamed(wizard)
    wizard.key_page.keyring_choice.setChecked(True)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=15000)
    misses += unnamed(wizard)
    assert misses == []


def test_unlock_screen_names_its_controls(qtbot, controller, passphrase_vault):  # type: ignore[no-untyped-def]
    controller.start()
    view = controller.window.unlock_view
    assert controller.window.stack.currentWidget() is view
    misses = unnamed(view)
    view.switch_button.click()
    assert view.recovery.isVisible()
    misses += unnamed(view)
    assert misses == [] and len(interactive(view)) >= 3


# --- Tab order ---------------------------------------------------------------------------------
def tab_chain(dialog: QWidget) -> list[QWidget]:
    """The widgets Tab stops at, in order, from the dialog round to itself."""
    chain, widget = [], dialog.nextInFocusChain()
    while widget is not dialog and len(chain) < 500:
        if (widget.isVisible() and widget.isEnabled() and widget.window() is dialog
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.focusProxy() is None and not _is_part_of_another(widget)):  # fmt: skip
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def out_of_reading_order(dialog: QWidget, chain: list[QWidget], tolerance: int = 8) -> list[str]:
    """Each step Tab takes backwards: up to an earlier row, or left on the same row."""

    def box(widget: QWidget):  # type: ignore[no-untyped-def]
        return widget.rect().translated(widget.mapTo(dialog, widget.rect().topLeft()))

    wrong = []
    for before, after in pairwise(chain):
        a, b = box(before), box(after)
        same_row = b.top() < a.bottom() - tolerance and a.top() < b.bottom() - tolerance
        backwards = b.left() < a.left() - tolerance if same_row else b.top() < a.top() - tolerance
        if backwards:
            wrong.append(f"{label(before)} → {label(after)}")
    return wrong


def label(widget: QWidget) -> str:
    return f"{type(widget).__name__}({name_of(widget, buddies(widget.window())) or '?'})"


def test_tab_visits_every_control_of_each_dialog_in_reading_order(qtbot, controller,
                                                                 keyring_vault, paths,
                                                                 tmp_path):  # fmt: skip
    window, org_id = unlocked_with_example(controller)
    problems = []
    for name, dialog in every_dialog(window, org_id, paths, tmp_path):
        shown(qtbot, dialog)
        chain = tab_chain(dialog)
        reachable = [w for w in interactive(dialog) if w.isEnabled()
                     and w.focusPolicy() & Qt.FocusPolicy.TabFocus]  # fmt: skip
        # An exclusive group's other radio buttons are reached with the arrow keys.
        missed = [label(w) for w in reachable if w not in chain
                  and not (isinstance(w, QRadioButton) and not w.isChecked())]  # fmt: skip
        problems += [f"{name}: Tab never reaches {m}" for m in missed]
        problems += [f"{name}: {step}" for step in out_of_reading_order(dialog, chain)]
        dialog.close()
    assert problems == []
