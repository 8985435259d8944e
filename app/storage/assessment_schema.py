"""Schema v3: stored assessments (band and score, for sorting and filtering the table in SQL)
and the tiers an organisation offers.

Band and score are computed in Python (domain/scoring.py); triggers only mark a row stale
(`band_rank = -1`) when its data changes, and the app recomputes stale rows.
"""

from __future__ import annotations

from app.storage.database import Connection
from app.storage.ledger_schema import PERIODS

_STATEMENTS = [
    "ALTER TABLE organisation_stats ADD COLUMN band TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE organisation_stats ADD COLUMN band_rank INTEGER NOT NULL DEFAULT -1",
    "ALTER TABLE organisation_stats ADD COLUMN score INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE organisation_stats ADD COLUMN flags TEXT NOT NULL DEFAULT '[]'",
    "CREATE INDEX stats_band ON organisation_stats(band_rank, score)",
    f"""CREATE TABLE tiers (
        id INTEGER PRIMARY KEY,
        organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        description TEXT NOT NULL DEFAULT '',
        value_cents INTEGER CHECK (value_cents IS NULL OR value_cents >= 0),
        period TEXT NOT NULL DEFAULT 'month' CHECK (period IN {PERIODS}),
        chosen INTEGER NOT NULL DEFAULT 0 CHECK (chosen IN (0, 1)),
        position INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT""",
    "CREATE INDEX tiers_organisation ON tiers(organisation_id, position)",
    """CREATE TABLE tier_categories (
        tier_id INTEGER NOT NULL REFERENCES tiers(id) ON DELETE CASCADE,
        category TEXT NOT NULL,
        PRIMARY KEY (tier_id, category)
    ) STRICT""",
]


def _stale_triggers() -> list[str]:
    statements = []
    for table in ("disclosures", "benefits", "accounts"):
        for event, ref in (("INSERT", "NEW"), ("DELETE", "OLD"), ("UPDATE", "NEW")):
            statements.append(
                f"CREATE TRIGGER {table}_stale_{event.lower()} AFTER {event} ON {table} BEGIN "
                f"UPDATE organisation_stats SET band_rank = -1 "
                f"WHERE organisation_id = {ref}.organisation_id; END"
            )
    return statements


def create_assessment_tables(conn: Connection) -> None:
    for statement in _STATEMENTS + _stale_triggers():
        conn.execute(statement)
