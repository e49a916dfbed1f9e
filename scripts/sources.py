"""Write docs/sources.md: every fact the pack takes from outside the article, by source.

Run from the repository's root after editing an outside-source row's note::

    python scripts/sources.py            # write docs/sources.md
    python scripts/sources.py --check    # exit 1 if docs/sources.md is out of date

It is ``python -m newsfacts sources --output docs/sources.md``, for any pack.
"""

from __future__ import annotations

import sys

from newsfacts.__main__ import main

if __name__ == "__main__":
    sys.exit(main(["sources", "--output", "docs/sources.md", *sys.argv[1:]]))
