"""The lessons that run on any pack (``notebooks/any-article/``): which pack, and their parts.

Every lesson of the series starts with ``from newsfacts.anyarticle import *`` and
``book = start_any()``. The pack is named on the one line of ``any-article-pack.txt`` at the
repository root (a folder, ``data/my-article``, or a name looked for in ``data/``); the
environment variable ``NEWSFACTS_PACK`` wins over the file; with neither, the bundled
article is used (docs/authoring.md). Each part holds no word about a particular article:
when the pack has content for a lesson of the series (`LESSONS`), `from_pack` shows it;
otherwise the activity is built from the fact tables, and a line says so."""

from __future__ import annotations

import json
import os
import re
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import Any

import IPython.display
import ipywidgets as widgets
import pandas as pd

from newsfacts.book import Book, Citation
from newsfacts.compare import compare, compared_pack
from newsfacts.lesson import *  # noqa: F403 (the lesson API, as every lesson has it)
from newsfacts.lesson import __all__ as _LESSON_ALL
from newsfacts.lesson import check_understanding, prompts, sorting, start
from newsfacts.lesson.prompts import HEADINGS, Prompts
from newsfacts.lesson.quiz import MODALITY, Question, Quiz, Sorting, SortingItem, sentence_with
from newsfacts.load import load
from newsfacts.marks import MARKS, NOT_YET, mark
from newsfacts.profile import (
    FACT_TABLES,
    LESSONS,
    mentions_list,
    observations,
    profile_table,
    sourcing_profile,
)
from newsfacts.resources import ENVIRONMENT, SETTING, repository_root
from newsfacts.tagging import tag_sentences
from newsfacts.text import join_and, lesson_id, paragraph_order, paragraph_words, quoted
from newsfacts.views.render import render
from newsfacts.views.show import Note, facts

__all__ = [
    *_LESSON_ALL,
    "start_any",
    "chosen_pack",
    "LESSONS",
    "NOT_YET",
    "from_pack",
    "prompts_for",
    "figures_table",
    "events_by_modality",
    "modality_sorting",
    "qualifier_question",
    "mentions_question",
    "summary_checklist",
    "mark_question",
    "what_the_data_shows",
    "cite_first",
    "second_text",
    "passed_on",
    "not_yet",
    "sourcing_profile",
    "profile_table",
    "mentions_list",
    "observations",
    "tag_sentences",
]

_GROUP = {"happened": "happened", "going on": "going on"} | {m: "not yet" for m in NOT_YET}
_NO_QUALIFIER = {"", "none"}
#: What each part is called in the line saying the activity is built from the fact tables.
_PARTS = {"questions": "quiz questions", "sorting": "sentences to sort"}
BUILT = (
    "No {what} were written for this lesson, so the activity below is built from the "
    "article's fact tables."
)
#: What a student reads where the pack has no such part and the series builds none.
NONE_WRITTEN = "No {what} were written for this lesson: go on to the next part."


def _resolve(value: str, root: Path | None) -> Path:
    path, base = Path(value).expanduser(), root or Path.cwd()
    if path.is_absolute() or (base / path / "datapackage.json").is_file() or len(path.parts) > 1:
        return base / path
    return base / "data" / path


def chosen_pack(start_at: Path | None = None) -> tuple[Path | None, str]:
    """The pack's folder the series uses (None: the bundled article) and where that choice
    was read: ``"NEWSFACTS_PACK"``, the setting file's name, or ``"default"``."""
    root = repository_root(start_at)
    setting = root / SETTING if root else None
    lines = setting.read_text("utf-8-sig").splitlines() if setting and setting.is_file() else []
    written = next((s.strip() for s in lines if s.strip() and not s.strip().startswith("#")), "")
    for value, where in ((os.environ.get(ENVIRONMENT, ""), ENVIRONMENT), (written, SETTING)):
        if value.strip():
            return _resolve(value.strip(), root), where
    return None, "default"


def start_any(pack: str | os.PathLike[str] | None = None) -> Book:
    """Load the pack the series is set to (see the module's notes), or `pack` for this
    notebook only, and say which article it is; returns the `Book`."""
    book = start(chosen_pack()[0] if pack is None else _resolve(str(pack), repository_root()))
    IPython.display.display(Note(f"The article: {book.title}"))
    return book


