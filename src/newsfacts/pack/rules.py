"""The rules a pack must follow, each declared once in `RULES` and returning its problems.

A rule is a function of the `Pack` (read, and every table prepared by `Table.prepare`)
registered with `rule`; `run_rules` runs them all, so a teacher sees everything wrong at once.
The fact tables' rules are here; the lesson content's are in `newsfacts.pack.content_rules`.

- cells: ``required``, ``enum``, ``pattern`` (whole value), integer or number, ``minimum``,
  ``maximum``, and real calendar dates, from each field in ``datapackage.json``;
- keys: ``unique`` columns and the ``primaryKey``; ids unique across the pack;
- references: every id a row points to exists in a table the descriptor allows;
- provenance: the paragraph exists, the quote is in it word for word, a row the article
  does not say names in ``note`` where it comes from, a map position names its source.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from newsfacts.errors import Problem
from newsfacts.pack.read import INT64, INTEGER, Table, parse_integer
from newsfacts.pack.spec import ANY_ID, CONTENT_TABLES, DESCRIPTOR, Reference, references
from newsfacts.text import (
    closest,
    did_you_mean,
    join_and,
    paragraph_key,
    paragraph_words,
    parse_number,
    shorten,
)

__all__ = ["Pack", "RULES", "rule", "run_rules", "loose", "id_tables"]


@dataclass
class Pack:
    """A pack as read: its tables (prepared), its article's parts, and its references."""

    folder: Path
    metadata: dict[str, Any]
    tables: dict[str, Table]
    paragraphs: pd.DataFrame | None
    damaged: set[Any] = field(default_factory=set)
    unread: set[str] = field(default_factory=set)

    @property
    def references(self) -> list[Reference]:
        return [r for r in references(self.metadata) if r.table in self.tables]

    @property
    def texts(self) -> dict[Any, str]:
        """Each part of the article (a story number, or "headline" ...) and its text."""
        if self.paragraphs is None:
            return {}
        return dict(zip(self.paragraphs["paragraph"], self.paragraphs["text"], strict=True))


#: Every rule, by name, in the order they run.
RULES: dict[str, Callable[[Pack], Iterable[Problem]]] = {}


def rule(function: Callable[[Pack], Iterable[Problem]]) -> Callable[[Pack], Iterable[Problem]]:
    """Register a rule under its function's name."""
    RULES[function.__name__] = function
    return function


def run_rules(pack: Pack) -> list[Problem]:
    """Run every rule; return the problems, file by file and line by line."""
    problems = [problem for run in RULES.values() for problem in run(pack)]
    order = {table.file: number for number, table in enumerate(pack.tables.values())}
    return sorted(problems, key=lambda p: (order.get(p.file, -1), p.line or 0))


def id_tables(tables: dict[str, Table]) -> list[Table]:
    """The fact tables keyed by a pack-wide ``id`` (not the glossary, not lesson content)."""
    return [
        t
        for t in tables.values()
        if t.key == "id" and "id" in t.column and t.name not in CONTENT_TABLES
    ]


# -- cells --------------------------------------------------------------------------------

#: How a cell of a patterned column is written, in words a spreadsheet user reads; a
#: message never shows the pattern itself.
FORMS = {
    "when": "a date written year-month-day, such as 2018-12-19 (or only 2018-12, or 2018)",
    "id": "small letters, digits and dashes, such as fig-support",
    "lesson": "two digits, such as 01 (format the column as text so that 01 stays 01)",
    "iso_code": "a country code of three capitals (UKR) or a region code such as UA-43",
}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def _form(table: Table, column: str) -> str:
    lesson = column == "lesson" or (table.name == "lessons" and column == "id")
    return FORMS["lesson" if lesson else column] if lesson or column in FORMS else ""


@rule
def cells(pack: Pack) -> Iterable[Problem]:
    """Every cell against its field's type and constraints, and dates against the calendar."""
    for table in pack.tables.values():
        for f in table.fields:
            if f["name"] not in table.column:
                continue
            constraints = f.get("constraints") if isinstance(f.get("constraints"), dict) else {}
            regex, broken = _compile(constraints.get("pattern"))
            if broken:
                message = (
                    f"the pattern of column {f['name']!r} in table {table.name!r} cannot be "
                    f"read ({broken})."
                )
                fix = "Copy the column's pattern from the bundled pack, or remove it."
                yield Problem(DESCRIPTOR, None, None, f["name"], message, fix)
            required = f["name"] == table.key or constraints.get("required") is True
            for row, cell in table.cells(f["name"]):
                for message, fix in _cell(table, f, constraints, regex, cell, required):
                    yield table.problem(row, f["name"], message, fix.strip())


