"""The UI in Dutch: the .ts is complete and in step with the code and the committed .qm, no
visible text escapes tr(), and with the Dutch translator the screens show no English left."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QWidget,
)

from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.storage.header import KeyMode
from app.storage.vault import create_vault
from app.ui.application import chosen_language
from app.ui.formatting import DUTCH, ENGLISH, LANGUAGE_KEY, format_date, format_money, term

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "i18n" / "quid_nl.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
UI_DIR = ROOT / "app" / "ui"
PLACEHOLDER = re.compile(r"\{[A-Za-z_]*(?:[!:][^}]*)?\}|%n|%\d")


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else (shutil.which(name) or name)


def _messages(path: Path) -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) for every message of a .ts file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append(
                (
                    name,
                    message.findtext("source") or "",
                    translation.text or "",
                    translation.get("type"),
                )
            )
    return found


# --- (a) the .ts and the .qm -------------------------------------------------------------------
def test_every_text_is_translated_with_its_placeholders_and_one_shortcut() -> None:
    messages = _messages(TS_FILE)
    assert len(messages) > 700
    problems = []
    for context, source, translation, kind in messages:
        where = f"{context or '(module)'}: {source[:60]!r}"
        if kind in ("unfinished", "obsolete", "vanished") or not translation.strip():
            problems.append(f"{where} is not translated")
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
            problems.append(f"{where}: placeholders differ in {translation!r}")
        shortcuts = len(re.findall(r"&[^&\s]", source.replace("&&", "")))
        if shortcuts != len(re.findall(r"&[^&\s]", translation.replace("&&", ""))):
            problems.append(f"{where}: the & shortcut is missing in {translation!r}")
    assert not problems, "\n".join(problems)


def test_the_ts_holds_every_text_of_the_code(tmp_path: Path) -> None:
    """lupdate over app/ finds nothing new: no tr() text, and no error message the core marks
    with QT_TR_NOOP, was added without its translation."""
    copy = tmp_path / TS_FILE.name
    shutil.copy(TS_FILE, copy)
    sources = sorted(str(p) for p in UI_DIR.parent.glob("*/*.py")) + sorted(
        str(p) for p in UI_DIR.parent.glob("*.py")
    )
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources,
         "-source-language", "en", "-ts", str(copy)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    new = [(c, s) for c, s, _t, kind in _messages(copy) if kind == "unfinished"]
    assert not new, f"untranslated texts; run `make translations-update` and translate: {new}"
    assert len(_messages(copy)) == len(_messages(TS_FILE)), "texts gone from the code"


def test_the_committed_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    built = tmp_path / "quid_nl.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(TS_FILE), "-qm", str(built)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert built.read_bytes() == QM_FILE.read_bytes(), "run `make translations`"


# --- (b) no visible literal outside tr() ------------------------------------------------------
#: Calls whose string arguments the person sees.
TEXT_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "setWhatsThis", "setTitle", "setLabelText", "setAccessibleName", "setAccessibleDescription",
    "setSpecialValueText", "setSuffix", "setPrefix", "addItem", "addItems", "insertItem",
    "setItemText", "setHeaderLabels", "setHorizontalHeaderLabels", "addTab", "setTabText",
    "addAction", "addMenu", "addRow", "addButton", "setButtonText", "setInformativeText",
    "setDetailedText", "setCancelButtonText", "setSubTitle", "showMessage", "QLabel",
    "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox", "QMenu", "QToolButton",
    "QProgressDialog", "QListWidgetItem", "QTableWidgetItem", "QStandardItem", "information",
    "warning", "question", "critical", "about", "getOpenFileName", "getSaveFileName",
    "getExistingDirectory", "getText", "getItem", "tell", "plain_label", "heading_label",
    "show_error", "line_edit",
}  # fmt: skip
TRANSLATING = {"tr", "translate", "term", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}
#: Literals that are the same in every language (or not words at all), with why.
ALLOWED = {
    "XXXX-XXXX-XXXX-…",  # the shape of a recovery key
    "letter.pdf", "letter.eml", "evidence.pdf", "quid-due-dates.ics",  # default file names
    " (Art. ",  # "Art." cites a GDPR article in both languages
    "https://",  # the start of a web address, as a placeholder
}  # fmt: skip
#: Receivers whose `warning(...)` etc. is logging, not a message box.
LOGGERS = {"log", "logger", "logging"}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _untranslated(node: ast.expr) -> list[str]:
    """English literals in an argument that no tr() wraps."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        words = re.search(r"[A-Za-z]{2}", node.value) and node.value not in ALLOWED
        return [node.value] if words else []
    if isinstance(node, ast.JoinedStr):
        return [t for v in node.values if isinstance(v, ast.Constant) for t in _untranslated(v)]
    if isinstance(node, ast.BinOp):
        return _untranslated(node.left) + _untranslated(node.right)
    if isinstance(node, ast.IfExp):
        return _untranslated(node.body) + _untranslated(node.orelse)
    is_format = isinstance(node, ast.Call) and _name(node.func) == "format"
    if is_format and isinstance(node.func, ast.Attribute):  # "….".format(): the literal before
        return _untranslated(node.func.value)
    return []


