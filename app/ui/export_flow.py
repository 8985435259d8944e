"""The GUI's exports (full ledger JSON, CSV tables, consent records, the report as PDF or HTML)
and the import of a Quid ledger file.

Each asks where (a save dialog with a safe default name whose title says the file is not
encrypted), then works in the background behind a window-modal progress dialog with Cancel,
and ends with a status-bar message (`app.ui.workers.run_in_background`). The dialog shows at
once and stays until the worker has stopped, so nothing else uses the vault's connection
meanwhile; a lock waits for it too.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from app.errors import QuidError
from app.services.export_files import NOT_ENCRYPTED, default_file_name
from app.services.progress import Cancelled, Progress
from app.storage.database import Connection
from app.ui.error_text import error_text, translated
from app.ui.formatting import QT_TR_NOOP, ui_language
from app.ui.import_progress import ImportProgressDialog
from app.ui.session import VaultSession
from app.ui.workers import run_in_background

log = logging.getLogger(__name__)
CONFLICTS_SHOWN = 15

#: kind → (what it is, in a title; the save dialog's file filters)
KINDS = {
    "json": (QT_TR_NOOP("the full ledger"), QT_TR_NOOP("Quid ledger (*.json)")),
    "csv": (
        QT_TR_NOOP("the ledger as spreadsheet tables"),
        QT_TR_NOOP("Zip of CSV tables (*.zip);;CSV files in a new folder (*)"),
    ),
    "receipts": (QT_TR_NOOP("consent records"), QT_TR_NOOP("Consent records (*.json)")),
    "report-pdf": (QT_TR_NOOP("the report"), QT_TR_NOOP("PDF document (*.pdf)")),
    "report-html": (QT_TR_NOOP("the report"), QT_TR_NOOP("Web page (*.html)")),
}
#: The folder choice among the CSV filters (its translation ends the translated filter list).
FOLDER_FILTER = QT_TR_NOOP("CSV files in a new folder (*)")


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("", text)  # lupdate files bare tr() calls under ""


# The progress dialog of all background work (window-modal, with Cancel; it closes only when
# the worker has stopped, so a cancelled import has rolled back by then).
BusyDialog = ImportProgressDialog


def status(window: QWidget, text: str) -> None:
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 20_000)


def show_message(window: QWidget, title: str, text: str, *, warning: bool = False) -> QMessageBox:
    """A window-modal message (plain text: it may quote names and paths), not blocking."""
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _failure_handler(
    window: QWidget, title: str, cancelled: str
) -> Callable[[BaseException], None]:
    def failed(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            status(window, cancelled)
        elif isinstance(exc, QuidError):
            show_message(window, title, error_text(exc), warning=True)
        else:  # a bug: the crash dialog (its report holds no ledger data)
            sys.excepthook(type(exc), exc, exc.__traceback__)

    return failed


# --- exports --------------------------------------------------------------------------------
def _start_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def choose_target(window: QWidget, kind: str) -> tuple[Path, bool] | None:
    """Where to write, and whether a CSV export goes into a folder (not a zip)."""
    what, filters = (tr(text) for text in KINDS[kind])
    default = _start_folder() / default_file_name(kind, date.today())
    title = tr("Export {what} — the file is not encrypted").format(what=what)
    chosen, selected = QFileDialog.getSaveFileName(window, title, str(default), filters)
    if not chosen:
        return None
    path = Path(chosen)
    folder = kind == "csv" and selected == tr(FOLDER_FILTER)
    if folder:
        return (path.with_suffix("") if path.suffix.lower() == ".zip" else path), True
    suffix = default.suffix
    return (path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)), False


def export_work(
    kind: str, conn: Connection, target: Path, folder: bool, org_ids: Collection[int] | None
) -> Callable[[Progress], Any]:
    """The function the worker runs for `kind`."""
    if kind == "json":
        from app.services.export_json import export_ledger_json

        return lambda progress: export_ledger_json(conn, target, progress)
    if kind == "csv":
        from app.services.export_csv import export_csv

        return lambda progress: export_csv(conn, target, progress, as_zip=not folder)
    if kind == "receipts":
        from app.services.consent_receipts import export_consent_receipts

        return lambda progress: export_consent_receipts(conn, target, progress)
    if kind == "report-pdf":
        from app.render.report_pdf import write_report_pdf

        lang = ui_language()  # the UI's language, read here in the GUI thread
        return lambda progress: write_report_pdf(conn, target, org_ids, progress, lang)
    if kind == "report-html":
        from app.render.report_html import write_report_html

        lang = ui_language()
        return lambda progress: write_report_html(conn, target, org_ids, progress, lang)
    raise ValueError(kind)


def run_export(
    window: QWidget, session: VaultSession, kind: str, org_ids: Collection[int] | None = None
) -> None:
    """Ask where, then export `kind` ("json", "csv", "receipts", "report-pdf", "report-html";
    `org_ids` limits a report to those organisations) in the background."""
    vault = session.vault
    if vault is None or kind not in KINDS:
        return
    chosen = choose_target(window, kind)
    if chosen is None:
        return
    target, folder = chosen
    notice = (
        NOT_ENCRYPTED
        if not folder
        else tr("These files are not encrypted: keep them somewhere safe or delete them when done.")
    )

    def done(_result: Any) -> None:
        status(window, tr("Exported to {path}. {notice}").format(path=target, notice=notice))

    run_in_background(
        window,
        session,
        tr("Exporting {what}…").format(what=tr(KINDS[kind][0])),
        export_work(kind, vault.conn, target, folder, org_ids),
        done,
        _failure_handler(window, tr("Not exported"), tr("Export cancelled; nothing was written.")),
    )


# --- import ---------------------------------------------------------------------------------
def _confirm_merge(window: QWidget) -> bool:
    answer = QMessageBox.question(
        window,
        tr("Merge into your ledger?"),
        tr(
            "Your ledger already has data. Merge the file into it? Organisations you already "
            "have are matched by name, domain or directory entry; where the file differs, your "
            "values are kept and the differences are listed. Records you already have are not "
            "added twice."
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


#: What an import added, per table: (one, many) — the same words as ImportResult.summary()
_ADDED = {
    "organisations": (QT_TR_NOOP("1 organisation"), QT_TR_NOOP("{n} organisations")),
    "accounts": (QT_TR_NOOP("1 account"), QT_TR_NOOP("{n} accounts")),
    "disclosures": (QT_TR_NOOP("1 disclosure"), QT_TR_NOOP("{n} disclosures")),
    "benefits": (QT_TR_NOOP("1 benefit"), QT_TR_NOOP("{n} benefits")),
    "tiers": (QT_TR_NOOP("1 tier"), QT_TR_NOOP("{n} tiers")),
    "requests": (QT_TR_NOOP("1 request"), QT_TR_NOOP("{n} requests")),
    "request_events": (QT_TR_NOOP("1 request event"), QT_TR_NOOP("{n} request events")),
    "attachments": (QT_TR_NOOP("1 attachment"), QT_TR_NOOP("{n} attachments")),
}


def import_summary(result: Any) -> str:
    """ImportResult.summary() in the UI's language (the CLI prints the English one)."""

    def counted(n: int, one: str, many: str) -> str:
        return one if n == 1 else many.format(n=QLocale().toString(n))

    parts = [
        counted(n, tr(_ADDED[table][0]), tr(_ADDED[table][1]))
        for table, n in result.added.items()
        if n
    ]
    if parts:
        sentences = [tr("Imported {what}.").format(what=", ".join(parts))]
    else:
        sentences = [tr("Imported nothing new.")]
    if n := result.matched_organisations:
        one = tr("1 organisation was already in the vault.")
        sentences.append(counted(n, one, tr("{n} organisations were already in the vault.")))
    if n := result.already_there:
        one = tr("1 record was already there and not added again.")
        many = tr("{n} records were already there and not added again.")
        sentences.append(counted(n, one, many))
    if n := len(result.conflicts):
        one = tr("1 conflict: the vault's values were kept.")
        sentences.append(counted(n, one, tr("{n} conflicts: the vault's values were kept.")))
    return " ".join(sentences)


