"""Exports and the ledger import through the GUI: the save dialog (its title says the file is
not encrypted, its default name is safe), the work in the background with Cancel, the status
message; importing a ledger file into an empty vault and merging into a ledger."""

from __future__ import annotations

import json
import threading
import zipfile
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from app.domain.ledger import DisclosureInput, OrganisationInput
from app.paths import AppPaths
from app.services.example_ledger import load_example_ledger
from app.services.export_json import export_ledger_json
from app.services.ledger import Ledger
from app.services.progress import Progress
from app.storage.header import KeyMode
from app.storage.vault import create_vault, open_with_keyring
from app.ui import export_flow, import_progress


def visible(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def started(qtbot, controller, paths, *, example: bool = True):
    if example:
        with open_with_keyring(paths) as vault:
            load_example_ledger(Ledger(vault.conn))
    controller.start()
    assert controller.session.is_unlocked
    qtbot.wait(20)  # the scheduled backup starts just after unlocking; let it finish first
    qtbot.waitUntil(lambda: not controller.session.busy, timeout=20_000)
    return controller.window


def save_as(monkeypatch, path: Path, selected: str = "") -> list[tuple[str, str, str]]:
    asked: list[tuple[str, str, str]] = []

    def dialog(_parent, title, default, filters):
        asked.append((title, default, filters))
        return str(path), selected or filters.split(";;")[0]

    monkeypatch.setattr(export_flow.QFileDialog, "getSaveFileName", dialog)
    return asked


def wait_done(qtbot) -> None:
    qtbot.waitUntil(lambda: not visible(export_flow.BusyDialog), timeout=20_000)


def test_json_export_in_the_background(
    qtbot, controller, paths, keyring_vault, monkeypatch, tmp_path
) -> None:
    window = started(qtbot, controller, paths)
    target = tmp_path / "mine.json"
    asked = save_as(monkeypatch, target)
    export_flow.run_export(window, controller.session, "json")
    wait_done(qtbot)
    title, default, filters = asked[0]
    assert "not encrypted" in title and filters == "Quid ledger (*.json)"
    assert Path(default).name == f"quid-ledger-{date.today().isoformat()}.json"
    document = json.loads(target.read_text())
    assert len(document["organisations"]) == 26
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Exported to {target}.") and "not encrypted" in message
    assert not controller.session.busy and controller.session.idle_timer.isActive()


def test_csv_export_is_a_zip_by_default_or_a_folder(
    qtbot, controller, paths, keyring_vault, monkeypatch, tmp_path
) -> None:
    window = started(qtbot, controller, paths)
    save_as(monkeypatch, tmp_path / "tables")  # no suffix typed: .zip is added
    export_flow.run_export(window, controller.session, "csv")
    wait_done(qtbot)
    with zipfile.ZipFile(tmp_path / "tables.zip") as archive:
        assert "disclosures.csv" in archive.namelist()
    save_as(monkeypatch, tmp_path / "folder", export_flow.FOLDER_FILTER)
    export_flow.run_export(window, controller.session, "csv")
    wait_done(qtbot)
    assert sorted(p.name for p in (tmp_path / "folder").iterdir()) == [
        "benefits.csv",
        "disclosures.csv",
        "organisations.csv",
        "requests.csv",
    ]
    assert "These files are not encrypted" in window.statusBar().currentMessage()


def test_receipts_export_and_a_dismissed_dialog(
    qtbot, controller, paths, keyring_vault, monkeypatch, tmp_path
) -> None:
    window = started(qtbot, controller, paths)
    monkeypatch.setattr(export_flow.QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    export_flow.run_export(window, controller.session, "receipts")
    assert not visible(export_flow.BusyDialog) and list(tmp_path.glob("*.json")) == []
    save_as(monkeypatch, tmp_path / "records.json")
    export_flow.run_export(window, controller.session, "receipts")
    wait_done(qtbot)
    assert len(json.loads((tmp_path / "records.json").read_text())["receipts"]) == 80


def test_cancel_leaves_no_file(
    qtbot, controller, paths, keyring_vault, monkeypatch, tmp_path
) -> None:
    window = started(qtbot, controller, paths)
    gate = threading.Event()

    class GatedProgress(Progress):
        """Holds the worker at its first step until the test has pressed Cancel."""

        def step(self, done: int, total: int) -> None:
            gate.wait(10)
            super().step(done, total)

    monkeypatch.setattr(import_progress, "Progress", GatedProgress)  # what the dialog hands out
    folder = tmp_path / "out"
    folder.mkdir()
    save_as(monkeypatch, folder / "ledger.json")
    export_flow.run_export(window, controller.session, "json")
    busy = visible(export_flow.BusyDialog)[0]
    busy.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert busy.isVisible() and "Cancelling" in busy.label.text(), "stays until the work stops"
    gate.set()
    wait_done(qtbot)
    assert list(folder.iterdir()) == [], "no export and no temp file"
    assert "cancelled" in window.statusBar().currentMessage()


def test_import_into_an_empty_vault(
    qtbot, controller, paths, keyring_vault, monkeypatch, tmp_path
) -> None:
    source, _ = create_vault(AppPaths.resolve(tmp_path / "source"), KeyMode.KEYRING)
    with source:
        load_example_ledger(Ledger(source.conn))
        export_ledger_json(source.conn, tmp_path / "ledger.json")
    window = started(qtbot, controller, paths, example=False)
    monkeypatch.setattr(
        export_flow.QFileDialog, "getOpenFileName", lambda *a: (str(tmp_path / "ledger.json"), "")
    )
    asked = []
    monkeypatch.setattr(export_flow.QMessageBox, "question", lambda *a: asked.append(a))
    reloaded = []
    export_flow.import_ledger_json(window, controller.session, lambda: reloaded.append(True))
    wait_done(qtbot)
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)))
    assert asked == [], "an empty vault is not asked about merging"
    assert reloaded == [True]
    assert visible(QMessageBox)[0].text().startswith("Imported 26 organisations")
    vault = controller.session.vault
    assert vault.conn.execute("SELECT count(*) FROM organisations").fetchone()[0] == 26


