"""test_quiz, on the bundled pack: tests moved from tests/test_quiz.py that still read
the bundled article's content."""

from __future__ import annotations

import html
import importlib
import re

import pytest

from newsfacts.lesson.questions import check_understanding, questions

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
    made = questions(paris, lesson)
    assert made
    for question in made:
        assert question.answer in question.options
        assert len(question.feedback) == len(question.options)
        assert question.evidence, f"{question.id} shows no evidence"
    assert len(check_understanding(paris, lesson).questions) == len(made)


@pytest.mark.parametrize("lesson", ["00", "01", "02", "03", "04", "05", "06"])
def test_a_right_choice_shows_paragraph_quote_and_mark_of_the_evidence(paris, lesson):
    from newsfacts.marks import mark

    for box in check_understanding(paris, lesson).questions:
        box.control.value = box.question.answer
        shown = html.unescape(box.feedback.value)
        assert "✓" in shown
        for citation in box.question.evidence:
            assert f"¶ {citation.paragraph} “{citation.quote}”" in shown
            if citation.basis:
                assert mark(citation.basis).title in shown


@pytest.mark.parametrize("lesson", ["00", "01", "02", "03", "04", "05", "06"])
def test_a_wrong_choice_shows_its_own_feedback_and_the_evidence(paris, lesson):
    for box in check_understanding(paris, lesson).questions:
        question = box.question
        for option in question.options:
            if option == question.answer:
                continue
            box.control.value = option
            shown = html.unescape(re.sub(r"<[^>]+>", "", box.feedback.value))
            assert "✗" in shown
            assert question.feedback_for(option) in shown
            assert "Evidence:" in shown, "the first try is in: the evidence gives nothing away"
