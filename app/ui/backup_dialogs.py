"""Back up now, restore from a file, and the scheduled backup after an unlock.

The work runs on a worker (`Task`) with a progress dialog and Cancel; it uses connections of
its own, never the session's, so the ledger stays usable while a backup is written.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.passphrase import Strength, rate
from app.errors import DiskFullError, QuidError, WrongKeyError
from app.paths import AppPaths
from app.services.backup_restore import PreparedRestore, prepare_restore, swap_in
from app.services.backup_schedule import backup_if_due, backup_schedule
from app.services.backups import BackupInfo, make_backup, read_backup, secret_from_text
from app.storage import keys
from app.storage.vault import Vault, open_with_recovery_key
from app.ui.backup_widgets import BackupSettings, failed_handler, status, tr
from app.ui.error_text import error_text
from app.ui.session import VaultSession
from app.ui.widgets import PassphraseFields, plain_label, tell
from app.ui.workers import SHOW_AFTER_MS, Task, run_in_background

log = logging.getLogger(__name__)
__all__ = ["BackupSettings", "back_up_now", "restore_from_file", "run_scheduled_backup"]
_SECRET_ATTEMPTS = 3


def _start_folder(session: VaultSession, vault: Vault) -> Path:
    try:
        folder = backup_schedule(vault.conn).folder_or_default(session.paths)
    except QuidError:
        folder = session.paths.backup_dir
    return folder if folder.is_dir() else Path.home()


# --- back up now -----------------------------------------------------------------------------
class ProtectionDialog(QDialog):
    """Protect the backup with this vault's key, or with a passphrase of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Protect the backup"))
        self.setMinimumWidth(460)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # its fields held a passphrase
        self.vault_key = QRadioButton(self.tr("This vault's &key"))
        self.passphrase_choice = QRadioButton(self.tr("A &passphrase of its own"))
        self.vault_key.setChecked(True)
        self.fields = PassphraseFields()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Protect with:")))
        layout.addWidget(self.vault_key)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Opens with this vault; on another computer, with its recovery key. "
                    "Nothing to type."
                )
            )
        )
        layout.addWidget(self.passphrase_choice)
        layout.addWidget(self.fields)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Opens anywhere with the passphrase alone. Choose a strong one: the file "
                    "may leave this computer."
                )
            )
        )
        layout.addWidget(self.buttons)
        for widget in (self.vault_key, self.passphrase_choice):
            widget.toggled.connect(self.refresh)
        self.fields.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.fields.setEnabled(self.passphrase_choice.isChecked())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.is_valid())

    def is_valid(self) -> bool:
        if self.vault_key.isChecked():
            return True
        return self.fields.is_valid() and rate(self.fields.value()) > Strength.WEAK

    def passphrase(self) -> str | None:
        return self.fields.value() if self.passphrase_choice.isChecked() else None


def back_up_now(window: QWidget, session: VaultSession) -> None:
    """Choose a file, choose the protection, write the backup in the background."""
    vault = session.vault
    if vault is None:
        return
    default = _start_folder(session, vault) / f"quid-backup-{date.today().isoformat()}.db"
    chosen, _ = QFileDialog.getSaveFileName(
        window, tr("Back up to"), str(default), tr("Quid backup (*.db)")
    )
    if not chosen:
        return
    protection = ProtectionDialog(window)
    if not protection.exec():
        return
    passphrase, target = protection.passphrase(), Path(chosen)

    def done(made: Path) -> None:
        status(window, tr("Backed up to {name}.").format(name=made.name))

    run_in_background(
        window,
        session,
        tr("Quid"),
        lambda progress: make_backup(vault, target, passphrase, progress),
        done,
        failed_handler(window, tr("Not backed up"), tr("Backup cancelled; nothing was written.")),
        text=tr("Writing the backup…"),
        show_after_ms=SHOW_AFTER_MS,  # a connection of its own: a quick backup need not flash
    )


