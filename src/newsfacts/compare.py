"""Two texts side by side: a pack's facts set against the facts of a second pack.

A **comparisons table** (``comparisons.csv`` in the second pack, a resource named
``comparisons`` in its ``datapackage.json``; its `COLUMNS` are described in
``data/paris-declaration/COMPARISONS.md``) links a fact of one pack (the *article*) to a
fact of another (the *other text*, such as the declaration a meeting adopted), says how
they relate (`RELATIONS`), and quotes both. The second pack names the first in its
``datapackage.json``: ``"newsfacts": {"compares_with": "../paris-2026"}``. Paragraph numbers
come from the fact rows, so they follow any renumbering of either text."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd

from newsfacts.book import Book
from newsfacts.errors import DataError, Problem, WrongTypeError, WrongValueError
from newsfacts.errors import resolve as pick
from newsfacts.load import load
from newsfacts.pack.read import Table, read_table
from newsfacts.pack.spec import DESCRIPTOR, resources
from newsfacts.resources import bundled
from newsfacts.text import near, paragraph_key, paragraph_order, paragraph_words, shorten
from newsfacts.views.render import LABEL_STYLE, macro, render

#: The resource that holds a pack's comparisons.
RESOURCE = "comparisons"
#: The comparisons' file in a pack that does not declare the resource.
DEFAULT_FILE = "comparisons.csv"
#: The ``datapackage.json`` key, under ``newsfacts``, naming the pack compared with.
KEY = "compares_with"
#: Where a problem with ``compares_with`` is: file, line, id, column.
_DESCRIPTOR = ("datapackage.json", None, None, f"newsfacts.{KEY}")
COLUMNS = ("id", "article_fact", "source_fact", "relation", "note", "article_quote", "source_quote")

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
    "says the same": ("confirms",),
    "says more": ("goes further",),
    "not in it": ("not mentioned",),
    "different": ("differs", "says less"),
}


def _bundled(name: str) -> Path | None:
    folder = bundled(f"packs/{name}", f"data/{name}")
    return folder if (folder / DESCRIPTOR).is_file() else None


def pack_folder(pack: str | os.PathLike[str]) -> Path:
    """A pack's folder, or a bundled pack's by its name (``"paris-declaration"``); the path
    as given when neither holds a pack, so that `load` reports it missing."""
    path = Path(pack).expanduser()
    if (path / DESCRIPTOR).is_file() or len(path.parts) != 1:
        return path
    return _bundled(path.name) or path


def load_pack(pack: str | os.PathLike[str]) -> Book:
    """Load a pack by its folder or by a bundled pack's name, from any folder."""
    return load(pack_folder(pack))


def _declared(book: Book) -> str | None:
    extra = book.metadata.get("newsfacts") if isinstance(book.metadata, dict) else None
    value = extra.get(KEY) if isinstance(extra, dict) else None
    return value if isinstance(value, str) and value.strip() else None


def compared_pack(book: Book) -> Path | None:
    """The folder of the pack `book` compares with (``newsfacts.compares_with``), or None
    when it names none. Relative to `book`'s folder; else a bundled pack of that name."""
    value = _declared(book)
    if value is None:
        return None
    folder = (Path(book.path) / value).resolve()
    return folder if (folder / DESCRIPTOR).is_file() else _bundled(Path(value).name) or folder


def _resource(book: Book) -> dict[str, Any] | None:
    """The comparisons' resource in `book`'s ``datapackage.json``; for a pack that declares
    none but holds ``comparisons.csv``, that file with the `COLUMNS`; None when neither."""
    found = [r for r in resources(book.metadata) if r["name"] == RESOURCE]
    if not found and not (Path(book.path) / DEFAULT_FILE).is_file():
        return None
    fields = [{"name": column, "type": "string"} for column in COLUMNS]
    resource = found[0] if found else {"name": RESOURCE, "path": DEFAULT_FILE}
    schema = resource.get("schema", {"fields": fields})
    # A row is named by its id in every problem, whatever key the schema declares.
    return {**resource, "schema": {**schema, "primaryKey": ["id"]}}


def _read(book: Book) -> tuple[Table | None, list[Problem]] | None:
    """The comparisons `book` holds, read by the pack reader (lines as a spreadsheet shows them),
    and what keeps the file or a row from being checked (such as a row with too many cells);
    None when the pack has none. The header is checked against `COLUMNS` only."""
    resource = _resource(book)
    if resource is None:
        return None
    table, problems = read_table(Path(book.path), resource)
    if table is not None:
        problems = [problem for problem in problems if problem.line != table.header_line]
    return table, problems


