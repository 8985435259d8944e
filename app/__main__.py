"""`python -m app` and the `quid` / `quid-gui` commands."""

from __future__ import annotations

import sys


def main() -> int:
    from app.cli import main as cli_main

    return cli_main(sys.argv[1:])


def main_gui() -> int:
    """Entry point of `quid-gui` (no console window on Windows); same arguments as `quid`."""
    return main()


if __name__ == "__main__":
    sys.exit(main())
