"""The parts of the any-article lessons, built from any pack's tables.

Every function takes a loaded `Book` and returns something a notebook shows. None of them
holds a word about a particular article: names, numbers and quotes all come from the pack.
When a pack has lesson content for a lesson of the series (its ``lessons.csv`` ids 11 to
15, see `LESSONS`), `from_pack` shows it; otherwise the activity is built from the fact
tables, and a line says so.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from newsfacts._anycompat import (
    MARKS,
    activities,
    lesson_table,
    mark,
    paragraph_order,
    paragraph_words,
    views,
)
from newsfacts.compare import compare, compared_pack
from newsfacts.load import load
from newsfacts.marks import NOT_YET
from newsfacts.profile import FACT_TABLES, mentions_list, observations
from newsfacts.resources import repository_root
from newsfacts.text import lesson_id

__all__ = [
    "LESSONS",
    "NOT_YET",
    "Note",
    "from_pack",
    "figures_table",
    "events_by_modality",
    "modality_sorting",
    "qualifier_question",
    "mentions_question",
    "summary_checklist",
    "series_prompts",
]

#: The lesson ids of ``lessons.csv`` each lesson of the series reads its content from.
LESSONS = {
    "11": "Reading the article with its marks",
    "12": "Who speaks and who does not",
    "13": "Numbers and their small words",
    "14": "Happened, going on or not yet",
    "15": "A neutral summary",
}

#: The modalities a lesson calls "not yet".

_GROUP = {"happened": "happened", "going on": "going on"} | {m: "not yet" for m in NOT_YET}
_NO_QUALIFIER = {"", "none"}


class Note:
    """One plain line in a grey box (HTML in a notebook, text elsewhere)."""

    def __init__(self, text: str):
        self.text = text

    def _repr_html_(self) -> str:
        return (
            '<p class="newsfacts-note" style="border-left:4px solid #999999;'
            f'padding:2px 8px">{escape(self.text)}</p>'
        )

    def __repr__(self) -> str:
        return self.text


BUILT = (
    "No {what} were written for this lesson, so the activity below is built from the "
    "article's fact tables."
)


def _rows(book: Any, table: str, lesson: str) -> pd.DataFrame:
    rows = lesson_table(book, table)
    if rows.empty or "lesson" not in rows.columns:
        return rows.iloc[0:0]
    return rows[rows["lesson"].astype(str) == lesson_id(lesson)]


def from_pack(book: Any, lesson: str, part: str, kind: str | None = None, otherwise: Any = None):
    """The pack's own content for a lesson of the series, or the activity built instead.

    Parameters
    ----------
    book : Book
    lesson : str
        The lesson's id in ``lessons.csv`` (``"12"``).
    part : str
        ``"questions"`` (a quiz), ``"sorting"``, ``"prompts"`` or ``"exercises"``.
    kind : str, optional
        For prompts: ``"discuss"``, ``"write"`` or ``"extend"``.
    otherwise : object, optional
        What to show when the pack has none: it is shown under a line saying it is built
        from the fact tables. Without it, nothing is shown.
    """
    from IPython.display import display

    act = activities()
    check_understanding, prompts, sorting = act.check_understanding, act.prompts, act.sorting
    rows = _rows(book, part, lesson)
    if part == "prompts" and kind is not None and len(rows):
        rows = rows[rows["kind"] == kind]
    if len(rows):
        if part == "questions":
            return check_understanding(book, lesson)
        if part == "sorting":
            return sorting(book, lesson)
        if part == "prompts":
            return prompts(book, lesson, kind)
        items = "".join(
            f"<li><p>{escape(str(r['task']))}</p><p><code>check({str(r['id'])!r}, answer)"
            "</code></p></li>"
            for _, r in rows.iterrows()
        )
        return _Html(
            "<h3>Exercise</h3><p>For each task: add a code cell under this one (the + button), "
            "write <code>answer = </code> and one line of pandas, run it, then run the "
            "check line shown.</p>"
            f"<ol>{items}</ol>"
        )
    if otherwise is None:
        return None
    what = {
        "questions": "quiz questions",
        "sorting": "sentences to sort",
        "prompts": "prompts",
        "exercises": "exercises",
    }.get(part, part)
    if part != "prompts":  # generic prompts need no apology
        display(Note(BUILT.format(what=what)))
    return otherwise


class _Html:
    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.html


# -- tables ------------------------------------------------------------------------------


def figures_table(book: Any) -> Any:
    """The figures with their small words (qualifier) first, then the provenance."""
    facts = views().facts

    figures = book.figures
    if figures.empty:
        return Note("The fact tables hold no figures for this article.")
    return facts(figures, ["value", "unit", "qualifier", "description"])


def events_by_modality(book: Any) -> Any:
    """The events in three groups, in reading order: happened, going on, not yet."""
    facts = views().facts

    events = book.events
    if events.empty:
        return Note("The fact tables hold no events for this article.")
    frame = events.copy()
    frame["group"] = [_GROUP.get(str(m), str(m)) for m in frame["modality"]]
    rank = {"happened": 0, "going on": 1, "not yet": 2}
    frame["_order"] = [
        (rank.get(g, 3), paragraph_order(p))
        for g, p in zip(frame["group"], frame["paragraph"], strict=True)
    ]
    frame = frame.sort_values("_order", kind="stable").drop(columns="_order")
    return facts(frame, ["group", "modality", "description", "when_text"])


# -- activities built from the tables ----------------------------------------------------


def _quiz(question: Any) -> Any:
    quiz = activities().quiz

    return quiz([question])


def qualifier_question(book: Any) -> Any:
    """A question on one figure: which small word does the article put with it?"""
    Question = activities().Question

    figures = book.figures
    if figures.empty or "qualifier" not in figures.columns:
        return Note("The fact tables hold no figures, so there is no question on numbers.")
    hedged = figures[~figures["qualifier"].astype(str).str.strip().isin(_NO_QUALIFIER)]
    row = (hedged if len(hedged) else figures).iloc[0]
    answer = str(row["qualifier"]).strip() or "none"
    answer = "no small word" if answer == "none" else answer
    pool = [str(q).strip() for q in figures["qualifier"] if str(q).strip() not in _NO_QUALIFIER]
    pool += ["about", "more than", "exactly", "no small word"]
    options = list(dict.fromkeys([answer, *[p for p in pool if p != answer]]))[:4]
    value = row["value"]
    value = int(value) if float(value).is_integer() else value
    where = paragraph_words(row["paragraph"], False)
    return _quiz(
        Question(
            prompt=f"The tables hold this figure: {value} {row['unit']} "
            f"({row['description']}). Which small word does the article put with it?",
            options=tuple(sorted(options)),
            answer=answer,
            hint=f"Read {where} again: which words stand just before or after the number?",
            explanation=f"{where.capitalize()}: “{row['quote']}”.",
            evidence=(book.cite(str(row["id"])),),
        )
    )


def mentions_question(book: Any) -> Any:
    """A question on one claim: whose words does the article pass on?"""
    Question = activities().Question

    claims = book.claims
    if claims.empty:
        return Note("The article passes on no one's words in the fact tables.")
    row = claims.iloc[0]
    names = dict(zip(book.actors["id"], book.actors["name"], strict=True))
    speaker = names.get(row["speaker"], str(row["speaker"]))
    others = [n for i, n in names.items() if i != row["speaker"]][:2]
    own = "no one: the article says it in its own voice"
    where = paragraph_words(row["paragraph"], False)
    return _quiz(
        Question(
            prompt=f"According to the article, whose words are these? {row['text']}",
            options=tuple([*sorted({speaker, *others}), own]),
            answer=speaker,
            hint=f"Read {where} again: whose words does it report?",
            explanation=f"{where.capitalize()}: “{row['quote']}”.",
            evidence=(book.cite(str(row["id"])),),
        )
    )


def modality_sorting(book: Any, most: int = 4) -> Any:
    """Up to `most` events to sort (who says it? has it happened?), one of each modality
    first, from the events the article states or passes on."""
    act = activities()
    MODALITY, Sorting, SortingItem = act.MODALITY, act.Sorting, act.SortingItem
    sentence_with = act.sentence_with

    events = book.events
    if events.empty:
        return Note("The fact tables hold no events, so there is nothing to sort.")
    usable = events[
        events["basis"].isin(["article says", "someone says"]) & events["modality"].isin(MODALITY)
    ]
    if usable.empty:
        return Note("The fact tables hold no events the article states, so nothing to sort.")
    first = usable.drop_duplicates("modality")
    rest = usable.drop(first.index)
    picked = pd.concat([first, rest]).head(most)
    picked = picked.loc[sorted(picked.index)]
    texts = book.paragraphs.set_index("paragraph")["text"]
    items = []
    for _, row in picked.iterrows():
        citation = book.cite(str(row["id"]))
        who = "person" if row["basis"] == "someone says" else "article"
        words = "passes it on from someone" if who == "person" else "says it in its own voice"
        paragraph = str(texts.get(citation.paragraph, citation.quote))
        items.append(
            SortingItem(
                str(row["id"]),
                who,
                str(row["modality"]),
                f"The article {words}; the tables code it as {row['modality']}.",
                citation,
                sentence_with(paragraph, citation.quote),
            )
        )
    return Sorting(items)


def summary_checklist(book: Any) -> Any:
    """What a neutral summary of this article must keep, as a checklist built from the pack.

    Quotation marks hold only the article's own words (a figure's quote); names and the
    pack's descriptions are in italics.
    """
    items: list[str] = []
    names = dict(zip(book.actors["id"], book.actors["name"], strict=True))
    for speaker in dict.fromkeys(book.claims.get("speaker", pd.Series([], dtype=str))):
        name = escape(str(names.get(speaker, speaker)))
        items.append(
            f"Say when something comes from {name}: name them, as in <em>according to {name}</em>."
        )
    events = book.events
    if not events.empty:
        for _, row in events[events["modality"].isin(NOT_YET)].head(3).iterrows():
            items.append(
                f"<em>{escape(str(row['description']))}</em> stays not yet "
                f"({escape(str(row['modality']))}): no past tense, and no <em>will</em> "
                "where the article does not write one."
            )
    figures = book.figures
    if not figures.empty:
        for _, row in figures.iterrows():
            qualifier = str(row["qualifier"]).strip()
            if qualifier not in _NO_QUALIFIER:
                items.append(
                    "A figure you use keeps its small word, as in "
                    f"{escape(paragraph_words(row['paragraph']))}: "
                    f"“{escape(str(row['quote']))}”."
                )
                break
    items += [
        "Nothing the article does not say, and no word of yours that judges "
        "(<em>good</em>, <em>bad</em>, <em>wins</em>, <em>fails</em>).",
        "The people, countries and groups are named as the article names them.",
    ]
    boxes = "".join(f"<li>☐ {item}</li>" for item in items)
    return _Html(
        '<div class="newsfacts-checklist"><p><strong>Checklist for your summary</strong></p>'
        f'<ul style="list-style:none;padding-left:0.5em">{boxes}</ul></div>'
    )


def passed_on(book: Any) -> Any:
    """What the article passes on from others: each claim with its speaker's name."""
    facts = views().facts

    claims = book.claims
    if claims.empty:
        return Note("The tables hold nothing the article passes on from someone.")
    names = dict(zip(book.actors["id"], book.actors["name"], strict=True))
    frame = claims.copy()
    frame["said by"] = [names.get(s, s) for s in frame["speaker"]]
    return facts(frame, ["said by", "text"])


