"""Helpers for tests that break one thing in a copy of the mini pack, and the checks that the
library tests (on the mini pack) and the content tests (tests/pack, on the bundled pack) share."""

from __future__ import annotations

import csv
import html
import importlib.util
import io
import json
import re
import shutil
from pathlib import Path
from types import ModuleType

import pytest

import newsfacts

REPO = Path(__file__).resolve().parents[1]
MINI_PACK = Path(__file__).parent / "fixtures" / "mini-pack"
WORLD = Path(__file__).parent / "fixtures" / "world"


def replace(path: Path, old: str, new: str) -> None:
    """Replace text that occurs exactly once in a file (so a typo in a test fails loudly)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8", newline="")


def drop_column(path: Path, column: str) -> None:
    """Remove a column, header and cells, from a CSV file."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    index = rows[0].index(column)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([row[:index] + row[index + 1 :] for row in rows])
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def problems_of(pack: Path) -> newsfacts.DataError:
    """Load a pack that must be broken; return the DataError."""
    with pytest.raises(newsfacts.DataError) as caught:
        newsfacts.load(pack)
    return caught.value


def world_pack(folder: Path) -> Path:
    """Write into `folder` the mini pack with a world round it (tests/fixtures/world, made up
    like the mini pack): the headline names Denmark, three more story paragraphs name states,
    regions and cities the bundled map file knows, and its rows are added at the ends of the
    tables, so the pack has 20 relations, more than a diagram draws at once."""
    pack = Path(shutil.copytree(MINI_PACK, folder))
    headline, *paragraphs = (WORLD / "article.txt").read_text(encoding="utf-8").split("\n\n")
    article = pack / "article.txt"
    _, rest = article.read_text(encoding="utf-8").rstrip("\n").split("\n", 1)
    article.write_text("\n".join([headline, rest]) + "\n\n" + "\n\n".join(paragraphs), "utf-8")
    for table in WORLD.glob("*.csv"):
        rows = table.read_text(encoding="utf-8").split("\n", 1)[1]  # without the header
        with open(pack / table.name, "a", encoding="utf-8", newline="") as file:
            file.write(rows)
    replace(pack / "exercises.csv", "paragraphs,kind,3,", "paragraphs,kind,6,")
    return pack


# Exercises (tests/test_exercises.py, tests/pack/test_exercises.py)


def model_answer(book, name):
    """The model answer: the expected rows as a DataFrame, or the number."""
    from newsfacts.lesson.exercises import exercises

    exercise = exercises(book)[name]
    if not isinstance(exercise.expected, tuple):
        return int(exercise.expected)
    table = getattr(book, exercise.table)
    rows = table[table["id"].isin(exercise.expected)]
    if exercise.ordered:
        rows = rows.set_index("id", drop=False).loc[list(exercise.expected)]
    return rows


def assert_the_model_answer_passes(book, name):
    """check() passes the model answer, which is some rows of its table (not none, not all) or
    a number; return the feedback."""
    import pandas as pd

    from newsfacts.lesson.exercises import check, exercises

    expected = model_answer(book, name)
    feedback = check(name, expected, book)
    assert feedback.correct
    if isinstance(expected, pd.DataFrame):
        assert not expected.empty, "an exercise whose answer is empty teaches nothing"
        assert len(expected) < len(getattr(book, exercises(book)[name].table))
    return feedback


# The teacher edition's notebooks (tests/test_editions.py, tests/pack/test_editions.py)

SOLUTION_TAG = "solution"
CHECK_LINE = re.compile(r'^check\("([a-z0-9-]+)", answer\)$')
MODEL_LINE = re.compile(r"^answer = (.+?)(\s+#.*)?$")


def notebook_cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def cell_source(cell: dict) -> str:
    return "".join(cell["source"])


