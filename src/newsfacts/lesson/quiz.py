"""Quizzes with instant feedback, built from the fact base so the answers cannot drift: each
a ``VBox`` whose ``HTML`` feedback a callback rewrites (never printed: nbval re-runs cleanly)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from newsfacts.book import Book
from newsfacts.errors import WrongValueError, expect, resolve
from newsfacts.marks import MARKS, NOT_YET
from newsfacts.text import paragraph_words, quoted, sentences
from newsfacts.views.render import LABEL_STYLE, macro
from newsfacts.views.show import feedback_html

#: "Who says it?", by ``sorting.csv``'s ``who`` value, in the marks' own words.
WHO: dict[str, str] = {
    "article": MARKS["article says"].title,
    "person": MARKS["someone says"].title,
}

#: "Has it happened?" told apart (lesson 6): one choice per modality a pack codes.
MODALITY: dict[str, str] = {
    "happened": "it has happened",
    "going on": "it is going on now",
    "expected": "it is only expected",
    "proposed": "it is only proposed",
    "threatened": "it is only threatened",
}


def happened_choices(modalities: Sequence[str], finer: bool = False) -> dict[str, str]:
    """The "Has it happened?" choices: happened, going on, not yet (lessons 2 to 5); with `finer`
    each kind of not yet that `modalities` use instead, in `MODALITY`'s order, then any other."""
    if not finer:
        return {m: MODALITY[m] for m in ("happened", "going on")} | {"not yet": "not yet"}
    kinds = [m for m in MODALITY if m in NOT_YET and m in modalities]
    kinds += sorted(set(modalities) - set(MODALITY))
    return {m: MODALITY.get(m, m) for m in ["happened", "going on", *kinds]}


@dataclass(frozen=True)
class Question:
    """A multiple-choice question: `hint` for a wrong choice (never the answer), `explanation`
    for the right one, `feedback` one line per option (or none), `evidence` after a first try."""

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
        known = option in self.options and len(self.feedback) == len(self.options)
        return self.feedback[self.options.index(option)] if known else ""


class MultipleChoice(widgets.VBox):
    """One question with radio buttons and instant feedback; the first option picked stays
    shown ("First try: ... ✓ right") while the student reads why each option fits or not."""

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
        correct = self.control.value == self.question.answer
        if correct:  # a pack's feedback line says "Right: ..." itself
            line = line or f"Right. {self.question.explanation}"
        else:
            line = "Not quite. " + (f"{line} Hint: " if line else "") + self.question.hint
        self.feedback.value = feedback_html(correct, line, self.question.evidence)


def multiple_choice(
    prompt: str, options: Sequence[str], answer: str, hint: str, explanation: str
) -> MultipleChoice:
    """A question with instant feedback (see `MultipleChoice`)."""
    return MultipleChoice(Question(prompt, tuple(options), answer, hint, explanation))


class Quiz(widgets.VBox):
    """Several questions, numbered; once each has a first try, "First tries right: 2 of 3"."""

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
            score = macro("quiz.html", "score")
            self.score.value = str(score(self.first_tries_right, len(self.questions)))


quiz = Quiz


def who_said(book: Book, claim_id: str, others: Sequence[str] = ()) -> Question:
    """ "Who said ...?" about a row of ``book.claims``; the wrong options are the actor ids in
    `others`, by default the other people who speak in the article, then those it names."""
    claims = book.claims.set_index("id")
    claim = claims.loc[resolve(claim_id, list(claims.index), "claim", function="who_said")]
    names = dict(zip(book.actors["id"], book.actors["name"], strict=True))
    speaker = claim["speaker"]
    what, example = "others as a list of actor ids in quotes", str(list(book.actors["id"][:2]))
    others = [] if others is None else others
    others = expect(others, "texts", function="who_said", what=what, example=example)
    others = [resolve(other, list(names), "actor") for other in others]
    if not others:
        people = book.actors.loc[book.actors["kind"] == "person", "id"]
        speakers = list(dict.fromkeys(book.claims["speaker"]))
        others = [p for p in [*speakers, *people] if p != speaker][:3]
    where = paragraph_words(claim["paragraph"], False)
    # The claim's text is the pack's plain wording, not the article's: no quotation marks.
    prompt = f"According to the article, who said this? {claim['text']}"
    options = tuple(sorted({names[speaker], *(names[o] for o in others)}))
    hint = f"Read {where} again: whose words does it report?"
    why = f"{where.capitalize()}: {quoted(claim['quote'])}."
    return Question(prompt, options, names[speaker], hint, why, evidence=(book.cite(claim.name),))


