"""Two texts side by side: a pack's facts set against the facts of a second pack.

A **comparisons table** links a fact of one pack (the *article*) to a fact of another (the
*other text*, such as the declaration a meeting adopted), says how they relate, and quotes
both. It lives in the second pack, as ``comparisons.csv`` (a resource named
``comparisons`` in its ``datapackage.json``, with a Table Schema), and that
``datapackage.json`` names the pack it compares with::

    "newsfacts": {"compares_with": "../paris-2026"}

The path is relative to the second pack's folder; when nothing is there (an installed copy
keeps the bundled packs side by side, under other folder names), the folder's last name is
looked up among the bundled packs. The columns:

============== ==============================================================================
column         what it holds
============== ==============================================================================
id             short readable id, unique in the file (``cmp-force``)
article_fact   id (or glossary term) of a fact row of the article's pack
source_fact    id of a fact row of this pack; empty when ``relation`` is ``not mentioned``
relation       ``confirms``, ``goes further``, ``says less``, ``differs`` or ``not mentioned``
note           what a careful reader may and may not conclude
article_quote  words copied exactly from the paragraph of ``article_fact``
source_quote   words copied exactly from the paragraph of ``source_fact``; empty for
               ``not mentioned``
============== ==============================================================================

Paragraph numbers are not stored: they come from the fact rows, so they follow any
renumbering of either text. `check_comparisons` checks all this; ``python -m newsfacts
check PACK`` runs it for a pack that has comparisons.

Examples
--------
>>> import newsfacts
>>> from newsfacts.compare import load_pack, read_comparisons
>>> declaration = load_pack("paris-declaration")
>>> rows = read_comparisons(newsfacts.load(), declaration)
>>> rows.loc[rows["id"] == "cmp-ceasefire", "relation"].item()
'confirms'
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import pandas as pd

from newsfacts.errors import Problem, UnknownNameError, WrongTypeError, WrongValueError
from newsfacts.errors import resolve as pick
from newsfacts.load import load
from newsfacts.text import paragraph_key, paragraph_order, paragraph_words
from newsfacts.views.render import macro as _macro
from newsfacts.views.render import render

__all__ = [
    "CHOICES",
    "COLUMNS",
    "RELATIONS",
    "check_comparisons",
    "check_linked",
    "compare",
    "compared_pack",
    "comparison_table",
    "load_pack",
    "pack_folder",
    "read_comparisons",
]

#: The resource (and the default file) that holds a pack's comparisons.
RESOURCE = "comparisons"
#: The ``datapackage.json`` key, under ``newsfacts``, naming the pack compared with.
KEY = "compares_with"
#: The columns of a comparisons table, in order.
COLUMNS = (
    "id",
    "article_fact",
    "source_fact",
    "relation",
    "note",
    "article_quote",
    "source_quote",
)

#: Each relation: a symbol (text, not colour, carries it) and what it means, read from the
#: other text's side.
RELATIONS: dict[str, tuple[str, str]] = {
    "confirms": ("=", "says the same"),
    "goes further": ("+", "says more, says it more firmly, or adds conditions"),
    "says less": ("−", "touches on it, but gives less"),
    "differs": ("≠", "says something else"),
    "not mentioned": ("∅", "does not mention it, in the text that was read"),
}

#: The answers a student chooses from, and the relations each stands for. Every relation
#: has one student answer: "says less" counts as "different" (the other text gives
#: something other, and less, than the article expected).
CHOICES: dict[str, tuple[str, ...]] = {
    "agreed as written": ("confirms",),
    "agreed with conditions": ("goes further",),
    "not in it": ("not mentioned",),
    "different": ("differs", "says less"),
}

_FIX_ID = "Copy the id from the fact tables of {pack} (the id column; a glossary term works)."
_FIX_QUOTE = "Copy the words exactly from {where} of {pack}'s article.txt."


# -- finding packs -----------------------------------------------------------------------


def _bundled_folders(name: str) -> list[Path]:
    installed = Path(str(files("newsfacts"))) / "packs" / name
    source = Path(__file__).resolve().parents[2] / "data" / name
    return [installed, source]


def pack_folder(pack: str | os.PathLike[str]) -> Path:
    """The folder of a pack: a path that holds a ``datapackage.json``, else a bundled
    pack's name (``"paris-declaration"``), installed or in the source tree.

    Returns the path as given when neither has it, so that `load` reports it missing.
    """
    path = Path(pack).expanduser()
    if (path / "datapackage.json").is_file() or path.suffix == ".json":
        return path
    if len(path.parts) == 1:
        for folder in _bundled_folders(path.name):
            if (folder / "datapackage.json").is_file():
                return folder
    return path


def load_pack(pack: str | os.PathLike[str]) -> Any:
    """Load a pack by its folder or by a bundled pack's name, from any folder.

    >>> load_pack("paris-declaration").paragraphs.loc[2, "text"].split(",")[0]
    'The members of the Coalition of the Willing'
    """
    return load(pack_folder(pack))


def _declared(book: Any) -> str | None:
    extra = book.metadata.get("newsfacts") if isinstance(book.metadata, dict) else None
    value = extra.get(KEY) if isinstance(extra, dict) else None
    return value if isinstance(value, str) and value.strip() else None


def compared_pack(book: Any) -> Path | None:
    """The folder of the pack `book` compares with (``newsfacts.compares_with``), or None
    when it names none. Relative to `book`'s folder; else a bundled pack of that name."""
    value = _declared(book)
    if value is None:
        return None
    folder = (Path(book.path) / value).resolve()
    if (folder / "datapackage.json").is_file():
        return folder
    for candidate in _bundled_folders(Path(value).name):
        if (candidate / "datapackage.json").is_file():
            return candidate
    return folder


