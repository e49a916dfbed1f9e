"""newsfacts: one news article turned into source-anchored fact tables for lessons.

>>> import newsfacts
>>> book = newsfacts.load()          # the bundled article; load("path/to/pack") for another
>>> book.paragraphs.columns.tolist()
['paragraph', 'kind', 'text']

Layers, each importing only those below: `newsfacts.pack` (what a pack is, how it is read,
its rules), the model (`Book`, built by `load`), `newsfacts.views` and `newsfacts.plots`,
`newsfacts.lesson` (the activities, and the one module that changes the kernel), then the
command line in ``__main__`` (the README has the table). Widgets and plots load the first
time they are used.
"""

from __future__ import annotations

import importlib
from typing import Any

from newsfacts.book import Book, Citation
from newsfacts.errors import (
    DataError,
    NewsfactsError,
    PackExistsError,
    Problem,
    UnknownNameError,
    WrongTypeError,
    WrongValueError,
)
from newsfacts.load import load

__all__ = [
    "Book",
    "Citation",
    "DataError",
    "NewsfactsError",
    "PackExistsError",
    "Problem",
    "UnknownNameError",
    "WrongTypeError",
    "WrongValueError",
    "__version__",
    "load",
]

_LAZY_MODULES = {"widgets": "newsfacts.views.widgets", "plots": "newsfacts.plots"}


def __getattr__(name: str) -> Any:
    if name in _LAZY_MODULES:
        return importlib.import_module(_LAZY_MODULES[name])
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("newsfacts")
        except PackageNotFoundError:
            return "0+unknown"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
