"""Backups through the GUI: back up now, restore from a file (the ledger is replaced and open
again), the backup preferences, and the scheduled backup after an unlock. Every modal dialog
is monkeypatched; the work itself runs for real on a worker thread."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from app.paths import AppPaths
from app.services.backup_schedule import BackupSchedule, backup_schedule, save_backup_schedule
from app.services.backups import make_backup, read_backup
from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.ui import backup_dialogs, dialogs
from app.ui.backup_dialogs import (
    ProtectionDialog,
    back_up_now,
    restore_from_file,
    run_scheduled_backup,
)
from app.ui.workers import Task

BACKUP_PASSPHRASE = "a long backup passphrase"


@pytest.fixture
def unlocked(controller, keyring_vault):  # type: ignore[no-untyped-def]
    controller.start()
    vault = controller.session.vault
    assert vault is not None
    load_example_ledger(Ledger(vault.conn))
    controller.window.shell.load(vault)
    return controller


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message box: its text is recorded and it answers Yes."""
    texts: list[str] = []

    def answer(box: QMessageBox) -> int:
        texts.append(box.text())
        return QMessageBox.StandardButton.Yes.value

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return texts


def organisations(controller) -> int:  # type: ignore[no-untyped-def]
    conn = controller.session.vault.conn
    return int(conn.execute("SELECT count(*) FROM organisations").fetchone()[0])


def protect_with(passphrase: str | None):  # type: ignore[no-untyped-def]
    def run(dialog: ProtectionDialog) -> int:
        if passphrase is not None:
            dialog.passphrase_choice.setChecked(True)
            dialog.fields.passphrase.setText(passphrase)
            dialog.fields.confirm.setText(passphrase)
        return 1 if dialog.is_valid() else 0

    return run


# --- back up now --------------------------------------------------------------------------------
def test_back_up_now_with_a_passphrase(qtbot, unlocked, tmp_path: Path, monkeypatch, said):
    target = tmp_path / "chosen.db"
    offered: list[str] = []

    def save_as(parent, title, suggested, filters):  # type: ignore[no-untyped-def]
        offered.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    monkeypatch.setattr(ProtectionDialog, "exec", protect_with(BACKUP_PASSPHRASE))
    window = unlocked.window
    back_up_now(window, unlocked.session)
    qtbot.waitUntil(lambda: "Backed up" in window.statusBar().currentMessage(), timeout=10000)

    assert Path(offered[0]).name == f"quid-backup-{date.today().isoformat()}.db"
    assert read_backup(target, passphrase=BACKUP_PASSPHRASE).organisations == 26
    assert said == [], "no message box on success"


def test_protection_dialog_refuses_a_weak_or_mismatched_passphrase(qtbot):
    dialog = ProtectionDialog()
    qtbot.addWidget(dialog)
    assert dialog.is_valid() and dialog.passphrase() is None, "the vault key needs nothing"
    dialog.passphrase_choice.setChecked(True)
    for first, second in (("password", "password"), (BACKUP_PASSPHRASE, "something else")):
        dialog.fields.passphrase.setText(first)
        dialog.fields.confirm.setText(second)
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.fields.confirm.setText(BACKUP_PASSPHRASE)
    dialog.fields.passphrase.setText(BACKUP_PASSPHRASE)
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_back_up_onto_the_vault_itself_is_refused(qtbot, unlocked, paths, monkeypatch, said):
    before = paths.vault_file.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(paths.vault_file), ""))
    monkeypatch.setattr(ProtectionDialog, "exec", protect_with(None))
    back_up_now(unlocked.window, unlocked.session)
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    assert "vault's own files" in said[0]
    assert paths.vault_file.read_bytes() == before and unlocked.session.is_unlocked


# --- restore ------------------------------------------------------------------------------------
def test_restore_through_the_gui_replaces_and_reopens(qtbot, unlocked, paths, tmp_path,
                                                      monkeypatch, said):  # fmt: skip
    backup = make_backup(unlocked.session.vault, tmp_path / "b.db")
    Ledger(unlocked.session.vault.conn).delete_organisation(1)
    assert organisations(unlocked) == 25
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(backup), ""))
    restored: list[bool] = []
    restore_from_file(unlocked.window, unlocked.session, lambda: restored.append(True))
    qtbot.waitUntil(lambda: bool(restored), timeout=15000)

    assert "26 organisations" in said[0], "it says what the backup holds before replacing"
    assert "kept as ledger.db.replaced-" in said[1]
    assert unlocked.session.is_unlocked and organisations(unlocked) == 26
    assert unlocked.window.stack.currentWidget() is unlocked.window.shell
    assert len(list(paths.data_dir.glob("ledger.db.replaced-*"))) == 1


