"""Fact tables as a student sees them: the basis of each row in words, with a mark.

Rows the article does not say in its own voice stand out: an attributed row says who
claims it, an inferred row carries a diamond, a context row a triangle. The words,
symbols and styles are those of `newsfacts.marks`, never colour alone, so they survive a
black-and-white printout and a colour-blind reader.

Nothing here imports ipywidgets or matplotlib.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from newsfacts.errors import WrongValueError, expect
from newsfacts.marks import MARKS, mark, mark_label
from newsfacts.text import cell_text, closest, did_you_mean, paragraph_words
from newsfacts.views.render import render
from newsfacts.views.sources import source_names

#: The bases of what the article does not state itself: their symbol follows a date
#: (events.when_basis) or a highlight's letter.
MARKED_BASES: tuple[str, ...] = ("worked out", "outside source")


def marked_when(frame: pd.DataFrame) -> pd.Series:
    """The ``when`` column with a mark after each date that the article does not give.

    >>> import newsfacts
    >>> book = newsfacts.load()
    >>> marked_when(book.events).loc[book.events["id"] == "ev-invasion"].item()
    '2022-02'
    """
    words = {b: f" {mark(b).symbol} {mark(b).short}" for b in MARKED_BASES}
    marks = frame["when_basis"].map(words).fillna("")
    return frame["when"].where(frame["when"] == "", frame["when"] + marks)


def basis_label(basis: str) -> str:
    """The words a student sees for a basis (`newsfacts.marks.mark_label`).

    An unknown basis is shown as written.

    >>> basis_label("worked out")
    '◆ worked out: deduced from what the article does say'
    """
    return mark_label(basis) if basis in MARKS else basis


def facts(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """A fact table ready to show: the chosen columns, then ``¶`` and the basis in words.

    Parameters
    ----------
    frame : DataFrame
        Rows of one of the book's tables (``book.figures``, or a filtered part of it).
    columns : list of str, optional
        The columns to keep before the provenance columns; default: all but the
        provenance ones.

    Returns
    -------
    DataFrame
        Indexed by the row's id (or glossary term), with ``¶`` (paragraph), ``quote``,
        ``basis`` (in words, marked) and ``note`` last. The header over the ids names
        the id column (it is the columns' name, so the shown table has no empty header
        cell for a screen reader to stumble on).

    Examples
    --------
    >>> import newsfacts
    >>> book = newsfacts.load()
    >>> int(facts(book.figures, ["value", "unit"]).loc["fig-donetsk-control", "¶"])
    6
    """
    frame = expect(frame, "table", function="facts", what="a table", example=_TABLE_EXAMPLE)
    key = "id" if "id" in frame.columns else "term" if "term" in frame.columns else None
    if key is None:
        key = frame.columns[0] if len(frame.columns) else "id"
        if key not in frame.columns:
            return frame.copy()
    provenance = [c for c in ("paragraph", "quote", "basis", "note") if c != key]
    if columns is None:
        columns = [c for c in frame.columns if c not in provenance and c != key]
    else:
        columns = _column_names(columns, frame)
    columns = [c for c in dict.fromkeys(columns) if c != key and c not in provenance]
    shown = frame[[key, *columns, *[c for c in provenance if c in frame.columns]]].copy()
    if "when" in shown.columns and "when_basis" in frame.columns:
        shown["when"] = marked_when(frame)
    if "basis" in shown.columns:
        shown["basis"] = shown["basis"].map(basis_label)
    for column in shown.columns:  # 75.0 reads as a measurement; the article wrote 75
        values = shown[column]
        if pd.api.types.is_float_dtype(values) and values.dropna().mod(1).eq(0).all():
            shown[column] = values.astype("Int64")
    shown = shown.set_index(key).rename(columns={"paragraph": "¶"})
    # pandas writes a named index as a second header row of empty cells; naming the
    # columns instead puts the key's name in the corner cell, and no header cell is empty.
    shown.index.name = None
    shown.columns.name = key
    return shown


_TABLE_EXAMPLE = "facts(book.figures) or facts(book.actors[book.actors['kind'] == 'person'])"


def _column_names(columns: object, frame: pd.DataFrame) -> list[str]:
    """The columns a student asked for, checked against the table."""
    names = expect(
        columns,
        "texts",
        function="facts",
        what="the columns to show as a list of names in quotes",
        example="['value', 'unit']",
    )
    existing = [str(c) for c in frame.columns]
    for name in names:
        if name not in frame.columns:
            advice = did_you_mean(closest(name, existing))
            raise WrongValueError(
                f"The table has no column {name!r}. "
                + (advice or f"Its columns are {', '.join(existing)}.")
            )
    return names


def html_rows(frame: pd.DataFrame, columns: Iterable[str], empty: str = "Nothing found.") -> str:
    """An escaped HTML table of some columns, with ``¶`` and the basis mark when present."""
    columns = list(columns)
    if "when" in columns and "when_basis" in frame.columns:
        frame = frame.assign(when=marked_when(frame))
    extra = [c for c in ("paragraph", "basis") if c in frame.columns]
    return render(
        "rows.html",
        rows=frame.to_dict("records"),
        columns=columns,
        extra=extra,
        empty=empty,
    )


def table_html(frame: pd.DataFrame) -> str:
    """Any table as a notebook shows it, with a word in the corner header cell.

    pandas leaves the header cell over the row labels empty, which a screen reader
    announces as a blank header. A table with unnamed axes gets the columns' name ``row``
    there (the same trick `facts` uses with the id). The table sits in its own scroll box
    that a keyboard can reach, so a wide table of notes can be read without a mouse.
    `newsfacts.lesson.start` makes this the notebook's display of a DataFrame.

    >>> "<th>row</th>" in table_html(pd.DataFrame({"a": [1]}))
    True
    """
    if frame.columns.name is None and frame.index.name is None and frame.columns.nlevels == 1:
        frame = frame.rename_axis(columns="row")
    # pandas escapes every cell; the box scrolls a wide table and is reachable by keyboard.
    label = f"Table of {len(frame)} rows: scroll sideways to see every column"
    return render("table.html", table=frame._repr_html_() or "", label=label)


def names_by_id(book: Any) -> dict[str, str]:
    """Id -> name for every place and actor of a book (an actor wins a shared id)."""
    names: dict[str, str] = {}
    for table in ("places", "actors"):
        frame = book.tables.get(table)
        if frame is not None and {"id", "name"} <= set(frame.columns):
            names.update(zip(frame["id"].map(cell_text), frame["name"].map(cell_text), strict=True))
    return names


def citation_html(citation: Any) -> str:
    """A citation as a notebook shows it: the paragraph with the quote marked, and its mark."""
    before, found, after = citation.paragraph_text.partition(citation.quote)
    if not (found and citation.quote):
        before, found, after = citation.paragraph_text, "", ""
    return render("citation.html", c=citation, before=before, found=found, after=after)


def evidence_lines(citation: Any) -> list[str]:
    """The evidence of one row as a student reads it, one line each.

    A row the article says gives its paragraph, the quote in quotation marks and its mark.
    A row from an outside source (▲) first names its source, as its note gives it, then
    the paragraph and words it hangs on. When the row's date comes from outside the article
    or is worked out, one more line says so and where the date comes from.

    Examples
    --------
    >>> from newsfacts.book import Citation
    >>> raid = Citation("ev-raid", "events", 14, "the raid", "article says",
    ...                 "Source: Sky News, 3 January 2026.", "", "2026-01-03", "outside source")
    >>> for line in evidence_lines(raid):
    ...     print(line)
    ¶ 14 “the raid” (article says)
    The date, 2026-01-03, comes from an ▲ outside source: Sky News, 3 January 2026.
    """
    where = f"{paragraph_words(citation.paragraph)} " if citation.paragraph is not None else ""
    quoted = f"{where}“{citation.quote}”"
    named = source_names(citation.note) or "the row's note names it"
    outside = mark("outside source").title
    if citation.basis == "outside source":
        lines = [f"{outside}: {named}. About {quoted}"]
    else:
        lines = [f"{quoted} ({mark(citation.basis).title if citation.basis else 'glossary'})"]
    if citation.when and citation.when_basis == "outside source":
        lines.append(f"The date, {citation.when}, comes from an {outside}: {named}.")
    elif citation.when and citation.when_basis == "worked out":
        lines.append(f"The date, {citation.when}, is {mark('worked out').title}: {citation.note}")
    return lines


def feedback_html(ok: bool | None, text: str, citations: Sequence[Any] = (), hint: str = "") -> str:
    """A feedback box as a quiz or `check` shows it (HTML, every text escaped).

    `ok` True shows ✓ (green edge), False ✗ (orange edge), None … (grey: nothing to mark
    yet); `citations` are shown under "Evidence:" (see `evidence_lines`), `hint` after the text.

    >>> "<strong>✗</strong> Not quite. &lt;b&gt;" in feedback_html(False, "Not quite. <b>")
    True
    """
    evidence = [evidence_lines(c) for c in citations]
    return render("feedback.html", ok=ok, text=text, hint=hint, evidence=evidence)
