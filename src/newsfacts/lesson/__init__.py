"""Everything a lesson's code cells use, in one line: ``from newsfacts.lesson import *`` then
``book = start()`` (`newsfacts.lesson.notebook`), which binds ``check`` to that book. Brings in
ipywidgets and matplotlib, which ``import newsfacts`` alone does not; no answer keys (those are
the teacher edition's, `newsfacts.teacher`)."""

from __future__ import annotations

from newsfacts import plots
from newsfacts.lesson.exercises import Checker, check, describe
from newsfacts.lesson.notebook import start, stop
from newsfacts.lesson.prompts import prompts
from newsfacts.lesson.questions import check_understanding
from newsfacts.lesson.quiz import multiple_choice, quiz, sorting, who_said
from newsfacts.views.annotate import annotated_article
from newsfacts.views.show import facts
from newsfacts.views.widgets import actor_explorer, article_reader, fact_filter, glossary_lookup

__all__ = [
    "start",
    "stop",
    "annotated_article",
    "check",
    "Checker",
    "describe",
    "facts",
    "check_understanding",
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
