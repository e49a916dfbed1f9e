"""Find a pack, read it, check it and turn it into a `Book`.

The bundled pack is looked for first inside the installed package
(``newsfacts/packs/paris-2026``, where the wheel puts it) and then in the source tree
(``data/paris-2026`` next to ``src/``), so both an installed wheel and an editable install
work from any folder.
"""

from __future__ import annotations

import math
import os
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from newsfacts.article import paragraph_key, read_article
from newsfacts.book import Book
from newsfacts.content import attach
from newsfacts.content_checks import check_content
from newsfacts.errors import DataError, Problem
from newsfacts.rawtable import RawTable, read_raw_table
from newsfacts.schema import (
    CONTENT_TABLES,
    DESCRIPTOR,
    article_file,
    key_column,
    read_descriptor,
    resources,
)
from newsfacts.validate import Table, parse_integer, parse_number, validate_tables

BUNDLED = "paris-2026"


def _bundled_candidates() -> list[Path]:
    """The folders where the bundled pack may be, most likely first."""
    installed = Path(str(files("newsfacts"))) / "packs" / BUNDLED
    source = Path(__file__).resolve().parents[2] / "data" / BUNDLED
    return [installed, source]


def bundled_pack() -> Path:
    """Return the folder of the bundled pack.

    Returns
    -------
    pathlib.Path
        The first of the installed copy and the source tree's copy that has a
        ``datapackage.json``; the installed place when neither does (so that `load`
        reports it missing there).
    """
    candidates = _bundled_candidates()
    for folder in candidates:
        if (folder / DESCRIPTOR).is_file():
            return folder
    return candidates[0]


def _descriptor_path(pack: str | os.PathLike[str] | None) -> Path:
    if pack is None:
        return bundled_pack() / DESCRIPTOR
    if isinstance(pack, bool) or not isinstance(pack, str | os.PathLike):
        raise TypeError(
            "load() takes the path of a pack folder, such as load('data/my-pack'), or nothing "
            f"for the bundled article; you passed {type(pack).__name__} {pack!r}."
        )
    path = Path(pack).expanduser()
    if path.suffix == ".json" and not path.is_dir():
        return path
    return path / DESCRIPTOR


def load(pack: str | os.PathLike[str] | None = None) -> Book:
    """Load a pack: an article and its fact tables, checked.

    Parameters
    ----------
    pack : str or path-like, optional
        A pack folder (or the path of its ``datapackage.json``). Leave it out for the
        bundled article.

    Returns
    -------
    Book
        The article's paragraphs and tables.

    Raises
    ------
    DataError
        If anything in the pack is wrong; it lists every problem, each naming the file,
        the line (as a spreadsheet shows it), the id and the column, and how to fix it.
    TypeError
        If `pack` is not a path.

    Examples
    --------
    >>> import newsfacts
    >>> book = newsfacts.load()
    >>> list(book.paragraphs.columns)
    ['paragraph', 'kind', 'text']
    """
    descriptor = _descriptor_path(pack)
    folder = descriptor.parent
    metadata, problems = read_descriptor(descriptor)
    if metadata is None:
        raise DataError(problems, pack=str(folder))

    name = article_file(metadata)
    paragraphs, damaged, found = read_article(folder, name)
    problems += found

    tables, unread, found = _read_tables(folder, metadata)
    problems += found
    problems += validate_tables(tables, paragraphs, damaged, unread)
    problems += check_content(tables, paragraphs)
    if problems:
        files = [descriptor.name, name, *(r["path"] for r in resources(metadata))]
        order = {file: number for number, file in enumerate(files)}
        problems.sort(key=lambda p: (order.get(p.file, len(order)), p.line or 0))
        raise DataError(problems, pack=str(folder))
    frames = {name: to_frame(table.raw, table.resource) for name, table in tables.items()}
    facts = {name: frame for name, frame in frames.items() if name not in CONTENT_TABLES}
    book = Book(path=folder, metadata=metadata, paragraphs=paragraphs, tables=facts)
    attach(book, {name: frame for name, frame in frames.items() if name in CONTENT_TABLES})
    return book


def _read_tables(
    folder: Path, metadata: dict[str, Any]
) -> tuple[dict[str, Table], set[str], list[Problem]]:
    """The tables that could be read, the id tables that could not, and the problems."""
    tables: dict[str, Table] = {}
    unread: set[str] = set()
    problems: list[Problem] = []
    for resource in resources(metadata):
        raw, found = read_raw_table(resource["name"], folder / resource["path"], resource["path"])
        problems += found
        if raw is not None:
            tables[resource["name"]] = Table(raw, resource)
        elif key_column(resource) == "id" and resource["name"] not in CONTENT_TABLES:
            unread.add(resource["name"])
    return tables, unread, problems


def to_frame(raw: RawTable, resource: dict[str, Any]) -> pd.DataFrame:
    """Turn a checked table into a DataFrame with its schema's columns and types.

    Columns come in the schema's order. ``integer`` becomes int64 (nullable Int64 when a
    cell is empty), ``number`` float64 (NaN when empty); text stays as written, an empty
    cell being ``""``.
    """
    header = raw.header
    columns: dict[str, Any] = {}
    for f in resource["schema"]["fields"]:
        index = header.index(f["name"])
        cells = [row[index] for row in raw.rows]
        kind = f.get("type", "string")
        if f["name"] == "paragraph":
            columns[f["name"]] = pd.Series([paragraph_key(c) for c in cells], dtype="object")
        elif kind == "integer":
            values = [parse_integer(c) if c.strip() else None for c in cells]
            if None in values:
                columns[f["name"]] = pd.array(values, dtype="Int64")
            else:
                columns[f["name"]] = np.array(values, dtype="int64")
        elif kind == "number":
            values = [parse_number(c) if c.strip() else None for c in cells]
            columns[f["name"]] = np.array(
                [math.nan if v is None else v for v in values], dtype="float64"
            )
        elif cells:
            columns[f["name"]] = cells  # pandas keeps text as text (str dtype in pandas 3)
        else:
            columns[f["name"]] = pd.Series([], dtype="str")
    return pd.DataFrame(columns)
