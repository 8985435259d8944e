"""Start-up stays lean: `python -m app` on a keyring vault paints the unlocked window and quits
without loading code that only later pages, dialogs, exports or the CLI need, and with the
vault code loaded before Qt (see app/__main__.py). `make bench` times the same start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support.keyrings import child_env

REPO = Path(__file__).resolve().parents[2]

#: Loaded on first use, never for the first window (nor when it closes again).
NOT_AT_START = (
    "app.cli",  # the command-line parser and its command modules
    "app.services.discovery",
    "app.services.example_ledger",
    "app.ui.unlock",  # a keyring vault opens without the unlock screen, also when it closes
    "app.ui.wizard",
    "app.ui.dashboard",  # charts: built just after the first paint
    "app.ui.organisations_view",
    "app.ui.requests_view",
    "app.ui.backup_dialogs",
    "app.render",
    "jinja2",
    "holidays",
    "icalendar",
    "publicsuffixlist",
    "PySide6.QtCharts",
    "PySide6.QtSvg",
    "PySide6.QtPrintSupport",
)


def _imported_modules(stderr: str) -> list[str]:
    """Module names from `python -X importtime`, in the order their imports finished."""
    return [
        line.rsplit("|", 1)[1].strip()
        for line in stderr.splitlines()
        if line.startswith("import time:") and "imported package" not in line
    ]


def test_first_window_loads_only_what_it_shows(tmp_path, paths, keyring_vault, memory_keyring):
    env = child_env(
        memory_keyring, tmp_path, QT_QPA_PLATFORM="offscreen", QUID_EXIT_AFTER_FIRST_PAINT="1",
        PYTHONPATH=str(REPO),
    )  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "app", "--data-dir", str(paths.data_dir)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "vault unlocked" in (paths.log_dir / "quid.log").read_text()
    modules = _imported_modules(result.stderr)
    loaded = set(modules)
    assert "app.ui.main_window" in loaded and "app.storage.vault" in loaded
    too_early = sorted(
        name
        for name in loaded
        if any(name == early or name.startswith(early + ".") for early in NOT_AT_START)
    )
    assert too_early == []
    # PySide's import hook reads the source of every module imported after PySide6
    assert modules.index("app.storage.vault") < modules.index("PySide6.QtCore")
