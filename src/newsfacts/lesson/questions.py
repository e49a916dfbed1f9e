"""Each lesson's closing "check of understanding", read from the pack's ``questions.csv``.

The questions are pack data, not code, so a teacher edits them in a spreadsheet and
``newsfacts check`` validates them (see ``docs/authoring.md``). A lesson shows its quiz
with one line: ``check_understanding(book, "02")``. The answers are in the teacher
edition only (`newsfacts.teacher.answer_key`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from newsfacts.lesson.quiz import Question, quiz
from newsfacts.pack.spec import OPTIONS

__all__ = ["questions", "check_understanding"]


def _question(book: Any, row: pd.Series) -> Question:
    numbers = [n for n in range(1, OPTIONS + 1) if row[f"option_{n}"]]
    options = tuple(row[f"option_{n}"] for n in numbers)
    feedback = tuple(row[f"feedback_{n}"] for n in numbers)
    return Question(
        prompt=row["prompt"],
        options=options,
        answer=row["answer"],
        hint=row["hint"],
        explanation=feedback[options.index(row["answer"])],
        feedback=feedback,
        evidence=tuple(book.evidence(row["evidence"])),
        id=row["id"],
    )


def questions(book: Any, lesson: str, *, function: str = "questions") -> list[Question]:
    """The closing questions of one lesson ("00", "01", ...), from the pack.

    Raises
    ------
    UnknownNameError
        For a lesson the pack does not have (the closest ones are suggested).
    WrongValueError
        For a pack with no lesson content.
    """
    rows = book.lesson(lesson, function=function).questions
    return [_question(book, row) for _, row in rows.iterrows()]


def check_understanding(book: Any, lesson: str):
    """The closing quiz of one lesson, as widgets with feedback on every option.

    A right choice shows why, with the evidence (paragraph, quote, mark); a wrong one
    says why that option does not fit and gives a hint, never the answer.
    """
    return quiz(questions(book, lesson, function="check_understanding"))
