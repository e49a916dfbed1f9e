"""Split an article into numbered paragraphs: title, byline, captions, body.

The layout of ``article.txt``: blocks separated by blank lines. Block 0 is the title. The
next block's first line is the byline and each of its further lines is a caption. Every
later block is one body paragraph, kept as it is (line breaks inside it included).
Paragraphs are numbered from 0 (the title) in order.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from newsfacts.errors import Problem
from newsfacts.textfile import UTF8_FIX, decode_utf8


def split_paragraphs(text: str) -> pd.DataFrame:
    """Number the paragraphs of an article's text and say what kind each is.

    Parameters
    ----------
    text : str
        The whole article. Windows line ends are read as plain ones; lines holding only
        spaces count as blank.

    Returns
    -------
    pandas.DataFrame
        One row per paragraph, columns ``paragraph`` (int, from 0), ``kind`` (title,
        byline, caption or body) and ``text``.

    Examples
    --------
    >>> split_paragraphs("Title\\n\\nBy Someone\\nA caption\\n\\nFirst.\\n\\nSecond.")
       paragraph     kind        text
    0          0    title       Title
    1          1   byline  By Someone
    2          2  caption   A caption
    3          3     body      First.
    4          4     body     Second.
    """
    kinds: list[str] = []
    texts: list[str] = []
    for number, block in enumerate(_blocks(text)):
        if number == 0:
            kinds.append("title")
            texts.append(block)
        elif number == 1:
            lines = block.split("\n")
            kinds += ["byline"] + ["caption"] * (len(lines) - 1)
            texts += lines
        else:
            kinds.append("body")
            texts.append(block)
    return pd.DataFrame(
        {
            "paragraph": pd.Series(range(len(texts)), dtype="int64"),
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
    damaged : set of int
        Paragraphs holding bytes that were not UTF-8 (their quotes are not checked).
    problems : list of Problem
        A missing or empty article, and each line of bytes that are not UTF-8.
    """
    try:
        data = (folder / name).read_bytes()
    except OSError:
        missing = f"the article is missing (looked for {folder / name})."
        fix = "Put the article's text in the pack folder: title, blank line, byline, ..."
        return None, set(), [Problem(name, None, None, None, missing, fix)]
    text, bad = decode_utf8(data)
    paragraphs = split_paragraphs(text)
    if paragraphs.empty:
        return (
            None,
            set(),
            [Problem(name, None, None, None, "the article is empty.", "Paste its text in.")],
        )
    problems = [Problem(name, b.line, None, None, b.describe(), UTF8_FIX) for b in bad]
    damaged = {n for n, t in enumerate(paragraphs["text"]) if "\ufffd" in t} if bad else set()
    return paragraphs, damaged, problems
