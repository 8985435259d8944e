"""The rotating log in the user log folder. Events only: never field values from the ledger."""

from __future__ import annotations

import logging
import logging.handlers
import os

from app.paths import AppPaths

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(paths: AppPaths, level: int = logging.INFO) -> logging.Handler:
    paths.log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=512 * 1024, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger("app")
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
    if os.name != "nt":
        os.chmod(paths.log_file, 0o600)
    return handler
