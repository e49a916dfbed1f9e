"""The model: a `Book` (built once by `newsfacts.load`) owns one article's facts, lessons, ids."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from newsfacts.errors import UnknownNameError, WrongValueError, expect, resolve
from newsfacts.pack.spec import CONTENT_TABLES, OPTIONAL_TABLES, TABLES, references
from newsfacts.text import cell_text, closest, lesson_id, paragraph_key, paragraph_words, split_ids


@dataclass(frozen=True)
class Citation:
    """Where one row of a pack comes from: its paragraph, the exact words, and the basis;
    printed, one line a student reads (``fig-a (figures), paragraph 6, article says: "..."``)."""

    id: str  # the row's id (or glossary term)
    table: str
    paragraph: int | str | None  # a story number (from 1), "headline", "caption 1" ...
    quote: str  # the words copied from that paragraph
    basis: str | None  # None for a glossary term
    note: str  # "" when none
    paragraph_text: str  # the whole paragraph
    when: str = ""  # an event's date ("" when none)
    when_basis: str = ""  # where that date comes from

    def __str__(self) -> str:
        where = paragraph_words(self.paragraph, short=False)  # "" for no paragraph
        parts = [f"{self.id} ({self.table})", where, self.basis or ""]
        text = ", ".join(filter(None, parts)) + f': "{self.quote}"'
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
    """One article as `newsfacts.load` returns it: ``paragraphs`` (one row per part: headline,
    byline, captions, story from 1), the fact tables, ``content`` (lesson content by table),
    ``path``, ``title`` and ``metadata`` (the whole ``datapackage.json``)."""

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
        # each id, then each glossary term, to (table, position); each folded name to ids
        self._where: dict[str, tuple[str, int]] = {}
        self._named: dict[str, list[str]] = {}
        keyed = [(n, "id" if "id" in t else "term", t) for n, t in self.tables.items()]
        for table, column, frame in sorted(keyed, key=lambda entry: entry[1] != "id"):
            if column not in frame:
                continue
            for position, key in enumerate(frame[column].astype(str)):
                self._where.setdefault(key, (table, position))
            for name, key in zip(frame.get("name", []), frame[column], strict=False):
                self._named.setdefault(str(name).strip().casefold(), []).append(str(key))

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every fact table by name, in the pack's order (not the paragraphs)."""
        return {**{name: getattr(self, name) for name in TABLES}, **self._extra}

    def summary(self) -> pd.DataFrame:
        """Count the paragraphs and the rows of each table, with each table's description."""
        resources = [r for r in self.metadata.get("resources", []) if isinstance(r, dict)]
        about = {r.get("name"): r.get("description", "") for r in resources}
        about["paragraphs"] = "The article: its headline, byline, captions and story paragraphs."
        tables = {"paragraphs": self.paragraphs, **self.tables}
        rows = [(name, len(t), str(about.get(name, ""))) for name, t in tables.items()]
        summary = pd.DataFrame(rows, columns=["table", "rows", "description"])
        return summary.rename_axis(columns="row")  # the corner header cell, for a screen reader

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(t)} {name}" for name, t in self.tables.items())
        size = f"{len(self.paragraphs)} paragraphs, {counts}"
        return f"<newsfacts.Book {self.title!r}\n {size}\n from {self.path}>"

    def lesson(self, lesson: object, *, function: str = "book.lesson") -> Lesson:
        """One lesson's questions, exercises, sorting items and prompts (``"03"``, or 3);
        `function` is the student's call, named when `lesson` is no number."""
        if isinstance(lesson, int) and not isinstance(lesson, bool):
            lesson = str(lesson)
        what, example = "the lesson's number", "'03' or 3"
        wanted = lesson_id(expect(lesson, "text", function=function, what=what, example=example))
        lessons = self.content["lessons"]
        if lessons.empty:
            raise WrongValueError(
                "This pack holds no lesson content (no lessons.csv). docs/authoring.md shows how "
                "to write quiz questions and exercises for it."
            )
        known = list(lessons["id"])
        if wanted not in known:
            hint = f"The lessons are {', '.join(known)}."
            raise UnknownNameError(lesson, closest(wanted, known), what="lesson", hint=hint)
        rows = {
            name: frame[frame["lesson"] == wanted].reset_index(drop=True) if len(frame) else frame
            for name, frame in self.content.items()
            if name != "lessons"
        }
        title = str(lessons.loc[lessons["id"] == wanted, "title"].iloc[0])
        return Lesson(wanted, title, **rows)

    def evidence(self, ids: Any) -> list[Citation]:
        """The citations of the ``;``-separated ids in a cell (a question's evidence)."""
        return [self.cite(key) for key in split_ids(ids)]

    def _locate(self, key: object, method: str, names: bool = True) -> tuple[str, int]:
        """The (table, position) of an id, term or (`names`) name a single row bears."""
        example = repr(next(iter(self._where), "x"))
        expect(key, "text", function=method, what="an id in quotes", example=example)
        choices = {ident: ident for ident in self._where}
        if names:
            shared = self._named.get(key.strip().casefold(), [])
            if len(shared) > 1 and key.strip().casefold() not in map(str.casefold, choices):
                raise UnknownNameError(key, shared, what="single row named")
            for name, ids in self._named.items():
                choices.setdefault(name, ids[0])
        hint = (
            "The ids are in the id column of each table (book.actors, book.places, ...) and the "
            "glossary terms in book.glossary; book.summary() lists the tables."
        )
        return self._where[resolve(key, choices, "id or name" if names else "id", hint=hint)]

    def table_of(self, id: str) -> str:
        """The name of the table holding an id (or glossary term)."""
        return self._locate(id, "table_of", names=False)[0]

    def get(self, id: str) -> pd.Series:
        """The row of an id (or glossary term), from whichever table holds it."""
        return self._row(*self._locate(id, "get", names=False))

    def lookup(self, name_or_id: str) -> pd.Series:
        """The row of an id, a glossary term or a name (capitals do not matter)."""
        return self._row(*self._locate(name_or_id, "lookup", names=True))

    def _row(self, table: str, position: int) -> pd.Series:
        frame = self.tables[table]
        row = frame.iloc[position].copy()
        row.name = row["id" if "id" in frame else frame.columns[0]]
        return row

    def cite(self, id_or_term: str) -> Citation:
        """Where a fact (an id, a glossary term or a name) comes from: paragraph, words, basis."""
        table, position = self._locate(id_or_term, "cite", names=True)
        row = self._row(table, position)
        paragraph = paragraph_key(row.get("paragraph"))
        match = self.paragraphs.loc[self.paragraphs["paragraph"] == paragraph, "text"]
        text = {c: cell_text(row.get(c)) for c in ("quote", "basis", "note", "when", "when_basis")}
        found = str(match.iloc[0]) if paragraph is not None and len(match) else ""
        extra = {"basis": text["basis"] or None, "paragraph_text": found}
        return Citation(str(row.name), table, paragraph, **text | extra)

    def mentions(self, id_or_name: str) -> pd.DataFrame:
        """The paragraphs naming a row (whole word, same capitals), citing it or a row citing it."""
        row = self._row(*self._locate(id_or_name, "mentions", names=True))
        ident = str(row.name)
        keys = {paragraph_key(row.get("paragraph"))}
        parts = list(zip(self.paragraphs["paragraph"], self.paragraphs["text"], strict=True))
        for words in {cell_text(row.get(c)).strip() for c in ("name", "term")} - {""}:
            pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
            keys |= {key for key, text in parts if pattern.search(str(text))}
        for ref in references(self.metadata):
            frame = self.tables.get(ref.table)
            if frame is not None and ref.column in frame and "paragraph" in frame:
                for cell, key in zip(frame[ref.column], frame["paragraph"], strict=True):
                    if ident in ref.ids_in(cell):
                        keys.add(paragraph_key(key))
        return self.paragraphs[self.paragraphs["paragraph"].isin(keys - {None})]