def untranslated_literals(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or _name(node.func) not in TEXT_CALLS:
                continue
            receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
            if isinstance(receiver, ast.Name) and receiver.id in LOGGERS:
                continue
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                found += [f"{path.name}:{node.lineno}: {text!r}" for text in _untranslated(arg)]
    return found


def test_no_visible_literal_escapes_translation() -> None:
    assert untranslated_literals(UI_DIR) == []


def test_the_scan_finds_a_literal_outside_tr(tmp_path: Path) -> None:
    (tmp_path / "sample.py").write_text(
        "label.setText('Hello there')\n"
        "box.setWindowTitle(self.tr('Fine'))\n"
        "tell(self, f'Saved {name}', self.tr('ok'))\n"
        "log.warning('not shown: %s', x)\n"
        "button = QPushButton('Go &on'.format())\n",
        encoding="utf-8",
    )
    assert untranslated_literals(tmp_path) == [
        "sample.py:1: 'Hello there'",
        "sample.py:3: 'Saved '",
        "sample.py:5: 'Go &on'",
    ]


# --- (c) the screens in Dutch ------------------------------------------------------------------


def _english_only() -> set[str]:
    """The English texts whose Dutch differs (with and without their & shortcut)."""
    texts = set()
    for _c, source, translation, _k in _messages(TS_FILE):
        if translation != source:
            texts |= {source, source.replace("&", "")}
    return texts


def _visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QMenu):
            texts.append(widget.title())
            texts += [action.text() for action in widget.actions()]
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            texts += [str(model.headerData(c, widget.horizontalHeader().orientation()))
                      for c in range(model.columnCount())]  # fmt: skip
    return [t for t in texts if t]


def _english_left(root: QWidget) -> list[str]:
    english = _english_only()
    return sorted(
        {t for t in _visible_texts(root) if t in english or t.replace("&", "") in english}
    )


def test_unlock_screen_is_dutch(dutch, qtbot, controller, passphrase_vault) -> None:  # type: ignore[no-untyped-def]
    controller.start()
    window = controller.window
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:3] == ["&Bestand", "Be&werken", "Beel&d"]
    assert "Quid is vergrendeld" in _visible_texts(window)
    assert _english_left(window) == []


def test_main_screens_are_dutch_with_local_dates_and_money(  # type: ignore[no-untyped-def]
    dutch, qtbot, controller, paths, memory_keyring
) -> None:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        load_example_ledger(Ledger(vault.conn))
    controller.start()
    window = controller.window
    assert controller.session.is_unlocked
    shell = window.shell
    shell.refresh_assessments()
    for page in range(3):
        shell.show_page(page)
        qtbot.wait(50)
        assert _english_left(window) == [], f"page {page}"
    view = shell.organisations
    view.table.selectRow(0)
    qtbot.wait(50)
    assert _english_left(window) == []
    model = view.model
    shown = [str(model.data(model.index(r, c))) for r in range(model.rowCount())
             for c in range(model.columnCount())]  # fmt: skip
    assert any(re.fullmatch(r"€\s?\d+,\d\d", text) for text in shown), "money as € 4,99"
    assert {"eerlijk", "twijfelachtig", "uit balans", "afgedwongen"} & set(shown)


# --- locale formatting and the language choice --------------------------------------------------
def test_dates_and_money_follow_the_locale(qapp) -> None:  # type: ignore[no-untyped-def]
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
        assert format_date(date(2026, 3, 9)) == "09-03-2026"
        assert format_date("2026-03-09") == "09-03-2026"
        assert format_money(123456).replace("\xa0", " ") == "€ 1.234,56"
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        assert format_date(date(2026, 3, 9)) == "09/03/2026"
        assert format_money(499) == "€4.99"
        assert format_date(None) == "—" and format_money(None) == "—"
        QLocale.setDefault(QLocale.c())  # LANG=C: Quid's own formats, not Qt's "C" ones
        assert format_date(date(2026, 3, 9)) == "2026-03-09"
        assert format_money(499) == "€ 4.99"
        assert format_date("not a date") == "not a date"
    finally:
        QLocale.setDefault(before)


def test_the_setting_overrides_the_system_language(qapp) -> None:  # type: ignore[no-untyped-def]
    assert chosen_language(DUTCH) == DUTCH
    assert chosen_language(ENGLISH) == ENGLISH
    assert chosen_language("") in (DUTCH, ENGLISH)  # the system's, English when it has neither
    assert term("coerced") == "coerced", "without a translator the source text shows"


def test_preferences_store_the_language_outside_the_ledger(  # type: ignore[no-untyped-def]
    qtbot, controller, paths, keyring_vault
) -> None:
    from app.ui.dialogs import PreferencesDialog

    controller.start()
    vault = controller.session.vault
    dialog = PreferencesDialog(10, controller.window, paths=paths)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == ""  # Automatic
    dialog.language.setCurrentIndex(dialog.language.findData(DUTCH))
    dialog.save(vault.conn)
    stored = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
    assert stored.value(LANGUAGE_KEY) == DUTCH
    again = PreferencesDialog(10, controller.window, paths=paths)
    qtbot.addWidget(again)
    assert again.language.currentData() == DUTCH
