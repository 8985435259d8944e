"""Damaged vaults, key dialogs, preferences, window geometry, crash reports, start-up."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from app.crash_report import build_report
from app.storage import settings
from app.storage.header import KeyMode, VaultHeader
from app.storage.lock import VaultLock
from app.storage.vault import open_with_keyring, open_with_passphrase
from app.ui.application import Controller
from app.ui.key_dialogs import ChangePassphraseDialog, KeyStorageDialog
from tests.support.keyrings import child_env
from tests.ui.conftest import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_case11_damaged_first_page_shows_problem_screen_and_changes_nothing(
    qtbot, controller, paths, keyring_vault
):
    """SECURITY.md case 11 in the GUI."""
    data = bytearray(paths.vault_file.read_bytes())
    data[100:200] = bytes(b ^ 0xFF for b in data[100:200])
    paths.vault_file.write_bytes(bytes(data))
    before = _digest(paths.vault_file)
    files_before = sorted(p.name for p in paths.data_dir.iterdir())

    controller.start()
    window = controller.window
    assert window.stack.currentWidget() is window.problem_view
    assert "damaged" in window.problem_view.message.text()
    assert str(paths.vault_file) in window.problem_view.location.text()
    assert _digest(paths.vault_file) == before
    assert sorted(p.name for p in paths.data_dir.iterdir()) == files_before
    assert not controller.session.is_unlocked


def test_case13_truncated_vault_is_never_opened_as_empty(qtbot, controller, paths, keyring_vault):
    """SECURITY.md case 13 in the GUI."""
    paths.vault_file.write_bytes(b"")
    controller.start()
    assert controller.window.stack.currentWidget() is controller.window.problem_view
    assert paths.vault_file.stat().st_size == 0


def test_case17_vault_open_elsewhere_is_reported(qtbot, controller, paths, keyring_vault):
    """SECURITY.md case 17 in the GUI."""
    other = VaultLock(paths.lock_file)
    other.acquire()
    try:
        controller.start()
        window = controller.window
        assert window.stack.currentWidget() is window.problem_view
        assert "already open" in window.problem_view.message.text()
    finally:
        other.release()
    window.problem_view.retry.click()
    assert controller.session.is_unlocked


def test_change_passphrase_dialog(qtbot, controller, paths, passphrase_vault):
    vault = open_with_passphrase(paths, PASSPHRASE)
    controller.session.attach(vault)
    dialog = ChangePassphraseDialog(vault, controller.window)  # deletes itself when closed
    dialog.show()
    dialog.current.setText("not it at all")
    dialog.fields.passphrase.setText("a brand new passphrase")
    dialog.fields.confirm.setText("a brand new passphrase")
    dialog.ok_button().click()
    qtbot.waitUntil(dialog.error.isVisible, timeout=10000)
    assert "Wrong passphrase" in dialog.error.text()

    dialog.current.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.ok_button().click()
    controller.session.lock()
    open_with_passphrase(paths, "a brand new passphrase").close()


def test_key_storage_dialog_moves_key_from_keyring_to_passphrase(
    qtbot, controller, paths, keyring_vault, memory_keyring
):
    vault = open_with_keyring(paths)
    controller.session.attach(vault)
    dialog = KeyStorageDialog(vault, controller.window)  # deletes itself when closed
    dialog.show()
    assert not dialog.keyring_choice.isEnabled(), "already in the keyring"
    assert dialog.passphrase_choice.isChecked()
    assert not dialog.ok_button().isEnabled()
    dialog.fields.passphrase.setText("moving to a passphrase")
    dialog.fields.confirm.setText("moving to a passphrase")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.ok_button().click()
    assert VaultHeader.read(paths.key_header_file).mode is KeyMode.PASSPHRASE
    assert memory_keyring.secrets == {}, "the keyring entry is removed"
    controller.session.lock()
    open_with_passphrase(paths, "moving to a passphrase").close()


def test_preferences_change_idle_lock(qtbot, controller, paths, keyring_vault, monkeypatch):
    controller.start()
    from app.ui import dialogs

    def fake_exec(dialog):
        dialog.idle.setValue(0)
        return 1

    monkeypatch.setattr(dialogs.PreferencesDialog, "exec", fake_exec)
    controller.window.preferences()
    vault = controller.session.vault
    assert settings.idle_lock_minutes(vault.conn) == 0
    assert not controller.session.idle_timer.isActive(), "0 means never lock when idle"


def test_window_geometry_is_remembered(qtbot, paths, keyring_vault):
    paths.ensure()
    first = Controller(paths)
    qtbot.addWidget(first.window)
    first.start()
    first.window.resize(777, 555)
    first.window.close()
    assert QSettings(str(paths.settings_file), QSettings.Format.IniFormat).contains(
        "window/geometry"
    )
    second = Controller(paths)
    qtbot.addWidget(second.window)
    assert (second.window.width(), second.window.height()) == (777, 555)
    for ctl in (first, second):
        ctl.session.idle_timer.stop()


def test_case29_crash_report_holds_no_ledger_data():
    """SECURITY.md case 29: a field value in an exception message stays out of the report."""
    try:
        raise ValueError("Jan Jansen, jan@example.org")
    except ValueError:
        report = build_report(*sys.exc_info())
    assert "Jan Jansen" not in report and "jan@example.org" not in report
    assert "ValueError" in report
    assert "test_case29_crash_report_holds_no_ledger_data" in report


def test_case29_crash_report_withholds_quids_own_messages_too():
    """A QuidError can quote what was typed (an organisation, an amount): if one ever reaches
    the crash dialog, its message stays out as well."""
    from app.errors import QuidError

    try:
        raise QuidError("There is no organisation 'Jan Jansen' in the ledger.")
    except QuidError:
        report = build_report(*sys.exc_info())
    assert "Jan Jansen" not in report and "QuidError" in report


def test_app_starts_and_paints(tmp_path, paths, keyring_vault, memory_keyring):
    """`python -m app` opens a keyring vault and paints the main window (bench hook)."""
    env = child_env(
        memory_keyring, tmp_path, QT_QPA_PLATFORM="offscreen", QUID_EXIT_AFTER_FIRST_PAINT="1",
        PYTHONPATH=str(REPO),
    )  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(paths.data_dir)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    log = (paths.log_dir / "quid.log").read_text()
    assert "vault unlocked" in log


def test_case11_restore_a_backup_over_a_damaged_vault(
    qtbot, controller, paths, keyring_vault, monkeypatch
):
    """SECURITY.md case 11: 'cannot open' + restore from a backup; nothing deleted."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from app.storage.migrations import backup_copy

    with open_with_keyring(paths) as vault:
        settings.set_setting(vault.conn, "kept", "before the backup")
        backup = backup_copy(vault.conn, paths.vault_file, paths.backup_dir, "manual")
        settings.set_setting(vault.conn, "lost", "after the backup")
    data = bytearray(paths.vault_file.read_bytes())
    data[100:200] = bytes(b ^ 0xFF for b in data[100:200])
    paths.vault_file.write_bytes(bytes(data))
    damaged = _digest(paths.vault_file)

    controller.start()
    window = controller.window
    assert window.stack.currentWidget() is window.problem_view
    assert not window.problem_view.restore.isHidden()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    window.problem_view.restore.click()

    assert controller.session.is_unlocked
    conn = controller.session.vault.conn
    assert settings.get_setting(conn, "kept") == "before the backup"
    assert settings.get_setting(conn, "lost") is None
    kept = [p for p in paths.data_dir.iterdir() if p.name.startswith("ledger.db.damaged-")]
    assert len(kept) == 1 and _digest(kept[0]) == damaged, "the damaged file is kept as it was"
