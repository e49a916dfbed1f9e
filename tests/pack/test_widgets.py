"""test_widgets, on the bundled pack: tests moved from tests/test_widgets.py that still read
the bundled article's content."""

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


@pytest.mark.parametrize("ident", ["zelensky", "trump", "frederiksen", "greenland", "coalition"])
def test_actor_explorer_panel_shows_the_actors_facts(paris, ident):
    explorer = W.actor_explorer(paris)
    explorer.control.value = ident
    row = paris.actors.set_index("id").loc[ident]
    panel = explorer.panel.value
    assert escaped(row["name"]) in panel
    assert escaped(row["role"]) in panel
    for _, claim in paris.claims[paris.claims["speaker"] == ident].iterrows():
        assert escaped(claim["text"]) in panel
    relations = paris.relations[
        (paris.relations["source"] == ident) | (paris.relations["target"] == ident)
    ]
    for relation in relations["relation"]:
        assert escaped(relation) in panel
    for where in explorer.mentioning(ident):
        assert where in panel


def test_actor_explorer_mentions_include_every_paragraph_naming_a_person(paris):
    explorer = W.actor_explorer(paris)
    texts = dict(zip(paris.paragraphs["paragraph"], paris.paragraphs["text"], strict=True))
    expected = {f"¶ {n}" for n, text in texts.items() if "Frederiksen" in text}
    assert expected <= set(explorer.mentioning("frederiksen"))


def test_actor_explorer_changes_panel_when_choice_changes(paris):
    explorer = W.actor_explorer(paris, kinds=["person"])
    first = explorer.panel.value
    explorer.control.value = "maduro"
    assert explorer.panel.value != first
    assert "Nicolás Maduro" in explorer.panel.value


@pytest.mark.parametrize("ident", ["zelensky", "greenland"])
def test_actor_panel_headings_sit_under_the_lessons_h2(paris, ident):
    # axe-core heading-order: the panel follows a lesson's h2, so it starts at h3 and
    # never skips a level.
    parser = Headings()
    parser.feed(W.actor_explorer(paris, value=ident).panel.value)
    levels = parser.levels
    assert levels[0] == 3 and levels.count(3) == 1 and len(levels) >= 4
    assert all(b - a <= 1 for a, b in zip([2, *levels], levels, strict=False))