def test_restore_asks_for_the_backup_passphrase(qtbot, unlocked, tmp_path, monkeypatch, said):
    backup = make_backup(unlocked.session.vault, tmp_path / "b.db", BACKUP_PASSPHRASE)
    Ledger(unlocked.session.vault.conn).delete_organisation(1)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(backup), ""))
    answers = iter([("a wrong guess", True), (BACKUP_PASSPHRASE, True)])
    asked: list[str] = []

    def get_text(parent, title, label, echo):  # type: ignore[no-untyped-def]
        asked.append(label)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    restored: list[bool] = []
    restore_from_file(unlocked.window, unlocked.session, lambda: restored.append(True))
    qtbot.waitUntil(lambda: bool(restored), timeout=15000)
    assert len(asked) == 2 and asked[1].startswith("That did not open it.")
    assert organisations(unlocked) == 26


def test_declining_or_a_damaged_backup_changes_nothing(qtbot, unlocked, paths, tmp_path,
                                                       monkeypatch, said):  # fmt: skip
    backup = make_backup(unlocked.session.vault, tmp_path / "b.db")
    Ledger(unlocked.session.vault.conn).delete_organisation(1)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(backup), ""))
    shown: list[int] = []
    monkeypatch.setattr(
        backup_dialogs, "confirm_restore", lambda parent, info: shown.append(info.organisations)
    )  # None: the person said No
    declined: list[bool] = []
    restore_from_file(unlocked.window, unlocked.session, lambda: declined.append(True))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    qtbot.waitUntil(lambda: not Task._running, timeout=10000)
    assert shown == [26] and organisations(unlocked) == 25 and not declined

    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0xFF
    backup.write_bytes(bytes(data))
    restore_from_file(unlocked.window, unlocked.session, lambda: declined.append(True))
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    assert "damaged" in said[0] and not declined
    assert unlocked.session.is_unlocked and organisations(unlocked) == 25
    assert list(paths.data_dir.glob("ledger.db.replaced-*")) == []


# --- preferences and the schedule --------------------------------------------------------------
def test_preferences_save_the_backup_schedule(qtbot, unlocked, tmp_path, monkeypatch):
    folder = tmp_path / "my backups"

    def fill(dialog: dialogs.PreferencesDialog) -> int:
        assert dialog.backups.every_days.value() == 7 and dialog.backups.keep.value() == 10
        dialog.backups.every_days.setValue(3)
        dialog.backups.keep.setValue(5)
        dialog.backups.folder.setText(str(folder))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialogs.PreferencesDialog, "exec", fill)
    unlocked.window.preferences()
    assert backup_schedule(unlocked.session.vault.conn) == BackupSchedule(3, 5, folder)


def test_preferences_keep_a_bad_folder_open_with_the_reason(qtbot, unlocked, paths: AppPaths):
    conn = unlocked.session.vault.conn
    dialog = dialogs.PreferencesDialog(
        10, unlocked.window, schedule=backup_schedule(conn), paths=paths
    )
    qtbot.addWidget(dialog)
    dialog.backups.folder.setText("relative/folder")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Backup folder" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    assert backup_schedule(conn) == BackupSchedule()


def test_scheduled_backup_after_unlock(qtbot, unlocked, paths: AppPaths, said):
    window = unlocked.window
    run_scheduled_backup(unlocked.session, window)
    qtbot.waitUntil(
        lambda: "scheduled backup" in window.statusBar().currentMessage(), timeout=10000
    )
    made = list(paths.backup_dir.glob("ledger-scheduled-*.db"))
    assert len(made) == 1
    window.statusBar().clearMessage()
    run_scheduled_backup(unlocked.session, window)  # not due again for a week
    qtbot.waitUntil(lambda: not Task._running, timeout=10000)
    assert list(paths.backup_dir.glob("ledger-scheduled-*.db")) == made
    assert said == []


def test_a_failing_scheduled_backup_is_logged_not_shown(qtbot, unlocked, paths, tmp_path,
                                                        caplog, said):  # fmt: skip
    blocked = tmp_path / "not a folder"
    save_backup_schedule(unlocked.session.vault.conn, paths, BackupSchedule(folder=blocked))
    blocked.write_text("a file where the folder should be")
    with caplog.at_level(logging.WARNING, logger="app.ui.backup_dialogs"):
        run_scheduled_backup(unlocked.session, unlocked.window)
        qtbot.waitUntil(lambda: "scheduled backup failed" in caplog.text, timeout=10000)
    assert said == [], "never a dialog for it"
    assert "scheduled backup was not made" in unlocked.window.statusBar().currentMessage()
