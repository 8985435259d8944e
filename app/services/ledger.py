"""Use cases of the ledger: organisations, accounts, disclosures, benefits and the profile.

Every change is one transaction. Deletions return a snapshot that `restore` puts back with
the same ids, which is what undo in the GUI uses.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from app.domain.ledger import (
    AccountInput,
    BenefitInput,
    DisclosureInput,
    OrganisationInput,
    ProfileInput,
    ValidationError,
    name_key,
)
from app.domain.taxonomy import Taxonomy, load_taxonomy
from app.errors import QT_TR_NOOP, QuidError
from app.storage.database import Connection, transaction, translate_errors

CHILD_TABLES = ("accounts", "disclosures", "benefits")
Snapshot = dict[str, Any]


class NotFoundError(QuidError):
    """No such organisation (or record)."""


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _rows(conn: Connection, sql: str, args: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, args)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


class Ledger:
    def __init__(self, conn: Connection, taxonomy: Taxonomy | None = None) -> None:
        self.conn = conn
        self._taxonomy = taxonomy

    @property
    def taxonomy(self) -> Taxonomy:
        if self._taxonomy is None:  # loaded on first use, not at unlock
            self._taxonomy = load_taxonomy()
        return self._taxonomy

    # --- profile ------------------------------------------------------------------------
    def profile(self) -> ProfileInput:
        rows = _rows(self.conn, "SELECT * FROM profile WHERE id = 1")
        if not rows:
            return ProfileInput()
        row = rows[0]
        return ProfileInput(
            row["name"], row["postal_address"], json.loads(row["emails"]), row["phone"],
            row["country"],
        )  # fmt: skip

    def set_profile(self, profile: ProfileInput) -> None:
        p = profile.cleaned()
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO profile(id, name, postal_address, emails, phone, country, updated_at)"
                " VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
                " postal_address = excluded.postal_address, emails = excluded.emails,"
                " phone = excluded.phone, country = excluded.country,"
                " updated_at = excluded.updated_at",
                (p.name, p.postal_address, json.dumps(p.emails), p.phone, p.country, _now()),
            )

    # --- organisations ------------------------------------------------------------------
    def _org_values(self, o: OrganisationInput) -> tuple[Any, ...]:
        return (
            o.name, name_key(o.name), json.dumps(o.aliases), o.country, o.privacy_email,
            o.postal_address, o.phone, o.website, o.webform, o.directory_slug,
            o.directory_quality, json.dumps(o.directory_sources), o.notes,
        )  # fmt: skip

    _ORG_COLUMNS = (
        "name, name_key, aliases, country, privacy_email, postal_address, phone, website, "
        "webform, directory_slug, directory_quality, directory_sources, notes"
    )

    def add_organisation(self, data: OrganisationInput) -> int:
        o = data.cleaned()
        now = _now()
        with transaction(self.conn):
            cursor = self.conn.execute(
                f"INSERT INTO organisations({self._ORG_COLUMNS}, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*self._org_values(o), now, now),
            )
            org_id = int(cursor.lastrowid or 0)
            self._set_domains(org_id, o.domains)
        return org_id

    def update_organisation(self, org_id: int, data: OrganisationInput) -> None:
        o = data.cleaned()
        self.organisation(org_id)
        assignments = ", ".join(f"{c.strip()} = ?" for c in self._ORG_COLUMNS.split(","))
        with transaction(self.conn):
            self.conn.execute(
                f"UPDATE organisations SET {assignments}, updated_at = ? WHERE id = ?",
                (*self._org_values(o), _now(), org_id),
            )
            self.conn.execute(
                "DELETE FROM organisation_domains WHERE organisation_id = ?", (org_id,)
            )
            self._set_domains(org_id, o.domains)

    def _set_domains(self, org_id: int, domains: list[str]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO organisation_domains(organisation_id, domain) VALUES (?, ?)",
            [(org_id, d) for d in domains],
        )

    def organisation(self, org_id: int) -> OrganisationInput:
        rows = _rows(self.conn, "SELECT * FROM organisations WHERE id = ?", (org_id,))
        if not rows:
            raise NotFoundError(QT_TR_NOOP("There is no organisation with id {id}."), id=org_id)
        row = rows[0]
        return OrganisationInput(
            name=row["name"], domains=self.domains(org_id), country=row["country"],
            privacy_email=row["privacy_email"], postal_address=row["postal_address"],
            phone=row["phone"], website=row["website"], webform=row["webform"],
            notes=row["notes"], aliases=json.loads(row["aliases"]),
            directory_slug=row["directory_slug"], directory_quality=row["directory_quality"],
            directory_sources=json.loads(row["directory_sources"]),
        )  # fmt: skip

    def domains(self, org_id: int) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT domain FROM organisation_domains WHERE organisation_id = ? ORDER BY domain",
                (org_id,),
            )
        ]

    def resolve(self, ref: str) -> int:
        """An organisation by id, by name (case- and accent-insensitive) or by domain."""
        text = ref.strip()
        if text.isdigit():
            row = self.conn.execute("SELECT id FROM organisations WHERE id = ?", (int(text),))
            found = row.fetchone()
            if found:
                return int(found[0])
        ids = [r[0] for r in self.conn.execute(
            "SELECT id FROM organisations WHERE name_key = ? UNION "
            "SELECT organisation_id FROM organisation_domains WHERE domain = ?",
            (name_key(text), text.lower()),
        )]  # fmt: skip
        if len(ids) == 1:
            return int(ids[0])
        if len(ids) > 1:
            raise NotFoundError(
                QT_TR_NOOP("'{name}' matches {count} organisations; use the id."),
                name=text[:80],
                count=len(ids),
            )
        raise NotFoundError(
            QT_TR_NOOP("There is no organisation '{name}' in the ledger."), name=text[:80]
        )

    def duplicates(self, name: str, domains: list[str], exclude_id: int | None = None) -> list[int]:
        """Organisations with the same name or a shared domain: candidates for merging."""
        marks = ",".join("?" * len(domains)) or "NULL"
        ids = [r[0] for r in self.conn.execute(
            "SELECT id FROM organisations WHERE name_key = ? UNION SELECT organisation_id "
            f"FROM organisation_domains WHERE domain IN ({marks})",
            (name_key(name), *[d.lower() for d in domains]),
        )]  # fmt: skip
        return sorted(int(i) for i in ids if i != exclude_id)

    def merge(self, keep_id: int, other_id: int) -> Snapshot:
        """Move everything of `other_id` to `keep_id`, then remove `other_id`. Returns what
        `unmerge` needs to undo it."""
        if keep_id == other_id:
            raise ValidationError(
                "merge", QT_TR_NOOP("an organisation cannot be merged with itself.")
            )
        self.organisation(keep_id)
        undo = self.snapshot_organisation(other_id)
        undo["kept_domains"] = self.domains(keep_id)
        with transaction(self.conn):
            for table in (*CHILD_TABLES, "tiers"):
                self.conn.execute(
                    f"UPDATE {table} SET organisation_id = ? WHERE organisation_id = ?",
                    (keep_id, other_id),
                )
            if undo["tiers"]:  # the kept organisation's own choice stays the only one
                self.conn.execute(
                    "UPDATE tiers SET chosen = 0 WHERE organisation_id = ? AND id IN "
                    f"({','.join(str(int(t['id'])) for t in undo['tiers'])})",
                    (keep_id,),
                )
            self.conn.execute(
                "INSERT OR IGNORE INTO organisation_domains(organisation_id, domain) "
                "SELECT ?, domain FROM organisation_domains WHERE organisation_id = ?",
                (keep_id, other_id),
            )
            self.conn.execute("DELETE FROM organisations WHERE id = ?", (other_id,))
        return undo

    def unmerge(self, keep_id: int, undo: Snapshot) -> None:
        """Split a merge again: the moved rows go back to the re-created organisation."""
        kept = set(undo["kept_domains"])
        with transaction(self.conn):
            for table in (*CHILD_TABLES, "tiers"):
                self.conn.executemany(
                    f"DELETE FROM {table} WHERE id = ?", [(row["id"],) for row in undo[table]]
                )
            self.conn.executemany(
                "DELETE FROM organisation_domains WHERE organisation_id = ? AND domain = ?",
                [(keep_id, row["domain"]) for row in undo["organisation_domains"]
                 if row["domain"] not in kept],
            )  # fmt: skip
        self.restore(undo)

    def delete_organisation(self, org_id: int) -> Snapshot:
        snapshot = self.snapshot_organisation(org_id)
        with transaction(self.conn):
            self.conn.execute("DELETE FROM organisations WHERE id = ?", (org_id,))
        return snapshot

    def snapshot_organisation(self, org_id: int) -> Snapshot:
        rows = _rows(self.conn, "SELECT * FROM organisations WHERE id = ?", (org_id,))
        if not rows:
            raise NotFoundError(QT_TR_NOOP("There is no organisation with id {id}."), id=org_id)
        snapshot: Snapshot = {"organisations": rows}
        snapshot["organisation_domains"] = _rows(
            self.conn, "SELECT * FROM organisation_domains WHERE organisation_id = ?", (org_id,)
        )
        for table in (*CHILD_TABLES, "tiers"):
            snapshot[table] = _rows(
                self.conn, f"SELECT * FROM {table} WHERE organisation_id = ?", (org_id,)
            )
        snapshot["tier_categories"] = _rows(
            self.conn,
            "SELECT tc.* FROM tier_categories tc JOIN tiers t ON t.id = tc.tier_id "
            "WHERE t.organisation_id = ? ORDER BY tc.tier_id, tc.category",
            (org_id,),
        )
        return snapshot

    def restore(self, snapshot: Snapshot) -> None:
        """Put deleted rows back with their ids (undo of a delete)."""
        with transaction(self.conn):
            for table in ("organisations", "organisation_domains", *CHILD_TABLES, "tiers",
                          "tier_categories"):  # fmt: skip
                for row in snapshot.get(table, []):
                    columns = ", ".join(row)
                    marks = ", ".join("?" * len(row))
                    self.conn.execute(
                        f"INSERT INTO {table}({columns}) VALUES ({marks})", tuple(row.values())
                    )

    # --- what was given, what was got, accounts ------------------------------------------
    def _insert(self, table: str, org_id: int, values: dict[str, Any]) -> int:
        self.organisation(org_id)
        now = _now()
        row = {"organisation_id": org_id, **values, "created_at": now, "updated_at": now}
        with transaction(self.conn):
            cursor = self.conn.execute(
                f"INSERT INTO {table}({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                tuple(row.values()),
            )
        return int(cursor.lastrowid or 0)

    def _update(self, table: str, row_id: int, values: dict[str, Any]) -> None:
        assignments = ", ".join(f"{c} = ?" for c in values)
        with transaction(self.conn):
            cursor = self.conn.execute(
                f"UPDATE {table} SET {assignments}, updated_at = ? WHERE id = ?",
                (*values.values(), _now(), row_id),
            )
            if cursor.rowcount != 1:
                raise NotFoundError(
                    QT_TR_NOOP("There is no record {id} in {table}."), id=row_id, table=table
                )

    def delete_record(self, table: str, row_id: int) -> Snapshot:
        if table not in CHILD_TABLES:
            raise ValueError(table)
        rows = _rows(self.conn, f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        if not rows:
            raise NotFoundError(
                QT_TR_NOOP("There is no record {id} in {table}."), id=row_id, table=table
            )
        with transaction(self.conn):
            self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        return {table: rows}

    def _disclosure_values(self, data: DisclosureInput) -> dict[str, Any]:
        d = data.cleaned()
        category = self.taxonomy.get(d.category)
        values = asdict(d)
        values["category"] = category.key
        values["sensitivity"] = category.sensitivity
        for flag in ("required", "shared", "continuous"):
            values[flag] = int(values[flag])
        values["necessary"] = None if d.necessary is None else int(d.necessary)
        return values

    def add_disclosure(self, org_id: int, data: DisclosureInput) -> int:
        return self._insert("disclosures", org_id, self._disclosure_values(data))

    def update_disclosure(self, row_id: int, data: DisclosureInput) -> None:
        self._update("disclosures", row_id, self._disclosure_values(data))

    def add_benefit(self, org_id: int, data: BenefitInput) -> int:
        return self._insert("benefits", org_id, asdict(data.cleaned()))

    def update_benefit(self, row_id: int, data: BenefitInput) -> None:
        self._update("benefits", row_id, asdict(data.cleaned()))

    def add_account(self, org_id: int, data: AccountInput) -> int:
        return self._insert("accounts", org_id, asdict(data.cleaned()))

    def update_account(self, row_id: int, data: AccountInput) -> None:
        self._update("accounts", row_id, asdict(data.cleaned()))

    def add_record(self, table: str, org_id: int, data: Any) -> int:
        adders: dict[str, Callable[[int, Any], int]] = {
            "disclosures": self.add_disclosure,
            "benefits": self.add_benefit,
            "accounts": self.add_account,
        }
        return adders[table](org_id, data)

    def update_record(self, table: str, row_id: int, data: Any) -> None:
        updaters: dict[str, Callable[[int, Any], None]] = {
            "disclosures": self.update_disclosure,
            "benefits": self.update_benefit,
            "accounts": self.update_account,
        }
        updaters[table](row_id, data)

    def record(self, table: str, row_id: int) -> dict[str, Any]:
        if table not in CHILD_TABLES:
            raise ValueError(table)
        rows = _rows(self.conn, f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        if not rows:
            raise NotFoundError(
                QT_TR_NOOP("There is no record {id} in {table}."), id=row_id, table=table
            )
        return rows[0]

    def records(self, table: str, org_id: int) -> list[dict[str, Any]]:
        if table not in CHILD_TABLES:
            raise ValueError(table)
        order = {"disclosures": "given_on, id", "benefits": "started_on, id"}.get(table, "id")
        with translate_errors():
            return _rows(
                self.conn,
                f"SELECT * FROM {table} WHERE organisation_id = ? ORDER BY {order}",
                (org_id,),
            )
