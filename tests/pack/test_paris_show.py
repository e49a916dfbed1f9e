"""Basis marks: every basis gets words and a symbol, and HTML is escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
from markupsafe import escape

from newsfacts.marks import mark, mark_label
from newsfacts.views import show


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


def test_inferred_and_context_are_marked_by_symbol_not_colour_alone():
    assert show.basis_label("inferred").startswith("◆")
    assert show.basis_label("context").startswith("▲")


def test_html_rows_escapes_pack_text():
    frame = pd.DataFrame(
        {"name": ["<script>x</script> & co"], "paragraph": [3], "basis": ["context"]}
    )
    out = show.html_rows(frame, ["name"])
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp; co" in out
    assert mark_label("context") in out
    assert f'title="{escape(mark("context").long)}"' in out  # what the mark means, on pointing


def test_whole_numbers_show_without_a_decimal_point(book):
    shown = show.facts(book.figures, ["value", "unit"])
    assert str(shown.loc["fig-donetsk-control", "value"]) == "75"
    halves = show.facts(pd.DataFrame({"id": ["a"], "value": [2.5]}), ["value"])
    assert halves.loc["a", "value"] == 2.5


def test_dates_from_outside_the_article_are_marked_wherever_shown(book):
    outside = book.events[book.events["when_basis"] == "context"]
    assert len(outside) > 0
    shown = show.facts(book.events, ["when", "description"])
    html = show.html_rows(book.events, ["when", "description"])
    for ident, when in zip(outside["id"], outside["when"], strict=True):
        assert shown.loc[ident, "when"] == f"{when} ▲ {mark('context').short}"
        assert f"{when} ▲ {mark('context').short}" in html
    reported = book.events[book.events["when_basis"] == "reported"]
    for ident, when in zip(reported["id"], reported["when"], strict=True):
        assert shown.loc[ident, "when"] == when
