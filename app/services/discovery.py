"""Discovery: a password-manager export → proposed organisations and accounts → the ledger.

`propose` groups the export's rows by registrable domain (`discovery_domains`), maps each
domain to a ledger or directory organisation or a new one (`discovery_match`), and collects the
identifiers used there. Nothing is written until `apply_proposal`, which adds what the person
ticked in one transaction. Only the site, the identifier and dates ever reach this module:
`password_export` drops passwords, TOTP seeds, notes and custom fields while parsing. No Qt.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.domain.ledger import (
    AccountInput,
    DisclosureInput,
    OrganisationInput,
    ValidationError,
    name_key,
)
from app.errors import QT_TR_NOOP, QuidError
from app.services.directory import Directory, load_directory
from app.services.discovery_domains import shown_address, sites_of
from app.services.discovery_match import MATCH_ORDER, Matcher, Target
from app.services.ledger import Ledger
from app.services.ledger_inputs import organisation_from_directory
from app.services.password_export import (
    ColumnMapping,
    ExportEntry,
    detect_format,
    read_entries,
    read_header,
)
from app.services.progress import Progress
from app.storage.database import Connection, transaction

__all__ = [
    "ImportResult",
    "Proposal",
    "ProposalOutdatedError",
    "ProposedAccount",
    "ProposedOrganisation",
    "SkippedRow",
    "apply_proposal",
    "is_email",
    "propose",
    "propose_file",
]

IDENTIFIER_MAX = 320  # as long as the ledger's account identifiers may be
PROGRESS_EVERY = 2000
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


def is_email(identifier: str) -> bool:
    return bool(_EMAIL.match(identifier))


@dataclass
class ProposedAccount:
    identifier: str  # the username or e-mail address as used
    is_email: bool
    first_used: date | None  # earliest date the export knows for it at this organisation
    last_used: date | None
    exists: bool = False  # the ledger already has this identifier at the matched organisation


@dataclass
class ProposedOrganisation:
    key: str  # stable within the proposal: "dir:google", "new:example.com", "ledger:12"
    name: str
    domains: list[str]  # registrable domains grouped here, sorted
    directory_slug: str | None
    existing_id: int | None  # an organisation already in the ledger: nothing new is made
    accounts: list[ProposedAccount]
    entries: int  # export rows grouped here
    match: str  # "ledger", "directory (domain)", "directory (brand)" or "new"


@dataclass(frozen=True)
class SkippedRow:
    line: int
    site: str  # the title, or the address's scheme and host (never a password or token)
    reason: str


@dataclass
class Proposal:
    format: str  # the detected or forced format, or "custom"
    rows: int
    organisations: list[ProposedOrganisation]  # sorted by name, ignoring case
    skipped: list[SkippedRow]


class ProposalOutdatedError(QuidError):
    """The ledger changed under a proposal in a way that makes it wrong."""


@dataclass(frozen=True)
class ImportResult:
    organisations_added: list[int]  # new organisation ids
    accounts_added: list[int]  # new account ids (also on organisations already there)
    disclosures_added: list[int]  # new EmailAddress / Username disclosures


@dataclass
class _Group:
    target: Target
    domains: set[str] = field(default_factory=set)
    matches: set[str] = field(default_factory=set)
    entries: int = 0
    accounts: dict[str, ProposedAccount] = field(default_factory=dict)

    def add(self, identifier: str, created: date | None, last_used: date | None) -> None:
        email = is_email(identifier)
        key = identifier.casefold() if email else identifier
        account = self.accounts.get(key)
        if account is None:
            self.accounts[key] = ProposedAccount(identifier, email, created, last_used)
            return
        if created is not None and (account.first_used is None or created < account.first_used):
            account.first_used = created
        if last_used is not None and (account.last_used is None or last_used > account.last_used):
            account.last_used = last_used


def _account_key(identifier: str) -> str:
    return identifier.casefold() if is_email(identifier) else identifier


def _existing_identifiers(conn: Connection, org_id: int) -> set[str]:
    rows = conn.execute("SELECT identifier FROM accounts WHERE organisation_id = ?", (org_id,))
    return {_account_key(str(row[0])) for row in rows}


def _proposed(conn: Connection, group: _Group) -> ProposedOrganisation:
    target = group.target
    existing = _existing_identifiers(conn, target.existing_id) if target.existing_id else set()
    accounts = sorted(group.accounts.values(), key=lambda a: (a.identifier.casefold(), str(a)))
    for account in accounts:
        account.exists = _account_key(account.identifier) in existing
        # an account is in use from its creation on: a last use before it is a stale date
        if account.first_used and account.last_used and account.last_used < account.first_used:
            account.last_used = account.first_used
    return ProposedOrganisation(
        key=target.key,
        name=target.name,
        domains=sorted(group.domains),
        directory_slug=target.directory_slug,
        existing_id=target.existing_id,
        accounts=accounts,
        entries=group.entries,
        match=min(group.matches, key=MATCH_ORDER.index),
    )


def _shown_site(title: str, urls: tuple[str, ...], line: int) -> str:
    """The row's title, else its first address as scheme and host only: a path, query or
    login in it may hold a password or token."""
    return title or (shown_address(urls[0])[:200] if urls else f"(row on line {line})")


def propose(
    entries: Iterable[ExportEntry],
    conn: Connection,
    directory: Directory | None = None,
    fmt: str = "custom",
    progress: Progress | None = None,
) -> Proposal:
    """Group the entries into proposed organisations and accounts; writes nothing."""
    matcher = Matcher(conn, load_directory() if directory is None else directory)
    groups: dict[str, _Group] = {}
    skipped: list[SkippedRow] = []
    rows = 0
    for entry in entries:
        rows += 1
        if progress is not None and rows % PROGRESS_EVERY == 0:
            progress.check()
        domains, reason = sites_of(entry.urls)
        if not domains:
            skipped.append(SkippedRow(entry.line, _shown_site(entry.title, entry.urls, entry.line),
                                      reason))  # fmt: skip
            continue
        identifier = entry.username.strip()
        if len(identifier) > IDENTIFIER_MAX:
            skipped.append(SkippedRow(
                entry.line, _shown_site(entry.title, entry.urls, entry.line),
                f"the username is longer than {IDENTIFIER_MAX} characters",
            ))  # fmt: skip
            continue
        counted: set[str] = set()
        for domain in domains:
            target = matcher.target(domain)
            group = groups.get(target.key)
            if group is None:
                group = groups[target.key] = _Group(target)
            group.domains.add(domain)
            group.matches.add(target.match)
            if target.key in counted:
                continue  # one row, two addresses of the same organisation: one account
            counted.add(target.key)
            group.entries += 1
            if identifier:
                group.add(identifier, entry.created, entry.last_used)
    organisations = [_proposed(conn, group) for group in groups.values()]
    organisations.sort(key=lambda org: (org.name.casefold(), org.key))
    return Proposal(fmt, rows, organisations, skipped)


def propose_file(
    path: Path,
    conn: Connection,
    fmt: str = "auto",
    mapping: ColumnMapping | None = None,
    directory: Directory | None = None,
    progress: Progress | None = None,
) -> Proposal:
    """Read an export (streamed) and propose; `progress` counts the bytes read."""
    if mapping is not None:
        shown = "custom"
    elif fmt == "auto":
        shown = detect_format(read_header(path)) or "custom"
    else:
        shown = fmt
    entries = read_entries(path, fmt, mapping, progress)
    return propose(entries, conn, directory, shown)


def apply_proposal(
    conn: Connection,
    proposal: Proposal,
    selected: Collection[str] | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Add the chosen organisations (keys; None = all) with their accounts and identifiers as
    given data, all or nothing: a cancel or an error rolls every write back."""
    wanted = None if selected is None else set(selected)
    chosen = [org for org in proposal.organisations if wanted is None or org.key in wanted]
    directory = load_directory() if any(org.directory_slug for org in chosen) else None
    result = ImportResult([], [], [])
    with transaction(conn):
        ledger = Ledger(conn)  # its own transactions become savepoints of this one
        home_country = ledger.profile().country
        for done, org in enumerate(chosen):
            if progress is not None:
                progress.step(done, len(chosen))
            org_id = _organisation_id(ledger, org, directory, result, home_country)
            _add_identifiers(ledger, org_id, org.accounts, result)
        if progress is not None:
            progress.step(len(chosen), len(chosen))
    return result


