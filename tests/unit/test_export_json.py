"""The full-ledger JSON export and `import json`, on real vaults: a round trip is identical on
hypothesis-generated ledgers, every export matches the published JSON Schema, merging matches
organisations and lists conflicts, and a bad file names the place and changes nothing."""

from __future__ import annotations

import itertools
import json
import os
import stat
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from app.domain.assessment import Weights
from app.domain.ledger import (
    ACCOUNT_STATUSES,
    BENEFIT_KINDS,
    COLLECTION_METHODS,
    PERIODS,
    AccountInput,
    BenefitInput,
    DisclosureInput,
    OrganisationInput,
    ProfileInput,
)
from app.domain.requests import EVENT_KINDS, REQUEST_TYPES, STATUSES
from app.errors import DiskFullError
from app.paths import AppPaths
from app.resources import resource_path
from app.services.assessment import AssessmentService
from app.services.example_ledger import load_example_ledger
from app.services.export_json import FORMAT_VERSION, export_ledger_json
from app.services.import_json import (
    ImportFileError,
    NotEmptyError,
    import_ledger_data,
    import_ledger_json,
)
from app.services.ledger import Ledger
from app.services.progress import Cancelled, Progress
from app.services.requests import RequestService
from app.services.tiers import TierInput, TierService
from app.storage.header import KeyMode
from app.storage.vault import Vault, create_vault

SCHEMA = json.loads(resource_path("schema", "quid-ledger.schema.json").read_text())
TABLES = (
    "organisations",
    "organisation_domains",
    "accounts",
    "disclosures",
    "benefits",
    "tiers",
    "tier_categories",
    "requests",
    "request_events",
    "attachments",
    "reply_categories",
    "profile",
    "settings",
)
TODAY = date(2026, 3, 2)
_vault_numbers = itertools.count()


def new_vault(root: Path) -> Vault:
    vault, _recovery = create_vault(
        AppPaths.resolve(root / f"v{next(_vault_numbers)}"), KeyMode.KEYRING
    )
    return vault


@pytest.fixture
def vaults(tmp_path: Path) -> Iterator[Callable[[], Vault]]:
    opened: list[Vault] = []

    def make() -> Vault:
        opened.append(new_vault(tmp_path))
        return opened[-1]

    yield make
    for vault in opened:
        vault.close()


