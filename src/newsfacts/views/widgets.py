"""The explorers the lessons show: pick something in ``.control``, and ``.panel`` changes.

Each is a ``VBox`` whose ``HTML`` panel a callback rewrites (nothing printed into an
``Output``, so a notebook re-runs cleanly under nbval); every text from the pack is escaped.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
import pandas as pd

from newsfacts.book import Book
from newsfacts.errors import UnknownNameError, WrongValueError, expect, resolve
from newsfacts.text import join_and, near, paragraph_key, paragraph_words, shorten, split_ids
from newsfacts.views.render import LABEL_STYLE, render
from newsfacts.views.show import check_columns, html_rows, names_by_id

_PANEL_LAYOUT = {"border": "1px solid #999999", "padding": "4px 10px", "width": "100%"}


class _Explorer(widgets.VBox):
    """A control (in a row with `row`, if given) over a panel that `describe` rewrites."""

    def _start(self, control: widgets.Widget, *row: widgets.Widget) -> None:
        self.control = control
        self.panel = widgets.HTML(layout=_PANEL_LAYOUT)
        control.observe(self._show, names="value")
        super().__init__([widgets.HBox(list(row)) if row else control, self.panel])
        self._show()

    def _show(self, _change: Any = None) -> None:
        self.panel.value = self.describe(self.control.value)


class ArticleReader(_Explorer):
    """Page through the article (headline, byline, captions, story) with a drop-down labelled
    "Paragraph" and Previous and Next buttons; the panel shows the part as published."""

    def __init__(self, book: Book, start: Any = None):
        self.book = book
        keys = list(book.paragraphs["paragraph"])
        # start: a story number (9, "9") or a part's name ("headline"); past either end stops there
        if start is not None and not isinstance(start, str):
            what, example = "a paragraph number", "article_reader(book, start=9)"
            expect(start, "number", function="article_reader", what=what, example=example)
        key, numbers = paragraph_key(start), [k for k in keys if isinstance(k, int)]
        number = key if isinstance(key, int) else start if start in (math.inf, -math.inf) else None
        if start is None or key in keys:
            position = 0 if start is None else keys.index(key)
        elif number is not None and numbers:
            position = len(keys) - 1 if number > max(numbers) else 0
        else:
            names = ", ".join(str(k) for k in keys if isinstance(k, str))
            raise WrongValueError(
                "article_reader() takes a story paragraph's number "
                f"(1 to {max(numbers, default=0)}), such as start=9, or one of: {names}. "
                f"You passed {start!r}."
            )
        control = widgets.Dropdown(
            options=[(paragraph_words(k), n) for n, k in enumerate(keys)],
            value=position,
            description="Paragraph",
            description_allow_html=False,
            style=LABEL_STYLE,
            layout={"width": "14em"},
        )
        self.previous = widgets.Button(description="◀ Previous", tooltip="Previous paragraph")
        self.next = widgets.Button(description="Next ▶", tooltip="Next paragraph")
        self.previous.on_click(lambda _: self._step(-1))
        self.next.on_click(lambda _: self._step(1))
        self._start(control, self.previous, control, self.next)

    def _step(self, delta: int) -> None:
        self.control.value = min(max(self.control.value + delta, 0), len(self.control.options) - 1)

    def describe(self, position: int) -> str:
        """The panel's HTML for one part of the article (its position)."""
        row = self.book.paragraphs.iloc[position].to_dict()
        row["where"] = paragraph_words(row["paragraph"])
        numbers = [k for k in self.book.paragraphs["paragraph"] if isinstance(k, int)]
        return render("reader.html", row=row, last=max(numbers, default=0))


class ActorExplorer(_Explorer):
    """Pick an actor: their role, affiliation, words, relations and the paragraphs naming them."""

    def __init__(self, book: Book, kinds: Sequence[str] | None = None, value: str | None = None):
        self.book = book
        self.names = names_by_id(book)
        self.actors = book.actors if kinds is None else self._of_kinds(kinds)
        options = [(f"{r['name']} ({r['kind']})", r["id"]) for _, r in self.actors.iterrows()]
        first = options[0][1] if value is None else self._actor_id(value)
        control = widgets.Dropdown(
            options=options, value=first, description="Actor", style=LABEL_STYLE
        )
        self._start(control)

    def _of_kinds(self, kinds: Any) -> pd.DataFrame:
        """The actors of the kinds asked for, or a message naming the kinds there are."""
        what, example = "kinds in quotes, or a list of them", "kinds=['person', 'state']"
        wanted = expect(kinds, "texts", function="actor_explorer", what=what, example=example)
        everyone = self.book.actors
        actors = everyone[everyone["kind"].isin(wanted)]
        if actors.empty and wanted and wanted[0] in set(everyone["id"]):
            raise WrongValueError(
                f"{wanted[0]!r} is an actor's id, not a kind of actor: give it as the value, "
                f"such as actor_explorer(book, value={wanted[0]!r})."
            )
        if actors.empty:
            known = list(dict.fromkeys(everyone["kind"]))
            advice = near(wanted[0], known) if wanted else ""
            raise WrongValueError(
                f"No actor has the kind {', '.join(map(repr, wanted)) or '(none given)'}. "
                f"The kinds are {', '.join(known)}. {advice}".strip()
            )
        return actors

    def _actor_id(self, asked: Any) -> str:
        """The id of a shown actor from an id or a name; a hidden actor's kind is named."""

        def ids_or_names(actors: pd.DataFrame) -> dict[str, str]:  # an id wins over a name
            ids = list(actors["id"])
            return dict(zip(actors["name"].astype(str), ids, strict=True)) | {i: i for i in ids}

        try:
            return resolve(asked, ids_or_names(self.actors), "actor", function="actor_explorer")
        except UnknownNameError:
            with contextlib.suppress(UnknownNameError):
                ident = resolve(asked, ids_or_names(self.book.actors), "actor")
                row = self.book.actors.set_index("id").loc[ident]
                raise WrongValueError(
                    f"{row['name']} is a {row['kind']}, and this explorer shows only "
                    f"{', '.join(dict.fromkeys(self.actors['kind']))}. Add {row['kind']!r} to "
                    "kinds, or pick another actor."
                ) from None
            raise

    def describe(self, ident: str) -> str:
        """The panel's HTML for one actor (an id or a name)."""
        book, ident = self.book, self._actor_id(ident)
        said = book.claims[book.claims["speaker"] == ident]
        related = book.relations[book.relations[["source", "target"]].eq(ident).any(axis=1)]
        return render(
            "actor.html",
            actor=book.actors.set_index("id").loc[ident].to_dict() | {"id": ident},
            names=self.names,
            said=html_rows(
                said, ["text", "quote"], empty="The article reports no words of theirs."
            ),
            relations=related.to_dict("records"),
            paragraphs=self.mentioning(ident),
        )

    def mentioning(self, ident: str) -> list[str]:
        """The parts of the article (``"¶ 6"``, ``"headline"``) naming the actor or citing them."""
        return [paragraph_words(k) for k in self.book.mentions(ident)["paragraph"]]


