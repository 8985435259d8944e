"""Errors in the person's language. The Qt-free core writes its messages in English as `Text`
(app.errors): a marked template and the values filled into it. Here the template is looked up
in the translation (lupdate extracts the marked templates from the core too) and filled
in again with the values, those that are `Text` themselves (a field name, "recipient", a
status) translated too. Without a translation — or in English — the words are the English
ones of `str(exc)` and the CLI (only `{n:,}` counts are grouped as the locale groups them)."""

from __future__ import annotations

import string
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from app.errors import FIELDS, Text, word
from app.ui.formatting import QT_TRANSLATE_NOOP


def error_text(exc: BaseException) -> str:
    """What went wrong, in the UI's language. A QuidError's message (any exception whose
    message is a `Text`) is translated; anything else is `str(exc)`, as before — callers that
    show a generic sentence for unexpected errors keep doing so."""
    message = exc.args[0] if len(exc.args) == 1 else None
    if isinstance(message, Text):
        return translated(message)
    return str(exc)


def translated(text: str) -> str:
    """`text` in the UI's language when it is a `Text`; any other string as it is (the
    person's own words, a file name)."""
    if not isinstance(text, Text):
        return text
    if text.source is None:
        return QCoreApplication.translate(text.context, str(text))
    template = translated(text.source)
    args = [_value(a) for a in text.args]
    kwargs = {k: _value(v) for k, v in text.kwargs.items()}
    try:
        return _LocalFormatter().format(template, *args, **kwargs)
    except Exception:  # a broken translation must not break the error dialog
        return str(text)


def field_name(name: str) -> str:
    """A ValidationError's field (`exc.field`) in the UI's language: "notes" → "notities"."""
    return translated(word(name, FIELDS))


def _value(value: Any) -> Any:
    return translated(value) if isinstance(value, Text) else value


class _LocalFormatter(string.Formatter):
    """`{count:,}` groups thousands as the locale does (1.234 in Dutch), not always "1,234"."""

    def format_field(self, value: Any, format_spec: str) -> str:
        is_count = isinstance(value, int) and not isinstance(value, bool)
        if format_spec == "," and is_count and QLocale().language() != QLocale.Language.C:
            return QLocale().toString(value)
        return super().format_field(value, format_spec)


#: The field names a ValidationError names (`exc.field`, the core's English identifiers), so
#: lupdate extracts them into the "fields" context that `word(name, FIELDS)` is translated in.
FIELD_NAMES = (
    QT_TRANSLATE_NOOP("fields", "--request"),
    QT_TRANSLATE_NOOP("fields", "address"),
    QT_TRANSLATE_NOOP("fields", "alias"),
    QT_TRANSLATE_NOOP("fields", "attachment"),
    QT_TRANSLATE_NOOP("fields", "attachment name"),
    QT_TRANSLATE_NOOP("fields", "authority"),
    QT_TRANSLATE_NOOP("fields", "body"),
    QT_TRANSLATE_NOOP("fields", "categories"),
    QT_TRANSLATE_NOOP("fields", "category"),
    QT_TRANSLATE_NOOP("fields", "channel"),
    QT_TRANSLATE_NOOP("fields", "consent withdrawn on"),
    QT_TRANSLATE_NOOP("fields", "corrections"),
    QT_TRANSLATE_NOOP("fields", "country"),
    QT_TRANSLATE_NOOP("fields", "date"),
    QT_TRANSLATE_NOOP("fields", "description"),
    QT_TRANSLATE_NOOP("fields", "detail"),
    QT_TRANSLATE_NOOP("fields", "domain"),
    QT_TRANSLATE_NOOP("fields", "earlier"),
    QT_TRANSLATE_NOOP("fields", "email"),
    QT_TRANSLATE_NOOP("fields", "extension_reason"),
    QT_TRANSLATE_NOOP("fields", "filename"),
    QT_TRANSLATE_NOOP("fields", "first used"),
    QT_TRANSLATE_NOOP("fields", "from"),
    QT_TRANSLATE_NOOP("fields", "grounds"),
    QT_TRANSLATE_NOOP("fields", "how"),
    QT_TRANSLATE_NOOP("fields", "identifier"),
    QT_TRANSLATE_NOOP("fields", "kind"),
    QT_TRANSLATE_NOOP("fields", "language"),
    QT_TRANSLATE_NOOP("fields", "last used"),
    QT_TRANSLATE_NOOP("fields", "ledger"),
    QT_TRANSLATE_NOOP("fields", "legal basis"),
    QT_TRANSLATE_NOOP("fields", "merge"),
    QT_TRANSLATE_NOOP("fields", "mime"),
    QT_TRANSLATE_NOOP("fields", "name"),
    QT_TRANSLATE_NOOP("fields", "notes"),
    QT_TRANSLATE_NOOP("fields", "period"),
    QT_TRANSLATE_NOOP("fields", "phone"),
    QT_TRANSLATE_NOOP("fields", "profile"),
    QT_TRANSLATE_NOOP("fields", "purpose"),
    QT_TRANSLATE_NOOP("fields", "quality"),
    QT_TRANSLATE_NOOP("fields", "reason"),
    QT_TRANSLATE_NOOP("fields", "retention"),
    QT_TRANSLATE_NOOP("fields", "source"),
    QT_TRANSLATE_NOOP("fields", "status"),
    QT_TRANSLATE_NOOP("fields", "subject"),
    QT_TRANSLATE_NOOP("fields", "summary"),
    QT_TRANSLATE_NOOP("fields", "type"),
    QT_TRANSLATE_NOOP("fields", "until"),
    QT_TRANSLATE_NOOP("fields", "value"),
    QT_TRANSLATE_NOOP("fields", "via"),
    QT_TRANSLATE_NOOP("fields", "webform"),
    QT_TRANSLATE_NOOP("fields", "website"),
)
