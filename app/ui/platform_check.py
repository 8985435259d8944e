"""Before Qt starts on Linux: are the system libraries for a real window there?

Qt ≥ 6.5 aborts with a cryptic "could not load the Qt platform plugin xcb" when one is missing;
this says which Debian/Ubuntu packages to install instead. `python -m app.ui.platform_check`
exits 1 with that message (used by `make run`).
"""

from __future__ import annotations

import os
import sys

# library name (as ctypes.util.find_library wants it) → Debian/Ubuntu package
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xcb-shape": "libxcb-shape0",
    "xcb-randr": "libxcb-randr0",
    "xcb-xinerama": "libxcb-xinerama0",
}


def _platform() -> str:
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0]
    if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY"):
        return "wayland"
    return "xcb"


def problems() -> list[str]:
    if not sys.platform.startswith("linux") or _platform() != "xcb":
        return []
    import ctypes.util  # Linux with X11 only

    found: list[str] = []
    missing = [pkg for lib, pkg in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]
    if missing:
        found.append(
            "Qt needs system libraries that are missing. On Debian or Ubuntu install them with:\n"
            f"  sudo apt-get install {' '.join(missing)}"
        )
    if not os.environ.get("DISPLAY"):
        found.append(
            "There is no display (DISPLAY is not set). Start Quid from a desktop session, or "
            "use QT_QPA_PLATFORM=offscreen for a headless run."
        )
    return found


def main() -> int:
    found = problems()
    for message in found:
        print(f"quid: {message}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
