"""What every export shares: safe file names, atomic owner-only writing, and the notice that
the file is not encrypted.

An export is the one place where ledger data leaves the vault in the clear (SECURITY.md,
promise 1), so it is written only where the person asked, complete or not at all.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import stat
import tempfile
import unicodedata
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from app.errors import QT_TR_NOOP, QuidError
from app.storage.fileio import fsync_dir, write_failed

NOT_ENCRYPTED = "This file is not encrypted: keep it somewhere safe or delete it when done."

#: kind → (file name stem, extension) of the default name, e.g. quid-ledger-2026-11-29.json
DEFAULT_NAMES = {
    "json": ("quid-ledger", ".json"),
    "csv": ("quid-ledger", ".zip"),
    "receipts": ("quid-consent-records", ".json"),
    "report-pdf": ("quid-report", ".pdf"),
    "report-html": ("quid-report", ".html"),
}
NAME_PART_MAX = 80

# Characters Windows, macOS or a shell treat specially, plus every control character.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.I)


@dataclass(frozen=True)
class ExportResult:
    paths: tuple[Path, ...]  # the files written (one, or one per CSV table)
    records: int  # how many records they hold


class ExportError(QuidError):
    """The export could not be written; nothing was left behind."""


def written_message(path: Path | str) -> str:
    """What the CLI prints (and the GUI shows) after an export."""
    return f"Written to {path}. {NOT_ENCRYPTED}"


def safe_name_part(text: str, limit: int = NAME_PART_MAX, fallback: str = "export") -> str:
    """`text` (an organisation name, say) made fit to be part of a file name anywhere: no
    path separators, control or reserved characters, no leading dots, no Windows device
    names (CON, NUL …), at most `limit` characters."""
    normal = unicodedata.normalize("NFC", text)
    cleaned = _UNSAFE.sub("-", normal)
    cleaned = "".join(c for c in cleaned if unicodedata.category(c)[0] != "C")
    cleaned = re.sub(r"\s+", " ", cleaned)
    cleaned = re.sub(r"-{2,}", "-", cleaned).strip(" .-")
    cleaned = cleaned[:limit].rstrip(" .-")
    if not cleaned:
        return fallback
    if _WINDOWS_RESERVED.match(cleaned):
        cleaned = f"_{cleaned}"
    return cleaned


def default_file_name(kind: str, today: date | None = None, subject: str = "") -> str:
    """`quid-ledger-2026-11-29.json` for kind "json"; `subject` (an organisation's name for a
    one-organisation report) is made safe and put before the date."""
    stem, extension = DEFAULT_NAMES[kind]
    day = (today or date.today()).isoformat()
    middle = f"-{safe_name_part(subject)}" if subject.strip() else ""
    return f"{stem}{middle}-{day}{extension}"


def check_target(path: Path, *, overwrite: bool) -> None:
    """Refuse a target that exists (unless `overwrite`), is a folder, or whose folder is
    missing, before any work is done."""
    if path.is_dir():
        raise ExportError(
            QT_TR_NOOP("{path} is a folder; name a file. Nothing was written."), path=path
        )
    if not path.parent.is_dir():
        raise ExportError(
            QT_TR_NOOP("The folder {folder} does not exist. Nothing was written."),
            folder=path.parent,
        )
    if path.exists() and not overwrite:
        raise ExportError(
            QT_TR_NOOP(
                "{path} already exists; choose another name or allow overwriting it. "
                "Nothing was written."
            ),
            path=path,
        )


def _os_error(path: Path, exc: OSError) -> QuidError:
    return write_failed(path, exc, ExportError)


def _is_special(path: Path) -> bool:
    """A device or pipe (/dev/full, /dev/stdout): written in place, never replaced."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _sync_folders(paths: Sequence[Path]) -> None:
    """Make the renames durable. The files are in place by now, so a folder that cannot be
    synced (some network and FAT mounts refuse) is no reason to say nothing was written."""
    for folder in dict.fromkeys(path.parent for path in paths):
        with contextlib.suppress(OSError):
            fsync_dir(folder)


def sweep_leftovers(path: Path) -> None:
    """Remove what an interrupted export of `path` (a crash, a kill) left beside it: hidden
    temp and set-aside files holding the same unencrypted data the person cannot see."""
    pattern = f".{glob.escape(path.name)}.*"
    for leftover in path.parent.glob(pattern):
        if leftover.suffix in (".tmp", ".old") and leftover.is_file():
            with contextlib.suppress(OSError):
                leftover.unlink()


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write the export into. On success it becomes `path` in one step
    (temp file in the same folder, fsync, os.replace), mode 0600; on any error or a cancel
    the temp file is removed and an existing `path` is untouched."""
    if _is_special(path):  # replacing /dev/full with a regular file would be wrong
        try:
            with open(path, "wb", buffering=1024 * 1024) as handle:
                yield handle
                handle.flush()
        except OSError as exc:
            raise _os_error(path, exc) from exc
        return
    sweep_leftovers(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _os_error(path, exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb", buffering=1024 * 1024) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)  # mkstemp's mode already; said again so it survives a refactor
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _os_error(path, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _sync_folders([path])


def _put_in_place(staged: Sequence[tuple[Path, Path]]) -> None:
    """Rename each (temp file, target) into place. A file already at a target is moved aside
    first; if any rename fails, every one done is undone and the old files are put back."""
    done: list[tuple[Path, Path | None]] = []  # target, where the file it replaced waits
    try:
        for tmp, target in staged:
            aside = None
            if target.is_symlink() or target.is_file():
                aside = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.old")
                os.replace(target, aside)
            try:
                os.replace(tmp, target)
            except BaseException:
                if aside is not None:
                    os.replace(aside, target)
                raise
            done.append((target, aside))
    except BaseException:
        for target, aside in reversed(done):
            with contextlib.suppress(OSError):
                if aside is None:
                    target.unlink()
                else:
                    os.replace(aside, target)
        raise
    for _target, aside in done:
        if aside is not None:
            with contextlib.suppress(OSError):
                aside.unlink()


@contextlib.contextmanager
def atomic_outputs(paths: Sequence[Path]) -> Iterator[list[BinaryIO]]:
    """Binary files to write several exports into that appear together or not at all (the
    CSV tables in a folder). Each is written to a temp file beside its target; only when the
    caller's block ends without error are all of them renamed into place, mode 0600. On any
    error or a cancel, before or while they are put in place, every temp file is removed and
    every target is as it was: the old file, or none."""
    where = paths[0].parent if paths else Path()
    staged: list[tuple[Path, Path]] = []
    handles: list[BinaryIO] = []
    try:
        try:
            for path in paths:
                sweep_leftovers(path)
                fd, tmp_name = tempfile.mkstemp(
                    prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
                )
                staged.append((Path(tmp_name), path))
                handles.append(os.fdopen(fd, "wb", buffering=1024 * 1024))
            yield handles
            for handle in handles:
                handle.flush()
                os.fsync(handle.fileno())
                handle.close()
            for tmp, _path in staged:
                os.chmod(tmp, 0o600)
            _put_in_place(staged)
        finally:
            for handle in handles:
                with contextlib.suppress(OSError):
                    handle.close()
            for tmp, _path in staged:
                with contextlib.suppress(OSError):
                    tmp.unlink(missing_ok=True)
    except OSError as exc:
        raise _os_error(where, exc) from exc
    _sync_folders(paths)


def write_bytes(path: Path, data: bytes) -> None:
    """A small export written atomically (see `atomic_output`)."""
    with atomic_output(path) as handle:
        handle.write(data)
