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


def test_article_reader_shows_each_paragraph_exactly(book):
    reader = W.article_reader(book)
    parts = zip(book.paragraphs["paragraph"], book.paragraphs["text"], strict=True)
    for position, (key, text) in enumerate(parts):
        reader.control.value = position
        assert escaped(text.split("\n")[0]) in reader.panel.value
        assert (f"¶ {key}" if isinstance(key, int) else key) in reader.panel.value


def test_article_reader_starts_at_a_story_number_or_a_named_part(book):
    keys = list(book.paragraphs["paragraph"])
    assert W.article_reader(book, start=1).control.value == keys.index(1)
    assert W.article_reader(book, start="byline").control.value == keys.index("byline")
    labels = [label for label, _ in W.article_reader(book).control.options]
    assert labels[0] == "headline" and "¶ 1" in labels and "¶ 0" not in labels


def test_article_reader_buttons_step_and_stop_at_the_ends(book):
    reader = W.article_reader(book)
    reader.previous.click()
    assert reader.control.value == 0
    reader.next.click()
    assert reader.control.value == 1
    reader.control.value = len(reader.control.options) - 1
    reader.next.click()
    assert reader.control.value == len(book.paragraphs) - 1


def test_article_reader_clamps_an_out_of_range_start(book):
    assert W.article_reader(book, start=999).control.value == len(book.paragraphs) - 1
    assert W.article_reader(book, start=-5).control.value == 0


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


def test_article_reader_control_has_an_accessible_name(book):
    # axe-core aria-input-field-name: ipywidgets 8.1 draws a slider as a div with
    # role="slider" and no name; a number box is an <input> its <label> names.
    reader = W.article_reader(book)
    assert reader.control.description == "Paragraph"
    assert not reader.control.description_allow_html
    assert "Slider" not in type(reader.control).__name__


def test_fact_filter_keeps_only_matching_rows(book):
    view = W.fact_filter(book, "events", "modality", ["description"])
    assert f"{len(book.events)} of {len(book.events)} rows" in view.panel.value
    view.control.value = "expected"
    kept = book.events[book.events["modality"] == "expected"]
    assert 0 < len(kept) < len(book.events)
    assert f"{len(kept)} of {len(book.events)} rows" in view.panel.value
    for text in kept["description"]:
        assert escaped(text) in view.panel.value
    for text in book.events.loc[book.events["modality"] == "happened", "description"]:
        assert escaped(text) not in view.panel.value


def test_fact_filter_splits_semicolon_lists(book):
    view = W.fact_filter(book, "events", "actors", ["description"])
    view.control.value = "costa"
    assert len(view.rows()) == 2  # "council;costa" and "costa"


@pytest.mark.parametrize("typed", ["survey", "SURVEY", "  survey "])
def test_glossary_lookup_finds_a_term_whatever_the_case(book, typed):
    lookup = W.glossary_lookup(book)
    lookup.control.value = typed
    definition = book.glossary.set_index("term").loc["survey", "definition"]
    assert escaped(definition) in lookup.panel.value


def test_glossary_lookup_suggests_the_closest_term(book):
    lookup = W.glossary_lookup(book, "survy")
    assert "Did you mean" in lookup.panel.value and "survey" in lookup.panel.value


@pytest.mark.parametrize("ident", ["costa", "fishermen", "harbour-trust", "council"])
def test_actor_explorer_panel_shows_the_actors_facts(book, ident):
    explorer = W.actor_explorer(book)
    explorer.control.value = ident
    row = book.actors.set_index("id").loc[ident]
    panel = explorer.panel.value
    assert escaped(row["name"]) in panel
    assert escaped(row["role"]) in panel
    for _, claim in book.claims[book.claims["speaker"] == ident].iterrows():
        assert escaped(claim["text"]) in panel
    relations = book.relations[
        (book.relations["source"] == ident) | (book.relations["target"] == ident)
    ]
    for relation in relations["relation"]:
        assert escaped(relation) in panel
    for where in explorer.mentioning(ident):
        assert where in panel


def test_actor_explorer_mentions_include_every_paragraph_naming_a_person(book):
    explorer = W.actor_explorer(book)
    texts = dict(zip(book.paragraphs["paragraph"], book.paragraphs["text"], strict=True))
    expected = {f"¶ {n}" for n, text in texts.items() if "Rui Costa" in text}
    assert expected <= set(explorer.mentioning("costa"))


def test_actor_explorer_changes_panel_when_choice_changes(book):
    explorer = W.actor_explorer(book, kinds=["person", "group"])
    first = explorer.panel.value
    explorer.control.value = "fishermen"
    assert explorer.panel.value != first
    assert "say the bridge will block their boats" in explorer.panel.value


@pytest.mark.parametrize("ident", ["costa", "harbour-trust"])
def test_actor_panel_headings_sit_under_the_lessons_h2(book, ident):
    # axe-core heading-order: the panel follows a lesson's h2, so it starts at h3 and
    # never skips a level.
    parser = Headings()
    parser.feed(W.actor_explorer(book, value=ident).panel.value)
    levels = parser.levels
    assert levels[0] == 3 and levels.count(3) == 1 and len(levels) >= 4
    assert all(b - a <= 1 for a, b in zip([2, *levels], levels, strict=False))
