"""The scheduled backup runs on a connection of its own: the person can lock at once while it
runs, and a restore confirmed meanwhile waits instead of failing on Quid's own file lock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.services.backups import make_backup
from app.ui import backup_dialogs
from app.ui.backup_dialogs import restore_from_file, run_scheduled_backup
from app.ui.workers import Task


def test_lock_is_immediate_while_a_scheduled_backup_runs(qtbot, controller, keyring_vault):
    controller.start()
    session = controller.session
    run_scheduled_backup(session, controller.window)
    assert not session.busy
    session.lock()
    assert not session.is_unlocked, "Ctrl+L must not wait for a scheduled backup"
    qtbot.waitUntil(lambda: not Task._running, timeout=10000)


def test_restore_waits_for_a_running_scheduled_backup(
    qtbot, controller, keyring_vault, tmp_path: Path, monkeypatch
):
    controller.start()
    session = controller.session
    backup = make_backup(session.vault, tmp_path / "b.db")
    said: list[str] = []

    def answer(box: QMessageBox) -> int:
        said.append(box.text())
        return QMessageBox.StandardButton.Yes.value

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(backup), ""))
    backup_dialogs._scheduled_running[session.paths.vault_file] += 1  # one is being written
    try:
        restore_from_file(controller.window, session, lambda: None)
        qtbot.waitUntil(lambda: any("scheduled backup" in text for text in said), timeout=10000)
    finally:
        backup_dialogs._scheduled_running[session.paths.vault_file] -= 1
    assert session.is_unlocked, "nothing was replaced and the ledger stays open"
    assert not list(session.paths.data_dir.glob("ledger.db.replaced-*"))
    assert not list(session.paths.data_dir.glob(".ledger-*.restoring")), "no copy left behind"
