"""Every case of the SECURITY.md test catalogue has a test named after it (issue "Hardening").

A test proves case NN when its name starts with `test_caseNN_` (`test_case6_` and `test_case06_`
are the same case); a test that proves several says so as `test_case06_case10_…`. The catalogue
is read from SECURITY.md when the design folder is beside the repository (CI copies it there);
otherwise the 31 cases known when this test was written stand in for it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TESTS = REPO / "tests"
SECURITY_MD = (REPO.parent / "shared" / "design" / "SECURITY.md", REPO / "SECURITY.md")
KNOWN_CASES = 31  # the catalogue's length when this test was written; it only grows
_CASE_NAME = re.compile(r"test_case(\d+)((?:_case\d+)*)_")
_CATALOGUE_ITEM = re.compile(r"^(\d+)\.\s+(.*)$")


def catalogue(text: str) -> dict[int, str]:
    """Case number → its line, from the numbered list under the 'Test catalogue' heading."""
    cases: dict[int, str] = {}
    inside = False
    for line in text.splitlines():
        if line.startswith("#"):
            inside = "test catalogue" in line.casefold()
            continue
        found = _CATALOGUE_ITEM.match(line) if inside else None
        if found:
            cases[int(found.group(1))] = found.group(2)
    return cases


def known_catalogue() -> dict[int, str]:
    for path in SECURITY_MD:
        if path.is_file():
            cases = catalogue(path.read_text(encoding="utf-8"))
            assert sorted(cases) == list(range(1, len(cases) + 1)), f"{path}: numbering has gaps"
            assert len(cases) >= KNOWN_CASES, f"{path}: fewer cases than the {KNOWN_CASES} known"
            return cases
    return {n: "(SECURITY.md is not beside the repository)" for n in range(1, KNOWN_CASES + 1)}


def cases_named(name: str) -> set[int]:
    """The case numbers a test function's name claims: `test_case06_case10_x` → {6, 10}."""
    found = _CASE_NAME.match(name)
    if found is None:
        return set()
    return {int(found.group(1)), *(int(n) for n in re.findall(r"\d+", found.group(2)))}


def defined_tests(root: Path) -> dict[str, list[str]]:
    """Test function name → the files defining it, found by parsing (nothing is imported)."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith(
                "test_"
            ):
                found.setdefault(node.name, []).append(str(path.relative_to(REPO)))
    return found


def test_case_names_are_read_as_meant() -> None:
    assert cases_named("test_case06_case10_missing_keyring_entry") == {6, 10}
    assert cases_named("test_case1_backup_is_encrypted") == {1}
    assert cases_named("test_case21_100k_rows") == {21}
    assert cases_named("test_case_22_no_number_first") == set()
    assert cases_named("test_cases_are_read") == set()
    text = "# X\n\n## Promises\n\n1. Encrypted.\n\n## Test catalogue\n\nKeys\n1. New.\n2. Wrong.\n"
    assert catalogue(text) == {1: "New.", 2: "Wrong."}


def test_every_catalogue_case_has_a_test_named_after_it() -> None:
    cases = known_catalogue()
    covered: set[int] = set()
    for name in defined_tests(TESTS):
        covered |= cases_named(name)
    missing = [n for n in cases if n not in covered]
    assert missing == [], "SECURITY.md cases without a test_caseNN_… test:\n" + "\n".join(
        f"  {n}. {cases[n]}" for n in missing
    )
