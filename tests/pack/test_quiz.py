"""test_quiz, on the bundled pack: tests moved from tests/test_quiz.py that still read
the bundled article's content."""

from __future__ import annotations

import importlib

import pytest
from pack_helpers import (
    assert_a_right_choice_shows_its_evidence,
    assert_a_wrong_choice_shows_its_feedback_and_evidence,
    assert_closing_questions_have_answers_among_options,
)

Q = importlib.import_module("newsfacts.lesson.quiz")


def choices(dropdown):
    return [label for label, key in dropdown.options if key]


@pytest.mark.parametrize("claim", ["claim-plan-90", "claim-end-of-alliance"])
def test_who_said_takes_its_answer_from_the_claims_table(paris, claim):
    question = Q.who_said(paris, claim)
    speaker = paris.claims.set_index("id").loc[claim, "speaker"]
    assert question.answer == paris.actors.set_index("id").loc[speaker, "name"]
    assert len(set(question.options)) == len(question.options) >= 3
    assert question.answer not in question.hint


@pytest.mark.parametrize("lesson", ["00", "01", "02", "03", "04", "05", "06"])
def test_every_lesson_has_closing_questions_whose_answers_are_options(paris, lesson):
    assert_closing_questions_have_answers_among_options(paris, lesson)


@pytest.mark.parametrize("lesson", ["00", "01", "02", "03", "04", "05", "06"])
def test_a_right_choice_shows_paragraph_quote_and_mark_of_the_evidence(paris, lesson):
    assert_a_right_choice_shows_its_evidence(paris, lesson)


@pytest.mark.parametrize("lesson", ["00", "01", "02", "03", "04", "05", "06"])
def test_a_wrong_choice_shows_its_own_feedback_and_the_evidence(paris, lesson):
    assert_a_wrong_choice_shows_its_feedback_and_evidence(paris, lesson)
