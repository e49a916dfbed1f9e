"""Every fact a pack takes from outside its article, with the source each one names.

A pack marks a fact from outside the article with the basis ``context`` (or a date with
``when_basis`` ``context``) and names the source in ``note``, in one fixed form that a
spreadsheet user can type and this module can read::

    Source: Sky News, 3 January 2026. Title: What the report is called. Address: https://...

`outside_facts` lists them, one row per fact, and `sources_markdown` writes the list a
teacher reads (``docs/sources.md``): the article's own credit first, then each source with
the facts that rest on it. The list is built from the pack, never typed by hand, so it
cannot drift from the tables.

>>> [c.publisher for c in source_references("Date from outside. Source: Sky News, 3 January 2026.")]
['Sky News']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from newsfacts.marks import mark

__all__ = [
    "SourceReference",
    "source_names",
    "source_references",
    "outside_facts",
    "other_sourced_columns",
    "article_credit",
    "sources_markdown",
]

SOURCE_REFERENCE = re.compile(
    r"Source: (?P<publisher>[^.]+?), (?P<date>\d{1,2} [A-Z][a-z]+ \d{4})\."
    r"(?: Title: (?P<title>.+?)\.(?= Address:|\s|$))?"
    r"(?: Address: (?P<address>https?://\S+?)\.?(?=\s|$))?"
)

#: The columns `outside_facts` returns, in order.
COLUMNS = ["table", "id", "what", "fact", "publisher", "date", "title", "address"]


@dataclass(frozen=True)
class SourceReference:
    """One source as a note names it; an empty field is one the note does not give."""

    publisher: str
    date: str
    title: str = ""
    address: str = ""

    @property
    def missing(self) -> list[str]:
        """The parts a full reference needs that this one lacks (``["title", "address"]``)."""
        parts = ("publisher", "title", "date", "address")
        return [name for name in parts if not getattr(self, name)]


def source_references(note: str) -> list[SourceReference]:
    """Read every ``Source: ...`` reference in a note, in order.

    Parameters
    ----------
    note : str
        The ``note`` cell of a row.

    Returns
    -------
    list of SourceReference
        Empty when the note names no source in the fixed form.
    """
    return [
        SourceReference(
            m["publisher"].strip(), m["date"], (m["title"] or "").strip(), m["address"] or ""
        )
        for m in SOURCE_REFERENCE.finditer(note or "")
    ]


def source_names(note: str) -> str:
    """The sources a note names, short: publisher and date, ``"; "`` between two.

    Empty when the note names no source in the fixed form (see `source_references`).

    Examples
    --------
    >>> source_names("From outside. Source: Sky News, 3 January 2026. Title: Talks.")
    'Sky News, 3 January 2026'
    """
    return "; ".join(f"{ref.publisher}, {ref.date}" for ref in source_references(note))


def _fact(row: pd.Series) -> str:
    """A row in a few words: its description, text, name, or subject-relation-object."""
    for column in ("description", "text", "name"):
        if column in row and str(row[column]).strip():
            return str(row[column]).strip()
    if {"source", "relation", "target"} <= set(row.index):
        return f"{row['source']} {row['relation']} {row['target']}"
    return str(row.iloc[0])


def outside_facts(book: Any) -> pd.DataFrame:
    """List every fact of a pack that comes from outside its article.

    Parameters
    ----------
    book : newsfacts.book.Book
        A loaded pack (`newsfacts.load`).

    Returns
    -------
    pandas.DataFrame
        One row per outside fact and source: ``table``, ``id``, ``what`` (``"fact"`` for a row
        whose basis is context, ``"date"`` for a date whose ``when_basis`` is), ``fact`` (the
        row in a few words), then ``publisher``, ``date``, ``title`` and ``address`` as its
        note gives them (empty where the note gives none).
    """
    found = []
    for table, frame in book.tables.items():
        for column, what in (("basis", "fact"), ("when_basis", "date")):
            if column not in frame:
                continue
            for _, row in frame[frame[column] == "outside source"].iterrows():
                named = source_references(str(row.get("note", ""))) or [SourceReference("", "")]
                fact = _fact(row)
                if what == "date":
                    fact = f"{row['when']}: {fact}"
                for cite in named:
                    found.append(
                        [table, row.iloc[0], what, fact, cite.publisher, cite.date, cite.title]
                        + [cite.address]
                    )
    return pd.DataFrame(found, columns=COLUMNS)


def article_credit(book: Any) -> dict[str, str]:
    """The article's own credit from the pack's metadata (the first entry of ``sources``).

    Returns
    -------
    dict
        ``title``, ``author``, ``publisher``, ``date``, ``path`` (the address) and ``note``
        (where the credit comes from); empty strings for what the metadata does not give.
    """
    sources = [s for s in book.metadata.get("sources", []) if isinstance(s, dict)]
    first = sources[0] if sources else {}
    keys = ("title", "author", "publisher", "date", "path", "note")
    return {key: str(first.get(key, "") or "") for key in keys}


def other_sourced_columns(book: Any) -> pd.DataFrame:
    """List the cells of ``..._source`` columns (such as ``location_source``, for maps).

    Such a column names where one outside value of a row comes from (a map position, a
    country code); each non-empty cell is one outside fact.

    Returns
    -------
    pandas.DataFrame
        Columns ``table``, ``id``, ``column`` and ``source``, one row per filled cell.
    """
    found = []
    for table, frame in book.tables.items():
        for column in [c for c in frame.columns if str(c).endswith("_source")]:
            for _, row in frame[frame[column].astype(str).str.strip() != ""].iterrows():
                found.append([table, row.iloc[0], column, str(row[column]).strip()])
    return pd.DataFrame(found, columns=["table", "id", "column", "source"])


def _column_lines(book: Any) -> list[str]:
    cells = other_sourced_columns(book)
    if cells.empty:
        return []
    lines = ["## Map positions and codes", ""]
    for (column, source), group in cells.groupby(["column", "source"], sort=False):
        ids = ", ".join(f"`{ident}`" for ident in group["id"])
        lines.append(f"- {source} ({column}): {ids}")
    return [*lines, ""]


def _credit_lines(credit: dict[str, str]) -> list[str]:
    lines = [
        "## The article",
        "",
        f"- Title: {credit['title'] or '(not given)'}",
        f"- Author: {credit['author'] or '(not given)'}",
        f"- Publisher: {credit['publisher'] or '(not given)'}",
        f"- Date: {credit['date'] or '(not given)'}",
        f"- Address: <{credit['path']}>" if credit["path"] else "- Address: (not given)",
        "",
    ]
    if credit["note"]:
        lines += [f"{mark('outside source').title}. {credit['note']}", ""]
    return lines


def _source_heading(group: pd.DataFrame) -> str:
    first = group.iloc[0]
    parts = [first["publisher"] or "No source named", first["title"], first["date"]]
    heading = ", ".join(part for part in parts if part)
    return f"### {heading}"


def sources_markdown(book: Any) -> str:
    """Write the Markdown list of the article's credit and every outside fact, by source.

    Parameters
    ----------
    book : newsfacts.book.Book
        A loaded pack.

    Returns
    -------
    str
        The text of ``docs/sources.md``: what a teacher reads to see where each fact from
        outside the article comes from, and which references are not complete yet.
    """
    facts = outside_facts(book)
    lines = [
        "# Sources: every fact from outside the article",
        "",
        "Generated from the pack by `python scripts/sources.py`; do not edit by hand. Each fact",
        f"below is marked {mark('outside source').title} in the pack, and its note names the "
        "source.",
        "",
        *_credit_lines(article_credit(book)),
        "## Facts from outside the article, by source",
        "",
    ]
    keys = ["publisher", "date", "title", "address"]
    for _, group in facts.groupby(keys, sort=False, dropna=False):
        first = group.iloc[0]
        lines += [_source_heading(group), ""]
        address = f"<{first['address']}>" if first["address"] else "(not recorded yet)"
        lines.append(f"Address: {address}")
        lines.append("")
        for row in group.itertuples():
            lines.append(f"- `{row.id}` ({row.table}, {row.what}): {row.fact}")
        lines.append("")
    lines += _column_lines(book)
    return "\n".join(lines).rstrip() + "\n"
