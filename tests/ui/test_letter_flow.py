"""From an organisation to a letter, a sent request and a recorded reply (the whole flow)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.domain.ledger import DisclosureInput, OrganisationInput, ProfileInput
from app.services.ledger import Ledger
from app.storage.vault import open_with_keyring
from app.ui import letter_dialog, requests_view


def test_organisation_to_letter_to_sent_to_reply(qtbot, controller, paths, keyring_vault,
                                                 monkeypatch, tmp_path):  # fmt: skip
    with open_with_keyring(paths) as vault:
        ledger = Ledger(vault.conn)
        ledger.set_profile(ProfileInput("Jan de Vries", "Straat 1\n1234 AB Amsterdam",
                                        ["jan@example.nl"], country="NL"))  # fmt: skip
        org = ledger.add_organisation(
            OrganisationInput("FitTrack", country="NL", privacy_email="privacy@fit.example")
        )
        ledger.add_disclosure(
            org,
            DisclosureInput("HealthRecord", required=True, necessary=False, legal_basis="consent"),
        )
    controller.start()
    shell = controller.window.shell
    shell.refresh_assessments()
    shell.open_organisation(org)
    detail = shell.organisations.detail
    assert detail.suggested_letter == "withdraw-consent", "the assessment suggests the letter"

    opened = []

    def run_dialog(dialog):
        opened.append(dialog)
        assert dialog.type.currentData() == "withdraw-consent"
        assert dialog.lang.currentData() == "nl"
        assert "artikel 7 lid 3 AVG" in dialog.text.toPlainText()
        dialog.text.appendPlainText("\nPS: een eigen regel <b>zonder opmaak</b>.")
        monkeypatch.setattr(letter_dialog.QFileDialog, "getSaveFileName",
                            lambda *a, **k: (str(tmp_path / "brief.pdf"), ""))  # fmt: skip
        dialog.outputs["pdf"].click()
        dialog.outputs["copy"].click()
        return 0

    monkeypatch.setattr(letter_dialog.LetterDialog, "exec", run_dialog)
    detail.letter_button.click()
    dialog = opened[0]
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert "zonder opmaak" in QApplication.clipboard().text()
    assert dialog.request_id is not None, "the letter was recorded as a draft"

    shell.show_page(2)
    page = shell.requests
    page.select(dialog.request_id)
    assert "<b>zonder opmaak</b>" in page.letter.toPlainText(), "the text as it left Quid"
    monkeypatch.setattr(requests_view.SentDialog, "exec", lambda d: (d._check(), 1)[1])
    page.buttons["sent"].click()
    assert page.model.rows[0].status == "sent" and page.model.rows[0].due_on is not None
    monkeypatch.setattr(requests_view.QInputDialog, "getMultiLineText",
                        lambda *a, **k: ("consent withdrawn, data erased", True))  # fmt: skip
    monkeypatch.setattr(requests_view.QFileDialog, "getOpenFileNames", lambda *a, **k: ([], ""))
    page.buttons["reply"].click()
    assert page.model.rows[0].status == "answered"
