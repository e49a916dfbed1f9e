"""The annotated article: the whole text, every fact's quote highlighted and linked to it.

`annotated_article` numbers each paragraph and highlights every quoted span by kind, never
by colour alone (a tint, a line of its own shape and a letter, all in the legend: `KINDS`);
a row the article does not say in its own words also carries its mark's symbol
(`newsfacts.marks`). Pointing at a highlight names its facts; focusing it (Tab, or a click)
shows a card with the row, and jumps to it in the table of facts under the article.

No JavaScript: the highlights are links and the cards are shown by CSS (``:hover``,
``:focus-within``). The look that matters is in inline styles, since JupyterLab's sanitizer
keeps ``style`` attributes but drops ``<style>`` elements from untrusted outputs. The HTML
comes from the Jinja2 templates ``annotated.html`` and ``annotated-page.html`` (autoescaped).

Quotes may overlap or nest (an actor's name inside an event's words): each paragraph is cut
at every quote's start and end, and each piece carries all the facts that cover it. A quote
that occurs twice in its paragraph is anchored to its first occurrence (the one
`newsfacts.Book.cite` marks). Relations and the glossary are left out by default: a relation
joins two facts already highlighted, and a glossary term explains a word rather than states
a fact, so they would double the marks without adding facts.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from newsfacts.errors import WrongValueError
from newsfacts.marks import mark
from newsfacts.pack.spec import SPECS, table_named
from newsfacts.text import NO_BYLINE, cell_text, paragraph_key, paragraph_order, split_ids
from newsfacts.views.render import render
from newsfacts.views.show import MARKED_BASES, marked_when, names_by_id
from newsfacts.views.sources import article_credit

__all__ = ["Annotated", "Fact", "Kind", "Segment", "annotated_article", "KINDS", "DEFAULT_TABLES"]


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


#: One entry per table that can be highlighted, in the order of the legend and the layers.
KINDS: dict[str, Kind] = {
    k.table: k
    for k in (
        Kind(
            "actors", "actor", "A", "#E69F00", "rgba(230,159,0,0.30)", "2px solid", "bottom",
            "a person, country, organisation or group", "solid line under",
        ),
        Kind(
            "places", "place", "P", "#56B4E9", "rgba(86,180,233,0.30)", "4px double", "bottom",
            "a city, region, country or area", "double line under",
        ),
        Kind(
            "figures", "figure", "F", "#009E73", "rgba(0,158,115,0.25)", "3px dotted", "bottom",
            "a number, with the article's small words before it (about, more than ...)",
            "dotted line under",
        ),
        Kind(
            "events", "event", "E", "#9A8C00", "rgba(240,228,66,0.45)", "2px dashed", "bottom",
            "something that happened, is expected, threatened or proposed",
            "dashed line under",
        ),
        Kind(
            "claims", "claim", "C", "#D55E00", "rgba(213,94,0,0.20)", "2px solid", "top",
            "what someone says, according to the article", "solid line over",
        ),
        Kind(
            "relations", "relation", "R", "#0072B2", "rgba(0,114,178,0.18)", "2px dashed", "top",
            "a link between two actors or places", "dashed line over",
        ),
        Kind(
            "glossary", "glossary term", "G", "#CC79A7", "rgba(204,121,167,0.25)", "3px dotted",
            "top", "a hard word, explained in plain language", "dotted line over",
        ),
    )
}  # fmt: skip

#: The tables highlighted unless told otherwise (see the module's docstring for why).
DEFAULT_TABLES: tuple[str, ...] = ("actors", "places", "figures", "events", "claims")


@dataclass(frozen=True)
class Fact:
    """One highlighted (or, when its quote cannot be placed, listed) fact row.

    Attributes
    ----------
    table, key : str
        The table and the row's id (its term, for the glossary).
    kind : Kind
        How its highlight looks.
    row : dict
        The whole row.
    paragraph : int, str or None
        Its story paragraph's number or the part's name; ``None`` if the row has none.
    quote : str
        Its quote ("" when none).
    start : int or None
        Where the quote's first occurrence starts in the paragraph (``None``: not placed).
    anchor : str
        The HTML id of its row in the table of facts.
    """

    table: str
    key: str
    kind: Kind
    row: dict[str, Any]
    paragraph: int | str | None
    quote: str
    start: int | None
    anchor: str

    @property
    def end(self) -> int | None:
        return None if self.start is None else self.start + len(self.quote)

    @property
    def basis(self) -> str:
        return cell_text(self.row.get("basis", ""))

    @property
    def note(self) -> str:
        return cell_text(self.row.get("note", ""))

    @property
    def symbol(self) -> str:
        """The symbol after the kind's letter: its mark's, when the article does not say it."""
        return mark(self.basis).symbol if self.basis in MARKED_BASES else ""


@dataclass(frozen=True)
class Segment:
    """A piece of a paragraph between two quote boundaries, and the facts covering it."""

    paragraph: int | str
    start: int
    end: int
    text: str
    facts: tuple[Fact, ...]


def _resolve_tables(tables: str | Iterable[str] | None) -> tuple[str, ...]:
    if tables is None:
        return DEFAULT_TABLES
    if isinstance(tables, str):
        tables = tuple(KINDS) if tables == "all" else (tables,)
    chosen: list[str] = []
    for name in tables:
        table = table_named(name)
        if table not in KINDS:
            raise WrongValueError(
                f"annotated_article() cannot highlight {name!r}: choose among "
                f"{', '.join(repr(t) for t in KINDS)}, or 'all'."
            )
        if table not in chosen:
            chosen.append(table)
    return tuple(t for t in KINDS if t in chosen)


class Annotated:
    """The article with every fact's quote highlighted; see `annotated_article`.

    Attributes
    ----------
    book : Book
        The pack it shows.
    tables : tuple of str
        The tables highlighted.
    facts : list of Fact
        Every row of those tables, in the order of the table of facts (by paragraph, then
        where its quote starts).
    segments : list of Segment
        The highlighted pieces of the article, in reading order.
    unplaced : list of Fact
        Rows with no quote, or whose quote is not in their paragraph: listed, not
        highlighted.
    """

    def __init__(self, book: Any, tables: Sequence[str]):
        self.book = book
        self.tables = tuple(tables)
        paragraphs = book.paragraphs
        self._paragraphs: list[tuple[int | str, str, str]] = [
            (paragraph_key(p), cell_text(k), cell_text(t))
            for p, k, t in zip(
                paragraphs["paragraph"], paragraphs["kind"], paragraphs["text"], strict=True
            )
        ]
        texts = {number: text for number, _, text in self._paragraphs}
        digest = hashlib.sha1(
            ("\n".join(texts.values()) + "|" + ",".join(self.tables)).encode("utf-8")
        ).hexdigest()
        self.prefix = f"nf{digest[:8]}"
        self.names = names_by_id(book)

        facts: list[Fact] = []
        used: set[str] = set()
        for table in self.tables:
            frame = book.tables.get(table)
            if frame is None or frame.empty:
                continue
            key_column = "id" if "id" in frame.columns else frame.columns[0]
            for record in frame.to_dict("records"):
                key = cell_text(record.get(key_column, ""))
                quote = cell_text(record.get("quote", ""))
                paragraph = paragraph_key(record.get("paragraph"))
                start = None
                if quote and paragraph in texts:
                    found = texts[paragraph].find(quote)
                    start = found if found >= 0 else None
                anchor = self._unique(f"{self.prefix}-f-{_slug(key)}", used)
                facts.append(
                    Fact(table, key, KINDS[table], record, paragraph, quote, start, anchor)
                )
        order = {t: i for i, t in enumerate(KINDS)}
        facts.sort(
            key=lambda f: (
                paragraph_order(f.paragraph),
                f.start if f.start is not None else 1 << 30,
                -len(f.quote),
                order[f.table],
            )
        )
        self.facts = facts
        self.unplaced = [f for f in facts if f.start is None]
        self.segments = self._segments()
        self._first_segment = {}
        for number, segment in enumerate(self.segments):
            for fact in segment.facts:
                self._first_segment.setdefault(fact.anchor, number)

    # -- building --------------------------------------------------------------------

    @staticmethod
    def _unique(candidate: str, used: set[str]) -> str:
        anchor, n = candidate, 2
        while anchor in used:
            anchor, n = f"{candidate}-{n}", n + 1
        used.add(anchor)
        return anchor

    def _segments(self) -> list[Segment]:
        by_paragraph: dict[int, list[Fact]] = {}
        for fact in self.facts:
            if fact.start is not None and fact.paragraph is not None:
                by_paragraph.setdefault(fact.paragraph, []).append(fact)
        segments = []
        for number, _, text in self._paragraphs:
            placed = by_paragraph.get(number, [])
            cuts = sorted({0, len(text), *(f.start for f in placed), *(f.end for f in placed)})
            for a, b in zip(cuts, cuts[1:], strict=False):
                covering = tuple(f for f in placed if f.start <= a and b <= f.end)
                if covering and a < b:
                    segments.append(Segment(number, a, b, text[a:b], covering))
        return segments

    # -- words ----------------------------------------------------------------------

    def _name(self, ident: Any) -> str:
        ident = cell_text(ident)
        return self.names.get(ident, ident)

    def _names_of(self, idents: Any) -> str:
        return "; ".join(self._name(i) for i in split_ids(idents))

    def headline(self, fact: Fact) -> str:
        """The fact in a few words (plain text): a name, a number, what happened ..."""
        spec = SPECS.get(fact.table)
        return (spec.headline(fact.row, self._name) if spec else "") or fact.key

    def fields(self, fact: Fact) -> list[tuple[str, str]]:
        """The row's main fields as (label, plain text) pairs, empty ones left out."""
        found = []
        for label, column, how in SPECS[fact.table].card if fact.table in SPECS else ():
            value = fact.row.get(column)
            if how == "name":
                value = self._name(value)
            elif how == "names":
                value = self._names_of(value)
            elif how == "when":
                value = _marked_date(fact.row)
            if cell_text(value):
                found.append((label, cell_text(value)))
        return found

    def tooltip(self, facts: Iterable[Fact]) -> str:
        """What pointing at a highlight shows: one line per fact (plain text)."""
        lines = []
        for fact in facts:
            symbol = fact.symbol
            basis = f" ({symbol + ' ' if symbol else ''}{fact.basis})" if fact.basis else ""
            lines.append(f"{fact.kind.name} {fact.key}: {self.headline(fact)}{basis}")
        return "\n".join(lines)

    # -- what the templates show ---------------------------------------------------------

    def layers(self, segment: Segment) -> list[tuple[Kind, int]]:
        """The kinds whose lines a piece carries, nearest the words first, with each
        line's distance from the words (px), so stacked lines never overlap."""
        kinds = sorted({f.kind for f in segment.facts}, key=lambda k: list(KINDS).index(k.table))
        depth = {"bottom": 0, "top": 0}
        found = []
        for kind in kinds:
            found.append((kind, 1 + 5 * depth[kind.side]))
            depth[kind.side] += 1
        return found

    def pieces(self) -> list[dict[str, Any]]:
        """Each paragraph as its number, kind and pieces: plain text, or a highlighted
        segment with its number (``{"text": ...}`` or ``{"index": n, "segment": s}``)."""
        by_paragraph: dict[int, list[tuple[int, Segment]]] = {}
        for index, segment in enumerate(self.segments):
            by_paragraph.setdefault(segment.paragraph, []).append((index, segment))
        found = []
        for number, kind, text in self._paragraphs:
            pieces: list[dict[str, Any]] = []
            at = 0
            for index, segment in by_paragraph.get(number, []):
                pieces.append({"text": text[at : segment.start]})
                pieces.append({"index": index, "segment": segment})
                at = segment.end
            pieces.append({"text": text[at:]})
            found.append(
                {"number": number, "slug": _slug(str(number)), "kind": kind, "pieces": pieces}
            )
        return found

    def tint(self, segment: Segment) -> str:
        """The tint behind a piece: that of its most specific (shortest-quoted) fact."""
        return min(segment.facts, key=lambda f: len(f.quote)).kind.tint

    def first_segment(self, fact: Fact) -> int | None:
        """The number of the first highlighted piece of a fact, if it is highlighted."""
        return self._first_segment.get(fact.anchor)

    def credit(self) -> str:
        """The article's credit line (plain text): title, author, where published, rights."""
        meta = self.book.metadata if isinstance(self.book.metadata, dict) else {}
        credit = article_credit(self.book) if meta else {}
        author = cell_text(credit.get("author"))
        if not author:
            bylines = [t for _, k, t in self._paragraphs if k == "byline" and t != NO_BYLINE]
            author = bylines[0].strip() if bylines else ""
        title = next((t for _, k, t in self._paragraphs if k == "headline"), "") or cell_text(
            self.book.title
        )
        extra = meta.get("newsfacts", {})
        rights = cell_text(extra.get("rights")) if isinstance(extra, dict) else ""
        rights = rights or "The article's rights stay with its publisher."
        by = f" by {author}" if author else ""
        parts = [cell_text(credit.get(k)) for k in ("publisher", "date", "path")]
        published = ", ".join(p for p in parts if p)
        if published:
            published = (
                f", {published} (publisher, date and address come from outside the article's text)"
            )
        return (
            f"The article: “{title}”{by}{published}. {rights} It is shown in full and "
            "unchanged; the highlights and the table of facts are the lessons', not the "
            "publisher's."
        )

    def html(self, heading_level: int = 3) -> str:
        """The view as an HTML fragment (a ``<style>`` element and one ``<div>``).

        Parameters
        ----------
        heading_level : int
            The level of the headings inside (3 in a notebook, 2 in `page`).
        """
        return render(
            "annotated.html",
            view=self,
            level=min(max(int(heading_level), 1), 6),
            legend=[_Legend(KINDS[table]) for table in self.tables],
            explained=MARKED_BASES,
        )

    def _repr_html_(self) -> str:
        return self.html()

    def page(self) -> str:
        """A complete standalone HTML document (UTF-8, ``lang="en"``) of the view."""
        return render(
            "annotated-page.html",
            title=f"Annotated article: {self.book.title}",
            body=self.html(heading_level=2),
        )

    def save(self, path: str | Path) -> Path:
        """Write `page` to `path` (UTF-8) and return the path."""
        path = Path(path)
        path.write_text(self.page(), encoding="utf-8")
        return path

    def __repr__(self) -> str:
        return (
            f"<newsfacts.Annotated {self.book.title!r}: {len(self.facts)} facts from "
            f"{', '.join(self.tables)}, {len(self.segments)} highlighted pieces, "
            f"{len(self.unplaced)} not placed>"
        )


