"""Build Quid's reference data from the shared data folder.

    .venv/bin/python resources/build_reference_data.py [--shared ../shared/data]

Reads `dpv/pd.csv`, `VALUATION.md`'s figures (transcribed in the tables below, with their
sources) and `companies/*.jsonl`; writes

- `resources/taxonomy/categories.json` — the DPV personal-data categories, with Dutch labels
  (from the hand-written `resources/taxonomy/labels_nl.json`), sensitivity, GDPR flags and a
  default monthly value — and `resources/taxonomy/NOTICE.md`, the W3C licence's notice of
  changes;
- `resources/directory/organisations.json` and `resources/directory/authorities.json`.

Money: VALUATION.md's figures are US dollars. Quid keeps euro cents and takes the dollar
figure as is (1 USD = 1 EUR): the figures are survey answers, far less precise than the
exchange rate, and the person can override every value. All values are what people ask to be
paid per month (willingness to accept), not what data brokers pay.

Run it again whenever the shared data is refreshed; the output is deterministic.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from statistics import mean
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from app.domain.taxonomy import compact_text  # noqa: E402
from app.services.directory import QUALITIES, TRANSPORTS, registrable_domain  # noqa: E402

PD = "https://w3id.org/dpv/pd#"
SPECIAL = "https://w3id.org/dpv#SpecialCategoryPersonalData"
DPV_VERSION = "version 2.3, w3c/dpv commit f01a55c, February 2026"

# --- sensitivity ---------------------------------------------------------------------------
# VALUATION.md's scale (after ENISA's data-breach severity method). A category takes the weight
# of the first group met walking up from it along its first broader term (`parent`); GDPR
# Art. 9 special categories and Art. 10 criminal data are always 4. Every top-level group is
# listed, so every category gets a weight.
#
#   group                   weight  why
SENSITIVITY_BY_GROUP: dict[str, int] = {
    "External": 1,  # observable traits: age, gender, language, nationality, vehicle
    "Social": 1,  # public life, social status
    "Identifying": 1,  # name, username, picture, UID
    "Contact": 1,  # e-mail, phone, postal address
    "Demographic": 1,
    "Professional": 1,  # education, jobs, work history
    "Family": 1,
    "PubliclyAvailableSocialMedia": 1,  # public by definition (DPV: under Communication)
    "Tracking": 2,  # identifiers, digital fingerprints, user agent
    "Location": 2,
    "DeviceBased": 2,  # IP and MAC addresses, browser fingerprint, device software
    "Behavioural": 2,  # browsing, calls, service use, vehicle use
    "CommunicationsMetadata": 2,  # who talked to whom, when — behavioural
    "SocialNetwork": 2,  # friends, connections, group memberships
    "Preference": 2,  # interests, likes, intentions, opinions
    "Internal": 2,  # emotion, mood, knowledge and beliefs (Art. 9 ones are marked)
    "Profile": 2,
    "Household": 2,  # personal or household activities
    "Historical": 2,  # life history
    "Financial": 3,  # accounts, cards, credit, income, ownership, transactions
    "Salary": 3,  # listed under Professional in DPV, but financial
    "OfficialID": 3,
    "VehicleLicense": 3,  # a driving licence is an official ID document
    "Authenticating": 3,  # passwords, PINs, secret texts
    "Communication": 3,  # content of e-mails, messages, recordings
    "PersonalDocuments": 3,  # diaries, journals
    "Vulnerability": 3,  # DPV: sensitive, not an Art. 9 category
    "Ethnicity": 4,  # 'ethnic origins and lineage' is Art. 9 in substance (DPV marks only
    #                  its children EthnicOrigin and Race as special)
}
SPECIAL_WEIGHT = 4

# --- value per month -----------------------------------------------------------------------
P_AND_W = "Prince & Wallsten 2020"
S_AND_W = "Savage & Waldman 2013"
# Savage & Waldman asked a one-time payment per app. Scaled to a monthly figure by how the two
# studies compare where both asked: location ($1.82/month vs $1.19) and text messages ($6.05
# vs $3.58).
ONE_TIME_TO_MONTHLY = mean((182 / 119, 605 / 358))

# A category takes the figure of the first group met walking up its parents (itself first)
# that has the category's own sensitivity: public social media (1) does not take the figure
# for private messages (3).
#   group              cents   source
VALUE_BY_GROUP: dict[str, tuple[int, str]] = {
    "Contact": (800, f"{P_AND_W}: contact info ≈ $8/month (Germany; US ≈ $3.50)"),
    "Location": (182, f"{P_AND_W}: location $1.82/month"),
    "BankAccount": (844, f"{P_AND_W}: bank balance $8.44/month"),
    "FinancialStatus": (844, f"{P_AND_W}: bank balance $8.44/month"),
    "Transactional": (580, f"{P_AND_W}: cash withdrawals $5.80/month"),
    "Biometric": (756, f"{P_AND_W}: fingerprint $7.56/month"),
    "Communication": (605, f"{P_AND_W}: text messages $6.05/month"),
    "BrowsingBehaviour": (
        round(228 * ONE_TIME_TO_MONTHLY),
        f"{S_AND_W}: browsing history $2.28 one-time × {ONE_TIME_TO_MONTHLY:.2f} (derived)",
    ),
    "DeviceBased": (
        round(175 * ONE_TIME_TO_MONTHLY),
        f"{S_AND_W}: phone ID $1.75 one-time × {ONE_TIME_TO_MONTHLY:.2f} (derived)",
    ),
    # No survey asked about health. Brokers price a health condition ~500× above age, gender
    # or location (FT 2013: $0.26 vs $0.0005), so health takes the highest surveyed figure.
    "MedicalHealth": (
        844,
        f"derived: highest surveyed figure (bank balance $8.44/month, {P_AND_W}); "
        "brokers price health ~500× basic data (FT 2013)",
    ),
}
# Where no figure fits: the lowest surveyed monthly figure among categories of that level.
DEFAULT_VALUE: dict[int, tuple[int, str]] = {
    1: (350, f"default for sensitivity 1: contact info, US $3.50/month ({P_AND_W})"),
    2: (182, f"default for sensitivity 2: location $1.82/month ({P_AND_W})"),
    3: (580, f"default for sensitivity 3: cash withdrawals $5.80/month ({P_AND_W})"),
    4: (756, f"default for sensitivity 4: fingerprint $7.56/month ({P_AND_W})"),
}

# --- the common list: shown first in pickers, in this order --------------------------------
COMMON: list[tuple[str, str]] = [
    ("name", "Name"),
    ("email address", "EmailAddress"),
    ("phone", "TelephoneNumber"),
    ("postal address", "PhysicalAddress"),
    ("birth date", "BirthDate"),
    ("location", "Location"),
    ("payment card", "PaymentCard"),
    ("bank account", "BankAccount"),
    ("purchase history", "Purchase"),  # items bought; PurchasesAndSpendingHabit is analysis
    ("browsing behaviour", "BrowsingBehaviour"),
    ("contacts", "Contact"),  # DPV: 'information about contacts or used for contacting'
    ("photos", "Picture"),
    ("health", "Health"),
    ("official ID", "OfficialID"),
]


class BuildError(Exception):
    pass


# --- taxonomy ------------------------------------------------------------------------------
def _pd_terms(cell: str) -> list[str]:
    return [part[len(PD) :] for part in cell.split(";") if part.startswith(PD)]


def _marked_special(row: dict[str, str]) -> bool:
    columns = ("dpvtype", "subclassof", "hasbroader")
    return any(SPECIAL in row[column].split(";") for column in columns)


def _walk_up(key: str, parent: dict[str, str | None]) -> list[str]:
    chain: list[str] = []
    current: str | None = key
    while current is not None:
        if current in chain:
            raise BuildError(f"{key}: the broader terms form a cycle at {current}")
        chain.append(current)
        current = parent[current]
    return chain


def _all_ancestors(key: str, broader: dict[str, list[str]]) -> set[str]:
    seen: set[str] = set()
    todo = [key]
    while todo:
        for up in broader[todo.pop()]:
            if up not in seen:
                seen.add(up)
                todo.append(up)
    return seen


def build_categories(pd_csv: Path, labels_nl: dict[str, str]) -> list[dict[str, Any]]:
    with pd_csv.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["type"] == "class" and r["vocab"] == "pd"]
    if not rows:
        raise BuildError(f"{pd_csv}: no personal-data classes")
    by_key = {row["term"]: row for row in rows}
    broader = {
        key: [term for term in _pd_terms(row["hasbroader"]) if term in by_key]
        for key, row in by_key.items()
    }
    parent = {key: (ups[0] if ups else None) for key, ups in broader.items()}
    marked = {key for key, row in by_key.items() if _marked_special(row)}
    missing_nl = sorted(set(by_key) - set(labels_nl))
    if missing_nl:
        raise BuildError(f"labels_nl.json has no Dutch label for: {', '.join(missing_nl)}")
    unused_nl = sorted(set(labels_nl) - set(by_key))
    if unused_nl:
        raise BuildError(f"labels_nl.json has labels for unknown terms: {', '.join(unused_nl)}")
    common_rank = {}
    for rank, (what, key) in enumerate(COMMON, start=1):
        if key not in by_key:
            raise BuildError(f"common category '{what}' → {key} is not a DPV pd term")
        common_rank[key] = rank

    special = {key for key in by_key if (_all_ancestors(key, broader) | {key}) & marked}
    criminal = {key for key in by_key if "Criminal" in _all_ancestors(key, broader) | {key}}
    sensitivity = {}
    for key in by_key:
        chain = _walk_up(key, parent)
        weights = [SENSITIVITY_BY_GROUP[g] for g in chain if g in SENSITIVITY_BY_GROUP]
        if not weights:
            raise BuildError(f"{key}: no group of {chain} is in SENSITIVITY_BY_GROUP")
        sensitivity[key] = SPECIAL_WEIGHT if key in special | criminal else weights[0]

    categories = []
    for key in sorted(by_key):
        row = by_key[key]
        figures = [
            VALUE_BY_GROUP[group]
            for group in _walk_up(key, parent)
            if group in VALUE_BY_GROUP and sensitivity[group] == sensitivity[key]
        ]
        cents, source = figures[0] if figures else DEFAULT_VALUE[sensitivity[key]]
        categories.append(
            {
                "key": key,
                "iri": row["iri"],
                "parent": parent[key],
                "label_en": row["label"].strip(),
                "label_nl": labels_nl[key].strip(),
                "definition_en": row["definition"].strip(),
                "sensitivity": sensitivity[key],
                "special": key in special,
                "criminal": key in criminal,
                "monthly_value_cents": cents,
                "value_source": source,
                "common_rank": common_rank.get(key),
            }
        )
    _check_names_unique(categories)
    return categories


def _check_names_unique(categories: list[dict[str, Any]]) -> None:
    """Find-by-label must be unambiguous: no two categories share a key or label."""
    owner: dict[str, str] = {}
    for category in categories:
        for field in ("key", "label_en", "label_nl"):
            name = compact_text(category[field])
            if not name:
                raise BuildError(f"{category['key']}: empty {field}")
            if owner.setdefault(name, category["key"]) != category["key"]:
                raise BuildError(f"'{category[field]}' names {owner[name]} and {category['key']}")


# --- directory -----------------------------------------------------------------------------
# The datenanfragen fields Quid keeps, in this order; Quid's names use "_" for "-".
ORGANISATION_FIELDS = (
    "slug", "name", "runs",
    "domains",  # derived from web and email by _domains()
    "relevant-countries", "categories", "address", "email", "phone", "fax", "web", "webform",
    "quality", "sources", "comments", "suggested-transport-medium", "request-language",
    "needs-id-document",
)  # fmt: skip
AUTHORITY_FIELDS = (
    "slug", "name", "relevant-countries", "address", "email", "phone", "fax", "web", "webform",
    "complaint-language", "sources",
)  # fmt: skip
RENAMED = {"suggested-transport-medium": "suggested_transport"}
SLUG = re.compile(r"^[a-z0-9-]+$")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise BuildError(f"{path}:{number}: {exc}") from None
    return records


def _reduce(record: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """The fields Quid uses, under Quid's names; absent, empty and false values left out."""
    out = {}
    for theirs in fields:
        value = record.get(theirs)
        if value not in (None, "", [], False):
            out[RENAMED.get(theirs, theirs.replace("-", "_"))] = value
    for required in ("slug", "name", "address"):
        if not out.get(required):
            raise BuildError(f"record {record.get('slug', '?')}: no {required}")
    if not SLUG.match(out["slug"]):
        raise BuildError(f"record {out['slug']}: bad slug")
    return out


