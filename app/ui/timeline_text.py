"""The request timeline's summaries in the UI's language. RequestService stores the ones it
writes itself in English (`GENERATED_SUMMARIES`; exports carry them); here they are recognised by
their template and shown translated, the channel as a word of the UI and the due date in the
locale's format. Any other summary is the person's own words, shown as typed."""

from __future__ import annotations

import functools
import re
import string

from app.services.requests import GENERATED_SUMMARIES
from app.ui.formatting import format_date, term, tr

#: What each placeholder of the service's summaries holds: a typed reason that happens to read
#: like "via pigeon; answer due soon" is the person's words, not ours.
_VALUES = {"channel": r"\w+", "due": r"\d{4}-\d\d-\d\d", "id": r"\d+"}


@functools.cache
def _pattern(template: str) -> re.Pattern[str]:
    """The template as a regular expression: its text literally, each {name} a named group."""
    parts = [
        re.escape(literal) + (f"(?P<{name}>{_VALUES[name]})" if name else "")
        for literal, name, _spec, _conversion in string.Formatter().parse(template)
    ]
    return re.compile("".join(parts))


def event_summary(kind: str, summary: str) -> str:
    template = GENERATED_SUMMARIES.get(kind)
    found = None if template is None else _pattern(str(template)).fullmatch(summary)
    if template is None or found is None:
        return summary
    values = found.groupdict()
    if "channel" in values:
        values["channel"] = term(values["channel"])
    if "due" in values:
        values["due"] = format_date(values["due"])
    try:
        return tr(template).format(**values)
    except Exception:  # a broken translation: show the stored (English) summary
        return summary
