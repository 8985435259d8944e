"""Where Quid's read-only resources (taxonomy, directory, letters, licences) are, however Quid runs.

- a PyInstaller build: `resources/` inside the unpacked bundle (`sys._MEIPASS`);
- an installed wheel: `app/resources_data/` inside the package (setup.py maps `resources/` there);
- a source checkout or an editable install: `resources/` beside the `app` package.

The package's own copy is tried before the folder beside it: in an installed layout that folder
is `site-packages/resources`, which another distribution may own.

Nothing is read or created here; callers open the files they need.
"""

from __future__ import annotations

import sys
from pathlib import Path

import app

RESOURCES = "resources"
#: The name of the resources folder inside an installed `app` package.
PACKAGED_RESOURCES = "resources_data"


def _candidates() -> list[Path]:
    found = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / RESOURCES)
    package = Path(app.__file__).resolve().parent
    found.append(package / PACKAGED_RESOURCES)
    found.append(package.parent / RESOURCES)
    return found


def resources_dir() -> Path:
    """The `resources/` folder; RuntimeError when this installation has none."""
    candidates = _candidates()
    for folder in candidates:
        if folder.is_dir():
            return folder
    looked = ", ".join(str(folder) for folder in candidates)
    raise RuntimeError(
        f"Quid's resources folder is missing (looked in: {looked}). "
        "This installation is incomplete: reinstall Quid, or run it from a source checkout."
    )


def resource_path(*parts: str) -> Path:
    """A path below `resources/`, e.g. `resource_path("taxonomy", "categories.json")`."""
    return resources_dir().joinpath(*parts)
