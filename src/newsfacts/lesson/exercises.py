"""Pandas exercises (the pack's ``exercises.csv``) that check themselves, as in
``check("trump-claims", answer)``: a hint when an answer is not right yet, never the answer,
and never a traceback for a wrong one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from newsfacts.book import Book, Citation
from newsfacts.errors import describe_value, resolve
from newsfacts.text import near, parse_number, plural, shorten, split_ids
from newsfacts.views.show import evidence_lines, feedback_html


@dataclass(frozen=True)
class Exercise:
    """One row of ``exercises.csv``: `expected` ids (in order when `ordered`) or a number."""

    name: str
    task: str
    table: str
    column: str
    expected: tuple[str, ...] | float
    hints: tuple[str, ...] = ()
    why: str = ""
    evidence: tuple[Citation, ...] = ()
    ordered: bool = False

    def hint(self, level: int) -> str:
        """The hint of one level (0 gentle, 1 specific), or the last there is."""
        return self.hints[min(level, len(self.hints) - 1)] if self.hints else ""


@dataclass(frozen=True)
class Feedback:
    """What `check` says: a coloured box with ✓ or ✗ in a notebook, the same words as text."""

    exercise: str
    correct: bool
    message: str
    hint: str = ""
    evidence: tuple[Citation, ...] = ()

    def __str__(self) -> str:
        hint = [f"Hint: {self.hint}"] if self.hint else []
        lines = [f"{'✓' if self.correct else '✗'} {self.message}", *hint]
        lines += ["Evidence: " + "\n   ".join(evidence_lines(c)) for c in self.evidence]
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return feedback_html(self.correct, self.message, self.evidence, self.hint)


class Checker:
    """The exercise checker of one book (``check`` in a lesson, made by `start`)."""

    def __init__(self, book: Book):
        self.book = book
        self.exercises = exercises(book)

    def __call__(self, name: str, answer: Any) -> Feedback:
        return check(name, answer, self.book, self.exercises)

    def describe(self, name: str) -> str:
        """The task of an exercise, as the lesson asks it."""
        return _exercise(name, self.exercises, "describe").task

    def __repr__(self) -> str:
        return f"<newsfacts check: {len(self.exercises)} exercises of {self.book.title!r}>"


def describe(name: str, book: Book) -> str:
    """The task of an exercise of `book`, as the lesson asks it."""
    return Checker(book).describe(name)


def exercises(book: Book) -> dict[str, Exercise]:
    """Every exercise of a book, by name, read from its pack's ``exercises.csv``."""
    found = {}
    for _, row in book.content["exercises"].iterrows():
        number = parse_number(row["expected"])
        expected = number if number is not None else tuple(split_ids(row["expected"]))
        hints = tuple(h for h in row[["hint_1", "hint_2"]] if h)
        cited, ordered = tuple(book.evidence(row["evidence"])), row.get("ordered", "") == "yes"
        fields = (*row[["id", "task", "table", "column"]], expected, hints, row["why"], cited)
        found[row["id"]] = Exercise(*fields, ordered)
    return found


def _exercise(name: object, known: dict[str, Exercise], function: str) -> Exercise:
    where = "the lesson's exercises"
    return known[resolve(name, list(known), "exercise", function=function, where=where)]


def check(name: str, answer: Any, book: Book, known: dict[str, Exercise] | None = None) -> Feedback:
    """Check an answer (a DataFrame, a Series, a list of ids, a number, or ``...``) to exercise
    `name` of `book` and say what to look at next; only an unknown `name` raises."""
    exercise = _exercise(name, exercises(book) if known is None else known, "check")
    if answer is ... or answer is None:
        hint = "Replace the ... with your line of pandas, run the cell, then run the check."
        return Feedback(exercise.name, False, "No answer yet.", hint)
    if isinstance(exercise.expected, tuple):
        return _check_rows(exercise, getattr(book, exercise.table), answer)
    return _check_number(exercise, exercise.expected, answer)


def _right(exercise: Exercise, what: str) -> Feedback:
    message = f"Right: {what}. {exercise.why}".strip()
    return Feedback(exercise.name, True, message, "", exercise.evidence)


