"""Assessing the whole ledger: loading what the rules need, storing band and score for the
organisations table, weights kept in the vault's settings, and the dashboard's figures."""

from __future__ import annotations

import functools
import json
import logging
import math
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, TypeVar

from app.domain.assessment import AccountItem, Assessment, Band, GivenItem, GotItem, Weights
from app.domain.taxonomy import Taxonomy, load_taxonomy
from app.storage import settings
from app.storage.database import Connection, transaction

log = logging.getLogger(__name__)
_T = TypeVar("_T")

_CategoryInfo = tuple[str, bool, bool, int]  # label, special, criminal, value per month
WEIGHTS_KEY = "assessment.weights"
VALUES_KEY = "assessment.category_values"  # the person's own monthly values, key → cents

# What the Assessment Settings dialog (app/ui/assessment_settings.py) can save: whole numbers
# 0–240 for the int weights (months), 0–100 for the others, and up to € 999,999,999.99 for a
# category's value (`parse_cents`). A stored value outside these is ignored, never used.
WHOLE_WEIGHT_MAX = 240
NUMBER_WEIGHT_MAX = 100.0
CATEGORY_VALUE_MAX = 99_999_999_999  # cents
_DEFAULT_WEIGHTS: dict[str, int | float] = asdict(Weights())


def _finite(value: float) -> bool:
    return not isinstance(value, float) or math.isfinite(value)  # an int is always finite


def weight_limits(name: str) -> tuple[float, bool]:
    """(the highest value, whether it must be whole) of the weight `name`; lowest is 0."""
    whole = type(_DEFAULT_WEIGHTS[name]) is int
    return (WHOLE_WEIGHT_MAX if whole else NUMBER_WEIGHT_MAX), whole


def clean_weight(name: str, value: Any) -> int | float | None:
    """`value` as the weight `name` (int or float, as `Weights` has it), or None when the
    settings dialog could not have saved it: an unknown name, not a number (true/false, text),
    not finite, below 0 or above its limit, or not whole for a whole-number weight."""
    if name not in _DEFAULT_WEIGHTS or isinstance(value, bool):
        return None
    if not isinstance(value, int | float) or not _finite(value):
        return None
    high, whole = weight_limits(name)
    if not 0 <= value <= high:  # compares a huge int exactly, no float conversion
        return None
    if whole:
        return int(value) if isinstance(value, int) or value.is_integer() else None
    return float(value)