class FactFilter(_Explorer):
    """Pick a value of one column (or "all"): the table below keeps the matching rows."""

    def __init__(
        self,
        book: Book,
        table: str,
        column: str,
        show: Sequence[str] | None = None,
        label: str | None = None,
        value: str | None = None,
    ):
        self.book = book
        names = [*book.tables, "paragraphs"]
        hint = f"The tables are {join_and(names)}."
        name = resolve(table, names, "table", function="fact_filter", hint=hint)
        self.frame = book.paragraphs if name == "paragraphs" else book.tables[name]
        columns = [str(c) for c in self.frame.columns]
        what = "a column's name in quotes"
        expect(column, "text", function="fact_filter", what=what, example=repr(columns[0]))
        check_columns([column], columns, f"book.{table}")
        self.column = column
        self.show = list(self.frame.columns[:4])
        if show is not None:
            what = "the columns to show in quotes, or a list of them"
            example = "show=['id', 'description']"
            self.show = expect(show, "texts", function="fact_filter", what=what, example=example)
            check_columns(self.show, columns, f"book.{table}", " to show")
        cells = self.frame[column]
        self.multi = bool(cells.astype(str).str.contains(";").any())
        each = (v for cell in cells for v in split_ids(cell)) if self.multi else cells
        values = [v for v in dict.fromkeys(each) if v != ""]
        self._start(
            widgets.Dropdown(
                options=[("all", "")] + [(str(v), v) for v in values],
                value=self._choice(value, values),
                description=str(label) if label else column.replace("_", " ").capitalize(),
                style=LABEL_STYLE,
            )
        )

    def _choice(self, value: Any, values: list[Any]) -> Any:
        """The drop-down's first choice: `value` if it is one of `values`, "" (all) for None."""
        if value is None or (isinstance(value, str) and value == ""):
            return ""
        with contextlib.suppress(TypeError):  # pandas.NA has no truth value
            if value in values:
                return value
        texts = [str(v) for v in values]
        if str(value) in texts:
            return values[texts.index(str(value))]
        shown = ", ".join(texts[:12]) + (", ..." if len(texts) > 12 else "")
        advice = near(str(value), texts) if isinstance(value, str) else ""
        raise WrongValueError(
            f"{shorten(repr(value))} is not a value of the column {self.column!r}. "
            f"{advice or 'Its values are ' + shown + '.'} Leave value out to show every row."
        )

    def rows(self, value: Any = None) -> pd.DataFrame:
        """The rows a choice keeps (by default, the current one)."""
        value = self.control.value if value is None else value
        if value == "":
            return self.frame
        if self.multi:
            return self.frame[self.frame[self.column].map(lambda v: value in split_ids(v))]
        return self.frame[self.frame[self.column] == value]

    def describe(self, value: Any) -> str:
        """The panel's HTML for one choice: how many rows it keeps, then those rows."""
        rows = self.rows(value)
        count = render("count.html", shown=len(rows), total=len(self.frame))
        return count + html_rows(rows, self.show)


class GlossaryLookup(_Explorer):
    """Type or pick a word: its plain-language meaning and first use, or the closest terms."""

    def __init__(self, book: Book, value: str = ""):
        self.book = book
        self.terms = book.glossary.set_index("term")
        first = str(next(iter(self.terms.index), "word"))
        example, what = f"glossary_lookup(book, {first!r})", "a word in quotes"
        value = "" if value is None else value
        value = expect(value, "text", function="glossary_lookup", what=what, example=example)
        control = widgets.Combobox(
            options=list(self.terms.index),
            value=value,
            placeholder=f"type a word, e.g. {first}",
            description="Look up a word",
            ensure_option=False,
            style=LABEL_STYLE,
        )
        self._start(control)

    def describe(self, word: str) -> str:
        word = str(word).strip()
        term = {t.casefold(): t for t in self.terms.index}.get(word.casefold())
        row = {} if term is None else self.terms.loc[term].to_dict()
        advice = near(word, list(self.terms.index)) if word and not row else ""
        return render("glossary.html", word=word[:80], term=term, row=row, advice=advice)


article_reader = ArticleReader
actor_explorer = ActorExplorer
fact_filter = FactFilter
glossary_lookup = GlossaryLookup
