"""The rules a pack must follow, each a function of the `Pack` returning its problems; `read_pack`
runs all of `RULES`, so a teacher sees everything wrong at once."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsfacts import text
from newsfacts.errors import Problem
from newsfacts.pack.read import INT64, INTEGER, Table, parse_integer, suggest
from newsfacts.pack.spec import (
    ANY_ID,
    CONTENT_TABLES,
    DESCRIPTOR,
    NEEDED,
    OPTIONS,
    coded_values,
    references,
    resources,
)

__all__ = ["Pack", "RULES", "loose", "id_tables", "answers_problems"]


@dataclass
class Pack:
    """A pack as read: its tables, article parts' text and kind (both empty when the article
    cannot be read), damaged parts, unread id tables."""

    metadata: dict[str, Any]
    tables: dict[str, Table]
    texts: dict[Any, str]
    kinds: dict[Any, str]
    damaged: set[Any]
    unread: set[str]


def id_tables(tables: dict[str, Table]) -> list[Table]:
    """The fact tables keyed by a pack-wide ``id`` (not the glossary, not lesson content)."""
    return [t for t in _facts(tables) if t.key == "id" and "id" in t.column]


def _facts(tables: dict[str, Table]) -> list[Table]:
    return [table for table in tables.values() if table.name not in CONTENT_TABLES]


def _constraints(f: dict[str, Any]) -> dict[str, Any]:
    return f["constraints"] if isinstance(f.get("constraints"), dict) else {}


def schemas(pack: Pack) -> Iterable[Problem]:
    """Each table's schema declares every column the library reads (`NEEDED`), and each coded
    column an ``enum`` of values the library knows (`coded_values`), so no cell the lessons
    cannot show passes."""
    for resource in resources(pack.metadata):
        table, fields = resource["name"], resource["schema"]["fields"]
        declared: dict[str, dict[str, Any]] = {}
        for f in fields:
            declared.setdefault(f["name"], f)
        for column in [c for c in NEEDED.get(table, ()) if c not in declared]:
            message = f"column {column!r} of table {table!r} is missing from the schema."
            fix = (
                f"Copy the field {column!r} from the same resource in the bundled pack's "
                f"datapackage.json, and add the column to {resource['path']} if it is not there: "
                "the lessons read it."
            )
            yield Problem(DESCRIPTOR, None, None, column, message, fix)
        for column, f in declared.items():
            if (known := coded_values(table, column)) is not None:
                yield from _enum(table, f, known)


def _enum(table: str, f: dict[str, Any], known: tuple[str, ...]) -> Iterable[Problem]:
    """A coded column's ``enum``: there, a list, and allowing only values the library knows."""
    column, enum = f["name"], _constraints(f).get("enum")
    listed = ", ".join(map(repr, known))
    if not isinstance(enum, list):
        message = (
            f"column {column!r} of table {table!r} has no list of allowed values ('enum' in its "
            "'constraints'), so any value passes."
        )
        fix = "Copy the field's constraints from the bundled pack's datapackage.json: enum "
        fix += f"{listed}."
        yield Problem(DESCRIPTOR, None, None, column, message, fix)
        return
    for value in [v for v in enum if not isinstance(v, str) or v not in known]:
        message = (
            f"the enum of column {column!r} in table {table!r} allows {value!r}, a value the "
            "lessons do not know."
        )
        fix = suggest(f"Remove it: the enum may allow only {listed}.", str(value), known)
        yield Problem(DESCRIPTOR, None, None, column, message, fix)


#: How a cell of a patterned column is written, in words a spreadsheet user reads.
FORMS = {
    "when": "a date written year-month-day, such as 2018-12-19 (or only 2018-12, or 2018)",
    "id": "small letters, digits and dashes, such as fig-support",
    "lesson": "two digits, such as 01 (format the column as text so that 01 stays 01)",
    "iso_code": "a country code of three capitals (UKR) or a region code such as UA-43",
}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_DATE_FIX = "write it as year-month-day, such as 2018-12-19."


