"""Messages quote text from files and the ledger; they stay one line and cannot drive the
terminal."""

from __future__ import annotations

from app.errors import one_line


def test_control_characters_are_written_as_escapes() -> None:
    assert one_line("a\nb\r\x1b[2Jc\t") == "a\\nb\\r\\x1b[2Jc\\t"


def test_ordinary_text_is_unchanged() -> None:
    text = "Zoë's café — ‘Bol.com’ 12 € / 百度"
    assert one_line(text) == text
