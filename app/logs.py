"""The rotating log in the user log folder. Events only: never field values from the ledger."""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path
from types import TracebackType

from app.paths import AppPaths

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class NoValuesFormatter(logging.Formatter):
    """Tracebacks with where and what type, but not the exception's message: a message can
    quote a field value (a name, a detail, a line of an import)."""

    def formatException(
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        exc_type, _exc, tb = ei
        frames = traceback.extract_tb(tb)
        lines = [f"  File {Path(f.filename).name}, line {f.lineno}, in {f.name}" for f in frames]
        name = exc_type.__name__ if exc_type is not None else "exception"
        return "\n".join(["Traceback (message withheld):", *lines, name])


def setup_logging(paths: AppPaths, level: int = logging.INFO) -> logging.Handler:
    paths.log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=512 * 1024, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(NoValuesFormatter(LOG_FORMAT))
    root = logging.getLogger("app")
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
    if os.name != "nt":
        os.chmod(paths.log_file, 0o600)
    return handler
