"""Reading password-manager exports: formats, encodings, quirks, malformed files, secrets dropped.

The fixtures in tests/fixtures/password_exports are written from each exporter's published
header; every password, TOTP seed, note and custom field in them contains the marker S3NTINEL,
which must never come out of the reader.
"""

from __future__ import annotations

import codecs
import csv
from datetime import date
from pathlib import Path

import pytest

from app.services import password_export
from app.services.password_export import (
    FORMAT_LABELS,
    FORMATS,
    ColumnMapping,
    ExportEntry,
    ExportFileError,
    detect_format,
    guess_mapping,
    looks_like_header,
    mapping_for,
    parse_date,
    read_entries,
    read_header,
    split_urls,
)
from app.services.progress import Cancelled, Progress

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "password_exports"
MARKER = "S3NTINEL"
CHROME_TEXT = (
    "name,url,username,password,note\n"
    'Café,https://www.café.de/login,jürgen@example.org,geheim€,"a note, with € and é"\n'
    "Shop,https://shop.example.com,jan,pw,\n"
)


def entries(path: Path, fmt: str = "auto", mapping: ColumnMapping | None = None) -> list:
    return list(read_entries(path, fmt, mapping))


def write(tmp_path: Path, data: bytes, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def error_of(path: Path, fmt: str = "auto") -> ExportFileError:
    with pytest.raises(ExportFileError) as caught:
        entries(path, fmt)
    message = str(caught.value)
    assert "nothing was imported" in message, message
    return caught.value


@pytest.mark.parametrize(
    ("fixture", "fmt"),
    [
        ("bitwarden.csv", "bitwarden"),
        ("quirks_bitwarden.csv", "bitwarden"),
        ("1password.csv", "1password"),
        ("1password7.csv", "1password"),
        ("keepassxc.csv", "keepassxc"),
        ("lastpass.csv", "lastpass"),
        ("chrome.csv", "chrome"),
        ("chrome_old.csv", "chrome"),
        ("firefox.csv", "firefox"),
        ("safari.csv", "safari"),
    ],
)
def test_each_format_is_recognised_and_its_secrets_never_come_out(fixture: str, fmt: str) -> None:
    path = FIXTURES / fixture
    assert detect_format(read_header(path)) == fmt
    found = entries(path)
    assert found == entries(path, fmt), "auto-detection reads the file as the format itself"
    assert found and all(isinstance(entry, ExportEntry) for entry in found)
    assert MARKER in path.read_text(encoding="utf-8"), "the fixture does hold secrets"
    assert MARKER not in repr(found), "no password, TOTP seed, note or field was kept"


def test_the_published_columns_of_each_format() -> None:
    assert set(FORMATS) == set(FORMAT_LABELS)
    assert mapping_for("bitwarden") == ColumnMapping(
        url=("login_uri",), username="login_username", title="name"
    )
    assert mapping_for("firefox").created == "timeCreated"
    assert mapping_for("firefox").last_used == "timeLastUsed"
    assert mapping_for("keepassxc").modified == "Last Modified"
    with pytest.raises(ValueError):
        mapping_for("dashlane")


@pytest.mark.parametrize(
    ("header", "fmt"),
    [
        (["\ufeff Folder ", "FAVORITE", "type", "Name", "notes", "fields", "reprompt",
          "login_uri", "login_username", "login_password", "login_totp"], "bitwarden"),
        (["Title", "Url", "Username", "Password", "OTPAuth", "Favorite", "Archived", "Tags",
          "Notes"], "1password"),
        (["Title", "URL", "Username", "Password", "Notes", "OTPAuth"], "safari"),
        (["url", "username", "password", "totp", "extra", "name", "grouping", "fav"],
         "lastpass"),
        (["name", "url", "username", "password"], "chrome"),
        (["name", "url", "username", "password", "note"], "chrome"),
        (["url", "username", "password", "httpRealm", "formActionOrigin", "guid",
          "timeCreated", "timeLastUsed", "timePasswordChanged"], "firefox"),
        (["Group", "Title", "Username", "Password", "URL", "Notes", "TOTP", "Icon",
          "Last Modified", "Created"], "keepassxc"),
        (["Site Name", "Web Address", "Login Email", "Secret"], None),
        (["a", "b"], None),
        ([], None),
    ],
)  # fmt: skip
def test_detect_format_by_header_ignoring_case_spaces_and_bom(
    header: list[str], fmt: str | None
) -> None:
    assert detect_format(header) == fmt


def test_bitwarden_rows_several_uris_and_the_line_each_row_starts_on() -> None:
    found = entries(FIXTURES / "bitwarden.csv")
    twitter, google = found[0], found[1]
    assert twitter.line == 2 and twitter.title == "Twitter"
    assert twitter.urls == ("https://twitter.com/login", "androidapp://com.twitter.android")
    assert twitter.username == "jan@example.org"
    # the Twitter row spans two lines (a line break inside its URI cell)
    assert google.line == 4 and google.urls == ("https://accounts.google.com/ServiceLogin",)
    github = next(entry for entry in found if entry.title == "GitHub")
    assert github.urls == ("https://github.com/login", "https://gist.github.com")
    note = next(entry for entry in found if entry.title == "Wifi code")
    assert note.urls == () and note.username == ""


def test_case19_quirks_bom_crlf_quoted_breaks_spaces_and_missing_trailing_cells() -> None:
    path = FIXTURES / "quirks_bitwarden.csv"
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8) and b"\r\n" in raw
    assert read_header(path)[0] == "folder", "the BOM is not part of the first column's name"
    found = entries(path)
    google = found[0]
    assert google.title == "Google, all of it" and google.line == 2
    assert google.urls == (
        "https://mail.google.com", "https://accounts.google.com",
        "androidapp://com.google.android.gm",
    )  # fmt: skip
    assert google.username == "jan@example.org", "surrounding spaces are trimmed"
    assert found[1].line == 5, "the first row's notes and URI cells span lines 2-4"
    last = found[-1]
    assert last.title == "Trailing cells missing" and last.username == "jan@example.org"
    assert [entry.line for entry in found] == sorted({entry.line for entry in found})


