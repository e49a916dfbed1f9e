"""A pack in an evening: make one from a pasted article, list its paragraphs, credit it.

The commands of docs/authoring.md: ``python -m newsfacts new`` (`new_pack`), ``paragraphs``
(`paragraph_lines`), ``credit`` (`set_credit`) and ``sources`` (`write_sources`); what
``check`` warns about but does not fail on is the pack layer's (`newsfacts.pack.warnings`)."""

from __future__ import annotations

import csv
import datetime
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsfacts.errors import DataError, PackExistsError, WrongValueError
from newsfacts.load import bundled_pack, load
from newsfacts.pack.article import SENTENCE_END, split_paragraphs
from newsfacts.pack.read import read_descriptor
from newsfacts.pack.spec import DESCRIPTOR, article_file
from newsfacts.profile import LESSONS
from newsfacts.text import NO_BYLINE, byline_names, paragraph_words, shorten, slug
from newsfacts.views.sources import sources_markdown


def layout(
    text: str, byline: str | None = None, no_byline: bool = False, captions: tuple[str, ...] = ()
) -> str:
    """Lay a pasted article out as ``article.txt``: the headline, the byline (given, guessed
    or `NO_BYLINE`) and `captions`, then the story, one paragraph a block however pasted."""
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    body = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    if not body:
        raise WrongValueError("The article is empty: paste its text into the file first.")
    headline, _, rest = body.partition("\n")
    rest = rest.lstrip("\n")
    first, _, after = rest.partition("\n")
    line, words = first.strip(), first.split()  # a byline: "By ...", or short with no full stop
    named = first.casefold().startswith("by ") and len(words) <= 12
    short = 0 < len(words) <= 6 and not SENTENCE_END.search(line) and not line[:1].isdigit()
    if byline is None and not no_byline and rest and (named or short):
        byline, rest = first.strip(), after
    story: list[str] = []
    for block in re.split(r"\n\n+", rest):
        story += _paragraphs([line.strip() for line in block.split("\n") if line])
    top = [(byline or "").strip() or NO_BYLINE, *(c.strip() for c in captions if c.strip())]
    return "\n\n".join([headline.strip(), "\n".join(top), *story]) + "\n"


#: A block with a line this long was pasted a paragraph a line, not wrapped by hand.
LONG_LINE = 100


def _paragraphs(lines: list[str]) -> list[str]:
    """The paragraphs of a block of lines: a paragraph a line when every line ends a sentence
    or a line is longer than hand-wrapped text has (a caption or credit line then stays a
    line of its own; a line going on in small letters is joined to the one before); else
    one paragraph, wrapped by hand."""
    ends = [bool(SENTENCE_END.search(line)) for line in lines]
    if not (all(ends) or max(map(len, lines), default=0) > LONG_LINE):
        return [" ".join(lines)] if lines else []
    found = lines[:1]
    for line, ended in zip(lines[1:], ends, strict=False):
        if not ended and line[:1].islower():
            found[-1] += " " + line
        else:
            found.append(line)
    return found


def new_pack(
    folder: str | Path,
    article: str | Path,
    byline: str | None = None,
    no_byline: bool = False,
    captions: tuple[str, ...] = (),
    **credit: str | None,
) -> Path:
    """Make a pack folder from a pasted article, its credit filled (`set_credit`; the title
    and author from the headline and byline unless given); `PackExistsError` if it already
    holds a pack."""
    check_date(credit.get("date"))  # before anything is written
    folder = Path(folder)
    if (folder / DESCRIPTOR).exists():
        raise PackExistsError(f"{folder} already holds a pack: choose a new folder.")
    text = Path(article).read_bytes().decode("utf-8-sig", errors="replace")
    laid_out = layout(text, byline, no_byline, captions)
    write_pack(folder, laid_out)
    headline, top = laid_out.split("\n\n")[:2]  # the byline is the first line under it
    if credit.get("title") is None:
        credit["title"] = headline
    if credit.get("author") is None and top.split("\n")[0] != NO_BYLINE:
        credit["author"] = byline_names(top.split("\n")[0])
    set_credit(folder, **credit)
    return folder


def write_table(path: Path, header: list[str], rows: Iterable[dict[str, str]] = ()) -> None:
    """Write a CSV table: its header, then each row's cells in the header's order."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([row.get(column, "") for column in header] for row in rows)


def write_descriptor(folder: Path, metadata: dict[str, Any]) -> None:
    """Write a pack's ``datapackage.json`` as a teacher can read it."""
    text = json.dumps(metadata, indent=2, ensure_ascii=False) + "\n"
    (folder / DESCRIPTOR).write_text(text, encoding="utf-8")


