"""The CLI run in-process, as the integration tests drive it."""

from __future__ import annotations

import pytest

from app.cli import main


def quid(capsys: pytest.CaptureFixture[str], data_dir: str, *args: str) -> tuple[int, str, str]:
    """`quid --data-dir DATA_DIR ARGS…`: (exit code, stdout, stderr)."""
    try:
        code = main(["--data-dir", data_dir, *args])
    except SystemExit as exited:  # argparse's own errors
        code = int(exited.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
