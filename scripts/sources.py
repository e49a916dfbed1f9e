"""Write docs/sources.md: every fact the pack takes from outside the article, by source.

Run from the repository's root after editing an outside-source row's note::

    python scripts/sources.py            # write docs/sources.md
    python scripts/sources.py --check    # exit 1 if docs/sources.md is out of date

(``python -m newsfacts sources FOLDER`` writes any pack's list.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsfacts import load
from newsfacts.views.sources import outside_facts, sources_markdown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List every fact from outside the article.")
    parser.add_argument("--pack", default=None, help="the pack's folder (default: bundled)")
    parser.add_argument("--output", default="docs/sources.md", help="where to write the list")
    parser.add_argument("--check", action="store_true", help="only say whether it is up to date")
    args = parser.parse_args(argv)
    book = load(args.pack)
    text, output = sources_markdown(book), Path(args.output)
    if args.check:
        if (output.read_text(encoding="utf-8") if output.exists() else "") != text:
            print(f"{output} is out of date: run python scripts/sources.py")
            return 1
        print(f"{output} is up to date.")
        return 0
    output.write_text(text, encoding="utf-8")
    print(f"wrote {output} ({len(outside_facts(book))} outside facts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
