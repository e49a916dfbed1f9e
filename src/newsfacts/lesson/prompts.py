"""A lesson's open prompts for students: think and discuss, write, and if you finish early.

The prompts are the pack's ``prompts.csv`` rows for the lesson. Students see the prompts
only, as plain HTML, so they also show in a printed handout; a writing task is answered in
the text cell the lesson puts under it, which is saved with the notebook. Model answers are
not in the pack at all: the teacher edition reads them (`newsfacts.teacher.model_answers`).
"""

from __future__ import annotations

from typing import Any

from newsfacts.errors import resolve
from newsfacts.views.render import render

__all__ = ["HEADINGS", "Prompts", "prompts"]

#: The heading a student sees above each kind of prompt, in lesson order.
HEADINGS: dict[str, str] = {
    "discuss": "Think and discuss",
    "write": "Write",
    "extend": "If you finish early",
}


class Prompts:
    """A lesson's prompts as a notebook shows them (HTML), with the texts in `texts`."""

    def __init__(self, html: str, texts: list[str]):
        self.html = html
        self.texts = texts

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return "\n".join(f"{n}. {text}" for n, text in enumerate(self.texts, start=1))


def prompts(book: Any, lesson: str, kind: str | None = None) -> Prompts:
    """The open prompts of one lesson ("02"), grouped under their headings.

    Parameters
    ----------
    book : Book
    lesson : str
        The lesson's id, as in ``lessons.csv`` (``"02"``; the number 2 works too).
    kind : str, optional
        Only one kind: ``"discuss"``, ``"write"`` or ``"extend"``; the lesson's own heading
        then stands above the cell, so none is repeated. Default: all, with headings.
    """
    if kind is not None:
        kind = resolve(kind, list(HEADINGS), "kind of prompt", function="prompts")
    chosen = book.lesson(lesson, function="prompts")
    rows = chosen.prompts
    groups = []
    for name, heading in HEADINGS.items():
        picked = rows[rows["kind"] == name]
        if (kind is None or name == kind) and not picked.empty:
            groups.append((heading, [str(p) for p in picked["prompt"]]))
    html = render(
        "prompts.html",
        groups=groups,
        show_headings=kind is None,
        lesson=chosen.id,
        kind=kind or "",
    )
    return Prompts(html, [text for _, texts in groups for text in texts])
