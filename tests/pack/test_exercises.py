"""Every exercise of the bundled pack: its model answer passes, the whole table does not, and
the right answer shows the exercise's evidence."""

from __future__ import annotations

import html

import pytest
from pack_helpers import assert_the_model_answer_passes

import newsfacts
from newsfacts.lesson.exercises import check, exercises
from newsfacts.marks import mark

EXERCISES = sorted(exercises(newsfacts.load()))
ROWS = [n for n, e in exercises(newsfacts.load()).items() if isinstance(e.expected, tuple)]


@pytest.mark.parametrize("name", EXERCISES)
def test_the_model_answer_passes_and_shows_its_evidence(paris, name):
    feedback = assert_the_model_answer_passes(paris, name)
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
