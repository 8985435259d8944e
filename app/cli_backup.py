"""`quid backup FILE` and `quid restore FILE`: encrypted backups from the command line.

`restore` asks before it replaces the ledger, on a terminal; a script passes `--yes` (without
it, and without a terminal, nothing is changed). With no vault yet, `restore` first creates one
(keyring, or `--passphrase-env`), prints its recovery key, and restores into it: the way to move
a ledger to a new computer.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli_common import CliError, PluggedHandler
from app.errors import WrongKeyError
from app.paths import AppPaths
from app.services.backup_restore import restore_from_backup
from app.services.backups import (
    BackupInfo,
    check_backup_file,
    check_backup_passphrase,
    make_backup,
    read_backup,
)
from app.storage import keys
from app.storage import vault as vaults
from app.storage.header import KeyMode
from app.storage.vault import Vault


def add_parsers(commands: Any, import_kinds: Any, export_kinds: Any) -> None:
    """Add `backup` and `restore` to the parser."""
    backup = commands.add_parser(
        "backup",
        help="write an encrypted backup of the vault to FILE",
        description="Write an encrypted copy of the whole vault to FILE. It is protected by "
        "this vault's key (it opens with this vault, or with its recovery key elsewhere), or "
        "with --backup-passphrase-env by a passphrase of its own.",
    )
    backup.add_argument("file", metavar="FILE", help="where to write the backup")
    backup.add_argument(
        "--backup-passphrase-env",
        metavar="VAR",
        help="protect the backup with the passphrase in environment variable VAR",
    )
    backup.add_argument("--force", action="store_true", help="replace FILE if it exists")
    restore = commands.add_parser(
        "restore",
        help="replace the ledger with a backup (the current one is kept)",
        description="Check a backup, then put it in place of the ledger. The replaced ledger "
        "is kept beside it as ledger.db.replaced-…; a backup from an older Quid is upgraded.",
    )
    restore.add_argument("file", metavar="FILE", help="the backup to restore")
    restore.add_argument(
        "--backup-passphrase-env", metavar="VAR", help="the backup's passphrase is in VAR"
    )
    restore.add_argument(
        "--backup-recovery-key-env",
        metavar="VAR",
        help="the recovery key of the vault the backup came from is in VAR",
    )
    restore.add_argument(
        "--yes", action="store_true", help="do not ask (needed when there is no terminal)"
    )


def _env_secret(var: str | None, what: str) -> str | None:
    if var is None:
        return None
    value = os.environ.get(var)
    if value is None:
        raise CliError(f"The environment variable {var} ({what}) is not set.")
    return value


def _when(info: BackupInfo) -> str:
    return info.made_at.astimezone().strftime("%Y-%m-%d %H:%M")


def _holds(info: BackupInfo) -> str:
    return f"{info.organisations} organisations, {info.disclosures} disclosures"


def cmd_backup(args: argparse.Namespace, paths: AppPaths, open_vault: Callable[[], Vault]) -> int:
    target = Path(args.file).expanduser()
    passphrase = _env_secret(args.backup_passphrase_env, "the backup passphrase")
    if target.is_dir():
        raise CliError(f"{target} is a folder; give a file name. Nothing was written.")
    if target.exists() and not args.force:
        raise CliError(f"{target} exists; pass --force to replace it. Nothing was written.")
    if passphrase is not None:
        check_backup_passphrase(passphrase)  # before the unlock, which may take a moment
    with open_vault() as vault:
        made = make_backup(vault, target, passphrase)
        count = vault.conn.execute("SELECT count(*) FROM organisations").fetchone()[0]
    how = (
        "your backup passphrase"
        if passphrase is not None
        else "this vault's key (on another computer: its recovery key)"
    )
    print(f"Backed up {count} organisations to {made}; it opens with {how}.")
    return 0


def _confirm(args: argparse.Namespace, info: BackupInfo) -> None:
    if args.yes:
        return
    if not sys.stdin.isatty():
        raise CliError(
            "Restoring replaces your ledger: pass --yes to confirm (there is no terminal to "
            "ask). Nothing was changed."
        )
    question = (
        f"Replace your ledger with this backup from {_when(info)} "
        f"({info.organisations} organisations)? [y/N] "
    )
    answer = ""
    with contextlib.suppress(EOFError):
        answer = input(question)
    if answer.strip().lower() not in ("y", "yes"):
        raise CliError("Not restored; nothing was changed.")


def _restore_into_new_vault(
    args: argparse.Namespace, paths: AppPaths, backup: Path, key: bytes | None, phrase: str | None
) -> int:
    if key is None and phrase is None:
        raise CliError(
            f"There is no vault in {paths.data_dir} yet. To restore into a new one, say how the "
            "backup opens: --backup-passphrase-env VAR, or --backup-recovery-key-env VAR (the "
            "recovery key of the vault it came from)."
        )
    info = read_backup(backup, key, phrase)  # checked before anything is created
    vault_passphrase = _env_secret(args.passphrase_env, "the passphrase")
    mode = KeyMode.PASSPHRASE if vault_passphrase is not None else KeyMode.KEYRING
    if mode is KeyMode.KEYRING:
        problem = keys.keyring_problem()
        if problem:
            raise CliError(f"{problem} Pass --passphrase-env VAR to protect it with a passphrase.")
    vault, recovery = vaults.create_vault(paths, mode, vault_passphrase)
    print(f"Created a vault in {paths.data_dir} to restore into.")
    print("Recovery key (shown only now; print it or write it down and keep it safe):")
    print(f"  {recovery}")
    try:
        empty = restore_from_backup(vault, backup, key=key, passphrase=phrase)
    finally:
        vault.close()
    empty.unlink()  # the empty vault made a moment ago by this command
    print(f"Restored the backup from {_when(info)} ({_holds(info)}).")
    return 0


def cmd_restore(args: argparse.Namespace, paths: AppPaths, open_vault: Callable[[], Vault]) -> int:
    backup = Path(args.file).expanduser()
    check_backup_file(backup)
    phrase = _env_secret(args.backup_passphrase_env, "the backup passphrase")
    code = _env_secret(args.backup_recovery_key_env, "the recovery key")
    if phrase is not None and code is not None:
        raise CliError("Give --backup-passphrase-env or --backup-recovery-key-env, not both.")
    key = keys.decode_recovery_key(code) if code is not None else None
    if not vaults.vault_exists(paths) and not paths.key_header_file.exists():
        return _restore_into_new_vault(args, paths, backup, key, phrase)
    with open_vault() as vault:
        own_key = key is None and phrase is None
        try:
            info = read_backup(backup, vault._key_bytes() if own_key else key, phrase)
        except WrongKeyError:
            if not own_key:
                raise
            raise CliError(
                "This backup does not open with this vault's key. For a passphrase backup pass "
                "--backup-passphrase-env VAR; for a backup of another vault, its recovery key "
                "with --backup-recovery-key-env VAR. Nothing was changed."
            ) from None
        _confirm(args, info)
        kept = restore_from_backup(vault, backup, key=key, passphrase=phrase)
    print(f"Restored the backup from {_when(info)} ({_holds(info)}).")
    print(f"Your previous ledger was kept as {kept}.")
    return 0


HANDLERS: dict[str, PluggedHandler] = {"backup": cmd_backup, "restore": cmd_restore}
