"""Find a pack, read it once, and build its `Book`."""

from __future__ import annotations

import os
from pathlib import Path

from newsfacts.book import Book
from newsfacts.errors import DataError, WrongTypeError
from newsfacts.pack import Read, read_pack
from newsfacts.pack.spec import DESCRIPTOR
from newsfacts.resources import bundled

BUNDLED = "paris-2026"


def bundled_pack() -> Path:
    """The folder of the bundled pack: in the installed package, else in ``data/``."""
    return bundled(f"packs/{BUNDLED}", f"data/{BUNDLED}")


def load(pack: str | os.PathLike[str] | None = None) -> Book:
    """Load a pack (a folder, or its ``datapackage.json``; the bundled article if left out):
    an article, its fact tables and its lesson content, checked.

    Raises `DataError` if anything in the pack is wrong, listing every problem (file, line as a
    spreadsheet shows it, id, column, and the fix); `WrongTypeError` if `pack` is not a path."""
    return book_of(read_chosen(pack))


def read_chosen(pack: str | os.PathLike[str] | None = None) -> Read:
    """Read a pack once, found as `load` finds it: its problems and warnings, and what
    `book_of` builds the book from (``check`` shows the warnings, then the book or problems)."""
    if pack is not None and not isinstance(pack, str | os.PathLike):
        raise WrongTypeError(
            "load() takes the path of a pack folder, such as load('data/my-pack'), or nothing "
            f"for the bundled article; you passed {type(pack).__name__} {pack!r}."
        )
    path = bundled_pack() if pack is None else Path(pack).expanduser()
    return read_pack(path if path.suffix == ".json" and not path.is_dir() else path / DESCRIPTOR)


def book_of(read: Read) -> Book:
    """The book of a pack as read; `DataError` listing every problem if it has any."""
    if read.problems or read.metadata is None:
        raise DataError(read.problems, pack=str(read.folder))
    return Book(read.folder, read.metadata, read.paragraphs, read.frames)
