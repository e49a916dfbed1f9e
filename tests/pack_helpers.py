"""Helpers for tests that break one thing in a copy of the mini pack."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import newsfacts

MINI_PACK = Path(__file__).parent / "fixtures" / "mini-pack"


def replace(path: Path, old: str, new: str) -> None:
    """Replace text that occurs exactly once in a file (so a typo in a test fails loudly)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8", newline="")


def drop_column(path: Path, column: str) -> None:
    """Remove a column, header and cells, from a CSV file."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    index = rows[0].index(column)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([row[:index] + row[index + 1 :] for row in rows])
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def problems_of(pack: Path) -> newsfacts.DataError:
    """Load a pack that must be broken; return the DataError."""
    with pytest.raises(newsfacts.DataError) as caught:
        newsfacts.load(pack)
    return caught.value
