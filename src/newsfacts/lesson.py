"""Everything a lesson's code cells use, importable in one line.

The first code cell of every lesson is::

    from newsfacts.lesson import *
    book = start()

`start` loads the article's facts and switches on plain-language error messages. This
module brings in ipywidgets (explorers, quizzes) and matplotlib (`plots`), which
``import newsfacts`` alone does not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from newsfacts import exercises, friendly, plots
from newsfacts.annotate import annotated_article
from newsfacts.book import Book
from newsfacts.exercises import check, describe
from newsfacts.load import bundled_pack, load
from newsfacts.prompts import prompts
from newsfacts.questions import answer_key, check_understanding
from newsfacts.quiz import multiple_choice, quiz, sorting, who_said
from newsfacts.show import facts, table_html
from newsfacts.widgets import actor_explorer, article_reader, fact_filter, glossary_lookup

__all__ = [
    "start",
    "annotated_article",
    "check",
    "describe",
    "facts",
    "check_understanding",
    "answer_key",
    "prompts",
    "multiple_choice",
    "quiz",
    "sorting",
    "who_said",
    "article_reader",
    "actor_explorer",
    "fact_filter",
    "glossary_lookup",
    "plots",
]


def _show_tables_with_named_headers() -> None:
    """In a notebook, show every DataFrame through `newsfacts.show.table_html`."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, table_html)


def start(pack: Any = None) -> Book:
    """Load the article's facts (the bundled article, or `pack`) and turn on friendly errors.

    Returns
    -------
    Book
        The facts: ``book.actors``, ``book.figures``, ... and ``book.cite(id)``.
    """
    friendly.enable()
    # Notes and quotes are sentences: show them whole, not cut at 50 characters.
    pd.set_option("display.max_colwidth", None)
    _show_tables_with_named_headers()
    if pack is None:
        _say_when_on_another_pack()
    book = load(pack)
    exercises.use(book)  # check(...) then marks answers against this pack
    return book


# -- issue 17: a lesson written for the bundled article, run where another pack is chosen --


def _say_when_on_another_pack() -> None:
    """When NEWSFACTS_PACK names another pack, say in one sentence that this lesson is
    about the bundled article (which it still loads) and where the lessons for any
    article are."""
    import os

    chosen = os.environ.get("NEWSFACTS_PACK", "").strip()
    if not chosen or Path(chosen).name == Path(bundled_pack()).name:
        return
    from IPython.display import display

    from newsfacts.anyarticle_parts import Note

    display(
        Note(
            "This lesson is written for the bundled article, so it shows that article, not "
            f"the pack {chosen}; the lessons in notebooks/any-article/ work on any pack."
        )
    )
