"""SECURITY.md case 29: an exception while handling a row → the log and the crash dialog hold
no field values; neither does what the CLI prints.

A service fails with an unexpected `ValueError` whose message carries the row's values (as
`f"… {name}"` in a bug would). The GUI's exception hook writes the log and fills the crash
dialog; `quid` prints a report on stderr. The sentinel must be in none of them, while the
exception's type and the code location are, so each check could fail.
"""

from __future__ import annotations

import logging
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.__main__ import EXIT_BUG
from app.domain.ledger import DisclosureInput, OrganisationInput
from app.logs import setup_logging
from app.paths import AppPaths
from app.services.ledger import Ledger
from app.storage.header import KeyMode
from app.storage.vault import create_vault, open_with_keyring
from app.ui import application
from app.ui.application import Controller, QuidApplication
from app.ui.dialogs import ExceptionDialog
from app.ui.session import close_dialogs

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def qapp_cls() -> type[QuidApplication]:
    return QuidApplication  # as tests/ui does, whichever test makes the application first


@pytest.fixture
def sentinel() -> str:
    return f"Row-Sentinel-{secrets.token_hex(6)}"


def ledger_with_a_row(paths: AppPaths, sentinel: str) -> int:
    paths.ensure()
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        ledger = Ledger(vault.conn)
        org_id = ledger.add_organisation(OrganisationInput(f"Shop {sentinel}"))
        ledger.add_disclosure(org_id, DisclosureInput("EmailAddress", detail=f"{sentinel}@x.nl"))
    return org_id


def broken_delete(self: Ledger, org_id: int) -> None:
    """A bug that puts the row's values into the exception's message."""
    org = self.organisation(org_id)
    raise ValueError(f"cannot delete {org.name!r} ({org_id})")


@pytest.fixture
def gui_log(paths: AppPaths) -> Iterator[Path]:
    handler = setup_logging(paths, logging.DEBUG)  # as run_gui does, and the most it could say
    yield paths.log_file
    logging.getLogger("app").removeHandler(handler)
    handler.close()


def test_case29_gui_exception_on_a_row_keeps_values_out_of_log_and_crash_dialog(
    qtbot, paths: AppPaths, gui_log: Path, sentinel: str, monkeypatch
) -> None:
    org_id = ledger_with_a_row(paths, sentinel)
    shown: list[str] = []
    monkeypatch.setattr(ExceptionDialog, "exec", lambda d: shown.append(d.report.toPlainText()))
    monkeypatch.setattr(Ledger, "delete_organisation", broken_delete)
    controller = Controller(paths)
    qtbot.addWidget(controller.window)
    pytest_qt_hook = sys.excepthook
    application.install_excepthook()  # the hook run_gui installs
    try:
        controller.start()
        controller.window.shell.show_page(1)
        view = controller.window.shell.organisations
        view.select_organisation(org_id)
        assert sentinel in view.detail.title.text()
        view.detail.delete_button.click()  # the slot raises; Qt hands it to sys.excepthook
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    finally:
        sys.excepthook = pytest_qt_hook
        qtbot.waitUntil(lambda: not controller.session.busy, timeout=10_000)
        close_dialogs()
        controller.session.lock()
        controller.session.idle_timer.stop()
        QApplication.instance().removeEventFilter(controller.session)

    report = shown[0]
    assert "ValueError: (message withheld" in report and "broken_delete" in report
    log = gui_log.read_text(encoding="utf-8")
    assert "unexpected error" in log and "ValueError" in log
    for text in (report, log):
        assert sentinel not in text
    for path in paths.log_dir.rglob("*"):  # rotated logs too
        assert not path.is_file() or sentinel.encode() not in path.read_bytes(), path
    with open_with_keyring(paths) as vault:
        assert Ledger(vault.conn).organisation(org_id).name == f"Shop {sentinel}", "kept"


def test_case29_cli_bug_on_a_row_prints_no_values(
    tmp_path: Path, paths: AppPaths, sentinel: str, memory_keyring
) -> None:
    """`quid give ORG …` with a service that fails on the row: exit 70 and a report without
    the value, where Python would print the message in its traceback."""
    keyring_file = tmp_path / "keyring.json"
    env = dict(
        os.environ,
        PYTHONPATH=str(REPO),
        PYTHON_KEYRING_BACKEND="tests.support.keyrings.FileKeyring",
        QUID_TEST_KEYRING_FILE=str(keyring_file),
    )
    quid = [sys.executable, "-m", "app", "--data-dir", str(paths.data_dir)]
    for args in (["init"], ["org", "add", f"Shop {sentinel}", "--domain", "shop.example"]):
        made = subprocess.run([*quid, *args], env=env, capture_output=True, text=True, timeout=60)
        assert made.returncode == 0, made.stderr
    bug = (
        "import sys\n"
        "from app.services.ledger import Ledger\n"
        "def add_disclosure(self, org_id, data):\n"
        "    org = self.organisation(org_id)\n"
        "    raise ValueError(f'cannot store {data.detail} for {org.name}')\n"
        "Ledger.add_disclosure = add_disclosure\n"
        "from app.__main__ import main\n"
        "sys.argv[0] = 'quid'\n"
        "sys.exit(main())\n"
    )
    give = ["give", "shop.example", "EmailAddress", "--detail", f"{sentinel}@x.nl"]
    result = subprocess.run(
        [sys.executable, "-c", bug, "--data-dir", str(paths.data_dir), *give],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == EXIT_BUG, result.stderr
    assert "unexpected error" in result.stderr and "ValueError" in result.stderr
    assert "add_disclosure" in result.stderr, "the report names where it happened"
    assert sentinel not in result.stderr and sentinel not in result.stdout
    for path in paths.data_dir.rglob("*"):
        if path.is_file() and path.suffix in (".log", ".ini", ".txt"):
            assert sentinel.encode() not in path.read_bytes(), path
