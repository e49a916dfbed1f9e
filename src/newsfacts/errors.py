"""The errors newsfacts raises on purpose: one family (`NewsfactsError`), each also the
built-in it replaces; in a lesson, `newsfacts.lesson.start` shows them without a traceback."""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import compress
from typing import Any

from newsfacts.text import closest, did_you_mean, plural, shorten


class NewsfactsError(Exception):
    """Every error newsfacts raises on purpose; its message is written for the reader."""


class WrongTypeError(NewsfactsError, TypeError):
    """The wrong kind of value was passed (see `expect`)."""


class WrongValueError(NewsfactsError, ValueError):
    """A value of the right kind that cannot be used; the message says what to pass."""


class PackExistsError(NewsfactsError, FileExistsError):
    """A new pack was to be written into a folder that already holds one."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a pack: the file, the line as a spreadsheet shows it (the header is
    line 1; None for the whole file), the row's id, the column, what is wrong and the fix."""

    file: str
    line: int | None
    id: str | None
    column: str | None
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = [self.file, f"line {self.line}", f"id {self.id!r}", f"column {self.column!r}"]
        given = [bool(self.file), self.line is not None, bool(self.id), self.column is not None]
        text = ", ".join(compress(where, given)) + ": " + self.message
        return text + (" Fix: " + self.fix if self.fix else "")


class DataError(NewsfactsError, ValueError):
    """A pack that cannot be loaded; lists every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem], pack: str | None = None):
        self.problems = list(problems)
        self.pack = pack
        super().__init__(str(self))

    def __str__(self) -> str:
        head = f"{plural(len(self.problems), 'problem')} in the pack"
        head += f" at {self.pack}" if self.pack else ""
        return "\n".join([head + ":", *map(str, self.problems)])

    def __reduce__(self):
        return (type(self), (self.problems, self.pack))


class UnknownNameError(NewsfactsError, KeyError):
    """An id or name that is not in the pack, with the closest real ones; reads as plain text."""

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
        advice = did_you_mean(self.suggestions) or self.hint
        return f"There is no {self.what} {name} in {self.where}. {advice}".strip()

    def __reduce__(self):
        return (type(self), (self.name, self.suggestions, self.what, self.hint, self.where))


def describe_value(value: object, *, advice: bool = True) -> str:
    """What kind of value was passed, in plain words ("the number 5"; `advice`: how to pass one)."""
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


def expect(value: Any, kind: str, *, function: str, what: str, example: str) -> Any:
    """`value` in its usual shape, or a `WrongTypeError` a student can act on. Kinds: "text",
    "texts" (one or a list: a list), "number" (not True/False), "table" (a row: a table).
    The error reads "fact_filter() takes a table's name, such as 'events'; you passed ..."."""
    name, shaped = type(value).__name__, value
    if kind == "text":
        ok = isinstance(value, str)
    elif kind == "texts":
        items = [value] if isinstance(value, str) else value
        listed = isinstance(items, list | tuple | set) or name in ("Series", "Index")
        ok = listed and all(isinstance(i, str) for i in items)
        shaped = list(items) if ok else value
    elif kind == "number":
        number = isinstance(value, int | float) or hasattr(value, "__index__")
        ok = number and not isinstance(value, bool)
    else:  # "table": a row is a table of one row
        ok = name in ("Series", "DataFrame")
        shaped = value.to_frame().T if name == "Series" else value
    if not ok:
        passed = describe_value(value)
        if kind == "texts" and listed:  # a list, but of something else than ids in quotes
            odd = next(i for i in items if not isinstance(i, str))
            passed = f"a {name} holding {describe_value(odd, advice=False)}"
        raise WrongTypeError(f"{function}() takes {what}, such as {example}; you passed {passed}.")
    return shaped


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
    """The id a student means by `name` (`choices`: the ids, or each text a student may type to
    its id). With `function`, `name` must be text; with `fold`, case and spaces do not matter.
    Else an `UnknownNameError` naming `what` and `where`, the closest choices or `hint`."""
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
