"""Small helpers to prove that a failed operation left the files exactly as they were."""

from __future__ import annotations

import hashlib
from pathlib import Path

from app.storage import database
from app.storage.database import Connection

PAGE_SIZE = database.PAGE_SIZE


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below `folder`: relative path → sha256 of its bytes."""
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): sha256(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def all_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def flip_bytes(path: Path, start: int, count: int) -> None:
    data = bytearray(path.read_bytes())
    assert start + count <= len(data), "the damage must fall inside the file"
    for i in range(start, start + count):
        data[i] ^= 0xA5
    path.write_bytes(bytes(data))


def fill_settings(conn: Connection, rows: int = 2000, width: int = 200) -> None:
    """Enough rows to spread the settings table over many pages (one transaction: fast)."""
    with database.transaction(conn):
        conn.executemany(
            "INSERT INTO settings(key, value, updated_at) VALUES (?, ?, '2024-01-01T00:00:00')",
            [(f"row-{i:05d}", '"' + f"{i:05d}" * (width // 5) + '"') for i in range(rows)],
        )
