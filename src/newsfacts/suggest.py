"""Find the closest real ids or names to a mistyped one ("Did you mean ...?")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def closest(word: str, choices: Mapping[str, str] | Iterable[str], n: int = 3) -> list[str]:
    """Return up to `n` suggestions for a mistyped `word`, best first.

    Comparison ignores case. A choice that merely contains `word` (at least three
    letters long) is suggested when nothing is close enough by spelling.

    Parameters
    ----------
    word : str
        What was typed.
    choices : mapping or iterable of str
        Either the texts to compare with (each suggested as itself), or a mapping from a
        text to compare with (an id, a name) to what to suggest for it (an id).
    n : int, default 3
        The largest number of suggestions.

    Returns
    -------
    list of str
        Distinct suggestions, closest first; empty when nothing is close.

    Examples
    --------
    >>> closest("macrn", ["macron", "merz", "starmer"])
    ['macron']
    >>> closest("emanuel macron", {"Emmanuel Macron": "macron", "macron": "macron"})
    ['macron']
    """
    import difflib

    if not isinstance(choices, Mapping):
        choices = {choice: choice for choice in choices}
    folded: dict[str, list[str]] = {}
    for text, value in choices.items():
        folded.setdefault(str(text).casefold(), []).append(value)
    key = str(word).casefold().strip()
    matches = difflib.get_close_matches(key, list(folded), n=n * 2, cutoff=0.6)
    if not matches and len(key) >= 3:
        matches = [text for text in folded if key in text]
    found: list[str] = []
    for text in matches:
        for value in folded[text]:
            if value not in found:
                found.append(value)
    return found[:n]


def did_you_mean(suggestions: Iterable[str]) -> str:
    """Phrase suggestions as a question, or return '' when there are none.

    Examples
    --------
    >>> did_you_mean(["macron", "merz"])
    "Did you mean 'macron', 'merz'?"
    >>> did_you_mean([])
    ''
    """
    suggestions = list(suggestions)
    if not suggestions:
        return ""
    return "Did you mean " + ", ".join(repr(s) for s in suggestions) + "?"
