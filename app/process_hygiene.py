"""Keep the unlocked ledger in this process's memory only.

A core dump would write the vault key and decrypted rows to disk in the clear, where crash
collectors (systemd-coredump, apport) keep them. So the app process allows no core file, and on
Linux it also marks itself not dumpable, which stops other processes of the same user from
attaching a debugger (ptrace) or reading /proc/PID/mem. A tracer that started the process, such
as `strace -f` in the no-network test, keeps working: the mark is checked only when attaching.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)

# From <linux/prctl.h>.
PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4


def harden_process() -> None:
    """No core dumps, and (Linux) not dumpable. Best effort: never raises, never stops Quid."""
    for step in (_no_core_dumps, _not_dumpable):
        try:
            step()
        except Exception:  # a hardening step must not keep the person from their ledger
            log.debug("process hardening: %s failed", step.__name__, exc_info=True)


def _no_core_dumps() -> None:
    try:
        import resource
    except ImportError:  # Windows: no core files to switch off
        return
    try:
        # Hard limit too, so nothing later in the process can raise it again.
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError) as exc:
        log.debug("core dumps could not be switched off: %s", exc)


def _prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl.restype = ctypes.c_int
    return prctl


def _uses_portals() -> bool:
    """Sandboxed (Flatpak, Snap) or told to use portals: xdg-desktop-portal identifies its
    caller through /proc/<pid>/root, which a non-dumpable process closes to it — every file
    dialog would then fail. There, core dumps stay off but the process stays dumpable."""
    theme = os.environ.get("QT_QPA_PLATFORMTHEME", "").lower()
    return bool(os.environ.get("FLATPAK_ID") or os.environ.get("SNAP")) or "portal" in theme


def _not_dumpable() -> None:
    if _uses_portals():
        return
    prctl = _prctl()
    if prctl is not None and prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        log.debug("PR_SET_DUMPABLE failed (errno %d)", ctypes.get_errno())


def is_dumpable() -> bool | None:
    """Whether the process may be dumped or attached to; None where the platform cannot say."""
    prctl = _prctl()
    if prctl is None:
        return None
    answer = int(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
    return None if answer < 0 else answer != 0
