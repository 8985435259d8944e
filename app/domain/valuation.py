"""What an exchange is worth per month: the value of the data given (category values ×
modifiers × the combination factor) and of what was got, and the imbalance between them.
Pure and exact (integers and Fractions); `scoring.py` turns these into bands and flags."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import ClassVar

from app.domain import assessment_texts as texts
from app.domain.assessment import GivenItem, GotItem, Weights

# --- Imbalance: points from the ratio value given / value got -------------------------------------
IMBALANCE_POINTS_PER_DOUBLING = 10  # ratio 2 → 10, 4 → 20, 8 → 30 …
IMBALANCE_MAX_POINTS = 40  # reached at a ratio of 16, or when nothing of known value came back

# Retention texts that mean "we do not know how long" (compared case-insensitively, trimmed).
UNKNOWN_RETENTION = frozenset(
    {
        "",
        "?",
        "unknown",
        "not known",
        "indefinite",
        "indefinitely",
        "forever",
        "onbekend",
        "onbepaald",
        "onbepaalde tijd",
        "voor altijd",
    }
)

DEFAULT_WEIGHTS = Weights()  # the defaults (frozen, so one shared instance is safe)
_HALF = Fraction(1, 2)


def _round(value: Fraction) -> int:
    """Half up, exactly (Python's `round` rounds half to even)."""
    return math.floor(value + _HALF)


@functools.lru_cache(maxsize=256)
def _weight(value: float) -> Fraction:
    """A weight as the exact decimal the person typed (1.2 is 6/5, not the binary float's
    huge fraction, which also made every sum slow); negative weights are treated as 0."""
    return Fraction(repr(float(value))) if value > 0 else Fraction(0)


def months_between(start: date, end: date) -> int:
    """Whole calendar months from `start` to `end` (0 when `end` is not later)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(0, months)


@functools.lru_cache(maxsize=1024)
def unknown_retention(retention: str) -> bool:
    """'', 'unknown', 'indefinite', 'forever' … (any case): the person does not know."""
    return " ".join(retention.split()).casefold() in UNKNOWN_RETENTION


# --- value given ----------------------------------------------------------------------------------
def disclosure_value(item: GivenItem, weights: Weights = DEFAULT_WEIGHTS) -> Fraction:
    """One disclosure's value per month in cents: its category's value × the modifiers."""
    return _modified_value(
        max(0, item.monthly_value_cents),
        item.continuous,
        item.shared,
        item.special or item.criminal,
        unknown_retention(item.retention),
        weights,
    )


@functools.lru_cache(maxsize=8192)  # few distinct combinations, 100,000s of disclosures
def _modified_value(
    cents: int, continuous: bool, shared: bool, special: bool, unknown: bool, weights: Weights
) -> Fraction:
    value = Fraction(cents)
    if continuous:
        value *= _weight(weights.continuous)
    if shared:
        value *= _weight(weights.shared)
    if special:
        value *= _weight(weights.special)
    if unknown:
        value *= _weight(weights.unknown_retention)
    return value


def combination_factor(categories: int, weights: Weights = DEFAULT_WEIGHTS) -> Fraction:
    """× for a profile of this many distinct categories: grows per extra category, capped."""
    if categories <= 1:
        return min(Fraction(1), _weight(weights.combination_cap))
    grown = 1 + _weight(weights.combination_per_category) * (categories - 1)
    return min(grown, _weight(weights.combination_cap))


def given_monthly_value(given: Sequence[GivenItem], weights: Weights = DEFAULT_WEIGHTS) -> int:
    """The value of these disclosures to one organisation, in cents per month. (`assess`
    passes only the counted ones: what the service needs is left out while it is in use.)"""
    # Exact, but in integers: decimal weights make every value a whole number of 10⁻¹² cents,
    # and integer sums are ~20× quicker than Fraction sums (100,000 disclosures a run).
    best: dict[str, int] = {}
    for item in given:
        value = _scaled_value(
            max(0, item.monthly_value_cents),
            item.continuous,
            item.shared,
            item.special or item.criminal,
            unknown_retention(item.retention),
            weights,
        )
        if value is None:  # a weight that is not a decimal: the slow exact path
            return _given_monthly_value_fractions(given, weights)
        current = best.get(item.category)
        if current is None or value > current:
            best[item.category] = value
    if not best:
        return 0
    total = Fraction(sum(best.values()), _SCALE)
    return _round(total * combination_factor(len(best), weights))


_SCALE = 10**12


@functools.lru_cache(maxsize=8192)
def _scaled_value(
    cents: int, continuous: bool, shared: bool, special: bool, unknown: bool, weights: Weights
) -> int | None:
    value = _modified_value(cents, continuous, shared, special, unknown, weights)
    if _SCALE % value.denominator:
        return None
    return value.numerator * (_SCALE // value.denominator)


def _given_monthly_value_fractions(given: Sequence[GivenItem], weights: Weights) -> int:
    best: dict[str, Fraction] = {}
    for item in given:
        value = disclosure_value(item, weights)
        current = best.get(item.category)
        if current is None or value > current:
            best[item.category] = value
    if not best:
        return 0
    return _round(sum(best.values(), Fraction(0)) * combination_factor(len(best), weights))


# --- many organisations at once -------------------------------------------------------------------
# The modifiers of a disclosure (rule 2) as bits: the index into `Rates.per_cent`.
MOD_CONTINUOUS, MOD_SHARED, MOD_SPECIAL, MOD_UNKNOWN_RETENTION = 1, 2, 4, 8


class Rates:
    """The weights as integers, for assessing a whole ledger with the same weights: the exact
    results of `given_monthly_value` and `_got`, without a Fraction per disclosure.

    A disclosure of `cents` with modifiers `m` is worth `cents × per_cent[m]` units of
    1/`unit` cent (`unit` the common denominator of the 16 products of weights), exactly.
    """

    __slots__ = ("_factors", "per_cent", "questionable", "unbalanced", "unit", "weights")

    def __init__(self, weights: Weights) -> None:
        self.weights = weights
        products = [
            _modified_value(1, bool(m & MOD_CONTINUOUS), bool(m & MOD_SHARED),
                            bool(m & MOD_SPECIAL), bool(m & MOD_UNKNOWN_RETENTION), weights)
            for m in range(16)
        ]  # fmt: skip
        self.unit = math.lcm(*(p.denominator for p in products))
        self.per_cent = tuple(p.numerator * (self.unit // p.denominator) for p in products)
        self._factors: dict[int, tuple[int, int]] = {}  # categories → combination factor
        self.questionable = _weight(weights.questionable_ratio).as_integer_ratio()
        self.unbalanced = _weight(weights.unbalanced_ratio).as_integer_ratio()

    _last: ClassVar[tuple[Weights, Rates] | None] = None

    @classmethod
    def of(cls, weights: Weights) -> Rates:
        """The rates of `weights`; the last ones are kept, as a ledger is assessed with one."""
        last = cls._last  # one read: another thread may replace it
        if last is not None and last[0] is weights:
            return last[1]
        rates = cls(weights)
        cls._last = (weights, rates)
        return rates

    def given_cents(self, best: dict[str, int]) -> int:
        """`given_monthly_value` from the highest value (in units) of each category counted."""
        if not best:
            return 0
        factor = self._factors.get(len(best))
        if factor is None:
            factor = combination_factor(len(best), self.weights).as_integer_ratio()
            self._factors[len(best)] = factor
        numerator, denominator = factor
        denominator *= self.unit
        # half up, as `_round`: floor(a / b + 1/2) = (2a + b) // 2b
        return (2 * sum(best.values()) * numerator + denominator) // (2 * denominator)

    def got(
        self, got: Sequence[GotItem], today: date, given: Sequence[GivenItem]
    ) -> tuple[int, int | None, bool]:
        """What `_got` gives: (known cents, shown cents, whether a current benefit's value is
        unknown). Monthly values stay integers; the others take `benefit_monthly_value`."""
        whole = 0
        others: list[GotItem] = []
        known = unknown = False
        for item in got:
            if item.ended_on is not None and item.ended_on < today:
                continue  # counts 0, neither known nor unknown
            if item.value_cents is None:
                unknown = True
                continue
            known = True
            if item.period == "month":
                whole += max(0, item.value_cents)
            else:
                others.append(item)
        known_cents = whole
        if others:
            since = relationship_start(given)
            total = Fraction(whole)
            for item in others:
                total += benefit_monthly_value(item, today, self.weights, since) or 0
            known_cents = _round(total)
        return known_cents, (None if unknown and not known else known_cents), unknown

    @staticmethod
    def ratio_above(given_cents: int, got_cents: int, ratio: tuple[int, int]) -> bool:
        """given / got > ratio (numerator, denominator); False when nothing came back."""
        return got_cents > 0 and given_cents * ratio[1] > ratio[0] * got_cents


# --- value got ------------------------------------------------------------------------------------
def relationship_start(given: Sequence[GivenItem]) -> date | None:
    """When they first got data: the earliest `given_on`."""
    return min((item.given_on for item in given if item.given_on is not None), default=None)


def benefit_monthly_value(
    item: GotItem,
    today: date,
    weights: Weights = DEFAULT_WEIGHTS,
    since: date | None = None,
) -> Fraction | None:
    """One benefit per month in cents; None when its value is unknown, 0 once it has ended.

    `since` is when the relationship began (`relationship_start`); a one-off benefit is spread
    over the months from then — or from the benefit itself, if earlier — to `today`, and over at
    least `weights.once_spread_months`. Other benefits never change that span, so adding one
    benefit cannot lower the value of another.
    """
    if item.ended_on is not None and item.ended_on < today:
        return Fraction(0)
    if item.value_cents is None:
        return None
    value = Fraction(max(0, item.value_cents))
    period = item.period.strip().casefold()
    if period == "month":
        return value
    if period == "year":
        return value / 12
    starts = [d for d in (since, item.started_on) if d is not None]
    months = months_between(min(starts), today) if starts else 0
    return value / Fraction(max(1, weights.once_spread_months, months))


@dataclass(frozen=True)
class _Got:
    known_cents: int  # what the balance uses: unknown values count 0
    shown_cents: int | None  # None when every current benefit is of unknown value
    unknown_kinds: tuple[str, ...]  # current benefits whose value is unknown


def _got(got: Sequence[GotItem], today: date, weights: Weights, since: date | None) -> _Got:
    known = Fraction(0)
    any_known = False
    unknown: set[str] = set()
    for item in got:
        value = benefit_monthly_value(item, today, weights, since)
        if value is None:
            unknown.add(item.kind.strip() or "benefit")
        elif item.ended_on is None or item.ended_on >= today:
            known += value
            any_known = True
    known_cents = _round(known)
    shown = None if unknown and not any_known else known_cents
    return _Got(known_cents, shown, tuple(sorted(unknown)))


def got_monthly_value(
    got: Sequence[GotItem],
    given: Sequence[GivenItem] = (),
    weights: Weights = DEFAULT_WEIGHTS,
    today: date | None = None,
) -> int | None:
    """What one organisation gives back, in cents per month; None when all of it is unknown."""
    day = today or date.today()
    return _got(got, day, weights, relationship_start(given)).shown_cents


# --- imbalance ------------------------------------------------------------------------------------
def imbalance_points(given_cents: int, got_cents: int) -> int:
    """0 up to a ratio of 1, then IMBALANCE_POINTS_PER_DOUBLING per doubling, capped.

    Computed on integers: the points are the largest k with ratio ≥ 2 ** (k / P), i.e.
    given ** P ≥ 2 ** k × got ** P — exact, so a larger ratio never gets fewer points.
    """
    if given_cents <= 0:
        return 0
    if got_cents <= 0:
        return IMBALANCE_MAX_POINTS
    per = IMBALANCE_POINTS_PER_DOUBLING
    lhs, rhs = given_cents**per, got_cents**per
    # Start from the float estimate, then step to the exact answer (at most a step or two).
    estimate = per * (math.log2(given_cents) - math.log2(got_cents))  # no overflow on huge ints
    points = min(IMBALANCE_MAX_POINTS, max(0, int(estimate)))
    while points > 0 and lhs < rhs << points:
        points -= 1
    while points < IMBALANCE_MAX_POINTS and lhs >= rhs << (points + 1):
        points += 1
    return points


def ratio_text(given_cents: int, got_cents: int, lang: str = "en") -> str:
    """What came back, and the ratio given / got, for the imbalance line of the explanation."""
    if got_cents <= 0:
        return texts.text(lang, "ratio.nothing")
    ratio = float(Fraction(given_cents, got_cents))
    return texts.text(
        lang, "ratio.known", got=texts.money(got_cents, lang), ratio=texts.ratio(ratio, lang)
    )
