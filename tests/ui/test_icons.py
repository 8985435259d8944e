"""Quid's icons: the application icon (SVG and the PNGs made from it) and the action icons on
the menus and buttons — present, not blank, crisp at a device pixel ratio of 2 and painted in
the palette's text colour so they stay legible in light and dark palettes."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QMenu

from app.resources import resource_path
from app.ui import icons
from app.ui.icons import (
    APP_ICON_SIZES,
    MENU_ICONS,
    REQUEST_BUTTON_ICONS,
    SUBMENU_ICONS,
    action_names,
    icon,
)

#: The actions the issue asks an icon for (resources/icons/actions/NAME.svg).
REQUIRED = (
    "add", "edit", "delete", "import", "export", "report", "backup", "restore", "lock",
    "letter", "undo", "redo", "search", "filter", "settings", "help", "about",
)  # fmt: skip
LIGHT = ("#FAFAFA", "#1A1A1A")  # window, text
DARK = ("#232629", "#EFF0F1")


def opaque_pixels(image: QImage) -> list[QColor]:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    found = []
    for y in range(image.height()):
        for x in range(image.width()):
            color = image.pixelColor(x, y)
            if color.alpha() >= 200:
                found.append(color)
    return found


def coverage(image: QImage) -> float:
    """How much of the square is drawn on: the sum of the alpha, as a share of every pixel."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    alpha = sum(
        image.pixelColor(x, y).alpha() for y in range(image.height()) for x in range(image.width())
    )
    return alpha / (255 * image.width() * image.height())


def close(a: QColor, b: QColor) -> bool:
    """The same colour, give or take the rounding of un-premultiplying a soft edge."""
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= 3


