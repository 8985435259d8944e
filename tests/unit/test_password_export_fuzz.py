"""Fuzzing the export reader and the address classifier: whatever the file holds, the reader
either returns entries or raises `ExportFileError` naming what is wrong — never anything else,
and no cell of a secret column ever comes out. `make stress` (QUID_STRESS=1) runs far more
examples (tests/support/stress.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.discovery_domains import site_of, sites_of
from app.services.password_export import (
    FORMATS,
    ColumnMapping,
    ExportFileError,
    guess_mapping,
    read_entries,
    read_header,
)
from tests.support.stress import budget

HEADERS = {
    "bitwarden": "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,"
    "login_password,login_totp",
    "firefox": '"url","username","password","httpRealm","formActionOrigin","guid",'
    '"timeCreated","timeLastUsed","timePasswordChanged"',
    "keepassxc": '"Group","Title","Username","Password","URL","Notes","TOTP","Icon",'
    '"Last Modified","Created"',
    "chrome": "name,url,username,password,note",
}
SECRET = "Zq9SECRETxK"  # put only into password/notes/TOTP columns below
FUZZ = settings(
    max_examples=budget(150, 5000), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# the characters that make CSV hard, plus some that make text encodings hard
CSV_TEXT = st.text(
    alphabet=st.sampled_from([*'ab,"\r\n \t\x00é€:/.@ ', "\ufeff", "\ud7ff", "😀"]),
    max_size=200,
)


def quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def read_all(data: bytes, fmt: str = "auto", mapping: ColumnMapping | None = None) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        path.write_bytes(data)
        try:
            read_header(path)
            return list(read_entries(path, fmt, mapping))
        except ExportFileError as exc:
            assert str(exc).strip() and "\n" not in str(exc)
            assert exc.line is None or exc.line >= 1
            return []


@pytest.mark.stress
@FUZZ
@given(data=st.binary(max_size=2000), fmt=st.sampled_from(("auto", *FORMATS)))
def test_any_bytes_give_entries_or_an_export_file_error(data: bytes, fmt: str) -> None:
    read_all(data, fmt)


@pytest.mark.stress
@FUZZ
@given(
    fmt=st.sampled_from(sorted(HEADERS)),
    body=CSV_TEXT,
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]),
)
def test_a_real_header_with_any_body_in_any_encoding(fmt: str, body: str, encoding: str) -> None:
    text = HEADERS[fmt] + "\r\n" + body
    data = text.encode(encoding, errors="replace")
    for entry in read_all(data):
        assert entry.line >= 2


@pytest.mark.stress
@FUZZ
@given(cells=st.lists(st.tuples(CSV_TEXT, CSV_TEXT, st.text(max_size=30)), min_size=1, max_size=20))
def test_secret_columns_never_come_out(cells: list[tuple[str, str, str]]) -> None:
    lines = [HEADERS["chrome"]]
    for title, url, username in cells:
        lines.append(",".join(
            [quoted(title.replace(SECRET, "")), quoted(url.replace(SECRET, "")),
             quoted(username.replace(SECRET, "")), quoted(SECRET), quoted(f"note {SECRET}")]
        ))  # fmt: skip
    data = "\r\n".join(lines).encode("utf-8", errors="replace")
    assert SECRET not in repr(read_all(data, "chrome"))


@pytest.mark.stress
@FUZZ
@given(
    names=st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=5, unique=True),
    body=st.lists(st.lists(CSV_TEXT, max_size=6), max_size=6),
    data=st.data(),
)
def test_any_csv_through_a_column_mapping(names: list[str], body: list[list[str]], data) -> None:
    """The path of a CSV no exporter wrote: the person names the columns (the mapping may
    name a column the file lacks). A 'Secret' column that the mapping never names stays out."""
    names = [n for n in names if n.strip().casefold() != "secret"] or ["site"]
    choices = st.sampled_from([*names, "missing column"])
    mapping = ColumnMapping(
        url=tuple(data.draw(st.lists(choices, min_size=1, max_size=2, unique=True))),
        username=data.draw(st.none() | choices), title=data.draw(st.none() | choices),
        created=data.draw(st.none() | choices), last_used=data.draw(st.none() | choices),
    )  # fmt: skip
    lines = [",".join(quoted(n) for n in [*names, "Secret"])]
    for row in body:  # as many cells as named columns, then the secret in its own
        cells = [c.replace(SECRET, "") for c in (row + [""] * len(names))[: len(names)]]
        lines.append(",".join(quoted(c) for c in [*cells, SECRET]))
    for entry in read_all("\r\n".join(lines).encode("utf-8", errors="replace"), mapping=mapping):
        assert entry.line >= 2 and SECRET not in repr(entry)


@pytest.mark.stress
@FUZZ
@given(header=st.lists(st.text(max_size=20), max_size=8))
def test_guess_mapping_takes_only_columns_of_the_header(header: list[str]) -> None:
    mapping = guess_mapping(header)
    if mapping is not None:
        chosen = [*mapping.url, mapping.username, mapping.title, mapping.created,
                  mapping.last_used, mapping.modified]  # fmt: skip
        assert all(name is None or name in header for name in chosen)


@pytest.mark.stress
@FUZZ
@given(address=st.text(max_size=300) | st.from_regex(r"[a-z]{2,10}://[^\s]{0,80}"))
def test_any_address_is_a_domain_or_a_reason(address: str) -> None:
    domain, reason = site_of(address)
    assert (domain is None) != (reason == "")
    if domain is not None:
        assert domain == domain.lower() and "." in domain and domain.isascii()
    domains, why = sites_of([address, address])
    assert len(domains) <= 1 and (bool(domains) or bool(why))
