"""`python -m docs.make_screenshots [OUTDIR]`: the README's screenshots, into docs/screenshots/.

Offscreen, from the example ledger in a throw-away vault, on a fixed day (SHOT_DAY) so due dates,
"days left" and the letters' dates come out the same each time. What can still vary between
machines: the fonts installed (Qt's offscreen platform uses the system's) and Qt's style. The
window is 1280×800 and every PNG stays well under 250 KB. Needs `pdftoppm` (poppler-utils) for
the report's first page; without it that one picture is left out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # also when run as `python docs/make_screenshots.py`
    sys.path.insert(0, str(ROOT))

from tests.screenshots_import import bitwarden_export, wait_until  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SHOT_DAY = date(2026, 11, 30)
WINDOW = (1280, 800)
REPORT_DPI = 90  # an A4 page of 744×1052 pixels
CHOSEN = "FitTrack (fictional)"  # coerced: required health data it does not need
# (organisation, request, sent this many days before SHOT_DAY): the first one is overdue
REQUESTS = (("Facebook", "erasure", 70), (CHOSEN, "access", 12), ("Netflix", "access", 40))
# the modules that ask for today's date while these screens are built
DATED_MODULES = (
    "app.domain.ledger", "app.domain.scoring", "app.domain.valuation",
    "app.services.assessment", "app.services.requests", "app.services.report_data",
    "app.render.letter_files", "app.ui.requests_view",
)  # fmt: skip


class ShotDay(date):
    @classmethod
    def today(cls) -> ShotDay:
        return cls(SHOT_DAY.year, SHOT_DAY.month, SHOT_DAY.day)


def fix_the_day() -> None:
    import importlib

    for name in DATED_MODULES:
        module = importlib.import_module(name)
        assert module.date is date, f"{name} no longer imports date from datetime"
        module.date = ShotDay


def example_vault(folder: Path, report: Path | None = None) -> Any:
    """A keyring vault in `folder` with the example ledger and a few requests; its paths.
    With `report`, the privacy-footprint report PDF of it is written there."""
    from app.paths import AppPaths
    from app.render.letter_files import prepare
    from app.services.example_ledger import load_example_ledger
    from app.services.ledger import Ledger
    from app.services.requests import RequestService
    from app.storage.header import KeyMode
    from app.storage.vault import create_vault

    paths = AppPaths.resolve(str(folder))
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        ledger = Ledger(vault.conn)
        load_example_ledger(ledger)
        for org, kind, days_ago in REQUESTS:  # each letter written and sent on its day
            sent = SHOT_DAY - timedelta(days=days_ago)
            org_id = ledger.resolve(org)
            _context, letter = prepare(ledger, org_id, kind, "en", today=sent)
            requests = RequestService(vault.conn, today=sent)
            request = requests.create_draft(org_id, kind, "en", letter.subject, letter.body)
            requests.mark_sent(request, sent)
        if report is not None:
            from app.render.report_pdf import write_report_pdf

            write_report_pdf(vault.conn, report)
    return paths


def report_first_page(pdf: Path, out: Path) -> Path | None:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils): no report picture")
        return None
    target = out / "report.png"
    subprocess.run(["pdftoppm", "-r", str(REPORT_DPI), "-f", "1", "-l", "1", "-singlefile",
                    "-png", str(pdf), str(target.with_suffix(""))], check=True)  # fmt: skip
    return target


def use_language(app: Any, paths: Any, language: str) -> None:
    """As the Preferences setting does it, before any widget is built; the locale is pinned
    too, so dates and money do not follow this machine's region."""
    from PySide6.QtCore import QLocale, QSettings

    from app.ui.application import install_translators
    from app.ui.formatting import LANGUAGE_KEY

    paths.ensure()
    settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()
    install_translators(app, paths.settings_file)
    QLocale.setDefault(QLocale({"en": "en_GB", "nl": "nl_NL"}[language]))


