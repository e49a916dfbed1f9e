"""Quizzes with instant feedback, built from the fact base so the answers cannot drift.

- `multiple_choice`: one question, radio buttons, feedback as soon as a choice is made:
  a hint when wrong (never the right answer), an explanation with the paragraph when right.
- `who_said`: a multiple-choice question made from a claim: who said it?
- `sorting`: two questions per sentence of the article (who says it? has it happened?),
  read from the pack's ``sorting.csv``, and a button that marks both and shows the evidence.
  "Has it happened?" offers happened / going on / **not yet** (expected, proposed and
  threatened together); ``finer=True`` tells the kinds of not yet apart (lesson 6).

Every quiz is an ipywidgets ``VBox``; its feedback is an ``HTML`` widget rewritten by a
callback, never printed, so lessons re-run cleanly under nbval.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from newsfacts.errors import WrongValueError, expect, resolve
from newsfacts.marks import MARKS, NOT_YET
from newsfacts.text import paragraph_words
from newsfacts.views.render import LABEL_STYLE, macro
from newsfacts.views.show import feedback_html

__all__ = [
    "Question",
    "MultipleChoice",
    "Sorting",
    "SortingItem",
    "sorting_items",
    "sentence_with",
    "WHO",
    "MODALITY",
    "HAPPENED",
    "NOT_YET",
    "happened_choices",
    "multiple_choice",
    "who_said",
    "quiz",
    "sorting",
]

#: "Who says it?": the sorting task's first question. The keys are the values of
#: ``sorting.csv``'s ``who`` column; the words are the marks' own (`newsfacts.marks`): a
#: sentence of the article is said by the article itself or passed on from someone.
WHO: dict[str, str] = {
    "article": MARKS["article says"].title,
    "person": MARKS["someone says"].title,
}


#: "Has it happened?" as lessons 2 to 5 ask it: three choices, the pack's values grouped.
HAPPENED: dict[str, str] = {
    "happened": "it has happened",
    "going on": "it is going on now",
    "not yet": "not yet",
}

#: "Has it happened?" told apart (lesson 6): one choice per modality a pack codes.
MODALITY: dict[str, str] = {
    "happened": "it has happened",
    "going on": "it is going on now",
    "expected": "it is only expected",
    "proposed": "it is only proposed",
    "threatened": "it is only threatened",
}


def _group(modality: str) -> str:
    """The choice a modality falls in when not yet is one choice (expected → not yet)."""
    return modality if modality in ("happened", "going on") else "not yet"


def happened_choices(modalities: Sequence[str], finer: bool = False) -> dict[str, str]:
    """The "Has it happened?" choices for sentences coded with `modalities`.

    Grouped (the default): happened, going on and not yet. With `finer`: happened, going on,
    and each kind of not yet the sentences use, so no choice is one that no sentence has.

    >>> list(happened_choices(["happened", "expected"]))
    ['happened', 'going on', 'not yet']
    >>> list(happened_choices(["happened", "expected", "proposed"], finer=True))
    ['happened', 'going on', 'expected', 'proposed']
    """
    if not finer:
        return dict(HAPPENED)
    used = set(modalities)
    kinds = [m for m in MODALITY if m in NOT_YET and m in used]
    kinds += sorted(m for m in used if m not in MODALITY)  # a value the library has no words for
    return {
        "happened": MODALITY["happened"],
        "going on": MODALITY["going on"],
        **{m: MODALITY.get(m, m) for m in kinds},
    }


@dataclass(frozen=True)
class Question:
    """A multiple-choice question.

    Attributes
    ----------
    prompt, options, answer : str, tuple of str, str
        The question, its options, and the right option.
    hint : str
        Shown with a wrong choice: where to look, never the answer.
    explanation : str
        Shown with the right choice.
    feedback : tuple of str
        One line per option (why it is right or wrong), shown when it is picked; empty to
        show only the hint or the explanation.
    evidence : tuple of Citation
        The fact rows the answer rests on, shown (paragraph, quote, mark) with the right
        choice.
    id : str
        The question's id in the pack ("" for a question made in a cell).
    """

    prompt: str
    options: tuple[str, ...]
    answer: str
    hint: str
    explanation: str
    feedback: tuple[str, ...] = ()
    evidence: tuple[Any, ...] = ()
    id: str = ""

    def __post_init__(self) -> None:
        if self.answer not in self.options:
            raise WrongValueError(
                f"The answer {self.answer!r} is not one of the options {list(self.options)}."
            )

    def feedback_for(self, option: str) -> str:
        """The feedback line of one option ("" when there is none)."""
        if option in self.options and len(self.feedback) == len(self.options):
            return self.feedback[self.options.index(option)]
        return ""


class MultipleChoice(widgets.VBox):
    """One question with radio buttons; feedback appears as soon as an option is picked.

    The first option picked counts: it stays shown as the student's first try ("First try:
    ... ✓ right" or "✗ not right") while they go on picking options to read why each is right
    or wrong, so a teacher can use the quiz as an exit ticket. Every option's feedback comes
    with the evidence once the first try is in.
    """

    def __init__(self, question: Question, number: int | None = None):
        self.question = question
        self.first: str | None = None
        prefix = f"{number}. " if number is not None else ""
        self.prompt = widgets.HTML(str(macro("quiz.html", "prompt")(prefix + question.prompt)))
        self.control = widgets.RadioButtons(
            options=list(question.options),
            value=None,
            description="Your answer",
            style=LABEL_STYLE,
            layout={"width": "max-content"},
        )
        self.first_try = widgets.HTML("")
        self.feedback = widgets.HTML(feedback_html(None, "Pick an answer."))
        self.control.observe(self._check, names="value")
        super().__init__([self.prompt, self.control, self.first_try, self.feedback])

    @property
    def correct(self) -> bool:
        return self.control.value == self.question.answer

    @property
    def first_correct(self) -> bool | None:
        """Whether the first try was right; None before any option is picked."""
        return None if self.first is None else self.first == self.question.answer

    def _check(self, _change: Any = None) -> None:
        if self.control.value is None:
            self.feedback.value = feedback_html(None, "Pick an answer.")
            return
        if self.first is None:
            self.first = self.control.value
            right = "✓ right" if self.first_correct else "✗ not right"
            self.first_try.value = str(macro("quiz.html", "first_try")(self.first, right))
        line = self.question.feedback_for(self.control.value)
        if self.correct:
            # A pack's feedback line says "Right: ..." itself; a cell's explanation does not.
            line = line or f"Right. {self.question.explanation}"
            self.feedback.value = feedback_html(True, line, self.question.evidence)
        else:
            why = f"{line} Hint: {self.question.hint}" if line else self.question.hint
            self.feedback.value = feedback_html(False, f"Not quite. {why}", self.question.evidence)


def multiple_choice(
    prompt: str, options: Sequence[str], answer: str, hint: str, explanation: str
) -> MultipleChoice:
    """A question with instant feedback (see `MultipleChoice`)."""
    return MultipleChoice(Question(prompt, tuple(options), answer, hint, explanation))


class Quiz(widgets.VBox):
    """Several questions, numbered, one under the other, and a count of first tries.

    The count ("First tries right: 2 of 3") shows once every question has a first try, so
    the quiz works as an exit ticket: what a student picked first is what counts.
    """

    def __init__(self, questions: Sequence[Question]):
        self.questions = [MultipleChoice(q, i) for i, q in enumerate(questions, start=1)]
        self.score = widgets.HTML("")
        for question in self.questions:
            question.control.observe(self._count, names="value")
        super().__init__([*self.questions, self.score])

    @property
    def first_tries_right(self) -> int:
        """How many questions were right at the first try."""
        return sum(bool(q.first_correct) for q in self.questions)

    def _count(self, _change: Any = None) -> None:
        if all(q.first is not None for q in self.questions):
            self.score.value = str(
                macro("quiz.html", "score")(self.first_tries_right, len(self.questions))
            )


def quiz(questions: Sequence[Question]) -> Quiz:
    """Several questions, numbered, with a count of first tries (see `Quiz`)."""
    return Quiz(questions)


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
    claims = book.claims.set_index("id")
    claim_id = resolve(claim_id, list(claims.index), "claim", function="who_said")
    claim = claims.loc[claim_id]
    names = dict(zip(book.actors["id"], book.actors["name"], strict=True))
    speaker = claim["speaker"]
    others = expect(
        [] if others is None else others,
        "texts",
        function="who_said",
        what="others as a list of actor ids in quotes",
        example=str(list(book.actors["id"][:2])),
    )
    others = [resolve(other, list(names), "actor") for other in others]
    if not others:
        people = book.actors.loc[book.actors["kind"] == "person", "id"]
        speakers = list(dict.fromkeys(book.claims["speaker"]))
        others = [p for p in [*speakers, *people] if p != speaker][:3]
    options = sorted({names[speaker], *(names[o] for o in others)})
    return Question(
        # The claim's text is the pack's plain wording, not the article's: no quotation marks.
        prompt=f"According to the article, who said this? {claim['text']}",
        options=tuple(options),
        answer=names[speaker],
        hint=f"Read {paragraph_words(claim['paragraph'], False)} again: whose words does it "
        "report?",
        explanation=f"{paragraph_words(claim['paragraph'], False).capitalize()}: "
        f"“{claim['quote']}”.",
        evidence=(book.cite(claim_id),),
    )


def sentence_with(paragraph: str, quote: str) -> str:
    """The sentence(s) of a paragraph that hold a quote; the whole paragraph if none does.

    Examples
    --------
    >>> sentence_with("It rained. He said it would stop soon. It did not.", "would stop")
    'He said it would stop soon.'
    """
    sentences = re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[A-Z“\"])", paragraph.strip())
    start = paragraph.find(quote)
    if start < 0:
        return paragraph
    end = start + len(quote)
    picked, position = [], 0
    for sentence in sentences:
        begin = paragraph.find(sentence, position)
        position = begin + len(sentence)
        if begin < end and position > start:
            picked.append(sentence)
    return " ".join(picked) or paragraph


def _dropdown(label: str, words: dict[str, str]) -> widgets.Dropdown:
    return widgets.Dropdown(
        options=[("choose…", "")] + [(text, key) for key, text in words.items()],
        value="",
        description=label,
        style=LABEL_STYLE,
    )


@dataclass(frozen=True)
class SortingItem:
    """One sentence to sort: its fact, the two right answers, the explanation, the evidence."""

    fact: str
    who: str
    modality: str
    explanation: str
    citation: Any
    sentence: str


class Sorting(widgets.VBox):
    """Two questions for each sentence: who says it, and has it happened?

    "Has it happened?" offers happened, going on and not yet; with ``finer=True`` it tells
    the kinds of not yet apart (see `happened_choices`). Each sentence is shown whole, with
    its paragraph number and the fact's quote in bold: the two questions are about the bold
    words. Checking marks both answers ✓ or ✗ and, for every sentence, shows the
    explanation of the right answer and the evidence (paragraph, quote, mark): never a hint
    about the pile the student picked.
    """

    def __init__(self, items: Sequence[SortingItem], finer: bool = False):
        self.items = list(items)
        self.finer = finer
        self.happened_words = happened_choices([i.modality for i in self.items], finer)
        self.choices: list[tuple[widgets.Dropdown, widgets.Dropdown, widgets.HTML]] = []
        rows = []
        for number, item in enumerate(self.items, start=1):
            before, quote, after = item.sentence.partition(item.citation.quote)
            if not quote:  # the quote is not in the sentence as written: show it whole
                before, quote, after = item.sentence, "", ""
            sentence = macro("quiz.html", "sentence")
            text = widgets.HTML(
                str(
                    sentence(number, paragraph_words(item.citation.paragraph), before, quote, after)
                )
            )
            who = _dropdown("Who says it?", WHO)
            happened = _dropdown("Has it happened?", self.happened_words)
            mark = widgets.HTML("")
            self.choices.append((who, happened, mark))
            rows.append(widgets.VBox([text, widgets.HBox([who, happened]), mark]))
        self.button = widgets.Button(description="Check my sorting", button_style="")
        self.feedback = widgets.HTML(
            feedback_html(None, "Answer both questions, then press the button.")
        )
        self.button.on_click(self.check)
        super().__init__([*rows, self.button, self.feedback])

    def right_choice(self, item: SortingItem) -> str:
        """The "Has it happened?" choice that is right for an item (``"not yet"`` for an
        expected event, unless the kinds are told apart)."""
        return item.modality if self.finer else _group(item.modality)

    def check(self, _button: Any = None) -> int:
        """Mark every answer and return how many answers (two per sentence) are right."""
        right = 0
        for item, (who, happened, mark) in zip(self.items, self.choices, strict=True):
            if who.value == "" or happened.value == "":
                mark.value = feedback_html(None, "Answer both questions first.")
                right += (who.value == item.who) + (happened.value == self.right_choice(item))
                continue
            good = [who.value == item.who, happened.value == self.right_choice(item)]
            right += sum(good)
            said = "Who says it: " + ("right" if good[0] else "not this one") + "."
            done = "Has it happened: " + ("right" if good[1] else "not this one") + "."
            mark.value = feedback_html(
                all(good), f"{said} {done} {item.explanation}", [item.citation]
            )
        total = 2 * len(self.items)
        self.feedback.value = feedback_html(
            right == total,
            f"{right} of {total} answers right."
            + ("" if right == total else " Read the evidence under each sentence."),
        )
        return right


def sorting_items(book: Any, lesson: str) -> list[SortingItem]:
    """The sentences a lesson sorts, read from the pack's ``sorting.csv``."""
    items = []
    texts = book.paragraphs.set_index("paragraph")["text"]
    for _, row in book.lesson(lesson, function="sorting").sorting.iterrows():
        citation = book.cite(row["fact"])
        paragraph = str(texts.get(citation.paragraph, citation.quote))
        items.append(
            SortingItem(
                row["fact"],
                row["who"],
                row["modality"],
                row["explanation"],
                citation,
                sentence_with(paragraph, citation.quote),
            )
        )
    return items


def sorting(book: Any, lesson: str, finer: bool = False) -> Sorting:
    """The sorting task of one lesson ("02"): who says it, and has it happened?

    Parameters
    ----------
    book : Book
    lesson : str
        The lesson's id, such as "02"; its sentences are the pack's ``sorting.csv`` rows.
    finer : bool
        False (the default): "Has it happened?" offers happened, going on and not yet
        (expected, proposed and threatened count as not yet). True: the kinds of not yet
        the lesson's sentences use are choices of their own (lesson 6).
    """
    if isinstance(lesson, int) and not isinstance(lesson, bool):
        lesson = str(lesson)
    expect(
        lesson,
        "text",
        function="sorting",
        what="the book and the lesson's number",
        example="sorting(book, '02')",
    )
    return Sorting(sorting_items(book, lesson), finer=bool(finer))
