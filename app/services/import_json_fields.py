"""Reading one record of a Quid ledger file with its types checked: every problem is an
`ImportFileError` that names the place in the file (`disclosures[4].given_on: …`) and says
that nothing was changed."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, NoReturn

from app.domain.ledger import ValidationError
from app.errors import QT_TR_NOOP, QuidError, one_line

MAX_ID = 2**53 - 1
_TIMESTAMP = re.compile(
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$"
)


class ImportFileError(QuidError):
    """The file cannot be imported; the message names the place and says nothing changed."""


def fail(where: str, message: str, **values: Any) -> NoReturn:
    """Stop the import: `message` (a template filled in with `values`) is the problem at `where`."""
    message = message.format(**values) if values else message
    raise ImportFileError(
        QT_TR_NOOP("{where}: {problem} Nothing was changed."),
        where=one_line(where),
        problem=one_line(message),
    )


# --- one value ------------------------------------------------------------------------------
class FileRecord:
    """Typed access to one JSON object at `where`, e.g. `disclosures[4]`."""

    def __init__(self, value: Any, where: str, allowed: tuple[str, ...]) -> None:
        if not isinstance(value, dict):
            fail(where, QT_TR_NOOP("must be an object ({…})."))
        for key in value:
            if key not in allowed:
                fail(f"{where}.{key}", QT_TR_NOOP("is not a field Quid knows."))
        self.raw: dict[str, Any] = value
        self.where = where

    def at(self, key: str) -> str:
        return f"{self.where}.{key}"

    def _get(self, key: str, default: Any, required: bool) -> Any:
        if key not in self.raw:
            if required:
                fail(self.at(key), QT_TR_NOOP("is missing."))
            return default
        return self.raw[key]

    def text(self, key: str, default: str = "", *, required: bool = False) -> str:
        value = self._get(key, default, required)
        if not isinstance(value, str):
            fail(self.at(key), QT_TR_NOOP("must be text."))
        return value

    def optional_text(self, key: str) -> str | None:
        value = self._get(key, None, False)
        if value is not None and not isinstance(value, str):
            fail(self.at(key), QT_TR_NOOP("must be text or null."))
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._get(key, default, False)
        if not isinstance(value, bool):
            fail(self.at(key), QT_TR_NOOP("must be true or false."))
        return value

    def optional_flag(self, key: str) -> bool | None:
        value = self._get(key, None, False)
        if value is not None and not isinstance(value, bool):
            fail(self.at(key), QT_TR_NOOP("must be true, false or null."))
        return value

    def integer(self, key: str, default: int | None = None, *, required: bool = False,
                nullable: bool = False) -> Any:  # fmt: skip
        value = self._get(key, default, required)
        if value is None and nullable:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            if nullable:
                fail(self.at(key), QT_TR_NOOP("must be a whole number or null."))
            fail(self.at(key), QT_TR_NOOP("must be a whole number."))
        return value

    def ident(self, key: str = "id", *, nullable: bool = False) -> Any:
        value = self.integer(key, required=not nullable, nullable=nullable)
        if value is not None and not 1 <= value <= MAX_ID:
            fail(
                self.at(key),
                QT_TR_NOOP("{value} is not a valid id (a positive whole number).").format(
                    value=value
                ),
            )
        return value

    def texts(self, key: str) -> list[str]:
        value = self._get(key, [], False)
        if not isinstance(value, list):
            fail(self.at(key), QT_TR_NOOP("must be a list of texts."))
        for index, item in enumerate(value):
            if not isinstance(item, str):
                fail(f"{self.at(key)}[{index}]", QT_TR_NOOP("must be text."))
        return list(value)

    def timestamp(self, key: str, now: str) -> str:
        value = self._get(key, now, False)
        if not isinstance(value, str) or not _TIMESTAMP.match(value):
            fail(self.at(key), QT_TR_NOOP("must be a timestamp such as 2026-01-31T12:00:00+00:00."))
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            fail(
                self.at(key),
                QT_TR_NOOP("'{value}' is not a valid timestamp.").format(value=value[:40]),
            )
        return value

    def day(self, key: str, *, required: bool = False) -> str | None:
        value = self.text(key, required=True) if required else self.optional_text(key)
        if value is None or (value == "" and not required):
            return None
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            fail(
                self.at(key),
                QT_TR_NOOP("'{value}' is not a date (YYYY-MM-DD).").format(value=value[:30]),
            )

    def cleaned(self, make: Callable[[], Any], keys: Mapping[str, str]) -> Any:
        """Run a domain validator; its field name becomes this record's JSON key."""
        try:
            return make()
        except ValidationError as exc:
            fail(self.at(keys.get(exc.field, exc.field)), exc.message)
