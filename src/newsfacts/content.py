"""A pack's lesson content: what each lesson asks about the article, read from the pack.

Beside its fact tables, a pack may hold ``lessons.csv``, ``questions.csv``,
``exercises.csv``, ``sorting.csv`` and ``prompts.csv`` (see ``docs/authoring.md``).
`load` checks them and keeps them here, apart from ``book.tables``, so the explorers and
``book.get`` only ever see facts. The quizzes, `check`, the sorting task and the prompts
read them through `lesson_rows`, and show each answer's evidence with `evidence`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from weakref import WeakKeyDictionary

import pandas as pd

from newsfacts.article import paragraph_words
from newsfacts.cells import split_ids
from newsfacts.checks import expect
from newsfacts.errors import UnknownNameError
from newsfacts.marks import mark
from newsfacts.render import render
from newsfacts.schema import CONTENT_TABLES
from newsfacts.sources import source_names
from newsfacts.suggest import closest

__all__ = [
    "attach",
    "content",
    "lesson_id",
    "lesson_rows",
    "evidence",
    "evidence_lines",
    "feedback_html",
]

_CONTENT: WeakKeyDictionary[Any, dict[str, pd.DataFrame]] = WeakKeyDictionary()


def attach(book: Any, frames: dict[str, pd.DataFrame]) -> None:
    """Keep a book's lesson content (`load` calls this)."""
    _CONTENT[book] = dict(frames)


def content(book: Any) -> dict[str, pd.DataFrame]:
    """The lesson-content tables of a book, by name; empty tables for those the pack lacks."""
    try:
        found = _CONTENT.get(book, {})
    except TypeError:  # not a book at all: said by the caller's own check
        found = {}
    return {name: found.get(name, pd.DataFrame()) for name in CONTENT_TABLES}


def lesson_id(lesson: object, *, function: str) -> str:
    """A lesson's id as the pack writes it: ``3``, ``"3"`` and ``"03"`` all give ``"03"``.

    `function` is the name the student typed, for the message when `lesson` is no number.
    """
    if isinstance(lesson, int) and not isinstance(lesson, bool):
        lesson = str(lesson)
    text = expect(
        lesson, "text", function=function, what="the lesson's number", example="'03' or 3"
    ).strip()
    return text.zfill(2) if text.isdigit() else text


def lesson_rows(
    book: Any, table: str, lesson: object, *, function: str | None = None
) -> pd.DataFrame:
    """The rows of one content table for one lesson, in file order.

    `function` names the student's call in the message for an odd `lesson`; by default
    the function named like the table (``questions``, ``prompts``, ``sorting``).

    Raises
    ------
    UnknownNameError
        For a lesson the pack does not describe, with the closest ones.
    ValueError
        When the pack has no lesson content at all (say how to add it).
    """
    wanted = lesson_id(lesson, function=function or table)
    tables = content(book)
    lessons = tables["lessons"]
    if lessons.empty:
        raise ValueError(
            "This pack holds no lesson content (no lessons.csv). docs/authoring.md shows how "
            "to write quiz questions and exercises for it."
        )
    known = list(lessons["id"])
    if wanted not in known:
        raise UnknownNameError(
            lesson,
            closest(wanted, known),
            what="lesson",
            hint=f"The lessons are {', '.join(known)}.",
        )
    rows = tables[table]
    if rows.empty:
        return rows
    return rows[rows["lesson"] == wanted].reset_index(drop=True)


def evidence(book: Any, ids: str) -> list[Any]:
    """The citations (paragraph, quote, basis) of the ``;``-separated ids in a cell."""
    return [book.cite(key) for key in split_ids(ids)]


def evidence_lines(citation: Any) -> list[str]:
    """The evidence of one row as a student reads it, one line each.

    A row the article says gives its paragraph, the quote in quotation marks and its mark.
    A row from outside the article (▲) first names its source, as its note gives it, then
    the paragraph and words it hangs on. When the row's date comes from outside the article
    or is worked out, one more line says so and where the date comes from.

    Examples
    --------
    >>> from newsfacts.citation import Citation
    >>> raid = Citation("ev-raid", "events", 14, "the raid", "article says",
    ...                 "Source: Sky News, 3 January 2026.", "", "2026-01-03", "outside source")
    >>> for line in evidence_lines(raid):
    ...     print(line)
    ¶ 14 “the raid” (article says)
    The date, 2026-01-03, comes from an ▲ outside source: Sky News, 3 January 2026.
    """
    where = f"{paragraph_words(citation.paragraph)} " if citation.paragraph is not None else ""
    quoted = f"{where}“{citation.quote}”"
    if citation.basis == "outside source":
        lines = [f"{mark('outside source').title}: {_named(citation.note)}. About {quoted}"]
    else:
        kind = mark(citation.basis).title if citation.basis else "glossary"
        lines = [f"{quoted} ({kind})"]
    if citation.when and citation.when_basis == "outside source":
        lines.append(
            f"The date, {citation.when}, comes from an {mark('outside source').title}: "
            f"{_named(citation.note)}."
        )
    elif citation.when and citation.when_basis == "worked out":
        lines.append(f"The date, {citation.when}, is {mark('worked out').title}: {citation.note}")
    return lines


def _named(note: str) -> str:
    """The sources a note names ("Sky News, 3 January 2026"), or where to look for them."""
    return source_names(note) or "the row's note names it"


def feedback_html(ok: bool | None, text: str, citations: Sequence[Any] = (), hint: str = "") -> str:
    """A feedback box as a quiz or `check` shows it (HTML, every text escaped).

    Parameters
    ----------
    ok : bool or None
        True shows ✓ (green edge), False ✗ (orange edge), None … (grey: nothing to mark yet).
    text : str
        What the student reads first.
    citations : list of Citation
        The evidence, under the heading "Evidence:", one row an item (see `evidence_lines`).
    hint : str
        A hint, after the text.

    Examples
    --------
    >>> "<strong>✗</strong> Not quite. &lt;b&gt;" in feedback_html(False, "Not quite. <b>")
    True
    """
    evidence = [evidence_lines(c) for c in citations]
    return render("feedback.html", ok=ok, text=text, hint=hint, evidence=evidence)