def _check_number(exercise: Exercise, expected: float, answer: Any) -> Feedback:
    if isinstance(answer, np.generic):  # (mask).sum() gives numpy's int64, not int
        answer = answer.item()
    if isinstance(answer, pd.DataFrame | pd.Series):
        rows = plural(len(answer), "row")
        message = f"You have a table with {rows}; this question wants a number."
        hint = "Count the rows with len(...), or add up a True/False mask with .sum()."
    elif isinstance(answer, str) and answer.strip().lstrip("-").replace(".", "", 1).isdigit():
        message = f"You gave the text {answer!r}: a number in quotes."
        hint = "Write numbers without quotes, or compute the number with pandas."
    elif isinstance(answer, bool) or not isinstance(answer, int | float) or answer != answer:
        what = describe_value(answer, advice=False)
        message, hint = f"This question wants a number; you gave {what}.", exercise.hint(0)
    elif answer == expected:
        return _right(exercise, f"{expected:g}")
    else:
        direction = "too high" if answer > expected else "too low"
        message, hint = f"Not yet: {answer:g} is {direction}.", exercise.hint(1)
    return Feedback(exercise.name, False, message, hint)


def _ids_of(answer: Any, key: str, known: set[str]) -> list[str] | str:
    """The row ids in a student's answer, or a hint about its shape."""
    wants_rows = "This exercise wants rows of a table: a DataFrame, like book.<table>[...]."
    if isinstance(answer, pd.DataFrame):
        ids = [str(v) for v in (answer[key] if key in answer.columns else answer.index)]
        if key in answer.columns or set(ids) <= known:
            return ids
        return f"Your table has no '{key}' column: keep whole rows, with all columns."
    if isinstance(answer, pd.Series) and answer.dtype == bool:
        return (
            "You made a True/False mask. Now use it to pick rows: put it inside book.<table>[...]."
        )
    listed = isinstance(answer, list | tuple | set)
    if isinstance(answer, pd.Series) or listed and all(isinstance(v, str) for v in answer):
        return [str(v) for v in answer]
    if listed:
        return "A list answer must hold ids in quotes, such as ['id-1', 'id-2']."
    if isinstance(answer, str):
        return f"You gave the text {shorten(answer)!r}. {wants_rows}"
    return f"You gave {describe_value(answer, advice=False)}. {wants_rows}"


def _check_rows(exercise: Exercise, table: pd.DataFrame, answer: Any) -> Feedback:
    key = "id" if "id" in table.columns else table.columns[0]
    keys, want = set(table[key]), set(exercise.expected)
    ids = _ids_of(answer, key, keys)
    got = set(ids) if isinstance(ids, list) else set()
    rows = plural(len(got), "row")
    if isinstance(ids, str):
        message, hint = "That is not a table of rows yet.", ids.replace("<table>", exercise.table)
    elif unknown := [i for i in ids if i not in keys]:
        tail = near(unknown[0], list(table[key]))
        message = f"{unknown[0]!r} is not a row of book.{exercise.table}. {tail}".strip()
        hint = "Pick rows from the table itself rather than typing ids."
    elif got == want and (not exercise.ordered or ids == list(exercise.expected)):
        return _right(exercise, rows)
    elif got == want and len(ids) != len(got):
        message = "You have the right rows, but some of them more than once."
        hint = "Keep each row once: pick them from the table with one True/False mask."
    elif got == want and ids == list(reversed(exercise.expected)):
        message = "You have the right rows, but in reverse order."
        hint = "Sort the other way round: .sort_values(..., ascending=False) or ascending=True."
    elif got == want:  # the right rows in the wrong order: how to sort, never the order itself
        message = "You have the right rows, but not in the order the task asks for."
        hint = (
            "Sort them with .sort_values('column'): which column puts them in the order "
            "the task asks? ascending=False turns the order round."
        )
    elif extra := sorted(got - want):
        column, by_id = exercise.column, table.set_index(key)
        has = f" has {column} {by_id.loc[extra[0], column]!r}" if column in by_id else " is one"
        message = f"You have {rows}; some do not belong. For example {extra[0]!r}{has}."
        hint = exercise.hint(1)
    else:
        message, hint = f"You have {rows}, but some are missing.", exercise.hint(0)
    return Feedback(exercise.name, False, message, hint)
