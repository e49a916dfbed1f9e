"""check(): right answers pass, wrong ones get a hint, odd input never raises."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newsfacts.exercises import EXERCISES, check, describe


@pytest.mark.parametrize("name", sorted(EXERCISES))
def test_the_model_answer_passes(book, name):
    expected = EXERCISES[name].solve(book)
    assert check(name, expected, book).correct
    if isinstance(expected, pd.DataFrame):
        assert not expected.empty, "an exercise whose answer is empty teaches nothing"
        assert len(expected) < len(getattr(book, EXERCISES[name].table))


@pytest.mark.parametrize("name", sorted(n for n, e in EXERCISES.items() if e.table))
def test_the_whole_table_is_not_the_answer_and_the_hint_hides_it(book, name):
    exercise = EXERCISES[name]
    feedback = check(name, getattr(book, exercise.table), book)
    assert not feedback.correct
    assert feedback.hint
    expected_ids = set(exercise.solve(book)["id"])
    assert not any(ident in feedback.hint for ident in expected_ids)


@pytest.mark.parametrize(
    "odd",
    [..., None, "", "x" * 100_000, 42, 3.5, float("nan"), True, [1, 2], {"a": 1}, object()],
)
@pytest.mark.parametrize("name", sorted(EXERCISES))
def test_odd_answers_get_a_hint_not_an_error(book, name, odd):
    feedback = check(name, odd, book)
    assert not feedback.correct
    assert feedback.hint
    assert len(str(feedback)) < 600


def test_a_mask_is_told_to_select_rows(book):
    feedback = check("people", book.actors["kind"] == "person", book)
    assert "mask" in feedback.hint


def test_ids_as_a_list_are_accepted(book):
    ids = list(book.actors.loc[book.actors["kind"] == "person", "id"])
    assert check("people", ids, book).correct
    assert not check("people", ids[:-1], book).correct


def test_a_misspelt_id_gets_a_suggestion(book):
    feedback = check("people", ["zelenski"], book)
    assert "zelensky" in feedback.message


def test_number_answers(book):
    right = EXERCISES["body-paragraphs"].solve(book)
    assert check("body-paragraphs", right, book).correct
    assert "too high" in check("body-paragraphs", right + 1, book).message
    assert "too low" in check("body-paragraphs", right - 1, book).message
    assert "quotes" in check("body-paragraphs", str(right), book).message
    assert "number" in check("body-paragraphs", book.paragraphs, book).message


def test_a_count_made_with_sum_is_a_number(book):
    # Lesson 0's hint counts with (mask).sum(), which gives numpy's int64.
    mask = book.paragraphs["kind"] == "body"
    assert check("body-paragraphs", mask.sum(), book).correct
    assert "too high" in check("body-paragraphs", mask.sum() + 1, book).message


@pytest.mark.parametrize("name", ["peple", 5, None])
def test_an_unknown_exercise_gets_a_hint(book, name):
    feedback = check(name, [], book)
    assert not feedback.correct and feedback.hint


def test_feedback_html_is_escaped(book):
    feedback = check("people", ["<b>"], book)
    assert "<b>" not in feedback._repr_html_()


def test_describe_gives_the_task():
    assert "person" in describe("people")


def test_check_marks_against_the_pack_start_loaded(tmp_path):
    import shutil

    from newsfacts import exercises
    from newsfacts.lesson import start

    mini = Path(__file__).parent / "fixtures" / "mini-pack"
    pack = shutil.copytree(mini, tmp_path / "pack")
    try:
        book = start(pack)
        people = book.actors[book.actors["kind"] == "person"]
        assert check("people", people).correct
        assert check("people", list(people["id"])).correct
    finally:
        exercises.use(None)


def test_closing_questions_on_another_pack_say_what_is_missing(tmp_path):
    import shutil

    import newsfacts
    from newsfacts.questions import questions

    mini = Path(__file__).parent / "fixtures" / "mini-pack"
    book = newsfacts.load(shutil.copytree(mini, tmp_path / "pack"))
    with pytest.raises(ValueError, match="written for the Paris article"):
        questions(book, "02")
