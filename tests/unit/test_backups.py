"""Encrypted backups and restore on real SQLCipher vaults: what is written, what is refused,
and that a refused restore leaves the vault exactly as it was. Case numbers: SECURITY.md."""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.domain.ledger import DisclosureInput, OrganisationInput
from app.errors import (
    PassphraseRejectedError,
    QuidError,
    VaultTooNewError,
    WrongKeyError,
)
from app.paths import AppPaths
from app.services import backups
from app.services.backup_restore import prepare_restore, restore_from_backup
from app.services.backups import (
    KIND_COPY,
    KIND_PASSPHRASE,
    KIND_VAULT_KEY,
    BackupDamagedError,
    cancellable,
    make_backup,
    memory_connection,
    read_backup,
    secret_from_text,
)
from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.services.progress import Cancelled, Progress
from app.services.requests import RequestService
from app.storage import database, keys
from app.storage.header import KeyMode
from app.storage.migrations import LATEST_VERSION
from app.storage.settings import get_setting, set_setting
from app.storage.vault import Vault, create_vault, open_with_keyring, open_with_passphrase
from tests.fixtures.make_vault_fixtures import FIXTURES
from tests.security.filestate import flip_bytes, sha256, snapshot

PASSPHRASE = "a long backup passphrase"
SENTINEL = "SENTINEL-7f3a-never-in-plaintext"
OLD_VERSIONS = sorted(
    int(p.name[1:]) for p in FIXTURES.glob("v*") if int(p.name[1:]) < LATEST_VERSION
)


def fill(vault: Vault) -> None:
    """Rows in every kind of table: ledger, settings, requests, events, attachments."""
    ledger = Ledger(vault.conn)
    load_example_ledger(ledger)
    org = ledger.add_organisation(OrganisationInput(SENTINEL, country="NL"))
    ledger.add_disclosure(org, DisclosureInput("EmailAddress", detail="me@example.org"))
    set_setting(vault.conn, "precious", {"kept": [1, 2, 3]})
    service = RequestService(vault.conn, today=date(2026, 3, 1))
    rid = service.create_draft(org, "access", "en", "Access request", "Dear Sir or Madam, …")
    service.mark_sent(rid, date(2026, 3, 2), "email")
    service.record_reply(
        rid, date(2026, 3, 20), "a copy",
        attachments=(("reply.pdf", "application/pdf", b"%PDF-1.4 reply"),),
        categories=("EmailAddress", "Location"),
    )  # fmt: skip


def every_table(conn: database.Connection) -> dict[str, list[tuple[object, ...]]]:
    names = [str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}


@pytest.fixture
def vault(paths: AppPaths) -> Iterator[Vault]:
    made, _ = create_vault(paths, KeyMode.KEYRING)
    fill(made)
    yield made
    made.close()


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Vault]:
    """A fresh, empty vault elsewhere: a new computer."""
    made, _ = create_vault(AppPaths.resolve(tmp_path / "new-computer"), KeyMode.KEYRING)
    yield made
    made.close()


def org_count(vault: Vault) -> int:
    return int(vault.conn.execute("SELECT count(*) FROM organisations").fetchone()[0])


def nothing_written(folder: Path) -> bool:
    return not list(folder.glob("*.db")) and not list(folder.glob(".*"))


def no_leftovers(paths: AppPaths) -> None:
    assert list(paths.data_dir.glob(".ledger-*")) == []


# --- making backups ------------------------------------------------------------------------------
def test_case1_backup_is_encrypted_private_and_says_what_it_holds(vault: Vault, tmp_path: Path):
    made = make_backup(vault, tmp_path / "b.db")
    data = made.read_bytes()
    assert not data.startswith(b"SQLite format 3\0")
    for text in (SENTINEL, "me@example.org", "Dear Sir or Madam"):  # case 28: nowhere in clear
        assert text.encode() not in data and text.encode("utf-16-le") not in data
    assert made.stat().st_mode & 0o777 == 0o600
    info = read_backup(made, key=vault._key_bytes())
    assert (info.kind, info.vault_id, info.schema_version) == (
        KIND_VAULT_KEY, vault.vault_id, LATEST_VERSION,
    )  # fmt: skip
    assert (info.organisations, info.disclosures) == (27, 81)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_backup_refuses_the_vault_files_and_writes_nothing(vault: Vault, paths: AppPaths):
    before = snapshot(paths.data_dir)
    for target in (paths.vault_file, paths.key_header_file, paths.data_dir / "ledger.db-wal"):
        with pytest.raises(QuidError, match="vault's own files"):
            make_backup(vault, target)
    assert snapshot(paths.data_dir) == before


def test_weak_backup_passphrase_is_refused_before_anything_is_written(vault, tmp_path):
    for weak in ("short", "password", "12345678901"):
        with pytest.raises(PassphraseRejectedError):
            make_backup(vault, tmp_path / "b.db", passphrase=weak)
    assert nothing_written(tmp_path)


