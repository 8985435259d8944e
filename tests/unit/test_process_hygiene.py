"""Process hygiene (issue "Hardening", SECURITY.md promise 7): the app process writes no core
dump and, on Linux, is not dumpable (no ptrace attach by other processes of the same user).

Hardening is irreversible, so it is checked in child processes; in-process tests replace it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import app.__main__ as entry
from app import process_hygiene

REPO = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")


def run_python(code: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split("\n")


@linux_only
def test_harden_process_switches_off_core_dumps_and_ptrace_access() -> None:
    before, limit, dumpable, status, child = run_python(
        "import resource, subprocess, sys\n"
        "from app.process_hygiene import harden_process, is_dumpable\n"
        "print(is_dumpable())\n"
        "harden_process()\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE))\n"
        "print(is_dumpable())\n"
        # what the app and Python still need: its own /proc files, starting a child
        "print('Name:' in open('/proc/self/status').read())\n"
        "print(subprocess.run([sys.executable, '-c', 'print(7)'], capture_output=True,"
        " text=True).stdout.strip())"
    )[:5]
    assert before == "True", "a normal process is dumpable, so the check can fail"
    assert (limit, dumpable) == ("(0, 0)", "False")
    assert (status, child) == ("True", "7")


@linux_only
def test_the_quid_command_hardens_its_process() -> None:
    """`quid …` (app.__main__.main, also behind `quid-gui` and `python -m app`) runs it first."""
    out = run_python(
        "import resource, sys\n"
        "from app.__main__ import main\n"
        "from app.process_hygiene import is_dumpable\n"
        "sys.argv = ['quid', 'directory', 'search', 'bol.com']\n"
        "code = main()\n"
        "print(code, resource.getrlimit(resource.RLIMIT_CORE), is_dumpable())"
    )
    assert "bol.com" in "".join(out[:-2]), "the command itself ran"
    assert out[-2] == "0 (0, 0) False"


@pytest.mark.parametrize("entry_point", [entry.main, entry.main_gui])
@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--data-dir", "/nowhere"], "window /nowhere"),  # the desktop app, without app.cli
        (["--data-dir", "/nowhere", "doctor"], "cli ['--data-dir', '/nowhere', 'doctor']"),
    ],
)
def test_main_hardens_before_anything_else_runs(entry_point, argv, expected, monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(process_hygiene, "harden_process", lambda: calls.append("harden"))
    monkeypatch.setattr("app.cli.main", lambda argv: calls.append(f"cli {argv}") or 0)
    monkeypatch.setattr(entry, "run_desktop_app", lambda d: calls.append(f"window {d}") or 0)
    monkeypatch.setattr(sys, "argv", ["quid", *argv])
    assert entry_point() == 0
    assert calls == ["harden", expected]


def test_a_failing_step_never_stops_quid(monkeypatch) -> None:
    done: list[str] = []

    def broken() -> None:
        raise RuntimeError("no prctl here")

    monkeypatch.setattr(process_hygiene, "_no_core_dumps", broken)
    monkeypatch.setattr(process_hygiene, "_not_dumpable", lambda: done.append("next step"))
    process_hygiene.harden_process()
    assert done == ["next step"]


def test_a_refused_core_limit_is_only_logged(monkeypatch, caplog) -> None:
    import resource

    def refused(*_args: object) -> None:
        raise ValueError("not allowed to lower the hard limit")

    monkeypatch.setattr(resource, "setrlimit", refused)
    monkeypatch.setattr(process_hygiene, "_not_dumpable", lambda: None)
    with caplog.at_level("DEBUG", logger="app.process_hygiene"):
        process_hygiene.harden_process()
    assert "core dumps could not be switched off" in caplog.text


@pytest.mark.parametrize(
    "env", [{"FLATPAK_ID": "org.quidledger.Quid"}, {"SNAP": "/snap/quid/1"},
            {"QT_QPA_PLATFORMTHEME": "xdgdesktopportal"}],
)  # fmt: skip
def test_under_portals_core_dumps_are_off_but_file_dialogs_keep_working(env) -> None:
    """xdg-desktop-portal identifies its caller through /proc/<pid>/root, which a
    non-dumpable process closes to it: every file dialog would fail in a Flatpak or Snap."""
    import subprocess
    import sys

    code = (
        "from app.process_hygiene import harden_process, is_dumpable; harden_process(); "
        "import resource; print(resource.getrlimit(resource.RLIMIT_CORE), is_dumpable())"
    )
    import os

    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, **env},
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert out.strip() == "(0, 0) True"
