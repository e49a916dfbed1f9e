"""Reading a book's tables and writing their words: helpers every chart uses."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd


def _table(book: Any, name: str) -> pd.DataFrame:
    table = getattr(book, name, None)
    if table is None:
        return pd.DataFrame()
    return table


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _paragraph(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _rows(table: pd.DataFrame) -> list[dict[str, Any]]:
    return table.to_dict("records") if len(table) else []


def _split_ids(value: Any) -> list[str]:
    return [part.strip() for part in _text(value).split(";") if part.strip()]


@dataclass
class _Thing:
    id: str
    name: str
    kind: str  # the row's own kind
    table: str  # "actors" or "places"
    paragraph: int | None
    basis: str


def _things(book: Any) -> dict[str, _Thing]:
    """Actors and places by id."""
    found: dict[str, _Thing] = {}
    for table in ("actors", "places"):
        for row in _rows(_table(book, table)):
            ident = _text(row.get("id"))
            if ident and ident not in found:
                found[ident] = _Thing(
                    ident,
                    _text(row.get("name")) or ident,
                    _text(row.get("kind")),
                    table,
                    _paragraph(row.get("paragraph")),
                    _text(row.get("basis")),
                )
    return found


def _resolve(asked: Any, choices: dict[str, str], what: str) -> str:
    """Turn an id or a name a student typed into an id, or raise with suggestions.

    `choices` maps id to name.
    """
    if not isinstance(asked, str):
        raise TypeError(f"Give the {what} as text, such as {next(iter(choices), 'an-id')!r}.")
    if asked in choices:
        return asked
    folded = asked.casefold().strip()
    for ident, name in choices.items():
        if folded in (ident.casefold(), name.casefold()):
            return ident
    lookup = {**{name: ident for ident, name in choices.items()}, **{i: i for i in choices}}
    try:
        from newsfacts.suggest import closest

        suggestions = closest(asked, lookup)
    except ImportError:  # pragma: no cover - the rest of the package is missing
        import difflib

        suggestions = difflib.get_close_matches(asked, list(choices), n=3)
    try:
        from newsfacts.errors import UnknownNameError
    except ImportError:  # pragma: no cover
        hint = f" Did you mean {', '.join(map(repr, suggestions))}?" if suggestions else ""
        raise KeyError(f"There is no {what} {asked!r} in this pack.{hint}") from None
    raise UnknownNameError(asked, suggestions, what=what)


def _resolve_many(asked: Any, choices: dict[str, str], what: str) -> list[str]:
    if isinstance(asked, str):
        asked = [asked]
    try:
        asked = list(asked)
    except TypeError:
        example = next(iter(choices), "an-id")
        raise TypeError(
            f"Give the {what} as text, such as {example!r}, or a list of them such as "
            f"[{example!r}]; you passed {asked!r:.40}."
        ) from None
    return [_resolve(item, choices, what) for item in asked]


def _para(paragraph: int | None, short: bool = True) -> str:
    if paragraph is None:
        return ""
    return f"¶{paragraph}" if short else f"paragraph {paragraph}"


def _wrap(text: str, width: int) -> str:
    return textwrap.fill(text, width=width, break_long_words=False, break_on_hyphens=False)


def _and(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
