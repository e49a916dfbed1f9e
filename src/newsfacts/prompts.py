"""A lesson's open prompts for students: think and discuss, write, and if you finish early.

The prompts are the pack's ``prompts.csv`` rows for the lesson. Students see the prompts
only; a writing task gets a box to type in. Model answers stay in the teacher edition
(`newsfacts.questions.answer_key` with ``part="prompts"``).
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from newsfacts.content import lesson_rows

__all__ = ["KINDS", "prompts"]

#: Each kind of prompt and the heading a student sees above it, in lesson order.
KINDS: dict[str, str] = {
    "discuss": "Think and discuss",
    "write": "Write",
    "extend": "If you finish early",
}


def prompts(book: Any, lesson: str) -> widgets.VBox:
    """The open prompts of one lesson ("02"), grouped under their headings.

    A ``write`` prompt comes with a labelled text box; nothing is checked or saved, and
    no model answer is shown.
    """
    rows = lesson_rows(book, "prompts", lesson)
    parts: list[widgets.Widget] = []
    for kind, heading in KINDS.items():
        picked = rows[rows["kind"] == kind]
        if picked.empty:
            continue
        parts.append(widgets.HTML(f"<h4>{html.escape(heading)}</h4>"))
        for number, (_, row) in enumerate(picked.iterrows(), start=1):
            parts.append(widgets.HTML(f"<p>{number}. {html.escape(str(row['prompt']))}</p>"))
            if kind == "write":
                parts.append(
                    widgets.Textarea(
                        placeholder="Type your answer here.",
                        description=f"Your text {number}",
                        style={"description_width": "initial"},
                        layout={"width": "95%", "height": "6em"},
                    )
                )
    if not parts:
        parts.append(widgets.HTML(f"<p>Lesson {html.escape(str(lesson))} has no prompts.</p>"))
    return widgets.VBox(parts)
