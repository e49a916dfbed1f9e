"""test_quiz, on the bundled pack: tests moved from tests/test_quiz.py that still read
the bundled article's content."""

from __future__ import annotations

import html
import importlib
import re

import pytest

from newsfacts.lesson.questions import check_understanding, questions
from newsfacts.teacher import answer_key

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


def test_sorting_asks_two_questions_and_marks_both(paris):
    exercise = Q.sorting(paris, "02")
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


def test_who_says_it_offers_the_marks_words(paris):
    from newsfacts.marks import MARKS

    who = Q.sorting(paris, "02").choices[0][0]
    assert choices(who) == [MARKS["article says"].title, MARKS["someone says"].title]
    assert MARKS["someone says"].symbol in choices(who)[1]


def test_sorting_groups_expected_proposed_and_threatened_as_not_yet(paris):
    exercise = Q.sorting(paris, "02")
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


def test_finer_sorting_tells_the_kinds_of_not_yet_apart(paris):
    exercise = Q.sorting(paris, "06", finer=True)
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


def test_sorting_shows_the_whole_sentence_with_its_paragraph(paris):
    exercise = Q.sorting(paris, "02")
    for item, row in zip(exercise.items, exercise.children, strict=False):
        text = row.children[0].value
        assert f"¶ {item.citation.paragraph}" in text
        assert item.citation.quote in item.sentence
        assert item.sentence.endswith((".", "”", '"'))


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


def test_answer_key_lists_every_answer(paris):
    key = str(answer_key(paris, "02"))
    for question in questions(paris, "02"):
        assert f"Answer: {question.answer}" in key
    assert "Model answer" in str(answer_key(paris, "02", "prompts"))
    assert "has it happened?" in str(answer_key(paris, "02", "sorting"))
    with pytest.raises(ValueError, match="part"):
        answer_key(paris, "02", "everything")