# Mail domains that are someone else's: free-mail providers, and the external data-protection
# officers and EU representatives that several unrelated organisations in the data write
# through. An organisation's e-mail domain is one of its domains unless it is listed here
# (and is not the domain of its own website).
FOREIGN_MAIL_DOMAINS = frozenset(
    {
        # free mail
        "gmail.com", "googlemail.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "web.de",
        "email.de", "t-online.de", "freenet.de", "online.de", "arcor.de", "posteo.de",
        "mailbox.org", "outlook.com", "hotmail.com", "hotmail.de", "live.com", "yahoo.com",
        "yahoo.de", "icloud.com", "aol.com", "protonmail.com", "proton.me", "bluewin.ch",
        # data-protection officers and representatives for hire
        "datenschutzanfrage.de", "datenschutz-nord.de", "iitr.de", "kinast.eu",
        "datenschutzexperte.de", "projekt29.de", "heydata.eu", "uimc.de", "xdsb.de",
        "gdpr-rep.com", "althammer-kill.de",
    }
)  # fmt: skip


def _domains(record: dict[str, Any]) -> list[str]:
    web = registrable_domain(record["web"]) if record.get("web") else None
    mail = registrable_domain(record["email"]) if record.get("email") else None
    if mail in FOREIGN_MAIL_DOMAINS and mail != web:
        mail = None
    return list(dict.fromkeys(d for d in (web, mail) if d))


