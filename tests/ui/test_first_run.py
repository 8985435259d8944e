"""The first-run wizard: explanation, key storage choice, recovery key shown once."""

from __future__ import annotations

import re

import keyring
import keyring.backends.fail
from PySide6.QtWidgets import QLabel, QWizard

from app.storage.header import KeyMode, VaultHeader
from app.storage.keys import decode_recovery_key

RECOVERY_PATTERN = re.compile(r"^([A-Z2-7]{4}-){13}[A-Z2-7]{4}$")


def _to_key_page(qtbot, controller):
    controller.start()
    wizard = controller.wizard
    assert wizard is not None and wizard.isVisible()
    intro = " ".join(label.text() for label in wizard.intro_page.findChildren(QLabel))
    assert "Nothing leaves this computer" in intro
    wizard.next()
    assert wizard.currentPage() is wizard.key_page
    qtbot.waitUntil(lambda: wizard.key_page.keyring_checked, timeout=5000)
    return wizard


def _create(qtbot, wizard):
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=15000)


def test_wizard_keyring_mode_shows_recovery_key_and_opens_main_window(
    qtbot, controller, paths, memory_keyring
):
    wizard = _to_key_page(qtbot, controller)
    assert wizard.key_page.keyring_choice.isChecked()
    assert wizard.key_page.isComplete()
    _create(qtbot, wizard)

    code = wizard.recovery_page.box._code
    assert RECOVERY_PATTERN.match(code)
    assert decode_recovery_key(code)  # checksum valid
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled(), "finishing needs the 'I saved it' confirmation"
    wizard.recovery_page.saved.setChecked(True)
    assert finish.isEnabled()
    finish.click()

    qtbot.waitUntil(lambda: controller.window.isVisible())
    assert controller.session.is_unlocked
    assert controller.window.stack.currentWidget() is controller.window.shell
    assert VaultHeader.read(paths.key_header_file).mode is KeyMode.KEYRING
    assert len(memory_keyring.secrets) == 1
    assert "Unlocked" in controller.window.state_label.text()


def test_wizard_passphrase_mode_validates_and_creates(qtbot, controller, paths):
    wizard = _to_key_page(qtbot, controller)
    page = wizard.key_page
    page.passphrase_choice.setChecked(True)
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    page.fields.passphrase.setText("short")
    page.fields.confirm.setText("short")
    assert not commit.isEnabled()
    assert "Too short" in page.fields.hint.text()
    page.fields.passphrase.setText("a much longer passphrase")
    page.fields.confirm.setText("a much longer passphrasE")
    assert not commit.isEnabled()
    assert "differ" in page.fields.mismatch.text()
    page.fields.confirm.setText("a much longer passphrase")
    assert commit.isEnabled()
    _create(qtbot, wizard)

    header = VaultHeader.read(paths.key_header_file)
    assert header.mode is KeyMode.PASSPHRASE
    assert page.fields.passphrase.text() == "", "the passphrase is not kept in the widget"


def test_case07_wizard_without_keyring_offers_only_passphrase(qtbot, controller, paths):
    """SECURITY.md case 7 in the GUI: no D-Bus → the wizard offers the passphrase."""
    keyring.set_keyring(keyring.backends.fail.Keyring())
    wizard = _to_key_page(qtbot, controller)
    page = wizard.key_page
    assert not page.keyring_choice.isEnabled()
    assert page.passphrase_choice.isChecked()
    assert "Not available" in page.keyring_note.text()
    assert not page.isComplete()


def test_cancel_before_creating_makes_no_vault(qtbot, controller, paths):
    wizard = _to_key_page(qtbot, controller)
    wizard.reject()
    assert not paths.vault_file.exists()
    assert not controller.window.isVisible()


def test_wizard_can_load_the_example_ledger(qtbot, controller, paths):
    wizard = _to_key_page(qtbot, controller)
    _create(qtbot, wizard)
    wizard.recovery_page.example.setChecked(True)
    wizard.recovery_page.saved.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: controller.session.is_unlocked)
    count = controller.session.vault.conn.execute("SELECT count(*) FROM organisations")
    assert count.fetchone()[0] >= 20
    assert "organisations" in controller.window.shell.overview.summary.text()