def result_text(result: Any) -> str:
    """The import's summary and the conflicts (the first ones, and how many more)."""
    lines = [import_summary(result)]
    if result.conflicts:
        lines.append("")
        lines += [f"• {translated(c)}" for c in result.conflicts[:CONFLICTS_SHOWN]]
        more = len(result.conflicts) - CONFLICTS_SHOWN
        if more > 0:
            lines.append(tr("… and {n} more.").format(n=more))
    return "\n".join(lines)


def import_ledger_json(window: QWidget, session: VaultSession, on_done: Callable[[], None]) -> None:
    """Choose a Quid ledger file and import it (merging, after a question, when the ledger
    has data); `on_done` runs after a successful import (to reload the views)."""
    from app.services import import_json

    vault = session.vault
    if vault is None:
        return
    chosen, _ = QFileDialog.getOpenFileName(
        window,
        tr("Import a Quid ledger"),
        str(_start_folder()),
        tr("Quid ledger (*.json);;All files (*)"),
    )
    if not chosen:
        return
    merge = not import_json.ledger_is_empty(vault.conn)
    if merge and not _confirm_merge(window):
        return
    conn, path = vault.conn, Path(chosen)

    def done(result: Any) -> None:
        on_done()
        status(window, import_summary(result))
        show_message(window, tr("Import finished"), result_text(result))

    run_in_background(
        window,
        session,
        tr("Importing the ledger…"),
        lambda progress: import_json.import_ledger_json(conn, path, progress, merge=merge),
        done,
        _failure_handler(window, tr("Not imported"), tr("Import cancelled; nothing was changed.")),
    )
