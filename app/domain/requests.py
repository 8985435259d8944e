"""GDPR requests: the types, their articles, and the states a request goes through. Pure."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("en", "nl", "de", "fr")
CHANNELS = ("email", "post", "webform")


@dataclass(frozen=True)
class RequestType:
    key: str
    article: str  # as cited in the letter, e.g. "15", "21(2)", "7(3)"
    title: str  # English name, for lists


REQUEST_TYPES: dict[str, RequestType] = {
    t.key: t
    for t in (
        RequestType("access", "15", "Access to my data"),
        RequestType("rectification", "16", "Correct my data"),
        RequestType("erasure", "17", "Erase my data"),
        RequestType("restriction", "18", "Restrict processing"),
        RequestType("portability", "20", "Data portability"),
        RequestType("objection", "21(1)", "Objection to processing"),
        RequestType("objection-marketing", "21(2)", "Objection to direct marketing"),
        RequestType("withdraw-consent", "7(3)", "Withdrawal of consent"),
        RequestType("automated-decision", "22", "Automated decision"),
        RequestType("reminder", "12(3)", "Reminder"),
        RequestType("complaint", "77", "Complaint to the supervisory authority"),
    )
}

STATUSES = (
    "draft",
    "sent",
    "acknowledged",
    "extended",
    "answered",
    "refused",
    "overdue",
    "escalated",
    "closed",
)
OPEN_STATUSES = ("sent", "acknowledged", "extended", "overdue")
EVENT_KINDS = (
    "drafted",
    "sent",
    "acknowledged",
    "extended",
    "answered",
    "refused",
    "reminded",
    "escalated",
    "closed",
    "note",
)
