"""A pack's lesson content: what each lesson asks about the article, read from the pack.

Beside its fact tables, a pack may hold ``lessons.csv``, ``questions.csv``,
``exercises.csv``, ``sorting.csv`` and ``prompts.csv`` (see ``docs/authoring.md``).
`load` checks them and keeps them here, apart from ``book.tables``, so the explorers and
``book.get`` only ever see facts. The quizzes, `check`, the sorting task and the prompts
read them through `lesson_rows`, and show each answer's evidence with `evidence`.
"""

from __future__ import annotations

import html
from typing import Any
from weakref import WeakKeyDictionary

import pandas as pd

from newsfacts.errors import UnknownNameError, describe_value
from newsfacts.marks import mark
from newsfacts.schema import CONTENT_TABLES
from newsfacts.suggest import closest

__all__ = ["attach", "content", "lesson_id", "lesson_rows", "evidence", "evidence_html"]

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


def lesson_id(lesson: object) -> str:
    """A lesson's id as the pack writes it: ``3``, ``"3"`` and ``"03"`` all give ``"03"``."""
    if isinstance(lesson, bool) or not isinstance(lesson, str | int):
        raise TypeError(
            f"Give the lesson's number, such as '03' or 3; you passed {describe_value(lesson)}."
        )
    text = str(lesson).strip()
    return text.zfill(2) if text.isdigit() else text


def lesson_rows(book: Any, table: str, lesson: object) -> pd.DataFrame:
    """The rows of one content table for one lesson, in file order.

    Raises
    ------
    UnknownNameError
        For a lesson the pack does not describe, with the closest ones.
    ValueError
        When the pack has no lesson content at all (say how to add it).
    """
    wanted = lesson_id(lesson)
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
            hint=f"The lessons of this pack are {', '.join(known)}.",
        )
    rows = tables[table]
    if rows.empty:
        return rows
    return rows[rows["lesson"] == wanted].reset_index(drop=True)


def evidence(book: Any, ids: str) -> list[Any]:
    """The citations (paragraph, quote, basis) of the ``;``-separated ids in a cell."""
    return [book.cite(key.strip()) for key in str(ids).split(";") if key.strip()]


def evidence_line(citation: Any) -> str:
    """One line of evidence: paragraph, the exact quote and its mark."""
    where = f"¶ {citation.paragraph}" if citation.paragraph is not None else ""
    kind = mark(citation.basis).title if citation.basis else "glossary"
    return f"{where} “{citation.quote}” ({kind})".strip()


def evidence_html(citations: list[Any]) -> str:
    """The evidence as HTML, one quote a line, for a feedback box."""
    if not citations:
        return ""
    lines = "".join(f"<li>{html.escape(evidence_line(c))}</li>" for c in citations)
    return (
        '<div class="newsfacts-evidence"><strong>From the article:</strong>'
        f'<ul style="margin:2px 0 2px 1em">{lines}</ul></div>'
    )
