"""GUI edges found in review: cancelling while the vault is made, a missing vault file,
recovering a passphrase vault, an unlock that finishes after the window closed."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from app.storage.header import KeyMode
from app.storage.vault import create_vault, open_with_passphrase
from app.ui.key_dialogs import KeyStorageDialog
from app.ui.unlock import UnlockWay
from tests.ui.conftest import PASSPHRASE


def test_cancel_is_refused_while_the_vault_is_being_made(qtbot, controller, paths):
    controller.start()
    wizard = controller.wizard
    wizard.next()
    qtbot.waitUntil(lambda: wizard.key_page.keyring_checked, timeout=5000)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.key_page.creating
    assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    wizard.reject()  # Escape or the window's close button
    assert wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=15000)
    assert wizard.recovery_page.box._code, "the recovery key is shown after all"


def test_missing_vault_file_shows_the_problem_screen(qtbot, controller, paths, keyring_vault):
    paths.vault_file.rename(paths.data_dir / "moved-away.db")
    controller.start()
    window = controller.window
    assert controller.wizard is None, "never a first run over an existing key file"
    assert window.stack.currentWidget() is window.problem_view
    assert "missing" in window.problem_view.message.text()
    assert not window.problem_view.restore.isHidden()


def test_recovering_a_passphrase_vault_asks_for_a_new_passphrase(
    qtbot, controller, paths, passphrase_vault
):
    controller.start()
    view = controller.window.unlock_view
    view.set_way(UnlockWay.RECOVERY)
    qtbot.keyClicks(view.recovery, passphrase_vault)
    view.unlock_button.click()
    qtbot.waitUntil(lambda: controller.session.is_unlocked, timeout=10000)
    dialogs = [w for w in controller.window.findChildren(KeyStorageDialog) if w.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.passphrase_choice.isChecked()
    dialog.fields.passphrase.setText("a fresh new passphrase")
    dialog.fields.confirm.setText("a fresh new passphrase")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.ok_button().click()
    controller.session.lock()
    open_with_passphrase(paths, "a fresh new passphrase").close()


def test_unlock_finishing_after_close_releases_the_vault(qtbot, controller, paths):
    vault, _ = create_vault(paths, KeyMode.PASSPHRASE, PASSPHRASE)
    controller.window.closing = True
    controller.window._unlocked_by_view(vault)
    assert not vault.is_open
    assert not controller.session.is_unlocked
