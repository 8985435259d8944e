"""The keyring package is imported only when a keyring is used: a passphrase vault's unlock
screen and most CLI commands start ~50 ms sooner without its urllib/email/ssl imports."""

from __future__ import annotations

import os
import subprocess
import sys

USE_A_KEYRING = """
from app.storage import keys
try:
    keys.keyring_load("x")
except Exception:
    pass
"""


def _imports_keyring(code: str) -> bool:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('keyring' in sys.modules)"],
        capture_output=True, text=True, check=True, timeout=60, env=env,
    )  # fmt: skip
    return out.stdout.strip().splitlines()[-1] == "True"


def test_opening_code_does_not_import_keyring_until_it_is_used() -> None:
    assert not _imports_keyring("import app.storage.vault, app.storage.keys")
    assert _imports_keyring(USE_A_KEYRING)
