"""The data ships inside the wheel: an installed copy loads the pack from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "data" / "paris-2026"
MAPS = ROOT / "data" / "maps"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("newsfacts-*.whl")
    return found


def test_every_file_of_the_pack_is_in_the_wheel(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in PACK.iterdir():
        assert f"newsfacts/packs/paris-2026/{path.name}" in names, path.name


def test_the_map_file_and_its_notice_are_in_the_wheel(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in MAPS.iterdir():
        assert f"newsfacts/maps/{path.name}" in names, path.name


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel installed into a folder of its own."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", target, wheel],
        check=True,
        capture_output=True,
    )
    return target


def run_installed(installed: Path, tmp_path: Path, code: str) -> list[str]:
    """The lines `code` prints, run with only the installed copy on the path, in another folder."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(installed)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split("\n")


def test_an_installed_wheel_loads_from_another_folder(installed, tmp_path):
    code = (
        "import newsfacts; b = newsfacts.load(); "
        "print(newsfacts.__file__); print(b.path); print(len(b.figures))"
    )
    module_file, pack_path, figures = run_installed(installed, tmp_path, code)[:3]
    assert module_file.startswith(str(installed))
    assert pack_path.startswith(str(installed)), "the pack must come from the installed copy"
    assert int(figures) > 0


def test_an_installed_wheel_reads_its_own_map_file(installed, tmp_path):
    code = (
        "from newsfacts.plots.maps import map_data, map_file; "
        "print(map_file()); print(len(map_data()[0]))"
    )
    path, areas = run_installed(installed, tmp_path, code)[:2]
    assert path.startswith(str(installed)), "the map file must come from the installed copy"
    assert int(areas) > 100, "every country's outline"
