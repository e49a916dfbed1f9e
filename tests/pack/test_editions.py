"""test_editions, on the bundled pack: tests moved from tests/test_editions.py that still read
the bundled article's content."""

from __future__ import annotations

from pathlib import Path

from pack_helpers import model_answers

from newsfacts.lesson.exercises import check

ROOT = Path(__file__).resolve().parents[2]
TEACHER = sorted((ROOT / "teacher").glob("[0-9][0-9]-*.ipynb"))


def test_every_model_answer_is_right(paris):
    for lesson, name, expression in model_answers(TEACHER):
        feedback = check(name, eval(expression, {"book": paris}), paris)
        assert feedback.correct, f"{lesson}, {name}: {feedback}"
