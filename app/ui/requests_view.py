"""The Requests page: every GDPR request with its status and due date, its letter, its
timeline and attachments, and the steps of its life (sent, acknowledged, extended, answered,
closed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.requests import REQUEST_TYPES
from app.errors import QuidError
from app.services.ledger import Ledger
from app.services.requests import RequestRow, RequestService
from app.ui.error_text import error_text
from app.ui.formatting import QT_TR_NOOP, QT_TRANSLATE_NOOP, format_date, term, tr
from app.ui.icons import REQUEST_BUTTON_ICONS, icon
from app.ui.sent_dialog import SentDialog
from app.ui.timeline_text import event_summary
from app.ui.widgets import heading_label, plain_label, tell

Index = QModelIndex | QPersistentModelIndex
HEADERS = (QT_TR_NOOP("Organisation"), QT_TR_NOOP("Request"), QT_TR_NOOP("Status"),
           QT_TR_NOOP("Sent"), QT_TR_NOOP("Due"), QT_TR_NOOP("Days left"))  # fmt: skip
STATUS_TINT = {"overdue": "#ffcdd2", "extended": "#ffe0b2", "answered": "#c8e6c9",
               "refused": "#ef9a9a", "escalated": "#e1bee7"}  # fmt: skip


class RequestsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[RequestRow] = []
        self.today = date.today()

    def set_rows(self, rows: list[RequestRow], today: date) -> None:
        self.beginResetModel()
        self.rows, self.today = rows, today
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.BackgroundRole and column == 2:
            tint = STATUS_TINT.get(row.status)
            return QColor(tint) if tint else None
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and row.status in STATUS_TINT:
            return QColor("#202020")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return row.organisation
        if column == 1:
            return term(REQUEST_TYPES[row.type].title)
        if column == 2:
            return term(row.status)
        if column == 3:
            return format_date(row.sent_on)
        if column == 4:
            return format_date(row.due_on)
        if row.due_on is None or row.status in ("answered", "refused", "closed", "escalated"):
            return ""
        return str((row.due_on - self.today).days)


class RequestsView(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: RequestService | None = None
        self.ledger: Ledger | None = None
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show requests"))
        for label, value in (
            (QT_TRANSLATE_NOOP("RequestsView", "All requests"), None),
            (QT_TRANSLATE_NOOP("RequestsView", "Open"), "open"),
            (QT_TRANSLATE_NOOP("RequestsView", "Overdue"), "overdue"),
            (QT_TRANSLATE_NOOP("RequestsView", "Drafts"), "draft"),
            (QT_TRANSLATE_NOOP("RequestsView", "Finished"), "done"),
        ):
            self.filter.addItem(self.tr(label), value)  # fmt: skip
        self.model = RequestsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Requests"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.title = heading_label("")
        self.letter = QPlainTextEdit()
        self.letter.setReadOnly(True)
        self.letter.setAccessibleName(self.tr("The letter"))
        self.timeline = QListWidget()
        self.timeline.setAccessibleName(self.tr("Timeline"))
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Attachments"))
        self.buttons: dict[str, QPushButton] = {}
        # Two rows — the request's steps, then what follows up on it — so the page never
        # needs a window wider than the default (one row was 980 px, more in Dutch).
        steps, follow_ups = QHBoxLayout(), QHBoxLayout()
        for key, label in (
            ("sent", QT_TRANSLATE_NOOP("RequestsView", "Mark as &sent…")),
            ("ack", QT_TRANSLATE_NOOP("RequestsView", "A&cknowledged")),
            ("extend", QT_TRANSLATE_NOOP("RequestsView", "E&xtended…")),
            ("reply", QT_TRANSLATE_NOOP("RequestsView", "Record &reply…")),
            ("close", QT_TRANSLATE_NOOP("RequestsView", "C&lose")),
            ("save", QT_TRANSLATE_NOOP("RequestsView", "Save &attachment…")),
            ("reminder", QT_TRANSLATE_NOOP("RequestsView", "Re&minder…")),
            ("complaint", QT_TRANSLATE_NOOP("RequestsView", "Com&plain…")),
            ("bundle", QT_TRANSLATE_NOOP("RequestsView", "E&vidence bundle…")),
        ):
            button = QPushButton(icon(REQUEST_BUTTON_ICONS[key]), self.tr(label))
            self.buttons[key] = button
            (steps if len(self.buttons) <= 5 else follow_ups).addWidget(button)
        steps.addStretch()
        follow_ups.addStretch()
        self.buttons["close"].setToolTip(
            self.tr("Close the request: you expect nothing more from it.")
        )
        detail = QWidget()
        box = QVBoxLayout(detail)
        box.addWidget(self.title)
        box.addLayout(steps)
        box.addLayout(follow_ups)
        box.addWidget(self.letter, 3)
        box.addWidget(plain_label(self.tr("Timeline")))
        box.addWidget(self.timeline, 1)
        box.addWidget(plain_label(self.tr("Attachments (kept encrypted in your vault)")))
        box.addWidget(self.files, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(splitter, 1)
        self.filter.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_current())
        self.buttons["sent"].clicked.connect(self.mark_sent)
        self.buttons["ack"].clicked.connect(lambda: self._act(lambda s, i: s.acknowledge(i)))
        self.buttons["extend"].clicked.connect(self.extend)
        self.buttons["reply"].clicked.connect(self.record_reply)
        self.buttons["close"].clicked.connect(lambda: self._act(lambda s, i: s.close(i)))
        self.buttons["save"].clicked.connect(self.save_attachment)
        self.buttons["reminder"].clicked.connect(lambda: self.follow_up("reminder"))
        self.buttons["complaint"].clicked.connect(lambda: self.follow_up("complaint"))
        self.buttons["bundle"].clicked.connect(self.save_bundle)
        self.show_current()

    # --- data ----------------------------------------------------------------------------
    def attach(self, service: RequestService, ledger: Ledger | None = None) -> None:
        self.service, self.ledger = service, ledger
        self.reload()

    def follow_up(self, letter_type: str) -> None:
        """A reminder after the deadline, or a complaint to the supervisory authority (Art. 77),
        referring to the selected request; the original is marked reminded / escalated."""
        from app.ui.letter_dialog import LetterDialog

        request_id, service = self.current_id(), self.service
        if request_id is None or service is None or self.ledger is None:
            return
        row = service.row(request_id)
        dialog = LetterDialog(self.ledger, row.organisation_id, letter_type=letter_type,
                              earlier_id=request_id, parent=self)  # fmt: skip
        dialog.exec()
        new_id = dialog.request_id
        if new_id is not None:
            if letter_type == "reminder":
                self._act(lambda s, i: s.note_reminder(i, new_id))
            else:
                self._act(lambda s, i: s.escalate(i, new_id))

    def clear(self) -> None:
        self.service = None
        self.ledger = None
        self.model.set_rows([], date.today())
        self.show_current()

    def reload(self) -> None:
        if self.service is None:
            return
        wanted = self.filter.currentData()
        rows = self.service.requests()
        if wanted == "open":
            rows = [r for r in rows if r.status in ("sent", "acknowledged", "extended", "overdue")]
        elif wanted == "done":
            rows = [r for r in rows if r.status in ("answered", "refused", "closed", "escalated")]
        elif wanted:
            rows = [r for r in rows if r.status == wanted]
        current = self.current_id()
        self.model.set_rows(rows, self.service.today)
        if current is None and rows:  # nothing chosen yet: the first one, not an empty page
            current = rows[0].id
        self.select(current)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select(self, request_id: int | None) -> None:
        ids = [r.id for r in self.model.rows]
        if request_id in ids:
            self.table.selectRow(ids.index(request_id))
        self.show_current()

    def show_current(self) -> None:
        request_id = self.current_id()
        service = self.service
        for button in self.buttons.values():
            button.setEnabled(False)
        if request_id is None or service is None:
            self.title.setText(self.tr("Choose a request to see its letter and timeline."))
            self.letter.clear()
            self.timeline.clear()
            self.files.clear()
            return
        row = service.row(request_id)
        self.title.setText(f"{row.organisation} — {term(REQUEST_TYPES[row.type].title)}")
        subject, body = service.letter(request_id)
        self.letter.setPlainText(f"{subject}\n\n{body}")
        self.timeline.clear()
        for event in service.timeline(request_id):
            summary = event_summary(event.kind, event.summary)
            self.timeline.addItem(f"{format_date(event.happened_on)}  {term(event.kind)}"
                                  + (f" — {summary}" if summary else ""))  # fmt: skip
        self.files.clear()
        for _id, name, _mime, size in service.attachments(request_id):
            self.files.addItem(
                self.tr("{name} ({size} bytes)").format(name=name, size=QLocale().toString(size))
            )
        is_open = row.status in ("sent", "acknowledged", "extended", "overdue")
        self.buttons["sent"].setEnabled(row.status == "draft")
        for key in ("ack", "extend", "reply"):
            self.buttons[key].setEnabled(is_open)
        self.buttons["close"].setEnabled(row.status != "closed")
        self.buttons["save"].setEnabled(self.files.count() > 0)
        self.buttons["reminder"].setEnabled(row.status == "overdue")
        self.buttons["complaint"].setEnabled(row.status in ("overdue", "refused", "answered"))
        self.buttons["bundle"].setEnabled(row.status != "draft")

    # --- actions -------------------------------------------------------------------------
    def _act(self, action: Any) -> bool:
        request_id, service = self.current_id(), self.service
        if request_id is None or service is None:
            return False
        try:
            action(service, request_id)
        except QuidError as exc:
            tell(self, self.tr("Not saved"), error_text(exc), warning=True)
            return False
        self.reload()
        self.changed.emit()
        return True

    def mark_sent(self) -> None:
        if self.service is None:
            return
        dialog = SentDialog(self.service.today, self)
        if dialog.exec():
            day, via = dialog.day, dialog.via.currentData()
            self._act(lambda s, i: s.mark_sent(i, day, via))

    def extend(self) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("Extended"), self.tr("The reason they gave for needing more time:")
        )
        if ok:
            self._act(lambda s, i: s.extend(i, reason))

    def record_reply(self) -> None:
        summary, ok = QInputDialog.getMultiLineText(
            self, self.tr("Their reply"), self.tr("What did they answer? (a short summary)")
        )
        if not ok:
            return
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach their reply (optional)"))
        files = tuple((Path(n).name, "application/octet-stream", Path(n).read_bytes())
                      for n in names)  # fmt: skip
        categories: tuple[str, ...] = ()
        request_id, service = self.current_id(), self.service
        row = service.row(request_id) if request_id is not None and service else None
        if row is not None and row.type == "access" and self.ledger is not None:
            from app.ui.reply_dialog import HeldCategoriesDialog

            held = HeldCategoriesDialog(self.ledger.taxonomy, self)
            if held.exec():
                categories = held.chosen()
        events: list[int] = []
        done = self._act(
            lambda s, i: events.append(
                s.record_reply(i, summary=summary, attachments=files, categories=categories)
            )
        )
        if done and events and row is not None and self.ledger is not None and service:
            from app.ui.reply_dialog import offer_missing

            missing = service.categories_not_in_ledger(events[0])
            if offer_missing(self, self.ledger, row.organisation_id, missing):
                self.changed.emit()

    def save_bundle(self) -> None:
        """The evidence bundle PDF to attach to a complaint (not encrypted: it says so)."""
        from app.render.evidence_pdf import evidence_bundle

        request_id, service = self.current_id(), self.service
        if request_id is None or service is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the evidence bundle"),
                                              "evidence.pdf", self.tr("PDF (*.pdf)"))  # fmt: skip
        if name and self._write(Path(name), lambda: evidence_bundle(service, request_id)):
            tell(self, self.tr("Saved"), self.tr(
                "The evidence bundle is saved in {name}. It is not encrypted."
            ).format(name=name))  # fmt: skip

    def _write(self, path: Path, data: Any) -> bool:
        """Write `data()` to `path`; a full or failing disk is told, not a crash."""
        from app.storage.fileio import atomic_write_bytes

        try:
            atomic_write_bytes(path, data())
        except QuidError as exc:
            tell(self, self.tr("Not saved"), error_text(exc), warning=True)
            return False
        return True

    def save_attachment(self) -> None:
        request_id, service = self.current_id(), self.service
        row = self.files.currentRow()
        if request_id is None or service is None:
            return
        found = service.attachments(request_id)
        att_id, name, _mime, _size = found[max(row, 0)]
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), name)
        if target:
            self._write(Path(target), lambda: service.attachment_content(att_id))