def _rows(table: Table) -> list[dict[str, str]]:
    """Each row's `COLUMNS` (a cell the row lacks is empty)."""
    return [
        {column: table.value(row, column) for column in COLUMNS} for row in range(len(table.rows))
    ]


def _facts(book: Book) -> dict[str, Any]:
    """The paragraph of every fact row, by its id (or glossary term)."""
    found: dict[str, Any] = {}
    for name, table in book.tables.items():
        key = next((key for key in ("id", "term") if key in table), None)
        if name != RESOURCE and key is not None:
            for row in table.to_dict("records"):
                found.setdefault(str(row[key]), paragraph_key(row.get("paragraph")))
    return found


def _texts(book: Book) -> dict[Any, str]:
    return dict(zip(book.paragraphs["paragraph"], book.paragraphs["text"], strict=True))


def read_comparisons(book: Book, other: Book) -> pd.DataFrame:
    """The comparisons `other` holds with `book` (the article's pack): the `COLUMNS`, then
    ``article_paragraph`` and ``source_paragraph``, each fact's paragraph (None if not found)."""
    read = _read(other)
    if read is None:
        swapped = " They are in the first pack: swap the two." if _resource(book) else ""
        raise WrongValueError(
            f"The pack {Path(other.path).name!r} has no comparisons.csv.{swapped} Pass the "
            "article's pack first, then the pack that holds the comparisons: "
            "compare(book, declaration)."
        )
    table, problems = read
    if table is None:
        raise DataError(problems, pack=str(other.path))
    rows = pd.DataFrame(_rows(table), columns=list(COLUMNS), dtype=object)
    for side, pack in (("article", book), ("source", other)):
        facts = _facts(pack)
        found = [facts.get(ident) for ident in rows[f"{side}_fact"]]
        rows[f"{side}_paragraph"] = pd.Series(found, dtype="object", index=rows.index)
    return rows


def check_comparisons(
    book: Book, other: Book, read: tuple[Table | None, list[Problem]] | None = None
) -> list[Problem]:
    """The problems of the comparisons `other` holds with `book`: columns, ids, relations and
    notes; each fact id found and each quote copied exactly from its fact's paragraph (a
    wrong id is one problem); a ``not mentioned`` row's source side empty; ``compares_with``.
    `read`: the comparisons file as already read (``_read(other)``), not read again."""
    read = _read(other) if read is None else read
    if read is None:
        return []
    table, unread = read
    if table is None:
        return unread
    if missing := [column for column in COLUMNS if column not in table.column]:
        fix = f"Add the column; the columns are {', '.join(COLUMNS)}."
        where = (table.file, None, None)
        return [Problem(*where, column, "this column is missing.", fix) for column in missing]
    problems: list[Problem] = []
    declared, name = compared_pack(other), Path(book.path).name
    if declared is not None and declared.resolve() != Path(book.path).resolve():
        message = f"it names {str(_declared(other))!r}, not the pack compared with ({name!r})."
        fix = f"Write the path of {name!r} from this folder, such as '../{name}'."
        problems.append(Problem(*_DESCRIPTOR, message, fix))
    sides = [(s, p, _facts(p), _texts(p)) for s, p in (("article", book), ("source", other))]
    seen: set[str] = set()
    for row, cells in enumerate(_rows(table)):
        if not table.checkable[row]:  # the reader says why (its cells cannot be told apart)
            problems += [problem for problem in unread if problem.line == table.lines[row]]
            continue
        found = list(_row_problems(cells, seen))
        for side in sides:
            found += _side_problems(cells, *side)
        problems += [table.problem(row, *p) for p in found]
    return problems


def _row_problems(row: Any, seen: set[str]) -> Iterator[tuple[str, str, str]]:
    """The (column, message, fix) of what is wrong with a row's id, relation and note."""
    if not row["id"]:
        yield "id", "the id is empty.", "Write a short id, such as cmp-1."
    elif row["id"] in seen:
        yield "id", "this id is used twice.", "Give each row its own id."
    seen.add(row["id"])
    relation = row["relation"]
    if relation not in RELATIONS:
        lower = relation.casefold() in RELATIONS
        advice = "Write it in lower case." if lower else near(relation, list(RELATIONS))
        message = f"{relation!r} is not a relation. {advice}"
        yield "relation", message, f"Write one of: {', '.join(RELATIONS)}."
    if not row["note"]:
        yield "note", "the note is empty.", "Say what a careful reader may and may not conclude."


