"""The ledger as the crash tests see it, and the operations the crash child runs on it.

Shared by the child (`crash_child`, which chooses and runs the operations) and the parent test
(which replays the operations the child reported on this model to know what must be in the
vault after a kill). Pure Python apart from `read_state`: no app imports, so the parent's model
cannot be wrong in the same way as the code under test.

Every name is unique by construction, so an operation is identified by its marks:
`op-<n>` organisations and disclosures, `imp<n>x<i>.com` organisations of a password import,
`op-<n>-j<i>` organisations of a JSON merge. Letters separate the numbers, so no name is a
prefix of another operation's names and no import can match an earlier one by name.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from typing import Any

CATEGORIES = ("EmailAddress", "Location", "Name", "Age")
IMPORTS = ("import-passwords", "import-json")
#: the ledger is kept about this size: above it, whole imports are deleted again
MAX_ORGANISATIONS = 250
_OWN_DISCLOSURE = re.compile(r"^op-\d+$")


@dataclass(frozen=True)
class OrgState:
    notes: str
    domains: tuple[str, ...]
    disclosures: tuple[tuple[str, str], ...]  # sorted (category, detail): duplicates show
    accounts: tuple[str, ...]  # sorted identifiers


State = dict[str, OrgState]  # organisation name → what it holds


@dataclass(frozen=True)
class Op:
    """One committed unit of work of the child. `target`: an organisation name, a disclosure
    detail or a name prefix; `size`: organisations an import adds; `category`: of a new
    disclosure."""

    n: int
    kind: str
    target: str = "-"
    size: int = 0
    category: str = "-"

    def line(self) -> str:
        return f"{self.n} {self.kind} {self.target} {self.size} {self.category}"

    @classmethod
    def parse(cls, text: str) -> Op:
        n, kind, target, size, category = text.split()
        return cls(int(n), kind, target, int(size), category)

    @property
    def is_import(self) -> bool:
        return self.kind in IMPORTS


# --- what an operation leaves behind ---------------------------------------------------------
def password_org(n: int, i: int) -> str:
    """Name and domain of the i-th new organisation of password import n (named by domain)."""
    return f"imp{n}x{i}.com"


def password_user(n: int, i: int) -> str:
    return f"u{n}x{i}@imp.test"


def json_org(n: int, i: int) -> str:
    return f"op-{n}-j{i}"


def own_domain(name: str) -> str:
    return f"{name}.org"


def _with(
    org: OrgState,
    *,
    disclosure: tuple[str, str] | None = None,
    account: str = "",
    drop: tuple[str, str] | None = None,
) -> OrgState:
    disclosures = list(org.disclosures)
    if drop is not None:
        disclosures.remove(drop)
    if disclosure is not None:
        disclosures.append(disclosure)
    accounts = (*org.accounts, account) if account else org.accounts
    return replace(org, disclosures=tuple(sorted(disclosures)), accounts=tuple(sorted(accounts)))


def find_disclosure(state: State, detail: str) -> tuple[str, tuple[str, str]]:
    for name, org in state.items():
        for item in org.disclosures:
            if item[1] == detail:
                return name, item
    raise KeyError(detail)


def apply(state: State, op: Op) -> State:
    """The state after `op` committed (a new dict; `state` is left as it was)."""
    after = dict(state)
    mark = f"op-{op.n}"
    if op.kind == "add-org":
        after[mark] = OrgState("", (own_domain(mark),), (), ())
    elif op.kind == "add-disclosure":
        after[op.target] = _with(after[op.target], disclosure=(op.category, mark))
    elif op.kind == "edit-org":
        after[op.target] = replace(after[op.target], notes=mark)
    elif op.kind in ("edit-disclosure", "delete-disclosure"):
        name, item = find_disclosure(after, op.target)
        new = (item[0], mark) if op.kind == "edit-disclosure" else None
        after[name] = _with(after[name], drop=item, disclosure=new)
    elif op.kind == "delete-org":
        del after[op.target]
    elif op.kind == "delete-batch":
        for name in [name for name in after if name.startswith(op.target)]:
            del after[name]
    elif op.kind == "import-passwords":
        for i in range(op.size):
            name, user = password_org(op.n, i), password_user(op.n, i)
            after[name] = OrgState("", (name,), (("EmailAddress", user),), (user,))
        if op.target != "-":  # one row of the export was a site of this ledger organisation
            user = password_user(op.n, op.size)
            after[op.target] = _with(
                after[op.target], disclosure=("EmailAddress", user), account=user
            )
    elif op.kind == "import-json":
        for i in range(op.size):
            name = json_org(op.n, i)
            after[name] = OrgState(
                "", (f"{name}.net",), (("Name", f"json-{op.n}-{i}"),), (f"j{op.n}x{i}",)
            )
        if op.target != "-":  # the file has this organisation too: only its new record lands
            after[op.target] = _with(after[op.target], disclosure=("Location", f"json-{op.n}-x"))
    else:
        raise ValueError(op.kind)
    return after


# --- which operation comes next ----------------------------------------------------------------
def _import_prefixes(state: State) -> list[str]:
    """The name prefix of every import still in the ledger, oldest first."""
    found: dict[int, str] = {}
    for name in state:
        if match := re.match(r"^imp(\d+)x", name):
            found[int(match[1])] = f"imp{match[1]}x"
        elif match := re.match(r"^op-(\d+)-j", name):
            found[int(match[1])] = f"op-{match[1]}-j"
    return [found[n] for n in sorted(found)]


def choose(n: int, seed: int, state: State) -> Op:
    """Operation number n: the same for the same seed and state."""
    rng = random.Random(f"{seed}:{n}")
    names = sorted(state)
    own = sorted(
        d for org in state.values() for _, d in org.disclosures if _OWN_DISCLOSURE.match(d)
    )
    if n % 5 == 0:  # every few steps an import, two of three from a password export
        target = rng.choice(names) if names and rng.random() < 0.5 else "-"
        if rng.random() < 2 / 3:
            return Op(n, "import-passwords", target, rng.randint(30, 100))
        return Op(n, "import-json", target, rng.randint(3, 8))
    prefixes = _import_prefixes(state)
    if len(state) > MAX_ORGANISATIONS and prefixes:
        return Op(n, "delete-batch", prefixes[0])
    choices: list[tuple[float, str]] = [(0.3, "add-org")]
    if names:
        choices += [(0.25, "add-disclosure"), (0.1, "edit-org"), (0.08, "delete-org")]
    if own:
        choices += [(0.1, "edit-disclosure"), (0.1, "delete-disclosure")]
    if prefixes:
        choices.append((0.04, "delete-batch"))
    kind = rng.choices([k for _, k in choices], [w for w, _ in choices])[0]
    if kind == "add-org":
        return Op(n, kind)
    if kind == "add-disclosure":
        return Op(n, kind, rng.choice(names), category=rng.choice(CATEGORIES))
    if kind in ("edit-org", "delete-org"):
        return Op(n, kind, rng.choice(names))
    if kind == "delete-batch":
        return Op(n, kind, rng.choice(prefixes))
    return Op(n, kind, rng.choice(own))


# --- the vault's side ----------------------------------------------------------------------------
def read_state(conn: Any) -> State:
    """What the vault holds, in the model's terms (organisation names must be unique)."""
    names: dict[int, tuple[str, str]] = {}
    for org_id, name, notes in conn.execute("SELECT id, name, notes FROM organisations"):
        if any(seen == name for seen, _ in names.values()):
            raise AssertionError(f"two organisations are named {name}: something ran twice")
        names[org_id] = (name, notes)
    parts: dict[int, tuple[list[str], list[tuple[str, str]], list[str]]] = {
        org_id: ([], [], []) for org_id in names
    }
    for org_id, domain in conn.execute("SELECT organisation_id, domain FROM organisation_domains"):
        parts[org_id][0].append(domain)
    for org_id, category, detail in conn.execute(
        "SELECT organisation_id, category, detail FROM disclosures"
    ):
        parts[org_id][1].append((category, detail))
    for org_id, identifier in conn.execute("SELECT organisation_id, identifier FROM accounts"):
        parts[org_id][2].append(identifier)
    state: State = {}
    for org_id, (name, notes) in names.items():
        domains, disclosures, accounts = parts[org_id]
        state[name] = OrgState(
            notes, tuple(sorted(domains)), tuple(sorted(disclosures)), tuple(sorted(accounts))
        )
    return state


def difference(expected: State, actual: State, limit: int = 8) -> str:
    """A short account of how two states differ, for a failure message."""
    lines = [f"missing organisation {name}" for name in sorted(expected.keys() - actual.keys())]
    lines += [f"unexpected organisation {name}" for name in sorted(actual.keys() - expected.keys())]
    for name in sorted(expected.keys() & actual.keys()):
        if expected[name] != actual[name]:
            lines.append(f"{name}: expected {expected[name]}, found {actual[name]}")
    more = f" (and {len(lines) - limit} more)" if len(lines) > limit else ""
    return "; ".join(lines[:limit]) + more