def test_firefox_milliseconds_and_keepassxc_iso_dates() -> None:
    reddit = entries(FIXTURES / "firefox.csv")[0]
    assert reddit.created == date(2019, 1, 1)
    assert reddit.last_used == date(2024, 1, 1), "the latest of last use and password change"
    spotify, ing, _printer, zalando = entries(FIXTURES / "keepassxc.csv")
    assert (spotify.created, spotify.last_used) == (date(2019, 6, 1), date(2023, 4, 12))
    assert (ing.created, ing.last_used) == (date(2015, 3, 4), date(2024, 1, 2))
    assert (zalando.created, zalando.last_used) == (None, None), "1970 and 2999 are ignored"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1546300800000", date(2019, 1, 1)),
        ("1546300800", date(2019, 1, 1)),
        ("2023-04-12T10:11:12Z", date(2023, 4, 12)),
        ("2023-04-12 10:11:12", date(2023, 4, 12)),
        ("2023-04-12", date(2023, 4, 12)),
        ("1989-12-31", None),
        ("2999-01-01T00:00:00Z", None),
        ("99999999999999999999", None),
        ("yesterday", None),
        ("", None),
        ("１２３", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_split_urls_on_breaks_commas_and_spaces() -> None:
    assert split_urls(" https://a.example.com,https://b.example.com\r\nhttps://c.example.com ") == (
        "https://a.example.com", "https://b.example.com", "https://c.example.com",
    )  # fmt: skip
    assert split_urls("") == ()
    assert split_urls("x.com, x.com") == ("x.com",)


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("utf-16"),  # with its BOM
        lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        lambda text: text.encode("utf-16-le"),  # no BOM: found by the NULs
        lambda text: text.encode("utf-16-be"),
        lambda text: text.encode("cp1252"),
        lambda text: text.replace("\n", "\r\n").encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16be-bom", "utf16le", "utf16be", "cp1252", "cp1252-crlf"],
)
def test_case19_every_encoding_reads_the_same(tmp_path: Path, encode) -> None:
    found = entries(write(tmp_path, encode(CHROME_TEXT)))
    assert [(e.title, e.urls, e.username) for e in found] == [
        ("Café", ("https://www.café.de/login",), "jürgen@example.org"),
        ("Shop", ("https://shop.example.com",), "jan"),
    ]


def test_case19_cp1252_found_late_restarts_without_repeating_rows(tmp_path: Path) -> None:
    rows = ["name,url,username,password"]
    rows += [f"Site {i},https://site{i}.example.com,user{i},pw{i}" for i in range(60_000)]
    rows.append("Café,https://cafe.example.com,jürgen,pw")
    data = ("\n".join(rows) + "\n").encode("cp1252")
    assert len(data) > 2 * password_export.CHUNK_BYTES, "the bad byte is past the first chunks"
    found = entries(write(tmp_path, data))
    assert len(found) == 60_001
    assert [e.line for e in found] == list(range(2, 60_003)), "no row twice, none lost"
    assert found[-1].username == "jürgen"


