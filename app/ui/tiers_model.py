"""The table of an organisation's tiers, side by side: data asked, value got, each step up's
data against its value, chosen, fair."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from app.domain.taxonomy import Taxonomy
from app.services.tiers import TierComparison, TierRow
from app.ui.formatting import QT_TR_NOOP, format_money, term, tr

KEY_ROLE = Qt.ItemDataRole.UserRole
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# (good, bad) text colours on a light list, on a dark one: each ≥ 4.5:1 against its background
VERDICT_COLOURS = {False: ("#2e7d32", "#c62828"), True: ("#81c784", "#ef9a9a")}
PERIOD_WORDS = {"once": "once", "month": "per month", "year": "per year"}
STEP_COLUMN, FAIR_COLUMN = 4, 6
WRAP_WIDTHS = {0: 190, 1: 190, STEP_COLUMN: 230}  # long texts wrap rather than widen the table


def verdict_colour(good: bool) -> QColor:
    """Green or red text for a step's verdict, legible on the palette's light or dark lists."""
    dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    good_colour, bad_colour = VERDICT_COLOURS[dark]
    return QColor(good_colour if good else bad_colour)


def tooltip(text: str) -> str | None:
    """Untrusted text as a tool tip: Qt would read "<b>…" in a tool tip as rich text."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else None


def signed(cents: int) -> str:
    return ("+" if cents >= 0 else "−") + format_money(abs(cents))


class TiersModel(QAbstractTableModel):
    """One row per tier, from least data to most (the order of the comparison)."""

    HEADERS = (QT_TR_NOOP("Tier"), QT_TR_NOOP("Data asked"), QT_TR_NOOP("Data value\n/ month"),
               QT_TR_NOOP("Got\n/ month"), QT_TR_NOOP("Step up"), QT_TR_NOOP("Chosen"),
               QT_TR_NOOP("Fair"))  # fmt: skip
    TIPS = (
        QT_TR_NOOP("The tier's name, as the organisation calls it."),
        QT_TR_NOOP("The data this tier asks for; special categories (GDPR Art. 9/10) marked."),
        QT_TR_NOOP("What that data is worth per month, by Quid's estimates."),
        QT_TR_NOOP("What the tier brings per month (a year / 12; once over months)."),
        QT_TR_NOOP("From the tier with less data: the extra data against the extra value."),
        QT_TR_NOOP("The tier you chose."),
        QT_TR_NOOP("The highest tier reached while every step up is worth its data."),
    )

    def __init__(self, parent: QObject | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[TierRow] = []
        self.texts: list[list[str]] = []

    def set_comparison(self, comparison: TierComparison | None, taxonomy: Taxonomy) -> None:
        self.beginResetModel()
        self.rows = list(comparison.rows) if comparison else []
        self.texts = [self.row_texts(row, taxonomy) for row in self.rows]
        self.endResetModel()

    def row_texts(self, row: TierRow, taxonomy: Taxonomy) -> list[str]:
        tier, step, labels = row.tier, row.step, []
        for key in tier.categories:
            category = taxonomy.get(key) if key in taxonomy else None
            special = category is not None and (category.special or category.criminal)
            label = (
                category.label(self.lang)
                if category
                else self.tr("{key} (unknown)").format(key=key)
            )
            labels.append(label + (self.tr(" (special)") if special else ""))
        got = format_money(row.got_month_cents, unknown=self.tr("unknown"))
        if tier.value_cents is not None and tier.period != "month":
            got += f"\n({format_money(tier.value_cents)} {term(PERIOD_WORDS[tier.period])})"
        up = self.tr("least data")
        if step is not None:
            delta = step.got_delta_cents
            up = self.tr("{data} data, {got} value:\n{verdict}").format(
                data=signed(step.data_delta_cents), verdict=term(step.verdict),
                got="?" if delta is None else signed(delta))  # fmt: skip
        chosen = self.tr("✓ chosen") if tier.chosen else ""
        fair = self.tr("fair") if row.fair else ""
        asked = ", ".join(labels) or self.tr("nothing")
        return [tier.name, asked, format_money(row.data_month_cents), got, up, chosen, fair]

    def row_of(self, tier_id: int | None) -> int:
        return next((i for i, r in enumerate(self.rows) if r.tier.id == tier_id), -1)

    def rowCount(self, parent: Any = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        tip = role == Qt.ItemDataRole.ToolTipRole
        if orientation == Qt.Orientation.Horizontal and (
            tip or role == Qt.ItemDataRole.DisplayRole
        ):
            return tr((self.TIPS if tip else self.HEADERS)[section])
        return None

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.texts[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return tooltip(row.tier.description)
        if role == Qt.ItemDataRole.ToolTipRole and column == STEP_COLUMN and row.step:
            return tooltip(self.tr("Compared with {tier}").format(tier=row.step.from_name))
        if role == Qt.ItemDataRole.ForegroundRole and column == STEP_COLUMN and row.step:
            known = row.step.got_delta_cents is not None
            return verdict_colour(row.step.worth_it) if known else None
        if role == Qt.ItemDataRole.ForegroundRole and column == FAIR_COLUMN and row.fair:
            return verdict_colour(True)
        return None
