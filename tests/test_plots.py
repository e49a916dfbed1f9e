"""Tests for newsfacts.plots: every chart carries its facts as text, looks the same every
time, uses only Okabe-Ito colours and keeps its labels apart."""

from __future__ import annotations

import doctest
import importlib
import io
import itertools
import os
import pkgutil
import re
import subprocess
import sys
import types

import matplotlib.colors as mcolors
import matplotlib.text as mtext
import numpy as np
import pandas as pd
import pytest
from markupsafe import escape
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch
from pack_helpers import chart_bars, chart_point_xs, chart_texts

from newsfacts import plots
from newsfacts.marks import mark
from newsfacts.plots import chart as chart_module
from newsfacts.text import paragraph_order

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
        paragraphs=pd.DataFrame(
            {"paragraph": ["headline"], "kind": ["headline"], "text": ["A title"]}
        ),
        actors=_frame(
            f"id,name,kind,role,affiliation,{provenance}",
            [
                ("evil", name, "person", "leader", "land", 1, "q", "article says", ""),
                ("land", "Land & <b>Sea</b>", "state", "a state", "", 1, "q", "article says", ""),
            ],
        ),
        places=_frame(
            f"id,name,kind,part_of,{provenance}",
            [
                ("town", f"Town of {name}", "city", "land", 2, "q", "article says", ""),
                ("lake", "Lake <Blue>", "area", "", 2, "q", "article says", ""),
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
                    "someone says",
                    "",
                )
            ],
        ),
        claims=_frame(
            f"id,speaker,text,about,{provenance}",
            [("claim-1", "evil", "Half & half.", "fig-evil", 3, "q", "someone says", "")],
        ),
        events=_frame(
            f"id,description,when,when_text,when_basis,modality,actors,place,{provenance}",
            [
                (
                    "ev-1",
                    f"{name} arrives",
                    "2024-03",
                    "in March <2024>",
                    "article says",
                    "happened",
                    "evil",
                    "town",
                    2,
                    "q",
                    "article says",
                    "",
                ),
                (
                    "ev-2",
                    "A <b>meeting</b> & a lunch",
                    "2024-05-02",
                    "",
                    "outside source",
                    "expected",
                    "evil;land",
                    "",
                    3,
                    "q",
                    "article says",
                    "Date from <News & Co>.",
                ),
                (
                    "ev-3",
                    "Something & nothing",
                    "",
                    "lately",
                    "",
                    "going on",
                    "land",
                    "",
                    1,
                    "q",
                    "article says",
                    "",
                ),
            ],
        ),
        relations=_frame(
            f"id,source,relation,target,{provenance}",
            [
                ("rel-1", "evil", "leads & <rules>", "land", 1, "q", "article says", ""),
                ("rel-2", "town", "part of", "land", 2, "q", "worked out", "worked out"),
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


# --------------------------------------------------------------------------------------
# What every chart does


@pytest.mark.parametrize("kind", CHARTS)
def test_each_function_returns_a_chart_with_caption_and_alt_text(book, kind):
    chart = _built(book, kind)
    assert isinstance(chart, plots.Chart)
    assert len(chart.description) > 100 and chart.alt and chart.caption
    assert repr(chart) == f"{chart.caption}\n{chart.description}"
    assert chart.png().startswith(b"\x89PNG\r\n\x1a\n")
    assert chart.size == tuple(round(v * 100) for v in chart.figure.get_size_inches())


@pytest.mark.parametrize("kind", CHARTS)
def test_png_is_the_same_bytes_every_time(book, kind):
    first = CHARTS[kind](book)
    second = CHARTS[kind](book)
    assert first.png() == second.png()
    assert first.png() is first.png()  # drawn once, then kept
    assert b"matplotlib" not in first.png().lower()  # no version string in the metadata


@pytest.mark.parametrize("kind", CHARTS)
def test_html_shows_the_picture_with_its_alt_text_and_caption(book, kind):
    chart = _built(book, kind)
    html = chart._repr_html_()
    assert html.startswith("<figure") and html.endswith("</figure>")
    assert "src='data:image/png;base64," in html
    assert "<figcaption>" in html
    assert f"alt='{escape(chart.alt)}'" in html
    for line in chart.description.splitlines():  # the description is written out once
        assert html.count(escape(line)) == 1, line


@pytest.mark.parametrize("kind", CHARTS)
def test_alt_text_is_a_short_summary_and_not_the_description(book, kind):
    # A screen reader reads the alt text, then the description: never the same words twice.
    chart = _built(book, kind)
    assert len(chart.alt) < len(chart.description) / 2
    assert chart.alt.count(". ") <= 1 and len(chart.alt) < 200
    assert chart.description not in chart.alt
    assert not any(line in chart.alt for line in chart.description.splitlines()[1:])


@pytest.mark.parametrize("kind", CHARTS)
def test_html_escapes_names_with_markup(kind):
    chart = CHARTS[kind](_small_book())
    html = chart._repr_html_()
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    assert "&amp;" in html


ALLOWED = {c.lower() for c in plots.OKABE_ITO.values()} | {"#ffffff"}


def _hex(value) -> set[str]:
    """The colours in a matplotlib colour value, leaving out fully transparent ones."""
    if isinstance(value, str) and value in ("none", "auto", "face", "edge"):
        return set()
    return {mcolors.to_hex(rgba[:3]) for rgba in mcolors.to_rgba_array(value) if rgba[3] > 0}


@pytest.mark.parametrize("kind", CHARTS)
def test_artists_use_okabe_ito_colours_only(book, kind):
    chart = _built(book, kind)
    chart.png()
    used: set[str] = set()
    for artist in chart.figure.findobj(lambda a: a.get_visible()):
        if isinstance(artist, Patch):
            used |= _hex(artist.get_facecolor()) | _hex(artist.get_edgecolor())
        elif isinstance(artist, Line2D) and artist.get_visible():
            if artist.get_linestyle() not in ("None", "none", ""):
                used |= _hex(artist.get_color())
            if artist.get_marker() not in ("None", "none", "", None):
                used |= _hex(artist.get_markerfacecolor()) | _hex(artist.get_markeredgecolor())
        elif isinstance(artist, mtext.Text) and artist.get_text().strip():
            used |= _hex(artist.get_color())
    used -= _hidden_defaults(chart)
    assert used <= ALLOWED, sorted(used - ALLOWED)
    assert len(used & ALLOWED) >= 3


def _hidden_defaults(chart) -> set[str]:
    """Colours of parts matplotlib keeps but does not draw here (frames of frameless
    legends, grid lines that are off)."""
    hidden = set()
    for legend in chart.figure.findobj(lambda a: a.__class__.__name__ == "Legend"):
        if not legend.get_frame_on():
            hidden |= _hex(legend.get_frame().get_edgecolor())
    return hidden - ALLOWED


@pytest.mark.parametrize("kind", CHARTS)
def test_drawn_picture_uses_okabe_ito_colours_only(book, kind):
    # Everything actually drawn, hatching and text included, as the SVG writer sees it.
    chart = CHARTS[kind](book)  # a fresh one: drawing to SVG moves legend parts
    buffer = io.StringIO()
    with chart_module.style():
        chart.figure.savefig(buffer, format="svg", metadata={"Date": None})
    found = set(re.findall(r"(?:fill|stroke)[:=]\s*\"?(#[0-9a-fA-F]{6})", buffer.getvalue()))
    found = {colour.lower() for colour in found}
    assert found, "no colours in the SVG"
    assert found <= ALLOWED, sorted(found - ALLOWED)


@pytest.mark.parametrize("kind", CHARTS)
def test_text_is_at_least_9_points_and_no_two_labels_overlap(book, kind):
    chart = _built(book, kind)
    texts = chart_texts(chart)
    renderer = chart.figure.canvas.get_renderer()
    assert min(t.get_fontsize() for t in texts) >= 9
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    width, height = chart.size
    for name, box in boxes:
        assert box.x0 >= -1 and box.y0 >= -1, f"{name!r} runs off the picture"
        assert box.x1 <= width + 1 and box.y1 <= height + 1, f"{name!r} runs off the picture"
    for (a, one), (b, other) in itertools.combinations(boxes, 2):
        across = min(one.x1, other.x1) - max(one.x0, other.x0)
        down = min(one.y1, other.y1) - max(one.y0, other.y0)
        assert across <= 1 or down <= 1, f"{a!r} overlaps {b!r}"


@pytest.mark.parametrize("kind", CHARTS)
def test_a_pack_with_nothing_to_draw_still_gives_a_chart(kind):
    chart = CHARTS[kind](_empty_book())
    assert isinstance(chart, plots.Chart)
    assert chart.alt and chart.png()


def test_a_chart_leaves_the_notebooks_matplotlib_settings_alone(book):
    import matplotlib

    before = dict(matplotlib.rcParams)
    with matplotlib.rc_context({"font.size": 30, "lines.linewidth": 7}):
        plots.timeline_chart(book).png()
        assert matplotlib.rcParams["font.size"] == 30
    assert dict(matplotlib.rcParams) == before


def test_charts_are_drawn_by_matplotlib_not_by_hand():
    # PNG from savefig, legends from Axes.legend, layout from the data: nothing hand-made.
    source = "\n".join(
        open(os.path.join(plots.__path__[0], name), encoding="utf-8").read()
        for name in os.listdir(plots.__path__[0])
        if name.endswith(".py")
    )
    for word in ("import struct", "import zlib", "pyplot", "rcParams[", "def _key("):
        assert word not in source, word
    assert "savefig(" in source and ".legend(" in source


def test_import_newsfacts_alone_does_not_load_matplotlib():
    code = (
        "import sys\n"
        "import newsfacts\n"
        "assert 'matplotlib' not in sys.modules, 'import newsfacts loaded matplotlib'\n"
        "import newsfacts.plots\n"
        "assert 'matplotlib' in sys.modules\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'plots must not use pyplot'\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "name",
    ["newsfacts.plots"]
    + [m.name for m in pkgutil.iter_modules(plots.__path__, "newsfacts.plots.")],
)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0


# --------------------------------------------------------------------------------------
# figures_chart


def test_figures_chart_alt_text_lists_every_percentage(book):
    chart = _built(book, "figures")
    names = _names(book)
    percent = book.figures[book.figures["unit"] == "percent"]
    assert len(percent) >= 1
    for row in percent.itertuples():
        number = f"{row.value:g}%"
        words = number if row.qualifier in ("", "none") else f"{row.qualifier} {number}"
        line = next(
            line for line in chart.description.splitlines() if line.startswith(row.description)
        )
        assert words in line
        assert f"paragraph {row.paragraph}" in line
        assert row.quote in line
        if row.basis == "someone says":
            speakers = book.claims[
                book.claims["about"].str.split(";").apply(lambda ids, i=row.id: i in ids)
            ]["speaker"]
            for speaker in speakers:
                assert f"according to {names[speaker]}" in line
    others = book.figures[book.figures["unit"] != "percent"]
    for row in others.itertuples():
        assert row.description not in chart.description


def test_figures_chart_labels_use_the_articles_hedge_and_paragraph(book):
    chart = _built(book, "figures")
    drawn = {" ".join(t.get_text().split()) for t in chart_texts(chart)}
    for row in book.figures[book.figures["unit"] == "percent"].itertuples():
        number = f"{row.value:g}%"
        assert (number if row.qualifier == "none" else f"{row.qualifier} {number}") in drawn
        assert any(f"¶{row.paragraph}" in text and row.description in text for text in drawn)


def test_figures_chart_attributed_bars_are_hatched(book):
    chart = _built(book, "figures")
    bars = [p for ax in chart.figure.axes for p in ax.patches if p.get_hatch()]
    attributed = book.figures[
        (book.figures["unit"] == "percent") & (book.figures["basis"] == "someone says")
    ]
    assert len(bars) == len(attributed)


def test_figures_chart_draws_one_unit_and_writes_the_others_out(book):
    # Issue 18: "15 years" filled its own axis and said nothing; a number of years is no share.
    ids = book.figures["id"].tolist()
    chart = plots.figures_chart(book, ids=ids)
    for row in book.figures.itertuples():
        assert row.description in chart.description
    assert len(chart.figure.axes) == 1  # one scale
    drawn = {p.get_gid() for p in chart.figure.axes[0].patches if p.get_gid()}
    percent = book.figures[book.figures["unit"] == "percent"]
    assert drawn == {f"bar-{ident}" for ident in percent["id"]}
    written = next(t.get_text() for t in chart_texts(chart) if t.get_gid() == "written")
    for row in book.figures[book.figures["unit"] != "percent"].itertuples():
        assert plots.figure_label(row._asdict()) in written


def test_a_lone_number_in_its_unit_is_written_not_drawn():
    book = _figures_book([("years", 15, "years", "none", "deal", "length of the deal")])
    chart = plots.figures_chart(book)
    assert not [p for ax in chart.figure.axes for p in ax.patches]
    assert "15 years: length of the deal" in chart.description
    assert "one number alone" in chart.description


def _figures_book(rows: list[tuple]) -> types.SimpleNamespace:
    book = _small_book()
    book.figures = _frame(
        "id,value,unit,qualifier,subject,description,paragraph,quote,basis,note",
        [(*row, 3, "q", "article says", "") for row in rows],
    )
    return book


def test_parts_of_one_whole_are_one_bar_out_of_100():
    # Issue 11: "90% agreed" and "10% outstanding" of one plan are one whole, not two bars.
    book = _figures_book(
        [
            ("agreed", 60, "percent", "none", "plan", "share agreed"),
            ("open", 40, "percent", "none", "plan", "share still open"),
            ("held", 75, "percent", "about", "land", "share held"),
        ]
    )
    chart = plots.figures_chart(book)
    bars = chart_bars(chart)
    assert len(bars) == 3
    (y1, x1, w1), (y2, x2, w2) = [bar for bar in bars if bar[2] in (60, 40)]
    assert y1 == y2 and {(x1, w1), (x2, w2)} == {(0, 60), (60, 40)}
    assert [bar for bar in bars if bar[2] == 75][0][0] != y1
    assert "parts of one whole" in chart.description and "parts of one whole" in chart.alt
    drawn = {t.get_text() for t in chart_texts(chart)}
    assert {"60%", "40%", "about 75%"} <= drawn


def test_percentages_that_do_not_make_a_whole_stay_apart():
    book = _figures_book(
        [
            ("a", 60, "percent", "none", "plan", "share a"),
            ("b", 30, "percent", "none", "plan", "share b"),
        ]
    )
    assert len({y for y, _, _ in chart_bars(plots.figures_chart(book))}) == 2


def test_figure_label():
    assert plots.figure_label({"value": 99.0, "unit": "percent", "qualifier": "some"}) == (
        "some 99%"
    )
    assert plots.figure_label({"value": 90.0, "unit": "percent", "qualifier": "none"}) == "90%"
    assert plots.figure_label({"value": 2.5, "unit": "years", "qualifier": ""}) == "2.5 years"


# --------------------------------------------------------------------------------------
# relations_diagram


def test_relations_alt_text_has_one_sentence_per_relation_drawn(book):
    chart = _built(book, "relations")
    names = _names(book)
    lines = chart.description.splitlines()
    drawn = {" ".join(label.get_text().split()) for _, label in _arrows_and_labels(chart)}
    for row in book.relations.itertuples():
        sentence = f"{names[row.source]} — {row.relation} — {names[row.target]}"
        matches = [line for line in lines if line.startswith(sentence + " (")]
        assert len(matches) == (f"{row.relation} ¶{row.paragraph}" in drawn), sentence
        if not matches:
            continue
        assert f"paragraph {row.paragraph}" in matches[0]
        if row.basis != "article says":
            assert row.basis in matches[0]
        else:
            assert "says:" not in matches[0]


def test_relation_names_and_labels_are_projector_sized(book):
    chart = _built(book, "relations-focus")
    names = [t for t in chart_texts(chart) if (t.get_gid() or "").startswith("node-")]
    labels = [t for t in chart_texts(chart) if (t.get_gid() or "").startswith("relation-")]
    assert names and labels
    assert min(t.get_fontsize() for t in names) >= 14
    assert min(t.get_fontsize() for t in labels) >= 12


def _arrows_and_labels(chart):
    """The arrows and their labels, paired by the gid each is drawn with."""
    chart.png()
    arrows = {a.get_gid(): a for a in chart.figure.findobj(FancyArrowPatch) if a.get_gid()}
    labels = {
        t.get_gid(): t for t in chart_texts(chart) if (t.get_gid() or "").startswith("relation")
    }
    assert arrows and set(arrows) == set(labels)
    return [(arrows[gid], labels[gid]) for gid in sorted(arrows)]


def _distance_to(path, point) -> float:
    """Distance in inches from a point (in inches) to a path, its curves sampled finely."""
    samples = [curve(np.linspace(0, 1, 200)) for curve, _ in path.iter_bezier()]
    return float(np.hypot(*(np.vstack(samples) - np.asarray(point)).T).min())


# eight ids of the world fixture, about Denmark, as a lesson would pick them
DENMARK = ["denmark", "greenland", "engineers", "ukraine", "russia", "firm", "harbour-trust",
           "copenhagen"]  # fmt: skip


def test_the_full_diagram_draws_at_most_12_arrows_and_says_how_to_see_the_rest(world):
    # Issue 18: the full diagram was a hairball of 33 arrows on a projector.
    assert len(world.relations) > 12
    chart = plots.relations_diagram(world)
    pairs = _arrows_and_labels(chart)
    assert 6 <= len(pairs) <= 12
    drawn = {" ".join(t.get_text().split()) for t in chart_texts(chart)}
    names = _names(world)
    for _, label in pairs:  # both ends of every arrow are drawn as names
        words = " ".join(label.get_text().split())
        row = next(
            r for r in world.relations.itertuples() if words == f"{r.relation} ¶{r.paragraph}"
        )
        assert names[row.source] in drawn and names[row.target] in drawn
    left = len(world.relations) - len(pairs)
    assert f"{left} more relations not drawn" in chart.description
    advice = next(t.get_text() for t in chart_texts(chart) if "not drawn" in t.get_text())
    focuses = re.findall(r'"([^"]+)"', advice.split("good focuses:")[1])
    assert focuses and set(focuses) <= set(names)  # real ids the student can copy


@pytest.mark.parametrize("focus", ["us", "firm", "ukraine", "denmark"])
def test_a_focused_diagram_draws_at_most_12_arrows_its_own_first(world, focus):
    chart = plots.relations_diagram(world, focus=focus)
    pairs = _arrows_and_labels(chart)
    assert 1 <= len(pairs) <= 12
    relations = world.relations
    own = relations[(relations["source"] == focus) | (relations["target"] == focus)]
    drawn = {" ".join(label.get_text().split()) for _, label in pairs}
    owned = {f"{row.relation} ¶{row.paragraph}" for row in own.itertuples()}
    assert owned <= drawn or len(pairs) == 12 and len(drawn & owned) == 12


def test_most_limits_the_arrows(world):
    chart = plots.relations_diagram(world, most=3)
    assert len(_arrows_and_labels(chart)) == 3
    assert f"{len(world.relations) - 3} more relations not drawn" in chart.description
    for odd in (0, "12", 2.5, True):
        with pytest.raises(ValueError, match="a whole number such as 12"):
            plots.relations_diagram(world, most=odd)


@pytest.mark.parametrize("ids", [None, DENMARK])
def test_relation_labels_keep_off_the_arrows_of_other_names(world, ids):
    # A lesson once put "wants to annex" on the Denmark -> Nato arrow, so it read as if
    # Denmark wanted to annex something; another put "prime minister of" on Maduro's row.
    # In the crowded full diagram a few arrows may cross a label's end, never its middle.
    chart = plots.relations_diagram(world, ids=ids, focus="denmark" if ids else None)
    pairs = _arrows_and_labels(chart)
    ends: dict[str, set] = {}
    for row in world.relations.itertuples():
        ends.setdefault(f"{row.relation} ¶{row.paragraph}", set()).update({row.source, row.target})
    inches = chart.figure.dpi_scale_trans.inverted()
    renderer = chart.figure.canvas.get_renderer()
    crossed = []
    for _, label in pairs:
        box = label.get_window_extent(renderer).transformed(inches)
        for other, other_label in pairs:
            one, other_one = (" ".join(t.get_text().split()) for t in (label, other_label))
            if ends[one] & ends[other_one]:
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


# --------------------------------------------------------------------------------------
# timeline_chart and timeline_table


def test_timeline_markers_follow_where_the_date_comes_from(book):
    chart = _built(book, "timeline")
    dated = book.events[book.events["when"] != ""].sort_values("when")
    points = [
        line
        for line in chart.figure.axes[0].lines
        if line.get_marker() not in ("None", "", None) and len(line.get_xdata()) == 1
    ]
    expected = {"article says": "o", "worked out": "s", "outside source": "D", "someone says": "P"}
    assert [p.get_marker() for p in points] == [expected[b] for b in dated["when_basis"]]
    for point, basis in zip(points, dated["when_basis"], strict=True):
        filled = point.get_markerfacecolor() != "#FFFFFF"
        assert filled == mark(basis).filled


def test_timeline_draws_every_mark_and_names_a_basis_that_is_none():
    book = _small_book()
    events = book.events.copy()
    events.loc[0, "when_basis"] = "someone says"
    events.loc[2, ["when", "when_basis"]] = ["2025-01-01", "guessed"]
    book.events = events
    chart = plots.timeline_chart(book)
    points = [
        line.get_marker()
        for line in chart.figure.axes[0].lines
        if line.get_marker() not in ("None", "", None) and len(line.get_xdata()) == 1
    ]
    assert points == [mark("someone says").marker, mark("outside source").marker, "o"]
    assert "Point 1, filled plus sign: during March 2024" in chart.description
    point_3 = next(line for line in chart.description.splitlines() if "Point 3" in line)
    assert "'guessed'" in point_3 and "date: article says" not in point_3
    table = plots.timeline_table(book)
    assert table.loc["ev-3", "date_source"].startswith("when_basis 'guessed', not one of")


def test_timeline_table_orders_dated_events_then_the_rest(book):
    table = plots.timeline_table(book)
    assert list(table.columns) == [
        "when",
        "when_text",
        "date_source",
        "modality",
        "description",
        "paragraph",
    ]
    assert sorted(table.index) == sorted(book.events["id"])
    dated = table[table["when"] != ""]
    undated = table[table["when"] == ""]
    assert list(table.index) == list(dated.index) + list(undated.index)
    assert list(dated["when"]) == sorted(dated["when"])
    assert list(undated["paragraph"]) == sorted(undated["paragraph"], key=paragraph_order)
    assert all(isinstance(p, int) or p in ("headline", "byline") or p.startswith("caption ")
               for p in table["paragraph"])  # fmt: skip
    events = book.events.set_index("id")
    for ident, row in table.iterrows():
        basis = events.loc[ident, "when_basis"] if row["when"] else ""
        if basis == "outside source":  # the mark's own words, then the source the note names
            assert row["date_source"].startswith(mark("outside source").title + ": ")
            assert len(row["date_source"]) < 80
        elif basis:
            assert row["date_source"] == mark(basis).title
        else:
            assert row["date_source"] == ""


def test_a_year_alone_is_drawn_during_that_year_with_no_order_implied(book):
    # "2014" (Donbas) once sorted as 1 January and looked as if it came before "March 2014".
    chart = _built(book, "timeline")
    drawn = [" ".join(t.get_text().split()) for t in chart_texts(chart)]
    vague = [when for when in book.events["when"] if re.fullmatch(r"\d{4}(-\d{2})?", when)]
    assert vague
    for when in vague:
        assert any(text.startswith("during ") and text.endswith(when[:4]) for text in drawn)
    years = [when for when in vague if len(when) == 4]
    for year in years:
        if any(when.startswith(year + "-") for when in book.events["when"]):
            assert any(f"both during {year}: order not known" in text for text in drawn)
    assert "does not say whether it came before or after" in chart.description


def test_timeline_gaps_are_written_between_points():
    chart = plots.timeline_chart(_small_book())
    drawn = [t.get_text() for t in chart_texts(chart)]
    assert "about 2 months later than point 1" in chart.description
    assert "during March 2024" in [" ".join(t.split()) for t in drawn] and "2 May 2024" in drawn
    assert "1 more event in the article has no date" in chart.description


def _dated_book(dates: list[str]) -> types.SimpleNamespace:
    book = _small_book()
    row = book.events.iloc[1]
    book.events = pd.DataFrame(
        [
            {**row.to_dict(), "id": f"ev-{k}", "when": when, "description": f"event {k}"}
            for k, when in enumerate(dates)
        ]  # fmt: skip
    )
    return book


def test_the_time_line_is_drawn_to_scale():
    # Issue 18: evenly spaced points hid that 8 years and 3 days look the same.
    xs = chart_point_xs(
        plots.timeline_chart(_dated_book(["2024-01-01", "2024-01-11", "2024-01-31"]))
    )
    assert len(xs) == 3 and xs == sorted(xs)
    assert xs[2] - xs[1] == pytest.approx(2 * (xs[1] - xs[0]), rel=1e-6)


def test_a_long_empty_stretch_is_cut_out_with_a_marked_break():
    dates = ["2024-01-01", "2024-01-21", "2024-02-10", "2026-04-10"]
    chart = plots.timeline_chart(_dated_book(dates))
    xs = chart_point_xs(chart)
    assert xs[1] - xs[0] == pytest.approx(xs[2] - xs[1], rel=1e-6)  # to scale before the cut
    assert xs[3] - xs[2] < 3 * (xs[1] - xs[0])  # two years do not squeeze the rest
    drawn = [" ".join(t.get_text().split()) for t in chart_texts(chart)]
    assert drawn.count("//") == 1
    assert "line cut: about 2 years 2 months" in drawn
    cut = next(t for t in chart_texts(chart) if t.get_text() == "//")
    assert xs[2] < cut.get_position()[0] < xs[3]
    assert "The line is cut (1 break, //)" in chart.description


def test_figures_chart_unknown_id_suggests_the_closest(book):
    with pytest.raises(KeyError, match="fig-support"):
        plots.figures_chart(book, ids=["fig-suport"])


def test_relations_unknown_focus_suggests_the_closest(book):
    with pytest.raises(KeyError, match="costa"):
        plots.relations_diagram(book, focus="cota")


def test_figures_caption_does_not_use_a_word_taught_later(book):
    # Lessons show this chart before the word "hedge" is taught.
    ids = ["fig-support", "fig-year"]
    for caption in (_built(book, "figures").caption, plots.figures_chart(book, ids).caption):
        assert "hedge" not in caption.lower()
        assert "in the article's own words (about, some, more than)" in caption


def test_relations_diagram_ids_keep_only_relations_among_them(book):
    ids = ["costa", "council", "fishermen"]
    chart = plots.relations_diagram(book, ids=ids)
    inside = book.relations[book.relations["source"].isin(ids) & book.relations["target"].isin(ids)]
    assert chart.description.count(" — ") == 2 * len(inside)
    names = _names(book)
    for row in inside.itertuples():
        assert f"{names[row.source]} — {row.relation} — {names[row.target]}" in chart.description


def test_relations_focus_shows_its_neighbours_and_every_relation_among_them(book):
    focused = plots.relations_diagram(book, focus="town council of Porto Claro")  # a name works too
    relations = book.relations
    own = relations[(relations["source"] == "council") | (relations["target"] == "council")]
    shown = {"council"} | set(own["source"]) | set(own["target"])
    among = relations[relations["source"].isin(shown) & relations["target"].isin(shown)]
    drawn = [" ".join(t.get_text().split()) for t in chart_texts(focused)]
    for row in among.itertuples():
        assert f"{row.relation} ¶{row.paragraph}" in drawn
    assert focused.description.count(" — ") == 2 * len(among)
    assert "The relations of town council of Porto Claro" in focused.alt
    bold = [
        " ".join(t.get_text().split()) for t in chart_texts(focused) if t.get_fontweight() == "bold"
    ]
    assert "town council of Porto Claro" in bold  # a long name may wrap


@pytest.mark.parametrize("focus", [None, "council"])
def test_each_relation_label_sits_on_its_own_arrow(book, focus):
    # A lesson once showed one arrow's label on another arrow.
    chart = plots.relations_diagram(book, focus=focus)
    pairs = _arrows_and_labels(chart)
    assert len(pairs) == len(chart.description.split(" — ")) // 2
    for arrow, label in pairs:
        own = _distance_to(arrow.get_path(), label.get_position())
        assert own < 0.03, f"{label.get_text()!r} is {own:.2f} inches off its arrow"


def test_a_subset_draws_every_relation_among_its_names_in_full(book):
    # A relation among the chosen names is drawn in full, not faded.
    ids = ["costa", "council", "fishermen"]
    chart = plots.relations_diagram(book, ids=ids, focus="council")
    relations = book.relations
    among = relations[relations["source"].isin(ids) & relations["target"].isin(ids)]
    assert (among["relation"] == "opposes").any()
    drawn = {" ".join(label.get_text().split()) for _, label in _arrows_and_labels(chart)}
    assert drawn == {f"{row.relation} ¶{row.paragraph}" for row in among.itertuples()}
    for artist in chart.figure.findobj(lambda a: a.get_visible()):
        assert artist.get_alpha() in (None, 1.0), f"{artist} is faded"
    assert "faint" not in chart.description


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
    assert f"{undated} more event" in chart.description  # "1 more event", "2 more events"


def _no_two_texts_overlap(chart) -> list[tuple[str, str]]:
    renderer = chart.figure.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in chart_texts(chart)]
    return [
        (a, b)
        for (a, one), (b, other) in itertools.combinations(boxes, 2)
        if min(one.x1, other.x1) - max(one.x0, other.x0) > 1
        and min(one.y1, other.y1) - max(one.y0, other.y0) > 1
    ]


@pytest.mark.parametrize("claimed", [23, 10], ids=["long-bar", "short-bar"])
def test_whose_figure_it_is_stays_clear_of_its_heading(claimed):
    # A teacher's pack: a claimed figure with a long description, beside another figure in
    # the same unit. The note "(according to ..., a claim, not a measurement)" ran over
    # the heading above its bar and the scale below.
    long = "how often cities normally update their master plans, " * 2
    book = _figures_book(
        [
            ("age", 33 - claimed, "years", "none", "land", "age of the plan the council updated"),
            ("claimed", claimed, "years", "normally", "land", long),
        ]
    )
    book.figures.loc[1, "basis"] = "someone says"
    chart = plots.figures_chart(book)
    assert not _no_two_texts_overlap(chart)
    drawn = " ".join(" ".join(t.get_text().split()) for t in chart_texts(chart))
    assert "a claim, not a measurement" in drawn


def test_one_dated_event_is_said_in_the_singular():
    one = plots.timeline_chart(_dated_book(["2014-08-17"]))
    two = plots.timeline_chart(_dated_book(["2014-08-17", "2014-08-18"]))
    assert "1 event of the article that has a date" in one.alt
    assert "2 events of the article that have a date" in two.alt


def test_figures_chart_says_what_its_default_leaves_out(book):
    # The mini pack has a percentage and a year: by default only the percentage is drawn.
    chart = plots.figures_chart(book)
    assert "1 more figure in another unit is left out" in chart.caption
    chosen = plots.figures_chart(book, ["fig-support"])
    assert "left out" not in chosen.caption  # the ids were chosen: nothing is hidden