@dataclass(frozen=True)
class _Legend:
    """A stand-in fact for the legend's letters."""

    kind: Kind
    basis: str = ""
    symbol: str = ""


def _marked_date(row: dict[str, Any]) -> str:
    """An event's date, with the mark of a date the article does not give."""
    when = cell_text(row.get("when"))
    if when and "when_basis" in row:
        frame = pd.DataFrame({"when": [when], "when_basis": [cell_text(row["when_basis"])]})
        when = str(marked_when(frame).iloc[0])
    return when


def _slug(key: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-") or "row"


def annotated_article(book: Any, tables: str | Iterable[str] | None = None) -> Annotated:
    """The article with every fact's quote highlighted by kind and linked to its row.

    Parameters
    ----------
    book : Book
        A loaded pack (``newsfacts.load()``).
    tables : str or list of str, optional
        The tables to highlight: by default actors, places, figures, events and claims;
        ``"all"`` adds relations and the glossary; or name them (``["claims", "figures"]``,
        kind names such as ``"claim"`` work too).

    Returns
    -------
    Annotated
        Shows itself in a notebook; ``.html()`` is the fragment, ``.page()`` a standalone
        page, ``.save(path)`` writes it.

    Raises
    ------
    ValueError
        If `tables` names something that cannot be highlighted.

    Examples
    --------
    >>> import newsfacts
    >>> view = annotated_article(newsfacts.load())
    >>> view.tables
    ('actors', 'places', 'figures', 'events', 'claims')
    >>> first = view.segments[0]  # the first highlighted words, in the title
    >>> first.paragraph, first.text, [fact.key for fact in first.facts]
    ('headline', 'Macron hosts Ukraine', ['ukraine'])
    >>> "<script" in view.page()
    False
    """
    return Annotated(book, _resolve_tables(tables))