def counts(vault: Vault) -> dict[str, int]:
    return {t: vault.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def contents(vault: Vault) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every ledger table (settings without their timestamp)."""
    found = {
        t: sorted(vault.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
        for t in (*TABLES[:-1], "organisation_stats")
    }
    found["settings"] = vault.conn.execute(
        "SELECT key, value FROM settings ORDER BY key"
    ).fetchall()
    return found


def exported(vault: Vault, path: Path) -> dict[str, Any]:
    export_ledger_json(vault.conn, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(document, SCHEMA)
    return document


def without_stamp(path: Path) -> str:
    return "\n".join(
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.startswith('"exported_at"')
    )


# --- a ledger built through the services ----------------------------------------------------
# fmt: off
TRICKY = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                 max_size=25)
NAMES = TRICKY.filter(lambda s: s.strip())
KEYS = st.sampled_from(["Name", "EmailAddress", "HealthRecord", "Location", "Purchase", "Age"])
DAYS = st.dates(date(1990, 1, 1), TODAY).map(date.isoformat)
CENTS = st.none() | st.integers(0, 10_000_000)

organisations = st.builds(
    OrganisationInput, name=NAMES, country=st.sampled_from(["", "NL", "DE"]),
    domains=st.lists(st.from_regex(r"[a-z]{1,8}\.example", fullmatch=True), max_size=2),
    notes=TRICKY, aliases=st.lists(NAMES, max_size=2),
    directory_slug=st.none() | st.sampled_from(["bol", "ing"]),
)
disclosures = st.builds(
    DisclosureInput, category=KEYS, detail=TRICKY, given_on=st.none() | DAYS,
    collection_method=st.sampled_from(COLLECTION_METHODS), purpose=TRICKY, legal_basis=TRICKY,
    required=st.booleans(), necessary=st.none() | st.booleans(), shared=st.booleans(),
    continuous=st.booleans(), retention=TRICKY, consent_withdrawn_on=st.none() | DAYS,
)
benefits = st.builds(BenefitInput, kind=st.sampled_from(BENEFIT_KINDS), description=TRICKY,
                     value_cents=CENTS, period=st.sampled_from(PERIODS),
                     started_on=st.none() | DAYS)
accounts = st.builds(AccountInput, identifier=TRICKY, status=st.sampled_from(ACCOUNT_STATUSES),
                     first_used=st.none() | DAYS)
tiers = st.builds(TierInput, name=NAMES, categories=st.lists(KEYS, max_size=3).map(tuple),
                  value_cents=CENTS, period=st.sampled_from(PERIODS), chosen=st.booleans())
# (type, body, how far it got: drafted/sent/extended/answered, reply attachment, categories)
requests = st.tuples(st.sampled_from(list(REQUEST_TYPES)), NAMES, st.integers(0, 3),
                     st.binary(max_size=40), st.lists(KEYS, max_size=2))
one_organisation = st.tuples(organisations, st.lists(disclosures, max_size=3),
                             st.lists(benefits, max_size=2), st.lists(accounts, max_size=1),
                             st.lists(tiers, max_size=2), st.lists(requests, max_size=2))
ledgers = st.tuples(
    st.none() | st.builds(ProfileInput, name=TRICKY,
                          emails=st.lists(st.just("me@example.org"), max_size=1)),
    st.none() | st.builds(Weights, shared=st.floats(0, 5), dormant_months=st.integers(0, 60)),
    st.dictionaries(KEYS, st.integers(0, 5000), max_size=2),
    st.lists(one_organisation, max_size=3),
)
# fmt: on


def build(vault: Vault, ledger_data: Any) -> None:
    profile, weights, values, orgs = ledger_data
    ledger, tier_service = Ledger(vault.conn), TierService(vault.conn)
    service = RequestService(vault.conn, today=TODAY)
    if profile is not None:
        ledger.set_profile(profile)
    if weights is not None:
        AssessmentService(vault.conn).set_weights(weights)
    if values:
        AssessmentService(vault.conn).set_category_values(values)
    for org, given_, got, held, offered, asked in orgs:
        org_id = ledger.add_organisation(org)
        for item in given_:
            ledger.add_disclosure(org_id, item)
        for item in got:
            ledger.add_benefit(org_id, item)
        for item in held:
            ledger.add_account(org_id, item)
        for item in offered:
            tier_service.add(org_id, item)
        previous = None
        for type_, body, steps, content, categories in asked:
            request_id = service.create_draft(org_id, type_, "en", "Subject", body, previous)
            if steps >= 1:
                service.mark_sent(request_id, date(2026, 1, 5), "post")
            if steps >= 2:
                service.extend(request_id, "busy")
            if steps >= 3:
                service.record_reply(
                    request_id,
                    summary=body,
                    categories=tuple(categories),
                    attachments=(("reply.pdf", "application/pdf", content),),
                )
            previous = request_id


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Vault, Vault]]:
    """Two vaults for every example of a test (emptied in between: creating vaults per
    example would make shrinking a failure take minutes)."""
    first, second = new_vault(tmp_path), new_vault(tmp_path)
    with first, second:
        yield first, second


def emptied(*pair: Vault) -> None:
    for vault in pair:
        for table in ("organisations", "profile", "settings"):  # the rest cascades
            vault.conn.execute(f"DELETE FROM {table}")


@settings(
    max_examples=25,
    deadline=None,
    phases=tuple(Phase)[:-1],  # no slow "explain" tracing
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ledger_data=ledgers)
def test_round_trip_is_identical(
    tmp_path: Path, pair: tuple[Vault, Vault], ledger_data: Any
) -> None:
    first, second = pair
    emptied(first, second)
    build(first, ledger_data)
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    document = exported(first, one)
    result = import_ledger_json(second.conn, one)
    assert result.conflicts == () and result.already_there == 0
    assert exported(second, two)["organisations"] == document["organisations"]
    assert without_stamp(one) == without_stamp(two), "export → import → export is identical"
    assert contents(first) == contents(second), "the vault is restored row for row"


def test_export_matches_the_schema_and_says_it_is_not_encrypted(vaults, tmp_path) -> None:
    vault = vaults()
    load_example_ledger(Ledger(vault.conn))
    document = exported(vault, tmp_path / "ledger.json")  # validates against the schema
    assert document["format"] == "quid-ledger" and document["version"] == FORMAT_VERSION
    assert document["schema_version"] == vault.schema_version
    assert "not encrypted" in document["notice"]
    assert len(document["organisations"]) == counts(vault)["organisations"] > 20
    assert "organisation_stats" not in document, "derived data is not exported"
    assert stat.S_IMODE(os.stat(tmp_path / "ledger.json").st_mode) == 0o600
    datetime.fromisoformat(document["exported_at"])


def test_schema_enums_follow_the_domain() -> None:
    defs = SCHEMA["$defs"]
    assert defs["account"]["properties"]["status"]["enum"] == list(ACCOUNT_STATUSES)
    assert defs["benefit"]["properties"]["kind"]["enum"] == list(BENEFIT_KINDS)
    assert defs["disclosure"]["properties"]["collection_method"]["enum"] == list(COLLECTION_METHODS)
    assert defs["request"]["properties"]["type"]["enum"] == list(REQUEST_TYPES)
    assert defs["request"]["properties"]["status"]["enum"] == list(STATUSES)
    assert defs["requestEvent"]["properties"]["kind"]["enum"] == list(EVENT_KINDS)
    weights = set(defs["settings"]["properties"]["assessment.weights"]["properties"])
    assert weights == set(Weights.__dataclass_fields__)
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_case22_csv_formula_text_stays_raw_in_json(vaults, tmp_path) -> None:
    """SECURITY.md case 22: JSON keeps the raw value (only CSV neutralises it)."""
    vault = vaults()
    org = Ledger(vault.conn).add_organisation(OrganisationInput('=HYPERLINK("x")', notes="@SUM(1)"))
    document = exported(vault, tmp_path / "raw.json")
    assert document["organisations"][0]["name"] == '=HYPERLINK("x")' and org == 1
    assert document["organisations"][0]["notes"] == "@SUM(1)"


# --- merge ----------------------------------------------------------------------------------
def file_with_shop(vaults, tmp_path: Path) -> Path:
    source = vaults()
    ledger = Ledger(source.conn)
    ledger.set_profile(ProfileInput("Jan", emails=["jan@example.org"]))
    shop = ledger.add_organisation(
        OrganisationInput("Shöp B.V.", domains=["shop.example"], country="DE")
    )
    ledger.add_disclosure(shop, DisclosureInput("EmailAddress", purpose="newsletter"))
    other = ledger.add_organisation(OrganisationInput("Bank", domains=["bank.example"]))
    ledger.add_benefit(other, BenefitInput("money", value_cents=500))
    request = RequestService(source.conn, today=TODAY).create_draft(other, "access", "en", "S", "B")
    assert request == 1
    path = tmp_path / "source.json"
    export_ledger_json(source.conn, path)
    return path


def test_merge_matches_organisations_lists_conflicts_and_is_idempotent(vaults, tmp_path) -> None:
    path = file_with_shop(vaults, tmp_path)
    target = vaults()
    ledger = Ledger(target.conn)
    ledger.set_profile(ProfileInput("Jan de Vries"))
    filler = ledger.add_organisation(OrganisationInput("Filler"))
    mine = ledger.add_organisation(OrganisationInput("shop b.v.", country="NL"))
    before = counts(target)
    with pytest.raises(NotEmptyError, match="--merge"):
        import_ledger_json(target.conn, path)
    assert counts(target) == before, "a plain import into a ledger changes nothing"

    result = import_ledger_json(target.conn, path, merge=True)
    assert result.matched_organisations == 1 and result.added["organisations"] == 1
    assert result.added["disclosures"] == 1 and result.added["requests"] == 1
    assert result.summary() == (
        "Imported 1 organisation, 1 disclosure, 1 benefit, 1 request, 1 request event. "
        "1 organisation was already in the vault. 5 conflicts: the vault's values were kept."
    )
    conflicts = "\n".join(result.conflicts)
    assert 'country differs (vault "NL", file "DE")' in conflicts
    assert "name differs" in conflicts and "domains differs" in conflicts
    assert "profile" in conflicts, "the profile differs too; the vault's is kept"
    org = ledger.organisation(mine)
    assert (org.name, org.country, org.domains) == ("shop b.v.", "NL", []), "vault's values kept"
    assert [r["purpose"] for r in ledger.records("disclosures", mine)] == ["newsletter"]
    bank = ledger.resolve("bank.example")
    assert bank > mine and filler == 1, "new organisations get new ids after the vault's"
    assert RequestService(target.conn).requests()[0].organisation_id == bank
    assert ledger.profile().name == "Jan de Vries"

    again = import_ledger_json(target.conn, path, merge=True)
    assert sum(again.added.values()) == 0
    assert again.already_there == 4, "a disclosure, a benefit, a request and its event"
    assert counts(target)["disclosures"] == 1, "merging the same file twice adds nothing"


def test_merge_matches_by_directory_slug_and_domain(vaults, tmp_path) -> None:
    source = vaults()
    ledger = Ledger(source.conn)
    ledger.add_organisation(OrganisationInput("ING Groep", directory_slug="ing"))
    ledger.add_organisation(OrganisationInput("Coolblue B.V.", domains=["coolblue.nl"]))
    path = tmp_path / "slugs.json"
    export_ledger_json(source.conn, path)
    target = vaults()
    mine = Ledger(target.conn)
    ing = mine.add_organisation(OrganisationInput("ING Bank", directory_slug="ing"))
    blue = mine.add_organisation(OrganisationInput("Coolblue", domains=["coolblue.nl"]))
    result = import_ledger_json(target.conn, path, merge=True)
    assert result.matched_organisations == 2 and result.added["organisations"] == 0
    assert {c.split(" is organisation ")[1][:1] for c in result.conflicts} == {str(ing), str(blue)}


def test_merge_into_an_empty_vault_keeps_the_ids(vaults, tmp_path) -> None:
    path = file_with_shop(vaults, tmp_path)
    target = vaults()
    result = import_ledger_json(target.conn, path, merge=True)
    assert result.matched_organisations == 0 and result.added["organisations"] == 2
    exported(target, tmp_path / "again.json")
    assert without_stamp(path) == without_stamp(tmp_path / "again.json")


# --- bad files ------------------------------------------------------------------------------
def mutate(document: dict[str, Any], where: str, value: Any) -> None:
    *parents, last = where.split(".")
    node: Any = document
    for part in parents:
        name, _, index = part.partition("[")
        node = node[name] if not index else node[name][int(index[:-1])]
    name, _, index = last.partition("[")
    if index:
        node[name][int(index[:-1])] = value
    elif value is KeyError:
        del node[name]
    else:
        node[name] = value


# (where to break the file, the bad value, where the message says it is if not there, words)
# fmt: off
BAD = [
    ("organisations[1].country", "XYZ", "", "'XYZ' is not a two-letter country code"),
    ("organisations[0].domains", ["not a domain"], "organisations[0].domains[0]", "'not a d"),
    ("organisations[0].name", "  ", "", "must not be empty"),
    ("organisations[0].colour", "red", "", "is not a field Quid knows"),
    ("disclosures[0].category", "EmailAdress", "", "'EmailAdress' is not a data category"),
    ("disclosures[0].given_on", "31-01-2024", "", "'31-01-2024' is not a date (YYYY-MM-DD)"),
    ("disclosures[0].required", 1, "", "must be true or false"),
    ("disclosures[0].organisation_id", 99, "", "there is no organisation 99 in the file"),
    ("benefits[0].value_cents", -5, "", "cannot be negative"),
    ("benefits[0].value_cents", 4.99, "", "must be a whole number or null"),
    ("requests[0].body", "", "", "must not be empty"),
    ("requests[0].type", "gimme", "", "'gimme' is not one of: access"),
    ("requests[0].parent_id", 1, "", "there is no other request 1 in the file"),
    ("organisations[1].id", 1, "", "1 appears twice in organisations"),
    ("profile.emails", ["not-an-email"], "profile.emails[0]", "'not-an-email' is not an email"),
    ("settings", {"assessment.weights": {"shared": -1}},
     "settings.assessment.weights.shared", "must be a number from 0 to 100"),
    ("settings", {"theme": "dark"}, "settings.theme", "is not a field Quid knows"),
    ("version", 2, "This file", "was written by a newer Quid (format version 2"),
    ("format", KeyError, "This", "is not a Quid ledger file"),
]
# fmt: on


@pytest.mark.parametrize(("where", "value", "shown", "words"), BAD)
def test_a_bad_file_names_the_place_and_changes_nothing(
    vaults, tmp_path, where, value, shown, words
) -> None:
    document = json.loads(file_with_shop(vaults, tmp_path).read_text())
    mutate(document, where, value)
    target = vaults()
    before = counts(target)
    with pytest.raises(ImportFileError) as raised:
        import_ledger_data(target.conn, document)
    separator = " " if shown in ("This", "This file") else ": "
    assert str(raised.value).startswith(f"{shown or where}{separator}{words}")
    assert str(raised.value).endswith("Nothing was changed.")
    assert counts(target) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{\n  "format": "quid-ledger",\n  oops\n}', "line 3, column 3: not valid JSON"),
        (b'{"format": "quid-ledger", "version": NaN}', "NaN is not allowed"),
        (b'{"format": "quid-ledger",\n"x": "caf\xe9"}', "line 2: the file is not UTF-8"),
        (b"[1, 2]", "not a Quid ledger file"),
        (b"[" * 100_000, "not valid JSON"),
    ],
)
def test_an_unreadable_file_names_the_line(vaults, tmp_path, content, message) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        import_ledger_json(vaults().conn, path)


def test_a_full_disk_during_the_import_rolls_all_of_it_back(vaults, tmp_path) -> None:
    source = vaults()
    load_example_ledger(Ledger(source.conn))
    path = tmp_path / "example.json"
    export_ledger_json(source.conn, path)
    target = vaults()
    pages = target.conn.execute("PRAGMA page_count").fetchone()[0]
    target.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(DiskFullError):
        import_ledger_json(target.conn, path)
    assert set(counts(target).values()) == {0}, "no half import"
    target.conn.execute("PRAGMA max_page_count = 1073741823")
    assert import_ledger_json(target.conn, path).added["organisations"] > 20, "retry works"


def test_cancel_during_the_import_keeps_nothing(vaults, tmp_path) -> None:
    path = file_with_shop(vaults, tmp_path)
    target = vaults()
    progress = Progress(lambda done, total: progress.cancel() if done >= 2 else None)
    with pytest.raises(Cancelled):
        import_ledger_json(target.conn, path, progress)
    assert set(counts(target).values()) == {0}


def test_cancelled_export_leaves_no_file_and_keeps_the_old_one(vaults, tmp_path) -> None:
    vault = vaults()
    load_example_ledger(Ledger(vault.conn))
    path = tmp_path / "ledger.json"
    path.write_text("old")
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        export_ledger_json(vault.conn, path, progress)
    assert path.read_text() == "old" and sorted(
        p.name for p in tmp_path.iterdir() if p.is_file()
    ) == ["ledger.json"]


def test_a_cancel_at_the_last_step_leaves_no_file(vaults, tmp_path) -> None:
    vault = vaults()
    Ledger(vault.conn).add_organisation(OrganisationInput("Shop"))
    path = tmp_path / "exports" / "ledger.json"
    path.parent.mkdir()
    progress = Progress(lambda done, total: progress.cancel() if total and done == total else None)
    with pytest.raises(Cancelled):
        export_ledger_json(vault.conn, path, progress)
    assert list(path.parent.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_case25_export_to_dev_full_is_a_clean_error(vaults) -> None:
    vault = vaults()
    load_example_ledger(Ledger(vault.conn))
    with pytest.raises(DiskFullError, match="disk is full"):
        export_ledger_json(vault.conn, Path("/dev/full"))
    assert Path("/dev/full").is_char_device(), "the device was written to, never replaced"


def test_export_stamp_is_utc(vaults, tmp_path) -> None:
    now = datetime(2026, 11, 29, 13, 14, 15, tzinfo=UTC)
    export_ledger_json(vaults().conn, tmp_path / "e.json", now=now)
    assert (
        json.loads((tmp_path / "e.json").read_text())["exported_at"] == "2026-11-29T13:14:15+00:00"
    )