def test_merge_asks_first_and_lists_conflicts(
    qtbot, controller, paths, keyring_vault, monkeypatch, tmp_path
) -> None:
    source, _ = create_vault(AppPaths.resolve(tmp_path / "source"), KeyMode.KEYRING)
    with source:
        org = Ledger(source.conn).add_organisation(OrganisationInput("Shop", country="DE"))
        Ledger(source.conn).add_disclosure(org, DisclosureInput("Name"))
        export_ledger_json(source.conn, tmp_path / "shop.json")
    with open_with_keyring(paths) as vault:
        Ledger(vault.conn).add_organisation(OrganisationInput("Shop", country="NL"))
    window = started(qtbot, controller, paths, example=False)
    monkeypatch.setattr(
        export_flow.QFileDialog, "getOpenFileName", lambda *a: (str(tmp_path / "shop.json"), "")
    )
    monkeypatch.setattr(
        export_flow.QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel
    )
    export_flow.import_ledger_json(window, controller.session, lambda: None)
    conn = controller.session.vault.conn
    assert not visible(export_flow.BusyDialog)
    assert conn.execute("SELECT count(*) FROM disclosures").fetchone()[0] == 0, "declined"

    monkeypatch.setattr(
        export_flow.QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes
    )
    export_flow.import_ledger_json(window, controller.session, lambda: None)
    wait_done(qtbot)
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)))
    text = visible(QMessageBox)[0].text()
    assert "1 organisation was already in the vault" in text
    assert 'country differs (vault "NL", file "DE")' in text
    assert conn.execute("SELECT count(*) FROM disclosures").fetchone()[0] == 1


def test_a_bad_file_is_shown_and_changes_nothing(
    qtbot, controller, paths, keyring_vault, monkeypatch, tmp_path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "quid-ledger", "version": 1, "organisations": [{"id": 1}]}')
    window = started(qtbot, controller, paths, example=False)
    monkeypatch.setattr(export_flow.QFileDialog, "getOpenFileName", lambda *a: (str(bad), ""))
    export_flow.import_ledger_json(window, controller.session, lambda: None)
    wait_done(qtbot)
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)))
    box = visible(QMessageBox)[0]
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == "organisations[0].name: is missing. Nothing was changed."
    assert (
        controller.session.vault.conn.execute("SELECT count(*) FROM organisations").fetchone()[0]
        == 0
    )


def test_report_kinds_reach_the_renderers(
    qtbot, controller, paths, keyring_vault, monkeypatch, tmp_path
) -> None:
    window = started(qtbot, controller, paths)
    save_as(monkeypatch, tmp_path / "report")  # .html is added
    export_flow.run_export(window, controller.session, "report-html", org_ids=[1])
    wait_done(qtbot)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Albert Heijn" in html and "ING Bank" not in html, "only the chosen organisations"
    save_as(monkeypatch, tmp_path / "report.pdf")
    export_flow.run_export(window, controller.session, "report-pdf")
    wait_done(qtbot)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
