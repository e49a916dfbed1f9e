"""Every exercise of the bundled pack: its model answer passes, the whole table does not, and
the right answer shows the exercise's evidence."""

from __future__ import annotations

import html

import pandas as pd
import pytest

import newsfacts
from newsfacts.lesson.exercises import check, exercises
from newsfacts.marks import mark

EXERCISES = sorted(exercises(newsfacts.load()))
ROWS = [n for n, e in exercises(newsfacts.load()).items() if isinstance(e.expected, tuple)]


def model(book, name):
    """The model answer: the expected rows as a DataFrame, or the number."""
    exercise = exercises(book)[name]
    if not isinstance(exercise.expected, tuple):
        return int(exercise.expected)
    table = getattr(book, exercise.table)
    rows = table[table["id"].isin(exercise.expected)]
    if exercise.ordered:
        rows = rows.set_index("id", drop=False).loc[list(exercise.expected)]
    return rows


@pytest.mark.parametrize("name", EXERCISES)
def test_the_model_answer_passes_and_shows_its_evidence(paris, name):
    expected = model(paris, name)
    feedback = check(name, expected, paris)
    assert feedback.correct
    if isinstance(expected, pd.DataFrame):
        assert not expected.empty, "an exercise whose answer is empty teaches nothing"
        assert len(expected) < len(getattr(paris, exercises(paris)[name].table))
    shown = html.unescape(feedback._repr_html_())
    for citation in exercises(paris)[name].evidence:
        for text in (str(feedback), shown):
            assert f"¶ {citation.paragraph} “{citation.quote}”" in text
            assert (mark(citation.basis).title if citation.basis else "glossary") in text


@pytest.mark.parametrize("name", ROWS)
def test_the_whole_table_is_not_the_answer_and_the_hint_hides_it(paris, name):
    exercise = exercises(paris)[name]
    feedback = check(name, getattr(paris, exercise.table), paris)
    assert not feedback.correct and feedback.hint
    assert not any(ident in feedback.hint for ident in exercise.expected)
