"""Change the passphrase, or move the key between the keyring and a passphrase."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import QuidError
from app.storage import keys
from app.storage.header import KeyMode
from app.storage.vault import Vault
from app.ui.error_text import error_text, translated
from app.ui.widgets import (
    PassphraseFields,
    error_label,
    password_field,
    plain_label,
    show_error,
)
from app.ui.workers import Task


class _KeyDialog(QDialog):
    """Shared frame: an OK button enabled when the input is valid; the work runs off-thread."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        # Gone when closed: its fields held passphrases.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.body = QVBoxLayout(self)
        self.error = error_label()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)
        self._busy = False

    def finish_layout(self) -> None:
        self.body.addWidget(self.error)
        self.body.addWidget(self.progress)
        self.body.addWidget(self.buttons)
        self.refresh()

    def ok_button(self) -> QWidget:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def refresh(self) -> None:
        self.ok_button().setEnabled(not self._busy and self.is_valid())

    def is_valid(self) -> bool:
        return True

    def work(self) -> Callable[[], object]:
        raise NotImplementedError

    def _start(self) -> None:
        if not self.is_valid() or self._busy:
            return
        job = self.work()
        self._busy = True
        self.progress.show()
        show_error(self.error, "")
        self.refresh()
        Task.start(job, self._done, self._failed)

    def _done(self, _result: object) -> None:
        self._busy = False
        self.progress.hide()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.progress.hide()
        self.refresh()
        if not isinstance(exc, QuidError):
            raise exc
        show_error(self.error, error_text(exc))


class ChangePassphraseDialog(_KeyDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change passphrase"), parent)
        self.vault = vault
        self.current = password_field(self.tr("Current passphrase"))
        self.fields = PassphraseFields()
        form = QFormLayout()
        form.addRow(self.tr("C&urrent passphrase:"), self.current)
        self.body.addLayout(form)
        self.body.addWidget(self.fields)
        self.current.textChanged.connect(self.refresh)
        self.fields.changed.connect(self.refresh)
        self.finish_layout()

    def is_valid(self) -> bool:
        return bool(self.current.text()) and self.fields.is_valid()

    def work(self) -> Callable[[], object]:
        vault, current, new = self.vault, self.current.text(), self.fields.value()
        return lambda: vault.change_passphrase(current, new)


class KeyStorageDialog(_KeyDialog):
    """Switch between the keyring and a passphrase. After a recovery, choose a new home."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Key storage"), parent)
        self.vault = vault
        mode = vault.mode if not vault.needs_key_storage else None
        problem = keys.keyring_problem()
        current_text = {
            KeyMode.KEYRING: self.tr("The key is now kept in the system keyring."),
            KeyMode.PASSPHRASE: self.tr("The key is now protected by your passphrase."),
            None: self.tr(
                "You opened the vault with the recovery key. Choose how it opens from now on."
            ),
        }[mode]
        self.body.addWidget(plain_label(current_text))
        self.keyring_choice = QRadioButton(self.tr("Keep the key in the system &keyring"))
        self.passphrase_choice = QRadioButton(self.tr("Protect the key with a &passphrase"))
        self.keyring_choice.setEnabled(problem is None and mode is not KeyMode.KEYRING)
        self.passphrase_choice.setEnabled(mode is not KeyMode.PASSPHRASE)
        self.current = password_field(self.tr("Current passphrase"))
        self.fields = PassphraseFields()
        self.body.addWidget(self.keyring_choice)
        if problem and mode is not KeyMode.KEYRING:
            note = self.tr("Not available: {r}").format(r=translated(problem))
            self.body.addWidget(plain_label(note))
        if mode is KeyMode.PASSPHRASE:
            form = QFormLayout()
            form.addRow(self.tr("C&urrent passphrase:"), self.current)
            self.body.addLayout(form)
        self.body.addWidget(self.passphrase_choice)
        self.body.addWidget(self.fields)
        # Offer only real changes: the current mode is not a choice.
        self.keyring_choice.setHidden(mode is KeyMode.KEYRING)
        self.passphrase_choice.setHidden(mode is KeyMode.PASSPHRASE)
        self.fields.setHidden(mode is KeyMode.PASSPHRASE)
        self.mode = mode
        default = self.passphrase_choice if self.passphrase_choice.isEnabled() else None
        (default or self.keyring_choice).setChecked(True)
        for widget in (self.keyring_choice, self.passphrase_choice):
            widget.toggled.connect(self.refresh)
        self.current.textChanged.connect(self.refresh)
        self.fields.changed.connect(self.refresh)
        self.finish_layout()

    def refresh(self) -> None:
        self.fields.setEnabled(self.passphrase_choice.isChecked())
        super().refresh()

    def is_valid(self) -> bool:
        if self.keyring_choice.isChecked() and self.keyring_choice.isEnabled():
            return self.mode is not KeyMode.PASSPHRASE or bool(self.current.text())
        return self.passphrase_choice.isChecked() and self.fields.is_valid()

    def work(self) -> Callable[[], object]:
        vault, current = self.vault, self.current.text() or None
        if self.keyring_choice.isChecked():
            return lambda: vault.use_keyring(current)
        new = self.fields.value()
        return lambda: vault.use_passphrase(new, current)
