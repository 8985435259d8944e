from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from app.paths import AppPaths
from app.storage.header import KeyMode
from app.storage.vault import create_vault
from app.ui.application import Controller, QuidApplication, install_translators
from app.ui.formatting import DUTCH, ENGLISH, LANGUAGE_KEY
from app.ui.session import close_dialogs
from app.ui.workers import Task

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="session")
def qapp_cls() -> type[QuidApplication]:
    return QuidApplication


@pytest.fixture
def controller(qtbot, paths: AppPaths) -> Iterator[Controller]:  # type: ignore[no-untyped-def]
    paths.ensure()
    ctl = Controller(paths)
    qtbot.addWidget(ctl.window)
    yield ctl
    wizard = ctl.wizard
    if wizard is not None and wizard.vault is not None:
        wizard.vault.close()
        wizard.vault = None  # skips the "recovery key not saved" question
    # background work (an import, a scheduled backup) ends before the next test starts
    qtbot.waitUntil(lambda: not ctl.session.busy and not Task._running, timeout=15000)
    close_dialogs()
    if ctl.session.is_unlocked:
        ctl.session.lock()
    ctl.session.idle_timer.stop()
    QApplication.instance().removeEventFilter(ctl.session)


@pytest.fixture
def keyring_vault(paths: AppPaths) -> str:
    """A keyring-mode vault; returns its recovery key."""
    vault, recovery = create_vault(paths, KeyMode.KEYRING)
    vault.close()
    return recovery


@pytest.fixture
def passphrase_vault(paths: AppPaths) -> str:
    vault, recovery = create_vault(paths, KeyMode.PASSPHRASE, PASSPHRASE)
    vault.close()
    return recovery


def use_language(qapp, paths: AppPaths, language: str) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The translators installed the way start-up does it, from the language setting, and
    removed again afterwards. Texts are set when widgets are built: use it before `controller`."""
    paths.ensure()
    QSettings(str(paths.settings_file), QSettings.Format.IniFormat).setValue(LANGUAGE_KEY, language)
    before = QLocale()
    assert install_translators(qapp, paths.settings_file) == language
    yield
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(before)


@pytest.fixture
def dutch(qapp, paths: AppPaths) -> Iterator[None]:  # type: ignore[no-untyped-def]
    yield from use_language(qapp, paths, DUTCH)


@pytest.fixture
def english(qapp, paths: AppPaths) -> Iterator[None]:  # type: ignore[no-untyped-def]
    yield from use_language(qapp, paths, ENGLISH)