def test_a_very_long_notes_cell_is_read_and_dropped(tmp_path: Path) -> None:
    notes = ("S3NTINEL " * 1_000_000)[:8_000_000]
    data = f'name,url,username,password,note\nBig,https://big.example.com,jan,pw,"{notes}"\n'
    found = entries(write(tmp_path, data.encode()))
    assert [(e.line, e.username) for e in found] == [(2, "jan")]
    assert MARKER not in repr(found)


def test_case18_a_cell_beyond_the_limit_names_its_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(password_export, "FIELD_LIMIT", 10_000)
    old = csv.field_size_limit(10_000)
    try:
        data = "name,url,username,password,note\nA,https://a.example.com,jan,pw,\n"
        data += 'B,https://b.example.com,jan,pw,"' + "x\n" * 20_000 + '"\n'
        error = error_of(write(tmp_path, data.encode()))
        assert error.line == 3 and "64 MiB" in str(error)
        error = error_of(
            write(tmp_path, b"name,url,username,password\n" + b"y" * 50_000, "one-line.csv")
        )
        assert error.line == 2
    finally:
        csv.field_size_limit(old)


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b'name,url,username,password\nA,https://a.com,u,p\nB,"https://b.com,u,p\n', 3,
         "never closed"),
        (b"name,url,username,password\nA,https://a.com,u,p\nB,https://b\x00.com,u,p\n", 3,
         "NUL"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", 3, "NUL"),
        (b"name,url,username,password\nA,https://a.com,u,p\nonly one cell\n", 3, "cells"),
        (b'name,url,username,password\nA,"https://a.com"x,u,p\n', 2, "quote"),
        (b"name,url,username,password\nA,https://a.com,u,p\rB,https://b.com,u,p\n", 2,
         "line break"),
        (b"foo,bar\n1,2\n", 1, "say which column holds what"),
    ],
)  # fmt: skip
def test_case18_a_malformed_file_names_the_line(
    tmp_path: Path, data: bytes, line: int, words: str
) -> None:
    error = error_of(write(tmp_path, data))
    assert error.line == line
    assert str(error).startswith(f"Line {line}: ") or line == 1
    assert words in str(error)


def test_empty_missing_and_header_only_files(tmp_path: Path) -> None:
    assert "empty" in str(error_of(write(tmp_path, b"")))
    assert "empty" in str(error_of(write(tmp_path, b"\n\r\n\n", "blank.csv")))
    assert "no file" in str(error_of(tmp_path / "missing.csv"))
    assert "folder" in str(error_of(tmp_path))
    assert entries(write(tmp_path, b"name,url,username,password\n", "header.csv")) == []


def test_a_forced_format_that_does_not_fit_the_header(tmp_path: Path) -> None:
    path = FIXTURES / "chrome.csv"
    error = error_of(path, "bitwarden")
    assert error.line == 1 and "not a Bitwarden export" in str(error)
    # Chrome's columns are also LastPass's url/username: forcing it reads what it can
    assert [e.username for e in entries(path, "lastpass")][:1] == ["jan@example.org"]


def test_a_custom_csv_through_a_column_mapping() -> None:
    path = FIXTURES / "custom.csv"
    header = read_header(path)
    assert header == ["Site Name", "Web Address", "Login Email", "Secret", "Comments"]
    assert detect_format(header) is None
    error_of(path)
    mapping = guess_mapping(header)
    assert mapping == ColumnMapping(url=("Web Address",), username="Login Email", title="Site Name")
    found = entries(path, mapping=mapping)
    assert [(e.title, e.urls, e.username) for e in found] == [
        ("Albert Heijn", ("https://www.ah.nl/mijn/inloggen",), "jan@example.org")
    ]
    assert MARKER not in repr(found)
    with pytest.raises(ExportFileError, match="no column 'Website'"):
        entries(path, mapping=ColumnMapping(url=("Website",)))


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["URL", "Login", "Password", "Title"], ColumnMapping(("URL",), "Login", "Title")),
        (["login_password", "login_uri", "notes"], ColumnMapping(("login_uri",))),
        (["Website Address", "E-mail", "Pass", "Service"],
         ColumnMapping(("Website Address",), "E-mail", "Service")),
        (["Title", "Password", "Notes"], None),
    ],
)  # fmt: skip
def test_guess_mapping_never_takes_a_secret_column(
    header: list[str], expected: ColumnMapping | None
) -> None:
    assert guess_mapping(header) == expected


def test_extra_cells_in_a_row_are_tolerated(tmp_path: Path) -> None:
    data = b"name,url,username,password\nA,https://a.example.com,jan,pw,extra,more\n"
    assert [e.username for e in entries(write(tmp_path, data))] == ["jan"]


