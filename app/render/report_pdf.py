"""The privacy-footprint report as a PDF: A4, the "not encrypted" notice and the summary first,
then the charts, the open requests and every organisation (worst first), with "Page 3 of 12"
at the foot of each page.

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
from app.storage.database import Connection

RESOLUTION_DPI = 300
MARGINS_MM = QMarginsF(18, 16, 18, 22)  # left, top, right, bottom (the footer sits in it)
TITLE_PT, H2_PT, H3_PT, BODY_PT, SMALL_PT = 20.0, 14.0, 11.5, 9.0, 7.5
STEP_EVERY = 50  # organisations (and pages) between progress reports

HELD = (Column("Data", 0.19), Column("Detail", 0.35), Column("Since", 0.14), Column("Notes", 0.32))
GOT = (Column("What", 0.16), Column("Detail", 0.44), Column("Value", 0.2), Column("Since", 0.2))
FIGURES = (Column("Figure", 0.7), Column("Value", 0.3, Qt.AlignmentFlag.AlignRight))
ADVICE = (
    Column("Flag", 0.3),
    Column("Organisations", 0.16, Qt.AlignmentFlag.AlignRight),
    Column("What to do", 0.54),
)
REQUESTS = (
    Column("Organisation", 0.22),
    Column("Request", 0.28),
    Column("Status", 0.11),
    Column("Sent", 0.13),
    Column("Due", 0.13),
    Column("Overdue by", 0.13, Qt.AlignmentFlag.AlignRight),
)


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
    writer.setTitle(f"{data.title} ({data.generated})")
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
) -> None:
    """Gather, render and write the report to `path` (atomically, mode 0600)."""
    write_report(conn, path, org_ids, progress, report_pdf, 30)


# --- the document --------------------------------------------------------------------------------
def _compose(flow: PageFlow, data: ReportData, fonts: _Fonts, progress: Progress) -> None:
    mm = flow.setter.mm
    flow.paragraph(data.title, fonts.title, after=mm(1))
    flow.paragraph(f"{data.scope} · made by Quid on {data.generated}", fonts.body, MUTED,
                   after=mm(4))  # fmt: skip
    lead = "Not encrypted."
    flow.boxed(f"{lead} {data.notice}", fonts.body, WARN, QColor("#fff5f5"), bold=len(lead))

    _heading(flow, "Summary", fonts)
    rows = [(f.label, f.value) for f in data.figures]
    warn = [f.warns and f.value != "0" for f in data.figures]
    flow.table(FIGURES, rows, fonts.body, fonts.bold, warn=warn)
    if data.advice:
        _heading(flow, "What to do about the flags", fonts)
        advice = [(a.title, str(a.organisations), a.action) for a in data.advice]
        flow.table(ADVICE, advice, fonts.body, fonts.bold)

    charts = report_charts(data.charts)
    if charts:
        _heading(flow, "Charts", fonts)
    for chart in charts:
        width = flow.width * 0.92
        height = width * chart.image.height() / chart.image.width()
        caption = flow.height_of(chart.alt, fonts.small)
        flow.keep(flow.height_of(chart.title, fonts.bold) + height + caption + mm(2))
        flow.paragraph(chart.title, fonts.bold, after=mm(1))
        flow.image(chart.image, width)
        flow.paragraph(chart.alt, fonts.small, MUTED, after=mm(5))

    _heading(flow, "Open and overdue requests", fonts)
    if data.requests:
        requests = [
            (r.organisation, r.kind, r.status, r.sent or "—", r.due or "—",
             f"{r.overdue_days} days" if r.overdue_days else "")
            for r in data.requests
        ]  # fmt: skip
        overdue = [r.overdue_days > 0 for r in data.requests]
        flow.table(REQUESTS, requests, fonts.body, fonts.bold, warn=overdue)
    else:
        flow.paragraph("No open requests.", fonts.body, MUTED)

    flow.new_page()
    flow.paragraph("Organisations, worst first", fonts.h2, after=mm(3))
    if not data.organisations:
        flow.paragraph("There are no organisations in the ledger yet.", fonts.body, MUTED)
    total = len(data.organisations)
    for done, organisation in enumerate(data.organisations, start=1):
        _organisation(flow, organisation, fonts)
        if done % STEP_EVERY == 0:
            progress.step(done, total)
    progress.step(total, total)


def _heading(flow: PageFlow, text: str, fonts: _Fonts) -> None:
    mm = flow.setter.mm
    flow.space(mm(6))
    flow.keep(flow.height_of(text, fonts.h2) + mm(30))  # with the start of what follows
    flow.paragraph(text, fonts.h2, after=mm(2))


def _organisation(flow: PageFlow, org: OrganisationSection, fonts: _Fonts) -> None:
    mm = flow.setter.mm
    # The name, the band line and the summary stay together.
    start = flow.height_of(org.name, fonts.h3) + flow.height_of(org.summary, fonts.body) + mm(12)
    flow.keep(start)
    flow.paragraph(org.name, fonts.h3, after=mm(1))
    flow.running_head = (f"{org.name} (continued)", fonts.small)
    colour = BAND_COLOURS.get(org.band, MUTED)
    flow.badge(band_label(org.band).upper(), fonts.badge, colour, org.facts, fonts.body)
    flow.space(mm(1))
    flow.paragraph(org.summary, fonts.body, after=mm(1))
    for link in org.links:
        flow.paragraph(f"{link.label}: {link.url.strip()}", fonts.body, MUTED)
    if org.notes.strip():
        flow.paragraph(f"Notes: {org.notes.strip()}", fonts.body, MUTED)
    if org.flags:
        _subheading(flow, "Flags", fonts)
        for flag in org.flags:
            title = f"{flag.title} ({flag.points:+d}):"
            flow.paragraph(f"{title} {flag.reason}", fonts.body, indent=mm(3), after=mm(0.8),
                           bold=len(title))  # fmt: skip
    if org.held:
        _subheading(flow, "Data they hold", fonts)
        rows = [(h.category, h.detail, h.since, h.notes) for h in org.held]
        flow.table(HELD, rows, fonts.body, fonts.bold)
    if org.got:
        _subheading(flow, "What you got", fonts)
        rows = [(g.kind, g.detail, g.value, g.since) for g in org.got]
        flow.table(GOT, rows, fonts.body, fonts.bold)
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
    left = flow.lines(f"{data.title}, {data.generated} · not encrypted", font, flow.width / 2)
    right = flow.lines(f"Page {page} of {pages}", font, flow.width / 2, Qt.AlignmentFlag.AlignRight)
    left[0].text_line.draw(painter, QPointF(0, top))
    right[0].text_line.draw(painter, QPointF(flow.width / 2, top))
    painter.setPen(QPen(QColor("#e0e0e0"), setter.mm(0.2)))
    painter.drawLine(QLineF(0, top - setter.mm(2), flow.width, top - setter.mm(2)))
