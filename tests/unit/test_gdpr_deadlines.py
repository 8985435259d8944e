"""GDPR Art. 12(3) deadlines, counted as Regulation 1182/71 Art. 3 says (LEGAL.md).

Every expected date below was checked against Python's `calendar` module and hand-written
holiday lists (Easter by the Gregorian computus), not against the `holidays` library.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.gdpr import (
    Deadline,
    add_months,
    days_left,
    due_date,
    due_soon,
    expected_receipt,
    extended_due_date,
    is_overdue,
    next_working_day,
    public_holidays,
)

D = date

# received on, country, due on (one month, then the next working day)
DUE_DATES = [
    # --- the month itself -----------------------------------------------------------------
    pytest.param(D(2025, 3, 3), "NL", D(2025, 4, 3), id="3 Mar -> 3 Apr (Thu)"),
    pytest.param(D(2025, 1, 31), "NL", D(2025, 2, 28), id="31 Jan 2025 -> 28 Feb (Fri)"),
    pytest.param(D(2024, 1, 31), "NL", D(2024, 2, 29), id="31 Jan 2024 -> 29 Feb leap (Thu)"),
    pytest.param(D(2025, 3, 31), "NL", D(2025, 4, 30), id="31 Mar -> 30 Apr (Wed)"),
    pytest.param(D(2023, 1, 30), "NL", D(2023, 2, 28), id="30 Jan 2023 -> 28 Feb (Tue)"),
    # --- weekends ---------------------------------------------------------------------------
    pytest.param(D(2025, 9, 4), "NL", D(2025, 10, 6), id="-> Sat 4 Oct 2025 -> Mon 6 Oct"),
    pytest.param(D(2025, 9, 5), "NL", D(2025, 10, 6), id="-> Sun 5 Oct 2025 -> Mon 6 Oct"),
    # --- Dutch public holidays --------------------------------------------------------------
    pytest.param(D(2026, 3, 27), "NL", D(2026, 4, 28), id="NL King's Day Mon 27 Apr -> Tue 28"),
    pytest.param(
        D(2026, 11, 25), "NL", D(2026, 12, 28), id="NL Xmas Fri 25, Sat 26, Sun 27 -> Mon 28 Dec"
    ),
    pytest.param(D(2025, 12, 1), "NL", D(2026, 1, 2), id="NL New Year Thu 1 Jan 2026 -> Fri 2"),
    pytest.param(D(2026, 12, 1), "NL", D(2027, 1, 4), id="NL New Year Fri 1 Jan 2027 -> Mon 4"),
    pytest.param(D(2026, 3, 6), "NL", D(2026, 4, 7), id="NL Easter Mon 6 Apr 2026 -> Tue 7"),
    pytest.param(D(2026, 4, 25), "NL", D(2026, 5, 26), id="NL Whit Mon 25 May 2026 -> Tue 26"),
    pytest.param(D(2025, 9, 3), "NL", D(2025, 10, 3), id="NL 3 Oct 2025 is a working day"),
    # --- German public holidays (nationwide ones; Easter 2026 is 5 April) -------------------
    pytest.param(D(2025, 9, 3), "DE", D(2025, 10, 6), id="DE Unity Day Fri 3 Oct 2025 -> Mon 6"),
    pytest.param(D(2026, 3, 6), "DE", D(2026, 4, 7), id="DE Easter Mon 6 Apr 2026 -> Tue 7"),
    pytest.param(
        D(2026, 3, 3), "DE", D(2026, 4, 7), id="DE Good Fri 3 Apr, Sat, Sun, Easter Mon -> Tue 7"
    ),
    pytest.param(D(2026, 4, 25), "DE", D(2026, 5, 26), id="DE Whit Mon 25 May 2026 -> Tue 26"),
    pytest.param(D(2026, 3, 27), "DE", D(2026, 4, 27), id="DE 27 Apr 2026 is a working day"),
    pytest.param(D(2026, 11, 25), "DE", D(2026, 12, 28), id="DE Xmas Fri 25 Dec 2026 -> Mon 28"),
    # --- country codes ----------------------------------------------------------------------
    pytest.param(D(2026, 3, 27), "nl", D(2026, 4, 28), id="lower-case 'nl' is the Netherlands"),
    pytest.param(D(2026, 3, 27), " NL ", D(2026, 4, 28), id="' NL ' with spaces"),
    pytest.param(D(2026, 3, 27), "XX", D(2026, 4, 27), id="XX unknown: King's Day not skipped"),
    pytest.param(D(2026, 11, 25), "XX", D(2026, 12, 25), id="XX unknown: Fri 25 Dec stays"),
    pytest.param(D(2025, 9, 4), "XX", D(2025, 10, 6), id="XX unknown: Sat 4 Oct -> Mon 6"),
    pytest.param(D(2026, 11, 25), "", D(2026, 12, 25), id="empty country: weekends only"),
    pytest.param(D(2026, 11, 25), None, D(2026, 12, 25), id="no country: weekends only"),
]


@pytest.mark.parametrize(("received", "country", "due"), DUE_DATES)
def test_due_date(received: date, country: str | None, due: date) -> None:
    assert due_date(received, country) == due


# received on, country, extended due on (one month + two further months from receipt)
EXTENDED = [
    pytest.param(D(2025, 1, 31), "NL", D(2025, 4, 30), id="31 Jan 2025 -> 30 Apr (Wed)"),
    pytest.param(D(2024, 1, 31), "DE", D(2024, 4, 30), id="31 Jan 2024 -> 30 Apr (Tue)"),
    pytest.param(D(2025, 3, 1), "NL", D(2025, 6, 2), id="1 Mar 2025 -> Sun 1 Jun -> Mon 2 Jun"),
    pytest.param(D(2023, 11, 30), "NL", D(2024, 2, 29), id="30 Nov 2023 -> 29 Feb 2024 (Thu)"),
    pytest.param(D(2024, 11, 30), "NL", D(2025, 2, 28), id="30 Nov 2024 -> 28 Feb 2025 (Fri)"),
]


@pytest.mark.parametrize(("received", "country", "due"), EXTENDED)
def test_extended_due_date(received: date, country: str, due: date) -> None:
    assert extended_due_date(received, country) == due
    assert extended_due_date(received, country) == due_date(received, country, months=3)


# start, months, result (no working-day adjustment)
MONTHS = [
    pytest.param(D(2025, 3, 3), 1, D(2025, 4, 3), id="3 Mar + 1 -> 3 Apr"),
    pytest.param(D(2025, 1, 31), 1, D(2025, 2, 28), id="31 Jan 2025 + 1 -> 28 Feb"),
    pytest.param(D(2024, 1, 31), 1, D(2024, 2, 29), id="31 Jan 2024 + 1 -> 29 Feb"),
    pytest.param(D(2025, 3, 31), 1, D(2025, 4, 30), id="31 Mar + 1 -> 30 Apr"),
    pytest.param(D(2025, 3, 31), 2, D(2025, 5, 31), id="31 Mar + 2 -> 31 May"),
    pytest.param(D(2023, 11, 30), 3, D(2024, 2, 29), id="30 Nov 2023 + 3 -> 29 Feb 2024"),
    pytest.param(D(2024, 11, 30), 3, D(2025, 2, 28), id="30 Nov 2024 + 3 -> 28 Feb 2025"),
    pytest.param(D(2025, 12, 15), 1, D(2026, 1, 15), id="15 Dec + 1 -> 15 Jan next year"),
    pytest.param(D(2025, 5, 31), 0, D(2025, 5, 31), id="+ 0 -> the same day"),
    pytest.param(D(2025, 3, 31), -1, D(2025, 2, 28), id="31 Mar - 1 -> 28 Feb"),
]


@pytest.mark.parametrize(("start", "months", "result"), MONTHS)
def test_add_months(start: date, months: int, result: date) -> None:
    assert add_months(start, months) == result


# day, country, next working day (the day itself when it is one)
WORKING_DAYS = [
    pytest.param(D(2026, 4, 28), "NL", D(2026, 4, 28), id="Tue 28 Apr 2026: itself"),
    pytest.param(D(2026, 4, 27), "NL", D(2026, 4, 28), id="NL King's Day -> next day"),
    pytest.param(D(2026, 4, 27), "DE", D(2026, 4, 27), id="DE has no King's Day"),
    pytest.param(D(2026, 10, 3), "DE", D(2026, 10, 5), id="DE Sat 3 Oct 2026 -> Mon 5"),
    pytest.param(D(2025, 10, 3), "DE", D(2025, 10, 6), id="DE Fri 3 Oct 2025 -> Mon 6"),
    pytest.param(D(2025, 10, 3), "NL", D(2025, 10, 3), id="NL Fri 3 Oct 2025: itself"),
    pytest.param(D(2026, 5, 25), "NL", D(2026, 5, 26), id="NL Whit Monday -> Tue"),
    pytest.param(D(2026, 5, 25), "DE", D(2026, 5, 26), id="DE Whit Monday -> Tue"),
    pytest.param(D(2026, 12, 31), "NL", D(2026, 12, 31), id="NL Thu 31 Dec 2026: itself"),
    pytest.param(D(2027, 12, 24), "NL", D(2027, 12, 24), id="NL Fri 24 Dec 2027: itself"),
    pytest.param(D(2027, 12, 25), "NL", D(2027, 12, 27), id="NL Sat 25 Dec 2027 -> Mon 27"),
    pytest.param(D(2026, 12, 26), "NL", D(2026, 12, 28), id="NL Sat 26 Dec 2026 -> Mon 28"),
    pytest.param(D(2026, 12, 26), "XX", D(2026, 12, 28), id="XX Sat 26 Dec -> Mon 28"),
]


@pytest.mark.parametrize(("day", "country", "result"), WORKING_DAYS)
def test_next_working_day(day: date, country: str, result: date) -> None:
    assert next_working_day(day, country) == result


# sent on, channel, days a letter takes, expected day of receipt
RECEIPTS = [
    pytest.param(D(2026, 11, 27), "post", 3, D(2026, 11, 30), id="post Fri 27 Nov + 3 -> Mon 30"),
    pytest.param(D(2026, 11, 27), "post", 5, D(2026, 12, 2), id="post + 5 (configured)"),
    pytest.param(D(2026, 11, 27), "post", 0, D(2026, 11, 27), id="post + 0 (handed in)"),
    pytest.param(D(2026, 11, 27), "email", 3, D(2026, 11, 27), id="email: the same day"),
    pytest.param(D(2026, 11, 27), "webform", 3, D(2026, 11, 27), id="webform: the same day"),
]


@pytest.mark.parametrize(("sent", "channel", "post_days", "received"), RECEIPTS)
def test_expected_receipt(sent: date, channel: str, post_days: int, received: date) -> None:
    assert expected_receipt(sent, channel, post_days) == received


def test_post_days_default_to_three() -> None:
    assert expected_receipt(D(2026, 11, 27), "post") == D(2026, 11, 30)


def test_a_posted_letter_counts_from_its_expected_receipt() -> None:
    received = expected_receipt(D(2026, 11, 27), "post")
    assert due_date(received, "NL") == D(2026, 12, 30)  # Wednesday
    # from the sending day it would have been Sun 27 Dec → Mon 28 Dec: two days too early
    assert due_date(D(2026, 11, 27), "NL") == D(2026, 12, 28)


@pytest.mark.parametrize(("channel", "post_days"), [("fax", 3), ("", 3), ("post", -1)])
def test_expected_receipt_refuses_nonsense(channel: str, post_days: int) -> None:
    with pytest.raises(ValueError):
        expected_receipt(D(2026, 1, 5), channel, post_days)


def test_negative_period_is_refused() -> None:
    with pytest.raises(ValueError):
        due_date(D(2026, 1, 5), "NL", months=-1)


# due on, today, days left, overdue, due soon (within 7 days)
COUNTDOWN = [
    pytest.param(D(2026, 4, 28), D(2026, 4, 1), 27, False, False, id="27 days left"),
    pytest.param(D(2026, 4, 28), D(2026, 4, 20), 8, False, False, id="8 days: not yet soon"),
    pytest.param(D(2026, 4, 28), D(2026, 4, 21), 7, False, True, id="7 days: soon"),
    pytest.param(D(2026, 4, 28), D(2026, 4, 27), 1, False, True, id="tomorrow: soon"),
    pytest.param(D(2026, 4, 28), D(2026, 4, 28), 0, False, True, id="the due day: not late"),
    pytest.param(D(2026, 4, 28), D(2026, 4, 29), -1, True, False, id="the day after: overdue"),
    pytest.param(D(2026, 4, 28), D(2026, 6, 1), -34, True, False, id="long overdue"),
]


@pytest.mark.parametrize(("due", "today", "left", "overdue", "soon"), COUNTDOWN)
def test_countdown(due: date, today: date, left: int, overdue: bool, soon: bool) -> None:
    assert days_left(due, today) == left
    assert is_overdue(due, today) is overdue
    assert due_soon(due, today) is soon


def test_due_soon_window_is_configurable() -> None:
    assert not due_soon(D(2026, 4, 28), D(2026, 4, 14))
    assert due_soon(D(2026, 4, 28), D(2026, 4, 14), within=14)


def test_deadline_follows_the_extension() -> None:
    plain = Deadline.compute(D(2025, 1, 31), "NL")
    assert plain == Deadline(D(2025, 1, 31), D(2025, 2, 28), None)
    assert plain.current_due == D(2025, 2, 28)
    assert plain.is_overdue(D(2025, 3, 3))

    extended = Deadline.compute(D(2025, 1, 31), "NL", extended=True)
    assert extended.extended_to == D(2025, 4, 30)
    assert extended.current_due == D(2025, 4, 30)
    assert not extended.is_overdue(D(2025, 3, 3))
    assert extended.days_left(D(2025, 4, 23)) == 7
    assert extended.due_soon(D(2025, 4, 23))


def test_holiday_lookups_are_cached_and_do_not_leak_years() -> None:
    first = public_holidays("NL", 2026)
    assert public_holidays("nl", 2026) is first  # one cache entry per (country, year)
    assert D(2026, 4, 27) in first
    assert all(day.year == 2026 for day in first)
    assert public_holidays("XX", 2026) == frozenset()
    assert public_holidays(None, 2026) == frozenset()
