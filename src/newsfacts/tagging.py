"""Tag your own article: a transfer task for the end of the any-article series.

`tag_sentences` shows a short article split into sentences. For each, a student says who
says it (article says / 💬 someone says / cannot tell), whether it has happened (happened /
going on / not yet) and the small words that soften it. **Show my profile** shows their annotated
sentences and their sourcing profile next to the bundled article's; **Save my tags** writes
a draft pack (the article and the tags as ``events.csv``, ``claims.csv`` and ``actors.csv``
rows) that ``python -m newsfacts check`` accepts, so a class's tagging becomes the first
draft of a teacher's next pack. A student's "not yet" is saved with ``modality`` empty and a
note asking the teacher to choose expected, proposed or threatened: the draft's
``datapackage.json`` lets that cell be empty, and says so.

>>> tagger = tag_sentences(text="A vote\\n\\nThe council voted. It is expected to meet again.")
>>> [s.text for s in tagger.sentences]  # the headline, then the story's sentences
['A vote', 'The council voted.', 'It is expected to meet again.']
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd

from newsfacts.load import load
from newsfacts.marks import mark
from newsfacts.newpack import layout, write_pack
from newsfacts.pack.article import split_paragraphs
from newsfacts.pack.spec import article_file
from newsfacts.profile import LESSONS, sourcing_profile
from newsfacts.resources import repository_root
from newsfacts.text import paragraph_words
from newsfacts.views.show import table_html

__all__ = [
    "Sentence",
    "Tagger",
    "PasteBox",
    "other_packs",
    "tag_sentences",
    "split_sentences",
]

#: Who says it: the choice a student sees (the marks' words), and the mark it gives the row.
WHO = {
    mark("article says").title: "article says",
    mark("someone says").title: "someone says",
    "cannot tell": "",
}
#: Has it happened: the choice a student sees, and the modality it gives the row. "not yet"
#: gives none: expected, proposed or threatened is the teacher's call (see `NOT_YET_NOTE`).
HAPPENED = {"happened": "happened", "going on": "going on", "not yet": ""}
#: The note of a row a student tagged "not yet".
NOT_YET_NOTE = "Not yet: choose expected, proposed or threatened, and write it in modality."
#: What the draft's ``datapackage.json`` says of the events' modality column.
DRAFT_MODALITY = (
    "happened, going on, expected, threatened or proposed. Empty in a row drafted from a "
    "student's 'not yet' until you choose expected, proposed or threatened (the note says so)."
)

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[A-Z“\"‘'])")
_LABEL = {"description_width": "initial"}
_NO_MARK = "cannot tell"


@dataclass(frozen=True)
class Sentence:
    """One sentence to tag: its paragraph (a story number or a part's name) and its text."""

    paragraph: Any
    text: str


def split_sentences(paragraphs: pd.DataFrame) -> list[Sentence]:
    """The headline and every story sentence, in order (not the byline or captions).

    >>> import newsfacts
    >>> first = split_sentences(newsfacts.load("data/template").paragraphs)[1]
    >>> first.paragraph, first.text[:20]
    (1, 'The school council o')
    """
    found = []
    for key, kind, text in paragraphs[["paragraph", "kind", "text"]].itertuples(index=False):
        if kind not in ("headline", "story"):
            continue
        for part in _SENTENCE_END.split(" ".join(str(text).split())):
            if part.strip():
                found.append(Sentence(key, part.strip()))
    return found


def _shares(counts: list[int]) -> list[str]:
    total = sum(counts)
    return [f"{round(100 * n / total)}%" if total else "0%" for n in counts]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "someone"


class Tagger(widgets.VBox):
    """The tagging task (see the module's notes). ``rows()`` gives the draft rows."""

    def __init__(self, article: str, folder: str = "tagged-article"):
        self.article = article  # laid out as article.txt
        self.paragraphs = split_paragraphs(article)
        self.sentences = split_sentences(self.paragraphs)
        self.controls: list[tuple[widgets.Dropdown, widgets.Text, widgets.Dropdown, Any]] = []
        rows = []
        for number, sentence in enumerate(self.sentences, start=1):
            where = paragraph_words(sentence.paragraph)
            text = widgets.HTML(
                f"<p><strong>{number}.</strong> ({escape(where)}) {escape(sentence.text)}</p>"
            )
            who = widgets.Dropdown(
                options=[("choose…", "")] + [(w, w) for w in WHO],
                value="",
                description="Who says it?",
                style=_LABEL,
            )
            who.add_class("nf-tag-who")
            name = widgets.Text(
                description="Who, by name?", placeholder="the name the article gives", style=_LABEL
            )
            name.add_class("nf-tag-name")
            happened = widgets.Dropdown(
                options=[("choose…", "")] + [(h, h) for h in HAPPENED],
                value="",
                description="Has it happened?",
                style=_LABEL,
            )
            happened.add_class("nf-tag-happened")
            small = widgets.Text(
                description="Small words that soften it",
                placeholder="about, may, expected to ...",
                style=_LABEL,
            )
            small.add_class("nf-tag-small")
            self.controls.append((who, name, happened, small))
            rows.append(
                widgets.VBox(
                    [text, widgets.HBox([who, name]), widgets.HBox([happened, small])],
                    layout={"border_bottom": "1px solid #cccccc", "padding": "0 0 6px 0"},
                )
            )
        self.profile_button = widgets.Button(description="Show my profile")
        self.profile_button.add_class("nf-tag-profile")
        self.profile_button.on_click(self.show_profile)
        self.folder = widgets.Text(value=folder, description="Save to folder", style=_LABEL)
        self.folder.add_class("nf-tag-folder")
        self.save_button = widgets.Button(description="Save my tags")
        self.save_button.add_class("nf-tag-save")
        self.save_button.on_click(self._save_clicked)
        self.panel = widgets.HTML("<p>Tag some sentences, then press Show my profile.</p>")
        self.panel.add_class("nf-tag-panel")
        super().__init__(
            [
                *rows,
                widgets.HBox([self.profile_button]),
                widgets.HBox([self.folder, self.save_button]),
                self.panel,
            ]
        )

    # -- what the student tagged ---------------------------------------------------------

    def tags(self) -> list[dict[str, Any]]:
        """The tagged sentences (who or happened chosen): number, sentence and the answers."""
        found = []
        for number, (sentence, (who, name, happened, small)) in enumerate(
            zip(self.sentences, self.controls, strict=True), start=1
        ):
            if not who.value and not happened.value:
                continue
            found.append(
                {
                    "number": number,
                    "sentence": sentence,
                    "who": who.value,
                    "name": name.value.strip(),
                    "happened": happened.value,
                    "small": small.value.strip(),
                }
            )
        return found

    def profile(self) -> pd.DataFrame:
        """The student's sourcing profile beside the bundled article's, by mark."""

        tags = self.tags()
        labels = {basis: choice for choice, basis in WHO.items() if basis}
        mine = [sum(1 for t in tags if t["who"] == labels[b]) for b in labels]
        bundled = sourcing_profile(load()).set_index("mark")["facts"]
        index = [mark(b).title for b in labels] + [_NO_MARK]
        yours = [*mine, sum(1 for t in tags if t["who"] == _NO_MARK)]
        theirs = [int(bundled[b]) for b in labels] + [0]
        frame = pd.DataFrame(
            {
                "your sentences": yours,
                "your share": _shares(yours),
                "the bundled article's facts": theirs,
                "its share": _shares(theirs),
            },
            index=index,
        )
        frame.columns.name = "who says it"
        return frame

    def show_profile(self, _button: Any = None) -> None:
        """Show the annotated sentences and the two profiles in the panel."""
        tags = self.tags()
        if not tags:
            self.panel.value = "<p>No sentence is tagged yet: choose who says it first.</p>"
            return
        items = []
        for tag in tags:
            basis = WHO.get(tag["who"], "")
            style = mark(basis).css if basis else "border:1px solid #999999;"
            who = mark(basis).title if basis else _NO_MARK
            if tag["name"]:
                who += f" ({tag['name']})"
            extra = [tag["happened"] or "happened: not tagged"]
            if tag["small"]:
                extra.append(f"small words: {tag['small']}")
            items.append(
                f'<li><span style="{style}padding:0 3px">{escape(tag["sentence"].text)}</span>'
                f" <em>{escape(who)}; {escape('; '.join(extra))}</em></li>"
            )
        self.panel.value = (
            "<h4>Your tagged sentences</h4><ol>" + "".join(items) + "</ol>"
            "<h4>Your sourcing profile and the bundled article's</h4>" + table_html(self.profile())
        )

    # -- saving ------------------------------------------------------------------------

    def rows(self) -> dict[str, list[dict[str, str]]]:
        """The draft rows, by table: actors (each named speaker), events, claims."""
        actors: dict[str, dict[str, str]] = {}
        events, claims = [], []
        for tag in self.tags():
            sentence: Sentence = tag["sentence"]
            basis = WHO.get(tag["who"], "")
            notes = []
            if not basis:
                notes.append("Who says it: not tagged, or tagged cannot tell; decide before use.")
            if tag["small"]:
                notes.append(f"Small words: {tag['small']}.")
            number = tag["number"]
            common = {
                "paragraph": str(sentence.paragraph),
                "quote": sentence.text,
                "basis": basis or "article says",
            }
            speaker = ""
            if basis == "someone says":
                name = tag["name"] or "someone"
                speaker = f"tag-{_slug(name)}"
                if speaker not in actors:
                    actors[speaker] = {
                        "id": speaker,
                        "name": name,
                        "kind": "person",
                        "role": "",
                        "affiliation": "",
                        "paragraph": str(sentence.paragraph),
                        "quote": sentence.text,
                        "basis": "article says",
                        "note": "Drafted from a student's tags: check the name, the kind and "
                        "the quote (the shortest words that name them).",
                    }
                claims.append(
                    {
                        "id": f"claim-tag-{number}",
                        "speaker": speaker,
                        "text": sentence.text,
                        "about": "",
                        **common,
                        "note": " ".join(["Drafted from a student's tags.", *notes]),
                    }
                )
            if tag["happened"]:
                modality = HAPPENED[tag["happened"]]
                if tag["happened"] == "not yet":
                    notes.insert(0, NOT_YET_NOTE)
                events.append(
                    {
                        "id": f"ev-tag-{number}",
                        "description": sentence.text,
                        "when": "",
                        "when_text": "",
                        "when_basis": "",
                        "modality": modality,
                        "actors": speaker,
                        "place": "",
                        **common,
                        "note": " ".join(["Drafted from a student's tags.", *notes]),
                    }
                )
        return {"actors": list(actors.values()), "events": events, "claims": claims}

    def save(self, folder: str | Path | None = None) -> Path:
        """Write the draft pack: the article and the tagged rows (replacing an earlier save).

        Returns
        -------
        pathlib.Path
            The pack's folder.
        """

        folder = Path(folder or self.folder.value.strip() or "tagged-article")
        if not (folder / "datapackage.json").is_file():
            write_pack(folder, self.article)
        elif (folder / "article.txt").read_text(encoding="utf-8") != self.article:
            raise FileExistsError(
                f"{folder} holds a pack of another article: choose another folder name."
            )
        drafted = self.rows()
        if any(not event["modality"] for event in drafted["events"]):
            _let_modality_wait(folder)
        for table, rows in drafted.items():
            path = folder / f"{table}.csv"
            with open(path, encoding="utf-8", newline="") as handle:
                header = next(csv.reader(handle))
            with open(path, "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(header)
                for row in rows:
                    writer.writerow([row.get(column, "") for column in header])
        return folder

    def _save_clicked(self, _button: Any = None) -> None:
        try:
            folder = self.save(None)
        except (OSError, ValueError) as error:
            self.panel.value = f"<p>Not saved: {escape(str(error))}</p>"
            return
        drafted = self.rows()
        counts = {table: len(rows) for table, rows in drafted.items()}
        said = ", ".join(f"{n} {table}" for table, n in counts.items())
        later = sum(1 for event in drafted["events"] if not event["modality"])
        waiting = (
            f" Not yet: {later} (your teacher chooses expected, proposed or threatened for each)."
            if later
            else ""
        )
        self.panel.value = (
            f"<p>Saved your tags to the folder {escape(str(folder))}: {escape(said)} rows."
            f"{escape(waiting)} Your teacher can check them with: python -m newsfacts check "
            f"{escape(str(folder))}</p>"
        )


def _let_modality_wait(folder: Path) -> None:
    """Let the draft's events leave ``modality`` empty (a "not yet" the teacher decides)."""
    import json

    path = folder / "datapackage.json"
    metadata = json.loads(path.read_text(encoding="utf-8"))
    for resource in metadata.get("resources", []):
        if resource.get("name") != "events":
            continue
        for field in resource.get("schema", {}).get("fields", []):
            if field.get("name") == "modality":
                field.setdefault("constraints", {})["required"] = False
                field["description"] = DRAFT_MODALITY
    path.write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


class PasteBox(widgets.VBox):
    """A labelled box to paste an article into, or a list of the other packs' articles (an
    article the class has not read, that the teacher put in a pack); the tagging task
    appears under it."""

    def __init__(self, folder: str = "tagged-article", exclude: Any = None):
        self.folder = folder
        self.text = widgets.Textarea(
            description="Paste a short article (headline on the first line)",
            placeholder="Headline\nFirst paragraph ...\nSecond paragraph ...",
            style=_LABEL,
            layout={"width": "100%", "height": "10em"},
        )
        self.text.add_class("nf-tag-paste")
        self.button = widgets.Button(description="Split into sentences")
        self.button.add_class("nf-tag-split")
        self.button.on_click(self.split)
        self.packs = other_packs(exclude)
        self.pick = widgets.Dropdown(
            options=[("choose…", "")] + [(title, str(path)) for path, title in self.packs],
            value="",
            description="Or tag an article from a pack",
            style=_LABEL,
        )
        self.pick.add_class("nf-tag-pick")
        self.pick.observe(self._picked, names="value")
        self.tagger: Tagger | None = None
        self.area = widgets.VBox([])
        parts = [self.text, self.button, *([self.pick] if self.packs else []), self.area]
        super().__init__(parts)

    def split(self, _button: Any = None) -> None:
        """Lay the pasted text out and show its sentences to tag."""

        if not self.text.value.strip():
            self.area.children = [widgets.HTML("<p>Paste an article in the box first.</p>")]
            return
        self.tagger = Tagger(layout(self.text.value), self.folder)
        self.area.children = [self.tagger]

    def _picked(self, _change: Any = None) -> None:
        if not self.pick.value:
            return
        self.tagger = Tagger(_article_text(Path(self.pick.value)), self.folder)
        self.area.children = [self.tagger]


def _article_text(folder: Path) -> str:
    import json

    metadata = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return (folder / article_file(metadata)).read_text(encoding="utf-8-sig")


def _series_only(folder: Path) -> bool:
    """Whether a pack was made for the any-article series: its ``lessons.csv`` names the
    series' lessons and no others (as `newsfacts new` writes it), not lessons of its own
    that a class works through (the bundled pack's, the template's), nor none."""

    path = folder / "lessons.csv"
    if not path.is_file():
        return False
    with open(path, encoding="utf-8-sig", newline="") as handle:
        ids = [row.get("id", "").strip() for row in csv.DictReader(handle)]
    ids = [i for i in ids if i]
    return bool(ids) and all(i in LESSONS for i in ids)


def other_packs(exclude: Any = None) -> list[tuple[Path, str]]:
    """The packs in the project's ``data/`` folder made for the any-article series (whose
    ``lessons.csv`` names the series' lessons and no others), but `exclude` (a book or a
    folder), each with its headline: the articles a class may tag."""
    import json

    root = repository_root()
    if root is None or not (root / "data").is_dir():
        return []
    skip = set()
    if exclude is not None:
        skip.add(Path(getattr(exclude, "path", exclude)).resolve())
    found = []
    for descriptor in sorted((root / "data").glob("*/datapackage.json")):
        folder = descriptor.parent
        if folder.resolve() in skip or not _series_only(folder):
            continue
        try:
            json.loads(descriptor.read_text(encoding="utf-8"))
            parts = split_paragraphs(_article_text(folder))
        except (OSError, ValueError):
            continue
        if len(parts):
            found.append((folder, str(parts["text"].iloc[0])))
    return found


def tag_sentences(
    book: Any = None, text: str | None = None, folder: str = "tagged-article", exclude: Any = None
):
    """The tagging task: a pasted article (`text`) or a pack's article (`book`).

    Parameters
    ----------
    book : Book, optional
        A pack whose article the student tags (one the class has not read: the teacher puts
        it in a pack). Ignored when `text` is given.
    text : str, optional
        A short article as pasted: headline first, then the story (see
        `newsfacts.newpack.layout`).
    folder : str
        Where **Save my tags** writes the draft pack, from the notebook's folder.
    exclude : Book or path, optional
        With neither `book` nor `text`: a pack to leave out of the list of packs to tag
        (the one the class has just read).

    Returns
    -------
    Tagger, or PasteBox
        With neither `book` nor `text`: a box to paste an article into, and a button.
    """

    if text is not None:
        return Tagger(layout(text), folder)
    if book is None:
        return PasteBox(folder, exclude)

    article = (book.path / article_file(book.metadata)).read_text(encoding="utf-8")
    return Tagger(article, folder)
