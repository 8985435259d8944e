"""Due dates as an iCalendar file (RFC 5545) for the person's own calendar. No Qt, no network.

One all-day event per request on its due date, with a reminder a week before. UIDs are made
from the caller's stable ids (`<uid>@quid.local`), never from a host name or address, so a
re-import updates the same events instead of adding copies. DTSTAMP comes from the `now`
argument, so the same input always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

PRODID = "-//Quid//Quid GDPR requests//EN"
UID_DOMAIN = "quid.local"
REMINDER_DAYS = 7


@dataclass(frozen=True)
class CalendarItem:
    uid: str  # stable, e.g. the request id
    title: str
    due_on: date
    description: str = ""


def event_uid(uid: str) -> str:
    return f"{uid}@{UID_DOMAIN}"


def due_dates_ics(items: Iterable[CalendarItem], *, now: datetime | None = None) -> bytes:
    """The items as one VCALENDAR, UTF-8 with CRLF line ends. `now` must be timezone-aware."""
    stamp = _utc(now if now is not None else datetime.now(UTC))
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    seen: set[str] = set()
    for item in items:
        uid = item.uid.strip()
        if not uid:
            raise ValueError("A calendar item needs a uid.")
        if uid in seen:
            raise ValueError(f"Two calendar items share the uid {uid!r}.")
        seen.add(uid)
        cal.add_component(_event(item, uid, stamp))
    return cal.to_ical()


def _event(item: CalendarItem, uid: str, stamp: datetime) -> Event:
    due = item.due_on
    if isinstance(due, datetime):  # a datetime is a date too; an all-day event needs a date
        due = due.date()
    event = Event()
    event.add("uid", event_uid(uid))
    event.add("dtstamp", stamp)
    event.add("dtstart", due)  # a date → DTSTART;VALUE=DATE
    event.add("dtend", due + timedelta(days=1))  # exclusive end: the next day
    event.add("summary", item.title)
    if item.description:
        event.add("description", item.description)
    event.add("transp", "TRANSPARENT")  # a deadline does not make the person busy
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(days=-REMINDER_DAYS))
    alarm.add("description", f"Due in {REMINDER_DAYS} days: {item.title}")
    event.add_component(alarm)
    return event


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("`now` must be timezone-aware (UTC).")
    return moment.astimezone(UTC).replace(microsecond=0)
