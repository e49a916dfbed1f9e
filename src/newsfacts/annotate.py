"""The annotated article: the whole text, every fact's quote highlighted and linked to it.

``annotated_article(book)`` returns an `Annotated` view. In a notebook it shows itself (it
has ``_repr_html_``); ``.page()`` is a standalone HTML document and ``.save(path)`` writes
it. Each paragraph is numbered (¶) and labelled by kind (title, byline, caption, body).
Every quoted span of an actor, place, figure, event or claim row is highlighted:

- by kind, never by colour alone: a light Okabe-Ito tint, a line of its own shape (actors
  solid, places double, figures dotted and events dashed under the words, claims solid over
  them) and a small letter after the quote (A, P, F, E, C), all explained in a legend;
- rows the article does not say in its own voice carry the marks of `newsfacts.show`:
  ◆ inferred, ▲ context (after the letter and in the row's basis);
- pointing at a highlight shows a tooltip naming its facts; focusing it (Tab, or a click)
  shows a card with each fact's table, id, main fields, paragraph, quote, basis and note;
  clicking it also jumps to the fact's row in the table of facts under the article, which
  links back to the words.

No JavaScript: the highlights are links (keyboard-reachable in any browser) and the cards
are shown by CSS (``:hover``, ``:focus-within``). The look that matters (tints, lines,
letters, hidden cards) is in inline styles, so it survives JupyterLab's sanitizer, which
keeps ``style`` attributes but drops ``<style>`` elements from untrusted outputs; there the
tooltip and the table of facts remain. Every text from the pack is HTML-escaped.

Quotes may overlap or nest (an actor's name inside an event's words): each paragraph is cut
at every quote's start and end, and each piece carries all the facts that cover it. A quote
that occurs twice in its paragraph is anchored to its first occurrence.

Relations and the glossary are left out by default: a relation joins two facts that are
already highlighted and usually quotes the same words as one of them, and glossary terms
explain words rather than state facts, so including them would double the marks without
adding facts. Pass ``tables="all"`` (or name them) to include them: relations get a dashed
line over the words (R), glossary terms a dotted one (G).

Nothing here imports ipywidgets or matplotlib.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from newsfacts.show import BASIS_LABELS, badge, marked_when

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
            "a number, with its hedge (about, more than ...)", "dotted line under",
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

#: The short basis marks shown after a kind's letter and in tooltips.
BASIS_MARKS: dict[str, str] = {"inferred": "◆", "context": "▲"}

_NAMES = {
    **{k.table: k.table for k in KINDS.values()},
    **{k.name: k.table for k in KINDS.values()},
    "relation": "relations",
    "term": "glossary",
    "terms": "glossary",
}


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
    paragraph : int or None
        Its paragraph; ``None`` if the row has none.
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
    paragraph: int | None
    quote: str
    start: int | None
    anchor: str

    @property
    def end(self) -> int | None:
        return None if self.start is None else self.start + len(self.quote)

    @property
    def basis(self) -> str:
        return _text(self.row.get("basis", ""))

    @property
    def note(self) -> str:
        return _text(self.row.get("note", ""))


@dataclass(frozen=True)
class Segment:
    """A piece of a paragraph between two quote boundaries, and the facts covering it."""

    paragraph: int
    start: int
    end: int
    text: str
    facts: tuple[Fact, ...]


def _text(value: Any) -> str:
    """A cell as text: "" for a missing value, 75 for 75.0."""
    if value is None:
        return ""
    if isinstance(value, float):
        if pd.isna(value):
            return ""
        if value.is_integer():
            return str(int(value))
    return str(value)


def _e(value: Any) -> str:
    """Escape for HTML text and attributes (quotes included)."""
    return html.escape(_text(value), quote=True)


def _resolve_tables(tables: str | Iterable[str] | None) -> tuple[str, ...]:
    if tables is None:
        return DEFAULT_TABLES
    if isinstance(tables, str):
        tables = tuple(KINDS) if tables == "all" else (tables,)
    chosen: list[str] = []
    for name in tables:
        table = _NAMES.get(str(name).strip().lower())
        table = table or _NAMES.get(str(name).strip().lower().removesuffix("s"))
        if table is None:
            raise ValueError(
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
        self._paragraphs: list[tuple[int, str, str]] = [
            (int(p), _text(k), _text(t))
            for p, k, t in zip(
                paragraphs["paragraph"], paragraphs["kind"], paragraphs["text"], strict=True
            )
        ]
        texts = {number: text for number, _, text in self._paragraphs}
        digest = hashlib.sha1(
            ("\n".join(texts.values()) + "|" + ",".join(self.tables)).encode("utf-8")
        ).hexdigest()
        self.prefix = f"nf{digest[:8]}"
        self._names = self._name_map()

        facts: list[Fact] = []
        used: set[str] = set()
        for table in self.tables:
            frame = book.tables.get(table)
            if frame is None or frame.empty:
                continue
            key_column = "id" if "id" in frame.columns else frame.columns[0]
            for record in frame.to_dict("records"):
                key = _text(record.get(key_column, ""))
                quote = _text(record.get("quote", ""))
                number = record.get("paragraph")
                paragraph = None if _text(number) == "" else int(number)
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
                f.paragraph if f.paragraph is not None else 1 << 30,
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

    def _name_map(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for table in ("places", "actors"):
            frame = self.book.tables.get(table)
            if frame is not None and {"id", "name"} <= set(frame.columns):
                names.update(zip(frame["id"].map(_text), frame["name"].map(_text), strict=True))
        return names

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
        ident = _text(ident)
        return self._names.get(ident, ident)

    def _names_of(self, idents: Any) -> str:
        return "; ".join(self._name(i) for i in _text(idents).split(";") if i)

    def headline(self, fact: Fact) -> str:
        """The fact in a few words (plain text): a name, a number, what happened ..."""
        row, table = fact.row, fact.table
        if table in ("actors", "places"):
            return _text(row.get("name")) or fact.key
        if table == "figures":
            qualifier = _text(row.get("qualifier"))
            qualifier = "" if qualifier in ("", "none", "exactly") else qualifier + " "
            unit = _text(row.get("unit"))
            number = _text(row.get("value")) + ("%" if unit == "percent" else f" {unit}")
            return f"{qualifier}{number}: {_text(row.get('description'))}"
        if table == "events":
            return _text(row.get("description")) or fact.key
        if table == "claims":
            return f"{self._name(row.get('speaker'))}: {_text(row.get('text'))}"
        if table == "relations":
            return (
                f"{self._name(row.get('source'))} {_text(row.get('relation'))} "
                f"{self._name(row.get('target'))}"
            )
        if table == "glossary":
            return f"{fact.key}: {_text(row.get('definition'))}"
        return fact.key

    def fields(self, fact: Fact) -> list[tuple[str, str]]:
        """The row's main fields as (label, plain text) pairs, empty ones left out."""
        row, table = fact.row, fact.table
        if table == "actors":
            pairs = [
                ("name", row.get("name")),
                ("kind", row.get("kind")),
                ("role", row.get("role")),
                ("belongs to", self._name(row.get("affiliation"))),
            ]
        elif table == "places":
            pairs = [
                ("name", row.get("name")),
                ("kind", row.get("kind")),
                ("part of", self._name(row.get("part_of"))),
            ]
        elif table == "figures":
            pairs = [
                ("value", row.get("value")),
                ("unit", row.get("unit")),
                ("qualifier", row.get("qualifier")),
                ("subject", self._name(row.get("subject"))),
                ("description", row.get("description")),
            ]
        elif table == "events":
            when = _text(row.get("when"))
            if when and "when_basis" in row:
                frame = pd.DataFrame({"when": [when], "when_basis": [_text(row["when_basis"])]})
                when = str(marked_when(frame).iloc[0])
            pairs = [
                ("what", row.get("description")),
                ("when", when),
                ("the article's words for when", row.get("when_text")),
                ("modality", row.get("modality")),
                ("who", self._names_of(row.get("actors"))),
                ("where", self._name(row.get("place"))),
            ]
        elif table == "claims":
            pairs = [
                ("speaker", self._name(row.get("speaker"))),
                ("claim", row.get("text")),
                ("about", self._names_of(row.get("about"))),
            ]
        elif table == "relations":
            pairs = [
                ("source", self._name(row.get("source"))),
                ("relation", row.get("relation")),
                ("target", self._name(row.get("target"))),
            ]
        elif table == "glossary":
            pairs = [("term", fact.key), ("definition", row.get("definition"))]
        else:  # pragma: no cover - KINDS lists every table
            pairs = []
        return [(label, _text(value)) for label, value in pairs if _text(value)]

    def _tooltip(self, facts: Iterable[Fact]) -> str:
        lines = []
        for fact in facts:
            mark = BASIS_MARKS.get(fact.basis, "")
            basis = f" ({mark + ' ' if mark else ''}{fact.basis})" if fact.basis else ""
            lines.append(f"{fact.kind.name} {fact.key}: {self.headline(fact)}{basis}")
        return "\n".join(lines)

    # -- HTML -----------------------------------------------------------------------

    def _fact_body(self, fact: Fact) -> str:
        """The row as HTML (spans only, so it fits inside a line of text)."""
        parts = [
            f'<span style="display:block"><b>{_e(fact.kind.name)}</b> · '
            f"<code>{_e(fact.key)}</code> · {_e(fact.table)} table</span>"
        ]
        for label, value in self.fields(fact):
            parts.append(f'<span style="display:block"><i>{_e(label)}:</i> {_e(value)}</span>')
        where = f"¶ {fact.paragraph}" if fact.paragraph is not None else "no paragraph"
        quote = f", “{_e(fact.quote)}”" if fact.quote else ""
        parts.append(f'<span style="display:block"><i>from:</i> {_e(where)}{quote}</span>')
        if fact.basis:
            parts.append(f'<span style="display:block"><i>basis:</i> {badge(fact.basis)}</span>')
        if fact.note:
            parts.append(f'<span style="display:block"><i>note:</i> {_e(fact.note)}</span>')
        return "".join(parts)

    def _letters(self, facts: Iterable[Any], hidden: bool = True) -> str:
        """The kind letters (with ◆ or ▲); `hidden` from screen readers, which read the
        link's description instead."""
        aria = ' aria-hidden="true"' if hidden else ""
        tags = []
        for fact in facts:
            kind = fact.kind
            mark = BASIS_MARKS.get(fact.basis, "")
            label = kind.name + (f", {fact.basis}" if mark else "")
            tags.append(
                f'<sup class="nf-tag"{aria} title="{_e(label)}" style="font-size:70%;'
                f"font-weight:bold;padding:0 2px;margin-left:1px;border:1px solid {kind.colour};"
                f'border-radius:3px;background:#ffffff;color:#1a1a1a;line-height:1">'
                f"{_e(kind.letter + mark)}</sup>"
            )
        return "".join(tags)

    def _segment_html(self, number: int, segment: Segment) -> str:
        facts = segment.facts
        tint_kind = min(facts, key=lambda f: len(f.quote)).kind  # the most specific fact
        text = _e(segment.text).replace("\n", "<br>")
        inner = f'<mark style="background:{tint_kind.tint};color:inherit;padding:0">{text}</mark>'
        kinds = []
        for fact in facts:
            if fact.kind not in kinds:
                kinds.append(fact.kind)
        kinds.sort(key=lambda k: list(KINDS).index(k.table))
        depth = {"bottom": 0, "top": 0}
        for kind in kinds:  # one layer per kind: stacked lines, nearest the words first
            pad = 1 + 5 * depth[kind.side]
            depth[kind.side] += 1
            inner = (
                f'<span class="nf-line nf-k-{kind.table}" style="border-{kind.side}:'
                f'{kind.line} {kind.colour};padding-{kind.side}:{pad}px">{inner}</span>'
            )
        first = facts[0]
        card_id = f"{self.prefix}-c{number}"
        card = "".join(
            f'<span class="nf-card-fact" style="display:block">{self._fact_body(f)}</span>'
            for f in facts
        )
        classes = " ".join(f"nf-k-{k.table}" for k in kinds)
        link = (
            f'<a class="nf-hl {classes}" id="{self.prefix}-s{number}" href="#{first.anchor}" '
            f'title="{_e(self._tooltip(facts))}" aria-describedby="{card_id}" '
            f'style="color:inherit;text-decoration:none">{inner}</a>'
        )
        ending = [f for f in facts if f.end == segment.end]
        return (
            f'<span class="nf-seg" style="position:relative">{link}'
            f'<span class="nf-card" id="{card_id}" role="tooltip" style="display:none">'
            f"{card}</span></span>{self._letters(ending)}"
        )

    def _paragraphs_html(self) -> str:
        by_paragraph: dict[int, list[tuple[int, Segment]]] = {}
        for number, segment in enumerate(self.segments):
            by_paragraph.setdefault(segment.paragraph, []).append((number, segment))
        out = []
        for number, kind, text in self._paragraphs:
            pieces, at = [], 0
            for index, segment in by_paragraph.get(number, []):
                pieces.append(_e(text[at : segment.start]).replace("\n", "<br>"))
                pieces.append(self._segment_html(index, segment))
                at = segment.end
            pieces.append(_e(text[at:]).replace("\n", "<br>"))
            style = {
                "title": "font-size:1.35em;font-weight:bold;line-height:1.9",
                "byline": "font-style:italic",
                "caption": "font-style:italic;color:#333333",
            }.get(kind, "")
            label = "" if kind == "body" else f" · {_e(kind)}"
            out.append(
                f'<div class="nf-par nf-par-{_e(kind)}" id="{self.prefix}-p{number}" '
                f'style="margin:0.5em 0;line-height:2.3">'
                f'<span class="nf-pnum" style="display:inline-block;min-width:3.2em;'
                f"font-size:75%;font-weight:normal;font-style:normal;color:#444444;"
                f'font-family:monospace">¶ {number}{label}</span> '
                f'<span style="{style}">{"".join(pieces)}</span></div>'
            )
        return "".join(out)

    def _legend_html(self) -> str:
        items = []
        for table in self.tables:
            kind = KINDS[table]
            sample = (
                f'<span style="border-{kind.side}:{kind.line} {kind.colour};'
                f'padding-{kind.side}:1px"><mark style="background:{kind.tint};color:inherit;'
                f'padding:0 2px">{_e(kind.name)}</mark></span>'
            )
            letter = self._letters([_Legend(kind)], hidden=False)
            items.append(
                f'<li style="margin:0.3em 0">{sample}{letter} '
                f"{_e(kind.meaning)} <span style='color:#444444'>"
                f"({_e(kind.line_words)} the words, letter {_e(kind.letter)})</span></li>"
            )
        items.append(
            f"<li style='margin:0.3em 0'>{_e(BASIS_LABELS['inferred'])}; "
            f"{_e(BASIS_LABELS['context'])} (the mark follows the letter)</li>"
        )
        return (
            '<div class="nf-legend" style="border:1px solid #999999;padding:0.4em 0.8em;'
            'margin:0.5em 0 1em 0;line-height:1.9">'
            "<strong>How to read the marks.</strong> Each highlighted phrase is the quote of a "
            "fact. Point at it to see its facts; press Tab to move from one to the next (or "
            "click one) to show its card; click it to jump to its row in the table of facts "
            "below the article. Where quotes overlap, a phrase carries the lines of every kind "
            "it belongs to."
            f'<ul style="list-style:none;padding-left:0.2em;margin:0.3em 0">{"".join(items)}</ul>'
            "</div>"
        )

    def _table_html(self, level: int) -> str:
        rows = []
        for fact in self.facts:
            number = self._first_segment.get(fact.anchor)
            if number is not None:
                back = f'<a href="#{self.prefix}-s{number}">↑ to the words</a>'
            elif not fact.quote:
                back = "no quote"
            else:
                back = "quote not found in its paragraph"
            where = "" if fact.paragraph is None else str(fact.paragraph)
            fields = "".join(
                f"<span style='display:block'><i>{_e(k)}:</i> {_e(v)}</span>"
                for k, v in self.fields(fact)
            )
            rows.append(
                f'<tr id="{fact.anchor}" class="nf-row nf-k-{fact.table}">'
                f"<td>{_e(where)}</td>"
                f"<td>{_e(fact.kind.name)}{self._letters([fact])}</td>"
                f"<td><code>{_e(fact.key)}</code></td>"
                f"<td>{fields}</td>"
                f"<td>“{_e(fact.quote)}” <span style='font-size:85%'>{back}</span></td>"
                f"<td style='min-width:9em'>{badge(fact.basis) if fact.basis else ''}</td>"
                f"<td>{_e(fact.note)}</td></tr>"
            )
        head = "".join(
            f'<th style="text-align:left">{h}</th>'
            for h in ("¶", "kind", "id", "the fact", "quote", "basis", "note")
        )
        return (
            f"<h{level}>The facts, paragraph by paragraph</h{level}>"
            f"<p>{len(self.facts)} rows from the tables {_e(', '.join(self.tables))}; "
            f"{len(self.facts) - len(self.unplaced)} highlighted in the article.</p>"
            '<table class="nf-facts" style="border-collapse:collapse;font-size:90%">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )

    def credit(self) -> str:
        """The article's credit line (plain text): its title, its author, whose rights."""
        meta = self.book.metadata if isinstance(self.book.metadata, dict) else {}
        sources = [s for s in meta.get("sources", []) if isinstance(s, dict)]
        author = _text(sources[0].get("author")) if sources else ""
        if not author:
            bylines = [t for _, k, t in self._paragraphs if k == "byline"]
            author = bylines[0].strip() if bylines else ""
        title = next((t for _, k, t in self._paragraphs if k == "title"), "") or _text(
            self.book.title
        )
        extra = meta.get("newsfacts", {})
        rights = _text(extra.get("rights")) if isinstance(extra, dict) else ""
        rights = rights or "The article's rights stay with its publisher."
        by = f" by {author}" if author else ""
        return (
            f"The article: “{title}”{by}. {rights} It is shown in full and unchanged; "
            "the highlights and the table of facts are the pack's, not the publisher's."
        )

    def html(self, heading_level: int = 3) -> str:
        """The view as an HTML fragment (a ``<style>`` element and one ``<div>``).

        Parameters
        ----------
        heading_level : int
            The level of the headings inside (3 in a notebook, 2 in `page`).
        """
        level = min(max(int(heading_level), 1), 6)
        p = self.prefix
        return (
            f"<style>{_CSS.replace('.P', '.' + p)}</style>"
            f'<div class="nf-annotated {p}" lang="en" style="background:#ffffff;'
            "color:#1a1a1a;padding:0.5em 1em;max-width:52em;font-size:16px;"
            'font-family:Georgia,serif">'
            f'<p class="nf-credit" style="font-size:85%;color:#333333">{_e(self.credit())}</p>'
            f"{self._legend_html()}"
            f'<div class="nf-article">{self._paragraphs_html()}</div>'
            f'<div style="font-family:sans-serif">{self._table_html(level)}</div>'
            "</div>"
        )

    def _repr_html_(self) -> str:
        return self.html()

    def page(self) -> str:
        """A complete standalone HTML document (UTF-8, ``lang="en"``) of the view."""
        title = f"Annotated article: {self.book.title}"
        return (
            "<!DOCTYPE html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(title)}</title>\n"
            "<style>body{margin:1em auto;max-width:56em;padding:0 1em;"
            "font-family:Georgia,serif;background:#ffffff;color:#1a1a1a}"
            "h1{font-family:sans-serif;font-size:1.5em}</style>\n"
            f"</head>\n<body>\n<main>\n<h1>{_e(title)}</h1>\n"
            f"{self.html(heading_level=2)}\n</main>\n</body>\n</html>\n"
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


def _slug(key: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-") or "row"


# `.P` stands for the view's own class, so that two views (or a
# lesson's own HTML) never share rules. Inline styles give the look without this sheet.
_CSS = """
.P .nf-card{position:absolute;left:0;top:100%;z-index:20;width:24em;max-width:80vw;
 background:#ffffff;color:#1a1a1a;border:2px solid #1a1a1a;border-radius:4px;
 box-shadow:0 3px 10px rgba(0,0,0,0.35);padding:0.4em 0.6em;font:14px/1.45 sans-serif;
 font-style:normal;font-weight:normal;text-align:left;white-space:normal}
.P .nf-card-fact+.nf-card-fact{border-top:1px solid #999999;margin-top:0.4em;padding-top:0.4em}
.P .nf-seg:hover>.nf-card,.P .nf-seg:focus-within>.nf-card{display:block!important}
.P a.nf-hl:focus{outline:3px solid #1a1a1a;outline-offset:2px}
.P a.nf-hl:focus:not(:focus-visible){outline:2px dotted #1a1a1a}
.P a.nf-hl:hover mark{filter:brightness(0.9)}
.P table.nf-facts td,.P table.nf-facts th{border:1px solid #bbbbbb;padding:3px 6px;
 vertical-align:top}
.P tr.nf-row:target{outline:3px solid #1a1a1a;background:#fff7d6}
.P .nf-par:target{outline:2px solid #1a1a1a}
.P,.P *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@media print{.P .nf-seg .nf-card,.P .nf-seg:hover>.nf-card,.P .nf-seg:focus-within>.nf-card{
 display:none!important}.P a.nf-hl{outline:none}
 .P table.nf-facts{page-break-before:always}.P tr.nf-row{page-break-inside:avoid}}
"""


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

    Notes
    -----
    A quote that occurs more than once in its paragraph is highlighted at its first
    occurrence only (the one `newsfacts.Book.cite` marks). Where quotes overlap, the text
    is cut at every quote's start and end, and each piece carries every fact covering it.

    Examples
    --------
    >>> import newsfacts
    >>> view = annotated_article(newsfacts.load())
    >>> view.tables
    ('actors', 'places', 'figures', 'events', 'claims')
    >>> first = view.segments[0]  # the first highlighted words, in the title
    >>> first.paragraph, first.text, [fact.key for fact in first.facts]
    (0, 'Macron hosts Ukraine', ['ukraine'])
    >>> "<script" in view.page()
    False
    """
    return Annotated(book, _resolve_tables(tables))
