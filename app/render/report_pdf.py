"""The privacy-footprint report as a PDF: A4, the "not encrypted" notice and the summary first,
then the charts, the open requests and every organisation (worst first), with "Page 3 of 12"
at the foot of each page; in the language the report was gathered in (`ReportData.lang`).

Laid out by `report_layout` (not QTextDocument, which took over 10 s for 1,000 organisations):
every text is plain text in a QTextLayout, so `<b>` in a name prints as `<b>`, and stays
selectable text in the PDF. Tables break between rows and repeat their header. QtGui only; a
QGuiApplication must exist (`write_report_pdf` makes an offscreen one when there is none).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QLineF, QMarginsF, QPointF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from app import APP_NAME
from app.render.report_charts import BAND_COLOURS, report_charts
from app.render.report_files import progress_part, write_report
from app.render.report_layout import MUTED, WARN, Column, PageFlow, paint_pages, rule
from app.render.typesetting import Typesetter
from app.services.progress import Progress
from app.services.report_data import OrganisationSection, ReportData
from app.services.report_summary import band_label
from app.services.report_texts import DEFAULT_LANGUAGE, plural, text
from app.storage.database import Connection

RESOLUTION_DPI = 300
MARGINS_MM = QMarginsF(18, 16, 18, 22)  # left, top, right, bottom (the footer sits in it)
TITLE_PT, H2_PT, H3_PT, BODY_PT, SMALL_PT = 20.0, 14.0, 11.5, 9.0, 7.5
STEP_EVERY = 50  # organisations (and pages) between progress reports

# Each table's columns: (the header's key in report_texts, share of the width, alignment).
_LEFT, _RIGHT = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
ColumnSpec = tuple[str, float, Qt.AlignmentFlag]
HELD: tuple[ColumnSpec, ...] = (("col.data", 0.19, _LEFT), ("col.detail", 0.35, _LEFT),
                                ("col.since", 0.14, _LEFT), ("col.notes", 0.32, _LEFT))  # fmt: skip
GOT: tuple[ColumnSpec, ...] = (("col.what", 0.16, _LEFT), ("col.detail", 0.44, _LEFT),
                               ("col.value", 0.2, _LEFT), ("col.since", 0.2, _LEFT))  # fmt: skip
FIGURES: tuple[ColumnSpec, ...] = (("col.figure", 0.7, _LEFT), ("col.value", 0.3, _RIGHT))
ADVICE: tuple[ColumnSpec, ...] = (("col.flag", 0.3, _LEFT), ("col.organisations", 0.16, _RIGHT),
                                  ("col.what-to-do", 0.54, _LEFT))  # fmt: skip
REQUESTS: tuple[ColumnSpec, ...] = (
    ("col.organisation", 0.22, _LEFT),
    ("col.request", 0.28, _LEFT),
    ("col.status", 0.11, _LEFT),
    ("col.sent", 0.13, _LEFT),
    ("col.due", 0.13, _LEFT),
    ("col.overdue-by", 0.13, _RIGHT),
)
# Dutch statuses are longer ("verzonden" broke in two): a wider status column.
_REQUESTS_NL = tuple(
    (key, share, align)
    for (key, _share, align), share in zip(
        REQUESTS, (0.2, 0.26, 0.15, 0.13, 0.13, 0.13), strict=True
    )
)


def columns(spec: tuple[ColumnSpec, ...], lang: str = DEFAULT_LANGUAGE) -> tuple[Column, ...]:
    """A table's columns with their headers in `lang`."""
    return tuple(Column(text(lang, key), share, align) for key, share, align in spec)


class _Fonts:
    def __init__(self, setter: Typesetter) -> None:
        self.title = setter.font(TITLE_PT, bold=True)
        self.h2 = setter.font(H2_PT, bold=True)
        self.h3 = setter.font(H3_PT, bold=True)
        self.body = setter.font(BODY_PT)
        self.bold = setter.font(BODY_PT, bold=True)
        self.small = setter.font(SMALL_PT)
        self.badge = setter.font(SMALL_PT, bold=True)


