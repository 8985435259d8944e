"""SECURITY.md case 30 and promise 6: locking (on demand, or after the idle timeout) closes the
dialogs, empties every table, closes the connection, zeroes the key and drops every reference
the app held to the vault, and clears the clipboard when it still holds what Quid put there.
The clipboard is also cleared on its own timer while the vault stays unlocked.

What can be proven from Python: the key lives in one `bytearray` inside the Vault, which
`close()` overwrites with zeros (copies made by `bytes(...)` for SQLCipher's PRAGMA and by the
keyring backend are outside reach); after the lock no object of the app holds the Vault (a
weak reference to it dies), and the SQLCipher connection is closed.
"""

from __future__ import annotations

import gc
import weakref

from PySide6.QtWidgets import QApplication, QDialog

from app.domain.ledger import OrganisationInput, ProfileInput
from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.services.requests import RequestService
from app.storage.vault import open_with_keyring
from app.ui import clipboard
from app.ui.dialogs import PreferencesDialog
from app.ui.organisation_dialogs import OrganisationDialog
from app.ui.shell import ORGANISATIONS, REQUESTS

SENTINEL = "Q-LOCK-SENTINEL-30"


def referrers_in_app(target: object) -> list[str]:
    """The objects of the app (modules app.*) that still refer to `target`."""
    gc.collect()
    found = []
    for holder in gc.get_referrers(target):
        owner = holder
        if isinstance(holder, dict):  # an instance's __dict__: find its instance
            owners = [o for o in gc.get_referrers(holder) if getattr(o, "__dict__", None) is holder]
            owner = owners[0] if owners else holder
        module = type(owner).__module__
        if module.startswith("app."):
            found.append(f"{type(owner).__qualname__} ({module})")
    return found


def test_case30_lock_closes_dialogs_empties_tables_and_drops_the_key(
    qtbot, controller, paths, keyring_vault
) -> None:
    with open_with_keyring(paths) as vault:
        ledger = Ledger(vault.conn)
        load_example_ledger(ledger)
        org_id = ledger.resolve("bol.com")
        RequestService(vault.conn).create_draft(org_id, "access", "en", "Access", "Dear …")
    controller.start()
    session, window = controller.session, controller.window
    shell = window.shell
    qtbot.waitUntil(lambda: shell.overview.dashboard is not None, timeout=10000)
    shell.show_page(REQUESTS)
    requests = shell.requests
    assert requests.model.rowCount() == 1
    shell.open_organisation(org_id)
    organisations = shell.organisations
    assert shell.pages.currentIndex() == ORGANISATIONS
    assert organisations.model.rowCount() > 20 and organisations.detail.org_id == org_id
    assert organisations.detail.sections["disclosures"].model.rowCount() > 0
    editing = OrganisationDialog(shell.ledger.organisation(org_id), organisations)
    editing.open()
    preferences = PreferencesDialog(10, window)
    preferences.open()
    clipboard.copy_sensitive(SENTINEL)
    assert QApplication.clipboard().text() == SENTINEL

    vault = session.vault
    assert vault is not None and shell.assessment is not None
    conn, key = vault.conn, vault._key
    assert any(key), "the key is held while unlocked"
    watched = weakref.ref(vault)
    del vault

    session.lock()

    assert not editing.isVisible() and not preferences.isVisible(), "dialogs closed"
    assert [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible()] == []  # fmt: skip
    assert organisations.model.rowCount() == 0 and requests.model.rowCount() == 0
    assert organisations.detail.org_id is None
    assert organisations.detail.sections["disclosures"].model.rowCount() == 0
    assert organisations.detail.tiers.model.rowCount() == 0
    assert requests.letter.toPlainText() == "" and requests.timeline.count() == 0
    assert shell.ledger is None and shell.assessment is None and shell._vault is None
    assert organisations.ledger is None and organisations.detail.tiers.service is None
    assert requests.service is None and requests.ledger is None
    assert shell.ledger_actions.undo_stack.count() == 0
    assert QApplication.clipboard().text() == "", "our text was cleared"
    assert window.stack.currentWidget() is window.unlock_view

    assert bytes(key) == bytes(len(key)) and len(key) == 32, "the key buffer is zeroed"
    left = watched()
    assert (referrers_in_app(left) if left is not None else []) == [], "app objects hold it"
    del left
    gc.collect()
    assert watched() is None, "no object holds the Vault any more"
    try:
        conn.execute("SELECT 1")
    except Exception as exc:  # sqlcipher3.ProgrammingError
        assert "closed" in str(exc)
    else:
        raise AssertionError("the connection is still open")
    assert referrers_in_app(conn) == [], "no app object holds the closed connection"


def test_case30_copied_text_is_cleared_after_its_timeout_while_unlocked(
    qtbot, controller, keyring_vault
) -> None:
    controller.start()
    assert controller.session.is_unlocked
    clipboard.copy_sensitive(SENTINEL, clear_after_ms=100)
    assert QApplication.clipboard().text() == SENTINEL
    mime = QApplication.clipboard().mimeData()
    assert mime.data("x-kde-passwordManagerHint").data() == b"secret", "marked sensitive"
    qtbot.waitUntil(lambda: QApplication.clipboard().text() == "", timeout=3000)
    assert controller.session.is_unlocked, "cleared by its timer, not by a lock"


def test_case30_a_second_copy_gets_its_own_full_time(qtbot, controller, keyring_vault) -> None:
    controller.start()
    clipboard.copy_sensitive("first", clear_after_ms=100)
    clipboard.copy_sensitive(SENTINEL, clear_after_ms=10_000)  # far apart: no timing race
    qtbot.wait(600)  # the first copy's time is well over
    assert QApplication.clipboard().text() == SENTINEL, "not cut short by the first timer"
    clipboard.clear_if_ours()


def test_case30_letter_copied_to_the_clipboard_is_ours_and_cleared_on_lock(
    qtbot, controller, paths, keyring_vault, monkeypatch
) -> None:
    from app.ui import letter_dialog

    with open_with_keyring(paths) as vault:
        ledger = Ledger(vault.conn)
        ledger.set_profile(ProfileInput(f"Jan {SENTINEL}", emails=["jan@example.org"]))
        org_id = ledger.add_organisation(OrganisationInput("Shop", privacy_email="p@shop.example"))
    controller.start()
    shell = controller.window.shell
    copied: list[str] = []

    def run(dialog: letter_dialog.LetterDialog) -> int:
        dialog.outputs["copy"].click()
        copied.append(QApplication.clipboard().text())
        return 0

    monkeypatch.setattr(letter_dialog.LetterDialog, "exec", run)
    shell.open_organisation(org_id)
    shell.organisations.write_letter(org_id, "access")
    assert SENTINEL in copied[0]
    assert QApplication.clipboard().mimeData().hasFormat("x-kde-passwordManagerHint")
    controller.session.lock()
    assert QApplication.clipboard().text() == ""
