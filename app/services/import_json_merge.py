"""How a checked ledger file lands in the vault: which of its records become new rows (and
under which ids), which are already there, and where file and vault disagree.

Into an empty vault every record keeps its id. Merged into a ledger, an organisation is the
vault's own when it has the same directory entry (slug), the same name (case and accents
ignored) or a shared domain (`Ledger.duplicates`); where the two disagree on a field, the
vault's value is kept and the difference is listed as a conflict. A record the vault already
has for that organisation (same content) is not added twice, so merging a file again adds
nothing. Everything else gets new ids after the vault's highest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from app.errors import QT_TR_NOOP, Text, one_line
from app.services.export_json import TABLES
from app.services.import_json_checks import LedgerFile, Row
from app.services.ledger import Ledger
from app.storage.database import Connection

#: what makes two records the same, after the owner (organisation, request)
SAME_CONTENT = {
    "accounts": ("identifier", "status", "first_used", "last_used", "notes"),
    "disclosures": ("category", "detail", "given_on", "collection_method", "purpose",
                    "legal_basis", "required", "necessary", "shared", "continuous", "retention",
                    "consent_withdrawn_on"),
    "benefits": ("kind", "description", "value_cents", "period", "started_on", "ended_on"),
    "tiers": ("name",),
    "requests": ("type", "language", "subject", "body", "created_at"),
    "request_events": ("kind", "happened_on", "summary"),
    "attachments": ("filename", "size", "content"),
}  # fmt: skip
#: fields compared (and reported when they differ) once two records are the same one
COMPARED = {
    "organisations": ("name", "country", "privacy_email", "postal_address", "phone", "website",
                      "webform", "notes", "aliases", "directory_slug", "directory_quality",
                      "directory_sources"),
    "tiers": ("description", "value_cents", "period"),
    "requests": ("channel", "status", "sent_on", "received_on", "due_on", "extended_to",
                 "extension_reason"),
}  # fmt: skip
OWNER = {
    "accounts": ("organisation_id", "organisations"),
    "disclosures": ("organisation_id", "organisations"),
    "benefits": ("organisation_id", "organisations"),
    "tiers": ("organisation_id", "organisations"),
    "requests": ("organisation_id", "organisations"),
    "request_events": ("request_id", "requests"),
    "attachments": ("request_id", "requests"),
}


@dataclass
class Plan:
    """File id → vault id for every record; `new` holds the file ids to insert."""

    ids: dict[str, dict[int, int]] = field(default_factory=lambda: {t: {} for t in TABLES})
    new: dict[str, set[int]] = field(default_factory=lambda: {t: set() for t in TABLES})
    conflicts: list[str] = field(default_factory=list)
    profile: Row | None = None  # what to write, if anything
    settings: dict[str, Any] = field(default_factory=dict)
    unchosen_tiers: set[int] = field(default_factory=set)  # file ids inserted as not chosen
    tier_position_offset: dict[int, int] = field(default_factory=dict)  # vault org id → offset

    @property
    def matched_organisations(self) -> int:
        return len(self.ids["organisations"]) - len(self.new["organisations"])


def identity_plan(data: LedgerFile) -> Plan:
    """Into an empty vault: every record is new and keeps its id."""
    plan = Plan(profile=data.profile, settings=dict(data.settings))
    for table in TABLES:
        plan.ids[table] = {row["id"]: row["id"] for row in data.tables[table]}
        plan.new[table] = set(plan.ids[table])
    return plan


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "…"


#: "organisation 3 in the vault", per table: marked whole so a translation can inflect them
IN_THE_VAULT = {
    "organisations": QT_TR_NOOP("organisation {id} in the vault"),
    "accounts": QT_TR_NOOP("account {id} in the vault"),
    "disclosures": QT_TR_NOOP("disclosure {id} in the vault"),
    "benefits": QT_TR_NOOP("benefit {id} in the vault"),
    "tiers": QT_TR_NOOP("tier {id} in the vault"),
    "requests": QT_TR_NOOP("request {id} in the vault"),
    "request_events": QT_TR_NOOP("request event {id} in the vault"),
    "attachments": QT_TR_NOOP("attachment {id} in the vault"),
}


def _differences(where: str, what: Text, vault: Row, file: Row, keys: Iterable[str]) -> list[str]:
    """One conflict per differing key (English `Text`, so the GUI can show it translated)."""
    return [
        QT_TR_NOOP(
            "{where} is {what}: {key} differs (vault {vault}, file {file}); the vault's value "
            "was kept."
        ).format(
            where=one_line(where),
            what=what,
            key=one_line(key),
            vault=one_line(_show(vault[key])),
            file=one_line(_show(file[key])),
        )
        for key in keys
        if vault[key] != file[key]
    ]


class _Planner:
    def __init__(self, conn: Connection, data: LedgerFile) -> None:
        self.conn = conn
        self.data = data
        self.plan = Plan()
        self._next = {
            t: int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0])  # noqa: S608
            for t in TABLES
        }

    def _new_id(self, table: str, file_id: int) -> None:
        self._next[table] += 1
        self.plan.ids[table][file_id] = self._next[table]
        self.plan.new[table].add(file_id)

    def _vault_row(self, table: str, row_id: int, columns: Iterable[str]) -> Row:
        names = list(columns)
        values = self.conn.execute(
            f"SELECT {', '.join(names)} FROM {table} WHERE id = ?",  # noqa: S608
            (row_id,),
        ).fetchone()
        return dict(zip(names, values, strict=True))

    def organisations(self) -> None:
        ledger = Ledger(self.conn)
        for index, row in enumerate(self.data.tables["organisations"]):
            found = None
            if row["directory_slug"]:
                hit = self.conn.execute(
                    "SELECT min(id) FROM organisations WHERE directory_slug = ?",
                    (row["directory_slug"],),
                ).fetchone()
                found = hit[0] if hit else None
            if found is None:
                same = ledger.duplicates(row["name"], row["domains"])
                found = same[0] if same else None
            if found is None:
                self._new_id("organisations", row["id"])
                continue
            self.plan.ids["organisations"][row["id"]] = int(found)
            vault = self._vault_row("organisations", int(found), COMPARED["organisations"])
            file = {k: row[k] for k in COMPARED["organisations"]}
            for key in ("aliases", "directory_sources"):
                vault[key] = json.loads(vault[key])
                file[key] = json.loads(file[key])
            vault["domains"], file["domains"] = ledger.domains(int(found)), row["domains"]
            where = f'organisations[{index}] "{row["name"]}"'
            self.plan.conflicts += _differences(
                where, IN_THE_VAULT["organisations"].format(id=found), vault, file,
                (*COMPARED["organisations"], "domains"),
            )  # fmt: skip

    def children(self, table: str) -> None:
        owner_key, owner_table = OWNER[table]
        owner_ids = self.plan.ids[owner_table]
        existing_owners = {
            owner_ids[file_id] for file_id in owner_ids if file_id not in self.plan.new[owner_table]
        }
        known = self._existing(table, owner_key, existing_owners)
        for index, row in enumerate(self.data.tables[table]):
            owner = owner_ids[row[owner_key]]
            key = (owner, *(row[c] for c in SAME_CONTENT[table]))
            if owner in existing_owners and key in known:
                vault_id = known[key]
                self.plan.ids[table][row["id"]] = vault_id
                if table in COMPARED:
                    vault = self._vault_row(table, vault_id, COMPARED[table])
                    self.plan.conflicts += _differences(
                        f"{table}[{index}]", IN_THE_VAULT[table].format(id=vault_id), vault,
                        row, COMPARED[table],
                    )  # fmt: skip
                continue
            self._new_id(table, row["id"])
            if table == "tiers" and owner in existing_owners:
                self._fit_tier(index, row, owner)

    def _existing(self, table: str, owner_key: str, owners: set[int]) -> dict[tuple[Any, ...], int]:
        if not owners:
            return {}
        columns = ", ".join(SAME_CONTENT[table])
        found: dict[tuple[Any, ...], int] = {}
        for values in self.conn.execute(
            f"SELECT id, {owner_key}, {columns} FROM {table} WHERE {owner_key} IN "  # noqa: S608
            "(SELECT value FROM json_each(?))",
            (json.dumps(sorted(owners)),),
        ):
            key = tuple(bytes(v) if isinstance(v, memoryview) else v for v in values[1:])
            found.setdefault(key, int(values[0]))
        return found

    def _fit_tier(self, index: int, row: Row, org: int) -> None:
        """A new tier of an organisation the vault has: after its tiers, and not chosen when
        the vault's organisation already has a chosen one."""
        if org not in self.plan.tier_position_offset:
            top = self.conn.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM tiers WHERE organisation_id = ?",
                (org,),
            ).fetchone()[0]
            self.plan.tier_position_offset[org] = int(top)
        chosen = self.conn.execute(
            "SELECT 1 FROM tiers WHERE organisation_id = ? AND chosen = 1", (org,)
        ).fetchone()
        if row["chosen"] and chosen:
            self.plan.unchosen_tiers.add(row["id"])
            self.plan.conflicts.append(
                QT_TR_NOOP(
                    "{where} is the chosen tier in the file, but organisation {id} in the vault "
                    "has its own; the vault's choice was kept."
                ).format(where=one_line(f'tiers[{index}] "{row["name"]}"'), id=org)
            )

    def profile(self) -> None:
        file = self.data.profile
        if file is None:
            return
        found = self.conn.execute(
            "SELECT name, postal_address, emails, phone, country FROM profile WHERE id = 1"
        ).fetchone()
        keys = ("name", "postal_address", "emails", "phone", "country")
        vault = None if found is None else dict(zip(keys, found, strict=True))
        if vault is not None:
            vault["emails"] = json.loads(vault["emails"])
        if vault is None or not any(vault.values()):
            self.plan.profile = file
            return
        yours = QT_TR_NOOP("your profile in the vault")
        self.plan.conflicts += _differences("profile", yours, vault, file,
                                            vault.keys())  # fmt: skip

    def settings(self) -> None:
        for key, value in self.data.settings.items():
            found = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
            if found is None:
                self.plan.settings[key] = value
            elif json.loads(found[0]) != value:
                self.plan.conflicts.append(
                    QT_TR_NOOP(
                        "{where} differs from the vault's; the vault's value was kept."
                    ).format(where=one_line(f"settings.{key}"))
                )


def merge_plan(conn: Connection, data: LedgerFile) -> Plan:
    """Which records of `data` to add to a ledger that already has some, and the conflicts."""
    planner = _Planner(conn, data)
    planner.profile()
    planner.settings()
    planner.organisations()
    for table in TABLES[1:]:
        planner.children(table)
    return planner.plan
