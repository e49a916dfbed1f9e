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


def test_an_installed_wheel_loads_from_another_folder(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", target, wheel],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import newsfacts; b = newsfacts.load(); "
        "print(newsfacts.__file__); print(b.path); print(len(b.figures))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    module_file, pack_path, figures = done.stdout.split("\n")[:3]
    assert module_file.startswith(str(target))
    assert pack_path.startswith(str(target)), "the pack must come from the installed copy"
    assert int(figures) > 0
