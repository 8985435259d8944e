"""`python -m app` and the `quid` / `quid-gui` commands.

An unexpected exception (a bug) ends the command with exit code 70 and a report on stderr that
names the code locations but withholds the exception's message: it may hold a ledger value
(SECURITY.md case 29). Quid's own errors are handled before this, with their own message.
"""

from __future__ import annotations

import gc
import sys

from app import process_hygiene

#: sysexits.h EX_SOFTWARE: an internal error, told apart from 1 (damaged vault) and 2 (refused).
EXIT_BUG = 70


def desktop_app_data_dir(argv: list[str]) -> tuple[bool, str | None]:
    """Whether `argv` only starts the desktop app (no arguments, or just `--data-dir DIR`),
    and the DIR. Anything else, even an abbreviation argparse would accept, says no: the full
    parser in app.cli handles it, with the same result."""
    if not argv:
        return True, None
    if len(argv) == 1 and argv[0].startswith("--data-dir="):
        return True, argv[0].removeprefix("--data-dir=")
    if len(argv) == 2 and argv[0] == "--data-dir" and not argv[1].startswith("-"):
        return True, argv[1]
    return False, None


def _keyring_needed(data_dir: str | None) -> bool:
    """Whether the window will use the keyring at once: a keyring vault unlocks with it, and
    the first-run wizard checks it. The header says so without a key."""
    from app.errors import NoVaultError, QuidError
    from app.paths import AppPaths
    from app.storage.header import KeyMode
    from app.storage.vault import read_header

    try:
        return read_header(AppPaths.resolve(data_dir)).mode is KeyMode.KEYRING
    except NoVaultError:
        return True  # the first-run wizard checks the keyring
    except QuidError:
        return False
    except OSError:
        return False


def run_desktop_app(data_dir: str | None) -> int:
    """The desktop app without app.cli, whose command modules import services (discovery,
    exports, backups) that the first window does not need."""
    # Importing makes many objects but no garbage: the cyclic collector would only walk them,
    # again and again (~15 ms), so it waits until the code is in.
    gc.disable()
    try:
        # The Qt-free code the first window needs is imported before Qt on purpose: once
        # PySide6 is loaded, its import hook reads the source of every module imported after
        # it, looking for `from __feature__ import …` (~30 ms for these).
        import app.crash_report
        import app.logs
        import app.services.example_marks
        import app.services.ledger
        import app.services.ledger_inputs
        import app.services.requests
        import app.storage.settings
        import app.storage.vault  # noqa: F401

        if _keyring_needed(data_dir):
            import keyring  # noqa: F401  (before Qt too; a passphrase vault never needs it)
        from app.ui.application import run_gui
    finally:
        # Modules, classes and functions live as long as the process: later collections, and
        # the one at exit, skip them (~30 ms). No ledger value or key exists yet to be kept.
        gc.freeze()
        gc.enable()
    return run_gui(data_dir)


def main() -> int:
    process_hygiene.harden_process()  # first: before any key or ledger value is in memory
    argv = sys.argv[1:]
    try:
        desktop_app, data_dir = desktop_app_data_dir(argv)
        if desktop_app:
            return run_desktop_app(data_dir)
        from app.cli import main as cli_main

        return cli_main(argv)
    except Exception:
        from app.crash_report import current_exception_report

        print(
            "quid: an unexpected error (a bug in Quid). The report below holds none of your "
            "data; please include it when you report the bug:",
            file=sys.stderr,
        )
        print(current_exception_report(), file=sys.stderr)
        return EXIT_BUG


def main_gui() -> int:
    """Entry point of `quid-gui` (no console window on Windows); same arguments as `quid`."""
    return main()


if __name__ == "__main__":
    sys.exit(main())
