"""Quizzes: choosing an option or pressing Check changes the feedback, never reveals answers."""

from __future__ import annotations

import importlib

import pytest

from newsfacts.errors import UnknownNameError
from newsfacts.lesson.questions import questions

Q = importlib.import_module("newsfacts.lesson.quiz")


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


def test_the_first_try_counts_and_stays_shown():
    quiz = Q.quiz(
        [
            Q.Question("2 + 2?", ("3", "4"), "4", "Count again.", "Four."),
            Q.Question("1 + 1?", ("2", "5"), "2", "Count again.", "Two."),
        ]
    )
    first, second = quiz.questions
    first.control.value = "3"
    first.control.value = "4"  # reading why the other option is right does not change it
    assert first.first == "3" and first.first_correct is False
    assert "First try:" in first.first_try.value and "3" in first.first_try.value
    assert "✓" in first.feedback.value, "feedback still follows the option picked"
    assert quiz.score.value == "", "no count until every question has a first try"
    second.control.value = "2"
    assert quiz.first_tries_right == 1
    assert "1 of 2" in quiz.score.value


def test_question_answer_must_be_an_option():
    with pytest.raises(ValueError, match="not one of the options"):
        Q.Question("?", ("a", "b"), "c", "", "")


def choices(dropdown):
    return [label for label, key in dropdown.options if key]


def test_no_choice_is_one_no_sentence_can_have():
    assert "wanted" not in Q.MODALITY
    assert list(Q.happened_choices(["happened"], finer=True)) == ["happened", "going on"]
    assert list(Q.happened_choices(["threatened", "expected"], finer=True)) == [
        "happened",
        "going on",
        "expected",
        "threatened",
    ]


def test_sorting_wants_a_lesson_not_a_list(book):
    with pytest.raises(TypeError, match="lesson"):
        Q.sorting(book, ["ev-invasion"])


def test_sentence_with_picks_the_sentences_holding_the_quote():
    text = "One. Two three four. Five six."
    assert Q.sentence_with(text, "three") == "Two three four."
    assert Q.sentence_with(text, "four. Five") == "Two three four. Five six."
    assert Q.sentence_with(text, "absent") == text


def test_unknown_lesson_suggests(book):
    with pytest.raises(UnknownNameError):
        questions(book, "99")


def test_who_said_takes_its_answer_from_the_claims_table(book):
    question = Q.who_said(book, "cl-block")
    assert question.answer == "fishermen"
    assert len(set(question.options)) == len(question.options) >= 3
    assert question.answer not in question.hint


def test_who_said_unknown_claim_suggests(book):
    with pytest.raises(UnknownNameError, match="cl-block"):
        Q.who_said(book, "cl-blok")
