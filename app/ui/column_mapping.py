"""Choosing the columns of a CSV that Quid does not recognise as a known export.

The preview shows only the web address (scheme and host) and username the chosen mapping
yields, read through the same parser as the import: the other columns may hold passwords and
are never shown.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import QuidError
from app.services.discovery_domains import shown_address
from app.services.password_export import ColumnMapping, read_entries
from app.ui.error_text import error_text
from app.ui.widgets import error_label, heading_label, plain_label, show_error

PREVIEW_ROWS = 5
ROLES = ("url", "username", "title", "created", "last_used", "modified")


class ColumnMappingDialog(QDialog):
    """One combo box per role, pre-filled from a guess; OK once the web address is chosen
    and the first rows read cleanly with the mapping."""

    def __init__(
        self,
        path: Path,
        header: list[str],
        guess: ColumnMapping | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("Choose the columns"))
        labels = {
            "url": self.tr("&Web address (required):"),
            "username": self.tr("&Username or e-mail:"),
            "title": self.tr("&Title:"),
            "created": self.tr("&Created on:"),
            "last_used": self.tr("&Last used on:"),
            "modified": self.tr("Last c&hanged on:"),
        }
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for role in ROLES:
            box = QComboBox()
            box.addItem(self.tr("Choose a column…") if role == "url" else self.tr("(none)"), None)
            for name in header:
                if name:
                    box.addItem(name, name)
            box.setAccessibleName(labels[role].replace("&", "").rstrip(":"))
            chosen = self._guessed(guess, role)
            if chosen is not None and box.findData(chosen) >= 0:
                box.setCurrentIndex(box.findData(chosen))
            box.currentIndexChanged.connect(self.refresh)
            self.combos[role] = box
            form.addRow(labels[role], box)
        self.preview_model = QStandardItemModel(0, 3, self)
        self.preview_model.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Web address"), self.tr("Username or e-mail")]
        )
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.setAccessibleName(self.tr("The first rows, as Quid reads them"))
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.preview.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.preview.setColumnWidth(0, 60)
        self.preview.setColumnWidth(1, 330)
        self.preview.setMinimumHeight(170)
        self.error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Continue"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Which column holds what?"), 1.3))
        layout.addWidget(
            plain_label(
                self.tr(
                    "Quid does not recognise the columns of {name}. Choose the column with the "
                    "web address of each login, and the others where the file has them. Only "
                    "the web address and username are shown below: the other columns may hold "
                    "passwords, and Quid never shows or keeps them."
                ).format(name=path.name)
            )
        )
        layout.addLayout(form)
        layout.addWidget(plain_label(self.tr("The first rows, as they will be read:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        self.refresh()

    @staticmethod
    def _guessed(guess: ColumnMapping | None, role: str) -> str | None:
        if guess is None:
            return None
        if role == "url":
            return guess.url[0] if guess.url else None
        value = getattr(guess, role)
        return value if isinstance(value, str) else None

    def _chosen(self, role: str) -> str | None:
        data = self.combos[role].currentData()
        return data if isinstance(data, str) else None

    def mapping(self) -> ColumnMapping | None:
        """The chosen columns; None until a web address column is chosen."""
        url = self._chosen("url")
        if url is None:
            return None
        return ColumnMapping(
            url=(url,),
            username=self._chosen("username"),
            title=self._chosen("title"),
            created=self._chosen("created"),
            last_used=self._chosen("last_used"),
            modified=self._chosen("modified"),
        )

    def refresh(self) -> None:
        """Read the first rows again with the current choice (on this thread: a few rows)."""
        self.preview_model.removeRows(0, self.preview_model.rowCount())
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        mapping = self.mapping()
        if mapping is None:
            show_error(self.error, self.tr("Choose the column that holds the web addresses."))
            ok_button.setEnabled(False)
            return
        entries = read_entries(self.path, mapping=mapping)
        try:
            first = list(islice(entries, PREVIEW_ROWS))
        except QuidError as exc:  # names the line; the mapping or the file is wrong
            show_error(self.error, error_text(exc))
            ok_button.setEnabled(False)
            return
        except OSError as exc:
            show_error(self.error, self.tr("The file cannot be read: {reason}").format(
                reason=exc.strerror or type(exc).__name__))  # fmt: skip
            ok_button.setEnabled(False)
            return
        finally:
            close = getattr(entries, "close", None)  # a generator: closes the file at once
            if close is not None:
                close()
        for entry in first:
            # scheme and host only: a path or query may hold a token
            shown = " ".join(dict.fromkeys(shown_address(url) for url in entry.urls))
            cells = [str(entry.line), shown, entry.username]
            items = [QStandardItem(text) for text in cells]
            for item in items:
                item.setEditable(False)
            self.preview_model.appendRow(items)
        show_error(self.error, "" if first else self.tr("The file has no rows after the header."))
        ok_button.setEnabled(bool(first))
