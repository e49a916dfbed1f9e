"""What a pack is: its ``datapackage.json`` (its tables' columns, types, constraints, keys,
references), what the library needs of it (`NEEDED` columns, `CODED` values), and `SPECS`, each
fact table's row name, card and headline.

A reference into one table is a ``foreignKeys`` entry; a column pointing into several tables
(``"*"``: every fact table keyed by an id) or holding ids separated by ``;`` says so on its field::

    {"name": "part_of", "type": "string", "references": ["places", "actors"]}
    {"name": "actors", "type": "string", "references": ["actors"], "separator": ";"}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsfacts.errors import Problem
from newsfacts.marks import BASES, MODALITIES
from newsfacts.text import cell_text, cell_words, split_ids

DESCRIPTOR = "datapackage.json"

#: The tables every pack holds, in the order they are shown.
TABLES = ("actors", "places", "figures", "events", "claims", "relations", "glossary")
#: Fact tables a pack may hold or leave out; the book holds an empty table when absent.
OPTIONAL_TABLES = ("perspectives",)
#: The lesson content a pack may hold beside its facts, never part of ``book.tables``.
CONTENT_TABLES = ("lessons", "questions", "exercises", "sorting", "prompts")
#: How many options a quiz question may have (``option_1`` to ``option_4``).
OPTIONS = 4
#: In a field's ``references``: every fact table keyed by an id.
ANY_ID = "*"

_PROVENANCE = "paragraph quote basis note"
_LOCATION = "iso_code location_source"
_QUESTION = " ".join(
    f"{kind}_{n}" for kind in ("option", "feedback") for n in range(1, OPTIONS + 1)
)
#: The columns the library reads of each table (the lessons, tables, charts and maps), whether or
#: not it looks first that the column is there: a table a pack holds declares each of them in
#: its schema. A table a pack may leave out needs them only when the pack holds it.
NEEDED: dict[str, tuple[str, ...]] = {
    name: tuple(columns.split())
    for name, columns in {
        "actors": f"id name kind role affiliation {_PROVENANCE} {_LOCATION}",
        "places": f"id name kind part_of {_PROVENANCE} latitude longitude {_LOCATION}",
        "figures": f"id value unit qualifier subject description {_PROVENANCE}",
        "events": f"id description when when_text when_basis modality actors place {_PROVENANCE}",
        "claims": f"id speaker text about {_PROVENANCE}",
        "relations": f"id source relation target {_PROVENANCE}",
        "glossary": "term definition paragraph quote note",
        "perspectives": f"id actor stance text {_PROVENANCE}",
        "lessons": "id title",
        "questions": f"id lesson prompt {_QUESTION} answer hint evidence",
        "exercises": "id lesson task table column expected hint_1 hint_2 why evidence ordered",
        "sorting": "lesson fact who modality explanation",
        "prompts": "id lesson kind prompt",
    }.items()
}
#: The values the library knows in each coded column (a ``basis`` or ``..._basis`` column holds
#: a mark, see `coded_values`): its schema's ``enum`` allows these or fewer, never another.
CODED: dict[tuple[str, str], tuple[str, ...]] = {
    ("events", "modality"): MODALITIES,
    ("sorting", "modality"): MODALITIES,
    ("sorting", "who"): ("article", "person"),
    ("prompts", "kind"): ("discuss", "write", "extend"),
    ("exercises", "ordered"): ("yes", ""),
}


def coded_values(table: str, column: str) -> tuple[str, ...] | None:
    """The values the library knows in a column of a table, or None if it is not coded.

    >>> coded_values("events", "when_basis")
    ('article says', 'someone says', 'worked out', 'outside source')
    """
    if column == "basis" or column.endswith("_basis"):
        return BASES
    return CODED.get((table, column))


@dataclass(frozen=True)
class Reference:
    """A column whose cells are ids of rows in other tables (declared in the descriptor)."""

    table: str
    column: str
    targets: tuple[str, ...]
    many: bool = False

    def ids_in(self, cell: Any) -> list[str]:
        """The ids a cell holds ("macron; starmer": both when `many`)."""
        return split_ids(cell) if self.many else [cell_words(cell)] * bool(cell_words(cell))


def references(metadata: dict[str, Any]) -> list[Reference]:
    """Every reference the descriptor declares: ``foreignKeys`` and fields' ``references``."""
    found: dict[tuple[str, str], Reference] = {}
    for resource in resources(metadata):
        name, schema = resource["name"], resource["schema"]
        keys = schema.get("foreignKeys")
        for fk in [k for k in keys if isinstance(k, dict)] if isinstance(keys, list) else []:
            target, fields = fk.get("reference"), fk.get("fields")
            fields = [fields] if isinstance(fields, str) else fields
            if isinstance(target, dict) and isinstance(fields, list) and len(fields) == 1:
                table = target.get("resource") or name
                if isinstance(fields[0], str) and isinstance(table, str):
                    found[(name, fields[0])] = Reference(name, fields[0], (table,))
        for f in schema["fields"]:
            targets = f.get("references")
            if isinstance(targets, list) and all(isinstance(t, str) for t in targets):
                many = f.get("separator") == ";"
                found[(name, f["name"])] = Reference(name, f["name"], tuple(targets), many)
    return list(found.values())


