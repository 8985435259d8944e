"""How hard the robustness tests push: `make test` runs a quick budget, `make stress`
(QUID_STRESS=1) a large one — more kill points, more fuzzing examples."""

from __future__ import annotations

import os

STRESS = os.environ.get("QUID_STRESS", "") not in ("", "0")


def budget(normal: int, stress: int) -> int:
    """`normal` in `make test`, `stress` in `make stress`."""
    return stress if STRESS else normal
