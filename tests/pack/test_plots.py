"""test_plots, on the bundled pack: tests moved from tests/test_plots.py that still read
the bundled article's content."""

from __future__ import annotations

import re

import matplotlib.text as mtext
import numpy as np
import pytest
from matplotlib.patches import FancyArrowPatch

from newsfacts import plots
from newsfacts.plots import chart as chart_module

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


def _point_xs(chart) -> list[float]:
    return [
        float(line.get_xdata()[0])
        for line in chart.figure.axes[0].lines
        if line.get_marker() not in ("None", "", None) and len(line.get_xdata()) == 1
    ]


def test_the_bundled_plan_is_drawn_as_one_whole(paris):
    figures = paris.figures[paris.figures["unit"] == "percent"]
    wholes = figures.groupby("subject")["value"].agg(["sum", "count"])
    wholes = wholes[(wholes["count"] > 1) & ((wholes["sum"] - 100).abs() < 0.5)]
    assert len(wholes) >= 1
    chart = plots.figures_chart(paris, figures["id"].tolist())
    rows_drawn = {y for y, _, _ in _bars(chart)}
    assert len(rows_drawn) == len(figures) - int((wholes["count"] - 1).sum())


def test_the_full_diagram_draws_at_most_12_arrows_and_says_how_to_see_the_rest(paris):
    # Issue 18: the full diagram was a hairball of 33 arrows on a projector.
    assert len(paris.relations) > 12
    chart = _built(paris, "relations")
    pairs = _arrows_and_labels(chart)
    assert 6 <= len(pairs) <= 12
    drawn = {" ".join(t.get_text().split()) for t in _texts(chart)}
    names = _names(paris)
    for _, label in pairs:  # both ends of every arrow are drawn as names
        words = " ".join(label.get_text().split())
        row = next(
            r for r in paris.relations.itertuples() if words == f"{r.relation} ¶{r.paragraph}"
        )
        assert names[row.source] in drawn and names[row.target] in drawn
    left = len(paris.relations) - len(pairs)
    assert f"{left} more relations not drawn" in chart.description
    advice = next(t.get_text() for t in _texts(chart) if "not drawn" in t.get_text())
    focuses = re.findall(r'"([^"]+)"', advice.split("good focuses:")[1])
    assert focuses and set(focuses) <= set(names)  # real ids the student can copy


@pytest.mark.parametrize("focus", ["us", "zelensky", "ukraine", "denmark"])
def test_a_focused_diagram_draws_at_most_12_arrows_its_own_first(paris, focus):
    chart = plots.relations_diagram(paris, focus=focus)
    pairs = _arrows_and_labels(chart)
    assert 1 <= len(pairs) <= 12
    relations = paris.relations
    own = relations[(relations["source"] == focus) | (relations["target"] == focus)]
    drawn = {" ".join(label.get_text().split()) for _, label in pairs}
    owned = {f"{row.relation} ¶{row.paragraph}" for row in own.itertuples()}
    assert owned <= drawn or len(pairs) == 12 and len(drawn & owned) == 12


def test_most_limits_the_arrows(paris):
    chart = plots.relations_diagram(paris, most=3)
    assert len(_arrows_and_labels(chart)) == 3
    assert f"{len(paris.relations) - 3} more relations not drawn" in chart.description
    for odd in (0, "12", 2.5, True):
        with pytest.raises(ValueError, match="a whole number such as 12"):
            plots.relations_diagram(paris, most=odd)


@pytest.mark.parametrize("ids", [None, LESSON_5])
def test_relation_labels_keep_off_the_arrows_of_other_names(paris, ids):
    # Lesson 5 once put "wants to annex" on the Denmark -> Nato arrow, so it read as if
    # Denmark wanted to annex something; lesson 1 put "prime minister of" on Maduro's row.
    # In the crowded full diagram a few arrows may cross a label's end, never its middle.
    chart = plots.relations_diagram(paris, ids=ids, focus="denmark" if ids else None)
    pairs = _arrows_and_labels(chart)
    ends: dict[str, set] = {}
    for row in paris.relations.itertuples():
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


def test_the_bundled_time_line_breaks_between_2014_2022_and_2025(paris):
    chart = _built(paris, "timeline")
    xs = _point_xs(chart)
    assert xs == sorted(xs)
    cuts = sorted(t.get_position()[0] for t in _texts(chart) if t.get_text() == "//")
    assert len(cuts) == 2
    years = sorted(int(when[:4]) for when in paris.events["when"] if when)
    parts = [[y for y, x in zip(years, xs, strict=True) if lo < x < hi]
             for lo, hi in zip([0, *cuts], [*cuts, 99], strict=True)]  # fmt: skip
    assert {y for y in parts[0]} == {2014} and {y for y in parts[1]} == {2022}
    assert min(parts[2]) >= 2025
