"""What writing a report file needs besides the rendering, shared by the PDF and the HTML
writer: a check of the target before any work, progress in phases, a QGuiApplication when the
caller (the CLI) has none, and the atomic, owner-only write (the exports' own helpers in
`app.services.export_files`: a full disk is a clear error and leaves nothing behind)."""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any

from app.services import export_files
from app.services.progress import Progress
from app.services.report_data import ReportData, gather_report
from app.services.report_texts import DEFAULT_LANGUAGE
from app.storage.database import Connection

_keep_app: list[Any] = []  # an application made here lives as long as the process


def ensure_gui_application() -> None:
    """Fonts and images need a QGuiApplication; make an offscreen one if there is none (the
    CLI), as the letter PDF does. The GUI's own application is used when it exists."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep_app.append(QGuiApplication([]))


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a report is built: it makes some 200,000
    small objects without cycles for 1,000 organisations, and the collector kept re-scanning
    them (a tenth of the PDF's time). Whatever needs collecting is collected afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_target(path: Path) -> None:
    """Refuse a folder or a missing folder before any work is done. Whether an existing file
    may be replaced was asked before (the CLI's --force, the GUI's file dialog)."""
    export_files.check_target(path, overwrite=True)


def progress_part(progress: Progress | None, start: int, end: int) -> Progress:
    """A Progress for one phase of a job, reported into `progress` as percent `start`–`end`.
    Cancelling `progress` cancels the phase: its `step` raises Cancelled."""
    parent = progress or Progress()

    def report(done: int, total: int) -> None:
        parent.step(start + (end - start) * min(done, total) // total if total else start, 100)

    return Progress(report)


def write_report(
    conn: Connection,
    path: Path,
    org_ids: Collection[int] | None,
    progress: Progress | None,
    render: Callable[[ReportData, Progress], bytes],
    gathered_at: int,
    lang: str = DEFAULT_LANGUAGE,
) -> None:
    """Check the target, gather (progress 0–`gathered_at` %) in `lang`, render (to 98 %) and
    write the report atomically, mode 0600 — the same for the PDF and the HTML writer."""
    check_target(path)
    ensure_gui_application()
    with collector_paused():
        gathering = progress_part(progress, 0, gathered_at)
        data = gather_report(conn, org_ids, progress=gathering, lang=lang)
        document = render(data, progress_part(progress, gathered_at, 98))
    write_report_file(path, document, progress)


def write_report_file(path: Path, data: bytes, progress: Progress | None) -> None:
    """Write atomically with mode 0600: a reader sees the old file or the whole new one. The
    last chance to cancel is before the file is touched; none is taken after it is written."""
    if progress is not None:
        progress.step(99, 100)
    export_files.write_bytes(path, data)
