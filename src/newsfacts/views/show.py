"""Fact tables as a student sees them: each row's basis in words, with its mark."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

import pandas as pd

from newsfacts.book import Book, Citation
from newsfacts.errors import WrongValueError, expect
from newsfacts.marks import MARKS, mark, mark_label
from newsfacts.text import cell_text, near, paragraph_words, plural, quoted
from newsfacts.views.render import render
from newsfacts.views.sources import source_names

#: The bases of what the article does not state itself: their symbol follows a date
#: (events.when_basis) or a highlight's letter.
MARKED_BASES: tuple[str, ...] = ("worked out", "outside source")

_TABLE_EXAMPLE = "facts(book.figures) or facts(book.actors[book.actors['kind'] == 'person'])"


def date_mark(when_basis: Any) -> str:
    """What follows a date the article does not give (`` ◆ deduced from ...``), else ""."""
    m = mark(when_basis)
    return f" {m.symbol} {m.short}" if when_basis in MARKED_BASES else ""


def marked_when(frame: pd.DataFrame) -> pd.Series:
    """The ``when`` column with a mark after each date that the article does not give."""
    when = frame["when"]
    return when.where(when == "", when + frame["when_basis"].map(date_mark))


def basis_label(basis: str) -> str:
    """The words a student sees for a basis (`newsfacts.marks.mark_label`), else as written."""
    return mark_label(basis) if basis in MARKS else basis


def check_columns(
    names: Iterable[Any], columns: Iterable[Any], where: str, purpose: str = ""
) -> None:
    """Raise a WrongValueError naming the closest columns for a name the table lacks."""
    columns = [str(c) for c in columns]
    for name in (name for name in names if name not in columns):
        advice = near(name, columns) or f"Its columns are {', '.join(columns)}."
        raise WrongValueError(f"{where} has no column {name!r}{purpose}. {advice}")


def facts(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """A fact table ready to show: the chosen columns (default: all), then ``¶``, ``quote``,
    ``basis`` (in words, marked) and ``note``, indexed by the row's id (or glossary term),
    whose name goes in the corner cell: no empty header cell for a screen reader."""
    frame = expect(frame, "table", function="facts", what="a table", example=_TABLE_EXAMPLE)
    key = next((c for c in ("id", "term", *frame.columns[:1]) if c in frame.columns), None)
    if key is None:
        return frame.copy()
    provenance = [c for c in ("paragraph", "quote", "basis", "note") if c != key]
    if columns is not None:
        what = "the columns to show as a list of names in quotes"
        columns = expect(columns, "texts", function="facts", what=what, example="['value', 'unit']")
        check_columns(columns, frame.columns, "The table")
    chosen = dict.fromkeys(frame.columns if columns is None else columns)
    columns = [c for c in chosen if c not in (key, *provenance)]
    shown = frame[[key, *columns, *[c for c in provenance if c in frame.columns]]].copy()
    if "when" in shown.columns and "when_basis" in frame.columns:
        shown["when"] = marked_when(frame)
    if "basis" in shown.columns:
        shown["basis"] = shown["basis"].map(basis_label)
    for column in shown.columns:  # 75.0 reads as a measurement; the article wrote 75
        shown[column] = _whole_numbers(shown[column])
    shown = shown.set_index(key).rename(columns={"paragraph": "¶"})
    shown.index.name, shown.columns.name = None, key
    return shown


def _whole_numbers(values: pd.Series) -> pd.Series:
    """A column of decimal numbers with each whole one as an integer (2300, not 2300.0),
    also beside numbers that are not whole (7.8); any other column unchanged."""
    if not pd.api.types.is_float_dtype(values):
        return values
    whole = values.dropna().mod(1).eq(0)
    if whole.all():
        return values.astype("Int64")
    if not whole.any():
        return values
    shown = [int(v) if pd.notna(v) and v % 1 == 0 else v for v in values]
    return pd.Series(shown, index=values.index, dtype=object, name=values.name)


def html_rows(frame: pd.DataFrame, columns: Iterable[str], empty: str = "Nothing found.") -> str:
    """An escaped HTML table of some columns, with ``¶`` and the basis mark when present."""
    columns = list(columns)
    if "when" in columns and "when_basis" in frame.columns:
        frame = frame.assign(when=marked_when(frame))
    extra = [c for c in ("paragraph", "basis") if c in frame.columns]
    rows = frame.to_dict("records")
    return render("rows.html", rows=rows, columns=columns, extra=extra, empty=empty)


def table_html(frame: pd.DataFrame) -> str:
    """A DataFrame as a lesson shows it: ``row`` in the corner cell, in a scroll box."""
    if frame.columns.name is None and frame.index.name is None and frame.columns.nlevels == 1:
        frame = frame.rename_axis(columns="row")
    rows = len(frame)
    return render(
        "table.html", table=frame._repr_html_() or "", rows=rows, label=plural(rows, "row")
    )


def names_by_id(book: Book) -> dict[str, str]:
    """Id -> name for every place and actor of a book (an actor wins a shared id)."""
    names: dict[str, str] = {}
    for table in ("places", "actors"):
        frame = book.tables.get(table)
        if frame is not None and {"id", "name"} <= set(frame.columns):
            names.update(zip(frame["id"].map(cell_text), frame["name"].map(cell_text), strict=True))
    return names


def citation_html(citation: Citation) -> str:
    """A citation as a notebook shows it: the paragraph with the quote marked, and its mark."""
    before, found, after = citation.paragraph_text.partition(citation.quote or "\0")
    return render("citation.html", c=citation, before=before, found=found, after=after)


def evidence_lines(citation: Citation) -> list[str]:
    """The evidence of one row as a student reads it: where and the quote with its mark (an
    outside source first named), and one more line for a date the article does not give."""
    shown = f"{paragraph_words(citation.paragraph)} {quoted(citation.quote)}".lstrip()
    named = source_names(citation.note) or "the row's note names it"
    outside = mark("outside source").title
    if citation.basis == "outside source":
        lines = [f"{outside}: {named}. About {shown}"]
    else:
        lines = [f"{shown} ({mark(citation.basis).title if citation.basis else 'glossary'})"]
    if citation.when and citation.when_basis == "outside source":
        lines.append(f"The date, {citation.when}, comes from an {outside}: {named}.")
    elif citation.when and citation.when_basis == "worked out":
        lines.append(f"The date, {citation.when}, is {mark('worked out').title}: {citation.note}")
    return lines


def feedback_html(
    ok: bool | None, text: str, citations: Sequence[Citation] = (), hint: str = ""
) -> str:
    """A feedback box: ✓, ✗ or … (`ok` None: nothing to mark yet), text, hint and evidence."""
    evidence = [evidence_lines(c) for c in citations]
    return render("feedback.html", ok=ok, text=text, hint=hint, evidence=evidence)


class Note(str):
    """One plain line in a grey box: HTML in a notebook, the line itself elsewhere."""

    __repr__ = str.__str__

    def _repr_html_(self) -> str:
        style = "border-left:4px solid #999999;padding:2px 8px"
        return f'<p class="newsfacts-note" style="{style}">{escape(self)}</p>'
