"""The layer rules of ARCHITECTURE.md: no Qt below the UI, and never plain `sqlite3`."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "app"
QT_FREE = ("domain", "storage", "services")

IMPORT_EVERYTHING = """
import importlib, json, pkgutil, sys
names = ["app.paths", "app.errors", "app.cli"]
for package in ("app.domain", "app.storage", "app.services"):
    module = importlib.import_module(package)
    names.append(package)
    names += [m.name for m in pkgutil.walk_packages(module.__path__, package + ".")]
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(json.dumps({"imported": names, "qt": qt}))
"""


def imported_modules(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


def offenders(folders: list[Path], banned: tuple[str, ...]) -> list[str]:
    bad = []
    for folder in folders:
        for file in sorted(folder.rglob("*.py")):
            tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
            bad += [
                f"{file.relative_to(REPO)}: {name}"
                for name in imported_modules(tree)
                if name.split(".")[0] in banned
            ]
    return bad


def test_core_modules_import_without_qt() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    assert "app.storage.vault" in report["imported"]
    assert "app.services.doctor" in report["imported"]
    assert report["qt"] == [], f"Qt pulled in below the UI: {report['qt']}"


def test_no_qt_import_statements_below_the_ui() -> None:
    assert offenders([APP / name for name in QT_FREE], ("PySide6", "shiboken6")) == []


def test_no_plain_sqlite3_anywhere_in_the_app() -> None:
    assert offenders([APP], ("sqlite3",)) == []


def test_the_scanner_sees_imports_in_every_form() -> None:
    sample = ast.parse(
        "import sqlite3\nimport PySide6.QtCore as qc\nfrom PySide6 import QtWidgets\n"
        "from . import sibling\nfrom sqlcipher3 import dbapi2\n"
        "def late():\n    import sqlite3.dbapi2\n"
    )
    assert sorted(imported_modules(sample)) == sorted(
        ["sqlite3", "PySide6.QtCore", "PySide6", "sqlcipher3", "sqlite3.dbapi2"]
    )
