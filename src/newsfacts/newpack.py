"""A pack in an evening: make one from a pasted article, list its paragraphs, warn early.

- `new_pack`: ``python -m newsfacts new FOLDER --article FILE``. Lays the pasted article out
  as the reader expects (headline; byline and captions, or the marker `NO_BYLINE`; the
  story, one paragraph a block, however it was pasted), writes every table with its header,
  ``datapackage.json`` with blank title, author, publisher, date and address (``path``), the
  optional perspectives table ready but empty, and ``lessons.csv`` naming the five lessons of
  the any-article series.
- `paragraph_lines`: ``python -m newsfacts paragraphs FOLDER``: the numbered paragraphs with
  their kind, as a teacher needs them to fill the ``paragraph`` column.
- `pack_warnings`: what ``check`` warns about (it does not fail): no story paragraph, a
  byline that reads like a sentence, more captions than story paragraphs, an unknown key in
  ``datapackage.json`` (with "did you mean").
- `write_sources`: ``python -m newsfacts sources FOLDER``: any pack's sources list.
- `set_credit`: ``python -m newsfacts credit FOLDER --publisher ... --date 2018-12-19``: the
  article's title, author, publisher, date and address, without editing JSON.
"""

from __future__ import annotations

import copy
import csv
import json
import re
from pathlib import Path
from typing import Any

from newsfacts.errors import DataError, Problem, WrongValueError
from newsfacts.load import bundled_pack, load
from newsfacts.pack.article import read_article, split_paragraphs
from newsfacts.pack.read import read_descriptor
from newsfacts.pack.spec import article_file
from newsfacts.profile import LESSONS
from newsfacts.text import NO_BYLINE, closest, did_you_mean, paragraph_words
from newsfacts.views.sources import sources_markdown

__all__ = [
    "NO_BYLINE",
    "layout",
    "new_pack",
    "paragraph_lines",
    "pack_warnings",
    "write_sources",
    "set_credit",
    "write_pack",
]

_END = re.compile(r"[.!?:;][\"”’')]*$")


def _looks_like_byline(line: str) -> bool:
    """A short line with no sentence end (a name, "By ...", an agency)."""
    words = line.split()
    if line.casefold().startswith("by ") and len(words) <= 12:
        return True
    return 0 < len(words) <= 6 and not _END.search(line.strip()) and not line.strip()[:1].isdigit()


def _story(lines: list[str]) -> list[str]:
    """The story's paragraphs: blocks between blank lines; a block whose every line ends a
    sentence is a run of paragraphs pasted with single line breaks."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    paragraphs: list[str] = []
    for block in blocks:
        if len(block) > 1 and all(_END.search(line) for line in block):
            paragraphs += block
        else:
            paragraphs.append(" ".join(block))
    return paragraphs


def layout(
    text: str, byline: str | None = None, no_byline: bool = False, captions: tuple[str, ...] = ()
) -> str:
    """Lay a pasted article out as ``article.txt`` (see `newsfacts.article`).

    Parameters
    ----------
    text : str
        The article as pasted: headline first; then a byline line or none; then the story,
        paragraphs separated by blank lines or by single line breaks.
    byline : str, optional
        The byline, when the paste does not hold it (or holds it somewhere else).
    no_byline : bool
        The article has none: the byline line holds `NO_BYLINE`.
    captions : tuple of str
        Photo captions, one each, put under the byline.

    Examples
    --------
    >>> print(layout("Vote result\\nTurnout was 61%.\\nThe count ends today."))
    Vote result
    <BLANKLINE>
    (no byline)
    <BLANKLINE>
    Turnout was 61%.
    <BLANKLINE>
    The count ends today.
    <BLANKLINE>
    """
    lines = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [line.rstrip() for line in lines]
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise WrongValueError("The article is empty: paste its text into the file first.")
    headline = lines.pop(0).strip()
    while lines and not lines[0].strip():
        lines.pop(0)
    if byline is None and not no_byline and lines and _looks_like_byline(lines[0]):
        byline = lines.pop(0).strip()
    byline = (byline or "").strip() or NO_BYLINE
    story = _story(lines)
    top = "\n".join([byline, *(c.strip() for c in captions if c.strip())])
    return "\n\n".join([headline, top, *story]) + "\n"


def _descriptor(name: str) -> dict[str, Any]:
    """The template's descriptor with blank credits and the perspectives resource added."""

    template = Path(__file__).resolve().parents[2] / "data" / "template" / "datapackage.json"
    if not template.is_file():  # an installed wheel: the bundled pack has every schema
        template = bundled_pack() / "datapackage.json"
    metadata = json.loads(template.read_text(encoding="utf-8"))
    names = [r["name"] for r in metadata["resources"]]
    if "perspectives" not in names:
        bundled = json.loads((bundled_pack() / "datapackage.json").read_text(encoding="utf-8"))
        extra = [r for r in bundled["resources"] if r.get("name") == "perspectives"]
        position = names.index("glossary") + 1 if "glossary" in names else len(names)
        metadata["resources"][position:position] = copy.deepcopy(extra)
    return {
        "profile": "tabular-data-package",
        "name": re.sub(r"[^a-z0-9-]+", "-", name.casefold()).strip("-") or "my-pack",
        "title": "",
        "description": "",
        "sources": [{"title": "", "author": "", "publisher": "", "date": "", "path": ""}],
        "newsfacts": {
            "article": "article.txt",
            "rights": "The article's rights stay with its publisher; it is quoted here for "
            "teaching.",
        },
        "resources": metadata["resources"],
    }


