"""The explorers the lessons show: pick something, and the panel below changes.

Every explorer is an ipywidgets ``VBox`` with a labelled control (``.control``) and an
``HTML`` panel (``.panel``) that a callback rewrites. Nothing is printed into an
``Output`` widget, so a notebook that shows an explorer re-runs cleanly under nbval.
Every text taken from the pack is HTML-escaped.

Examples
--------
>>> import newsfacts
>>> from newsfacts.views.widgets import actor_explorer
>>> explorer = actor_explorer(newsfacts.load())
>>> explorer.control.value = "kushner"
>>> "son-in-law of" in explorer.panel.value
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
import pandas as pd

from newsfacts.errors import UnknownNameError, WrongValueError, expect, resolve
from newsfacts.text import (
    closest,
    did_you_mean,
    join_and,
    paragraph_key,
    paragraph_words,
    shorten,
    split_ids,
)
from newsfacts.views.render import LABEL_STYLE, render
from newsfacts.views.show import html_rows, names_by_id

__all__ = [
    "ArticleReader",
    "ActorExplorer",
    "FactFilter",
    "GlossaryLookup",
    "article_reader",
    "actor_explorer",
    "fact_filter",
    "glossary_lookup",
]

_PANEL_LAYOUT = {"border": "1px solid #999999", "padding": "4px 10px", "width": "100%"}


def _paragraph_position(book: Any, start: Any) -> int:
    """The row of `book.paragraphs` a student's `start` names: a story number (``9``,
    ``"9"``) or a part's name (``"headline"``); numbers past either end stop there."""
    keys = list(book.paragraphs["paragraph"])
    if start is None:
        return 0
    if isinstance(start, float) and start in (float("inf"), float("-inf")):
        return len(keys) - 1 if start > 0 else 0
    if not isinstance(start, str):
        expect(
            start,
            "number",
            function="article_reader",
            what="a paragraph number",
            example="article_reader(book, start=9)",
        )
    if isinstance(start, float) and start != start:
        raise WrongValueError(
            "article_reader() takes a paragraph number, such as start=9; you passed nan "
            "(not a number)."
        )
    key = paragraph_key(start)
    if key in keys:
        return keys.index(key)
    numbers = [k for k in keys if isinstance(k, int)]
    if isinstance(key, int) and numbers:
        return len(keys) - 1 if key > max(numbers) else 0  # past either end: stop there
    names = ", ".join(str(k) for k in keys if isinstance(k, str))
    raise WrongValueError(
        f"article_reader() takes a story paragraph's number (1 to {max(numbers, default=0)}), "
        f"such as start=9, or one of: {names}. You passed {start!r}."
    )


class ArticleReader(widgets.VBox):
    """Page through the article one part at a time: headline, byline, captions, then the
    story's paragraphs from ¶ 1.

    A drop-down labelled "Paragraph" (a real ``<select>`` with a ``<label>``, so a screen
    reader names it) and the Previous and Next buttons pick the part; the panel shows its
    name or number and its text exactly as published.
    """

    def __init__(self, book: Any, start: Any = None):
        self.book = book
        keys = list(book.paragraphs["paragraph"])
        self.control = widgets.Dropdown(
            options=[(paragraph_words(k), n) for n, k in enumerate(keys)],
            value=_paragraph_position(book, start),
            description="Paragraph",
            description_allow_html=False,
            style=LABEL_STYLE,
            layout={"width": "14em"},
        )
        self.previous = widgets.Button(description="◀ Previous", tooltip="Previous paragraph")
        self.next = widgets.Button(description="Next ▶", tooltip="Next paragraph")
        self.panel = widgets.HTML(layout=_PANEL_LAYOUT)
        self.previous.on_click(lambda _: self._step(-1))
        self.next.on_click(lambda _: self._step(1))
        self.control.observe(self._show, names="value")
        super().__init__([widgets.HBox([self.previous, self.control, self.next]), self.panel])
        self._show()

    def _step(self, delta: int) -> None:
        last = len(self.control.options) - 1
        self.control.value = min(max(self.control.value + delta, 0), last)

    def _show(self, _change: Any = None) -> None:
        row = self.book.paragraphs.iloc[self.control.value].to_dict()
        row["where"] = paragraph_words(row["paragraph"])
        numbers = [k for k in self.book.paragraphs["paragraph"] if isinstance(k, int)]
        self.panel.value = render("reader.html", row=row, last=max(numbers, default=0))


