"""Plain-language messages instead of tracebacks for the mistakes students make most.

`enable()` (each lesson calls it in its first code cell) asks IPython to show a short
message, not a 30-line traceback, when a cell raises one of newsfacts' own errors (a
misspelt id, a broken pack) or a ``NameError`` (a misspelt variable). The cell still
counts as failed, so "Run All" stops there as usual; other errors look as they always do.
"""

from __future__ import annotations

import re
from typing import Any

from newsfacts.errors import DataError, UnknownNameError
from newsfacts.suggest import closest, did_you_mean


def message_for(error: BaseException, names: list[str] | None = None) -> str:
    """The words a student sees for an error.

    >>> message_for(NameError("name 'boook' is not defined"), ["book", "check"])
    "Python does not know the name 'boook'. Did you mean 'book'? \
If it is spelt right, run the cells above this one first."
    """
    if isinstance(error, (UnknownNameError, DataError)):
        return str(error)
    if isinstance(error, NameError):
        missing = getattr(error, "name", None)
        if not missing:
            found = re.search(r"'([^']+)'", str(error))
            missing = found.group(1) if found else str(error)
        advice = did_you_mean(closest(missing, names or []))
        return (
            f"Python does not know the name {missing!r}. "
            + (advice + " " if advice else "")
            + "If it is spelt right, run the cells above this one first."
        )
    return str(error)


def enable(shell: Any = None) -> bool:
    """Show friendly messages for newsfacts errors and NameError in this notebook.

    A TypeError or ValueError raised by newsfacts itself (a wrong kind of value passed to
    a widget or a chart) also shows only its message; raised anywhere else, it keeps its
    usual traceback.

    Returns True when installed, False outside IPython (nothing to do there).
    """
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None:
        return False

    def handler(self, etype, value, tb, tb_offset=None):
        if isinstance(value, (TypeError, ValueError)) and not isinstance(value, DataError):
            if not raised_by_newsfacts(tb):  # the student's own code: the usual traceback
                lines = self.InteractiveTB.structured_traceback(etype, value, tb, tb_offset)
                self._showtraceback(etype, value, lines)
                return lines
        names = [n for n in getattr(self, "user_ns", {}) if not n.startswith("_")]
        text = message_for(value, names)
        lines = [f"\N{LEFT-POINTING MAGNIFYING GLASS} {etype.__name__}", *text.split("\n")]
        # IPython leaves showing the message to the handler; in a notebook this becomes
        # the cell's error output, without a traceback.
        self._showtraceback(etype, value, lines)
        return lines

    shell.set_custom_exc((UnknownNameError, DataError, NameError, TypeError, ValueError), handler)
    return True


def raised_by_newsfacts(tb: Any) -> bool:
    """True when the innermost frame of a traceback is newsfacts' own code: the library
    raised the error on purpose, with a message written for students."""
    last = None
    while tb is not None:
        last, tb = tb, tb.tb_next
    return last is not None and last.tb_frame.f_globals.get("__name__", "").startswith("newsfacts")
