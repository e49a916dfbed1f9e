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
from newsfacts.textfile import UTF8_FIX, decode_utf8


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


def paragraph_key(value: Any) -> int | str | None:
    """A ``paragraph`` cell as a story number (int) or a part's name; None when empty.

    >>> paragraph_key(" 6 "), paragraph_key(6.0), paragraph_key("Headline"), paragraph_key("")
    (6, 6, 'headline', None)
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else None
    text = " ".join(str(value).split()).casefold()
    if not text or text in {"<na>", "nan"}:
        return None
    return int(text) if text.isdigit() else text


def paragraph_words(key: Any, short: bool = True) -> str:
    """How a student reads where a row comes from: ``"¶ 6"`` (or ``"paragraph 6"``), or the
    part's name (``"headline"``); ``""`` when there is none."""
    key = paragraph_key(key)
    if key is None:
        return ""
    if isinstance(key, int):
        return f"¶ {key}" if short else f"paragraph {key}"
    return key


def paragraph_order(key: Any) -> tuple[int, int, str]:
    """A sort key in reading order: headline, byline, captions, then the story by number."""
    key = paragraph_key(key)
    if isinstance(key, int):
        return (1, key, "")
    if key is None:
        return (2, 0, "")
    caption = key.removeprefix("caption ")
    rank = {"headline": 0, "byline": 1}.get(key, 2 + int(caption) if caption.isdigit() else 99)
    return (0, rank, key)


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
    parts = zip(paragraphs["paragraph"], paragraphs["text"], strict=True)
    damaged = {k for k, t in parts if "\ufffd" in t} if bad else set()
    return paragraphs, damaged, problems