class _Html(Note):
    _repr_html_ = str.__str__


def from_pack(
    book: Book, lesson: str, part: str, kind: str | None = None, otherwise: Any = None
) -> Any:
    """The pack's own `part` of the lesson (``"12"``): its quiz (``"questions"``),
    ``"sorting"``, ``"prompts"`` (of one `kind`) or ``"exercises"``. When it has none:
    `otherwise`, under a line saying it is built from the fact tables, or else a line saying
    there is none (nothing for prompts, which the series always words)."""
    rows = book.content.get(part)
    if not isinstance(rows, pd.DataFrame) or "lesson" not in rows.columns:
        rows = pd.DataFrame(columns=["lesson"])
    rows = rows[rows["lesson"].astype(str) == lesson_id(lesson)]
    if part == "prompts" and kind is not None and len(rows):
        rows = rows[rows["kind"] == kind]
    if len(rows) and part in ("questions", "sorting", "prompts"):
        if part == "prompts":
            return prompts(book, lesson, kind)
        return (check_understanding if part == "questions" else sorting)(book, lesson)
    if len(rows):
        return _Html(render("exercises-any.html", rows=rows.to_dict("records")))
    if otherwise is None and part != "prompts":
        return Note(NONE_WRITTEN.format(what=_PARTS.get(part, part)))
    if otherwise is not None and part != "prompts":  # generic prompts need no apology
        IPython.display.display(Note(BUILT.format(what=_PARTS.get(part, part))))
    return otherwise


def series_prompts(book: Book, lesson: str, kind: str) -> Prompts:
    """Prompts for a lesson of the series, worded from the pack (used when it has none): the
    series' own, in ``templates/series-prompts.csv`` (``{who}``: actors mentioned, not heard)."""
    lesson = lesson_id(lesson)
    rows = pd.read_csv(files("newsfacts") / "templates" / "series-prompts.csv", dtype=str)
    found = rows[(rows["lesson"] == lesson) & (rows["kind"] == kind)]
    text = found["text"].iloc[0] if len(found) else ""
    if "{who}" in text:
        frame = mentions_list(book)
        silent = list(frame.index[(frame["mentions"] > 0) & (frame["words passed on"] == 0)])
        # People first: a state whose leader the article quotes is not silent in the same way.
        people = set(book.actors.loc[book.actors["kind"] == "person", "name"])
        silent = [name for name in silent if name in people] or silent
        text = text.format(who=join_and(silent[:3]) or "someone")
    texts = [text] if text else []
    groups = [(HEADINGS.get(kind, kind), texts)] if texts else []
    html = render("prompts.html", groups=groups, show_headings=False, lesson=lesson, kind=kind)
    return Prompts(html, texts)


def prompts_for(book: Book, lesson: str, kind: str) -> Prompts:
    """The pack's prompts of this kind for the lesson, else the series' own."""
    return from_pack(book, lesson, "prompts", kind, otherwise=series_prompts(book, lesson, kind))


def _names(book: Book) -> dict[str, str]:
    return dict(zip(book.actors["id"], book.actors["name"], strict=True))


def figures_table(book: Book) -> pd.DataFrame | Note:
    """The figures with their small words (qualifier) first, then the provenance."""
    if book.figures.empty:
        return Note("The fact tables hold no figures for this article.")
    return facts(book.figures, ["value", "unit", "qualifier", "description"])


def events_by_modality(book: Book) -> pd.DataFrame | Note:
    """The article's events (no ▲ outside-source row) in three groups, in reading order:
    happened, going on, not yet."""
    events = book.events
    if events.empty or (events["basis"] == "outside source").all():
        return Note("The fact tables hold no events from the article.")
    frame = events[events["basis"] != "outside source"].copy()
    frame["group"] = [_GROUP.get(str(m), str(m)) for m in frame["modality"]]
    rank = {"happened": 0, "going on": 1, "not yet": 2}
    order = [(rank.get(g, 3), paragraph_order(p)) for g, p in frame[["group", "paragraph"]].values]
    frame = frame.iloc[sorted(range(len(frame)), key=order.__getitem__)]
    return facts(frame, ["group", "modality", "description", "when_text"])


