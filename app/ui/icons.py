"""Quid's own icons: the application icon and a small set of monochrome action icons.

The action icons (resources/icons/actions/NAME.svg, drawn in `currentColor`) are painted in the
palette's text colour when they are shown, not when they are made: they stay legible in light
and dark palettes (also after the palette changes) and are rendered at the exact size and
device pixel ratio asked for, so they are crisp on high-DPI screens. Nothing is rendered while
the menus are built; each SVG is read the first time its icon is painted.

We deliberately do not take icons from the desktop theme (`QIcon.fromTheme`): freedesktop
themes have no names for most of our actions (a letter, a report, a backup, a complaint), so a
mix would be inconsistent, and Windows, macOS and the offscreen platform have no theme at all —
our own set looks the same everywhere.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QAction, QIcon, QIconEngine
from PySide6.QtWidgets import QMenu

from app.resources import resource_path

# Painting classes are imported where an icon is painted, not at start-up: the menus only set
# icons, and the first window paints none.
if TYPE_CHECKING:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPixmap
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QAbstractButton

APP_ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)

#: Icons for the request pane's buttons (app.ui.requests_view, by key), not set yet: that row
#: of nine buttons is already wider than the default window (its minimum width would grow from
#: 980 to 1140 px), so it gets them once it is split (two rows, or a "More" menu).
REQUEST_BUTTON_ICONS = {
    "sent": "send",
    "ack": "check",
    "extend": "calendar",
    "reply": "reply",
    "close": "done",
    "save": "attachment",
    "reminder": "reminder",
    "complaint": "complaint",
    "bundle": "export",
}


#: The icon of each action of the main window's menus, by its attribute on the window (set by
#: app.ui.window_menus). The View menu's page switches have none on purpose.
MENU_ICONS = {
    "add_org_action": "add",
    "profile_action": "profile",
    "import_passwords_action": "key",
    "import_json_action": "import",
    "report_pdf_action": "report",
    "report_html_action": "report",
    "filtered_report_action": "filter",
    "csv_action": "export",
    "json_action": "export",
    "receipts_action": "export",
    "ics_action": "calendar",
    "backup_action": "backup",
    "restore_action": "restore",
    "lock_action": "lock",
    "passphrase_action": "key",
    "key_storage_action": "safe",
    "quit_action": "quit",
    "undo_action": "undo",
    "redo_action": "redo",
    "weights_action": "balance",
    "preferences_action": "settings",
}
#: Submenus get the icon of what they hold: (an action inside, the submenu's icon).
SUBMENU_ICONS = (("import_passwords_action", "import"), ("csv_action", "export"))


def actions_dir() -> Path:
    return resource_path("icons", "actions")


def action_names() -> list[str]:
    """Every action icon Quid ships, e.g. ["about", "add", …]."""
    return sorted(path.stem for path in actions_dir().glob("*.svg"))


def icon(name: str) -> QIcon:
    """The action icon `name` (a file stem in resources/icons/actions), tinted to the palette.

    An unknown name is a programming error: KeyError at once rather than a blank button.
    """
    return QIcon(_shared_icon(name))  # a copy, so a caller's changes do not reach the cache


@cache
def _shared_icon(name: str) -> QIcon:
    path = actions_dir() / f"{name}.svg"
    if not path.is_file():
        raise KeyError(f"no action icon {name!r} in {path.parent}")
    return QIcon(TintedSvgEngine(path))


def set_menu_icons(window: QObject) -> None:
    """Give the main window's menu actions (built by app.ui.window_menus) their icons."""
    for attribute, name in MENU_ICONS.items():
        getattr(window, attribute).setIcon(icon(name))
    for attribute, name in SUBMENU_ICONS:
        for holder in getattr(window, attribute).associatedObjects():
            if isinstance(holder, QMenu):
                holder.menuAction().setIcon(icon(name))
    for action in window.findChildren(QAction):  # About is not kept on the window
        if action.menuRole() == QAction.MenuRole.AboutRole:
            action.setIcon(icon("about"))


def set_button_icons(owner: QObject, *names: str) -> None:
    """`owner.NAME_button` gets the icon NAME, for each name: ("edit", "delete") sets
    owner.edit_button's and owner.delete_button's."""
    for name in names:
        button: QAbstractButton = getattr(owner, f"{name}_button")
        button.setIcon(icon(name))


def tint_color(mode: QIcon.Mode, palette: QPalette | None = None) -> QColor:
    """The colour an action icon is painted in for `mode`: the palette's text colour."""
    from PySide6.QtGui import QGuiApplication, QPalette

    palette = palette or QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:  # a selected row of a view: drawn on the highlight
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    # Normal and Active (a focused button, a hovered menu row): the ordinary text colour
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)


class TintedSvgEngine(QIconEngine):
    """Paints a monochrome SVG in the current palette's text colour, at any size and scale."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._renderer: QSvgRenderer | None = None  # parsed on first paint
        self._pixmaps: dict[tuple[int, int, int, int], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return TintedSvgEngine(self.path)

    def iconName(self) -> str:
        return self.path.stem

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        from PySide6.QtGui import QPixmap

        color = tint_color(mode)
        key = (size.width(), size.height(), int(mode.value), color.rgba())
        cached = self._pixmaps.get(key)
        if cached is None:
            cached = self._pixmaps[key] = QPixmap.fromImage(self.render(size, color))
        return cached

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        from PySide6.QtGui import QPixmap

        # Render at the device's resolution, then draw into the logical rectangle.
        ratio = painter.device().devicePixelRatioF()
        device_size = QSize(round(rect.width() * ratio), round(rect.height() * ratio))
        pixmap = QPixmap(self.pixmap(device_size, mode, state))  # a copy: the cache stays 1x
        pixmap.setDevicePixelRatio(ratio)
        painter.drawPixmap(rect, pixmap)

    def render(self, size: QSize, color: QColor) -> QImage:
        """The SVG drawn at `size` device pixels in `color` on a transparent background."""
        from PySide6.QtCore import QRect, Qt
        from PySide6.QtGui import QImage, QPainter

        if self._renderer is None:
            from PySide6.QtSvg import QSvgRenderer  # loaded when the first icon is painted

            self._renderer = QSvgRenderer(str(self.path))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        if size.isEmpty():
            return image
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(size.width(), size.height())  # square, centred in a non-square request
        self._renderer.render(
            painter, QRect((size.width() - side) // 2, (size.height() - side) // 2, side, side)
        )
        # Keep the drawing's coverage (alpha), replace its colour with the palette's.
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(image.rect(), color)
        painter.end()
        return image


def app_icon() -> QIcon:
    """Quid's application icon from the PNGs made by resources/icons/render_icons.py.

    The files are only registered here; Qt reads one when a size of it is first needed.
    """
    result = QIcon()
    folder = resource_path("icons")
    for size in APP_ICON_SIZES:
        result.addFile(str(folder / f"quid-{size}.png"), QSize(size, size))
    return result
