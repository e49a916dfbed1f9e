"""Everything a lesson's code cells use, importable in one line.

The first code cell of every lesson is::

    from newsfacts.lesson import *
    book = start()

`start` loads the article's facts and switches on plain-language error messages. This
module brings in ipywidgets (explorers, quizzes) and matplotlib (`plots`), which
``import newsfacts`` alone does not.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from newsfacts import exercises, friendly, plots
from newsfacts.annotate import annotated_article
from newsfacts.book import Book
from newsfacts.exercises import check, describe
from newsfacts.load import load
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
    if pack is None:  # a lesson about the bundled article: say so when another is chosen
        from newsfacts.anyarticle_parts import note_if_another_pack

        note_if_another_pack()
    book = load(pack)
    exercises.use(book)  # check(...) then marks answers against this pack
    return book
