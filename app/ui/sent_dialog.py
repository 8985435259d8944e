"""When and how a request was sent (its deadline runs from the expected receipt)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.ledger import clean_date
from app.domain.requests import CHANNELS
from app.errors import QuidError
from app.ui.error_text import error_text
from app.ui.formatting import term
from app.ui.widgets import error_label, show_error


class SentDialog(QDialog):
    """When and how it was sent (the deadline runs from the expected receipt)."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark as sent"))
        self.on = QLineEdit(today.isoformat())
        self.on.setAccessibleName(self.tr("Date sent"))
        self.via = QComboBox()
        self.via.setAccessibleName(self.tr("Sent by"))
        for channel in CHANNELS:
            self.via.addItem(term(channel), channel)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Sent on (YYYY-MM-DD):"), self.on)
        form.addRow(self.tr("Sent &by:"), self.via)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.day: date | None = None

    def _check(self) -> None:
        try:
            cleaned = clean_date("date", self.on.text())
        except QuidError as exc:
            show_error(self.error, error_text(exc))
            return
        self.day = date.fromisoformat(cleaned) if cleaned else None
        self.accept()
