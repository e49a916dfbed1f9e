"""Tests for newsfacts.plots: every chart carries its facts as text, looks the same every
time, uses only Okabe-Ito colours and keeps its labels apart."""

from __future__ import annotations

import types

import matplotlib.colors as mcolors
import matplotlib.text as mtext
import numpy as np
import pandas as pd
import pytest
from matplotlib.patches import FancyArrowPatch

from newsfacts import plots
from newsfacts.marks import mark
from newsfacts.plots import chart as chart_module

EVIL = "<script>alert('x')</script> & Co"

CHARTS = {
    "figures": lambda book: plots.figures_chart(book),
    "relations": lambda book: plots.relations_diagram(book),
    # the first actor: Macron in the bundled article
    "relations-focus": lambda book: plots.relations_diagram(book, focus=book.actors["id"].iloc[0]),
    "timeline": lambda book: plots.timeline_chart(book),
}


_BUILT: dict[str, plots.Chart] = {}


def _built(book, kind: str) -> plots.Chart:
    """The chart of the bundled book, built once for the tests that only look at it."""
    if kind not in _BUILT:
        _BUILT[kind] = CHARTS[kind](book)
    return _BUILT[kind]


def _frame(columns: str, rows: list[tuple]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=columns.split(","))
    if "paragraph" in table:
        table["paragraph"] = table["paragraph"].astype(int)
    if "value" in table:
        table["value"] = table["value"].astype(float)
    return table


def _small_book(name: str = EVIL) -> types.SimpleNamespace:
    """A stand-in book, a few rows a table, with markup and ampersands in its names."""
    provenance = "paragraph,quote,basis,note"
    return types.SimpleNamespace(
        paragraphs=_frame("paragraph,kind,text", [(0, "title", "A title")]),
        actors=_frame(
            f"id,name,kind,role,affiliation,{provenance}",
            [
                ("evil", name, "person", "leader", "land", 1, "q", "reported", ""),
                ("land", "Land & <b>Sea</b>", "state", "a state", "", 1, "q", "reported", ""),
            ],
        ),
        places=_frame(
            f"id,name,kind,part_of,{provenance}",
            [
                ("town", f"Town of {name}", "city", "land", 2, "q", "reported", ""),
                ("lake", "Lake <Blue>", "area", "", 2, "q", "reported", ""),
            ],
        ),
        figures=_frame(
            f"id,value,unit,qualifier,subject,description,{provenance}",
            [
                (
                    "fig-evil",
                    50,
                    "percent",
                    "about",
                    "evil",
                    f"share of {name}",
                    3,
                    "q",
                    "attributed",
                    "",
                )
            ],
        ),
        claims=_frame(
            f"id,speaker,text,about,{provenance}",
            [("claim-1", "evil", "Half & half.", "fig-evil", 3, "q", "attributed", "")],
        ),
        events=_frame(
            f"id,description,when,when_text,when_basis,modality,actors,place,{provenance}",
            [
                (
                    "ev-1",
                    f"{name} arrives",
                    "2024-03",
                    "in March <2024>",
                    "reported",
                    "happened",
                    "evil",
                    "town",
                    2,
                    "q",
                    "reported",
                    "",
                ),
                (
                    "ev-2",
                    "A <b>meeting</b> & a lunch",
                    "2024-05-02",
                    "",
                    "context",
                    "expected",
                    "evil;land",
                    "",
                    3,
                    "q",
                    "reported",
                    "Date from <News & Co>.",
                ),
                (
                    "ev-3",
                    "Something & nothing",
                    "",
                    "lately",
                    "",
                    "ongoing",
                    "land",
                    "",
                    1,
                    "q",
                    "reported",
                    "",
                ),
            ],
        ),
        relations=_frame(
            f"id,source,relation,target,{provenance}",
            [
                ("rel-1", "evil", "leads & <rules>", "land", 1, "q", "reported", ""),
                ("rel-2", "town", "part of", "land", 2, "q", "inferred", "worked out"),
            ],
        ),
        glossary=_frame("term,definition,paragraph,quote,note", []),
    )


