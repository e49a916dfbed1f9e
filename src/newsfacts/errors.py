"""The errors newsfacts raises: one type per kind of mistake.

- `DataError`: the pack itself is wrong (a teacher edits a CSV); it lists every
  `Problem` found, each naming the file, line, id and column and saying how to fix it.
- `UnknownNameError`: a student asked for an id or name the pack does not have.
- Passing the wrong kind of value (a number where an id is expected) raises the built-in
  `TypeError` with a plain message, worded once by `newsfacts.checks.expect`.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from newsfacts.suggest import closest, did_you_mean


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
        if self.fix:
            text += " Fix: " + self.fix
        return text


class DataError(ValueError):
    """A pack that cannot be loaded; lists every problem found, not just the first.

    Parameters
    ----------
    problems : iterable of Problem
        Everything wrong with the pack.
    pack : str, optional
        Where the pack is, for the first line of the message.

    Attributes
    ----------
    problems : list of Problem
        The problems, in the order of the files in the pack, then by line.

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
        super().__init__(self._message())

    def _message(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'' if count == 1 else 's'} in the pack"
        if self.pack:
            head += f" at {self.pack}"
        return "\n".join([head + ":", *(str(problem) for problem in self.problems)])

    def __str__(self) -> str:
        return self._message()

    def __reduce__(self):
        return (type(self), (self.problems, self.pack))


class UnknownNameError(KeyError):
    """An id, glossary term or name that is not in the pack, with the closest real ones.

    A subclass of `KeyError`, so ``except KeyError`` catches it as it would for a dict,
    but its message reads as plain text.

    Parameters
    ----------
    name : object
        What was asked for.
    suggestions : iterable of str, optional
        The closest real ids, best first.
    what : str, default "id or name"
        What kind of thing was asked for, for the message.
    hint : str, optional
        What to say when there are no suggestions.

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
    ):
        super().__init__(name)
        self.name = name
        self.suggestions = list(suggestions)
        self.what = what
        self.hint = hint

    def __str__(self) -> str:
        name = repr(self.name)
        if len(name) > 80:  # a pasted paragraph: show its start, not all of it
            name = name[:60] + f"… ({len(name)} characters)"
        text = f"There is no {self.what} {name} in the article's fact tables."
        advice = did_you_mean(self.suggestions) or self.hint
        return f"{text} {advice}" if advice else text

    def __reduce__(self):
        return (type(self), (self.name, self.suggestions, self.what, self.hint))


def pick(
    name: str,
    choices: Mapping[str, str] | Iterable[str],
    what: str,
    *,
    hint: str = "",
    fold: bool = False,
) -> str:
    """The id a student means by `name`, or an `UnknownNameError` naming the closest ones.

    Check first that `name` is text (`newsfacts.checks.expect`); this only looks it up.

    Parameters
    ----------
    name : str
        What the student typed.
    choices : mapping or iterable of str
        The real ids; or a mapping from each text a student may type (an id, a name) to
        its id.
    what : str
        What kind of thing is looked up, for the message (``"actor"``).
    hint : str, optional
        What the message says when nothing is close enough to suggest.
    fold : bool, default False
        Also accept `name` in any case, with spaces around it.

    Returns
    -------
    str
        The id.

    Raises
    ------
    UnknownNameError
        "There is no <what> <name> ... Did you mean ...?"

    Examples
    --------
    >>> pick("Macron", {"macron": "macron", "Emmanuel Macron": "macron"}, "actor", fold=True)
    'macron'
    >>> pick("macrn", ["macron", "merz"], "actor")
    Traceback (most recent call last):
    ...
    newsfacts.errors.UnknownNameError: There is no actor 'macrn' in the article's fact \
tables. Did you mean 'macron'?
    """
    lookup = dict(choices) if isinstance(choices, Mapping) else {c: c for c in choices}
    if name in lookup:
        return lookup[name]
    if fold:
        folded = str(name).strip().casefold()
        for text, ident in lookup.items():
            if str(text).casefold() == folded:
                return ident
    raise UnknownNameError(name, closest(name, lookup), what=what, hint=hint)


def describe_value(value: object, *, advice: bool = True) -> str:
    """Say in plain words what kind of value was passed, for error messages.

    With `advice` (the default), a row or a list is followed by how to pass one id
    instead; without it, only what the value is.

    Examples
    --------
    >>> describe_value(5)
    'the number 5'
    >>> describe_value(None)
    'None (nothing)'
    >>> describe_value(["a", "b"], advice=False)
    'a list'
    """
    if value is None:
        return "None (nothing)"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:39] + "…"
        return f"the text {shown!r}"
    if isinstance(value, bool | np.bool_):
        return f"the truth value {bool(value)}"
    if isinstance(value, numbers.Real):  # numpy's too: (mask).sum() is an int64
        return f"the number {value.item() if hasattr(value, 'item') else value!r}"
    if isinstance(value, pd.Series):
        return "a row (a pandas Series)" + ("; to pass its id, write row['id']" if advice else "")
    if isinstance(value, pd.DataFrame):
        return "a whole table (a pandas DataFrame)"
    if isinstance(value, list | tuple | set):
        return f"a {type(value).__name__}" + ("; pass one id at a time" if advice else "")
    if isinstance(value, dict):
        return "a dictionary (pairs in { })"
    name = type(value).__name__
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"