# -- reading -----------------------------------------------------------------------------


def _file_name(book: Any) -> str:
    for resource in book.metadata.get("resources", []):
        if isinstance(resource, dict) and resource.get("name") == RESOURCE:
            return str(resource.get("path", "comparisons.csv"))
    return "comparisons.csv"


def _raw(book: Any) -> pd.DataFrame | None:
    """The comparisons table as written (text cells), or None when the pack has none."""
    table = book.tables.get(RESOURCE)
    if table is None:
        path = Path(book.path) / _file_name(book)
        if not path.is_file():
            return None
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    return table.astype(object).where(table.notna(), "").map(lambda c: str(c).strip())


def _facts(book: Any) -> dict[str, dict[str, Any]]:
    """Every fact row by its id (or glossary term): paragraph, quote, table."""
    found: dict[str, dict[str, Any]] = {}
    for name, table in book.tables.items():
        if name == RESOURCE:
            continue
        key = "id" if "id" in table else "term" if "term" in table else None
        if key is None:
            continue
        for row in table.to_dict("records"):
            found.setdefault(
                str(row[key]),
                {
                    "table": name,
                    "paragraph": paragraph_key(row.get("paragraph")),
                    "quote": str(row.get("quote", "")),
                },
            )
    return found


def _texts(book: Any) -> dict[Any, str]:
    return dict(zip(book.paragraphs["paragraph"], book.paragraphs["text"], strict=True))


def _name(book: Any) -> str:
    return Path(book.path).name


