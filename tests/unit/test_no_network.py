"""The suite's guard against network use really fires (SECURITY.md: no network, ever)."""

from __future__ import annotations

import socket

import pytest

from tests.support.no_network import NetworkUsedError


def test_opening_an_ip_socket_fails_in_tests() -> None:
    with pytest.raises(NetworkUsedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_name_lookup_fails_in_tests() -> None:
    with pytest.raises(NetworkUsedError):
        socket.getaddrinfo("example.org", 443)


def test_unix_sockets_stay_allowed() -> None:
    left, right = socket.socketpair(socket.AF_UNIX)
    left.sendall(b"ok")
    assert right.recv(2) == b"ok"
    left.close()
    right.close()
