"""The rules of a pack's lesson content (quiz questions, exercises, sorting items, prompts).

They run with the fact tables' rules (`newsfacts.pack.rules.RULES`), so a teacher sees a
problem in ``questions.csv`` the same way as one in ``actors.csv``. Evidence ids, a sorting
item's fact and every row's lesson are references, declared in ``datapackage.json`` and
checked there. Here:

- a question has at least two options, no option twice, a feedback line for each option
  (and none for a missing option), and its answer is one of its options;
- no hint holds its own question's answer, and no hint or feedback line the answer of
  another question of the same lesson;
- a sorting item agrees with its fact: an event's modality, and who says it;
- an exercise names a table (and column) that exists, and its expected rows exist;
- every phrase between quotation marks in student-facing text occurs in the article
  (capitals, spaces, apostrophes and dashes aside; ``...`` leaves words out);
- the teacher's model answers (a file kept out of students' reach) are about prompts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsfacts.errors import Problem
from newsfacts.pack.read import Table
from newsfacts.pack.rules import FORMS, Pack, id_tables, loose, rule
from newsfacts.pack.spec import CONTENT_TABLES, OPTIONS
from newsfacts.text import closest, did_you_mean, parse_number, shorten, split_ids

#: The columns of each content table whose quoted phrases must be the article's words.
QUOTED_COLUMNS = {
    "questions": ("prompt", *(f"option_{n}" for n in range(1, 5)),
                  *(f"feedback_{n}" for n in range(1, 5)), "hint"),
    "exercises": ("task", "hint_1", "hint_2", "why"),
    "sorting": ("explanation",),
    "prompts": ("prompt",),
}  # fmt: skip
#: An answer shorter than this ("4", "run") is too common a word to look for in other text.
SHORTEST_TELLTALE = 6
_QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"")
_GAP = re.compile(r"\.\.\.|…|\[…\]")


def quoted_phrases(text: str) -> list[str]:
    """The phrases between quotation marks in a text, split where ``...`` leaves words out.

    >>> quoted_phrases('He said “the plan ... was agreed” and "no".')
    ['the plan', 'was agreed', 'no']
    """
    found = []
    for match in _QUOTED.finditer(text):
        inside = match.group(1) if match.group(1) is not None else match.group(2)
        found += [part.strip() for part in _GAP.split(inside) if part.strip(" .,;:")]
    return found


@rule
def lessons_described(pack: Pack) -> Iterable[Problem]:
    """Lesson content needs ``lessons.csv`` to say which lessons there are."""
    if "lessons" in pack.tables:
        return
    for name in ("questions", "exercises", "sorting", "prompts"):
        table = pack.tables.get(name)
        for row, lesson in table.cells("lesson") if table else ():
            message = f"lesson {lesson!r} is not described: the pack has no lessons.csv."
            fix = "Add lessons.csv (id, title, minutes) with a row for each lesson."
            yield table.problem(row, "lesson", message, fix)


@rule
def lesson_numbers(pack: Pack) -> Iterable[Problem]:
    """A lesson's id is its number: two digits (a spreadsheet's ``1`` is read as ``01``)."""
    table = pack.tables.get("lessons")
    for row, lesson in table.cells("id") if table else ():
        if not (lesson.isdigit() and len(lesson) == 2):
            message = f"{shorten(lesson)!r} is not a lesson number: {FORMS['lesson']}."
            yield table.problem(row, "id", message, "Number the lessons 00, 01, 02 ...")


@rule
def questions(pack: Pack) -> Iterable[Problem]:
    """Options, feedback lines and answers of the quiz questions agree."""
    table = pack.tables.get("questions")
    for row, _ in table.cells("prompt") if table else ():
        options = [table.value(row, f"option_{n}") for n in range(1, OPTIONS + 1)]
        for n, option in enumerate(options, start=1):
            feedback = table.value(row, f"feedback_{n}")
            if option and options.index(option) != n - 1:
                message = (
                    f"option {n} repeats option {options.index(option) + 1} ({shorten(option)!r})."
                )
                yield table.problem(
                    row,
                    f"option_{n}",
                    message,
                    "Give every option different words, or empty this one.",
                )
            if option and not feedback and f"feedback_{n}" in table.column:
                fix = "Write one short line: why this option is right or wrong."
                yield table.problem(row, f"feedback_{n}", f"option {n} has no feedback line.", fix)
            elif feedback and not option:
                message = f"feedback {n} is filled in but option {n} is empty."
                yield table.problem(
                    row,
                    f"feedback_{n}",
                    message,
                    "Empty the feedback, or write the option it belongs to.",
                )
        answer, given = table.value(row, "answer"), [o for o in options if o]
        if answer and given and answer not in given:
            message = f"the answer {shorten(answer)!r} is not one of the options. " + did_you_mean(
                closest(answer, given)
            )
            yield table.problem(
                row, "answer", message.strip(), "Copy the right option into answer, word for word."
            )


def _contains(text: str, words: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(words.casefold())}(?!\w)", text.casefold()))


@rule
def give_aways(pack: Pack) -> Iterable[Problem]:
    """A hint does not hold its own question's answer; no hint or feedback line holds the
    answer of another question of the same lesson."""
    table = pack.tables.get("questions")
    rows = [row for row, _ in table.cells("prompt")] if table else []
    texts = ["hint", *(f"feedback_{n}" for n in range(1, OPTIONS + 1))]
    for row in rows:
        for other in rows:
            answer = table.value(other, "answer")
            if len(answer) < SHORTEST_TELLTALE or table.value(other, "lesson") != table.value(
                row, "lesson"
            ):
                continue
            for column in texts if other != row else ["hint"]:
                if _contains(table.value(row, column), answer):
                    whose = "its own" if other == row else f"question {table.ids[other]!r}'s"
                    message = f"this text gives away {whose} answer, {shorten(answer)!r}."
                    fix = "Point to where the answer is (a paragraph, a column) without writing it."
                    yield table.problem(row, column, message, fix)


@rule
def exercises(pack: Pack) -> Iterable[Problem]:
    """An exercise names a table (and column) that exists, and its expected rows exist."""
    table = pack.tables.get("exercises")
    facts = {t.name: t for t in pack.tables.values() if t.name not in CONTENT_TABLES}
    choices = sorted([*facts, "paragraphs"])
    for row, name in table.cells("table") if table else ():
        expected, column = table.value(row, "expected"), table.value(row, "column")
        if name != "paragraphs" and name not in facts:
            message = f"{name!r} is not a table of the pack. " + did_you_mean(
                closest(name, choices)
            )
            yield table.problem(
                row, "table", message.strip(), f"Write one of {', '.join(choices)}."
            )
            continue
        if name == "paragraphs" or parse_number(expected) is not None:
            if table.value(row, "ordered"):
                message = "the answer is a number, so there is no order of rows to check."
                yield table.problem(
                    row,
                    "ordered",
                    message,
                    "Leave ordered empty, or ask for rows (ids in expected) instead.",
                )
            if parse_number(expected) is None and expected:
                message = f"{shorten(expected)!r} is not a number, and paragraphs have no ids."
                yield table.problem(
                    row, "expected", message, "Write the number the student should find, in digits."
                )
            continue
        target = facts[name]
        if column and column not in target.column:
            message = f"{target.file} has no column {column!r}. " + did_you_mean(
                closest(column, list(target.column))
            )
            yield table.problem(
                row,
                "column",
                message.strip(),
                "Write a column of that table, or leave the cell empty.",
            )
        known = [key for key in target.ids if key]
        for key in split_ids(expected):
            if key not in known:
                message = f"{key!r} is not a row of {target.file}. " + did_you_mean(
                    closest(key, known)
                )
                fix = "Write the ids of the rows a right answer keeps, separated by ';'."
                yield table.problem(row, "expected", message.strip(), fix)


@rule
def sorting_agrees(pack: Pack) -> Iterable[Problem]:
    """A sorting item agrees with its fact: an event's modality, and who says it."""
    table = pack.tables.get("sorting")
    for row, fact in table.cells("fact") if table else ():
        for source in id_tables(pack.tables):
            if fact in source.ids:
                yield from _agrees(table, row, source, source.ids.index(fact))