def cells(pack: Pack) -> Iterable[Problem]:
    """Every cell against its field's type and constraints, and dates against the calendar."""
    for table in pack.tables.values():
        for f in [f for f in table.fields if f["name"] in table.column]:
            constraints = _constraints(f)
            pattern, regex, broken = constraints.get("pattern"), None, ""
            if pattern is not None and not isinstance(pattern, str):
                broken = f"it is {type(pattern).__name__}, not text"
            elif pattern is not None:
                try:
                    regex = re.compile(pattern)
                except (re.error, RecursionError, OverflowError) as error:
                    broken = str(error)
            if broken:
                column = f"column {f['name']!r} in table {table.name!r}"
                message = f"the pattern of {column} cannot be read ({broken})."
                fix = "Copy the column's pattern from the bundled pack, or remove it."
                yield Problem(DESCRIPTOR, None, None, f["name"], message, fix)
            required = f["name"] == table.key or constraints.get("required") is True
            for row, cell in table.cells(f["name"]):
                for message, fix in _cell(table, f, regex, cell, required):
                    yield table.problem(row, f["name"], message, fix.strip())


def _cell(table: Table, f: dict, regex: Any, cell: str, required: bool) -> list[tuple[str, str]]:
    if not cell:
        holds = f" It holds: {f['description']}" if f.get("description") else ""
        return [("this cell is empty.", f"Fill it in.{holds}")] if required else []
    value, wrong = _number(f.get("type", "string"), cell)
    if wrong:
        return [wrong]
    found, constraints = [], _constraints(f)
    enum = constraints.get("enum")
    enum = [str(v) for v in enum] if isinstance(enum, list) else None
    if enum is not None and cell not in enum:
        fix = suggest("Write one of them.", cell, enum)
        found.append((f"{cell!r} is not one of {', '.join(enum)}.", fix))
    if regex is not None and not regex.fullmatch(cell):  # said in words, never the pattern
        lesson = f["name"] == "lesson" or (table.name == "lessons" and f["name"] == "id")
        described = f.get("description", "as the column's description says")
        form = FORMS.get("lesson" if lesson else f["name"]) or described
        message = f"{text.shorten(cell)!r} is not written the way this column needs: {form}."
        day, fix = _DAY_MONTH_YEAR.fullmatch(cell), "Rewrite it."
        if f["name"] == "when" and day:
            first, second, year = (int(part) for part in day.groups())
            day_, month = (first, second) if first > 12 or second <= 12 else (second, first)
            fix = f"Write it as {year}-{month:02}-{day_:02} (year, month, day)."
        elif f["name"] == "id":
            example = text.slug(cell)
            fix += f" For example {example!r}." if example and example != cell else ""
        found.append((message, fix))
    elif f["name"] == "when" and (date := _DATE.fullmatch(cell)):
        year, month, day = int(date[1]), int(date[2]), int(date[3] or 1)
        last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
        if not last:
            message = f"{cell} has no month {month}: a date is written year-month-day."
            found.append((message, _DATE_FIX.capitalize()))
        elif not 1 <= day <= last:
            month_name = calendar.month_name[month]
            message = f"{cell} is not a real date: {month_name} {year} has {last} days."
            found.append((message, f"Check the day; {_DATE_FIX}"))
    low, high = constraints.get("minimum"), constraints.get("maximum")
    if isinstance(low, int | float) and value is not None and value < low:
        found.append((f"{cell} is less than {low}.", f"Write {low} or more."))
    if isinstance(high, int | float) and value is not None and value > high:
        found.append((f"{cell} is more than {high}.", f"Write {high} or less."))
    return found


def _number(kind: str, cell: str) -> tuple[float | None, tuple[str, str] | None]:
    """A cell's number for an integer or number field, or what is wrong with it."""
    if kind == "integer":
        value = parse_integer(cell)
        if INTEGER.fullmatch(cell) and (value is None or value not in INT64):
            fix = "Check the number: whole numbers in a pack have at most 18 digits."
            return None, (f"{text.shorten(cell, 30)} is too large a number for a table.", fix)
        wrong = (f"{cell!r} is not a whole number.", "Write the number in digits only, e.g. 9.")
        return value, (wrong if value is None else None)
    parse = text.parse_number
    number = parse(cell) if kind == "number" else None
    if kind != "number" or number is not None:
        return number, None
    advice = ""
    if cell.endswith("%"):
        advice = ", without the % sign: the unit goes in its own column"
    elif parse(cell.replace(",", ".")) is not None or parse(cell.replace(",", "")):
        advice = ", without commas"
    fix = f"Write the number in digits, with a dot for decimals (75, 0.5){advice}."
    return None, (f"{cell!r} is not a number.", fix)


