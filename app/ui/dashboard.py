"""The Overview dashboard: key figures, the worst exchanges, and three charts.

It shows a `DashboardData` and keeps nothing else; `clear()` (on lock) drops every name and
number. Every text from the ledger is shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.assessment import Band
from app.services.assessment import DashboardData, OrganisationAssessment
from app.ui import charts
from app.ui.empty_state import EmptyLedgerPanel, ExampleBanner
from app.ui.formatting import term
from app.ui.widgets import heading_label, plain_label, plain_tooltip

WARNING = ("#c62828", "#ef9a9a")  # text colour on a light window, on a dark one
BADGE_TEXT = {band: "#ffffff" for band in Band}


def section_label(text: str) -> QLabel:
    return heading_label(text, 1.15)


def restyle(widget: QWidget, sheet: str) -> None:
    """Sets a style sheet unless the widget has it already: each setting re-polishes the
    widget and its children, and `load` (after `clear`) would set the same sheets again."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def button_text(text: str) -> str:
    """A button shows `&` as a shortcut marker; doubled, it shows the name as it is."""
    return text.replace("&", "&&")


class WrappingLabel(QLabel):
    """A word-wrapped plain-text label whose height follows its real width.

    A wrapped QLabel asks for the height of a narrow guess at its width; in a scroll area that
    leaves blank space under every short line. This one asks for what its width needs.
    """

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(text)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.width() > 0:
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.width() > 0:
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()


class FigureCard(QFrame):
    """A big number with a caption. A warning card also says so in words."""

    def __init__(self, caption: str, *, warns: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.warns = warns
        self.number = plain_label(wrap=False)
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = WrappingLabel(caption)
        self.warning = plain_label(self.tr("⚠ Needs attention"))
        self.warning.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        layout.addWidget(self.warning)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_value(self, value: int | None, palette: QPalette) -> None:
        """Colours come from `palette` (the page's): a style sheet would not follow it."""
        self.number.setText("" if value is None else str(value))
        warn = self.warns and bool(value)
        self.warning.setVisible(warn)
        colour = WARNING[1 if charts.is_dark(palette) else 0]
        text = palette.color(QPalette.ColorRole.Text).name()
        base = palette.color(QPalette.ColorRole.Base).name()
        mid = palette.color(QPalette.ColorRole.Mid).name()
        border = f"2px solid {colour}" if warn else f"1px solid {mid}"
        restyle(
            self,
            f"QFrame#figureCard {{ border: {border}; border-radius: 6px; background: {base}; }}"
            f" QLabel {{ color: {text}; background: transparent; }}",
        )
        for label in (self.number, self.warning):
            restyle(label, f"QLabel {{ color: {colour}; }}" if warn else "")
        spoken = f"{self.number.text()} {self.caption.text()}"
        self.setAccessibleName(spoken + (", " + self.warning.text() if warn else ""))


class WorstRow(QWidget):
    """One line of the worst-exchanges list: name button, band badge, first reason."""

    NAME_WIDTH = 240  # at most; longer names are elided (the tooltip has them whole)

    def __init__(self, item: OrganisationAssessment, palette: QPalette, link: QColor) -> None:
        super().__init__()
        self.org_id = item.org_id
        self.name = item.name
        self.button = QPushButton(button_text(item.name))
        self.button.setFlat(True)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setAccessibleName(item.name)
        self.button.setToolTip(plain_tooltip(item.name))
        text = palette.color(QPalette.ColorRole.WindowText)
        self.button.setStyleSheet(
            f"QPushButton {{ color: {link.name()}; text-align: left; border: 1px solid"
            " transparent; padding: 2px 4px; }"
            " QPushButton:hover { text-decoration: underline; }"
            f" QPushButton:focus {{ border: 1px dotted {text.name()}; }}"
        )
        band = item.assessment.band
        self.badge = plain_label(term(band.value).upper(), wrap=False)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setStyleSheet(
            f"QLabel {{ background: {charts.BAND_COLOURS[band][0]}; color: {BADGE_TEXT[band]};"
            " border-radius: 4px; padding: 2px 8px; font-weight: bold; }"
        )
        self.badge.setAccessibleName(term(band.value))
        flags = item.assessment.flags
        self.reason = WrappingLabel(flags[0].reason if flags else "—")
        self.reason.setContentsMargins(0, 3, 0, 0)  # level with the button's text

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.reason, 1)

    def text_width(self) -> int:
        return self.button.fontMetrics().horizontalAdvance(self.name)

    def chrome_width(self) -> int:
        """What the button adds around its text (padding, border)."""
        return self.button.sizeHint().width() - self.text_width()

    def set_name_width(self, room: int, chrome: int) -> None:
        """Line the badges up: each name gets `room` pixels, elided if longer (tooltip: whole)."""
        if self.text_width() > room:
            metrics = self.button.fontMetrics()
            shown = metrics.elidedText(self.name, Qt.TextElideMode.ElideRight, room)
            self.button.setText(button_text(shown))
        self.button.setFixedWidth(room + chrome)


