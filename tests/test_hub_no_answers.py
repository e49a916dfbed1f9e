"""No model answer within a student's reach on a hub set up as the README says.

The README's hub image clones the `student` branch (`make student-branch`) and installs the
package from it with pip; nbgitpuller copies the same branch into each student's folder.
This test builds both from the committed state of this repository, in a temporary clone,
and looks for every model answer (read from the teacher's sources: any CSV under data/ or
teacher/ with a `model_answer` column) in:

- every file of the wheel pip builds and installs,
- every file of the student branch, as a shallow clone of its file:// address,
- what `from newsfacts.lesson import *`, the first line of every lesson, makes available.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from model_answers import found_in, needles

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def student(tmp_path_factory) -> dict[str, Path]:
    """The student branch as the image and nbgitpuller get it, its wheel, and the install."""
    base = tmp_path_factory.mktemp("hub-image")
    teacher = base / "newsfacts"
    run("git", "clone", "--quiet", str(ROOT), str(teacher))
    run(sys.executable, str(ROOT / "scripts" / "student_branch.py"), cwd=teacher)
    # As the README's Dockerfile: a shallow clone of the student branch, then pip install.
    checkout = base / "student"
    url = teacher.as_uri()
    run("git", "clone", "--quiet", "--depth", "1", "--branch", "student", url, str(checkout))
    wheels = base / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    run(
        *pip,
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        str(wheels),
        str(checkout),
    )
    (wheel,) = wheels.glob("newsfacts-*.whl")
    site = base / "site"
    run(*pip, "install", "--quiet", "--no-deps", "--target", str(site), str(wheel))
    return {"checkout": checkout, "wheel": wheel, "site": site}


def test_the_wheel_holds_no_model_answer(student):
    pieces = needles()
    found = {}
    with zipfile.ZipFile(student["wheel"]) as wheel:
        for name in wheel.namelist():
            hits = found_in(wheel.read(name).decode("utf-8", errors="replace"), pieces)
            if hits:
                found[name] = hits
    assert not found, f"model answers in the installed package: {found}"


def test_the_student_branch_holds_no_model_answer(student):
    pieces = needles()
    checkout = student["checkout"]
    files = run("git", "ls-files", cwd=checkout).splitlines()
    assert "notebooks/00-start-here.ipynb" in files
    assert not [f for f in files if f.startswith("teacher/")]
    found = {}
    for name in files:
        text = (checkout / name).read_bytes().decode("utf-8", errors="replace")
        hits = found_in(text, pieces)
        if hits:
            found[name] = hits
    # Every object the clone holds, so also what git keeps of other commits.
    objects = subprocess.run(
        ["git", "cat-file", "--batch-all-objects", "--batch"],
        cwd=checkout,
        capture_output=True,
        check=True,
    ).stdout
    hits = found_in(objects.decode("utf-8", errors="replace"), pieces)
    if hits:
        found[".git objects"] = hits
    assert not found, f"model answers in the student branch: {found}"


LESSON_NAMESPACE = """
import json, sys
import newsfacts
from newsfacts.lesson import *
names = sorted(n for n in dir() if not n.startswith("_"))
values = []
for n in names:
    value = globals()[n]
    if isinstance(value, (str, bytes, list, tuple, dict, set)):
        values.append(repr(value))
book = newsfacts.load()
for name in book.tables:
    values.append(book.tables[name].to_csv())
print(json.dumps({"file": newsfacts.__file__, "names": names, "values": values}))
"""


def test_the_lessons_star_import_gives_no_answer_key(student):
    env = {**os.environ, "PYTHONPATH": str(student["site"])}
    seen = json.loads(run(sys.executable, "-c", LESSON_NAMESPACE, cwd=student["site"], env=env))
    assert Path(seen["file"]).is_relative_to(student["site"]), seen["file"]
    assert "answer_key" not in seen["names"]
    assert not [n for n in seen["names"] if "answer" in n.lower() and "key" in n.lower()]
    hits = found_in("\n".join(seen["values"]), needles())
    assert not hits, f"model answers reachable from the lessons' star import: {hits}"
