"""Reading the cells of a pack's tables as text: one meaning for each helper, shared.

Nothing here imports ipywidgets or matplotlib.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["cell_text", "cell_words", "split_ids", "names_by_id"]


def cell_text(value: Any) -> str:
    """A table cell as text: "" for a missing value, 75 for 75.0.

    >>> cell_text(75.0), cell_text(None), cell_text(float("nan")), cell_text("Kyiv")
    ('75', '', '', 'Kyiv')
    """
    if value is None:
        return ""
    if isinstance(value, float):
        if pd.isna(value):
            return ""
        if value.is_integer():
            return str(int(value))
    return str(value)


def cell_words(value: Any) -> str:
    """A cell as text without the spaces around it, for a label, a name or an id.

    >>> cell_words(" Kyiv "), cell_words(None)
    ('Kyiv', '')
    """
    return cell_text(value).strip()


def split_ids(value: Any) -> list[str]:
    """The ids of a cell that lists several, separated by semicolons.

    >>> split_ids("macron; starmer;;")
    ['macron', 'starmer']
    """
    return [part.strip() for part in cell_text(value).split(";") if part.strip()]


def names_by_id(book: Any) -> dict[str, str]:
    """Id -> name for every place and actor of a book (an actor wins a shared id)."""
    names: dict[str, str] = {}
    for table in ("places", "actors"):
        frame = book.tables.get(table)
        if frame is not None and {"id", "name"} <= set(frame.columns):
            names.update(zip(frame["id"].map(cell_text), frame["name"].map(cell_text), strict=True))
    return names
