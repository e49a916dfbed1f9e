"""check(): right answers pass, wrong ones get a hint, odd input never raises."""

from __future__ import annotations

import html
import re
from pathlib import Path

import numpy as np
import pytest
from pack_helpers import assert_the_model_answer_passes, model_answer

import newsfacts
from newsfacts.lesson.exercises import check, describe, exercises
from newsfacts.pack.spec import CONTENT_TABLES

MINI_PACK = Path(__file__).parent / "fixtures" / "mini-pack"
EXERCISES = sorted(exercises(newsfacts.load(MINI_PACK)))
ROWS = [n for n, e in exercises(newsfacts.load(MINI_PACK)).items() if isinstance(e.expected, tuple)]


@pytest.mark.parametrize("name", EXERCISES)
def test_the_model_answer_passes(book, name):
    assert_the_model_answer_passes(book, name)


@pytest.mark.parametrize("name", ROWS)
def test_the_whole_table_is_not_the_answer_and_the_hint_hides_it(book, name):
    exercise = exercises(book)[name]
    feedback = check(name, getattr(book, exercise.table), book)
    assert not feedback.correct
    assert feedback.hint
    assert not any(ident in feedback.hint for ident in exercise.expected)


@pytest.mark.parametrize("name", EXERCISES)
def test_a_right_answer_shows_its_evidence(book, name):
    from newsfacts.marks import mark

    feedback = check(name, model_answer(book, name), book)
    shown = html.unescape(feedback._repr_html_())
    for citation in exercises(book)[name].evidence:
        for text in (str(feedback), shown):
            assert f"¶ {citation.paragraph} “{citation.quote}”" in text
            assert (mark(citation.basis).title if citation.basis else "glossary") in text
    assert "¶" in str(feedback) or not exercises(book)[name].evidence


@pytest.mark.parametrize("name", ROWS)
def test_a_wrong_answer_shows_no_evidence(book, name):
    exercise = exercises(book)[name]
    feedback = check(name, getattr(book, exercise.table), book)
    assert not feedback.evidence and "Evidence" not in str(feedback)


@pytest.mark.parametrize(
    "odd",
    [..., None, "", "x" * 100_000, 42, 3.5, float("nan"), True, [1, 2], {"a": 1}, object()],
)
@pytest.mark.parametrize("name", EXERCISES)
def test_odd_answers_get_a_hint_not_an_error(book, name, odd):
    feedback = check(name, odd, book)
    assert not feedback.correct
    assert feedback.hint
    assert len(str(feedback)) < 600


@pytest.mark.parametrize(
    ("odd", "words"),
    [
        (3.5, "the number 3.5"),
        (np.int64(7), "the number 7"),
        ({"a": 1}, "a dictionary"),
        (True, "the truth value True"),
        ([1, 2], "a list"),
    ],
)
def test_odd_answers_are_described_in_words_not_python_type_names(book, odd, words):
    texts = [str(check(name, odd, book)) for name in EXERCISES]
    for text in texts:
        assert not re.search(r"\b(float|int64|dict|bool)\b", text), text
    assert any(words in text for text in texts), texts


def test_a_mask_is_told_to_select_rows(book):
    feedback = check("fishermen-claims", book.claims["speaker"] == "fishermen", book)
    assert "mask" in feedback.hint


def test_ids_as_a_list_are_accepted(book):
    ids = list(book.claims.loc[book.claims["speaker"] == "fishermen", "id"])
    assert check("fishermen-claims", ids, book).correct
    assert not check("fishermen-claims", ids[:-1], book).correct


def test_a_misspelt_id_gets_a_suggestion(book):
    feedback = check("fishermen-claims", ["cl-blokc"], book)
    assert "cl-block" in feedback.message


def test_number_answers():
    mini = newsfacts.load(Path(__file__).parent / "fixtures" / "mini-pack")
    right = model_answer(mini, "story-paragraphs")
    assert check("story-paragraphs", right, mini).correct
    assert "too high" in check("story-paragraphs", right + 1, mini).message
    assert "too low" in check("story-paragraphs", right - 1, mini).message
    assert "quotes" in check("story-paragraphs", str(right), mini).message
    assert "number" in check("story-paragraphs", mini.paragraphs, mini).message


def test_a_count_made_with_sum_is_a_number():
    # A count made with (mask).sum() is numpy's int64, not int.
    mini = newsfacts.load(Path(__file__).parent / "fixtures" / "mini-pack")
    mask = mini.paragraphs["kind"] == "story"
    assert check("story-paragraphs", mask.sum(), mini).correct
    assert "too high" in check("story-paragraphs", mask.sum() + 1, mini).message


