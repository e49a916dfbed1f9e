"""The errors newsfacts raises on purpose: one family, each also the built-in it replaces.

- `NewsfactsError`: the base; ``except newsfacts.NewsfactsError`` catches every one.
- `DataError` (a `ValueError`): the pack itself is wrong (a teacher edits a CSV); it lists
  every `Problem` found, each naming the file, line, id and column and how to fix it.
- `UnknownNameError` (a `KeyError`): an id or name the pack does not have, with the
  closest real ones.
- `WrongTypeError` (a `TypeError`): the wrong kind of value, such as a number where an id
  is expected; worded once, by `expect`.
- `WrongValueError` (a `ValueError`): a value of the right kind that cannot be used.

In a lesson, `newsfacts.lesson.start` shows these as plain words, without a traceback; any
other error keeps its traceback, so a bug shows as a bug.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from newsfacts.text import closest, did_you_mean, shorten

__all__ = [
    "NewsfactsError",
    "DataError",
    "UnknownNameError",
    "WrongTypeError",
    "WrongValueError",
    "Problem",
    "describe_value",
    "expect",
    "resolve",
]


class NewsfactsError(Exception):
    """Every error newsfacts raises on purpose; its message is written for the reader."""


class WrongTypeError(NewsfactsError, TypeError):
    """The wrong kind of value was passed (see `expect`)."""


class WrongValueError(NewsfactsError, ValueError):
    """A value of the right kind that cannot be used; the message says what to pass."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a pack.

    Attributes
    ----------
    file : str
        The file the problem is in, as named in the pack (``"actors.csv"``).
    line : int or None
        The line as a spreadsheet shows it: the header is line 1, the first data row
        line 2. None when the problem concerns the whole file.
    id : str or None
        The id (or glossary term) of the row, when there is one.
    column : str or None
        The column the problem is in.
    message : str
        What is wrong.
    fix : str
        How to put it right.

    Examples
    --------
    >>> print(Problem("actors.csv", 4, "macron", "kind",
    ...               "'preson' is not one of person, state.", "Write one of them."))
    actors.csv, line 4, id 'macron', column 'kind': 'preson' is not one of person, state. \
Fix: Write one of them.
    """

    file: str
    line: int | None
    id: str | None
    column: str | None
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = [self.file]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.id:
            where.append(f"id {self.id!r}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        text = ", ".join(where) + ": " + self.message
        return text + (" Fix: " + self.fix if self.fix else "")


class DataError(NewsfactsError, ValueError):
    """A pack that cannot be loaded; lists every problem found, not just the first.

    Examples
    --------
    >>> error = DataError([Problem("places.csv", 3, "paris", "kind",
    ...                            "'town' is not one of city, region.", "Write one of them.")])
    >>> print(error)
    1 problem in the pack:
    places.csv, line 3, id 'paris', column 'kind': 'town' is not one of city, region. \
