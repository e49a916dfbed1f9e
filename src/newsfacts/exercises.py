"""Pandas exercises that check themselves: a hint when an answer is not right yet, never the answer.

A lesson asks, say, for the rows of ``book.actors`` that are people; the student writes
one line of pandas and passes the result to `check`::

    answer = book.actors[book.actors["kind"] == "person"]
    check("people", answer)

`check` accepts what a beginner is likely to hand in (a DataFrame, a list of ids, a
True/False mask, a number, even ``...`` left in place) and answers with a `Feedback`:
right, or a hint that points at the column or the pandas step to look at. It never
raises for a wrong answer, so a lesson never shows a traceback.

Nothing here imports ipywidgets or matplotlib.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from newsfacts.suggest import closest, did_you_mean


@dataclass(frozen=True)
class Exercise:
    """One self-checking exercise.

    Attributes
    ----------
    name : str
        What the student passes to `check` (``"people"``).
    task : str
        The question, as the lesson asks it.
    table : str
        The book table the answer's rows come from, or ``""`` for a number.
    column : str
        The column that decides the answer: hints point at it.
    solve : callable
        Gives the model answer from a book: a DataFrame of rows, or a number.
    hints : tuple of str
        General hints, from gentle to specific; none gives the answer away.
    why : str
        Shown once the answer is right: what it means for the article.
    """

    name: str
    task: str
    table: str
    column: str
    solve: Callable[[Any], Any]
    hints: tuple[str, ...] = field(default_factory=tuple)
    why: str = ""


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

    @property
    def symbol(self) -> str:
        return "✓" if self.correct else "✗"

    def __str__(self) -> str:
        text = f"{self.symbol} {self.message}"
        if self.hint:
            text += f"\nHint: {self.hint}"
        return text

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        border = "#009E73" if self.correct else "#D55E00"
        hint = f"<br><strong>Hint:</strong> {html.escape(self.hint)}" if self.hint else ""
        return (
            f'<div class="newsfacts-feedback" role="status" style="border-left:6px solid '
            f'{border};padding:4px 10px"><strong>{self.symbol}</strong> '
            f"{html.escape(self.message)}{hint}</div>"
        )


def _rows(table: str, column: str, test: Callable[[pd.Series], pd.Series]):
    def solve(book):
        frame = getattr(book, table)
        return frame[test(frame[column])]

    return solve


EXERCISES: dict[str, Exercise] = {
    exercise.name: exercise
    for exercise in [
        Exercise(
            "body-paragraphs",
            "How many body paragraphs (kind 'body') does the article have? Give a number.",
            "",
            "kind",
            lambda book: int((book.paragraphs["kind"] == "body").sum()),
            (
                "book.paragraphs has a column called 'kind'.",
                "Compare that column with the text 'body' using ==, then count the rows.",
                "len(...) counts the rows of a table; .sum() counts the True values of a mask.",
            ),
            "The title, byline and captions are not body paragraphs: the story starts after them.",
        ),
        Exercise(
            "people",
            "Keep the rows of book.actors that are people (kind 'person').",
            "actors",
            "kind",
            _rows("actors", "kind", lambda col: col == "person"),
            (
                "Which column of book.actors says what sort of actor a row is?",
                "Make a True/False mask with book.actors['kind'] == ..., then use it inside "
                "book.actors[...].",
            ),
            "These are the people the article names, from presidents to the author.",
        ),
        Exercise(
            "zelensky-claims",
            "Keep the rows of book.claims whose speaker is Zelensky (id 'zelensky').",
            "claims",
            "speaker",
            _rows("claims", "speaker", lambda col: col == "zelensky"),
            (
                "book.claims has a column that names who said each claim.",
                "Ids are lower case: compare that column with 'zelensky'.",
            ),
            "Both of the article's key numbers on the peace plan rest on Zelensky's word alone.",
        ),
        Exercise(
            "expected-events",
            "Keep the rows of book.events that are only expected (modality 'expected').",
            "events",
            "modality",
            _rows("events", "modality", lambda col: col == "expected"),
            (
                "Which column of book.events keeps what happened apart from what is expected?",
                "Compare that column with the text 'expected'.",
            ),
            "None of these has happened yet: the article only expects them.",
        ),
        Exercise(
            "hedged-figures",
            "Keep the rows of book.figures that carry a hedge (their qualifier is not 'none').",
            "figures",
            "qualifier",
            _rows("figures", "qualifier", lambda col: col != "none"),
            (
                "The hedge words ('about', 'some', 'more than') are in one column of book.figures.",
                "'Not equal' is written != in pandas.",
            ),
            "A hedge tells you the number is an estimate: keep it when you repeat the number.",
        ),
        Exercise(
            "trump-claims",
            "Keep the rows of book.claims whose speaker is Trump (id 'trump').",
            "claims",
            "speaker",
            _rows("claims", "speaker", lambda col: col == "trump"),
            (
                "book.claims has a column that names who said each claim.",
                "Ids are lower case: compare that column with 'trump'.",
            ),
            "Every one of these is Trump's statement as the article reports it, not a fact it "
            "checks.",
        ),
        Exercise(
            "about-denmark",
            "Keep the rows of book.relations whose target is Denmark (id 'denmark').",
            "relations",
            "target",
            _rows("relations", "target", lambda col: col == "denmark"),
            (
                "A relation goes from a 'source' to a 'target'.",
                "Compare the target column with 'denmark'.",
            ),
            "Greenland is part of Denmark (¶ 20), and many leaders, including Starmer and "
            "Macron, have sided with Denmark over Greenland (¶ 23).",
        ),
        Exercise(
            "outside-dates",
            "Keep the rows of book.events whose date comes from outside the article "
            "(when_basis 'context').",
            "events",
            "when_basis",
            _rows("events", "when_basis", lambda col: col == "context"),
            (
                "One column of book.events says where each date comes from.",
                "Compare it with the text 'context'.",
            ),
            "The article gives none of these dates: they come from other reports, named in the "
            "note column.",
        ),
    ]
}


_current_book: Any = None


def use(book: Any) -> None:
    """Check later answers against `book` (``start(pack)`` calls this for its pack)."""
    global _current_book
    _current_book = book


@lru_cache(maxsize=1)
def _bundled_book():
    from newsfacts import load

    return load()


def describe(name: str) -> str:
    """The task of an exercise, as the lesson asks it."""
    return _exercise(name, "describe").task


def _exercise(name: object, function: str = "check") -> Exercise:
    if not isinstance(name, str):
        raise TypeError(
            f"{function}() takes the exercise's name in quotes first, such as 'people'; "
            f"you passed {type(name).__name__} {name!r}."
        )
    if name not in EXERCISES:
        from newsfacts.errors import UnknownNameError

        raise UnknownNameError(name, closest(name, list(EXERCISES)), what="exercise")
    return EXERCISES[name]


def check(name: str, answer: Any, book: Any = None) -> Feedback:
    """Check a student's answer to exercise `name` and say what to look at next.

    Parameters
    ----------
    name : str
        The exercise (see `EXERCISES`).
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
    >>> check("people", book.actors[book.actors["kind"] == "person"]).correct
    True
    >>> check("people", ...).correct
    False
    """
    try:
        exercise = _exercise(name)
    except (TypeError, KeyError) as error:
        message = error.args[0] if isinstance(error, TypeError) else str(error)
        return Feedback(str(name), False, message, "Copy the exercise name from the lesson.")
    book = book if book is not None else _current_book or _bundled_book()
    expected = exercise.solve(book)
    if answer is ... or answer is None:
        return Feedback(
            name,
            False,
            "No answer yet.",
            "Replace the ... with your line of pandas, run the cell, then run the check.",
        )
    if exercise.table:
        return _check_rows(exercise, getattr(book, exercise.table), expected, answer)
    return _check_number(exercise, expected, answer)


def _rows_word(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


def _hint(exercise: Exercise, level: int = 0) -> str:
    if not exercise.hints:
        return ""
    return exercise.hints[min(level, len(exercise.hints) - 1)]


def _check_number(exercise: Exercise, expected: int, answer: Any) -> Feedback:
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
            f"This question wants a number; you gave {type(answer).__name__} {answer!r:.60}.",
            _hint(exercise, 0),
        )
    if answer == expected:
        return Feedback(exercise.name, True, f"Right: {expected}. {exercise.why}".strip())
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
        return None, "A list answer must hold ids in quotes, such as ['macron', 'zelensky']."
    return None, (
        f"You gave {type(answer).__name__}. This exercise wants rows of a table: a DataFrame, "
        "like book.<table>[...]."
    )


def _check_rows(
    exercise: Exercise, table: pd.DataFrame, expected: pd.DataFrame, answer: Any
) -> Feedback:
    key = "id" if "id" in table.columns else table.columns[0]
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
    want = set(expected[key])
    got = set(ids)
    if got == want:
        return Feedback(
            exercise.name, True, f"Right: {_rows_word(len(want))}. {exercise.why}".strip()
        )
    by_id = table.set_index(key)
    column = exercise.column
    if got - want:
        example = sorted(got - want)[0]
        value = by_id.loc[example, column]
        return Feedback(
            exercise.name,
            False,
            f"You have {_rows_word(len(got))}; some do not belong. For example {example!r} has "
            f"{column} {value!r}.",
            _hint(exercise, 1),
        )
    return Feedback(
        exercise.name,
        False,
        f"You have {_rows_word(len(got))}, but some are missing.",
        _hint(exercise, 0),
    )
