"""First run: what Quid does, where the key is kept, and the recovery key (shown once)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QMessageBox,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app import APP_NAME
from app.errors import QuidError
from app.paths import AppPaths
from app.storage import keys
from app.storage.header import KeyMode
from app.storage.vault import Vault, create_vault
from app.ui.error_text import error_text, translated
from app.ui.widgets import (
    PassphraseFields,
    RecoveryKeyBox,
    error_label,
    plain_label,
    show_error,
)
from app.ui.workers import Task


class IntroPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to {app}").format(app=APP_NAME))
        layout = QVBoxLayout(self)
        for text in (
            self.tr(
                "Quid keeps a private ledger of the personal data you gave to organisations — "
                "which data, to whom, for what — and what you got in return."
            ),
            self.tr(
                "It shows where an exchange is out of balance and helps you use your rights "
                "under the GDPR: access, erasure, objection and more."
            ),
            self.tr(
                "Nothing leaves this computer. Quid never connects to the internet, and the "
                "ledger is stored encrypted in one file."
            ),
        ):
            layout.addWidget(plain_label(text))
        layout.addStretch()


class KeyPage(QWizardPage):
    """Keyring or passphrase; pressing Create makes the vault (in the background)."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("How should Quid protect your ledger?"))
        self.setSubTitle(
            self.tr("The ledger is encrypted with a random key. Choose where that key is kept.")
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create vault"))
        self.keyring_choice = QRadioButton(
            self.tr("In the system &keyring (unlocks when you log in)")
        )
        self.passphrase_choice = QRadioButton(self.tr("Behind a &passphrase I type each time"))
        group = QButtonGroup(self)
        group.addButton(self.keyring_choice)
        group.addButton(self.passphrase_choice)
        self.keyring_note = plain_label()
        self.fields = PassphraseFields()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Creating the vault"))
        self.progress.hide()
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.keyring_choice)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.passphrase_choice)
        layout.addWidget(self.fields)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addStretch()
        # The keyring round trip may block (a locked keyring prompts): probe off-thread.
        self.keyring_choice.setEnabled(False)
        self.keyring_note.setText(self.tr("Checking the system keyring…"))
        self.passphrase_choice.setChecked(True)
        self.keyring_checked = False
        Task.start(keys.keyring_problem, self._keyring_result, self._keyring_failed)
        group.buttonToggled.connect(self._choice_changed)
        self.fields.changed.connect(self.completeChanged)
        self._creating = False
        self._created = False
        self._choice_changed()

    def _keyring_result(self, problem: str | None) -> None:
        self.keyring_checked = True
        if problem:
            text = self.tr("Not available: {reason} Use a passphrase instead.")
            self.keyring_note.setText(text.format(reason=translated(problem)))
            return
        self.keyring_choice.setEnabled(True)
        self.keyring_note.setText(
            self.tr("Recommended. Your operating system keeps the key safe for you.")
        )
        if not self.fields.value():  # unless the person already chose a passphrase
            self.keyring_choice.setChecked(True)

    def _keyring_failed(self, exc: BaseException) -> None:
        self._keyring_result(self.tr("the check failed ({name}).").format(name=type(exc).__name__))

    def chosen_mode(self) -> KeyMode:
        return KeyMode.KEYRING if self.keyring_choice.isChecked() else KeyMode.PASSPHRASE

    def _choice_changed(self) -> None:
        self.fields.setEnabled(self.chosen_mode() is KeyMode.PASSPHRASE)
        self.completeChanged.emit()

    @property
    def creating(self) -> bool:
        return self._creating

    def isComplete(self) -> bool:
        if self._creating:
            return False
        return self.chosen_mode() is KeyMode.KEYRING or self.fields.is_valid()

    def validatePage(self) -> bool:
        if self._created:
            return True
        if self._creating:
            return False
        self._creating = True
        self._wizard.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        show_error(self.error, "")
        self.progress.show()
        self.completeChanged.emit()
        mode, passphrase = self.chosen_mode(), self.fields.value()
        paths = self._wizard.paths
        Task.start(lambda: create_vault(paths, mode, passphrase), self._done, self._failed)
        return False  # the wizard moves on when creation has finished

    def _done(self, result: tuple[Vault, str]) -> None:
        self._creating = False
        self._wizard.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self._created = True
        self.progress.hide()
        self.fields.clear()
        self._wizard.vault, self._wizard.recovery_key = result
        self._wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self._creating = False
        self._wizard.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.progress.hide()
        message = error_text(exc) if isinstance(exc, QuidError) else self.tr("Could not create it.")
        show_error(self.error, message)
        self.completeChanged.emit()


class RecoveryPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(
            self.tr(
                "If the keyring entry or your passphrase is ever lost, this key is the only way "
                "back into your ledger. It is shown only now."
            )
        )
        self.box = RecoveryKeyBox()
        self.saved = QCheckBox(self.tr("I have &saved my recovery key somewhere safe"))
        self.saved.toggled.connect(self.completeChanged)
        self.example = QCheckBox(
            self.tr("Start with an &example ledger to look around (about 25 organisations)")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Print it, or write it down, and keep it away from this computer. "
                    "Anyone with this key and the vault file can read your ledger."
                )
            )
        )
        layout.addStretch()
        layout.addWidget(self.example)
        layout.addWidget(self.saved)

    def initializePage(self) -> None:
        self.box.set_code(self._wizard.recovery_key)

    def isComplete(self) -> bool:
        return self.saved.isChecked()


class FirstRunWizard(QWizard):
    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.vault: Vault | None = None
        self.recovery_key = ""
        self.setWindowTitle(self.tr("Set up {app}").format(app=APP_NAME))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(640, 480)
        self.intro_page = IntroPage()
        self.key_page = KeyPage(self)
        self.recovery_page = RecoveryPage(self)
        for page in (self.intro_page, self.key_page, self.recovery_page):
            self.addPage(page)

    def reject(self) -> None:
        if self.key_page.creating:  # the vault is being made: wait for it, then decide
            return
        if self.vault is not None and not self.recovery_page.saved.isChecked():
            answer = QMessageBox.question(
                self,
                self.tr("Recovery key not saved"),
                self.tr(
                    "Your vault is created, but the recovery key will not be shown again. "
                    "Close without saving it?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
