"""The library names the any-article modules use, in one place.

The any-article modules (`anyarticle`, `anyarticle_parts`, `profile`, `newpack`,
`tagging`) import what they need from the rest of newsfacts (``newsfacts.pack``,
``newsfacts.lesson``, ``newsfacts.views``, ``newsfacts.text``) through this module.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pandas as pd

from newsfacts import lesson
from newsfacts.lesson.prompts import HEADINGS, Prompts
from newsfacts.lesson.quiz import MODALITY, Question, Sorting, SortingItem, quiz, sentence_with
from newsfacts.load import bundled_pack, load
from newsfacts.marks import BASES, MARKS, mark
from newsfacts.pack.article import read_article, split_paragraphs
from newsfacts.pack.read import read_descriptor
from newsfacts.pack.spec import article_file
from newsfacts.text import closest, did_you_mean, paragraph_key, paragraph_order, paragraph_words
from newsfacts.views.render import render
from newsfacts.views.show import facts, table_html
from newsfacts.views.sources import sources_markdown

__all__ = [
    "BASES",
    "MARKS",
    "mark",
    "load",
    "bundled_pack",
    "paragraph_key",
    "paragraph_order",
    "paragraph_words",
    "read_article",
    "split_paragraphs",
    "article_file",
    "read_descriptor",
    "closest",
    "did_you_mean",
    "lesson_table",
    "views",
    "activities",
]


def lesson_table(book: Any, name: str) -> pd.DataFrame:
    """One lesson-content table of a book (``questions`` ...), empty when the pack has none."""
    found = book.content.get(name)
    return found if isinstance(found, pd.DataFrame) else pd.DataFrame()


def views() -> Any:
    """``render``, ``facts``, ``table_html`` and ``sources_markdown``, as a namespace."""
    return SimpleNamespace(
        render=render, facts=facts, table_html=table_html, sources_markdown=sources_markdown
    )


def activities() -> Any:
    """The quiz, sorting and prompt pieces, and the lesson functions, as a namespace."""
    return SimpleNamespace(
        HEADINGS=HEADINGS,
        Prompts=Prompts,
        MODALITY=MODALITY,
        Question=Question,
        Sorting=Sorting,
        SortingItem=SortingItem,
        quiz=quiz,
        sentence_with=sentence_with,
        start=lesson.start,
        check_understanding=lesson.check_understanding,
        prompts=lesson.prompts,
        sorting=lesson.sorting,
        names=list(lesson.__all__),
    )
