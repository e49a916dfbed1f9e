"""Check a pack's tables against their schema, each other and the article.

Every check adds `Problem` objects to one list, so a teacher sees everything wrong at once.
The checks, in the order a row is read:

- the header: missing columns, stray columns, a column named twice;
- each row: as many cells as the header, bytes that are UTF-8;
- each cell, from the field's type and ``constraints`` in ``datapackage.json``:
  ``required``, ``enum``, ``pattern`` (whole value), integer or number, ``minimum``,
  ``maximum``;
- keys: ``unique`` columns and the ``primaryKey`` within a table; ids across the whole
  pack (glossary terms are apart);
- references: the schema's ``foreignKeys`` and the pack-wide `ID_REFERENCES`;
- provenance: the paragraph exists, the quote is in it word for word, and a ``context`` or
  ``inferred`` row says in ``note`` where it comes from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from newsfacts.article import paragraph_key, paragraph_words
from newsfacts.errors import Problem
from newsfacts.rawtable import RawTable
from newsfacts.schema import (
    ANY_ID,
    CONTENT_TABLES,
    DESCRIPTOR,
    ID_REFERENCES,
    IdReference,
    key_column,
)
from newsfacts.suggest import closest, did_you_mean
from newsfacts.textfile import UTF8_FIX

INTEGER = re.compile(r"\s*[+-]?\d+\s*")
NUMBER = re.compile(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*")

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


def parse_integer(text: str) -> int | None:
    """Read a whole number written in digits, or return None.

    Examples
    --------
    >>> parse_integer(" 12 "), parse_integer("twelve"), parse_integer("1.5")
    (12, None, None)
    """
    if not INTEGER.fullmatch(text):
        return None
    try:
        return int(text)
    except ValueError:  # more digits than Python converts (4300 by default)
        return None


#: The whole numbers a table can hold (pandas stores them in 64 bits).
INT64 = range(-(2**63), 2**63)


def parse_number(text: str) -> float | None:
    """Read a number written in digits with a dot for decimals, or return None.

    Examples
    --------
    >>> parse_number("75"), parse_number("0.5"), parse_number("75%"), parse_number("1,5")
    (75.0, 0.5, None, None)
    """
    return float(text) if NUMBER.fullmatch(text) else None


def short(text: str, width: int = 60) -> str:
    """Shorten text for a message, keeping its start.

    Examples
    --------
    >>> short("a" * 70, width=10)
    'aaaaaaaaa…'
    """
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass
class Table:
    """A raw table with its schema and what the checks learnt about its rows.

    Attributes
    ----------
    raw : RawTable
        The rows as read.
    resource : dict
        The table's description in ``datapackage.json``.
    column : dict of str to int
        Where each schema field is in the header.
    checkable : list of bool
        For each row, whether its cells can be checked (right number of cells, good bytes).
    ids : list of str or None
        For each row, its key (id or term), or None when empty or unreadable.
    """

    raw: RawTable
    resource: dict[str, Any]
    column: dict[str, int] = field(default_factory=dict)
    checkable: list[bool] = field(default_factory=list)
    ids: list[str | None] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.raw.name

    @property
    def file(self) -> str:
        return self.raw.file

    @property
    def fields(self) -> list[dict[str, Any]]:
        return self.resource["schema"]["fields"]

    @property
    def key(self) -> str | None:
        return key_column(self.resource)

    def cells(self, name: str) -> Iterator[tuple[int, str]]:
        """Yield (row number, cell) of a column for every checkable row."""
        index = self.column.get(name)
        if index is None:
            return
        for row, (ok, cells) in enumerate(zip(self.checkable, self.raw.rows, strict=True)):
            if ok:
                yield row, cells[index]

    def problem(self, row: int | None, column: str | None, message: str, fix: str) -> Problem:
        """Make a problem about a row (None: the header) of this table."""
        if row is None:
            return Problem(self.file, self.raw.header_line, None, column, message, fix)
        return Problem(self.file, self.raw.lines[row], self.ids[row], column, message, fix)


def validate_tables(
    tables: dict[str, Table],
    paragraphs: pd.DataFrame | None,
    damaged: set[int] | None = None,
    unread: set[str] | None = None,
) -> list[Problem]:
    """Run every check on a pack's tables; return the problems, file by file and line by line.

    Parameters
    ----------
    tables : dict of str to Table
        The tables that could be read, by name, in the pack's order.
    paragraphs : pandas.DataFrame or None
        The article's paragraphs (see `newsfacts.article.split_paragraphs`), or None when
        the article could not be read (quotes are then not checked).
    damaged : set of int, optional
        Paragraphs holding bytes that were not UTF-8: their quotes are not checked.
    unread : set of str, optional
        Tables keyed by id that could not be read: references to any id are then not
        checked, since the id may be in them.

    Returns
    -------
    list of Problem
    """
    problems: list[Problem] = []
    for table in tables.values():
        problems += check_shape(table)
        problems += check_cells(table)
        problems += check_keys(table)
    problems += check_pack_ids(tables)
    problems += check_references(tables, unread or set())
    if paragraphs is not None:
        texts = dict(zip(paragraphs["paragraph"], paragraphs["text"], strict=True))
        for table in tables.values():
            problems += check_quotes(table, texts, damaged or set())
    for table in tables.values():
        problems += check_notes(table)
        problems += check_locations(table)
    order = {name: number for number, name in enumerate(t.file for t in tables.values())}
    return sorted(problems, key=lambda p: (order.get(p.file, -1), p.line or 0))


def check_shape(table: Table) -> list[Problem]:
    """Check the header against the schema and each row's number of cells and bytes.

    Also fills in ``table.column``, ``table.checkable`` and ``table.ids``, which the
    other checks use.
    """
    raw = table.raw
    wanted = [f["name"] for f in table.fields]
    separator = _other_separator(raw.header, wanted)
    if separator:
        table.ids.extend(None for _ in raw.rows)
        table.checkable.extend(False for _ in raw.rows)
        return [
            table.problem(
                None,
                None,
                f"the cells are separated by {separator} instead of commas, as some "
                "spreadsheet programs save CSV in some languages.",
                "Save the file again as 'CSV UTF-8 (comma delimited)' (in LibreOffice: "
                "Save As, Text CSV, field delimiter ',').",
            )
        ]
    return _check_header(table, wanted) + _check_row_shapes(table)


def _check_header(table: Table, wanted: list[str]) -> list[Problem]:
    """Columns named twice, missing or not in the schema; fills in ``table.column``."""
    problems = []
    raw = table.raw
    seen: set[str] = set()
    for index, name in enumerate(raw.header):
        if name in seen:
            problems.append(
                table.problem(None, name, "the column is named twice in the header.", "Rename one.")
            )
            continue
        seen.add(name)
        if name in wanted:
            table.column[name] = index
    missing = [name for name in wanted if name not in table.column]
    for f in table.fields:
        if f["name"] in missing:
            holds = f" It holds: {f['description']}" if f.get("description") else ""
            problems.append(
                table.problem(
                    None,
                    f["name"],
                    "the column is missing from the header.",
                    f"Add a column named {f['name']!r} to the header.{holds}",
                )
            )
    for name in raw.header:
        if name in wanted:
            continue
        if not name:
            message = "the header has a column with no name (a stray comma at its end?)."
        else:
            message = "this column is not in the table's schema (datapackage.json)."
        rename = did_you_mean(closest(name, missing)) if name else ""
        problems.append(
            table.problem(
                None,
                name,
                message,
                f"Remove the column, or add it to the schema in datapackage.json. {rename}".strip(),
            )
        )
    return problems


def _check_row_shapes(table: Table) -> list[Problem]:
    """Rows with the wrong number of cells or bad bytes; fills in ``checkable`` and ``ids``."""
    problems = []
    raw = table.raw
    key_index = table.column.get(table.key) if table.key else None
    width = len(raw.header)
    for row, cells in enumerate(raw.rows):
        key = cells[key_index].strip() if key_index is not None and key_index < len(cells) else ""
        table.ids.append(key or None)
        line = raw.lines[row]
        ok = True
        if line in raw.bad_lines:
            ok = False
            column = next(
                (raw.header[i] for i, c in enumerate(cells[:width]) if "\ufffd" in c), None
            )
            problems.append(table.problem(row, column, raw.bad_lines[line], UTF8_FIX))
        if len(cells) != width:
            ok = False
            problems.append(_shape_problem(table, row, len(cells), width))
        table.checkable.append(ok)
    if raw.header_line in raw.bad_lines:
        problems.append(table.problem(None, None, raw.bad_lines[raw.header_line], UTF8_FIX))
    return problems


def _other_separator(header: list[str], wanted: list[str]) -> str:
    """'semicolons' or 'tabs' when a one-cell header is the real header split another way."""
    if len(header) != 1:
        return ""
    for mark, words in ((";", "semicolons"), ("\t", "tabs")):
        names = [name.strip() for name in header[0].split(mark)]
        if len(names) > 1 and len(set(names) & set(wanted)) >= 2:
            return words
    return ""


def _shape_problem(table: Table, row: int, count: int, width: int) -> Problem:
    message = f"this row has {count} cell{'' if count == 1 else 's'} but the header has {width}."
    span = table.raw.spans[row]
    if span > 1:
        message += f' The row runs over {span} lines of the file: a double quote (") is open.'
        fix = (
            'Close the quote; inside a quoted cell, write a double quote twice ("").'
            " Check the rows just below too."
        )
    elif count > width:
        fix = (
            'A cell that holds a comma must be in double quotes ("like, this");'
            " remove stray commas at the end of the row."
        )
    else:
        fix = "Add the missing cells: a row needs a comma between every two cells, even empty ones."
    return table.problem(row, None, message, fix)


def check_cells(table: Table) -> list[Problem]:
    """Check every cell against its field's type and constraints."""
    problems = []
    for f in table.fields:
        if f["name"] not in table.column:
            continue
        constraints = f.get("constraints") if isinstance(f.get("constraints"), dict) else {}
        pattern = constraints.get("pattern")
        regex, bad_pattern = _compile(pattern)
        if bad_pattern:
            problems.append(
                Problem(
                    DESCRIPTOR,
                    None,
                    None,
                    f["name"],
                    f"the pattern {pattern!r} of column {f['name']!r} in table {table.name!r} "
                    f"is not a valid regular expression ({bad_pattern}).",
                    "Correct the pattern (compare it with the bundled pack's) or remove it.",
                )
            )
        for row, cell in table.cells(f["name"]):
            found = _cell_problems(f, constraints, regex, cell, required=f["name"] == table.key)
            problems += [table.problem(row, f["name"], *problem) for problem in found]
    return problems


