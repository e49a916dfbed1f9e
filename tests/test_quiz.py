"""Quizzes: choosing an option or pressing Check changes the feedback, never reveals answers."""

from __future__ import annotations

import importlib

import pytest
from pack_helpers import (
    assert_a_right_choice_shows_its_evidence,
    assert_a_wrong_choice_shows_its_feedback_and_evidence,
    assert_closing_questions_have_answers_among_options,
)

from newsfacts.errors import UnknownNameError
from newsfacts.lesson.questions import questions
from newsfacts.teacher import answer_key

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


def test_a_sentence_to_sort_keeps_its_start_after_an_abbreviation():
    # A Reuters story: the sorting task showed "President Donald Trump vowed ...", cut at "U.S."
    text = (
        "The deal came as U.S. President Donald Trump vowed to act. Mr. Munoz agreed. Others left."
    )
    assert Q.sentence_with(text, "vowed to act") == (
        "The deal came as U.S. President Donald Trump vowed to act."
    )
    assert Q.sentence_with(text, "Munoz agreed") == "Mr. Munoz agreed."


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


def test_sorting_asks_two_questions_and_marks_both(book):
    exercise = Q.sorting(book, "01")
    assert len(exercise.items) >= 3
    assert exercise.check() == 0
    total = 2 * len(exercise.items)
    assert f"0 of {total}" in exercise.feedback.value
    for item, (who, happened, _) in zip(exercise.items, exercise.choices, strict=True):
        who.value, happened.value = item.who, exercise.right_choice(item)
    exercise.button.click()
    assert f"{total} of {total}" in exercise.feedback.value
    first = exercise.items[0]
    happened = exercise.choices[0][1]
    wrong = next(key for _, key in happened.options if key and key != happened.value)
    happened.value = wrong
    assert exercise.check() == total - 1
    mark = exercise.choices[0][2].value
    assert "✗" in mark and "Who says it: right" in mark
    # The feedback is the right answer's explanation and evidence, never the picked pile's.
    assert first.citation.quote.split("'")[0][:20] in mark.replace("&#x27;", "'")
    assert exercise.happened_words[wrong] not in mark


def test_who_says_it_offers_the_marks_words(book):
    from newsfacts.marks import MARKS

    who = Q.sorting(book, "01").choices[0][0]
    assert choices(who) == [MARKS["article says"].title, MARKS["someone says"].title]
    assert MARKS["someone says"].symbol in choices(who)[1]


def test_sorting_groups_expected_proposed_and_threatened_as_not_yet(book):
    exercise = Q.sorting(book, "01")
    coded = {item.modality for item in exercise.items}
    assert {"expected", "proposed"} <= coded, "the lesson sorts two kinds of not yet"
    happened = exercise.choices[0][1]
    assert [key for _, key in happened.options if key] == ["happened", "going on", "not yet"]
    for number, item in enumerate(exercise.items):
        exercise.choices[number][0].value = item.who
        exercise.choices[number][1].value = "not yet"
    exercise.check()
    for item, (_, _, mark) in zip(exercise.items, exercise.choices, strict=True):
        right = "Has it happened: right" in mark.value
        assert right == (item.modality in Q.NOT_YET), item.fact


def test_finer_sorting_tells_the_kinds_of_not_yet_apart(book):
    exercise = Q.sorting(book, "01", finer=True)
    coded = [item.modality for item in exercise.items]
    offered = [key for _, key in exercise.choices[0][1].options if key]
    assert "not yet" not in offered
    assert [k for k in offered if k in Q.NOT_YET] == [m for m in Q.NOT_YET if m in coded]
    later = next(i for i, item in enumerate(exercise.items) if item.modality in Q.NOT_YET)
    item = exercise.items[later]
    other = next(k for k in offered if k in Q.NOT_YET and k != item.modality)
    who, happened, mark = exercise.choices[later]
    who.value, happened.value = item.who, other
    exercise.check()
    assert "Has it happened: not this one" in mark.value
    happened.value = item.modality
    exercise.check()
    assert "Has it happened: right" in mark.value


def test_sorting_shows_the_whole_sentence_with_its_paragraph(book):
    exercise = Q.sorting(book, "01")
    for item, row in zip(exercise.items, exercise.children, strict=False):
        text = row.children[0].value
        assert f"¶ {item.citation.paragraph}" in text
        assert item.citation.quote in item.sentence
        assert item.sentence.endswith((".", "”", '"'))


def test_answer_key_lists_every_answer(book):
    key = str(answer_key(book, "01"))
    for question in questions(book, "01"):
        assert f"Answer: {question.answer}" in key
    assert "Model answer" in str(answer_key(book, "01", "prompts"))
    assert "has it happened?" in str(answer_key(book, "01", "sorting"))
    with pytest.raises(ValueError, match="part"):
        answer_key(book, "01", "everything")


def test_closing_questions_have_their_answers_among_the_options(book):
    assert_closing_questions_have_answers_among_options(book, "01")


def test_a_right_choice_shows_paragraph_quote_and_mark_of_its_evidence(book):
    assert_a_right_choice_shows_its_evidence(book, "01")


def test_a_wrong_choice_shows_its_feedback_and_the_evidence(book):
    assert_a_wrong_choice_shows_its_feedback_and_evidence(book, "01")
