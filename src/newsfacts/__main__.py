"""The command line: everything ``python -m newsfacts`` (or ``newsfacts``) does.

``check [PACK]``
    Print the pack's title and how many rows each table has, and exit 0; or print every
    problem and exit 1. What a teacher runs after editing a CSV. The teacher's model
    answers (`newsfacts.teacher`) are checked too, when the pack has them.
``cite ID [--pack PACK]``
    Print where a fact comes from; exit 1 (suggesting the closest ids) for an unknown id.
``paragraphs [PACK]``
    List the article's parts: headline, byline, captions, and the story numbered from 1.
``sources [PACK] [--output FILE] [--check]``
    Write the list of every fact the pack takes from outside its article, by source.
``links [REPOSITORY_URL] [--hub HUB] [--branch student]``
    Print the Binder, nbgitpuller and JupyterHub links students open (see `newsfacts.links`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from newsfacts import links
from newsfacts.book import Book
from newsfacts.errors import DataError, UnknownNameError
from newsfacts.load import load
from newsfacts.pack import answers_file, read_answers
from newsfacts.views.sources import outside_facts, sources_markdown

PACK_HELP = "the pack's folder (default: the bundled article)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m newsfacts", description="Check a newsfacts pack, or cite one of its facts."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check", help="check a pack and count its rows", description="Check a pack."
    )
    check.add_argument("pack", nargs="?", default=None, help=PACK_HELP)
    cite = commands.add_parser(
        "cite", help="say where a fact comes from", description="Say where a fact comes from."
    )
    cite.add_argument("id", help="a fact's id (see the id column of any table), or a glossary term")
    cite.add_argument("--pack", default=None, help=PACK_HELP)
    paragraphs = commands.add_parser("paragraphs", help="list the article's numbered paragraphs")
    paragraphs.add_argument("pack", nargs="?", default=None, help=PACK_HELP)
    sources = commands.add_parser("sources", help="list every fact from outside the article")
    sources.add_argument("pack", nargs="?", default=None, help=PACK_HELP)
    sources.add_argument("--pack", dest="pack_option", default=None, help=argparse.SUPPRESS)
    sources.add_argument("--output", default=None, help="write the list there (default: print it)")
    sources.add_argument(
        "--check", action="store_true", help="only say whether --output is up to date"
    )
    links.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 good, 1 problems, 2 bad usage)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error argparse has printed
        return stop.code if isinstance(stop.code, int) else 2
    if args.command == "links":
        return links.run(args)
    try:
        book = load(args.pack or getattr(args, "pack_option", None))
        if args.command == "check":
            return _check(book)
        if args.command == "sources":
            return _sources(book, args.output, args.check)
        if args.command == "paragraphs":
            for key, kind, text in book.paragraphs.itertuples(index=False):
                print(f"{key!s:>10}  {kind:<8}  {text.splitlines()[0][:70]}")
            return 0
        print(book.cite(args.id))
    except DataError as error:
        print(error)
        return 1
    except UnknownNameError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _check(book: Book) -> int:
    path = answers_file(book.path)
    if path is not None:
        problems = read_answers(path, set(book.content["prompts"].get("id", [])))[1]
        if problems:
            raise DataError(problems, pack=str(path.parent))
    print(book.title)
    print(f"pack: {book.path}")
    summary = book.summary()
    width = max(len(name) for name in summary["table"])
    for name, rows in zip(summary["table"], summary["rows"], strict=True):
        print(f"  {name:<{width}}  {rows:>5}")
    lessons = {name: len(frame) for name, frame in book.content.items() if len(frame)}
    if lessons:
        print(f"lesson content: {', '.join(f'{rows} {name}' for name, rows in lessons.items())}")
    if path is not None:
        print(f"model answers: {path}")
    print("No problems found.")
    return 0


def _sources(book: Book, output: str | None, check: bool) -> int:
    text = sources_markdown(book)
    if output is None:
        print(text, end="")
        return 0
    path = Path(output)
    if check:
        if (path.read_text(encoding="utf-8") if path.exists() else "") != text:
            print(f"{path} is out of date: run python scripts/sources.py")
            return 1
        print(f"{path} is up to date.")
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({len(outside_facts(book))} outside facts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
