"""The iCalendar export of due dates, read back with the icalendar library."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar, Event

from app.services.calendar_export import PRODID, CalendarItem, due_dates_ics

NOW = datetime(2026, 3, 30, 9, 15, 0, tzinfo=UTC)
TRICKY = "Access, Acme B.V.; ref: 12\nsecond line \\ backslash — Zürich"

ITEMS = [
    CalendarItem("req-1", "Answer due: Acme (Art. 15)", date(2026, 4, 28), "Sent 27 March."),
    CalendarItem("req-2", TRICKY, date(2026, 12, 31)),
]


def events(data: bytes) -> list[Event]:
    cal = Calendar.from_ical(data)
    assert isinstance(cal, Calendar)
    return list(cal.walk("VEVENT"))


def test_calendar_header() -> None:
    cal = Calendar.from_ical(due_dates_ics(ITEMS, now=NOW))
    assert str(cal["PRODID"]) == PRODID == "-//Quid//Quid GDPR requests//EN"
    assert str(cal["VERSION"]) == "2.0"


def test_one_all_day_event_per_item() -> None:
    found = events(due_dates_ics(ITEMS, now=NOW))
    assert [str(e["UID"]) for e in found] == ["req-1@quid.local", "req-2@quid.local"]
    first = found[0]
    start, end = first.decoded("DTSTART"), first.decoded("DTEND")
    assert type(start) is date and type(end) is date  # all-day: dates, not datetimes
    assert (start, end) == (date(2026, 4, 28), date(2026, 4, 29))
    assert first["DTSTART"].params.get("VALUE") == "DATE"
    assert first.decoded("DTSTAMP") == NOW
    assert str(first["SUMMARY"]) == "Answer due: Acme (Art. 15)"
    assert str(first["DESCRIPTION"]) == "Sent 27 March."
    assert "DESCRIPTION" not in found[1]  # no empty description


def test_end_of_year_rolls_into_next_year() -> None:
    last = events(due_dates_ics(ITEMS, now=NOW))[1]
    assert last.decoded("DTEND") == date(2027, 1, 1)


def test_text_is_escaped_and_round_trips() -> None:
    data = due_dates_ics(ITEMS, now=NOW)
    assert b"Access\\, Acme B.V.\\; ref: 12\\nsecond line \\\\ backslash" in data
    assert str(events(data)[1]["SUMMARY"]) == TRICKY


def test_reminder_a_week_before() -> None:
    for event in events(due_dates_ics(ITEMS, now=NOW)):
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
        assert alarms[0].decoded("TRIGGER") == timedelta(days=-7)
        assert str(alarms[0]["DESCRIPTION"])  # DISPLAY alarms need a description (RFC 5545)


def test_output_is_deterministic_utf8_with_crlf() -> None:
    data = due_dates_ics(ITEMS, now=NOW)
    assert data == due_dates_ics(list(ITEMS), now=NOW)
    assert data == due_dates_ics(iter(ITEMS), now=NOW)  # any iterable
    text = data.decode("utf-8")
    assert "Zürich" in text
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")  # every line ends in CRLF


def test_stamp_is_written_in_utc() -> None:
    amsterdam_summer = timezone(timedelta(hours=2))
    local = datetime(2026, 3, 30, 11, 15, 0, tzinfo=amsterdam_summer)
    data = due_dates_ics(ITEMS, now=local)
    assert data == due_dates_ics(ITEMS, now=NOW)
    assert b"DTSTAMP:20260330T091500Z" in data


def test_uids_do_not_depend_on_the_machine() -> None:
    data = due_dates_ics(ITEMS, now=NOW)
    uids = [line for line in data.decode().split("\r\n") if line.startswith("UID:")]
    assert uids == ["UID:req-1@quid.local", "UID:req-2@quid.local"]


def test_empty_calendar_is_still_valid() -> None:
    cal = Calendar.from_ical(due_dates_ics([], now=NOW))
    assert str(cal["PRODID"]) == PRODID
    assert list(cal.walk("VEVENT")) == []


@pytest.mark.parametrize(
    "items",
    [
        pytest.param([CalendarItem(" ", "x", date(2026, 1, 5))], id="blank uid"),
        pytest.param(
            [CalendarItem("a", "x", date(2026, 1, 5)), CalendarItem("a", "y", date(2026, 2, 5))],
            id="duplicate uid",
        ),
    ],
)
def test_bad_uids_are_refused(items: list[CalendarItem]) -> None:
    with pytest.raises(ValueError):
        due_dates_ics(items, now=NOW)


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError):
        due_dates_ics(ITEMS, now=datetime(2026, 3, 30, 9, 15))
