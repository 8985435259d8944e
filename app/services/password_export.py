"""Reading the CSV exports of password managers and browsers: the site, the username, dates.

Passwords, TOTP seeds, notes and custom fields never leave this module: the csv module splits a
row, the few mapped cells are copied into an `ExportEntry`, and the row is dropped at once.
Nothing here logs, writes a file or quotes a cell in an error message. Files are streamed in
chunks, so a 200 MB export costs about as much memory as its longest cell. No Qt.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO

from app.errors import QT_TR_NOOP
from app.services.discovery_domains import without_userinfo
from app.services.password_formats import (
    FORMAT_LABELS,
    FORMATS,
    ColumnMapping,
    ExportFileError,
    detect_format,
    format_mapping,
    guess_mapping,
    line_error,
    looks_like_header,
    mapping_for,
    normalised,
    not_a_header,
)
from app.services.progress import Progress

__all__ = [
    "FORMATS",
    "FORMAT_LABELS",
    "ColumnMapping",
    "ExportEntry",
    "ExportFileError",
    "detect_format",
    "guess_mapping",
    "looks_like_header",
    "mapping_for",
    "parse_date",
    "read_entries",
    "read_header",
    "split_urls",
]

FIELD_LIMIT = 64 * 1024 * 1024  # a longer cell is not a real export (or is not a CSV at all)
CHUNK_BYTES = 1024 * 1024
PROGRESS_EVERY = 2000  # rows between progress reports (and cancel checks)
TITLE_MAX = 200  # titles are only shown, in the list of skipped rows
USERNAME_MAX = 1000  # anything longer is refused later; no need to hold megabytes of it
URLS_MAX, URL_MAX = 50, 2048
OLDEST = date(1990, 1, 1)
_URL_SEPARATORS = re.compile(r"[\s,]+")

# csv's field limit is process-wide; ours is the only reader that needs a large one.
csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))


@dataclass(frozen=True)
class ExportEntry:
    line: int  # where the row starts in the file (1 = the header)
    title: str
    urls: tuple[str, ...]
    username: str
    created: date | None
    last_used: date | None


# --- bytes → lines ---------------------------------------------------------------------------
class _NotUtf8(Exception):
    """The file is not UTF-8 after all: read it again as cp1252."""


def _sniff_encoding(head: bytes) -> str:
    """From a byte-order mark, or from NULs every other byte (UTF-16 without a mark)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:512]
    if len(sample) >= 4:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > len(odd) * 0.4 and not even.count(0):
            return "utf-16-le"
        if even.count(0) > len(even) * 0.4 and not odd.count(0):
            return "utf-16-be"
    return "utf-8"


class _Lines:
    """The decoded lines of a binary file, each with its line end, in bounded memory."""

    def __init__(self, file: BinaryIO, encoding: str) -> None:
        self._file = file
        self._encoding = encoding
        self.count = 0  # lines handed out so far
        self.bytes_read = 0

    def __iter__(self) -> Iterator[str]:
        errors = "replace" if self._encoding == "cp1252" else "strict"  # 5 bytes are unmapped
        decoder = codecs.getincrementaldecoder(self._encoding)(errors=errors)
        pending: list[str] = []
        pending_length = 0
        while True:
            chunk = self._file.read(CHUNK_BYTES)
            self.bytes_read += len(chunk)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError:
                if self._encoding == "utf-8":
                    raise _NotUtf8() from None
                raise line_error(self.count + 1, QT_TR_NOOP("the file is not text")) from None
            nul = text.find("\x00")
            if nul >= 0:
                line = self.count + 1 + text.count("\n", 0, nul)
                raise line_error(
                    line, QT_TR_NOOP("the file holds NUL bytes (a binary file, not a CSV)")
                )
            parts = text.split("\n")
            if len(parts) > 1:
                parts[0] = "".join(pending) + parts[0]
                pending, pending_length = [], 0
                for part in parts[:-1]:
                    self.count += 1
                    yield part + "\n"
            if parts[-1]:
                pending.append(parts[-1])
                pending_length += len(parts[-1])
                if pending_length > FIELD_LIMIT:
                    raise line_error(self.count + 1, QT_TR_NOOP("a line is longer than 64 MiB"))
            if not chunk:
                break
        if pending:
            self.count += 1
            yield "".join(pending)


