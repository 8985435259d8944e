"""`quid export json|csv|receipts` and `quid import json`: as a person runs them (subprocess,
file-backed test keyring) and in-process for the error cases."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main
from app.domain.ledger import DisclosureInput, OrganisationInput, ProfileInput
from app.paths import AppPaths
from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.storage.header import KeyMode
from app.storage.vault import create_vault, open_with_keyring

REPO = Path(__file__).resolve().parents[2]
NOTICE = "This file is not encrypted: keep it somewhere safe or delete it when done."
Quid = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def quid(keyring_file: Path) -> Quid:
    def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "PYTHON_KEYRING_BACKEND": "tests.support.keyrings.FileKeyring",
            "QUID_TEST_KEYRING_FILE": str(keyring_file),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        }
        return subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


def vault_dir(root: Path, *, example: bool = False) -> Path:
    paths = AppPaths.resolve(root)
    vault, _recovery = create_vault(paths, KeyMode.KEYRING)
    with vault:
        if example:
            load_example_ledger(Ledger(vault.conn))
    return paths.data_dir


def cli(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def error_line(code: int, err: str) -> str:
    assert code == 2, err
    assert err.startswith("quid: ") and err.count("\n") == 1, err
    return err


def without_stamp(path: Path) -> list[str]:
    return [ln for ln in path.read_text().splitlines() if not ln.startswith('"exported_at"')]


@pytest.mark.slow
def test_export_then_import_into_a_new_vault_gives_the_same_ledger(quid, tmp_path) -> None:
    source = vault_dir(tmp_path / "source", example=True)
    first = tmp_path / "ledger.json"
    result = quid(source, "export", "json", "--out", str(first))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Written to {first}. {NOTICE}\n"
    assert stat.S_IMODE(os.stat(first).st_mode) == 0o600

    refused = quid(source, "export", "json", "--out", str(first))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert refused.stderr.count("\n") == 1
    assert quid(source, "export", "json", "--out", str(first), "--force").returncode == 0

    target = vault_dir(tmp_path / "target")
    imported = quid(target, "import", "json", str(first))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("Imported 26 organisations")
    second = tmp_path / "again.json"
    assert quid(target, "export", "json", "--out", str(second)).returncode == 0
    assert without_stamp(first) == without_stamp(second)


def test_import_into_a_ledger_needs_merge_and_lists_conflicts(capsys, tmp_path) -> None:
    source = vault_dir(tmp_path / "source")
    with open_with_keyring(AppPaths.resolve(source)) as vault:
        ledger = Ledger(vault.conn)
        org = ledger.add_organisation(OrganisationInput("Shop", country="DE"))
        ledger.add_disclosure(org, DisclosureInput("EmailAddress"))
    path = tmp_path / "shop.json"
    assert cli(capsys, source, "export", "json", "--out", str(path))[0] == 0
    target = vault_dir(tmp_path / "target")
    with open_with_keyring(AppPaths.resolve(target)) as vault:
        Ledger(vault.conn).add_organisation(OrganisationInput("SHOP", country="NL"))

    code, _out, err = cli(capsys, target, "import", "json", str(path))
    assert "--merge" in error_line(code, err) and "Nothing was changed" in err
    code, out, err = cli(capsys, target, "import", "json", str(path), "--merge", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["matched_organisations"] == 1 and result["added"]["disclosures"] == 1
    assert any('country differs (vault "NL", file "DE")' in c for c in result["conflicts"])
    code, out, _err = cli(capsys, target, "import", "json", str(path), "--merge")
    assert code == 0 and "Imported nothing new" in out and "  conflict: " in out


def test_a_bad_file_is_named_and_changes_nothing(capsys, tmp_path) -> None:
    source = vault_dir(tmp_path / "source", example=True)
    path = tmp_path / "ledger.json"
    cli(capsys, source, "export", "json", "--out", str(path))
    document = json.loads(path.read_text())
    document["organisations"][3]["country"] = "Nederland"
    path.write_text(json.dumps(document))
    target = vault_dir(tmp_path / "target")
    code, _out, err = cli(capsys, target, "import", "json", str(path))
    assert "organisations[3].country: 'Nederland' is not a two-letter" in error_line(code, err)
    with open_with_keyring(AppPaths.resolve(target)) as vault:
        assert vault.conn.execute("SELECT count(*) FROM organisations").fetchone()[0] == 0
    code, _out, err = cli(capsys, target, "import", "json", str(tmp_path / "missing.json"))
    assert "Could not read" in error_line(code, err)


def test_csv_to_a_folder_or_a_zip_and_receipts(capsys, tmp_path) -> None:
    source = vault_dir(tmp_path / "source", example=True)
    with open_with_keyring(AppPaths.resolve(source)) as vault:
        Ledger(vault.conn).set_profile(ProfileInput("Jan", emails=["jan@example.nl"]))
    folder = tmp_path / "tables"
    code, out, err = cli(capsys, source, "export", "csv", "--out", str(folder))
    assert code == 0, err
    assert "disclosures.csv" in out and "not encrypted" in out
    assert sorted(p.name for p in folder.iterdir()) == [
        "benefits.csv",
        "disclosures.csv",
        "organisations.csv",
        "requests.csv",
    ]
    code, _out, err = cli(capsys, source, "export", "csv", "--out", str(folder))
    assert "--force" in error_line(code, err)

    archive = tmp_path / "tables.zip"
    code, out, _err = cli(capsys, source, "export", "csv", "--out", str(archive))
    assert code == 0 and out == f"Written to {archive}. {NOTICE}\n"
    assert "organisations.csv" in zipfile.ZipFile(archive).namelist()

    records = tmp_path / "records.json"
    code, out, _err = cli(capsys, source, "export", "receipts", "--out", str(records))
    assert code == 0 and out == f"Written to {records}. {NOTICE}\n"
    receipts = json.loads(records.read_text())["receipts"]
    assert len(receipts) == 80 and receipts[0]["piiPrincipalId"] == "jan@example.nl"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("export", "json", "--out", "{tmp}"), "is a folder"),
        (("export", "json", "--out", "{tmp}/no/such/folder/x.json"), "does not exist"),
        (("export", "csv", "--out", "{tmp}/file.txt"), "is a file"),
        (("export", "receipts"), "--out"),
    ],
)
def test_export_usage_errors(capsys, tmp_path, args, words) -> None:
    source = vault_dir(tmp_path / "source")
    (tmp_path / "file.txt").write_text("x")
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if argv[-1] == "receipts":
        with pytest.raises(SystemExit) as exited:
            main(["--data-dir", str(source), *argv])
        assert exited.value.code == 2 and words in capsys.readouterr().err
        return
    code, _out, err = cli(capsys, source, *argv)
    assert words in error_line(code, err)


def test_an_overflowing_weight_is_refused_and_a_stored_one_cannot_break_assess(
    capsys, tmp_path
) -> None:
    """The review's repro: `"dormant_months": 1e400` imported, then `quid assess` failed."""
    target = vault_dir(tmp_path / "target")
    path = tmp_path / "weights.json"
    path.write_text('{"format": "quid-ledger", "version": 1, '
                    '"settings": {"assessment.weights": {"dormant_months": 1e400}}}')  # fmt: skip
    code, _out, err = cli(capsys, target, "import", "json", str(path))
    assert "settings.assessment.weights.dormant_months: must be a whole number from 0 to 240" in (
        error_line(code, err)
    )
    with open_with_keyring(AppPaths.resolve(target)) as vault:
        ledger = Ledger(vault.conn)
        org = ledger.add_organisation(OrganisationInput("Shop"))
        ledger.add_disclosure(org, DisclosureInput("EmailAddress"))
        # what an import before the fix stored
        vault.conn.execute(
            "INSERT INTO settings(key, value, updated_at) VALUES ('assessment.weights', "
            "'{\"dormant_months\": Infinity, \"shared\": 1e300}', 'x')"
        )
    code, out, err = cli(capsys, target, "assess")
    assert code == 0 and "Shop" in out and "Traceback" not in err, err
