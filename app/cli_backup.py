"""Placeholder: filled in by its issue."""

from __future__ import annotations

from typing import Any

from app.cli_common import PluggedHandler

HANDLERS: dict[str, PluggedHandler] = {}


def add_parsers(commands: Any, import_kinds: Any, export_kinds: Any) -> None:
    """Add this module's commands to the parser."""
