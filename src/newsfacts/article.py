"""Split an article into numbered paragraphs: title, byline, captions, body.

The layout of ``article.txt``: blocks separated by blank lines. Block 0 is the title. The
next block's first line is the byline and each of its further lines is a caption. Every
later block is one body paragraph, kept as it is (line breaks inside it included).
Paragraphs are numbered from 0 (the title) in order.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from newsfacts.errors import DataError, Problem
from newsfacts.textfile import UTF8_FIX, BadBytes, decode_utf8


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


def bad_bytes_problems(file: str, bad: list[BadBytes]) -> list[Problem]:
    """Turn the bad bytes of the article into problems that name the file and line."""
    return [Problem(file, b.line, None, None, b.describe(), UTF8_FIX) for b in bad]


def read_article(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read ``article.txt`` as strict UTF-8 and split it into paragraphs.

    Parameters
    ----------
    path : str or path-like
        The article file.

    Returns
    -------
    pandas.DataFrame
        As `split_paragraphs` returns it.

    Raises
    ------
    DataError
        If the file is missing or holds bytes that are not UTF-8 (each bad line named).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        problem = Problem(path.name, None, None, None, f"cannot read the file ({error}).", "")
        raise DataError([problem], pack=str(path.parent)) from None
    text, bad = decode_utf8(data)
    if bad:
        raise DataError(bad_bytes_problems(path.name, bad), pack=str(path.parent))
    return split_paragraphs(text)
