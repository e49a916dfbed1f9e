"""The model: a `Book` owns one article's facts, its lesson content and its id index.

`newsfacts.load` builds it once from a pack; nothing about it is kept anywhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from newsfacts.errors import UnknownNameError, WrongValueError, expect, resolve
from newsfacts.pack.spec import CONTENT_TABLES, OPTIONAL_TABLES, TABLES, references
from newsfacts.text import cell_text, closest, lesson_id, paragraph_key, paragraph_words

__all__ = ["Book", "Citation", "Lesson"]

NO_SUGGESTION = (
    "The ids are in the id column of each table (book.actors, book.places, ...) and the "
    "glossary terms in book.glossary; book.summary() lists the tables."
)


@dataclass(frozen=True)
class Citation:
    """Where one row of a pack comes from.

    Attributes
    ----------
    id, table : str
        The row's id (or glossary term) and its table.
    paragraph : int, str or None
        A story paragraph's number (from 1), or ``"headline"``, ``"byline"``,
        ``"caption 1"`` ...
    quote : str
        The words copied from that paragraph.
    basis : str or None
        article says, someone says, worked out or outside source; None for a glossary term.
    note, paragraph_text : str
        The row's note ("" when none) and the whole paragraph.
    when, when_basis : str
        An event's date and where it comes from ("" when none).

    Examples
    --------
    >>> c = Citation("fig-donetsk-control", "figures", 6, "about 75% of the Donetsk region",
    ...              "article says", "", "Moscow controls about 75% of the Donetsk region.")
    >>> print(c)
    fig-donetsk-control (figures), paragraph 6, article says: "about 75% of the Donetsk region"
    """

    id: str
    table: str
    paragraph: int | str | None
    quote: str
    basis: str | None
    note: str
    paragraph_text: str
    when: str = ""
    when_basis: str = ""

    def __str__(self) -> str:
        parts = [f"{self.id} ({self.table})"]
        if self.paragraph is not None:
            parts.append(paragraph_words(self.paragraph, short=False))
        if self.basis:
            parts.append(self.basis)
        text = ", ".join(parts) + f': "{self.quote}"'
        return text + (f"\nnote: {self.note}" if self.note else "")


@dataclass(frozen=True)
class Lesson:
    """One lesson's content, as ``book.lesson("03")`` gives it: its rows of each table."""

    id: str
    title: str
    questions: pd.DataFrame
    exercises: pd.DataFrame
    sorting: pd.DataFrame
    prompts: pd.DataFrame


