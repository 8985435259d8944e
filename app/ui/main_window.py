"""The main window: the locked screen, the problem screen, or the ledger shell."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
)

from app import APP_NAME
from app.errors import HeaderDamagedError, QuidError, VaultInUseError, VaultTooNewError
from app.storage import settings
from app.storage.header import KeyMode
from app.storage.vault import (
    Vault,
    key_from_keyring,
    key_from_passphrase,
    open_with_keyring,
    read_header,
)
from app.ui.error_text import error_text
from app.ui.session import VaultSession
from app.ui.shell import LedgerShell
from app.ui.widgets import tell

if TYPE_CHECKING:
    from app.ui.unlock import ProblemView, UnlockView

EXIT_AFTER_FIRST_PAINT = "QUID_EXIT_AFTER_FIRST_PAINT"


def notify_desktop(window: QMainWindow, message: str) -> None:
    """A desktop notification while Quid runs, where the platform has a tray."""
    from PySide6.QtWidgets import QSystemTrayIcon

    if not QSystemTrayIcon.isSystemTrayAvailable():
        return  # offscreen, some Wayland desktops: the status bar says it
    tray = window.findChild(QSystemTrayIcon) or QSystemTrayIcon(window.windowIcon(), window)
    tray.show()
    tray.showMessage(APP_NAME, message)


class MainWindow(QMainWindow):
    # built by app.ui.window_menus
    add_org_action: QAction
    profile_action: QAction
    import_passwords_action: QAction
    import_json_action: QAction
    report_pdf_action: QAction
    report_html_action: QAction
    filtered_report_action: QAction
    csv_action: QAction
    json_action: QAction
    receipts_action: QAction
    ics_action: QAction
    backup_action: QAction
    restore_action: QAction
    lock_action: QAction
    passphrase_action: QAction
    key_storage_action: QAction
    quit_action: QAction
    undo_action: QAction
    redo_action: QAction
    weights_action: QAction
    preferences_action: QAction

    def __init__(self, session: VaultSession, ui_settings: QSettings) -> None:
        super().__init__()
        self.session = session
        self.ui_settings = ui_settings
        self.setWindowTitle(APP_NAME)  # never a ledger value in the title
        from app.ui.icons import app_icon

        self.setWindowIcon(app_icon())  # also when the QApplication was made elsewhere
        self.resize(1100, 720)
        self.shell = LedgerShell()
        self.shell.vault_busy = lambda: session.busy
        self.shell.overview.add_requested.connect(self.add_organisation)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.shell)
        self.setCentralWidget(self.stack)
        # Built on first use: a keyring vault goes straight to the shell at start-up.
        self._unlock_view: UnlockView | None = None
        self._problem_view: ProblemView | None = None
        self.state_label = QLabel()
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.state_label)
        self._shortcuts: list[tuple[QAction, QKeySequence]] = []
        self._build_menus()
        self.shell.overview.import_requested.connect(self.import_passwords_action.trigger)
        self._painted = False
        self.closing = False
        session.unlocked.connect(self._on_unlocked)
        session.locked.connect(self._on_locked)
        self._restore_geometry()

    @property
    def unlock_view(self) -> UnlockView:
        from app.ui.unlock import UnlockView

        if self._unlock_view is None:
            view = self._unlock_view = UnlockView(self.session.paths)
            view.unlocked.connect(self._unlocked_by_view)
            view.fatal.connect(self.show_problem)
            self.stack.addWidget(view)
        return self._unlock_view

    @property
    def problem_view(self) -> ProblemView:
        from app.ui.unlock import ProblemView

        if self._problem_view is None:
            view = self._problem_view = ProblemView(self.session.paths)
            view.quit_requested.connect(self.close)
            view.retry_requested.connect(self.start)
            view.restore_requested.connect(self.restore_backup)
            self.stack.addWidget(view)
        return self._problem_view

    # --- menus ---------------------------------------------------------------------------
    def _action(self, text: str, slot: object, shortcut: object = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            self._shortcuts.append((action, QKeySequence(shortcut)))  # type: ignore[call-overload]
        action.triggered.connect(slot)
        return action

    def _install_shortcuts(self) -> None:
        """Qt's first setShortcut() costs ~25 ms (key map set-up); done right after the
        first paint, before anyone could press a key."""
        for action, sequence in self._shortcuts:
            action.setShortcut(sequence)
        self._shortcuts.clear()

    def _build_menus(self) -> None:
        from app.ui.window_menus import build_menus

        build_menus(self)

    def _update_actions(self) -> None:
        from app.ui.window_menus import update_actions

        update_actions(self)

    # --- states --------------------------------------------------------------------------
    def start(self) -> None:
        """Show the locked screen for the vault's mode; keyring mode unlocks straight away."""
        try:
            header = read_header(self.session.paths)
        except HeaderDamagedError as exc:  # key file lost or damaged: the recovery key works
            self.unlock_view.prepare(None, error_text(exc))
            self.stack.setCurrentWidget(self.unlock_view)
            self._set_state(self.tr("Locked"))
            return
        except QuidError as exc:  # too new, vault file missing, …
            self.show_problem(exc)
            return
        if header.mode is KeyMode.KEYRING:
            try:  # no KDF in keyring mode: quick enough for the GUI thread
                vault = open_with_keyring(self.session.paths)
            except QuidError as exc:
                self.unlock_view.prepare(header.mode)
                self.stack.setCurrentWidget(self.unlock_view)
                self._set_state(self.tr("Locked"))
                self.unlock_view.show_failure(exc)
            else:
                self._unlocked_by_view(vault)
            return
        self.unlock_view.prepare(header.mode)
        self.stack.setCurrentWidget(self.unlock_view)
        self._set_state(self.tr("Locked"))

    def _unlocked_by_view(self, vault: Vault) -> None:
        if self.closing:  # the unlock finished after the window was closed
            vault.close()
            return
        self.session.attach(vault)
        if vault.needs_key_storage:
            self._restore_key_storage(vault)

    def _restore_key_storage(self, vault: Vault) -> None:
        """After a recovery-key unlock, put the key back where the vault can find it: the
        keyring silently when that was the mode; else ask (a passphrase may be forgotten)."""
        if vault.mode is not KeyMode.PASSPHRASE:
            try:
                vault.use_keyring()
            except QuidError:
                pass
            else:
                self._on_unlocked()
                self.statusBar().showMessage(self.tr("The key was put back in the system keyring."))
                return
        from app.ui.key_dialogs import KeyStorageDialog

        dialog = KeyStorageDialog(vault, self)
        dialog.accepted.connect(self._on_unlocked)
        dialog.open()

    def _on_unlocked(self) -> None:
        vault = self.session.vault
        if vault is None:
            return
        self.shell.load(vault)
        self.stack.setCurrentWidget(self.shell)
        where = {
            KeyMode.KEYRING: self.tr("key in the system keyring"),
            KeyMode.PASSPHRASE: self.tr("key protected by a passphrase"),
            None: self.tr("opened with the recovery key"),
        }[vault.mode]
        self._set_state(self.tr("Unlocked — {where}").format(where=where))
        note = self.shell.due_requests_note()
        if note:  # overdue or soon-due requests: say so at once
            self.statusBar().showMessage(note, 20_000)
            notify_desktop(self, note)
        # not before the first paint: it imports the backup code and starts a worker
        QTimer.singleShot(1500, self._scheduled_backup)

    def _scheduled_backup(self) -> None:
        from app.ui.backup_dialogs import run_scheduled_backup

        run_scheduled_backup(self.session, self)

    def _on_locked(self) -> None:
        self.shell.clear()
        if self.closing:  # quitting: no unlock screen to build
            return
        self.unlock_view.prepare(self.session.mode or self._header_mode())
        self.stack.setCurrentWidget(self.unlock_view)
        self._set_state(self.tr("Locked"))

    def _header_mode(self) -> KeyMode | None:
        try:
            return read_header(self.session.paths).mode
        except QuidError:
            return None

    def show_problem(self, exc: BaseException) -> None:
        titles: dict[type[BaseException], str] = {
            VaultTooNewError: self.tr("This vault needs a newer Quid"),
            VaultInUseError: self.tr("The vault is already open"),
        }
        title = titles.get(type(exc), self.tr("The vault cannot be opened"))
        self.problem_view.show_problem(title, exc)
        self.stack.setCurrentWidget(self.problem_view)
        self._set_state(self.tr("Not opened"))

    def restore_backup(self) -> None:
        """Replace a damaged vault by a backup; the damaged file is kept, never deleted."""
        from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

        from app.storage.restore import restore_backup

        paths = self.session.paths
        start_dir = paths.backup_dir if paths.backup_dir.exists() else paths.data_dir
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup"), str(start_dir), self.tr("Quid vault (*.db)")
        )
        if not chosen:
            return
        try:
            header = read_header(paths)
            if header.mode is KeyMode.KEYRING:
                key = key_from_keyring(header)
            else:
                passphrase, ok = QInputDialog.getText(
                    self,
                    self.tr("Passphrase"),
                    self.tr("Your passphrase, to check the backup:"),
                    QLineEdit.EchoMode.Password,
                )
                if not ok:
                    return
                key = key_from_passphrase(header, passphrase)
            kept = restore_backup(paths, Path(chosen), key, header.vault_id)
        except QuidError as exc:
            tell(self, self.tr("Not restored"), error_text(exc), warning=True)
            return
        tell(
            self,
            self.tr("Backup restored"),
            self.tr("The backup is back in place. The damaged file was kept as {name}.").format(
                name=kept.name
            ),
        )
        self.start()

    def _set_state(self, text: str) -> None:
        self.state_label.setText(text)
        self._update_actions()

    # --- actions -------------------------------------------------------------------------
    def about(self) -> None:
        from app.ui.dialogs import show_about

        show_about(self)

    def add_organisation(self) -> None:
        if self.session.is_unlocked:
            self.shell.show_page(1)
            self.shell.organisations.add_organisation()

    def edit_profile(self) -> None:
        from app.ui.record_dialogs import ProfileDialog

        ledger = self.shell.ledger
        if ledger is None:
            return
        dialog = ProfileDialog(ledger.profile(), self)
        if dialog.exec() and self.shell.ledger is ledger:
            try:
                ledger.set_profile(dialog.value())
            except QuidError as exc:
                tell(self, self.tr("Not saved"), error_text(exc), warning=True)
                return
            self.statusBar().showMessage(self.tr("Profile saved."), 5000)

    def change_passphrase(self) -> None:
        from app.ui.key_dialogs import ChangePassphraseDialog

        vault = self.session.vault
        if vault is not None and ChangePassphraseDialog(vault, self).exec():
            self.statusBar().showMessage(self.tr("Passphrase changed."), 5000)

    def key_storage(self) -> None:
        from app.ui.key_dialogs import KeyStorageDialog

        vault = self.session.vault
        if vault is not None and KeyStorageDialog(vault, self).exec():
            self._on_unlocked()
            self.statusBar().showMessage(self.tr("Key storage changed."), 5000)

    def preferences(self) -> None:
        from app.services.backup_schedule import backup_schedule
        from app.ui.dialogs import PreferencesDialog

        vault = self.session.vault
        if vault is None:
            return
        dialog = PreferencesDialog(
            settings.idle_lock_minutes(vault.conn),
            self,
            schedule=backup_schedule(vault.conn),
            paths=self.session.paths,
        )
        if dialog.exec() and self.session.vault is vault:
            try:
                dialog.save(vault.conn)  # the idle lock and the backup schedule
            except QuidError as exc:
                tell(self, self.tr("Not saved"), error_text(exc), warning=True)
                return
            self.session.apply_idle_minutes(dialog.idle_minutes())

    # --- window --------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.ui_settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ui_settings.setValue("window/geometry", self.saveGeometry())
        self.ui_settings.sync()
        self.closing = True  # the window goes away: no unlock screen to build when it locks
        if self.session.is_unlocked:
            self.session.lock()
        event.accept()
        QApplication.quit()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._install_shortcuts)
            if os.environ.get(EXIT_AFTER_FIRST_PAINT) == "1":
                QTimer.singleShot(0, QApplication.quit)
