"""What ``check`` warns about but does not fail on: allowed, but probably a mistake. Each warning
is a function of the `Pack` returning its warnings; `read_pack` runs all of `WARNINGS` on the same
reading as the rules, and ``check`` prints them before anything else, the pack loading still."""

from __future__ import annotations

from typing import Any

from newsfacts.errors import Problem
from newsfacts.pack.article import SENTENCE_END
from newsfacts.pack.rules import Pack
from newsfacts.pack.spec import DESCRIPTOR, article_file
from newsfacts.text import NO_BYLINE, closest, did_you_mean

__all__ = ["WARNINGS", "article_layout", "unknown_keys"]

#: Keys a datapackage.json may hold, by place (Data Package keys and newsfacts' own).
PACKAGE_KEYS = set(
    "profile name id title description homepage version created keywords contributors "
    "sources licenses image resources newsfacts $schema".split()
)
SOURCE_KEYS = {"title", "author", "publisher", "date", "path", "email", "note", "basis"}
NEWSFACTS_KEYS = {"article", "rights", "compares_with"}
#: Words a teacher may write for a key, and the key meant.
MEANT = {
    **dict.fromkeys(("url", "address", "link", "href", "web", "website"), "path"),
    **dict.fromkeys(("byline", "writer", "authors"), "author"),
    **dict.fromkeys(("published", "publication_date"), "date"),
    "newspaper": "publisher",
    "source": "sources",
    "license": "licenses",
}
MEANT_FIX = "Rename the key, or remove it."


def article_layout(pack: Pack) -> list[Problem]:
    """No story paragraph, a byline that reads like a sentence, more captions than story
    paragraphs; nothing when the article could not be read (that is a problem already)."""
    if not pack.kinds:
        return []
    kinds = list(pack.kinds.values())
    stories, captions = kinds.count("story"), kinds.count("caption")
    bylines = [pack.texts[key] for key, kind in pack.kinds.items() if kind == "byline"]
    byline = " ".join(str(bylines[0]).split()) if bylines else NO_BYLINE
    words = byline.split()
    sentence = len(words) > 10 or (len(words) >= 5 and SENTENCE_END.search(byline))
    found = [
        (
            not stories,
            "the article has no story paragraph: only a headline and a byline block.",
            "Leave a blank line after the byline (and its captions) and between the story's "
            "paragraphs; python -m newsfacts paragraphs FOLDER shows what is read.",
        ),
        (
            byline != NO_BYLINE and sentence,
            f"the byline reads like a sentence ({byline[:60]}...): perhaps the article has no "
            "byline and its first story paragraph was taken for one.",
            f"If the article names no author, write {NO_BYLINE} on the line after the "
            "headline's blank line, then a blank line.",
        ),
        (
            captions > stories,
            f"the article has {captions} captions and {stories} story paragraphs: perhaps its "
            "paragraphs were pasted with single line breaks.",
            "Put a blank line between the story's paragraphs (captions stay directly under the "
            "byline).",
        ),
    ]
    name = article_file(pack.metadata)
    return [Problem(name, None, None, None, message, fix) for wrong, message, fix in found if wrong]


def unknown_keys(pack: Pack) -> list[Problem]:
    """An unknown key in the pack, a source or the newsfacts entry, with "did you mean"."""
    metadata = pack.metadata
    listed = metadata.get("sources")
    sources = enumerate(listed if isinstance(listed, list) else [], start=1)
    places = [
        ("the pack", metadata, PACKAGE_KEYS),
        *((f"source {number}", source, SOURCE_KEYS) for number, source in sources),
        ("the newsfacts entry", metadata.get("newsfacts"), NEWSFACTS_KEYS),
    ]
    return [
        _unknown_key(place, key, allowed)
        for place, found, allowed in places
        for key in _keys(found)
        if key not in allowed
    ]


def _keys(found: Any) -> list[str]:
    return list(found) if isinstance(found, dict) else []


def _unknown_key(place: str, key: str, allowed: set[str]) -> Problem:
    suggestions = [MEANT[key.casefold()]] if key.casefold() in MEANT else []
    suggestions += [s for s in closest(key, sorted(allowed)) if s not in suggestions]
    meant = did_you_mean(suggestions)
    meant += " (in a source, 'path' holds the web address)" * (suggestions[:1] == ["path"])
    message = (
        f"{place} has the key {key!r}, which newsfacts does not read: what it holds "
        f"is not shown anywhere. {meant}".strip()
    )
    return Problem(DESCRIPTOR, None, None, None, message, MEANT_FIX)


#: Every warning, in the order ``check`` prints them: the article's, then the descriptor's.
WARNINGS = (article_layout, unknown_keys)
