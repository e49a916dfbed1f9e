"""test_show, on the bundled pack: tests moved from tests/test_show.py that still read
the bundled article's content."""

from __future__ import annotations

import pandas as pd

from newsfacts.marks import mark
from newsfacts.views import show


def test_whole_numbers_show_without_a_decimal_point(paris):
    shown = show.facts(paris.figures, ["value", "unit"])
    assert str(shown.loc["fig-donetsk-control", "value"]) == "75"
    halves = show.facts(pd.DataFrame({"id": ["a"], "value": [2.5]}), ["value"])
    assert halves.loc["a", "value"] == 2.5


def test_dates_from_outside_the_article_are_marked_wherever_shown(paris):
    outside = paris.events[paris.events["when_basis"] == "outside source"]
    assert len(outside) > 0
    shown = show.facts(paris.events, ["when", "description"])
    html = show.html_rows(paris.events, ["when", "description"])
    for ident, when in zip(outside["id"], outside["when"], strict=True):
        assert shown.loc[ident, "when"] == f"{when} ▲ {mark('outside source').short}"
        assert f"{when} ▲ {mark('outside source').short}" in html
    reported = paris.events[paris.events["when_basis"] == "article says"]
    for ident, when in zip(reported["id"], reported["when"], strict=True):
        assert shown.loc[ident, "when"] == when