def _cell(table, f, constraints, regex, cell: str, required: bool) -> list[tuple[str, str]]:
    """What is wrong with one cell, as (message, fix) pairs."""
    if not cell:
        holds = f" It holds: {f['description']}" if f.get("description") else ""
        return [("this cell is empty.", f"Fill it in.{holds}")] if required else []
    value, wrong = _number(f.get("type", "string"), cell)
    if wrong:
        return [wrong]
    found = []
    enum = constraints.get("enum") if isinstance(constraints.get("enum"), list) else None
    if enum is not None and cell not in map(str, enum):
        advice = did_you_mean(closest(cell, map(str, enum)))
        found.append(
            (f"{cell!r} is not one of {', '.join(map(str, enum))}.", f"Write one of them. {advice}")
        )
    if regex is not None and not regex.fullmatch(cell):
        found.append(_pattern_problem(table, f, cell))
    elif f["name"] == "when":
        found += _calendar(cell)
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
            return None, (f"{shorten(cell, 30)} is too large a number for a table.", fix)
        if value is None:
            return None, (
                f"{cell!r} is not a whole number.",
                "Write the number in digits only, e.g. 9.",
            )
        return value, None
    if kind != "number":
        return None, None
    number = parse_number(cell)
    if number is not None:
        return number, None
    fix = "Write the number in digits, with a dot for decimals (75, 0.5)"
    if cell.endswith("%"):
        fix += ", without the % sign: the unit goes in its own column."
    elif parse_number(cell.replace(",", ".")) is not None or parse_number(cell.replace(",", "")):
        fix += ", without commas."
    return None, (f"{cell!r} is not a number.", fix + ("" if fix.endswith(".") else "."))


def _pattern_problem(table: Table, f: dict[str, Any], cell: str) -> tuple[str, str]:
    """Say how to write a cell that does not fit its column's form, never with the pattern."""
    form = _form(table, f["name"]) or f.get("description", "as the column's description says")
    message = f"{shorten(cell)!r} is not written the way this column needs: {form}."
    day = _DAY_MONTH_YEAR.fullmatch(cell)
    fix = "Rewrite it."
    if f["name"] == "when" and day:
        first, second, year = (int(part) for part in day.groups())
        day_, month = (first, second) if first > 12 or second <= 12 else (second, first)
        fix = f"Write it as {year}-{month:02}-{day_:02} (year, month, day)."
    elif f["name"] == "id":
        slug = re.sub(r"[^a-z0-9]+", "-", cell.lower()).strip("-")
        fix += f" For example {slug!r}." if slug and slug != cell else ""
    return message, fix


def _calendar(cell: str) -> list[tuple[str, str]]:
    """A date whose month or day does not exist (2025-28-12, 2026-02-30)."""
    found = _DATE.fullmatch(cell)
    if not found:
        return []
    year, month, day = int(found[1]), int(found[2]), int(found[3] or 1)
    if not 1 <= month <= 12:
        return [(f"{cell} has no month {month}: a date is written year-month-day.",
                 "Write it as year-month-day, such as 2018-12-19.")]  # fmt: skip
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return [(f"{cell} is not a real date: {calendar.month_name[month]} {year} has {last} days.",
                 "Check the day; write it as year-month-day, such as 2018-12-19.")]  # fmt: skip
    return []


def _compile(pattern: Any) -> tuple[re.Pattern[str] | None, str]:
    """A schema's pattern compiled: (regex, "") or (None, what is wrong); none: (None, "")."""
    if pattern is None:
        return None, ""
    if not isinstance(pattern, str):
        return None, f"it is {type(pattern).__name__}, not text"
    try:
        return re.compile(pattern), ""
    except (re.error, RecursionError, OverflowError) as error:
        return None, str(error)


# -- keys and references -------------------------------------------------------------------