def _cell_problems(
    f: dict[str, Any],
    constraints: dict[str, Any],
    regex: re.Pattern[str] | None,
    cell: str,
    required: bool,
) -> list[tuple[str, str]]:
    """What is wrong with one cell, as (message, fix) pairs; none when it is right."""
    if not cell.strip():
        if not (required or constraints.get("required") is True):
            return []
        holds = f" It holds: {f['description']}" if f.get("description") else ""
        return [("this cell is empty.", f"Fill it in.{holds}")]
    value, wrong = _read_value(f.get("type", "string"), cell)
    if wrong:
        return [wrong]
    found = []
    enum = constraints.get("enum") if isinstance(constraints.get("enum"), list) else None
    if enum is not None and cell not in [str(e) for e in enum]:
        choices = ", ".join(str(e) for e in enum)
        suggestion = did_you_mean(closest(cell, map(str, enum)))
        found.append((f"{cell!r} is not one of {choices}.", f"Write one of them. {suggestion}"))
    if regex is not None and not regex.fullmatch(cell):
        pattern = constraints["pattern"]
        found.append((f"{cell!r} does not match the pattern {pattern}.", _pattern_fix(f, cell)))
    low, high = constraints.get("minimum"), constraints.get("maximum")
    if isinstance(low, int | float) and value is not None and value < low:
        found.append((f"{cell} is less than {low}.", f"Write {low} or more."))
    if isinstance(high, int | float) and value is not None and value > high:
        found.append((f"{cell} is more than {high}.", f"Write {high} or less."))
    return [(message, fix.strip()) for message, fix in found]


