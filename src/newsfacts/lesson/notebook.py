"""Every change `start` makes to the kernel, in one place, so each can be seen and undone:

1. DataFrames show through `newsfacts.views.show.table_html`, a `Citation` with its quote marked;
2. pandas' ``display.max_colwidth`` is None: notes and quotes are shown whole;
3. ``check`` and ``describe``, bound to the book, go in the notebook's namespace;
4. unless ``friendly=False``, plain words instead of a traceback (IPython's ``set_custom_exc``)
   for newsfacts' own errors, a misspelt name, a missing column or table, and ``and`` where
   ``&`` is meant; any other error keeps its traceback, so a bug still shows as a bug.

`stop` undoes 1, 2 and 4."""

from __future__ import annotations

import ast
import contextlib
import functools
import linecache
import os
import re
import traceback
from pathlib import Path
from typing import Any

import IPython.display
import pandas as pd
from IPython import get_ipython  # None outside a kernel

from newsfacts.book import Book, Citation
from newsfacts.errors import NewsfactsError
from newsfacts.lesson.exercises import Checker
from newsfacts.load import bundled_pack, load
from newsfacts.resources import ENVIRONMENT
from newsfacts.text import join_and, near, shorten
from newsfacts.views.show import Note, citation_html, table_html

#: The exceptions the friendly handler looks at; `message_for` picks those it knows.
WATCHED = (NewsfactsError, NameError, KeyError, AttributeError, ValueError)

_AMBIGUOUS = re.compile(r"The truth value of an? (Series|DataFrame) is ambiguous")


def start(
    pack: str | os.PathLike[str] | None = None, *, friendly: bool = True, shell: Any = None
) -> Book:
    """Load the bundled article (or the folder `pack`) and set up the notebook, as above."""
    chosen = os.environ.get(ENVIRONMENT, "").strip() if pack is None else ""
    if chosen and Path(chosen).name != Path(bundled_pack()).name:
        text = (
            "This lesson is written for the bundled article, so it shows that article, not "
            f"the pack {chosen}; the lessons in notebooks/any-article/ work on any pack."
        )
        IPython.display.display(Note(text))
    book = load(pack)
    pd.set_option("display.max_colwidth", None)
    shell = shell or get_ipython()
    if shell is not None:
        html = shell.display_formatter.formatters["text/html"]
        html.for_type(pd.DataFrame, table_html)
        html.for_type(Citation, citation_html)
        checker = Checker(book)
        shell.user_ns.update(check=checker, describe=checker.describe)
        shell.set_custom_exc(WATCHED if friendly else (), _handler if friendly else None)
    return book


def stop(shell: Any = None) -> None:
    """Undo what `start` changed: tables, pandas' option and friendly errors."""
    pd.reset_option("display.max_colwidth")
    shell = shell or get_ipython()
    if shell is not None:
        html = shell.display_formatter.formatters["text/html"]
        for kind in (pd.DataFrame, Citation):
            html.pop(kind, None)
        shell.set_custom_exc((), None)


def _handler(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: Any = None):
    text = message_for(value, tb, [n for n in shell.user_ns if not n.startswith("_")])
    if text is not None:
        lines = [f"\N{LEFT-POINTING MAGNIFYING GLASS} {etype.__name__}", *text.split("\n")]
        # IPython's documented hook for an exception's own traceback: the words, no frames.
        value._render_traceback_ = lambda: lines  # type: ignore[attr-defined]
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def _missing(what: str, name: str, known: list[str], tail: str) -> str:
    """ "<what> <name>. Did you mean ...? <tail>" (its ``{}``: `known`, listed), the suggestion
    left out when none is close."""
    advice = near(name, known)
    return f"{what} {name!r}. {advice + ' ' if advice else ''}{tail.format(join_and(known))}"


def message_for(error: BaseException, tb: Any = None, names: list[str] | None = None) -> str | None:
    """The plain words a student sees for an error (`names`: the notebook's, to suggest one
    for a misspelt name), or None to show its traceback."""
    if isinstance(error, NewsfactsError):
        return str(error)
    if isinstance(error, NameError):
        name = getattr(error, "name", None) or next(iter(re.findall(r"'([^']+)'", str(error))), "")
        tail = "If it is spelt right, run the cells above this one first."
        return _missing("Python does not know the name", name, names or [], tail)
    if isinstance(error, ValueError) and _AMBIGUOUS.search(str(error)):
        # Say to write ``&`` with parentheses, showing the student's own line rewritten.
        head = (
            "Python's `and`, `or` and `not` cannot combine two True/False columns. Write `&` "
            "(and), `|` (or) or `~` (not) instead, with each comparison in parentheses:"
        )
        example = '(book.events["modality"] == "happened") & (book.events["basis"] == "worked out")'
        files = [(f.f_code.co_filename, n) for f, n in traceback.walk_tb(tb)]
        own = [(file, n) for file, n in files if "site-packages" not in file]
        with contextlib.suppress(IndexError, SyntaxError, ValueError):  # no line, or not Python
            line = linecache.getline(*own[-1]).strip()
            rewritten = ast.unparse(_Ampersand().visit(ast.parse(line)))
            example = rewritten if rewritten != ast.unparse(ast.parse(line)) else example
        return f"{head}\n    {shorten(example, 300)}"
    owner, name = getattr(error, "obj", None), getattr(error, "name", None)
    if isinstance(error, AttributeError) and isinstance(name, str) and isinstance(owner, Book):
        tables = [*owner.tables, "paragraphs"]
        return _missing("The book has no table", name, tables, "Its tables are {}.")
    if isinstance(error, AttributeError) and isinstance(name, str) and name not in dir(owner):
        return _columns_message(name, owner) if isinstance(owner, pd.DataFrame) else None
    if not isinstance(error, KeyError):
        return None
    # A column a table does not have, asked for with ``table["name"]``.
    key = error.args[0] if error.args else None
    frames = [
        f for f, _ in traceback.walk_tb(tb) if isinstance(f.f_locals.get("self"), pd.DataFrame)
    ]
    if not frames or frames[0].f_code.co_name != "__getitem__":
        return None
    key = frames[0].f_locals.get("key", key)  # a list's KeyError holds pandas' words, not the list
    if not isinstance(key, str | list):
        return None
    table = frames[0].f_locals["self"]
    missing = [k for k in ([key] if isinstance(key, str) else key) if k not in table.columns]
    return _columns_message(missing[0], table) if missing and isinstance(missing[0], str) else None


def _columns_message(name: str, table: pd.DataFrame) -> str:
    columns = [str(c) for c in table.columns]
    return _missing("This table has no column", name, columns, "Its columns are {}.")


class _Ampersand(ast.NodeTransformer):
    """``a and b`` -> ``(a) & (b)``; ``or`` -> ``|``; ``not x`` -> ``~(x)``."""

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        self.generic_visit(node)
        op = ast.BitAnd() if isinstance(node.op, ast.And) else ast.BitOr()
        return functools.reduce(lambda left, right: ast.BinOp(left, op, right), node.values)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        return ast.UnaryOp(ast.Invert(), node.operand) if isinstance(node.op, ast.Not) else node