def test_cancelled_backup_leaves_no_file(vault: Vault, tmp_path: Path):
    progress = Progress(lambda done, total: progress.cancel() if done == 2 else None)
    with pytest.raises(Cancelled):
        make_backup(vault, tmp_path / "b.db", progress=progress)
    assert nothing_written(tmp_path)


def test_a_cancel_after_the_last_check_is_too_late_and_never_raised(vault, tmp_path):
    """Once the backup is in place it is made: a cancel then must not say "nothing was
    written"; one just before it is put in place leaves nothing."""
    progress = Progress(lambda done, total: progress.cancel() if done == 4 else None)
    made = make_backup(vault, tmp_path / "b.db", progress=progress)
    assert made.is_file() and progress.cancelled
    assert read_backup(made, key=vault._key_bytes()).vault_id == vault.vault_id


def test_a_cancel_while_the_backup_is_synced_leaves_nothing(vault, tmp_path, monkeypatch):
    progress = Progress()
    fsync_file = backups.fsync_file

    def cancel_meanwhile(path: Path) -> None:
        fsync_file(path)
        progress.cancel()  # pressed while the copy was flushed to disk

    monkeypatch.setattr(backups, "fsync_file", cancel_meanwhile)
    with pytest.raises(Cancelled):
        make_backup(vault, tmp_path / "b.db", progress=progress)
    assert nothing_written(tmp_path)


def test_cancel_interrupts_a_long_sql_call():
    progress = Progress()
    progress.cancel()
    conn = memory_connection()
    try:
        with pytest.raises(Cancelled), cancellable(conn, progress, 1, 2):
            conn.execute(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 50000000) "
                "SELECT count(*) FROM c"
            ).fetchone()
    finally:
        conn.close()


# --- restoring ------------------------------------------------------------------------------------
def test_restore_equals_the_original_row_by_row(vault: Vault, paths: AppPaths, tmp_path: Path):
    original = every_table(vault.conn)
    made = make_backup(vault, tmp_path / "b.db")
    Ledger(vault.conn).delete_organisation(1)
    set_setting(vault.conn, "precious", "changed after the backup")
    changed = every_table(vault.conn)

    key = vault._key_bytes()
    kept = restore_from_backup(vault, made)
    assert not vault.is_open, "the caller opens the vault again"
    with open_with_keyring(paths) as restored:
        assert every_table(restored.conn) == original
    replaced = database.open_existing(kept, key)
    try:
        assert every_table(replaced) == changed, "the replaced vault is kept, whole"
    finally:
        replaced.close()
    assert kept.name.startswith("ledger.db.replaced-")
    no_leftovers(paths)


def test_passphrase_backup_restores_into_a_new_vault(vault: Vault, other: Vault, tmp_path: Path):
    original = every_table(vault.conn)
    made = make_backup(vault, tmp_path / "b.db", passphrase=PASSPHRASE)
    with pytest.raises(WrongKeyError):
        read_backup(made, key=vault._key_bytes())  # it needs nothing but the passphrase
    assert read_backup(made, passphrase=PASSPHRASE).kind == KIND_PASSPHRASE

    new_id, new_paths = other.vault_id, other.paths
    restore_from_backup(other, made, passphrase=PASSPHRASE)
    with open_with_keyring(new_paths) as restored:  # its own key file still opens it
        tables = every_table(restored.conn)
        assert tables.pop("vault_meta") == [("vault_id", new_id)]
        assert tables == {k: v for k, v in original.items() if k != "vault_meta"}


def test_case3_backup_passphrase_in_another_unicode_form(vault: Vault, tmp_path: Path):
    typed = "Crème brûlée \"quotes\" 'too' 🔑"
    made = make_backup(vault, tmp_path / "b.db", passphrase=unicodedata.normalize("NFC", typed))
    info = read_backup(made, passphrase=unicodedata.normalize("NFD", typed))
    assert info.organisations == 27


def test_backup_of_another_vault_opens_with_its_recovery_key(vault, other: Vault, tmp_path):
    made = make_backup(vault, tmp_path / "b.db")
    recovery = keys.encode_recovery_key(vault._key_bytes())
    with pytest.raises(WrongKeyError):
        prepare_restore(other, made)  # not with the new vault's key
    key, passphrase = secret_from_text(recovery.lower().replace("-", " "))
    assert passphrase is None and key == vault._key_bytes()
    restore_from_backup(other, made, key=key)
    with open_with_keyring(other.paths) as restored:
        assert org_count(restored) == 27


def test_case2_wrong_passphrase_is_refused_and_the_vault_is_untouched(vault, paths, tmp_path):
    made = make_backup(vault, tmp_path / "b.db", passphrase=PASSPHRASE)
    before = snapshot(paths.data_dir)
    with pytest.raises(WrongKeyError, match="Nothing was changed"):
        restore_from_backup(vault, made, passphrase="not the backup passphrase")
    assert vault.is_open and snapshot(paths.data_dir) == before
    no_leftovers(paths)


