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
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from newsfacts.cells import split_ids
from newsfacts.checks import expect
from newsfacts.errors import describe_value, pick
from newsfacts.suggest import closest, did_you_mean


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
        from newsfacts.content import evidence_lines

        text = f"{self.symbol} {self.message}"
        if self.hint:
            text += f"\nHint: {self.hint}"
        for citation in self.evidence:
            text += "\nEvidence: " + "\n   ".join(evidence_lines(citation))
        return text

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        from newsfacts.content import feedback_html

        return feedback_html(self.correct, self.message, self.evidence, self.hint)


_current_book: Any = None


def use(book: Any) -> None:
    """Check later answers against `book` (``start(pack)`` calls this for its pack)."""
    global _current_book
    _current_book = book


@lru_cache(maxsize=1)
def _bundled_book():
    from newsfacts import load

    return load()


def describe(name: str, book: Any = None) -> str:
    """The task of an exercise, as the lesson asks it."""
    return _exercise(name, _book(book), "describe").task


def _book(book: Any = None) -> Any:
    return book if book is not None else _current_book or _bundled_book()


def exercises(book: Any) -> dict[str, Exercise]:
    """Every exercise of a pack, by name, read from its ``exercises.csv``."""
    from newsfacts.content import content, evidence
    from newsfacts.validate import parse_number

    found = {}
    for _, row in content(book)["exercises"].iterrows():
        number = parse_number(str(row["expected"]))
        expected = number if number is not None else tuple(split_ids(row["expected"]))
        found[row["id"]] = Exercise(
            row["id"],
            row["task"],
            row["table"],
            row["column"],
            expected,
            tuple(h for h in (row["hint_1"], row["hint_2"]) if h),
            row["why"],
            tuple(evidence(book, row["evidence"])),
            str(row.get("ordered", "")).strip().lower() == "yes",
        )
    return found


def _exercise(name: object, book: Any, function: str = "check") -> Exercise:
    known = exercises(book)
    example = repr(next(iter(known), "the-name"))
    expect(
        name, "text", function=function, what="the exercise's name in quotes first", example=example
    )
    return known[pick(name, list(known), "exercise")]


def check(name: str, answer: Any, book: Any = None) -> Feedback:
    """Check a student's answer to exercise `name` and say what to look at next.

    Parameters
    ----------
    name : str
        The exercise: an id of the pack's ``exercises.csv``.
    answer : DataFrame, Series, list of ids, or number
        What the student computed. ``...`` (left in place) gets a reminder.
    book : Book, optional
        The book the exercise is about; default: the bundled article.

    Returns
    -------
    Feedback
        ``correct`` is True when the answer is right; otherwise ``hint`` says what to try.
        An unknown exercise name or a wrong type also comes back as a hint, not an error.

    Examples
    --------
    >>> import newsfacts
    >>> book = newsfacts.load()
    >>> check("trump-claims", book.claims[book.claims["speaker"] == "trump"], book).correct
    True
    >>> check("trump-claims", ..., book).correct
    False
    """
    book = _book(book)
    try:
        exercise = _exercise(name, book)
    except (TypeError, KeyError) as error:
        message = error.args[0] if isinstance(error, TypeError) else str(error)
        return Feedback(str(name), False, message, "Copy the exercise name from the lesson.")
    expected = exercise.expected
    if answer is ... or answer is None:
        return Feedback(
            name,
            False,
            "No answer yet.",
            "Replace the ... with your line of pandas, run the cell, then run the check.",
        )
    if isinstance(expected, tuple):
        return _check_rows(exercise, getattr(book, exercise.table), answer)
    return _check_number(exercise, expected, answer)


def _rows_word(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


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
            f"You have a table with {_rows_word(len(answer))}; this question wants a number.",
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
            f"You gave the text {answer[:60]!r}. This exercise wants rows of a table: "
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
            f"Right: {_rows_word(len(want))}. {exercise.why}".strip(),
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
            f"You have {_rows_word(len(got))}; some do not belong. For example {example!r}{has}.",
            _hint(exercise, 1),
        )
    return Feedback(
        exercise.name,
        False,
        f"You have {_rows_word(len(got))}, but some are missing.",
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