@rule
def keys(pack: Pack) -> Iterable[Problem]:
    """``unique`` columns and the ``primaryKey`` hold no value twice."""
    for table in pack.tables.values():
        key = table.resource["schema"].get("primaryKey")
        names = [key] if isinstance(key, str) else key if isinstance(key, list) else []
        groups = [names] if names and all(isinstance(k, str) for k in names) else []
        for f in table.fields:
            constraints = f.get("constraints") if isinstance(f.get("constraints"), dict) else {}
            if constraints.get("unique") is True and [f["name"]] not in groups:
                groups.append([f["name"]])
        for group in groups:
            if any(name not in table.column for name in group):
                continue
            first: dict[tuple[str, ...], int] = {}
            for row, _ in table.cells(group[0]):
                value = tuple(table.value(row, name) for name in group)
                if not all(value):
                    continue
                if value in first:
                    shown = value[0] if len(value) == 1 else value
                    fix = "Give this row its own value, or delete one of the two rows."
                    yield table.problem(
                        row, group[0], f"{shown!r} is already used on line {first[value]}.", fix
                    )
                else:
                    first[value] = table.lines[row]


@rule
def pack_ids(pack: Pack) -> Iterable[Problem]:
    """An id is used by one table only: ids are unique across the whole pack."""
    owner: dict[str, tuple[str, int]] = {}
    for table in id_tables(pack.tables):
        for row, key in enumerate(table.ids):
            if key is not None and key in owner and owner[key][0] != table.file:
                file, line = owner[key]
                fix = "Ids must be unique across the whole pack: give one of the two another id."
                yield table.problem(
                    row, "id", f"{key!r} is already the id of {file}, line {line}.", fix
                )
            if key is not None:
                owner.setdefault(key, (table.file, table.lines[row]))


def known_ids(pack: Pack, targets: Iterable[str]) -> dict[str, str] | None:
    """Each id (and name) of the target tables mapped to its id; None when one of them
    could not be read, so its references cannot be checked."""
    usable = {t.name: t for t in id_tables(pack.tables)}
    facts = {t.name for t in pack.tables.values() if t.key == "id" and t.name not in CONTENT_TABLES}
    broken = pack.unread | (facts - set(usable))
    names: list[Table] = []
    for target in targets:
        if target == ANY_ID:
            if broken:
                return None
            names += usable.values()
        elif (
            target in usable
            or target in pack.tables
            and pack.tables[target].key in pack.tables[target].column
        ):
            names.append(usable.get(target) or pack.tables[target])
        else:
            return None
    found: dict[str, str] = {}
    for table in names:
        found.update({key: key for key in table.ids if key})
    for table in names:
        for row, name in table.cells("name"):
            if name and table.ids[row]:
                found.setdefault(name, table.ids[row])
    return found


@rule
def points_somewhere(pack: Pack) -> Iterable[Problem]:
    """Every id a row refers to is the id of a row in a table the descriptor allows."""
    owner = {key: t.file for t in id_tables(pack.tables) for key in t.ids if key}
    memo: dict[tuple[str, ...], dict[str, str] | None] = {}
    for reference in pack.references:
        if reference.targets not in memo:
            memo[reference.targets] = known_ids(pack, reference.targets)
        table, known = pack.tables[reference.table], memo[reference.targets]
        if known is None or reference.column not in table.column:
            continue
        where = join_and(pack.tables[t].file for t in reference.targets if t in pack.tables)
        where = (
            where.replace(" and ", " or ")
            if ANY_ID not in reference.targets
            else "the pack's fact tables"
        )
        for row, cell in table.cells(reference.column):
            for key in reference.ids_in(cell):
                if key in known and known[key] == key:
                    continue
                message = f"{key!r} points nowhere: no row of {where} has this id."
                if key in owner:
                    message = (
                        f"{key!r} is the id of a row of {owner[key]}, but this column needs one "
                        f"of {where}."
                    )
                advice = did_you_mean(closest(key, known))
                fix = f"Use an id from {where}, or add a row with the id {key!r} there."
                if reference.many and "," in key:
                    fix = "Separate the ids with ';' (not ',')."
                elif key in known:
                    fix = f"Write the id {known[key]!r}, not the name."
                yield table.problem(row, reference.column, f"{message} {advice}".strip(), fix)


# -- provenance ----------------------------------------------------------------------------


def loose(text: str) -> str:
    """Text folded for comparing quotes: case, spaces, curly apostrophes and dashes aside."""
    return "".join(text.casefold().translate(str.maketrans("‘’“”–—", "''\"\"--")).split())


