"""The bundled article's own charts: its plan drawn as one whole, its time line broken
between 2014, 2022 and 2025 (chart behaviour is tested in tests/test_plots.py)."""

from __future__ import annotations

from pack_helpers import chart_bars, chart_point_xs, chart_texts

from newsfacts import plots


def test_the_bundled_plan_is_drawn_as_one_whole(paris):
    figures = paris.figures[paris.figures["unit"] == "percent"]
    wholes = figures.groupby("subject")["value"].agg(["sum", "count"])
    wholes = wholes[(wholes["count"] > 1) & ((wholes["sum"] - 100).abs() < 0.5)]
    assert len(wholes) >= 1
    chart = plots.figures_chart(paris, figures["id"].tolist())
    rows_drawn = {y for y, _, _ in chart_bars(chart)}
    assert len(rows_drawn) == len(figures) - int((wholes["count"] - 1).sum())


def test_the_bundled_time_line_breaks_between_2014_2022_and_2025(paris):
    chart = plots.timeline_chart(paris)
    xs = chart_point_xs(chart)
    assert xs == sorted(xs)
    cuts = sorted(t.get_position()[0] for t in chart_texts(chart) if t.get_text() == "//")
    assert len(cuts) == 2
    years = sorted(int(when[:4]) for when in paris.events["when"] if when)
    parts = [[y for y, x in zip(years, xs, strict=True) if lo < x < hi]
             for lo, hi in zip([0, *cuts], [*cuts, 99], strict=True)]  # fmt: skip
    assert {y for y in parts[0]} == {2014} and {y for y in parts[1]} == {2022}
    assert min(parts[2]) >= 2025
