"""Charts for a projector and for any pack (issues 17 and 18): every word inside the
picture, maps that show the whole of each shaded place with neighbours told apart, and a
claimed share drawn as a claim."""

from __future__ import annotations

import itertools
import shutil
import types
from pathlib import Path

import matplotlib.colors as mcolors
import matplotlib.text as mtext
import numpy as np
import pandas as pd
import pytest
from pack_helpers import MINI_PACK, replace

import newsfacts
from newsfacts import plots
from newsfacts.plots import chart as chart_module

ROOT = Path(__file__).resolve().parents[1]
LONG = "of the Very Long and Officially Registered Name That Goes On and On"


@pytest.fixture(scope="module")
def long_book(tmp_path_factory) -> newsfacts.Book:
    """The mini pack with long names everywhere, a dot and an island to map."""
    pack = Path(shutil.copytree(MINI_PACK, tmp_path_factory.mktemp("long") / "pack"))
    replace(pack / "actors.csv", "costa,Rui Costa,", f"costa,Rui Costa {LONG},")
    replace(pack / "actors.csv", "council,town council of Porto Claro,",
            f"council,town council of Porto Claro {LONG},")  # fmt: skip
    replace(pack / "relations.csv", "costa,leads,council",
            "costa,leads and chairs every single meeting and every vote of,council")  # fmt: skip
    replace(
        pack / "places.csv",
        "porto-claro,Porto Claro,city,,1,Porto Claro,article says,,,,,",
        f"porto-claro,Porto Claro {LONG},city,,1,Porto Claro,article says,,38.72,-9.14,,"
        "a test atlas",
    )
    replace(
        pack / "places.csv",
        "bay,the bay,area,porto-claro,1,a bridge across the bay,article says,,,,,",
        f"bay,the bay {LONG},area,porto-claro,1,a bridge across the bay,article says,,,,GRL,"
        "ISO 3166-1 alpha-3",
    )
    replace(pack / "figures.csv", '"residents who back the plan, according to a survey"',
            f'"residents who back the plan, according to a survey {LONG} {LONG}"')  # fmt: skip
    return newsfacts.load(pack)


def _inside_the_picture(chart: plots.Chart) -> None:
    """Every word drawn lies inside the picture (as the renderer lays it out)."""
    with chart_module.style():
        chart.figure.canvas.draw()
    renderer = chart.figure.canvas.get_renderer()
    width, height = chart.size
    texts = [
        t for t in chart.figure.findobj(mtext.Text) if t.get_visible() and t.get_text().strip()
    ]
    assert texts
    for text in texts:
        box = text.get_window_extent(renderer)
        words = text.get_text()[:40]
        assert box.x0 >= -1 and box.y0 >= -1, f"{words!r} runs off the picture"
        assert box.x1 <= width + 1 and box.y1 <= height + 1, f"{words!r} runs off the picture"


CHARTS = {
    "figures": lambda book: plots.figures_chart(book, book.figures["id"].tolist()),
    "relations": lambda book: plots.relations_diagram(book),
    "timeline": lambda book: plots.timeline_chart(book),
}


@pytest.mark.parametrize("kind", CHARTS)
def test_no_word_runs_off_a_chart_of_a_pack_with_long_names(long_book, kind):
    _inside_the_picture(CHARTS[kind](long_book))


@pytest.mark.parametrize("kind", CHARTS)
@pytest.mark.parametrize("pack", ["tests/fixtures/mini-pack", "data/template"])
def test_no_word_runs_off_a_chart_of_the_fixture_and_template_packs(kind, pack):
    _inside_the_picture(CHARTS[kind](newsfacts.load(ROOT / pack)))


def test_no_word_runs_off_a_map_of_long_names(long_book):
    chart = plots.map_chart(long_book, ["porto-claro", "bay"])
    _inside_the_picture(chart)
    labels = [" ".join(t.get_text().split()) for t in chart.figure.axes[0].texts]
    assert any(label.startswith("Porto Claro of the Very Long") for label in labels)


