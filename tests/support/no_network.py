"""Quid never talks to the network: an audit hook makes any IP socket in the test process an
error. Unix sockets (D-Bus for the keyring, Qt's internals) stay allowed."""

from __future__ import annotations

import socket
import sys
from typing import Any

IP_FAMILIES = {socket.AF_INET, socket.AF_INET6}


class NetworkUsedError(RuntimeError):
    """Raised inside the code that tried to open an IP socket."""


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event == "socket.__new__" and len(args) >= 2 and args[1] in IP_FAMILIES:
        raise NetworkUsedError(f"Quid must not open network sockets (family {args[1]!r})")
    if event == "socket.connect" and isinstance(args[1], tuple):  # (host, port): an IP peer
        raise NetworkUsedError(f"Quid must not reach the network (connect {args[1]!r})")
    if event in ("socket.getaddrinfo", "socket.gethostbyname"):
        raise NetworkUsedError(f"Quid must not look up network names ({args[0]!r})")


_installed = False


def install() -> None:
    """Install once per process (audit hooks cannot be removed)."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
