"""Quizzes with instant feedback, built from the fact base so the answers cannot drift.

- `multiple_choice`: one question, radio buttons, feedback as soon as a choice is made:
  a hint when wrong (never the right answer), an explanation with the paragraph when right.
- `who_said`: a multiple-choice question made from a claim: who said it?
- `sorting`: "stated, claimed or expected?": a drop-down per quote from the article, and a
  button that marks each choice with a hint.

Every quiz is an ipywidgets ``VBox``; its feedback is an ``HTML`` widget rewritten by a
callback, never printed, so lessons re-run cleanly under nbval.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

__all__ = [
    "Question",
    "MultipleChoice",
    "Sorting",
    "CATEGORIES",
    "category_of",
    "multiple_choice",
    "who_said",
    "quiz",
    "sorting",
]

_LABEL_STYLE = {"description_width": "initial"}

#: The three piles of the sorting exercise, with the words a student sees.
CATEGORIES: dict[str, str] = {
    "stated": "stated by the article",
    "claimed": "claimed by someone in it",
    "expected": "only expected, threatened or proposed",
}

_CATEGORY_HINTS = {
    "stated": "Is anyone said to have said this? If not, the article says it in its own voice.",
    "claimed": "Look for a verb of saying or insisting (said, insisted) and who it belongs to.",
    "expected": "Look for words about the future or about plans: expected, would, threat, "
    "proposal, to face.",
}


def _box(ok: bool | None, text: str) -> str:
    colour = {True: "#009E73", False: "#D55E00", None: "#999999"}[ok]
    symbol = {True: "✓", False: "✗", None: "…"}[ok]
    return (
        f'<div class="newsfacts-feedback" role="status" style="border-left:6px solid {colour};'
        f'padding:4px 10px"><strong>{symbol}</strong> {html.escape(text)}</div>'
    )


@dataclass(frozen=True)
class Question:
    """A multiple-choice question: its prompt, options, the right option, a hint for a
    wrong choice and an explanation for the right one."""

    prompt: str
    options: tuple[str, ...]
    answer: str
    hint: str
    explanation: str

    def __post_init__(self) -> None:
        if self.answer not in self.options:
            raise ValueError(
                f"The answer {self.answer!r} is not one of the options {list(self.options)}."
            )


class MultipleChoice(widgets.VBox):
    """One question with radio buttons; feedback appears as soon as an option is picked."""

    def __init__(self, question: Question, number: int | None = None):
        self.question = question
        prefix = f"{number}. " if number is not None else ""
        self.prompt = widgets.HTML(
            f"<p><strong>{html.escape(prefix + question.prompt)}</strong></p>"
        )
        self.control = widgets.RadioButtons(
            options=list(question.options),
            value=None,
            description="Your answer",
            style=_LABEL_STYLE,
            layout={"width": "max-content"},
        )
        self.feedback = widgets.HTML(_box(None, "Pick an answer."))
        self.control.observe(self._check, names="value")
        super().__init__([self.prompt, self.control, self.feedback])

    @property
    def correct(self) -> bool:
        return self.control.value == self.question.answer

    def _check(self, _change: Any = None) -> None:
        if self.control.value is None:
            self.feedback.value = _box(None, "Pick an answer.")
        elif self.correct:
            self.feedback.value = _box(True, "Right. " + self.question.explanation)
        else:
            self.feedback.value = _box(False, "Not quite. " + self.question.hint)


def multiple_choice(
    prompt: str, options: Sequence[str], answer: str, hint: str, explanation: str
) -> MultipleChoice:
    """A question with instant feedback (see `MultipleChoice`)."""
    return MultipleChoice(Question(prompt, tuple(options), answer, hint, explanation))


def quiz(questions: Sequence[Question]) -> widgets.VBox:
    """Several questions, numbered, one under the other."""
    return widgets.VBox([MultipleChoice(q, i) for i, q in enumerate(questions, start=1)])


def _texts(value: Any) -> list[str] | None:
    """One text, or any collection of texts, as a list; None for anything else."""
    if isinstance(value, str):
        return [value]
    try:
        items = list(value)
    except TypeError:
        return None
    return items if all(isinstance(item, str) for item in items) else None


def who_said(book: Any, claim_id: str, others: Sequence[str] = ()) -> Question:
    """A question made from a claim: "Who said ...?", with the speaker among the options.

    Parameters
    ----------
    book : Book
    claim_id : str
        A row of ``book.claims``.
    others : list of str, optional
        Actor ids for the wrong options; default: the other people who speak in the
        article, then the first people it names.
    """
    from newsfacts.errors import describe_value
    from newsfacts.errors import UnknownNameError
    from newsfacts.suggest import closest

    claims = book.claims.set_index("id")
    if not isinstance(claim_id, str):
        example = claims.index[0] if len(claims) else "claim-..."
        raise TypeError(
            f"who_said() takes a claim's id in quotes, such as {example!r}; "
            f"you passed {describe_value(claim_id)}."
        )
    if claim_id not in claims.index:
        raise UnknownNameError(claim_id, closest(claim_id, list(claims.index)), what="claim")
    claim = claims.loc[claim_id]
    names = dict(zip(book.actors["id"], book.actors["name"], strict=True))
    speaker = claim["speaker"]
    given = others
    others = _texts(() if others is None else others)
    if others is None:
        raise TypeError(
            "who_said() takes others as a list of actor ids, such as ['macron', 'trump']; "
            f"you passed {describe_value(given)}."
        )
    for other in others:
        if other not in names:
            raise UnknownNameError(other, closest(other, list(names)), what="actor")
    if not others:
        people = book.actors.loc[book.actors["kind"] == "person", "id"]
        speakers = list(dict.fromkeys(book.claims["speaker"]))
        others = [p for p in [*speakers, *people] if p != speaker][:3]
    options = sorted({names[speaker], *(names[o] for o in others)})
    return Question(
        prompt=f"Who said this, according to the article? “{claim['text']}”",
        options=tuple(options),
        answer=names[speaker],
        hint=f"Read paragraph {int(claim['paragraph'])} again: whose words does it report?",
        explanation=f"Paragraph {int(claim['paragraph'])}: “{claim['quote']}”.",
    )


def category_of(book: Any, ident: str) -> str:
    """Which pile a fact belongs in: 'claimed', 'expected' or 'stated'.

    A claim, or any row whose basis is 'attributed', is claimed; an event whose modality
    is expected, threatened or proposed is expected; anything else the article states.
    """
    if not isinstance(ident, str):
        from newsfacts.errors import describe_value

        raise TypeError(
            f"Give a fact's id in quotes, such as 'claim-...' or 'ev-...'; "
            f"you passed {describe_value(ident)}."
        )
    for table in ("claims", "events", "figures", "relations", "actors", "places"):
        frame = getattr(book, table)
        hit = frame[frame["id"] == ident]
        if not hit.empty:
            row = hit.iloc[0]
            if table == "claims" or row["basis"] == "attributed":
                return "claimed"
            if table == "events" and row["modality"] in ("expected", "threatened", "proposed"):
                return "expected"
            return "stated"
    from newsfacts.errors import UnknownNameError
    from newsfacts.suggest import closest

    known = [
        str(i)
        for t in ("claims", "events", "figures", "relations", "actors", "places")
        for i in getattr(book, t)["id"]
    ]
    raise UnknownNameError(ident, closest(ident, known), what="fact id")


class Sorting(widgets.VBox):
    """ "Stated, claimed or expected?": a drop-down for each quote, and a Check button.

    Checking marks each choice ✓ or ✗ with a hint for the wrong ones and counts the right
    ones; it never fills in an answer.
    """

    def __init__(self, book: Any, ids: Sequence[str]):
        from newsfacts.errors import describe_value

        given = ids
        ids = _texts(ids)
        if ids is None:
            raise TypeError(
                "sorting() takes a list of fact ids in quotes, such as "
                f"['ev-invasion', 'claim-plan-90']; you passed {describe_value(given)}."
            )
        self.book = book
        self.items = []
        rows = []
        for number, ident in enumerate(ids, start=1):
            row = book.get(ident) if hasattr(book, "get") else None
            quote = row["quote"] if row is not None else ident
            paragraph = int(row["paragraph"]) if row is not None else None
            choice = widgets.Dropdown(
                options=[("choose…", "")] + [(words, key) for key, words in CATEGORIES.items()],
                value="",
                description=f"Quote {number}",
                style=_LABEL_STYLE,
            )
            text = widgets.HTML(f"<p>{number}. “{html.escape(quote)}” (¶ {paragraph})</p>")
            mark = widgets.HTML("")
            self.items.append((ident, choice, mark, category_of(book, ident)))
            rows.append(widgets.VBox([text, widgets.HBox([choice, mark])]))
        self.button = widgets.Button(description="Check my sorting", button_style="")
        self.feedback = widgets.HTML(_box(None, "Sort every quote, then press the button."))
        self.button.on_click(self.check)
        super().__init__([*rows, self.button, self.feedback])

    def check(self, _button: Any = None) -> int:
        """Mark every choice and return how many are right."""
        right = 0
        for _ident, choice, mark, truth in self.items:
            if choice.value == "":
                mark.value = _box(None, "Not sorted yet.")
            elif choice.value == truth:
                right += 1
                mark.value = _box(True, "Right.")
            else:
                mark.value = _box(False, _CATEGORY_HINTS[choice.value])
        total = len(self.items)
        self.feedback.value = _box(
            right == total,
            f"{right} of {total} sorted right."
            + ("" if right == total else " Look at the hints and try again."),
        )
        return right


def sorting(book: Any, ids: Sequence[str]) -> Sorting:
    """The "stated, claimed or expected?" exercise over some facts (see `Sorting`)."""
    return Sorting(book, ids)
