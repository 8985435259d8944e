"""Start the GUI: the application object, logging, crash handling, first run or unlock."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app import APP_ID, APP_NAME, ORG_NAME, __version__
from app.crash_report import build_report
from app.errors import QuidError
from app.logs import setup_logging
from app.paths import AppPaths
from app.resources import resource_path
from app.storage.lock import VaultLock
from app.storage.vault import vault_exists
from app.ui.formatting import DUTCH, ENGLISH, LANGUAGE_KEY
from app.ui.icons import app_icon
from app.ui.main_window import MainWindow
from app.ui.session import VaultSession

if TYPE_CHECKING:
    from app.ui.wizard import FirstRunWizard

log = logging.getLogger(__name__)

#: Test-only: quit this many milliseconds after start, so that a test can watch a whole short
#: session (first paint, assessment, scheduled backup) end cleanly.
QUIT_AFTER_MS = "QUID_QUIT_AFTER_MS"


class QuidApplication(QApplication):
    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.setApplicationName(APP_NAME)
        self.setOrganizationName(ORG_NAME)
        self.setApplicationVersion(__version__)
        self.setDesktopFileName(APP_ID)
        self.setWindowIcon(app_icon())  # ~1 ms: the PNGs are read when a size is first shown
        QGuiApplication.setQuitOnLastWindowClosed(True)


class Controller:
    """Decides what the person sees first, and owns the long-lived GUI objects."""

    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths
        self.ui_settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
        self.session = VaultSession(paths)
        self.window = MainWindow(self.session, self.ui_settings)
        self.wizard: FirstRunWizard | None = None  # only on the first run

    def start(self) -> None:
        if vault_exists(self.paths) or self.paths.key_header_file.exists():
            self.window.start()  # a key file without its vault is a problem, not a first run
            self.window.show()
            return
        from app.ui.wizard import FirstRunWizard

        self.wizard = FirstRunWizard(self.paths)
        self.wizard.finished.connect(self._wizard_finished)
        self.wizard.show()

    def _wizard_finished(self, _result: int) -> None:
        wizard, self.wizard = self.wizard, None
        if wizard is None or wizard.vault is None:  # cancelled before a vault was made
            QApplication.quit()
            return
        if wizard.recovery_page.example.isChecked():
            from app.services.example_marks import load_marked_example
            from app.services.ledger import Ledger

            load_marked_example(Ledger(wizard.vault.conn))  # marked: removable from the Overview
        self.session.attach(wizard.vault)
        self.window.show()
        wizard.deleteLater()


def chosen_language(setting: str) -> str:
    """The UI language: the setting, or else the first of the system's UI languages Quid has."""
    if setting in (ENGLISH, DUTCH):
        return setting
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in (ENGLISH, DUTCH):
            return code
    return ENGLISH


def install_translators(app: QApplication, settings_file: Path) -> str:
    """Translate the UI (and Qt's own standard dialogs) into the chosen language; returns it.
    Before any widget exists: texts are set once, so a change applies after a restart."""
    setting = QSettings(str(settings_file), QSettings.Format.IniFormat).value(LANGUAGE_KEY, "")
    language = chosen_language(str(setting or ""))
    system = QLocale.system()
    if system.language() != QLocale(language).language():
        # dates and money follow the chosen language, in the person's own country where Qt can
        QLocale.setDefault(QLocale(QLocale(language).language(), system.territory()))
    if language == ENGLISH:
        return language  # the source texts are English
    from PySide6.QtCore import QLibraryInfo, QTranslator  # only for a translated UI

    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"quid_{language}", str(resource_path("i18n"))),
                         (f"qtbase_{language}", qt_folder)):  # fmt: skip
        translator = QTranslator(app)  # the application keeps it alive
        if translator.load(name, folder):
            app.installTranslator(translator)
        else:
            log.warning("no translation %s in %s", name, folder)
    return language


def install_excepthook() -> None:
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        from PySide6.QtCore import qVersion

        report = build_report(exc_type, exc, tb, qVersion())
        log.error("unexpected error\n%s", report)
        if QApplication.instance() is not None:
            from app.ui.dialogs import ExceptionDialog

            ExceptionDialog(report).exec()

    sys.excepthook = hook


def run_gui(data_dir: str | None = None) -> int:
    from app.ui.platform_check import problems

    found = problems()
    if found:
        for message in found:
            print(f"quid: {message}", file=sys.stderr)
        return 2
    paths = AppPaths.resolve(data_dir)
    paths.ensure()
    setup_logging(paths)
    app = QuidApplication(sys.argv[:1])
    install_translators(app, paths.settings_file)
    install_excepthook()
    if not _vault_free(paths):
        return 1
    controller = Controller(paths)
    controller.start()
    quit_after = os.environ.get(QUIT_AFTER_MS, "")
    if quit_after.isdigit():
        QTimer.singleShot(int(quit_after), app.quit)
    code = app.exec()
    controller.window.closing = True
    if controller.session.is_unlocked:
        controller.session.lock()
    return code


def _vault_free(paths: AppPaths) -> bool:
    """Tell the person at once when another Quid has this vault open."""
    probe = VaultLock(paths.lock_file)
    try:
        probe.acquire()
    except QuidError as exc:
        from app.ui.error_text import error_text
        from app.ui.widgets import tell

        tell(None, APP_NAME, error_text(exc))
        return False
    probe.release()
    return True