def read_comparisons(book: Any, other: Any) -> pd.DataFrame:
    """The comparisons between two packs, one row each, with both paragraphs.

    Parameters
    ----------
    book : Book
        The article's pack (the first text).
    other : Book
        The pack that holds ``comparisons.csv`` (the second text).

    Returns
    -------
    pandas.DataFrame
        The table's columns (`COLUMNS`) and ``article_paragraph``, ``source_paragraph``:
        the paragraph of each fact row (a story number or a part's name; None when the id
        is not found or the side is empty).

    Raises
    ------
    ValueError
        If `other` holds no comparisons (with a hint when `book` does: the two are swapped).
    """
    rows = _raw(other)
    if rows is None:
        swapped = " They are in the first pack: swap the two." if _raw(book) is not None else ""
        raise WrongValueError(
            f"The pack {_name(other)!r} has no comparisons.csv.{swapped} Pass the article's "
            "pack first, then the pack that holds the comparisons: "
            "compare(book, declaration)."
        )
    for column in COLUMNS:
        if column not in rows:
            rows[column] = ""
    rows = rows[list(COLUMNS)].reset_index(drop=True)
    mine, theirs = _facts(book), _facts(other)
    for side, facts in (("article", mine), ("source", theirs)):
        found = [facts.get(i, {}).get("paragraph") for i in rows[f"{side}_fact"]]
        rows[f"{side}_paragraph"] = pd.Series(found, dtype="object", index=rows.index)
    return rows


# -- checking ----------------------------------------------------------------------------


def check_comparisons(book: Any, other: Any) -> list[Problem]:
    """Check the comparisons `other` holds against the two packs' facts and texts.

    Each problem is one line naming the file, the line (as a spreadsheet shows it), the id,
    the column, and a fix. The checks: the table has every column; ids are present and
    unique; ``relation`` is one of `RELATIONS`; ``article_fact`` is a fact of `book` and
    ``source_fact`` a fact of `other`; each quote is copied exactly from the paragraph of
    its fact (anywhere in the text when the fact is not found, so a wrong id is one
    problem); a ``not mentioned`` row has both source cells empty, every other row both
    filled; and `other`'s ``compares_with``, when given, names `book`.
    """
    rows = _raw(other)
    if rows is None:
        return []
    file = _file_name(other)
    problems: list[Problem] = []
    missing = [column for column in COLUMNS if column not in rows]
    for column in missing:
        problems.append(
            Problem(
                file,
                None,
                None,
                column,
                "this column is missing.",
                f"Add the column; the columns are {', '.join(COLUMNS)}.",
            )
        )
    if missing:
        return problems
    declared = compared_pack(other)
    if declared is not None and declared.resolve() != Path(book.path).resolve():
        problems.append(
            Problem(
                "datapackage.json",
                None,
                None,
                f"newsfacts.{KEY}",
                f"it names {str(_declared(other))!r}, not the pack compared with "
                f"({_name(book)!r}).",
                f"Write the path of {_name(book)!r} from this folder, such as '../{_name(book)}'.",
            )
        )
    sides = (
        ("article", book, _facts(book), _texts(book)),
        ("source", other, _facts(other), _texts(other)),
    )
    seen: set[str] = set()
    for position, row in rows.iterrows():
        line = int(position) + 2
        ident = row["id"] or None

        def problem(column: str, message: str, fix: str, line: int = line, ident=ident) -> None:
            problems.append(Problem(file, line, ident, column, message, fix))

        if not row["id"]:
            problem("id", "the id is empty.", "Write a short id, such as cmp-force.")
        elif row["id"] in seen:
            problem("id", "this id is used twice.", "Give each row its own id.")
        seen.add(row["id"])
        relation = row["relation"]
        if relation not in RELATIONS:
            problem(
                "relation",
                f"{relation!r} is not a relation. " + (_did_you_mean(relation, RELATIONS) or ""),
                f"Write one of: {', '.join(RELATIONS)}.",
            )
        if not row["note"]:
            problem(
                "note",
                "the note is empty.",
                "Say what a careful reader may and may not conclude.",
            )
        for side, pack, facts, texts in sides:
            fact, quote = row[f"{side}_fact"], row[f"{side}_quote"]
            if side == "source" and relation == "not mentioned":
                for column, cell in ((f"{side}_fact", fact), (f"{side}_quote", quote)):
                    if cell:
                        problem(
                            column,
                            "a 'not mentioned' row has nothing on the source's side.",
                            f"Empty {column}, or choose another relation.",
                        )
                continue
            problems.extend(_check_side(file, line, ident, side, pack, facts, texts, fact, quote))
    return problems


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    try:
        pick(word, list(choices), "relation", fold=True)
    except UnknownNameError as error:
        return f"Did you mean {', '.join(repr(s) for s in error.suggestions)}?" * bool(
            error.suggestions
        )
    return "Write it in lower case."


