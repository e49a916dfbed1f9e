"""The annotated article: the whole text, every fact's quote highlighted and linked to its row.

A highlight shows its kind by a tint, a line and a letter (`KINDS`), never by colour alone.
No JavaScript, and inline styles: JupyterLab drops ``<style>`` from untrusted outputs. Quotes
may overlap: each paragraph is cut at every quote's start and end (a quote found twice, at its
first). Relations and the glossary are left out by default: a relation joins two facts
already highlighted; a glossary term explains a word, not a fact.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfacts.book import Book
from newsfacts.errors import WrongValueError
from newsfacts.marks import mark
from newsfacts.pack.spec import SPECS, table_named
from newsfacts.text import (
    NO_BYLINE,
    byline_names,
    cell_text,
    paragraph_key,
    paragraph_order,
    split_ids,
)
from newsfacts.views.render import render
from newsfacts.views.show import MARKED_BASES, date_mark, names_by_id
from newsfacts.views.sources import article_credit


@dataclass(frozen=True)
class Kind:
    """How one table's highlights look: a tint, a line and a letter (never colour alone)."""

    table: str
    name: str  # actor, place, ...
    letter: str
    colour: str  # Okabe-Ito
    tint: str  # the same colour, light, behind the words
    line: str  # CSS border style and width
    side: str  # "bottom" (a line under the words) or "top" (over them)
    meaning: str
    line_words: str  # the line in words, for the legend


_SIDES = {"bottom": "under", "top": "over"}

#: What each kind of highlight stands for, in the legend.
_MEANINGS = {
    "actors": "a person, country, organisation or group",
    "places": "a city, region, country or area",
    "figures": "a number, with the article's small words before it (about, more than ...)",
    "events": "something that happened, is expected, threatened or proposed",
    "claims": "what someone says, according to the article",
    "relations": "a link between two actors or places",
    "glossary": "a hard word, explained in plain language",
}

#: Each kind's name, letter, colour (Okabe-Ito), tint, line and side (under or over the words).
_STYLES = """
actors    | actor         | A | #E69F00 | rgba(230,159,0,0.30)   | 2px solid  | bottom
places    | place         | P | #56B4E9 | rgba(86,180,233,0.30)  | 4px double | bottom
figures   | figure        | F | #009E73 | rgba(0,158,115,0.25)   | 3px dotted | bottom
events    | event         | E | #9A8C00 | rgba(240,228,66,0.45)  | 2px dashed | bottom
claims    | claim         | C | #D55E00 | rgba(213,94,0,0.20)    | 2px solid  | top
relations | relation      | R | #0072B2 | rgba(0,114,178,0.18)   | 2px dashed | top
glossary  | glossary term | G | #CC79A7 | rgba(204,121,167,0.25) | 3px dotted | top
"""

#: One entry per table that can be highlighted, in the order of the legend and the layers.
KINDS: dict[str, Kind] = {
    row[0]: Kind(*row, _MEANINGS[row[0]], f"{row[5].split()[1]} line {_SIDES[row[6]]}")
    for row in ([cell.strip() for cell in line.split("|")] for line in _STYLES.strip().splitlines())
}

#: The tables highlighted unless told otherwise (see the module's docstring for why).
DEFAULT_TABLES: tuple[str, ...] = ("actors", "places", "figures", "events", "claims")


@dataclass(frozen=True)
class Fact:
    """One fact row: highlighted where its quote is (`start`, in its paragraph), else listed."""

    table: str
    key: str  # the row's id (its term, for the glossary)
    kind: Kind
    row: dict[str, Any]
    paragraph: int | str | None  # a story number or a part's name; None if the row has none
    quote: str  # "" when none
    start: int | None  # where the quote first occurs in the paragraph (None: not placed)
    anchor: str  # the HTML id of its row in the table of facts
    basis: str  # "" when none
    note: str
    symbol: str  # after the kind's letter: its mark's, when the article does not say it

    end = property(lambda self: None if self.start is None else self.start + len(self.quote))