def not_yet(book: Any) -> Any:
    """The events that are not yet (expected, proposed or threatened)."""
    facts = views().facts

    events = book.events
    rows = events[events["modality"].isin(NOT_YET)] if not events.empty else events
    if rows.empty:
        return Note("The tables hold no event that is only expected, proposed or threatened.")
    return facts(rows, ["modality", "description", "when_text"])


__all__ += ["passed_on", "not_yet"]


# -- prompts when the pack has none ------------------------------------------------------


def _silent(book: Any) -> list[str]:

    frame = mentions_list(book)
    return [
        str(name)
        for name, row in frame.iterrows()
        if row["mentions"] and not row["words passed on"]
    ][:3]


def series_prompts(book: Any, lesson: str, kind: str) -> Any:
    """Prompts for a lesson of the series, worded from the pack (used when it has none)."""
    lesson = lesson_id(lesson)
    texts: list[str] = []
    if lesson == "11":
        texts = {
            "discuss": [
                "Which highlighted passage would you check first if you could ask the "
                "writer one question? Why that one?"
            ],
            "write": [
                "Pick one highlighted passage. In your own words, say what its mark tells "
                "you about where the fact comes from."
            ],
        }.get(kind, [])
    elif lesson == "12":
        silent = _silent(book)
        who = (
            " and ".join([", ".join(silent[:-1]), silent[-1]] if len(silent) > 1 else silent)
            if silent
            else "someone"
        )
        texts = {
            "discuss": [
                f"The article mentions {who} without passing on their words. What can you "
                "not conclude from that?"
            ],
            "write": [
                "In two sentences, say who speaks in this article and who does not, "
                "without judging anyone."
            ],
        }.get(kind, [])
    elif lesson == "13":
        texts = {
            "discuss": [
                "Take the small word away from one figure. How does the sentence change? "
                "Who gives the figure?"
            ],
            "write": [
                "Write one sentence that uses a figure from the article, keeps its small "
                "word and says who gives it."
            ],
        }.get(kind, [])
    elif lesson == "14":
        texts = {
            "discuss": [
                "Pick one event that is not yet. What would have to happen for it to be "
                "done? Does the article say it will?"
            ],
            "write": [
                "Write two sentences: one about something that happened, one about "
                "something not yet, each in a tense the article allows."
            ],
        }.get(kind, [])
    elif lesson == "15":
        texts = {
            "discuss": [
                "Swap summaries with a partner. Which line of the checklist was the "
                "hardest to keep?"
            ],
            "write": [
                "Write a neutral summary of the article in 60 to 80 words. Then go through "
                "the checklist and mend what it catches."
            ],
        }.get(kind, [])
    act = activities()
    html = views().render(
        "prompts.html",
        groups=[(act.HEADINGS.get(kind, kind), texts)] if texts else [],
        show_headings=False,
        lesson=lesson,
        kind=kind,
    )
    return act.Prompts(html, texts)