def passed_on(book: Book) -> pd.DataFrame | Note:
    """What the article passes on from others: each claim with its speaker's name."""
    if book.claims.empty:
        return Note("The tables hold nothing the article passes on from someone.")
    frame, names = book.claims.copy(), _names(book)
    frame["said by"] = [names.get(s, s) for s in frame["speaker"]]
    return facts(frame, ["said by", "text"])


def not_yet(book: Book) -> pd.DataFrame | Note:
    """The events that are not yet (expected, proposed or threatened)."""
    events = book.events
    rows = events[events["modality"].isin(NOT_YET)] if not events.empty else events
    if rows.empty:
        return Note("The tables hold no event that is only expected, proposed or threatened.")
    return facts(rows, ["modality", "description", "when_text"])


def what_the_data_shows(book: Book) -> Note:
    """`newsfacts.profile.observations` as a short list."""
    lines = observations(book)
    if not lines:
        return Note("The fact tables are empty, so there is nothing to count yet.")
    return _Html("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>")


def cite_first(book: Book, table: str = "claims") -> Citation | Note:
    """Where the first row of a fact table comes from (``book.cite``), or a line if none."""
    rows = getattr(book, table)
    if rows.empty or "id" not in rows.columns:
        return Note(f"The tables hold no {table} for this article.")
    return book.cite(str(rows["id"].iloc[0]))


def _question(
    book: Book, row: Any, prompt: str, options: Any, answer: str, hint: str, why=""
) -> Quiz:
    """A one-question quiz on a fact row, with its citation as evidence."""
    where = paragraph_words(row["paragraph"], False)
    why = why or f"{where.capitalize()}: {quoted(row['quote'])}."
    evidence = (book.cite(str(row["id"])),)
    return Quiz([Question(prompt, tuple(options), answer, hint, why, evidence=evidence)])


def _hidden(text: str, word: str) -> str:
    """`text` with the small word `word` left out (``…``), so that a figure's description
    that keeps the article's hedge does not give away the answer to the question on it."""
    if word in _NO_QUALIFIER or word == "no small word":
        return text
    return re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", "…", text, flags=re.IGNORECASE)


def qualifier_question(book: Book) -> Quiz | Note:
    """A question on one figure: which small word does the article put with it?"""
    figures = book.figures
    if figures.empty or "qualifier" not in figures.columns:
        return Note("The fact tables hold no figures, so there is no question on numbers.")
    hedged = figures[~figures["qualifier"].astype(str).str.strip().isin(_NO_QUALIFIER)]
    row = (hedged if len(hedged) else figures).iloc[0]
    answer = str(row["qualifier"]).strip()
    answer = "no small word" if answer in _NO_QUALIFIER else answer
    pool = [str(q).strip() for q in figures["qualifier"] if str(q).strip() not in _NO_QUALIFIER]
    pool += ["about", "more than", "exactly", "no small word"]
    options = list(dict.fromkeys([answer, *[p for p in pool if p != answer]]))[:4]
    value = int(row["value"]) if float(row["value"]).is_integer() else row["value"]
    described = _hidden(str(row["description"]), answer)
    prompt = f"The tables hold this figure: {value} {row['unit']} ({described}). "
    prompt += "Which small word does the article put with it?"
    where = paragraph_words(row["paragraph"], False)
    hint = f"Read {where} again: which words stand just before or after the number?"
    return _question(book, row, prompt, sorted(options), answer, hint)


def mentions_question(book: Book) -> Quiz | Note:
    """A question on one claim: whose words does the article pass on?"""
    if book.claims.empty:
        return Note("The article passes on no one's words in the fact tables.")
    row, names = book.claims.iloc[0], _names(book)
    speaker = names.get(row["speaker"], str(row["speaker"]))
    others = [n for i, n in names.items() if i != row["speaker"]][:2]
    own = "no one: the article says it in its own voice"
    prompt = f"According to the article, who said this? {row['text']}"
    hint = f"Read {paragraph_words(row['paragraph'], False)} again: whose words does it report?"
    return _question(book, row, prompt, [*sorted({speaker, *others}), own], speaker, hint)


