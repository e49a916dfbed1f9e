"""Argument checks for the mistakes students make, each with the same shape of message.

Where a function can be handed the wrong kind of value by a beginner (a number where an
id is expected, a row where a table is expected), it calls `expect` once instead of
writing its own ``raise TypeError``. Every message then reads the same way::

    actor_explorer() takes an actor's id in quotes, such as value='macron';
    you passed the number 5.

This is the spirit of scikit-learn's ``validate_params`` and of seaborn's "This function
accepts only strings ... You passed a DataFrame": the kinds of value are declared once in
`ACCEPTED`, and a check states only what the student should pass and an example.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from newsfacts.errors import describe_value

__all__ = ["Accepts", "ACCEPTED", "expect"]


@dataclass(frozen=True)
class Accepts:
    """One kind of value a function accepts: a test, and how to turn it into one shape."""

    accepts: Callable[[Any], bool]
    convert: Callable[[Any], Any] = lambda value: value


def _is_texts(value: Any) -> bool:
    if isinstance(value, str):
        return True
    return isinstance(value, list | tuple | set | pd.Series | pd.Index) and all(
        isinstance(item, str) for item in value
    )


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int | float) or hasattr(value, "__index__")


#: The kinds of value `expect` knows, by name.
ACCEPTED: dict[str, Accepts] = {
    "text": Accepts(lambda value: isinstance(value, str)),
    "texts": Accepts(_is_texts, lambda value: [value] if isinstance(value, str) else list(value)),
    "number": Accepts(_is_number),
    "table": Accepts(
        lambda value: isinstance(value, pd.DataFrame | pd.Series),
        lambda value: value.to_frame().T if isinstance(value, pd.Series) else value,
    ),
}


def expect(value: Any, kind: str, *, function: str, what: str, example: str) -> Any:
    """Return `value` in its usual shape, or raise a TypeError a student can act on.

    Parameters
    ----------
    value : object
        What the student passed.
    kind : {"text", "texts", "number", "table"}
        What the function accepts: one text; one text or a list of texts (returned as a
        list); a number (not True or False); a table (a row is returned as a table of one
        row).
    function : str
        The function's name as the student typed it (``"fact_filter"``).
    what : str
        What to pass, in words (``"a table's name in quotes"``).
    example : str
        A call or value that works (``"'events'"``).

    Returns
    -------
    object
        The value, converted to the kind's usual shape.

    Raises
    ------
    TypeError
        Worded as "<function>() takes <what>, such as <example>; you passed <value>."

    Examples
    --------
    >>> expect("person", "texts", function="actor_explorer", what="kinds", example="'person'")
    ['person']
    >>> expect(5, "text", function="fact_filter", what="a table's name in quotes",
    ...        example="'events'")
    Traceback (most recent call last):
    ...
    TypeError: fact_filter() takes a table's name in quotes, such as 'events'; you passed \
the number 5.
    """
    checked = ACCEPTED[kind]
    if not checked.accepts(value):
        raise TypeError(
            f"{function}() takes {what}, such as {example}; you passed {describe_value(value)}."
        )
    return checked.convert(value)
