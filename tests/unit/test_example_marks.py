"""The example ledger is removable exactly: its organisations, and nothing the person added."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.domain.ledger import OrganisationInput, ProfileInput, ValidationError
from app.paths import AppPaths
from app.services.example_ledger import EXAMPLES
from app.services.example_marks import (
    example_organisation_ids,
    load_marked_example,
    remove_example_ledger,
)
from app.services.ledger import Ledger
from app.storage.header import KeyMode
from app.storage.settings import get_setting
from app.storage.vault import create_vault


@pytest.fixture
def ledger(paths: AppPaths) -> Iterator[Ledger]:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        yield Ledger(vault.conn)


def count(ledger: Ledger) -> int:
    return int(ledger.conn.execute("SELECT count(*) FROM organisations").fetchone()[0])


def test_marked_example_is_removed_with_its_records_and_untouched_profile(ledger: Ledger) -> None:
    assert load_marked_example(ledger) == len(EXAMPLES)
    assert len(example_organisation_ids(ledger.conn)) == len(EXAMPLES)
    own = ledger.add_organisation(OrganisationInput("My Local Bakery", domains=["bakery.example"]))

    assert remove_example_ledger(ledger) == len(EXAMPLES)
    assert [r[0] for r in ledger.conn.execute("SELECT id FROM organisations")] == [own]
    (given,) = ledger.conn.execute("SELECT count(*) FROM disclosures").fetchone()
    assert given == 0, "the example's disclosures went with their organisations"
    assert ledger.profile() == ProfileInput()
    assert example_organisation_ids(ledger.conn) == []


def test_a_profile_the_person_changed_is_kept(ledger: Ledger) -> None:
    load_marked_example(ledger)
    mine = ProfileInput("Jan Jansen", "Dorpsstraat 5\n8011 AB Zwolle", ["jan@example.nl"])
    ledger.set_profile(mine)
    remove_example_ledger(ledger)
    assert ledger.profile() == mine.cleaned()


def test_example_refused_on_a_ledger_with_organisations_changes_nothing(ledger: Ledger) -> None:
    ledger.add_organisation(OrganisationInput("Fietsenwinkel"))
    with pytest.raises(ValidationError, match="empty ledger"):
        load_marked_example(ledger)
    assert count(ledger) == 1
    assert get_setting(ledger.conn, "example_ledger.organisation_ids") is None
    assert remove_example_ledger(ledger) == 0
    assert count(ledger) == 1, "without a loaded example nothing is removed"


def test_organisations_the_person_deleted_are_not_counted(ledger: Ledger) -> None:
    load_marked_example(ledger)
    first = example_organisation_ids(ledger.conn)[0]
    ledger.delete_organisation(first)
    assert first not in example_organisation_ids(ledger.conn)
    assert remove_example_ledger(ledger) == len(EXAMPLES) - 1
    assert count(ledger) == 0