# --- writing ---------------------------------------------------------------------------------
def _ledger_match(conn: Connection, org: ProposedOrganisation) -> int | None:
    """An organisation added to the ledger since the proposal was made (same slug, name or
    domain)."""
    marks = ",".join("?" * len(org.domains)) or "NULL"  # placeholders only; values are bound
    row = conn.execute(
        "SELECT id FROM organisations WHERE directory_slug = ? OR name_key = ? UNION "  # noqa: S608
        f"SELECT organisation_id FROM organisation_domains WHERE domain IN ({marks}) "
        "ORDER BY 1 LIMIT 1",
        (org.directory_slug, name_key(org.name), *org.domains),
    ).fetchone()
    return None if row is None else int(row[0])


def _new_organisation(
    org: ProposedOrganisation, directory: Directory | None, home_country: str
) -> OrganisationInput:
    entry = directory.by_slug(org.directory_slug) if directory and org.directory_slug else None
    if entry is not None:
        data = organisation_from_directory(entry, home_country)
        # the export's domains too, so the next import finds this organisation in the ledger
        data.domains = sorted({*data.domains, *org.domains})
        try:
            data.cleaned()
            return data
        except ValidationError:
            pass  # the directory is a starting point; fall back to what the export says
    return OrganisationInput(
        name=org.name, domains=list(org.domains), directory_slug=org.directory_slug
    )


