"""With the Dutch translator the GUI says what went wrong in Dutch (the core's English error
messages, translated with their values), shows the request timeline's own summaries and the
directory's quality words in Dutch, and leaves what the person typed as typed. Without a
translator the GUI shows the same English as `str(exc)` and the CLI."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from app.domain.ledger import OrganisationInput, ValidationError, clean_text
from app.paths import AppPaths
from app.services.ledger import Ledger
from app.services.requests import RequestService
from app.storage.vault import open_with_keyring
from app.ui.dialogs import PreferencesDialog
from app.ui.error_text import error_text, field_name
from app.ui.formatting import format_date
from app.ui.letter_dialog import LetterDialog
from app.ui.organisation_dialogs import OrganisationDialog
from app.ui.record_dialogs import BenefitDialog
from app.ui.timeline_text import event_summary
from tests.ui.conftest import PASSPHRASE


def _ledger_with_organisation(paths: AppPaths, name: str = "Bol.com", **org: object) -> int:
    with open_with_keyring(paths) as vault:
        return Ledger(vault.conn).add_organisation(OrganisationInput(name, **org))  # type: ignore[arg-type]


# --- errors shown by dialogs --------------------------------------------------------------------
def test_a_bad_email_and_long_notes_are_said_in_dutch(dutch, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = OrganisationDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Bol.com")
    dialog.email.setText("privacy-at-bol")
    dialog.try_accept()
    assert dialog.errors["email"].text() == "'privacy-at-bol' is geen e-mailadres."
    assert dialog.result() != QDialog.DialogCode.Accepted, "it stays open to correct it"

    dialog.email.setText("privacy@bol.com")
    dialog.notes.setPlainText("x" * 5001)
    dialog.try_accept()
    # the field's own label, then the problem with the numbers as Dutch writes them
    assert dialog.errors["notes"].text() == "Notities is te lang (5.001 tekens; hoogstens 5.000)."
    assert field_name("legal basis") == "grondslag", "a field a dialog has no label for"


def test_an_amount_that_is_not_one_is_said_in_dutch(dutch, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = BenefitDialog()
    qtbot.addWidget(dialog)
    dialog.value_edit.setText("vier")
    dialog.try_accept()
    assert dialog.errors["value"].text() == (
        "'vier' is geen bedrag in euro, bijvoorbeeld 4,99 of 4.99."
    )


def test_a_wrong_passphrase_is_said_in_dutch(dutch, qtbot, controller, passphrase_vault) -> None:  # type: ignore[no-untyped-def]
    controller.start()
    view = controller.window.unlock_view
    qtbot.keyClicks(view.passphrase, "not " + PASSPHRASE)
    view.unlock_button.click()
    qtbot.waitUntil(lambda: view.error.isVisible(), timeout=10000)
    assert view.error.text() == (
        "Verkeerde wachtwoordzin (of een beschadigd sleutelbestand). Controleer Caps Lock en "
        "de toetsenbordindeling, of gebruik je herstelsleutel."
    )
    assert not controller.session.is_unlocked


def test_a_letter_without_a_profile_says_so_in_dutch(dutch, qtbot, paths, keyring_vault) -> None:  # type: ignore[no-untyped-def]
    org = _ledger_with_organisation(paths, country="NL")
    with open_with_keyring(paths) as vault:
        dialog = LetterDialog(Ledger(vault.conn), org)
        qtbot.addWidget(dialog)
        assert dialog.error.text() == (
            "profiel: vul eerst je naam in je profiel in: elke brief wordt ermee ondertekend."
        )
        assert not dialog.profile_button.isHidden(), "and offers to fill it in"
        dialog.close()


def test_a_backup_folder_that_is_not_a_full_path_is_said_in_dutch(dutch, qtbot, paths) -> None:  # type: ignore[no-untyped-def]
    dialog = PreferencesDialog(10, paths=paths)
    qtbot.addWidget(dialog)
    dialog.backups.folder.setText("relative/folder")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == (
        "Map voor reservekopieën: relative/folder is geen volledig pad. Er is niets veranderd."
    )


def test_without_a_translator_the_gui_shows_the_english_of_the_cli(qapp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        clean_text("notes", "x" * 5001, 5000)
    assert error_text(caught.value) == str(caught.value)
    assert error_text(caught.value) == "notes: is too long (5,001 characters; at most 5,000)."
    assert error_text(RuntimeError("a bug")) == "a bug", "not ours: as before"


# --- the request timeline -----------------------------------------------------------------------
def test_the_timeline_shows_quids_own_summaries_in_dutch(  # type: ignore[no-untyped-def]
    dutch, qtbot, controller, paths, keyring_vault
) -> None:
    org = _ledger_with_organisation(paths, country="NL")
    with open_with_keyring(paths) as vault:
        service = RequestService(vault.conn, today=date(2026, 3, 2))
        rid = service.create_draft(org, "access", "nl", "Inzageverzoek", "Geachte heer,")
        due = service.mark_sent(rid, date(2026, 3, 2), "post")
        service.acknowledge(rid, date(2026, 3, 6))
        service.record_reply(rid, date(2026, 3, 20), "they confirmed receipt, nothing more")
        stored = [e.summary for e in service.timeline(rid)]
    controller.start()
    shell = controller.window.shell
    shell.show_page(2)
    view = shell.requests
    view.select(rid)
    shown = [view.timeline.item(i).text() for i in range(view.timeline.count())]
    assert shown[1:] == [
        f"02-03-2026  verzonden — via post; antwoord uiterlijk {format_date(due)}",
        "06-03-2026  ontvangst bevestigd — ze bevestigden de ontvangst",
        "20-03-2026  beantwoord — they confirmed receipt, nothing more",  # typed: as typed
    ]
    assert format_date(due) == due.strftime("%d-%m-%Y")
    assert stored[1:] == [  # what exports carry is still the English
        f"via post; answer due {due.isoformat()}",
        "they confirmed receipt",
        "they confirmed receipt, nothing more",
    ]


def test_follow_ups_in_the_timeline_name_their_request(dutch) -> None:  # type: ignore[no-untyped-def]
    assert event_summary("escalated", "complaint request 12") == "klacht: verzoek 12"
    assert event_summary("reminded", "reminder 7") == "herinnering: verzoek 7"
    assert event_summary("extended", "reminder 7") == "reminder 7", "a reason the person typed"
    assert event_summary("sent", "via pigeon; answer due soon") == "via pigeon; answer due soon"


# --- the directory's quality words --------------------------------------------------------------
def test_the_directory_quality_is_said_in_dutch(  # type: ignore[no-untyped-def]
    dutch, qtbot, controller, paths, keyring_vault
) -> None:
    from_directory = {"directory_slug": "bol", "directory_sources": ["https://bol.com/privacy"]}
    org = _ledger_with_organisation(paths, directory_quality="verified", **from_directory)
    unrated = _ledger_with_organisation(paths, "Bol.com Partner", **from_directory)
    controller.start()
    shell = controller.window.shell
    detail = shell.organisations.detail
    shell.open_organisation(org)
    assert detail.source.text().startswith("Uit de gids van Quid (gecontroleerd). Bronnen:")
    shell.open_organisation(unrated)
    assert detail.source.text().startswith("Uit de gids van Quid (niet beoordeeld). Bronnen:")

    dialog = OrganisationDialog(
        OrganisationInput("Bol.com", directory_slug="bol", directory_quality="scraped")
    )
    qtbot.addWidget(dialog)
    assert dialog.source.text().startswith("Uit de gids (kwaliteit: automatisch verzameld).")
