"""Who speaks in an article: its sourcing profile, and who is mentioned where.

Any pack works: everything is counted from its fact tables.

- `sourcing_profile`: how many facts the article states itself, passes on from someone,
  leaves to be worked out, or that come from an outside source (the four marks).
- `profile_table`: the same as a small table a student reads, with a bar of ■ per fact.
- `mentions_list`: for each actor, the paragraphs that mention them and whether the
  article passes on their words.
- `observations`: a few plain sentences on what the counts show that a first reading
  may not.

>>> import newsfacts
>>> profile = sourcing_profile(newsfacts.load("data/template"))
>>> list(profile["mark"])
['article says', 'someone says', 'worked out', 'outside source']
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from newsfacts._anycompat import BASES, mark, paragraph_order, paragraph_words

__all__ = ["FACT_TABLES", "sourcing_profile", "profile_table", "mentions_list", "observations"]

#: The tables whose rows are facts the article states (the glossary explains words).
FACT_TABLES = ("actors", "places", "figures", "events", "claims", "relations", "perspectives")


def _bases(book: Any, tables: tuple[str, ...] = FACT_TABLES) -> pd.Series:
    found = []
    for name in tables:
        frame = getattr(book, name, None)
        if isinstance(frame, pd.DataFrame) and "basis" in frame.columns:
            found += [str(value).strip() for value in frame["basis"]]
    return pd.Series(found, dtype="str")


def sourcing_profile(book: Any, tables: tuple[str, ...] = FACT_TABLES) -> pd.DataFrame:
    """Count a pack's facts by mark.

    Parameters
    ----------
    book : Book
        A loaded pack.
    tables : tuple of str
        The tables counted (default: every fact table; not the glossary).

    Returns
    -------
    pandas.DataFrame
        Columns ``mark`` (the four marks, in order), ``facts`` (how many rows) and
        ``share`` (a whole percentage of all counted rows; 0 when there are none).
    """
    bases = _bases(book, tables)
    counts = [int((bases == basis).sum()) for basis in BASES]
    total = sum(counts)
    shares = [round(100 * count / total) if total else 0 for count in counts]
    return pd.DataFrame({"mark": list(BASES), "facts": counts, "share": shares})


def profile_table(book: Any, tables: tuple[str, ...] = FACT_TABLES) -> pd.DataFrame:
    """The sourcing profile as a student reads it: the mark in words, the count, a bar.

    Returns
    -------
    pandas.DataFrame
        Indexed by the mark's title (``💬 someone says``), columns ``facts``, ``share``
        (``"40%"``) and ``bar`` (one ■ per fact, at most 40). The lesson defines the marks,
        in lesson 0's words; the table does not define them a second time.
    """
    profile = sourcing_profile(book, tables)
    shown = pd.DataFrame(
        {
            "facts": profile["facts"].to_numpy(),
            "share": [f"{s}%" for s in profile["share"]],
            "bar": ["■" * min(int(n), 40) + ("…" if n > 40 else "") for n in profile["facts"]],
        },
        index=[mark(b).title for b in profile["mark"]],
    )
    shown.columns.name = "mark"
    return shown


def _speakers(book: Any) -> set[str]:
    """The actors whose words the article passes on (claims' speakers)."""
    claims = book.claims
    return set(claims["speaker"].astype(str)) if "speaker" in claims.columns else set()


def mentions_list(book: Any) -> pd.DataFrame:
    """For each actor: the paragraphs that mention them, and whether their words are passed on.

    Returns
    -------
    pandas.DataFrame
        Indexed by the actor's name, columns ``paragraphs`` (``"headline, ¶ 1, ¶ 3"``),
        ``mentions`` (how many) and ``words passed on`` (how many claims the article
        reports from them), most mentioned first.
    """
    rows = []
    claims = book.claims
    for ident, name in zip(book.actors["id"], book.actors["name"], strict=True):
        try:
            found = book.mentions(str(ident))["paragraph"]
        except KeyError:  # a name shared by several rows: count by id only
            found = pd.Series([], dtype="object")
        keys = sorted(found, key=paragraph_order)
        spoken = int((claims["speaker"] == ident).sum()) if "speaker" in claims.columns else 0
        rows.append([str(name), ", ".join(paragraph_words(k) for k in keys), len(keys), spoken])
    frame = pd.DataFrame(rows, columns=["actor", "paragraphs", "mentions", "words passed on"])
    frame = frame.sort_values("mentions", ascending=False, kind="stable").set_index("actor")
    frame.index.name = None
    frame.columns.name = "actor"
    return frame


def observations(book: Any) -> list[str]:
    """A few sentences on what the counts show, each true of this pack by construction."""
    said: list[str] = []
    profile = sourcing_profile(book).set_index("mark")["facts"]
    total = int(profile.sum())
    if total:
        said.append(
            f"Of {total} facts in the tables, the article states {profile['article says']} "
            f"in its own voice and passes on {profile['someone says']} from someone it names."
        )
    mentions = mentions_list(book)
    if len(mentions):
        most = int(mentions["mentions"].max())
        first = [str(name) for name in mentions.index[mentions["mentions"] == most]]
        if most and len(first) == 1:
            said.append(f"The actor mentioned in the most paragraphs is {first[0]} ({most}).")
        elif most:
            said.append(f"Mentioned in the most paragraphs ({most} each): {_listed(first)}.")
        silent = [
            name
            for name, row in mentions.iterrows()
            if row["mentions"] and not row["words passed on"]
        ]
        speaking = [name for name, row in mentions.iterrows() if row["words passed on"]]
        if speaking:
            said.append("The claims table passes on the words of: " + _listed(speaking) + ".")
        if silent:
            said.append(
                "Mentioned, but with no claim of theirs in the table: " + _listed(silent) + "."
            )
    return said


def _listed(names: list[str], most: int = 8) -> str:
    """Names joined with commas, the last with "and"; past `most`, how many more."""
    names = [str(n) for n in names]
    if len(names) > most:
        names = [*names[:most], f"{len(names) - most} more"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