Fix: Write one of them.
    >>> isinstance(error, ValueError)
    True
    """

    def __init__(self, problems: Iterable[Problem], pack: str | None = None):
        self.problems = list(problems)
        self.pack = pack
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'' if count == 1 else 's'} in the pack"
        head += f" at {self.pack}" if self.pack else ""
        return "\n".join([head + ":", *map(str, self.problems)])

    def __reduce__(self):
        return (type(self), (self.problems, self.pack))


class UnknownNameError(NewsfactsError, KeyError):
    """An id, glossary term or name that is not in the pack, with the closest real ones.

    A `KeyError`, so ``except KeyError`` catches it as it would for a dict, but its
    message reads as plain text.

    Examples
    --------
    >>> print(UnknownNameError("macrn", ["macron", "merz"]))
    There is no id or name 'macrn' in the article's fact tables. Did you mean 'macron', 'merz'?
    """

    def __init__(
        self,
        name: object,
        suggestions: Iterable[str] = (),
        what: str = "id or name",
        hint: str = "",
        where: str = "the article's fact tables",
    ):
        super().__init__(name)
        self.name, self.suggestions, self.what, self.hint = name, list(suggestions), what, hint
        self.where = where

    def __str__(self) -> str:
        name = repr(self.name)
        if len(name) > 80:  # a pasted paragraph: show its start, not all of it
            name = name[:60] + f"… ({len(name)} characters)"
        text = f"There is no {self.what} {name} in {self.where}."
        advice = did_you_mean(self.suggestions) or self.hint
        return f"{text} {advice}" if advice else text

    def __reduce__(self):
        return (type(self), (self.name, self.suggestions, self.what, self.hint, self.where))


def describe_value(value: object, *, advice: bool = True) -> str:
    """Say in plain words what kind of value was passed, for error messages.

    With `advice` (the default), a row or a list is followed by how to pass one id instead.

    Examples
    --------
    >>> describe_value(5), describe_value(None), describe_value(["a"], advice=False)
    ('the number 5', 'None (nothing)', 'a list')
    """
    kind = type(value).__name__
    if value is None:
        return "None (nothing)"
    if isinstance(value, str):
        return f"the text {shorten(value, 40)!r}"
    if isinstance(value, bool) or kind == "bool_":
        return f"the truth value {bool(value)}"
    if isinstance(value, numbers.Real):  # numpy's too: (mask).sum() is an int64
        return f"the number {value.item() if hasattr(value, 'item') else value!r}"
    if kind == "Series":
        return "a row (a pandas Series)" + ("; to pass its id, write row['id']" if advice else "")
    if kind == "DataFrame":
        return "a whole table (a pandas DataFrame)"
    if isinstance(value, list | tuple | set):
        return f"a {kind}" + ("; pass one id at a time" if advice else "")
    if isinstance(value, dict):
        return "a dictionary (pairs in { })"
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _is_texts(value: Any) -> bool:
    if isinstance(value, str):
        return True
    listed = isinstance(value, list | tuple | set) or type(value).__name__ in ("Series", "Index")
    return listed and all(isinstance(item, str) for item in value)


def _as_table(value: Any) -> Any:
    return value.to_frame().T if type(value).__name__ == "Series" else value


#: The kinds of value `expect` knows: (test, conversion to the usual shape).
ACCEPTED: dict[str, tuple[Callable[[Any], bool], Callable[[Any], Any]]] = {
    "text": (lambda value: isinstance(value, str), lambda value: value),
    "texts": (_is_texts, lambda value: [value] if isinstance(value, str) else list(value)),
    "number": (
        lambda value: (
            not isinstance(value, bool)
            and (isinstance(value, int | float) or hasattr(value, "__index__"))
        ),
        lambda value: value,
    ),
    "table": (lambda value: type(value).__name__ in ("DataFrame", "Series"), _as_table),
}


def expect(value: Any, kind: str, *, function: str, what: str, example: str) -> Any:
    """Return `value` in its usual shape, or raise a `WrongTypeError` a student can act on.

    Like scikit-learn's ``validate_params``, the kinds are declared once (`ACCEPTED`): one
    text, one text or a list of texts (returned as a list), a number (not True or False),
    a table (a row is returned as a table of one row).

    Examples
    --------
    >>> expect("person", "texts", function="actor_explorer", what="kinds", example="'person'")
    ['person']
    >>> expect(5, "text", function="fact_filter", what="a table's name in quotes",
    ...        example="'events'")
    Traceback (most recent call last):
    ...
    newsfacts.errors.WrongTypeError: fact_filter() takes a table's name in quotes, such as \
'events'; you passed the number 5.
    """
    accepts, convert = ACCEPTED[kind]
    if not accepts(value):
        raise WrongTypeError(
            f"{function}() takes {what}, such as {example}; you passed {describe_value(value)}."
        )
    return convert(value)


def resolve(
    name: Any,
    choices: Mapping[str, str] | Iterable[str],
    what: str,
    *,
    function: str | None = None,
    hint: str = "",
    fold: bool = True,
    where: str = "the article's fact tables",
) -> str:
    """The id a student means by `name`: the one resolver of ids and names.

    Parameters
    ----------
    name : str
        What the student typed.
    choices : mapping or iterable of str
        The real ids; or a mapping from each text a student may type (an id, a name) to
        its id, ids first.
    what : str
        What kind of thing is looked up, for the message (``"actor"``).
    function : str, optional
        The function the student called: when given, `name` must be text (`expect`).
    hint : str, optional
        What the message says when nothing is close enough to suggest.
    fold : bool, default True
        Also accept `name` in any case, with spaces around it.
    where : str
        Where it was looked for, for the message.

    Raises
    ------
    UnknownNameError
        "There is no <what> <name> ... Did you mean ...?"

    Examples
    --------
    >>> resolve("Macron ", {"macron": "macron", "Emmanuel Macron": "macron"}, "actor")
    'macron'
    >>> resolve("macrn", ["macron", "merz"], "actor")
    Traceback (most recent call last):
    ...
    newsfacts.errors.UnknownNameError: There is no actor 'macrn' in the article's fact \
tables. Did you mean 'macron'?
    """
    lookup = dict(choices) if isinstance(choices, Mapping) else {c: c for c in choices}
    if function is not None:
        example = repr(next(iter(lookup.values()), "an-id"))
        expect(name, "text", function=function, what=f"the {what} in quotes", example=example)
    if isinstance(name, str) and name in lookup:
        return lookup[name]
    if fold:
        folded = str(name).strip().casefold()
        for text, ident in lookup.items():
            if str(text).strip().casefold() == folded:
                return ident
    raise UnknownNameError(name, closest(name, lookup), what=what, hint=hint, where=where)
