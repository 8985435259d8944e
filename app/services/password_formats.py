"""The CSV exports Quid knows: their header rows, how to tell them apart, and which columns
hold the site, the username and dates. Written from each exporter's published header. No Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.errors import QT_TR_NOOP, QuidError

FORMATS: tuple[str, ...] = (
    "bitwarden", "1password", "keepassxc", "lastpass", "chrome", "firefox", "safari",
)  # fmt: skip
FORMAT_LABELS: dict[str, str] = {
    "bitwarden": "Bitwarden",
    "1password": "1Password",
    "keepassxc": "KeePassXC",
    "lastpass": "LastPass",
    "chrome": "Chrome / Edge",
    "firefox": "Firefox",
    "safari": "Apple Passwords / Safari",
}


class ExportFileError(QuidError):
    """The export cannot be read; the message names the line and says nothing was imported."""

    def __init__(self, message: str, line: int | None = None, **values: Any) -> None:
        super().__init__(message, **values)
        self.line = line


def line_error(line: int, what: str) -> ExportFileError:
    return ExportFileError(
        QT_TR_NOOP("Line {number}: {what}; nothing was imported."), line, number=line, what=what
    )


@dataclass(frozen=True)
class ColumnMapping:
    """Which header columns hold what (names as in the header row, compared ignoring case)."""

    url: tuple[str, ...]
    username: str | None = None
    title: str | None = None
    created: str | None = None
    last_used: str | None = None
    modified: str | None = None


@dataclass(frozen=True)
class _Columns:
    """A format's columns as its exporters spell them, each with the variants seen in the wild."""

    url: tuple[str, ...]
    username: tuple[str, ...]
    title: tuple[str, ...] = ()
    created: tuple[str, ...] = ()
    last_used: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()


_COLUMNS: dict[str, _Columns] = {
    # folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,…
    "bitwarden": _Columns(("login_uri",), ("login_username",), ("name",)),
    # 1Password 8: Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes;
    # 1Password 7 wrote "Website" or "URL" instead of "Url"
    "1password": _Columns(("Url", "Website", "URLs", "Login URL"), ("Username",), ("Title",)),
    # "Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"
    "keepassxc": _Columns(
        ("URL",), ("Username",), ("Title",), created=("Created",), modified=("Last Modified",)
    ),
    # url,username,password,totp,extra,name,grouping,fav
    "lastpass": _Columns(("url",), ("username",), ("name",)),
    # name,url,username,password[,note]
    "chrome": _Columns(("url",), ("username",), ("name",)),
    # "url","username","password","httpRealm","formActionOrigin","guid","timeCreated",
    # "timeLastUsed","timePasswordChanged" (milliseconds since the epoch)
    "firefox": _Columns(
        ("url",),
        ("username",),
        created=("timeCreated",),
        last_used=("timeLastUsed",),
        modified=("timePasswordChanged",),
    ),
    # Title,URL,Username,Password,Notes,OTPAuth
    "safari": _Columns(("URL",), ("Username",), ("Title",)),
}

# For a CSV of unknown origin: exact names first, then names containing these words.
_GUESS_URL = ("url", "urls", "login_uri", "website", "web site", "uri", "site", "web address",
              "address", "link", "origin", "hostname", "host", "domain", "login url")  # fmt: skip
_GUESS_USERNAME = ("username", "login_username", "user name", "email", "e-mail", "email address",
                   "login", "login name", "user", "user id", "account")  # fmt: skip
_GUESS_TITLE = ("name", "title", "account name", "service", "entry", "label")
# a guess by part of a name never picks these ("login_password" is no login name)
_SECRET_WORDS = ("pass", "secret", "totp", "otp", "note", "extra", "comment", "field")
_GUESS_CREATED = ("created", "timecreated", "date created", "creation date", "created at")
_GUESS_LAST_USED = ("last used", "timelastused", "last_used", "lastused", "last login")
_GUESS_MODIFIED = ("last modified", "modified", "timepasswordchanged", "updated", "updated at")


_CHROME = frozenset({"name", "url", "username", "password", "note"})


def normalised(name: str) -> str:
    """How header names compare: no BOM, quotes or surrounding spaces; case ignored."""
    return name.replace("\ufeff", "").strip().strip('"').strip().casefold()


# A header row names columns: short words such as `Site Name`, `login_uri`, `E-mail or user`,
# `username2`. A cell that looks like data instead makes the whole first row data, and it may
# hold a password, so it is never shown: a web address (`://`), an e-mail address or login
# (`@`), a host (`example.com`, `192.168.1.1`), more than HEADER_CELL_MAX characters, or
# password-like: at least 8 characters without a space that mix letters and digits and either
# hold a symbol other than the separators `_ - . # ( ) /` or have digits between letters
# (`Pa55word`, `7f3a9c`), where a column name has its number only at the end (`username2`).
HEADER_CELL_MAX = 40
_HOST_LIKE = re.compile(
    r"(?:^|[^\w.-])(?:[\w-]+\.)+[^\W\d_]{2,}(?:$|[^\w.-])|\b\d{1,3}(?:\.\d{1,3}){3}\b"
)
_HEADER_SEPARATORS = frozenset("_-.#()/")
_DIGITS_BETWEEN_LETTERS = re.compile(r"[^\W\d_]\d+[^\W\d_]")