def sentence_with(paragraph: str, quote: str) -> str:
    """The sentence(s) of a paragraph that hold a quote; the whole paragraph if none does."""
    found = sentences(paragraph.strip())
    start = paragraph.find(quote)
    if start < 0:
        return paragraph
    picked, position = [], 0
    for sentence in found:
        begin = paragraph.find(sentence, position)
        position = begin + len(sentence)
        if begin < start + len(quote) and position > start:
            picked.append(sentence)
    return " ".join(picked) or paragraph


def _dropdown(label: str, words: dict[str, str]) -> widgets.Dropdown:
    options = [("choose…", "")] + [(text, key) for key, text in words.items()]
    return widgets.Dropdown(options=options, value="", description=label, style=LABEL_STYLE)


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
    """Who says it, and has it happened? for each sentence, its quote in bold. Checking marks
    both answers ✓ or ✗ with the right answer's explanation and evidence, never a hint."""

    def __init__(self, items: Sequence[SortingItem], finer: bool = False):
        self.items = list(items)
        self.finer = finer
        self.happened_words = happened_choices([i.modality for i in self.items], finer)
        self.choices: list[tuple[widgets.Dropdown, widgets.Dropdown, widgets.HTML]] = []
        rows = []
        for number, item in enumerate(self.items, start=1):
            # A quote not in the sentence as written leaves the sentence whole, nothing bold.
            before, quote, after = item.sentence.partition(item.citation.quote)
            where = paragraph_words(item.citation.paragraph)
            text = str(macro("quiz.html", "sentence")(number, where, before, quote, after))
            who = _dropdown("Who says it?", WHO)
            happened = _dropdown("Has it happened?", self.happened_words)
            self.choices.append((who, happened, mark := widgets.HTML("")))
            rows.append(widgets.VBox([widgets.HTML(text), widgets.HBox([who, happened]), mark]))
        self.button = widgets.Button(description="Check my sorting", button_style="")
        waiting = "Answer both questions, then press the button."
        self.feedback = widgets.HTML(feedback_html(None, waiting))
        self.button.on_click(self.check)
        super().__init__([*rows, self.button, self.feedback])

    def right_choice(self, item: SortingItem) -> str:
        """The right "Has it happened?" choice ("not yet" for an expected event, unless `finer`)."""
        finer = self.finer or item.modality in ("happened", "going on")
        return item.modality if finer else "not yet"

    def check(self, _button: Any = None) -> int:
        """Mark every answer and return how many answers (two per sentence) are right."""
        right = 0
        for item, (who, happened, mark) in zip(self.items, self.choices, strict=True):
            good = [who.value == item.who, happened.value == self.right_choice(item)]
            right += sum(good)
            if "" in (who.value, happened.value):
                mark.value = feedback_html(None, "Answer both questions first.")
                continue
            said, done = ("right" if ok else "not this one" for ok in good)
            text = f"Who says it: {said}. Has it happened: {done}. {item.explanation}"
            mark.value = feedback_html(all(good), text, [item.citation])
        total = 2 * len(self.items)
        tail = "" if right == total else " Read the evidence under each sentence."
        self.feedback.value = feedback_html(
            right == total, f"{right} of {total} answers right.{tail}"
        )
        return right


def sorting_items(book: Book, lesson: str) -> list[SortingItem]:
    """The sentences a lesson sorts, read from the pack's ``sorting.csv``."""
    items = []
    texts = book.paragraphs.set_index("paragraph")["text"]
    for _, row in book.lesson(lesson, function="sorting").sorting.iterrows():
        citation = book.cite(row["fact"])
        sentence = sentence_with(str(texts.get(citation.paragraph, citation.quote)), citation.quote)
        fields = row[["fact", "who", "modality", "explanation"]]
        items.append(SortingItem(*fields, citation, sentence))
    return items


def sorting(book: Book, lesson: str, finer: bool = False) -> Sorting:
    """The sorting task of one lesson ("02"); `finer` (lesson 6) tells the kinds of not yet."""
    lesson = str(lesson) if type(lesson) is int else lesson
    what = "the book and the lesson's number"
    expect(lesson, "text", function="sorting", what=what, example="sorting(book, '02')")
    return Sorting(sorting_items(book, lesson), finer=bool(finer))
