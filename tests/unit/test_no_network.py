"""The suite's guard against network use really fires (SECURITY.md: no network, ever)."""

from __future__ import annotations

import contextlib
import socket

import pytest

from tests.support import no_network
from tests.support.no_network import NetworkUsedError


def test_opening_an_ip_socket_fails_in_tests() -> None:
    with pytest.raises(NetworkUsedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    assert no_network.VIOLATIONS.pop().startswith("Quid must not open")  # recorded too


def test_name_lookup_fails_in_tests() -> None:
    with pytest.raises(NetworkUsedError):
        socket.getaddrinfo("example.org", 443)
    assert no_network.VIOLATIONS.pop().startswith("Quid must not look up")


def test_a_swallowed_attempt_is_still_recorded() -> None:
    """A worker thread catches every exception and only logs it: the attempt must still
    fail the test (the suite's autouse fixture checks this list)."""
    with contextlib.suppress(Exception):  # as app code might
        socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    assert no_network.VIOLATIONS.pop().startswith("Quid must not open")


def test_unix_sockets_stay_allowed() -> None:
    left, right = socket.socketpair(socket.AF_UNIX)
    left.sendall(b"ok")
    assert right.recv(2) == b"ok"
    left.close()
    right.close()
