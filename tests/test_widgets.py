"""The explorers: set a control's value in Python, check what the panel shows."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from markupsafe import escape

from newsfacts import widgets as W


def escaped(text: str) -> str:
    """Text as the panels write it (Jinja2's autoescaping)."""
    return str(escape(text))


class Headings(HTMLParser):
    """The levels of the headings of an HTML fragment, in order."""

    def __init__(self):
        super().__init__()
        self.levels: list[int] = []

    def handle_starttag(self, tag, attrs):
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.levels.append(int(tag[1]))


def test_actor_explorer_lists_every_actor_with_a_label(book):
    explorer = W.actor_explorer(book)
    assert explorer.control.description
    assert [value for _, value in explorer.control.options] == list(book.actors["id"])


def test_fact_filter_names_a_misspelt_column(book):
    with pytest.raises(ValueError, match="modality"):
        W.fact_filter(book, "events", "modalty")


@pytest.mark.parametrize("typed", ["cesefire", "", "x" * 10_000, "<script>alert(1)</script>"])
def test_glossary_lookup_answers_anything_typed_without_error(book, typed):
    lookup = W.glossary_lookup(book)
    lookup.control.value = typed
    assert "<script>" not in lookup.panel.value
    assert len(lookup.panel.value) < 2_000
