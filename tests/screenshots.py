"""`python -m tests.screenshots OUTDIR [--lang nl]`: screenshots of the main screens, offscreen,
from the example ledger in a throw-away vault (for looking at changes and for the README)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out: Path, lang: str = "") -> int:
    import keyring
    from PySide6.QtWidgets import QApplication

    from app.paths import AppPaths
    from app.services.directory import load_directory
    from app.services.example_ledger import load_example_ledger
    from app.services.ledger import Ledger
    from app.storage.header import KeyMode
    from app.storage.vault import create_vault
    from app.ui.application import Controller, QuidApplication
    from tests.support.keyrings import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    out.mkdir(parents=True, exist_ok=True)
    app = QuidApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths.resolve(tmp)
        vault, _ = create_vault(paths, KeyMode.KEYRING)
        with vault:
            load_example_ledger(Ledger(vault.conn))
        if lang:  # as the Preferences setting does it, before any widget is built
            from PySide6.QtCore import QSettings

            from app.ui.application import install_translators
            from app.ui.formatting import LANGUAGE_KEY

            paths.ensure()
            QSettings(str(paths.settings_file), QSettings.Format.IniFormat).setValue(
                LANGUAGE_KEY, lang
            )
            install_translators(app, paths.settings_file)
        controller = Controller(paths)
        controller.start()
        window = controller.window
        window.resize(1280, 800)
        app.processEvents()

        def shot(widget: object, name: str) -> None:
            from PySide6.QtTest import QTest

            QTest.qWait(300)  # let layouts settle (the dashboard builds its rows lazily)
            widget.grab().save(str(out / f"{name}.png"))  # type: ignore[attr-defined]

        window.shell.refresh_assessments()  # the app does this just after the first paint
        shot(window, "overview")
        shell = window.shell
        shell.show_page(1)
        view = shell.organisations
        view.table.selectRow(view.model.row_of(view.ledger.resolve("FitTrack (fictional)")) or 0)
        shot(window, "organisations")
        shell.show_page(2)
        shot(window, "requests")
        shell.show_page(1)

        from app.ui.organisation_dialogs import AddOrganisationDialog
        from app.ui.record_dialogs import DisclosureDialog

        add = AddOrganisationDialog(view.ledger, load_directory(), window)
        add.show()
        add.search.setText("albert")
        add.refresh()
        shot(add, "add_organisation")
        add.close()
        org_id = view.current_id()
        row = view.ledger.records("disclosures", org_id)[0]
        from app.services.ledger_inputs import record_input

        dialog = DisclosureDialog(view.ledger.taxonomy, record_input("disclosures", row), window)
        dialog.show()
        shot(dialog, "disclosure")
        dialog.close()
        from app.storage import settings
        from app.ui.dialogs import PreferencesDialog

        prefs = PreferencesDialog(
            settings.idle_lock_minutes(view.ledger.conn), window, paths=paths,
            schedule=None,
        )  # fmt: skip
        prefs.show()
        shot(prefs, "preferences")
        prefs.close()
        file_menu = window.menuBar().actions()[0].menu()
        file_menu.popup(window.mapToGlobal(window.rect().topLeft()))
        export_menu = next(
            a.menu() for a in file_menu.actions() if a.menu() and "Export" in a.text()
        )
        export_menu.popup(file_menu.geometry().topRight())
        shot(file_menu, "file_menu")
        shot(export_menu, "export_menu")
        export_menu.close()
        file_menu.close()
        controller.session.lock()
        shot(window, "locked")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tests.screenshots")
    parser.add_argument("out", nargs="?", default="screenshots", type=Path)
    parser.add_argument("--lang", choices=("en", "nl"), default="", help="the UI language")
    options = parser.parse_args()
    sys.exit(main(options.out, options.lang))
