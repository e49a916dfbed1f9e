"""The two editions: teacher/ (the source, with answer keys) and notebooks/ (for students).

`make student` builds notebooks/ from teacher/ with nbconvert's TagRemovePreprocessor,
which drops every cell tagged `solution`, then runs it. These tests build the same way
into a temporary folder and check that no answer reaches a student.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pack_helpers import (
    CHECK_LINE,
    MODEL_LINE,
    SOLUTION_TAG,
    cell_source,
    cell_tags,
    model_answers,
    notebook_cells,
)

import newsfacts
from newsfacts.lesson.exercises import exercises

ROOT = Path(__file__).resolve().parents[1]
TEACHER = sorted((ROOT / "teacher").glob("[0-9][0-9]-*.ipynb"))
STUDENT = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
PLACEHOLDER = "answer = ...  # write one line of pandas here"
#: From lesson 4 on, a fill-in-the-blank: the placeholder, then the line to complete.
BLANK = re.compile(r"^answer = \.\.\.\n# answer = .*____.*$")


def output_text(cell: dict) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts.append("".join(output.get("text", "")))
        for mime in ("text/plain", "text/html", "text/markdown"):
            parts.append("".join(output.get("data", {}).get(mime, "")))
    return "\n".join(part for part in parts if part)


def squeeze(text: str) -> str:
    """Text with no white space and one kind of quote, so spacing cannot hide a match."""
    return re.sub(r"\s+", "", text).replace("'", '"')


def solutions() -> list[tuple[str, dict]]:
    return [(p.stem, c) for p in TEACHER for c in notebook_cells(p) if SOLUTION_TAG in cell_tags(c)]


def teacher_text() -> str:
    """Every cell's source of the teacher edition, all lessons."""
    return "\x00".join(cell_source(cell) for path in TEACHER for cell in notebook_cells(path))


def student_text() -> str:
    """Everything a student sees: every cell's source and stored output, all lessons."""
    return "\x00".join(
        cell_source(cell) + "\x00" + output_text(cell)
        for path in STUDENT
        for cell in notebook_cells(path)
    )


def makefile_flags() -> list[str]:
    """The nbconvert options `make student` uses (the Makefile's STRIP_SOLUTIONS)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    value = re.search(r"^STRIP_SOLUTIONS\s*:=\s*((?:.*\\\n)*.*)$", makefile, flags=re.M)
    assert value, "the Makefile defines STRIP_SOLUTIONS for `make student`"
    return value.group(1).replace("\\\n", " ").split()


def test_make_student_uses_nbconverts_tag_removal():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^student:.*\n((?:\t.*\n)+)", makefile, flags=re.M).group(1)
    assert "jupyter nbconvert $(STRIP_SOLUTIONS) --output-dir notebooks teacher/" in recipe
    assert "scripts/run_notebooks.py notebooks" in recipe
    flags = makefile_flags()
    assert "--TagRemovePreprocessor.enabled=True" in flags
    assert f"--TagRemovePreprocessor.remove_cell_tags={SOLUTION_TAG}" in flags


def test_the_student_edition_is_what_make_student_builds(tmp_path):
    """notebooks/ holds what nbconvert makes of teacher/: the same cells, minus the
    solutions. (test_notebooks.py checks that running them changes nothing.)"""
    subprocess.run(
        [sys.executable, "-m", "nbconvert", *makefile_flags(), "--output-dir", str(tmp_path)]
        + [str(p) for p in TEACHER],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    built = sorted(tmp_path.glob("*.ipynb"))
    assert [p.name for p in built] == [p.name for p in STUDENT]
    for made in built:
        stored = ROOT / "notebooks" / made.name
        want = [
            (c["id"], c["cell_type"], cell_source(c), cell_tags(c)) for c in notebook_cells(made)
        ]
        have = [
            (c["id"], c["cell_type"], cell_source(c), cell_tags(c)) for c in notebook_cells(stored)
        ]
        assert have == want, f"{made.name}: run `make student` and commit the result"
        made_meta = json.loads(made.read_text(encoding="utf-8"))["metadata"]
        stored_meta = json.loads(stored.read_text(encoding="utf-8"))["metadata"]
        assert stored_meta == made_meta


def test_the_teacher_edition_has_solutions_and_the_student_edition_none():
    assert len(TEACHER) == len(STUDENT) == 8
    for path in TEACHER:
        assert any(SOLUTION_TAG in cell_tags(c) for c in notebook_cells(path)), (
            f"{path.name} has no answer key"
        )
    for path in STUDENT:
        assert not [
            cell_source(c)[:60] for c in notebook_cells(path) if SOLUTION_TAG in cell_tags(c)
        ]


@pytest.mark.parametrize(
    ("lesson", "cell"), solutions(), ids=[f"{n}/{c['id']}" for n, c in solutions()]
)
def test_no_solution_text_survives_into_a_student_notebook(lesson, cell):
    seen = squeeze(student_text())
    text = cell_source(cell).strip()
    assert squeeze(text) not in seen, f"{lesson}: a solution cell is in the student edition"
    shown = output_text(cell).strip()
    if shown:
        assert squeeze(shown) not in seen, f"{lesson}: a solution's output reached students"


def test_no_model_answer_survives_into_a_student_notebook():
    answers = model_answers(TEACHER)
    checked = set(re.findall(r'check\("([a-z0-9-]+)", answer\)', teacher_text()))
    assert checked and {name for _, name, _ in answers} == checked, (
        "every exercise a lesson checks has a model answer"
    )
    assert checked <= set(exercises(newsfacts.load()))
    seen = squeeze(student_text())
    for lesson, name, expression in answers:
        assert squeeze(expression) not in seen, f"{lesson}: the answer to {name!r} leaks"


@pytest.mark.parametrize("path", TEACHER, ids=[p.stem for p in TEACHER])
def test_each_exercise_keeps_the_placeholder_then_the_model_answer_then_the_check(path):
    """Teacher: placeholder, model answer, check. Student: placeholder, check."""
    teacher = [cell_source(c) for c in notebook_cells(path)]
    student = [cell_source(c) for c in notebook_cells(ROOT / "notebooks" / path.name)]
    for notebook, gap in ((teacher, 2), (student, 1)):
        checks = [i for i, s in enumerate(notebook) if CHECK_LINE.match(s)]
        assert checks or path.name.startswith("00-"), "lesson 0 alone has no exercise"
        for i in checks:
            assert notebook[i - gap] == PLACEHOLDER or BLANK.match(notebook[i - gap])
    for i, text in enumerate(teacher):
        if CHECK_LINE.match(text):
            assert MODEL_LINE.match(teacher[i - 1]) and teacher[i - 1] != PLACEHOLDER


def test_the_readme_says_where_each_edition_lives():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two editions", 1)[1].split("\n## ", 1)[0]
    assert "`teacher/`" in section and "`notebooks/`" in section
    assert "make student" in section and "Binder" in section
