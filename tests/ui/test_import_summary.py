"""The JSON import's closing message in the UI's language: the same facts as the CLI's English
summary, the conflicts translated with their values, what the person's file said kept as is."""

from __future__ import annotations

import pytest

from app.services.import_json import ImportResult
from app.services.import_json_merge import IN_THE_VAULT, _differences
from app.ui.export_flow import import_summary, result_text

RESULTS = [
    ImportResult({"organisations": 26, "disclosures": 1, "benefits": 0}, 0, 0, ()),
    ImportResult({"organisations": 0}, 1, 3, ("a", "b")),
    ImportResult({"accounts": 1, "request_events": 2, "attachments": 1}, 2, 1, ("c",)),
]


@pytest.mark.parametrize("result", RESULTS)
def test_in_english_the_summary_is_the_clis(qapp, result: ImportResult) -> None:  # type: ignore[no-untyped-def]
    assert import_summary(result) == result.summary()


def test_in_dutch_the_summary_and_the_conflicts(dutch) -> None:  # type: ignore[no-untyped-def]
    conflict = _differences(
        'organisations[0] "Shop"', IN_THE_VAULT["organisations"].format(id=3),
        {"country": "NL"}, {"country": "DE"}, ["country"],
    )  # fmt: skip
    result = ImportResult({"organisations": 2, "disclosures": 1}, 1, 0, tuple(conflict))
    text = result_text(result)
    assert text.startswith("2 organisaties, 1 verstrekking geïmporteerd. 1 organisatie stond")
    assert "1 verschil: de waarden in de kluis zijn behouden." in text
    assert (
        '• organisations[0] "Shop" is organisatie 3 in de kluis: country verschilt '
        '(kluis "NL", bestand "DE"); de waarde in de kluis is behouden.'
    ) in text
    assert "Imported" not in text and "vault" not in text
    assert import_summary(ImportResult({}, 0, 0, ())) == "Niets nieuws geïmporteerd."


def test_a_conflict_quotes_file_values_on_one_line() -> None:
    """A name or value from the file cannot break the list or send escapes to a terminal."""
    (conflict,) = _differences(
        'organisations[0] "Evil\nCorp\x1b[31m"', IN_THE_VAULT["organisations"].format(id=1),
        {"notes": "ours"}, {"notes": "line one\nline two\x1b[2J"}, ["notes"],
    )  # fmt: skip
    assert conflict.isprintable()
    assert "\\n" in conflict and "\\x1b[2J" in conflict


def test_a_broken_translation_falls_back_to_the_english(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.errors import QT_TR_NOOP
    from app.ui import error_text

    monkeypatch.setattr(
        error_text.QCoreApplication, "translate", lambda _ctx, _text: "{path:,} {path.x}"
    )
    message = QT_TR_NOOP("{path} is a folder.").format(path="/tmp")
    assert error_text.translated(message) == "/tmp is a folder."