class Book:
    """One article, its facts and its lesson content, as `newsfacts.load` returns it.

    Attributes
    ----------
    paragraphs : pandas.DataFrame
        The article, one row per part: ``paragraph`` (a story number from 1, or
        ``"headline"``, ``"byline"``, ``"caption 1"`` ...), ``kind``, ``text``.
    actors, places, figures, events, claims, relations, glossary : pandas.DataFrame
        The fact tables, rows in file order, the id (``term`` for the glossary) a column.
    perspectives : pandas.DataFrame
        An optional fact table; empty, with no columns, when the pack has none.
    content : dict of str to pandas.DataFrame
        The lesson content: lessons, questions, exercises, sorting, prompts (empty tables
        for those the pack lacks); see `lesson`.
    path, title, metadata
        The pack's folder, its title, and the whole ``datapackage.json``.

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
        facts = {name: t for name, t in tables.items() if name not in CONTENT_TABLES}
        for name in (*TABLES, *OPTIONAL_TABLES):
            setattr(self, name, facts.get(name, pd.DataFrame()))
        self._extra = {name: t for name, t in facts.items() if name not in TABLES}
        self.content = {name: tables.get(name, pd.DataFrame()) for name in CONTENT_TABLES}
        title = metadata.get("title")
        if not isinstance(title, str) or not title:
            title = str(paragraphs["text"].iloc[0]) if len(paragraphs) else self.path.name
        self.title: str = title
        self._build_index()

    # -- the tables -------------------------------------------------------------------

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every fact table by name, in the pack's order (not the paragraphs)."""
        return {**{name: getattr(self, name) for name in TABLES}, **self._extra}

    def summary(self) -> pd.DataFrame:
        """Count the paragraphs and the rows of each table, with each table's description."""
        described = {
            r.get("name"): r.get("description", "")
            for r in self.metadata.get("resources", [])
            if isinstance(r, dict)
        }
        summary = pd.DataFrame(
            {
                "table": ["paragraphs", *self.tables],
                "rows": [len(self.paragraphs)] + [len(t) for t in self.tables.values()],
                "description": ["The article: its headline, byline, captions and story paragraphs."]
                + [str(described.get(name, "")) for name in self.tables],
            }
        )
        summary.columns.name = "row"  # the corner header cell, for a screen reader
        return summary

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(t)} {name}" for name, t in self.tables.items())
        size = f"{len(self.paragraphs)} paragraphs, {counts}"
        return f"<newsfacts.Book {self.title!r}\n {size}\n from {self.path}>"

    # -- the lesson content -----------------------------------------------------------

    def lesson(self, lesson: object, *, function: str = "book.lesson") -> Lesson:
        """One lesson's questions, exercises, sorting items and prompts (``"03"``, or 3).

        `function` names the student's call in the message for a lesson that is no number.

        Raises
        ------
        UnknownNameError
            For a lesson the pack does not describe, with the closest ones.
        WrongValueError
            When the pack holds no lesson content at all (saying how to add it).
        """
        if isinstance(lesson, int) and not isinstance(lesson, bool):
            lesson = str(lesson)
        wanted = lesson_id(
            expect(
                lesson, "text", function=function, what="the lesson's number", example="'03' or 3"
            )
        )
        lessons = self.content["lessons"]
        if lessons.empty:
            raise WrongValueError(
                "This pack holds no lesson content (no lessons.csv). docs/authoring.md shows how "
                "to write quiz questions and exercises for it."
            )
        known = list(lessons["id"])
        if wanted not in known:
            raise UnknownNameError(
                lesson,
                closest(wanted, known),
                what="lesson",
                hint=f"The lessons are {', '.join(known)}.",
            )
        rows = {
            name: frame[frame["lesson"] == wanted].reset_index(drop=True) if len(frame) else frame
            for name, frame in self.content.items()
            if name != "lessons"
        }
        title = str(lessons.loc[lessons["id"] == wanted, "title"].iloc[0])
        return Lesson(wanted, title, **rows)

    def evidence(self, ids: Any) -> list[Citation]:
        """The citations of the ``;``-separated ids in a cell (a question's evidence)."""
        return [self.cite(key) for key in cell_text(ids).split(";") if key.strip()]

    # -- finding a row ----------------------------------------------------------------

    def _build_index(self) -> None:
        """The id index: each id, then each glossary term, to (table, position); and each
        name, folded, to the ids of the rows that bear it."""
        self._where: dict[str, tuple[str, int]] = {}
        self._named: dict[str, list[str]] = {}
        keyed = [
            (n, "id" if "id" in t else "term", t)
            for n, t in self.tables.items()
            if {"id", "term"} & set(t)
        ]
        for table, column, frame in sorted(keyed, key=lambda entry: entry[1] != "id"):
            for position, key in enumerate(frame[column].astype(str)):
                self._where.setdefault(key, (table, position))
            for name, key in zip(frame.get("name", []), frame[column], strict=False):
                self._named.setdefault(str(name).strip().casefold(), []).append(str(key))

    def _locate(self, key: object, method: str, names: bool = True) -> tuple[str, int]:
        """The row an id, term or (when `names`) name stands for: (table, position).

        Capitals and spaces around it do not matter; a name several rows bear is refused,
        naming their ids.
        """
        example = repr(next(iter(self._where), "x"))
        expect(key, "text", function=method, what="an id in quotes", example=example)
        choices = {ident: ident for ident in self._where}
        if names:
            shared = self._named.get(key.strip().casefold(), [])
            if len(shared) > 1 and key.strip().casefold() not in map(str.casefold, choices):
                raise UnknownNameError(key, shared, what="single row named")
            for name, ids in self._named.items():
                choices.setdefault(name, ids[0])
        what = "id or name" if names else "id"
        return self._where[resolve(key, choices, what, hint=NO_SUGGESTION)]

    def table_of(self, id: str) -> str:
        """The name of the table holding an id (or glossary term)."""
        return self._locate(id, "table_of", names=False)[0]

    def get(self, id: str) -> pd.Series:
        """The row of an id (or glossary term), from whichever table holds it.

        Capitals do not matter; names are looked up by `lookup`.

        Raises
        ------
        UnknownNameError
            If no table has it; the message suggests the closest ids.
        WrongTypeError
            If `id` is not text.
        """
        return self._row(*self._locate(id, "get", names=False))

    def lookup(self, name_or_id: str) -> pd.Series:
        """The row of an id, a glossary term or a name (capitals do not matter)."""
        return self._row(*self._locate(name_or_id, "lookup", names=True))

    def _row(self, table: str, position: int) -> pd.Series:
        frame = self.tables[table]
        row = frame.iloc[position].copy()
        row.name = row["id" if "id" in frame else frame.columns[0]]
        return row

    # -- provenance -------------------------------------------------------------------

    def cite(self, id_or_term: str) -> Citation:
        """Say where a fact comes from: its paragraph, the exact words, and the basis.

        Parameters
        ----------
        id_or_term : str
            An id (``'fig-donetsk-control'``), a glossary term, or a name.

        Raises
        ------
        UnknownNameError
            If nothing has that id, term or name; the message suggests the closest.
        """
        table, position = self._locate(id_or_term, "cite", names=True)
        row = self._row(table, position)
        paragraph = paragraph_key(row.get("paragraph"))
        match = self.paragraphs.loc[self.paragraphs["paragraph"] == paragraph, "text"]
        return Citation(
            id=str(row.name),
            table=table,
            paragraph=paragraph,
            quote=cell_text(row.get("quote")),
            basis=cell_text(row.get("basis")) or None,
            note=cell_text(row.get("note")),
            paragraph_text=str(match.iloc[0]) if paragraph is not None and len(match) else "",
            when=cell_text(row.get("when")),
            when_basis=cell_text(row.get("when_basis")),
        )

    def mentions(self, id_or_name: str) -> pd.DataFrame:
        """The paragraphs that mention an actor, place or other row.

        A paragraph mentions a row when it holds the row's ``name`` (or glossary term) as a
        whole word, with the same capitals; or when the row itself, or a row referring to it
        (any reference ``datapackage.json`` declares: an event's actors, a claim's speaker,
        a perspective's actor ...), cites that paragraph.
        """
        row = self._row(*self._locate(id_or_name, "mentions", names=True))
        ident = str(row.name)
        keys = {paragraph_key(row.get("paragraph"))}
        for column in ("name", "term"):
            words = cell_text(row.get(column)).strip()
            if words:
                pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
                parts = zip(self.paragraphs["paragraph"], self.paragraphs["text"], strict=True)
                keys |= {key for key, text in parts if pattern.search(str(text))}
        for reference in references(self.metadata):
            frame = self.tables.get(reference.table)
            if frame is not None and reference.column in frame and "paragraph" in frame:
                for cell, key in zip(frame[reference.column], frame["paragraph"], strict=True):
                    if ident in reference.ids_in(cell):
                        keys.add(paragraph_key(key))
        return self.paragraphs[self.paragraphs["paragraph"].isin(keys - {None})]
