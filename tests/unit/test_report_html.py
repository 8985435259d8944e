"""The HTML report read back: one self-contained file whose CSP allows nothing external, no
script anywhere, every text from the ledger literal (SECURITY.md cases 23, 26, 27), only http(s)
addresses as links, the organisations all there, and the file written atomically, mode 0600."""

from __future__ import annotations

import base64
import os
import stat
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.domain.ledger import DisclosureInput, OrganisationInput
from app.paths import AppPaths
from app.render.report_html import CSP, report_html, write_report_html
from app.services.example_ledger import EXAMPLES, load_example_ledger
from app.services.ledger import Ledger
from app.services.progress import Cancelled, Progress
from app.services.report_data import gather_report
from app.storage.header import KeyMode
from app.storage.vault import create_vault
from tests.unit.test_report_data import INJECTION_NAME, TODAY, build_ledger

INJECTIONS = [  # (field, text): each must come out as the very same text, never as markup
    ("name", "<img src=x onerror=alert(2)>"),
    ("notes", "<script>alert(3)</script>"),
    ("notes", "</p><a href='javascript:alert(4)'>click</a>"),
    ("detail", "{{7*7}} {% for x in y %}{{ ''.__class__ }}{% endfor %}"),
    ("detail", '" onmouseover="alert(5)'),
]


class Page(HTMLParser):
    """Every start tag with its attributes, the text, and the text inside each tag kind."""

    def __init__(self, document: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []  # what a reader sees: not the title, not the style sheet
        self._hidden = 0
        self.feed(document)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._hidden += tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("style", "title")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)

    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())

    def find(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


@pytest.fixture
def ledger(paths: AppPaths) -> Iterator[Ledger]:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        yield Ledger(vault.conn)


def hostile_ledger(ledger: Ledger) -> None:
    build_ledger(ledger)
    for number, (field, text) in enumerate(INJECTIONS):
        if field == "name":
            ledger.add_organisation(OrganisationInput(text))
        elif field == "notes":
            ledger.add_organisation(OrganisationInput(f"Notes {number}", notes=text))
        else:
            org = ledger.add_organisation(OrganisationInput(f"Detail {number}"))
            ledger.add_disclosure(org, DisclosureInput("Name", detail=text))


def test_case23_case26_case27_ledger_text_is_literal_and_nothing_runs(ledger: Ledger, qapp) -> None:
    hostile_ledger(ledger)
    document = report_html(gather_report(ledger.conn, today=TODAY))
    page = Page(document)
    assert page.find("script") == [] and "<script" not in document.lower()
    for tag, attrs in page.tags:
        events = [name for name in attrs if name.startswith("on")]
        assert events == [], f"<{tag}> has event handlers {events}"
        assert "style" not in attrs or tag == "article", "no style attributes from the ledger"
    text = page.all_text()
    for _field, typed in INJECTIONS:
        assert " ".join(typed.split()) in text, f"{typed!r} is not shown literally"
    assert INJECTION_NAME in text
    assert "<img src=x onerror=alert(1)> {{7*7}}" in text, "notes literal"
    assert "{{ ''.__class__ }} <b>bold</b>" in text
    assert "49" not in text, "no template was evaluated"
    images = page.find("img")
    assert images and all(str(i["src"]).startswith("data:image/png;base64,") for i in images)


def test_only_http_and_https_addresses_are_links(ledger: Ledger, qapp) -> None:
    hostile_ledger(ledger)
    page = Page(report_html(gather_report(ledger.conn, today=TODAY)))
    external = [str(a["href"]) for a in page.find("a") if not str(a["href"]).startswith("#")]
    assert sorted(external) == ["https://hungry.example", "https://odd.example/form?a=1&b=2"]
    assert all(a["rel"] == "noopener noreferrer nofollow" for a in page.find("a") if
               not str(a["href"]).startswith("#"))  # fmt: skip
    assert "javascript:alert(1)" in page.all_text(), "shown, as text"
    assert "javascript:alert(4)" in page.all_text()


def test_self_contained_with_a_csp_that_allows_nothing_external(ledger: Ledger, qapp) -> None:
    build_ledger(ledger)
    document = report_html(gather_report(ledger.conn, today=TODAY))
    page = Page(document)
    (html_tag,) = page.find("html")
    assert html_tag["lang"] == "en"
    policies = [m["content"] for m in page.find("meta") if m.get("http-equiv") ==
                "Content-Security-Policy"]  # fmt: skip
    assert policies == [CSP]
    assert "default-src 'none'" in CSP and "img-src data:" in CSP and "script-src" not in CSP
    for tag in ("link", "iframe", "object", "embed", "form", "base", "script"):
        assert page.find(tag) == [], f"<{tag}> in the report"
    assert "@import" not in document and "url(" not in document
    for image in page.find("img"):
        assert image["alt"], "every chart has alt text"
        base64.b64decode(str(image["src"]).split(",", 1)[1], validate=True)
    first_text = page.all_text()[:200]
    assert "This file is not encrypted" in first_text, "said at the very top"
    assert [th for th in page.find("thead")], "tables have a header"


def test_every_organisation_of_the_example_ledger_is_in_it(ledger: Ledger, qapp) -> None:
    load_example_ledger(ledger)
    page = Page(report_html(gather_report(ledger.conn)))
    text = page.all_text()
    for example in EXAMPLES:
        assert example.org.name in text
    articles = [a for a in page.find("article")]
    assert len(articles) == len(EXAMPLES)
    assert "What to do about the flags" in text and "Open and overdue requests" in text


def test_written_atomically_owner_only_and_cancel_keeps_the_old_file(
    ledger: Ledger, tmp_path: Path, qapp
) -> None:
    build_ledger(ledger)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "report.html"
    write_report_html(ledger.conn, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Fair Bank" in target.read_text(encoding="utf-8")
    assert os.listdir(folder) == ["report.html"], "no temporary file left"

    target.write_text("the earlier report")
    calls = 0

    def cancel_midway(done: int, total: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            progress.cancel()

    progress = Progress(cancel_midway)
    with pytest.raises(Cancelled):
        write_report_html(ledger.conn, target, progress=progress)
    assert target.read_text() == "the earlier report"
    assert os.listdir(folder) == ["report.html"]


def test_a_selection_holds_only_those_organisations(ledger: Ledger, qapp, tmp_path: Path) -> None:
    ids = build_ledger(ledger)
    target = tmp_path / "one.html"
    write_report_html(ledger.conn, target, org_ids=[ids["fair"]])
    text = Page(target.read_text(encoding="utf-8")).all_text()
    assert "Fair Bank" in text and "1 selected organisation" in text
    assert "DataHungry" not in text and INJECTION_NAME not in text
