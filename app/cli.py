"""`quid [--data-dir DIR] [--passphrase-env VAR] COMMAND` — the scripting face of Quid.

Exit codes: 0 done (or healthy), 1 the vault is damaged, 2 the command could not be done
(bad input, wrong key, no vault …), 70 a bug (see app/__main__.py). Errors are one line on
stderr saying what to do.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from app import (
    APP_NAME,
    __version__,
    cli_backup,
    cli_ledger,
    cli_passwords,
    cli_report,
    cli_requests,
    cli_transfer,
)
from app.cli_common import CliError, PluggedHandler
from app.errors import QuidError, one_line
from app.paths import AppPaths
from app.storage import keys
from app.storage import vault as vaults
from app.storage.header import KeyMode


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (exit 2), like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"quid: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="quid",
        description=f"{APP_NAME}: your private ledger of who holds your personal data. "
        "Without a command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="use the vault in DIR")
    parser.add_argument(
        "--passphrase-env",
        metavar="VAR",
        help="read the vault passphrase from environment variable VAR",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "init",
        help="create a vault (keyring, or passphrase with --passphrase-env)",
        description="Create a new vault. Its key goes into the system keyring, or is protected "
        "by the passphrase in --passphrase-env. The recovery key is printed once: keep it.",
    )
    doctor = commands.add_parser("doctor", help="check the vault's health")
    doctor.add_argument("--json", action="store_true", help="print JSON")
    passwd = commands.add_parser("passwd", help="change the passphrase")
    passwd.add_argument(
        "--new-passphrase-env", metavar="VAR", required=True, help="new passphrase from VAR"
    )
    imports = commands.add_parser("import", help="bring data into the ledger")
    import_kinds = imports.add_subparsers(dest="kind", metavar="KIND", required=True)
    exports = commands.add_parser(
        "export", help="write the ledger to a file (not encrypted: keep it safe)"
    )
    export_kinds = exports.add_subparsers(dest="kind", metavar="KIND", required=True)
    cli_ledger.add_parsers(commands)
    cli_requests.add_parsers(commands, export_kinds)
    for module in PLUGGED_IN:
        module.add_parsers(commands, import_kinds, export_kinds)
    return parser


def _env_passphrase(var: str | None, what: str) -> str | None:
    if var is None:
        return None
    value = os.environ.get(var)
    if value is None:
        raise CliError(f"The environment variable {var} ({what}) is not set.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise CliError(f"The environment variable {var} ({what}) is not valid text.") from None
    return value


def unlock(paths: AppPaths, passphrase_env: str | None, *, upgrade: bool = True) -> vaults.Vault:
    header = vaults.read_header(paths)
    if header.mode is KeyMode.KEYRING:
        return vaults.open_with_keyring(paths, upgrade=upgrade)
    passphrase = _env_passphrase(passphrase_env, "the passphrase")
    if passphrase is None:
        raise CliError("This vault is protected by a passphrase: pass --passphrase-env VAR.")
    return vaults.open_with_passphrase(paths, passphrase, upgrade=upgrade)


def cmd_init(args: argparse.Namespace, paths: AppPaths) -> int:
    if vaults.vault_exists(paths):
        raise CliError(f"A vault already exists in {paths.data_dir}; nothing was changed.")
    passphrase = _env_passphrase(args.passphrase_env, "the passphrase")
    mode = KeyMode.PASSPHRASE if passphrase is not None else KeyMode.KEYRING
    if mode is KeyMode.KEYRING:
        problem = keys.keyring_problem()
        if problem:
            raise CliError(f"{problem} Pass --passphrase-env VAR to protect it with a passphrase.")
    vault, recovery = vaults.create_vault(paths, mode, passphrase)
    vault.close()
    where = "the system keyring" if mode is KeyMode.KEYRING else "your passphrase"
    print(f"Created a vault in {paths.data_dir}; its key is kept by {where}.")
    print("Recovery key (shown only now; print it or write it down and keep it safe):")
    print(f"  {recovery}")
    return 0


def cmd_doctor(args: argparse.Namespace, paths: AppPaths) -> int:
    from app.services.doctor import diagnose

    if not vaults.vault_exists(paths):
        raise CliError(f"There is no vault in {paths.data_dir}.")
    report = diagnose(paths, lambda: unlock(paths, args.passphrase_env, upgrade=False))
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:

        def show(value: object) -> str:
            return "-" if value is None or value == [] else str(value)

        cipher_check = (
            "ok" if not report.cipher_integrity_check else "; ".join(report.cipher_integrity_check)
        )
        print(f"vault:            {report.vault_path}")
        print(f"key mode:         {report.key_mode or 'unknown (key file damaged)'}")
        print(f"cipher version:   {show(report.cipher_version)}")
        print(f"schema version:   {show(report.schema_version)}")
        print(f"integrity check:  {show(', '.join(report.integrity_check) or None)}")
        print(f"cipher integrity: {cipher_check if report.cipher_version else '-'}")
        print(report.message)
    return report.exit_code


def cmd_passwd(args: argparse.Namespace, paths: AppPaths) -> int:
    new = _env_passphrase(args.new_passphrase_env, "the new passphrase")
    assert new is not None
    header = vaults.read_header(paths)
    if header.mode is not KeyMode.PASSPHRASE:
        raise CliError("This vault keeps its key in the system keyring; it has no passphrase.")
    current = _env_passphrase(args.passphrase_env, "the current passphrase")
    if current is None:
        raise CliError("Pass the current passphrase with --passphrase-env VAR.")
    keys.check_new_passphrase(new)
    with vaults.open_with_passphrase(paths, current) as vault:
        vault.change_passphrase(current, new)
    print("Passphrase changed.")
    return 0


COMMANDS = {"init": cmd_init, "doctor": cmd_doctor, "passwd": cmd_passwd}
#: Modules that add commands: each has `add_parsers(commands, import_kinds, export_kinds)` and
#: `HANDLERS`, keyed by command name or by "import KIND" / "export KIND".
PLUGGED_IN = (cli_passwords, cli_transfer, cli_report, cli_backup)


def _plugged_in_handler(args: argparse.Namespace) -> PluggedHandler | None:
    name = f"{args.command} {args.kind}" if args.command in ("import", "export") else args.command
    for module in PLUGGED_IN:
        if name in module.HANDLERS:
            return module.HANDLERS[name]
    return None


def run(args: argparse.Namespace) -> int:
    paths = AppPaths.resolve(args.data_dir)
    try:
        if args.command == "directory":
            return cli_ledger.cmd_directory(args)
        plugged_in = _plugged_in_handler(args)
        if plugged_in is not None:
            return plugged_in(args, paths, lambda: unlock(paths, args.passphrase_env))
        if args.command in cli_ledger.LEDGER_COMMANDS or args.command in cli_requests.COMMANDS:
            return cli_ledger.run_ledger_command(args, unlock(paths, args.passphrase_env))
        return COMMANDS[args.command](args, paths)
    except QuidError as exc:
        print(f"quid: {one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # a folder that is a file, no permission, …
        where = f": {exc.filename}" if exc.filename else ""
        print(f"quid: {exc.strerror or exc}{where}; nothing was changed.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("quid: interrupted; nothing half-done was kept.", file=sys.stderr)
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from app.ui.application import run_gui

        return run_gui(args.data_dir)
    return run(args)