def _looks_like_data(cell: str) -> bool:
    text = cell.replace("\ufeff", "").strip()
    if "://" in text or "@" in text or len(text) > HEADER_CELL_MAX or _HOST_LIKE.search(text):
        return True
    if len(text) < 8 or any(c.isspace() for c in text):
        return False
    letters = any(c.isalpha() for c in text)
    digits = any(c.isdigit() for c in text)
    symbols = any(not c.isalnum() and c not in _HEADER_SEPARATORS for c in text)
    return letters and digits and (symbols or bool(_DIGITS_BETWEEN_LETTERS.search(text)))


def looks_like_header(cells: Sequence[str]) -> bool:
    """Whether a first row names columns rather than holding a login (see the rule above)."""
    return any(cell.strip() for cell in cells) and not any(_looks_like_data(c) for c in cells)


def not_a_header(name: str) -> str:
    """The refusal when `looks_like_header` says no; it never quotes the row."""
    return QT_TR_NOOP(
        "The first line of {name} does not look like a header row (column names); add one "
        "or export again with headers. Nothing was imported."
    ).format(name=name)


def detect_format(header: Sequence[str]) -> str | None:
    """The exporter that writes this header row, or None when it is not one we know."""
    names = {normalised(name) for name in header}
    has = names.issuperset
    if has({"login_uri", "login_username"}):
        return "bitwarden"
    if "url" in names and names & {"formactionorigin", "httprealm", "timecreated", "guid"}:
        return "firefox"
    if has({"group", "title", "username", "url"}):
        return "keepassxc"
    if has({"url", "username", "extra", "grouping"}):
        return "lastpass"
    if "title" in names and "username" in names and names & {"url", "website", "urls"}:
        # Safari and 1Password 8 share Title/URL/Username/Password/Notes/OTPAuth; only
        # 1Password adds Favorite/Archived/Tags, and only Safari writes OTPAuth without them.
        if names & {"favorite", "archived", "tags", "website", "urls"}:
            return "1password"
        return "safari" if "otpauth" in names else "1password"
    if has({"name", "url", "username"}) and names <= _CHROME:
        return "chrome"
    return None


def mapping_for(fmt: str) -> ColumnMapping:
    """The columns a known format's exporter writes (ValueError for an unknown format)."""
    try:
        columns = _COLUMNS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}") from None

    def first(names: tuple[str, ...]) -> str | None:
        return names[0] if names else None

    return ColumnMapping(
        url=columns.url[:1],
        username=first(columns.username),
        title=first(columns.title),
        created=first(columns.created),
        last_used=first(columns.last_used),
        modified=first(columns.modified),
    )


def _find(header: Sequence[str], wanted: Sequence[str], *, fuzzy: bool = False) -> str | None:
    names = [normalised(name) for name in header]
    for want in wanted:
        if want.casefold() in names:
            return header[names.index(want.casefold())]
    if fuzzy:
        for want in wanted:
            for index, name in enumerate(names):
                secret = any(word in name for word in _SECRET_WORDS)
                if want.casefold() in name and not secret:
                    return header[index]
    return None


def guess_mapping(header: Sequence[str]) -> ColumnMapping | None:
    """A best guess at an unknown CSV's columns; None when no column looks like a web address."""
    url = _find(header, _GUESS_URL, fuzzy=True)
    if url is None:
        return None
    rest = [name for name in header if name != url]
    username = _find(rest, _GUESS_USERNAME, fuzzy=True)
    return ColumnMapping(
        url=(url,),
        username=username,
        title=_find([name for name in rest if name != username], _GUESS_TITLE, fuzzy=True),
        created=_find(rest, _GUESS_CREATED),
        last_used=_find(rest, _GUESS_LAST_USED),
        modified=_find(rest, _GUESS_MODIFIED),
    )


def format_mapping(fmt: str, header: Sequence[str]) -> ColumnMapping:
    """A known format's columns as this file spells them (exporter versions differ a little)."""
    columns = _COLUMNS[fmt]
    url = _find(header, columns.url)
    if url is None:
        raise line_error(
            1,
            QT_TR_NOOP("this is not a {format} export (it has no '{column}' column)").format(
                format=FORMAT_LABELS[fmt], column=columns.url[0]
            ),
        )
    return ColumnMapping(
        url=(url,),
        username=_find(header, columns.username),
        title=_find(header, columns.title),
        created=_find(header, columns.created),
        last_used=_find(header, columns.last_used),
        modified=_find(header, columns.modified),
    )
