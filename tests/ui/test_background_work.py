"""Work on the vault in the background behind the one progress dialog
(`app.ui.workers.run_in_background`): with a delay, quick work shows no dialog and longer work
shows it; Cancel stops a backup and keeps no file; an error is shown; and a lock asked for
during the work waits until it has ended. Real vault, real workers; modal loops are patched."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.services.progress import Progress
from app.ui import backup_dialogs, export_flow, import_progress
from app.ui.backup_dialogs import ProtectionDialog, back_up_now
from app.ui.import_progress import ImportProgressDialog
from app.ui.workers import SHOW_AFTER_MS, Task, run_in_background


def visible() -> list[ImportProgressDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ImportProgressDialog) and w.isVisible()
    ]


class ShowSpy(QObject):
    """Counts the times the watched dialog was shown, however briefly."""

    def __init__(self) -> None:
        super().__init__()
        self.shown = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.shown += 1
        return False


def until_cancelled(progress: Progress) -> None:
    """In the worker: wait (at most 10 s) for the person to press Cancel."""
    for _ in range(1000):
        if progress.cancelled:
            return
        time.sleep(0.01)


@pytest.fixture
def unlocked(qtbot, controller, keyring_vault):
    controller.start()
    vault = controller.session.vault
    assert vault is not None
    load_example_ledger(Ledger(vault.conn))
    controller.window.shell.load(vault)
    # the scheduled backup starts just after unlocking; let it end first
    qtbot.waitUntil(lambda: not Task._running and not controller.session.busy, timeout=20_000)
    return controller


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every message box (title, text); `tell()` runs a modal loop, so it is answered here."""
    shown: list[tuple[str, str]] = []

    def answer(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return shown


def back_up_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """The save dialog answers `target`; the protection is this vault's key."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    monkeypatch.setattr(ProtectionDialog, "exec", lambda _self: 1)


# --- the delay ----------------------------------------------------------------------------------
def test_quick_work_finishes_without_a_dialog(qtbot, unlocked):
    session = unlocked.session
    results: list[object] = []
    busy = run_in_background(
        unlocked.window, session, "Quid", lambda progress: 42, results.append,
        pytest.fail, show_after_ms=SHOW_AFTER_MS,
    )  # fmt: skip
    spy = ShowSpy()
    busy.installEventFilter(spy)
    qtbot.waitUntil(lambda: results == [42], timeout=10_000)
    assert not session.busy and session.idle_timer.isActive(), "the idle lock runs again"
    qtbot.wait(SHOW_AFTER_MS + 200)  # past the delay: the dialog must not show late either
    assert spy.shown == 0 and visible() == []


def test_longer_work_shows_the_dialog_after_the_delay(qtbot, unlocked):
    session = unlocked.session
    gate = threading.Event()
    results: list[object] = []

    def work(progress: Progress) -> str:
        progress.step(1, 4)
        gate.wait(10)
        return "written"

    busy = run_in_background(
        unlocked.window, session, "Quid", work, results.append, pytest.fail,
        text="Writing the backup…", show_after_ms=SHOW_AFTER_MS,
    )  # fmt: skip
    started = time.monotonic()
    assert not busy.isVisible()
    qtbot.waitUntil(busy.isVisible, timeout=5000)
    assert time.monotonic() - started >= 0.3, "not before the delay"
    assert busy.windowTitle() == "Quid" and busy.label.text() == "Writing the backup…"
    qtbot.waitUntil(lambda: busy.bar.value() == import_progress.SCALE // 4, timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: results == ["written"], timeout=10_000)
    assert visible() == [] and not session.busy


# --- cancel and errors --------------------------------------------------------------------------
def test_cancel_stops_a_backup_and_keeps_no_file(qtbot, unlocked, tmp_path, monkeypatch, said):
    folder = tmp_path / "backups"
    folder.mkdir()
    back_up_to(monkeypatch, folder / "mine.db")
    half_written = threading.Event()
    real_backup = backup_dialogs.make_backup

    class WaitsForCancel(Progress):
        """Passes the dialog's progress on; once the copy is half written, waits for Cancel."""

        def __init__(self, shown: Progress) -> None:
            super().__init__()
            self.shown = shown

        def step(self, done: int, total: int) -> None:
            if done >= 2:
                half_written.set()
                until_cancelled(self.shown)
            self.shown.step(done, total)

        def check(self) -> None:
            self.shown.check()

    monkeypatch.setattr(
        backup_dialogs, "make_backup",
        lambda vault, target, passphrase, progress: real_backup(
            vault, target, passphrase, WaitsForCancel(progress)),
    )  # fmt: skip
    window = unlocked.window
    back_up_now(window, unlocked.session)
    qtbot.waitUntil(half_written.is_set, timeout=10_000)
    assert list(folder.iterdir()) != [], "the partial copy is on disk"
    qtbot.waitUntil(lambda: bool(visible()), timeout=5000)
    busy = visible()[0]
    busy.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert busy.isVisible() and "Cancelling" in busy.label.text(), "stays until the work stops"
    qtbot.waitUntil(lambda: not unlocked.session.busy, timeout=10_000)
    assert visible() == []
    assert list(folder.iterdir()) == [], "no backup and no partial file"
    assert window.statusBar().currentMessage() == "Backup cancelled; nothing was written."
    assert said == [] and unlocked.session.is_unlocked


def test_an_error_after_the_dialog_showed_is_shown(qtbot, unlocked, paths, monkeypatch, said):
    before = paths.vault_file.read_bytes()
    back_up_to(monkeypatch, paths.vault_file)  # refused, but only once the dialog is up
    dialog_up = threading.Event()
    real_backup = backup_dialogs.make_backup

    def slow_then_refused(vault, target, passphrase, progress):
        dialog_up.wait(10)
        return real_backup(vault, target, passphrase, progress)

    monkeypatch.setattr(backup_dialogs, "make_backup", slow_then_refused)
    back_up_now(unlocked.window, unlocked.session)
    qtbot.waitUntil(lambda: bool(visible()), timeout=5000)
    dialog_up.set()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    title, text = said[0]
    assert title == "Not backed up" and "vault's own files" in text
    assert visible() == [] and not unlocked.session.busy
    assert paths.vault_file.read_bytes() == before and unlocked.session.is_unlocked


# --- a lock waits -------------------------------------------------------------------------------
def test_a_lock_during_an_export_waits_until_it_is_written(qtbot, unlocked, tmp_path, monkeypatch):
    session = unlocked.session
    reached, gate = threading.Event(), threading.Event()

    class GatedProgress(Progress):
        """Holds the worker (which uses the vault's connection) until the test has locked."""

        def step(self, done: int, total: int) -> None:
            reached.set()
            gate.wait(10)
            super().step(done, total)

    monkeypatch.setattr(import_progress, "Progress", GatedProgress)
    target = tmp_path / "ledger.json"
    monkeypatch.setattr(export_flow.QFileDialog, "getSaveFileName", lambda *a: (str(target), a[3]))
    export_flow.run_export(unlocked.window, session, "json")
    qtbot.waitUntil(reached.is_set, timeout=10_000)
    session.lock()  # Ctrl+L or the idle timeout, while the worker holds the connection
    assert session.is_unlocked and session.busy, "the lock waits for the worker"
    assert visible(), "the progress dialog stays up"
    gate.set()
    qtbot.waitUntil(lambda: not session.is_unlocked, timeout=20_000)
    assert len(json.loads(target.read_text())["organisations"]) == 26, "written in full first"
    assert visible() == [] and not session.busy