def prompts_for(book: Any, lesson: str, kind: str) -> Any:
    """The pack's prompts of this kind for the lesson, else the series' own."""
    return from_pack(book, lesson, "prompts", kind, otherwise=series_prompts(book, lesson, kind))


__all__ += ["prompts_for"]


def mark_words(basis: str) -> str:
    """The mark of a basis as a student reads it (symbol and label)."""
    return mark(basis).title


def mark_question(book: Any) -> Any:
    """A question on one fact: which mark do the tables give it?"""

    Question = activities().Question

    rows = [
        (name, row)
        for name in FACT_TABLES
        for _, row in getattr(book, name, pd.DataFrame()).iterrows()
        if "basis" in row and "id" in row
    ]
    if not rows:
        return Note("The fact tables are empty, so there is no question on marks yet.")
    passed_on = [r for r in rows if r[1]["basis"] == "someone says"]
    _, row = (passed_on or rows)[0]
    where = paragraph_words(row["paragraph"], False)
    return _quiz(
        Question(
            prompt=f"In {where}, the article writes “{row['quote']}”. Which mark do the fact "
            "tables give this fact?",
            options=tuple(m.title for m in MARKS.values()),
            answer=mark(row["basis"]).title,
            hint=f"Read the whole of {where}: does the article say it itself, or does it say "
            "who said it?",
            explanation=mark(row["basis"]).long,
            evidence=(book.cite(str(row["id"])),),
        )
    )