def keys(pack: Pack) -> Iterable[Problem]:
    """``unique`` columns and the ``primaryKey`` hold no value twice; an id is used by one table
    only: ids are unique across the whole pack."""
    for table in pack.tables.values():
        key = table.resource["schema"].get("primaryKey")
        names = [key] if isinstance(key, str) else key if isinstance(key, list) else []
        groups = [tuple(names)] if names and all(isinstance(k, str) for k in names) else []
        groups += [(f["name"],) for f in table.fields if _constraints(f).get("unique") is True]
        for group in [g for g in dict.fromkeys(groups) if set(g) <= set(table.column)]:
            first: dict[tuple[str, ...], int] = {}
            for row, _ in table.cells(group[0]):
                value = tuple(table.value(row, name) for name in group)
                line = first.setdefault(value, table.lines[row]) if all(value) else None
                if line is not None and line != table.lines[row]:
                    shown = value[0] if len(value) == 1 else value
                    fix = "Give this row its own value, or delete one of the two rows."
                    message = f"{shown!r} is already used on line {line}."
                    yield table.problem(row, group[0], message, fix)
    owner: dict[str, tuple[str, int]] = {}
    for table in id_tables(pack.tables):
        for row, key in [(row, key) for row, key in enumerate(table.ids) if key is not None]:
            file, line = owner.setdefault(key, (table.file, table.lines[row]))
            if file != table.file:
                fix = "Ids must be unique across the whole pack: give one of the two another id."
                message = f"{key!r} is already the id of {file}, line {line}."
                yield table.problem(row, "id", message, fix)


def known_ids(pack: Pack, targets: Iterable[str]) -> dict[str, str] | None:
    """Each id and name of the target tables mapped to its id; None if one could not be read."""
    usable = {t.name: t for t in id_tables(pack.tables)}
    broken = pack.unread | {t.name for t in _facts(pack.tables) if t.key == "id"} - set(usable)
    names: list[Table] = []
    for target in targets:
        table = pack.tables.get(target)
        if target == ANY_ID and not broken:
            names += usable.values()
        elif target != ANY_ID and table is not None and table.key in table.column:
            names.append(table)
        else:
            return None
    found = {key: key for table in names for key in table.ids if key}
    for table in names:
        for row, name in table.cells("name"):
            if name and table.ids[row]:
                found.setdefault(name, table.ids[row])
    return found


def points_somewhere(pack: Pack) -> Iterable[Problem]:
    """Every id a row refers to is the id of a row in a table the descriptor allows."""
    owner = {key: t.file for t in id_tables(pack.tables) for key in t.ids if key}
    for reference in [r for r in references(pack.metadata) if r.table in pack.tables]:
        table, known = pack.tables[reference.table], known_ids(pack, reference.targets)
        if known is None or reference.column not in table.column:
            continue
        where = text.join_and(pack.tables[t].file for t in reference.targets if t in pack.tables)
        where = where.replace(" and ", " or ")
        where = "the pack's fact tables" if ANY_ID in reference.targets else where
        for row, cell in table.cells(reference.column):
            for key in [key for key in reference.ids_in(cell) if known.get(key) != key]:
                if not reference.many and ";" in key:
                    message = f"{key!r} holds several ids, but this column takes one."
                    fix = f"Keep one id of {where}; name the others in note."
                    yield table.problem(row, reference.column, message, fix)
                    continue
                message = f"{key!r} points nowhere: no row of {where} has this id."
                if key in owner:
                    message = (
                        f"{key!r} is the id of a row of {owner[key]}, but this column needs one "
                        f"of {where}."
                    )
                fix = f"Use an id from {where}, or add a row with the id {key!r} there."
                if reference.many and "," in key:
                    fix = "Separate the ids with ';' (not ',')."
                elif key in known:
                    fix = f"Write the id {known[key]!r}, not the name."
                yield table.problem(row, reference.column, suggest(message, key, known), fix)


_PARAGRAPH_FIX = (
    "Write the story paragraph's number (the first paragraph after the headline, byline "
    "and captions is 1), or headline, byline, caption 1 ...; "
    "`python -m newsfacts paragraphs PACK` lists them."
)


