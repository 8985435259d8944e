"""What an assessment is made of (the rules themselves are in `scoring.py`). Pure data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import FrozenInstanceError, dataclass
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


Explanation = tuple[tuple[Flag, ...], tuple[Contribution, ...]]


class Assessment:
    """The balance of one organisation. Immutable, compared by value like the other records.

    `scoring.assess` works out band, score, values and flag codes at once but leaves the texts
    (each flag's reason and action, the lines of the explanation) to `explain`, which runs the
    first time `flags` or `contributions` is read: of 10,000 assessed organisations the
    dashboard reads the texts of ten. Built with `flags` (and `contributions`) it is complete.
    """

    __slots__ = ("_explain", "_flags", "_lines", "band", "codes", "given_month_cents",
                 "got_month_cents", "score")  # fmt: skip
    band: Band
    score: int  # 0 (fair) … higher is worse; the sum of `contributions`
    given_month_cents: int  # the value of the data given, per month
    got_month_cents: int | None  # what was got per month; None when unknown
    codes: tuple[str, ...]  # the codes of `flags`, in their order, without building texts
    _flags: tuple[Flag, ...]
    _lines: tuple[Contribution, ...]
    _explain: Callable[[], Explanation] | None

    def __init__(
        self,
        band: Band,
        score: int,
        given_month_cents: int,
        got_month_cents: int | None,
        flags: tuple[Flag, ...] = (),
        contributions: tuple[Contribution, ...] = (),
        *,
        codes: tuple[str, ...] | None = None,
        explain: Callable[[], Explanation] | None = None,
    ) -> None:
        """`explain` (with `codes`) instead of `flags` and `contributions`: built when read."""
        init = object.__setattr__
        init(self, "band", band)
        init(self, "score", score)
        init(self, "given_month_cents", given_month_cents)
        init(self, "got_month_cents", got_month_cents)
        init(self, "codes", tuple(f.code for f in flags) if codes is None else codes)
        init(self, "_flags", tuple(flags))
        init(self, "_lines", tuple(contributions))
        init(self, "_explain", explain)

    def _texts(self) -> None:
        explain = self._explain  # read once: another thread may be building them too
        if explain is not None:
            flags, lines = explain()
            object.__setattr__(self, "_flags", flags)
            object.__setattr__(self, "_lines", lines)
            object.__setattr__(self, "_explain", None)  # lets go of the inputs it held

    @property
    def flags(self) -> tuple[Flag, ...]:
        self._texts()
        return self._flags

    @property
    def contributions(self) -> tuple[Contribution, ...]:
        self._texts()
        return self._lines

    def explanation(self) -> list[str]:
        return [f"{c.what}: {c.points:+d}" for c in self.contributions]

    def _values(self) -> tuple[object, ...]:
        return (self.band, self.score, self.given_month_cents, self.got_month_cents, self.flags,
                self.contributions)  # fmt: skip

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Assessment) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return (f"Assessment(band={self.band!r}, score={self.score!r}, "
                f"given_month_cents={self.given_month_cents!r}, "
                f"got_month_cents={self.got_month_cents!r}, flags={self.flags!r}, "
                f"contributions={self.contributions!r})")  # fmt: skip

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