def what_the_data_shows(book: Any) -> Any:
    """`newsfacts.profile.observations` as a short list."""

    lines = observations(book)
    if not lines:
        return Note("The fact tables are empty, so there is nothing to count yet.")
    return _Html("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>")


def voices_table(book: Any) -> Any:
    """How the article lets each actor speak (the optional perspectives table); nothing at
    all when the pack has none."""
    from IPython.display import HTML, display

    facts = views().facts

    table = book.perspectives
    if table.empty or "voice" not in table.columns:
        return None
    display(HTML("<h3>How the article lets each actor speak</h3>"))
    return facts(table, ["actor", "stance", "text", "voice"])


__all__ += ["mark_question", "what_the_data_shows", "voices_table"]


def cite_first(book: Any, table: str = "claims") -> Any:
    """Where the first row of a fact table comes from (``book.cite``), or a line saying the
    table is empty."""
    rows = getattr(book, table)
    if rows.empty or "id" not in rows.columns:
        return Note(f"The tables hold no {table} for this article.")
    return book.cite(str(rows["id"].iloc[0]))


def _linking_pack(folder: Path) -> Path | None:
    """A pack in the project's ``data/`` whose ``compares_with`` names `folder`."""
    import json

    root = repository_root()
    if root is None or not (root / "data").is_dir():
        return None
    for descriptor in sorted((root / "data").glob("*/datapackage.json")):
        try:
            metadata = json.loads(descriptor.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        linked = (metadata.get("newsfacts") or {}).get("compares_with")
        if isinstance(linked, str) and (descriptor.parent / linked).resolve() == folder:
            return descriptor.parent
    return None


def second_text(book: Any) -> Any:
    """The comparison activity (`newsfacts.compare.compare`) when a second text is linked
    to this pack, under a heading of its own; None, so nothing at all shows, when none is.

    A pack links the text it is compared with in its ``datapackage.json``
    (``"newsfacts": {"compares_with": "../paris-2026"}``, beside its ``comparisons.csv``):
    run on such a pack, the activity compares the pack it names (the article) with this
    one; run on a pack another pack of ``data/`` names, with that pack.
    """
    import ipywidgets as widgets

    here = Path(book.path).resolve()
    linked = compared_pack(book)
    if linked is not None and (linked / "datapackage.json").is_file():
        article, other = load(linked), book
    else:
        found = _linking_pack(here)
        if found is None:
            return None
        article, other = book, load(found)
    activity = compare(article, other)
    if not activity.items:
        return None
    intro = widgets.HTML(
        "<h2>If you finish early: check it against a second text</h2>"
        f"<p>The article <em>{escape(str(article.title))}</em> is linked to a second text, "
        f"<em>{escape(str(other.title))}</em>. For each item, choose how the second text "
        "treats what the article says; then read the two side by side. The second text says "
        "only what its own words say: it does not tell you which is right.</p>"
    )
    return widgets.VBox([intro, activity])


__all__ += ["cite_first", "second_text"]