def _read_value(kind: str, cell: str) -> tuple[float | None, tuple[str, str] | None]:
    """A cell's number for an integer or number field, or what is wrong with it."""
    if kind == "integer":
        value = parse_integer(cell)
        if INTEGER.fullmatch(cell) and (value is None or value not in INT64):
            return None, (
                f"{short(cell.strip(), 30)} is too large a number for a table.",
                "Check the number: whole numbers in a pack have at most 18 digits.",
            )
        if value is None:
            return None, (
                f"{cell!r} is not a whole number.",
                "Write the number in digits only, e.g. 9.",
            )
        return value, None
    if kind == "number":
        number = parse_number(cell)
        return number, None if number is not None else (
            f"{cell!r} is not a number.",
            _number_fix(cell),
        )
    return None, None


def _compile(pattern: Any) -> tuple[re.Pattern[str] | None, str]:
    """Compile a schema's pattern: (regex, "") or (None, what is wrong); no pattern: (None, "")."""
    if pattern is None:
        return None, ""
    if not isinstance(pattern, str):
        return None, f"it is {type(pattern).__name__}, not text"
    try:
        return re.compile(pattern), ""
    except (re.error, RecursionError, OverflowError) as error:
        return None, str(error)


def _number_fix(cell: str) -> str:
    fix = "Write the number in digits, with a dot for decimals (75, 0.5)"
    if cell.strip().endswith("%"):
        return fix + ", without the % sign: the unit goes in its own column."
    if parse_number(cell.replace(",", ".")) is not None or parse_number(cell.replace(",", "")):
        return fix + ", without commas."
    return fix + "."


