"""`quid export json|csv|receipts --out PATH [--force]` and `quid import json FILE [--merge]`.

Exports are not encrypted, and every one says so. An existing file is only overwritten with
--force. An import is all or nothing: a bad file is named by line or field and changes nothing.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli_common import CliError, PluggedHandler
from app.paths import AppPaths
from app.services.export_files import ExportResult, check_target, written_message
from app.services.progress import Progress
from app.storage.database import Connection
from app.storage.vault import Vault

Exporter = Callable[[Connection, Path, Progress], ExportResult]

_EXPORTS = {
    "json": "the whole ledger as JSON (to keep, to move to another tool, to import again)",
    "csv": "spreadsheet tables (organisations, disclosures, benefits, requests): a folder, "
    "or one .zip when PATH ends in .zip",
    "receipts": "every disclosure as a consent record (Kantara Consent Receipt 1.1 / "
    "ISO/IEC TS 27560 fields, W3C DPV terms)",
}


def add_parsers(commands: Any, import_kinds: Any, export_kinds: Any) -> None:
    """Add `export json|csv|receipts` and `import json` to the parser."""
    for kind, text in _EXPORTS.items():
        export = export_kinds.add_parser(kind, help=text, description=text[0].upper() + text[1:]
                                         + ". The file is not encrypted.")  # fmt: skip
        export.add_argument("--out", metavar="PATH", required=True, help="where to write it")
        export.add_argument("--force", action="store_true", help="overwrite what is there")
    ledger = import_kinds.add_parser(
        "json",
        help="a Quid ledger file (from `quid export json`)",
        description="Import a Quid ledger file into an empty vault, or with --merge into this "
        "ledger (organisations it already has are matched; where the file differs, the "
        "vault's values are kept and listed). All or nothing.",
    )
    ledger.add_argument("file", metavar="FILE")
    ledger.add_argument("--merge", action="store_true", help="add to a ledger that has data")
    ledger.add_argument("--json", action="store_true", help="print the result as JSON")


def _exporter(kind: str) -> Exporter:
    if kind == "json":
        from app.services.export_json import export_ledger_json

        return export_ledger_json
    if kind == "csv":
        from app.services.export_csv import export_csv

        return export_csv
    from app.services.consent_receipts import export_consent_receipts

    return export_consent_receipts


def _check_csv_folder(folder: Path, *, overwrite: bool) -> None:
    from app.services.export_csv import csv_targets

    if folder.exists() and not folder.is_dir():
        raise CliError(f"{folder} is a file: name a folder, or a file ending in .zip.")
    if not folder.parent.is_dir():
        raise CliError(f"The folder {folder.parent} does not exist. Nothing was written.")
    there = [t.name for t in csv_targets(folder, as_zip=False) if t.exists()]
    if there and not overwrite:
        raise CliError(f"{folder} already has {', '.join(there)}; pass --force to overwrite. "
                       "Nothing was written.")  # fmt: skip


def _export(kind: str) -> PluggedHandler:
    def handler(args: argparse.Namespace, paths: AppPaths, open_vault: Callable[[], Vault]) -> int:
        out = Path(args.out).expanduser()
        folder = kind == "csv" and out.suffix.lower() != ".zip"
        if folder:
            _check_csv_folder(out, overwrite=args.force)
        elif out.exists() and not out.is_dir() and not args.force:
            raise CliError(f"{out} already exists; pass --force to overwrite it. "
                           "Nothing was written.")  # fmt: skip
        else:
            check_target(out, overwrite=True)
        with open_vault() as vault:
            result = _exporter(kind)(vault.conn, out, Progress())
        if folder:
            names = ", ".join(p.name for p in result.paths)
            print(f"Written to {out} ({names}). These files are not encrypted: keep them "
                  "somewhere safe or delete them when done.")  # fmt: skip
        else:
            print(written_message(out))
        return 0

    return handler


def cmd_import_json(
    args: argparse.Namespace, paths: AppPaths, open_vault: Callable[[], Vault]
) -> int:
    from app.services.import_json import import_ledger_data, read_document

    document = read_document(Path(args.file).expanduser())  # a bad file fails before unlocking
    with open_vault() as vault:
        result = import_ledger_data(vault.conn, document, Progress(), merge=args.merge)
    if args.json:
        print(json.dumps({
            "added": result.added, "matched_organisations": result.matched_organisations,
            "already_there": result.already_there, "conflicts": list(result.conflicts),
        }, indent=2, ensure_ascii=False))  # fmt: skip
        return 0
    print(result.summary())
    for conflict in result.conflicts:
        print(f"  conflict: {conflict}")
    return 0


HANDLERS: dict[str, PluggedHandler] = {
    "export json": _export("json"),
    "export csv": _export("csv"),
    "export receipts": _export("receipts"),
    "import json": cmd_import_json,
}
