"""`quid import passwords FILE`: organisations and accounts from a password-manager export.

`--dry-run` only shows what would be added. Without it, everything proposed is added in one
transaction. Passwords, TOTP seeds and notes are dropped while the file is read, so they are
never printed, stored or logged; the person is reminded to delete the export afterwards.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli_common import CliError, PluggedHandler
from app.paths import AppPaths
from app.services.discovery import ImportResult, Proposal, apply_proposal, propose_file
from app.services.password_export import FORMAT_LABELS, FORMATS, ColumnMapping, read_header
from app.storage.vault import Vault


def add_parsers(commands: Any, import_kinds: Any, export_kinds: Any) -> None:
    """Add `quid import passwords`."""
    passwords = import_kinds.add_parser(
        "passwords",
        help="organisations and accounts from a password manager's or browser's CSV export",
        description="Read a CSV export of Bitwarden, 1Password, KeePassXC, LastPass, "
        "Chrome/Edge, Firefox or Apple Passwords/Safari and add the sites as organisations, "
        "with the username or e-mail address used there. Passwords, one-time-password seeds "
        "and notes are never kept. Delete the export file afterwards.",
    )
    passwords.add_argument("file", metavar="FILE", help="the CSV export")
    passwords.add_argument(
        "--format",
        choices=("auto", *FORMATS),
        default="auto",
        help="the exporter (default: recognised by the header row)",
    )
    passwords.add_argument(
        "--url-column",
        metavar="NAME",
        action="append",
        help="for any other CSV: the column with the web address (repeatable); the columns are "
        "then taken from these options instead of a known format",
    )
    passwords.add_argument("--username-column", metavar="NAME", help="… the username or e-mail")
    passwords.add_argument("--title-column", metavar="NAME", help="… the entry's name")
    passwords.add_argument("--dry-run", action="store_true", help="only show what would be added")
    passwords.add_argument("--json", action="store_true", help="print JSON")


def _date(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


def proposal_json(proposal: Proposal, result: ImportResult | None) -> dict[str, Any]:
    return {
        "format": proposal.format,
        "rows": proposal.rows,
        "organisations": [
            {
                "name": org.name,
                "domains": org.domains,
                "directory_slug": org.directory_slug,
                "existing_id": org.existing_id,
                "match": org.match,
                "accounts": [
                    {
                        "identifier": account.identifier,
                        "is_email": account.is_email,
                        "first_used": _date(account.first_used),
                        "last_used": _date(account.last_used),
                        "exists": account.exists,
                    }
                    for account in org.accounts
                ],
            }
            for org in proposal.organisations
        ],
        "skipped": [
            {"line": row.line, "site": row.site, "reason": row.reason} for row in proposal.skipped
        ],
        "imported": result is not None,
        "added": None
        if result is None
        else {
            "organisations": result.organisations_added,
            "accounts": result.accounts_added,
            "disclosures": result.disclosures_added,
        },
    }


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def proposal_text(proposal: Proposal, result: ImportResult | None) -> str:
    label = FORMAT_LABELS.get(proposal.format, "CSV")
    lines = [
        f"{label} export: {_plural(proposal.rows, 'row')} → "
        f"{_plural(len(proposal.organisations), 'organisation')}, "
        f"{len(proposal.skipped):,} skipped."
    ]
    for org in proposal.organisations:
        where = "already in the ledger" if org.existing_id is not None else org.match
        lines.append(f"  {org.name} ({', '.join(org.domains)}) — {where}")
        for account in org.accounts:
            facts = ["e-mail" if account.is_email else "username"]
            if account.first_used:
                facts.append(f"first used {account.first_used.isoformat()}")
            if account.last_used:
                facts.append(f"last used {account.last_used.isoformat()}")
            if account.exists:
                facts.append("already in the ledger")
            lines.append(f"      {account.identifier} ({', '.join(facts)})")
    if proposal.skipped:
        lines.append("Skipped:")
        lines += [f"  line {row.line}: {row.site} — {row.reason}" for row in proposal.skipped]
    if result is None:
        lines.append("Dry run: nothing was added.")
    else:
        lines.append(
            f"Added {_plural(len(result.organisations_added), 'organisation')}, "
            f"{_plural(len(result.accounts_added), 'account')} and "
            f"{_plural(len(result.disclosures_added), 'identifier')} as data given."
        )
    return "\n".join(lines)


def cmd_import_passwords(
    args: argparse.Namespace, paths: AppPaths, open_vault: Callable[[], Vault]
) -> int:
    path = Path(args.file).expanduser()
    if not path.exists():
        raise CliError(f"There is no file {path}; nothing was imported.")
    if not path.is_file():
        raise CliError(f"{path} is not a file; nothing was imported.")
    mapping = None
    if args.url_column:
        header = read_header(path)
        for column in (*args.url_column, args.username_column, args.title_column):
            if column is not None and column not in header:
                # the header is not echoed: a file without one starts with a password
                raise CliError(f"The file has no column '{column}'; nothing was imported.")
        mapping = ColumnMapping(
            url=tuple(args.url_column), username=args.username_column, title=args.title_column
        )
    elif args.username_column or args.title_column:
        raise CliError("Name the web address column too (--url-column); nothing was imported.")
    with open_vault() as vault:
        proposal = propose_file(path, vault.conn, args.format, mapping)
        result = None if args.dry_run else apply_proposal(vault.conn, proposal)
    if args.json:
        print(json.dumps(proposal_json(proposal, result), indent=2, ensure_ascii=False))
    else:
        print(proposal_text(proposal, result))
    print(
        f"Delete the export file now: it holds your passwords in plain text ({path}).",
        file=sys.stderr,
    )
    return 0


HANDLERS: dict[str, PluggedHandler] = {"import passwords": cmd_import_passwords}