def luminance(color: QColor) -> float:
    """WCAG relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def make_palette(window: str, text: str) -> QPalette:
    palette = QPalette(QColor(window))
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.WindowText, QColor(text))
    return palette


@pytest.fixture
def restore_palette(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    before = QGuiApplication.palette()
    yield
    QGuiApplication.setPalette(before)


# --- action icons ---------------------------------------------------------------------------
def test_every_icon_the_app_uses_is_shipped() -> None:
    shipped = set(action_names())
    used = {*MENU_ICONS.values(), *REQUEST_BUTTON_ICONS.values()}
    used |= {name for _, name in SUBMENU_ICONS} | {"about", "add", "edit", "delete", "letter"}
    assert set(REQUIRED) <= shipped, set(REQUIRED) - shipped
    assert used <= shipped, used - shipped


@pytest.mark.parametrize("name", action_names())
def test_action_icon_is_a_plain_monochrome_svg(name: str) -> None:
    path = resource_path("icons", "actions", f"{name}.svg")
    text = path.read_text(encoding="utf-8")
    assert QSvgRenderer(str(path)).isValid()
    assert "currentColor" in text, "drawn in currentColor, so the app can tint it"
    colours = set(re.findall(r"#[0-9a-fA-F]{3,6}\b", text))
    assert not colours, f"a fixed colour would not follow the palette: {colours}"
    assert not re.search(r"<(image|text|use)\b|href=", text), "no external assets, no fonts"


@pytest.mark.parametrize("name", action_names())
def test_action_icon_renders_at_menu_sizes_and_on_high_dpi(qapp, name: str) -> None:  # type: ignore[no-untyped-def]
    shown = icon(name)
    for size, ratio in ((16, 1.0), (32, 1.0), (16, 2.0), (24, 2.0)):
        pixmap = shown.pixmap(QSize(size, size), ratio)
        device = round(size * ratio)
        assert (pixmap.width(), pixmap.height()) == (device, device), (size, ratio)
        assert pixmap.devicePixelRatio() == ratio
        # a real drawing covers a few percent of the square, never all of it
        assert 0.03 < coverage(pixmap.toImage()) < 0.6, (size, ratio)


def pixels(image: QImage) -> list[int]:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return [image.pixel(x, y) for y in range(image.height()) for x in range(image.width())]


def test_high_dpi_pixmap_is_drawn_at_full_resolution_not_scaled_up(qapp) -> None:  # type: ignore[no-untyped-def]
    """A 16 px icon on a 2x screen is the drawing rendered at 32 device pixels, not the 16 px
    image blown up (which would look blurred)."""
    shown = icon("lock")
    on_high_dpi = pixels(shown.pixmap(QSize(16, 16), 2.0).toImage())
    assert on_high_dpi == pixels(shown.pixmap(QSize(32, 32), 1.0).toImage())
    blown_up = pixels(shown.pixmap(QSize(16, 16), 1.0).toImage().scaled(32, 32))
    assert on_high_dpi != blown_up


def test_tint_follows_the_palette(qapp, restore_palette) -> None:  # type: ignore[no-untyped-def]
    shown = icon("delete")  # one QIcon, kept across the palette change like a button's
    seen = {}
    for label, (window, text) in (("light", LIGHT), ("dark", DARK)):
        QGuiApplication.setPalette(make_palette(window, text))
        ink = opaque_pixels(shown.pixmap(QSize(32, 32), 1.0).toImage())
        assert ink
        assert all(close(c, QColor(text)) for c in ink), label
        assert contrast(ink[0], QColor(window)) > 7, f"legible on the {label} palette"
        seen[label] = ink[0].name()
    assert seen["light"] != seen["dark"]


def test_disabled_icon_uses_the_palettes_disabled_text(qapp, restore_palette) -> None:  # type: ignore[no-untyped-def]
    palette = make_palette(*LIGHT)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#A0A0A0"))
    QGuiApplication.setPalette(palette)
    ink = opaque_pixels(icon("add").pixmap(QSize(16, 16), QIcon.Mode.Disabled).toImage())
    assert ink and all(close(c, QColor("#A0A0A0")) for c in ink)


def test_unknown_icon_name_fails_loudly(qapp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KeyError, match="no action icon 'nonesuch'"):
        icon("nonesuch")


# --- the application icon -------------------------------------------------------------------
@pytest.mark.parametrize("size", APP_ICON_SIZES)
def test_app_icon_png_has_its_size_and_a_drawing(qapp, size: int) -> None:  # type: ignore[no-untyped-def]
    image = QImage(str(resource_path("icons", f"quid-{size}.png")))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    ink = opaque_pixels(image)
    assert len(ink) > size * size * 0.6, "the tile fills most of the square"
    assert image.pixelColor(0, 0).alpha() == 0, "rounded corners stay transparent"
    assert len({c.name() for c in ink}) >= 3, "tile, balance and lock: not a blank square"


def test_app_icon_tile_is_legible_on_light_and_dark_backgrounds(qapp) -> None:  # type: ignore[no-untyped-def]
    image = QImage(str(resource_path("icons", "quid-48.png")))
    edge = image.pixelColor(24, 4)  # the tile's top edge, between the corners
    for background in ("#FFFFFF", "#1E1E1E"):
        assert contrast(edge, QColor(background)) >= 3, background  # WCAG: graphics


@pytest.mark.parametrize("svg", ["quid.svg", "quid-small.svg"])
def test_app_icon_svg_stands_alone(svg: str) -> None:
    path = resource_path("icons", svg)
    assert QSvgRenderer(str(path)).isValid()
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"<(image|text|use)\b|href=|font-", text), "no external assets, no fonts"


def test_committed_pngs_match_the_svgs(qapp) -> None:  # type: ignore[no-untyped-def]
    """The PNGs are rendered from the SVGs by resources/icons/render_icons.py: after changing an
    SVG, run it again."""
    import importlib.util

    script = resource_path("icons", "render_icons.py")
    spec = importlib.util.spec_from_file_location("render_icons", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for size in (16, 64):
        svg = resource_path("icons", "quid-small.svg" if size <= 32 else "quid.svg")
        fresh = module.render(svg, size).convertToFormat(QImage.Format.Format_ARGB32)
        shipped = QImage(str(resource_path("icons", f"quid-{size}.png")))
        shipped = shipped.convertToFormat(QImage.Format.Format_ARGB32)
        worst = max(
            abs(fresh.pixelColor(x, y).alpha() - shipped.pixelColor(x, y).alpha())
            for x in range(size)
            for y in range(size)
        )
        assert worst <= 24, f"quid-{size}.png is out of date: run render_icons.py"


# --- wired into the app ---------------------------------------------------------------------
def test_window_icon_is_set_after_start(qtbot, controller, keyring_vault) -> None:  # type: ignore[no-untyped-def]
    controller.start()
    qtbot.waitExposed(controller.window)
    window_icon = controller.window.windowIcon()
    assert not window_icon.isNull()
    assert {s.width() for s in window_icon.availableSizes()} == set(APP_ICON_SIZES)
    assert len(opaque_pixels(window_icon.pixmap(32).toImage())) > 32 * 32 * 0.6


def test_menus_and_main_buttons_have_their_icons(qtbot, controller, keyring_vault) -> None:  # type: ignore[no-untyped-def]
    controller.start()
    window = controller.window
    for attribute, name in MENU_ICONS.items():
        action = getattr(window, attribute)
        assert action.icon().name() == name, attribute
        assert action.text(), "the text stays beside the icon"
    submenus = {
        a.menu().menuAction().icon().name()
        for a in window.menuBar().actions()[0].menu().actions()
        if isinstance(a.menu(), QMenu)
    }
    assert submenus == {"import", "export"}
    help_menu = window.menuBar().actions()[-1].menu()
    assert [a.icon().name() for a in help_menu.actions()] == ["about"]

    view = window.shell.organisations
    assert view.add_button.icon().name() == "add"
    detail = view.detail
    header = (detail.edit_button, detail.letter_button, detail.merge_button, detail.delete_button)
    assert [b.icon().name() for b in header] == ["edit", "letter", "merge", "delete"]
    for section in detail.sections.values():
        assert [b.icon().name() for b in (section.add_button, section.edit_button,
                section.delete_button)] == ["add", "edit", "delete"]  # fmt: skip
    buttons = window.shell.requests.buttons
    assert {key: b.icon().name() for key, b in buttons.items()} == REQUEST_BUTTON_ICONS


@pytest.fixture
def rendered(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """The names of the icons rendered from now on (listed before `controller`, so that the
    window is built after this starts counting)."""
    names: list[str] = []
    original = icons.TintedSvgEngine.render

    def counting(engine, size, color):  # type: ignore[no-untyped-def]
        names.append(engine.path.stem)
        return original(engine, size, color)

    monkeypatch.setattr(icons.TintedSvgEngine, "render", counting)
    icons._shared_icon.cache_clear()  # fresh engines: nothing cached by earlier tests
    return names


def test_building_the_menus_renders_no_icon(qtbot, rendered, controller, keyring_vault) -> None:  # type: ignore[no-untyped-def]
    """Start-up stays fast: an icon is rendered when it is painted, not when it is set."""
    controller.start()
    qtbot.waitExposed(controller.window)
    qtbot.wait(50)
    assert rendered == [], "neither building the menus nor the first paint renders an icon"
    icon_in_menu = controller.window.backup_action.icon()
    icon_in_menu.pixmap(16)
    icon_in_menu.pixmap(16)
    assert rendered == ["backup"], "rendered once when first painted, then cached"
