"""Load the example ledger so that it can be removed again, exactly.

The example organisations include real names (Facebook, Albert Heijn …), so they cannot be
told from the person's own records by their contents. Their ids are kept in an in-vault
setting when the example is loaded; "remove the example" deletes those organisations (with
everything recorded about them) and nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.ledger import ProfileInput
from app.storage.database import Connection, transaction
from app.storage.settings import get_setting, set_setting

if TYPE_CHECKING:
    from app.services.ledger import Ledger

EXAMPLE_IDS = "example_ledger.organisation_ids"


def load_marked_example(ledger: Ledger) -> int:
    """`load_example_ledger` plus a note of which organisations it added; all or nothing."""
    from app.services.example_ledger import load_example_ledger  # its data: only when used

    with transaction(ledger.conn):
        count = load_example_ledger(ledger)
        # the ledger was empty (load_example_ledger refuses otherwise): every row is the example
        ids = [row[0] for row in ledger.conn.execute("SELECT id FROM organisations ORDER BY id")]
        set_setting(ledger.conn, EXAMPLE_IDS, ids)
    return count


def example_organisation_ids(conn: Connection) -> list[int]:
    """The example organisations still in the ledger (the person may have deleted some)."""
    stored = get_setting(conn, EXAMPLE_IDS, [])
    if not isinstance(stored, list) or not stored:
        return []
    wanted = {i for i in stored if type(i) is int}
    present = {row[0] for row in conn.execute("SELECT id FROM organisations")}
    return sorted(wanted & present)


def remove_example_ledger(ledger: Ledger) -> int:
    """Delete the example organisations, and the example's profile if it was not changed.

    Returns how many organisations were removed. Organisations the person added themselves
    are never touched."""
    from app.services.example_ledger import PROFILE  # its data: only when used

    conn = ledger.conn
    with transaction(conn):
        ids = example_organisation_ids(conn)
        conn.executemany("DELETE FROM organisations WHERE id = ?", [(i,) for i in ids])
        if ledger.profile() == PROFILE.cleaned():
            ledger.set_profile(ProfileInput())
        conn.execute("DELETE FROM settings WHERE key = ?", (EXAMPLE_IDS,))
    return len(ids)
