"""Each lesson's closing "check of understanding", from the pack's ``questions.csv``."""

from __future__ import annotations

from newsfacts.book import Book
from newsfacts.lesson.quiz import Question, Quiz, quiz
from newsfacts.pack.spec import OPTIONS


def questions(book: Book, lesson: str, *, function: str = "questions") -> list[Question]:
    """The closing questions of one lesson ("00", "01", ...), from the pack."""
    found = []
    for _, row in book.lesson(lesson, function=function).questions.iterrows():
        numbers = [n for n in range(1, OPTIONS + 1) if row[f"option_{n}"]]
        options = tuple(row[f"option_{n}"] for n in numbers)
        feedback = tuple(row[f"feedback_{n}"] for n in numbers)
        prompt, answer, hint, evidence = row[["prompt", "answer", "hint", "evidence"]]
        why, cited = feedback[options.index(answer)], tuple(book.evidence(evidence))
        found.append(Question(prompt, options, answer, hint, why, feedback, cited, row["id"]))
    return found


def check_understanding(book: Book, lesson: str) -> Quiz:
    """The closing quiz of one lesson: why each choice fits or not, a hint, never the answer."""
    return quiz(questions(book, lesson, function="check_understanding"))
