"""The command line: everything ``python -m newsfacts`` (or ``newsfacts``) does.

``check [PACK]`` prints the pack's title and rows per table and exits 0, or prints every
problem and exits 1 (it also checks the pack's comparisons and the teacher's model answers,
and prints `newsfacts.newpack.pack_warnings`); ``cite ID [--pack PACK]`` prints where a fact
comes from (exit 1, suggesting the closest ids, for an unknown one); ``new``, ``credit``,
``paragraphs`` and ``sources`` make and describe a pack (`newsfacts.newpack`); ``links``
prints the links students open (`newsfacts.links`).
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
    newpack.add_parsers(commands)
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
    """Check what `load` does not read (comparisons, model answers), then print the counts."""
    linked = check_linked(book)
    path = answers_file(book.path)
    problems = list(linked[1]) if linked is not None else []
    if path is not None:
        problems += read_answers(path, set(book.content["prompts"].get("id", [])))[1]
    if problems:
        raise DataError(problems, pack=str(book.path))
    summary = book.summary()
    width = max(len(name) for name in summary["table"])
    lines = [book.title, f"pack: {book.path}"]
    lines += [f"  {n:<{width}}  {rows:>5}" for n, rows in summary[["table", "rows"]].values]
    lessons = {name: len(frame) for name, frame in book.content.items() if len(frame)}
    if lessons:
        lines.append(f"lesson content: {', '.join(f'{n} {name}' for name, n in lessons.items())}")
    lines += [linked[0]] if linked is not None else []
    lines += [f"model answers: {path}"] if path is not None else []
    print("\n".join([*lines, "No problems found."]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
