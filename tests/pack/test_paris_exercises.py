"""check(): right answers pass, wrong ones get a hint, odd input never raises."""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd
import pytest
from pack_helpers import MINI_PACK

import newsfacts
from newsfacts.lesson.exercises import check, exercises

EXERCISES = sorted(exercises(newsfacts.load()))
ROWS = [name for name, e in exercises(newsfacts.load()).items() if isinstance(e.expected, tuple)]


def model(book, name):
    """The model answer: the expected rows as a DataFrame, or the number."""
    exercise = exercises(book)[name]
    if not isinstance(exercise.expected, tuple):
        return int(exercise.expected)
    table = getattr(book, exercise.table)
    rows = table[table["id"].isin(exercise.expected)]
    if exercise.ordered:
        rows = rows.set_index("id", drop=False).loc[list(exercise.expected)]
    return rows


def _ordered_pack(tmp_path, ordered="yes", expected="ev-proposal;ev-announce;ev-vote"):
    """A mini pack whose exercise wants every event, in a given order."""
    import shutil

    from pack_helpers import replace

    mini = MINI_PACK
    pack = shutil.copytree(mini, tmp_path / "pack")
    replace(
        pack / "exercises.csv",
        "modality,ev-vote,Which column says what has happened?,Compare it with 'expected'.,"
        "The vote is next week.,ev-vote,",
        f"when,{expected},Which column says when?,Sort by it.,Oldest first.,ev-vote,{ordered}",
    )
    return pack


@pytest.mark.parametrize("name", EXERCISES)
def test_the_model_answer_passes(book, name):
    expected = model(book, name)
    feedback = check(name, expected, book)
    assert feedback.correct
    if isinstance(expected, pd.DataFrame):
        assert not expected.empty, "an exercise whose answer is empty teaches nothing"
        assert len(expected) < len(getattr(book, exercises(book)[name].table))


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

    feedback = check(name, model(book, name), book)
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
    mini = newsfacts.load(MINI_PACK)
    texts = [str(check(name, odd, book)) for name in EXERCISES]
    texts.append(str(check("body-paragraphs", odd, mini)))
    for text in texts:
        assert not re.search(r"\b(float|int64|dict|bool)\b", text), text
    assert any(words in text for text in texts), texts


def test_a_mask_is_told_to_select_rows(book):
    feedback = check("trump-claims", book.claims["speaker"] == "trump", book)
    assert "mask" in feedback.hint


def test_ids_as_a_list_are_accepted(book):
    ids = list(book.claims.loc[book.claims["speaker"] == "trump", "id"])
    assert check("trump-claims", ids, book).correct
    assert not check("trump-claims", ids[:-1], book).correct


def test_a_misspelt_id_gets_a_suggestion(book):
    feedback = check("trump-claims", ["claim-run-venezeula"], book)
    assert "claim-run-venezuela" in feedback.message


def test_a_count_made_with_sum_is_a_number():
    # A count made with (mask).sum() is numpy's int64, not int.
    mini = newsfacts.load(MINI_PACK)
    mask = mini.paragraphs["kind"] == "body"
    assert check("body-paragraphs", mask.sum(), mini).correct
    assert "too high" in check("body-paragraphs", mask.sum() + 1, mini).message


def test_feedback_html_is_escaped(book):
    feedback = check("trump-claims", ["<b>"], book)
    assert "<b>" not in feedback._repr_html_()