def write_pack(folder: str | Path, laid_out: str) -> Path:
    """Write a pack around a laid-out article: every table's header, ``lessons.csv`` naming the
    any-article lessons, ``datapackage.json`` with a blank credit and the bundled schemas."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text(laid_out, encoding="utf-8")
    bundled = json.loads((bundled_pack() / DESCRIPTOR).read_text(encoding="utf-8"))
    lessons = [{"id": key, "title": title} for key, title in LESSONS.items()]
    for resource in bundled["resources"]:
        header = [f["name"] for f in resource["schema"]["fields"]]
        rows = lessons if resource["name"] == "lessons" else []
        write_table(folder / resource["path"], header, rows)
    rights = "The article's rights stay with its publisher; it is quoted here for teaching."
    name = slug(folder.name)
    metadata = {
        "profile": "tabular-data-package",
        "name": name or "my-pack",
        "title": "",
        "description": "",
        "sources": [{"title": "", "author": "", "publisher": "", "date": "", "path": ""}],
        "newsfacts": {"article": "article.txt", "rights": rights},
        "resources": bundled["resources"],
    }
    write_descriptor(folder, metadata)
    return folder


def article_text(folder: str | Path) -> str:
    """The text of a pack's article (the file its ``datapackage.json`` names)."""
    metadata, _ = read_descriptor(Path(folder) / DESCRIPTOR)
    return (Path(folder) / article_file(metadata)).read_text("utf-8-sig", errors="replace")


def paragraph_lines(folder: str | Path, width: int = 72) -> list[str]:
    """The pack's article, a line a part: where it is (``¶ 3``, ``byline``), kind, first words."""
    lines = []
    for key, kind, words in split_paragraphs(article_text(folder)).itertuples(index=False):
        words = " ".join(str(words).split())
        unnamed = kind == "byline" and words == NO_BYLINE
        words = f"{words}  (the article names no author)" if unnamed else shorten(words, width)
        lines.append(f"{paragraph_words(key):<10} {kind:<8} {words}")
    return lines


def write_sources(folder: str | Path | None, output: str | Path | None = None) -> Path:
    """Write a pack's sources list (default: ``sources.md`` in the pack's folder)."""
    book = load(folder)
    path = Path(output) if output else book.path / "sources.md"
    path.write_text(sources_markdown(book), encoding="utf-8")
    return path


#: The article's credit: each option a teacher types, the key of ``sources`` it fills, its help.
CREDIT = {
    "title": ("title", "the article's headline"),
    "author": ("author", "who wrote it"),
    "publisher": ("publisher", "where it was published"),
    "date": ("date", "when, written like 2018-12-19"),
    "address": ("path", "its web address"),
}
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def check_date(date: str | None) -> None:
    """Raise ValueError, saying how to write it, for a date not written 2018-12-19 or not on
    the calendar (2018-13, 2019-02-30)."""
    text = (date or "").strip()
    found = _DATE.fullmatch(text)
    if text and not found:
        raise WrongValueError(
            f"The date {text!r} is not written year-month-day. Write it like "
            "2018-12-19 (or 2018-12, or 2018)."
        )
    if found:
        try:
            datetime.date(*(int(part or 1) for part in found.groups()))
        except ValueError:
            message = f"The date {text!r} is not on the calendar: check the month and the day."
            raise WrongValueError(message) from None


def set_credit(folder: str | Path, **values: str | None) -> dict[str, str]:
    """Fill the article's credit (`CREDIT`'s options; None leaves one as it is, the title is
    also the pack's) in ``datapackage.json``; return it as it now stands."""
    check_date(values.get("date"))
    metadata, problems = read_descriptor(Path(folder) / DESCRIPTOR)
    if metadata is None:
        raise DataError(problems, pack=str(folder))
    sources = metadata.setdefault("sources", [])
    if not sources or not isinstance(sources[0], dict):
        sources.insert(0, {})
    credit = sources[0]
    for option, (key, _) in CREDIT.items():
        if values.get(option) is not None:
            credit[key] = values[option].strip()
    if values.get("title") is not None:
        metadata["title"] = values["title"].strip()
    write_descriptor(Path(folder), metadata)
    return {option: str(credit.get(key, "")) for option, (key, _) in CREDIT.items()}
