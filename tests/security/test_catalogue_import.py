"""SECURITY.md test catalogue, cases 18 and 19, for both readers of a person's files: the
password-export reader (streamed CSV) and `import json` (a Quid ledger file).

18. An unbalanced quote, a 200 KB field, a 1 GB file → an error that names the line (or, in a
    JSON file, the place), in bounded memory; nothing is written.
19. A byte-order mark, UTF-16, cp1252, NUL bytes, mixed line endings → read correctly, or a
    clear message naming the line.

Most variants are in tests/unit/test_password_export.py (`test_case18_…`, `test_case19_…`);
these are the ones missing there: big fields and files, mixed line endings, and the JSON side.
"""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.paths import AppPaths
from app.services import password_export
from app.services.discovery import apply_proposal, propose_file
from app.services.example_ledger import load_example_ledger
from app.services.export_json import export_ledger_json
from app.services.import_json import MAX_FILE_BYTES, ImportFileError, import_ledger_json
from app.services.ledger import Ledger
from app.services.password_export import ExportFileError, read_entries
from app.storage.database import Connection
from app.storage.header import KeyMode
from app.storage.vault import Vault, create_vault

HEADER = b"name,url,username,password,note\n"
GOOD_ROWS = b"A,https://alpha-winkel.nl,jan,pw,\nB,https://beta-winkel.nl,jan,pw,\n"
TABLES = ("organisations", "accounts", "disclosures", "benefits", "requests", "profile")


@pytest.fixture
def vault(paths: AppPaths) -> Iterator[Vault]:
    opened, _recovery = create_vault(paths, KeyMode.KEYRING)
    with opened:
        yield opened


@pytest.fixture
def ledger_file(tmp_path: Path) -> Path:
    """The example ledger exported as a Quid ledger file (from a vault of its own)."""
    source, _recovery = create_vault(AppPaths.resolve(tmp_path / "source"), KeyMode.KEYRING)
    with source:
        load_example_ledger(Ledger(source.conn))
        path = tmp_path / "ledger.json"
        export_ledger_json(source.conn, path)
    return path


