"""Render Quid's application icon: `python resources/icons/render_icons.py`.

quid-{16,32}.png come from quid-small.svg (the motif simplified for a pixel grid), the larger
sizes from quid.svg. quid.ico (Windows: the executables and the installer) and quid.icns (the
macOS app bundle) hold several of those sizes in one file. Run it again after changing either
SVG and commit the results: the app and packagers use these files, so no SVG has to be rendered
while Quid starts and PyInstaller needs no Pillow to convert an icon.

Qt's own ico and icns writers store one image per file, so the containers are put together
here: in quid.ico the small sizes as bitmaps (Qt's ico writer makes them; every Windows tool
reads those) and 256 as PNG, as icon editors do; in quid.icns every size as PNG (macOS 10.7 and
later). Qt's readers open both, which tests/packaging checks.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SIZES = (16, 32, 48, 64, 128, 256, 512)
SMALL_UP_TO = 32  # sizes up to this use quid-small.svg
ICO_SIZES = (16, 32, 48, 256)  # what Windows asks for: lists, taskbar, desktop, large views
# icns entry types that hold a PNG of one size (Apple's "ic07"… names; icp4-icp6 for small ones)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg.name}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def encoded(image: QImage, file_format: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, file_format):
        raise SystemExit(f"could not encode a {file_format} image")
    return bytes(data.data())


def ico_bitmap(image: QImage) -> bytes:
    """The one bitmap of the single-image ICO that Qt writes (its directory entry says where)."""
    single = encoded(image, "ICO")
    length, offset = struct.unpack("<II", single[6 + 8 : 6 + 16])
    return single[offset : offset + length]


def ico_file(images: dict[int, bytes]) -> bytes:
    """An ICO directory (type 1 = icon) followed by one image per size; 256 is written as 0."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, data = b"", b""
    for size, image in images.items():
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
        data += image
    return header + entries + data


def icns_file(pngs: dict[int, bytes]) -> bytes:
    """'icns' and the whole length, then per size its type, the entry's length and the PNG."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png for size, png in pngs.items()
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def image_for(size: int) -> QImage:
    return render(HERE / ("quid-small.svg" if size <= SMALL_UP_TO else "quid.svg"), size)


def main(out: Path = HERE) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is shown
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        target = out / f"quid-{size}.png"
        if not image_for(size).save(str(target)):
            raise SystemExit(f"could not write {target}")
        print(target)
    ico = {
        size: encoded(image_for(size), "PNG") if size >= 256 else ico_bitmap(image_for(size))
        for size in ICO_SIZES
    }
    icns = {size: encoded(image_for(size), "PNG") for size in ICNS_TYPES}
    for name, data in (("quid.ico", ico_file(ico)), ("quid.icns", icns_file(icns))):
        (out / name).write_bytes(data)
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE))