def loose(words: str) -> str:
    """Text folded for comparing quotes: case, spaces, curly apostrophes and dashes aside."""
    return "".join(words.casefold().translate(str.maketrans("‘’“”–—", "''\"\"--")).split())


def quotes(pack: Pack) -> Iterable[Problem]:
    """Each row's paragraph exists and its quote is in it, word for word."""
    texts = pack.texts
    numbers = [k for k in texts if isinstance(k, int)]
    names = [k for k in texts if isinstance(k, str)]
    story = f"the story's paragraphs 1 to {max(numbers)}" if numbers else "no story paragraphs"
    parts = f"{story}, and above the story " + ", ".join(names) if names else story
    for table in [t for t in pack.tables.values() if {"paragraph", "quote"} <= set(t.column)]:
        for row, cell in table.cells("paragraph") if texts else ():
            key, quote = text.paragraph_key(cell), table.value(row, "quote")
            if key is not None and key not in texts:
                message = f"the article has no paragraph {cell!r}: it has {parts}."
                yield table.problem(row, "paragraph", message, _PARAGRAPH_FIX)
            if key not in texts or not quote or quote in texts[key] or key in pack.damaged:
                continue
            shown, where = text.shorten(quote), text.paragraph_words(key, False)
            message = f'the quote "{shown}" is not in {where}'
            if elsewhere := [k for k, words in texts.items() if quote in words]:
                message += f" but in {text.paragraph_words(elsewhere[0], False)}."
                fix = f"Write {elsewhere[0]} in paragraph."
                yield table.problem(row, "paragraph", message, fix)
                continue
            if near := [k for k, words in texts.items() if loose(quote) in loose(words)]:
                message += f". {text.paragraph_words(near[0], False).capitalize()} has it with"
                message += " other capitals, spaces, apostrophes or dashes"
            fix = "Copy the words exactly from the article (book.paragraphs shows each paragraph)."
            yield table.problem(row, "quote", message + ".", fix)


_BASES = "article says, worked out or outside source"
NOTE_NEEDED = {
    "outside source": (
        "an outside-source row must name its source in note.",
        "Write where the fact comes from in note, e.g. 'Sky News, 3 January 2026'.",
    ),
    "worked out": (
        "a worked-out row must say in note how it was worked out.",
        "Write in note how the fact follows from the article, e.g. "
        "'\"last month\" in an article of January 2026'.",
    ),
}


def notes(pack: Pack) -> Iterable[Problem]:
    """A row (or date) the article does not say explains itself in ``note``; ``..._basis`` is
    filled exactly when the column it qualifies is; a map position names ``location_source``."""
    for table in pack.tables.values():
        for column in [c for c in table.column if c == "basis" or c.endswith("_basis")]:
            qualified = column.removesuffix("_basis") if column != "basis" else None
            for row, basis in table.cells(column):
                given = bool(table.value(row, qualified)) if qualified in table.column else None
                if given and not basis:
                    message = f"{qualified} is filled in but {column} is empty."
                    fix = f"Say where the {qualified} comes from: {_BASES}."
                    yield table.problem(row, column, message, fix)
                elif basis and given is False:
                    message = f"{column} is {basis!r} but {qualified} is empty."
                    fix = f"Fill in {qualified}, or empty {column}."
                    yield table.problem(row, column, message, fix)
                if "note" in table.column and basis in NOTE_NEEDED and not table.value(row, "note"):
                    message, fix = NOTE_NEEDED[basis]
                    if column != "basis":
                        message = f"{column} is {basis}: " + message.replace("row", "value", 1)
                    yield table.problem(row, "note", message, fix)
    for table in pack.tables.values():
        for row, source in table.cells("location_source"):
            given = [c for c in ("latitude", "longitude", "iso_code") if table.value(row, c)]
            if given and not source:
                fix = (
                    "Name where the location comes from, e.g. 'GeoNames 2988507 (geonames.org)' "
                    "or 'ISO 3166-2:UA'."
                )
                message = f"{' and '.join(given)} filled in, but location_source is empty."
                yield table.problem(row, "location_source", message, fix)
            if ("latitude" in given) != ("longitude" in given):
                missing = "longitude" if "latitude" in given else "latitude"
                fix = "Give both latitude and longitude."
                yield table.problem(row, missing, f"{missing} is empty.", fix)


