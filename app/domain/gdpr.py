"""GDPR deadline arithmetic (Art. 12(3)): when an answer is due. Pure; no Qt, no I/O.

Periods follow Regulation (EEC, Euratom) No 1182/71, Art. 3, as LEGAL.md states: a period of
months ends on the same day-of-month as the day of receipt; when that day does not exist, on
the last day of that month; when the last day is a Saturday, Sunday or public holiday, at the
end of the next working day. An extension (two further months) is counted the same way from
the day of receipt: one month + two months = three months.

Public holidays come from the `holidays` library (offline data), country by country, without
subdivisions: only the holidays of the whole country count.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from app.domain.requests import CHANNELS

ANSWER_MONTHS = 1  # Art. 12(3): "within one month of receipt of the request"
EXTENSION_MONTHS = 2  # "may be extended by two further months where necessary"
POST_DAYS = 3  # default days a posted letter takes to arrive
DUE_SOON_DAYS = 7
_SATURDAY = 5  # date.weekday(): Monday 0 ... Sunday 6
_MAX_SKIP = 366  # no country has a year of holidays in a row; stops a runaway loop


def add_months(start: date, months: int) -> date:
    """The same day-of-month `months` later (or earlier); the month's last day if it is short.

    31 Jan + 1 → 28/29 Feb; 31 Mar + 2 → 31 May; 30 Nov + 3 → 28/29 Feb.
    """
    year, month0 = divmod(start.year * 12 + (start.month - 1) + months, 12)
    month = month0 + 1
    if not date.min.year <= year <= date.max.year:
        raise ValueError(f"{months} months from {start.isoformat()} is out of range.")
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last))


def _country_code(country: str | None) -> str:
    return (country or "").strip().upper()


def public_holidays(country: str | None, year: int) -> frozenset[date]:
    """The public holidays of a country (ISO 3166 alpha-2, any case) in a year.

    Unknown or empty codes have none: weekends are then the only days off.
    """
    return _public_holidays(_country_code(country), year)


@lru_cache(maxsize=256)
def _public_holidays(code: str, year: int) -> frozenset[date]:
    # A frozenset, not the library's object: a `holidays` object adds a year to itself every
    # time a date of another year is looked up in it (expand=True), so it is not safe to share.
    if not code:
        return frozenset()
    try:
        found = holidays.country_holidays(code, years=year)
    except NotImplementedError:  # the library's answer to an unknown country code
        return frozenset()
    return frozenset(found.keys())


def is_working_day(day: date, country: str | None) -> bool:
    """Not a Saturday, a Sunday or a public holiday of `country` (case-insensitive)."""
    if day.weekday() >= _SATURDAY:
        return False
    return day not in public_holidays(country, day.year)


def next_working_day(day: date, country: str | None) -> date:
    """`day` itself when it is a working day in `country`, else the next one that is."""
    code = _country_code(country)
    for _ in range(_MAX_SKIP):
        if is_working_day(day, code):
            return day
        day += timedelta(days=1)
    raise ValueError(f"No working day in {code or 'any country'} within a year of {day}.")


def expected_receipt(sent_on: date, channel: str, post_days: int = POST_DAYS) -> date:
    """The day the organisation is taken to have received the request.

    Email and web forms arrive the day they are sent; a letter `post_days` calendar days later.
    """
    if channel not in CHANNELS:
        raise ValueError(f"Unknown channel {channel!r}; expected one of {', '.join(CHANNELS)}.")
    if post_days < 0:
        raise ValueError("A letter cannot arrive before it is sent.")
    if channel == "post":
        return sent_on + timedelta(days=post_days)
    return sent_on


def due_date(received_on: date, country: str | None, months: int = ANSWER_MONTHS) -> date:
    """The last day to answer: `months` after receipt, moved to the next working day."""
    if months < 0:
        raise ValueError("A period cannot be negative.")
    return next_working_day(add_months(received_on, months), country)


def extended_due_date(received_on: date, country: str | None) -> date:
    """The last day after an extension: one month plus two further months, from receipt."""
    return due_date(received_on, country, months=ANSWER_MONTHS + EXTENSION_MONTHS)


def days_left(due: date, today: date) -> int:
    """Calendar days until `due`: 0 on the day itself, negative once it has passed."""
    return (due - today).days


def is_overdue(due: date, today: date) -> bool:
    """The period ends at the end of the due day, so only the day after is late."""
    return today > due


def due_soon(due: date, today: date, within: int = DUE_SOON_DAYS) -> bool:
    """Due today or within `within` days, and not yet overdue."""
    return 0 <= days_left(due, today) <= within


@dataclass(frozen=True)
class Deadline:
    received_on: date
    due_on: date
    extended_to: date | None = None

    @classmethod
    def compute(cls, received_on: date, country: str | None, *, extended: bool = False) -> Deadline:
        return cls(
            received_on=received_on,
            due_on=due_date(received_on, country),
            extended_to=extended_due_date(received_on, country) if extended else None,
        )

    @property
    def current_due(self) -> date:
        """The extended date once the organisation has extended, else the one-month date."""
        return self.extended_to or self.due_on

    def days_left(self, today: date) -> int:
        return days_left(self.current_due, today)

    def is_overdue(self, today: date) -> bool:
        return is_overdue(self.current_due, today)

    def due_soon(self, today: date, within: int = DUE_SOON_DAYS) -> bool:
        return due_soon(self.current_due, today, within)