def _empty_book() -> types.SimpleNamespace:
    book = _small_book()
    for name in ("figures", "events", "relations", "places", "claims"):
        setattr(book, name, getattr(book, name).iloc[0:0])
    return book


def _names(book) -> dict[str, str]:
    return {
        **dict(zip(book.actors["id"], book.actors["name"], strict=True)),
        **dict(zip(book.places["id"], book.places["name"], strict=True)),
    }


def _texts(chart: plots.Chart) -> list[mtext.Text]:
    with chart_module.style():
        chart.figure.canvas.draw()  # lay the figure out as the PNG has it
    found, seen = [], set()
    for text in chart.figure.findobj(mtext.Text):
        if id(text) not in seen and text.get_visible() and text.get_text().strip():
            seen.add(id(text))
            found.append(text)
    return found


# --------------------------------------------------------------------------------------
# What every chart does


ALLOWED = {c.lower() for c in plots.OKABE_ITO.values()} | {"#ffffff"}


def _hex(value) -> set[str]:
    """The colours in a matplotlib colour value, leaving out fully transparent ones."""
    if isinstance(value, str) and value in ("none", "auto", "face", "edge"):
        return set()
    return {mcolors.to_hex(rgba[:3]) for rgba in mcolors.to_rgba_array(value) if rgba[3] > 0}


def _hidden_defaults(chart) -> set[str]:
    """Colours of parts matplotlib keeps but does not draw here (frames of frameless
    legends, grid lines that are off)."""
    hidden = set()
    for legend in chart.figure.findobj(lambda a: a.__class__.__name__ == "Legend"):
        if not legend.get_frame_on():
            hidden |= _hex(legend.get_frame().get_edgecolor())
    return hidden - ALLOWED


def _figures_book(rows: list[tuple]) -> types.SimpleNamespace:
    book = _small_book()
    book.figures = _frame(
        "id,value,unit,qualifier,subject,description,paragraph,quote,basis,note",
        [(*row, 3, "q", "reported", "") for row in rows],
    )
    return book


def _bars(chart) -> list[tuple[float, float, float]]:
    """(y, left, width) of each filled bar, hatched or not."""
    return sorted(
        (round(p.get_y(), 3), p.get_x(), p.get_width())
        for ax in chart.figure.axes
        for p in ax.patches
        if p.get_fill() and p.get_width() > 0
    )


def _arrows_and_labels(chart):
    """The arrows and their labels, paired by the gid each is drawn with."""
    chart.png()
    arrows = {a.get_gid(): a for a in chart.figure.findobj(FancyArrowPatch) if a.get_gid()}
    labels = {t.get_gid(): t for t in _texts(chart) if (t.get_gid() or "").startswith("relation")}
    assert arrows and set(arrows) == set(labels)
    return [(arrows[gid], labels[gid]) for gid in sorted(arrows)]


def _distance_to(path, point) -> float:
    """Distance in inches from a point (in inches) to a path, its curves sampled finely."""
    samples = [curve(np.linspace(0, 1, 200)) for curve, _ in path.iter_bezier()]
    return float(np.hypot(*(np.vstack(samples) - np.asarray(point)).T).min())


LESSON_5 = ["greenland", "denmark", "nato", "us", "european-leaders", "frederiksen", "starmer",
            "macron"]  # fmt: skip


def test_figures_caption_does_not_use_a_word_taught_later(book):
    # Lessons 0-2 show this chart before the word "hedge" is taught (lesson 3).
    ids = ["fig-plan-agreed", "fig-plan-outstanding", "fig-guarantee-years"]  # lesson 2
    for caption in (_built(book, "figures").caption, plots.figures_chart(book, ids).caption):
        assert "hedge" not in caption.lower()
        assert "in the article's own words (about, some, more than)" in caption


def test_figures_chart_unknown_id_suggests_the_closest(book):
    with pytest.raises(KeyError, match="fig-donetsk-control"):
        plots.figures_chart(book, ids=["fig-donetsk"])