def report_pdf(data: ReportData, progress: Progress | None = None) -> bytes:
    """The report as PDF bytes. Raises RuntimeError when no QGuiApplication exists."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        raise RuntimeError("report_pdf needs a QGuiApplication (or QApplication) to exist.")
    progress = progress or Progress()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, MARGINS_MM,
                                     QPageLayout.Unit.Millimeter))  # fmt: skip
    writer.setCreator(APP_NAME)
    writer.setTitle(f"{data.title} ({data.generated})")  # the same in every language
    setter = Typesetter(writer.resolution())
    body = writer.pageLayout().paintRectPixels(writer.resolution())
    flow = PageFlow(setter, body.width(), body.height())
    _compose(flow, data, _Fonts(setter), progress_part(progress, 0, 60))
    pages = flow.pages
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("Could not start the PDF.")
    try:
        for number in range(len(pages)):
            if number:
                writer.newPage()
            paint_pages(painter, pages, number)
            _footer(painter, flow, data, number + 1, len(pages))
            if number % STEP_EVERY == 0:
                progress.step(60 + 40 * number // len(pages), 100)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data())


def write_report_pdf(
    conn: Connection,
    path: Path,
    org_ids: Collection[int] | None = None,
    progress: Progress | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> None:
    """Gather, render and write the report in `lang` ("en" or "nl") to `path` (atomically,
    mode 0600)."""
    write_report(conn, path, org_ids, progress, report_pdf, 30, lang)


# --- the document --------------------------------------------------------------------------------
def _compose(flow: PageFlow, data: ReportData, fonts: _Fonts, progress: Progress) -> None:
    mm, lang = flow.setter.mm, data.lang
    flow.paragraph(data.title, fonts.title, after=mm(1))
    flow.paragraph(text(lang, "meta", scope=data.scope, day=data.generated), fonts.body, MUTED,
                   after=mm(4))  # fmt: skip
    lead = text(lang, "notice.lead")
    flow.boxed(f"{lead} {data.notice}", fonts.body, WARN, QColor("#fff5f5"), bold=len(lead))

    _heading(flow, text(lang, "heading.summary"), fonts)
    rows = [(f.label, f.value) for f in data.figures]
    warn = [f.warns and f.value != "0" for f in data.figures]
    flow.table(columns(FIGURES, lang), rows, fonts.body, fonts.bold, warn=warn)
    if data.advice:
        _heading(flow, text(lang, "heading.advice"), fonts)
        advice = [(a.title, str(a.organisations), a.action) for a in data.advice]
        flow.table(columns(ADVICE, lang), advice, fonts.body, fonts.bold)

    charts = report_charts(data.charts, lang)
    if charts:
        _heading(flow, text(lang, "heading.charts"), fonts)
    for chart in charts:
        width = flow.width * 0.92
        height = width * chart.image.height() / chart.image.width()
        caption = flow.height_of(chart.alt, fonts.small)
        flow.keep(flow.height_of(chart.title, fonts.bold) + height + caption + mm(2))
        flow.paragraph(chart.title, fonts.bold, after=mm(1))
        flow.image(chart.image, width)
        flow.paragraph(chart.alt, fonts.small, MUTED, after=mm(5))

    _heading(flow, text(lang, "heading.requests"), fonts)
    if data.requests:
        requests = [
            (r.organisation, r.kind, r.status, r.sent or "—", r.due or "—",
             plural(lang, "overdue", r.overdue_days) if r.overdue_days else "")
            for r in data.requests
        ]  # fmt: skip
        overdue = [r.overdue_days > 0 for r in data.requests]
        spec = _REQUESTS_NL if lang == "nl" else REQUESTS
        flow.table(columns(spec, lang), requests, fonts.body, fonts.bold, warn=overdue)
    else:
        flow.paragraph(text(lang, "empty.requests"), fonts.body, MUTED)

    flow.new_page()
    flow.paragraph(text(lang, "heading.organisations"), fonts.h2, after=mm(3))
    if not data.organisations:
        flow.paragraph(text(lang, "empty.organisations"), fonts.body, MUTED)
    total = len(data.organisations)
    tables = (columns(HELD, lang), columns(GOT, lang))
    for done, organisation in enumerate(data.organisations, start=1):
        _organisation(flow, organisation, fonts, tables)
        if done % STEP_EVERY == 0:
            progress.step(done, total)
    progress.step(total, total)


def _heading(flow: PageFlow, text: str, fonts: _Fonts) -> None:
    mm = flow.setter.mm
    flow.space(mm(6))
    flow.keep(flow.height_of(text, fonts.h2) + mm(30))  # with the start of what follows
    flow.paragraph(text, fonts.h2, after=mm(2))


def _organisation(
    flow: PageFlow,
    org: OrganisationSection,
    fonts: _Fonts,
    tables: tuple[tuple[Column, ...], tuple[Column, ...]],
) -> None:
    """One organisation's section; `tables` are the columns of what they hold and what you
    got, made once for the whole report."""
    mm, lang = flow.setter.mm, org.lang
    # The name, the band line and the summary stay together.
    start = flow.height_of(org.name, fonts.h3) + flow.height_of(org.summary, fonts.body) + mm(12)
    flow.keep(start)
    flow.paragraph(org.name, fonts.h3, after=mm(1))
    flow.running_head = (text(lang, "continued", name=org.name), fonts.small)
    colour = BAND_COLOURS.get(org.band, MUTED)
    flow.badge(band_label(org.band, lang).upper(), fonts.badge, colour, org.facts, fonts.body)
    flow.space(mm(1))
    flow.paragraph(org.summary, fonts.body, after=mm(1))
    for link in org.links:
        flow.paragraph(f"{link.label}: {link.url.strip()}", fonts.body, MUTED)
    if org.notes.strip():
        flow.paragraph(f"{text(lang, 'label.notes')}: {org.notes.strip()}", fonts.body, MUTED)
    if org.flags:
        _subheading(flow, text(lang, "sub.flags"), fonts)
        for flag in org.flags:
            title = f"{flag.title} ({flag.points:+d}):"
            flow.paragraph(f"{title} {flag.reason}", fonts.body, indent=mm(3), after=mm(0.8),
                           bold=len(title))  # fmt: skip
    held_columns, got_columns = tables
    if org.held:
        _subheading(flow, text(lang, "sub.held"), fonts)
        rows = [(h.category, h.detail, h.since, h.notes) for h in org.held]
        flow.table(held_columns, rows, fonts.body, fonts.bold)
    if org.got:
        _subheading(flow, text(lang, "sub.got"), fonts)
        rows = [(g.kind, g.detail, g.value, g.since) for g in org.got]
        flow.table(got_columns, rows, fonts.body, fonts.bold)
    flow.running_head = None
    flow.space(mm(4))
    rule(flow)
    flow.space(mm(4))


def _subheading(flow: PageFlow, text: str, fonts: _Fonts) -> None:
    mm = flow.setter.mm
    flow.space(mm(2))
    flow.keep(flow.height_of(text, fonts.bold) + mm(14))
    flow.paragraph(text, fonts.bold, after=mm(1))


def _footer(painter: QPainter, flow: PageFlow, data: ReportData, page: int, pages: int) -> None:
    """Below the text area, in the bottom margin: what the file is, and the page number."""
    setter = flow.setter
    font = setter.font(SMALL_PT)
    top = flow.height + setter.mm(8)
    painter.setPen(MUTED)
    lang = data.lang
    footer = text(lang, "footer", title=data.title, day=data.generated)
    left = flow.lines(footer, font, flow.width / 2)
    right = flow.lines(text(lang, "page", page=page, pages=pages), font, flow.width / 2,
                       Qt.AlignmentFlag.AlignRight)  # fmt: skip
    left[0].text_line.draw(painter, QPointF(0, top))
    right[0].text_line.draw(painter, QPointF(flow.width / 2, top))
    painter.setPen(QPen(QColor("#e0e0e0"), setter.mm(0.2)))
    painter.drawLine(QLineF(0, top - setter.mm(2), flow.width, top - setter.mm(2)))