def _agrees(table: Table, row: int, source: Table, found: int) -> Iterable[Problem]:
    modality, coded = table.value(row, "modality"), source.value(found, "modality")
    enum = next(
        (
            f.get("constraints", {}).get("enum") or []
            for f in table.fields
            if f["name"] == "modality"
        ),
        [],
    )
    # A modality events.csv misspells is reported there, not again here.
    if coded and modality and coded != modality and coded in enum:
        fix = f"Write {coded!r}, or correct the event's modality in {source.file}."
        yield table.problem(
            row, "modality", f"{source.file} codes this event as {coded!r}, not {modality!r}.", fix
        )
    said = source.name == "claims" or source.value(found, "basis") == "someone says"
    if table.value(row, "who") == "article" and said:
        message = (
            f"{source.file} has this row as someone's words (someone says), not the article's."
        )
        yield table.problem(
            row, "who", message, "Write 'person', or correct the row's basis there."
        )


@rule
def quoted_words(pack: Pack) -> Iterable[Problem]:
    """Every phrase between quotation marks in what students read is the article's."""
    if pack.paragraphs is None:
        return
    article = loose(" ".join(pack.paragraphs["text"]))
    for name, columns in QUOTED_COLUMNS.items():
        table = pack.tables.get(name)
        for column in columns if table else ():
            for row, cell in table.cells(column):
                for phrase in quoted_phrases(cell):
                    if loose(phrase) not in article:
                        message = (
                            f"“{shorten(phrase)}” is between quotation marks but is not in the "
                            "article."
                        )
                        fix = (
                            "Copy the article's words exactly, or take away the quotation marks "
                            "(use 'single quotes' for a word that is not quoted from the article)."
                        )
                        yield table.problem(row, column, message, fix)


def answers_problems(answers: Table, prompt_ids: set[str]) -> list[Problem]:
    """The model answers (a teacher's file, out of students' reach) are each about a prompt."""
    problems = []
    for row, key in answers.cells("id"):
        if key in answers.ids[:row]:
            problems.append(
                answers.problem(row, "id", f"{key!r} has a model answer twice.", "Keep one.")
            )
        elif key not in prompt_ids:
            message = f"{key!r} is not the id of a prompt. " + did_you_mean(
                closest(key, prompt_ids)
            )
            problems.append(
                answers.problem(row, "id", message.strip(), "Copy the id from prompts.csv.")
            )
    return problems