def _check_side(
    file: str,
    line: int,
    ident: str | None,
    side: str,
    pack: Any,
    facts: dict[str, dict[str, Any]],
    texts: dict[Any, str],
    fact: str,
    quote: str,
) -> list[Problem]:
    """The problems of one side (article or source) of one row."""
    name = _name(pack)
    found: list[Problem] = []
    if not fact:
        found.append(
            Problem(
                file,
                line,
                ident,
                f"{side}_fact",
                "the id is empty.",
                _FIX_ID.format(pack=name),
            )
        )
    elif fact not in facts:
        try:
            pick(fact, list(facts), "fact", fold=False)
        except UnknownNameError as error:
            near = error.suggestions
        hint = f" Did you mean {', '.join(repr(s) for s in near)}?" if near else ""
        found.append(
            Problem(
                file,
                line,
                ident,
                f"{side}_fact",
                f"{fact!r} is not an id of the fact tables of {name}.{hint}",
                _FIX_ID.format(pack=name),
            )
        )
    if not quote:
        found.append(
            Problem(
                file,
                line,
                ident,
                f"{side}_quote",
                "the quote is empty.",
                _FIX_QUOTE.format(where="the fact's paragraph", pack=name),
            )
        )
        return found
    key = facts.get(fact, {}).get("paragraph")
    if key in texts:
        if quote in texts[key]:
            return found
        where = paragraph_words(key, short=False)
        elsewhere = [k for k, text in texts.items() if quote in text]
        message = f'"{_short(quote)}" is not in {where} of {name}, the paragraph of {fact}.'
        if elsewhere:
            message += f" It is in {paragraph_words(elsewhere[0], short=False)}."
            fix = f"Quote {where}, or compare with a fact of that paragraph."
        else:
            fix = _FIX_QUOTE.format(where=where, pack=name)
        found.append(Problem(file, line, ident, f"{side}_quote", message, fix))
    elif not any(quote in text for text in texts.values()):
        found.append(
            Problem(
                file,
                line,
                ident,
                f"{side}_quote",
                f'"{_short(quote)}" is not in the text of {name}.',
                _FIX_QUOTE.format(where="the fact's paragraph", pack=name),
            )
        )
    return found


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def check_linked(other: Any) -> tuple[str, list[Problem]] | None:
    """For ``python -m newsfacts check``: check the comparisons a pack holds, if any.

    Returns
    -------
    tuple of (str, list of Problem), or None
        None when the pack has no comparisons; else a one-line summary and the problems
        (a pack compared with that cannot be found or loaded is one problem).
    """
    if _raw(other) is None:
        return None
    declared = compared_pack(other)
    if declared is None:
        return "", [
            Problem(
                "datapackage.json",
                None,
                None,
                f"newsfacts.{KEY}",
                "the pack has comparisons but does not say which pack they compare with.",
                f'Add "{KEY}": "../other-pack" under "newsfacts" (the other pack\'s folder).',
            )
        ]
    try:
        book = load(declared)
    except ValueError as error:  # DataError: the pack compared with is missing or broken
        first = str(error).splitlines()
        return "", [
            Problem(
                "datapackage.json",
                None,
                None,
                f"newsfacts.{KEY}",
                f"the pack it names ({_declared(other)!r}) cannot be loaded: "
                + (first[1] if len(first) > 1 else first[0] if first else ""),
                f"Check that path, and run python -m newsfacts check {declared}.",
            )
        ]
    rows = _raw(other)
    count = 0 if rows is None else len(rows)
    summary = f"comparisons with {_declared(other)}: {count} rows, ids found, quotes exact"
    return summary, check_comparisons(book, other)