def build_organisations(companies: Path) -> list[dict[str, Any]]:
    records = {r["slug"]: r for r in read_jsonl(companies / "companies.jsonl")}
    provenance = json.loads((companies / "nl-additions-provenance.json").read_text("utf-8"))
    for addition in read_jsonl(companies / "nl-additions.jsonl"):
        note = provenance.get(addition["slug"])
        if note:  # where the facts came from, and how far to trust them
            comment = f"Added by Quid from the privacy statement ({note['date']}). {note['note']}"
            addition = {**addition, "comments": [*addition.get("comments", []), comment]}
        records[addition["slug"]] = addition  # the additions win
    organisations = []
    for slug in sorted(records):
        source = records[slug]
        out = _reduce({**source, "domains": _domains(source)}, ORGANISATION_FIELDS)
        # the schema's default: e-mail if there is an address, else a letter
        out.setdefault("suggested_transport", "email" if out.get("email") else "letter")
        out.setdefault("quality", "verified")
        if out["suggested_transport"] not in TRANSPORTS or out["quality"] not in QUALITIES:
            raise BuildError(f"record {slug}: unknown transport or quality")
        organisations.append(out)
    return organisations


def build_authorities(companies: Path) -> list[dict[str, Any]]:
    records = read_jsonl(companies / "supervisory-authorities.jsonl")
    return [_reduce(r, AUTHORITY_FIELDS) for r in sorted(records, key=lambda r: r["slug"])]


