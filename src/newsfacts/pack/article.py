"""Split an article into its parts. ``article.txt`` is blocks separated by blank lines: the
headline; the byline, each further line of its block a caption; then one story paragraph a block,
numbered from 1; a fact's ``paragraph`` cell holds a number or a name (``"caption 1"``)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from newsfacts.errors import Problem
from newsfacts.pack.read import UTF8_FIX, decode, read_bytes
from newsfacts.pack.spec import whole_file

#: A line that ends as a sentence does (. ! ? : ; then any closing quotes or brackets): not a
#: byline, and a pasted block of such lines is one paragraph a line.
SENTENCE_END = re.compile(r"[.!?:;][\"”’')]*$")


def split_paragraphs(text: str) -> pd.DataFrame:
    """One row per part: ``paragraph`` (number or name), ``kind`` and ``text``; Windows line
    ends are read as plain ones, lines holding only spaces as blank."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    joined = "\n".join(line if line.strip() else "" for line in lines).strip("\n")
    blocks = [block for block in re.split(r"\n\n+", joined) if block]
    top = blocks[1].split("\n") if len(blocks) > 1 else []
    rows = [("headline", "headline", block) for block in blocks[:1]]
    rows += [("byline", "byline", line) for line in top[:1]]
    rows += [(f"caption {n}", "caption", line) for n, line in enumerate(top[1:], start=1)]
    rows += [(n, "story", block) for n, block in enumerate(blocks[2:], start=1)]
    frame = pd.DataFrame(rows, columns=["paragraph", "kind", "text"], dtype=object)
    return frame.astype({"kind": "str", "text": "str"})


def read_article(folder: Path, name: str) -> tuple[pd.DataFrame | None, set, list[Problem]]:
    """A pack's article split into parts (None when missing or empty), the parts holding bytes
    that are not UTF-8 (their quotes are not checked), and the problems."""
    data, problems = read_bytes(folder / name, name, "the article")
    if data is None:
        return None, set(), problems
    text, bad = decode(data)
    paragraphs = split_paragraphs(text)
    if paragraphs.empty:
        return None, set(), [whole_file(name, "the article is empty.", "Paste its text in.")]
    damaged = {k for k, t in paragraphs[["paragraph", "text"]].values if "\ufffd" in t}
    problems = [whole_file(name, words, UTF8_FIX, line) for line, words in bad]
    return paragraphs, damaged if bad else set(), problems
