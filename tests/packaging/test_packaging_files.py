"""The packaging files: valid for the desktop tools, and telling the same id, name and version
as app/__init__.py (the one place for them, STYLE.md 11).

The desktop validators come from apt (`desktop-file-utils`, `appstream`). Without them the
tests skip locally but fail in CI (CI=true), where .ci/run installs them. The frozen build
itself is tested by `make package` (too slow for `make test`); the wheel is built here.
"""

from __future__ import annotations

import os
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QImageReader

import app
from app import APP_ID, APP_NAME, __version__, resources

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
FLATPAK = PACKAGING / "flatpak" / f"{APP_ID}.yml"
INNO = PACKAGING / "windows" / "quid.iss"
PLIST = PACKAGING / "macos" / "Info.plist"
SPEC = PACKAGING / "quid.spec"
ICONS = REPO / "resources" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def tool(name: str) -> str:
    """The path of a validator; in CI a missing one is a failure, not a skip."""
    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed (apt-get install desktop-file-utils appstream)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


# --- what each file says ----------------------------------------------------------------------
def desktop_facts(text: str) -> dict[str, str]:
    entry = dict(re.findall(r"^(\w+)=(.*)$", text, re.MULTILINE))
    return {"name": entry["Name"], "icon": entry["Icon"], "exec": entry["Exec"]}


def metainfo_facts(text: str) -> dict[str, str]:
    root = ET.fromstring(text)
    newest = root.find("releases/release")
    launchable = root.find("launchable")
    assert newest is not None and launchable is not None
    return {
        "id": root.findtext("id", ""),
        "name": root.findtext("name", ""),
        "version": newest.get("version", ""),
        "launchable": launchable.text or "",
    }


def inno_facts(text: str) -> dict[str, str]:
    defines = dict(re.findall(r'^#define (\w+) "([^"]*)"', text, re.MULTILINE))
    return {
        "id": defines["AppIdentifier"],
        "name": defines["AppName"],
        "version": defines["AppVersion"],
    }


def plist_facts(data: bytes) -> dict[str, str]:
    info = plistlib.loads(data)
    return {
        "id": info["CFBundleIdentifier"],
        "name": info["CFBundleName"],
        "version": info["CFBundleShortVersionString"],
    }


def flatpak_facts(text: str) -> dict[str, str]:
    # PyYAML is not a dependency; the top-level keys are plain `key: value` lines.
    top = dict(re.findall(r"^([\w-]+): *(\S.*)$", text, re.MULTILINE))
    return {"id": top["app-id"], "command": top["command"]}


def finish_args(text: str) -> list[str]:
    block = re.search(r"^finish-args:\n((?:  .*\n)+)", text, re.MULTILINE)
    assert block is not None, "the manifest has no finish-args list"
    return re.findall(r"^  - (\S+)", block.group(1), re.MULTILINE)


