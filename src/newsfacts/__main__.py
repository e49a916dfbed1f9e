"""Command line: check a pack, or cite a fact.

``python -m newsfacts check [PACK]``
    Print the pack's title and how many rows each table has, and exit 0; or print every
    problem and exit 1. What a teacher runs after editing a CSV.
``python -m newsfacts cite ID [--pack PACK]``
    Print where a fact comes from; exit 1 (suggesting the closest ids) for an unknown id.
``python -m newsfacts links [REPOSITORY_URL] [--hub HUB] [--branch student]``
    Print the Binder, nbgitpuller and JupyterHub links students open (see `newsfacts.links`).
``python -m newsfacts new FOLDER --article FILE``, ``paragraphs FOLDER``, ``sources FOLDER``
    Make a pack from a pasted article, list its paragraphs, write its sources list (see
    `newsfacts.newpack`); ``check`` also prints `newsfacts.newpack.pack_warnings`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from newsfacts import links, newpack
from newsfacts.compare import check_linked
from newsfacts.content import content
from newsfacts.errors import DataError, UnknownNameError
from newsfacts.load import load


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m newsfacts",
        description="Check a newsfacts pack, or cite one of its facts.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check", help="check a pack and count its rows", description="Check a pack."
    )
    check.add_argument(
        "pack", nargs="?", default=None, help="the pack's folder (default: the bundled article)"
    )
    cite = commands.add_parser(
        "cite", help="say where a fact comes from", description="Say where a fact comes from."
    )
    cite.add_argument("id", help="a fact's id (see the id column of any table), or a glossary term")
    cite.add_argument("--pack", default=None, help="the pack's folder (default: the bundled one)")
    links.add_parser(commands)
    newpack.add_parsers(commands)  # new, paragraphs, sources (issue 17)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 good, 1 problems, 2 bad usage).

    Examples
    --------
    >>> main(["cite", "no-such-id-anywhere"])  # doctest: +SKIP
    1
    """
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
    except DataError as error:
        print(error)
        return 1
    if args.command == "check":
        # A second source (newsfacts.compare): the comparisons this pack holds, if any.
        linked = check_linked(book)
        if linked is not None and linked[1]:
            print(DataError(linked[1], pack=str(book.path)))
            return 1
        print(book.title)
        print(f"pack: {book.path}")
        summary = book.summary()
        width = max(len(name) for name in summary["table"])
        for name, rows in zip(summary["table"], summary["rows"], strict=True):
            print(f"  {name:<{width}}  {rows:>5}")
        lessons = {name: len(frame) for name, frame in content(book).items() if len(frame)}
        if lessons:
            counts = ", ".join(f"{rows} {name}" for name, rows in lessons.items())
            print(f"lesson content: {counts}")
        if linked is not None:
            print(linked[0])
        print("No problems found.")
        return 0
    try:
        print(book.cite(args.id))
    except UnknownNameError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
