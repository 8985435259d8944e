"""SECURITY.md case 31: a full scripted session opens no IP socket.

Two layers. The Python audit hook (tests/support/no_network.py) is in the pytest process and,
through tests/support/child_hooks/sitecustomize.py, in every Python child the suite starts: a
child that tries the network prints "NETWORK USED" and exits 86. Qt's C++ side is outside any
Python hook, so a CLI session and a GUI session also run under `strace -f`, and the log of
every socket(2) and connect(2) call, in every process and thread, must show no AF_INET or
AF_INET6 socket. Unix and netlink sockets (D-Bus, Qt's internals, glibc) are fine.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.no_network import NETWORK_USED_EXIT

REPO = Path(__file__).resolve().parents[2]
BITWARDEN = REPO / "tests" / "fixtures" / "password_exports" / "bitwarden.csv"

#: An IP socket made, or a connect to an IP peer (with -f, a call may be split into
#: "<unfinished ...>" and "<... resumed>" lines; the family is on the first one).
IP_SOCKET = re.compile(r"\bsocket\(AF_INET6?\b|\bsa_family=AF_INET6?\b")
SOCKET_FAMILY = re.compile(r"\bsocket\((AF_[A-Z0-9]+)")


# --- the audit hook in children --------------------------------------------------------------
def child(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    "code",
    [
        "import socket; socket.socket(socket.AF_INET)",
        "import socket; socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)",
        "import socket; socket.getaddrinfo('localhost', 80)",
        # a broad `except` must not hide it: the child ends at once
        "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\n"
        "except Exception:\n    pass\nprint('carried on')",
    ],
    ids=["inet", "inet6", "name-lookup", "swallowed"],
)
def test_a_child_that_tries_the_network_fails_loudly(code: str) -> None:
    result = child(code)
    assert result.returncode == NETWORK_USED_EXIT, result.stderr
    assert "NETWORK USED: Quid must not" in result.stderr
    assert "carried on" not in result.stdout


def test_a_child_started_with_its_own_pythonpath_is_covered_too() -> None:
    """As many CLI tests do: `env=dict(os.environ, PYTHONPATH=REPO)`."""
    result = child("import socket; socket.socket()", env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert result.returncode == NETWORK_USED_EXIT
    assert "NETWORK USED" in result.stderr


def test_a_child_may_use_unix_sockets_and_quid_starts() -> None:
    result = child(
        "import socket\n"
        "a, b = socket.socketpair()\n"
        "a.sendall(b'ok'); print(b.recv(2).decode())\n"
        "socket.socket(socket.AF_UNIX).close()\n"
        "import app.cli"
    )
    assert (result.returncode, result.stdout.strip()) == (0, "ok"), result.stderr
    version = subprocess.run(
        [sys.executable, "-m", "app", "--version"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert version.returncode == 0 and version.stdout.startswith("Quid "), version.stderr


# --- strace: the C++ side too ------------------------------------------------------------------
@pytest.fixture
def strace() -> str:
    found = shutil.which("strace")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("strace is not installed; .ci/run installs it (SECURITY.md case 31)")
        pytest.skip("strace is not installed (apt-get install strace)")
    return found


def traced(
    strace: str, log: Path, argv: list[str], env: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    """Run argv under strace, following every process and thread; socket calls go to log."""
    command = [strace, "-f", "-q", "-e", "trace=socket,connect", "-e", "signal=none",
               "-o", str(log), *argv]  # fmt: skip
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)


def ip_socket_lines(log_text: str) -> list[str]:
    return [line for line in log_text.splitlines() if IP_SOCKET.search(line)]


def test_the_strace_check_sees_an_ip_socket(strace: str, tmp_path: Path) -> None:
    """The check can fail: a Python without the test hook (-I ignores PYTHONPATH) makes
    IPv4 and IPv6 sockets, connects to nothing, and strace's log shows both."""
    log = tmp_path / "control.strace"
    code = "import socket; socket.socket(socket.AF_INET).close(); socket.socket(socket.AF_INET6)"
    result = traced(strace, log, [sys.executable, "-I", "-c", code], dict(os.environ), tmp_path)
    assert result.returncode == 0, result.stderr
    found = ip_socket_lines(log.read_text())
    assert any("AF_INET," in line for line in found) and any("AF_INET6" in line for line in found)
    connect = "123 connect(5, {sa_family=AF_INET6, sin6_port=htons(443), ...}, 28) = 0"
    assert ip_socket_lines(connect) == [connect]
    assert ip_socket_lines("123 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3") == []


@pytest.mark.slow
def test_case31_gui_and_cli_sessions_open_no_ip_socket(strace: str, tmp_path: Path) -> None:
    data = tmp_path / "vault"
    keyring_file = tmp_path / "keyring.json"
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        PYTHON_KEYRING_BACKEND="tests.support.keyrings.FileKeyring",
        QUID_TEST_KEYRING_FILE=str(keyring_file),
        QT_QPA_PLATFORM="offscreen",
    )
    out = tmp_path / "out"
    out.mkdir()
    session = [
        ["init"],
        ["demo"],
        ["assess"],
        ["letter", "access", "bol.com", "--out", str(out / "letter.pdf")],
        ["import", "passwords", str(BITWARDEN)],
        ["export", "json", "--out", str(out / "ledger.json")],
        ["export", "csv", "--out", str(out / "tables")],
        ["export", "pdf", "--out", str(out / "report.pdf")],
        ["export", "html", "--out", str(out / "report.html")],
        ["backup", str(out / "backup.db")],
    ]
    logs: dict[str, Path] = {}
    for number, args in enumerate(session):
        name = "cli " + " ".join(a for a in args[:2] if not a.startswith("/"))
        logs[name] = tmp_path / f"cli-{number}.strace"
        argv = [sys.executable, "-m", "app", "--data-dir", str(data), *args]
        result = traced(strace, logs[name], argv, env, REPO)
        assert result.returncode == 0, f"{name}: {result.stderr}"
    assert json.loads((out / "ledger.json").read_text())["organisations"], "the demo was loaded"
    assert (out / "report.pdf").stat().st_size > 0 and (out / "backup.db").stat().st_size > 0

    # The GUI unlocks from the keyring file, paints, assesses, and makes its scheduled backup
    # 1.5 s after unlocking; it quits by itself after 3 s.
    logs["gui"] = tmp_path / "gui.strace"
    gui_env = dict(env, QUID_QUIT_AFTER_MS="9000")  # the scheduled backup starts at 1.5 s
    argv = [sys.executable, "-m", "app", "--data-dir", str(data)]
    result = traced(strace, logs["gui"], argv, gui_env, REPO)
    assert result.returncode == 0, result.stderr
    app_log = (data / "logs" / "quid.log").read_text()
    assert "vault unlocked" in app_log and "scheduled backup made" in app_log
    assert list((data / "backups").glob("ledger-scheduled-*.db")), "the session ran its course"

    for name, log in logs.items():
        text = log.read_text()
        # strace really followed it to the end, so a clean log means something
        assert "+++ exited with 0 +++" in text, f"{name}: strace traced nothing"
        assert ip_socket_lines(text) == [], f"{name} opened an IP socket"
        families = sorted(set(SOCKET_FAMILY.findall(text)))
        print(f"{name}: sockets {', '.join(families) or 'none'}")  # shown with pytest -s
