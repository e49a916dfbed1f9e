"""What a pack is and how it is read: `read_pack` reads a pack once, prepares each table and runs
every rule and every warning; the book (`newsfacts.load`) and `newsfacts check` both read a pack
through it, so they see the same values."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from newsfacts.errors import Problem
from newsfacts.pack.article import read_article
from newsfacts.pack.read import Table, parse_integer, read_descriptor, read_table
from newsfacts.pack.rules import RULES, Pack, answers_problems
from newsfacts.pack.spec import CONTENT_TABLES, article_file, key_column, resources
from newsfacts.pack.warnings import WARNINGS
from newsfacts.text import paragraph_key, parse_number

__all__ = ["Read", "read_pack", "read_answers", "answers_file", "to_frame"]

#: The problems that stop everything else being read come first in a file's list.
_FIRST = ("the file is ", "the pack has no ", "there is no such folder")


@dataclass
class Read:
    """What `read_pack` found: the metadata, the article's parts, the frames, problems and
    warnings (what ``check`` prints though the pack loads)."""

    folder: Path
    metadata: dict[str, Any] | None
    paragraphs: pd.DataFrame | None
    frames: dict[str, pd.DataFrame]
    problems: list[Problem]
    warnings: list[Problem] = field(default_factory=list)


def read_pack(descriptor: Path) -> Read:
    """Read and check the pack whose ``datapackage.json`` is `descriptor`."""
    folder = descriptor.parent
    metadata, problems = read_descriptor(descriptor)
    if metadata is None:
        return Read(folder, None, None, {}, problems)
    name = article_file(metadata)
    paragraphs, damaged, found = read_article(folder, name)
    problems += found
    tables: dict[str, Table] = {}
    unread: set[str] = set()
    for resource in resources(metadata):
        table, found = read_table(folder, resource)
        problems += found
        if table is not None:
            tables[table.name] = table
        elif key_column(resource) == "id" and resource["name"] not in CONTENT_TABLES:
            unread.add(resource["name"])
    texts, kinds = {}, {}
    if paragraphs is not None:
        texts = dict(paragraphs[["paragraph", "text"]].values)
        kinds = dict(paragraphs[["paragraph", "kind"]].values)
    pack = Pack(metadata, tables, texts, kinds, damaged, unread)
    problems += [problem for rule in RULES for problem in rule(pack)]  # sorted below
    warnings = [warning for warn in WARNINGS for warning in warn(pack)]  # in the order made
    files = [descriptor.name, name, *(r["path"] for r in resources(metadata))]
    order = {file: number for number, file in enumerate(files)}
    problems.sort(
        key=lambda p: (order.get(p.file, len(order)), not p.message.startswith(_FIRST), p.line or 0)
    )
    frames = {} if problems else {name: to_frame(table) for name, table in tables.items()}
    return Read(folder, metadata, paragraphs, frames, problems, warnings)


def answers_file(folder: Path) -> Path | None:
    """Where a pack's model answers are (the teacher's, never in the wheel or the student branch):
    ``answers.csv`` in the pack, or for a pack in ``data/``, ``teacher/answers/<pack>.csv``."""
    folder = Path(folder)
    bundled = folder.parent.parent / "teacher" / "answers" / f"{folder.name}.csv"
    return next((path for path in (folder / "answers.csv", bundled) if path.is_file()), None)


def read_answers(path: Path, prompt_ids: set[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """Model answers (``id``, ``model_answer``), each about a prompt; empty if not readable."""
    fields = [{"name": "id", "type": "string"}, {"name": "model_answer", "type": "string"}]
    schema = {"fields": fields, "primaryKey": ["id"]}
    resource = {"name": "answers", "path": path.name, "schema": schema}
    table, problems = read_table(path.parent, resource)
    problems += answers_problems(table, prompt_ids) if table else []
    if table is None or problems:
        return pd.DataFrame({"id": [], "model_answer": []}, dtype="str"), problems
    return to_frame(table), []


def to_frame(table: Table) -> pd.DataFrame:
    """A checked table as a DataFrame of its schema's columns, in order: ``integer`` as int64
    (Int64 if a cell is empty), ``number`` float64, ``paragraph`` a number or a part's name."""
    columns: dict[str, Any] = {}
    for f in table.fields:
        name, kind = f["name"], f.get("type", "string")
        cells = [row[table.column[name]] for row in table.rows]
        if name == "paragraph":
            columns[name] = pd.Series(map(paragraph_key, cells), dtype=object)
        elif kind == "integer":
            values = [parse_integer(c) if c else None for c in cells]
            columns[name] = pd.array(values, dtype="Int64" if None in values else "int64")
        elif kind == "number":
            columns[name] = pd.Series([parse_number(c) for c in cells], dtype="float64")
        else:
            columns[name] = pd.Series(cells, dtype="str")
    return pd.DataFrame(columns)
