"""The command line, ``python -m newsfacts COMMAND`` (or ``newsfacts``); ``--help`` lists the
commands. ``check`` exits 1 for a problem in the pack (it also checks its comparisons and model
answers, and first prints the pack's warnings, `newsfacts.pack.warnings`), ``cite`` for an
unknown id."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from newsfacts import newpack
from newsfacts.compare import check_linked
from newsfacts.errors import DataError, NewsfactsError, UnknownNameError
from newsfacts.links import student_links
from newsfacts.load import book_of, bundled_pack, load, read_chosen
from newsfacts.newpack import CREDIT, new_pack, paragraph_lines, set_credit
from newsfacts.pack import answers_file, read_answers
from newsfacts.text import plural

PACK = "the pack's folder (default: the bundled article)"


def _check(args: argparse.Namespace) -> None:
    """Check a pack."""
    read = read_chosen(args.pack)
    if warnings := read.warnings:
        print(f"{plural(len(warnings), 'warning')} (the pack still loads):")
        print("\n".join(f"warning: {problem}" for problem in warnings))
    book = book_of(read)
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
    story = plural(int((book.paragraphs["kind"] == "story").sum()), "story paragraph")
    above = {"paragraphs": f"  ({story}; the rest is the headline, byline and captions)"}
    rows = summary[["table", "rows"]].values
    lines += [f"  {n:<{width}}  {count:>5}{above.get(n, '')}" for n, count in rows]
    lessons = [f"{len(frame)} {name}" for name, frame in book.content.items() if len(frame)]
    lines += [f"lesson content: {', '.join(lessons)}"] if lessons else []
    lines += [linked[0]] if linked is not None else []
    lines += [f"model answers: {path}"] if path is not None else []
    print("\n".join([*lines, "No problems found."]))


def _cite(args: argparse.Namespace) -> None:
    """Say where a fact comes from."""
    print(load(args.pack).cite(args.id))


def _links(args: argparse.Namespace) -> None:
    """Print the links students open, for this repository on any git host."""
    print(student_links(args.repository, args.hub, args.branch, args.lesson, args.fresh_workspace))


def _new(args: argparse.Namespace) -> None:
    """Make a pack folder from an article pasted into a text file."""
    credit = {option: getattr(args, option) for option in CREDIT}
    folder = new_pack(
        args.folder, args.article, args.byline, args.no_byline, args.caption, **credit
    )
    print(f"Made the pack {folder}. Its article, as the lessons will read it:")
    print("\n".join(paragraph_lines(folder)))
    print(
        "If a part is wrong, mend article.txt (docs/authoring.md, section 2), then run "
        f"python -m newsfacts paragraphs {folder}"
    )


def _credit(args: argparse.Namespace) -> None:
    """Fill in the article's credit (what the lessons show above the article)."""
    for option, value in set_credit(args.folder, **{o: getattr(args, o) for o in CREDIT}).items():
        print(f"  {option:<10} {value or '(not given)'}")


def _paragraphs(args: argparse.Namespace) -> None:
    """List the article's parts: headline, byline, captions, then ¶ 1, ¶ 2 ..."""
    print("\n".join(paragraph_lines(args.folder or bundled_pack())))


def _sources(args: argparse.Namespace) -> None:
    """Write the list of the article's credit and every outside fact."""
    print(f"wrote {newpack.write_sources(args.folder, args.output)}")


#: Each command, in the order ``--help`` lists them: what runs it (its docstring is the
#: command's description) and its help line.
COMMANDS = {
    "check": (_check, "check a pack and count its rows"),
    "cite": (_cite, "say where a fact comes from"),
    "links": (_links, "print the nbgitpuller, JupyterHub and Binder links for students"),
    "new": (_new, "make a pack from a pasted article"),
    "credit": (_credit, "fill in the article's title, author, publisher, date and address"),
    "paragraphs": (_paragraphs, "list a pack's numbered paragraphs"),
    "sources": (_sources, "write a pack's sources list"),
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m newsfacts", description="Check a newsfacts pack, or cite one of its facts."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add = {
        name: commands.add_parser(name, help=words, description=run.__doc__)
        for name, (run, words) in COMMANDS.items()
    }
    add["check"].add_argument("pack", nargs="?", help=PACK)
    add["cite"].add_argument(
        "id", help="a fact's id (see the id column of any table), or a glossary term"
    )
    add["cite"].add_argument("--pack", help=PACK)
    links = add["links"]
    git = "git address: https, SSH or file:// (default: git's origin)"
    links.add_argument("repository", nargs="?", help=git)
    links.add_argument("--hub", help="your JupyterHub's address")
    links.add_argument("--branch", default="student", help="branch to open (default: student)")
    links.add_argument("--lesson", help="lesson to open: 04, or 04-venezuela (default: 00)")
    fresh = "hub links open the lesson alone, not the tabs of the last visit"
    links.add_argument("--fresh-workspace", action="store_true", help=fresh)
    new = add["new"]
    new.add_argument("folder", help="the new pack's folder, such as data/bridge-vote")
    new.add_argument("--article", required=True, help="the text file holding the article")
    new.add_argument("--byline", help="the byline, if the file does not hold it")
    wire = "the article names no author (a wire story)"
    new.add_argument("--no-byline", action="store_true", help=wire)
    caption = "a photo caption (repeat for more)"
    new.add_argument("--caption", action="append", default=[], help=caption)
    add["credit"].add_argument("folder", help="the pack's folder")
    for option, (_, words) in CREDIT.items():
        new.add_argument(f"--{option}", help=words)
        add["credit"].add_argument(f"--{option}", help=words)
    for name in ("paragraphs", "sources"):
        add[name].add_argument("folder", nargs="?", help="the pack's folder")
    output = "where to write it (default: sources.md in the pack)"
    add["sources"].add_argument("--output", help=output)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 good, 1 problems, 2 bad usage)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error argparse has printed
        return stop.code if isinstance(stop.code, int) else 2
    try:
        COMMANDS[args.command][0](args)
    except UnknownNameError as error:
        print(error, file=sys.stderr)
        return 1
    except (NewsfactsError, OSError) as error:  # a pack, an address, a date; a file not read
        if args.command in ("check", "cite") and not isinstance(error, DataError):
            raise  # not a problem of the pack: a bug shows as one
        reading = args.command == "paragraphs" and isinstance(error, OSError)
        print(f"Cannot read the article: {error}" if reading else error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
