"""The ledger commands of the CLI: profile, org, give, got, directory, demo.

Bad input → exit 2 and one line saying what is wrong; nothing is written.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from app.domain.ledger import (
    BENEFIT_KINDS,
    PERIODS,
    BenefitInput,
    DisclosureInput,
    OrganisationInput,
    ProfileInput,
    ValidationError,
)
from app.domain.money import MoneyError, parse_cents
from app.services.ledger import Ledger
from app.services.ledger_inputs import organisation_from_directory
from app.services.ledger_queries import OrganisationFilter, organisation_rows
from app.storage.vault import Vault

Handler = Callable[[argparse.Namespace, Ledger], int]


def add_parsers(commands: Any) -> None:
    profile = commands.add_parser("profile", help="your name and contact details (for letters)")
    profile_cmds = profile.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    profile_set = profile_cmds.add_parser("set", help="set profile fields")
    profile_set.add_argument("--name")
    profile_set.add_argument("--address")
    profile_set.add_argument("--email", action="append", help="repeat for several addresses")
    profile_set.add_argument("--phone")
    profile_set.add_argument("--country", metavar="CC")
    profile_cmds.add_parser("show", help="show the profile").add_argument(
        "--json", action="store_true"
    )

    org = commands.add_parser("org", help="organisations in the ledger")
    org_cmds = org.add_subparsers(dest="org_command", metavar="ACTION", required=True)
    add = org_cmds.add_parser("add", help="add an organisation; prints its id")
    add.add_argument("name", metavar="NAME", nargs="?")
    add.add_argument("--domain", action="append", default=[])
    add.add_argument("--country", metavar="CC", default="")
    add.add_argument("--email", default="")
    add.add_argument("--address", default="")
    add.add_argument("--from-directory", metavar="SLUG")
    add.add_argument("--json", action="store_true")
    org_cmds.add_parser("list", help="list organisations").add_argument(
        "--json", action="store_true"
    )
    show = org_cmds.add_parser("show", help="one organisation with what was given and got")
    show.add_argument("org", metavar="ORG")
    show.add_argument("--json", action="store_true")
    org_cmds.add_parser("rm", help="remove an organisation").add_argument("org", metavar="ORG")

    give = commands.add_parser("give", help="record personal data you gave an organisation")
    give.add_argument("org", metavar="ORG")
    give.add_argument("category", metavar="CATEGORY", help="a DPV term such as EmailAddress")
    give.add_argument("--detail", default="")
    give.add_argument("--on", metavar="DATE")
    give.add_argument("--required", action="store_true", help="they demanded it")
    give.add_argument("--unnecessary", action="store_true", help="the service does not need it")
    give.add_argument("--shared", action="store_true", help="shared with third parties")
    give.add_argument("--continuous", action="store_true", help="collected continuously")
    give.add_argument("--purpose", default="")
    give.add_argument("--basis", default="", help="legal basis, e.g. consent, contract")
    give.add_argument("--json", action="store_true")

    got = commands.add_parser("got", help="record what you got from an organisation")
    got.add_argument("org", metavar="ORG")
    got.add_argument("kind", metavar="KIND", choices=BENEFIT_KINDS)
    got.add_argument("--value", metavar="EUR")
    got.add_argument("--per", choices=PERIODS, default="once")
    got.add_argument("--detail", default="")
    got.add_argument("--json", action="store_true")

    directory = commands.add_parser("directory", help="the built-in directory of organisations")
    dir_cmds = directory.add_subparsers(dest="directory_command", metavar="ACTION", required=True)
    search = dir_cmds.add_parser("search", help="search by name, brand or domain")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--json", action="store_true")

    commands.add_parser("demo", help="load the example ledger into an empty vault")

    assess = commands.add_parser("assess", help="which exchanges are unfair, and why")
    assess.add_argument("org", metavar="ORG", nargs="?", help="one organisation (default: all)")
    assess.add_argument("--json", action="store_true")


def _print(args: argparse.Namespace, data: Any, text: str) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False) if args.json else text)


def cmd_profile(args: argparse.Namespace, ledger: Ledger) -> int:
    current = ledger.profile()
    if args.profile_command == "show":
        _print(args, asdict(current), "\n".join(f"{k}: {v}" for k, v in asdict(current).items()))
        return 0
    updated = ProfileInput(
        name=current.name if args.name is None else args.name,
        postal_address=current.postal_address if args.address is None else args.address,
        emails=current.emails if args.email is None else args.email,
        phone=current.phone if args.phone is None else args.phone,
        country=current.country if args.country is None else args.country,
    )
    ledger.set_profile(updated)
    print("Profile saved.")
    return 0


def cmd_org(args: argparse.Namespace, ledger: Ledger) -> int:
    action = args.org_command
    if action == "add":
        return _org_add(args, ledger)
    if action == "list":
        rows = organisation_rows(ledger.conn, OrganisationFilter(), limit=1_000_000)
        data = [asdict(r) for r in rows]
        lines = [f"{r.id:>6}  {r.name}  {r.country}  {r.categories} categories" for r in rows]
        _print(args, data, "\n".join(lines) or "The ledger has no organisations yet.")
        return 0
    org_id = ledger.resolve(args.org)
    if action == "show":
        org = asdict(ledger.organisation(org_id))
        org["id"] = org_id
        for table in ("accounts", "disclosures", "benefits"):
            org[table] = ledger.records(table, org_id)
        text = [f"{org['name']} (id {org_id})"]
        text += [f"  gave {d['category']}: {d['detail']}" for d in org["disclosures"]]
        text += [f"  got {b['kind']}: {b['description']}" for b in org["benefits"]]
        _print(args, org, "\n".join(text))
        return 0
    name = ledger.organisation(org_id).name
    ledger.delete_organisation(org_id)
    print(f"Removed {name} (id {org_id}) and everything recorded for it.")
    return 0


def _org_add(args: argparse.Namespace, ledger: Ledger) -> int:
    if args.from_directory:
        from app.services.directory import load_directory

        entry = load_directory().by_slug(args.from_directory)
        if entry is None:
            raise ValidationError(
                "--from-directory", f"no directory entry '{args.from_directory}'."
            )
        data = organisation_from_directory(entry, ledger.profile().country)
        if args.name:
            data.name = args.name
        data.domains = sorted({*data.domains, *args.domain})
    else:
        if not args.name:
            raise ValidationError("NAME", "give the organisation's name (or --from-directory).")
        data = OrganisationInput(
            name=args.name, domains=args.domain, country=args.country,
            privacy_email=args.email, postal_address=args.address,
        )  # fmt: skip
    data = data.cleaned()
    duplicates = ledger.duplicates(data.name, data.domains)
    if duplicates:
        raise ValidationError(
            "NAME", f"the ledger already has this organisation (id {duplicates[0]}); not added."
        )
    org_id = ledger.add_organisation(data)
    _print(args, {"id": org_id, "name": data.name}, str(org_id))
    return 0


def cmd_give(args: argparse.Namespace, ledger: Ledger) -> int:
    org_id = ledger.resolve(args.org)
    data = DisclosureInput(
        category=ledger.taxonomy.find(args.category).key, detail=args.detail,
        given_on=args.on, purpose=args.purpose, legal_basis=args.basis,
        required=args.required, necessary=False if args.unnecessary else None,
        shared=args.shared, continuous=args.continuous,
    )  # fmt: skip
    row_id = ledger.add_disclosure(org_id, data)
    _print(args, {"id": row_id, "organisation_id": org_id}, str(row_id))
    return 0


def cmd_got(args: argparse.Namespace, ledger: Ledger) -> int:
    org_id = ledger.resolve(args.org)
    try:
        cents = None if args.value is None else parse_cents(args.value)
    except MoneyError as exc:
        raise ValidationError("--value", str(exc)) from None
    data = BenefitInput(kind=args.kind, description=args.detail, value_cents=cents, period=args.per)
    row_id = ledger.add_benefit(org_id, data)
    _print(args, {"id": row_id, "organisation_id": org_id}, str(row_id))
    return 0


def cmd_demo(args: argparse.Namespace, ledger: Ledger) -> int:
    from app.services.example_marks import load_marked_example

    count = load_marked_example(ledger)  # marked, so the app can offer to remove it again
    print(f"Loaded the example ledger: {count} organisations (fictional; the app can remove them).")
    return 0


def cmd_directory(args: argparse.Namespace) -> int:
    from app.services.directory import load_directory

    hits = load_directory().search(args.text, limit=20)
    data = [{"slug": h.slug, "name": h.name, "domains": list(h.domains)} for h in hits]
    lines = [f"{h.slug:<30} {h.name}  ({', '.join(h.domains[:3])})" for h in hits]
    _print(args, data, "\n".join(lines) or "Nothing found.")
    return 0


def cmd_assess(args: argparse.Namespace, ledger: Ledger) -> int:
    from app.domain.money import format_cents
    from app.services.assessment import AssessmentService

    service = AssessmentService(ledger.conn, ledger.taxonomy)
    if args.org:
        org_id = ledger.resolve(args.org)
        assessed = service.refresh(org_id)
    else:
        assessed = service.refresh()
    data = []
    lines = []
    for item in sorted(assessed, key=lambda a: (-a.assessment.band.rank, -a.assessment.score)):
        a = item.assessment
        data.append({
            "id": item.org_id, "organisation": item.name, "band": a.band.value,
            "score": a.score, "given_month_cents": a.given_month_cents,
            "got_month_cents": a.got_month_cents,
            "flags": [asdict(f) for f in a.flags], "explanation": a.explanation(),
        })  # fmt: skip
        got = "unknown" if a.got_month_cents is None else format_cents(a.got_month_cents)
        given = format_cents(a.given_month_cents)
        lines.append(
            f"{a.band.value.upper():<13} {a.score:>4}  {item.name}  "
            f"(gave {given}/month, got {got}/month)"
        )
        lines += [f"    - {f.reason} {f.action}" for f in a.flags]
    _print(args, data, "\n".join(lines) or "The ledger has no organisations yet.")
    return 0


LEDGER_COMMANDS: dict[str, Handler] = {
    "assess": cmd_assess,
    "profile": cmd_profile,
    "org": cmd_org,
    "give": cmd_give,
    "got": cmd_got,
    "demo": cmd_demo,
}


def run_ledger_command(args: argparse.Namespace, vault: Vault) -> int:
    from app import cli_requests

    handler = {**LEDGER_COMMANDS, **cli_requests.COMMANDS}[args.command]
    with vault:
        return handler(args, Ledger(vault.conn))
