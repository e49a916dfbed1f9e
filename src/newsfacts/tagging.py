"""Tag your own article: the closing task of the any-article series (`tag_sentences`).

A student says of each sentence who says it, whether it has happened and the words that
soften it; **Show my profile** sets their sourcing profile beside the class article's;
**Save my tags** writes a draft pack that ``check`` accepts, a teacher's next pack begun. A
"not yet" is saved with ``modality`` empty and a note: the teacher chooses expected,
proposed or threatened (the draft's ``datapackage.json`` lets that cell wait, and says so).

>>> tagger = tag_sentences(text="A vote\\n\\nThe council voted. It is expected to meet again.")
>>> [s.text for s in tagger.sentences]  # the headline, then the story's sentences
['A vote', 'The council voted.', 'It is expected to meet again.']
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd

from newsfacts.book import Book
from newsfacts.errors import PackExistsError
from newsfacts.lesson.quiz import happened_choices
from newsfacts.load import load
from newsfacts.marks import mark
from newsfacts.newpack import article_text, layout, write_descriptor, write_pack, write_table
from newsfacts.pack.article import split_paragraphs
from newsfacts.pack.spec import DESCRIPTOR
from newsfacts.profile import LESSONS, sourcing_profile
from newsfacts.resources import repository_root
from newsfacts.text import paragraph_words, sentences, slug
from newsfacts.views.render import LABEL_STYLE, render
from newsfacts.views.show import table_html

#: Who says it: the choice a student sees (the marks' words), and the mark it gives the row.
WHO = {mark(basis).title: basis for basis in ("article says", "someone says")} | {"cannot tell": ""}
#: Has it happened: the choice a student sees (the sorting's words), and the modality it gives
#: the row. "not yet" gives none: expected, proposed or threatened is the teacher's call.
HAPPENED = {words: "" if key == "not yet" else key for key, words in happened_choices([]).items()}
#: The note of a row a student tagged "not yet".
NOT_YET_NOTE = "Not yet: choose expected, proposed or threatened, and write it in modality."
#: The note of a row whose "who says it" is not tagged, or tagged "cannot tell".
UNDECIDED = "Who says it: not tagged, or tagged cannot tell; decide before use."
#: What the draft's ``datapackage.json`` says of the events' modality column.
DRAFT_MODALITY = (
    "happened, going on, expected, threatened or proposed. Empty in a row drafted from a "
    "student's 'not yet' until you choose expected, proposed or threatened (the note says so)."
)
DRAFTED = "Drafted from a student's tags."
ACTOR_NOTE = (
    f"{DRAFTED[:-1]}: check the name, the kind and the quote (the shortest words that name them)."
)
#: What a student answers of each sentence: the control's class, its label, and its choices
#: (a dropdown) or the hint it shows (a text box).
_ASKED = {
    "who": ("nf-tag-who", "Who says it?", WHO),
    "name": ("nf-tag-name", "Who, by name?", "the name the article gives"),
    "happened": ("nf-tag-happened", "Has it happened?", HAPPENED),
    "small": ("nf-tag-small", "Small words that soften it", "about, may, expected to ..."),
}
_ROW = {"border_bottom": "1px solid #cccccc", "padding": "0 0 6px 0"}


def _labelled(
    css: str, label: str, choices: Any = None, kind: Any = widgets.Text, **kw: Any
) -> Any:
    """A widget labelled in full, with a CSS class: a dropdown of `choices` (a dict), or
    `kind` with `choices` as its placeholder (a text)."""
    if isinstance(choices, str):
        kw["placeholder"] = choices
    elif choices is not None:
        pairs = [c if isinstance(c, tuple) else (c, c) for c in choices]
        kind, kw = widgets.Dropdown, {"options": [("choose…", ""), *pairs], "value": "", **kw}
    box = kind(description=label, style=LABEL_STYLE, **kw)
    box.add_class(css)
    return box


def _button(css: str, label: str, on_click: Any) -> widgets.Button:
    button = widgets.Button(description=label)
    button.add_class(css)
    button.on_click(on_click)
    return button


@dataclass(frozen=True)
class Sentence:
    """One sentence to tag: its paragraph (a story number or a part's name) and its text."""

    paragraph: Any
    text: str


def split_sentences(paragraphs: pd.DataFrame) -> list[Sentence]:
    """The headline and every story sentence, in order (not the byline or captions)."""
    parts = paragraphs[["paragraph", "kind", "text"]].itertuples(index=False)
    return [
        Sentence(key, part.strip())
        for key, kind, text in parts
        if kind in ("headline", "story")
        for part in _sentences(" ".join(str(text).split()))
    ]


def _sentences(text: str) -> list[str]:
    """The sentences of a paragraph, a quotation of several sentences kept in one piece: cut
    into pieces, its middle ones would read as the article's own words."""
    found: list[str] = []
    for part in (p for p in sentences(text) if p.strip()):
        if found and _inside_quotation(found[-1]):
            found[-1] = f"{found[-1]} {part}"
        else:
            found.append(part)
    return found


def _inside_quotation(text: str) -> bool:
    """Whether `text` ends inside a quotation: an opening “ not closed, or an odd number of
    straight double quotes (single quotes are left out: ’ is also an apostrophe)."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _shares(counts: list[int]) -> list[str]:
    return [f"{round(100 * n / sum(counts))}%" if sum(counts) else "0%" for n in counts]


class Tagger(widgets.VBox):
    """The tagging task (see the module's notes). ``rows()`` gives the draft rows."""

    def __init__(self, article: str, folder: str = "tagged-article", studied: Book | None = None):
        self.article = article  # laid out as article.txt
        self.studied = studied  # the article the class read, to set the profile beside
        self.paragraphs = split_paragraphs(article)
        self.sentences = split_sentences(self.paragraphs)
        self.controls: list[tuple[widgets.Dropdown, widgets.Text, widgets.Dropdown, Any]] = []
        rows = []
        for number, sentence in enumerate(self.sentences, start=1):
            where = escape(paragraph_words(sentence.paragraph))
            text = f"<p><strong>{number}.</strong> ({where}) {escape(sentence.text)}</p>"
            boxes = tuple(_labelled(*asked) for asked in _ASKED.values())
            self.controls.append(boxes)
            lines = [widgets.HTML(text), widgets.HBox(boxes[:2]), widgets.HBox(boxes[2:])]
            rows.append(widgets.VBox(lines, layout=_ROW))
        self.profile_button = _button("nf-tag-profile", "Show my profile", self.show_profile)
        self.folder = _labelled("nf-tag-folder", "Save to folder", value=folder)
        self.save_button = _button("nf-tag-save", "Save my tags", self._save_clicked)
        self.panel = widgets.HTML("<p>Tag some sentences, then press Show my profile.</p>")
        self.panel.add_class("nf-tag-panel")
        saving = widgets.HBox([self.folder, self.save_button])
        super().__init__([*rows, widgets.HBox([self.profile_button]), saving, self.panel])

    def tags(self) -> list[dict[str, Any]]:
        """The tagged sentences (who or happened chosen): number, sentence and the answers."""
        found = []
        tagged = enumerate(zip(self.sentences, self.controls, strict=True), start=1)
        for number, (sentence, boxes) in tagged:
            answers = {k: b.value.strip() for k, b in zip(_ASKED, boxes, strict=True)}
            if answers["who"] or answers["happened"]:
                found.append({"number": number, "sentence": sentence, **answers})
        return found

    def profile(self) -> pd.DataFrame:
        """The student's sourcing profile beside the class article's (`studied`; the bundled
        one when none was given), by mark."""
        counts = Counter(tag["who"] for tag in self.tags())
        yours = [counts[choice] for choice in WHO]
        theirs = self._studied_counts
        columns = {
            "your sentences": yours,
            "your share": _shares(yours),
            "the class article's facts": theirs,
            "its share": _shares(theirs),
        }
        return pd.DataFrame(columns, index=list(WHO)).rename_axis(columns="who says it")

    @cached_property
    def _studied_counts(self) -> list[int]:
        """The class article's facts by "who says it" choice, counted once (not per click)."""
        studied = sourcing_profile(self.studied or load()).set_index("mark")["facts"]
        return [int(studied[basis]) if basis else 0 for basis in WHO.values()]

    def show_profile(self, _button: Any = None) -> None:
        """Show the annotated sentences and the two profiles in the panel."""
        tags = self.tags()
        self.panel.value = (
            render("tagging.html", tags=tags, who=WHO, table=table_html(self.profile()))
            if tags
            else "<p>No sentence is tagged yet: choose who says it first.</p>"
        )

    def rows(self) -> dict[str, list[dict[str, str]]]:
        """The draft rows, by table: actors (each named speaker), events, claims; a cell
        left out is empty."""
        actors: dict[str, dict[str, str]] = {}
        events, claims = [], []
        for tag in self.tags():
            sentence, number, basis = tag["sentence"], tag["number"], WHO.get(tag["who"], "")
            notes = [] if basis else [UNDECIDED]
            notes += [f"Small words: {tag['small']}."] if tag["small"] else []
            where = {"paragraph": str(sentence.paragraph), "quote": sentence.text}
            common = {**where, "basis": basis or "article says"}
            speaker = ""
            if basis == "someone says":
                name = tag["name"] or "someone"
                speaker = slug(name) or "someone"
                speaker = f"tag-{speaker}"
                actor = dict(id=speaker, name=name, kind="person", basis="article says")
                actors.setdefault(speaker, {**actor, **where, "note": ACTOR_NOTE})
                claim = dict(id=f"claim-tag-{number}", speaker=speaker, text=sentence.text)
                claims.append({**claim, **common, "note": " ".join([DRAFTED, *notes])})
            if tag["happened"]:
                notes = [NOT_YET_NOTE] * (tag["happened"] == "not yet") + notes
                event = dict(id=f"ev-tag-{number}", description=sentence.text, actors=speaker)
                event["modality"] = HAPPENED[tag["happened"]]
                events.append({**event, **common, "note": " ".join([DRAFTED, *notes])})
        return {"actors": list(actors.values()), "events": events, "claims": claims}

    def save(self, folder: str | Path | None = None) -> Path:
        """Write the draft pack (the article and the tagged rows, over an earlier save)."""
        folder = Path(folder or self.folder.value.strip() or "tagged-article")
        if not (folder / DESCRIPTOR).is_file():
            write_pack(folder, self.article)
        elif (folder / "article.txt").read_text(encoding="utf-8") != self.article:
            message = f"{folder} holds a pack of another article: choose another folder name."
            raise PackExistsError(message)
        drafted = self.rows()
        if any(not event["modality"] for event in drafted["events"]):  # a "not yet": let it wait
            metadata = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))
            events = [r for r in metadata.get("resources", []) if r.get("name") == "events"]
            for field in [f for r in events for f in r.get("schema", {}).get("fields", [])]:
                if field.get("name") == "modality":
                    field.setdefault("constraints", {})["required"] = False
                    field["description"] = DRAFT_MODALITY
            write_descriptor(folder, metadata)
        for table, rows in drafted.items():
            with open(folder / f"{table}.csv", encoding="utf-8", newline="") as handle:
                header = next(csv.reader(handle))
            write_table(folder / f"{table}.csv", header, rows)
        return folder

    def _save_clicked(self, _button: Any = None) -> None:
        try:
            folder = self.save(None)
        except (OSError, ValueError) as error:
            self.panel.value = render("tagging-saved.html", error=str(error))
            return
        drafted = self.rows()
        later = sum(1 for event in drafted["events"] if not event["modality"])
        context = {"folder": str(folder), "drafted": drafted, "later": later, "error": ""}
        self.panel.value = render("tagging-saved.html", **context)


