"""Quid never talks to the network: an audit hook makes any IP socket an error. Unix sockets
(D-Bus for the keyring, Qt's internals) stay allowed.

In the pytest process the hook raises `NetworkUsedError`. Every Python child the suite starts
(the CLI, the GUI) gets the same hook through `child_hooks/sitecustomize.py`: `cover_children`
puts that folder first on the children's PYTHONPATH and sets QUID_NO_NETWORK=1. In a child a
network attempt prints "NETWORK USED: …" with the stack to stderr and ends the process at once
with exit code 86: an exception could be swallowed by an `except Exception`, or turned into a
modal crash dialog that hangs an offscreen GUI child.

Qt's C++ side is outside any Python hook: tests/security/test_case31_no_network.py watches the
system calls with strace.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # children load this module by path at start-up: keep its imports light
    import subprocess

    import pytest

IP_FAMILIES = {socket.AF_INET, socket.AF_INET6}
#: Set to "1" in a child's environment to install the hook there (fatal mode).
ENV_SWITCH = "QUID_NO_NETWORK"
#: The folder whose sitecustomize.py installs the hook in children.
CHILD_HOOKS = Path(__file__).resolve().parent / "child_hooks"
#: A child that tried the network ends with this code (rare enough to be recognisable).
NETWORK_USED_EXIT = 86

_NAME_LOOKUPS = (
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
)
_IP_PEER_EVENTS = ("socket.connect", "socket.sendto", "socket.bind")


class NetworkUsedError(RuntimeError):
    """Raised inside the code that tried to open an IP socket."""


def violation(event: str, args: tuple[Any, ...]) -> str | None:
    """What the audit event does against the rule, or None when it is allowed."""
    if event == "socket.__new__" and len(args) >= 2 and args[1] in IP_FAMILIES:
        return f"Quid must not open network sockets (family {args[1]!r})"
    # A socket taken over by file descriptor is created with family -1, so its peer is
    # checked too: an (address, port) tuple on an IP socket.
    if event in _IP_PEER_EVENTS and getattr(args[0], "family", None) in IP_FAMILIES:
        return f"Quid must not reach the network ({event} {args[-1]!r})"
    if event in _NAME_LOOKUPS:
        return f"Quid must not look up network names ({event} {args[0]!r})"
    return None


#: every violation in this process, also those whose exception the code swallowed (a worker
#: catches everything and only logs): the suite's autouse fixture fails the test on any.
VIOLATIONS: list[str] = []


def _raising_hook(event: str, args: tuple[Any, ...]) -> None:
    problem = violation(event, args)
    if problem is not None:
        VIOLATIONS.append(problem)
        raise NetworkUsedError(problem)


def _fatal_hook(event: str, args: tuple[Any, ...]) -> None:
    problem = violation(event, args)
    if problem is not None:
        import traceback

        stack = "".join(traceback.format_stack())
        sys.stderr.write(f"NETWORK USED: {problem}\n{stack}")
        sys.stderr.flush()
        os._exit(NETWORK_USED_EXIT)


_installed = False


def install(*, fatal: bool = False) -> None:
    """Install once per process (audit hooks cannot be removed). `fatal`: end the process on a
    network attempt instead of raising (for children, see the module docstring)."""
    global _installed
    if not _installed:
        sys.addaudithook(_fatal_hook if fatal else _raising_hook)
        _installed = True


def child_env(env: Mapping[str, str]) -> dict[str, str]:
    """`env` with the child hook switched on and its folder first on PYTHONPATH."""
    result = dict(env)
    entries = [p for p in result.get("PYTHONPATH", "").split(os.pathsep) if p]
    if str(CHILD_HOOKS) not in entries:
        entries.insert(0, str(CHILD_HOOKS))
    result["PYTHONPATH"] = os.pathsep.join(entries)
    result[ENV_SWITCH] = "1"
    return result


def cover_children(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every child of this test gets the hook: those that inherit the environment through the
    variables set here, and those started with an `env=` of their own (many tests replace
    PYTHONPATH there) through a wrapper around `subprocess.Popen`."""
    import subprocess

    for name, value in child_env(os.environ).items():
        if os.environ.get(name) != value:
            monkeypatch.setenv(name, value)
    original = subprocess.Popen.__init__

    def popen_init(self: subprocess.Popen[Any], *args: Any, **kwargs: Any) -> None:
        if kwargs.get("env") is not None:
            kwargs["env"] = child_env(kwargs["env"])
        original(self, *args, **kwargs)

    monkeypatch.setattr(subprocess.Popen, "__init__", popen_init)
