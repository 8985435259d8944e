"""What the Overview shows on an empty ledger (three ways to start), and the note that the
example ledger is loaded (with the way to remove it again)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.ui.widgets import heading_label, plain_label


class EmptyLedgerPanel(QFrame):
    """Shown on the Overview while the ledger has no organisations."""

    load_example = Signal()
    import_passwords = Signal()
    add_organisation = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = heading_label(self.tr("Your ledger is empty"), 1.15)
        self.message = plain_label(
            self.tr(
                "Find out who holds your data from a password manager's export, or add an "
                "organisation by hand. To look around first, load the example ledger: about 25 "
                "organisations of a fictional person, Jan de Vries. You can remove it again "
                "with one click."
            )
        )
        self.import_button = QPushButton(self.tr("&Import from a password manager…"))
        self.add_button = QPushButton(self.tr("Add an &organisation…"))
        self.example_button = QPushButton(self.tr("Load the &example ledger"))
        self.import_button.setDefault(True)  # the quickest way to a real ledger
        self.import_button.clicked.connect(self.import_passwords)
        self.add_button.clicked.connect(self.add_organisation)
        self.example_button.clicked.connect(self.load_example)
        buttons = QHBoxLayout()
        for button in (self.import_button, self.add_button, self.example_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def text(self) -> str:
        return self.message.text()


class ExampleBanner(QFrame):
    """Shown while example organisations are in the ledger: they are not real records."""

    remove_example = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = plain_label(
            self.tr(
                "This ledger holds the example: the records of a fictional person, Jan de "
                "Vries. Removing it deletes only the example organisations, never ones you "
                "added yourself."
            )
        )
        self.remove_button = QPushButton(self.tr("&Remove the example ledger…"))
        self.remove_button.clicked.connect(self.remove_example)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.remove_button)