# -- showing -----------------------------------------------------------------------------


def _source_name(book: Any) -> str:
    sources = book.metadata.get("sources") or []
    first = sources[0] if sources and isinstance(sources[0], dict) else {}
    return str(first.get("publisher") or book.title)


def _side(book: Any, paragraph: Any, quote: str) -> dict[str, Any]:
    """One side as the templates show it: where, and the paragraph cut around the quote."""
    text = _texts(book).get(paragraph, "") if paragraph is not None else ""
    before, found, after = text.partition(quote) if quote else ("", "", "")
    if not found:
        before, found, after = "", quote, ""
    return {
        "name": _source_name(book),
        "where": paragraph_words(paragraph),
        "before": before,
        "quote": found,
        "after": after,
        "empty": not quote,
    }


def _student_word(relation: str) -> str:
    return next((word for word, kinds in CHOICES.items() if relation in kinds), "")


def _items(book: Any, other: Any, item: Any) -> list[dict[str, Any]]:
    """The comparisons `item` picks (see `compare`), in the article's reading order."""
    rows = read_comparisons(book, other)
    order = [paragraph_order(k) for k in rows["article_paragraph"]]
    rows = rows.iloc[sorted(range(len(rows)), key=lambda n: order[n])]
    if item is not None:
        wanted = [item] if isinstance(item, str | int) else list(item)
        choices = {**{i: i for i in rows["id"]}, **{f: f for f in rows["article_fact"]}}
        keep: list[Any] = []
        for want in wanted:
            if isinstance(want, bool) or not isinstance(want, str | int):
                raise WrongTypeError(
                    "compare() takes item as a comparison's id in quotes, such as "
                    f"item='{rows['id'].iloc[0]}', a paragraph number of the article, or a "
                    f"list of them; you passed {want!r}."
                )
            if isinstance(want, int):
                found = rows.index[rows["article_paragraph"] == want]
                if not len(found):
                    numbers = sorted({k for k in rows["article_paragraph"] if isinstance(k, int)})
                    raise WrongValueError(
                        f"No comparison comes from paragraph {want} of the article; these "
                        f"paragraphs have some: {', '.join(map(str, numbers))}."
                    )
                keep += list(found)
                continue
            found_id = pick(want, choices, "comparison", fold=True)
            keep += [
                n for n, row in rows.iterrows() if found_id in (row["id"], row["article_fact"])
            ]
        rows = rows.loc[list(dict.fromkeys(keep))]
    return [_item(book, other, row) for row in rows.to_dict("records")]


def _item(book: Any, other: Any, row: dict[str, Any]) -> dict[str, Any]:
    symbol, meaning = RELATIONS.get(row["relation"], ("?", ""))
    return {
        "id": row["id"],
        "relation": row["relation"],
        "symbol": symbol,
        "meaning": meaning,
        "student_word": _student_word(row["relation"]),
        "note": row["note"],
        "article": _side(book, row["article_paragraph"], row["article_quote"]),
        "source": _side(other, row["source_paragraph"], row["source_quote"]),
    }


class ComparisonTable:
    """Every comparison of two packs as one HTML table (for a handout or the teacher)."""

    def __init__(self, html: str, rows: int):
        self.html = html
        self.rows = rows

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<comparison table: {self.rows} rows>"


def comparison_table(book: Any, other: Any, item: Any = None):
    """All the comparisons (or those `item` names), one row each: the article's words,
    the other text's words, each with its paragraph, the relation and the note.

    Returns
    -------
    ComparisonTable
        Shows as HTML in a notebook; ``.html`` is the markup.
    """
    items = _items(book, other, item)
    html = render(
        "compare-table.html",
        items=items,
        article=_source_name(book),
        source=_source_name(other),
    )
    return ComparisonTable(html, len(items))


