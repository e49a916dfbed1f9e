"""Write docs/sources.md: every fact the pack takes from outside the article, by source.

Run from the repository's root after editing a context row's note::

    python scripts/sources.py            # write docs/sources.md
    python scripts/sources.py --check    # exit 1 if docs/sources.md is out of date
"""

from __future__ import annotations

import sys

from newsfacts.sources import main

if __name__ == "__main__":
    sys.exit(main())
