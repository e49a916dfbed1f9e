"""Check a pack's lesson content (quiz questions, exercises, sorting items, prompts).

`newsfacts check` and `load` run these after the fact tables' own checks, so a teacher
sees a problem in ``questions.csv`` the same way as one in ``actors.csv``: file, line, id,
column, what is wrong and how to fix it. The checks:

- every row's lesson is an id of ``lessons.csv``;
- no hint holds its own question's answer, and no hint or feedback line the answer of
  another question of the same lesson;
- a question has at least two options, no option twice, a feedback line for each option
  (and none for a missing option), and its answer is one of its options;
- evidence ids, and a sorting item's fact, are ids of fact rows or glossary terms;
- a sorting item agrees with its fact: an event's modality, and who says it
  (a row the article attributes to someone is a person's);
- an exercise names a table (and column) that exists, and its expected rows exist;
- every phrase between quotation marks (“…” or "…") in student-facing text occurs in
  the article (capitals, spaces, apostrophes and dashes aside; ``...`` leaves words out).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from newsfacts.cells import split_ids
from newsfacts.errors import Problem
from newsfacts.schema import CONTENT_TABLES
from newsfacts.suggest import closest, did_you_mean
from newsfacts.validate import Table, id_tables, loose, parse_number, short

#: The columns of each content table whose quoted phrases must be the article's words.
QUOTED_COLUMNS = {
    "questions": (
        "prompt",
        *(f"option_{n}" for n in range(1, 5)),
        *(f"feedback_{n}" for n in range(1, 5)),
        "hint",
    ),
    "exercises": ("task", "hint_1", "hint_2", "why"),
    "sorting": ("explanation",),
    "prompts": ("prompt",),
}

#: How many options a question may have.
OPTIONS = 4

_QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"")
_GAP = re.compile(r"\.\.\.|…|\[…\]")


def quoted_phrases(text: str) -> list[str]:
    """The phrases between quotation marks in a text, split where ``...`` leaves words out.

    Examples
    --------
    >>> quoted_phrases('He said “the plan ... was agreed” and "no".')
    ['the plan', 'was agreed', 'no']
    """
    found = []
    for match in _QUOTED.finditer(text):
        inside = match.group(1) if match.group(1) is not None else match.group(2)
        found += [part.strip() for part in _GAP.split(inside) if part.strip(" .,;:")]
    return found


def check_content(tables: dict[str, Table], paragraphs: pd.DataFrame | None) -> list[Problem]:
    """Run every lesson-content check; return the problems (none when there is no content).

    Parameters
    ----------
    tables : dict of str to Table
        Every table read from the pack, facts and content (after `validate_tables`).
    paragraphs : pandas.DataFrame or None
        The article's paragraphs; None skips the quoted-phrase check.
    """
    content = {name: tables[name] for name in CONTENT_TABLES if name in tables}
    if not content:
        return []
    facts = _fact_ids(tables)
    problems = _check_lessons(content)
    if "questions" in content:
        problems += _check_questions(content["questions"])
        problems += _check_give_aways(content["questions"])
    if "exercises" in content:
        problems += _check_exercises(content["exercises"], tables)
    if "sorting" in content:
        problems += _check_sorting(content["sorting"], tables)
    for name, column in (("questions", "evidence"), ("exercises", "evidence"), ("sorting", "fact")):
        if name in content:
            problems += _check_ids(content[name], column, facts)
    if paragraphs is not None:
        article = loose(" ".join(paragraphs["text"]))
        for name, columns in QUOTED_COLUMNS.items():
            if name in content:
                problems += _check_quoted(content[name], columns, article)
    return problems


def _fact_ids(tables: dict[str, Table]) -> set[str]:
    ids = {key for table in id_tables(tables) for key in table.ids if key}
    for table in tables.values():
        if table.key == "term" and table.name not in CONTENT_TABLES:
            ids |= {key for key in table.ids if key}
    return ids


def _check_lessons(content: dict[str, Table]) -> list[Problem]:
    lessons = content.get("lessons")
    known = {key for key in lessons.ids if key} if lessons is not None else set()
    problems = []
    for name, table in content.items():
        if name == "lessons":
            continue
        for row, cell in table.cells("lesson"):
            lesson = cell.strip()
            if not lesson or lesson in known:
                continue
            if lessons is None:
                message = f"lesson {lesson!r} is not described: the pack has no lessons.csv."
                fix = "Add lessons.csv (id, title, minutes) with a row for each lesson."
            else:
                message = f"lesson {lesson!r} is not an id of lessons.csv. " + did_you_mean(
                    closest(lesson, sorted(known))
                )
                fix = "Write the lesson's two-digit id (such as 02), or add the lesson there."
            problems.append(table.problem(row, "lesson", message.strip(), fix))
    return problems


def _check_ids(table: Table, column: str, facts: set[str]) -> list[Problem]:
    problems = []
    for row, cell in table.cells(column):
        for key in split_ids(cell):
            if key in facts:
                continue
            message = f"{key!r} is not the id of a fact row or a glossary term."
            suggestion = did_you_mean(closest(key, sorted(facts)))
            fix = "Copy the id from the fact tables (book.get(id) shows a row)."
            if "," in key:
                fix = "Separate the ids with ';' (not ',')."
            problems.append(table.problem(row, column, f"{message} {suggestion}".strip(), fix))
    return problems


def _check_questions(table: Table) -> list[Problem]:
    problems = []
    for row, ok in enumerate(table.checkable):
        if not ok:
            continue
        cells = table.raw.rows[row]

        def cell(name: str, cells: list[str] = cells) -> str:
            index = table.column.get(name)
            return cells[index].strip() if index is not None else ""

        options = [cell(f"option_{n}") for n in range(1, OPTIONS + 1)]
        given = [option for option in options if option]
        for n, option in enumerate(options, start=1):
            if option and options.index(option) != n - 1:
                problems.append(
                    table.problem(
                        row,
                        f"option_{n}",
                        f"option {n} repeats option {options.index(option) + 1} "
                        f"({short(option)!r}).",
                        "Give every option different words, or empty this one.",
                    )
                )
            feedback = cell(f"feedback_{n}")
            if option and not feedback and f"feedback_{n}" in table.column:
                problems.append(
                    table.problem(
                        row,
                        f"feedback_{n}",
                        f"option {n} has no feedback line.",
                        "Write one short line: why this option is right or wrong.",
                    )
                )
            elif feedback and not option:
                problems.append(
                    table.problem(
                        row,
                        f"feedback_{n}",
                        f"feedback {n} is filled in but option {n} is empty.",
                        "Empty the feedback, or write the option it belongs to.",
                    )
                )
        answer = cell("answer")
        if answer and given and answer not in given:
            problems.append(
                table.problem(
                    row,
                    "answer",
                    f"the answer {short(answer)!r} is not one of the options. "
                    + did_you_mean(closest(answer, given)),
                    "Copy the right option into answer, word for word.",
                )
            )
    return problems


#: An answer shorter than this ("4", "run") is too common a word to look for in other text.
SHORTEST_TELLTALE = 6


def _contains(text: str, words: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(words.casefold())}(?!\w)", text.casefold()))


def _check_give_aways(table: Table) -> list[Problem]:
    """A hint must not hold its own question's answer; no hint or feedback line may hold the
    answer of another question of the same lesson."""
    rows = [
        (row, {name: cells[index].strip() for name, index in table.column.items()})
        for row, (ok, cells) in enumerate(zip(table.checkable, table.raw.rows, strict=True))
        if ok
    ]
    texts = ["hint", *(f"feedback_{n}" for n in range(1, OPTIONS + 1))]
    problems = []
    for row, cells in rows:
        for other_row, other in rows:
            answer = other.get("answer", "")
            if len(answer) < SHORTEST_TELLTALE or other.get("lesson") != cells.get("lesson"):
                continue
            for column in texts if other_row != row else ["hint"]:
                if _contains(cells.get(column, ""), answer):
                    whose = f"question {table.ids[other_row]!r}'s"
                    whose = "its own" if other_row == row else whose
                    problems.append(
                        table.problem(
                            row,
                            column,
                            f"this text gives away {whose} answer, {short(answer)!r}.",
                            "Point to where the answer is (a paragraph, a column) without "
                            "writing it.",
                        )
                    )
    return problems


def _check_exercises(table: Table, tables: dict[str, Table]) -> list[Problem]:
    problems = []
    facts = {t.name: t for t in tables.values() if t.name not in CONTENT_TABLES}
    choices = sorted([*facts, "paragraphs"])
    for row, name in table.cells("table"):
        name = name.strip()
        cells = table.raw.rows[row]
        expected = cells[table.column["expected"]] if "expected" in table.column else ""
        column = cells[table.column["column"]].strip() if "column" in table.column else ""
        if name != "paragraphs" and name not in facts:
            problems.append(
                table.problem(
                    row,
                    "table",
                    f"{name!r} is not a table of the pack. " + did_you_mean(closest(name, choices)),
                    f"Write one of {', '.join(choices)}.",
                )
            )
            continue
        number = parse_number(expected)
        if name == "paragraphs" or number is not None:
            if "ordered" in table.column and cells[table.column["ordered"]].strip():
                problems.append(
                    table.problem(
                        row,
                        "ordered",
                        "the answer is a number, so there is no order of rows to check.",
                        "Leave ordered empty, or ask for rows (ids in expected) instead.",
                    )
                )
            if number is None and expected.strip():
                problems.append(
                    table.problem(
                        row,
                        "expected",
                        f"{short(expected)!r} is not a number, and paragraphs have no ids.",
                        "Write the number the student should find, in digits.",
                    )
                )
            continue
        target = facts[name]
        if column and column not in target.column:
            problems.append(
                table.problem(
                    row,
                    "column",
                    f"{target.file} has no column {column!r}. "
                    + did_you_mean(closest(column, list(target.column))),
                    "Write a column of that table, or leave the cell empty.",
                )
            )
        problems += _missing_rows(table, row, expected, target)
    return problems


def _missing_rows(table: Table, row: int, expected: str, target: Table) -> list[Problem]:
    known = [key for key in target.ids if key]
    problems = []
    for key in split_ids(expected):
        if key not in known:
            problems.append(
                table.problem(
                    row,
                    "expected",
                    f"{key!r} is not a row of {target.file}. " + did_you_mean(closest(key, known)),
                    "Write the ids of the rows a right answer keeps, separated by ';'.",
                )
            )
    return problems


def _check_sorting(table: Table, tables: dict[str, Table]) -> list[Problem]:
    facts = [t for t in id_tables(tables)]
    problems = []
    for row, fact in table.cells("fact"):
        cells = table.raw.rows[row]
        for source in facts:
            if fact.strip() not in source.ids:
                continue
            found = source.raw.rows[source.ids.index(fact.strip())]
            problems += _agrees(table, row, cells, source, found)
    return problems


def _agrees(
    table: Table, row: int, cells: list[str], source: Table, found: list[str]
) -> Iterable[Problem]:
    def value(where: Table, values: list[str], name: str) -> str:
        index = where.column.get(name)
        return values[index].strip() if index is not None and index < len(values) else ""

    modality = value(table, cells, "modality")
    coded = value(source, found, "modality")
    # A modality events.csv misspells is reported there, not again here.
    if coded and modality and coded != modality and coded in _choices(table, "modality"):
        yield table.problem(
            row,
            "modality",
            f"{source.file} codes this event as {coded!r}, not {modality!r}.",
            f"Write {coded!r}, or correct the event's modality in {source.file}.",
        )
    who = value(table, cells, "who")
    said = source.name == "claims" or value(source, found, "basis") == "someone says"
    if who == "article" and said:
        yield table.problem(
            row,
            "who",
            f"{source.file} has this row as someone's words (someone says), not the article's.",
            "Write 'person', or correct the row's basis there.",
        )


def _choices(table: Table, column: str) -> list[str]:
    """The values a column's schema allows (its ``enum``), or none."""
    for f in table.fields:
        constraints = f.get("constraints")
        if f["name"] == column and isinstance(constraints, dict):
            return [str(e) for e in constraints.get("enum") or []]
    return []


def _check_quoted(table: Table, columns: Iterable[str], article: str) -> list[Problem]:
    problems = []
    for column in columns:
        for row, cell in table.cells(column):
            for phrase in quoted_phrases(cell):
                if loose(phrase) in article:
                    continue
                problems.append(
                    table.problem(
                        row,
                        column,
                        f"“{short(phrase)}” is between quotation marks but is not in the article.",
                        "Copy the article's words exactly, or take away the quotation marks "
                        "(use 'single quotes' for a word that is not quoted from the article).",
                    )
                )
    return problems