def mark_question(book: Book) -> Quiz | Note:
    """A question on one fact: which mark do the tables give it?"""
    rows = [
        row
        for name in FACT_TABLES
        for _, row in getattr(book, name, pd.DataFrame()).iterrows()
        if "basis" in row and "id" in row
    ]
    if not rows:
        return Note("The fact tables are empty, so there is no question on marks yet.")
    row = ([r for r in rows if r["basis"] == "someone says"] or rows)[0]
    where, fact = paragraph_words(row["paragraph"], False), mark(row["basis"])
    prompt = f"In {where}, the article writes {quoted(row['quote'])}. "
    prompt += "Which mark do the fact tables give this fact?"
    hint = f"Read the whole of {where}: does the article say it itself, or does it say who said it?"
    titles = [m.title for m in MARKS.values()]
    return _question(book, row, prompt, titles, fact.title, hint, fact.long)


def modality_sorting(book: Book, most: int = 4) -> Sorting | Note:
    """Up to `most` events to sort (who says it? has it happened?), one of each modality
    first, from the events the article states or passes on."""
    events = book.events
    if events.empty:
        return Note("The fact tables hold no events, so there is nothing to sort.")
    stated = events["basis"].isin(["article says", "someone says"])
    usable = events[stated & events["modality"].isin(MODALITY)]
    if usable.empty:
        return Note("The fact tables hold no events the article states, so nothing to sort.")
    first = usable.drop_duplicates("modality")
    picked = pd.concat([first, usable.drop(first.index)]).head(most).sort_index()
    texts = book.paragraphs.set_index("paragraph")["text"]
    items = []
    for _, row in picked.iterrows():
        citation = book.cite(str(row["id"]))
        who = "person" if row["basis"] == "someone says" else "article"
        words = "passes it on from someone" if who == "person" else "says it in its own voice"
        explained = f"The article {words}; the tables code it as {row['modality']}."
        sentence = sentence_with(str(texts.get(citation.paragraph, citation.quote)), citation.quote)
        items.append(SortingItem(row["id"], who, row["modality"], explained, citation, sentence))
    return Sorting(items)


def summary_checklist(book: Book) -> Note:
    """What a neutral summary of this article must keep, as a checklist built from the pack:
    quotation marks hold only the article's own words; names and descriptions are in italics."""
    names, events = _names(book), book.events
    speakers = [names.get(s, s) for s in dict.fromkeys(book.claims.get("speaker", []))]
    events = events[events["modality"].isin(NOT_YET)] if not events.empty else events
    figures = [
        {"where": paragraph_words(row["paragraph"]), "quote": row["quote"]}
        for _, row in book.figures.iterrows()
        if str(row["qualifier"]).strip() not in _NO_QUALIFIER
    ]
    events = events.head(2).to_dict("records")
    html = render("summary-checklist.html", speakers=speakers, events=events, figures=figures[:1])
    return _Html(html)


def second_text(book: Book) -> widgets.VBox | None:
    """The comparison activity (`newsfacts.compare.compare`) under a heading, when this pack
    names a second text in its ``datapackage.json`` (``"newsfacts": {"compares_with":
    "../paris-2026"}``: the article is the pack named) or a pack of ``data/`` names this one;
    None, so nothing at all shows, when neither does."""
    linked = compared_pack(book)
    if linked is not None and (linked / "datapackage.json").is_file():
        article, other = load(linked), book
    else:  # a pack in the project's data/ whose compares_with names this one
        root, folder = repository_root(), Path(book.path).resolve()
        for descriptor in sorted((root / "data").glob("*/datapackage.json")) if root else []:
            try:
                metadata = json.loads(descriptor.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            named = (metadata.get("newsfacts") or {}).get("compares_with")
            if isinstance(named, str) and (descriptor.parent / named).resolve() == folder:
                article, other = book, load(descriptor.parent)
                break
        else:
            return None
    activity = compare(article, other)
    if not activity.items:
        return None
    intro = widgets.HTML(render("second-text.html", article=article, other=other))
    return widgets.VBox([intro, activity])
