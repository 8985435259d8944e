"""Fuzzing `import json` (issue "Hardening", SECURITY.md promise 4): whatever the document holds
— any JSON value, or a real export with values replaced, deleted or inserted at random places,
or its bytes damaged — the import either succeeds or raises a `QuidError` (an
`ImportFileError` naming the place) with a one-line message, never another exception; after a
failure the vault is exactly as it was.

Two vaults per test: an empty one (a plain import) and one holding the example ledger (a
merge, and a plain import that must be refused). Each example runs inside an outer transaction
that is rolled back afterwards, so every example starts from the same vault; the import's own
transaction is then a savepoint, rolled back on failure as it would be on its own.
`make stress` (QUID_STRESS=1) raises the number of examples.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from app.domain.assessment import Weights
from app.domain.taxonomy import load_taxonomy
from app.errors import QuidError
from app.paths import AppPaths
from app.services.assessment import AssessmentService
from app.services.example_ledger import load_example_ledger
from app.services.export_json import export_ledger_json
from app.services.import_json import import_ledger_data, import_ledger_json
from app.services.ledger import Ledger
from app.services.requests import RequestService
from app.services.tiers import TierInput, TierService
from app.storage.database import Connection
from app.storage.header import KeyMode
from app.storage.vault import Vault, create_vault
from tests.support.stress import budget

TAXONOMY = load_taxonomy()
TABLES = ("organisations", "organisation_domains", "accounts", "disclosures", "benefits",
          "tiers", "tier_categories", "requests", "request_events", "attachments",
          "reply_categories", "profile", "settings")  # fmt: skip
FUZZ = settings(
    max_examples=budget(60, 3000),
    deadline=None,
    # The vaults are made once per test on purpose: each example rolls its changes back.
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | st.sampled_from(["", "EmailAddress", "2026-01-31", "2026-01-31T10:00:00+00:00", "NL",
                       "quid-ledger", "access", "sent", "month", "service"])
    | st.builds(lambda: "x" * 5001)  # longer than any text field
)  # fmt: skip
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=4),
    max_leaves=12,
)  # fmt: skip


@pytest.fixture
def vaults(tmp_path: Path) -> Iterator[tuple[Vault, Vault]]:
    """An empty vault and one holding the example ledger with a tier, a request with its
    events, an attachment and settings (so that every table of the file has records)."""
    empty, _ = create_vault(AppPaths.resolve(tmp_path / "empty"), KeyMode.KEYRING)
    filled, _ = create_vault(AppPaths.resolve(tmp_path / "filled"), KeyMode.KEYRING)
    with empty, filled:
        ledger = Ledger(filled.conn)
        load_example_ledger(ledger)
        org_id = ledger.resolve("bol.com")
        TierService(filled.conn, TAXONOMY).add(
            org_id, TierInput("Select", "Free delivery", ("EmailAddress", "Purchase"), 1000)
        )
        requests = RequestService(filled.conn, today=date(2026, 3, 2))
        request_id = requests.create_draft(org_id, "access", "en", "Access", "Dear bol.com, …")
        requests.mark_sent(request_id, date(2026, 3, 2))
        reply = ("reply.pdf", "application/pdf", b"%PDF-1.4")
        requests.record_reply(request_id, summary="a copy", categories=("Location",),
                              attachments=(reply,))  # fmt: skip
        AssessmentService(filled.conn, TAXONOMY).set_weights(Weights(shared=2.0))
        yield empty, filled


def counts(conn: Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def note(what: str) -> None:
    """A statistic for `pytest --hypothesis-show-statistics` (how deep the examples get)."""
    if currently_in_test_context():
        event(what)


def attempt(vault: Vault, document: Any, *, merge: bool) -> bool:
    """Import `document`; True when it was taken. A refusal must be a QuidError that says
    nothing was changed, and be true. Whatever happened is rolled back afterwards."""
    conn = vault.conn
    before = counts(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        try:
            import_ledger_data(conn, document, merge=merge, taxonomy=TAXONOMY)
        except QuidError as exc:
            message = str(exc)
            assert "\n" not in message and "\x1b" not in message, repr(message)
            assert message.endswith("Nothing was changed."), repr(message)
            assert counts(conn) == before, f"changed although refused: {message}"
            place = re.match(r"[a-z_]*", message).group() or "the file"
            note(f"refused at {place}")
            return False
        note("taken (merge)" if merge else "taken")
        return True
    finally:
        conn.execute("ROLLBACK")


@pytest.fixture
def example_document(vaults: tuple[Vault, Vault], tmp_path: Path) -> dict[str, Any]:
    export_ledger_json(vaults[1].conn, tmp_path / "example.json")
    document = json.loads((tmp_path / "example.json").read_text(encoding="utf-8"))
    assert all(document[table] for table in ("tiers", "requests", "request_events",
                                             "attachments"))  # fmt: skip
    return document


def like(value: Any) -> st.SearchStrategy[Any]:
    """Values a careless editor might put in place of `value`: the same type, or anything."""
    same = {bool: st.booleans(), int: st.integers(-10, 10**12), float: st.floats(),
            str: st.text(max_size=30)}.get(type(value), JSON)  # fmt: skip
    return same | JSON


def mutated(data: st.DataObject, document: dict[str, Any]) -> dict[str, Any]:
    """`document` with 1–4 values replaced, deleted, duplicated or inserted at random places
    (mostly inside the records, where the checks are)."""
    result = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(1, 4), label="changes")):
        container: Any = result
        for _depth in range(data.draw(st.sampled_from([0, 1, 2, 2, 3, 3]), label="depth")):
            keys = list(container) if isinstance(container, dict) else range(len(container))
            if not keys:
                break
            child = container[data.draw(st.sampled_from(list(keys)), label="into")]
            if not isinstance(child, dict | list):
                break
            container = child
        action = data.draw(st.sampled_from(["replace", "delete", "insert", "copy"]), "action")
        if isinstance(container, dict):
            if not container or action == "insert":
                container[data.draw(st.text(max_size=12), label="key")] = data.draw(JSON)
                continue
            key = data.draw(st.sampled_from(sorted(container)), label="key")
            if action == "delete":
                del container[key]
            else:  # "copy" of a field is a replace by a value of its kind
                container[key] = data.draw(like(container[key]), label="value")
        elif not container or action == "insert":
            container.insert(data.draw(st.integers(0, len(container))), data.draw(JSON))
        else:
            spot = data.draw(st.integers(0, len(container) - 1), label="spot")
            if action == "delete":
                del container[spot]
            elif action == "copy":  # the same record twice: ids and names collide
                container.append(copy.deepcopy(container[spot]))
            else:
                container[spot] = data.draw(like(container[spot]), label="value")
    return result


@pytest.mark.stress
@FUZZ
@given(document=JSON)
def test_any_json_value_is_imported_or_refused_cleanly(vaults, document) -> None:
    empty, filled = vaults
    assert not attempt(empty, document, merge=False)  # never a ledger file: refused
    assert not attempt(filled, document, merge=True)


@pytest.mark.stress
@FUZZ
@given(
    head=st.fixed_dictionaries({"format": st.just("quid-ledger"), "version": st.just(1)}),
    rest=st.dictionaries(st.sampled_from(["profile", "settings", "organisations", "accounts",
                                          "disclosures", "benefits", "tiers", "requests",
                                          "request_events", "attachments", "schema_version"]),
                         JSON, max_size=4),
)  # fmt: skip
def test_a_ledger_header_with_any_tables_is_imported_or_refused_cleanly(vaults, head, rest) -> None:
    empty, filled = vaults
    document = {**head, **rest}
    attempt(empty, document, merge=False)
    attempt(filled, document, merge=True)


@pytest.mark.stress
@FUZZ
@given(data=st.data())
def test_a_mutated_export_is_imported_or_refused_cleanly(vaults, example_document, data) -> None:
    empty, filled = vaults
    document = mutated(data, example_document)
    attempt(empty, document, merge=False)
    attempt(filled, document, merge=True)
    assert not attempt(filled, document, merge=False), "a plain import into a ledger: refused"


@pytest.mark.stress
@FUZZ
@given(data=st.data())
def test_a_damaged_file_is_imported_or_refused_cleanly(
    vaults, example_document, data, tmp_path_factory
) -> None:
    raw = bytearray(json.dumps(example_document, ensure_ascii=False).encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 3), label="damages")):
        spot = data.draw(st.integers(0, len(raw) - 1), label="spot")
        damage = data.draw(st.binary(min_size=0, max_size=4), label="bytes")
        raw[spot : spot + data.draw(st.integers(0, 4), label="cut")] = damage
    path = tmp_path_factory.mktemp("damaged") / "ledger.json"
    path.write_bytes(bytes(raw))
    empty = vaults[0]
    before = counts(empty.conn)
    empty.conn.execute("BEGIN IMMEDIATE")
    try:
        import_ledger_json(empty.conn, path)
    except QuidError as exc:
        assert str(exc).endswith("Nothing was changed.") and counts(empty.conn) == before
    finally:
        empty.conn.execute("ROLLBACK")


def test_the_unmutated_export_is_taken_so_the_fuzzing_reaches_the_writes(
    vaults, example_document
) -> None:
    empty, filled = vaults
    assert attempt(empty, example_document, merge=False)
    assert attempt(filled, example_document, merge=True)
    assert counts(empty.conn)["organisations"] == 0, "rolled back after each attempt"


@pytest.mark.parametrize(
    ("where", "value"),
    [("profile", {"na\nme": "Jan"}), ("organisations", [{"id": 1, "name": "x\x1b[2J\r\nfake"}])],
)
def test_file_text_quoted_in_a_refusal_cannot_break_its_line(vaults, where, value) -> None:
    """Found by the fuzzing above: an unknown key or a refused value was quoted as it is, so a
    line break or a terminal escape from the file reached `quid import json`'s one-line
    error on stderr."""
    document = {"format": "quid-ledger", "version": 1, where: value}
    if where == "organisations":
        value[0]["domains"] = [value[0].pop("name")]
        value[0]["name"] = "Shop"
    with pytest.raises(QuidError) as refused:
        import_ledger_data(vaults[0].conn, document, taxonomy=TAXONOMY)
    assert not any(c in str(refused.value) for c in "\n\r\x1b"), repr(str(refused.value))
