"""Everything a lesson's code cells use, importable in one line.

The first code cell of every lesson is::

    from newsfacts.lesson import *
    book = start()

`start` (`newsfacts.lesson.notebook`) loads the article's facts and sets up the notebook;
``check`` is bound to that book. This brings in ipywidgets (explorers, quizzes) and
matplotlib (`plots`), which ``import newsfacts`` alone does not. The answer keys are not
here: they are the teacher edition's (`newsfacts.teacher`).
"""

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
