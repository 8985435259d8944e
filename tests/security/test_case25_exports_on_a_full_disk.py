"""SECURITY.md cases 25 and 16 for exports: every export onto a full disk (a small tmpfs that
is really full, and /dev/full) and onto a failing one (EIO) is a clean error that says what
happened; no half-written file and no temp file is left where it was to go; and once space
is freed the same export works. Through the GUI's menus, and through the CLI.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.cli import main
from app.paths import AppPaths
from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.storage.vault import open_with_keyring
from app.ui import export_flow
from tests.security.test_case16_small_disk import failing_disk, small_disk
from tests.ui import conftest as gui

# The GUI fixtures of tests/ui: the application class and a Controller on a keyring vault.
qapp_cls, controller, keyring_vault = gui.qapp_cls, gui.controller, gui.keyring_vault

CSV_TABLES = ["benefits.csv", "disclosures.csv", "organisations.csv", "requests.csv"]

#: name → (CLI arguments before --out, the file or folder written, the GUI's menu action)
EXPORTS = {
    "json": (["export", "json"], "ledger.json", "json_action"),
    "csv-zip": (["export", "csv"], "tables.zip", "csv_action"),
    "csv-folder": (["export", "csv"], "tables", "csv_action"),
    "receipts": (["export", "receipts"], "records.json", "receipts_action"),
    "report-pdf": (["export", "pdf"], "report.pdf", "report_pdf_action"),
    "report-html": (["export", "html"], "report.html", "report_html_action"),
}


@pytest.fixture
def example(qapp, paths: AppPaths, keyring_vault: str) -> AppPaths:  # type: ignore[no-untyped-def]
    """The example ledger. The reports render in this process: with the tests' application
    (a QGuiApplication of the report writer's own would stop the GUI tests' one)."""
    with open_with_keyring(paths) as vault:
        load_example_ledger(Ledger(vault.conn))
    return paths


def complete(name: str, target: Path) -> None:
    """The export is there, whole."""
    if name in ("json", "receipts"):
        assert json.loads(target.read_text(encoding="utf-8"))
    elif name == "csv-zip":
        with zipfile.ZipFile(target) as archive:
            assert archive.testzip() is None
            assert set(CSV_TABLES) <= set(archive.namelist())
    elif name == "csv-folder":
        assert sorted(p.name for p in target.iterdir()) == CSV_TABLES
        assert "Albert Heijn" in (target / "organisations.csv").read_text(encoding="utf-8-sig")
    elif name == "report-pdf":
        data = target.read_bytes()
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    else:
        assert target.read_text(encoding="utf-8").rstrip().endswith("</html>")


def says_disk_full(text: str) -> None:
    assert "The disk is full" in text and "Free some space and try again" in text, text


def quid(capsys: pytest.CaptureFixture[str], paths: AppPaths, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(paths.data_dir), *args])
    return code, capsys.readouterr().err


def one_error_line(code: int, err: str) -> str:
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("quid: "), err
    return err


# --- CLI -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", EXPORTS)
def test_case25_cli_export_onto_a_full_disk_then_after_space_is_freed(
    example: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    command, file_name, _action = EXPORTS[name]
    with small_disk(tmp_path / "usb") as disk:
        target = disk.folder / file_name
        disk.fill()  # a few KiB left: the export starts, then the disk is full
        says_disk_full(one_error_line(*quid(capsys, example, *command, "--out", str(target))))
        assert disk.contents() == [], "no half-written file, no temp file, no empty folder"

        disk.free()
        code, err = quid(capsys, example, *command, "--out", str(target))
        assert code == 0, err
        complete(name, target)


@pytest.mark.parametrize("name", ["json", "receipts", "report-pdf", "report-html"])
def test_case25_cli_export_to_dev_full(
    example: AppPaths, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    if not Path("/dev/full").is_char_device():
        pytest.skip("no /dev/full here")
    command = EXPORTS[name][0]
    err = one_error_line(*quid(capsys, example, *command, "--out", "/dev/full", "--force"))
    says_disk_full(err)
    assert Path("/dev/full").is_char_device(), "written to, never replaced by a file"


def test_case16_cli_export_onto_a_failing_disk(
    example: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real I/O error (EIO) while the file is written: a clean refusal, nothing left."""
    with failing_disk(tmp_path / "bad-disk", tmp_path) as folder:
        for name in ("json", "csv-zip", "report-html"):
            command, file_name, _action = EXPORTS[name]
            err = one_error_line(*quid(capsys, example, *command, "--out", str(folder / file_name)))
            assert "Input/output error" in err and "Nothing was written" in err, err
            assert list(folder.iterdir()) == [], name
    code, err = quid(capsys, example, "export", "json", "--out", str(tmp_path / "ledger.json"))
    assert code == 0, err
    complete("json", tmp_path / "ledger.json")


# --- GUI -------------------------------------------------------------------------------------
def visible(kind: type) -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def export_through_the_menu(qtbot, window, monkeypatch, name: str, target: Path) -> None:  # type: ignore[no-untyped-def]
    """File ▸ Export ▸ …, the save dialog answered with `target`; waits until it ended."""
    action = EXPORTS[name][2]
    selected = export_flow.FOLDER_FILTER if name == "csv-folder" else ""

    def save_as(_parent, _title, _default, filters):  # type: ignore[no-untyped-def]
        return str(target), selected or filters.split(";;")[0]

    monkeypatch.setattr(export_flow.QFileDialog, "getSaveFileName", save_as)
    getattr(window, action).trigger()
    qtbot.waitUntil(lambda: not visible(export_flow.BusyDialog), timeout=30_000)


def test_case25_gui_exports_onto_a_full_disk_then_after_space_is_freed(
    qtbot, controller, example: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller.start()
    qtbot.wait(20)  # the scheduled backup starts just after unlocking; let it finish first
    qtbot.waitUntil(lambda: not controller.session.busy, timeout=20_000)
    window = controller.window
    with small_disk(tmp_path / "usb", "2m") as disk:
        for name, (_command, file_name, _action) in EXPORTS.items():
            target = disk.folder / file_name
            disk.fill()
            export_through_the_menu(qtbot, window, monkeypatch, name, target)
            qtbot.waitUntil(lambda: bool(visible(QMessageBox)), timeout=10_000)
            box = visible(QMessageBox)[0]
            assert box.windowTitle() == "Not exported", name
            says_disk_full(box.text())
            box.close()
            assert disk.contents() == [], f"{name}: nothing left behind"

            disk.free()
            export_through_the_menu(qtbot, window, monkeypatch, name, target)
            assert not visible(QMessageBox), name
            assert window.statusBar().currentMessage().startswith(f"Exported to {target}.")
            complete(name, target)
            if target.is_dir():  # room for the next one
                shutil.rmtree(target)
            else:
                target.unlink()
    assert controller.session.is_unlocked and not controller.session.busy
