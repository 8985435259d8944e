"""Small reusable widgets: plain-text labels, passphrase entry with a strength hint,
and the recovery-key box with Copy and Print."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.passphrase import Strength, rate
from app.storage.keys import MIN_PASSPHRASE_CHARS
from app.ui import clipboard
from app.ui.formatting import QT_TRANSLATE_NOOP

# The first window needs only the labels: the passphrase and recovery-key widgets import their
# other Qt classes, and the HTML helpers `html` (a large entity table), when first used.
if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QLineEdit


def plain_label(text: str = "", *, wrap: bool = True, selectable: bool = False) -> QLabel:
    """A label that never interprets its text as HTML (names and messages may be untrusted)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def plain_tooltip(text: str) -> str:
    """Tooltip text that Qt shows literally, whatever `text` contains (it is escaped HTML):
    Qt reads every tooltip that looks like HTML as rich text, item views' included."""
    import html

    return "<p style='white-space:pre'>" + html.escape(text) + "</p>"


def plain_html(text: str) -> str:
    """`text` as HTML that shows it as typed, wrapped: for a label Qt reads as rich text that
    cannot be set to plain text (QInputDialog's)."""
    import html

    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def place_centred(page: QWidget, card: QWidget) -> None:
    """Lay `card` out in the middle of `page`, a little above centre, as a sign-in card."""
    outer = QHBoxLayout(page)
    outer.addStretch()
    column = QVBoxLayout()
    column.addStretch(1)
    column.addWidget(card)
    column.addStretch(2)
    outer.addLayout(column, 3)
    outer.addStretch()


def tell(parent: QWidget | None, title: str, text: str, *, warning: bool = False) -> None:
    """A message box whose text is never read as HTML (messages may quote paths or names)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.exec()


def heading_label(text: str, scale: float = 1.5) -> QLabel:
    """Bold, `scale` × the normal size (1.5 a page title, 1.15 a section)."""
    label = plain_label(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def error_label() -> QLabel:
    label = plain_label()
    label.setObjectName("errorLabel")
    label.setStyleSheet("QLabel#errorLabel { color: #c62828; font-weight: bold; }")
    label.setAccessibleName(QCoreApplication.translate("widgets", "Error"))
    label.hide()
    return label


def show_error(label: QLabel, message: str) -> None:
    label.setText(message)
    label.setVisible(bool(message))


def password_field(accessible_name: str) -> QLineEdit:
    from PySide6.QtWidgets import QLineEdit

    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    return field


_HINTS = {
    Strength.TOO_SHORT: (
        QT_TRANSLATE_NOOP("PassphraseFields", "Too short: at least {n} characters."),
        "#c62828",
    ),
    Strength.WEAK: (
        QT_TRANSLATE_NOOP("PassphraseFields", "Weak: add more words or characters."),
        "#c62828",
    ),
    Strength.FAIR: (
        QT_TRANSLATE_NOOP("PassphraseFields", "Fair: a longer passphrase would be safer."),
        "#b26a00",
    ),
    Strength.STRONG: (QT_TRANSLATE_NOOP("PassphraseFields", "Strong."), "#2e7d32"),
}


class PassphraseFields(QWidget):
    """New passphrase + confirmation, with a strength hint in words (not colour alone)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QFormLayout

        super().__init__(parent)
        self.passphrase = password_field(self.tr("New passphrase"))
        self.confirm = password_field(self.tr("Repeat the passphrase"))
        self.hint = plain_label()
        self.hint.setAccessibleName(self.tr("Passphrase strength"))
        self.mismatch = plain_label()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow("", self.hint)
        form.addRow(self.tr("&Repeat:"), self.confirm)
        form.addRow("", self.mismatch)
        self.passphrase.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        text = self.passphrase.text()
        message, colour = _HINTS[rate(text, MIN_PASSPHRASE_CHARS)]
        self.hint.setText(self.tr(message).format(n=MIN_PASSPHRASE_CHARS) if text else "")
        self.hint.setStyleSheet(f"color: {colour};")
        mismatch = bool(self.confirm.text()) and self.confirm.text() != text
        self.mismatch.setText(self.tr("The two passphrases differ.") if mismatch else "")
        self.mismatch.setStyleSheet("color: #c62828;")
        self.changed.emit()

    def is_valid(self) -> bool:
        text = self.passphrase.text()
        return len(text) >= MIN_PASSPHRASE_CHARS and text == self.confirm.text()

    def value(self) -> str:
        return self.passphrase.text()

    def clear(self) -> None:
        self.passphrase.clear()
        self.confirm.clear()


class RecoveryKeyBox(QWidget):
    """Shows the recovery key once, in a monospace font, with Copy and Print."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtGui import QFont, QFontDatabase
        from PySide6.QtWidgets import QPushButton

        super().__init__(parent)
        self._code = ""
        self.code_label = plain_label(wrap=False, selectable=True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.3)
        mono.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(mono)
        self.code_label.setAccessibleName(self.tr("Recovery key"))
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); border-radius: 6px; padding: 12px; "
            "background: palette(base); }"
        )
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.print_button = QPushButton(self.tr("P&rint…"))
        self.copy_button.clicked.connect(self.copy)
        self.print_button.clicked.connect(self.print_key)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code_label)
        layout.addLayout(buttons)

    @staticmethod
    def two_lines(code: str) -> str:
        groups = code.split("-")
        half = (len(groups) + 1) // 2
        return "-".join(groups[:half]) + "-\n" + "-".join(groups[half:])

    def set_code(self, code: str) -> None:
        self._code = code
        self.code_label.setText(self.two_lines(code) if code else "")

    def copy(self) -> None:
        clipboard.copy_sensitive(self._code)
        self.copy_button.setText(self.tr("Copied — cleared in 30 s"))

    def document(self) -> QTextDocument:
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setPlainText(
            self.tr(
                "Quid recovery key\n\n{code}\n\n"
                "This key opens your Quid vault if the system keyring or your passphrase is "
                "lost. Keep it somewhere safe and private, away from this computer."
            ).format(code=self.two_lines(self._code))
        )
        return doc

    def print_key(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # rarely used; loads slowly

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.document().print_(printer)
