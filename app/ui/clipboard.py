"""Copying secrets (the recovery key) and letters: marked sensitive, and cleared again after
30 s or when the vault locks, if the clipboard still holds what Quid put there."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtWidgets import QApplication

CLEAR_AFTER_MS = 30_000
_last_copied: str | None = None
_copies = 0  # counts copies: only the latest copy's timer may clear the clipboard


def copy_sensitive(text: str, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
    global _last_copied, _copies
    mime = QMimeData()
    mime.setText(text)
    # Clipboard managers (KDE Klipper, Windows history) skip entries marked like this.
    mime.setData("x-kde-passwordManagerHint", b"secret")
    mime.setData("ExcludeClipboardContentFromMonitorProcessing", b"1")
    QApplication.clipboard().setMimeData(mime)
    _last_copied = text
    _copies += 1
    QTimer.singleShot(clear_after_ms, partial(_expire, _copies))


def _expire(copy: int) -> None:
    if copy == _copies:  # an earlier copy's timer must not cut a later copy's 30 s short
        clear_if_ours()


def clear_if_ours() -> None:
    """Empty the clipboard only if it still holds what Quid put there."""
    global _last_copied
    if _last_copied is not None and QApplication.clipboard().text() == _last_copied:
        QApplication.clipboard().clear()
    _last_copied = None