_CSV_PROBLEMS = (
    ("unexpected end of data", QT_TR_NOOP("a quoted cell is never closed (a missing quote)")),
    ("expected after", QT_TR_NOOP("a quote inside a cell is not doubled")),
    ("field larger than field limit", QT_TR_NOOP("a cell is longer than 64 MiB")),
    (
        "new-line character seen in unquoted field",
        QT_TR_NOOP("a line break inside an unquoted cell"),
    ),
)


def _csv_problem(exc: csv.Error) -> str:
    text = str(exc)
    for needle, words in _CSV_PROBLEMS:
        if needle in text:
            return words
    return QT_TR_NOOP("the row is not valid CSV")  # never csv's own text: it could quote a cell


# --- rows → entries --------------------------------------------------------------------------
def parse_date(text: str) -> date | None:
    """Milliseconds or seconds since the epoch, or ISO-8601; None when unknown or implausible."""
    value = text.strip()
    if not value or len(value) > 40:
        return None
    try:
        if value.isascii() and value.isdigit():
            number = int(value)
            seconds = number / 1000 if number > 100_000_000_000 else number
            day = datetime.fromtimestamp(seconds, UTC).date()
        else:
            try:
                day = datetime.fromisoformat(value).date()
            except ValueError:
                day = date.fromisoformat(value[:10])
    except (ValueError, OverflowError, OSError):
        return None
    return day if OLDEST <= day <= date.today() else None


def split_urls(cell: str) -> tuple[str, ...]:
    """The addresses in one cell: separated by line breaks, commas or spaces, each without
    the login some hold (`https://admin:password@router`): that never leaves this module."""
    parts = _URL_SEPARATORS.split(cell.strip())
    found = [without_userinfo(part)[:URL_MAX] for part in parts if part]
    return tuple(dict.fromkeys(found[:URLS_MAX]))


@dataclass(frozen=True)
class _Indexes:
    url: tuple[int, ...]
    username: int | None
    title: int | None
    created: int | None
    last_used: int | None
    modified: int | None

    @property
    def needed(self) -> int:
        """Cells a row must have: the addresses and the username (dates and title may lack)."""
        return max(*self.url, -1 if self.username is None else self.username) + 1


def _indexes(header: Sequence[str], mapping: ColumnMapping) -> _Indexes:
    names = [normalised(name) for name in header]

    def index(name: str | None) -> int | None:
        if name is None:
            return None
        try:
            return names.index(normalised(name))
        except ValueError:
            raise line_error(
                1, QT_TR_NOOP("there is no column '{name}'").format(name=name[:60])
            ) from None

    if not mapping.url:
        raise line_error(1, QT_TR_NOOP("no column with web addresses was chosen"))
    urls = tuple(i for i in (index(name) for name in mapping.url) if i is not None)
    return _Indexes(
        urls, index(mapping.username), index(mapping.title), index(mapping.created),
        index(mapping.last_used), index(mapping.modified),
    )  # fmt: skip


def _cell(row: list[str], at: int | None) -> str:
    return row[at] if at is not None and at < len(row) else ""


def _entry(row: list[str], line: int, at: _Indexes) -> ExportEntry:
    """Copies the mapped cells only; the caller drops the row, secrets and all."""
    urls: list[str] = []
    for index in at.url:
        urls += split_urls(row[index])
    created = parse_date(_cell(row, at.created))
    last_used = parse_date(_cell(row, at.last_used))
    modified = parse_date(_cell(row, at.modified))
    # a changed password means the account was in use then
    if modified is not None and (last_used is None or modified > last_used):
        last_used = modified
    return ExportEntry(
        line=line,
        title=" ".join(_cell(row, at.title).split())[:TITLE_MAX],
        urls=tuple(dict.fromkeys(urls)),
        username=_cell(row, at.username).strip()[:USERNAME_MAX],
        created=created,
        last_used=last_used,
    )


def _resolve(header: list[str], fmt: str, mapping: ColumnMapping | None) -> ColumnMapping:
    if mapping is not None:
        return mapping
    if fmt == "auto":
        detected = detect_format(header)
        if detected is None:
            raise ExportFileError(
                QT_TR_NOOP(
                    "The file's columns are not recognised as an export of Bitwarden, 1Password, "
                    "KeePassXC, LastPass, Chrome/Edge, Firefox or Safari; say which column holds "
                    "what (on the command line: --url-column NAME); nothing was imported."
                ),
                1,
            )
        fmt = detected
    return format_mapping(fmt, header)


