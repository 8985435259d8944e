"""Which files the wheel holds; everything else about the build is in pyproject.toml.

Quid's read-only data lives in `resources/` beside the `app` package (where a checkout and
PyInstaller find it). An installed wheel has no such folder, so `resources/` is shipped inside the
package as `app/resources_data/` (found by `app.resources.resource_path`). pyproject.toml alone
cannot map a folder outside the package into it while also finding the `app*` packages, hence
this file. Every sub-folder is listed as a package of its own: setuptools only ships data files
of listed packages.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

RESOURCES = Path("resources")
RESOURCE_PACKAGE = "app.resources_data"


def resource_packages() -> list[str]:
    folders = [RESOURCES]
    folders += sorted(p for p in RESOURCES.rglob("*") if p.is_dir() and p.name != "__pycache__")
    return [".".join([RESOURCE_PACKAGE, *f.relative_to(RESOURCES).parts]) for f in folders]


class BuildPyWithoutResourceScripts(build_py):
    """resources/build_reference_data.py rebuilds the data from sources: a developer's tool, not
    part of the installed app."""

    def find_package_modules(self, package: str, package_dir: str) -> list[tuple[str, str, str]]:
        if package == RESOURCE_PACKAGE or package.startswith(RESOURCE_PACKAGE + "."):
            return []
        return list(super().find_package_modules(package, package_dir))


data_packages = resource_packages()
setup(
    packages=[*find_packages(include=["app*"]), *data_packages],
    package_dir={RESOURCE_PACKAGE: str(RESOURCES)},
    package_data={"app": ["py.typed"], **{package: ["*"] for package in data_packages}},
    exclude_package_data={package: ["*.py", "*.pyc"] for package in data_packages},
    cmdclass={"build_py": BuildPyWithoutResourceScripts},
)
