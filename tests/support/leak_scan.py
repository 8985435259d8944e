"""Find where a sentinel string ended up: in files (their bytes and their names) and in texts.

A program may write text as UTF-8 or as UTF-16 in either byte order (Qt, Windows-minded
libraries), and may change its case (a search key, a file name), so a sentinel is looked for
in all three encodings, ignoring ASCII case. Use a sentinel that cannot occur by chance, such
as `uuid.uuid4().hex`: any file holding it was written by the code under test.

    leaks = scan_files(core, [tmp_path], allowed=[export])
    assert leaks == [], describe(leaks)
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")
#: System folders where code that ignores TMPDIR would put a temp file.
SYSTEM_TEMP = (Path("/tmp"), Path("/var/tmp"), Path("/dev/shm"))
MAX_BYTES = 512 * 1024 * 1024  # larger files are not read (none of ours comes close)


@dataclass(frozen=True)
class Leak:
    """The sentinel in `where` (a file, or a named text), in `encoding` ("name" = the path)."""

    where: str
    encoding: str

    def __str__(self) -> str:
        return f"{self.where} ({self.encoding})"


def forms(text: str) -> dict[str, bytes]:
    """`text` in each encoding, lower-cased (ASCII) as the data it is compared with."""
    return {encoding: text.encode(encoding).lower() for encoding in ENCODINGS}


def encodings_in(data: bytes, text: str) -> list[str]:
    """The encodings in which `data` holds `text`, ignoring ASCII case. (ASCII text in
    UTF-16 inside other UTF-16 text matches both byte orders, one byte apart.)"""
    lowered = data.lower()
    return [encoding for encoding, form in forms(text).items() if form in lowered]


def leaks_in_file(path: Path, text: str) -> list[Leak]:
    found = [Leak(str(path), "name")] if text.lower() in path.name.lower() else []
    try:
        if path.stat().st_size <= MAX_BYTES:
            found += [Leak(str(path), e) for e in encodings_in(path.read_bytes(), text)]
    except OSError:  # gone meanwhile, or not readable (a socket, a FIFO): nothing to read
        pass
    return found


def _files(root: Path) -> Iterator[Path]:
    """Every regular file below `root`, symlinks not followed."""
    for folder, _dirs, names in os.walk(root, followlinks=False):
        for name in names:
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                yield path


def scan_files(text: str, roots: Iterable[Path], allowed: Iterable[Path] = ()) -> list[Leak]:
    """Every file below `roots` that holds `text`, but the `allowed` ones (files, or folders
    with everything in them). Folder names count too."""
    allowed = [Path(p).resolve() for p in allowed]
    leaks: list[Leak] = []
    for root in roots:
        if not root.exists():
            continue
        for folder, dirs, _names in os.walk(root, followlinks=False):
            leaks += [Leak(str(Path(folder, d)), "name") for d in dirs if text.lower() in d.lower()]
        for path in _files(root):
            resolved = path.resolve()
            if any(resolved == a or a in resolved.parents for a in allowed):
                continue
            leaks += leaks_in_file(path, text)
    return leaks


def scan_recent_files(
    text: str, roots: Iterable[Path], since: float, skip: Iterable[Path] = ()
) -> list[Leak]:
    """Like `scan_files`, for shared folders (the system's temp folders, the home folder):
    only files changed since `since` (a `time.time()`), and nothing below `skip`."""
    skipped = [Path(p).resolve() for p in skip]
    leaks: list[Leak] = []
    for root in roots:
        if not root.is_dir():
            continue
        for folder, dirs, names in os.walk(root, followlinks=False):
            here = Path(folder).resolve()
            if any(here == s or s in here.parents for s in skipped):
                dirs.clear()
                continue
            for name in names:
                path = Path(folder, name)
                try:
                    changed = max(path.lstat().st_mtime, path.lstat().st_ctime)
                except OSError:
                    continue
                if changed >= since and path.is_file() and not path.is_symlink():
                    leaks += leaks_in_file(path, text)
    return leaks


def scan_texts(text: str, texts: Mapping[str, str]) -> list[Leak]:
    """The named texts (a crash report, a message, the clipboard) that hold `text`."""
    return [Leak(name, "text") for name, value in texts.items() if text.lower() in value.lower()]


def describe(leaks: Iterable[Leak]) -> str:
    return "the sentinel leaked into:\n" + "\n".join(f"  {leak}" for leak in leaks)


def now() -> float:
    """A start time for `scan_recent_files`, a little early for coarse file-system clocks."""
    return time.time() - 2