@pytest.mark.parametrize("where", ["page 2", "middle", "last page"])
def test_case12_damaged_backup_is_refused_and_the_vault_is_untouched(
    vault: Vault, paths: AppPaths, tmp_path: Path, where: str
):
    made = make_backup(vault, tmp_path / "b.db")
    size = made.stat().st_size
    offset = {"page 2": 4096 + 100, "middle": size // 2, "last page": size - 100}[where]
    flip_bytes(made, offset, 16)
    before = snapshot(paths.data_dir)
    with pytest.raises(BackupDamagedError, match="damaged"):
        read_backup(made, key=vault._key_bytes())
    with pytest.raises(BackupDamagedError):
        restore_from_backup(vault, made)
    assert vault.is_open and snapshot(paths.data_dir) == before
    no_leftovers(paths)


@pytest.mark.parametrize("length", [0, 1000, 3 * 4096 + 17])
def test_case13_truncated_backup_is_refused(vault, paths: AppPaths, tmp_path: Path, length: int):
    made = make_backup(vault, tmp_path / "b.db")
    made.write_bytes(made.read_bytes()[:length])
    before = snapshot(paths.data_dir)
    with pytest.raises(BackupDamagedError, match="empty or cut short"):
        restore_from_backup(vault, made)
    assert snapshot(paths.data_dir) == before


def test_a_file_that_is_no_backup_is_refused(vault: Vault, paths: AppPaths, tmp_path: Path):
    noise = tmp_path / "noise.db"
    noise.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(WrongKeyError):
        restore_from_backup(vault, noise)
    with pytest.raises(QuidError, match="not a backup"):
        restore_from_backup(vault, paths.vault_file)
    assert vault.is_open


def test_a_backup_from_a_newer_quid_is_refused(vault: Vault, paths: AppPaths, tmp_path: Path):
    made = make_backup(vault, tmp_path / "b.db")
    conn = database.open_existing(made, vault._key_bytes())
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    before = snapshot(paths.data_dir)
    with pytest.raises(VaultTooNewError, match="newer Quid"):
        restore_from_backup(vault, made)
    assert vault.is_open and snapshot(paths.data_dir) == before


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_a_backup_from_an_older_schema_is_restored_and_migrated(
    vault: Vault, paths: AppPaths, tmp_path: Path, version: int
):
    """The committed fixture vault of each old schema, used as a backup of another vault:
    opened with that vault's recovery key, upgraded, given this vault's id."""
    old = tmp_path / "old" / "ledger.db"
    old.parent.mkdir()
    shutil.copy(FIXTURES / f"v{version}" / "ledger.db", old)
    fingerprint = sha256(old)
    code = (FIXTURES / f"v{version}" / "RECOVERY-KEY.txt").read_text().strip()
    key, _ = secret_from_text(code)
    info = read_backup(old, key=key)
    assert (info.schema_version, info.kind) == (version, KIND_COPY)

    vault_id = vault.vault_id
    restore_from_backup(vault, old, key=key)
    with open_with_keyring(paths) as restored:
        assert restored.schema_version == LATEST_VERSION
        assert restored.vault_id == vault_id
        assert get_setting(restored.conn, "fixture.note") == "written by schema v1"
        names = [r[0] for r in restored.conn.execute("SELECT name FROM organisations")]
        assert names == (["Fixture Shop"] if version >= 2 else [])
    assert sha256(old) == fingerprint and sorted(old.parent.iterdir()) == [old], "read only"


def test_restore_into_a_passphrase_vault_keeps_its_passphrase(paths: AppPaths, tmp_path: Path):
    made_vault, _ = create_vault(paths, KeyMode.PASSPHRASE, "correct horse battery staple")
    with made_vault:
        fill(made_vault)
        made = make_backup(made_vault, tmp_path / "b.db")
        Ledger(made_vault.conn).delete_organisation(1)
        restore_from_backup(made_vault, made)
    with open_with_passphrase(paths, "correct horse battery staple") as restored:
        assert org_count(restored) == 27


def test_cancelled_restore_changes_nothing(vault: Vault, paths: AppPaths, tmp_path: Path):
    made = make_backup(vault, tmp_path / "b.db")
    before = snapshot(paths.data_dir)
    progress = Progress(lambda done, total: progress.cancel() if done == 3 else None)
    with pytest.raises(Cancelled):
        restore_from_backup(vault, made, progress=progress)
    assert vault.is_open and snapshot(paths.data_dir) == before
    no_leftovers(paths)


def test_a_cancel_at_the_last_step_of_a_restore_leaves_no_prepared_copy(
    vault: Vault, paths: AppPaths, tmp_path: Path
):
    made = make_backup(vault, tmp_path / "b.db")
    before = snapshot(paths.data_dir)
    progress = Progress(lambda done, total: progress.cancel() if done == total else None)
    with pytest.raises(Cancelled):
        restore_from_backup(vault, made, progress=progress)
    assert vault.is_open and snapshot(paths.data_dir) == before
    assert not list(paths.data_dir.glob(".ledger-*.restoring"))
