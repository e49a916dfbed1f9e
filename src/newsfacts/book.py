"""A loaded pack: the article's paragraphs, its fact tables, and ways to look things up."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from newsfacts.article import paragraph_key
from newsfacts.cells import cell_text
from newsfacts.checks import expect
from newsfacts.citation import Citation
from newsfacts.errors import UnknownNameError
from newsfacts.schema import ID_REFERENCES, OPTIONAL_TABLES, TABLES, key_column
from newsfacts.suggest import closest

NO_SUGGESTION = (
    "The ids are in the id column of each table (book.actors, book.places, ...) and the "
    "glossary terms in book.glossary; book.summary() lists the tables."
)


def _positions(mask: pd.Series) -> list[int]:
    return [int(i) for i in mask.to_numpy(dtype=bool).nonzero()[0]]


def _fold(column: pd.Series) -> pd.Series:
    return column.astype(str).str.strip().str.casefold()


class Book:
    """One article and its facts, as `newsfacts.load` returns it.

    Attributes
    ----------
    paragraphs : pandas.DataFrame
        The article, one row per paragraph: ``paragraph`` (a story number from 1, or
        ``headline``, ``byline``, ``caption 1`` ...), ``kind`` (headline,
        byline, caption, story), ``text``.
    actors, places, figures, events, claims, relations, glossary : pandas.DataFrame
        The fact tables, rows in file order, the id (``term`` for the glossary) a normal
        column.
    perspectives : pandas.DataFrame
        An optional fact table (what each actor wants, offers or says); empty, with no
        columns, when the pack has none.
    path : pathlib.Path
        The pack's folder.
    title : str
        The pack's title (from ``datapackage.json``, else the article's title).
    metadata : dict
        The whole ``datapackage.json``.

    Examples
    --------
    >>> import newsfacts
    >>> book = newsfacts.load()
    >>> book.paragraphs.loc[0, "kind"]
    'headline'
    """

    actors: pd.DataFrame
    places: pd.DataFrame
    figures: pd.DataFrame
    events: pd.DataFrame
    claims: pd.DataFrame
    relations: pd.DataFrame
    glossary: pd.DataFrame
    perspectives: pd.DataFrame

    def __init__(
        self,
        path: str | Path,
        metadata: dict[str, Any],
        paragraphs: pd.DataFrame,
        tables: dict[str, pd.DataFrame],
    ):
        self.path = Path(path)
        self.metadata = metadata
        self.paragraphs = paragraphs
        for name in (*TABLES, *OPTIONAL_TABLES):
            setattr(self, name, tables.get(name, pd.DataFrame()))
        self._extra = {name: t for name, t in tables.items() if name not in TABLES}
        title = metadata.get("title")
        if not isinstance(title, str) or not title:
            title = str(paragraphs["text"].iloc[0]) if len(paragraphs) else self.path.name
        self.title: str = title

    # -- the tables -------------------------------------------------------------------

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every fact table by name, in the pack's order (not the paragraphs)."""
        found = {name: getattr(self, name) for name in TABLES}
        found.update(self._extra)
        return found

    def summary(self) -> pd.DataFrame:
        """Count the paragraphs and the rows of each table.

        Returns
        -------
        pandas.DataFrame
            Columns ``table``, ``rows`` and ``description`` (from ``datapackage.json``);
            the header over the row numbers reads "row".
        """
        described = {
            r.get("name"): r.get("description", "")
            for r in self.metadata.get("resources", [])
            if isinstance(r, dict)
        }
        names = ["paragraphs", *self.tables]
        summary = pd.DataFrame(
            {
                "table": names,
                "rows": [len(self.paragraphs)] + [len(t) for t in self.tables.values()],
                "description": [
                    "The article: headline, byline, captions, then the story from paragraph 1."
                ]
                + [str(described.get(name, "")) for name in self.tables],
            }
        )
        # Named columns fill the corner cell pandas leaves empty above the row numbers,
        # which a screen reader announces as an empty header.
        summary.columns.name = "row"
        return summary

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(t)} {name}" for name, t in self.tables.items())
        return (
            f"<newsfacts.Book {self.title!r}\n"
            f" {len(self.paragraphs)} paragraphs, {counts}\n from {self.path}>"
        )

    # -- finding a row ----------------------------------------------------------------

    def _keyed(self) -> list[tuple[str, str, pd.DataFrame]]:
        """(table, key column, table) for every table with a key, ids before terms."""
        keyed = []
        resources = {
            r.get("name"): r for r in self.metadata.get("resources", []) if isinstance(r, dict)
        }
        for name, table in self.tables.items():
            key = key_column(resources.get(name, {})) or next(
                (column for column in ("id", "term") if column in table), None
            )
            if key and key in table:
                keyed.append((name, key, table))
        keyed.sort(key=lambda entry: entry[1] != "id")
        return keyed

    def _locate(self, key: object, method: str, names: bool = True) -> tuple[str, int]:
        """Find the row an id, term or (when `names`) name stands for: (table, position).

        Tried in turn: the exact id or term; the id or term ignoring capitals and spaces
        around it; a name ignoring capitals (when `names`).
        """
        example = self.actors["id"].iloc[0] if "id" in self.actors and len(self.actors) else "x"
        key = expect(key, "text", function=method, what="an id in quotes", example=repr(example))
        keyed = self._keyed()
        for table, column, frame in keyed:
            hits = _positions(frame[column].astype(str) == key)
            if hits:
                return table, hits[0]
        folded = key.strip().casefold()
        for table, column, frame in keyed:
            hits = _positions(_fold(frame[column]) == folded)
            if hits:
                return table, hits[0]
        if names:
            found = [
                (table, position)
                for table, frame in self.tables.items()
                if "name" in frame
                for position in _positions(_fold(frame["name"]) == folded)
            ]
            if len(found) == 1:
                return found[0]
            if found:
                ids = [str(self._row(table, position).name) for table, position in found]
                raise UnknownNameError(key, ids, what="single row named")
        raise UnknownNameError(
            key,
            closest(key, self._choices()),
            what="id or name" if names else "id",
            hint=NO_SUGGESTION,
        )

    def _choices(self) -> dict[str, str]:
        """Map every id, term and name to the id (or term) to suggest for it."""
        choices: dict[str, str] = {}
        keyed = self._keyed()
        for _, column, frame in keyed:
            for ident in frame[column].astype(str):
                choices.setdefault(ident, ident)
        for _, column, frame in keyed:
            if "name" in frame:
                for name, ident in zip(frame["name"], frame[column], strict=True):
                    choices.setdefault(str(name), str(ident))
        return choices

    def table_of(self, id: str) -> str:
        """Return the name of the table holding an id (or glossary term).

        Raises
        ------
        UnknownNameError
            If no table has it; the message suggests the closest ids.
        """
        return self._locate(id, "table_of", names=False)[0]

    def get(self, id: str) -> pd.Series:
        """Return the row of an id (or glossary term), from whichever table holds it.

        Capitals do not matter. Names are not looked up here: see `lookup`.

        Parameters
        ----------
        id : str
            An id such as ``'macron'`` or a glossary term.

        Returns
        -------
        pandas.Series
            The row, named by its id.

        Raises
        ------
        UnknownNameError
            If no table has it; the message suggests the closest ids.
        TypeError
            If `id` is not text.
        """
        table, position = self._locate(id, "get", names=False)
        return self._row(table, position)

    def lookup(self, name_or_id: str) -> pd.Series:
        """Return the row of an id, a glossary term or a name (capitals do not matter).

        Parameters
        ----------
        name_or_id : str
            ``'macron'``, ``'Emmanuel Macron'``, ``'backstop'`` ...

        Returns
        -------
        pandas.Series
            The row, named by its id.

        Raises
        ------
        UnknownNameError
            If nothing has that id or name (or several rows share the name); the message
            suggests the closest ids.
        """
        table, position = self._locate(name_or_id, "lookup", names=True)
        return self._row(table, position)

    def _row(self, table: str, position: int) -> pd.Series:
        frame = self.tables[table]
        row = frame.iloc[position].copy()
        key = "id" if "id" in frame else frame.columns[0]
        row.name = row[key]
        return row

    # -- provenance -------------------------------------------------------------------

    def cite(self, id_or_term: str) -> Citation:
        """Say where a fact comes from: its paragraph, the exact words, and the basis.

        Parameters
        ----------
        id_or_term : str
            An id (``'fig-donetsk-control'``), a glossary term, or a name.

        Returns
        -------
        Citation
            Prints as one line; in a notebook it shows the paragraph with the quote marked.

        Raises
        ------
        UnknownNameError
            If nothing has that id, term or name; the message suggests the closest.
        TypeError
            If `id_or_term` is not text.
        """
        table, position = self._locate(id_or_term, "cite", names=True)
        row = self._row(table, position)

        paragraph = paragraph_key(row.get("paragraph"))
        paragraph_text = ""
        if paragraph is not None:
            match = self.paragraphs.loc[self.paragraphs["paragraph"] == paragraph, "text"]
            paragraph_text = str(match.iloc[0]) if len(match) else ""
        return Citation(
            id=str(row.name),
            table=table,
            paragraph=paragraph,
            quote=cell_text(row.get("quote")),
            basis=cell_text(row.get("basis")) or None,
            note=cell_text(row.get("note")),
            paragraph_text=paragraph_text,
            when=cell_text(row.get("when")),
            when_basis=cell_text(row.get("when_basis")),
        )

    def mentions(self, id_or_name: str) -> pd.DataFrame:
        """Return the paragraphs that mention an actor, place or other row.

        A paragraph mentions a row when it holds the row's ``name`` (or glossary term) as a
        whole word, with the same capitals; or when the row itself, or a row referring to
        it (an event's actors, a claim's speaker, a relation ...), cites that paragraph.

        Parameters
        ----------
        id_or_name : str
            An id, glossary term or name.

        Returns
        -------
        pandas.DataFrame
            The matching rows of `paragraphs`, in order, with their index.
        """
        table, position = self._locate(id_or_name, "mentions", names=True)
        row = self._row(table, position)
        ident = str(row.name)
        numbers: set[int | str] = set()
        if paragraph_key(row.get("paragraph")) is not None:
            numbers.add(paragraph_key(row.get("paragraph")))
        for column in ("name", "term"):
            words = str(row.get(column, "")).strip()
            if words and not pd.isna(row.get(column)):
                pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
                for number, text in zip(
                    self.paragraphs["paragraph"], self.paragraphs["text"], strict=True
                ):
                    if pattern.search(str(text)):
                        numbers.add(number)
        for rule in ID_REFERENCES:
            frame = self.tables.get(rule.table)
            if frame is None or rule.column not in frame or "paragraph" not in frame:
                continue
            for cell, number in zip(frame[rule.column], frame["paragraph"], strict=True):
                if paragraph_key(number) is not None and ident in rule.ids_in(str(cell)):
                    numbers.add(paragraph_key(number))
        return self.paragraphs[self.paragraphs["paragraph"].isin(numbers)]
