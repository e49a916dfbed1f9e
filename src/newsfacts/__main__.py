"""The command line: everything ``python -m newsfacts`` (or ``newsfacts``) does.

``check [PACK]``
    Print the pack's title and how many rows each table has, and exit 0; or print every
    problem and exit 1. What a teacher runs after editing a CSV. It also checks the
    comparisons a pack holds (`newsfacts.compare`), the teacher's model answers when the pack
    has them (`newsfacts.teacher`), and prints `newsfacts.newpack.pack_warnings`.
``cite ID [--pack PACK]``
    Print where a fact comes from; exit 1 (suggesting the closest ids) for an unknown id.
``new FOLDER --article FILE``, ``credit``, ``paragraphs [FOLDER]``, ``sources [FOLDER]``
    Make a pack from a pasted article, set its credit, list its paragraphs, write its
    sources list (`newsfacts.newpack`).
``links [REPOSITORY_URL] [--hub HUB] [--branch student]``
    Print the Binder, nbgitpuller and JupyterHub links students open (see `newsfacts.links`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from newsfacts import links, newpack
from newsfacts.book import Book
from newsfacts.compare import check_linked
from newsfacts.errors import DataError, UnknownNameError
from newsfacts.load import load
from newsfacts.pack import answers_file, read_answers

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
    links.add_parser(commands)
    newpack.add_parsers(commands)  # new, credit, paragraphs, sources (issue 17)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 good, 1 problems, 2 bad usage)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error argparse has printed
        return stop.code if isinstance(stop.code, int) else 2
    if args.command == "links":
        return links.run(args)
    if args.command in newpack.COMMANDS:
        return newpack.run(args)
    if args.command == "check":
        newpack.print_warnings(args.pack)
    try:
        book = load(args.pack)
        if args.command == "check":
            return _check(book)
        print(book.cite(args.id))
    except DataError as error:
        print(error)
        return 1
    except UnknownNameError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _check(book: Book) -> int:
    """Check what `load` does not read: comparisons and the teacher's model answers."""
    linked = check_linked(book)
    path = answers_file(book.path)
    problems = list(linked[1]) if linked is not None else []
    if path is not None:
        problems += read_answers(path, set(book.content["prompts"].get("id", [])))[1]
    if problems:
        raise DataError(problems, pack=str(book.path))
    print(book.title)
    print(f"pack: {book.path}")
    summary = book.summary()
    width = max(len(name) for name in summary["table"])
    for name, rows in zip(summary["table"], summary["rows"], strict=True):
        print(f"  {name:<{width}}  {rows:>5}")
    lessons = {name: len(frame) for name, frame in book.content.items() if len(frame)}
    if lessons:
        print(f"lesson content: {', '.join(f'{n} {name}' for name, n in lessons.items())}")
    if linked is not None:
        print(linked[0])
    if path is not None:
        print(f"model answers: {path}")
    print("No problems found.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