def cell_tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def model_answers(lessons: list[Path]) -> list[tuple[str, str, str]]:
    """(lesson, exercise, expression) for every model answer of these teacher notebooks."""
    found = []
    for path in lessons:
        notebook = notebook_cells(path)
        for before, after in zip(notebook, notebook[1:], strict=False):
            match = CHECK_LINE.match(cell_source(after))
            if match and SOLUTION_TAG in cell_tags(before):
                expression = MODEL_LINE.match(cell_source(before)).group(1)
                found.append((path.stem, match.group(1), expression))
    return found


# Charts (tests/test_plots.py, tests/pack/test_plots.py)


def chart_texts(chart) -> list:
    """The visible, non-blank matplotlib Text objects of a chart, laid out as its PNG has them."""
    import matplotlib.text as mtext

    from newsfacts.plots import chart as chart_module

    with chart_module.style():
        chart.figure.canvas.draw()  # lay the figure out as the PNG has it
    found, seen = [], set()
    for text in chart.figure.findobj(mtext.Text):
        if id(text) not in seen and text.get_visible() and text.get_text().strip():
            seen.add(id(text))
            found.append(text)
    return found


def chart_bars(chart) -> list[tuple[float, float, float]]:
    """(y, left, width) of each filled bar, hatched or not."""
    return sorted(
        (round(p.get_y(), 3), p.get_x(), p.get_width())
        for ax in chart.figure.axes
        for p in ax.patches
        if p.get_fill() and p.get_width() > 0
    )


def chart_point_xs(chart) -> list[float]:
    """The x of each single-point marker on a chart's first axes."""
    return [
        float(line.get_xdata()[0])
        for line in chart.figure.axes[0].lines
        if line.get_marker() not in ("None", "", None) and len(line.get_xdata()) == 1
    ]


# Closing questions (tests/test_quiz.py, tests/pack/test_quiz.py)


def assert_closing_questions_have_answers_among_options(book, lesson: str) -> None:
    from newsfacts.lesson.questions import check_understanding, questions

    made = questions(book, lesson)
    assert made
    for question in made:
        assert question.answer in question.options
        assert len(question.feedback) == len(question.options)
        assert question.evidence, f"{question.id} shows no evidence"
    assert len(check_understanding(book, lesson).questions) == len(made)


def assert_a_right_choice_shows_its_evidence(book, lesson: str) -> None:
    """Choosing the answer shows a tick, and each citation's paragraph, quote and mark."""
    from newsfacts.lesson.questions import check_understanding
    from newsfacts.marks import mark

    for box in check_understanding(book, lesson).questions:
        box.control.value = box.question.answer
        shown = html.unescape(box.feedback.value)
        assert "✓" in shown
        for citation in box.question.evidence:
            assert f"¶ {citation.paragraph} “{citation.quote}”" in shown
            if citation.basis:
                assert mark(citation.basis).title in shown


def assert_a_wrong_choice_shows_its_feedback_and_evidence(book, lesson: str) -> None:
    """Choosing each wrong option shows a cross, that option's own feedback and the evidence."""
    from newsfacts.lesson.questions import check_understanding

    for box in check_understanding(book, lesson).questions:
        question = box.question
        for option in question.options:
            if option == question.answer:
                continue
            box.control.value = option
            shown = html.unescape(re.sub(r"<[^>]+>", "", box.feedback.value))
            assert "✗" in shown
            assert question.feedback_for(option) in shown
            assert "Evidence:" in shown, "the first try is in: the evidence gives nothing away"


# Handouts (tests/test_handouts.py, tests/pack/test_handouts.py)


def handouts_script() -> ModuleType:
    """scripts/handouts.py, loaded as a module."""
    spec = importlib.util.spec_from_file_location(
        "handouts_script", REPO / "scripts" / "handouts.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_handouts(script: ModuleType, tmp_path_factory) -> Path:
    """Every handout, built through the script's command line into a new temporary folder
    (the test modules make this their module-scoped `handouts` fixture, on `script`)."""
    out = tmp_path_factory.mktemp("handouts")
    assert script.main(["--out", str(out)]) == 0
    return out
