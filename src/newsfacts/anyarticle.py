"""The lessons that run on any pack (``notebooks/any-article/``): which pack, and their parts.

The first code cell of every lesson of the series is::

    from newsfacts.anyarticle import *
    book = start_any()

**Which pack.** One place says it: the file ``any-article-pack.txt`` at the top of the
project (the repository root), one line naming a pack folder (``data/my-article``) or just
its name (``my-article``, looked for in ``data/``). The environment variable
``NEWSFACTS_PACK``, when set, wins over the file (for tests, and for a hub that serves one
pack to a class). A relative path is read from the repository root, never from the
notebook's folder. With neither, the bundled article is used.

**The parts.** Everything a lesson shows is taken from the pack: `from_pack` shows the
pack's quiz questions, sorting sentences or prompts for the lesson when it has them, and
otherwise says the activity is built from the fact tables; `figures_table`,
`events_by_modality`, `modality_sorting`, `summary_checklist` build the rest.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from newsfacts.anyarticle_parts import (
    LESSONS,
    NOT_YET,
    Note,
    cite_first,
    events_by_modality,
    figures_table,
    from_pack,
    mark_question,
    mentions_question,
    modality_sorting,
    not_yet,
    passed_on,
    prompts_for,
    qualifier_question,
    second_text,
    summary_checklist,
    voices_table,
    what_the_data_shows,
)
from newsfacts.lesson import *  # noqa: F403 (the lesson API, as every lesson has it)
from newsfacts.lesson import __all__ as _LESSON_ALL
from newsfacts.lesson import start
from newsfacts.profile import mentions_list, observations, profile_table, sourcing_profile
from newsfacts.resources import SETTING, repository_root
from newsfacts.tagging import tag_sentences

__all__ = [
    *_LESSON_ALL,
    "start_any",
    "chosen_pack",
    "LESSONS",
    "NOT_YET",
    "from_pack",
    "prompts_for",
    "figures_table",
    "events_by_modality",
    "modality_sorting",
    "qualifier_question",
    "mentions_question",
    "summary_checklist",
    "mark_question",
    "what_the_data_shows",
    "voices_table",
    "cite_first",
    "second_text",
    "passed_on",
    "not_yet",
    "sourcing_profile",
    "profile_table",
    "mentions_list",
    "observations",
    "tag_sentences",
]

#: The setting file, at the repository root.
#: The environment variable that wins over the setting file.
ENVIRONMENT = "NEWSFACTS_PACK"


def _setting(root: Path | None) -> str:
    if root is None or not (root / SETTING).is_file():
        return ""
    for line in (root / SETTING).read_text(encoding="utf-8-sig").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            return line
    return ""


def _resolve(value: str, root: Path | None) -> Path:
    path = Path(value).expanduser()
    if path.is_absolute():
        return path
    base = root or Path.cwd()
    if (base / path / "datapackage.json").is_file() or len(path.parts) > 1:
        return base / path
    return base / "data" / path


def chosen_pack(start_at: Path | None = None) -> tuple[Path | None, str]:
    """The pack the series uses, and where that choice was read.

    Returns
    -------
    (path, where)
        The pack's folder (None: the bundled article) and ``"NEWSFACTS_PACK"``, the
        setting file's name, or ``"default"``.
    """
    root = repository_root(start_at)
    value = os.environ.get(ENVIRONMENT, "").strip()
    if value:
        return _resolve(value, root), ENVIRONMENT
    value = _setting(root)
    if value:
        return _resolve(value, root), SETTING
    return None, "default"


def start_any(pack: Any = None):
    """Load the pack the series is set to (see the module's notes) and say which it is.

    Parameters
    ----------
    pack : str or path, optional
        A pack folder, for one notebook only; by default the pack `chosen_pack` finds.

    Returns
    -------
    Book
    """
    if pack is None:
        pack, _ = chosen_pack()
    elif not Path(pack).is_absolute():
        pack = _resolve(str(pack), repository_root())
    book = start(pack)
    from IPython.display import display

    display(Note(f"The article: {book.title}"))
    return book
