"""Reading a book's tables for the charts, and turning a student's typed id into a real one."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from newsfacts.article import paragraph_key, paragraph_words
from newsfacts.cells import cell_words
from newsfacts.checks import expect
from newsfacts.errors import describe_value, pick


def expect_book(book: Any) -> None:
    """Raise a TypeError a student can act on when a chart is given anything but the book.

    The likely mistake is passing one table (``timeline_chart(book.events)``), which
    would otherwise draw an empty chart that says something false ("no event has a date").
    """
    if isinstance(book, pd.DataFrame | pd.Series) or not hasattr(book, "paragraphs"):
        raise TypeError(
            "A chart takes the whole book first, as in plots.timeline_chart(book) or "
            f"plots.figures_chart(book); you passed {describe_value(book)}."
        )


def rows(book: Any, name: str) -> list[dict[str, Any]]:
    """The rows of one table of `book` as dicts; none when the book lacks the table."""
    expect_book(book)
    table = getattr(book, name, None)
    if table is None or not len(table):
        return []
    return table.to_dict("records")


def paragraph(value: Any) -> int | str | None:
    """A cell as a story paragraph's number or a part's name (``"headline"``), or None."""
    return paragraph_key(value)


def para(number: int | str | None, short: bool = True) -> str:
    """ "¶9" (short) or "paragraph 9", or the part's name; "" when there is none."""
    if isinstance(number, int) and short:
        return f"¶{number}"
    return paragraph_words(number, short)


def wrap(words: str, width: int) -> str:
    """Words broken into lines of at most `width` characters, never inside a word."""
    return textwrap.fill(words, width=width, break_long_words=False, break_on_hyphens=False)


def overlap(box: Any, other: Any) -> float:
    """The area two boxes (x0, y0, x1, y1) share: 0 when they do not overlap."""
    across = min(box[2], other[2]) - max(box[0], other[0])
    down = min(box[3], other[3]) - max(box[1], other[1])
    return max(across, 0) * max(down, 0)


def join_and(items: Sequence[str]) -> str:
    """ "a, b and c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def plural(count: int, word: str) -> str:
    """ "1 figure", "3 figures"."""
    return f"{count} {word}{'' if count == 1 else 's'}"


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
                found[ident] = Thing(
                    ident, name, cell_words(row.get("kind")), table, paragraph(row.get("paragraph"))
                )
    return found


def resolve(asked: Any, choices: dict[str, str], what: str, *, function: str) -> str:
    """The id a student means by an id or a name (any case); `choices` maps id to name.

    `function` is the chart's name as the student typed it, for the message.

    Raises
    ------
    UnknownNameError
        When nothing matches; the message suggests the closest ids.
    TypeError
        When `asked` is not text; the message shows an example.
    """
    example = repr(next(iter(choices), "an-id"))
    expect(asked, "text", function=function, what=f"the {what} as text in quotes", example=example)
    lookup = {ident: ident for ident in choices}
    for ident, name in choices.items():
        lookup.setdefault(name, ident)
    return pick(asked, lookup, what, fold=True)


def resolve_many(asked: Any, choices: dict[str, str], what: str, *, function: str) -> list[str]:
    """Like `resolve`, for one id or a list of them; repeats are dropped, order kept."""
    if isinstance(asked, str) or not isinstance(asked, Iterable):
        asked = [asked]
    return list(dict.fromkeys(resolve(item, choices, what, function=function) for item in asked))
