"""The process the crash tests kill: `python -m tests.support.crash_child DATA_DIR SEED FIRST`.

It unlocks the vault in DATA_DIR with the recovery key in $QUID_CRASH_RECOVERY_KEY (no keyring,
no KDF: start-up stays short, and the unlock is the app's own `_open`), prints `READY`, then
runs operations FIRST, FIRST+1, … (chosen by `crash_model.choose`) through the app's services
until it is killed. Around each one it writes a line to stdout, unbuffered:

    BEGIN <op line>   before the operation touches the vault
    ACK <n>           strictly after its transaction committed

so an `ACK` the parent has read is an acknowledged change, exactly like the GUI's "saved".
It ends by itself only when its parent is gone (never an orphan using the CPU).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from app.domain.ledger import DisclosureInput, OrganisationInput
from app.paths import AppPaths
from app.services.directory import Directory
from app.services.discovery import apply_proposal, propose
from app.services.ledger import Ledger
from app.services.password_export import ExportEntry
from app.services.progress import Progress
from app.storage.database import Connection, transaction
from app.storage.vault import open_with_recovery_key
from tests.support import crash_model as model
from tests.support.crash_model import Op

KEY_VARIABLE = "QUID_CRASH_RECOVERY_KEY"
NO_DIRECTORY = Directory([])  # every imported site is a new organisation named by its domain


def say(text: str) -> None:
    os.write(1, f"{text}\n".encode())  # one write per line, no buffer left behind by a kill


def org_id(conn: Connection, name: str) -> int:
    return int(conn.execute("SELECT id FROM organisations WHERE name = ?", (name,)).fetchone()[0])


def disclosure_row(conn: Connection, detail: str) -> tuple[int, str]:
    row = conn.execute("SELECT id, category FROM disclosures WHERE detail = ?", (detail,))
    found = row.fetchone()
    return int(found[0]), str(found[1])


def import_passwords(conn: Connection, op: Op) -> None:
    """A password export of `op.size` new sites (and one of a ledger organisation)."""
    entries = [
        ExportEntry(
            i + 2,
            f"site {i}",
            (f"https://www.{model.password_org(op.n, i)}/login",),
            model.password_user(op.n, i),
            None,
            None,
        )
        for i in range(op.size)
    ]
    if op.target != "-":
        (domain,) = Ledger(conn).domains(org_id(conn, op.target))
        entries.append(
            ExportEntry(
                op.size + 2,
                "known",
                (f"https://login.{domain}/",),
                model.password_user(op.n, op.size),
                None,
                None,
            )
        )
    proposal = propose(entries, conn, NO_DIRECTORY, "bitwarden")
    apply_proposal(conn, proposal, progress=Progress())


def ledger_document(op: Op) -> dict[str, object]:
    """A small Quid ledger file: `op.size` new organisations, maybe one the vault has."""
    organisations: list[dict[str, object]] = []
    accounts: list[dict[str, object]] = []
    disclosures: list[dict[str, object]] = []
    for i in range(op.size):
        name = model.json_org(op.n, i)
        organisations.append({"id": i + 1, "name": name, "domains": [f"{name}.net"]})
        accounts.append({"id": i + 1, "organisation_id": i + 1, "identifier": f"j{op.n}x{i}"})
        disclosures.append(
            {
                "id": i + 1,
                "organisation_id": i + 1,
                "category": "Name",
                "detail": f"json-{op.n}-{i}",
            }
        )
    if op.target != "-":
        organisations.append({"id": 1000, "name": op.target, "notes": "from the file"})
        disclosures.append(
            {
                "id": 1000,
                "organisation_id": 1000,
                "category": "Location",
                "detail": f"json-{op.n}-x",
            }
        )
    return {
        "format": "quid-ledger",
        "version": 1,
        "organisations": organisations,
        "accounts": accounts,
        "disclosures": disclosures,
    }


def import_json(conn: Connection, op: Op, scratch: Path) -> None:
    """A Quid ledger file merged in (written to a file: the importer reads files)."""
    from app.services.import_json import import_ledger_json  # only children that need it pay

    path = scratch / f"ledger-{op.n}.json"
    path.write_text(json.dumps(ledger_document(op)), encoding="utf-8")
    import_ledger_json(conn, path, Progress(), merge=True)


def perform(conn: Connection, ledger: Ledger, op: Op, scratch: Path) -> None:
    mark = f"op-{op.n}"
    if op.kind == "add-org":
        ledger.add_organisation(OrganisationInput(mark, domains=[model.own_domain(mark)]))
    elif op.kind == "add-disclosure":
        ledger.add_disclosure(org_id(conn, op.target), DisclosureInput(op.category, mark))
    elif op.kind == "edit-org":
        target = org_id(conn, op.target)
        data = ledger.organisation(target)
        data.notes = mark
        ledger.update_organisation(target, data)
    elif op.kind == "edit-disclosure":
        row, category = disclosure_row(conn, op.target)
        ledger.update_disclosure(row, DisclosureInput(category, mark))
    elif op.kind == "delete-disclosure":
        ledger.delete_record("disclosures", disclosure_row(conn, op.target)[0])
    elif op.kind == "delete-org":
        ledger.delete_organisation(org_id(conn, op.target))
    elif op.kind == "delete-batch":  # several deletions made one by an outer transaction
        found = conn.execute("SELECT id FROM organisations WHERE name LIKE ? || '%'", (op.target,))
        with transaction(conn):
            for (row,) in found.fetchall():
                ledger.delete_organisation(int(row))
    elif op.kind == "import-passwords":
        import_passwords(conn, op)
    elif op.kind == "import-json":
        import_json(conn, op, scratch)
    else:
        raise ValueError(op.kind)


def main(argv: list[str]) -> int:
    data_dir, seed, first = Path(argv[1]), int(argv[2]), int(argv[3])
    parent = os.getppid()
    vault = open_with_recovery_key(AppPaths.resolve(data_dir), os.environ[KEY_VARIABLE])
    conn = vault.conn
    ledger = Ledger(conn)
    state = model.read_state(conn)
    say("READY")
    scratch = data_dir.parent / "crash-child-files"  # next to the vault: gone with the test
    scratch.mkdir(exist_ok=True)
    n = first
    while os.getppid() == parent:
        op = model.choose(n, seed, state)
        say(f"BEGIN {op.line()}")
        perform(conn, ledger, op, scratch)
        say(f"ACK {n}")
        state = model.apply(state, op)
        n += 1
    vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
