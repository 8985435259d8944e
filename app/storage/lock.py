"""One Quid process per vault, with an OS file lock.

The kernel drops the lock when the holder exits or is killed, so a stale lock left by a crash
is recovered by construction; the PID written into the file only serves the error message.
(QLockFile would do the same job, but the storage layer stays free of Qt.)
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from app.errors import QT_TR_NOOP, VaultInUseError

if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class VaultLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        if self._handle is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        handle = os.fdopen(fd, "r+b")  # kept open while the lock is held
        if not _try_lock(handle):
            holder = ""
            with contextlib.suppress(OSError):  # Windows: the locked byte cannot be read
                handle.seek(0)
                holder = handle.read(32).decode("ascii", "replace").strip()
            handle.close()
            if holder.isdigit():
                message = QT_TR_NOOP(
                    "This vault is already open in another Quid window or command (process "
                    "{pid}). Close that one first."
                ).format(pid=holder)
            else:
                message = QT_TR_NOOP(
                    "This vault is already open in another Quid window or command. "
                    "Close that one first."
                )
            raise VaultInUseError(message)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode("ascii"))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            _unlock(handle)
        handle.close()

    def __enter__(self) -> VaultLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