def _side_problems(
    row: Any, side: str, pack: Any, facts: dict[str, Any], texts: dict[Any, str]
) -> Iterator[tuple[str, str, str]]:
    """The (column, message, fix) of what is wrong with one side (article or source)."""
    fact, quote, name = row[f"{side}_fact"], row[f"{side}_quote"], Path(pack.path).name
    if side == "source" and row["relation"] == "not mentioned":
        message = "a 'not mentioned' row has nothing on the source's side."
        for column in [c for c, cell in (("source_fact", fact), ("source_quote", quote)) if cell]:
            yield column, message, f"Empty {column}, or choose another relation."
        return
    fix_id = f"Copy the id from the fact tables of {name} (the id column; a glossary term works)."
    anywhere = f"Copy the words exactly from the fact's paragraph of {name}'s article.txt."
    if not fact:
        yield f"{side}_fact", "the id is empty.", fix_id
    elif fact not in facts:
        hint = near(fact, list(facts))
        message = f"{fact!r} is not an id of the fact tables of {name}." + f" {hint}" * bool(hint)
        yield f"{side}_fact", message, fix_id
    key, column = facts.get(fact), f"{side}_quote"
    if not quote:
        yield column, "the quote is empty.", anywhere
    elif key in texts and quote not in texts[key]:
        where = paragraph_words(key, short=False)
        message = f'"{shorten(quote)}" is not in {where} of {name}, the paragraph of {fact}.'
        fix = f"Copy the words exactly from {where} of {name}'s article.txt."
        if elsewhere := [k for k, text in texts.items() if quote in text]:
            message += f" It is in {paragraph_words(elsewhere[0], short=False)}."
            fix = f"Quote {where}, or compare with a fact of that paragraph."
        yield column, message, fix
    elif key not in texts and not any(quote in text for text in texts.values()):
        yield column, f'"{shorten(quote)}" is not in the text of {name}.', anywhere


def check_linked(other: Book) -> tuple[str, list[Problem]] | None:
    """For ``python -m newsfacts check``: None when `other` has no comparisons; else a
    one-line summary and the problems (a pack compared with that cannot be found or loaded
    is one problem)."""
    if (read := _read(other)) is None:
        return None
    if (declared := compared_pack(other)) is None:
        message = "the pack has comparisons but does not say which pack they compare with."
        fix = f'Add "{KEY}": "../other-pack" under "newsfacts" (the other pack\'s folder).'
        return "", [Problem(*_DESCRIPTOR, message, fix)]
    try:
        book = load(declared)
    except DataError as error:  # the pack compared with is missing or broken
        lines = str(error).splitlines()
        reason = lines[1] if len(lines) > 1 else "".join(lines)
        message = f"the pack it names ({_declared(other)!r}) cannot be loaded: {reason}"
        fix = f"Check that path, and run python -m newsfacts check {declared}."
        return "", [Problem(*_DESCRIPTOR, message, fix)]
    table, _ = read
    rows = len(table.rows) if table is not None else 0
    summary = f"comparisons with {_declared(other)}: {rows} rows, ids found, quotes exact"
    return summary, check_comparisons(book, other, read)


def _source_name(book: Book) -> str:
    sources = book.metadata.get("sources") or []
    first = sources[0] if sources and isinstance(sources[0], dict) else {}
    return str(first.get("publisher") or book.title)


def _item(book: Book, other: Book, row: dict[str, Any]) -> dict[str, Any]:
    """One comparison as the templates show it, each side's paragraph cut around its quote."""
    symbol, meaning = RELATIONS.get(row["relation"], ("?", ""))
    word = next((word for word, kinds in CHOICES.items() if row["relation"] in kinds), "")
    item = {key: row[key] for key in ("id", "relation", "note")}
    item.update(symbol=symbol, meaning=meaning, student_word=word)
    for side, pack in (("article", book), ("source", other)):
        paragraph, quote = row[f"{side}_paragraph"], row[f"{side}_quote"]
        text = _texts(pack).get(paragraph, "") if paragraph is not None else ""
        cut = text.partition(quote) if quote and quote in text else ("", quote, "")
        where, name = paragraph_words(paragraph), _source_name(pack)
        item[side] = dict(name=name, where=where, before=cut[0], quote=cut[1], after=cut[2])
    return item


def _items(book: Book, other: Book, item: Any) -> list[dict[str, Any]]:
    """The comparisons `item` picks (see `compare`), in the article's reading order."""
    rows = read_comparisons(book, other)
    order = [paragraph_order(key) for key in rows["article_paragraph"]]
    rows = rows.iloc[sorted(range(len(rows)), key=order.__getitem__)]
    if item is not None:
        wants = [item] if isinstance(item, str | int) else list(item)
        rows = rows.loc[list(dict.fromkeys(i for want in wants for i in _wanted(rows, want)))]
    return [_item(book, other, row) for row in rows.to_dict("records")]


