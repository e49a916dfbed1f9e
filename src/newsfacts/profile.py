"""Who speaks in an article: its sourcing profile, and who is mentioned where.

Any pack works: everything is counted from its fact tables. `LESSONS` names the lessons of
the any-article series that these counts serve (``notebooks/any-article/``).

>>> import newsfacts
>>> profile = sourcing_profile(newsfacts.load("data/template"))
>>> list(profile["mark"])
['article says', 'someone says', 'worked out', 'outside source']
"""

from __future__ import annotations

import pandas as pd

from newsfacts.book import Book
from newsfacts.marks import BASES, mark
from newsfacts.text import join_and, paragraph_order, paragraph_words

#: The tables whose rows are facts the article states (the glossary explains words).
FACT_TABLES = ("actors", "places", "figures", "events", "claims", "relations", "perspectives")

#: The lesson ids of ``lessons.csv`` each lesson of the any-article series reads its content from.
LESSONS = {
    "11": "Reading the article with its marks",
    "12": "Who speaks and who does not",
    "13": "Numbers and their small words",
    "14": "Happened, going on or not yet",
    "15": "A neutral summary",
}


def sourcing_profile(book: Book, tables: tuple[str, ...] = FACT_TABLES) -> pd.DataFrame:
    """How many facts of the `tables` carry each mark: columns ``mark`` (the four, in order),
    ``facts`` and ``share`` (a whole percentage of all counted rows; 0 when there are none)."""
    frames = [getattr(book, name, None) for name in tables]
    columns = [f["basis"] for f in frames if isinstance(f, pd.DataFrame) and "basis" in f.columns]
    bases = pd.concat([pd.Series([], dtype=str), *columns]).astype(str).str.strip()
    counts = bases.value_counts().reindex(list(BASES), fill_value=0)
    shares = (100 * counts / max(counts.sum(), 1)).round().astype(int)
    return pd.DataFrame({"mark": list(BASES), "facts": counts.values, "share": shares.values})


def profile_table(book: Book, tables: tuple[str, ...] = FACT_TABLES) -> pd.DataFrame:
    """The sourcing profile as a student reads it: per mark (``💬 someone says``), ``facts``,
    ``share`` (``"40%"``) and ``bar`` (one ■ per fact, at most 40); lesson 0 defines the marks."""
    shown = sourcing_profile(book, tables).set_index("mark")
    shown.index = [mark(b).title for b in shown.index]
    shown["share"] = [f"{s}%" for s in shown["share"]]
    shown["bar"] = ["■" * min(int(n), 40) + ("…" if n > 40 else "") for n in shown["facts"]]
    return shown.rename_axis(columns="mark")


def mentions_list(book: Book) -> pd.DataFrame:
    """Per actor, most mentioned first: the ``paragraphs`` that mention them (``"headline,
    ¶ 1"``), how many (``mentions``) and how many claims pass on their words."""
    rows, claims = [], book.claims
    for ident, name in zip(book.actors["id"], book.actors["name"], strict=True):
        try:
            found = book.mentions(str(ident))["paragraph"]
        except KeyError:  # a name shared by several rows: count by id only
            found = []
        keys = sorted(found, key=paragraph_order)
        spoken = int((claims["speaker"] == ident).sum()) if "speaker" in claims.columns else 0
        rows.append([str(name), ", ".join(paragraph_words(k) for k in keys), len(keys), spoken])
    frame = pd.DataFrame(rows, columns=["actor", "paragraphs", "mentions", "words passed on"])
    frame = frame.sort_values("mentions", ascending=False, kind="stable").set_index("actor")
    return frame.rename_axis(index=None, columns="actor")


def _listed(names: list[str], most: int = 8) -> str:
    """Names joined with commas, the last with "and"; past `most`, how many more."""
    names = [str(n) for n in names]
    return join_and(names if len(names) <= most else [*names[:most], f"{len(names) - most} more"])


def observations(book: Book) -> list[str]:
    """A few sentences on what the counts show, each true of this pack by construction."""
    said: list[str] = []
    profile = sourcing_profile(book).set_index("mark")["facts"]
    if profile.sum():
        said.append(
            f"Of {profile.sum()} facts in the tables, the article states "
            f"{profile['article says']} in its own voice and passes on "
            f"{profile['someone says']} from someone it names."
        )
    mentions = mentions_list(book)
    most = int(mentions["mentions"].max()) if len(mentions) else 0
    first = list(mentions.index[mentions["mentions"] == most])
    if most and len(first) == 1:
        said.append(f"The actor mentioned in the most paragraphs is {first[0]} ({most}).")
    elif most:
        said.append(f"Mentioned in the most paragraphs ({most} each): {_listed(first)}.")
    speaking = list(mentions.index[mentions["words passed on"] > 0])
    silent = list(mentions.index[(mentions["mentions"] > 0) & (mentions["words passed on"] == 0)])
    if speaking:
        said.append("The claims table passes on the words of: " + _listed(speaking) + ".")
    if silent:
        said.append("Mentioned, but with no claim of theirs in the table: " + _listed(silent) + ".")
    return said
