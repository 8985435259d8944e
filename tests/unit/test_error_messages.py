"""The core's error messages can be shown in Dutch: each is a template marked with QT_TR_NOOP
(an f-string or a `+` would stay English; lupdate extracts the marked ones, and
tests/ui/test_translations.py checks the .ts has them), every marked template has a Dutch
translation with the same placeholders, every field name a ValidationError names is listed for
translation, and the English text is what it always was."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

import app
from app.domain.ledger import ValidationError, clean_email, clean_text
from app.domain.money import MoneyError, parse_cents
from app.errors import QT_TR_NOOP, QuidError, Text, one_line
from app.services.import_json_fields import ImportFileError, fail
from app.services.password_formats import line_error
from app.ui.error_text import FIELD_NAMES

ROOT = Path(__file__).resolve().parents[2]
CORE = ("domain", "storage", "services", "render")
TS_FILE = ROOT / "resources" / "i18n" / "quid_nl.ts"
#: Markers whose literals lupdate extracts (their text is translated, not English left over).
MARKERS = {"QT_TR_NOOP", "QT_TRANSLATE_NOOP", "word"}
#: Functions whose first argument is a field name (a ValidationError's `field`).
FIELD_TAKERS = {"ValidationError", "clean_text", "clean_email", "clean_date", "clean_choice"}
#: A comment on the call's lines that says why its text may stay English.
ENGLISH_ON_PURPOSE = "# English:"


def core_files() -> list[Path]:
    return sorted(p for part in CORE for p in (ROOT / "app" / part).rglob("*.py"))


def error_classes() -> set[str]:
    """The names of every QuidError subclass in the core, and MoneyError (a ValueError the GUI
    shows next to an amount)."""
    for part in CORE:
        package = importlib.import_module(f"app.{part}")
        for info in pkgutil.walk_packages(package.__path__, f"app.{part}."):
            importlib.import_module(info.name)

    def below(cls: type) -> Iterator[type]:
        for sub in cls.__subclasses__():
            yield sub
            yield from below(sub)

    return {c.__name__ for c in below(QuidError) if c.__module__.startswith(app.__name__)} | {
        "QuidError",
        "MoneyError",
    }


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def english_literals(node: ast.AST, fields: set[str]) -> list[str]:
    """English words in `node` that no marker wraps: string pieces with two words in a row,
    unless the piece is a field name. Paths such as `requests[3].parent_id` are not words."""
    if isinstance(node, ast.Call) and _name(node.func) in MARKERS:
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
        return [text] if re.search(r"[A-Za-z]+ +[A-Za-z]", text) and text not in fields else []
    children = ast.iter_child_nodes(node)
    return [text for child in children for text in english_literals(child, fields)]


class Scan:
    """The calls that make an error (a constructor of `errors`, or a helper: a module-level
    function of the core that passes one of its parameters into such a call) and the English
    left in their arguments, also in the text a variable or constant passed there holds."""

    def __init__(self, files: list[Path], errors: set[str], fields: set[str]) -> None:
        self.fields = fields
        self.trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in files}
        self.sources = {path: path.read_text(encoding="utf-8").splitlines() for path in files}
        functions = [f for tree in self.trees.values() for f in tree.body]
        self.makers = set(errors)
        self.makers |= {
            f.name
            for f in functions
            if isinstance(f, ast.FunctionDef) and self._passes_parameter(f)
        }

    def _passes_parameter(self, func: ast.FunctionDef) -> bool:
        params = {a.arg for a in [*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs]}
        for call in ast.walk(func):
            if isinstance(call, ast.Call) and _name(call.func) in self.makers:
                values = [*call.args, *(k.value for k in call.keywords)]
                if any(isinstance(n, ast.Name) and n.id in params
                       for v in values for n in ast.walk(v)):  # fmt: skip
                    return True
        return False

    def problems(self) -> list[str]:
        found = []
        for path, tree in self.trees.items():
            constants = _assignments(tree.body)
            functions = [f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)]
            for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
                if _name(call.func) not in self.makers or self._on_purpose(path, call):
                    continue
                inside = [f for f in functions if f.lineno <= call.lineno <= (f.end_lineno or 0)]
                local = _assignments(list(ast.walk(inside[-1]))) if inside else {}
                for arg in [*call.args, *(k.value for k in call.keywords)]:
                    values = [arg]
                    if isinstance(arg, ast.Name):  # a message kept in a variable or a constant
                        values += local.get(arg.id, constants.get(arg.id, []))
                    found += [f"{_shown(path)}:{call.lineno}: {text!r}"
                              for value in values
                              for text in english_literals(value, self.fields)]  # fmt: skip
        return found

    def _on_purpose(self, path: Path, call: ast.Call) -> bool:
        lines = self.sources[path][call.lineno - 1 : (call.end_lineno or call.lineno)]
        return any(ENGLISH_ON_PURPOSE in line for line in lines)


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


#: Expressions that build text (a variable assigned one of these holds a message).
TEXT_BUILDING = (ast.Constant, ast.JoinedStr, ast.BinOp, ast.IfExp)


def _assignments(nodes: list[ast.AST] | list[ast.stmt]) -> dict[str, list[ast.expr]]:
    found: dict[str, list[ast.expr]] = {}
    for node in nodes:
        if isinstance(node, ast.Assign) and isinstance(node.value, TEXT_BUILDING):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).append(node.value)
    return found


def marked_texts(files: list[Path]) -> list[str]:
    return [
        node.args[0].value
        for path in files
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and _name(node.func) == "QT_TR_NOOP"
        and node.args and isinstance(node.args[0], ast.Constant)
    ]  # fmt: skip


def field_names(files: list[Path]) -> dict[str, str]:
    """Literal field names passed to ValidationError and the clean_* checks → where."""
    found = {}
    for path in files:
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call) or _name(node.func) not in FIELD_TAKERS:
                continue
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and ENGLISH_ON_PURPOSE not in lines[node.lineno - 1]:
                found[first.value] = f"{_shown(path)}:{node.lineno}"
    return found


# --- the raise sites ------------------------------------------------------------------------
def test_every_error_message_of_the_core_is_a_marked_template() -> None:
    problems = Scan(core_files(), error_classes(), set(FIELD_NAMES)).problems()
    assert problems == [], "mark these with QT_TR_NOOP (placeholders and .format()/keywords)"


def test_the_scan_finds_english_left_in_an_error(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'DAMAGED = "The file is damaged."\n'
        "def check(path, count):\n"
        '    raise QuidError(f"There is no file {path}.")\n'
        "def also(path):\n"
        '    raise QuidError(QT_TR_NOOP("Fine {path}."), path=path)\n'
        "def more(count):\n"
        '    raise QuidError("Too many: " + str(count))\n'
        "def helper(line, what):\n"
        '    return ExportFileError(QT_TR_NOOP("Line {n}: {what}."), n=line, what=what)\n'
        "def caller():\n"
        '    raise helper(3, "the row is bad")\n'
        "def constant():\n"
        "    raise QuidError(DAMAGED)\n"
        "def field():\n"
        '    raise ValidationError("legal basis", QT_TR_NOOP("is wrong."))\n'
        "def cli():\n"
        '    raise QuidError(f"--out {x} is a folder")  # English: CLI only\n',
        encoding="utf-8",
    )
    problems = Scan([sample], {"QuidError", "ExportFileError", "ValidationError"},
                    {"legal basis"}).problems()  # fmt: skip
    assert [p.split(": ", 1)[1] for p in problems] == [
        "'There is no file '",
        "'Too many: '",
        "'the row is bad'",
        "'The file is damaged.'",
    ]


# --- translations --------------------------------------------------------------------------
def test_every_field_name_is_listed_for_translation() -> None:
    used = field_names([*core_files(), *(ROOT / "app" / "ui").glob("*.py")])
    missing = {name: where for name, where in used.items() if name not in FIELD_NAMES}
    assert missing == {}, "add to FIELD_NAMES in app/ui/error_text.py"
    assert sorted(set(FIELD_NAMES) - set(used)) == [], "no longer used: remove"


def _placeholders(text: str) -> list[tuple[str, str, str]]:
    return sorted(
        (name, spec or "", conversion or "")
        for _literal, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    )


def test_the_dutch_keeps_every_placeholder_with_its_format() -> None:
    """test_translations checks {name}; here also {count:,} and {value!r}, which it skips."""
    root = ET.parse(TS_FILE).getroot()
    dutch = {
        message.findtext("source"): message.find("translation")
        for context in root.iter("context")
        if (context.findtext("name") or "") == ""
        for message in context.iter("message")
    }
    problems = []
    for source in sorted(set(marked_texts(core_files()))):
        translation = dutch.get(source)
        if translation is None or translation.get("type") or not translation.text:
            problems.append(f"not translated: {source!r}")
        elif _placeholders(source) != _placeholders(translation.text):
            problems.append(f"placeholders differ: {source!r} → {translation.text!r}")
    assert problems == []


# --- the English stays as it was ------------------------------------------------------------
@pytest.mark.parametrize(
    ("make", "english"),
    [
        (lambda: clean_text("notes", "x" * 5001, 5000),
         "notes: is too long (5,001 characters; at most 5,000)."),
        (lambda: clean_email("email", "jan@"), "email: 'jan@' is not an email address."),
        (lambda: parse_cents("12,5,0"), "'12,5,0' is not an amount in euros, e.g. 4.99 or 4,99."),
        (lambda: fail("organisations[2].name", QT_TR_NOOP("must be text.")),
         "organisations[2].name: must be text. Nothing was changed."),
        (lambda: fail("organisations[0].notes\x1b[2J", "x"),
         "organisations[0].notes\\x1b[2J: x Nothing was changed."),
    ],
)  # fmt: skip
def test_str_is_the_english_sentence(make, english) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises((QuidError, MoneyError)) as caught:
        make()
    assert str(caught.value) == english
    assert isinstance(caught.value.args[0], Text), "the GUI can translate it"


def test_a_message_passed_on_stays_translatable() -> None:
    """A problem quoted from a file keeps its escapes in the values, so the GUI's translation
    is as safe as the English."""
    inner = QT_TR_NOOP("'{value}' is not a date (YYYY-MM-DD).").format(value="1\n2")
    with pytest.raises(ImportFileError) as caught:
        fail("accounts[0].last_used", inner)
    message = caught.value.args[0]
    assert str(message) == (
        "accounts[0].last_used: '1\\n2' is not a date (YYYY-MM-DD). Nothing was changed."
    )
    problem = message.kwargs["problem"]
    assert isinstance(problem, Text) and problem.kwargs == {"value": "1\\n2"}
    assert one_line(inner) == "'1\\n2' is not a date (YYYY-MM-DD)."
    error = line_error(7, QT_TR_NOOP("the row could not be read"))
    assert str(error) == "Line 7: the row could not be read; nothing was imported."
    assert error.line == 7
    assert isinstance(ValidationError("name", "typed by the dialog").message, str)
