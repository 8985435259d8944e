"""The report in Dutch: gathered with `lang="nl"`, its words, dates (29-11-2026) and money
(€ 1.234,50) are Dutch and agree with the Dutch UI; the PDF read back and the HTML hold the Dutch
headings and none of the English ones; the numbers are the same as in English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.ledger import BenefitInput
from app.paths import AppPaths
from app.render.report_html import report_html, write_report_html
from app.render.report_pdf import report_pdf, write_report_pdf
from app.services.ledger import Ledger
from app.services.report_data import ReportData, gather_report
from app.storage.header import KeyMode
from app.storage.vault import create_vault
from tests.unit.test_report_data import INJECTION_NAME, TODAY, build_ledger
from tests.unit.test_report_html import Page
from tests.unit.test_report_pdf import pages_text

DUTCH_HEADINGS = (
    "Privacyvoetafdruk",
    "Samenvatting",
    "Wat je aan de aandachtspunten kunt doen",
    "Grafieken",
    "Open en te late verzoeken",
    "Organisaties, slechtste eerst",
    "Gegevens die ze hebben",
    "Wat je ervoor kreeg",
)
ENGLISH_HEADINGS = (
    "Privacy footprint",
    "Summary",
    "What to do about the flags",
    "Charts",
    "Open and overdue requests",
    "Organisations, worst first",
    "Data they hold",
    "What you got",
    "Not encrypted",
    "not encrypted",
    "Whole ledger",
    "made by Quid",
    "Page 1 of",
    "Organisations per band",
    "a month",
)
BIG_VALUE = 123_450  # cents a year: "€ 1.234,50 per jaar"


@pytest.fixture
def ledger(paths: AppPaths) -> Iterator[Ledger]:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        ledger = Ledger(vault.conn)
        ids = build_ledger(ledger)
        ledger.add_benefit(ids["fair"], BenefitInput("money", "cashback", BIG_VALUE, "year",
                                                     started_on="2020-03-01"))  # fmt: skip
        yield ledger


def section(data: ReportData, name: str):  # type: ignore[no-untyped-def]
    return next(s for s in data.organisations if s.name == name)


def test_the_gathered_words_dates_and_money_are_dutch(ledger: Ledger) -> None:
    data = gather_report(ledger.conn, today=TODAY, lang="nl")
    assert (data.lang, data.title, data.generated) == ("nl", "Privacyvoetafdruk", "01-06-2026")
    assert data.scope == "Hele register" and "niet versleuteld" in data.notice
    figures = {f.label: f.value for f in data.figures}
    assert figures["Afgedwongen uitwisselingen"] == "1"
    assert figures["Toestemming niet vrij gegeven (art. 7 lid 4 AVG)"] == "1"
    assert figures["Te late verzoeken"] == "1"
    assert re.fullmatch(r"€ \d+,\d\d", figures["Waarde van de verstrekte gegevens, per maand"])

    hungry = section(data, "DataHungry B.V.")
    assert hungry.accounts == "1 (slapend)"
    assert [h.category for h in hungry.held] == ["E-mailadres", "Geboortedatum"]
    assert hungry.held[1].since == "15-07-2022"
    assert hungry.held[1].notes == "geëist, niet nodig, gedeeld, bewaartermijn: unknown"
    assert hungry.summary.startswith("Afgedwongen: je gaf gegevens ter waarde van € ")
    assert {f.title for f in hungry.flags} >= {"Toestemming niet vrij gegeven"}
    assert "score 115 · per maand: gaf € " in hungry.facts and "land NL" in hungry.facts
    bank = section(data, "Fair Bank")
    assert bank.accounts == "2 (actief, gesloten)"
    assert [(g.kind, g.value, g.since) for g in bank.got] == [
        ("Dienst", "€ 4,99 per maand", "10-01-2019"),
        ("Geld", "€ 1.234,50 per jaar", "01-03-2020"),
    ]
    assert [link.label for link in section(data, INJECTION_NAME).links] == [
        "Website", "Webformulier voor privacy"]  # fmt: skip

    overdue, sent = data.requests
    assert (overdue.kind, overdue.status) == ("Inzage in mijn gegevens (art. 15 AVG)", "te laat")
    assert re.fullmatch(r"\d\d-\d\d-\d{4}", overdue.sent) and overdue.overdue_days > 0
    assert (sent.organisation, sent.status) == ("Fair Bank", "verzonden"), "most overdue first"
    assert {a.title for a in data.advice} >= {"Toestemming niet vrij gegeven"}
    assert all(not a.action.startswith(("Withdraw", "Ask", "Object")) for a in data.advice)


def test_the_language_changes_the_words_not_the_numbers(ledger: Ledger) -> None:
    english = gather_report(ledger.conn, today=TODAY)
    dutch = gather_report(ledger.conn, today=TODAY, lang="nl")
    assert english.lang == "en"
    assert [(s.org_id, s.band, s.score) for s in dutch.organisations] == [
        (s.org_id, s.band, s.score) for s in english.organisations
    ]
    digits = [re.sub(r"\D", "", f.value) for f in english.figures]
    assert [re.sub(r"\D", "", f.value) for f in dutch.figures] == digits
    assert dutch.charts.bands == english.charts.bands
    assert dutch.charts.per_year == english.charts.per_year
    assert [n for _g, n in dutch.charts.by_group] == [n for _g, n in english.charts.by_group]
    assert [r.overdue_days for r in dutch.requests] == [r.overdue_days for r in english.requests]
    assert gather_report(ledger.conn, today=TODAY, lang="nl_NL") == dutch, "a locale name works"


def test_the_dutch_pdf_read_back(ledger: Ledger, qapp) -> None:
    texts = pages_text(report_pdf(gather_report(ledger.conn, today=TODAY, lang="nl")))
    everything = " ".join(texts)
    for heading in DUTCH_HEADINGS:
        assert heading in everything, heading
    for number, page in enumerate(texts, start=1):
        assert f"Pagina {number} van {len(texts)}" in page
    assert texts[0].startswith("Privacyvoetafdruk Hele register · gemaakt door Quid op 01-06-2026")
    assert "Niet versleuteld. Dit bestand is niet versleuteld" in texts[0]
    for band in ("AFGEDWONGEN", "UIT BALANS", "EERLIJK"):
        assert band in everything, f"the band {band} on its badge"
    assert "Organisaties per balans: Eerlijk 1, Twijfelachtig 0, Uit balans 1, Afgedwongen 1." in (
        everything
    )
    assert "€ 1.234,50 per jaar" in everything and "15-07-2022" in everything
    assert "Inzage in mijn gegevens (art. 15 AVG) te laat" in everything
    assert re.search(r"\b\d+ dagen\b", everything), "overdue by, in days"
    for heading in ENGLISH_HEADINGS:
        assert heading not in everything, f"English {heading!r} in the Dutch PDF"
    assert "2026-06-01" not in everything and "€ 4.99" not in everything


def test_the_dutch_html(ledger: Ledger, qapp) -> None:
    document = report_html(gather_report(ledger.conn, today=TODAY, lang="nl"))
    page = Page(document)
    (html_tag,) = page.find("html")
    assert html_tag["lang"] == "nl"
    text = page.all_text()
    for heading in DUTCH_HEADINGS:
        assert heading in text, heading
    for heading in ENGLISH_HEADINGS:
        assert heading not in text, f"English {heading!r} in the Dutch HTML"
    assert re.findall(r"<h2>([^<]+)</h2>", document) == [
        "Samenvatting",
        "Grafieken",
        "Open en te late verzoeken",
        "Organisaties, slechtste eerst",
    ]
    assert '<th scope="col">Verzoek</th>' in document and "Uiterlijk" in text
    assert [nav["aria-label"] for nav in page.find("nav")] == ["Inhoud"]
    assert all(str(image["alt"]).startswith(("Organisaties", "Nieuwe", "Verstrekkingen", "3 "))
               for image in page.find("img"))  # fmt: skip
    assert INJECTION_NAME in text and "<script" not in document.lower(), "still escaped"


def test_the_writers_take_the_language(ledger: Ledger, qapp, tmp_path: Path) -> None:
    html, pdf = tmp_path / "rapport.html", tmp_path / "rapport.pdf"
    write_report_html(ledger.conn, html, lang="nl")
    write_report_pdf(ledger.conn, pdf, lang="nl")
    assert '<html lang="nl">' in html.read_text(encoding="utf-8")
    assert "Samenvatting" in pages_text(pdf.read_bytes())[0]
    write_report_html(ledger.conn, html)
    assert '<html lang="en">' in html.read_text(encoding="utf-8"), "English by default"
