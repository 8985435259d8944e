"""`transaction()` nests: an inner one is a savepoint of the outer, so a service can make
several ledger writes all-or-nothing (the password import does)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.storage import database, keys


@pytest.fixture
def conn(tmp_path: Path) -> database.Connection:
    c = database.create_new(tmp_path / "t.db", keys.new_database_key())
    c.execute("CREATE TABLE t (v INTEGER)")
    return c


def values(conn: database.Connection) -> list[int]:
    return [r[0] for r in conn.execute("SELECT v FROM t ORDER BY v")]


def test_inner_failure_undoes_only_the_inner_writes(conn: database.Connection) -> None:
    with database.transaction(conn):
        conn.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(ValueError), database.transaction(conn):
            conn.execute("INSERT INTO t VALUES (2)")
            raise ValueError
        conn.execute("INSERT INTO t VALUES (3)")
    assert values(conn) == [1, 3]


def test_outer_failure_undoes_committed_inner_writes(conn: database.Connection) -> None:
    with pytest.raises(KeyboardInterrupt), database.transaction(conn):
        with database.transaction(conn):
            conn.execute("INSERT INTO t VALUES (1)")
        with database.transaction(conn):
            conn.execute("INSERT INTO t VALUES (2)")
        raise KeyboardInterrupt  # e.g. a cancel after the last write
    assert values(conn) == []
    assert not conn.in_transaction


def test_plain_transaction_commits(conn: database.Connection) -> None:
    with database.transaction(conn):
        conn.execute("INSERT INTO t VALUES (7)")
    assert values(conn) == [7]
    assert not conn.in_transaction


def test_disk_full_inside_a_savepoint_reports_disk_full(conn: database.Connection) -> None:
    """SQLite rolls the whole transaction back when the disk fills; the savepoint's own
    rollback must not replace that error with 'no such savepoint'."""
    from app.errors import DiskFullError

    conn.execute("CREATE TABLE big (b BLOB)")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(DiskFullError), database.transaction(conn):
        conn.execute("INSERT INTO t VALUES (1)")
        with database.transaction(conn):
            for _ in range(50):
                conn.execute("INSERT INTO big VALUES (zeroblob(4000))")
    assert values(conn) == []
    assert not conn.in_transaction