# --- output --------------------------------------------------------------------------------
def write_json_lines(path: Path, items: list[dict[str, Any]]) -> None:
    """A JSON array with one compact record a line, so diffs show which records changed."""
    lines = [json.dumps(item, ensure_ascii=False, separators=(",", ":")) for item in items]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")


NOTICE = """\
# Notice: Quid's taxonomy of personal data

`categories.json` in this folder includes material copied from or derived from the
Data Privacy Vocabulary (DPV), personal data extension, https://w3id.org/dpv/pd
({version}).
Copyright © 2026 World Wide Web Consortium. https://www.w3.org/copyright/software-license-2023/
The full licence is in `resources/licenses/W3C-DPV-LICENSE.md`.

## What Quid changed

- **Selected**: the {count} classes of the pd vocabulary, and of each only the term, IRI,
  English label and definition. The first broader term within pd became `parent`; other
  broader terms, the dates, scope notes and namespaces were left out.
- **Added by Quid**, not part of DPV:
  - `label_nl`, Dutch labels written for Quid (`labels_nl.json`);
  - `special` (GDPR Art. 9): set where DPV marks a class as
    `dpv:SpecialCategoryPersonalData`, and inherited by everything below it;
  - `criminal` (GDPR Art. 10): the `Criminal` group and everything below it;
  - `sensitivity` (1–4), after ENISA's data-breach severity method, assigned per group and
    inherited; Quid rates `Ethnicity` 4 although DPV marks only its children as special;
  - `monthly_value_cents` and `value_source`: default values from published surveys of what
    people ask to be paid for their data (see `VALUATION.md` in Quid's shared data), or a
    per-sensitivity default where no figure fits;
  - `common_rank`: the order of the categories pickers show first.

The rules are in `resources/build_reference_data.py`, which rebuilds `categories.json`.
"""


def default_shared() -> Path:
    return Path(__file__).resolve().parents[2] / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=default_shared(), help="shared/data")
    args = parser.parse_args(argv)
    shared: Path = args.shared.resolve()
    try:
        labels = json.loads((HERE / "taxonomy" / "labels_nl.json").read_text("utf-8"))
        categories = build_categories(shared / "dpv" / "pd.csv", labels)
        organisations = build_organisations(shared / "companies")
        authorities = build_authorities(shared / "companies")
    except (BuildError, OSError, KeyError, json.JSONDecodeError) as exc:
        print(f"build_reference_data: {exc}", file=sys.stderr)
        return 1
    write_json_lines(HERE / "taxonomy" / "categories.json", categories)
    (HERE / "taxonomy" / "NOTICE.md").write_text(
        NOTICE.format(version=DPV_VERSION, count=len(categories)), encoding="utf-8"
    )
    write_json_lines(HERE / "directory" / "organisations.json", organisations)
    write_json_lines(HERE / "directory" / "authorities.json", authorities)
    special = sum(c["special"] for c in categories)
    print(
        f"{len(categories)} categories ({special} special), {len(organisations)} organisations, "
        f"{len(authorities)} authorities"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
