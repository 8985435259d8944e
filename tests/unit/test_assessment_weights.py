"""Weights and own category values from a file or the vault's settings can never break
assessing: the import takes only what the Assessment Settings dialog could have saved (and
names the place in the file otherwise), and the service ignores a stored value it could not."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.domain.assessment import Weights
from app.domain.ledger import BenefitInput, DisclosureInput, OrganisationInput
from app.paths import AppPaths
from app.services.assessment import (
    CATEGORY_VALUE_MAX,
    VALUES_KEY,
    WEIGHTS_KEY,
    AssessmentService,
    clean_weight,
)
from app.services.export_json import export_ledger_json
from app.services.import_json import ImportFileError, import_ledger_json
from app.services.ledger import Ledger
from app.storage.header import KeyMode
from app.storage.settings import get_setting, set_setting
from app.storage.vault import Vault, create_vault

TODAY = date(2026, 11, 29)


@pytest.fixture
def vault(paths: AppPaths) -> Iterator[Vault]:
    made, _ = create_vault(paths, KeyMode.KEYRING)
    with made:
        yield made


def assessable(vault: Vault) -> int:
    """An organisation whose assessment uses every weight: given, got once, a dormant account."""
    ledger = Ledger(vault.conn)
    org = ledger.add_organisation(OrganisationInput("Shop"))
    ledger.add_disclosure(org, DisclosureInput("EmailAddress", shared=True, continuous=True))
    ledger.add_benefit(org, BenefitInput("money", value_cents=500, period="once"))
    return org


def store_raw(vault: Vault, key: str, text: str) -> None:
    """A setting as JSON text, as a damaged vault or an old import may hold it."""
    vault.conn.execute(
        "INSERT INTO settings(key, value, updated_at) VALUES (?, ?, 'x') "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, text),
    )


# --- the service ----------------------------------------------------------------------------
BAD_STORED = [
    '{"dormant_months": Infinity}',
    '{"dormant_months": 1e300}',
    '{"once_spread_months": 1e400}',
    '{"dormant_months": 12.5}',
    '{"dormant_months": 241}',
    '{"dormant_months": ' + "9" * 400 + "}",
    '{"shared": Infinity}',
    '{"shared": NaN}',
    '{"shared": -Infinity}',
    '{"shared": 1e300}',
    '{"shared": 100.5}',
    '{"shared": -1}',
    '{"shared": "3"}',
    '{"shared": true}',
    '{"shared": null}',
    '{"shared": [3]}',
    '{"no_such_weight": 3}',
    '{"questionable_ratio": 5.0, "unbalanced_ratio": 2.0}',
    "[1, 2]",
    '"text"',
    "not json at all",
]


@pytest.mark.parametrize("stored", BAD_STORED)
def test_a_bad_stored_weight_falls_back_to_its_default(vault, stored, caplog) -> None:
    org = assessable(vault)
    service = AssessmentService(vault.conn, today=TODAY)
    expected = service.assess(org)
    store_raw(vault, WEIGHTS_KEY, stored)
    with caplog.at_level(logging.WARNING, logger="app.services.assessment"):
        assert service.weights() == Weights()
        assert service.assess(org) == expected
        assert [a.assessment for a in service.refresh()] == [expected]
    assert caplog.records, "a warning is logged"
    for value in ("Infinity", "1e300", "9999", "12.5", "NaN", "100.5"):
        assert value not in caplog.text, "the warning names no value"


def test_good_stored_weights_are_kept_beside_a_bad_one(vault) -> None:
    store_raw(vault, WEIGHTS_KEY, '{"shared": 3, "dormant_months": 6.0, "special": 1e400}')
    weights = AssessmentService(vault.conn).weights()
    assert weights == Weights(shared=3.0, dormant_months=6)
    assert type(weights.dormant_months) is int and type(weights.shared) is float


def test_the_dialogs_own_limits_are_kept(vault) -> None:
    service = AssessmentService(vault.conn)
    highest = Weights(**{k: 240 if type(v) is int else 100.0 for k, v in asdict(Weights()).items()})
    service.set_weights(highest)
    assert service.weights() == highest
    lowest = Weights(**{k: 0 for k in asdict(Weights())})
    service.set_weights(lowest)
    assert service.weights() == lowest


@pytest.mark.parametrize(
    "value", ["Infinity", "1e400", "1e300", "-1", "12.5", '"12"', "null", "true", "[1]"]
)
def test_a_bad_stored_category_value_is_ignored(vault, value, caplog) -> None:
    org = assessable(vault)
    service = AssessmentService(vault.conn, today=TODAY)
    expected = service.assess(org)
    store_raw(vault, VALUES_KEY, f'{{"EmailAddress": {value}, "BirthDate": 700}}')
    with caplog.at_level(logging.WARNING, logger="app.services.assessment"):
        assert service.category_values() == {"BirthDate": 700}
        assert service.assess(org) == expected
    assert "category value" in caplog.text and value not in caplog.text


def test_category_values_up_to_the_dialogs_highest_are_used(vault) -> None:
    service = AssessmentService(vault.conn)
    service.set_category_values({"EmailAddress": CATEGORY_VALUE_MAX, "BirthDate": 0})
    assert service.category_values() == {"EmailAddress": CATEGORY_VALUE_MAX, "BirthDate": 0}
    store_raw(vault, VALUES_KEY, "not json")
    assert service.category_values() == {}


def test_clean_weight_never_converts_a_huge_int_to_float() -> None:
    assert clean_weight("dormant_months", 10**400) is None
    assert clean_weight("shared", 10**400) is None
    assert clean_weight("dormant_months", 240.0) == 240


# --- the import -----------------------------------------------------------------------------
def ledger_file(tmp_path: Path, settings: str) -> Path:
    path = tmp_path / "ledger.json"
    path.write_text(f'{{"format": "quid-ledger", "version": 1, "settings": {settings}}}')
    return path


BAD_IN_FILE = [
    ('{"dormant_months": 1e400}', "dormant_months", "must be a whole number from 0 to 240"),
    ('{"dormant_months": 1e300}', "dormant_months", "must be a whole number from 0 to 240"),
    ('{"dormant_months": 241}', "dormant_months", "must be a whole number from 0 to 240"),
    ('{"once_spread_months": 1.5}', "once_spread_months", "must be a whole number from 0 to"),
    ('{"dormant_months": -1}', "dormant_months", "must be a whole number from 0 to 240"),
    ('{"shared": 1e400}', "shared", "must be a number from 0 to 100"),
    ('{"shared": -1e400}', "shared", "must be a number from 0 to 100"),
    ('{"shared": 1e300}', "shared", "must be a number from 0 to 100"),
    ('{"shared": 100.01}', "shared", "must be a number from 0 to 100"),
    ('{"special": "2"}', "special", "must be a number from 0 to 100"),
    ('{"special": false}', "special", "must be a number from 0 to 100"),
    ('{"questionable_ratio": 4}', "questionable_ratio", "4 must not be above unbalanced_ratio"),
    ('{"unbalanced_ratio": 1}', "unbalanced_ratio", "1 must not be below questionable_ratio"),
]


@pytest.mark.parametrize(("weights", "key", "words"), BAD_IN_FILE)
def test_an_import_refuses_weights_the_settings_do_not_allow(vault, tmp_path, weights, key,
                                                             words) -> None:  # fmt: skip
    path = ledger_file(tmp_path, f'{{"assessment.weights": {weights}}}')
    with pytest.raises(ImportFileError) as raised:
        import_ledger_json(vault.conn, path)
    message = str(raised.value)
    assert message.startswith(f"settings.assessment.weights.{key}: {words}"), message
    assert message.endswith("Nothing was changed.")
    assert get_setting(vault.conn, WEIGHTS_KEY) is None


@pytest.mark.parametrize("cents", ["1e400", "1e300", "1.5", "100000000000", "-1"])
def test_an_import_refuses_odd_category_values(vault, tmp_path, cents) -> None:
    path = ledger_file(tmp_path, f'{{"assessment.category_values": {{"EmailAddress": {cents}}}}}')
    with pytest.raises(ImportFileError, match=r"^settings\.assessment\.category_values\.Email"):
        import_ledger_json(vault.conn, path)
    assert get_setting(vault.conn, VALUES_KEY) is None


def test_an_import_takes_whole_floats_for_months_and_assesses(vault, tmp_path) -> None:
    path = ledger_file(
        tmp_path, '{"assessment.weights": {"dormant_months": 6.0, "shared": 2, "special": 0}}'
    )
    import_ledger_json(vault.conn, path)
    stored: dict[str, Any] = get_setting(vault.conn, WEIGHTS_KEY)
    assert stored == {"dormant_months": 6, "shared": 2.0, "special": 0.0}
    assert type(stored["dormant_months"]) is int
    assessable(vault)
    assert AssessmentService(vault.conn, today=TODAY).refresh()


def test_weights_round_trip_through_export_and_import(vault, paths, tmp_path) -> None:
    highest = Weights(**{k: 240 if type(v) is int else 100.0 for k, v in asdict(Weights()).items()})
    AssessmentService(vault.conn).set_weights(highest)
    export_ledger_json(vault.conn, tmp_path / "out.json")
    document = json.loads((tmp_path / "out.json").read_text())
    assert document["settings"][WEIGHTS_KEY] == asdict(highest)
    other, _ = create_vault(AppPaths.resolve(tmp_path / "other"), KeyMode.KEYRING)
    with other:
        import_ledger_json(other.conn, tmp_path / "out.json")
        assert AssessmentService(other.conn).weights() == highest


def test_set_setting_of_inf_is_survived(vault) -> None:
    """What an import before this fix stored (json.dumps writes inf as Infinity)."""
    set_setting(vault.conn, WEIGHTS_KEY, {"dormant_months": float("inf")})
    org = assessable(vault)
    assert AssessmentService(vault.conn, today=TODAY).assess(org).band is not None


def test_the_largest_value_the_dialog_saves_is_imported_and_fits_the_schema(
    vault, tmp_path
) -> None:
    """A vault holding the dialog's largest category value exports a file that imports."""
    from app.services.assessment import CATEGORY_VALUE_MAX

    body = f'{{"assessment.category_values": {{"EmailAddress": {CATEGORY_VALUE_MAX}}}}}'
    path = ledger_file(tmp_path, body)
    import_ledger_json(vault.conn, path)
    assert get_setting(vault.conn, VALUES_KEY) == {"EmailAddress": CATEGORY_VALUE_MAX}
    schema = json.loads(Path("resources/schema/quid-ledger.schema.json").read_text("utf-8"))
    settings_def = schema["$defs"][schema["properties"]["settings"]["$ref"].rsplit("/", 1)[1]]
    values = settings_def["properties"]["assessment.category_values"]
    assert values["additionalProperties"]["maximum"] == CATEGORY_VALUE_MAX
