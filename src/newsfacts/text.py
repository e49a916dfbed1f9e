"""Text helpers, each written once: cells as text, plurals, shortening, lists, suggestions.
Nothing here imports pandas, ipywidgets or matplotlib, so every layer can use it."""

from __future__ import annotations

import difflib
import math
import re
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

_NUMBER = re.compile(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*")

#: What the byline line holds when an article names no author (``newsfacts new --no-byline``).
NO_BYLINE = "(no byline)"

_BY = re.compile(r"by\b\s*:?\s*", re.IGNORECASE)


def byline_names(byline: str) -> str:
    """Who a byline names, without the "By" it may start with: ``"By ANA LIMA and JO REIS"``
    gives ``"ANA LIMA and JO REIS"``, so that a credit line reads "by ANA LIMA ..."."""
    text = byline.strip()
    found = _BY.match(text)
    return text[found.end() :] if found and text[found.end() :] else text


def cell_text(value: Any) -> str:
    """A table cell as text: "" for a missing value (None, NaN, pandas.NA), 75 for 75.0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if str(value) == "<NA>" else str(value)  # pandas.NA, in a column of integers


def cell_words(value: Any) -> str:
    """A cell as text without the spaces around it: ``cell_words(" town ")`` is ``'town'``."""
    return cell_text(value).strip()


def split_ids(value: Any) -> list[str]:
    """The ids of a cell that lists several, separated by semicolons (``"a; b;;"``: a, b)."""
    return [part.strip() for part in cell_text(value).split(";") if part.strip()]


def parse_number(text: Any) -> float | None:
    """A number written in digits with a dot for decimals (not ``75%``, ``1,5``), else None."""
    text = cell_text(text)
    return float(text) if _NUMBER.fullmatch(text) else None


def lesson_id(value: Any) -> str:
    """A lesson's id as a pack writes it (``3`` -> ``"03"``: a spreadsheet turns 03 into 3)."""
    text = cell_words(value)
    return text.zfill(2) if text.isdigit() else text


def plural(count: int, word: str, many: str = "") -> str:
    """ "1 figure", "3 figures" (`many` for an odd plural: "2 bodies")."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def shorten(text: Any, width: int = 60) -> str:
    """Text cut to `width` characters, keeping its start: ``'aaaaaaaaa…'`` for 70 a's, 10."""
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def join_and(items: Iterable[str]) -> str:
    """ "a, b and c"; "a" alone."""
    items = list(items)
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


def slug(words: Any) -> str:
    """Words as an id: small letters, digits and dashes (``"Rui Costa"`` -> ``"rui-costa"``)."""
    return re.sub(r"[^a-z0-9]+", "-", str(words).casefold()).strip("-")


def quoted(words: Any) -> str:
    """Words in quotation marks, once (a quote may begin with its own): “like this”."""
    words = str(words)
    return words if words.startswith(("“", '"')) else f"“{words}”"


def wrap(words: str, width: int) -> str:
    """Words broken into lines of at most `width` characters, never inside a word."""
    return textwrap.fill(words, width=width, break_long_words=False, break_on_hyphens=False)


def closest(word: Any, choices: Mapping[str, str] | Iterable[str], n: int = 3) -> list[str]:
    """Up to `n` suggestions for a mistyped `word`, best first, case ignored; `choices` may map
    each text to what to suggest. With none close, a choice containing `word` (3+ letters)."""
    if not isinstance(choices, Mapping):
        choices = {choice: choice for choice in choices}
    folded: dict[str, list[str]] = {}
    for text, value in choices.items():
        folded.setdefault(str(text).casefold(), []).append(value)
    key = str(word).casefold().strip()
    matches = difflib.get_close_matches(key, list(folded), n=n * 2, cutoff=0.6)
    if not matches and len(key) >= 3:
        matches = [text for text in folded if key in text]
    return list(dict.fromkeys(value for text in matches for value in folded[text]))[:n]


def did_you_mean(suggestions: Iterable[str]) -> str:
    """Suggestions as a question ("Did you mean 'garden', 'gate'?"); '' for none."""
    suggestions = list(suggestions)
    return "Did you mean " + ", ".join(map(repr, suggestions)) + "?" if suggestions else ""


def near(word: Any, choices: Mapping[str, str] | Iterable[str]) -> str:
    """ "Did you mean ...?" for a mistyped `word` among `choices`; '' when none is close."""
    return did_you_mean(closest(word, choices))


def paragraph_key(value: Any) -> int | str | None:
    """A ``paragraph`` cell as a story number (int) or a part's name (lower case); None if empty."""
    if value is None or isinstance(value, bool) or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else None
    text = " ".join(str(value).split()).casefold()
    if not text or text in {"<na>", "nan"}:
        return None
    return int(text) if text.isdigit() else text


def paragraph_words(key: Any, short: bool = True) -> str:
    """Where a row comes from: ``"¶ 6"``, ``"headline"``, ``"caption 1"`` or ``""``; in a
    sentence (`short` False) ``"paragraph 6"``, ``"the headline"``, ``"the byline"``, so that
    "Read the headline again" and "In the headline, the article writes" read right."""
    key = paragraph_key(key)
    if isinstance(key, int):
        return f"¶ {key}" if short else f"paragraph {key}"
    if not short and key in ("headline", "byline"):
        return f"the {key}"
    return key or ""


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


#: A sentence may not end here: initials (U.S., U.N.) and titles (Mr., Dr.) end in a full stop.
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Prof)\.)$")


#: The spaces between two sentences: after . ! or ? (and a closing quotation mark), before a
#: capital or an opening quotation mark.
SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[A-Z“\"‘'])")


def sentences(text: str) -> list[str]:
    """`text` cut into sentences, but not after an abbreviation: "as U.S. President Donald
    Trump vowed" stays in one sentence."""
    pieces, start = [], 0
    for cut in SENTENCE_BREAK.finditer(text):
        if not _ABBREVIATION.search(text[start : cut.start()]):
            pieces.append(text[start : cut.start()])
            start = cut.end()
    return [*pieces, text[start:]]