def _wanted(rows: pd.DataFrame, want: Any) -> list[Any]:
    """The rows one `item` of `compare` names: an id, a fact's id or a paragraph number."""
    if isinstance(want, bool) or not isinstance(want, str | int):
        raise WrongTypeError(
            "compare() takes item as a comparison's id in quotes, such as "
            f"item='{rows['id'].iloc[0]}', a paragraph number of the article, or a "
            f"list of them; you passed {want!r}."
        )
    if isinstance(want, int):
        found = list(rows.index[rows["article_paragraph"] == want])
        if not found:
            numbers = sorted({k for k in rows["article_paragraph"] if isinstance(k, int)})
            raise WrongValueError(
                f"No comparison comes from paragraph {want} of the article; these "
                f"paragraphs have some: {', '.join(map(str, numbers))}."
            )
        return found
    ident = pick(want, {key: key for key in [*rows["id"], *rows["article_fact"]]}, "comparison")
    return list(rows.index[(rows["id"] == ident) | (rows["article_fact"] == ident)])


@dataclass(frozen=True)
class ComparisonTable:
    """Every comparison of two packs as one HTML table (for a handout or the teacher)."""

    html: str
    rows: int

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<comparison table: {self.rows} rows>"


def comparison_table(book: Book, other: Book, item: Any = None) -> ComparisonTable:
    """All the comparisons (or those `item` names, as in `compare`), one row each: the
    article's words, the other text's words, each with its paragraph, the relation and the
    note. Shows as HTML in a notebook; ``.html`` is the markup."""
    items = _items(book, other, item)
    names = {"article": _source_name(book), "source": _source_name(other)}
    return ComparisonTable(render("compare-table.html", items=items, **names), len(items))


def compare(book: Book, other: Book, item: Any = None) -> Comparison:
    """The activity: for each item the student chooses how `other` (the pack holding the
    comparisons) treats what `book` (the article) says, then sees both texts side by side,
    the data's relation and the note. `item`: a comparison's id, an article fact's id, an
    article paragraph's number, or a list of them; default all, in reading order."""
    return Comparison(_items(book, other, item), _source_name(other))


class Comparison(widgets.VBox):
    """The activity: ``.picker`` (the item, shown when there are several), ``.control``
    (the student's answer), ``.prompt`` and ``.panel`` (HTML), ``.items``, ``.answers``."""

    def __init__(self, items: list[dict[str, Any]], source: str):
        self.items, self.source, self.answers = items, source, {}
        self.picker = widgets.Dropdown(
            options=[
                (f"{n}. {i['article']['where']}: {shorten(i['article']['quote'], 50)}", n - 1)
                for n, i in enumerate(items, start=1)
            ],
            description="Item",
            style=LABEL_STYLE,
            layout={"width": "max-content", "max_width": "100%"},
        )
        self.prompt = widgets.HTML()
        answers = [("choose…", ""), *((word, word) for word in CHOICES)]
        self.control = widgets.Dropdown(options=answers, description="Your answer")
        self.control.style = LABEL_STYLE
        self.panel = widgets.HTML(
            layout={"border": "1px solid #999999", "padding": "4px 10px", "width": "100%"}
        )
        self.picker.observe(self._pick, names="value")
        self.control.observe(self._answer, names="value")
        super().__init__([self.picker] * (len(items) > 1) + [self.prompt, self.control, self.panel])
        # Names for pages and tests to find the parts by (the browser test does).
        self.add_class("newsfacts-compare-activity")
        self.picker.add_class("newsfacts-compare-item")
        self.control.add_class("newsfacts-compare-answer")
        self._show()

    def _pick(self, _change: Any = None) -> None:
        self.control.value = self.answers.get(self.picker.value, "")
        self._show()

    def _answer(self, _change: Any = None) -> None:
        self.answers.pop(self.picker.value, None)
        if self.control.value:
            self.answers[self.picker.value] = self.control.value
        self._show()

    def _show(self) -> None:
        if not self.items:
            self.panel.value = str(macro("compare.html", "empty")())
            return
        choice, item, total = self.control.value, self.items[self.picker.value], len(self.items)
        question = macro("compare.html", "question")
        self.prompt.value = str(question(item, self.picker.value + 1, total))
        same = bool(choice) and item["relation"] in CHOICES.get(choice, ())
        answer = macro("compare.html", "answer")
        self.panel.value = str(answer(item, choice, same, len(self.answers), total))
