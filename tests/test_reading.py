"""One reading of a pack: `check` and every lesson see the same, normalised values.

What `check` accepts, every lesson shows correctly; what a lesson would fail on, `check`
reports first, in words a spreadsheet user can act on.
"""

from __future__ import annotations

import re

import pytest
from pack_helpers import problems_of, replace

import newsfacts
from newsfacts.lesson.exercises import check
from newsfacts.lesson.questions import check_understanding
from newsfacts.lesson.quiz import sorting


def test_spaces_around_ids_lesson_ids_and_table_names_are_read_away(pack):
    replace(pack / "questions.csv", "q-block,01,", " q-block , 01 ,")
    replace(pack / "exercises.csv", "expected-events,01,", "expected-events,01 ,")
    replace(pack / "exercises.csv", ",events,modality,", ",events ,modality ,")
    replace(pack / "sorting.csv", "01,ev-vote,", " 01, ev-vote ,")
    replace(pack / "claims.csv", "cl-block,fishermen,", "cl-block, fishermen ,")
    replace(pack / "lessons.csv", "01,The bridge vote", " 01 ,The bridge vote")
    book = newsfacts.load(pack)  # check accepts it ...
    quiz = check_understanding(book, "01")  # ... and every lesson shows it
    assert len([box for box in quiz.children if hasattr(box, "question")]) == 1
    assert len(sorting(book, "01").items) == 4  # every row of sorting.csv
    expected = book.events[book.events["modality"] == "expected"]
    assert check("expected-events", expected, book).correct
    assert book.cite("cl-block").id == "cl-block" and book.claims.loc[0, "speaker"] == "fishermen"


def test_a_spreadsheets_lesson_1_is_read_as_01(pack):
    for name in ("lessons", "questions", "exercises", "sorting", "prompts"):
        path = pack / f"{name}.csv"
        path.write_text(re.sub(r"(?m)(^|,)01,", r"\g<1>1,", path.read_text(encoding="utf-8")))
    book = newsfacts.load(pack)
    assert list(book.content["lessons"]["id"]) == ["01"]
    assert len(book.lesson(1).sorting) == 4 and len(book.lesson("01").questions) == 1


@pytest.mark.parametrize(
    ("when", "words", "fix"),
    [
        ("2025-28-12", "has no month 28", "2018-12-19"),
        ("2026-02-30", "not a real date: February 2026 has 28 days", "2018-12-19"),
        ("2024-13", "has no month 13", "2018-12-19"),
        ("19/12/2018", "year-month-day, such as 2018-12-19", "Write it as 2018-12-19"),
        ("5.3.2024", "year-month-day", "Write it as 2024-03-05"),
    ],
)
def test_a_date_that_is_not_a_real_day_is_told_the_form_to_write(pack, when, words, fix):
    replace(pack / "events.csv", "2024-03-04", when)
    problem = problems_of(pack).problems[0]
    assert (problem.file, problem.column) == ("events.csv", "when")
    assert words in problem.message and fix in problem.fix
    assert "\\d" not in str(problem) and "[" not in str(problem)


def test_no_message_shows_a_pattern_or_the_bad_value_as_its_example(pack):
    replace(pack / "lessons.csv", "01,The bridge vote", "one,The bridge vote")
    text = str(problems_of(pack))
    assert "one" in text and "such as 01" in text
    assert "[0-9]" not in text and "pattern" not in text and "For example 'one'" not in text


def test_a_utf16_file_is_named_as_such_first(pack):
    path = pack / "actors.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    problems = problems_of(pack).problems
    mine = [p for p in problems if p.file == "actors.csv"]
    assert len(mine) == 1 and "UTF-16 ('Unicode Text')" in mine[0].message
    assert "UTF-8" in mine[0].fix
    assert problems.index(mine[0]) <= 1 or all(p.file != "actors.csv" for p in problems[:1])


def test_a_utf16_file_without_a_byte_order_mark_is_named_too(pack):
    path = pack / "places.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16-le"))
    mine = [p for p in problems_of(pack).problems if p.file == "places.csv"]
    assert len(mine) == 1 and "UTF-16" in mine[0].message


@pytest.mark.parametrize(
    ("start", "words"),
    [(b"PK\x03\x04", "workbook (.xlsx or .ods)"), (b"\xd0\xcf\x11\xe0", "(.xls)")],
)
def test_a_workbook_renamed_csv_is_named_as_such(pack, start, words):
    (pack / "figures.csv").write_bytes(start + b"\x00\x01binary stuff")
    mine = [p for p in problems_of(pack).problems if p.file == "figures.csv"]
    assert len(mine) == 1 and words in mine[0].message


def test_the_whole_file_problem_comes_before_the_files_other_problems(pack):
    replace(pack / "actors.csv", "costa,Rui Costa,person", "costa,Rui Costa,preson")
    (pack / "places.csv").write_bytes("id,name\n".encode("utf-16"))
    problems = problems_of(pack).problems
    files = [p.file for p in problems]
    assert files.index("places.csv") > files.index("actors.csv")
    assert "UTF-16" in problems[files.index("places.csv")].message