def _read(
    path: Path,
    encoding: str,
    fmt: str,
    mapping: ColumnMapping | None,
    progress: Progress | None,
    header_only: bool = False,
) -> Iterator[list[str] | ExportEntry]:
    """The header row (as a list), then the entries of every non-empty row."""
    size = path.stat().st_size
    with path.open("rb") as file:
        lines = _Lines(file, encoding)
        reader = csv.reader(lines, strict=True)
        header: list[str] | None = None
        at: _Indexes | None = None
        rows = 0
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader, None)
            except csv.Error as exc:
                raise line_error(start, _csv_problem(exc)) from None
            if row is None:
                break
            if not row or row == [""]:
                continue  # a blank line
            if header is None:
                header = [name.replace("\ufeff", "").strip() for name in row]
                if detect_format(header) is None and not looks_like_header(header):
                    # a file without a header row: its first login must not become column
                    # names in a dialog or a message
                    raise ExportFileError(not_a_header(path.name), 1)
                yield header
                if header_only:
                    return
                at = _indexes(header, _resolve(header, fmt, mapping))
                continue
            assert at is not None
            if len(row) < at.needed:
                raise line_error(
                    start,
                    QT_TR_NOOP("the row has {cells} cells where the header names {needed}").format(
                        cells=len(row), needed=at.needed
                    ),
                )
            try:
                entry = _entry(row, start, at)
            except Exception:  # never let a cell's text reach a log or a crash report
                raise line_error(start, QT_TR_NOOP("the row could not be read")) from None
            del row
            yield entry
            rows += 1
            if progress is not None and rows % PROGRESS_EVERY == 0:
                progress.step(lines.bytes_read, size)
        if header is None:
            raise ExportFileError(QT_TR_NOOP("The file is empty; nothing was imported."), None)
        if progress is not None:
            progress.step(size, size)


def _records(
    path: Path,
    fmt: str,
    mapping: ColumnMapping | None,
    progress: Progress | None,
    header_only: bool = False,
) -> Iterator[list[str] | ExportEntry]:
    """`_read` with the encoding found out: a UTF-8 error on the way restarts in cp1252 and
    skips what was already handed out (the same rows: both keep ASCII commas, quotes, breaks)."""
    if fmt != "auto" and fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    try:
        with path.open("rb") as file:
            head = file.read(4096)
    except FileNotFoundError:
        raise ExportFileError(
            QT_TR_NOOP("There is no file {path}; nothing was imported."), path=path
        ) from None
    except IsADirectoryError:
        raise ExportFileError(
            QT_TR_NOOP("{path} is a folder, not an export file; nothing was imported."), path=path
        ) from None
    except PermissionError:
        raise ExportFileError(
            QT_TR_NOOP("Quid may not read {path}; nothing was imported."), path=path
        ) from None
    encoding = _sniff_encoding(head)
    handed_out = 0
    try:
        for record in _read(path, encoding, fmt, mapping, progress, header_only):
            handed_out += 1
            yield record
    except _NotUtf8:
        for index, record in enumerate(_read(path, "cp1252", fmt, mapping, progress, header_only)):
            if index >= handed_out:
                yield record


def read_header(path: Path) -> list[str]:
    """The decoded header row, for choosing the columns of an unknown CSV. A first row that
    does not look like column names (`looks_like_header`) is refused, never returned."""
    for record in _records(path, "auto", None, None, header_only=True):
        assert isinstance(record, list)
        return record
    raise ExportFileError(QT_TR_NOOP("The file is empty; nothing was imported."))


def read_entries(
    path: Path,
    fmt: str = "auto",
    mapping: ColumnMapping | None = None,
    progress: Progress | None = None,
) -> Iterator[ExportEntry]:
    """Every row as an `ExportEntry`, streamed. `mapping` overrides `fmt`; "auto" detects the
    format from the header. Raises `ExportFileError` (naming the line) for a malformed file."""
    for record in _records(path, fmt, mapping, progress):
        if isinstance(record, ExportEntry):
            yield record
