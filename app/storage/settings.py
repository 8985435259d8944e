"""In-vault settings (encrypted with the ledger): small JSON values under a key."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from app.storage.database import Connection, transaction

IDLE_LOCK_MINUTES = "idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 10


def get_setting(conn: Connection, key: str, default: Any = None) -> Any:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return default if row is None else json.loads(row[0])


def set_setting(conn: Connection, key: str, value: Any) -> None:
    stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
    with transaction(conn):
        conn.execute(
            "INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
            "updated_at = excluded.updated_at",
            (key, json.dumps(value), stamp),
        )


def idle_lock_minutes(conn: Connection) -> int:
    """Minutes of inactivity before the GUI locks; 0 turns the idle lock off."""
    value = get_setting(conn, IDLE_LOCK_MINUTES, DEFAULT_IDLE_LOCK_MINUTES)
    return value if type(value) is int and 0 <= value <= 24 * 60 else DEFAULT_IDLE_LOCK_MINUTES
