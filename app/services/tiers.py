"""The tiers an organisation offers (a basic account, a loyalty card, a "personalised" plan):
what data each asks, what each brings, which one the person chose, and how they compare.

Every change is one transaction. `delete` returns a snapshot that `restore` puts back with the
same ids. `compare` is pure arithmetic over the stored tiers: no Qt, no writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any

from app.domain.assessment import Weights
from app.domain.ledger import PERIODS, ValidationError, clean_choice, clean_text
from app.domain.taxonomy import Taxonomy, UnknownCategoryError, load_taxonomy
from app.errors import QT_TR_NOOP
from app.services.ledger import NotFoundError
from app.services.tier_advice import advice
from app.storage.database import Connection, transaction, translate_errors

NAME_MAX = 200
DESCRIPTION_MAX = 2000
VALUE_MAX = 1_000_000_000
WORTH_IT = "worth it"
COSTS_MORE = "costs more data than it brings"
VALUE_UNKNOWN = "value unknown"
Snapshot = dict[str, Any]

_COLUMNS = (
    "id", "organisation_id", "name", "description", "value_cents", "period", "chosen",
    "position", "created_at", "updated_at",
)  # fmt: skip
_SELECT = (
    "SELECT id, organisation_id, name, description, value_cents, period, chosen, position, "
    "created_at, updated_at FROM tiers "
)
_INSERT = (
    "INSERT INTO tiers(id, organisation_id, name, description, value_cents, period, chosen, "
    "position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class TierInput:
    name: str
    description: str = ""
    categories: tuple[str, ...] = ()
    value_cents: int | None = None  # what the tier brings; None: unknown
    period: str = "month"
    chosen: bool = False

    def cleaned(self, taxonomy: Taxonomy | None = None) -> TierInput:
        """The input with its text trimmed and every field checked (ValidationError names
        the field: name, description, categories, value, period)."""
        known = taxonomy if taxonomy is not None else load_taxonomy()
        categories = tuple(dict.fromkeys(c.strip() for c in self.categories if c.strip()))
        for key in categories:
            try:
                known.get(key)
            except UnknownCategoryError as exc:
                raise ValidationError("categories", exc.message) from None
        if self.value_cents is not None and not 0 <= self.value_cents <= VALUE_MAX:
            too = (
                QT_TR_NOOP("cannot be negative.")
                if self.value_cents < 0
                else QT_TR_NOOP("is implausibly large.")
            )
            raise ValidationError("value", too)
        return TierInput(
            name=clean_text("name", self.name, NAME_MAX, required=True),
            description=clean_text("description", self.description, DESCRIPTION_MAX),
            categories=categories,
            value_cents=None if self.value_cents is None else int(self.value_cents),
            period=clean_choice("period", self.period, PERIODS),
            chosen=bool(self.chosen),
        )


@dataclass(frozen=True)
class Tier:
    id: int
    organisation_id: int
    name: str
    description: str
    categories: tuple[str, ...]
    value_cents: int | None
    period: str
    chosen: bool
    position: int

    def as_input(self) -> TierInput:
        """The input that reproduces this tier (to prefill the edit dialog)."""
        return TierInput(**{f.name: getattr(self, f.name) for f in fields(TierInput)})


@dataclass(frozen=True)
class Step:
    """Going up from the tier with a little less data (`from_*`) to this one."""

    from_tier_id: int
    from_name: str
    data_delta_cents: int  # ≥ 0: tiers are compared from least data to most
    got_delta_cents: int | None  # None: either value is unknown
    verdict: str  # WORTH_IT, COSTS_MORE or VALUE_UNKNOWN

    @property
    def worth_it(self) -> bool:
        return self.verdict == WORTH_IT


@dataclass(frozen=True)
class TierRow:
    tier: Tier
    data_month_cents: int  # what the data asked is worth per month (with the weights)
    got_month_cents: int | None  # what the tier brings per month; None: unknown
    step: Step | None  # None for the tier with the least data
    fair: bool


@dataclass(frozen=True)
class TierComparison:
    org_id: int
    rows: tuple[TierRow, ...]  # from least data to most
    fair_id: int | None  # None when there are no tiers
    chosen_id: int | None  # None when the person has not said which one they chose
    chosen_is_fair: bool
    advice: str  # one sentence

    def row(self, tier_id: int) -> TierRow:
        for row in self.rows:
            if row.tier.id == tier_id:
                return row
        raise KeyError(tier_id)


def monthly_got(value_cents: int | None, period: str, weights: Weights) -> int | None:
    """A tier's value per month: year / 12, once spread over `once_spread_months`."""
    if value_cents is None:
        return None
    if period == "year":
        return round(value_cents / 12)
    if period == "once":
        return round(value_cents / max(weights.once_spread_months, 1))
    return value_cents


