"""The explorers the lessons show: pick something, and the panel below changes.

Every explorer is an ipywidgets ``VBox`` with a labelled control (``.control``) and an
``HTML`` panel (``.panel``) that a callback rewrites. Nothing is printed into an
``Output`` widget, so a notebook that shows an explorer re-runs cleanly under nbval.
Every text taken from the pack is HTML-escaped.

Examples
--------
>>> import newsfacts
>>> from newsfacts.widgets import actor_explorer
>>> explorer = actor_explorer(newsfacts.load())
>>> explorer.control.value = "kushner"
>>> "son-in-law of" in explorer.panel.value
True
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
import pandas as pd

from newsfacts.show import badge, html_rows
from newsfacts.suggest import closest, did_you_mean

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

_LABEL_STYLE = {"description_width": "initial"}
_PANEL_LAYOUT = {"border": "1px solid #999999", "padding": "4px 10px", "width": "100%"}


def _split(value: str) -> list[str]:
    return [part for part in str(value).split(";") if part]


def _names(book: Any) -> dict[str, str]:
    """Id -> name for every actor and place."""
    names = dict(zip(book.places["id"], book.places["name"], strict=True))
    names.update(zip(book.actors["id"], book.actors["name"], strict=True))
    return names


class ArticleReader(widgets.VBox):
    """Page through the article one numbered paragraph at a time.

    A slider labelled "Paragraph" picks the number; the panel shows the paragraph's kind
    (title, byline, caption, body) and its text exactly as published.
    """

    def __init__(self, book: Any, start: int = 0):
        self.book = book
        last = len(book.paragraphs) - 1
        self.control = widgets.IntSlider(
            value=min(max(int(start), 0), last),
            min=0,
            max=last,
            description="Paragraph",
            continuous_update=False,
            style=_LABEL_STYLE,
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
        self.control.value = min(max(self.control.value + delta, 0), self.control.max)

    def _show(self, _change: Any = None) -> None:
        row = self.book.paragraphs.iloc[self.control.value]
        self.panel.value = (
            f"<p><strong>¶ {int(row['paragraph'])}</strong> · {html.escape(row['kind'])}</p>"
            f"<p>{html.escape(row['text']).replace(chr(10), '<br>')}</p>"
        )


class ActorExplorer(widgets.VBox):
    """Pick an actor: see their role, affiliation, what they said, their relations, and
    the paragraphs that mention them, each with its paragraph number and basis."""

    def __init__(self, book: Any, kinds: Sequence[str] | None = None, value: str | None = None):
        self.book = book
        self.names = _names(book)
        actors = book.actors
        if kinds is not None:
            actors = actors[actors["kind"].isin(list(kinds))]
        options = [(f"{row['name']} ({row['kind']})", row["id"]) for _, row in actors.iterrows()]
        self.control = widgets.Dropdown(
            options=options,
            value=value if value in set(actors["id"]) else options[0][1],
            description="Actor",
            style=_LABEL_STYLE,
        )
        self.panel = widgets.HTML(layout=_PANEL_LAYOUT)
        self.control.observe(self._show, names="value")
        super().__init__([self.control, self.panel])
        self._show()

    def _name(self, ident: str) -> str:
        return html.escape(self.names.get(ident, ident))

    def _show(self, _change: Any = None) -> None:
        self.panel.value = self.describe(self.control.value)

    def describe(self, ident: str) -> str:
        """The panel's HTML for one actor id."""
        book = self.book
        row = book.actors.set_index("id").loc[ident]
        parts = [
            f"<h4>{html.escape(row['name'])}</h4>",
            f"<p><strong>Kind:</strong> {html.escape(row['kind'])}<br>",
            f"<strong>Role in the story:</strong> {html.escape(row['role'] or '—')}<br>",
        ]
        if row["affiliation"]:
            parts.append(f"<strong>Belongs to:</strong> {self._name(row['affiliation'])}<br>")
        parts.append(
            f"<strong>First named:</strong> ¶ {int(row['paragraph'])}, "
            f"“{html.escape(row['quote'])}” {badge(row['basis'])}</p>"
        )
        if row["note"]:
            parts.append(f"<p><em>Note:</em> {html.escape(row['note'])}</p>")

        said = book.claims[book.claims["speaker"] == ident]
        parts.append("<h5>What they said, according to the article</h5>")
        parts.append(
            html_rows(said, ["text", "quote"], empty="The article reports no words of theirs.")
        )

        rel = book.relations[
            (book.relations["source"] == ident) | (book.relations["target"] == ident)
        ]
        parts.append("<h5>How they are related to others</h5>")
        if rel.empty:
            parts.append("<p><em>No relations recorded.</em></p>")
        else:
            items = [
                f"<li>{self._name(r['source'])} — {html.escape(r['relation'])} — "
                f"{self._name(r['target'])} (¶ {int(r['paragraph'])}) {badge(r['basis'])}</li>"
                for _, r in rel.iterrows()
            ]
            parts.append("<ul>" + "".join(items) + "</ul>")

        paragraphs = self.mentioning(ident)
        parts.append("<h5>Paragraphs that mention them</h5>")
        parts.append("<p>" + (", ".join(f"¶ {p}" for p in paragraphs) or "<em>none</em>") + "</p>")
        return "".join(parts)

    def mentioning(self, ident: str) -> list[int]:
        """Paragraph numbers that name the actor or anchor a fact about them."""
        return [int(n) for n in self.book.mentions(ident)["paragraph"]]


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
        self.frame: pd.DataFrame = getattr(book, table)
        if column not in self.frame.columns:
            raise ValueError(
                f"book.{table} has no column {column!r}. "
                + (did_you_mean(closest(column, list(self.frame.columns))) or "")
            )
        self.column = column
        self.show = list(show) if show is not None else [c for c in self.frame.columns[:4]]
        values = [v for v in dict.fromkeys(self.frame[column]) if v != ""]
        multi = self.frame[column].astype(str).str.contains(";").any()
        if multi:
            values = list(dict.fromkeys(v for cell in self.frame[column] for v in _split(cell)))
        self.multi = bool(multi)
        options = [("all", "")] + [(str(v), v) for v in values]
        self.control = widgets.Dropdown(
            options=options,
            value=value if value in values else "",
            description=label or column.replace("_", " ").capitalize(),
            style=_LABEL_STYLE,
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
            return self.frame[self.frame[self.column].map(lambda v: value in _split(v))]
        return self.frame[self.frame[self.column] == value]

    def _show(self, _change: Any = None) -> None:
        rows = self.rows()
        count = f"<p>{len(rows)} of {len(self.frame)} rows</p>"
        self.panel.value = count + html_rows(rows, self.show)


class GlossaryLookup(widgets.VBox):
    """Type or pick a word from the article: see its plain-language meaning and where the
    article first uses it. A misspelt word gets the closest real ones."""

    def __init__(self, book: Any, value: str = ""):
        self.book = book
        self.terms = book.glossary.set_index("term")
        self.control = widgets.Combobox(
            options=list(self.terms.index),
            value=value,
            placeholder="type a word, e.g. ceasefire",
            description="Look up a word",
            ensure_option=False,
            style=_LABEL_STYLE,
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
            return (
                f"<p>“{html.escape(word[:80])}” is not in the glossary. {html.escape(advice)}</p>"
            )
        row = self.terms.loc[term]
        return (
            f"<p><strong>{html.escape(term)}</strong>: {html.escape(row['definition'])}</p>"
            f"<p>First used in ¶ {int(row['paragraph'])}: “{html.escape(row['quote'])}”</p>"
            + (f"<p><em>Note:</em> {html.escape(row['note'])}</p>" if row["note"] else "")
        )


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
