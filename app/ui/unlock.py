"""The locked screen: passphrase, keyring or recovery key; and the screen for a vault that
cannot be opened at all (damaged, too new, in use)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import (
    HeaderDamagedError,
    KeyMissingError,
    QuidError,
    RecoveryKeyFormatError,
    VaultDamagedError,
    VaultInUseError,
    VaultTooNewError,
    WrongKeyError,
)
from app.paths import AppPaths
from app.storage.header import KeyMode
from app.storage.vault import (
    Vault,
    open_with_keyring,
    open_with_passphrase,
    open_with_recovery_key,
)
from app.ui.error_text import error_text
from app.ui.widgets import (
    error_label,
    heading_label,
    password_field,
    place_centred,
    plain_label,
    show_error,
)
from app.ui.workers import Task


class UnlockWay(Enum):
    KEYRING = "keyring"
    PASSPHRASE = "passphrase"  # noqa: S105 - a name, not a secret
    RECOVERY = "recovery"


class UnlockView(QWidget):
    """Emits `unlocked(vault)`; `failed(exc)` for errors that need the damaged screen."""

    unlocked = Signal(object)
    fatal = Signal(object)

    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self._mode: KeyMode = KeyMode.PASSPHRASE
        self._way = UnlockWay.PASSPHRASE
        self._busy = False
        self.title = heading_label(self.tr("Quid is locked"))
        self.explanation = plain_label()
        self.passphrase = password_field(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.recovery = QLineEdit()
        self.recovery.setAccessibleName(self.tr("Recovery key"))
        self.recovery.setPlaceholderText("XXXX-XXXX-XXXX-…")
        self.recovery.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.inputs = QStackedWidget()
        self.inputs.addWidget(self.passphrase)
        self.inputs.addWidget(self.recovery)
        self.inputs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self.tr("Use &recovery key instead"))
        self.switch_button.setFlat(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Unlocking"))
        self.progress.hide()
        self.error = error_label()

        card = QWidget()
        card.setMaximumWidth(520)
        form = QVBoxLayout(card)
        form.addWidget(self.title)
        form.addWidget(self.explanation)
        form.addWidget(self.inputs)
        form.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.switch_button)
        row.addStretch()
        row.addWidget(self.unlock_button)
        form.addLayout(row)
        form.addWidget(self.progress)
        place_centred(self, card)

        self.unlock_button.clicked.connect(self.unlock)
        self.passphrase.returnPressed.connect(self.unlock)
        self.recovery.returnPressed.connect(self.unlock)
        self.switch_button.clicked.connect(self._toggle_recovery)

    # --- which way -----------------------------------------------------------------------
    def prepare(self, mode: KeyMode | None, message: str = "") -> None:
        """Show the right fields for the vault's key mode (None: key file lost → recovery)."""
        self._mode = mode or KeyMode.KEYRING
        if mode is None:
            self.set_way(UnlockWay.RECOVERY)
        else:
            self.set_way(UnlockWay.KEYRING if mode is KeyMode.KEYRING else UnlockWay.PASSPHRASE)
        show_error(self.error, message)

    def set_way(self, way: UnlockWay) -> None:
        self._way = way
        self.passphrase.clear()
        self.recovery.clear()
        show_error(self.error, "")
        self.inputs.setVisible(way is not UnlockWay.KEYRING)
        if way is UnlockWay.PASSPHRASE:
            self.inputs.setCurrentWidget(self.passphrase)
            self.explanation.setText(self.tr("Enter your passphrase to open your ledger."))
            self.unlock_button.setText(self.tr("&Unlock"))
        elif way is UnlockWay.KEYRING:
            self.explanation.setText(
                self.tr("The key is kept in your system keyring. Press Unlock to open the ledger.")
            )
            self.unlock_button.setText(self.tr("&Unlock"))
        else:
            self.inputs.setCurrentWidget(self.recovery)
            self.explanation.setText(
                self.tr(
                    "Type the recovery key you saved when you set up Quid "
                    "(14 groups of four letters and digits)."
                )
            )
            self.unlock_button.setText(self.tr("&Open with recovery key"))
        self.switch_button.setText(
            self.tr("Use &recovery key instead")
            if way is not UnlockWay.RECOVERY
            else self.tr("&Back")
        )
        self.focus_input()

    def focus_input(self) -> None:
        if self._way is UnlockWay.PASSPHRASE:
            self.passphrase.setFocus()
        elif self._way is UnlockWay.RECOVERY:
            self.recovery.setFocus()
        else:
            self.unlock_button.setFocus()

    def _toggle_recovery(self) -> None:
        if self._way is UnlockWay.RECOVERY:
            way = UnlockWay.KEYRING if self._mode is KeyMode.KEYRING else UnlockWay.PASSPHRASE
            self.set_way(way)
        else:
            self.set_way(UnlockWay.RECOVERY)

    # --- unlocking -----------------------------------------------------------------------
    def unlock(self) -> None:
        if self._busy:
            return
        paths = self.paths
        job: Callable[[], Vault]
        if self._way is UnlockWay.PASSPHRASE:
            secret = self.passphrase.text()
            if not secret:
                show_error(self.error, self.tr("Enter your passphrase."))
                return
            job = lambda: open_with_passphrase(paths, secret)  # noqa: E731
        elif self._way is UnlockWay.RECOVERY:
            code = self.recovery.text()
            job = lambda: open_with_recovery_key(paths, code)  # noqa: E731
        else:
            job = lambda: open_with_keyring(paths)  # noqa: E731
        self._set_busy(True)
        Task.start(job, self._done, self._failed)

    def show_failure(self, exc: BaseException) -> None:
        self._failed(exc)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.unlock_button.setEnabled(not busy)
        self.switch_button.setEnabled(not busy)
        self.inputs.setEnabled(not busy)

    def _done(self, vault: Vault) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.recovery.clear()
        self.unlocked.emit(vault)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, HeaderDamagedError | KeyMissingError):
            self.set_way(UnlockWay.RECOVERY)
            show_error(self.error, error_text(exc))
        elif isinstance(exc, VaultDamagedError | VaultTooNewError | VaultInUseError):
            self.fatal.emit(exc)
        elif isinstance(exc, QuidError):
            show_error(self.error, error_text(exc))
            if isinstance(exc, WrongKeyError) and not isinstance(exc, RecoveryKeyFormatError):
                self.passphrase.selectAll()
            self.focus_input()
        else:
            raise exc


