"""`make student-branch`: built in a temporary clone, never in the working repository."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "student_branch.py"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def build(repo: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(SCRIPT)], cwd=repo, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return git(repo, "rev-parse", "refs/heads/student")


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("clone") / "newsfacts"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(repo)], check=True)
    for key, value in (("user.name", "Test"), ("user.email", "test@example.invalid")):
        git(repo, "config", key, value)
    return repo


def tagged_solution(repo: Path, commit: str, path: str) -> list[int]:
    nb = json.loads(git(repo, "show", f"{commit}:{path}"))
    return [
        n
        for n, cell in enumerate(nb["cells"])
        if "solution" in cell.get("metadata", {}).get("tags", [])
    ]


def test_student_branch_holds_what_students_need_and_no_answer_key(clone):
    head, status = git(clone, "rev-parse", "HEAD"), git(clone, "status", "--porcelain")
    commit = build(clone)
    files = git(clone, "ls-tree", "-r", "--name-only", commit).splitlines()
    assert not [f for f in files if f.startswith("teacher/") or "teacher-guide" in f]
    for needed in ("README.md", "LICENSE", "pyproject.toml", "binder/requirements.txt"):
        assert needed in files
    assert any(f.startswith("src/newsfacts/") for f in files)
    assert any(f.startswith("data/") and f.endswith(".csv") for f in files)
    lessons = [f for f in files if f.startswith("notebooks/") and f.endswith(".ipynb")]
    assert len(lessons) == len(list((clone / "teacher").rglob("[0-9][0-9]-*.ipynb")))
    for lesson in lessons:
        assert tagged_solution(clone, commit, lesson) == [], lesson
    assert "docs/sources.md" in files  # lesson 0 links to it
    for path in [f for f in files if f.endswith("/prompts.csv")]:
        rows = list(csv.DictReader(io.StringIO(git(clone, "show", f"{commit}:{path}"))))
        assert not any(row.get("model_answer") for row in rows), path
    # The work tree, the index and the current branch are untouched.
    assert git(clone, "rev-parse", "HEAD") == head
    assert git(clone, "status", "--porcelain") == status
    assert git(clone, "symbolic-ref", "--short", "HEAD") != "student"


def test_binder_can_install_the_package_from_the_student_branch(clone):
    import tomllib

    commit = build(clone)
    files = git(clone, "ls-tree", "-r", "--name-only", commit).splitlines()
    assert "binder/postBuild" in files and "binder/runtime.txt" in files
    pyproject = tomllib.loads(git(clone, "show", f"{commit}:pyproject.toml"))
    wheel = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]
    for folder in [*wheel["packages"], *wheel.get("force-include", {})]:
        assert any(f.startswith(folder.rstrip("/") + "/") for f in files), folder
    assert pyproject["project"]["readme"] in files


def test_two_runs_give_the_same_commit(clone):
    first = build(clone)
    git(clone, "update-ref", "-d", "refs/heads/student")
    assert build(clone) == first  # from scratch again: same id
    assert build(clone) == first  # nothing changed: the branch stays as it is


def test_a_solution_cell_in_notebooks_is_removed_and_history_kept(clone):
    before = build(clone)
    lesson = sorted((clone / "notebooks").glob("[0-9][0-9]-*.ipynb"))[0]
    nb = json.loads(lesson.read_text(encoding="utf-8"))
    nb["cells"].append(
        {
            "cell_type": "code",
            "metadata": {"tags": ["solution"]},
            "source": "ANSWER = 42",
            "outputs": [],
            "execution_count": None,
        }
    )
    lesson.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    git(clone, "commit", "--quiet", "-m", "a solution slipped in", "--", str(lesson))
    assert build(clone) == before  # the solution cell is removed: nothing else changed
    readme = clone / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    git(clone, "commit", "--quiet", "-m", "README grows", "--", "README.md")
    after = build(clone)
    assert after != before
    assert git(clone, "rev-parse", f"{after}^") == before  # nbgitpuller can pull it
    path = f"notebooks/{lesson.name}"
    assert tagged_solution(clone, after, path) == []
    assert "ANSWER = 42" not in git(clone, "show", f"{after}:{path}")
