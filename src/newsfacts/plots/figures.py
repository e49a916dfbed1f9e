"""figures_chart: the article's numbers as bars, in the article's own hedge words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from matplotlib.patches import Rectangle

from newsfacts.plots._common import (
    _and,
    _para,
    _paragraph,
    _resolve_many,
    _rows,
    _split_ids,
    _table,
    _text,
    _things,
)
from newsfacts.plots.chart import (
    _BASIS_WORDS,
    _FONT,
    _O,
    _SMALL,
    Chart,
    _inch_axes,
    _key,
    _new_figure,
    _Page,
    _style,
    _text_size,
)

_BAR_STYLE = {  # figures_chart: fill colour and hatch
    "reported": (_O["sky blue"], ""),
    "attributed": (_O["orange"], "//"),
    "inferred": (_O["yellow"], ".."),
    "context": (_O["reddish purple"], "xx"),
}


def _number(value: Any) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return _text(value)
    if number.is_integer():
        return f"{int(number):,}"
    return f"{number:,.3f}".rstrip("0").rstrip(".")


def figure_label(row: dict[str, Any]) -> str:
    """The words for one figure as the article hedges it: "about 75%", "more than 30 countries".

    Parameters
    ----------
    row : mapping
        A row of ``book.figures`` (``value``, ``unit``, ``qualifier``).

    Returns
    -------
    str
        Qualifier (left out when it is "none"), number and unit.

    Examples
    --------
    >>> figure_label({"value": 75.0, "unit": "percent", "qualifier": "about"})
    'about 75%'
    >>> figure_label({"value": 30.0, "unit": "countries", "qualifier": "more than"})
    'more than 30 countries'
    >>> figure_label({"value": 1.0, "unit": "years", "qualifier": "none"})
    '1 year'
    """
    qualifier = _text(row.get("qualifier"))
    unit = _text(row.get("unit"))
    number = _number(row.get("value"))
    if unit in ("percent", "%"):
        amount = f"{number}%"
    elif unit:
        if number == "1" and unit.endswith("s"):
            unit = unit[:-1]
        amount = f"{number} {unit}"
    else:
        amount = number
    if qualifier and qualifier.casefold() != "none":
        return f"{qualifier} {amount}"
    return amount


def _speakers(book: Any, ident: str) -> list[str]:
    """Names of the people the claims about `ident` come from, in table order."""
    names = {key: thing.name for key, thing in _things(book).items()}
    speakers: list[str] = []
    for row in _rows(_table(book, "claims")):
        if ident in _split_ids(row.get("about")):
            speaker = _text(row.get("speaker"))
            name = names.get(speaker, speaker)
            if name and name not in speakers:
                speakers.append(name)
    return speakers


def _whose(book: Any, row: dict[str, Any]) -> str:
    """Words saying where a figure comes from, when the article does not say it itself."""
    basis = _text(row.get("basis"))
    if basis == "attributed":
        speakers = _speakers(book, _text(row.get("id")))
        return f"according to {_and(speakers)}" if speakers else "attributed"
    if basis == "inferred":
        return "worked out from the article"
    if basis == "context":
        return "from outside the article"
    return ""


def figures_chart(book: Any, ids: Iterable[str] | str | None = None) -> Chart:
    """Bar chart of the article's numbers, each labelled in the article's own words.

    What a student sees: one horizontal bar per figure, in the order the article gives
    them. Above each bar, what the number measures and the paragraph it comes from
    ("¶9"); at the end of the bar, the number with the article's hedge ("about 75%",
    "some 99%"). A number the article puts in someone's mouth has a hatched orange bar
    and says whose it is ("90%, according to Volodymyr Zelensky"); the legend explains
    each style. Percentages are drawn out of 100% with a faint frame showing the whole.

    Parameters
    ----------
    book : Book
        A loaded pack, e.g. ``newsfacts.load()``.
    ids : str or list of str, optional
        Figure ids to draw (e.g. ``["fig-donetsk-control", "fig-coalition-countries"]``).
        By default every figure in percent; a pack with no percentages draws every
        figure. Figures in different units are drawn on separate scales, one panel per unit.

    Returns
    -------
    Chart
        The picture, its caption and a text description listing every bar.

    Raises
    ------
    UnknownNameError
        When an id is not a figure of the pack; the message suggests the closest ones.
    """
    table = _table(book, "figures")
    rows = _rows(table)
    by_id = {_text(row.get("id")): row for row in rows}
    if ids is None:
        chosen = [row for row in rows if _text(row.get("unit")) in ("percent", "%")] or rows
    else:
        wanted = _resolve_many(
            ids, {key: _text(row.get("description")) for key, row in by_id.items()}, "figure id"
        )
        chosen = [by_id[key] for key in dict.fromkeys(wanted)]
    chosen = sorted(chosen, key=lambda row: _paragraph(row.get("paragraph")) or 0)

    units: dict[str, list[dict[str, Any]]] = {}
    for row in chosen:
        units.setdefault(_text(row.get("unit")), []).append(row)

    with _style():
        return _draw_figures(book, chosen, units)


def _draw_figures(book: Any, chosen: list[dict], units: dict[str, list[dict]]) -> Chart:
    percent_only = list(units) == ["percent"]
    several = len(units) > 1
    bases = [
        b for b in _BAR_STYLE if any((_text(r.get("basis")) or "reported") == b for r in chosen)
    ]
    row_h, ticks_h, head_h = 0.78, 0.5, 0.25 if several else 0.0
    legend_h = 0.3 * len(bases) + 0.3
    height = 0.7 + sum(head_h + len(g) * row_h + ticks_h for g in units.values()) + legend_h
    width = 10.0
    figure, renderer = _new_figure(width, max(height, 2.0))
    height = figure.get_size_inches()[1]
    page = _inch_axes(figure)
    title = "Percentages in the article" if percent_only else "Numbers in the article"
    page.text(0.3, height - 0.3, title, fontsize=14, fontweight="bold", va="top")
    alt = []
    if not chosen:
        page.text(0.3, height - 1.0, "This pack has no figures to draw.", fontsize=_FONT)
        return Chart(figure, f"{title}: there are no figures to draw.", "No figures to draw.")

    alt.append(
        f"{title}: a horizontal bar chart of {len(chosen)} "
        f"figure{'s' if len(chosen) != 1 else ''}, in the order the article gives them"
        + (", each bar drawn out of 100%." if percent_only else ", one scale per unit.")
    )
    left, right = 0.35, 6.3  # the bars' extent in inches; their labels run on to the right
    top = height - 0.7
    for unit, group in units.items():
        percent = unit in ("percent", "%")
        if several:
            heading = "in percent (out of 100%)" if percent else f"in {unit or 'numbers'}"
            page.text(left, top, heading, fontsize=_FONT, fontstyle="italic", va="top")
            alt.append(f"Panel {heading}:")
            top -= head_h
        panel_h = (len(group) - 0.1) * row_h
        ax = figure.add_axes(
            (left / width, (top - panel_h) / height, (right - left) / width, panel_h / height)
        )
        top -= panel_h + ticks_h
        largest = max(float(row.get("value") or 0) for row in group)
        limit = 100.0 if percent and largest <= 100 else max(largest, 1e-9)
        ax.set_xlim(0, limit)
        ax.set_ylim(len(group) - 0.45, -0.35)
        ax.set_yticks([])
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="x", labelsize=_SMALL)
        if percent:
            ticks = [0.0, 25.0, 50.0, 75.0, 100.0]
        else:
            from matplotlib.ticker import MaxNLocator

            whole = all(float(r.get("value") or 0).is_integer() for r in group)
            locator = MaxNLocator(nbins=6, integer=whole)
            ticks = [t for t in locator.tick_values(0, limit) if 0 <= t <= limit * (1 + 1e-9)]
        tick_words = [_number(t) + ("%" if percent else "") for t in ticks]
        ax.set_xticks(ticks)
        ax.set_xticklabels(tick_words)
        inch = limit / (right - left)  # data units per inch
        for index, row in enumerate(group):
            basis = _text(row.get("basis")) or "reported"
            colour, hatch = _BAR_STYLE.get(basis, _BAR_STYLE["reported"])
            value = float(row.get("value") or 0)
            if percent:
                ax.add_patch(
                    Rectangle(
                        (0, index + 0.02),
                        100,
                        0.38,
                        facecolor="none",
                        edgecolor=_O["black"],
                        linewidth=0.8,
                        alpha=0.35,
                    )
                )
            ax.barh(
                index + 0.21,
                value,
                height=0.38,
                color=colour,
                hatch=hatch,
                edgecolor=_O["black"],
                linewidth=1.0,
            )
            paragraph = _paragraph(row.get("paragraph"))
            description = _text(row.get("description")) or _text(row.get("id"))
            ax.text(
                0, index - 0.1, f"{description}  ({_para(paragraph)})", fontsize=_FONT, va="bottom"
            )
            label = figure_label(row)
            whose = _whose(book, row)
            x = (limit if percent else min(value, limit)) + 0.12 * inch
            ax.text(
                x,
                index + 0.21,
                label,
                fontsize=11,
                fontweight="bold",
                va="center",
                clip_on=False,
            )
            if whose:
                label_w, _ = _text_size(renderer, label, 11, "bold")
                ax.text(
                    x + (label_w + 0.08) * inch,
                    index + 0.21,
                    f"({whose})",
                    fontsize=_FONT,
                    va="center",
                    clip_on=False,
                )
            sentence = f"{description}: {label}"
            if whose:
                sentence += f" ({whose})"
            sentence += f"; {_BAR_STYLE_NAMES[basis]}; {_para(paragraph, False)}"
            quote = _text(row.get("quote"))
            if quote:
                sentence += f', where the article writes "{quote}"'
            alt.append(sentence + ".")
        scale = f"The scale under the bars is marked {', '.join(tick_words)}"
        alt.append(scale + ("." if percent else f" ({unit or 'number'})."))

    # The key, one style a line (drawn on the figure, not in the bars' axes).
    key = _Page(figure)
    em = _FONT / 72

    def sample(basis: str) -> Any:
        colour, hatch = _BAR_STYLE[basis]
        return lambda x, y, w: key.add_artist(
            Rectangle(
                (x, y - 0.65 * em),
                w,
                1.3 * em,
                facecolor=colour,
                hatch=hatch,
                edgecolor=_O["black"],
            )
        )

    samples = [(sample(b), 2.8 * em, f"{b}: {_BASIS_WORDS[b]}") for b in bases]
    _key(key, renderer, samples, left, 0.15, "lower left", columns=1, line=0.3 / em)
    alt.append(
        "Legend: "
        + "; ".join(f"{_BAR_STYLE_NAMES[b]}: {b}, {_BASIS_WORDS[b]}" for b in bases)
        + ". ¶ and a number: the paragraph of the article the figure comes from."
    )
    caption = (
        "The article's percentages, each drawn out of 100%, with the article's own hedge words."
        if percent_only
        else "The article's numbers, with the article's own hedge words."
    )
    return Chart(figure, "\n".join(alt), caption)


_BAR_STYLE_NAMES = {
    "reported": "plain blue bar",
    "attributed": "orange bar with slanted hatching",
    "inferred": "yellow bar with dots",
    "context": "purple bar with crosses",
}
