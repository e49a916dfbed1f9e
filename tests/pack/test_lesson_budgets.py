"""Every student lesson stays within the budget: at most 750 words of Markdown and 12 code
cells. The student edition is the teacher notebook without its cells tagged `solution`, so
the budget is computed from teacher/ directly, not from the stored notebooks/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
TEACHER = ROOT / "teacher"
MAX_WORDS = 750
MAX_CODE_CELLS = 12
LESSONS = sorted(TEACHER.glob("*.ipynb")) + sorted(TEACHER.glob("*/*.ipynb"))


def student_cells(notebook: dict) -> list[dict]:
    """The cells a student gets: every cell not tagged `solution`."""
    return [c for c in notebook["cells"] if "solution" not in c.get("metadata", {}).get("tags", [])]


def source(cell: dict) -> str:
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else text


def budget(notebook: dict) -> tuple[int, int]:
    """(Markdown words, code cells) of the student edition of a teacher notebook."""
    cells = student_cells(notebook)
    words = sum(len(source(c).split()) for c in cells if c["cell_type"] == "markdown")
    code = sum(1 for c in cells if c["cell_type"] == "code")
    return words, code


def test_there_are_lessons_to_measure():
    assert len(LESSONS) >= 7


@pytest.mark.parametrize("path", LESSONS, ids=[str(p.relative_to(TEACHER)) for p in LESSONS])
def test_the_student_edition_is_within_budget(path):
    words, code = budget(json.loads(path.read_text(encoding="utf-8")))
    assert words <= MAX_WORDS, f"{path.name}: {words} words of Markdown (at most {MAX_WORDS})"
    assert code <= MAX_CODE_CELLS, f"{path.name}: {code} code cells (at most {MAX_CODE_CELLS})"


def test_the_budget_counts_what_a_student_gets_and_can_fail():
    def cell(kind, text, tags=()):
        return {"cell_type": kind, "source": text, "metadata": {"tags": list(tags)}}

    long_text = "word " * (MAX_WORDS + 1)
    nb = {"cells": [cell("markdown", long_text)] + [cell("code", "x = 1")] * 3}
    assert budget(nb) == (MAX_WORDS + 1, 3)  # over the word budget
    nb = {"cells": [cell("markdown", long_text, ["solution"]), cell("code", "y", ["solution"])]}
    assert budget(nb) == (0, 0)  # a teacher's model answer does not count
    nb = {"cells": [cell("code", ["a = 1\n", "b = 2"])] * (MAX_CODE_CELLS + 1)}
    assert budget(nb)[1] > MAX_CODE_CELLS


def test_each_lesson_states_the_minutes_lessons_csv_gives():
    minutes = pd.read_csv(ROOT / "data" / "paris-2026" / "lessons.csv", dtype=str)
    given = dict(zip(minutes["id"], minutes["minutes"], strict=True))
    for path in sorted(TEACHER.glob("[0-9][0-9]-*.ipynb")):
        first = source(json.loads(path.read_text(encoding="utf-8"))["cells"][0])
        stated = re.search(r"about (\d+) minutes of student work", first)
        assert stated and stated[1] == given[path.name[:2]], path.name