def counts(conn: Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def peak_bytes(work: Callable[[], object]) -> int:
    """The most memory Python held at once while `work` ran (its exception is kept)."""
    tracemalloc.start()
    try:
        work()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def sparse_file(path: Path, head: bytes, size: int) -> Path:
    """`head`, then a hole up to `size` bytes: a huge file that costs no disk space."""
    with path.open("wb") as file:
        file.write(head)
        file.truncate(size)
    return path


def export_error(path: Path) -> ExportFileError:
    with pytest.raises(ExportFileError) as caught:
        list(read_entries(path))
    assert "nothing was imported" in str(caught.value)
    return caught.value


def json_error(conn: Connection, path: Path) -> str:
    before = counts(conn)
    with pytest.raises(ImportFileError) as caught:
        import_ledger_json(conn, path)
    assert counts(conn) == before
    message = str(caught.value)
    assert message.endswith("Nothing was changed.") and "\n" not in message
    return message


# --- case 18: the password-export reader ------------------------------------------------------
def test_case18_password_export_200kb_username_is_skipped_naming_its_line(
    vault: Vault, tmp_path: Path
) -> None:
    big = "u" * 200_000
    path = tmp_path / "export.csv"
    path.write_bytes(HEADER + GOOD_ROWS + f"C,https://gamma-winkel.nl,{big},pw,{big}\n".encode())
    proposal = propose_file(path, vault.conn)
    assert [(row.line, "longer than" in row.reason) for row in proposal.skipped] == [(4, True)]
    assert [org.domains for org in proposal.organisations] == [
        ["alpha-winkel.nl"],
        ["beta-winkel.nl"],
    ]
    apply_proposal(vault.conn, proposal)
    kept = vault.conn.execute("SELECT group_concat(identifier) FROM accounts").fetchone()[0]
    assert "uuuu" not in kept


def test_case18_password_export_1gb_file_with_a_binary_tail_names_the_line_cheaply(
    tmp_path: Path,
) -> None:
    path = sparse_file(tmp_path / "huge.csv", HEADER + GOOD_ROWS, 1024**3)
    errors: list[ExportFileError] = []
    peak = peak_bytes(lambda: errors.append(export_error(path)))
    assert errors[0].line == 4 and "NUL" in str(errors[0])
    assert peak < 16 * 1024**2, f"{peak:,} bytes held to read a 1 GB file"


@pytest.mark.slow
def test_case18_password_export_1gb_file_with_an_endless_line_stops_at_the_cell_limit(
    tmp_path: Path,
) -> None:
    """65 MiB of one line, then the rest of 1 GB: refused after 64 MiB, not after 1 GB."""
    path = tmp_path / "endless.csv"
    with path.open("wb") as file:
        file.write(HEADER + GOOD_ROWS + b"C,https://gamma-winkel.nl,")
        chunk = b"x" * (1024 * 1024)
        for _ in range(password_export.FIELD_LIMIT // len(chunk) + 1):
            file.write(chunk)
        file.truncate(1024**3)
    errors: list[ExportFileError] = []
    peak = peak_bytes(lambda: errors.append(export_error(path)))
    assert errors[0].line == 4 and "64 MiB" in str(errors[0])
    assert peak < 3 * password_export.FIELD_LIMIT, f"{peak:,} bytes held"


# --- case 18: import json -------------------------------------------------------------------
def test_case18_json_unbalanced_quote_names_the_line_and_column(
    vault: Vault, ledger_file: Path
) -> None:
    lines = ledger_file.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if '"name":"ING Bank"' in line)
    lines[number] = lines[number].replace('"name":"ING Bank"', '"name":"ING Bank', 1)
    ledger_file.write_text("\n".join(lines), encoding="utf-8")
    message = json_error(vault.conn, ledger_file)
    assert f"ledger.json line {number + 1}, column " in message and "not valid JSON" in message


@pytest.mark.parametrize("field", ["name", "notes", "postal_address"])
def test_case18_json_200kb_field_names_its_place(
    vault: Vault, ledger_file: Path, field: str
) -> None:
    document = json.loads(ledger_file.read_text(encoding="utf-8"))
    document["organisations"][2][field] = "x" * 200_000
    ledger_file.write_text(json.dumps(document), encoding="utf-8")
    message = json_error(vault.conn, ledger_file)
    assert message.startswith(f"organisations[2].{field}: is too long (200,000 characters")


def test_case18_json_file_over_1gb_is_refused_without_reading_it(
    vault: Vault, tmp_path: Path
) -> None:
    path = sparse_file(
        tmp_path / "huge.json", b'{"format": "quid-ledger", "x": "', MAX_FILE_BYTES + 1
    )
    messages: list[str] = []
    peak = peak_bytes(lambda: messages.append(json_error(vault.conn, path)))
    assert messages[0].startswith("huge.json is larger than 1 GB")
    assert peak < 1024**2, f"{peak:,} bytes held to refuse it"


# --- case 19: encodings, NUL bytes, line endings -----------------------------------------------
def test_case19_password_export_bom_and_mixed_line_endings_keep_every_line_number(
    tmp_path: Path,
) -> None:
    rows = [b"A,https://a.example.com,ann,pw,", b'B,https://b.example.com,bob,pw,"two\r\nlines"',
            b"C,https://c.example.com,cas,pw,", b"D,https://d.example.com,dirk,pw,"]  # fmt: skip
    data = b"\xef\xbb\xbf" + HEADER.rstrip(b"\n") + b"\r\n" + rows[0] + b"\n" + rows[1]
    data += b"\r\n" + rows[2] + b"\r\n" + rows[3]  # and no line end at all at the end
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    found = [(e.line, e.username) for e in read_entries(path)]
    assert found == [(2, "ann"), (3, "bob"), (5, "cas"), (6, "dirk")]
    path.write_bytes(data.replace(b"cas", b"c\x00s"))
    error = export_error(path)
    assert error.line == 5 and "NUL" in str(error)


def test_case19_json_bom_and_mixed_line_endings_are_read(vault: Vault, ledger_file: Path) -> None:
    lines = ledger_file.read_text(encoding="utf-8").split("\n")
    mixed = "".join(line + ("\r\n" if i % 2 else "\n") for i, line in enumerate(lines))
    ledger_file.write_bytes(b"\xef\xbb\xbf" + mixed.encode("utf-8"))
    result = import_ledger_json(vault.conn, ledger_file)
    assert result.added["organisations"] == counts(vault.conn)["organisations"] > 20


@pytest.mark.parametrize(
    ("encode", "words", "at_the_change"),
    [
        (lambda text: text.encode("utf-16"), "line 1: the file is not UTF-8 text", False),
        (lambda text: text.replace("Voorbeeld", "Vóórbeeld").encode("cp1252", errors="replace"),
         ": the file is not UTF-8 text", True),
        (lambda text: text.replace("Voorbeeld", "Voor\x00beeld").encode("utf-8"),
         ": not valid JSON (Invalid control character", True),
    ],
    ids=["utf16", "cp1252", "nul"],
)  # fmt: skip
def test_case19_json_in_another_encoding_or_with_nul_bytes_names_the_line(
    vault: Vault,
    ledger_file: Path,
    encode: Callable[[str], bytes],
    words: str,
    at_the_change: bool,
) -> None:
    text = ledger_file.read_text(encoding="utf-8")
    assert "Voorbeeld" in text
    changed_line = text[: text.index("Voorbeeld")].count("\n") + 1
    ledger_file.write_bytes(encode(text))
    message = json_error(vault.conn, ledger_file)
    assert words in message
    if at_the_change:
        assert f"ledger.json line {changed_line}" in message
