"""Copying secrets (the recovery key): marked sensitive, and cleared again after 30 s."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtWidgets import QApplication

CLEAR_AFTER_MS = 30_000
_last_copied: str | None = None


def copy_sensitive(text: str, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
    global _last_copied
    mime = QMimeData()
    mime.setText(text)
    # Clipboard managers (KDE Klipper, Windows history) skip entries marked like this.
    mime.setData("x-kde-passwordManagerHint", b"secret")
    mime.setData("ExcludeClipboardContentFromMonitorProcessing", b"1")
    QApplication.clipboard().setMimeData(mime)
    _last_copied = text
    QTimer.singleShot(clear_after_ms, clear_if_ours)


def clear_if_ours() -> None:
    """Empty the clipboard only if it still holds what Quid put there."""
    global _last_copied
    if _last_copied is not None and QApplication.clipboard().text() == _last_copied:
        QApplication.clipboard().clear()
    _last_copied = None