def test_case21_progress_counts_bytes_and_cancel_stops_reading(tmp_path: Path) -> None:
    rows = "".join(f"S{i},https://s{i}.example.com,u,p\n" for i in range(10_000))
    path = write(tmp_path, ("name,url,username,password\n" + rows).encode())
    size = path.stat().st_size
    steps: list[tuple[int, int]] = []
    assert len(list(read_entries(path, progress=Progress(lambda d, t: steps.append((d, t)))))) == (
        10_000
    )
    assert steps[-1] == (size, size) and len(steps) >= 5
    assert all(total == size for _, total in steps)
    progress = Progress()
    reader = read_entries(path, progress=progress)
    next(reader)
    progress.cancel()
    with pytest.raises(Cancelled):
        list(reader)


def test_split_urls_drops_the_login_in_an_address() -> None:
    assert split_urls(
        "http://admin:SENTINELPW@192.168.1.1 https://jan:p@ss@www.bol.com/login?x=1\n"
        "admin:SENTINELPW@router.example.com:8080/ android://HASH==@com.whatsapp/"
    ) == (
        "http://192.168.1.1", "https://www.bol.com/login?x=1", "router.example.com:8080/",
        "android://com.whatsapp/",
    )  # fmt: skip
    # an @ after the host is not a login; mailto: is no web address with a login
    assert split_urls("https://medium.com/@jan mailto:jan@example.org") == (
        "https://medium.com/@jan", "mailto:jan@example.org",
    )  # fmt: skip


def test_a_login_in_an_address_never_leaves_the_reader(tmp_path: Path) -> None:
    data = (
        b'"url","username","password","httpRealm","formActionOrigin","guid","timeCreated",'
        b'"timeLastUsed","timePasswordChanged"\n'
        b'"http://admin:SENTINELPW@192.168.1.1","admin","x",,,"{1}",,,\n'
    )
    (entry,) = entries(write(tmp_path, data))
    assert entry.urls == ("http://192.168.1.1",) and "SENTINELPW" not in repr(entry)


HEADERS = [
    ["Site Name", "Web Address", "Login Email", "Password"],
    ["url", "login_uri", "E-mail or user"],
    ["username", "username2", "title", "password", "note", "url", "otpSecret", "createTime"],
    ["Name", "Url", "MatchUrl", "Login", "Pwd", "Note", "Folder", "RfFieldsV2"],
    ["Account #", "Field (1)", "custom_field_1", "Address1", "Last Modified", "e.g. site"],
    ["Folder", "Title", "Login", "Password", "Website Address", "Notes", "Custom Fields"],
]
FIRST_ROWS = [
    ["https://example.com", "jan", "pw"],  # ://
    ["Shop", "jan@example.org", "pw"],  # @
    ["example.com", "jan", "hunter"],  # a host
    ["Router", "192.168.1.1", "admin"],  # an IP address
    ["www.bol.com/login", "jan", "x"],
    ["Shop", "jan", "a" * 41],  # too long for a column name
    ["Shop", "jan", "Pa55word!"],  # letters, digits and a symbol
    ["Shop", "jan", "Sentinel-Pa55word-7f3a9c"],  # digits between letters
    ["Bol", "jandv", "S3CRET-1"],
    ["Forum", "knitter42", "Tr0ub4dor&3"],
    ["", "", ""],
]


@pytest.mark.parametrize("cells", HEADERS)
def test_looks_like_header_passes_real_headers(cells: list[str]) -> None:
    assert looks_like_header(cells)


def test_looks_like_header_passes_every_fixture_header() -> None:
    for path in sorted(FIXTURES.glob("*.csv")):
        assert looks_like_header(read_header(path)), path.name


@pytest.mark.parametrize("cells", FIRST_ROWS)
def test_looks_like_header_refuses_a_row_of_data(cells: list[str]) -> None:
    assert not looks_like_header(cells)


def test_a_file_without_a_header_row_is_refused_without_quoting_it(tmp_path: Path) -> None:
    path = write(tmp_path, b"Shop,jan,Pa55word!\nBol,jandv,S3CRET-1\n", "mine.csv")
    expected = (
        "The first line of mine.csv does not look like a header row (column names); add one "
        "or export again with headers. Nothing was imported."
    )
    for read in (
        lambda: read_header(path),
        lambda: entries(path),
        lambda: entries(path, mapping=ColumnMapping(url=("Shop",), username="jan")),
    ):
        with pytest.raises(ExportFileError) as caught:
            read()
        assert str(caught.value) == expected and caught.value.line == 1