def _organisation_id(
    ledger: Ledger,
    org: ProposedOrganisation,
    directory: Directory | None,
    result: ImportResult,
    home_country: str,
) -> int:
    if org.existing_id is not None:
        # ids are reused: one removed meanwhile may now be another, even one added just now
        row = ledger.conn.execute(
            "SELECT name FROM organisations WHERE id = ?", (org.existing_id,)
        ).fetchone()
        if row is None or row[0] != org.name or org.existing_id in result.organisations_added:
            raise ProposalOutdatedError(
                QT_TR_NOOP(
                    "{name} was changed or removed in the ledger since the export was read; "
                    "nothing was imported. Read the export again."
                ),
                name=org.name,
            )
        return org.existing_id
    found = _ledger_match(ledger.conn, org)
    if found is not None:
        return found
    org_id = ledger.add_organisation(_new_organisation(org, directory, home_country))
    result.organisations_added.append(org_id)
    return org_id


def _given(conn: Connection, org_id: int) -> set[tuple[str, str]]:
    rows = conn.execute(
        "SELECT category, detail FROM disclosures WHERE organisation_id = ? "
        "AND category IN ('EmailAddress', 'Username')",
        (org_id,),
    )
    return {(str(c), str(d).casefold() if c == "EmailAddress" else str(d)) for c, d in rows}


def _add_identifiers(
    ledger: Ledger, org_id: int, accounts: list[ProposedAccount], result: ImportResult
) -> None:
    have = _existing_identifiers(ledger.conn, org_id)
    given = _given(ledger.conn, org_id)
    for account in accounts:
        key = _account_key(account.identifier)
        first = account.first_used
        last = account.last_used if not (first and account.last_used) else max(
            first, account.last_used)  # fmt: skip
        if key not in have:
            have.add(key)
            result.accounts_added.append(ledger.add_account(org_id, AccountInput(
                identifier=account.identifier,
                first_used=first.isoformat() if first else None,
                last_used=last.isoformat() if last else None,
            )))  # fmt: skip
        category = "EmailAddress" if account.is_email else "Username"
        if (category, key) not in given:
            given.add((category, key))
            result.disclosures_added.append(ledger.add_disclosure(org_id, DisclosureInput(
                category=category, detail=account.identifier,
                given_on=first.isoformat() if first else None, collection_method="provided",
            )))  # fmt: skip
