"""Atomic, owner-only file writes: a reader sees the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from app.errors import QT_TR_NOOP, DiskFullError, QuidError


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_failed(path: Path, exc: OSError, kind: type[QuidError] = QuidError) -> QuidError:
    """A failed write in words a person can act on (a full disk gets its own error; any other
    failure is a `kind`)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFullError(
            QT_TR_NOOP("The disk is full: {path} was not written. Free some space and try again."),
            path=path,
        )
    return kind(
        QT_TR_NOOP("Could not write {path} ({reason}). Nothing was written."),
        path=path,
        reason=exc.strerror or exc,
    )


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` (mode 0600) via a temp file beside it. A full disk or a failing
    one raises a QuidError naming the file; the temp file is gone and an old `path` is kept."""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise write_failed(path, exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise write_failed(path, exc) from exc
        raise
    fsync_dir(path.parent)
