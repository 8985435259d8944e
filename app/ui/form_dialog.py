"""The frame of every data-entry dialog: fields with an error label under each, validation
through the input dataclass's `cleaned()`, and small field helpers."""

from __future__ import annotations

import itertools
import re
from typing import Generic, Protocol, Self, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.ledger import ValidationError
from app.ui.error_text import field_name, translated
from app.ui.widgets import error_label, show_error


class Cleanable(Protocol):
    def cleaned(self) -> Self: ...


T = TypeVar("T", bound=Cleanable)


def line_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


def date_field() -> QLineEdit:
    """A date as YYYY-MM-DD; empty means unknown."""
    edit = line_edit(QCoreApplication.translate("form_dialog", "YYYY-MM-DD"))
    edit.setMaxLength(30)
    return edit


def text_area(lines: int = 3) -> QPlainTextEdit:
    """A multi-line field in which Tab moves on, as in every other field."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def combo(items: dict[str, str], order: tuple[str, ...]) -> QComboBox:
    """A choice among stored values (`order`), each shown by its readable label."""
    box = QComboBox()
    for value in order:
        box.addItem(items[value], value)
    return box


def select(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def split_list(text: str) -> list[str]:
    """Comma-, semicolon-, space- or newline-separated items."""
    return [item for item in re.split(r"[,;\s]+", text) if item]


def optional(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


class ValidatingDialog(QDialog, Generic[T]):
    """A form of fields, each with an error label under it, and OK / Cancel.

    Subclasses add fields with `add_field` and implement `build()` (read the fields into an
    input); `validate()` returns `build().cleaned()` unless a subclass checks more.
    """

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.titles: dict[str, str] = {}
        self._chain: list[QWidget] = []
        self.general_error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button().setDefault(True)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self._value: T | None = None

    def finish_layout(self) -> None:
        self.body.addWidget(self.general_error)
        self.body.addWidget(self.buttons)
        for first, second in itertools.pairwise([*self._chain, *self.buttons.buttons()]):
            QWidget.setTabOrder(first, second)

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def add_field(
        self, name: str, label: str, widget: QWidget, *, focus: QWidget | None = None
    ) -> QLabel:
        """A row "&Label:" → widget, with an error label right under the widget.

        `name` is the ValidationError field shown at this row; `focus` is what gets the
        keyboard focus and the label's mnemonic (the widget itself by default). The label's
        words become the field's accessible name unless it has one.
        """
        target = focus or widget
        title = label.replace("&", "").rstrip(":")
        if not target.accessibleName():
            target.setAccessibleName(title)
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = error_label()
        column.addWidget(error)
        row_label = QLabel(label)
        row_label.setBuddy(target)
        self.form.addRow(row_label, cell)
        self.errors[name], self.fields[name], self.titles[name] = error, target, title
        self._chain.append(target)
        return error

    def add_check(self, text: str, beside: QWidget | None = None) -> QCheckBox:
        """A check box row; `beside` (e.g. a label saying its state in words) follows it."""
        box = QCheckBox(text)
        box.setAccessibleName(text.replace("&", ""))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(box)
        if beside is not None:
            line.addWidget(beside)
        line.addStretch()
        self.form.addRow("", row)
        self._chain.append(box)
        return box

    # --- validation -------------------------------------------------------------------------
    def build(self) -> T:
        raise NotImplementedError

    def validate(self) -> T:
        return self.build().cleaned()

    def clear_errors(self) -> None:
        for label in {*self.errors.values(), self.general_error}:
            show_error(label, "")
        for widget in self.fields.values():
            widget.setAccessibleDescription("")

    def show_validation_error(self, exc: ValidationError) -> None:
        label = self.errors.get(exc.field, self.general_error)
        message = translated(exc.message)
        if message[:1].islower():  # "is too long …": say what is
            title = self.titles.get(exc.field) or field_name(exc.field)
            message = self.tr("{field} {problem}").format(field=title, problem=message)
        show_error(label, message)
        widget = self.fields.get(exc.field)
        if widget is not None:
            widget.setAccessibleDescription(message)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def try_accept(self) -> None:
        """OK: validate; on an error show it at its field and stay open."""
        self.clear_errors()
        try:
            value = self.validate()
        except ValidationError as exc:
            self.show_validation_error(exc)
            return
        self._value = value
        self.accept()

    def value(self) -> T:
        """The cleaned input, once the dialog was accepted (RuntimeError before)."""
        if self._value is None:
            raise RuntimeError("The dialog was not accepted.")
        return self._value
