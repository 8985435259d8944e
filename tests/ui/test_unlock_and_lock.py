"""Unlocking (passphrase, keyring, recovery key), locking on demand and when idle."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.storage import keys
from app.storage.header import VaultHeader
from app.ui import clipboard
from app.ui.dialogs import PreferencesDialog
from app.ui.unlock import UnlockWay
from tests.support.keyrings import LockedKeyring
from tests.ui.conftest import PASSPHRASE


def _unlock_view(controller):
    controller.start()
    window = controller.window
    assert window.isVisible()
    return window.unlock_view


def test_wrong_then_right_passphrase(qtbot, controller, paths, passphrase_vault):
    view = _unlock_view(controller)
    assert controller.window.stack.currentWidget() is view
    assert view._way is UnlockWay.PASSPHRASE
    before = hashlib.sha256(paths.vault_file.read_bytes()).hexdigest()

    qtbot.keyClicks(view.passphrase, "not the passphrase")
    qtbot.keyClick(view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.error.isVisible(), timeout=10000)
    assert "Wrong passphrase" in view.error.text()
    assert not controller.session.is_unlocked
    assert hashlib.sha256(paths.vault_file.read_bytes()).hexdigest() == before

    view.passphrase.clear()
    qtbot.keyClicks(view.passphrase, PASSPHRASE)
    view.unlock_button.click()
    qtbot.waitUntil(lambda: controller.session.is_unlocked, timeout=10000)
    assert controller.window.stack.currentWidget() is controller.window.shell
    assert view.passphrase.text() == ""
    assert controller.window.passphrase_action.isEnabled()


def test_keyring_mode_unlocks_without_asking(qtbot, controller, keyring_vault):
    controller.start()
    assert controller.session.is_unlocked
    assert controller.window.stack.currentWidget() is controller.window.shell
    assert "keyring" in controller.window.state_label.text()
    assert not controller.window.passphrase_action.isEnabled()


def test_case06_case10_missing_keyring_entry_leads_to_recovery_and_puts_key_back(
    qtbot, controller, paths, keyring_vault, memory_keyring
):
    """SECURITY.md cases 6 and 10 in the GUI."""
    memory_keyring.secrets.clear()
    view = _unlock_view(controller)
    assert not controller.session.is_unlocked
    assert view._way is UnlockWay.RECOVERY
    assert "recovery key" in view.error.text()

    qtbot.keyClicks(view.recovery, keyring_vault.lower().replace("-", " "))
    view.unlock_button.click()
    qtbot.waitUntil(lambda: controller.session.is_unlocked, timeout=10000)
    header = VaultHeader.read(paths.key_header_file)
    assert keys.keyring_load(header.vault_id) is not None, "the key went back to the keyring"


def test_mistyped_recovery_key_says_so(qtbot, controller, keyring_vault, memory_keyring):
    memory_keyring.secrets.clear()
    view = _unlock_view(controller)
    typo = ("A" if keyring_vault[0] != "A" else "B") + keyring_vault[1:]
    qtbot.keyClicks(view.recovery, typo)
    view.unlock_button.click()
    qtbot.waitUntil(lambda: view.error.isVisible() and "typo" in view.error.text(), timeout=5000)
    assert not controller.session.is_unlocked


def test_case09_locked_keyring_offers_retry_and_recovery(qtbot, controller, paths, keyring_vault):
    """SECURITY.md case 9: the keyring prompt was dismissed."""
    locked = LockedKeyring()
    import keyring

    previous = keyring.get_keyring()
    locked.secrets = dict(previous.secrets)
    keyring.set_keyring(locked)
    before = paths.vault_file.read_bytes()
    view = _unlock_view(controller)
    assert not controller.session.is_unlocked
    assert "locked" in view.error.text()
    assert view.unlock_button.isEnabled()
    assert view.switch_button.isEnabled()
    assert paths.vault_file.read_bytes() == before

    locked.locked = False  # the person unlocks the keyring and retries
    view.set_way(UnlockWay.KEYRING)
    view.unlock_button.click()
    qtbot.waitUntil(lambda: controller.session.is_unlocked, timeout=10000)


def test_ctrl_l_locks_and_clears_the_views(qtbot, controller, keyring_vault):
    controller.start()
    window = controller.window
    assert window.shell.overview.summary.text()
    vault = controller.session.vault
    backups = controller.session.paths.backup_dir
    qtbot.waitUntil(  # the first scheduled backup runs just after the unlock
        lambda: any(backups.glob("ledger-scheduled-*.db")) and not controller.session.busy
    )
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.shell.sidebar, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not controller.session.is_unlocked
    assert not vault.is_open
    assert window.shell.overview.summary.text() == ""
    assert window.stack.currentWidget() is window.unlock_view
    assert window.state_label.text() == "Locked"
    assert not window.lock_action.isEnabled()


def test_case30_idle_timeout_locks_closes_dialogs_and_clears_clipboard(
    qtbot, controller, keyring_vault
):
    """SECURITY.md case 30."""
    controller.start()
    dialog = PreferencesDialog(10, controller.window)
    dialog.open()
    assert dialog.isVisible()
    clipboard.copy_sensitive("RECOVERY-TEXT-ON-CLIPBOARD")
    assert QApplication.clipboard().text() == "RECOVERY-TEXT-ON-CLIPBOARD"

    controller.session.set_idle_interval_ms(150)
    qtbot.waitUntil(lambda: not controller.session.is_unlocked, timeout=5000)
    assert not dialog.isVisible()
    assert QApplication.clipboard().text() == ""
    assert controller.window.stack.currentWidget() is controller.window.unlock_view


def test_clipboard_left_alone_when_it_holds_someone_elses_text(qtbot, controller, keyring_vault):
    controller.start()
    clipboard.copy_sensitive("ours")
    QApplication.clipboard().setText("copied from another app")
    controller.session.lock()
    assert QApplication.clipboard().text() == "copied from another app"


def test_activity_postpones_the_idle_lock(qtbot, controller, keyring_vault):
    controller.start()
    controller.session.set_idle_interval_ms(400)
    for _ in range(6):
        qtbot.wait(120)
        qtbot.keyClick(controller.window.shell.sidebar, Qt.Key.Key_Down)
    assert controller.session.is_unlocked, "the person kept working: no lock"
    qtbot.waitUntil(lambda: not controller.session.is_unlocked, timeout=5000)


def test_idle_minutes_setting_is_saved_in_the_vault(qtbot, controller, keyring_vault):
    from app.storage import settings

    controller.start()
    vault = controller.session.vault
    assert controller.session.idle_timer.interval() == 10 * 60_000  # the default
    settings.set_setting(vault.conn, settings.IDLE_LOCK_MINUTES, 3)
    controller.session.lock()
    controller.window.unlock_view.unlock()
    qtbot.waitUntil(lambda: controller.session.is_unlocked, timeout=5000)
    assert controller.session.idle_timer.interval() == 3 * 60_000


def test_lock_waits_for_background_work_then_happens(qtbot, controller, keyring_vault):
    """A worker (import, export, backup) uses the vault's connection: Ctrl+L or the idle
    timer must not close it under the worker; the lock happens as soon as the work ends."""
    controller.start()
    session = controller.session
    session.set_idle_interval_ms(100)
    session.begin_background()
    qtbot.wait(300)
    assert session.is_unlocked, "no idle lock while a worker uses the vault"
    session.lock()
    assert session.is_unlocked and session.vault is not None
    session.end_background()
    assert not session.is_unlocked


def test_assessment_refresh_waits_while_a_worker_uses_the_vault(qtbot, controller, keyring_vault):
    controller.start()
    shell = controller.window.shell
    calls = []
    service = shell.assessment
    original = service.refresh_stale
    service.refresh_stale = lambda: calls.append(1) or original()
    controller.session.begin_background()
    shell.refresh_assessments()
    assert calls == [], "a GUI-thread write while a worker holds the connection would fail"
    controller.session.end_background()
    qtbot.waitUntil(lambda: calls != [], timeout=3000)
