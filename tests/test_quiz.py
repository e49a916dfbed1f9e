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


def test_question_answer_must_be_an_option():
    with pytest.raises(ValueError, match="not one of the options"):
        Q.Question("?", ("a", "b"), "c", "", "")


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
