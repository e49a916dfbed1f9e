"""The teacher edition's answer keys; never part of a lesson's ``from newsfacts.lesson import *``.

Model answers to the prompts are not in the pack a student's kernel reads: they are in a
teacher's file beside the repository (``teacher/answers/<pack>.csv`` for a pack in
``data/``, or ``answers.csv`` in the pack's own folder), which the wheel and the student
branch leave out. A solution cell of the teacher edition reads them explicitly::

    from newsfacts.teacher import answer_key, model_answers
    print(answer_key(book, "03", "prompts"))
    model_answers(book, "03")
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from newsfacts.errors import DataError, WrongValueError, describe_value
from newsfacts.lesson.questions import questions
from newsfacts.lesson.quiz import MODALITY, WHO, sorting_items
from newsfacts.pack import answers_file, read_answers
from newsfacts.text import join_and, lesson_id, paragraph_words
from newsfacts.views.show import evidence_lines

__all__ = ["AnswerKey", "answer_key", "model_answers"]


def model_answers(book: Any, lesson: str | None = None) -> pd.DataFrame:
    """The model answers of a book's prompts (of one lesson, or all): ``id``, ``lesson``,
    ``kind``, ``prompt`` and ``model_answer`` ("" where none is written).

    Raises
    ------
    DataError
        When the answers file is broken (`newsfacts check` says the same).
    """
    prompts = book.content["prompts"]
    if lesson is not None:
        prompts = book.lesson(lesson, function="model_answers").prompts
    path = answers_file(book.path)
    answers = pd.DataFrame({"id": [], "model_answer": []}, dtype="str")
    if path is not None:
        answers, problems = read_answers(path, set(book.content["prompts"].get("id", [])))
        if problems:
            raise DataError(problems, pack=str(path.parent))
    columns = [c for c in ("id", "lesson", "kind", "prompt") if c in prompts]
    merged = prompts[columns].merge(answers, on="id", how="left") if columns else prompts
    return merged.fillna({"model_answer": ""})


class AnswerKey:
    """The answers of one lesson, as plain text, for the teacher edition."""

    def __init__(self, text: str):
        self.text = text

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


def _quiz_key(book: Any, lesson: str) -> list[str]:
    lines = []
    for number, q in enumerate(questions(book, lesson, function="answer_key"), start=1):
        lines.append(f"{number}. {q.prompt}\n   Answer: {q.answer}")
        lines += ["   Evidence: " + "\n      ".join(evidence_lines(c)) for c in q.evidence]
    return lines


def _exercise_key(book: Any, lesson: str) -> list[str]:
    rows = book.lesson(lesson, function="answer_key").exercises
    return [f"check({r['id']!r}, ...): {r['expected']}" for _, r in rows.iterrows()]


def _sorting_key(book: Any, lesson: str) -> list[str]:
    return [
        f"({paragraph_words(item.citation.paragraph)}) “{item.citation.quote}”: who says it? "
        f"{WHO[item.who]}; has it happened? {MODALITY[item.modality]}."
        for item in sorting_items(book, lesson)
    ]


def _prompts_key(book: Any, lesson: str) -> list[str]:
    return [
        f"[{r['kind']}] {r['prompt']}\n   Model answer: {r['model_answer'] or '(none written)'}"
        for _, r in model_answers(book, lesson).iterrows()
    ]


_PARTS = {
    "questions": _quiz_key,
    "exercises": _exercise_key,
    "sorting": _sorting_key,
    "prompts": _prompts_key,
}


def answer_key(book: Any, lesson: str, part: str = "questions") -> AnswerKey:
    """The answers of one lesson: "questions" (the closing quiz, with its evidence),
    "exercises", "sorting" or "prompts" (the model answers, read from the teacher's file)."""
    lesson = lesson_id(lesson) if isinstance(lesson, int | str) else lesson
    if part not in _PARTS:
        raise WrongValueError(
            f"answer_key() takes a part such as 'questions'; the parts are {join_and(_PARTS)}, "
            f"and you passed {describe_value(part)}."
        )
    lines = _PARTS[part](book, lesson)
    return AnswerKey("\n".join(lines) if lines else f"Lesson {lesson} has no {part}.")