class PasteBox(widgets.VBox):
    """A box to paste an article into, or pick another pack's; the tagging task under it."""

    def __init__(self, folder: str = "tagged-article", exclude: Any = None):
        self.folder = folder
        self.studied = exclude if isinstance(exclude, Book) else None
        label = "Paste a short article (headline on the first line)"
        hint = "Headline\nFirst paragraph ...\nSecond paragraph ..."
        size = {"width": "100%", "height": "10em"}
        self.text = _labelled("nf-tag-paste", label, hint, widgets.Textarea, layout=size)
        self.button = _button("nf-tag-split", "Split into sentences", self.split)
        self.packs = other_packs(exclude)
        choices = [(title, str(path)) for path, title in self.packs]
        self.pick = _labelled("nf-tag-pick", "Or tag an article from a pack", choices)
        self.pick.observe(self._picked, names="value")
        self.tagger: Tagger | None = None
        self.area = widgets.VBox([])
        super().__init__([self.text, self.button, *([self.pick] if self.packs else []), self.area])

    def split(self, _button: Any = None) -> None:
        """Lay the pasted text out and show its sentences to tag."""
        if not self.text.value.strip():
            self.area.children = [widgets.HTML("<p>Paste an article in the box first.</p>")]
            return
        self.tagger = Tagger(layout(self.text.value), self.folder, self.studied)
        self.area.children = [self.tagger]

    def _picked(self, _change: Any = None) -> None:
        if self.pick.value:
            self.tagger = Tagger(article_text(Path(self.pick.value)), self.folder, self.studied)
            self.area.children = [self.tagger]