@dataclass(frozen=True)
class TableSpec:
    """One fact table's row: its name (``"actor"``), its card's (label, column, how), ``how``
    being "" (as written), "name" (an id shown as its name), "names" (ids separated by ``;``) or
    "when" (a date, marked when the article does not give it), and its headline."""

    name: str
    singular: str
    card: tuple[tuple[str, str, str], ...]
    template: str = ""

    def headline(self, row: dict[str, Any], name_of: Callable[[Any], str]) -> str:
        """The row in a few words: its template filled in, ids shown as names."""
        if not self.template:  # a figure: "about 75%: what it counts"
            qualifier = cell_text(row.get("qualifier"))
            qualifier = "" if qualifier in ("", "none", "exactly") else qualifier + " "
            unit = cell_text(row.get("unit"))
            number = cell_text(row.get("value")) + ("%" if unit == "percent" else f" {unit}")
            return f"{qualifier}{number}: {cell_text(row.get('description'))}"
        ids = {column for _, column, how in self.card if how == "name"}
        cells = {k: name_of(v) if k in ids else cell_text(v) for k, v in row.items()}
        return self.template.format_map(defaultdict(str, cells))


def _spec(name: str, singular: str, card: str, template: str) -> TableSpec:
    """A spec from its card, written ``label=column:how, ...`` (``column``, ``how`` optional)."""
    fields = []
    for field_ in card.split(", "):
        label, _, column = field_.partition("=")
        column, _, how = column.partition(":")
        fields.append((label, column or label, how))
    return TableSpec(name, singular, tuple(fields), template)


#: Each fact table: what a row is called | its card | its headline ("": a figure's own).
_FACTS = {
    "actors": "actor | name, kind, role, belongs to=affiliation:name | {name}",
    "places": "place | name, kind, part of=part_of:name | {name}",
    "figures": "figure | value, unit, qualifier, subject=subject:name, description | ",
    "events": (
        "event | what=description, when=when:when, the article's words for when=when_text, "
        "modality, who=actors:names, where=place:name | {description}"
    ),
    "claims": "claim | speaker=speaker:name, claim=text, about=about:names | {speaker}: {text}",
    "relations": (
        "relation | source=source:name, relation, target=target:name | {source} {relation} {target}"
    ),
    "glossary": "glossary term | term, definition | {term}: {definition}",
    "perspectives": "perspective | actor=actor:name, stance, what=text | {actor} {stance}: {text}",
}
SPECS = {name: _spec(name, *facts.split(" | ")) for name, facts in _FACTS.items()}


def table_named(name: Any) -> str | None:
    """The fact table a student means by a table's or a row's name (" Claim", "terms"), or None."""
    asked = cell_words(name).casefold()
    for spec in SPECS.values():
        if asked in (spec.name, spec.singular, spec.name.removesuffix("s"), spec.singular + "s"):
            return spec.name
    return "glossary" if asked in ("term", "terms") else None


def whole_file(file: str, message: str, fix: str, line: int | None = None) -> Problem:
    """A problem about a whole file (or one of its lines), not a row's cell."""
    return Problem(file, line, None, None, message, fix)


def check_descriptor(name: str, metadata: Any) -> list[Problem]:
    """What is wrong with a descriptor's shape: its resources and the tables a pack needs."""
    if not isinstance(metadata, dict) or not isinstance(metadata.get("resources"), list):
        fix = "Start from the bundled pack's file."
        return [whole_file(name, "it has no list of 'resources'.", fix)]
    message = (
        "resource number {} needs a 'name', a 'path' (a file name such as 'actors.csv') and a "
        "'schema' with a list of 'fields', each with a 'name'."
    )
    fix = "Compare it with the same resource in the bundled pack."
    unusable = [n for n, r in enumerate(metadata["resources"], 1) if not _usable(r)]
    found = [(message.format(n), fix) for n in unusable]
    extra = metadata.get("newsfacts")
    if isinstance(extra, dict) and "article" in extra and not _file_name(extra["article"]):
        message = f"newsfacts.article is {extra['article']!r}, which is not a file name."
        fix = "Write the article's file name, such as 'article.txt', or remove the entry."
        found.append((message, fix))
    names = [r["name"] for r in resources(metadata)]
    for table in [table for table in TABLES if table not in names]:
        fix = f"Add the resource {table!r} (copy it from the bundled pack)."
        found.append((f"it describes no table named {table!r}.", fix))
    return [whole_file(name, message, fix) for message, fix in found]


def _file_name(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and "\x00" not in value


def _usable(resource: Any) -> bool:
    schema = resource.get("schema") if isinstance(resource, dict) else None
    fields = schema.get("fields") if isinstance(schema, dict) else None
    return (
        isinstance(fields, list)
        and isinstance(resource.get("name"), str)
        and _file_name(resource.get("path"))
        and all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in fields)
    )


def resources(metadata: Any) -> list[dict[str, Any]]:
    """The usable table descriptions of a descriptor, in order."""
    found = metadata.get("resources") if isinstance(metadata, dict) else None
    return [r for r in found if _usable(r)] if isinstance(found, list) else []


def article_file(metadata: Any) -> str:
    """The article's file name: ``article.txt`` unless ``newsfacts.article`` says otherwise."""
    extra = metadata.get("newsfacts") if isinstance(metadata, dict) else None
    article = extra.get("article") if isinstance(extra, dict) else None
    return article if _file_name(article) else "article.txt"


def key_column(resource: Any) -> str | None:
    """The single column of a resource's primary key (``["id"]`` or ``"id"``), or None."""
    schema = resource.get("schema") if isinstance(resource, dict) else None
    key = schema.get("primaryKey") if isinstance(schema, dict) else None
    key = [key] if isinstance(key, str) else key
    return key[0] if isinstance(key, list) and len(key) == 1 and isinstance(key[0], str) else None