@dataclass(frozen=True)
class Segment:
    """A piece of a paragraph between two quote boundaries, and the facts covering it."""

    paragraph: int | str
    start: int
    end: int
    text: str
    facts: tuple[Fact, ...]


class Annotated:
    """The article with every fact's quote highlighted (`annotated_article`): `facts` as the
    table of facts lists them, `segments` the highlighted pieces, `unplaced` the facts not
    highlighted (no quote, or not found in their paragraph)."""

    def __init__(self, book: Book, tables: Iterable[str]):
        self.book = book
        self.tables = tuple(tables)
        frame = book.paragraphs
        self._paragraphs = [
            (paragraph_key(p), cell_text(k), cell_text(t))
            for p, k, t in zip(frame["paragraph"], frame["kind"], frame["text"], strict=True)
        ]
        texts = {number: text for number, _, text in self._paragraphs}
        seed = "\n".join(texts.values()) + "|" + ",".join(self.tables)
        self.prefix = f"nf{hashlib.sha1(seed.encode('utf-8')).hexdigest()[:8]}"
        self.names = names_by_id(book)
        self.facts: list[Fact] = []
        used: set[str] = set()
        for table in self.tables:
            rows = book.tables.get(table)
            if rows is None or rows.empty:
                continue
            key_column = "id" if "id" in rows.columns else rows.columns[0]
            for record in rows.to_dict("records"):
                key, quote = cell_text(record.get(key_column, "")), cell_text(record.get("quote"))
                paragraph = paragraph_key(record.get("paragraph"))
                start = texts[paragraph].find(quote) if quote and paragraph in texts else -1
                anchor = candidate = f"{self.prefix}-f-{_slug(key)}"
                n = 1
                while anchor in used:
                    n += 1
                    anchor = f"{candidate}-{n}"
                used.add(anchor)
                basis, note = (cell_text(record.get(c, "")) for c in ("basis", "note"))
                symbol = mark(basis).symbol if basis in MARKED_BASES else ""
                start = None if start < 0 else start
                fact = (table, key, KINDS[table], record, paragraph, quote, start, anchor)
                self.facts.append(Fact(*fact, basis, note, symbol))
        self.facts.sort(key=lambda f: (-len(f.quote), list(KINDS).index(f.table)))
        self.facts.sort(key=lambda f: (paragraph_order(f.paragraph), f.start is None, f.start or 0))
        self.unplaced = [f for f in self.facts if f.start is None]
        self._cut()

    def _cut(self) -> None:
        """Cut each paragraph at every quote's start and end, for the template."""
        self.segments: list[Segment] = []
        self.pieces: list[dict[str, Any]] = []
        self.first_segment: dict[str, int] = {}
        for number, kind, text in self._paragraphs:
            placed = [f for f in self.facts if f.start is not None and f.paragraph == number]
            cuts = sorted({0, len(text), *(f.start for f in placed), *(f.end for f in placed)})
            pieces: list[dict[str, Any]] = []
            for a, b in zip(cuts, cuts[1:], strict=False):
                covering = tuple(f for f in placed if f.start <= a and b <= f.end)
                if not covering:
                    pieces.append({"text": text[a:b]})
                    continue
                for fact in covering:
                    self.first_segment.setdefault(fact.anchor, len(self.segments))
                segment = Segment(number, a, b, text[a:b], covering)
                pieces.append({"index": len(self.segments), "segment": segment})
                self.segments.append(segment)
            slug = _slug(str(number))
            self.pieces.append({"number": number, "slug": slug, "kind": kind, "pieces": pieces})

    def _name(self, ident: Any) -> str:
        return self.names.get(cell_text(ident), cell_text(ident))

    def headline(self, fact: Fact) -> str:
        """The fact in a few words (plain text): a name, a number, what happened ..."""
        spec = SPECS.get(fact.table)
        return (spec.headline(fact.row, self._name) if spec else "") or fact.key

    def fields(self, fact: Fact) -> list[tuple[str, str]]:
        """The row's main fields as (label, plain text) pairs, empty ones left out."""
        found = []
        for label, column, how in SPECS[fact.table].card if fact.table in SPECS else ():
            value = cell_text(fact.row.get(column))
            if how == "name":
                value = self._name(value)
            elif how == "names":
                value = "; ".join(self._name(i) for i in split_ids(value))
            elif how == "when" and value and "when_basis" in fact.row:
                value += date_mark(cell_text(fact.row["when_basis"]))
            if value:
                found.append((label, value))
        return found

    def layers(self, segment: Segment) -> list[tuple[Kind, int]]:
        """The kinds whose lines a piece carries, each with its distance from the words (px)."""
        kinds = [k for k in KINDS.values() if k in {f.kind for f in segment.facts}]
        return [(k, 1 + 5 * [j.side for j in kinds[:i]].count(k.side)) for i, k in enumerate(kinds)]

    def tint(self, segment: Segment) -> str:
        """The tint behind a piece: that of its most specific (shortest-quoted) fact."""
        return min(segment.facts, key=lambda f: len(f.quote)).kind.tint

    def credit(self) -> str:
        """The article's credit line (plain text): title, author, where published, rights."""
        meta = self.book.metadata if isinstance(self.book.metadata, dict) else {}
        credit = article_credit(self.book) if meta else {}
        bylines = [t for _, k, t in self._paragraphs if k == "byline" and t != NO_BYLINE]
        author = cell_text(credit.get("author")) or byline_names(next(iter(bylines), ""))
        headlines = [t for _, k, t in self._paragraphs if k == "headline"]
        title = next(iter(headlines), "") or cell_text(self.book.title)
        extra = meta.get("newsfacts", {})
        rights = cell_text(extra.get("rights")) if isinstance(extra, dict) else ""
        rights = rights or "The article's rights stay with its publisher."
        by = f" by {author}" if author else ""
        where = [cell_text(credit.get(k)) for k in ("publisher", "date", "path")]
        published = ", ".join(filter(None, where))
        outside = " (publisher, date and address come from outside the article's text)"
        published = f", {published}{outside}" if published else ""
        return (
            f"The article: “{title}”{by}{published}. {rights} It is shown in full and "
            "unchanged; the highlights and the table of facts are the lessons', not the "
            "publisher's."
        )

    def html(self, heading_level: int = 3) -> str:
        """The view as an HTML fragment, its headings at `heading_level` (2 in `page`)."""
        level = min(max(int(heading_level), 1), 6)
        legend = [KINDS[table] for table in self.tables]
        return render(
            "annotated.html", view=self, level=level, legend=legend, explained=MARKED_BASES
        )

    _repr_html_ = html

    def page(self) -> str:
        """A complete standalone HTML document (UTF-8, ``lang="en"``) of the view."""
        title = f"Annotated article: {self.book.title}"
        return render("annotated-page.html", title=title, body=self.html(heading_level=2))

    def save(self, path: str | Path) -> Path:
        """Write `page` to `path` (UTF-8) and return the path."""
        Path(path).write_text(self.page(), encoding="utf-8")
        return Path(path)

    def __repr__(self) -> str:
        return (
            f"<newsfacts.Annotated {self.book.title!r}: {len(self.facts)} facts from "
            f"{', '.join(self.tables)}, {len(self.segments)} highlighted pieces, "
            f"{len(self.unplaced)} not placed>"
        )


def _slug(key: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-") or "row"


def annotated_article(book: Book, tables: str | Iterable[str] | None = None) -> Annotated:
    """The article with every fact's quote highlighted by kind and linked to its row.

    `tables`: `DEFAULT_TABLES`, ``"all"``, or some by name (``["claims", "figures"]``). It shows
    itself in a notebook; ``.page()`` is a standalone page, ``.save(path)`` writes it.
    """
    if isinstance(tables, str):
        tables = tuple(KINDS) if tables == "all" else (tables,)
    chosen = {name: table_named(name) for name in (DEFAULT_TABLES if tables is None else tables)}
    for name, table in chosen.items():
        if table not in KINDS:
            raise WrongValueError(
                f"annotated_article() cannot highlight {name!r}: choose among "
                f"{', '.join(repr(t) for t in KINDS)}, or 'all'."
            )
    return Annotated(book, [t for t in KINDS if t in chosen.values()])
