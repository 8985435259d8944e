"""Progress and cancellation for long work (imports, exports, backups). No Qt.

A service takes a `Progress` and calls `step(done, total)` now and then; the GUI passes one
whose `cancelled` is set by the Cancel button, the CLI passes `Progress()` (never cancelled).
`step` raises `Cancelled` once cancellation was asked for, so the service's transaction rolls
back and no half result is kept.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.errors import QT_TR_NOOP, QuidError


class Cancelled(QuidError):
    """The person cancelled; nothing was changed."""

    def __init__(self, message: str = QT_TR_NOOP("Cancelled; nothing was changed.")) -> None:
        super().__init__(message)


class Progress:
    """Thread-safe: the worker calls `step`, the GUI thread calls `cancel`."""

    def __init__(self, report: Callable[[int, int], None] | None = None) -> None:
        self._report = report
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Raise `Cancelled` if cancellation was asked for."""
        if self._cancelled.is_set():
            raise Cancelled()

    def step(self, done: int, total: int) -> None:
        """Report `done` of `total` units (total 0 = unknown), then honour a cancel."""
        if self._report is not None:
            self._report(done, total)
        self.check()
