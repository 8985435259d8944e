"""The privacy-footprint report as one self-contained HTML file.

Safe to open in any browser whatever the ledger holds: a Content Security Policy that allows
nothing but the file's own inline styles and `data:` images (no scripts at all, nothing
fetched), every text from the ledger escaped (`html.escape`, quotes too), and only http(s)
addresses made into links; anything else (`javascript:`, `data:`, `file:`) is shown as text.
No template engine: the strings are built here, so `{{ … }}` in a name is just text. The charts
are PNGs inside the file, with alt text. In the language the report was gathered in
(`ReportData.lang`, also the document's `lang`). Needs a QGuiApplication for the charts only.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from app.render.report_charts import BAND_COLOURS, SCALE, png_bytes, report_charts
from app.render.report_files import write_report
from app.services.progress import Progress
from app.services.report_data import OrganisationSection, ReportData
from app.services.report_summary import band_label
from app.services.report_texts import DEFAULT_LANGUAGE, language, plural
from app.services.report_texts import text as say
from app.storage.database import Connection

CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; "
    "form-action 'none'"
)
# A link only for a whole http(s) address without spaces, quotes or control characters.
_WEB_ADDRESS = re.compile(r"https?://[^\s\"'<>`\\\x00-\x1f\x7f]+", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
STEP_EVERY = 100  # organisations between progress reports

STYLE = """
:root { color-scheme: light; }
body { font: 15px/1.45 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #212121;
  background: #fff; margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 1.9rem; margin: 0.4rem 0; } h2 { font-size: 1.4rem; margin-top: 2.2rem;
  border-bottom: 2px solid #e0e0e0; padding-bottom: 0.2rem; }
h3 { font-size: 1.15rem; margin: 0 0 0.3rem; } h4 { font-size: 1rem; margin: 0.9rem 0 0.3rem; }
.notice { border: 2px solid #c62828; background: #fff5f5; padding: 0.6rem 0.9rem;
  border-radius: 6px; }
.meta, .muted { color: #616161; }
table { border-collapse: collapse; width: 100%; margin: 0.3rem 0 0.6rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem;
  border-bottom: 1px solid #e0e0e0; overflow-wrap: anywhere; }
thead th { background: #f5f5f5; border-bottom: 2px solid #bdbdbd; }
td.number, th.number { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; }
tr.warn td { color: #c62828; font-weight: bold; }
figure { margin: 1rem 0 1.6rem; } figure img { max-width: 100%; height: auto; }
figcaption { margin-bottom: 0.3rem; } figure p { font-size: 0.9rem; margin: 0.2rem 0; }
.organisation { border: 1px solid #e0e0e0; border-left: 6px solid var(--band);
  border-radius: 6px; padding: 0.8rem 1rem; margin: 1rem 0; }
.badge { display: inline-block; background: var(--band); color: #fff; font-weight: bold;
  border-radius: 4px; padding: 0.05rem 0.5rem; font-size: 0.85rem; letter-spacing: 0.03em; }
.flags li { margin-bottom: 0.4rem; } .action { color: #424242; }
.notes { white-space: pre-wrap; }
nav ul { columns: 2; padding-left: 1.2rem; }
@page { size: A4; margin: 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2, h3, h4 { break-after: avoid; } tr, figure, .flags li { break-inside: avoid; }
  thead { display: table-header-group; } nav { display: none; }
  a { color: inherit; }
}
"""


def text(value: object) -> str:
    """Any text for HTML: control characters dropped, `& < > " '` escaped."""
    return html.escape(_CONTROL.sub("", str(value)), quote=True)


def link(url: str) -> str:
    """An http(s) address as a link; anything else as plain text."""
    address = _CONTROL.sub("", url).strip()
    if _WEB_ADDRESS.fullmatch(address):
        return f'<a href="{text(address)}" rel="noopener noreferrer nofollow">{text(address)}</a>'
    return text(address)


def _table(
    headers: Iterable[str],
    rows: Iterable[Iterable[str]],
    *,
    numbers: Collection[int] = (),
    dates: Collection[int] = (),
    warn: Sequence[bool] = (),
) -> str:
    """A table with a header row. `rows` hold finished (escaped) HTML; `numbers` are the
    right-aligned columns, `dates` those never wrapped; a row whose `warn` is true is marked."""

    def cell(tag: str, index: int, content: str) -> str:
        kind = "number" if index in numbers else "date" if index in dates else ""
        attributes = (' scope="col"' if tag == "th" else "") + (f' class="{kind}"' if kind else "")
        return f"<{tag}{attributes}>{content}</{tag}>"

    head = "".join(cell("th", i, text(h)) for i, h in enumerate(headers))
    body = "".join(
        ('<tr class="warn">' if n < len(warn) and warn[n] else "<tr>")
        + "".join(cell("td", i, c) for i, c in enumerate(row))
        + "</tr>"
        for n, row in enumerate(rows)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n"


def report_html(data: ReportData, progress: Progress | None = None) -> str:
    """The whole report as one HTML document (UTF-8 text)."""
    progress = progress or Progress()
    total = len(data.organisations)
    lang = language(data.lang)  # only a language the catalogue has goes into the markup

    def heading(key: str) -> str:
        return text(say(lang, key))

    parts = [
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{text(data.title)} — {text(data.generated)}</title>\n",
        f"<style>{STYLE}</style>\n</head>\n<body>\n",
        f'<p class="notice" role="note"><strong>{heading("notice.lead")}</strong> '
        f"{text(data.notice)}</p>\n",
        f"<header><h1>{text(data.title)}</h1>",
        f'<p class="meta">{text(say(lang, "meta", scope=data.scope, day=data.generated))}</p>'
        "</header>\n",
        f'<nav aria-label="{heading("contents")}"><ul>'
        f'<li><a href="#summary">{heading("heading.summary")}</a></li>'
        f'<li><a href="#charts">{heading("heading.charts")}</a></li>'
        f'<li><a href="#requests">{heading("nav.requests")}</a></li>'
        f'<li><a href="#organisations">{heading("heading.organisations")}</a></li></ul></nav>\n',
        _summary(data, lang),
        _charts(data, lang),
        _requests(data, lang),
        f'<section id="organisations"><h2>{heading("heading.organisations")}</h2>\n',
    ]
    if not data.organisations:
        parts.append(f'<p class="muted">{heading("empty.organisations")}</p>\n')
    for done, section in enumerate(data.organisations, start=1):
        parts.append(_organisation(section, lang))
        if done % STEP_EVERY == 0:
            progress.step(done, total)
    parts.append("</section>\n")
    parts.append(f'<footer><p class="notice">{text(data.notice)}</p></footer>\n</body>\n</html>\n')
    progress.step(total, total)
    return "".join(parts)


def _headers(lang: str, *keys: str) -> tuple[str, ...]:
    return tuple(say(lang, f"col.{key}") for key in keys)


def _summary(data: ReportData, lang: str) -> str:
    rows = [(text(f.label), text(f.value)) for f in data.figures]
    warn = [f.warns and f.value != "0" for f in data.figures]
    table = _table(_headers(lang, "figure", "value"), rows, numbers=(1,), warn=warn)
    advice = ""
    if data.advice:
        flags = [(text(a.title), str(a.organisations), text(a.action)) for a in data.advice]
        headers = _headers(lang, "flag", "organisations", "what-to-do")
        advice = f"<h3>{text(say(lang, 'heading.advice'))}</h3>\n" + _table(
            headers, flags, numbers=(1,)
        )
    title = text(say(lang, "heading.summary"))
    return f'<section id="summary"><h2>{title}</h2>\n{table}{advice}</section>\n'


def _charts(data: ReportData, lang: str) -> str:
    figures = []
    for chart in report_charts(data.charts, lang):
        encoded = base64.b64encode(png_bytes(chart.image)).decode("ascii")
        width, height = chart.image.width() // SCALE, chart.image.height() // SCALE
        figures.append(
            f"<figure><figcaption><strong>{text(chart.title)}</strong></figcaption>"
            f'<img src="data:image/png;base64,{encoded}" alt="{text(chart.alt)}" '
            f'width="{width}" height="{height}"><p class="muted">{text(chart.alt)}</p>'
            "</figure>\n"
        )
    body = "".join(figures) or f'<p class="muted">{text(say(lang, "empty.charts"))}</p>\n'
    return f'<section id="charts"><h2>{text(say(lang, "heading.charts"))}</h2>\n{body}</section>\n'


def _requests(data: ReportData, lang: str) -> str:
    if not data.requests:
        body = f'<p class="muted">{text(say(lang, "empty.requests"))}</p>\n'
    else:
        rows = [
            (text(r.organisation), text(r.kind), text(r.status), text(r.sent or "—"),
             text(r.due or "—"),
             text(plural(lang, "overdue", r.overdue_days)) if r.overdue_days else "")
            for r in data.requests
        ]  # fmt: skip
        headers = _headers(lang, "organisation", "request", "status", "sent", "due", "overdue-by")
        warn = [r.overdue_days > 0 for r in data.requests]
        body = _table(headers, rows, numbers=(5,), dates=(3, 4), warn=warn)
    title = text(say(lang, "heading.requests"))
    return f'<section id="requests"><h2>{title}</h2>\n{body}</section>\n'


def _organisation(org: OrganisationSection, lang: str) -> str:
    colour = BAND_COLOURS[org.band].name() if org.band in BAND_COLOURS else "#616161"
    band = text(band_label(org.band, lang).upper())
    parts = [
        f'<article class="organisation" id="org-{int(org.org_id)}" style="--band: {colour}">',
        f"<h3>{text(org.name)}</h3>",
        f'<p><span class="badge">{band}</span> {text(org.facts)}</p>',
        f"<p>{text(org.summary)}</p>",
    ]
    if org.links:
        items = "".join(f"<li>{text(item.label)}: {link(item.url)}</li>" for item in org.links)
        parts.append(f"<ul>{items}</ul>")
    if org.notes.strip():
        notes = text(say(lang, "label.notes"))
        parts.append(f'<p class="notes"><strong>{notes}:</strong> {text(org.notes)}</p>')
    if org.flags:
        items = "".join(
            f"<li><strong>{text(f.title)} ({f.points:+d}):</strong> {text(f.reason)}</li>"
            for f in org.flags
        )
        parts.append(f'<h4>{text(say(lang, "sub.flags"))}</h4><ul class="flags">{items}</ul>')
    if org.held:
        rows = [(text(h.category), text(h.detail), text(h.since), text(h.notes)) for h in org.held]
        headers = _headers(lang, "data", "detail", "since", "notes")
        held = text(say(lang, "sub.held"))
        parts.append(f"<h4>{held}</h4>" + _table(headers, rows, dates=(2,)))
    if org.got:
        rows = [(text(g.kind), text(g.detail), text(g.value), text(g.since)) for g in org.got]
        headers = _headers(lang, "what", "detail", "value", "since")
        parts.append(f"<h4>{text(say(lang, 'sub.got'))}</h4>" + _table(headers, rows))
    parts.append("</article>\n")
    return "".join(parts)


def write_report_html(
    conn: Connection,
    path: Path,
    org_ids: Collection[int] | None = None,
    progress: Progress | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> None:
    """Gather, render and write the report in `lang` ("en" or "nl") to `path` (atomically,
    mode 0600)."""
    write_report(
        conn,
        path,
        org_ids,
        progress,
        lambda data, part: report_html(data, part).encode("utf-8"),
        50,
        lang,
    )
