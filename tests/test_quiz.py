"""Quizzes: choosing an option or pressing Check changes the feedback, never reveals answers."""

from __future__ import annotations

import pytest

from newsfacts import quiz as Q
from newsfacts.errors import UnknownNameError
from newsfacts.questions import QUESTIONS, check_understanding, questions


def test_multiple_choice_feedback_follows_the_choice():
    box = Q.multiple_choice("2 + 2?", ["3", "4"], "4", "Count again.", "Four.")
    assert "Pick an answer" in box.feedback.value
    box.control.value = "3"
    assert "Count again." in box.feedback.value and "✗" in box.feedback.value
    box.control.value = "4"
    assert "Four." in box.feedback.value and "✓" in box.feedback.value


def test_a_wrong_choice_does_not_show_the_right_option():
    box = Q.multiple_choice("Capital?", ["Paris", "Lyon"], "Paris", "Think again.", "Paris.")
    box.control.value = "Lyon"
    assert "Paris" not in box.feedback.value


def test_question_answer_must_be_an_option():
    with pytest.raises(ValueError, match="not one of the options"):
        Q.Question("?", ("a", "b"), "c", "", "")


@pytest.mark.parametrize("claim", ["claim-plan-90", "claim-end-of-alliance"])
def test_who_said_takes_its_answer_from_the_claims_table(book, claim):
    question = Q.who_said(book, claim)
    speaker = book.claims.set_index("id").loc[claim, "speaker"]
    assert question.answer == book.actors.set_index("id").loc[speaker, "name"]
    assert len(set(question.options)) == len(question.options) >= 3
    assert question.answer not in question.hint


def test_who_said_unknown_claim_suggests(book):
    with pytest.raises(UnknownNameError, match="claim-plan-90"):
        Q.who_said(book, "claim-plan-9")


def test_category_follows_basis_and_modality(book):
    for ident in book.claims["id"]:
        assert Q.category_of(book, ident) == "claimed"
    for _, row in book.events.iterrows():
        expected = (
            "claimed"
            if row["basis"] == "attributed"
            else "expected"
            if row["modality"] in ("expected", "threatened", "proposed")
            else "stated"
        )
        assert Q.category_of(book, row["id"]) == expected


def test_sorting_marks_each_choice_and_counts(book):
    ids = ["ev-invasion", "claim-plan-90", "ev-seek-agreement"]
    exercise = Q.sorting(book, ids)
    assert exercise.check() == 0
    assert "0 of 3" in exercise.feedback.value
    truths = [Q.category_of(book, i) for i in ids]
    for (_, choice, _, _), truth in zip(exercise.items, truths, strict=True):
        choice.value = truth
    exercise.button.click()
    assert "3 of 3" in exercise.feedback.value
    wrong = next(c for c in Q.CATEGORIES if c != truths[0])
    exercise.items[0][1].value = wrong
    assert exercise.check() == 2
    assert "✗" in exercise.items[0][2].value


@pytest.mark.parametrize("lesson", sorted(QUESTIONS))
def test_every_lesson_has_closing_questions_whose_answers_are_options(book, lesson):
    made = questions(book, lesson)
    assert made
    for question in made:
        assert question.answer in question.options
    assert len(check_understanding(book, lesson).children) == len(made)


def test_unknown_lesson_suggests(book):
    with pytest.raises(UnknownNameError):
        questions(book, "99")