# --- restore ---------------------------------------------------------------------------------
def confirm_restore(parent: QWidget, info: BackupInfo) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Restore this backup?"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        tr(
            "Replace your ledger with this backup from {date}?\n\nIt holds {orgs} organisations "
            "and {disclosures} disclosures. Your current ledger is kept beside it "
            "(ledger.db.replaced-…), not deleted."
        ).format(
            date=info.made_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            orgs=info.organisations,
            disclosures=info.disclosures,
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


class _RestoreFlow:
    """Read the backup (vault key first, then what the person types), confirm, prepare in the
    background while the ledger stays open, then lock, swap in, and open again."""

    def __init__(
        self, window: QWidget, session: VaultSession, backup: Path, on_restored: Callable[[], None]
    ) -> None:
        self.window, self.session, self.backup = window, session, backup
        self.on_restored = on_restored
        self.key: bytes | None = None
        self.passphrase: str | None = None
        self.attempts = 0

    def start(self, vault: Vault) -> None:
        self.vault = vault
        self.own_key = vault._key_bytes()  # the vault's key first: its own backups need no typing
        self._read(self.own_key, None)

    def _read(self, key: bytes | None, passphrase: str | None) -> None:
        self.key, self.passphrase = key, passphrase
        backup = self.backup
        Task.start(lambda: read_backup(backup, key, passphrase), self._confirm, self._unreadable)

    def _unreadable(self, exc: BaseException) -> None:
        if not isinstance(exc, WrongKeyError) or self.attempts >= _SECRET_ATTEMPTS:
            failed_handler(self.window, tr("Not restored"), "")(exc)
            return
        self.attempts += 1
        question = tr(
            "This backup does not open with this vault's key. Enter its passphrase, or the "
            "recovery key of the vault it came from:"
        )
        if self.attempts > 1:
            question = tr("That did not open it.") + " " + question
        text, ok = QInputDialog.getText(
            self.window, tr("Open the backup"), question, QLineEdit.EchoMode.Password
        )
        if ok and text:
            self._read(*secret_from_text(text))

    def _confirm(self, info: BackupInfo) -> None:
        if not self.vault.is_open or not confirm_restore(self.window, info):
            return
        vault, backup = self.vault, self.backup
        key = None if self.key == self.own_key else self.key
        passphrase = self.passphrase
        run_in_background(
            self.window,
            self.session,
            tr("Quid"),
            lambda progress: prepare_restore(
                vault, backup, key=key, passphrase=passphrase, progress=progress
            ),
            self._swap,
            failed_handler(
                self.window, tr("Not restored"), tr("Restore cancelled; nothing changed.")
            ),
            text=tr("Checking and preparing the backup…"),
            show_after_ms=SHOW_AFTER_MS,  # reads the backup through a connection of its own
        )

    def _swap(self, prepared: PreparedRestore) -> None:
        if _scheduled_running[self.session.paths.vault_file]:
            prepared.discard()  # a vault-sized copy must not stay behind
            tell(
                self.window,
                tr("Not restored"),
                tr("A scheduled backup is being written just now. Try again in a moment; "
                   "nothing was changed."),
                warning=True,
            )  # fmt: skip
            return
        key = self.own_key
        # Locked meanwhile (idle timeout): restore, but leave it locked for the person.
        reopen = self.vault.is_open
        self.session.lock()  # connection closed, views cleared: the file can be replaced
        try:
            kept = swap_in(prepared)
        except QuidError as exc:  # nothing was replaced: open the ledger as it was
            if reopen:
                self._reopen(self.session.paths, key)
            tell(self.window, tr("Not restored"), error_text(exc), warning=True)
            return
        if reopen:
            self._reopen(self.session.paths, key)
        tell(
            self.window,
            tr("Backup restored"),
            tr("The backup is in place. Your previous ledger was kept as {name}.").format(
                name=kept.name
            ),
        )
        self.on_restored()

    def _reopen(self, paths: AppPaths, key: bytes) -> None:
        """Open again with the key in hand, so a passphrase need not be typed again. The
        recovery-key path is the public way in with a raw key; it checks the key file."""
        try:
            vault = open_with_recovery_key(paths, keys.encode_recovery_key(key))
        except QuidError as exc:  # the unlock screen stays; it explains nothing was lost
            log.warning("could not reopen the vault after a restore: %s", type(exc).__name__)
            return
        vault.opened_with_recovery = False  # the key file still opens it as before
        self.session.attach(vault)


def restore_from_file(
    window: QWidget, session: VaultSession, on_restored: Callable[[], None]
) -> None:
    """Choose a backup, see what it holds, confirm, and restore it (the vault reopens)."""
    vault = session.vault
    if vault is None:
        return
    chosen, _ = QFileDialog.getOpenFileName(
        window,
        tr("Restore from a backup"),
        str(_start_folder(session, vault)),
        tr("Quid backup (*.db);;All files (*)"),
    )
    if chosen:
        _RestoreFlow(window, session, Path(chosen), on_restored).start(vault)


# --- the schedule ------------------------------------------------------------------------------
#: vault files a scheduled backup is reading right now (a restore waits for it)
_scheduled_running: Counter[Path] = Counter()


def _main_window() -> QMainWindow | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)), None)


def run_scheduled_backup(session: VaultSession, window: QMainWindow | None = None) -> None:
    """After an unlock: make a backup in the background when one is due. Success shows in the
    status bar; a failure is logged, never a dialog, except a full disk (which needs the
    person)."""
    vault = session.vault
    if vault is None:
        return
    try:
        schedule = backup_schedule(vault.conn)  # read here: the worker keeps off vault.conn
    except QuidError as exc:
        log.warning("backup schedule unreadable: %s", exc)
        return
    if schedule.every_days == 0:
        return
    paths = session.paths

    def done(made: Path | None) -> None:
        _scheduled_running[paths.vault_file] -= 1
        target = window or _main_window()
        if made is not None and target is not None and shiboken6.isValid(target):
            status(target, tr("A scheduled backup was made: {name}.").format(name=made.name))

    def failed(exc: BaseException) -> None:
        _scheduled_running[paths.vault_file] -= 1
        if isinstance(exc, DiskFullError):
            tell(window or _main_window(), tr("Backup not made"), error_text(exc), warning=True)
            return
        if isinstance(exc, QuidError):
            log.warning("scheduled backup failed: %s", type(exc).__name__)
        else:
            log.error("scheduled backup failed", exc_info=exc)
        target = window or _main_window()
        if target is not None and shiboken6.isValid(target):  # seen, without a dialog
            message = error_text(exc) if isinstance(exc, QuidError) else tr("an unexpected error")
            status(target, tr("The scheduled backup was not made: {why}").format(why=message))

    # Not "background work" for the session: the backup has a connection of its own, so the
    # person can go on and lock at any time (a lock before it read the key only skips it).
    if _scheduled_running[paths.vault_file] > 0:
        return  # one is still being written (a lock and unlock meanwhile)
    _scheduled_running[paths.vault_file] += 1
    Task.start(lambda: backup_if_due(vault, paths, schedule=schedule), done, failed)
