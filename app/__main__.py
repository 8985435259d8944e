"""`python -m app` and the `quid` / `quid-gui` commands.

An unexpected exception (a bug) ends the command with exit code 70 and a report on stderr that
names the code locations but withholds the exception's message: it may hold a ledger value
(SECURITY.md case 29). Quid's own errors are handled before this, with their own message.
"""

from __future__ import annotations

import sys

from app import process_hygiene

#: sysexits.h EX_SOFTWARE: an internal error, told apart from 1 (damaged vault) and 2 (refused).
EXIT_BUG = 70


def main() -> int:
    process_hygiene.harden_process()  # first: before any key or ledger value is in memory
    from app.cli import main as cli_main

    try:
        return cli_main(sys.argv[1:])
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