def test_the_bundled_plan_is_drawn_as_one_whole(book):
    figures = book.figures[book.figures["unit"] == "percent"]
    wholes = figures.groupby("subject")["value"].agg(["sum", "count"])
    wholes = wholes[(wholes["count"] > 1) & ((wholes["sum"] - 100).abs() < 0.5)]
    assert len(wholes) >= 1
    chart = plots.figures_chart(book, figures["id"].tolist())
    rows_drawn = {y for y, _, _ in _bars(chart)}
    assert len(rows_drawn) == len(figures) - int((wholes["count"] - 1).sum())


def test_relations_alt_text_has_one_sentence_per_relation(book):
    chart = _built(book, "relations")
    names = _names(book)
    lines = chart.description.splitlines()
    for row in book.relations.itertuples():
        sentence = f"{names[row.source]} — {row.relation} — {names[row.target]}"
        matches = [line for line in lines if line.startswith(sentence + " (")]
        assert len(matches) == 1, sentence
        assert f"paragraph {row.paragraph}" in matches[0]
        if row.basis != "reported":
            assert row.basis in matches[0]


def test_relations_diagram_ids_keep_only_relations_among_them(book):
    ids = ["macron", "france", "denmark", "starmer", "uk"]
    chart = plots.relations_diagram(book, ids=ids)
    inside = book.relations[book.relations["source"].isin(ids) & book.relations["target"].isin(ids)]
    assert chart.description.count(" — ") == 2 * len(inside)
    names = _names(book)
    for row in inside.itertuples():
        assert f"{names[row.source]} — {row.relation} — {names[row.target]}" in chart.description


def test_relations_focus_shows_its_neighbours_and_every_relation_among_them(book):
    focused = plots.relations_diagram(book, focus="Emmanuel Macron")  # a name works too
    relations = book.relations
    own = relations[(relations["source"] == "macron") | (relations["target"] == "macron")]
    shown = {"macron"} | set(own["source"]) | set(own["target"])
    among = relations[relations["source"].isin(shown) & relations["target"].isin(shown)]
    drawn = [" ".join(t.get_text().split()) for t in _texts(focused)]
    for row in among.itertuples():
        assert f"{row.relation} ¶{row.paragraph}" in drawn
    assert focused.description.count(" — ") == 2 * len(among)
    assert "The relations of Emmanuel Macron" in focused.alt
    bold = [t.get_text() for t in _texts(focused) if t.get_fontweight() == "bold"]
    assert "Emmanuel Macron" in bold


@pytest.mark.parametrize("focus", [None, "denmark"])
def test_each_relation_label_sits_on_its_own_arrow(book, focus):
    # Lesson 1 once showed "prime minister of" on Macron's arrow instead of Starmer's.
    chart = plots.relations_diagram(book, focus=focus)
    pairs = _arrows_and_labels(chart)
    assert len(pairs) == len(chart.description.split(" — ")) // 2
    for arrow, label in pairs:
        own = _distance_to(arrow.get_path(), label.get_position())
        assert own < 0.03, f"{label.get_text()!r} is {own:.2f} inches off its arrow"


@pytest.mark.parametrize("ids", [None, LESSON_5])
def test_relation_labels_keep_off_the_arrows_of_other_names(book, ids):
    # Lesson 5 once put "wants to annex" on the Denmark -> Nato arrow, so it read as if
    # Denmark wanted to annex something; lesson 1 put "prime minister of" on Maduro's row.
    # In the crowded full diagram a few arrows may cross a label's end, never its middle.
    chart = plots.relations_diagram(book, ids=ids, focus="denmark" if ids else None)
    pairs = _arrows_and_labels(chart)
    ends: dict[str, set] = {}
    for row in book.relations.itertuples():
        ends.setdefault(f"{row.relation} ¶{row.paragraph}", set()).update({row.source, row.target})
    inches = chart.figure.dpi_scale_trans.inverted()
    renderer = chart.figure.canvas.get_renderer()
    crossed = []
    for _, label in pairs:
        box = label.get_window_extent(renderer).transformed(inches)
        for other, other_label in pairs:
            if ends[label.get_text()] & ends[other_label.get_text()]:
                continue  # its own arrow, or one sharing a name (they meet at its box)
            points = np.vstack(
                [c(np.linspace(0, 1, 200)) for c, _ in other.get_path().iter_bezier()]
            )
            if box.count_contains(points):
                crossed.append(label.get_text())
                assert _distance_to(other.get_path(), label.get_position()) > 0.2, (
                    f"{other_label.get_text()!r} runs through the middle of {label.get_text()!r}"
                )
    assert len(crossed) <= (0 if ids else 2), crossed


