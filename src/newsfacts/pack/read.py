"""The one reading of a pack's files, every cell normalised once (spaces around it dropped, a
lesson id ``1`` read ``01``), so `check`, the book and every lesson see the same values. No row is
dropped or shifted; lines are counted as a spreadsheet shows them (header = line 1)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfacts.errors import Problem
from newsfacts.pack.spec import CONTENT_TABLES, check_descriptor, key_column, whole_file
from newsfacts.text import lesson_id, near, plural

UTF8_FIX = (
    "Save the file as UTF-8 (Excel: Save As > 'CSV UTF-8'; LibreOffice: tick 'Edit filter "
    "settings' and choose 'Unicode (UTF-8)'; a text editor: choose the encoding UTF-8)."
)
INTEGER = re.compile(r"[+-]?\d+")
#: The longest cell a fact may have (csv's default limit, whatever another library sets).
CELL_LIMIT = 131_072
#: The whole numbers a table can hold (pandas stores them in 64 bits).
INT64 = range(-(2**63), 2**63)
_UTF16 = "saved as UTF-16 ('Unicode Text'), not UTF-8"
#: Files that are not text at all, told by their first bytes: (start, what it is).
_NOT_TEXT = (
    (b"PK\x03\x04", "a spreadsheet workbook (.xlsx or .ods) renamed, not a CSV file"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls) renamed, not a CSV file"),
    (b"\xff\xfe", _UTF16),
    (b"\xfe\xff", _UTF16),
)


def parse_integer(text: str) -> int | None:
    """A whole number written in digits ("12"), or None ("twelve", "1.5")."""
    try:
        return int(text) if INTEGER.fullmatch(text.strip()) else None
    except ValueError:  # more digits than Python converts (4300 by default)
        return None


def suggest(words: str, word: str, choices: Any) -> str:
    """`words`, then "Did you mean ...?" when a choice is close to `word`."""
    return f"{words} {near(word, choices)}".strip()


def decode(data: bytes) -> tuple[str, list[tuple[int, str]]]:
    """The text (bad bytes as U+FFFD, no byte-order mark) and, for each line holding bytes that
    are not UTF-8, (line, what is wrong)."""
    text, bad, offset = data.decode("utf-8", errors="replace"), [], 0
    for number, line in enumerate(data.split(b"\n") if "\ufffd" in text else [], start=1):
        try:  # a newline byte is never inside a multi-byte character: line by line
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            at = offset + error.start
            bad.append((number, f"byte 0x{data[at]:02X} at byte offset {at} is not UTF-8 text."))
        offset += len(line) + 1
    return text.removeprefix("\ufeff"), bad


def read_bytes(path: Path, file: str, what: str = "the file") -> tuple[bytes | None, list[Problem]]:
    """A file's bytes, or None and the problem that says why it cannot be read (missing, not
    UTF-8 text at all: a workbook, UTF-16)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        fix = f"Create {file}, or fix its 'path' in datapackage.json."
        return None, [whole_file(file, f"{what} is missing (looked for {path}).", fix)]
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the file's name
        fix = f"Check that {file} is a file in the pack folder and its 'path' in datapackage.json."
        return None, [whole_file(file, f"cannot read {what} ({error}).", fix)]
    kind = next((words for start, words in _NOT_TEXT if data.startswith(start)), None)
    if kind is None and len(data) >= 4 and data[:200].count(0) * 3 > min(len(data), 200):
        kind = _UTF16  # no byte-order mark
    return (None, [whole_file(file, f"the file is {kind}.", UTF8_FIX)]) if kind else (data, [])