def _areas(chart) -> dict[str, object]:
    return {
        c.get_gid().removeprefix("area-"): c
        for c in chart.figure.axes[0].collections
        if (c.get_gid() or "").startswith("area-")
    }


def test_the_map_of_a_long_named_island_shows_it_whole(long_book):
    chart = plots.map_chart(long_book, ["bay"])
    ax = chart.figure.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    points = np.vstack([p.vertices for p in _areas(chart)["bay"].get_paths()])
    assert x0 < points[:, 0].min() and points[:, 0].max() < x1
    assert y0 < points[:, 1].min() and points[:, 1].max() < y1


NEIGHBOURS = [("ukraine", "russia"), ("donetsk", "luhansk"), ("ukraine", "donetsk"),
              ("russia", "lipetsk"), ("luhansk", "russia")]  # fmt: skip


@pytest.mark.parametrize(
    "ids",
    [
        ["greenland"],
        ["ukraine", "russia", "kyiv"],
        ["us", "denmark", "greenland", "venezuela"],
        ["donetsk"],
        ["luhansk", "lisbon"],
    ],  # fmt: skip
)
def test_the_map_shows_the_whole_of_each_shaded_place_with_a_margin(world, ids):
    # Issue 17: a map of an island was zoomed so far that its outline was cut off.
    chart = plots.map_chart(world, ids)
    ax = chart.figure.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    margin = 0.03 * (x1 - x0)
    areas = _areas(chart)
    assert len(areas) == sum(1 for i in ids if world.get(i)["iso_code"])
    for ident, collection in areas.items():
        points = np.vstack([path.vertices for path in collection.get_paths()])
        assert points[:, 0].min() > x0 + margin and points[:, 0].max() < x1 - margin, ident
        assert points[:, 1].min() > y0 + margin and points[:, 1].max() < y1 - margin, ident
    _inside_the_picture(chart)


def test_a_map_framed_on_some_places_says_which_run_past_its_edge(world):
    chart = plots.map_chart(world, ["ukraine", "russia", "donetsk"], frame=["ukraine"])
    assert "Russia runs past the edge of the map, which is framed on Ukraine." in (
        chart.description
    )
    assert "whole of each shaded place" not in chart.description


def test_neighbours_never_share_a_fill_and_have_a_thick_border(world):
    # Issue 18: lesson 3's map gave Ukraine and Russia one fill and hid their border.
    ids = sorted({i for pair in NEIGHBOURS for i in pair})
    chart = plots.map_chart(world, ids)
    areas = _areas(chart)
    okabe_ito = {c.lower() for c in plots.OKABE_ITO.values()}
    for one, other in NEIGHBOURS:
        a, b = areas[one], areas[other]
        colours = [mcolors.to_hex(c.get_facecolor()[0][:3]) for c in (a, b)]
        assert colours[0] != colours[1], (one, other)
        assert a.get_hatch() != b.get_hatch(), (one, other)  # not colour alone
        assert set(colours) <= okabe_ito
    thin = min(c.get_linewidth()[0] for c in chart.figure.axes[0].collections
               if not (c.get_gid() or "").startswith("area-"))  # fmt: skip
    for ident in ("ukraine", "russia"):
        assert areas[ident].get_linewidth()[0] >= 2 and areas[ident].get_linewidth()[0] >= 4 * thin
        assert mcolors.to_hex(areas[ident].get_edgecolor()[0][:3]) == "#000000"
    assert "neighbours never share a fill" in chart.description


def test_the_map_legend_says_what_the_outline_is(world):
    chart = plots.map_chart(world, ["ukraine", "russia", "kyiv"])
    words = [t.get_text() for t in chart.figure.axes[0].get_legend().get_texts()]
    outline = [w for w in words if "outline" in w]
    assert outline and all("Natural Earth" in w for w in outline)
    assert not any(w.startswith("outline: article says") for w in words)
    assert "Natural Earth" in chart.caption


