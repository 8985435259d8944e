"""The File menu's import, export and backup items: on only while unlocked, and the report of
the filtered organisations covers exactly what the Organisations page shows."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.ui import export_flow, password_import


def unlocked_with_example(controller):  # type: ignore[no-untyped-def]
    controller.start()
    vault = controller.session.vault
    load_example_ledger(Ledger(vault.conn))
    controller.window.shell.load(vault)
    controller.window.shell.refresh_assessments()  # bands, as just after the first paint
    return controller.window


def test_transfer_actions_follow_the_lock(qtbot, controller, keyring_vault):
    window = unlocked_with_example(controller)
    actions = (window.import_passwords_action, window.import_json_action,
               window.report_pdf_action, window.csv_action, window.json_action,
               window.receipts_action, window.backup_action, window.restore_action)  # fmt: skip
    assert all(action.isEnabled() for action in actions)
    controller.session.lock()
    assert not any(action.isEnabled() for action in actions)


def test_filtered_report_covers_what_the_page_shows(qtbot, controller, keyring_vault,
                                                    monkeypatch):  # fmt: skip
    window = unlocked_with_example(controller)
    calls: list[tuple[str, object]] = []

    def run_export(_window, _session, kind, org_ids=None):  # type: ignore[no-untyped-def]
        calls.append((kind, org_ids))

    monkeypatch.setattr(export_flow, "run_export", run_export)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: said.append(box.text()) or 0)

    window.filtered_report_action.trigger()
    assert calls == [] and "Set a filter" in said[0], "no filter: it says what to do"

    view = window.shell.organisations
    view.band.setCurrentIndex(view.band.findData("coerced"))
    qtbot.waitUntil(lambda: view.model.current_filter.band == "coerced")
    window.filtered_report_action.trigger()
    kind, org_ids = calls[0]
    conn = controller.session.vault.conn
    coerced = {row[0] for row in conn.execute(
        "SELECT organisation_id FROM organisation_stats WHERE band = 'coerced'")}  # fmt: skip
    assert kind == "report-pdf" and set(org_ids) == coerced and coerced

    window.report_pdf_action.trigger()
    assert calls[-1] == ("report-pdf", None), "the plain report covers the whole ledger"


def test_import_menu_starts_the_password_import(qtbot, controller, keyring_vault, monkeypatch):
    window = unlocked_with_example(controller)
    started: list[object] = []
    monkeypatch.setattr(password_import, "start_password_import",
                        lambda *args, **kwargs: started.append(args))  # fmt: skip
    window.import_passwords_action.trigger()
    assert len(started) == 1 and window.shell.sidebar.currentRow() == 1
