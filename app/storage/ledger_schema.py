"""Schema v2: the ledger — profile, organisations, accounts, disclosures, benefits.

Money is integer cents; dates are ISO-8601 text. `organisation_stats` is kept by triggers, so
the organisations table sorts and filters on indexed columns at 10,000 organisations and
100,000 disclosures instead of aggregating on every query.
"""

from __future__ import annotations

from app.domain.ledger import ACCOUNT_STATUSES, BENEFIT_KINDS, COLLECTION_METHODS, PERIODS
from app.storage.database import Connection

_TABLES = f"""
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL DEFAULT '',
    postal_address TEXT NOT NULL DEFAULT '',
    emails TEXT NOT NULL DEFAULT '[]',
    phone TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 300),
    name_key TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    country TEXT NOT NULL DEFAULT '',
    privacy_email TEXT NOT NULL DEFAULT '',
    postal_address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    webform TEXT NOT NULL DEFAULT '',
    directory_slug TEXT,
    directory_quality TEXT NOT NULL DEFAULT '',
    directory_sources TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX organisations_name_key ON organisations(name_key);
CREATE INDEX organisations_country ON organisations(country, name_key);
CREATE INDEX organisations_slug ON organisations(directory_slug);

CREATE TABLE organisation_domains (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    domain TEXT NOT NULL,
    PRIMARY KEY (organisation_id, domain)
) STRICT;
CREATE INDEX organisation_domains_domain ON organisation_domains(domain);

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    identifier TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN {ACCOUNT_STATUSES}),
    first_used TEXT,
    last_used TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX accounts_organisation ON accounts(organisation_id);

CREATE TABLE disclosures (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    sensitivity INTEGER NOT NULL CHECK (sensitivity BETWEEN 1 AND 4),
    detail TEXT NOT NULL DEFAULT '',
    given_on TEXT,
    collection_method TEXT NOT NULL DEFAULT '' CHECK (collection_method IN {COLLECTION_METHODS}),
    purpose TEXT NOT NULL DEFAULT '',
    legal_basis TEXT NOT NULL DEFAULT '',
    required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
    necessary INTEGER CHECK (necessary IN (0, 1)),
    shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
    continuous INTEGER NOT NULL DEFAULT 0 CHECK (continuous IN (0, 1)),
    retention TEXT NOT NULL DEFAULT '',
    consent_withdrawn_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX disclosures_organisation ON disclosures(organisation_id);
CREATE INDEX disclosures_category ON disclosures(category, organisation_id);

CREATE TABLE benefits (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN {BENEFIT_KINDS}),
    description TEXT NOT NULL DEFAULT '',
    value_cents INTEGER CHECK (value_cents IS NULL OR value_cents >= 0),
    period TEXT NOT NULL DEFAULT 'once' CHECK (period IN {PERIODS}),
    started_on TEXT,
    ended_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX benefits_organisation ON benefits(organisation_id);

CREATE TABLE organisation_stats (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    categories INTEGER NOT NULL DEFAULT 0,
    max_sensitivity INTEGER NOT NULL DEFAULT 0,
    value_month_cents INTEGER NOT NULL DEFAULT 0,
    account_status TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX stats_categories ON organisation_stats(categories);
CREATE INDEX stats_sensitivity ON organisation_stats(max_sensitivity);
CREATE INDEX stats_value ON organisation_stats(value_month_cents);
CREATE INDEX stats_status ON organisation_stats(account_status);
"""

# One statement recomputes an organisation's row; triggers call it with NEW/OLD ids.
# A one-off benefit counts as spread over a year until the assessment knows better.
_REFRESH = """
UPDATE organisation_stats SET
    categories = (SELECT count(DISTINCT category) FROM disclosures
                  WHERE organisation_id = {oid}),
    max_sensitivity = coalesce((SELECT max(sensitivity) FROM disclosures
                                WHERE organisation_id = {oid}), 0),
    value_month_cents = coalesce((SELECT sum(CASE period WHEN 'month' THEN value_cents
                                                  ELSE value_cents / 12 END)
                                  FROM benefits WHERE organisation_id = {oid}), 0),
    account_status = coalesce((SELECT status FROM accounts WHERE organisation_id = {oid}
                               ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'dormant' THEN 1
                                   WHEN 'erasure_requested' THEN 2 WHEN 'closed' THEN 3
                                   ELSE 4 END LIMIT 1), '')
WHERE organisation_id = {oid};
"""


def _triggers() -> str:
    parts = [
        """CREATE TRIGGER organisations_stats_row AFTER INSERT ON organisations BEGIN
               INSERT INTO organisation_stats(organisation_id) VALUES (NEW.id);
           END;"""
    ]
    for table in ("disclosures", "benefits", "accounts"):
        parts.append(
            f"CREATE TRIGGER {table}_ins AFTER INSERT ON {table} BEGIN "
            + _REFRESH.format(oid="NEW.organisation_id")
            + " END;"
        )
        parts.append(
            f"CREATE TRIGGER {table}_del AFTER DELETE ON {table} BEGIN "
            + _REFRESH.format(oid="OLD.organisation_id")
            + " END;"
        )
        parts.append(
            f"CREATE TRIGGER {table}_upd AFTER UPDATE ON {table} BEGIN "
            + _REFRESH.format(oid="OLD.organisation_id")
            + _REFRESH.format(oid="NEW.organisation_id")
            + " END;"
        )
    return "\n".join(parts)


def create_ledger_tables(conn: Connection) -> None:
    for statement in _split(_TABLES + _triggers()):
        conn.execute(statement)


def _split(script: str) -> list[str]:
    """Statements of a script (triggers contain ';' inside BEGIN … END)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        stripped = current.strip()
        if stripped.endswith(";") and (
            "CREATE TRIGGER" not in stripped or stripped.endswith("END;")
        ):
            if stripped:
                statements.append(stripped)
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
