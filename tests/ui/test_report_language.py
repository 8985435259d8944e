"""The report exported from the GUI is in the UI's language: Dutch from the Dutch UI, English
from the English one (the work `export_flow` hands to the background worker)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from app.paths import AppPaths
from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.services.progress import Progress
from app.storage.header import KeyMode
from app.storage.vault import Vault, create_vault
from app.ui import export_flow
from tests.unit.test_report_pdf import pages_text


@pytest.fixture
def vault(paths: AppPaths) -> Iterator[Vault]:
    created, _ = create_vault(paths, KeyMode.KEYRING)
    with created:
        load_example_ledger(Ledger(created.conn))
        yield created


@pytest.fixture
def ui_locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("language", "lang", "heading"),
    [(QLocale.Language.Dutch, "nl", "Samenvatting"), (QLocale.Language.English, "en", "Summary")],
)
def test_the_report_follows_the_ui_language(
    qapp, vault: Vault, ui_locale: None, tmp_path: Path, language: QLocale.Language, lang: str,
    heading: str,
) -> None:  # fmt: skip
    QLocale.setDefault(QLocale(language, QLocale.Country.Netherlands))
    target = tmp_path / "report.html"
    work = export_flow.export_work("report-html", vault.conn, target, False, None)
    QLocale.setDefault(QLocale(QLocale.Language.C))  # the language was read when asked
    work(Progress())
    document = target.read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in document and f"<h2>{heading}</h2>" in document


def test_the_pdf_report_follows_the_ui_language(
    qapp, vault: Vault, ui_locale: None, tmp_path: Path
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    target = tmp_path / "rapport.pdf"
    export_flow.export_work("report-pdf", vault.conn, target, False, None)(Progress())
    first = pages_text(target.read_bytes())[0]
    assert first.startswith("Privacyvoetafdruk") and "Samenvatting" in first