def compare(book: Any, other: Any, item: Any = None):
    """The comparison activity: choose how the other text treats each item, then see both
    texts side by side.

    For each item (one row of the comparisons table), the student first chooses an answer
    in a labelled drop-down; then the panel shows the article's words in their paragraph
    and the other text's words in theirs, the relation from the data, and the note: what a
    careful reader may and may not conclude. The student's answers stand for the data's
    relations like this (`CHOICES`):

    - "agreed as written": ``confirms``;
    - "agreed with conditions": ``goes further`` (more, more firmly, or with conditions);
    - "not in it": ``not mentioned`` (in the text that was read);
    - "different": ``differs`` and ``says less``.

    Parameters
    ----------
    book : Book
        The article's pack.
    other : Book
        The pack holding the comparisons (such as ``load_pack("paris-declaration")``).
    item : str, int, or a list of them, optional
        Which comparisons: a comparison's id, the id of the article's fact, or a
        paragraph number of the article (``item=[11, 12, 13]``: every comparison of those
        paragraphs). Default: all, in the article's reading order.

    Returns
    -------
    Comparison
        An ipywidgets ``VBox``: ``.picker`` (the item, when there are several),
        ``.control`` (the answer), ``.panel`` (HTML).
    """
    return _comparison_class()(_items(book, other, item), _source_name(other))


_WAITING = "choose…"


def _piece(name: str) -> Any:
    """A macro of ``compare.html``."""
    return _macro("compare.html", name)


@cache
def _comparison_class() -> type:
    """The activity's widget class (made on first use: ipywidgets loads only then)."""
    import ipywidgets as widgets

    label = {"description_width": "initial"}  # as newsfacts.widgets.LABEL_STYLE

    class Comparison(widgets.VBox):
        """Pick an item, choose an answer, then see the two texts side by side."""

        def __init__(self, items: list[dict[str, Any]], source: str):
            self.items = items
            self.source = source
            self.answers: dict[int, str] = {}
            self.picker = widgets.Dropdown(
                options=[
                    (f"{n}. {i['article']['where']}: {_short(i['article']['quote'], 50)}", n - 1)
                    for n, i in enumerate(items, start=1)
                ],
                value=0 if items else None,
                description="Item",
                style=label,
                layout={"width": "max-content", "max_width": "100%"},
            )
            self.prompt = widgets.HTML()
            self.control = widgets.Dropdown(
                options=[(_WAITING, "")] + [(word, word) for word in CHOICES],
                value="",
                description="Your answer",
                style=label,
            )
            self.panel = widgets.HTML(
                layout={"border": "1px solid #999999", "padding": "4px 10px", "width": "100%"}
            )
            self.picker.observe(self._pick, names="value")
            self.control.observe(self._answer, names="value")
            shown = [self.picker] if len(items) > 1 else []
            super().__init__([*shown, self.prompt, self.control, self.panel])
            # Names for pages and tests to find the parts by (the browser test does).
            self.add_class("newsfacts-compare-activity")
            self.picker.add_class("newsfacts-compare-item")
            self.control.add_class("newsfacts-compare-answer")
            self._show()

        @property
        def current(self) -> dict[str, Any]:
            return self.items[self.picker.value]

        def _pick(self, _change: Any = None) -> None:
            self.control.value = self.answers.get(self.picker.value, "")
            self._show()

        def _answer(self, _change: Any = None) -> None:
            if self.control.value:
                self.answers[self.picker.value] = self.control.value
            else:
                self.answers.pop(self.picker.value, None)
            self._show()

        def _show(self) -> None:
            if not self.items:
                self.prompt.value = ""
                self.panel.value = str(_piece("empty")())
                return
            choice = self.control.value
            item = self.current
            self.prompt.value = str(
                _piece("question")(item, self.picker.value + 1, len(self.items))
            )
            self.panel.value = str(
                _piece("answer")(
                    item,
                    choice,
                    bool(choice) and item["relation"] in CHOICES.get(choice, ()),
                    len(self.answers),
                    len(self.items),
                )
            )

    return Comparison