def new_pack(
    folder: str | Path,
    article: str | Path,
    byline: str | None = None,
    no_byline: bool = False,
    captions: tuple[str, ...] = (),
) -> Path:
    """Make a pack folder from a pasted article (see the module's notes).

    Raises
    ------
    FileExistsError
        If the folder already holds a ``datapackage.json`` (nothing is overwritten).
    """
    folder = Path(folder)
    if (folder / "datapackage.json").exists():
        raise FileExistsError(f"{folder} already holds a pack: choose a new folder.")
    text = Path(article).read_bytes().decode("utf-8-sig", errors="replace")
    return write_pack(folder, layout(text, byline, no_byline, captions))


def write_pack(folder: str | Path, laid_out: str) -> Path:
    """Write a pack around an article already laid out as ``article.txt``: every table with
    its header (``lessons.csv`` naming the any-article lessons), and ``datapackage.json``."""

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text(laid_out, encoding="utf-8")
    metadata = _descriptor(folder.name)
    for resource in metadata["resources"]:
        header = [f["name"] for f in resource["schema"]["fields"]]
        with open(folder / resource["path"], "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(header)
            if resource["name"] == "lessons":
                for key, title in LESSONS.items():
                    writer.writerow([{"id": key, "title": title}.get(h, "") for h in header])
    (folder / "datapackage.json").write_text(
        json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return folder


def paragraph_lines(folder: str | Path, width: int = 72) -> list[str]:
    """The pack's article, one line per part: where it is (``¶ 3``, ``byline``), its kind,
    and its first words."""
    folder = Path(folder)
    metadata, _ = read_descriptor(folder / "datapackage.json")
    name = article_file(metadata or {})
    text = (folder / name).read_bytes().decode("utf-8", errors="replace")
    paragraphs = split_paragraphs(text)
    lines = []
    for key, kind, words in paragraphs.itertuples(index=False):
        where = paragraph_words(key)
        words = " ".join(str(words).split())
        if kind == "byline" and words == NO_BYLINE:
            words += "  (the article names no author)"
        elif len(words) > width:
            words = words[: width - 1] + "…"
        lines.append(f"{where:<10} {kind:<8} {words}")
    return lines


# -- warnings ------------------------------------------------------------------------------

#: Keys a datapackage.json may hold, by place (Data Package keys and newsfacts' own).
PACKAGE_KEYS = {
    "profile", "name", "id", "title", "description", "homepage", "version", "created",
    "keywords", "contributors", "sources", "licenses", "image", "resources", "newsfacts",
    "$schema",
}  # fmt: skip
SOURCE_KEYS = {"title", "author", "publisher", "date", "path", "email", "note", "basis"}
NEWSFACTS_KEYS = {"article", "rights"}
#: Words a teacher may write for a key, and the key meant.
MEANT = {
    "url": "path",
    "address": "path",
    "link": "path",
    "href": "path",
    "web": "path",
    "website": "path",
    "byline": "author",
    "writer": "author",
    "authors": "author",
    "published": "date",
    "publication_date": "date",
    "newspaper": "publisher",
    "source": "sources",
    "license": "licenses",
}


def _key_problems(place: str, found: dict[str, Any], allowed: set[str]) -> list[Problem]:
    problems = []
    for key in found:
        if key in allowed:
            continue
        suggestions = [MEANT[key.casefold()]] if key.casefold() in MEANT else []
        suggestions += [s for s in closest(key, sorted(allowed)) if s not in suggestions]
        meant = did_you_mean(suggestions)
        if suggestions and suggestions[0] == "path":
            meant += " (in a source, 'path' holds the web address)"
        problems.append(
            Problem(
                "datapackage.json",
                None,
                None,
                None,
                f"{place} has the key {key!r}, which newsfacts does not read: what it holds "
                f"is not shown anywhere. {meant}".strip(),
                "Rename the key, or remove it.",
            )
        )
    return problems


def _descriptor_warnings(metadata: Any) -> list[Problem]:
    if not isinstance(metadata, dict):
        return []
    problems = _key_problems("the pack", metadata, PACKAGE_KEYS)
    for number, source in enumerate(metadata.get("sources") or [], start=1):
        if isinstance(source, dict):
            problems += _key_problems(f"source {number}", source, SOURCE_KEYS)
    extra = metadata.get("newsfacts")
    if isinstance(extra, dict):
        problems += _key_problems("the newsfacts entry", extra, NEWSFACTS_KEYS)
    return problems


def _article_warnings(name: str, paragraphs: Any) -> list[Problem]:
    if paragraphs is None or paragraphs.empty:
        return []
    kinds = list(paragraphs["kind"])
    problems = []
    stories = kinds.count("story")
    if not stories:
        problems.append(
            Problem(
                name,
                None,
                None,
                None,
                "the article has no story paragraph: only a headline and a byline block.",
                "Leave a blank line after the byline (and its captions) and between the "
                "story's paragraphs; python -m newsfacts paragraphs FOLDER shows what is read.",
            )
        )
    bylines = paragraphs[paragraphs["kind"] == "byline"]["text"]
    if len(bylines):
        byline = " ".join(str(bylines.iloc[0]).split())
        words = byline.split()
        if byline != NO_BYLINE and (len(words) > 10 or (len(words) >= 5 and _END.search(byline))):
            problems.append(
                Problem(
                    name,
                    None,
                    None,
                    None,
                    f"the byline reads like a sentence ({byline[:60]}...): perhaps the "
                    "article has no byline and its first story paragraph was taken for one.",
                    f"If the article names no author, write {NO_BYLINE} on the line after "
                    "the headline's blank line, then a blank line.",
                )
            )
    captions = kinds.count("caption")
    if captions > stories:
        problems.append(
            Problem(
                name,
                None,
                None,
                None,
                f"the article has {captions} captions and {stories} story paragraphs: "
                "perhaps its paragraphs were pasted with single line breaks.",
                "Put a blank line between the story's paragraphs (captions stay directly "
                "under the byline).",
            )
        )
    return problems


def pack_warnings(folder: str | Path) -> list[Problem]:
    """What `check` warns about in a pack (it does not fail): see the module's notes."""
    folder = Path(folder)
    if folder.suffix == ".json":
        folder = folder.parent
    metadata, _ = read_descriptor(folder / "datapackage.json")
    if metadata is None:
        return []
    name = article_file(metadata)
    paragraphs, _, _ = read_article(folder, name)
    return _article_warnings(name, paragraphs) + _descriptor_warnings(metadata)


def write_sources(folder: str | Path | None, output: str | Path | None = None) -> Path:
    """Write a pack's sources list (default: ``sources.md`` in the pack's folder)."""
    book = load(folder)
    path = Path(output) if output else book.path / "sources.md"
    path.write_text(sources_markdown(book), encoding="utf-8")
    return path


# -- the command line (python -m newsfacts new / paragraphs / sources) ----------------------

COMMANDS = ("new", "paragraphs", "sources", "credit")

#: The article's credit: the option a teacher types, and the key of ``sources`` it fills.
CREDIT = {
    "title": "title",
    "author": "author",
    "publisher": "publisher",
    "date": "date",
    "address": "path",
}
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def check_date(date: str | None) -> None:
    """Raise ValueError, saying how to write it, for a date not written 2018-12-19."""
    if date is not None and date.strip() and not _DATE.fullmatch(date.strip()):
        raise WrongValueError(
            f"The date {date.strip()!r} is not written year-month-day. Write it like "
            "2018-12-19 (or 2018-12, or 2018)."
        )


def set_credit(folder: str | Path, **values: str | None) -> dict[str, str]:
    """Fill the article's credit in ``datapackage.json`` (the first entry of ``sources``).

    Parameters
    ----------
    folder : str or path
        The pack.
    **values : str or None
        Any of ``title``, ``author``, ``publisher``, ``date`` (``2018-12-19``, ``2018-12``
        or ``2018``) and ``address`` (the web address); None leaves a field as it is. The
        title also becomes the pack's title.

    Returns
    -------
    dict
        The credit as it now stands, by option name.

    Raises
    ------
    ValueError
        For a date written another way (the message says how to write it).
    """
    check_date(values.get("date"))
    path = Path(folder) / "datapackage.json"
    metadata = json.loads(path.read_text(encoding="utf-8"))
    sources = metadata.setdefault("sources", [])
    if not sources or not isinstance(sources[0], dict):
        sources.insert(0, {})
    credit = sources[0]
    for option, key in CREDIT.items():
        value = values.get(option)
        if value is not None:
            credit[key] = value.strip()
    if values.get("title") is not None:
        metadata["title"] = values["title"].strip()
    path.write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return {option: str(credit.get(key, "")) for option, key in CREDIT.items()}


def add_parsers(commands: Any) -> None:
    """Add ``new``, ``paragraphs`` and ``sources`` to the command line's subcommands."""
    new = commands.add_parser(
        "new",
        help="make a pack from a pasted article",
        description="Make a pack folder from an article pasted into a text file.",
    )
    new.add_argument("folder", help="the new pack's folder, such as data/bridge-vote")
    new.add_argument("--article", required=True, help="the text file holding the article")
    new.add_argument("--byline", default=None, help="the byline, if the file does not hold it")
    new.add_argument(
        "--no-byline", action="store_true", help="the article names no author (a wire story)"
    )
    new.add_argument(
        "--caption", action="append", default=[], help="a photo caption (repeat for more)"
    )
    credit = commands.add_parser(
        "credit",
        help="fill in the article's title, author, publisher, date and address",
        description="Fill in the article's credit (what the lessons show above the article).",
    )
    credit.add_argument("folder", help="the pack's folder")
    for parser in (new, credit):
        parser.add_argument("--title", default=None, help="the article's headline")
        parser.add_argument("--author", default=None, help="who wrote it")
        parser.add_argument("--publisher", default=None, help="where it was published")
        parser.add_argument("--date", default=None, help="when, written like 2018-12-19")
        parser.add_argument("--address", default=None, help="its web address")
    paragraphs = commands.add_parser(
        "paragraphs",
        help="list a pack's numbered paragraphs",
        description="List the article's parts: headline, byline, captions, then ¶ 1, ¶ 2 ...",
    )
    paragraphs.add_argument("folder", nargs="?", default=None, help="the pack's folder")
    sources = commands.add_parser(
        "sources",
        help="write a pack's sources list",
        description="Write the list of the article's credit and every outside fact.",
    )
    sources.add_argument("folder", nargs="?", default=None, help="the pack's folder")
    sources.add_argument(
        "--output", default=None, help="where to write it (default: sources.md in the pack)"
    )


def run(args: Any) -> int:
    """Run ``new``, ``paragraphs`` or ``sources``; return the exit status."""

    credit = {option: getattr(args, option, None) for option in CREDIT}
    if args.command == "credit":
        try:
            now = set_credit(args.folder, **credit)
        except (OSError, ValueError) as error:
            print(error)
            return 1
        for option, value in now.items():
            print(f"  {option:<10} {value or '(not given)'}")
        return 0
    if args.command == "new":
        try:
            check_date(credit.get("date"))  # before anything is written
            folder = new_pack(
                args.folder, args.article, args.byline, args.no_byline, tuple(args.caption)
            )
            if any(value is not None for value in credit.values()):
                set_credit(folder, **credit)
        except (OSError, ValueError) as error:
            print(error)
            return 1
        print(f"Made the pack {folder}. Its article, as the lessons will read it:")
        print("\n".join(paragraph_lines(folder)))
        print(
            "If a part is wrong, mend article.txt (docs/authoring.md, section 2), then run "
            f"python -m newsfacts paragraphs {folder}"
        )
        return 0
    folder = args.folder or bundled_pack()
    if args.command == "paragraphs":
        try:
            print("\n".join(paragraph_lines(folder)))
        except OSError as error:
            print(f"Cannot read the article: {error}")
            return 1
        return 0
    try:
        path = write_sources(args.folder, args.output)
    except DataError as error:
        print(error)
        return 1
    print(f"wrote {path}")
    return 0


def print_warnings(pack: Any) -> None:
    """Print what `pack_warnings` finds (``check`` calls this; warnings never fail)."""

    found = pack_warnings(pack or bundled_pack())
    if found:
        print(f"{len(found)} warning{'' if len(found) == 1 else 's'} (the pack still loads):")
        for problem in found:
            print(f"warning: {problem}")
