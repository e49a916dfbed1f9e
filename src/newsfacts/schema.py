"""What a pack must hold: its ``datapackage.json`` and the id references between tables.

The Table Schema in ``datapackage.json`` gives each CSV's columns, types, constraints,
``primaryKey`` and ``foreignKeys``. Some references may point into more than one table
(a place lies in a place or in a state), which Table Schema cannot say; they are listed
here in `ID_REFERENCES` and checked by the loader.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfacts.errors import Problem
from newsfacts.textfile import UTF8_FIX, decode_utf8

DESCRIPTOR = "datapackage.json"

#: The tables every pack holds, in the order they are shown.
TABLES = ("actors", "places", "figures", "events", "claims", "relations", "glossary")

#: Fact tables a pack may hold or leave out (what each actor wants, offers or says).
#: Checked like the others when present; when absent, the book holds an empty table
#: under the name and ``book.tables`` does not list it.
OPTIONAL_TABLES = ("perspectives",)

#: The tables of lesson content a pack may hold beside its facts (quiz questions,
#: exercises, sorting items, prompts), in the order they are checked. They are optional,
#: keyed apart from the facts (a question's id may equal a fact's), and never part of
#: ``book.tables``: `newsfacts.content` reads them.
CONTENT_TABLES = ("lessons", "questions", "exercises", "sorting", "prompts")

#: Tables whose key is an id shared across the whole pack; glossary terms are apart.
ANY_ID = "*"


@dataclass(frozen=True)
class IdReference:
    """A column whose values are ids of rows in other tables.

    Attributes
    ----------
    table : str
        The table holding the column.
    column : str
        The column.
    targets : tuple of str
        The tables the ids may point into; ``("*",)`` means any table keyed by an id.
    many : bool
        True when a cell holds several ids separated by ``;``.
    """

    table: str
    column: str
    targets: tuple[str, ...]
    many: bool = False

    def ids_in(self, cell: str) -> list[str]:
        """Split a cell into the ids it holds; an empty cell holds none.

        Examples
        --------
        >>> IdReference("events", "actors", ("actors",), many=True).ids_in("macron; starmer")
        ['macron', 'starmer']
        >>> IdReference("places", "part_of", ("places",)).ids_in("")
        []
        """
        if self.many:
            return [part.strip() for part in cell.split(";") if part.strip()]
        return [cell.strip()] if cell.strip() else []


#: Id references checked pack-wide, beyond the schema's own ``foreignKeys``.
ID_REFERENCES = (
    IdReference("actors", "affiliation", ("actors",)),
    IdReference("places", "part_of", ("places", "actors")),
    IdReference("figures", "subject", (ANY_ID,)),
    IdReference("events", "actors", ("actors",), many=True),
    IdReference("events", "place", ("places", "actors")),
    IdReference("claims", "speaker", ("actors",)),
    IdReference("claims", "about", (ANY_ID,), many=True),
    IdReference("relations", "source", ("actors", "places")),
    IdReference("relations", "target", ("actors", "places")),
)


def read_descriptor(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read ``datapackage.json`` and check that it describes the tables of a pack.

    Parameters
    ----------
    path : pathlib.Path
        The descriptor file.

    Returns
    -------
    metadata : dict or None
        The descriptor, or None when it cannot be used at all.
    problems : list of Problem
        What is wrong with it.
    """
    name = path.name
    if not path.parent.is_dir():
        problem = Problem(
            str(path.parent),
            None,
            None,
            None,
            "there is no such folder.",
            "Check the path: it must be the folder that holds datapackage.json.",
        )
        return None, [problem]
    try:
        data = path.read_bytes()
    except OSError:
        problem = Problem(
            name,
            None,
            None,
            None,
            f"the pack has no {name} (looked in {path.parent}).",
            "Every pack needs one: copy datapackage.json from the bundled pack "
            "(data/paris-2026) into the folder.",
        )
        return None, [problem]
    text, bad = decode_utf8(data)
    if bad:
        return None, [Problem(name, b.line, None, None, b.describe(), UTF8_FIX) for b in bad]
    metadata, problem = _parse_json(name, text)
    if problem is not None:
        return None, [problem]
    problems = _check_descriptor(name, metadata)
    if not isinstance(metadata, dict):
        return None, problems
    return metadata, problems


