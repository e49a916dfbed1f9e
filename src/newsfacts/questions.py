"""The questions of each lesson's closing "check of understanding".

They live here, not in the notebooks, so a student does not see the answers in the cell
above the quiz, and the answers come from the fact base wherever they can, so they cannot
drift from the data. A lesson shows its questions with one line::

    check_understanding(book, "02")

Each lesson's questions are made by one function of the book, registered in `QUESTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsfacts.quiz import Question, quiz, who_said


def _hedge(book: Any, figure_id: str) -> str:
    return str(book.figures.set_index("id").loc[figure_id, "qualifier"])


def _lesson_00(book: Any) -> list[Question]:
    byline = book.paragraphs.loc[book.paragraphs["kind"] == "byline", "text"].iloc[0]
    body = book.paragraphs.loc[book.paragraphs["kind"] == "body", "paragraph"]
    return [
        Question(
            "Who wrote the article?",
            tuple(sorted({byline, "Emmanuel Macron", "Volodymyr Zelensky", "Keir Starmer"})),
            byline,
            "Look at the byline: the line just under the title.",
            f"The byline, paragraph 1, names {byline}.",
        ),
        Question(
            "In which paragraph does the body of the story begin?",
            tuple(str(n) for n in (0, 2, int(body.min()), int(body.min()) + 3)),
            str(int(body.min())),
            "The title, the byline and the photo captions come before the story itself.",
            f"Paragraphs 0 to {int(body.min()) - 1} are the title, byline and captions.",
        ),
    ]


def _lesson_01(book: Any) -> list[Question]:
    """Lesson 01: Who is who."""
    return []


def _lesson_02(book: Any) -> list[Question]:
    """Lesson 02: Security guarantees."""
    return []


def _lesson_03(book: Any) -> list[Question]:
    """Lesson 03: The territorial disputes."""
    return []


def _lesson_04(book: Any) -> list[Question]:
    """Lesson 04: Venezuela."""
    return []


def _lesson_05(book: Any) -> list[Question]:
    """Lesson 05: Greenland."""
    return []


def _lesson_06(book: Any) -> list[Question]:
    """Lesson 06: Review."""
    return []


#: Lesson number -> a function that makes that lesson's questions from a book.
QUESTIONS: dict[str, Callable[[Any], list[Question]]] = {
    "00": _lesson_00,
    "01": _lesson_01,
    "02": _lesson_02,
    "03": _lesson_03,
    "04": _lesson_04,
    "05": _lesson_05,
    "06": _lesson_06,
}


def questions(book: Any, lesson: str) -> list[Question]:
    """The closing questions of one lesson ("00" to "06")."""
    lesson = str(lesson).zfill(2)
    if lesson not in QUESTIONS:
        from newsfacts.errors import UnknownNameError
        from newsfacts.suggest import closest

        raise UnknownNameError(lesson, closest(lesson, list(QUESTIONS)), what="lesson")
    return QUESTIONS[lesson](book)


def check_understanding(book: Any, lesson: str):
    """The closing quiz of one lesson, as widgets with instant feedback."""
    return quiz(questions(book, lesson))


__all__ = ["QUESTIONS", "questions", "check_understanding", "who_said"]