class ProblemView(QWidget):
    """The vault exists but cannot be opened. Nothing is changed or deleted here."""

    quit_requested = Signal()
    retry_requested = Signal()
    restore_requested = Signal()

    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.title = heading_label("")
        self.message = plain_label(selectable=True)
        self.location = plain_label(selectable=True)
        self.backups = plain_label(selectable=True)
        self.open_folder = QPushButton(self.tr("Show the &data folder"))
        self.retry = QPushButton(self.tr("&Try again"))
        self.restore = QPushButton(self.tr("&Restore a backup…"))
        self.quit = QPushButton(self.tr("&Quit"))
        card = QWidget()
        card.setMaximumWidth(620)
        layout = QVBoxLayout(card)
        for widget in (self.title, self.message, self.location, self.backups):
            layout.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.open_folder)
        row.addWidget(self.restore)
        row.addStretch()
        row.addWidget(self.retry)
        row.addWidget(self.quit)
        layout.addLayout(row)
        place_centred(self, card)
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.data_dir)))
        )
        self.quit.clicked.connect(self.quit_requested)
        self.retry.clicked.connect(self.retry_requested)
        self.restore.clicked.connect(self.restore_requested)

    def show_problem(self, title: str, exc: BaseException) -> None:
        self.restore.setVisible(isinstance(exc, VaultDamagedError))
        self.title.setText(title)
        self.message.setText(error_text(exc))
        self.location.setText(self.tr("Vault file: {path}").format(path=self.paths.vault_file))
        backups = (
            sorted(self.paths.backup_dir.glob("*.db")) if self.paths.backup_dir.exists() else []
        )
        if backups:
            self.backups.setText(
                self.tr(
                    "Backups Quid made before upgrades are in {folder} (newest: {name})."
                ).format(folder=self.paths.backup_dir, name=backups[-1].name)
            )
        else:
            self.backups.setText(self.tr("No automatic backups were found."))
        self.quit.setFocus()