def _parse_json(name: str, text: str) -> tuple[Any, Problem | None]:
    """The descriptor's JSON, or a problem that says where it is broken."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as error:
        return None, Problem(
            name,
            error.lineno,
            None,
            None,
            f"this is not valid JSON: {error.msg} (column {error.colno}).",
            "Look for a missing comma or quote, or a comma after the last item, near that line.",
        )
    except RecursionError:
        return None, Problem(
            name,
            None,
            None,
            None,
            "lists or objects are nested too deeply to read (thousands of [ or { inside "
            "each other).",
            "Start from the bundled pack's datapackage.json: a pack needs only a few levels.",
        )
    except ValueError as error:  # e.g. a number with thousands of digits
        return None, Problem(
            name,
            None,
            None,
            None,
            f"this cannot be read as JSON: {error}.",
            "Look for a very long number and shorten it.",
        )


def _check_descriptor(name: str, metadata: Any) -> list[Problem]:
    def problem(message: str, fix: str) -> Problem:
        return Problem(name, None, None, None, message, fix)

    if not isinstance(metadata, dict) or not isinstance(metadata.get("resources"), list):
        return [problem("it has no list of 'resources'.", "Start from the bundled pack's file.")]
    problems = []
    names = []
    for number, resource in enumerate(metadata["resources"]):
        if not _usable(resource):
            problems.append(
                problem(
                    f"resource number {number + 1} needs a 'name', a 'path' (a file name "
                    "such as 'actors.csv') and a 'schema' with a list of 'fields', each with "
                    "a 'name'.",
                    "Compare it with the same resource in the bundled pack.",
                )
            )
            continue
        names.append(resource["name"])
    extra = metadata.get("newsfacts")
    if isinstance(extra, dict) and "article" in extra and not _file_name(extra["article"]):
        problems.append(
            problem(
                f"newsfacts.article is {extra['article']!r}, which is not a file name.",
                "Write the article's file name, such as 'article.txt', or remove the entry.",
            )
        )
    for table in TABLES:
        if table not in names:
            problems.append(
                problem(
                    f"it describes no table named {table!r}.",
                    f"Add the resource {table!r} (copy it from the bundled pack).",
                )
            )
    return problems


def _file_name(value: Any) -> bool:
    """Whether a descriptor value can name a file: text, not empty, without NUL."""
    return isinstance(value, str) and bool(value.strip()) and "\x00" not in value


def _usable(resource: Any) -> bool:
    if not isinstance(resource, dict):
        return False
    schema = resource.get("schema")
    return (
        isinstance(resource.get("name"), str)
        and _file_name(resource.get("path"))
        and isinstance(schema, dict)
        and isinstance(schema.get("fields"), list)
        and all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in schema["fields"])
    )


def resources(metadata: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the usable table descriptions of a descriptor, in order."""
    found = metadata.get("resources") if isinstance(metadata, dict) else None
    return [r for r in found if _usable(r)] if isinstance(found, list) else []


def article_file(metadata: dict[str, Any]) -> str:
    """Return the article's file name, ``article.txt`` unless the descriptor says otherwise.

    Examples
    --------
    >>> article_file({"newsfacts": {"article": "story.txt"}})
    'story.txt'
    >>> article_file({})
    'article.txt'
    """
    extra = metadata.get("newsfacts") if isinstance(metadata, dict) else None
    if isinstance(extra, dict) and _file_name(extra.get("article")):
        return extra["article"]
    return "article.txt"


def key_column(resource: dict[str, Any]) -> str | None:
    """Return the single column of a resource's primary key, or None.

    Examples
    --------
    >>> key_column({"schema": {"primaryKey": ["id"]}})
    'id'
    >>> key_column({"schema": {"primaryKey": "term"}})
    'term'
    """
    schema = resource.get("schema") if isinstance(resource, dict) else None
    key = schema.get("primaryKey") if isinstance(schema, dict) else None
    if isinstance(key, str):
        return key
    if isinstance(key, list) and len(key) == 1 and isinstance(key[0], str):
        return key[0]
    return None