def test_a_subset_draws_every_relation_among_its_names_in_full(book):
    # Lesson 5: around Denmark, the US "wants to annex" Greenland must be drawn, not faded.
    ids = ["greenland", "denmark", "nato", "us", "european-leaders", "frederiksen", "starmer",
           "macron", "rutte"]  # fmt: skip
    chart = plots.relations_diagram(book, ids=ids, focus="denmark")
    relations = book.relations
    among = relations[relations["source"].isin(ids) & relations["target"].isin(ids)]
    assert (among["relation"] == "wants to annex").any()
    drawn = {" ".join(label.get_text().split()) for _, label in _arrows_and_labels(chart)}
    assert drawn == {f"{row.relation} ¶{row.paragraph}" for row in among.itertuples()}
    for artist in chart.figure.findobj(lambda a: a.get_visible()):
        assert artist.get_alpha() in (None, 1.0), f"{artist} is faded"
    assert "faint" not in chart.description


def test_relations_unknown_focus_suggests_the_closest(book):
    with pytest.raises(KeyError, match="macron"):
        plots.relations_diagram(book, focus="macrn")


# --------------------------------------------------------------------------------------
# timeline_chart and timeline_table


def test_timeline_alt_text_lists_every_dated_event(book):
    chart = _built(book, "timeline")
    dated = book.events[book.events["when"] != ""]
    assert f"the {len(dated)} events" in chart.description
    for row in dated.itertuples():
        line = next(line for line in chart.description.splitlines() if row.description in line)
        assert f"paragraph {row.paragraph}" in line
        if row.when_text:
            assert f"“{row.when_text}”" in line
        assert f"date: {mark(row.when_basis).title}" in line
    undated = len(book.events) - len(dated)
    assert f"{undated} more events" in chart.description


def test_timeline_markers_follow_where_the_date_comes_from(book):
    chart = _built(book, "timeline")
    dated = book.events[book.events["when"] != ""].sort_values("when")
    points = [
        line
        for line in chart.figure.axes[0].lines
        if line.get_marker() not in ("None", "", None) and len(line.get_xdata()) == 1
    ]
    expected = {"reported": "o", "inferred": "s", "context": "D"}
    assert [p.get_marker() for p in points] == [expected[b] for b in dated["when_basis"]]
    for point, basis in zip(points, dated["when_basis"], strict=True):
        filled = point.get_markerfacecolor() != "#FFFFFF"
        assert filled == (basis == "reported")


def test_timeline_draws_every_mark_and_names_a_basis_that_is_none():
    book = _small_book()
    events = book.events.copy()
    events.loc[0, "when_basis"] = "attributed"
    events.loc[2, ["when", "when_basis"]] = ["2025-01-01", "guessed"]
    book.events = events
    chart = plots.timeline_chart(book)
    points = [
        line.get_marker()
        for line in chart.figure.axes[0].lines
        if line.get_marker() not in ("None", "", None) and len(line.get_xdata()) == 1
    ]
    assert points == [mark("attributed").marker, mark("context").marker, "o"]
    assert "Point 1, filled plus sign: during March 2024" in chart.description
    point_3 = next(line for line in chart.description.splitlines() if "Point 3" in line)
    assert "'guessed'" in point_3 and "article says" not in point_3
    table = plots.timeline_table(book)
    assert table.loc["ev-3", "date_source"].startswith("when_basis 'guessed', not one of")