class ActorExplorer(widgets.VBox):
    """Pick an actor: see their role, affiliation, what they said, their relations, and
    the paragraphs that mention them, each with its paragraph number and basis."""

    def __init__(self, book: Any, kinds: Sequence[str] | None = None, value: str | None = None):
        self.book = book
        self.names = names_by_id(book)
        actors = book.actors
        if kinds is not None:
            wanted = expect(
                kinds,
                "texts",
                function="actor_explorer",
                what="kinds in quotes, or a list of them",
                example="kinds=['person', 'state']",
            )
            actors = actors[actors["kind"].isin(wanted)]
            if actors.empty and wanted and wanted[0] in set(book.actors["id"]):
                raise WrongValueError(
                    f"{wanted[0]!r} is an actor's id, not a kind of actor: give it as the value, "
                    f"such as actor_explorer(book, value={wanted[0]!r})."
                )
            if actors.empty:
                known = list(dict.fromkeys(book.actors["kind"]))
                near = did_you_mean(closest(wanted[0], known)) if wanted else ""
                raise WrongValueError(
                    f"No actor has the kind {', '.join(map(repr, wanted)) or '(none given)'}. "
                    f"The kinds are {', '.join(known)}. {near}".strip()
                )
        self.actors = actors
        options = [(f"{row['name']} ({row['kind']})", row["id"]) for _, row in actors.iterrows()]
        self.control = widgets.Dropdown(
            options=options,
            value=options[0][1] if value is None else self._actor_id(value),
            description="Actor",
            style=LABEL_STYLE,
        )
        self.panel = widgets.HTML(layout=_PANEL_LAYOUT)
        self.control.observe(self._show, names="value")
        super().__init__([self.control, self.panel])
        self._show()

    def _actor_id(self, asked: Any) -> str:
        """The id of a shown actor from an id or a name (capitals and spaces do not matter)."""
        ids = list(self.actors["id"])
        choices = {ident: ident for ident in ids}
        for ident, name in zip(ids, self.actors["name"], strict=True):
            choices.setdefault(str(name), ident)
        try:
            return resolve(asked, choices, "actor", function="actor_explorer")
        except UnknownNameError:
            self._not_shown(asked)
            raise

    def _not_shown(self, asked: str) -> None:
        """A ValueError when `asked` is an actor of the book of a kind this explorer hides."""
        folded = asked.strip().casefold()
        everyone = self.book.actors
        hidden = everyone[
            (everyone["id"].str.casefold() == folded) | (everyone["name"].str.casefold() == folded)
        ]
        if not hidden.empty:
            row = hidden.iloc[0]
            raise WrongValueError(
                f"{row['name']} is a {row['kind']}, and this explorer shows only "
                f"{', '.join(dict.fromkeys(self.actors['kind']))}. Add {row['kind']!r} to kinds, "
                "or pick another actor."
            ) from None

    def _show(self, _change: Any = None) -> None:
        self.panel.value = self.describe(self.control.value)

    def describe(self, ident: str) -> str:
        """The panel's HTML for one actor (an id or a name)."""
        book = self.book
        ident = self._actor_id(ident)
        relations = book.relations
        return render(
            "actor.html",
            actor=book.actors.set_index("id").loc[ident].to_dict() | {"id": ident},
            names=self.names,
            said=html_rows(
                book.claims[book.claims["speaker"] == ident],
                ["text", "quote"],
                empty="The article reports no words of theirs.",
            ),
            relations=relations[
                (relations["source"] == ident) | (relations["target"] == ident)
            ].to_dict("records"),
            paragraphs=self.mentioning(ident),
        )

    def mentioning(self, ident: str) -> list[str]:
        """The parts of the article (``"¶ 6"``, ``"headline"``) that name the actor or
        anchor a fact about them."""
        return [paragraph_words(k) for k in self.book.mentions(ident)["paragraph"]]


class FactFilter(widgets.VBox):
    """Pick a value of one column (say, modality): the table below keeps the matching rows.

    The first choice, "all", shows every row. Each row shows its paragraph number and its
    basis, marked.
    """

    def __init__(
        self,
        book: Any,
        table: str,
        column: str,
        show: Sequence[str] | None = None,
        label: str | None = None,
        value: str | None = None,
    ):
        self.book = book
        self.frame: pd.DataFrame = _named_table(book, table)
        columns = [str(c) for c in self.frame.columns]
        expect(
            column,
            "text",
            function="fact_filter",
            what="a column's name in quotes",
            example=repr(columns[0]),
        )
        self.column = _known_column(table, columns, column)
        if show is None:
            self.show = [c for c in self.frame.columns[:4]]
        else:
            self.show = expect(
                show,
                "texts",
                function="fact_filter",
                what="the columns to show in quotes, or a list of them",
                example="show=['id', 'description']",
            )
            for name in self.show:
                _known_column(table, columns, name, " to show")
        values = [v for v in dict.fromkeys(self.frame[column]) if v != ""]
        multi = self.frame[column].astype(str).str.contains(";").any()
        if multi:
            values = list(dict.fromkeys(v for cell in self.frame[column] for v in split_ids(cell)))
        self.multi = bool(multi)
        options = [("all", "")] + [(str(v), v) for v in values]
        self.control = widgets.Dropdown(
            options=options,
            value=_choice(value, values, column),
            description=str(label) if label else column.replace("_", " ").capitalize(),
            style=LABEL_STYLE,
        )
        self.panel = widgets.HTML(layout=_PANEL_LAYOUT)
        self.control.observe(self._show, names="value")
        super().__init__([self.control, self.panel])
        self._show()

    def rows(self) -> pd.DataFrame:
        """The rows the current choice keeps."""
        value = self.control.value
        if value == "":
            return self.frame
        if self.multi:
            return self.frame[self.frame[self.column].map(lambda v: value in split_ids(v))]
        return self.frame[self.frame[self.column] == value]

    def _show(self, _change: Any = None) -> None:
        rows = self.rows()
        count = render("count.html", shown=len(rows), total=len(self.frame))
        self.panel.value = count + html_rows(rows, self.show)


