"""The log says where and what went wrong, never the exception's message (it may quote a
ledger value) — SECURITY.md case 29."""

from __future__ import annotations

import logging

from app.logs import setup_logging
from app.paths import AppPaths


def test_case29_logged_exceptions_keep_type_and_place_but_not_message(paths: AppPaths) -> None:
    handler = setup_logging(paths)
    log = logging.getLogger("app.test")
    try:
        raise ValueError("detail: SENTINEL-7f3a")
    except ValueError as exc:
        log.error("scheduled backup failed", exc_info=exc)
    handler.flush()
    text = paths.log_file.read_text(encoding="utf-8")
    assert "scheduled backup failed" in text
    assert "ValueError" in text and "test_logs.py" in text
    assert "SENTINEL" not in text
