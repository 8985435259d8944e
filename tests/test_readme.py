"""The README keeps its promises: the pictures and files it links to exist, its in-page links
lead to a heading, and every `make` target, `quid` command and command-line option it names is
one that the Makefile and the CLI really have."""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
# [text](target) and ![alt](target), outside code blocks
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
PROSE = re.sub(r"```.*?```", "", README, flags=re.DOTALL)


def local_links() -> list[str]:
    return sorted({t for t in LINK.findall(PROSE) if not re.match(r"[a-z]+:|#", t)})


def anchors() -> list[str]:
    return sorted({t[1:] for t in LINK.findall(PROSE) if t.startswith("#")})


def heading_slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def make_targets_named() -> list[str]:
    """`make run` in the text, and `make run …` lines in shell examples."""
    return sorted(set(re.findall(r"(?:`|^)make ([a-z][\w-]*)", README, re.MULTILINE)))


def table_commands() -> list[tuple[list[str], list[str]]]:
    """Each command of the command table (`org add`; `export pdf|html` gives two) with the
    options its row names. A row may name several: `org list` / `org show ORG` / `org rm ORG`."""
    section = README.split("## Command line", 1)[1].split("\n## ", 1)[0]
    rows = []
    for cell in re.findall(r"^\| (`.+?`) \| ", section, re.MULTILINE):
        for variant in re.findall(r"`([^`]+)`", cell.replace("\\|", "|")):
            words = variant.split()
            if words[0].startswith("-"):
                continue  # `--version` is an option of quid itself
            second = words[1] if len(words) > 1 else ""  # `org add`, not `give ORG`
            subs = second.split("|") if re.fullmatch(r"[a-z|]+", second) else [""]
            options = re.findall(r"--[a-z][\w-]*", variant)
            rows += [([words[0], sub] if sub else [words[0]], options) for sub in subs]
    return rows


def quid_commands_in_text() -> list[str]:
    """Commands named in prose and examples, as in `quid demo` or `quid doctor --json`."""
    found = re.findall(r"\bquid (?:--data-dir \S+ |--passphrase-env \S+ )*([a-z]+)\b", README)
    return sorted(set(found))


@cache
def help_text(*command: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "app", *command, "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 0, f"quid {' '.join(command)} --help: {result.stderr}"
    return result.stdout


def test_the_readme_names_what_these_checks_look_for() -> None:
    """The parsers below find something to check (a changed README layout would hide it)."""
    assert len(local_links()) >= 7
    assert {"docs/screenshots/overview.png", "docs/screenshots/organisations.png"} <= set(
        local_links()
    )
    assert {"run", "test", "package"} <= set(make_targets_named())
    assert len(table_commands()) >= 25
    assert "demo" in quid_commands_in_text()


@pytest.mark.parametrize("target", local_links())
def test_every_linked_file_and_picture_exists(target: str) -> None:
    path = REPO / target.split("#", 1)[0]
    assert path.is_file(), f"the README links to {target}, which is not there"
    if path.suffix == ".png":
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{target} is not a PNG"
        assert path.stat().st_size < 300_000, f"{target} is too big for the README"


@pytest.mark.parametrize("anchor", anchors())
def test_every_in_page_link_leads_to_a_heading(anchor: str) -> None:
    headings = re.findall(r"^#+ (.+)$", PROSE, re.MULTILINE)
    assert anchor in {heading_slug(h) for h in headings}


def test_every_make_target_named_exists() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, re.MULTILINE))
    assert set(make_targets_named()) <= targets, set(make_targets_named()) - targets


@pytest.mark.parametrize(
    ("command", "options"), table_commands(), ids=lambda value: " ".join(value) or "-"
)
def test_every_command_in_the_table_exists_with_its_options(
    command: list[str], options: list[str]
) -> None:
    text = help_text(*command) + help_text()  # quid's own options apply to every command
    missing = [option for option in options if option not in text]
    assert not missing, f"quid {' '.join(command)} has no {missing}"


@pytest.mark.parametrize("command", quid_commands_in_text())
def test_every_command_named_in_the_text_exists(command: str) -> None:
    help_text(command)
