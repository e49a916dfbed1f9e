"""Basis marks: every basis gets words and a symbol, and HTML is escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest
from markupsafe import escape

from newsfacts.marks import MARKS, mark, mark_label
from newsfacts.views import show


def test_every_basis_in_the_schema_has_a_label(book):
    fields = {
        f["name"]: f
        for r in book.metadata["resources"]
        if r["name"] == "figures"
        for f in r["schema"]["fields"]
    }
    for basis in fields["basis"]["constraints"]["enum"]:
        assert show.basis_label(basis) != basis


def test_inferred_and_context_are_marked_by_symbol_not_colour_alone():
    assert show.basis_label("worked out").startswith("◆")
    assert show.basis_label("outside source").startswith("▲")


def test_facts_puts_provenance_last_and_keeps_every_row(book):
    shown = show.facts(book.events, ["description", "when_text"])
    assert list(shown.columns) == ["description", "when_text", "¶", "quote", "basis", "note"]
    assert len(shown) == len(book.events)
    assert list(shown.index) == list(book.events["id"])


def test_html_rows_escapes_pack_text():
    frame = pd.DataFrame(
        {"name": ["<script>x</script> & co"], "paragraph": [3], "basis": ["outside source"]}
    )
    out = show.html_rows(frame, ["name"])
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp; co" in out
    assert mark_label("outside source") in out
    assert (
        f'title="{escape(mark("outside source").long)}"' in out
    )  # what the mark means, on pointing


def test_start_shows_long_notes_whole():
    from newsfacts.lesson import start

    start()
    assert pd.get_option("display.max_colwidth") is None


class HeaderCells(HTMLParser):
    """The text of every header cell of an HTML table."""

    def __init__(self):
        super().__init__()
        self.cells: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "th":
            self._inside = True
            self.cells.append("")

    def handle_endtag(self, tag):
        if tag == "th":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.cells[-1] += data


@pytest.mark.parametrize("table", ["actors", "figures", "events", "glossary", "paragraphs"])
def test_every_header_cell_of_a_shown_table_has_text(book, table):
    # axe-core empty-table-header: a named index makes pandas write a row of empty <th>.
    frame = book.paragraphs if table == "paragraphs" else book.tables[table]
    for html in (show.facts(frame)._repr_html_(), show.facts(frame).to_html()):
        parser = HeaderCells()
        parser.feed(html)
        assert parser.cells and all(cell.strip() for cell in parser.cells), parser.cells
    shown = show.facts(frame)
    assert shown.columns.name in frame.columns


def test_html_rows_header_cells_have_text(book):
    parser = HeaderCells()
    parser.feed(show.html_rows(book.events, ["id", "when", "description"]))
    assert parser.cells == ["id", "when", "description", "¶", "basis"]


@pytest.mark.parametrize("basis", list(MARKS))
def test_a_mark_label_does_not_say_the_same_words_twice(basis):
    m = MARKS[basis]
    assert m.label not in m.short, mark_label(basis)
    assert mark_label(basis) == f"{m.title}: {m.short}"


def test_a_table_a_lesson_shows_names_its_corner_escapes_and_scrolls_by_keyboard():
    import pandas as pd

    from newsfacts.views.show import table_html

    shown = table_html(pd.DataFrame({"note": ["<script>x</script> & Co"]}))
    assert "<th>row</th>" in shown and "<th></th>" not in shown
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert 'tabindex="0"' in shown and 'role="region"' in shown and "aria-label=" in shown


def test_whole_numbers_show_without_a_decimal_point(book):
    shown = show.facts(book.figures, ["value", "unit"])
    assert str(shown.loc["fig-support", "value"]) == "60"
    halves = show.facts(pd.DataFrame({"id": ["a"], "value": [2.5]}), ["value"])
    assert halves.loc["a", "value"] == 2.5


def test_dates_from_outside_the_article_are_marked_wherever_shown(book):
    outside = book.events[book.events["when_basis"] == "outside source"]
    assert len(outside) > 0
    shown = show.facts(book.events, ["when", "description"])
    html = show.html_rows(book.events, ["when", "description"])
    for ident, when in zip(outside["id"], outside["when"], strict=True):
        assert shown.loc[ident, "when"] == f"{when} ▲ {mark('outside source').short}"
        assert f"{when} ▲ {mark('outside source').short}" in html
    reported = book.events[book.events["when_basis"] == "article says"]
    assert len(reported) > 0
    for ident, when in zip(reported["id"], reported["when"], strict=True):
        assert shown.loc[ident, "when"] == when


def test_an_empty_selection_says_in_words_that_no_row_is_kept(book):
    # A lesson cell such as facts(book.figures[hedged]) on a pack with no hedged figure:
    # a header row alone reads as a table still loading.
    from newsfacts.views.show import facts, table_html

    kept = table_html(facts(book.figures))
    none = table_html(facts(book.figures[book.figures["qualifier"] == "no such word"]))
    assert "newsfacts-note" not in kept
    assert "newsfacts-note" in none


def test_whole_numbers_beside_decimals_show_without_a_decimal_point():
    # A figures table with a magnitude of 7.8 and a toll of 2,300: the toll reads "2300",
    # as the article wrote it, not "2300.0".
    table = pd.DataFrame({"id": ["mag", "dead", "none"], "value": [7.8, 2300.0, None]})
    shown = show.facts(table, ["value"])
    html = shown.to_html()
    assert ">2300<" in html and ">7.8<" in html and "2300.0" not in html
    assert shown.loc["dead", "value"] == 2300 and shown.loc["mag", "value"] == 7.8
