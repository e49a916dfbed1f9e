"""On the bundled pack: tests moved from tests/test_plots_projector.py that still read
the bundled article's content."""

from __future__ import annotations

import matplotlib.colors as mcolors
import matplotlib.text as mtext
import numpy as np
import pytest

from newsfacts import plots
from newsfacts.plots import chart as chart_module


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


def _areas(chart) -> dict[str, object]:
    return {
        c.get_gid().removeprefix("area-"): c
        for c in chart.figure.axes[0].collections
        if (c.get_gid() or "").startswith("area-")
    }


NEIGHBOURS = [("ukraine", "russia"), ("donetsk", "luhansk"), ("ukraine", "donetsk"),
              ("russia", "lipetsk"), ("luhansk", "russia")]  # fmt: skip


@pytest.mark.parametrize(
    "ids",
    [
        ["greenland"],
        ["ukraine", "russia", "kyiv"],
        ["us", "denmark", "greenland", "venezuela"],
        ["donetsk"],
        ["luhansk", "france"],
    ],  # fmt: skip
)
def test_the_map_shows_the_whole_of_each_shaded_place_with_a_margin(paris, ids):
    # Issue 17: a map of an island was zoomed so far that its outline was cut off.
    chart = plots.map_chart(paris, ids)
    ax = chart.figure.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    margin = 0.03 * (x1 - x0)
    areas = _areas(chart)
    assert len(areas) == sum(1 for i in ids if paris.get(i)["iso_code"])
    for ident, collection in areas.items():
        points = np.vstack([path.vertices for path in collection.get_paths()])
        assert points[:, 0].min() > x0 + margin and points[:, 0].max() < x1 - margin, ident
        assert points[:, 1].min() > y0 + margin and points[:, 1].max() < y1 - margin, ident
    _inside_the_picture(chart)


def test_a_map_framed_on_some_places_says_which_run_past_its_edge(paris):
    chart = plots.map_chart(paris, ["ukraine", "russia", "donetsk"], frame=["ukraine"])
    assert "Russia runs past the edge of the map, which is framed on Ukraine." in (
        chart.description
    )
    assert "whole of each shaded place" not in chart.description


def test_neighbours_never_share_a_fill_and_have_a_thick_border(paris):
    # Issue 18: lesson 3's map gave Ukraine and Russia one fill and hid their border.
    ids = sorted({i for pair in NEIGHBOURS for i in pair})
    chart = plots.map_chart(paris, ids)
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


def test_the_map_legend_says_what_the_outline_is(paris):
    chart = plots.map_chart(paris, ["ukraine", "russia", "kyiv"])
    words = [t.get_text() for t in chart.figure.axes[0].get_legend().get_texts()]
    outline = [w for w in words if "outline" in w]
    assert outline and all("Natural Earth" in w for w in outline)
    assert not any(w.startswith("outline: article says") for w in words)
    assert "Natural Earth" in chart.caption


def test_a_claimed_share_is_drawn_as_a_claim_not_a_measured_bar(paris):
    # Issue 18: Zelensky's "90% agreed" was drawn like a measured share.
    claimed = paris.figures[(paris.figures["basis"] == "someone says")
                           & (paris.figures["unit"] == "percent")]  # fmt: skip
    measured = paris.figures[(paris.figures["basis"] == "article says")
                            & (paris.figures["unit"] == "percent")]  # fmt: skip
    assert len(claimed) and len(measured)
    chart = plots.figures_chart(paris)
    bars = {p.get_gid(): p for p in chart.figure.axes[0].patches if p.get_gid()}
    for ident in claimed["id"]:
        bar = bars[f"bar-{ident}"]
        assert not bar.get_fill() and bar.get_hatch()
        assert bar.get_linestyle() not in ("-", "solid")
    for ident in measured["id"]:
        assert bars[f"bar-{ident}"].get_fill()
    drawn = " ".join(t.get_text().replace("\n", " ") for t in chart.figure.findobj(mtext.Text))
    assert "according to Volodymyr Zelensky, a claim, not a measurement" in drawn
    assert "Volodymyr Zelensky's own figure, not a measurement" in chart.description
