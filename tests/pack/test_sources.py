"""Outside facts show their source and its words; quoted words are the article's or a source's.

Two checks (issue 19):

1. Every row a pack marks as coming from outside its text (``basis`` or ``when_basis`` is
   ``outside source``), in any table of data/paris-2026 and data/paris-declaration, has a note
   that names each source in the fixed form the library reads (``Source: Publisher, 6 January
   2026. Title: ... Address: https://...``, see `newsfacts.sources.source_references`) and,
   after each source, quotes the passage of it that supports the row: ``Passage: “...”``.
2. Every phrase in double quotation marks (“...”, or "..." in prose) in what students and
   teachers read (every CSV of the bundled pack, docs/teacher-guide.md, the Markdown cells of
   teacher/*.ipynb) occurs in the article or in a Passage of one of the pack's outside-source
   notes (or in the text of the pack compared with it, data/paris-declaration, and its notes'
   Passages). Case, spaces, curly or straight apostrophes and quotation marks and dashes do not
   count; an ellipsis (... or …) or a [bracketed insertion] stands for left-out words. Code
   (code spans, code blocks, code cells) is left out: there quotation marks delimit strings.

Known failures are listed one by one in KNOWN (a strict xfail, so the entry must go when its
owner fixes it).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from newsfacts.views.sources import source_references

ROOT = Path(__file__).resolve().parents[2]
PACKS = [ROOT / "data" / "paris-2026", ROOT / "data" / "paris-declaration"]
BUNDLED = ROOT / "data" / "paris-2026"
OUTSIDE = "outside source"

SOURCE = re.compile(r"Source: ")
PASSAGE = re.compile(r"Passage: “([^”]+)”")
QUOTED = re.compile(r"“([^”]+)”|\"((?:[^\"\n]|\n(?![ \t]*\n))+)\"")
CODE = re.compile(r"```.*?```|`[^`\n]*`", flags=re.S)
GAP = re.compile(r"\s*(?:\.\.\.|…|\[[^\]]*\])\s*")
FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})

#: Failing cases known when this test was written, for their owners (see the report on issue
#: 19). Key: the case id; value: why it fails. Remove an entry when its case passes.
KNOWN: dict[str, str] = {}


def fold(text: str) -> str:
    """Text folded for comparing: case, spaces, apostrophes, quotation marks and dashes aside."""
    return re.sub(r"\s+", " ", text.translate(FOLD)).strip().casefold()


# -- 1. outside-source rows ---------------------------------------------------------------


def note_problems(note: str) -> list[str]:
    """What an outside-source row's note lacks; empty when it names and quotes every source."""
    starts = [m.start() for m in SOURCE.finditer(note or "")]
    if not starts:
        return ["names no source ('Source: Publisher, D Month YYYY. Title: ... Address: ...')"]
    problems = []
    for start, end in zip(starts, [*starts[1:], len(note)], strict=True):
        segment = note[start:end]
        refs = source_references(segment)
        if not refs:
            problems.append(f"cannot read the reference {segment[:70]!r} in the fixed form")
            continue
        if refs[0].missing:
            problems.append(f"{refs[0].publisher or segment[:40]!r} lacks {refs[0].missing}")
        if not PASSAGE.search(segment):
            problems.append(f"{refs[0].publisher!r} has no supporting Passage: “...”")
    return problems


def table_paths(pack: Path) -> list[Path]:
    """The CSV tables a pack's datapackage.json lists."""
    meta = json.loads((pack / "datapackage.json").read_text(encoding="utf-8"))
    return [pack / resource["path"] for resource in meta["resources"]]


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def outside_rows(pack: Path) -> list[tuple[str, dict[str, str]]]:
    """(case id, row) for each row of a pack whose basis or when_basis is outside source."""
    found = []
    for path in table_paths(pack):
        for row in rows(path):
            if OUTSIDE in (row.get("basis"), row.get("when_basis")):
                key = row.get("id") or row.get("term") or next(iter(row.values()))
                found.append((f"{pack.name}/{path.stem}/{key}", row))
    return found


def passages(pack: Path) -> list[str]:
    """Every Passage quoted in the notes of a pack's outside-source rows."""
    return [p for _, row in outside_rows(pack) for p in PASSAGE.findall(row.get("note", ""))]