class DashboardPage(QWidget):
    """The landing page of an unlocked vault. `load` shows the figures; `clear` forgets them."""

    organisation_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: DashboardData | None = None
        self.title = heading_label(self.tr("Overview"))
        self.note = WrappingLabel()  # where the vault is, set by the shell
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.hide()
        self.cards = {
            "holding": FigureCard(self.tr("organisations hold data you gave them")),
            "special": FigureCard(
                self.tr("disclosures of special-category data (health, beliefs, biometrics …)")
            ),
            "unbalanced": FigureCard(self.tr("unbalanced exchanges"), warns=True),
            "coerced": FigureCard(self.tr("coerced exchanges"), warns=True),
        }
        cards = QHBoxLayout()
        cards.setSpacing(12)
        for card in self.cards.values():
            cards.addWidget(card, 1)

        self.worst_title = section_label(self.tr("Worst exchanges first"))
        self.empty = EmptyLedgerPanel()
        self.example_banner = ExampleBanner()
        self.example_banner.hide()
        self.all_fair = WrappingLabel(self.tr("No exchange needs attention: every one is fair."))
        self.worst_box = QWidget()
        self.worst_list = QVBoxLayout(self.worst_box)
        self.worst_list.setContentsMargins(0, 0, 0, 0)
        self.worst_list.setSpacing(6)
        self.rows: list[WorstRow] = []

        self.charts_box = QWidget()
        charts_layout = QVBoxLayout(self.charts_box)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        self.scatter_slot, self.scatter_caption = self._slot(
            self.tr(
                "Each point is an organisation: across, what the data you gave it is worth a "
                "month; up, what you get back a month (an unknown benefit counts as nothing). "
                "Below the lower line you get less than a third of what you give. Click a point "
                "to open the organisation."
            )
        )
        self.groups_slot, self.groups_caption = self._slot(
            self.tr("How many disclosures of each kind of data you made.")
        )
        self.timeline_slot, self.timeline_caption = self._slot(
            self.tr("New disclosures per year, by the date you gave the data.")
        )
        charts_layout.addWidget(section_label(self.tr("Value given and got")))
        charts_layout.addLayout(self.scatter_slot)
        pair = QHBoxLayout()
        pair.setSpacing(16)
        for title, slot in (
            (self.tr("Kinds of data given"), self.groups_slot),
            (self.tr("Disclosures over time"), self.timeline_slot),
        ):
            column = QVBoxLayout()
            column.addWidget(section_label(title))
            column.addLayout(slot)
            pair.addLayout(column, 1)
        charts_layout.addSpacing(12)
        charts_layout.addLayout(pair)
        self.scatter: charts.BalanceChartView | None = None
        self.groups: QChartView | None = None
        self.timeline: QChartView | None = None

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.example_banner)
        layout.addWidget(self.empty)  # on an empty ledger: where to start, before the zeros
        layout.addLayout(cards)
        layout.addSpacing(6)
        layout.addWidget(self.worst_title)
        layout.addWidget(self.all_fair)
        layout.addWidget(self.worst_box)
        layout.addSpacing(6)
        layout.addWidget(self.charts_box)
        layout.addStretch()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.clear()

    def _slot(self, caption: str) -> tuple[QVBoxLayout, QLabel]:
        """A place for a chart (added on load) under its caption."""
        slot = QVBoxLayout()
        label = WrappingLabel(caption)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        slot.addWidget(label)
        return slot, label

    # --- loading -------------------------------------------------------------------------
    def load(self, data: DashboardData) -> None:
        self.clear()
        self._data = data
        palette = self.palette()
        self.cards["holding"].set_value(data.organisations_holding_data, palette)
        self.cards["special"].set_value(data.special_disclosures, palette)
        self.cards["unbalanced"].set_value(data.by_band.get(Band.UNBALANCED, 0), palette)
        self.cards["coerced"].set_value(data.by_band.get(Band.COERCED, 0), palette)
        has_organisations = bool(sum(data.by_band.values()) or data.organisations_holding_data)
        self.empty.setVisible(not has_organisations)
        self.worst_title.setVisible(has_organisations)
        self.all_fair.setVisible(has_organisations and not data.worst)
        self._fill_worst(data.worst[:10])
        self.charts_box.setVisible(has_organisations)
        if has_organisations:
            self._fill_charts(data)

    def _fill_worst(self, worst: list[OrganisationAssessment]) -> None:
        palette = self.palette()
        link = palette.color(QPalette.ColorRole.Link)
        if charts.is_dark(palette) and link.lightness() < 128:
            link = QColor("#8ab4f8")  # the default link blue is unreadable on a dark window
        previous: QWidget | None = None
        for item in worst:
            row = WorstRow(item, palette, link)
            row.button.clicked.connect(
                lambda _checked=False, org_id=item.org_id: self.organisation_requested.emit(org_id)
            )
            self.worst_list.addWidget(row)
            if previous is not None:
                QWidget.setTabOrder(previous, row.button)
            previous = row.button
            self.rows.append(row)
        if self.rows:
            badge_width = max(r.badge.sizeHint().width() for r in self.rows)
            name_width = min(WorstRow.NAME_WIDTH, max(r.text_width() for r in self.rows))
            chrome = max(r.chrome_width() for r in self.rows)
            for r in self.rows:
                r.badge.setFixedWidth(badge_width)
                r.set_name_width(name_width, chrome)

    def _fill_charts(self, data: DashboardData) -> None:
        palette = self.palette()
        self.scatter = charts.balance_scatter(data.points, palette)
        self.scatter.setMinimumHeight(440)
        self.scatter.setAccessibleDescription(self.scatter_caption.text())
        self.scatter.organisation_clicked.connect(self.organisation_requested)
        self.scatter_slot.addWidget(self.scatter)
        self.groups = charts.group_bars(data.by_group, palette)
        self.groups.setAccessibleDescription(self.groups_caption.text())
        self.groups_slot.addWidget(self.groups)
        self.timeline = charts.timeline(data.per_year, palette)
        self.timeline.setAccessibleDescription(self.timeline_caption.text())
        self.timeline_slot.addWidget(self.timeline)
        for view in (self.groups, self.timeline):
            view.setMinimumHeight(320)

    # --- clearing ------------------------------------------------------------------------
    def clear(self) -> None:
        """Forget every name and number (called when the vault locks)."""
        self._data = None
        for card in self.cards.values():
            card.set_value(None, self.palette())
        for row in self.rows:
            self.worst_list.removeWidget(row)
            row.setParent(None)
            row.deleteLater()
        self.rows.clear()
        for view in (self.scatter, self.groups, self.timeline):
            if view is not None:
                view.setParent(None)
                view.deleteLater()
        self.scatter = self.groups = self.timeline = None
        self.empty.hide()
        self.example_banner.hide()
        self.all_fair.hide()
        self.charts_box.hide()

    def set_note(self, text: str) -> None:
        """A line under the heading, e.g. where the vault is stored and who keeps its key."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def chart_views(self) -> list[QChartView]:
        return [v for v in (self.scatter, self.groups, self.timeline) if v is not None]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._data is not None:
            self.load(self._data)  # the charts and colours follow a light/dark switch
