"""SECURITY.md case 16 for the other files Quid writes where the person asks: a letter (PDF)
and the due dates (iCalendar). On a full disk (a real, small tmpfs; see test_case16_small_disk)
they say "the disk is full" and name the file, leave nothing behind, record no draft request
for a letter that was not written, and work once space is freed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.cli import main
from app.domain.ledger import OrganisationInput, ProfileInput
from app.paths import AppPaths
from app.services.ledger import Ledger
from app.services.requests import RequestService
from app.storage.database import Connection
from app.storage.vault import open_with_keyring
from app.ui import letter_dialog
from app.ui.letter_dialog import LetterDialog
from tests.security.test_case16_small_disk import small_disk
from tests.ui import conftest as gui

# The GUI fixtures of tests/ui: the application class and a Controller on a keyring vault.
qapp_cls, controller, keyring_vault = gui.qapp_cls, gui.controller, gui.keyring_vault


def add_organisation(conn: Connection) -> int:
    ledger = Ledger(conn)
    ledger.set_profile(ProfileInput("Jan de Vries", "Straat 1\n1234 AB Amsterdam",
                                    ["jan@example.nl"], country="NL"))  # fmt: skip
    return ledger.add_organisation(
        OrganisationInput(
            "FitTrack",
            domains=["fittrack.example"],
            country="NL",
            privacy_email="privacy@fittrack.example",
        )
    )


def drafts(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM requests").fetchone()[0])


def says_disk_full(text: str, target: Path) -> None:
    assert f"The disk is full: {target} was not written." in text, text
    assert "Free some space and try again" in text, text


@pytest.fixture
def ledger_paths(qapp, paths: AppPaths, keyring_vault: str) -> AppPaths:  # type: ignore[no-untyped-def]
    """One organisation, and a sent request with a due date. (The letter renders in this
    process: with the tests' application, not one of the renderer's own.)"""
    with open_with_keyring(paths) as vault:
        org_id = add_organisation(vault.conn)
        service = RequestService(vault.conn)
        request_id = service.create_draft(org_id, "access", "en", "Access", "Please.")
        service.mark_sent(request_id, date(2024, 3, 1), "email")
    return paths


def quid(capsys: pytest.CaptureFixture[str], paths: AppPaths, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(paths.data_dir), *args])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("what", ["letter", "due-dates"])
def test_case16_cli_letter_and_due_dates_onto_a_full_disk(
    ledger_paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str
) -> None:
    with small_disk(tmp_path / "usb", "1m") as disk:
        target = disk.folder / ("letter.pdf" if what == "letter" else "due.ics")
        command = (
            ["letter", "access", "fittrack.example", "--out", str(target)]
            if what == "letter"
            else ["export", "ics", "--out", str(target)]
        )
        disk.fill(leave=0)
        code, err = quid(capsys, ledger_paths, *command)
        assert code == 2 and err.count("\n") == 1 and err.startswith("quid: "), err
        says_disk_full(err, target)
        assert disk.contents() == [], "no half-written file, no temp file"
        with open_with_keyring(ledger_paths) as vault:
            assert drafts(vault.conn) == 1, "no draft for a letter that was not written"

        disk.free()
        code, err = quid(capsys, ledger_paths, *command)
        assert code == 0, err
        data = target.read_bytes()
        assert data.startswith(b"%PDF") if what == "letter" else b"END:VCALENDAR" in data
        with open_with_keyring(ledger_paths) as vault:
            assert drafts(vault.conn) == (2 if what == "letter" else 1)


def test_case16_gui_letter_saved_onto_a_full_disk(
    qtbot, ledger_paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The letter dialog says it next to the letter (no crash dialog) and stays open."""
    with small_disk(tmp_path / "usb", "1m") as disk, open_with_keyring(ledger_paths) as vault:
        target = disk.folder / "letter.pdf"
        monkeypatch.setattr(letter_dialog.QFileDialog, "getSaveFileName",
                            lambda *a, **k: (str(target), ""))  # fmt: skip
        org_id = int(vault.conn.execute("SELECT id FROM organisations").fetchone()[0])
        dialog = LetterDialog(Ledger(vault.conn), org_id)
        qtbot.addWidget(dialog)
        dialog.show()
        disk.fill(leave=0)
        dialog.outputs["pdf"].click()
        says_disk_full(dialog.error.text(), target)
        assert dialog.error.isVisible() and dialog.request_id is None
        assert disk.contents() == [] and drafts(vault.conn) == 1

        disk.free()
        dialog.outputs["pdf"].click()
        assert target.read_bytes().startswith(b"%PDF")
        assert dialog.request_id is not None and drafts(vault.conn) == 2
        dialog.close()


def test_case16_gui_due_dates_and_evidence_bundle_onto_a_full_disk(
    qtbot, controller, ledger_paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File ▸ Export ▸ Due Dates and the Requests page's evidence bundle: a warning that
    names the file (no crash dialog), nothing left, and it works once space is freed."""
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append((box.windowTitle(),
                                                                      box.text())))  # fmt: skip
    controller.start()
    shell = controller.window.shell
    request_id = int(controller.session.vault.conn.execute("SELECT id FROM requests").fetchone()[0])
    shell.show_page(2)
    shell.requests.select(request_id)
    with small_disk(tmp_path / "usb", "1m") as disk:
        for name, title, save in (
            ("due.ics", "Not exported", controller.window.ics_action.trigger),
            ("evidence.pdf", "Not saved", shell.requests.buttons["bundle"].click),
        ):
            target = disk.folder / name
            monkeypatch.setattr(
                QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), "")
            )
            disk.fill(leave=0)
            save()
            assert told[-1][0] == title, told
            says_disk_full(told[-1][1], target)
            assert disk.contents() == [], name

            disk.free()
            save()
            assert told[-1][0] in ("Exported", "Saved"), told
            assert target.stat().st_size > 0
            target.unlink()  # room for the next one
