"""Run a function off the GUI thread and get its result back on the GUI thread by signal, and
the one way to run work on the vault in the background behind a progress dialog."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.services.progress import Progress
from app.ui.import_progress import ImportProgressDialog
from app.ui.session import VaultSession

log = logging.getLogger(__name__)

#: Backups pass this as `show_after_ms`: a quick one ends before any dialog would flash.
SHOW_AFTER_MS = 400


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """`Task.start(func, on_done, on_error)`; the callbacks run on the GUI thread."""

    _running: ClassVar[set[Task]] = (
        set()
    )  # keep Python wrappers alive until the signal is delivered

    def __init__(self, func: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.func = func
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.func()
        except BaseException as exc:  # delivered to the caller, who shows it; never lost
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)

    @classmethod
    def start(
        cls,
        func: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> Task:
        task = cls(func)
        cls._running.add(task)

        def done(result: object) -> None:
            cls._running.discard(task)
            on_done(result)

        def failed(exc: BaseException) -> None:
            cls._running.discard(task)
            on_error(exc)

        task.signals.finished.connect(done)
        task.signals.failed.connect(failed)
        QThreadPool.globalInstance().start(task)
        return task


def run_in_background(
    window: QWidget,
    session: VaultSession,
    title: str,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    text: str = "",
    show_after_ms: int = 0,
) -> ImportProgressDialog:
    """`work(progress)` on a worker thread behind a window-modal progress dialog (`title`,
    `text` above the bar, or the title again) whose Cancel stops it. Once the worker has
    stopped, the dialog closes and `on_done(result)` or `on_error(exc)` runs on the GUI thread;
    a cancel arrives as `Cancelled`, after the work rolled back. The session knows a worker is
    busy, so a lock (idle or asked for) waits until it ends.

    `show_after_ms` holds the dialog back so quick work does not flash it. Until it shows, the
    window takes input, so only work that keeps off `vault.conn` may ask for it (backups read
    through connections of their own); the rest shows it at once, and its modality keeps the
    person from using the connection the worker holds."""
    busy = ImportProgressDialog(title, text or title, window)
    progress = busy.progress  # taken here: the worker never touches the dialog
    show_later = QTimer(busy)
    show_later.setSingleShot(True)
    show_later.timeout.connect(busy.open)
    session.begin_background()

    def settle() -> None:
        show_later.stop()  # quick work: the dialog never shows
        busy.finish()
        busy.deleteLater()
        session.end_background()  # a lock asked for meanwhile happens now

    def done(result: Any) -> None:
        settle()
        on_done(result)

    def failed(exc: BaseException) -> None:
        settle()
        on_error(exc)

    if show_after_ms > 0:
        show_later.start(show_after_ms)
    else:
        busy.open()
    Task.start(lambda: work(progress), done, failed)
    return busy
