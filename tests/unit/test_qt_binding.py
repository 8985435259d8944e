"""The Qt binding itself: a regression seen with PySide6 6.12.0 on Python 3.11, where every
call returning nothing dropped a reference to None until the interpreter aborted."""

from __future__ import annotations

import subprocess
import sys


def test_many_void_qt_calls_do_not_crash_the_interpreter() -> None:
    script = (
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        "for _ in range(50_000):\n"
        "    o.setObjectName('x')\n"
        "print('done')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "done" in result.stdout, result.stderr[-500:]