def clean_category_value(value: Any) -> int | None:
    """Whole cents from 0 to CATEGORY_VALUE_MAX, else None."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not _finite(value):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    return int(value) if 0 <= value <= CATEGORY_VALUE_MAX else None


@dataclass(frozen=True)
class OrganisationAssessment:
    org_id: int
    name: str
    assessment: Assessment


@dataclass(frozen=True)
class ScatterPoint:
    org_id: int
    name: str
    given_month_cents: int
    got_month_cents: int  # unknown counts as 0 here; the flag says so
    band: Band


@dataclass
class DashboardData:
    organisations_holding_data: int = 0
    special_disclosures: int = 0
    by_band: dict[Band, int] = field(default_factory=dict)
    worst: list[OrganisationAssessment] = field(default_factory=list)  # worst first, ≤ 10
    points: list[ScatterPoint] = field(default_factory=list)
    by_group: list[tuple[str, int]] = field(default_factory=list)  # category group → disclosures
    per_year: list[tuple[int, int]] = field(default_factory=list)  # year given → disclosures


@functools.lru_cache(maxsize=4096)  # dates repeat a lot across 100,000 rows
def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


class _Inputs:
    """What the rules need, per organisation id."""

    __slots__ = ("accounts", "given", "got")

    def __init__(self) -> None:
        self.given: dict[int, list[GivenItem]] = {}
        self.got: dict[int, list[GotItem]] = {}
        self.accounts: dict[int, list[AccountItem]] = {}

    @staticmethod
    def add(to: dict[int, list[_T]], org_id: int, item: _T) -> None:
        items = to.get(org_id)
        if items is None:
            to[org_id] = [item]
        else:
            items.append(item)

    def of(self, org_id: int) -> tuple[list[GivenItem], list[GotItem], list[AccountItem]]:
        return self.given.get(org_id, []), self.got.get(org_id, []), self.accounts.get(org_id, [])


class AssessmentService:
    def __init__(self, conn: Connection, taxonomy: Taxonomy | None = None,
                 today: date | None = None, lang: str = "en") -> None:  # fmt: skip
        self.conn = conn
        self.taxonomy = taxonomy or load_taxonomy()
        self.today = today or date.today()
        # The language of the flags' reasons, the explanation and the category labels in them
        # ("en" or "nl"); English for the CLI and the reports, the UI's language in the GUI.
        self.lang = lang

    # --- settings ------------------------------------------------------------------------
    def _stored(self, key: str) -> dict[Any, Any]:
        """A stored object setting; anything else (damaged, not an object) counts as unset."""
        try:
            stored = settings.get_setting(self.conn, key, {})
        except ValueError:  # not JSON
            stored = None
        if not isinstance(stored, dict):
            log.warning("the stored %s is not an object; the defaults are used", key)
            return {}
        return stored

    def weights(self) -> Weights:
        """The stored weights; one the settings dialog could not have saved (out of range,
        not finite, not a number) is ignored and its default used, so assessing never fails
        on a stored value."""
        values: dict[str, Any] = {}
        for name, value in self._stored(WEIGHTS_KEY).items():
            cleaned = clean_weight(name, value)
            if cleaned is None:
                log.warning("stored assessment weight %r ignored: not a value the settings "
                            "allow; its default is used", str(name)[:40])  # fmt: skip
            else:
                values[name] = cleaned
        weights = Weights(**values)
        if weights.questionable_ratio > weights.unbalanced_ratio:
            log.warning("stored assessment ratios ignored: questionable above unbalanced")
            values.pop("questionable_ratio", None)
            values.pop("unbalanced_ratio", None)
            weights = Weights(**values)
        return weights

    def set_weights(self, weights: Weights) -> None:
        settings.set_setting(self.conn, WEIGHTS_KEY, asdict(weights))

    def category_values(self) -> dict[str, int]:
        """The person's own values of known categories; an odd stored value is ignored."""
        values: dict[str, int] = {}
        ignored = 0
        for key, value in self._stored(VALUES_KEY).items():
            cents = clean_category_value(value)
            if cents is None:
                ignored += 1
            elif isinstance(key, str) and key in self.taxonomy:
                values[key] = cents
        if ignored:
            log.warning("%d stored category value(s) ignored: not whole cents from 0 to %d",
                        ignored, CATEGORY_VALUE_MAX)  # fmt: skip
        return values

    def set_category_values(self, values: dict[str, int]) -> None:
        settings.set_setting(self.conn, VALUES_KEY, values)

    def reset_to_defaults(self) -> None:
        settings.set_setting(self.conn, WEIGHTS_KEY, {})
        settings.set_setting(self.conn, VALUES_KEY, {})

    # --- loading -------------------------------------------------------------------------
    def _given_item(self, row: tuple[Any, ...], info: dict[str, _CategoryInfo]) -> GivenItem:
        key, sensitivity, required, necessary, shared, continuous = row[:6]
        label, special, criminal, value = info.get(key, (key, False, False, 0))
        return GivenItem(
            key, label, sensitivity, special, criminal, value, bool(required),
            None if necessary is None else bool(necessary), bool(shared), bool(continuous),
            row[6] or "", row[7] or "", _date(row[8]), _date(row[9]),
        )  # fmt: skip

    def _inputs(self, org_id: int | None = None) -> _Inputs:
        where, args = ("WHERE organisation_id = ?", (org_id,)) if org_id else ("", ())
        own_values = self.category_values()
        info: dict[str, _CategoryInfo] = {}  # per category, looked up once
        for category in self.taxonomy.all():
            info[category.key] = (
                category.label(self.lang), category.special, category.criminal,
                own_values.get(category.key, category.monthly_value_cents),
            )  # fmt: skip
        inputs = _Inputs()
        # Many disclosures are alike (the same category, flags and date): one item serves every
        # row that is the same, as building 100,000 items took longer than reading the rows.
        made: dict[tuple[Any, ...], GivenItem] = {}
        given = inputs.given
        for row in self.conn.execute(
            "SELECT organisation_id, category, sensitivity, required, necessary, shared, "
            "continuous, retention, legal_basis, given_on, consent_withdrawn_on "
            f"FROM disclosures {where}",
            args,
        ):
            item = made.get(key := row[1:])
            if item is None:
                item = made[key] = self._given_item(key, info)
            items = given.get(row[0])
            if items is None:
                given[row[0]] = [item]
            else:
                items.append(item)
        for oid, kind, value, period, started, ended in self.conn.execute(
            "SELECT organisation_id, kind, value_cents, period, started_on, ended_on "
            f"FROM benefits {where}",
            args,
        ):
            inputs.add(inputs.got, oid, GotItem(kind, value, period, _date(started), _date(ended)))
        for oid, status, last_used in self.conn.execute(
            f"SELECT organisation_id, status, last_used FROM accounts {where}", args
        ):
            inputs.add(inputs.accounts, oid, AccountItem(status, _date(last_used)))
        return inputs

    def assess(self, org_id: int) -> Assessment:
        from app.domain.scoring import assess

        inputs = self._inputs(org_id)
        return assess(*inputs.of(org_id), self.weights(), self.today, self.lang)

    def assess_all(self) -> list[OrganisationAssessment]:
        from app.domain.scoring import assess

        weights = self.weights()
        inputs = self._inputs()
        return [
            OrganisationAssessment(
                org_id, name, assess(*inputs.of(org_id), weights, self.today, self.lang)
            )
            for org_id, name in self.conn.execute("SELECT id, name FROM organisations ORDER BY id")
        ]

    # --- stored results (for sorting and filtering the table in SQL) ----------------------
    def store(self, assessed: list[OrganisationAssessment]) -> None:
        with transaction(self.conn):
            self.conn.executemany(
                "UPDATE organisation_stats SET band = ?, band_rank = ?, score = ?, flags = ? "
                "WHERE organisation_id = ?",
                [(a.assessment.band.value, a.assessment.band.rank, a.assessment.score,
                  json.dumps(list(a.assessment.codes)), a.org_id)
                 for a in assessed],
            )  # fmt: skip

    def refresh_stale(self) -> list[OrganisationAssessment]:
        """Recompute the rows whose data changed since they were assessed (band_rank -1)."""
        stale = [r[0] for r in self.conn.execute(
            "SELECT organisation_id FROM organisation_stats WHERE band_rank < 0")]  # fmt: skip
        if len(stale) > 50:
            return self.refresh()
        return [a for org_id in stale for a in self.refresh(org_id)]

    def refresh(self, org_id: int | None = None) -> list[OrganisationAssessment]:
        if org_id:
            name = self.conn.execute("SELECT name FROM organisations WHERE id = ?", (org_id,))
            row = name.fetchone()
            assessed = [OrganisationAssessment(org_id, row[0], self.assess(org_id))] if row else []
        else:
            assessed = self.assess_all()
        self.store(assessed)
        return assessed

    # --- dashboard -----------------------------------------------------------------------
    def dashboard(self, assessed: list[OrganisationAssessment] | None = None) -> DashboardData:
        assessed = self.assess_all() if assessed is None else assessed
        data = DashboardData()
        data.organisations_holding_data = self.conn.execute(
            "SELECT count(DISTINCT organisation_id) FROM disclosures").fetchone()[0]  # fmt: skip
        special = [c.key for c in self.taxonomy.all() if c.special or c.criminal]
        marks = ",".join("?" * len(special)) or "NULL"
        data.special_disclosures = self.conn.execute(
            f"SELECT count(*) FROM disclosures WHERE category IN ({marks})", special
        ).fetchone()[0]
        data.by_band = dict(Counter(a.assessment.band for a in assessed))
        ranked = sorted(assessed, key=lambda a: (-a.assessment.band.rank, -a.assessment.score,
                                                  a.name.casefold()))  # fmt: skip
        data.worst = [a for a in ranked if a.assessment.band is not Band.FAIR][:10]
        data.points = [
            ScatterPoint(a.org_id, a.name, a.assessment.given_month_cents,
                         a.assessment.got_month_cents or 0, a.assessment.band)
            for a in assessed if a.assessment.given_month_cents or a.assessment.got_month_cents
        ]  # fmt: skip
        groups: Counter[str] = Counter()
        for key, count in self.conn.execute(
            "SELECT category, count(*) FROM disclosures GROUP BY category"
        ):
            groups[self.group_label(key)] += count
        data.by_group = groups.most_common()
        data.per_year = [(int(y), n) for y, n in self.conn.execute(
            "SELECT substr(given_on, 1, 4) AS y, count(*) FROM disclosures "
            "WHERE given_on IS NOT NULL GROUP BY y ORDER BY y")]  # fmt: skip
        return data

    def group_label(self, key: str) -> str:
        """The top-level DPV group of a category (Contact, Financial, Health …)."""
        if key not in self.taxonomy:
            return key
        chain = [self.taxonomy.get(key), *self.taxonomy.ancestors(key)]
        return chain[-1].label(self.lang)
