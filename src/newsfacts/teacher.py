"""The teacher edition's answer keys (``print(answer_key(book, "03", "prompts"))``), never in
``from newsfacts.lesson import *``; the model answers are in a file the wheel and the student
branch leave out (``teacher/answers/<pack>.csv`` or the pack's ``answers.csv``)."""

from __future__ import annotations

import pandas as pd

from newsfacts.book import Book
from newsfacts.errors import DataError, WrongValueError, describe_value
from newsfacts.lesson.questions import questions
from newsfacts.lesson.quiz import MODALITY, WHO, sorting_items
from newsfacts.pack import answers_file, read_answers
from newsfacts.text import join_and, lesson_id, paragraph_words, quoted
from newsfacts.views.show import evidence_lines


def model_answers(book: Book, lesson: str | None = None) -> pd.DataFrame:
    """The prompts (of one lesson, or all) with their ``model_answer`` ("" where none); a broken
    answers file raises `DataError`."""
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


class AnswerKey(str):
    """The answers of one lesson, as plain text (also as ``.text``), for the teacher edition."""

    __repr__ = str.__str__
    text = property(str.__str__)


_PARTS = {
    "questions": lambda book, lesson: [
        f"{number}. {q.prompt}\n   Answer: {q.answer}"
        + "".join("\n   Evidence: " + "\n      ".join(evidence_lines(c)) for c in q.evidence)
        for number, q in enumerate(questions(book, lesson, function="answer_key"), start=1)
    ],
    "exercises": lambda book, lesson: [
        f"check({r['id']!r}, ...): {r['expected']}"
        for _, r in book.lesson(lesson, function="answer_key").exercises.iterrows()
    ],
    "sorting": lambda book, lesson: [
        f"({paragraph_words(item.citation.paragraph)}) {quoted(item.citation.quote)}: who says it? "
        f"{WHO[item.who]}; has it happened? {MODALITY[item.modality]}."
        for item in sorting_items(book, lesson)
    ],
    "prompts": lambda book, lesson: [
        f"[{r['kind']}] {r['prompt']}\n   Model answer: {r['model_answer'] or '(none written)'}"
        for _, r in model_answers(book, lesson).iterrows()
    ],
}


def answer_key(book: Book, lesson: str, part: str = "questions") -> AnswerKey:
    """The answers of one lesson's "questions", "exercises", "sorting" or "prompts"."""
    lesson = lesson_id(lesson) if isinstance(lesson, int | str) else lesson
    if not isinstance(part, str) or part not in _PARTS:
        raise WrongValueError(
            f"answer_key() takes a part such as 'questions'; the parts are {join_and(_PARTS)}, "
            f"and you passed {describe_value(part)}."
        )
    lines = _PARTS[part](book, lesson)
    return AnswerKey("\n".join(lines) if lines else f"Lesson {lesson} has no {part}.")
