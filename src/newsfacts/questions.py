"""Each lesson's closing "check of understanding", read from the pack's ``questions.csv``.

The questions are pack data, not code, so a teacher edits them in a spreadsheet and
``newsfacts check`` validates them (see ``docs/authoring.md``). A lesson shows its quiz
with one line, and the teacher edition prints the answers with another::

    check_understanding(book, "02")
    answer_key(book, "02")
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from newsfacts.article import paragraph_words
from newsfacts.content import evidence, evidence_lines, lesson_id, lesson_rows
from newsfacts.content_checks import OPTIONS
from newsfacts.errors import describe_value
from newsfacts.quiz import Question, quiz, sorting_items

__all__ = ["questions", "check_understanding", "answer_key", "AnswerKey"]


def _question(book: Any, row: pd.Series) -> Question:
    numbers = [n for n in range(1, OPTIONS + 1) if str(row[f"option_{n}"]).strip()]
    options = tuple(str(row[f"option_{n}"]).strip() for n in numbers)
    feedback = tuple(str(row[f"feedback_{n}"]).strip() for n in numbers)
    answer = str(row["answer"]).strip()
    return Question(
        prompt=str(row["prompt"]),
        options=options,
        answer=answer,
        hint=str(row["hint"]),
        explanation=feedback[options.index(answer)],
        feedback=feedback,
        evidence=tuple(evidence(book, row["evidence"])),
        id=str(row["id"]),
    )


def questions(book: Any, lesson: str) -> list[Question]:
    """The closing questions of one lesson ("00", "01", ...), from the pack.

    Raises
    ------
    UnknownNameError
        For a lesson the pack does not have (the closest ones are suggested).
    ValueError
        For a pack with no lesson content.
    """
    return [_question(book, row) for _, row in lesson_rows(book, "questions", lesson).iterrows()]


def check_understanding(book: Any, lesson: str):
    """The closing quiz of one lesson, as widgets with feedback on every option.

    A right choice shows why, with the evidence (paragraph, quote, mark); a wrong one
    says why that option does not fit and gives a hint, never the answer.
    """
    return quiz(questions(book, lesson_id(lesson, function="check_understanding")))


class AnswerKey:
    """The answers of one lesson, as plain text, for the teacher edition."""

    def __init__(self, text: str):
        self.text = text

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def _quiz_key(book: Any, lesson: str) -> list[str]:
    lines = []
    for number, q in enumerate(questions(book, lesson), start=1):
        lines.append(f"{number}. {q.prompt}\n   Answer: {q.answer}")
        lines += ["   Evidence: " + "\n      ".join(evidence_lines(c)) for c in q.evidence]
    return lines


def _exercise_key(book: Any, lesson: str) -> list[str]:
    rows = lesson_rows(book, "exercises", lesson)
    return [f"check({r['id']!r}, ...): {r['expected']}" for _, r in rows.iterrows()]


def _sorting_key(book: Any, lesson: str) -> list[str]:
    from newsfacts.quiz import MODALITY, WHO

    return [
        f"({paragraph_words(item.citation.paragraph)}) “{item.citation.quote}”: who says it? "
        f"{WHO[item.who]}; has it happened? {MODALITY[item.modality]}."
        for item in sorting_items(book, lesson)
    ]


def _prompts_key(book: Any, lesson: str) -> list[str]:
    rows = lesson_rows(book, "prompts", lesson)
    return [
        f"[{r['kind']}] {r['prompt']}\n   Model answer: {r['model_answer'] or '(none written)'}"
        for _, r in rows.iterrows()
    ]


_PARTS = {
    "questions": _quiz_key,
    "exercises": _exercise_key,
    "sorting": _sorting_key,
    "prompts": _prompts_key,
}


def answer_key(book: Any, lesson: str, part: str = "questions") -> AnswerKey:
    """The answers of one lesson, for the teacher edition only.

    Parameters
    ----------
    book : Book
    lesson : str
        The lesson's id, such as "02".
    part : str
        "questions" (the closing quiz), "exercises", "sorting" or "prompts" (model answers).
    """
    lesson = lesson_id(lesson, function="answer_key")
    if part not in _PARTS:
        raise ValueError(
            f"answer_key() takes a part such as 'questions'; the parts are "
            f"{', '.join(_PARTS)}, and you passed {describe_value(part)}."
        )
    lines = _PARTS[part](book, lesson)
    return AnswerKey("\n".join(lines) if lines else f"Lesson {lesson} has no {part}.")