# --- validators -------------------------------------------------------------------------------
def test_desktop_file_is_valid() -> None:
    result = subprocess.run(
        [tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # desktop-file-validate exits 0 on hints and warnings too: they must not be there either.
    assert result.stdout.strip() == "", result.stdout


def test_metainfo_is_valid_appstream() -> None:
    result = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_validators_reject_a_broken_desktop_file(tmp_path: Path) -> None:
    """The validator does judge our files: one without a Name is refused."""
    broken = tmp_path / DESKTOP.name
    broken.write_text(re.sub(r"^Name=.*\n", "", DESKTOP.read_text(), flags=re.MULTILINE))
    result = subprocess.run(
        [tool("desktop-file-validate"), str(broken)], capture_output=True, text=True
    )
    assert result.returncode != 0


# --- one id, name and version -----------------------------------------------------------------
def test_desktop_file_names_the_app_and_its_icon() -> None:
    facts = desktop_facts(DESKTOP.read_text())
    assert facts == {"name": APP_NAME, "icon": APP_ID, "exec": "quid"}


def test_metainfo_matches_the_app() -> None:
    facts = metainfo_facts(METAINFO.read_text())
    assert facts == {
        "id": APP_ID,
        "name": APP_NAME,
        "version": __version__,
        "launchable": DESKTOP.name,
    }


def test_inno_setup_script_matches_the_app() -> None:
    assert inno_facts(INNO.read_text()) == {"id": APP_ID, "name": APP_NAME, "version": __version__}


def test_info_plist_matches_the_app() -> None:
    assert plist_facts(PLIST.read_bytes()) == {
        "id": APP_ID,
        "name": APP_NAME,
        "version": __version__,
    }
    info = plistlib.loads(PLIST.read_bytes())
    assert info["NSHighResolutionCapable"] is True
    assert info["LSMinimumSystemVersion"]
    assert info["NSHumanReadableCopyright"]


def test_flatpak_manifest_matches_the_app_and_installs_its_files() -> None:
    text = FLATPAK.read_text()
    assert flatpak_facts(text) == {"id": APP_ID, "command": "quid"}
    for installed in (
        f"share/applications/{APP_ID}.desktop",
        f"share/metainfo/{APP_ID}.metainfo.xml",
        f"share/icons/hicolor/scalable/apps/{APP_ID}.svg",
    ):
        assert installed in text


@pytest.mark.parametrize(
    ("path", "read"),
    [
        (METAINFO, lambda text: metainfo_facts(text)["version"]),
        (INNO, lambda text: inno_facts(text)["version"]),
        (PLIST, lambda text: plist_facts(text.encode())["version"]),
    ],
    ids=["metainfo", "inno", "plist"],
)
def test_a_version_bump_in_app_alone_is_noticed(path: Path, read: object) -> None:
    """The checks above read the files themselves: a file left at an older version differs."""
    assert callable(read)
    stale = path.read_text().replace(__version__, "0.0.9")
    assert read(stale) == "0.0.9" != __version__


def test_flatpak_grants_no_network_and_reaches_the_keyring() -> None:
    args = finish_args(FLATPAK.read_text())
    assert "--share=network" not in args
    assert "--talk-name=org.freedesktop.secrets" in args
    assert {"--share=ipc", "--socket=wayland"} <= set(args)


def test_pyinstaller_spec_is_python_that_compiles() -> None:
    source = SPEC.read_text()
    compile(source, str(SPEC), "exec")
    for hidden in ("keyring.backends", "secretstorage", "jeepney", "sqlcipher3", "holidays"):
        assert f'"{hidden}' in source
    assert "app.APP_ID" in source and "app.__version__" in source  # not repeated by hand


# --- icons ------------------------------------------------------------------------------------
def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_icons_that_the_packages_install_exist_at_their_sizes() -> None:
    pngs = {size: ICONS / f"quid-{size}.png" for size in ICON_SIZES}
    if not (ICONS / "quid.svg").is_file() and not any(p.is_file() for p in pngs.values()):
        pytest.skip("resources/icons has no app icon yet")
    assert (ICONS / "quid.svg").is_file()
    for size, path in pngs.items():
        assert path.is_file(), f"{path.name} is missing"
        assert png_size(path) == (size, size), path.name


def icon_images(path: Path) -> dict[int, QImage]:
    """Every image in an .ico or .icns file as Qt's reader sees it, by width."""
    reader = QImageReader(str(path))
    assert reader.canRead(), f"{path.name}: {reader.errorString()}"
    images = {}
    for number in range(reader.imageCount()):
        assert reader.jumpToImage(number)
        image = reader.read()
        assert not image.isNull(), f"{path.name} image {number}: {reader.errorString()}"
        assert image.width() == image.height(), path.name
        images[image.width()] = image.convertToFormat(QImage.Format.Format_ARGB32)
    return images


@pytest.mark.parametrize(
    ("name", "file_format", "sizes"),
    [("quid.ico", "ico", (16, 32, 48, 256)), ("quid.icns", "icns", (16, 32, 64, 128, 256, 512))],
)
def test_windows_and_macos_icons_hold_every_size_of_the_app_icon(
    qapp: object, name: str, file_format: str, sizes: tuple[int, ...]
) -> None:
    """The .ico and .icns open, at the sizes the platforms ask for, and show the same pixels
    as the PNGs (so they were made from the current SVGs, with their transparency)."""
    path = ICONS / name
    assert path.is_file(), f"{name} is missing: run python resources/icons/render_icons.py"
    assert bytes(QImageReader(str(path)).format().data()).decode() == file_format
    images = icon_images(path)
    assert tuple(sorted(images)) == sizes
    for size, image in images.items():
        png = QImage(str(ICONS / f"quid-{size}.png")).convertToFormat(QImage.Format.Format_ARGB32)
        assert image == png, f"{name} at {size} px differs from quid-{size}.png"
        assert image.pixelColor(0, 0).alpha() == 0, f"{name} at {size} px lost its transparency"


def test_installers_use_the_ready_made_icons() -> None:
    """PyInstaller and Inno Setup take quid.ico / quid.icns as they are (no Pillow needed)."""
    spec = SPEC.read_text()
    assert '"quid.ico"' in spec and '"quid.icns"' in spec
    assert "PIL" not in spec
    icon_file = re.search(r'^#define IconFile .*"([^"]+)"$', INNO.read_text(), re.MULTILINE)
    assert icon_file is not None
    assert (INNO.parent / icon_file.group(1).replace("\\", "/")).resolve() == ICONS / "quid.ico"
    assert re.search(r"^SetupIconFile=\{#IconFile\}$", INNO.read_text(), re.MULTILINE)


# --- the wheel --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built offline from a copy of the sources (a build/ folder left in the
    checkout by others must not leak stale files into it)."""
    source = tmp_path_factory.mktemp("source")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("app", "resources"):
        shutil.copytree(REPO / folder, source / folder, ignore=ignore)
    for name in ("pyproject.toml", "setup.py", "README.md", "LICENSE"):
        shutil.copy2(REPO / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    offline = ["--no-deps", "--no-build-isolation", "--no-index", "--disable-pip-version-check"]
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", *offline, "-q", "-w", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("*.whl")
    return built


def test_wheel_carries_the_resources_and_no_build_scripts(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "app/resources_data/taxonomy/categories.json",
        "app/resources_data/directory/organisations.json",
        "app/resources_data/letters/en/access.txt.j2",
        "app/resources_data/licenses/THIRD-PARTY.md",
        "app/resources_data/schema/quid-ledger.schema.json",
        "app/py.typed",
    }
    assert expected <= names
    shipped = {
        path.relative_to(REPO / "resources").as_posix()
        for path in (REPO / "resources").rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    }
    assert {f"app/resources_data/{name}" for name in shipped} <= names
    assert not [name for name in names if name.startswith("app/resources_data/") and ".py" in name]
    assert not [name for name in names if name.startswith("resources/")]


def test_an_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    """Unpacked as pip would into site-packages, with no checkout beside it: the CLI reads the
    directory and the taxonomy from the package's own copy."""
    site = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    probe = (
        "import app, app.resources as r; "
        "print(app.__file__); print(r.resource_path('taxonomy', 'categories.json'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert result.returncode == 0, result.stderr
    package_file, categories = result.stdout.splitlines()
    assert Path(package_file).is_relative_to(site)
    assert Path(categories) == site / "app" / "resources_data" / "taxonomy" / "categories.json"

    search = subprocess.run(
        [sys.executable, "-m", "app", "directory", "search", "bol"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert search.returncode == 0, search.stderr
    assert "bol.com" in search.stdout


def test_the_package_copy_wins_over_a_resources_folder_of_another_distribution(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In site-packages, `resources/` beside `app/` may belong to anything else installed."""
    site = tmp_path / "site-packages"
    (site / "app" / "resources_data").mkdir(parents=True)
    (site / "resources").mkdir()
    monkeypatch.setattr(app, "__file__", str(site / "app" / "__init__.py"))
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert resources.resources_dir() == site / "app" / "resources_data"