def _pattern_fix(f: dict[str, Any], cell: str) -> str:
    fix = f"Rewrite it. {f.get('description', '')}".strip()
    if f["name"] == "id":
        slug = re.sub(r"[^a-z0-9]+", "-", cell.lower()).strip("-")
        if slug:
            fix += f" For example {slug!r}."
    return fix


def check_keys(table: Table) -> list[Problem]:
    """Check that ``unique`` columns and the ``primaryKey`` hold no value twice."""
    problems = []
    schema = table.resource["schema"]
    key = schema.get("primaryKey")
    keys = [key] if isinstance(key, str) else list(key) if isinstance(key, list) else []
    if not all(isinstance(k, str) for k in keys):
        keys = []  # not a list of column names: reported by nothing else, so ignored here
    groups = [keys] if keys else []
    for f in table.fields:
        constraints = f.get("constraints") if isinstance(f.get("constraints"), dict) else {}
        if constraints.get("unique") is True and [f["name"]] not in groups:
            groups.append([f["name"]])
    for group in groups:
        if any(name not in table.column for name in group):
            continue
        indexes = [table.column[name] for name in group]
        first: dict[tuple[str, ...], int] = {}
        for row, (ok, cells) in enumerate(zip(table.checkable, table.raw.rows, strict=True)):
            if not ok:
                continue
            value = tuple(cells[i].strip() for i in indexes)
            if not all(value):
                continue
            if value in first:
                shown = value[0] if len(value) == 1 else value
                problems.append(
                    table.problem(
                        row,
                        group[0],
                        f"{shown!r} is already used on line {first[value]}.",
                        "Give this row its own value, or delete one of the two rows.",
                    )
                )
            else:
                first[value] = table.raw.lines[row]
    return problems


def id_tables(tables: dict[str, Table]) -> list[Table]:
    """Return the fact tables keyed by a pack-wide ``id`` (not the glossary, not lesson content)."""
    return [
        t
        for t in tables.values()
        if t.key == "id" and "id" in t.column and t.name not in CONTENT_TABLES
    ]


def check_pack_ids(tables: dict[str, Table]) -> list[Problem]:
    """Check that an id is used by one table only: ids are unique across the whole pack."""
    problems = []
    owner: dict[str, tuple[str, int]] = {}
    for table in id_tables(tables):
        for row, key in enumerate(table.ids):
            if key is None:
                continue
            if key in owner and owner[key][0] != table.file:
                file, line = owner[key]
                problems.append(
                    table.problem(
                        row,
                        "id",
                        f"{key!r} is already the id of {file}, line {line}.",
                        "Ids must be unique across the whole pack: give one of the two another id.",
                    )
                )
            owner.setdefault(key, (table.file, table.raw.lines[row]))
    return problems


