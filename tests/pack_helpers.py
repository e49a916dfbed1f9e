"""Helpers for tests that break one thing in a copy of the mini pack."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

import newsfacts

MINI_PACK = Path(__file__).parent / "fixtures" / "mini-pack"
WORLD = Path(__file__).parent / "fixtures" / "world"


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


def world_pack(folder: Path) -> Path:
    """Write into `folder` the mini pack with a world round it (tests/fixtures/world, made up
    like the mini pack): the headline names Denmark, three more story paragraphs name states,
    regions and cities the bundled map file knows, and its rows are added at the ends of the
    tables, so the pack has 20 relations, more than a diagram draws at once."""
    pack = Path(shutil.copytree(MINI_PACK, folder))
    headline, *paragraphs = (WORLD / "article.txt").read_text(encoding="utf-8").split("\n\n")
    article = pack / "article.txt"
    _, rest = article.read_text(encoding="utf-8").rstrip("\n").split("\n", 1)
    article.write_text("\n".join([headline, rest]) + "\n\n" + "\n\n".join(paragraphs), "utf-8")
    for table in WORLD.glob("*.csv"):
        rows = table.read_text(encoding="utf-8").split("\n", 1)[1]  # without the header
        with open(pack / table.name, "a", encoding="utf-8", newline="") as file:
            file.write(rows)
    replace(pack / "exercises.csv", "paragraphs,kind,3,", "paragraphs,kind,6,")
    return pack
