"""Read a CSV file into rows of text, keeping each row's line number.

Cells stay text exactly as written: nothing is guessed, nothing becomes NaN, no row is
dropped or shifted. Lines are counted as a spreadsheet shows them (header = line 1), so a
cell holding a line break does not shift the numbers of later rows. Rows whose cells are
all empty (a spreadsheet shows them as blank) are skipped, and still counted.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from newsfacts.errors import Problem
from newsfacts.textfile import UTF8_FIX, decode_utf8


@dataclass
class RawTable:
    """A CSV file as rows of text.

    Attributes
    ----------
    name : str
        The table's name (``"actors"``).
    file : str
        The file's name in the pack (``"actors.csv"``).
    header : list of str
        The column names (spaces around them removed).
    header_line : int
        The header's line (1 unless blank lines come first).
    rows : list of list of str
        The data rows, as many cells as written (possibly more or fewer than the header).
    lines : list of int
        The line of each row, as a spreadsheet shows it.
    spans : list of int
        How many lines of the file each row takes (more than 1 when a quoted cell holds
        line breaks, or a quote is left open).
    bad_lines : dict of int to str
        For each row holding bytes that are not UTF-8, what is wrong.
    """

    name: str
    file: str
    header: list[str]
    header_line: int = 1
    rows: list[list[str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    spans: list[int] = field(default_factory=list)
    bad_lines: dict[int, str] = field(default_factory=dict)


def read_raw_table(name: str, path: Path, file: str) -> tuple[RawTable | None, list[Problem]]:
    """Read one CSV file of a pack.

    Parameters
    ----------
    name : str
        The table's name.
    path : pathlib.Path
        The file.
    file : str
        The file's name as problems should show it.

    Returns
    -------
    table : RawTable or None
        None when the file is missing, unreadable or has no header.
    problems : list of Problem
        A missing file, an empty file, or a malformed file. Bytes that are not UTF-8 are
        not reported here but noted in ``table.bad_lines``, so the problem can name the id.
    """
    data, problems = _read_bytes(path, file)
    if data is None:
        return None, problems
    text, bad = decode_utf8(data)
    table = RawTable(name=name, file=file, header=[])
    record_of_line: dict[int, int] = {}
    problem = _read_rows(text, table, record_of_line)
    if problem is not None:
        return None, [problem]
    last_record = max(record_of_line.values(), default=0)
    for b in bad:
        line = record_of_line.get(b.line, last_record)
        table.bad_lines.setdefault(line, b.describe())
    if not table.header:
        problems = [
            Problem(
                file,
                None,
                None,
                None,
                "the file is empty: it has not even a header line.",
                "Write the column names on line 1 (copy them from datapackage.json); "
                "a file with only the header is a table with no rows.",
            )
        ]
        problems += [Problem(file, b.line, None, None, b.describe(), UTF8_FIX) for b in bad]
        return None, problems
    return table, []


def _read_bytes(path: Path, file: str) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, or None and the problem that says why it cannot be read."""
    try:
        return path.read_bytes(), []
    except FileNotFoundError:
        return None, [
            Problem(
                file,
                None,
                None,
                None,
                f"the file is missing (looked for {path}).",
                f"Create {file} with its header line, or fix its 'path' in datapackage.json.",
            )
        ]
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the file's name
        return None, [
            Problem(
                file,
                None,
                None,
                None,
                f"cannot read the file ({error}).",
                f"Check that {file} is a file in the pack folder and its 'path' in "
                "datapackage.json.",
            )
        ]


def _read_rows(text: str, table: RawTable, record_of_line: dict[int, int]) -> Problem | None:
    """Fill `table` with the header and rows of `text`, noting the record of each
    physical line in `record_of_line`; the problem if the text is not CSV."""
    reader = csv.reader(io.StringIO(text, newline=""))
    record = 0
    last_line = 0
    try:
        for cells in reader:
            record += 1
            span = reader.line_num - last_line
            for physical in range(last_line + 1, reader.line_num + 1):
                record_of_line[physical] = record
            last_line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if not table.header:
                table.header = [cell.strip() for cell in cells]
                table.header_line = record
                continue
            table.rows.append(cells)
            table.lines.append(record)
            table.spans.append(span)
    except csv.Error as error:
        return _not_csv(table.file, record + 1, error)
    return None


def _not_csv(file: str, line: int, error: csv.Error) -> Problem:
    message = f"the file cannot be read as CSV: {error}."
    fix = "Open it in a spreadsheet or text editor and look at that line."
    if "field larger than field limit" in str(error):
        message = (
            f"a cell starting on this line is longer than {csv.field_size_limit():,} "
            "characters, too long to be a fact."
        )
        fix = (
            'Most often a double quote (") opens a cell and is never closed, so the rest '
            'of the file becomes one cell: close it, or write it twice ("") inside a '
            "quoted cell. Otherwise shorten the cell."
        )
    return Problem(file, line, None, None, message, fix)
