"""Reading a book's tables for the charts, and turning a student's typed id into a real one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from newsfacts.errors import WrongTypeError, describe_value
from newsfacts.errors import resolve as resolve_id
from newsfacts.text import cell_words, paragraph_key, paragraph_words

#: A cell as a story paragraph's number or a part's name (``"headline"``), or None.
paragraph = paragraph_key


def expect_book(book: Any) -> None:
    """Raise a `WrongTypeError` a student can act on when a chart is given anything but the
    book: passing one table (``timeline_chart(book.events)``) would otherwise draw an empty
    chart that says something false ("no event has a date")."""
    if isinstance(book, pd.DataFrame | pd.Series) or not hasattr(book, "paragraphs"):
        raise WrongTypeError(
            "A chart takes the whole book first, as in plots.timeline_chart(book) or "
            f"plots.figures_chart(book); you passed {describe_value(book)}."
        )


def rows(book: Any, name: str) -> list[dict[str, Any]]:
    """The rows of one table of `book` as dicts; none when the book lacks the table."""
    expect_book(book)
    table = getattr(book, name, None)
    return [] if table is None or not len(table) else table.to_dict("records")


def para(number: int | str | None, short: bool = True) -> str:
    """ "¶9" (short) or "paragraph 9", or the part's name; "" when there is none."""
    return f"¶{number}" if isinstance(number, int) and short else paragraph_words(number, short)


def overlap(box: Any, other: Any) -> float:
    """The area two boxes (x0, y0, x1, y1) share: 0 when they do not overlap."""
    across = min(box[2], other[2]) - max(box[0], other[0])
    down = min(box[3], other[3]) - max(box[1], other[1])
    return max(across, 0) * max(down, 0)


@dataclass
class Thing:
    """An actor or a place, as the charts need it."""

    id: str
    name: str
    kind: str
    table: str  # "actors" or "places"
    paragraph: int | str | None


def things(book: Any) -> dict[str, Thing]:
    """Every actor and place of `book` by id (an id in both tables counts as an actor)."""
    found: dict[str, Thing] = {}
    for table in ("actors", "places"):
        for row in rows(book, table):
            ident = cell_words(row.get("id"))
            if ident and ident not in found:
                name = cell_words(row.get("name")) or ident
                kind, where = cell_words(row.get("kind")), paragraph(row.get("paragraph"))
                found[ident] = Thing(ident, name, kind, table, where)
    return found


def resolve(asked: Any, choices: dict[str, str], what: str, *, function: str) -> str:
    """The id a student means by an id or a name (any case); `choices` maps id to name."""
    lookup = {ident: ident for ident in choices}
    for ident, name in choices.items():
        lookup.setdefault(name, ident)
    return resolve_id(asked, lookup, what, function=function)


def resolve_many(asked: Any, choices: dict[str, str], what: str, *, function: str) -> list[str]:
    """Like `resolve`, for one id or a list of them; repeats are dropped, order kept."""
    if isinstance(asked, str) or not isinstance(asked, Iterable):
        asked = [asked]
    return list(dict.fromkeys(resolve(item, choices, what, function=function) for item in asked))
