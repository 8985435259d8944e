"""Write a GDPR letter: choose the right and the language, read and edit the letter, then save
it as PDF, copy it, open it in the email program or save an .eml. The first output records the
request as a draft with the text as it was sent."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.requests import LANGUAGES, REQUEST_TYPES
from app.errors import QuidError
from app.services.ledger import Ledger
from app.services.requests import RequestService
from app.storage.fileio import atomic_write_bytes
from app.ui import clipboard
from app.ui.error_text import error_text
from app.ui.focus_order import tab_buttons_left_to_right
from app.ui.formatting import term
from app.ui.widgets import error_label, plain_label, show_error

LANGUAGE_NAMES = {"en": "English", "nl": "Nederlands", "de": "Deutsch", "fr": "Français"}
COUNTRY_LANGUAGE = {"NL": "nl", "BE": "nl", "DE": "de", "AT": "de", "CH": "de", "FR": "fr",
                    "LU": "fr"}  # fmt: skip


class LetterDialog(QDialog):
    def __init__(
        self, ledger: Ledger, org_id: int, *, letter_type: str = "access",
        earlier_id: int | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.ledger, self.org_id, self.earlier_id = ledger, org_id, earlier_id
        self.requests = RequestService(ledger.conn)
        self.request_id: int | None = None
        self.setWindowTitle(self.tr("Write a letter"))
        self.resize(760, 760)
        self.type = QComboBox()
        self.type.setAccessibleName(self.tr("Kind of request"))
        for key, kind in REQUEST_TYPES.items():
            if (key in ("reminder", "complaint")) == (earlier_id is not None):
                self.type.addItem(f"{term(kind.title)} (Art. {kind.article})", key)
        self.type.setCurrentIndex(max(self.type.findData(letter_type), 0))
        self.lang = QComboBox()
        self.lang.setAccessibleName(self.tr("Language of the letter"))
        for code in LANGUAGES:
            self.lang.addItem(LANGUAGE_NAMES[code], code)
        country = ledger.organisation(org_id).country or ledger.profile().country
        self.lang.setCurrentIndex(self.lang.findData(COUNTRY_LANGUAGE.get(country, "en")))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("The letter; you may edit it"))
        self.error = error_label()
        # a first letter usually meets an empty profile: fill it in here, not via the menu
        self.profile_button = QPushButton(self.tr("Fill in your &details…"))
        self.profile_button.hide()
        self.profile_button.clicked.connect(self.edit_profile)
        self.note = plain_label()
        form = QFormLayout()
        form.addRow(self.tr("&Request:"), self.type)
        form.addRow(self.tr("&Language:"), self.lang)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.outputs: dict[str, QPushButton] = {}
        for key, label in (
            ("pdf", self.tr("Save as &PDF…")),
            ("copy", self.tr("&Copy text")),
            ("email", self.tr("Open in &email program")),
            ("eml", self.tr("Save .&eml…")),
        ):
            button = buttons.addButton(label, QDialogButtonBox.ButtonRole.ActionRole)
            self.outputs[key] = button  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.profile_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        tab_buttons_left_to_right(buttons)
        self.type.currentIndexChanged.connect(self.write)
        self.lang.currentIndexChanged.connect(self.write)
        self.outputs["pdf"].clicked.connect(self.save_pdf)
        self.outputs["copy"].clicked.connect(self.copy)
        self.outputs["email"].clicked.connect(self.open_email)
        self.outputs["eml"].clicked.connect(self.save_eml)
        self.write()

    # --- the letter ----------------------------------------------------------------------
    def write(self) -> None:
        from app.render.letter_files import prepare

        show_error(self.error, "")
        self.profile_button.hide()
        try:
            self.ctx, self.letter = prepare(
                self.ledger, self.org_id, self.type.currentData(), self.lang.currentData(),
                earlier_id=self.earlier_id,
            )  # fmt: skip
        except QuidError as exc:
            show_error(self.error, error_text(exc))
            if getattr(exc, "field", "") == "profile":
                self.profile_button.show()
                self.profile_button.setFocus()
            self.text.clear()
            for button in self.outputs.values():
                button.setEnabled(False)
            return
        self.text.setPlainText(f"{self.letter.subject}\n\n{self.letter.body}")
        webform = self.ctx.organisation.webform
        if webform and not self.ctx.organisation.email:  # they take requests by web form
            self.note.setText(self.tr(
                "This organisation takes requests through a web form: copy the text and paste "
                "it there — {url}"
            ).format(url=webform))  # fmt: skip
        for button in self.outputs.values():
            button.setEnabled(True)

    def edit_profile(self) -> None:
        from app.ui.record_dialogs import ProfileDialog

        dialog = ProfileDialog(self.ledger.profile(), self)
        if not dialog.exec():
            return
        try:
            self.ledger.set_profile(dialog.value())
        except QuidError as exc:
            show_error(self.error, error_text(exc))
            return
        # the default language came from a country that may have been missing until now
        country = self.ledger.organisation(self.org_id).country or self.ledger.profile().country
        self.lang.blockSignals(True)
        self.lang.setCurrentIndex(self.lang.findData(COUNTRY_LANGUAGE.get(country, "en")))
        self.lang.blockSignals(False)
        self.write()

    def edited(self) -> tuple[str, str]:
        subject, _, body = self.text.toPlainText().partition("\n")
        return subject.strip(), body.strip("\n")

    def _record(self, how: str) -> None:
        """Keep the request as a draft with the text as it left Quid."""
        subject, body = self.edited()
        if self.request_id is None:
            self.request_id = self.requests.create_draft(
                self.org_id, self.type.currentData(), self.lang.currentData(), subject, body,
                parent_id=self.earlier_id,
            )  # fmt: skip
        else:
            self.requests.update_text(self.request_id, subject, body)
        self.note.setText(self.tr(
            "{how}. Recorded as draft request {id}: mark it as sent on the Requests page "
            "when it has gone; Quid then keeps the one-month deadline."
        ).format(how=how, id=self.request_id))  # fmt: skip

    def _safely(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except QuidError as exc:
            show_error(self.error, error_text(exc))

    # --- outputs -------------------------------------------------------------------------
    def save_pdf(self) -> None:
        from dataclasses import replace

        from app.render.letter_files import pdf_bytes

        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the letter"), "letter.pdf",
                                              self.tr("PDF (*.pdf)"))  # fmt: skip
        if not name:
            return
        subject, body = self.edited()
        edited = body != self.letter.body
        letter = replace(self.letter, subject=subject, body=body,
                         content="" if edited else self.letter.content)  # fmt: skip

        def save() -> None:
            atomic_write_bytes(Path(name), pdf_bytes(self.ctx, letter,
                                                     self.ledger.profile().country))  # fmt: skip
            self._record(self.tr("Saved as PDF (not encrypted)"))

        self._safely(save)

    def copy(self) -> None:
        # marked sensitive, cleared after 30 s and on lock: the letter holds personal data
        clipboard.copy_sensitive(self.text.toPlainText())
        self._safely(lambda: self._record(self.tr("Copied — cleared from the clipboard in 30 s")))

    def open_email(self) -> None:
        from app.services.sending import mailto_url

        to = self.ctx.organisation.email
        if not to:
            show_error(self.error, self.tr("This organisation has no privacy email address. "
                                           "Add it, or send the PDF by post."))  # fmt: skip
            return
        subject, body = self.edited()

        def open_it() -> None:
            link = mailto_url(to, subject, body)
            QDesktopServices.openUrl(QUrl(link.url))  # the local mail program, not the network
            how = self.tr("Opened in your email program")
            if link.truncated:
                how += self.tr(" — the letter was too long for that, so copy it or save the .eml")
            self._record(how)

        self._safely(open_it)

    def save_eml(self) -> None:
        from app.services.sending import write_eml

        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save as email"), "letter.eml",
                                              self.tr("Email (*.eml)"))  # fmt: skip
        if not name:
            return
        subject, body = self.edited()
        sender = self.ctx.person.emails[0] if self.ctx.person.emails else ""

        def save() -> None:
            write_eml(Path(name), sender, self.ctx.organisation.email, subject, body,
                      date=datetime.now(UTC))  # fmt: skip
            self._record(self.tr("Saved as .eml (not encrypted)"))

        self._safely(save)
