"""`python -m app` goes straight to the desktop app, past the CLI parser, only when the parser
would have started it too, with the same data folder; the cyclic garbage collector is back on
when the window starts."""

from __future__ import annotations

import gc

import pytest

from app import __main__ as entry
from app.cli import build_parser


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--data-dir", "/tmp/quid-try"],
        ["--data-dir=/tmp/quid try"],
        ["--data-dir=-odd"],  # the "=" form takes anything, as argparse does
        ["--data-dir", ""],
        ["--data-dir="],
    ],
)
def test_the_shortcut_starts_the_app_the_parser_would_start(argv: list[str]) -> None:
    desktop_app, data_dir = entry.desktop_app_data_dir(argv)
    parsed = build_parser().parse_args(argv)
    assert desktop_app and parsed.command is None
    assert data_dir == parsed.data_dir


@pytest.mark.parametrize(
    "argv",
    [
        ["init"],
        ["--version"],
        ["--help"],
        ["--data-dir"],  # argparse says what is missing
        ["--data-dir", "-odd"],  # argparse reads -odd as an option: its error, not ours
        ["--data", "/tmp/x"],  # an abbreviation argparse accepts: it decides
        ["--passphrase-env", "VAR"],
        ["--data-dir", "/tmp/x", "doctor"],
        ["--data-dir", "/a", "--data-dir", "/b"],
    ],
)
def test_everything_else_goes_through_the_cli_parser(argv: list[str]) -> None:
    assert entry.desktop_app_data_dir(argv) == (False, None)


def test_the_window_starts_with_the_garbage_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import app.ui.application

    seen: list[tuple[str | None, bool]] = []

    def fake_run_gui(data_dir: str | None = None) -> int:
        seen.append((data_dir, gc.isenabled()))
        return 7

    monkeypatch.setattr(app.ui.application, "run_gui", fake_run_gui)
    try:
        assert entry.run_desktop_app("/tmp/quid-try") == 7
    finally:
        gc.unfreeze()  # this test process's objects: collected as usual again
    assert seen == [("/tmp/quid-try", True)]


def test_keyring_is_loaded_before_qt_only_when_the_window_will_use_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A keyring vault unlocks with it and the first-run wizard checks it; a passphrase vault
    never needs it; a damaged key file shows the problem screen."""
    from app.paths import AppPaths
    from app.storage.header import KeyMode
    from app.storage.vault import create_vault

    assert entry._keyring_needed(str(tmp_path / "new")), "no vault yet: the wizard"
    for mode, needed in ((KeyMode.KEYRING, True), (KeyMode.PASSPHRASE, False)):
        folder = tmp_path / mode.value
        vault, _ = create_vault(AppPaths.resolve(folder), mode, "a long enough passphrase 1")
        vault.close()
        assert entry._keyring_needed(str(folder)) is needed
    (tmp_path / "keyring" / "ledger.key").write_bytes(b"\x00 damaged")
    assert not entry._keyring_needed(str(tmp_path / "keyring"))