#: The columns of each content table whose quoted phrases must be the article's words.
QUOTED_COLUMNS = {
    "questions": ("prompt", *(f"{k}_{n}" for k in ("option", "feedback") for n in "1234"), "hint"),
    "exercises": ("task", "hint_1", "hint_2", "why"),
    "sorting": ("explanation",),
    "prompts": ("prompt",),
}
#: An answer shorter than this ("4", "run") is too common a word to look for in other text.
SHORTEST_TELLTALE = 6
_QUOTE_FIX = (
    "Copy the article's words exactly, or take away the quotation marks "
    "(use 'single quotes' for a word that is not quoted from the article)."
)
_QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"")
_GAP = re.compile(r"\.\.\.|…|\[…\]")


def quoted_phrases(words: str) -> list[str]:
    """The phrases between quotation marks in a text, split where ``...`` leaves words out.

    >>> quoted_phrases('He said “the plan ... was agreed” and "no".')
    ['the plan', 'was agreed', 'no']
    """
    found = []
    for match in _QUOTED.finditer(words):
        inside = match.group(1) if match.group(1) is not None else match.group(2)
        found += [part.strip() for part in _GAP.split(inside) if part.strip(" .,;:")]
    return found


def _rows(pack: Pack, name: str, column: str) -> Iterable[tuple[Table, int, str]]:
    """(table, row, cell) of a column of a content table, for every checkable row."""
    table = pack.tables.get(name)
    for row, cell in table.cells(column) if table else ():
        yield table, row, cell


def lessons(pack: Pack) -> Iterable[Problem]:
    """A lesson's id is two digits (a spreadsheet's ``1`` is read ``01``), and ``lessons.csv`` says
    which there are; a quiz question's options, feedback lines and answer agree, and a hint does
    not hold its own question's answer, nor a hint or feedback line another's of the lesson."""
    for table, row, lesson in _rows(pack, "lessons", "id"):
        if not (lesson.isdigit() and len(lesson) == 2):
            message = f"{text.shorten(lesson)!r} is not a lesson number: {FORMS['lesson']}."
            yield table.problem(row, "id", message, "Number the lessons 00, 01, 02 ...")
    for name in CONTENT_TABLES[1:] if "lessons" not in pack.tables else ():
        for table, row, lesson in _rows(pack, name, "lesson"):
            message = f"lesson {lesson!r} is not described: the pack has no lessons.csv."
            fix = "Add lessons.csv (id, title, minutes) with a row for each lesson."
            yield table.problem(row, "lesson", message, fix)
    rows = [row for _, row, _ in _rows(pack, "questions", "prompt")]
    table = pack.tables.get("questions")
    for row in rows:
        options = [table.value(row, f"option_{n}") for n in range(1, OPTIONS + 1)]
        for n, option in enumerate(options, start=1):
            feedback = table.value(row, f"feedback_{n}")
            if option and options.index(option) != n - 1:
                shown = f"option {options.index(option) + 1} ({text.shorten(option)!r})"
                fix = "Give every option different words, or empty this one."
                yield table.problem(row, f"option_{n}", f"option {n} repeats {shown}.", fix)
            if option and not feedback and f"feedback_{n}" in table.column:
                fix = "Write one short line: why this option is right or wrong."
                yield table.problem(row, f"feedback_{n}", f"option {n} has no feedback line.", fix)
            elif feedback and not option:
                message = f"feedback {n} is filled in but option {n} is empty."
                fix = "Empty the feedback, or write the option it belongs to."
                yield table.problem(row, f"feedback_{n}", message, fix)
        answer, given = table.value(row, "answer"), [o for o in options if o]
        if answer and given and answer not in given:
            message = f"the answer {text.shorten(answer)!r} is not one of the options."
            fix = "Copy the right option into answer, word for word."
            yield table.problem(row, "answer", suggest(message, answer, given), fix)
        for other in rows:
            answer = table.value(other, "answer")
            same = table.value(other, "lesson") == table.value(row, "lesson")
            if len(answer) < SHORTEST_TELLTALE or not same:
                continue
            words = re.compile(rf"(?<!\w){re.escape(answer.casefold())}(?!\w)")
            feedback = [f"feedback_{n}" for n in range(1, OPTIONS + 1)] * (other != row)
            for column in ["hint", *feedback]:
                if words.search(table.value(row, column).casefold()):
                    whose = "its own" if other == row else f"question {table.ids[other]!r}'s"
                    message = f"this text gives away {whose} answer, {text.shorten(answer)!r}."
                    fix = "Point to where the answer is (a paragraph, a column) without writing it."
                    yield table.problem(row, column, message, fix)