@pytest.mark.parametrize("name", ["peple", 5, None])
def test_an_unknown_exercise_is_a_friendly_error(book, name):
    with pytest.raises((newsfacts.UnknownNameError, newsfacts.WrongTypeError)) as caught:
        check(name, [], book)
    assert isinstance(caught.value, newsfacts.NewsfactsError)
    assert "exercise" in str(caught.value) and "fact tables" not in str(caught.value)


def test_feedback_html_is_escaped(book):
    feedback = check("fishermen-claims", ["<b>"], book)
    assert "<b>" not in feedback._repr_html_()


def test_describe_gives_the_task(book):
    assert "fishermen" in describe("fishermen-claims", book)


def test_check_marks_against_the_book_it_is_bound_to(tmp_path):
    import shutil

    from newsfacts.lesson import Checker, start

    mini = Path(__file__).parent / "fixtures" / "mini-pack"
    book = start(shutil.copytree(mini, tmp_path / "pack"))
    check = Checker(book)
    expected = book.events[book.events["modality"] == "expected"]
    assert check("expected-events", expected).correct
    assert check("expected-events", list(expected["id"])).correct
    assert "expected" in check.describe("expected-events")
    with pytest.raises(newsfacts.UnknownNameError):
        check("trump-claims", [])  # an exercise of another pack only


def test_a_pack_without_lesson_content_says_how_to_add_it(tmp_path):
    import shutil

    from newsfacts.lesson.questions import questions

    mini = Path(__file__).parent / "fixtures" / "mini-pack"
    pack = shutil.copytree(mini, tmp_path / "pack")
    descriptor = pack / "datapackage.json"
    import json

    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["resources"] = [r for r in data["resources"] if r["name"] not in CONTENT_TABLES]
    descriptor.write_text(json.dumps(data), encoding="utf-8")
    book = newsfacts.load(pack)
    with pytest.raises(ValueError, match="no lesson content"):
        questions(book, "01")
    with pytest.raises(newsfacts.UnknownNameError, match="trump-claims"):
        check("trump-claims", [], book)


def _ordered_pack(tmp_path, ordered="yes", expected="ev-proposal;ev-announce;ev-vote"):
    """A mini pack whose exercise wants every event, in a given order."""
    import shutil

    from pack_helpers import replace

    mini = Path(__file__).parent / "fixtures" / "mini-pack"
    pack = shutil.copytree(mini, tmp_path / "pack")
    replace(
        pack / "exercises.csv",
        "modality,ev-vote,Which column says what has happened?,Compare it with 'expected'.,"
        "The vote is next week.,ev-vote,",
        f"when,{expected},Which column says when?,Sort by it.,Oldest first.,ev-vote,{ordered}",
    )
    return pack


def test_an_ordered_exercise_checks_the_order_and_hints_at_sort_values(tmp_path):
    book = newsfacts.load(_ordered_pack(tmp_path))
    events = book.events.set_index("id", drop=False)
    right = events.loc[["ev-proposal", "ev-announce", "ev-vote"]]
    assert check("expected-events", right, book).correct
    assert check("expected-events", ["ev-proposal", "ev-announce", "ev-vote"], book).correct
    shuffled = check("expected-events", events.loc[["ev-announce", "ev-proposal", "ev-vote"]], book)
    assert not shuffled.correct
    assert "order" in shuffled.message and "sort_values" in shuffled.hint
    assert not any(key in shuffled.hint + shuffled.message for key in events.index), "no answer"
    reverse = check("expected-events", right.iloc[::-1], book)
    assert "reverse" in reverse.message and "ascending=False" in reverse.hint
    twice = check("expected-events", ["ev-proposal", "ev-announce", "ev-vote", "ev-vote"], book)
    assert not twice.correct and "more than once" in twice.message
    missing = check("expected-events", right.iloc[:2], book)
    assert "missing" in missing.message, "a missing row is said before any order"


def test_without_ordered_any_order_is_right(tmp_path):
    book = newsfacts.load(_ordered_pack(tmp_path, ordered=""))
    events = book.events.set_index("id", drop=False)
    assert check(
        "expected-events", events.loc[["ev-vote", "ev-announce", "ev-proposal"]], book
    ).correct


def test_ordered_on_a_number_answer_is_a_pack_problem(tmp_path):
    from pack_helpers import problems_of, replace

    pack = _ordered_pack(tmp_path)
    replace(
        pack / "exercises.csv",
        "Count the rows whose kind is 'story'.,,,",
        "Count the rows whose kind is 'story'.,,,yes",
    )
    error = problems_of(pack)
    assert "exercises.csv" in str(error) and "ordered" in str(error)
    assert "number" in str(error)


def test_ordered_accepts_only_yes_or_empty(tmp_path):
    from pack_helpers import problems_of

    error = problems_of(_ordered_pack(tmp_path, ordered="true"))
    assert "ordered" in str(error) and "yes" in str(error)