@rule
def quotes(pack: Pack) -> Iterable[Problem]:
    """Each row's paragraph exists and its quote is in it, word for word."""
    texts = pack.texts
    if pack.paragraphs is None:
        return
    for table in pack.tables.values():
        if "paragraph" not in table.column or "quote" not in table.column:
            continue
        for row, cell in table.cells("paragraph"):
            key, quote = paragraph_key(cell), table.value(row, "quote")
            if key is None:
                continue
            if key not in texts:
                yield table.problem(row, "paragraph", *_no_such_paragraph(cell, texts))
                continue
            if not quote or quote in texts[key] or key in pack.damaged:
                continue
            elsewhere = [k for k, text in texts.items() if quote in text]
            where, shown = paragraph_words(key, False), shorten(quote)
            if elsewhere:
                there = paragraph_words(elsewhere[0], False)
                message = f'the quote "{shown}" is not in {where} but in {there}.'
                yield table.problem(
                    row, "paragraph", message, f"Write {elsewhere[0]} in paragraph."
                )
                continue
            message = f'the quote "{shown}" is not in {where}.'
            near = [k for k, text in texts.items() if loose(quote) in loose(text)]
            if near:
                message += (
                    f" {paragraph_words(near[0], False).capitalize()} has it with other capitals, "
                    "spaces, apostrophes or dashes."
                )
            fix = "Copy the words exactly from the article (book.paragraphs shows each paragraph)."
            yield table.problem(row, "quote", message, fix)


def _no_such_paragraph(cell: str, texts: dict[Any, str]) -> tuple[str, str]:
    """What is wrong with a paragraph cell that names no part of the article, and the fix."""
    numbers = [k for k in texts if isinstance(k, int)]
    names = [k for k in texts if isinstance(k, str)]
    story = f"the story's paragraphs 1 to {max(numbers)}" if numbers else "no story paragraphs"
    message = f"the article has no paragraph {cell!r}: it has {story}"
    message += ", and above the story " + ", ".join(names) if names else ""
    fix = (
        "Write the story paragraph's number (the first paragraph after the headline, byline "
        "and captions is 1), or headline, byline, caption 1 ...; "
        "`python -m newsfacts paragraphs PACK` lists them."
    )
    return message + ".", fix


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


@rule
def notes(pack: Pack) -> Iterable[Problem]:
    """Each row (or date) the article does not say itself explains itself in ``note``; a
    ``..._basis`` column is filled exactly when the column it qualifies is."""
    for table in pack.tables.values():
        for column in [c for c in table.column if c == "basis" or c.endswith("_basis")]:
            qualified = column.removesuffix("_basis") if column != "basis" else None
            for row, basis in table.cells(column):
                if qualified in table.column:
                    given = bool(table.value(row, qualified))
                    if given and not basis:
                        fix = (
                            f"Say where the {qualified} comes from: article says, worked out or "
                            "outside source."
                        )
                        yield table.problem(
                            row, column, f"{qualified} is filled in but {column} is empty.", fix
                        )
                    elif basis and not given:
                        fix = f"Fill in {qualified}, or empty {column}."
                        yield table.problem(
                            row, column, f"{column} is {basis!r} but {qualified} is empty.", fix
                        )
                if (
                    "note" not in table.column
                    or basis not in NOTE_NEEDED
                    or table.value(row, "note")
                ):
                    continue
                message, fix = NOTE_NEEDED[basis]
                if column != "basis":
                    message = f"{column} is {basis}: " + message.replace("row", "value", 1)
                yield table.problem(row, "note", message, fix)


@rule
def locations(pack: Pack) -> Iterable[Problem]:
    """A map position (``latitude``, ``longitude``, ``iso_code``) is complete and names its
    source in ``location_source``: it is an outside fact, never in the article."""
    for table in pack.tables.values():
        for row, source in table.cells("location_source"):
            given = [c for c in ("latitude", "longitude", "iso_code") if table.value(row, c)]
            if given and not source:
                fix = (
                    "Name where the location comes from, e.g. 'GeoNames 2988507 (geonames.org)' "
                    "or 'ISO 3166-2:UA'."
                )
                yield table.problem(
                    row,
                    "location_source",
                    f"{' and '.join(given)} filled in, but location_source is empty.",
                    fix,
                )
            if ("latitude" in given) != ("longitude" in given):
                missing = "longitude" if "latitude" in given else "latitude"
                yield table.problem(
                    row, missing, f"{missing} is empty.", "Give both latitude and longitude."
                )