def _ids_by_name(table: Table) -> dict[str, str]:
    """Map each row's name (and id) to its id, for suggestions."""
    found: dict[str, str] = {}
    for key in table.ids:
        if key is not None:
            found[key] = key
    for row, name in table.cells("name"):
        if name.strip() and table.ids[row] is not None:
            found[name.strip()] = table.ids[row]
    return found


def check_references(tables: dict[str, Table], unread: set[str] = frozenset()) -> list[Problem]:
    """Check that every id a row refers to is the id of a row in the right table.

    References into a table that could not be read (or lacks its key column) are not
    checked: every one would be reported, and the table's own problem says enough.
    """
    problems = []
    usable = {t.name: t for t in id_tables(tables)}
    facts = {t.name for t in tables.values() if t.key == "id" and t.name not in CONTENT_TABLES}
    broken = set(unread) | facts - set(usable)
    ids = {name: {key for key in t.ids if key} for name, t in usable.items()}
    rules = [r for r in ID_REFERENCES if r.table in tables]
    covered = {(r.table, r.column) for r in rules}
    for table in tables.values():
        for rule in _foreign_keys(table):
            if (rule.table, rule.column) not in covered:
                rules.append(rule)
    for rule in rules:
        table = tables[rule.table]
        targets = list(usable) if rule.targets == (ANY_ID,) else list(rule.targets)
        if rule.column not in table.column:
            continue
        if (rule.targets == (ANY_ID,) and broken) or any(t not in usable for t in targets):
            continue
        known = set().union(*(ids[t] for t in targets))
        for row, cell in table.cells(rule.column):
            for key in rule.ids_in(cell):
                if key not in known:
                    problems.append(_reference_problem(table, row, rule, key, targets, usable))
    return problems


def _foreign_keys(table: Table) -> list[IdReference]:
    rules = []
    found = table.resource["schema"].get("foreignKeys")
    for fk in found if isinstance(found, list) else []:
        if not isinstance(fk, dict) or not isinstance(fk.get("reference"), dict):
            continue
        fields = fk.get("fields")
        fields = [fields] if isinstance(fields, str) else fields
        target = fk["reference"].get("resource") or table.name
        if (
            isinstance(fields, list)
            and len(fields) == 1
            and isinstance(fields[0], str)
            and isinstance(target, str)
        ):
            rules.append(IdReference(table.name, fields[0], (target,)))
    return rules


def _reference_problem(
    table: Table,
    row: int,
    rule: IdReference,
    key: str,
    targets: list[str],
    usable: dict[str, Table],
) -> Problem:
    where = " or ".join(f"{usable[t].file}" for t in targets) if targets else "the pack"
    message = f"{key!r} points nowhere: no row of {where} has this id."
    choices: dict[str, str] = {}
    for t in targets:
        choices.update(_ids_by_name(usable[t]))
    suggestions = closest(key, choices)
    for t in usable.values():
        if t.name not in targets and key in t.ids:
            message = (
                f"{key!r} is the id of a row of {t.file}, but this column needs one of {where}."
            )
            break
    if suggestions:
        message += " " + did_you_mean(suggestions)
    fix = f"Use an id from {where}, or add a row with the id {key!r} there."
    if rule.many and "," in key:
        fix = "Separate the ids with ';' (not ',')."
    elif key in choices and choices[key] != key:
        fix = f"Write the id {choices[key]!r}, not the name."
    return table.problem(row, rule.column, message, fix)


def loose(text: str) -> str:
    """Text folded for comparing quotes: case, spaces, curly apostrophes and dashes aside."""
    text = text.casefold().translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return "".join(text.split())