def other_packs(exclude: Any = None) -> list[tuple[Path, str]]:
    """The packs in ``data/`` whose ``lessons.csv`` names the any-article lessons only (as
    `newsfacts new` writes it), but `exclude` (a book or folder), each with its headline."""
    root = repository_root()
    skip = Path(getattr(exclude, "path", exclude)).resolve() if exclude is not None else None
    found = []
    for descriptor in sorted(root.glob(f"data/*/{DESCRIPTOR}")) if root else []:
        folder, lessons = descriptor.parent, descriptor.parent / "lessons.csv"
        if folder.resolve() == skip or not lessons.is_file():
            continue
        with open(lessons, encoding="utf-8-sig", newline="") as handle:
            ids = {row.get("id", "").strip() for row in csv.DictReader(handle)} - {""}
        if not ids or not ids <= set(LESSONS):
            continue
        try:
            parts = split_paragraphs(article_text(folder))
        except (OSError, ValueError):
            continue
        if len(parts):
            found.append((folder, str(parts["text"].iloc[0])))
    return found


def tag_sentences(
    book: Book = None, text: str | None = None, folder: str = "tagged-article", exclude: Any = None
) -> Tagger | PasteBox:
    """The tagging task on a pasted article (`text`) or a pack's (`book`); with neither, a box
    to paste one or pick another pack's (not `exclude`'s: the book the class read, whose
    profile the student's is set beside). Drafts are saved to `folder`."""
    if text is not None:
        return Tagger(layout(text), folder)
    if book is None:
        return PasteBox(folder, exclude)
    return Tagger(article_text(book.path), folder)