def data_value(
    categories: tuple[str, ...],
    taxonomy: Taxonomy,
    weights: Weights,
    values: Mapping[str, int] | None = None,
) -> int:
    """The monthly value of the data asked: each category's value (the person's own where set;
    special ones × `weights.special`), × a combination factor — a profile is worth more than
    its parts — of 1 + per_category × (n − 1), at most `weights.combination_cap`."""
    own = values or {}
    total = 0.0
    for key in categories:
        if key not in taxonomy:
            continue  # the taxonomy changed under a stored tier; it counts for nothing
        category = taxonomy.get(key)
        value = float(own.get(key, category.monthly_value_cents))
        total += value * (weights.special if category.special or category.criminal else 1.0)
    extra = weights.combination_per_category * max(len(categories) - 1, 0)
    factor = max(1.0, min(1.0 + extra, weights.combination_cap))
    return round(total * factor)


class TierService:
    def __init__(self, conn: Connection, taxonomy: Taxonomy | None = None) -> None:
        self.conn = conn
        self.taxonomy = taxonomy if taxonomy is not None else load_taxonomy()

    # --- reading -------------------------------------------------------------------------
    def _rows(self, where: str, args: tuple[Any, ...]) -> Snapshot:
        """The rows of `tiers` (as dicts) and their `tier_categories`, in stored order."""
        with translate_errors():
            rows = [dict(zip(_COLUMNS, row, strict=True))
                    for row in self.conn.execute(_SELECT + where, args)]  # fmt: skip
            found = self.conn.execute(
                "SELECT tier_id, category FROM tier_categories WHERE tier_id IN "
                "(SELECT value FROM json_each(?)) ORDER BY rowid",
                (str([r["id"] for r in rows]),),
            )
            categories = [{"tier_id": tier_id, "category": key} for tier_id, key in found]
        return {"tiers": rows, "tier_categories": categories}

    def _tiers(self, where: str, args: tuple[Any, ...]) -> list[Tier]:
        raw = self._rows(where, args)
        keys: dict[int, list[str]] = {row["id"]: [] for row in raw["tiers"]}
        for row in raw["tier_categories"]:
            keys[row["tier_id"]].append(row["category"])
        plain = [f.name for f in fields(Tier) if f.name not in ("categories", "chosen")]
        return [Tier(**{k: r[k] for k in plain}, categories=tuple(keys[r["id"]]),
                     chosen=bool(r["chosen"])) for r in raw["tiers"]]  # fmt: skip

    def tiers(self, org_id: int) -> list[Tier]:
        """The organisation's tiers in the person's order (position)."""
        return self._tiers("WHERE organisation_id = ? ORDER BY position, id", (org_id,))

    def tier(self, tier_id: int) -> Tier:
        found = self._tiers("WHERE id = ?", (tier_id,))
        if not found:
            raise NotFoundError(QT_TR_NOOP("There is no tier with id {id}."), id=tier_id)
        return found[0]

    # --- changes -------------------------------------------------------------------------
    def _set_categories(self, tier_id: int, categories: tuple[str, ...]) -> None:
        self.conn.execute("DELETE FROM tier_categories WHERE tier_id = ?", (tier_id,))
        self.conn.executemany(
            "INSERT INTO tier_categories(tier_id, category) VALUES (?, ?)",
            [(tier_id, key) for key in categories],
        )

    def _unchoose_others(self, org_id: int, tier_id: int, now: str) -> None:
        self.conn.execute(
            "UPDATE tiers SET chosen = 0, updated_at = ? "
            "WHERE organisation_id = ? AND id != ? AND chosen = 1",
            (now, org_id, tier_id),
        )

    def add(self, org_id: int, data: TierInput) -> int:
        t = data.cleaned(self.taxonomy)
        if not self.conn.execute("SELECT 1 FROM organisations WHERE id = ?", (org_id,)).fetchone():
            raise NotFoundError(QT_TR_NOOP("There is no organisation with id {id}."), id=org_id)
        now = _now()
        with transaction(self.conn):
            position = self.conn.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM tiers WHERE organisation_id = ?",
                (org_id,),
            ).fetchone()[0]
            cursor = self.conn.execute(_INSERT, (None, org_id, t.name, t.description,
                t.value_cents, t.period, int(t.chosen), position, now, now))  # fmt: skip
            tier_id = int(cursor.lastrowid or 0)
            self._set_categories(tier_id, t.categories)
            if t.chosen:
                self._unchoose_others(org_id, tier_id, now)
        return tier_id

    def update(self, tier_id: int, data: TierInput) -> None:
        t = data.cleaned(self.taxonomy)
        org_id = self.tier(tier_id).organisation_id
        now = _now()
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE tiers SET name = ?, description = ?, value_cents = ?, period = ?, "
                "chosen = ?, updated_at = ? WHERE id = ?",
                (t.name, t.description, t.value_cents, t.period, int(t.chosen), now, tier_id),
            )
            self._set_categories(tier_id, t.categories)
            if t.chosen:
                self._unchoose_others(org_id, tier_id, now)

    def choose(self, tier_id: int) -> None:
        """Mark the tier the person chose; the organisation's other tiers are un-chosen."""
        org_id = self.tier(tier_id).organisation_id
        now = _now()
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE tiers SET chosen = 1, updated_at = ? WHERE id = ? AND chosen = 0",
                (now, tier_id),
            )
            self._unchoose_others(org_id, tier_id, now)

    def move(self, tier_id: int, up: bool) -> bool:
        """Swap the tier with its neighbour in the person's order. False at either end."""
        tier = self.tier(tier_id)
        order = [t.id for t in self.tiers(tier.organisation_id)]
        index = order.index(tier_id)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(order):
            return False
        order[index], order[other] = order[other], order[index]
        with transaction(self.conn):
            self.conn.executemany(
                "UPDATE tiers SET position = ? WHERE id = ?",
                [(position, i) for position, i in enumerate(order)],
            )
        return True

    def snapshot(self, tier_ids: list[int]) -> Snapshot:
        ids = str([int(i) for i in tier_ids])
        return self._rows("WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id", (ids,))

    def snapshot_organisation(self, org_id: int) -> Snapshot:
        """All of an organisation's tiers, e.g. to add to an organisation's undo snapshot."""
        return self.snapshot([t.id for t in self.tiers(org_id)])

    def delete(self, tier_id: int) -> Snapshot:
        """Delete a tier; returns what `restore` needs to put it back."""
        self.tier(tier_id)
        snapshot = self.snapshot([tier_id])
        with transaction(self.conn):
            self.conn.execute("DELETE FROM tiers WHERE id = ?", (tier_id,))
        return snapshot

    def restore(self, snapshot: Snapshot) -> None:
        """Put deleted tiers back with their ids (undo). A restored chosen tier is the chosen
        one again: the organisation's other tiers are un-chosen, as they were before."""
        now = _now()
        with transaction(self.conn):
            for row in snapshot.get("tiers", []):
                self.conn.execute(_INSERT, tuple(row[c] for c in _COLUMNS))
                if row["chosen"]:
                    self._unchoose_others(row["organisation_id"], row["id"], now)
            self.conn.executemany(
                "INSERT INTO tier_categories(tier_id, category) VALUES (?, ?)",
                [(r["tier_id"], r["category"]) for r in snapshot.get("tier_categories", [])],
            )

    # --- comparison ----------------------------------------------------------------------
    def compare(
        self,
        org_id: int,
        weights: Weights | None = None,
        values: Mapping[str, int] | None = None,
        lang: str = "en",
    ) -> TierComparison:
        """The tiers side by side, from least data to most: each one's data value and value
        got per month, each step up's deltas and verdict, the fair tier and one sentence of
        advice (in `lang`, "en" or "nl"). `values` are the person's own monthly values per
        category, where set."""
        weights = weights if weights is not None else Weights()
        measured = [
            (t, data_value(t.categories, self.taxonomy, weights, values),
             monthly_got(t.value_cents, t.period, weights))
            for t in self.tiers(org_id)
        ]  # fmt: skip
        measured.sort(key=lambda m: m[1])  # stable: equal data keeps the person's order
        steps: list[Step | None] = [None] if measured else []
        for (before, data_before, got_before), (_t, data, got) in pairwise(measured):
            got_delta = None if got is None or got_before is None else got - got_before
            more = data - data_before
            verdict = WORTH_IT if got_delta is not None and got_delta >= more else COSTS_MORE
            verdict = VALUE_UNKNOWN if got_delta is None else verdict
            steps.append(Step(before.id, before.name, more, got_delta, verdict))
        fair = 0
        while fair + 1 < len(steps) and (step := steps[fair + 1]) is not None and step.worth_it:
            fair += 1
        rows = [
            TierRow(tier, data, got, step, index == fair)
            for index, ((tier, data, got), step) in enumerate(zip(measured, steps, strict=True))
        ]
        chosen = next((i for i, row in enumerate(rows) if row.tier.chosen), None)
        return TierComparison(
            org_id, tuple(rows), rows[fair].tier.id if rows else None,
            rows[chosen].tier.id if chosen is not None else None,
            chosen is not None and chosen == fair, advice(rows, fair, chosen, lang),
        )  # fmt: skip