def _named_table(book: Any, table: Any) -> pd.DataFrame:
    """One of the book's tables (or its paragraphs) by name, or a friendly error."""
    names = [*book.tables, "paragraphs"]
    table = resolve(
        table, names, "table", function="fact_filter", hint=f"The tables are {join_and(names)}."
    )
    return book.paragraphs if table == "paragraphs" else book.tables[table]


def _known_column(table: str, columns: list[str], name: str, purpose: str = "") -> str:
    """`name` if the table has that column, else a ValueError naming the closest ones."""
    if name in columns:
        return name
    advice = did_you_mean(closest(name, columns)) or f"Its columns are {', '.join(columns)}."
    raise WrongValueError(f"book.{table} has no column {name!r}{purpose}. {advice}")


def _choice(value: Any, values: list[Any], column: str) -> Any:
    """The drop-down's first choice: `value` if it is one of `values`, "" (all) for None."""
    if value is None or (isinstance(value, str) and value == ""):
        return ""
    try:
        if value in values:
            return value
    except TypeError:  # an unhashable value such as a list
        pass
    texts = [str(v) for v in values]
    if str(value) in texts:
        return values[texts.index(str(value))]
    shown = ", ".join(texts[:12]) + (", ..." if len(texts) > 12 else "")
    near = did_you_mean(closest(str(value), texts)) if isinstance(value, str) else ""
    raise WrongValueError(
        f"{shorten(repr(value))} is not a value of the column {column!r}. "
        f"{near or 'Its values are ' + shown + '.'} Leave value out to show every row."
    )


class GlossaryLookup(widgets.VBox):
    """Type or pick a word from the article: see its plain-language meaning and where the
    article first uses it. A misspelt word gets the closest real ones."""

    def __init__(self, book: Any, value: str = ""):
        value = expect(
            "" if value is None else value,
            "text",
            function="glossary_lookup",
            what="a word in quotes",
            example="glossary_lookup(book, 'ceasefire')",
        )
        self.book = book
        self.terms = book.glossary.set_index("term")
        self.control = widgets.Combobox(
            options=list(self.terms.index),
            value=value,
            placeholder="type a word, e.g. ceasefire",
            description="Look up a word",
            ensure_option=False,
            style=LABEL_STYLE,
        )
        self.panel = widgets.HTML(layout=_PANEL_LAYOUT)
        self.control.observe(self._show, names="value")
        super().__init__([self.control, self.panel])
        self._show()

    def _show(self, _change: Any = None) -> None:
        self.panel.value = self.describe(self.control.value)

    def describe(self, word: str) -> str:
        """The panel's HTML for a typed word."""
        word = str(word).strip()
        if not word:
            return "<p><em>Type a word above, or pick one from the list.</em></p>"
        folded = {t.casefold(): t for t in self.terms.index}
        term = folded.get(word.casefold())
        if term is None:
            near = closest(word, list(self.terms.index))
            advice = did_you_mean(near) or "Try a shorter word, or pick one from the list."
            return render("glossary.html", word=word[:80], advice=advice, term=None)
        return render("glossary.html", term=term, row=self.terms.loc[term].to_dict())


def article_reader(book: Any, start: int = 0) -> ArticleReader:
    """A slider to read the article paragraph by paragraph (see `ArticleReader`)."""
    return ArticleReader(book, start)


def actor_explorer(
    book: Any, kinds: Sequence[str] | None = None, value: str | None = None
) -> ActorExplorer:
    """A drop-down of actors with everything the pack knows about the chosen one."""
    return ActorExplorer(book, kinds, value)


def fact_filter(
    book: Any,
    table: str,
    column: str,
    show: Sequence[str] | None = None,
    label: str | None = None,
    value: str | None = None,
) -> FactFilter:
    """A drop-down over one column of one table, showing the matching rows."""
    return FactFilter(book, table, column, show, label, value)


def glossary_lookup(book: Any, value: str = "") -> GlossaryLookup:
    """A box to look up any hard word of the article."""
    return GlossaryLookup(book, value)
