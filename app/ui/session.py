"""The GUI's hold on the vault: unlocked or locked, the idle timer, and what locking clears."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.paths import AppPaths
from app.storage import settings
from app.storage.header import KeyMode
from app.storage.vault import Vault
from app.ui import clipboard

log = logging.getLogger(__name__)

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.Shortcut,
}


#: Activity is watched from a moment after the vault opens (after the window's first paint), not
#: from the start: the first event a Python event filter sees makes PySide build the Python type
#: of every Qt class (~40 ms), which would hold up the window. The idle timer runs meanwhile; an
#: idle lock of minutes misses nothing in that moment.
ACTIVITY_WATCH_DELAY_MS = 100


class VaultSession(QObject):
    """Owns the open `Vault`. `locked` tells every view to clear itself."""

    unlocked = Signal()
    locked = Signal()
    key_storage_changed = Signal()

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self._vault: Vault | None = None
        self._background = 0  # workers using the vault's connection right now
        self._lock_when_idle = False
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self._idle_timeout)

    # --- state ---------------------------------------------------------------------------
    @property
    def vault(self) -> Vault | None:
        return self._vault if self._vault is not None and self._vault.is_open else None

    @property
    def is_unlocked(self) -> bool:
        return self.vault is not None

    @property
    def mode(self) -> KeyMode | None:
        return self._vault.mode if self._vault is not None else None

    def attach(self, vault: Vault) -> None:
        self._vault = vault
        try:
            minutes = settings.idle_lock_minutes(vault.conn)
        except Exception:  # an unreadable setting must not keep the vault half-open
            log.warning("idle lock setting unreadable; using the default")
            minutes = settings.DEFAULT_IDLE_LOCK_MINUTES
        self.apply_idle_minutes(minutes)
        QTimer.singleShot(ACTIVITY_WATCH_DELAY_MS, self, self._watch_activity)
        log.info("vault unlocked (mode %s)", vault.mode)
        self.unlocked.emit()

    # --- background work -------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A worker thread is using the vault's connection (an import, export or backup)."""
        return self._background > 0

    def begin_background(self) -> None:
        """Before a worker uses the connection: locking waits until it ends, so the
        connection is never closed under it (the work itself has a Cancel button)."""
        self._background += 1
        self.idle_timer.stop()

    def end_background(self) -> None:
        self._background = max(0, self._background - 1)
        if self._background:
            return
        if self._lock_when_idle:
            self._lock_when_idle = False
            self.lock()
        elif self.idle_timer.interval() > 0 and self.is_unlocked:
            self.idle_timer.start()

    # --- idle lock -----------------------------------------------------------------------
    def apply_idle_minutes(self, minutes: int) -> None:
        self.set_idle_interval_ms(minutes * 60_000)

    def set_idle_interval_ms(self, interval_ms: int) -> None:
        """0 turns the idle lock off."""
        self.idle_timer.stop()
        self.idle_timer.setInterval(interval_ms)
        if interval_ms > 0 and self.is_unlocked:
            self.idle_timer.start()

    def _watch_activity(self) -> None:
        app = QApplication.instance()
        if app is not None and self.is_unlocked:
            app.installEventFilter(self)  # once: installing it again only moves it to the front

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in _ACTIVITY
            and self.idle_timer.interval() > 0
            and self.is_unlocked
            and not self.busy
        ):
            self.idle_timer.start()  # restart: the person is here
        return False

    def _idle_timeout(self) -> None:
        if self.is_unlocked:
            log.info("locking after idle timeout")
            self.lock()

    # --- lock ----------------------------------------------------------------------------
    def lock(self) -> None:
        """Close dialogs, clear views, close the database and drop the key. While a worker
        uses the vault, the lock happens as soon as it ends."""
        self.idle_timer.stop()
        if self.busy:
            self._lock_when_idle = True
            log.info("lock postponed until the background work ends")
            return
        close_dialogs()
        clipboard.clear_if_ours()
        vault, self._vault = self._vault, None
        self.locked.emit()  # views clear their models before the connection goes away
        if vault is not None:
            vault.close()
            log.info("vault locked")


def close_dialogs(keep: QWidget | None = None) -> None:
    """Reject every open dialog (nested ones first), so no ledger data stays on screen."""
    for _ in range(5):  # a dialog may open another on close; bounded
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible() and w is not keep
        ]
        if not dialogs:
            return
        for dialog in dialogs:
            dialog.reject()
