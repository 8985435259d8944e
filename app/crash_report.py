"""Crash reports that help fix the bug without carrying the person's data.

Only the exception type, the code locations and versions go in. The exception's message is
kept only for Quid's own errors (whose texts we wrote); any other message may hold a value
from the ledger and is withheld.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from app import APP_NAME, __version__


def build_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    qt_version: str = "",
) -> str:
    import platform  # only when something went wrong

    frames = traceback.extract_tb(tb)
    lines = [
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
    ]
    if qt_version:
        lines.append(f"Qt {qt_version}")
    lines.append("")
    lines.append("Traceback (most recent call last):")
    for frame in frames:
        lines.append(
            f'  File "{_short_path(frame.filename)}", line {frame.lineno}, in {frame.name}'
        )
    name = f"{exc_type.__module__}.{exc_type.__qualname__}".removeprefix("builtins.")
    # Even Quid's own messages can quote a value (a name, an amount, a line of a file).
    lines.append(f"{name}: (message withheld: it may contain your data)")
    return "\n".join(lines)


def _short_path(filename: str) -> str:
    """Drop the folders above the package, which may name the person (home folder)."""
    for marker in ("/app/", "\\app\\", "site-packages/", "site-packages\\"):
        if marker in filename:
            return marker.strip("/\\") + "/" + filename.split(marker, 1)[1]
    return filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]


def current_exception_report(qt_version: str = "") -> str:
    exc_type, exc, tb = sys.exc_info()
    if exc_type is None or exc is None:
        return ""
    return build_report(exc_type, exc, tb, qt_version)