def check_quotes(table: Table, texts: dict[Any, str], damaged: set[Any]) -> list[Problem]:
    """Check that each row's paragraph exists and its quote is in it, word for word.

    `texts` maps each part of the article (a story number, or a name such as
    ``"headline"``) to its text.
    """
    problems = []
    if "paragraph" not in table.column or "quote" not in table.column:
        return problems
    quote_index = table.column["quote"]
    for row, cell in table.cells("paragraph"):
        key = paragraph_key(cell)
        quote = table.raw.rows[row][quote_index]
        if key is None:
            continue  # reported by check_cells
        if key not in texts:
            problems.append(table.problem(row, "paragraph", *_no_such_paragraph(cell, texts)))
            continue
        if not quote.strip() or quote in texts[key] or key in damaged:
            continue
        elsewhere = [k for k, text in texts.items() if quote in text]
        shown = short(quote)
        if elsewhere:
            problems.append(
                table.problem(
                    row,
                    "paragraph",
                    f'the quote "{shown}" is not in {paragraph_words(key, False)} but in '
                    f"{paragraph_words(elsewhere[0], False)}.",
                    f"Write {elsewhere[0]} in paragraph.",
                )
            )
            continue
        near = [k for k, text in texts.items() if loose(quote) in loose(text)]
        message = f'the quote "{shown}" is not in {paragraph_words(key, False)}.'
        if near:
            message += (
                f" {paragraph_words(near[0], False).capitalize()} has it with other capitals,"
                " spaces, apostrophes or dashes."
            )
        problems.append(
            table.problem(
                row,
                "quote",
                message,
                "Copy the words exactly from the article (book.paragraphs shows each paragraph).",
            )
        )
    return problems


def _no_such_paragraph(cell: str, texts: dict[Any, str]) -> tuple[str, str]:
    """What is wrong with a paragraph cell that names no part of the article, and the fix."""
    numbers = [k for k in texts if isinstance(k, int)]
    names = [k for k in texts if isinstance(k, str)]
    story = f"the story's paragraphs 1 to {max(numbers)}" if numbers else "no story paragraphs"
    message = f"the article has no paragraph {cell.strip()!r}: it has {story}"
    if names:
        message += ", and above the story " + ", ".join(names)
    fix = (
        "Write the story paragraph's number (the first paragraph after the headline, byline "
        "and captions is 1), or headline, byline, caption 1 ...; "
        "`python -m newsfacts paragraphs PACK` lists them."
    )
    return message + ".", fix


def check_notes(table: Table) -> list[Problem]:
    """Check that each context or inferred basis is explained in ``note``.

    This covers ``basis`` and any other ``..._basis`` column (such as ``when_basis``, the
    basis of an event's date). A ``..._basis`` column must be filled exactly when the
    column it qualifies is (``when_basis`` when ``when``).
    """
    problems = []
    note_index = table.column.get("note")
    for column in table.column:
        if column != "basis" and not column.endswith("_basis"):
            continue
        qualified = column.removesuffix("_basis") if column != "basis" else None
        for row, basis in table.cells(column):
            cells = table.raw.rows[row]
            if qualified in table.column:
                given = bool(cells[table.column[qualified]].strip())
                if given and not basis.strip():
                    problems.append(
                        table.problem(
                            row,
                            column,
                            f"{qualified} is filled in but {column} is empty.",
                            f"Say where the {qualified} comes from: article says, worked out "
                            "or outside source.",
                        )
                    )
                elif basis.strip() and not given:
                    problems.append(
                        table.problem(
                            row,
                            column,
                            f"{column} is {basis!r} but {qualified} is empty.",
                            f"Fill in {qualified}, or empty {column}.",
                        )
                    )
            if note_index is None or basis not in NOTE_NEEDED or cells[note_index].strip():
                continue
            message, fix = NOTE_NEEDED[basis]
            if column != "basis":
                message = f"{column} is {basis}: " + message.replace("row", "value", 1)
            problems.append(table.problem(row, "note", message, fix))
    return problems


def check_locations(table: Table) -> list[Problem]:
    """Check that a map location (``latitude``, ``longitude``, ``iso_code``) is complete and
    names its source in ``location_source``: it is an outside fact, never in the article."""
    problems = []
    for row, source in table.cells("location_source"):
        cells = table.raw.rows[row]
        given = [c for c in ("latitude", "longitude", "iso_code") if c in table.column]
        given = [c for c in given if cells[table.column[c]].strip()]
        if given and not source.strip():
            problems.append(
                table.problem(
                    row,
                    "location_source",
                    f"{' and '.join(given)} filled in, but location_source is empty.",
                    "Name where the location comes from, e.g. 'GeoNames 2988507 "
                    "(geonames.org)' or 'ISO 3166-2:UA'.",
                )
            )
        if ("latitude" in given) != ("longitude" in given):
            missing = "longitude" if "latitude" in given else "latitude"
            problems.append(
                table.problem(
                    row, missing, f"{missing} is empty.", "Give both latitude and longitude."
                )
            )
    return problems
