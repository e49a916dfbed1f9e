"""Each lesson's closing "check of understanding", read from the pack's ``questions.csv``,
which a teacher edits in a spreadsheet and ``newsfacts check`` validates. A lesson shows it
with ``check_understanding(book, "02")``; the answers are in `newsfacts.teacher.answer_key`.
"""

from __future__ import annotations

from typing import Any

from newsfacts.lesson.quiz import Question, Quiz, quiz
from newsfacts.pack.spec import OPTIONS


def questions(book: Any, lesson: str, *, function: str = "questions") -> list[Question]:
    """The closing questions of one lesson ("00", "01", ...), from the pack; an
    `UnknownNameError` names the closest lessons."""
    found = []
    for _, row in book.lesson(lesson, function=function).questions.iterrows():
        numbers = [n for n in range(1, OPTIONS + 1) if row[f"option_{n}"]]
        options = tuple(row[f"option_{n}"] for n in numbers)
        feedback = tuple(row[f"feedback_{n}"] for n in numbers)
        found.append(
            Question(
                prompt=row["prompt"],
                options=options,
                answer=row["answer"],
                hint=row["hint"],
                explanation=feedback[options.index(row["answer"])],
                feedback=feedback,
                evidence=tuple(book.evidence(row["evidence"])),
                id=row["id"],
            )
        )
    return found


def check_understanding(book: Any, lesson: str) -> Quiz:
    """The closing quiz of one lesson: a right choice shows why, with the evidence; a wrong
    one says why that option does not fit and gives a hint, never the answer."""
    return quiz(questions(book, lesson, function="check_understanding"))