@dataclass
class Table:
    """One CSV file of a pack: its rows as text (normalised, as many cells as written), each row's
    line as a spreadsheet shows it and how many it takes, the lines not UTF-8; and what `prepare`
    learns: where each field is (`column`), which rows can be checked, each row's key (`ids`)."""

    name: str
    file: str
    resource: dict[str, Any]
    header: list[str] = field(default_factory=list)
    header_line: int = 1
    rows: list[list[str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    spans: list[int] = field(default_factory=list)
    bad_lines: dict[int, str] = field(default_factory=dict)
    column: dict[str, int] = field(default_factory=dict)
    checkable: list[bool] = field(default_factory=list)
    ids: list[str | None] = field(default_factory=list)

    @property
    def fields(self) -> list[dict[str, Any]]:
        return self.resource["schema"]["fields"]

    @property
    def key(self) -> str | None:
        return key_column(self.resource)

    def cells(self, name: str):
        """Yield (row number, cell) of a column for every checkable row."""
        index = self.column.get(name)
        for row, cells in enumerate(self.rows if index is not None else []):
            if self.checkable[row]:
                yield row, cells[index]

    def value(self, row: int, name: str) -> str:
        """One cell of a row ("" when the table or the row has no such column)."""
        index = self.column.get(name)
        return self.rows[row][index] if index is not None and index < len(self.rows[row]) else ""

    def problem(self, row: int | None, column: str | None, message: str, fix: str) -> Problem:
        """A problem about a row (None: the header) of this table."""
        line, key = (self.header_line, None) if row is None else (self.lines[row], self.ids[row])
        return Problem(self.file, line, key, column, message, fix)

    def prepare(self) -> list[Problem]:
        """Fill `column`, `checkable` and `ids`; return what is wrong with the header and rows."""
        wanted = [f["name"] for f in self.fields]
        for mark, words in ((";", "semicolons"), ("\t", "tabs")):
            names = {name.strip() for name in self.header[0].split(mark)}
            if len(self.header) == 1 and len(names) > 1 and len(names & set(wanted)) >= 2:
                self.ids, self.checkable = [None] * len(self.rows), [False] * len(self.rows)
                message = (
                    f"the cells are separated by {words} instead of commas, as some spreadsheet "
                    "programs save CSV in some languages."
                )
                fix = (
                    "Save the file again as 'CSV UTF-8 (comma delimited)' (in LibreOffice: Save "
                    "As, Text CSV, field delimiter ',')."
                )
                return [self.problem(None, None, message, fix)]
        return [*self._header(wanted), *self._shapes()]

    def _header(self, wanted: list[str]) -> Iterator[Problem]:
        for index, name in enumerate(self.header):
            if name in self.header[:index]:
                twice = "the column is named twice in the header."
                yield self.problem(None, name, twice, "Rename one.")
            elif name in wanted:
                self.column[name] = index
        missing = [name for name in wanted if name not in self.column]
        for f in [f for f in self.fields if f["name"] in missing]:
            holds = f" It holds: {f['description']}" if f.get("description") else ""
            fix = f"Add a column named {f['name']!r} to the header.{holds}"
            yield self.problem(None, f["name"], "the column is missing from the header.", fix)
        for name in [name for name in self.header if name not in wanted]:
            message = "this column is not in the table's schema (datapackage.json)."
            if not name:
                message = "the header has a column with no name (a stray comma at its end?)."
            fix = "Remove the column, or add it to the schema in datapackage.json."
            yield self.problem(None, name, message, suggest(fix, name, missing))

    def _shapes(self) -> Iterator[Problem]:
        key, width = self.column.get(self.key) if self.key else None, len(self.header)
        for row, cells in enumerate(self.rows):
            self.ids.append((cells[key] if key is not None and key < len(cells) else "") or None)
            if bad := self.bad_lines.get(self.lines[row]):
                damaged = [n for n, c in zip(self.header, cells, strict=False) if "\ufffd" in c]
                yield self.problem(row, next(iter(damaged), None), bad, UTF8_FIX)
            if len(cells) != width:
                yield self._shape_problem(row, len(cells), width)
            self.checkable.append(not bad and len(cells) == width)
        if self.header_line in self.bad_lines:
            yield self.problem(None, None, self.bad_lines[self.header_line], UTF8_FIX)

    def _shape_problem(self, row: int, count: int, width: int) -> Problem:
        message = f"this row has {plural(count, 'cell')} but the header has {width}."
        if self.spans[row] > 1:
            lines = self.spans[row]
            message += f' The row runs over {lines} lines of the file: a double quote (") is open.'
            fix = (
                'Close the quote; inside a quoted cell, write a double quote twice (""). '
                "Check the rows just below too."
            )
        elif count > width:
            fix = (
                'A cell that holds a comma must be in double quotes ("like, this"); remove stray '
                "commas at the end of the row."
            )
        else:
            fix = "Add the missing cells: a row needs a comma between every two cells, even empty."
        return self.problem(row, None, message, fix)


def read_table(folder: Path, resource: dict[str, Any]) -> tuple[Table | None, list[Problem]]:
    """Read and `prepare` one CSV file of a pack, every cell normalised; None if unreadable."""
    file = resource["path"]
    data, problems = read_bytes(folder / file, file)
    if data is None:
        return None, problems
    text, bad = decode(data)
    table = Table(resource["name"], file, resource)
    record_of_line: dict[int, int] = {}
    reader = csv.reader(io.StringIO(text, newline=""))
    record = last_line = 0
    content = table.name in CONTENT_TABLES  # lesson ids are read as two digits: 1 -> 01
    lessons = {"id" if table.name == "lessons" else "lesson"} if content else set()
    try:
        for cells in reader:
            record += 1
            record_of_line |= dict.fromkeys(range(last_line + 1, reader.line_num + 1), record)
            span, last_line = reader.line_num - last_line, reader.line_num
            cells = [cell.strip() for cell in cells]
            if any(len(cell) > CELL_LIMIT for cell in cells):  # whatever csv's own limit is
                return None, [_not_csv(file, record, csv.Error("field larger than field limit"))]
            if not any(cells):
                continue
            if not table.header:
                table.header, table.header_line = cells, record
                lessons = {i for i, name in enumerate(cells) if name in lessons}
                continue
            table.rows.append([lesson_id(c) if i in lessons else c for i, c in enumerate(cells)])
            table.lines.append(record)
            table.spans.append(span)
    except csv.Error as error:
        return None, [_not_csv(file, record + 1, error)]
    last_record = max(record_of_line.values(), default=0)
    for line, words in bad:
        table.bad_lines.setdefault(record_of_line.get(line, last_record), words)
    if not table.header:
        fix = (
            "Write the column names on line 1 (copy them from datapackage.json); a file with only "
            "the header is a table with no rows."
        )
        empty = whole_file(file, "the file is empty: it has not even a header line.", fix)
        return None, [empty] + [whole_file(file, words, UTF8_FIX, line) for line, words in bad]
    return table, table.prepare()


def _not_csv(file: str, line: int, error: csv.Error) -> Problem:
    message = f"the file cannot be read as CSV: {error}."
    fix = "Open it in a spreadsheet or text editor and look at that line."
    if "field larger than field limit" in str(error):
        limit = f"{CELL_LIMIT:,} characters"
        message = f"a cell starting on this line is longer than {limit}, too long to be a fact."
        fix = (
            'Most often a double quote (") opens a cell and is never closed, so the rest of the '
            'file becomes one cell: close it, or write it twice ("") inside a quoted cell. '
            "Otherwise shorten the cell."
        )
    return whole_file(file, message, fix, line)


def read_descriptor(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """``datapackage.json`` read (None when it cannot be used at all), and its shape's problems."""
    name = path.name
    if not path.parent.is_dir():
        fix = "Check the path: it must be the folder that holds datapackage.json."
        return None, [whole_file(str(path.parent), "there is no such folder.", fix)]
    if not path.is_file():
        fix = (
            f"Every pack needs one: copy {name} from the bundled pack (data/paris-2026) into "
            "the folder."
        )
        return None, [whole_file(name, f"the pack has no {name} (looked in {path.parent}).", fix)]
    data, problems = read_bytes(path, name)
    if data is None:
        return None, problems
    text, bad = decode(data)
    if bad:
        return None, [whole_file(name, words, UTF8_FIX, line) for line, words in bad]
    try:
        metadata = json.loads(text)
    except json.JSONDecodeError as error:
        message = f"this is not valid JSON: {error.msg} (column {error.colno})."
        fix = "Look for a missing comma or quote, or a comma after the last item, near that line."
        return None, [whole_file(name, message, fix, error.lineno)]
    except RecursionError:
        message = "lists or objects are nested too deeply to read (thousands of [ or { inside)."
        fix = "Start from the bundled pack's datapackage.json: a pack needs only a few levels."
        return None, [whole_file(name, message, fix)]
    except ValueError as error:  # e.g. a number with thousands of digits
        fix = "Look for a very long number and shorten it."
        return None, [whole_file(name, f"this cannot be read as JSON: {error}.", fix)]
    return (metadata if isinstance(metadata, dict) else None), check_descriptor(name, metadata)
