"""Schema v4: GDPR requests, their timeline, replies' attachments (kept encrypted in the vault)
and the data categories an access reply says they hold."""

from __future__ import annotations

from app.domain.requests import CHANNELS, EVENT_KINDS, LANGUAGES, REQUEST_TYPES, STATUSES
from app.storage.database import Connection

_CHANNELS = ("", *CHANNELS)
_TYPES = tuple(REQUEST_TYPES)

_STATEMENTS = [
    f"""CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        type TEXT NOT NULL CHECK (type IN {_TYPES}),
        language TEXT NOT NULL CHECK (language IN {LANGUAGES}),
        channel TEXT NOT NULL DEFAULT '' CHECK (channel IN {_CHANNELS}),
        subject TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN {STATUSES}),
        sent_on TEXT,
        received_on TEXT,
        due_on TEXT,
        extended_to TEXT,
        extension_reason TEXT NOT NULL DEFAULT '',
        parent_id INTEGER REFERENCES requests(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT""",
    "CREATE INDEX requests_organisation ON requests(organisation_id)",
    "CREATE INDEX requests_due ON requests(status, due_on)",
    f"""CREATE TABLE request_events (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN {EVENT_KINDS}),
        happened_on TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    ) STRICT""",
    "CREATE INDEX request_events_request ON request_events(request_id, happened_on)",
    """CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        event_id INTEGER REFERENCES request_events(id) ON DELETE SET NULL,
        filename TEXT NOT NULL,
        mime TEXT NOT NULL DEFAULT 'application/octet-stream',
        size INTEGER NOT NULL,
        content BLOB NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT""",
    "CREATE INDEX attachments_request ON attachments(request_id)",
    """CREATE TABLE reply_categories (
        event_id INTEGER NOT NULL REFERENCES request_events(id) ON DELETE CASCADE,
        category TEXT NOT NULL,
        PRIMARY KEY (event_id, category)
    ) STRICT""",
]


def create_request_tables(conn: Connection) -> None:
    for statement in _STATEMENTS:
        conn.execute(statement)