def start_window(paths: Any) -> Any:
    from app.ui.application import Controller

    controller = Controller(paths)
    controller.start()
    controller.window.resize(*WINDOW)
    controller.window.shell.refresh_assessments()  # the app does this just after the first paint
    return controller


def show_organisation(window: Any, name: str) -> int:
    shell = window.shell
    shell.show_page(1)
    view = shell.organisations
    org_id = view.ledger.resolve(name)
    view.table.selectRow(view.model.row_of(org_id) or 0)
    return int(org_id)


class Shots:
    """Saves widgets as PNGs into `out` and remembers what it made."""

    def __init__(self, app: Any, out: Path) -> None:
        self.app, self.out = app, out
        self.made: list[Path] = []

    def save(self, widget: Any, name: str) -> None:
        from PySide6.QtTest import QTest

        QTest.qWait(300)  # let layouts settle (the dashboard builds its rows lazily)
        target = self.out / f"{name}.png"
        if not widget.grab().save(str(target)):
            raise SystemExit(f"could not write {target}")
        self.made.append(target)

    def visible(self, cls: type) -> Callable[[], Any]:
        def find() -> Any:
            found = [w for w in self.app.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
            return found[0] if found else None

        return find


def english_screens(shots: Shots, folder: Path) -> None:
    from app.services.requests import RequestService
    from app.ui.import_preview import ImportPreviewDialog
    from app.ui.letter_dialog import LetterDialog
    from app.ui.password_import import PasswordImport, start_password_import

    pdf = folder.parent / "report.pdf"
    paths = example_vault(folder, pdf)
    page = report_first_page(pdf, shots.out)
    shots.made += [page] if page else []
    use_language(shots.app, paths, "en")
    controller = start_window(paths)
    window, shell = controller.window, controller.window.shell
    shots.save(window, "overview")
    chosen = show_organisation(window, CHOSEN)
    shots.save(window, "organisations")
    shell.show_page(2)
    overdue = RequestService(shell.organisations.ledger.conn).requests(overdue=True)
    shell.requests.select(overdue[0].id)
    shots.save(window, "requests")

    letter = LetterDialog(shell.organisations.ledger, chosen, letter_type="withdraw-consent",
                          parent=window)  # fmt: skip
    letter.show()
    shots.save(letter, "letter")
    letter.close()

    shell.show_page(1)
    export = bitwarden_export(folder.parent / "bitwarden_export_20261130.csv")
    start_password_import(window, controller.session, shell.ledger_actions,
                          lambda _result: None, export)  # fmt: skip
    wait_until(shots.visible(ImportPreviewDialog))
    preview = shots.visible(ImportPreviewDialog)()
    for row in range(preview.model.rowCount()):
        if preview.model.org_at(row).name.startswith(("Google", "Instagram")):
            preview.tree.expand(preview.model.index(row, 0))
    shots.save(preview, "import-preview")
    preview.reject()
    wait_until(lambda: not PasswordImport.running)
    controller.session.lock()
    window.hide()


def dutch_screen(shots: Shots, folder: Path) -> None:
    """Translators apply to widgets built after them, so this is a second window."""
    paths = example_vault(folder)
    use_language(shots.app, paths, "nl")
    controller = start_window(paths)
    show_organisation(controller.window, CHOSEN)
    shots.save(controller.window, "organisations-nl")
    controller.session.lock()


def main(out: Path = OUT) -> int:
    import keyring
    from PySide6.QtWidgets import QApplication

    from app.ui.application import QuidApplication
    from tests.support.keyrings import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    fix_the_day()
    out.mkdir(parents=True, exist_ok=True)
    shots = Shots(QuidApplication([]), out)
    # The Overview names the vault's folder: a fixed one keeps the picture the same each time.
    work = Path(tempfile.gettempdir()) / "quid-screenshots"
    shutil.rmtree(work, ignore_errors=True)
    try:
        english_screens(shots, work / "Quid")
        dutch_screen(shots, work / "Quid-nl")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for path in shots.made:
        print(f"{path}  {path.stat().st_size // 1024} KB")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
