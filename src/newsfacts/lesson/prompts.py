"""A lesson's open prompts (``prompts.csv``) as plain HTML that also prints in a handout; the
model answers are the teacher edition's (`newsfacts.teacher.model_answers`)."""

from __future__ import annotations

from newsfacts.book import Book
from newsfacts.errors import resolve
from newsfacts.views.render import render

#: The heading a student sees above each kind of prompt, in lesson order.
HEADINGS: dict[str, str] = {
    "discuss": "Think and discuss",
    "write": "Write",
    "extend": "If you finish early",
}


class Prompts:
    """A lesson's prompts as a notebook shows them (HTML), with the texts in `texts`."""

    def __init__(self, html: str, texts: list[str]):
        self.html, self.texts = html, texts

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return "\n".join(f"{n}. {text}" for n, text in enumerate(self.texts, start=1))


def prompts(book: Book, lesson: str, kind: str | None = None) -> Prompts:
    """The open prompts of one lesson ("02", or 2) under their headings; or only one `kind`
    ("discuss", "write" or "extend"), without a heading: the lesson's own stands above."""
    if kind is not None:
        kind = resolve(kind, list(HEADINGS), "kind of prompt", function="prompts")
    chosen = book.lesson(lesson, function="prompts")
    texts = chosen.prompts.groupby("kind")["prompt"].agg(list)
    groups = [
        (h, texts[name]) for name, h in HEADINGS.items() if kind in (None, name) and name in texts
    ]
    html = render(
        "prompts.html", groups=groups, show_headings=kind is None, lesson=chosen.id, kind=kind or ""
    )
    return Prompts(html, [text for _, texts in groups for text in texts])
