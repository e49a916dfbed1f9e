"""Pandas exercises that check themselves: a hint when an answer is not right yet, never the answer.

A lesson asks a news question from the pack's ``exercises.csv``, say "Which statements
does the article report from Donald Trump?"; the student writes one line of pandas and
passes the result to `check` with the exercise's name::

    answer = book.claims[book.claims["speaker"] == "trump"]
    check("trump-claims", answer)

`check` accepts what a beginner is likely to hand in (a DataFrame, a list of ids, a
True/False mask, a number, even ``...`` left in place) and answers with a `Feedback`:
right, or a hint that points at the column or the pandas step to look at. It never
raises for a wrong answer, so a lesson never shows a traceback.

Nothing here imports ipywidgets or matplotlib.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from newsfacts.errors import describe_value, resolve
from newsfacts.text import closest, did_you_mean, parse_number, plural, shorten, split_ids
from newsfacts.views.show import evidence_lines, feedback_html


@dataclass(frozen=True)
class Exercise:
    """One self-checking exercise, as a row of the pack's ``exercises.csv`` holds it.

    Attributes
    ----------
    name : str
        What the student passes to `check` (the row's id).
    task : str
        The question, as the lesson asks it.
    table : str
        The book table the answer's rows come from, or ``"paragraphs"``.
    column : str
        The column that decides the answer ("" when the pack does not say): feedback names it.
    expected : tuple of str, or float
        The ids of the rows a right answer keeps, or the number it finds.
    hints : tuple of str
        Hints, from gentle to specific; none gives the answer away.
    why : str
        Shown once the answer is right: what it means for the article.
    evidence : tuple of Citation
        The fact rows shown (paragraph, quote, mark) once the answer is right.
    ordered : bool
        True when the rows must also come in the order of ``expected`` (a sorting task).
    """

    name: str
    task: str
    table: str
    column: str
    expected: tuple[str, ...] | float
    hints: tuple[str, ...] = field(default_factory=tuple)
    why: str = ""
    evidence: tuple[Any, ...] = ()
    ordered: bool = False


@dataclass(frozen=True)
class Feedback:
    """What `check` says: whether the answer is right, and a hint if not.

    In a notebook it shows as a coloured box with a symbol (✓ or ✗ or …) and the words;
    as text it reads the same without the box.
    """

    exercise: str
    correct: bool
    message: str
    hint: str = ""
    evidence: tuple[Any, ...] = ()

    @property
    def symbol(self) -> str:
        return "✓" if self.correct else "✗"

    def __str__(self) -> str:
        text = f"{self.symbol} {self.message}"
        if self.hint:
            text += f"\nHint: {self.hint}"
        for citation in self.evidence:
            text += "\nEvidence: " + "\n   ".join(evidence_lines(citation))
        return text

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        return feedback_html(self.correct, self.message, self.evidence, self.hint)


class Checker:
    """The exercise checker of one book: ``check = Checker(book)``, then
    ``check("trump-claims", answer)``. `newsfacts.lesson.start` makes one for the book it
    returns, as otter-grader's ``grader = otter.Notebook()`` does."""

    def __init__(self, book: Any):
        self.book = book
        self.exercises = exercises(book)

    def __call__(self, name: str, answer: Any) -> Feedback:
        return check(name, answer, self.book, self.exercises)

    def describe(self, name: str) -> str:
        """The task of an exercise, as the lesson asks it."""
        return _exercise(name, self.exercises, "describe").task

    def __repr__(self) -> str:
        return f"<newsfacts check: {len(self.exercises)} exercises of {self.book.title!r}>"


def describe(name: str, book: Any) -> str:
    """The task of an exercise of `book`, as the lesson asks it."""
    return Checker(book).describe(name)


def exercises(book: Any) -> dict[str, Exercise]:
    """Every exercise of a book, by name, read from its pack's ``exercises.csv``."""
    found = {}
    for _, row in book.content["exercises"].iterrows():
        number = parse_number(row["expected"])
        found[row["id"]] = Exercise(
            row["id"],
            row["task"],
            row["table"],
            row["column"],
            number if number is not None else tuple(split_ids(row["expected"])),
            tuple(h for h in (row["hint_1"], row["hint_2"]) if h),
            row["why"],
            tuple(book.evidence(row["evidence"])),
            row.get("ordered", "") == "yes",
        )
    return found


def _exercise(name: object, known: dict[str, Exercise], function: str) -> Exercise:
    return known[
        resolve(name, list(known), "exercise", function=function, where="the lesson's exercises")
    ]


def check(name: str, answer: Any, book: Any, known: dict[str, Exercise] | None = None) -> Feedback:
    """Check a student's answer to exercise `name` of `book` and say what to look at next.

    In a lesson, ``check(name, answer)`` is this function bound to the lesson's book (a
    `Checker`, made by `newsfacts.lesson.start`).

    Parameters
    ----------
    name : str
        The exercise: an id of the pack's ``exercises.csv``.
    answer : DataFrame, Series, list of ids, or number
        What the student computed. ``...`` (left in place) gets a reminder.
    book : Book
        The book the exercise is about.

    Returns
    -------
    Feedback
        ``correct`` is True when the answer is right; otherwise ``hint`` says what to try.
        A wrong answer never raises; a name that is no exercise raises `UnknownNameError`.

    Examples
    --------
    >>> import newsfacts
    >>> book = newsfacts.load()
    >>> check("trump-claims", book.claims[book.claims["speaker"] == "trump"], book).correct
    True
    >>> check("trump-claims", ..., book).correct
    False
    """
    exercise = _exercise(name, exercises(book) if known is None else known, "check")
    if answer is ... or answer is None:
        hint = "Replace the ... with your line of pandas, run the cell, then run the check."
        return Feedback(exercise.name, False, "No answer yet.", hint)
    if isinstance(exercise.expected, tuple):
        return _check_rows(exercise, getattr(book, exercise.table), answer)
    return _check_number(exercise, exercise.expected, answer)


def _hint(exercise: Exercise, level: int = 0) -> str:
    if not exercise.hints:
        return ""
    return exercise.hints[min(level, len(exercise.hints) - 1)]


def _check_number(exercise: Exercise, expected: float, answer: Any) -> Feedback:
    if isinstance(answer, np.generic):  # (mask).sum() gives numpy's int64, not int
        answer = answer.item()
    if isinstance(answer, (pd.DataFrame, pd.Series)):
        return Feedback(
            exercise.name,
            False,
            f"You have a table with {plural(len(answer), 'row')}; this question wants a number.",
            "Count the rows with len(...), or add up a True/False mask with .sum().",
        )
    if isinstance(answer, str) and answer.strip().lstrip("-").replace(".", "", 1).isdigit():
        return Feedback(
            exercise.name,
            False,
            f"You gave the text {answer!r}: a number in quotes.",
            "Write numbers without quotes, or compute the number with pandas.",
        )
    if isinstance(answer, bool) or not isinstance(answer, (int, float)) or answer != answer:
        return Feedback(
            exercise.name,
            False,
            f"This question wants a number; you gave {describe_value(answer, advice=False)}.",
            _hint(exercise, 0),
        )
    if answer == expected:
        return Feedback(
            exercise.name,
            True,
            f"Right: {expected:g}. {exercise.why}".strip(),
            "",
            exercise.evidence,
        )
    direction = "too high" if answer > expected else "too low"
    return Feedback(
        exercise.name, False, f"Not yet: {answer:g} is {direction}.", _hint(exercise, 1)
    )


def _ids_of(answer: Any, table: pd.DataFrame) -> tuple[list[str] | None, str]:
    """The row ids in a student's answer, or None and a hint about its shape."""
    key = "id" if "id" in table.columns else table.columns[0]
    known = set(table[key])
    if isinstance(answer, pd.DataFrame):
        if key in answer.columns:
            return [str(v) for v in answer[key]], ""
        if set(map(str, answer.index)) <= known:
            return [str(v) for v in answer.index], ""
        return None, f"Your table has no '{key}' column: keep whole rows, with all columns."
    if isinstance(answer, pd.Series):
        if answer.dtype == bool:
            return None, (
                "You made a True/False mask. Now use it to pick rows: put it inside "
                "book.<table>[...]."
            )
        return [str(v) for v in answer], ""
    if isinstance(answer, str):
        return None, (
            f"You gave the text {shorten(answer)!r}. This exercise wants rows of a table: "
            "a DataFrame, like book.<table>[...]."
        )
    if isinstance(answer, (list, tuple, set)):
        if all(isinstance(v, str) for v in answer):
            return [str(v) for v in answer], ""
        return None, "A list answer must hold ids in quotes, such as ['id-1', 'id-2']."
    return None, (
        f"You gave {describe_value(answer, advice=False)}. This exercise wants rows of a table: "
        "a DataFrame, like book.<table>[...]."
    )


def _check_rows(exercise: Exercise, table: pd.DataFrame, answer: Any) -> Feedback:
    key = "id" if "id" in table.columns else table.columns[0]
    want = set(exercise.expected)
    ids, shape_hint = _ids_of(answer, table)
    if ids is None:
        return Feedback(
            exercise.name,
            False,
            "That is not a table of rows yet.",
            shape_hint.replace("<table>", exercise.table),
        )
    unknown = [i for i in ids if i not in set(table[key])]
    if unknown:
        tail = did_you_mean(closest(unknown[0], list(table[key])))
        tail = f" {tail}" if tail else ""
        return Feedback(
            exercise.name,
            False,
            f"{unknown[0]!r} is not a row of book.{exercise.table}.{tail}",
            "Pick rows from the table itself rather than typing ids.",
        )
    got = set(ids)
    if got == want and exercise.ordered and ids != list(exercise.expected):
        return _wrong_order(exercise, ids)
    if got == want:
        return Feedback(
            exercise.name,
            True,
            f"Right: {plural(len(want), 'row')}. {exercise.why}".strip(),
            "",
            exercise.evidence,
        )
    by_id = table.set_index(key)
    column = exercise.column
    if got - want:
        example = sorted(got - want)[0]
        has = f" has {column} {by_id.loc[example, column]!r}" if column in by_id else " is one"
        return Feedback(
            exercise.name,
            False,
            f"You have {plural(len(got), 'row')}; some do not belong. "
            f"For example {example!r}{has}.",
            _hint(exercise, 1),
        )
    return Feedback(
        exercise.name,
        False,
        f"You have {plural(len(got), 'row')}, but some are missing.",
        _hint(exercise, 0),
    )


def _wrong_order(exercise: Exercise, ids: list[str]) -> Feedback:
    """Feedback for the right rows in the wrong order: how to sort, never the order itself."""
    if len(ids) != len(set(ids)):
        return Feedback(
            exercise.name,
            False,
            "You have the right rows, but some of them more than once.",
            "Keep each row once: pick them from the table with one True/False mask.",
        )
    if ids == list(reversed(exercise.expected)):
        message = "You have the right rows, but in reverse order."
        hint = "Sort the other way round: .sort_values(..., ascending=False) or ascending=True."
    else:
        message = "You have the right rows, but not in the order the task asks for."
        hint = (
            "Sort them with .sort_values('column'): which column puts them in the order "
            "the task asks? ascending=False turns the order round."
        )
    return Feedback(exercise.name, False, message, hint)
