"""What an assessment is made of (the rules themselves are in `scoring.py`). Pure data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NamedTuple


class Band(StrEnum):
    """From best to worst. The order matters: `worse_than` compares by it."""

    FAIR = "fair"
    QUESTIONABLE = "questionable"
    UNBALANCED = "unbalanced"
    COERCED = "coerced"

    @property
    def rank(self) -> int:
        return list(Band).index(self)

    def worse_than(self, other: Band) -> bool:
        return self.rank > other.rank


class GivenItem(NamedTuple):
    """One disclosure, with what the taxonomy says about its category. (Immutable tuples, not
    dataclasses: 100,000 of them are built per assessment, and a tuple is ~5× quicker.)"""

    category: str
    label: str
    sensitivity: int
    special: bool  # GDPR Art. 9
    criminal: bool  # GDPR Art. 10
    monthly_value_cents: int  # the category's value per month (default or the person's own)
    required: bool = False
    necessary: bool | None = None  # None: the person does not know
    shared: bool = False
    continuous: bool = False
    retention: str = ""  # free text; "" or "unknown" means unknown
    legal_basis: str = ""
    given_on: date | None = None
    consent_withdrawn_on: date | None = None


class GotItem(NamedTuple):
    kind: str
    value_cents: int | None  # None: unknown
    period: str  # once | month | year
    started_on: date | None = None
    ended_on: date | None = None


class AccountItem(NamedTuple):
    status: str
    last_used: date | None = None


@dataclass(frozen=True)
class Weights:
    """Every number the score uses; the person can change each in Settings."""

    continuous: float = 1.5  # × the value of a continuously collected category
    shared: float = 1.5  # × when shared with third parties
    special: float = 2.0  # × for Art. 9 / Art. 10 data
    unknown_retention: float = 1.2  # × when retention is unknown or "indefinite"
    combination_per_category: float = 0.05  # + 5 % per extra category (a profile > its parts)
    combination_cap: float = 1.5
    questionable_ratio: float = 1.5  # value given / value got above this: questionable
    unbalanced_ratio: float = 3.0  # above this: unbalanced
    dormant_months: int = 12  # no use for this long while data is held: erasure candidate
    once_spread_months: int = 12  # a one-off benefit counts over at least this many months


@dataclass(frozen=True)
class Flag:
    code: str  # stable id, e.g. "coerced-consent", "special-category"
    reason: str  # one sentence a person understands
    action: str  # what to do about it (later: the letter that does it)
    points: int = 0  # what it adds to the score (0 for information only)
    letter: str | None = None  # the GDPR request type that fits, e.g. "erasure"


@dataclass(frozen=True)
class Contribution:
    """One line of the explanation: every point of the score traces to one of these."""

    what: str
    points: int


@dataclass(frozen=True)
class Assessment:
    band: Band
    score: int  # 0 (fair) … higher is worse; the sum of `contributions`
    given_month_cents: int  # the value of the data given, per month
    got_month_cents: int | None  # what was got per month; None when unknown
    flags: tuple[Flag, ...] = ()
    contributions: tuple[Contribution, ...] = field(default=())

    def explanation(self) -> list[str]:
        return [f"{c.what}: {c.points:+d}" for c in self.contributions]