def _row_cases() -> list:
    cases = []
    for pack in PACKS:
        for key, row in outside_rows(pack):
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN[key])] if key in KNOWN else []
            cases.append(pytest.param(row, id=key, marks=marks))
    return cases


@pytest.mark.parametrize("row", _row_cases())
def test_an_outside_row_names_its_sources_and_quotes_them(row):
    problems = note_problems(row.get("note", ""))
    assert not problems, problems


# -- 2. quoted words -----------------------------------------------------------------------


def quoted_phrases(text: str) -> list[str]:
    """The phrases inside double quotation marks, leaving out code and the Passages themselves."""
    text = PASSAGE.sub(" ", CODE.sub(" ", text))
    text = re.sub(r"^[ \t]*>[ \t]?", "", text, flags=re.M)  # Markdown quote boxes
    return [m.group(1) or m.group(2) for m in QUOTED.finditer(text)]


def unsupported(phrase: str, sources: list[str]) -> bool:
    """True when some part of the phrase (between gaps) is in none of the sources."""
    folded = [fold(source) for source in sources]
    parts = [fold(part).strip(" ,.;:!?") for part in GAP.split(phrase)]
    return any(part and not any(part in source for source in folded) for part in parts)


def notebook_markdown(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c.get("cell_type") == "markdown")


def csv_text(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return "\n".join(cell for row in csv.reader(handle) for cell in row)


def text_of(path: Path) -> str:
    if path.suffix == ".ipynb":
        return notebook_markdown(path)
    if path.suffix == ".csv":
        return csv_text(path)
    return path.read_text(encoding="utf-8")


def read_files() -> list[Path]:
    return [
        *sorted(BUNDLED.glob("*.csv")),
        ROOT / "docs" / "teacher-guide.md",
        *sorted((ROOT / "teacher").glob("*.ipynb")),
    ]


#: What quotation marks may hold: each pack's text (the article; the declaration, which lesson 7
#: compares with it) and the Passages its outside-source notes quote.
SOURCES = [
    text
    for pack in PACKS
    for text in [(pack / "article.txt").read_text(encoding="utf-8"), *passages(pack)]
]


def _file_cases() -> list:
    cases = []
    for path in read_files():
        key = path.relative_to(ROOT).as_posix()
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN[key])] if key in KNOWN else []
        cases.append(pytest.param(path, id=key, marks=marks))
    return cases


@pytest.mark.parametrize("path", _file_cases())
def test_quoted_words_are_the_articles_or_a_quoted_sources(path):
    wrong = [q for q in quoted_phrases(text_of(path)) if unsupported(q, SOURCES)]
    assert not wrong, f"{path.name}: in neither the article nor a source's Passage: {wrong}"


# -- the checks can fail ---------------------------------------------------------------------


def test_the_checks_can_fail():
    full = (
        "Not in the article. Source: Example News, 5 May 2025. Title: A report. "
        "Address: https://example.org/a. ▲ Passage: “The talks ended at noon.”"
    )
    assert note_problems(full) == []
    assert note_problems(full.split(" ▲ Passage")[0])  # no passage
    assert note_problems(full.replace("Title: A report. ", ""))  # no title
    assert note_problems(full.replace("Example News", "example.org"))  # unreadable reference
    assert note_problems("From a newspaper, some day.")  # no source at all
    two = full + " Source: Other, 6 May 2025. Title: B. Address: https://example.org/b."
    assert note_problems(two) == ["'Other' has no supporting Passage: “...”"]

    article = (
        "Leaders are expected to seek agreement on details that include a multi-national force"
    )
    assert quoted_phrases('He said "run" and “a made-up quote”. `x = "code"`') == [
        "run",
        "a made-up quote",
    ]
    assert quoted_phrases("▲ Passage: “only a source's words”") == []
    assert unsupported("a made-up quote", [article])
    assert not unsupported("Leaders are expected … a multi-national force", [article])
    assert not unsupported("leaders are [said to be] expected", [article])
    assert not unsupported("The talks ended at noon", [article, "The talks ended at noon."])
    assert unsupported("The talks ended at one", [article, "The talks ended at noon."])
