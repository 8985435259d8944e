"""The Requests page: list with status and due date, the letter and timeline, sending,
extending, a reply with an attachment kept in the vault; overdue requests said at unlock."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.ledger import OrganisationInput
from app.services.ledger import Ledger
from app.services.requests import RequestService
from app.storage.vault import open_with_keyring
from app.ui import requests_view


def _with_request(paths, *, sent_days_ago: int | None = None) -> int:
    with open_with_keyring(paths) as vault:
        org = Ledger(vault.conn).add_organisation(OrganisationInput("Bol.com", country="NL"))
        service = RequestService(vault.conn)
        rid = service.create_draft(org, "access", "nl", "Inzageverzoek", "Geachte <b>heer</b>,")
        if sent_days_ago is not None:
            service.mark_sent(rid, date.today() - timedelta(days=sent_days_ago))
        return rid


def _page(controller):
    controller.start()
    shell = controller.window.shell
    shell.show_page(2)
    return shell.requests


def test_send_extend_reply_close(qtbot, controller, paths, keyring_vault, monkeypatch, tmp_path):
    rid = _with_request(paths)
    view = _page(controller)
    assert view.model.rowCount() == 1
    view.table.selectRow(0)
    assert view.current_id() == rid
    assert "Geachte <b>heer</b>," in view.letter.toPlainText(), "shown literally"
    assert view.buttons["sent"].isEnabled() and not view.buttons["reply"].isEnabled()

    def sent_today(dialog):
        dialog._check()
        return 1

    monkeypatch.setattr(requests_view.SentDialog, "exec", sent_today)
    view.buttons["sent"].click()
    row = view.model.rows[0]
    assert row.status == "sent" and row.due_on is not None and row.due_on > date.today()
    monkeypatch.setattr(requests_view.QInputDialog, "getText", lambda *a, **k: ("busy", True))
    view.buttons["extend"].click()
    assert view.model.rows[0].status == "extended"
    reply = tmp_path / "reply.pdf"
    reply.write_bytes(b"%PDF-1.4 their reply")
    monkeypatch.setattr(requests_view.QInputDialog, "getMultiLineText",
                        lambda *a, **k: ("they sent a copy", True))  # fmt: skip
    monkeypatch.setattr(requests_view.QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(reply)], ""))  # fmt: skip
    from app.ui import reply_dialog

    monkeypatch.setattr(reply_dialog.HeldCategoriesDialog, "exec", lambda d: 0)
    view.buttons["reply"].click()
    assert view.model.rows[0].status == "answered"
    assert view.files.count() == 1 and "reply.pdf" in view.files.item(0).text()
    events = [view.timeline.item(i).text() for i in range(view.timeline.count())]
    assert any("sent" in e for e in events) and any("answered" in e for e in events)
    view.buttons["close"].click()
    assert view.model.rows[0].status == "closed"


def test_overdue_is_said_at_unlock_and_filtered(qtbot, controller, paths, keyring_vault):
    _with_request(paths, sent_days_ago=60)
    view = _page(controller)
    assert "1 overdue" in controller.window.statusBar().currentMessage()
    view.filter.setCurrentIndex(view.filter.findData("overdue"))
    assert [r.status for r in view.model.rows] == ["overdue"]
    view.filter.setCurrentIndex(view.filter.findData("draft"))
    assert view.model.rowCount() == 0


def test_access_reply_flags_data_never_given_and_adds_it(qtbot, controller, paths,
                                                         keyring_vault, monkeypatch):  # fmt: skip
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from app.ui import reply_dialog

    rid = _with_request(paths, sent_days_ago=5)
    view = _page(controller)
    view.select(rid)

    def tick(dialog):
        for row in range(dialog.list.count()):
            item = dialog.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == "Location":
                item.setCheckState(Qt.CheckState.Checked)
        return 1

    asked = []
    monkeypatch.setattr(reply_dialog.HeldCategoriesDialog, "exec", tick)
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Yes
    )
    monkeypatch.setattr(requests_view.QInputDialog, "getMultiLineText",
                        lambda *a, **k: ("a copy of my data", True))  # fmt: skip
    monkeypatch.setattr(requests_view.QFileDialog, "getOpenFileNames", lambda *a, **k: ([], ""))
    view.buttons["reply"].click()
    assert asked and "Location" in asked[0] and "15(1)(g)" in asked[0]
    ledger = controller.window.shell.ledger
    org_id = view.model.rows[0].organisation_id
    assert [r["category"] for r in ledger.records("disclosures", org_id)] == ["Location"]


def test_export_due_dates_from_the_menu(qtbot, controller, paths, keyring_vault, monkeypatch,
                                        tmp_path):  # fmt: skip
    from icalendar import Calendar
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    _with_request(paths, sent_days_ago=5)
    controller.start()
    target = tmp_path / "due.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    said = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: said.append(box.text()) or 0)
    controller.window.ics_action.trigger()
    events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert len(events) == 1 and "Bol.com" in str(events[0]["SUMMARY"])
    assert said and "not encrypted" in said[0]
