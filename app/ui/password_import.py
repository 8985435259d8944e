"""File ▸ Import from Password Manager…: choose the export, map its columns when Quid does not
know them, read it in the background, review the proposal, add what was ticked in the
background (all or nothing), make it one undoable step, and remind the person to delete the
export, which holds their passwords in plain text.

The vault's connection is used by a worker while a window-modal progress dialog blocks the
main window; the idle lock waits meanwhile, so the connection is never closed under the
worker. A lock while the preview or the reminder is open closes them, and the flow ends.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from app.errors import QuidError
from app.services.directory import load_directory
from app.services.discovery import ImportResult, Proposal, apply_proposal, propose_file
from app.services.password_export import (
    FORMAT_LABELS,
    ColumnMapping,
    detect_format,
    guess_mapping,
    read_header,
)
from app.services.progress import Cancelled, Progress
from app.storage.vault import Vault
from app.ui.column_mapping import ColumnMappingDialog
from app.ui.error_text import error_text
from app.ui.formatting import tr
from app.ui.import_commands import ImportFromPasswordExport
from app.ui.import_preview import ImportPreviewDialog, counted
from app.ui.ledger_commands import LedgerActions
from app.ui.session import VaultSession
from app.ui.widgets import tell
from app.ui.workers import run_in_background


def start_password_import(
    window: QMainWindow,
    session: VaultSession,
    actions: LedgerActions,
    on_imported: Callable[[ImportResult], None],
    path: Path | None = None,
) -> None:
    """Run the whole import; returns at once (the steps follow one another by signal)."""
    if session.vault is None or actions.ledger is None:
        return
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            window,
            tr("Import from a password export"),
            "",
            tr("Password export (*.csv);;All files (*)"),
        )
        if not name:
            return
        path = Path(name)
    PasswordImport(window, session, actions, on_imported, path).begin()


def _nothing_changed(exc: BaseException) -> str:
    """The error in the person's language, saying that nothing changed unless it says so (in
    English: the messages are written in English and translated whole)."""
    message = error_text(exc)
    if "nothing was" in str(exc).casefold():
        return message
    return message + " " + QCoreApplication.translate("PasswordImport", "Nothing was changed.")


class PasswordImport(QObject):
    """One run of the import. Kept alive in `running` until it ends."""

    running: ClassVar[set[PasswordImport]] = set()

    def __init__(
        self,
        window: QMainWindow,
        session: VaultSession,
        actions: LedgerActions,
        on_imported: Callable[[ImportResult], None],
        path: Path,
    ) -> None:
        super().__init__(window)
        self.window, self.session, self.actions = window, session, actions
        self.on_imported = on_imported
        self.path = path
        self.vault: Vault | None = session.vault
        self.format_label = ""
        self.proposal: Proposal | None = None
        self.preview: ImportPreviewDialog | None = None
        self.mapping_dialog: ColumnMappingDialog | None = None
        self.reminder: QMessageBox | None = None

    # --- steps ---------------------------------------------------------------------------
    def begin(self) -> None:
        PasswordImport.running.add(self)
        try:
            header = read_header(self.path)
        except QuidError as exc:
            self._fail(error_text(exc))
            return
        except OSError as exc:
            self._fail(self._unreadable(exc))
            return
        fmt = detect_format(header)
        if fmt is not None:
            self.format_label = FORMAT_LABELS.get(fmt, fmt)
            self._read(fmt, None)
            return
        # read_header refused a first row that does not look like column names (a file
        # without a header row): its cells are a login and may hold a password.
        dialog = self.mapping_dialog = ColumnMappingDialog(
            self.path, header, guess_mapping(header), self.window
        )
        dialog.accepted.connect(self._mapped)
        dialog.rejected.connect(self.end)
        dialog.open()

    def _mapped(self) -> None:
        assert self.mapping_dialog is not None
        mapping = self.mapping_dialog.mapping()
        self.mapping_dialog.deleteLater()
        self.mapping_dialog = None
        if mapping is None:
            self.end()
            return
        self.format_label = self.tr("CSV, columns chosen by you")
        self._read("auto", mapping)

    def _read(self, fmt: str, mapping: ColumnMapping | None) -> None:
        if not self._vault_open():
            self.end()
            return
        assert self.vault is not None
        conn, path = self.vault.conn, self.path

        def job(progress: Progress) -> Proposal:
            return propose_file(path, conn, fmt, mapping, load_directory(), progress)

        self._in_background(
            self.tr("Reading the export"),
            self.tr("Reading {name}… Passwords are skipped as it is read.").format(name=path.name),
            job,
            self._proposed,
        )

    def _proposed(self, proposal: Proposal) -> None:
        if not self._vault_open():
            self.end()
            return
        self.proposal = proposal
        if not proposal.organisations:
            self._fail(
                self.tr(
                    "No logins with a web address were found in {name} ({skipped} rows "
                    "skipped). Nothing was changed."
                ).format(name=self.path.name, skipped=len(proposal.skipped)),
                title=self.tr("Nothing to import"),
            )
            return
        preview = self.preview = ImportPreviewDialog(
            proposal, self.path, self.format_label, self.window
        )
        preview.accepted.connect(self._accepted)
        preview.rejected.connect(self.end)
        preview.open()

    def _accepted(self) -> None:
        assert self.preview is not None and self.proposal is not None
        selected = self.preview.selected_keys()
        self.preview.deleteLater()
        self.preview = None
        if not selected or not self._vault_open():
            self.end()
            return
        assert self.vault is not None
        conn, proposal = self.vault.conn, self.proposal

        def job(progress: Progress) -> ImportResult:
            return apply_proposal(conn, proposal, selected, progress)

        self._in_background(
            self.tr("Adding to your ledger"),
            self.tr("Adding {what} and their accounts to your ledger…").format(
                what=counted(self, len(selected), "organisation")
            ),
            job,
            self._applied,
        )

    def _applied(self, result: ImportResult) -> None:
        if self.actions.ledger is None:  # cannot happen while the progress dialog is modal
            self.end()
            return
        self.actions.undo_stack.push(ImportFromPasswordExport(self.actions, result))
        self.on_imported(result)
        self._remind(result)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.window.statusBar().showMessage(
                self.tr("Import cancelled; nothing was changed."), 8000
            )
            self.end()
        elif isinstance(exc, QuidError):
            self._fail(_nothing_changed(exc))
        elif isinstance(exc, OSError):
            self._fail(self._unreadable(exc))
        else:
            self.end()
            raise exc  # a bug: the crash dialog, with a report that holds no ledger data

    # --- the reminder --------------------------------------------------------------------
    def _remind(self, result: ImportResult) -> None:
        box = self.reminder = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Import finished"))
        box.setTextFormat(Qt.TextFormat.PlainText)  # the path is shown as it is
        box.setStyleSheet(  # wider than Qt's default: a long path wraps less
            "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 460px; }"
        )
        box.setText(added_text(self, result))
        box.setInformativeText(
            self.tr(
                "The export file {path} holds all your passwords in plain text: anyone who "
                "can read your files can read them. Quid has what it needs; delete the file "
                "unless you still need it for something else."
            ).format(path=self.path)
        )
        self.delete_button = box.addButton(
            self.tr("&Delete the export file"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = box.addButton(self.tr("&Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.delete_button)
        box.setEscapeButton(keep)
        box.finished.connect(self._reminded)
        box.open()

    def _reminded(self, _result: int) -> None:
        box = self.reminder
        if box is not None and box.clickedButton() is self.delete_button:
            self.delete_export()
        self.end()

    def delete_export(self) -> None:
        """The person asked for it: no further question; say so if it failed."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            self.window.statusBar().showMessage(self.tr("The export file was already gone."), 8000)
        except OSError as exc:
            tell(
                self.window,
                self.tr("Not deleted"),
                self.tr("{path} could not be deleted: {reason}. Please delete it yourself.").format(
                    path=self.path, reason=exc.strerror or type(exc).__name__
                ),
                warning=True,
            )
        else:
            self.window.statusBar().showMessage(self.tr("The export file was deleted."), 8000)

    # --- helpers -------------------------------------------------------------------------
    def _vault_open(self) -> bool:
        """Still the vault the import started on, and unlocked (a lock ends the import)."""
        vault = self.session.vault
        return vault is not None and vault is self.vault and self.actions.ledger is not None

    def _in_background(
        self, title: str, text: str, job: Callable[[Progress], Any], then: Callable[[Any], None]
    ) -> None:
        # The dialog shows at once: the worker uses the vault's connection, and the dialog's
        # modality keeps the person off it; a lock waits until the worker ends.
        run_in_background(self.window, self.session, title, job, then, self._failed, text=text)

    def _unreadable(self, exc: OSError) -> str:
        return self.tr("{name} cannot be read: {reason}. Nothing was changed.").format(
            name=self.path.name, reason=exc.strerror or type(exc).__name__
        )

    def _fail(self, message: str, title: str = "") -> None:
        tell(self.window, title or self.tr("Not imported"), message, warning=True)
        self.end()

    def end(self) -> None:
        for dialog in (self.mapping_dialog, self.preview, self.reminder):
            if dialog is not None:
                dialog.deleteLater()
        self.mapping_dialog = self.preview = self.reminder = None
        PasswordImport.running.discard(self)
        self.deleteLater()


def added_text(context: QObject, result: ImportResult) -> str:
    """'Added 12 organisations, 15 accounts and 15 identifiers to your ledger.'"""
    text = tr(
        "Added {orgs}, {accounts} and {given} (e-mail addresses and usernames, as data you "
        "gave) to your ledger. Edit ▸ Undo removes them all again."
    ).format(
        orgs=counted(context, len(result.organisations_added), "organisation"),
        accounts=counted(context, len(result.accounts_added), "account"),
        given=counted(context, len(result.disclosures_added), "identifier"),
    )
    if result.organisations_added:  # else the new ones' "unbalanced" comes as a surprise
        text += "\n\n" + tr(
            "A new organisation counts as unbalanced until you add what you get from it "
            "(a service, a discount): only the data you gave is known so far."
        )
    return text
