"""`quid export pdf|html --out PATH [--org ORG …] [--lang en|nl] [--force]`: the
privacy-footprint report.

The whole ledger, or the organisations named with --org (an id, a name or a domain, as in
other commands), in English or Dutch (--lang). An existing file is kept unless --force; a
folder or a device is refused. Either way the file is not encrypted, and the command says so.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli_common import CliError, PluggedHandler
from app.paths import AppPaths
from app.services.export_files import check_target, written_message
from app.services.ledger import Ledger
from app.services.report_texts import DEFAULT_LANGUAGE, LANGUAGES
from app.storage.vault import Vault

FORMATS = {"pdf": "PDF", "html": "HTML"}


def add_parsers(commands: Any, import_kinds: Any, export_kinds: Any) -> None:
    """Add `export pdf` and `export html` to the parser."""
    for kind, name in FORMATS.items():
        parser = export_kinds.add_parser(
            kind,
            help=f"the privacy-footprint report as {name} (not encrypted)",
            description=f"Write the privacy-footprint report as one {name} file: summary, "
            "charts, every organisation with its band, flags and reasons, the data it holds, "
            "what you got, and open requests. The file is not encrypted.",
        )
        parser.add_argument("--out", metavar="PATH", required=True, help="the file to write")
        parser.add_argument(
            "--org",
            metavar="ORG",
            action="append",
            help="only this organisation (id, name or domain); repeat for several",
        )
        parser.add_argument(
            "--lang",
            choices=LANGUAGES,
            default=DEFAULT_LANGUAGE,
            help="the report's language: en (English, the default) or nl (Dutch)",
        )
        parser.add_argument("--force", action="store_true", help="replace an existing file")


def _target(args: argparse.Namespace) -> Path:
    path = Path(args.out).expanduser()
    if path.exists() and not path.is_dir() and not args.force:
        raise CliError(
            f"--out: {path} already exists; add --force to replace it. Nothing was written."
        )
    check_target(path, overwrite=True)  # a folder, or a folder that is not there
    return path


def _export(kind: str) -> PluggedHandler:
    def handler(args: argparse.Namespace, paths: AppPaths, open_vault: Callable[[], Vault]) -> int:
        path = _target(args)
        with open_vault() as vault:
            ledger = Ledger(vault.conn)
            org_ids = [ledger.resolve(ref) for ref in args.org] if args.org else None
            if kind == "pdf":
                from app.render.report_pdf import write_report_pdf

                write_report_pdf(vault.conn, path, org_ids, lang=args.lang)
            else:
                from app.render.report_html import write_report_html

                write_report_html(vault.conn, path, org_ids, lang=args.lang)
        print(written_message(path))
        return 0

    return handler


HANDLERS: dict[str, PluggedHandler] = {f"export {kind}": _export(kind) for kind in FORMATS}