def test_a_claimed_share_is_drawn_as_a_claim_not_a_measured_bar(world):
    # Issue 18: Zelensky's "90% agreed" was drawn like a measured share.
    claimed = world.figures[(world.figures["basis"] == "someone says")
                           & (world.figures["unit"] == "percent")]  # fmt: skip
    measured = world.figures[(world.figures["basis"] == "article says")
                            & (world.figures["unit"] == "percent")]  # fmt: skip
    assert len(claimed) and len(measured)
    chart = plots.figures_chart(world)
    bars = {p.get_gid(): p for p in chart.figure.axes[0].patches if p.get_gid()}
    for ident in claimed["id"]:
        bar = bars[f"bar-{ident}"]
        assert not bar.get_fill() and bar.get_hatch()
        assert bar.get_linestyle() not in ("-", "solid")
    for ident in measured["id"]:
        assert bars[f"bar-{ident}"].get_fill()
    drawn = " ".join(t.get_text().replace("\n", " ") for t in chart.figure.findobj(mtext.Text))
    assert "according to the firm, a claim, not a measurement" in drawn
    assert "the firm's own figure, not a measurement" in chart.description


def test_figures_of_different_units_are_never_on_one_chart_as_bars(book):
    for ids in itertools.combinations(book.figures["id"], 2):
        chart = plots.figures_chart(book, list(ids))
        units = {
            book.figures.set_index("id").loc[p.get_gid().removeprefix("bar-"), "unit"]
            for ax in chart.figure.axes
            for p in ax.patches
            if p.get_gid()
        }
        assert len(units) <= 1, ids
        assert len([ax for ax in chart.figure.axes if ax.patches]) <= 1, ids


def test_a_crowded_time_line_keeps_its_cards_apart(long_book):
    # Twelve dated events, some days apart, some years: cards stack, none overlaps another.
    events = long_book.events
    row = events[events["when"] != ""].iloc[0].to_dict()
    dates = "2014-03-18 2014-04 2014 2022-02 2022-10-12 2025-12-28 2026-01-03 2026-01-03"
    dates = (dates + " 2026-01-05 2026-01-06 2026-01-06 2026-02").split()
    book = types.SimpleNamespace(
        **{name: getattr(long_book, name) for name in ("paragraphs", "actors", "places")},
        events=pd.DataFrame(
            [
                {
                    **row,
                    "id": f"ev-{k}",
                    "when": when,
                    "description": f"event number {k} with a long description {LONG}",
                }
                for k, when in enumerate(dates)
            ]  # fmt: skip
        ),
    )
    chart = plots.timeline_chart(book)
    _inside_the_picture(chart)
    renderer = chart.figure.canvas.get_renderer()
    texts = [
        t for t in chart.figure.findobj(mtext.Text) if t.get_visible() and t.get_text().strip()
    ]
    boxes = [(t.get_text()[:30], t.get_window_extent(renderer)) for t in texts]
    for (a, one), (b, other) in itertools.combinations(boxes, 2):
        across = min(one.x1, other.x1) - max(one.x0, other.x0)
        down = min(one.y1, other.y1) - max(one.y0, other.y0)
        assert across <= 1 or down <= 1, f"{a!r} overlaps {b!r}"


def test_no_word_runs_off_a_timeline_whose_last_event_has_long_time_words(tmp_path):
    # A Reuters story's last card, "possibly before the end of the year" · ¶8 · (expected),
    # ran out of the picture at the right: the time words were never wrapped.
    pack = Path(shutil.copytree(MINI_PACK, tmp_path / "pack"))
    words = "possibly before the end of the decade if the money is found and the fishermen agree"
    replace(
        pack / "events.csv",
        "a bridge across the bay,2027,,",
        f"a bridge across the bay,2027,{words},",
    )
    _inside_the_picture(plots.timeline_chart(newsfacts.load(pack)))
