"""A new user's first steps: the empty Overview offers the example ledger (and takes it away
again), the first letter asks for the missing profile in place, and the figures follow the
first organisations."""

from __future__ import annotations

import pytest

from app.domain.ledger import DisclosureInput, OrganisationInput, ProfileInput
from app.services.example_marks import example_organisation_ids
from app.services.ledger import Ledger
from app.storage.vault import open_with_keyring
from app.ui import example_commands, letter_dialog, record_dialogs


def organisation_names(controller) -> set[str]:
    conn = controller.session.vault.conn
    return {row[0] for row in conn.execute("SELECT name FROM organisations")}


@pytest.fixture
def overview(qtbot, controller, keyring_vault):
    controller.start()
    assert controller.session.is_unlocked
    shell = controller.window.shell
    qtbot.waitUntil(lambda: shell.overview.dashboard is not None, timeout=10000)
    return shell.overview.dashboard


def test_example_ledger_loads_from_the_empty_overview_and_is_removed_again(
    qtbot, controller, overview, monkeypatch
):
    shell = controller.window.shell
    assert overview.empty.isVisibleTo(overview), "an empty ledger says how to start"
    assert overview.example_banner.isHidden()

    overview.empty.example_button.click()
    qtbot.waitUntil(lambda: len(overview.rows) > 0, timeout=10000)
    names = organisation_names(controller)
    assert len(names) >= 20 and "FitTrack (fictional)" in names
    assert overview.empty.isHidden(), "the start panel is only for an empty ledger"
    assert overview.example_banner.isVisibleTo(overview)
    assert "fictional" in overview.example_banner.message.text()
    assert shell.ledger.profile().name == "Jan de Vries"

    # the person's own organisation, added while the example is loaded, survives its removal
    own = shell.ledger_actions.add_organisation(OrganisationInput("My Local Bakery"))
    asked: list[int] = []
    monkeypatch.setattr(example_commands, "confirm_removal", lambda _s, n: asked.append(n) or True)
    overview.example_banner.remove_button.click()
    assert asked == [len(names)], "the question says how many organisations go"
    qtbot.waitUntil(lambda: overview.example_banner.isHidden(), timeout=10000)
    assert organisation_names(controller) == {"My Local Bakery"}
    assert shell.ledger.resolve("My Local Bakery") == own
    assert shell.ledger.profile() == ProfileInput(), "the example's profile went with it"
    assert example_organisation_ids(shell.ledger.conn) == []


def test_removal_can_be_cancelled(qtbot, controller, overview, monkeypatch):
    overview.empty.example_button.click()
    qtbot.waitUntil(lambda: overview.example_banner.isVisibleTo(overview), timeout=10000)
    before = organisation_names(controller)
    monkeypatch.setattr(example_commands, "confirm_removal", lambda _s, _n: False)
    overview.example_banner.remove_button.click()
    assert organisation_names(controller) == before
    assert overview.example_banner.isVisibleTo(overview)


def test_start_panel_is_not_offered_on_a_ledger_with_organisations(
    qtbot, controller, paths, keyring_vault
):
    with open_with_keyring(paths) as vault:
        Ledger(vault.conn).add_organisation(OrganisationInput("Fietsenwinkel"))
    controller.start()
    shell = controller.window.shell
    qtbot.waitUntil(lambda: shell.overview.dashboard is not None, timeout=10000)
    dashboard = shell.overview.dashboard
    assert dashboard.empty.isHidden()
    assert dashboard.example_banner.isHidden(), "a real ledger is not called the example"


def test_start_panel_buttons_lead_to_the_import_and_the_new_organisation(
    controller, overview, monkeypatch
):
    window = controller.window
    opened: list[str] = []
    monkeypatch.setattr(window.shell.organisations, "add_organisation",
                        lambda: opened.append("add"))  # fmt: skip
    from app.ui import password_import

    monkeypatch.setattr(password_import.QFileDialog, "getOpenFileName",
                        lambda *a, **k: (opened.append("import"), ("", ""))[1])  # fmt: skip
    overview.empty.add_button.click()
    overview.empty.import_button.click()
    assert opened == ["add", "import"]


def test_overview_figures_follow_the_first_organisations(qtbot, controller, overview):
    """From an empty ledger, the first organisation reaches the Overview's figures at once."""
    actions = controller.window.shell.ledger_actions
    org = actions.add_organisation(OrganisationInput("FitTrack", country="NL"))
    actions.add_record(
        "disclosures", org,
        DisclosureInput("HealthRecord", required=True, necessary=False, legal_basis="consent"),
    )  # fmt: skip
    assert overview.empty.isHidden()
    assert overview.cards["coerced"].number.text() == "1"
    assert [row.name for row in overview.rows] == ["FitTrack"]


def test_first_letter_asks_for_the_profile_in_place(controller, paths, keyring_vault, monkeypatch):
    with open_with_keyring(paths) as vault:
        org = Ledger(vault.conn).add_organisation(
            OrganisationInput("FitTrack", privacy_email="privacy@fit.example")
        )
    controller.start()
    ledger = controller.window.shell.ledger
    dialog = letter_dialog.LetterDialog(ledger, org, parent=controller.window)
    assert "name" in dialog.error.text()
    assert dialog.profile_button.isVisibleTo(dialog)
    assert not dialog.outputs["pdf"].isEnabled()
    assert dialog.lang.currentData() == "en", "no country known yet"

    def fill_in(profile_dialog) -> int:
        profile_dialog.name.setText("Jan Jansen")
        profile_dialog.address.setPlainText("Dorpsstraat 5\n8011 AB Zwolle")
        profile_dialog.emails.setPlainText("jan@example.nl")
        profile_dialog.country.setText("NL")
        profile_dialog.ok_button().click()  # checks the fields, as OK does
        return profile_dialog.result()

    monkeypatch.setattr(record_dialogs.ProfileDialog, "exec", fill_in)
    dialog.profile_button.click()
    assert ledger.profile().name == "Jan Jansen"
    assert "Jan Jansen" in dialog.text.toPlainText()
    assert dialog.lang.currentData() == "nl", "the letter follows the country just given"
    assert "AVG" in dialog.text.toPlainText()
    assert dialog.profile_button.isHidden() and dialog.outputs["pdf"].isEnabled()
    dialog.deleteLater()


def test_requests_page_opens_on_a_request_not_an_empty_page(controller, paths, keyring_vault):
    from app.services.requests import RequestService

    with open_with_keyring(paths) as vault:
        org = Ledger(vault.conn).add_organisation(OrganisationInput("FitTrack"))
        RequestService(vault.conn).create_draft(org, "access", "en", "Subject", "Body")
    controller.start()
    shell = controller.window.shell
    shell.show_page(2)
    page = shell.requests
    assert page.current_id() is not None
    assert "FitTrack" in page.title.text() and page.buttons["sent"].isEnabled()


def test_example_chosen_in_the_first_run_wizard_is_removable(qtbot, controller):
    from PySide6.QtWidgets import QWizard

    controller.start()
    wizard = controller.wizard
    wizard.next()
    qtbot.waitUntil(lambda: wizard.key_page.keyring_checked, timeout=5000)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=15000)
    wizard.recovery_page.example.setChecked(True)
    wizard.recovery_page.saved.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: controller.session.is_unlocked)
    overview = controller.window.shell.overview
    qtbot.waitUntil(lambda: overview.dashboard is not None, timeout=10000)
    assert overview.dashboard.example_banner.isVisibleTo(overview.dashboard)