def exercises(pack: Pack) -> Iterable[Problem]:
    """An exercise names a table (and column) that exists, and its expected rows exist."""
    facts = {t.name: t for t in _facts(pack.tables)}
    choices = sorted([*facts, "paragraphs"])
    for table, row, name in _rows(pack, "exercises", "table"):
        expected, column = table.value(row, "expected"), table.value(row, "column")
        if name not in choices:
            message = suggest(f"{name!r} is not a table of the pack.", name, choices)
            yield table.problem(row, "table", message, f"Write one of {', '.join(choices)}.")
            continue
        if name == "paragraphs" or text.parse_number(expected) is not None:
            if table.value(row, "ordered"):
                message = "the answer is a number, so there is no order of rows to check."
                fix = "Leave ordered empty, or ask for rows (ids in expected) instead."
                yield table.problem(row, "ordered", message, fix)
            if text.parse_number(expected) is None and expected:
                message = f"{text.shorten(expected)!r} is not a number, and paragraphs have no ids."
                fix = "Write the number the student should find, in digits."
                yield table.problem(row, "expected", message, fix)
            continue
        target, known = facts[name], [key for key in facts[name].ids if key]
        if column and column not in target.column:
            message = suggest(f"{target.file} has no column {column!r}.", column, [*target.column])
            fix = "Write a column of that table, or leave the cell empty."
            yield table.problem(row, "column", message, fix)
        for key in [key for key in text.split_ids(expected) if key not in known]:
            message = suggest(f"{key!r} is not a row of {target.file}.", key, known)
            fix = "Write the ids of the rows a right answer keeps, separated by ';'."
            yield table.problem(row, "expected", message, fix)


def sorting_and_quotes(pack: Pack) -> Iterable[Problem]:
    """A sorting item agrees with its fact (an event's modality, who says it); every phrase
    between quotation marks in what students read is the article's."""
    for table, row, fact in _rows(pack, "sorting", "fact"):
        fields = [_constraints(f) for f in table.fields if f["name"] == "modality"]
        enum = fields[0].get("enum") or [] if fields else []
        for source in [source for source in id_tables(pack.tables) if fact in source.ids]:
            found = source.ids.index(fact)
            modality, coded = table.value(row, "modality"), source.value(found, "modality")
            # A modality events.csv misspells is reported there, not again here.
            if coded and modality and coded != modality and coded in enum:
                message = f"{source.file} codes this event as {coded!r}, not {modality!r}."
                fix = f"Write {coded!r}, or correct the event's modality in {source.file}."
                yield table.problem(row, "modality", message, fix)
            said = source.name == "claims" or source.value(found, "basis") == "someone says"
            if table.value(row, "who") == "article" and said:
                message = f"{source.file} has this row as someone's words (someone says), not "
                fix = "Write 'person', or correct the row's basis there."
                yield table.problem(row, "who", message + "the article's.", fix)
    article = loose(" ".join(pack.texts.values()))
    for name, columns in QUOTED_COLUMNS.items() if pack.texts else ():
        for column in columns:
            for table, row, cell in _rows(pack, name, column):
                for phrase in [p for p in quoted_phrases(cell) if loose(p) not in article]:
                    message = f"“{text.shorten(phrase)}” is between quotation marks but is not in "
                    yield table.problem(row, column, message + "the article.", _QUOTE_FIX)


def answers_problems(answers: Table, prompt_ids: set[str]) -> Iterable[Problem]:
    """The model answers (a teacher's file, out of students' reach) are each about a prompt."""
    for row, key in answers.cells("id"):
        if key in answers.ids[:row]:
            yield answers.problem(row, "id", f"{key!r} has a model answer twice.", "Keep one.")
        elif key not in prompt_ids:
            message = suggest(f"{key!r} is not the id of a prompt.", key, prompt_ids)
            yield answers.problem(row, "id", message, "Copy the id from prompts.csv.")


#: Every rule, in the order they run.
RULES = (
    schemas,
    cells,
    keys,
    points_somewhere,
    quotes,
    notes,
    lessons,
    exercises,
    sorting_and_quotes,
)
