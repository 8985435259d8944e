"""Run a function off the GUI thread and get its result back on the GUI thread by signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


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
