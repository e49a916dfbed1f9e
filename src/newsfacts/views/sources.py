"""Every fact a pack takes from outside its article (basis or ``when_basis`` ``outside
source``), with the source its ``note`` names in one fixed form a spreadsheet user can type::

    Source: Sky News, 3 January 2026. Title: What the report is called. Address: https://...
"""

from __future__ import annotations

import re
from dataclasses import astuple, dataclass

import pandas as pd

from newsfacts.book import Book
from newsfacts.marks import mark
from newsfacts.views.render import render

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
        return [p for p in ("publisher", "title", "date", "address") if not getattr(self, p)]


def source_references(note: str) -> list[SourceReference]:
    """Every ``Source: ...`` reference in a note, in order (none when it has no such form)."""
    found = SOURCE_REFERENCE.finditer(note or "")
    return [SourceReference(*((part or "").strip() for part in m.groups())) for m in found]


def source_names(note: str) -> str:
    """The sources a note names, short: ``"Sky News, 3 January 2026"``, ``"; "`` between two."""
    return "; ".join(f"{ref.publisher}, {ref.date}" for ref in source_references(note))


def _fact(row: pd.Series) -> str:
    """A row in a few words: its description, text, name, or subject-relation-object."""
    for column in ("description", "text", "name"):
        if column in row and str(row[column]).strip():
            return str(row[column]).strip()
    if {"source", "relation", "target"} <= set(row.index):
        return f"{row['source']} {row['relation']} {row['target']}"
    return str(row.iloc[0])


def outside_facts(book: Book) -> pd.DataFrame:
    """Every fact from outside the article, one row per fact and source (`COLUMNS`; ``what``:
    ``"fact"`` or ``"date"``), the source as its note gives it (empty where it gives none)."""
    found = []
    for table, frame in book.tables.items():
        for column, what in (("basis", "fact"), ("when_basis", "date")):
            if column not in frame:
                continue
            for _, row in frame[frame[column] == "outside source"].iterrows():
                named = source_references(str(row.get("note", ""))) or [SourceReference("", "")]
                fact = f"{row['when']}: {_fact(row)}" if what == "date" else _fact(row)
                for ref in named:
                    found.append([table, row.iloc[0], what, fact, *astuple(ref)])
    return pd.DataFrame(found, columns=COLUMNS)


def article_credit(book: Book) -> dict[str, str]:
    """The article's own credit (the metadata's first ``sources``), "" for what it lacks."""
    first = next((s for s in book.metadata.get("sources", []) if isinstance(s, dict)), {})
    keys = ("title", "author", "publisher", "date", "path", "note")
    return {key: str(first.get(key, "") or "") for key in keys}


def other_sourced_columns(book: Book) -> pd.DataFrame:
    """The filled cells of ``..._source`` columns (such as ``location_source``, for maps)."""
    found = []
    for table, frame in book.tables.items():
        for column in [c for c in frame.columns if str(c).endswith("_source")]:
            for _, row in frame[frame[column].astype(str).str.strip() != ""].iterrows():
                found.append([table, row.iloc[0], column, str(row[column]).strip()])
    return pd.DataFrame(found, columns=["table", "id", "column", "source"])


def sources_markdown(book: Book) -> str:
    """The text of ``docs/sources.md``: the article's credit and every outside fact, by source."""
    keys = ["publisher", "date", "title", "address"]
    groups = outside_facts(book).groupby(keys, sort=False, dropna=False)
    sources = [group.to_dict("records") for _, group in groups]
    cells = other_sourced_columns(book).groupby(["column", "source"], sort=False)["id"]
    text = render(
        "sources.md",
        outside=mark("outside source").title,
        credit=article_credit(book),
        sources=sources,
        cells=[(column, source, list(ids)) for (column, source), ids in cells],
    )
    return text.rstrip() + "\n"
