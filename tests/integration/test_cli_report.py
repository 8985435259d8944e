"""`quid export pdf|html --out PATH [--org ORG …] [--lang en|nl] [--force]`: the report from
the command line, in-process and as a subprocess without a display, in English or Dutch;
refusals exit 2 with one line and write nothing."""

from __future__ import annotations

import io
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from pypdf import PdfReader

from app.paths import AppPaths
from app.services.example_ledger import EXAMPLES, load_example_ledger
from app.services.ledger import Ledger
from app.storage.header import KeyMode
from app.storage.vault import create_vault
from tests.support.cli import quid
from tests.support.keyrings import FileKeyring

REPO = Path(__file__).resolve().parents[2]
WRITTEN = "This file is not encrypted: keep it somewhere safe or delete it when done."


@pytest.fixture
def vault_dir(paths: AppPaths) -> str:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        load_example_ledger(Ledger(vault.conn))
    return str(paths.data_dir)


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_export_pdf_of_the_whole_ledger(capsys, vault_dir, tmp_path: Path, qapp) -> None:
    out = tmp_path / "report.pdf"
    code, stdout, err = quid(capsys, vault_dir, "export", "pdf", "--out", str(out))
    assert code == 0, err
    assert stdout == f"Written to {out}. {WRITTEN}\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = pdf_text(out)
    assert all(example.org.name in text for example in EXAMPLES)


def test_export_html_of_selected_organisations(capsys, vault_dir, tmp_path: Path, qapp) -> None:
    out = tmp_path / "two.html"
    code, _, err = quid(capsys, vault_dir, "export", "html", "--out", str(out),
                        "--org", "facebook", "--org", "FitTrack (fictional)")  # fmt: skip
    assert code == 0, err
    document = out.read_text(encoding="utf-8")
    assert "2 selected organisations" in document
    assert "Facebook" in document and "FitTrack (fictional)" in document
    assert document.count('<article class="organisation"') == 2


def test_an_existing_file_is_kept_unless_force(capsys, vault_dir, tmp_path: Path, qapp) -> None:
    out = tmp_path / "report.html"
    out.write_text("mine")
    code, stdout, err = quid(capsys, vault_dir, "export", "html", "--out", str(out))
    assert code == 2 and stdout == ""
    assert err.count("\n") == 1 and "--force" in err and "Nothing was written" in err
    assert out.read_text() == "mine"
    code, _, err = quid(capsys, vault_dir, "export", "html", "--out", str(out), "--force")
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--org", "Nobody Inc"), "no organisation 'Nobody Inc'"),
        (("--out-is-a-folder",), "is a folder"),
        (("--out-in-a-missing-folder",), "does not exist"),
    ],
)
def test_refusals_exit_2_and_write_nothing(
    capsys, vault_dir, tmp_path: Path, args: tuple[str, ...], words: str
) -> None:
    out = tmp_path / "out" / "report.pdf"
    out.parent.mkdir()
    if args == ("--out-is-a-folder",):
        out, args = out.parent, ()
    elif args == ("--out-in-a-missing-folder",):
        out, args = tmp_path / "missing" / "report.pdf", ()
    code, stdout, err = quid(capsys, vault_dir, "export", "pdf", "--out", str(out), *args)
    assert code == 2 and stdout == ""
    assert err.startswith("quid: ") and err.count("\n") == 1 and words in err
    assert list((tmp_path / "out").iterdir()) == []


def test_a_full_disk_is_a_clean_error(capsys, vault_dir, qapp) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    code, _, err = quid(capsys, vault_dir, "export", "html", "--out", "/dev/full", "--force")
    assert code == 2 and err.count("\n") == 1 and "disk is full" in err


def test_subprocess_without_a_display(paths: AppPaths, tmp_path: Path, monkeypatch) -> None:
    """The CLI makes its own offscreen Qt application: no display, no QT_QPA_PLATFORM."""
    keyring_file = tmp_path / "keyring.json"
    monkeypatch.setenv("QUID_TEST_KEYRING_FILE", str(keyring_file))
    keyring.set_keyring(FileKeyring())
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        load_example_ledger(Ledger(vault.conn))
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                             "QT_QPA_PLATFORM")}  # fmt: skip
    env.update(PYTHON_KEYRING_BACKEND="tests.support.keyrings.FileKeyring",
               QUID_TEST_KEYRING_FILE=str(keyring_file), PYTHONPATH=str(REPO))  # fmt: skip
    out = tmp_path / "report.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(paths.data_dir), "export", "pdf",
         "--out", str(out), "--org", "Facebook"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert WRITTEN in result.stdout and result.stderr == ""
    text = pdf_text(out)
    assert "Facebook" in text and "1 selected organisation" in text and "Page 1 of" in text


def test_lang_nl_writes_the_report_in_dutch(capsys, vault_dir, tmp_path: Path, qapp) -> None:
    out = tmp_path / "rapport.pdf"
    code, stdout, err = quid(capsys, vault_dir, "export", "pdf", "--out", str(out), "--lang", "nl")
    assert code == 0, err
    assert stdout == f"Written to {out}. {WRITTEN}\n", "the command's own message stays English"
    text = pdf_text(out)
    assert text.startswith("Privacyvoetafdruk Hele register · gemaakt door Quid op ")
    assert "Samenvatting" in text and "Pagina 1 van" in text and "Summary" not in text
    assert all(example.org.name in text for example in EXAMPLES)
    html = tmp_path / "rapport.html"
    code, _, err = quid(capsys, vault_dir, "export", "html", "--out", str(html), "--lang", "nl",
                        "--org", "Facebook")  # fmt: skip
    assert code == 0, err
    document = html.read_text(encoding="utf-8")
    assert '<html lang="nl">' in document and "1 geselecteerde organisatie" in document


def test_an_unknown_lang_is_a_usage_error(capsys, vault_dir, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    code, stdout, err = quid(capsys, vault_dir, "export", "pdf", "--out", str(out), "--lang", "de")
    assert code == 2 and stdout == ""
    assert err.startswith("quid: ") and err.count("\n") == 1
    assert "--lang" in err and "'de'" in err
    assert re.search(r"choose from '?en'?, '?nl'?", err), "names the languages there are"
    assert not out.exists()
