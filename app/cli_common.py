"""What the CLI's command modules share (kept apart so they need not import `app.cli`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from app.errors import QuidError
from app.paths import AppPaths
from app.storage.vault import Vault


class CliError(QuidError):
    """A usage problem found by the CLI itself (exit code 2)."""


#: `handler(args, paths, open_vault)`: `open_vault()` unlocks the vault (keyring or
#: --passphrase-env) and upgrades it; a handler that needs no vault never calls it.
PluggedHandler = Callable[[argparse.Namespace, AppPaths, Callable[[], Vault]], int]
