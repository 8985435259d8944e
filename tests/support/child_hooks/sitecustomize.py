"""Test-only start-up hook for every Python child of the test suite (the CLI, the GUI).

Python imports the first `sitecustomize` on sys.path when it starts; tests.support.no_network
puts this folder first on the children's PYTHONPATH. With QUID_NO_NETWORK=1 it installs the
no-network audit hook in fatal mode: a network attempt prints "NETWORK USED: …" and ends the
child. Then it runs the sitecustomize this one hides (Debian ships one), so nothing else changes.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _install_no_network_hook() -> None:
    if os.environ.get("QUID_NO_NETWORK") != "1":
        return
    # Loaded by its path: the child's sys.path need not hold the repository.
    path = _HERE.parent / "no_network.py"
    spec = importlib.util.spec_from_file_location("_quid_no_network", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.install(fatal=True)


def _run_hidden_sitecustomize() -> None:
    others = [p for p in sys.path if p and Path(p).resolve() != _HERE]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", others)
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)


_install_no_network_hook()
_run_hidden_sitecustomize()
