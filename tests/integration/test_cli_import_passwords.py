"""`quid import passwords FILE`: dry run, real import, JSON, errors (in-process, one subprocess)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from app.cli import main
from app.paths import AppPaths
from app.storage.header import KeyMode
from app.storage.vault import create_vault
from tests.support.cli import quid
from tests.support.keyrings import FileKeyring

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "password_exports"
REMINDER = "Delete the export file now: it holds your passwords in plain text"


def organisations(capsys: pytest.CaptureFixture[str], data_dir: str) -> list[str]:
    code, out, _ = quid(capsys, data_dir, "org", "list", "--json")
    assert code == 0
    return sorted((org["name"] for org in json.loads(out)), key=str.casefold)


def vault_state(paths: AppPaths) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in paths.data_dir.rglob("*")
        if p.is_file() and p != paths.lock_file
    }


def test_dry_run_json_proposes_and_writes_nothing(capsys, vault_dir) -> None:
    export = FIXTURES / "bitwarden.csv"
    code, out, err = quid(capsys, vault_dir, "import", "passwords", str(export), "--dry-run",
                          "--json")  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert (data["format"], data["rows"], data["imported"]) == ("bitwarden", 9, False)
    google = next(org for org in data["organisations"] if org["directory_slug"] == "google")
    assert google == {
        "name": "Google LLC",
        "domains": ["google.com", "youtube.com"],
        "directory_slug": "google",
        "existing_id": None,
        "match": "directory (domain)",
        "accounts": [{"identifier": "Jan@Example.org", "is_email": True, "first_used": None,
                      "last_used": None, "exists": False}],
    }  # fmt: skip
    assert {"line": 8, "site": "Router", "reason": "a local or IP address"} in data["skipped"]
    assert "S3NTINEL" not in out + err
    assert err.strip() == f"{REMINDER} ({export})."
    assert organisations(capsys, vault_dir) == []


def test_import_adds_everything_once_and_reminds(capsys, vault_dir) -> None:
    export = str(FIXTURES / "keepassxc.csv")
    code, out, err = quid(capsys, vault_dir, "import", "passwords", export)
    assert code == 0, err
    assert "KeePassXC export: 4 rows → 3 organisations, 1 skipped." in out
    assert "jandevries (username, first used 2015-03-04, last used 2024-01-02)" in out
    assert "line 5: Printer — a local or IP address" in out
    assert "Added 3 organisations, 3 accounts and 3 identifiers as data given." in out
    assert REMINDER in err and "S3NTINEL" not in out + err
    assert organisations(capsys, vault_dir) == ["ing.nl", "Spotify AB", "zalando.nl"]
    code, out, _ = quid(capsys, vault_dir, "org", "show", "ing.nl", "--json")
    shown = json.loads(out)
    assert [(a["identifier"], a["first_used"]) for a in shown["accounts"]] == [
        ("jandevries", "2015-03-04")
    ]
    assert [(d["category"], d["detail"]) for d in shown["disclosures"]] == [
        ("Username", "jandevries")
    ]

    code, out, err = quid(capsys, vault_dir, "import", "passwords", export, "--json")
    data = json.loads(out)
    assert data["imported"] is True
    assert data["added"] == {"organisations": [], "accounts": [], "disclosures": []}
    assert all(org["match"] == "ledger" for org in data["organisations"])
    assert all(a["exists"] for org in data["organisations"] for a in org["accounts"])


def test_every_format_imports_through_the_cli(capsys, vault_dir) -> None:
    for fixture in sorted(FIXTURES.glob("*.csv")):
        args = ["import", "passwords", str(fixture), "--dry-run", "--json"]
        if fixture.name == "custom.csv":
            continue  # needs a column mapping (the GUI's dialog)
        code, out, err = quid(capsys, vault_dir, *args)
        assert code == 0, (fixture.name, err)
        assert json.loads(out)["organisations"], fixture.name


@pytest.mark.parametrize(
    ("content", "extra", "words"),
    [
        (b'name,url,username,password\nA,https://a.com,u,p\nB,"https://b.com,u,p\n', (),
         "quid: Line 3: a quoted cell is never closed (a missing quote); nothing was imported."),
        (b"Site Name,Web Address\nx,https://x.com\n", (), "say which column holds what"),
        (b"name,url,username,password\nA,https://a.com,u,p\n", ("--format", "bitwarden"),
         "quid: Line 1: this is not a Bitwarden export"),
        (b"", (), "quid: The file is empty; nothing was imported."),
    ],
)  # fmt: skip
def test_a_bad_file_exits_2_with_one_line_and_writes_nothing(
    capsys, vault_dir, paths: AppPaths, tmp_path: Path, content: bytes, extra, words: str
) -> None:
    export = tmp_path / "export.csv"
    export.write_bytes(content)
    before = vault_state(paths)
    code, out, err = quid(capsys, vault_dir, "import", "passwords", str(export), *extra)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("quid: ") and words in err, err
    assert vault_state(paths) == before


def test_missing_file_and_bad_format_name(capsys, vault_dir, tmp_path: Path) -> None:
    code, _, err = quid(capsys, vault_dir, "import", "passwords", str(tmp_path / "nope.csv"))
    assert (
        code == 2
        and err == f"quid: There is no file {tmp_path / 'nope.csv'}; nothing was imported.\n"
    )
    code, _, err = quid(capsys, vault_dir, "import", "passwords", str(tmp_path))
    assert code == 2 and "is not a file" in err
    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", vault_dir, "import", "passwords", "x.csv", "--format", "dashlane"])
    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.slow
def test_as_a_subprocess(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keyring_file = tmp_path / "keyring.json"
    monkeypatch.setenv("QUID_TEST_KEYRING_FILE", str(keyring_file))
    keyring.set_keyring(FileKeyring())
    data_dir = tmp_path / "vault"
    create_vault(AppPaths.resolve(data_dir), KeyMode.KEYRING)[0].close()
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "tests.support.keyrings.FileKeyring",
        "QUID_TEST_KEYRING_FILE": str(keyring_file),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    export = FIXTURES / "firefox.csv"
    result = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "import", "passwords",
         str(export), "--json"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == "firefox" and data["imported"] is True
    reddit = next(org for org in data["organisations"] if org["directory_slug"] == "reddit")
    assert reddit["accounts"][0]["first_used"] == "2019-01-01"
    assert result.stderr.strip() == f"{REMINDER} ({export})."


def test_any_csv_through_named_columns(tmp_path, capsys, monkeypatch):
    """The CLI's column mapping for a CSV of no known exporter: --url-column and friends."""
    data = tmp_path / "quid"
    monkeypatch.setenv("QP", "a long enough passphrase 42")
    assert main(["--data-dir", str(data), "--passphrase-env", "QP", "init"]) == 0
    export = tmp_path / "mine.csv"
    export.write_text(
        "Site,Address,Who,Secret\nShop,https://www.bol.com/login,jan@example.org,S3CRET-1\n",
        encoding="utf-8",
    )
    base = ["--data-dir", str(data), "--passphrase-env", "QP", "import", "passwords"]
    assert main([*base, str(export), "--dry-run"]) == 2
    assert "--url-column" in capsys.readouterr().err
    assert main([*base, str(export), "--url-column", "Nope"]) == 2
    err = capsys.readouterr().err
    assert "no column 'Nope'" in err and "S3CRET" not in err
    code = main([*base, str(export), "--url-column", "Address", "--username-column", "Who",
                 "--json"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0 and "S3CRET" not in out
    added = json.loads(out)
    assert [o["domains"] for o in added["organisations"]] == [["bol.com"]]
    assert added["organisations"][0]["accounts"][0]["identifier"] == "jan@example.org"


def test_a_file_without_a_header_row_is_refused_with_url_column(
    capsys, vault_dir, paths: AppPaths, tmp_path: Path
) -> None:
    """The first row is a login with a password: never taken for column names, never quoted."""
    export = tmp_path / "mine.csv"
    export.write_text("Shop,jan,Pa55word!\nBol,jandv,S3CRET-1\n", encoding="utf-8")
    before = vault_state(paths)
    for extra in (["--url-column", "Shop", "--username-column", "jan"], []):
        code, out, err = quid(capsys, vault_dir, "import", "passwords", str(export), *extra)
        assert (code, out) == (2, "")
        assert err == (
            "quid: The first line of mine.csv does not look like a header row (column names); "
            "add one or export again with headers. Nothing was imported.\n"
        )
    assert vault_state(paths) == before


def test_a_login_or_token_in_an_address_is_never_printed(capsys, vault_dir, tmp_path) -> None:
    export = tmp_path / "firefox.csv"
    export.write_text(
        '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated",'
        '"timeLastUsed","timePasswordChanged"\n'
        '"http://admin:SENTINELPW@192.168.1.1","admin","pw",,,"{1}",,,\n'
        '"https://wiki/reset?token=SENTINELPW","me","pw",,,"{2}",,,\n',
        encoding="utf-8",
    )
    for extra in ([], ["--json"]):
        code, out, err = quid(capsys, vault_dir, "import", "passwords", str(export), "--dry-run",
                              *extra)  # fmt: skip
        assert code == 0 and "SENTINELPW" not in out + err
        assert "http://192.168.1.1" in out and "https://wiki" in out
    assert (
        "line 2: http://192.168.1.1 — a local or IP address"
        in quid(capsys, vault_dir, "import", "passwords", str(export), "--dry-run")[1]
    )
