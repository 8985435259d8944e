"""An access reply: which data categories they say they hold. Categories missing from the
ledger are data you never gave them — ask where it came from (Art. 15(1)(g)) — and can be
added to the ledger in one step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.ledger import DisclosureInput
from app.domain.taxonomy import Taxonomy
from app.services.ledger import Ledger
from app.ui.formatting import tr, ui_language
from app.ui.widgets import plain_label, tell


class HeldCategoriesDialog(QDialog):
    """Tick what their answer says they hold (common categories first)."""

    def __init__(self, taxonomy: Taxonomy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What they hold"))
        self.resize(460, 560)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a category…"))
        self.search.setAccessibleName(self.tr("Find a category"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Categories they say they hold"))
        for category in taxonomy.search("", "en", limit=10_000):
            item = QListWidgetItem(category.label(ui_language()))
            item.setData(Qt.ItemDataRole.UserRole, category.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr(
            "Tick the kinds of data their answer says they hold about you (leave it empty if "
            "the answer does not say)."
        )))  # fmt: skip
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._filter)

    def _filter(self, text: str) -> None:
        needle = text.casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def chosen(self) -> tuple[str, ...]:
        return tuple(
            str(self.list.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.list.count())
            if self.list.item(r).checkState() == Qt.CheckState.Checked
        )


def offer_missing(parent: QWidget, ledger: Ledger, org_id: int, missing: list[str]) -> int:
    """Tell the person about categories they never gave, and add them to the ledger if they
    agree. Returns how many were added."""
    from PySide6.QtWidgets import QMessageBox

    if not missing:
        return 0
    labels = ", ".join(ledger.taxonomy.get(k).label(ui_language()) for k in missing)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("They hold data you never gave them"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(tr(
        "They say they hold {labels}, which your ledger does not list. Ask where it came from "
        "(GDPR Art. 15(1)(g)). Add these to your ledger now?"
    ).format(labels=labels))  # fmt: skip
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return 0
    for key in missing:
        ledger.add_disclosure(org_id, DisclosureInput(
            key, detail="reported in their access reply", collection_method="third_party",
        ))  # fmt: skip
    tell(parent, tr("Added"), tr("Added to your ledger: {labels}.").format(
        labels=labels))  # fmt: skip
    return len(missing)
