"""Split an article into its parts: headline, byline, captions, and the numbered story.

The layout of ``article.txt``: blocks separated by blank lines. Block 1 is the headline. The
next block's first line is the byline and each of its further lines is a caption. Every
later block is one story paragraph, kept as it is (line breaks inside it included).

The story is numbered from 1 at its first paragraph, as a reader counts. The parts above the
story are named, not numbered: ``"headline"``, ``"byline"``, ``"caption 1"``, ``"caption 2"``.
A fact row's ``paragraph`` cell holds either a story number or one of those names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from newsfacts.errors import Problem
from newsfacts.pack.read import UTF8_FIX, decode, read_bytes


def split_paragraphs(text: str) -> pd.DataFrame:
    """Name the parts above the story and number the story's paragraphs from 1.

    Parameters
    ----------
    text : str
        The whole article. Windows line ends are read as plain ones; lines holding only
        spaces count as blank.

    Returns
    -------
    pandas.DataFrame
        One row per part, columns ``paragraph`` (a story number from 1, or the part's name:
        ``"headline"``, ``"byline"``, ``"caption 1"`` ...), ``kind`` (headline, byline,
        caption or story) and ``text``.

    Examples
    --------
    >>> split_paragraphs("Title\\n\\nBy Someone\\nA caption\\n\\nFirst.\\n\\nSecond.")
       paragraph      kind        text
    0   headline  headline       Title
    1     byline    byline  By Someone
    2  caption 1   caption   A caption
    3          1     story      First.
    4          2     story     Second.
    """
    keys: list[Any] = []
    kinds: list[str] = []
    texts: list[str] = []
    for number, block in enumerate(_blocks(text)):
        if number == 0:
            keys.append("headline")
            kinds.append("headline")
            texts.append(block)
        elif number == 1:
            lines = block.split("\n")
            keys += ["byline"] + [f"caption {n}" for n in range(1, len(lines))]
            kinds += ["byline"] + ["caption"] * (len(lines) - 1)
            texts += lines
        else:
            keys.append(number - 1)
            kinds.append("story")
            texts.append(block)
    return pd.DataFrame(
        {
            "paragraph": pd.Series(keys, dtype="object"),
            "kind": pd.Series(kinds, dtype="str"),
            "text": pd.Series(texts, dtype="str"),
        }
    )


def _blocks(text: str) -> list[str]:
    blocks: list[str] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def read_article(folder: Path, name: str) -> tuple[pd.DataFrame | None, set[int], list[Problem]]:
    """Read a pack's article as strict UTF-8 and split it into paragraphs.

    Returns
    -------
    paragraphs : pandas.DataFrame or None
        As `split_paragraphs` returns it; None when the article is missing or empty.
    damaged : set
        The parts (story numbers or names) holding bytes that were not UTF-8 (their quotes
        are not checked).
    problems : list of Problem
        A missing or empty article, and each line of bytes that are not UTF-8.
    """
    data, problems = read_bytes(folder / name, name, "the article")
    if data is None:
        return None, set(), problems
    text, bad = decode(data, name)
    paragraphs = split_paragraphs(text)
    if paragraphs.empty:
        return (
            None,
            set(),
            [Problem(name, None, None, None, "the article is empty.", "Paste its text in.")],
        )
    problems = [Problem(name, line, None, None, words, UTF8_FIX) for line, words in bad]
    parts = zip(paragraphs["paragraph"], paragraphs["text"], strict=True)
    damaged = {k for k, t in parts if "\ufffd" in t} if bad else set()
    return paragraphs, damaged, problems
