"""newsfacts: one news article turned into source-anchored fact tables for lessons.

>>> import newsfacts
>>> book = newsfacts.load()          # the bundled article; load("path/to/pack") for another
>>> book.paragraphs.columns.tolist()
['paragraph', 'kind', 'text']

Importing newsfacts stays light: widgets and plots (``newsfacts.widgets``,
``newsfacts.plots``) are imported the first time they are used.
"""

from __future__ import annotations

import importlib
from typing import Any

from newsfacts.book import Book
from newsfacts.citation import Citation
from newsfacts.errors import DataError, Problem, UnknownNameError
from newsfacts.load import load

__all__ = [
    "Book",
    "Citation",
    "DataError",
    "Problem",
    "UnknownNameError",
    "__version__",
    "load",
]

_LAZY_MODULES = ("widgets", "plots")


def __getattr__(name: str) -> Any:
    # Heavy parts load on first use; the version is read from the installed metadata.
    if name in _LAZY_MODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("newsfacts")
        except PackageNotFoundError:
            return "0+unknown"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
