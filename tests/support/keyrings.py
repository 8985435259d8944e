"""Keyring test doubles: an in-memory backend, a locked one, and a file-backed one.

The file-backed backend exists for subprocesses (CLI tests, the start-up benchmark): select it
with PYTHON_KEYRING_BACKEND=tests.support.keyrings.FileKeyring and QUID_TEST_KEYRING_FILE.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from jaraco.classes.properties import classproperty
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Set explicitly with keyring.set_keyring(); never picked by keyring's auto-detection."""

    @classproperty
    def priority(cls) -> float:
        raise RuntimeError("a test double: select it explicitly")

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class LockedKeyring(MemoryKeyring):
    """As when the person dismisses the keyring's unlock prompt."""

    def __init__(self) -> None:
        super().__init__()
        self.locked = True

    def _check(self) -> None:
        if self.locked:
            raise KeyringLocked("the keyring is locked")

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        super().delete_password(service, username)


class FileKeyring(MemoryKeyring):
    """Secrets in a JSON file named by QUID_TEST_KEYRING_FILE (tests and benchmarks only)."""

    @classproperty
    def priority(cls) -> float:
        if "QUID_TEST_KEYRING_FILE" not in os.environ:
            raise RuntimeError("QUID_TEST_KEYRING_FILE is not set")
        return 0.5

    @property
    def path(self) -> Path:
        return Path(os.environ["QUID_TEST_KEYRING_FILE"])

    def _load(self) -> dict[str, str]:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def _save(self, data: dict[str, str]) -> None:
        self.path.write_text(json.dumps(data))

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\n{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError("not found")
        self._save(data)


def child_env(memory: MemoryKeyring, folder: Path, **extra: str) -> dict[str, str]:
    """The environment for a child `python -m app …` that finds the secrets of `memory`: they
    are written to a FileKeyring file in `folder`."""
    path = folder / "keyring.json"
    path.write_text(json.dumps({f"{s}\n{u}": p for (s, u), p in memory.secrets.items()}))
    return {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "tests.support.keyrings.FileKeyring",
        "QUID_TEST_KEYRING_FILE": str(path),
        **extra,
    }
