"""Charts of one article's facts: figures, relations, places and a timeline.

Every function takes a loaded book (``newsfacts.load()``) and returns a `Chart`: a picture
that a notebook shows with a caption and a full text description underneath, so a student
who cannot see the picture reads the same facts. Nothing here uses pyplot or changes
matplotlib's settings for the rest of the notebook; the same book always gives the same
picture, byte for byte.

Colours come from the Okabe-Ito palette, which people with the common kinds of colour
blindness can tell apart, and colour never carries meaning alone: shapes, line styles,
hatching and written words say the same thing.

In a notebook::

    import newsfacts
    from newsfacts import plots

    book = newsfacts.load()
    plots.figures_chart(book)                        # the article's percentages
    plots.relations_diagram(book, focus="macron")    # who is linked to Macron, and how
    plots.places_diagram(book)                       # which place lies in which
    plots.timeline_chart(book)                       # the dated events
    plots.timeline_table(book)                       # every event, dated or not
"""

from __future__ import annotations

import base64
import contextlib
import datetime as _dt
import html
import io
import re
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import matplotlib
import matplotlib.style
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch, Rectangle

__all__ = [
    "OKABE_ITO",
    "Chart",
    "figure_label",
    "figures_chart",
    "relations_diagram",
    "places_diagram",
    "timeline_chart",
    "timeline_table",
]

#: The Okabe-Ito palette: the only colours the charts use (with white for backgrounds).
OKABE_ITO = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
}
_O = OKABE_ITO
_WHITE = "#FFFFFF"
_DPI = 100
_FONT = 10  # body text, in points
_SMALL = 9  # the smallest text drawn

# How each basis is drawn and what the legend says about it.
_BASIS_WORDS = {
    "reported": "the article says it",
    "attributed": "the article says someone said it",
    "inferred": "worked out from the article by the pack's authors",
    "context": "from outside the article",
}
_BAR_STYLE = {  # figures_chart: fill colour and hatch
    "reported": (_O["sky blue"], ""),
    "attributed": (_O["orange"], "//"),
    "inferred": (_O["yellow"], ".."),
    "context": (_O["reddish purple"], "xx"),
}
_LINE_STYLE = {  # relations_diagram and places_diagram: colour, dash pattern, words
    "reported": (_O["black"], "solid", "solid line"),
    "attributed": (_O["vermillion"], "dashed", "dashed line"),
    "inferred": (_O["blue"], "dotted", "dotted line"),
    "context": (_O["reddish purple"], "dashdot", "dash-dot line"),
}
_NODE_STYLE = {  # relations_diagram: colour, marker, words for the marker
    "person": (_O["orange"], "o", "circle"),
    "state": (_O["blue"], "s", "square"),
    "territory": (_O["bluish green"], "D", "diamond"),
    "organisation": (_O["reddish purple"], "h", "hexagon"),
    "group": (_O["vermillion"], "^", "triangle"),
    "place": (_O["sky blue"], "p", "pentagon"),
    "other": (_O["black"], "X", "cross"),
}
_PLACE_COLOUR = {  # places_diagram: outline colour by kind
    "state": _O["blue"],
    "country": _O["blue"],
    "territory": _O["bluish green"],
    "region": _O["orange"],
    "city": _O["vermillion"],
    "area": _O["reddish purple"],
}
_WHEN_STYLE = {  # timeline_chart: marker, filled?, colour, legend words
    "reported": ("o", True, _O["blue"], "filled circle: date given in the article"),
    "inferred": ("s", False, _O["bluish green"], "open square: date worked out from the article"),
    "context": ("D", False, _O["reddish purple"], "open diamond: date from outside the article"),
}


# --------------------------------------------------------------------------------------
# The chart object


class Chart:
    """A picture with a caption and a full text description.

    In a notebook a chart shows as the picture, its caption and, under "Text description",
    every label and number drawn in it written out as sentences. ``print(chart)`` prints
    the caption and the description.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The picture.
    alt : str
        A full text description: everything the picture shows, numbers and labels
        included, one sentence a line.
    caption : str
        One or two sentences shown under the picture.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
        The picture; change it and call ``chart.png(refresh=True)`` to redraw.
    alt : str
        The text description (also the ``alt`` text of the image).
    caption : str
        The caption.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> chart = Chart(Figure(figsize=(2, 1)), alt="An empty picture.", caption="Nothing.")
    >>> print(chart)
    Nothing.
    An empty picture.
    >>> chart.png()[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """

    dpi = _DPI

    def __init__(self, figure: Figure, alt: str, caption: str):
        self.figure = figure
        self.alt = alt
        self.caption = caption
        self._png: bytes | None = None

    def png(self, refresh: bool = False) -> bytes:
        """Return the picture as PNG bytes (drawn once, then kept).

        Parameters
        ----------
        refresh : bool, default False
            Draw again, after the figure was changed.

        Returns
        -------
        bytes
            A PNG file of fixed size, the same bytes every time for the same chart.
        """
        if self._png is None or refresh:
            buffer = io.BytesIO()
            with _style():
                self.figure.savefig(
                    buffer,
                    format="png",
                    dpi=self.dpi,
                    facecolor=_WHITE,
                    metadata={"Software": None},
                )
            self._png = buffer.getvalue()
        return self._png

    def save(self, path: Any) -> None:
        """Write the picture to a PNG file.

        Parameters
        ----------
        path : str or path-like
            Where to write it, e.g. ``"relations.png"``.
        """
        with open(path, "wb") as file:
            file.write(self.png())

    @property
    def size(self) -> tuple[int, int]:
        """The picture's width and height in pixels."""
        width, height = self.figure.get_size_inches()
        return round(width * self.dpi), round(height * self.dpi)

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.png()).decode("ascii")
        width, height = self.size
        lines = "".join(
            f"<p style='margin:0.2em 0'>{html.escape(line)}</p>"
            for line in self.alt.split("\n")
            if line.strip()
        )
        return (
            "<figure class='newsfacts-chart' style='margin:0.5em 0'>"
            f"<img src='data:image/png;base64,{data}' alt='{html.escape(self.alt)}' "
            f"width='{width}' height='{height}' style='max-width:100%;height:auto'>"
            "<figcaption>"
            f"<p style='margin:0.3em 0'><strong>{html.escape(self.caption)}</strong></p>"
            "<details><summary>Text description of the picture</summary>"
            f"{lines}</details>"
            "</figcaption></figure>"
        )

    def __repr__(self) -> str:
        return f"{self.caption}\n{self.alt}"


@contextlib.contextmanager
def _style() -> Iterator[None]:
    """Matplotlib's own defaults while a chart is built or drawn, whatever the notebook set."""
    with matplotlib.style.context("default"):
        with matplotlib.rc_context({"font.size": _FONT, "hatch.linewidth": 1.0}):
            yield


def _new_figure(width: float, height: float) -> tuple[Figure, Any]:
    """A figure of fixed size in inches and a renderer to measure text with."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = Figure(figsize=(width, height), dpi=_DPI, facecolor=_WHITE)
    canvas = FigureCanvasAgg(figure)
    return figure, canvas.get_renderer()


def _inch_axes(figure: Figure) -> Any:
    """An invisible axes over the whole figure whose data units are inches."""
    width, height = figure.get_size_inches()
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_axis_off()
    return ax


@dataclass
class _Box:
    """A rectangle in inches: left, bottom, width, height."""

    x: float
    y: float
    w: float
    h: float

    def overlap(self, other: _Box) -> float:
        dx = min(self.x + self.w, other.x + other.w) - max(self.x, other.x)
        dy = min(self.y + self.h, other.y + other.h) - max(self.y, other.y)
        return dx * dy if dx > 0 and dy > 0 else 0.0

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.w and self.y <= y <= self.y + self.h

    def grown(self, by: float) -> _Box:
        return _Box(self.x - by, self.y - by, self.w + 2 * by, self.h + 2 * by)


def _text_size(ax: Any, renderer: Any, text: str, **kwargs: Any) -> tuple[float, float]:
    """Width and height in inches of a text drawn with these settings."""
    artist = ax.text(0, 0, text, **kwargs)
    extent = artist.get_window_extent(renderer)
    artist.remove()
    return extent.width / _DPI, extent.height / _DPI


# --------------------------------------------------------------------------------------
# Reading the book


def _table(book: Any, name: str) -> pd.DataFrame:
    table = getattr(book, name, None)
    if table is None:
        return pd.DataFrame()
    return table


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _paragraph(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _rows(table: pd.DataFrame) -> list[dict[str, Any]]:
    return table.to_dict("records") if len(table) else []


def _split_ids(value: Any) -> list[str]:
    return [part.strip() for part in _text(value).split(";") if part.strip()]


@dataclass
class _Thing:
    id: str
    name: str
    kind: str  # the row's own kind
    table: str  # "actors" or "places"
    paragraph: int | None
    basis: str


def _things(book: Any) -> dict[str, _Thing]:
    """Actors and places by id."""
    found: dict[str, _Thing] = {}
    for table in ("actors", "places"):
        for row in _rows(_table(book, table)):
            ident = _text(row.get("id"))
            if ident and ident not in found:
                found[ident] = _Thing(
                    ident,
                    _text(row.get("name")) or ident,
                    _text(row.get("kind")),
                    table,
                    _paragraph(row.get("paragraph")),
                    _text(row.get("basis")),
                )
    return found


def _resolve(asked: Any, choices: dict[str, str], what: str) -> str:
    """Turn an id or a name a student typed into an id, or raise with suggestions.

    `choices` maps id to name.
    """
    if not isinstance(asked, str):
        raise TypeError(f"Give the {what} as text, such as {next(iter(choices), 'an-id')!r}.")
    if asked in choices:
        return asked
    folded = asked.casefold().strip()
    for ident, name in choices.items():
        if folded in (ident.casefold(), name.casefold()):
            return ident
    lookup = {**{name: ident for ident, name in choices.items()}, **{i: i for i in choices}}
    try:
        from newsfacts.suggest import closest

        suggestions = closest(asked, lookup)
    except ImportError:  # pragma: no cover - the rest of the package is missing
        import difflib

        suggestions = difflib.get_close_matches(asked, list(choices), n=3)
    try:
        from newsfacts.errors import UnknownNameError
    except ImportError:  # pragma: no cover
        hint = f" Did you mean {', '.join(map(repr, suggestions))}?" if suggestions else ""
        raise KeyError(f"There is no {what} {asked!r} in this pack.{hint}") from None
    raise UnknownNameError(asked, suggestions, what=what)


def _resolve_many(asked: Any, choices: dict[str, str], what: str) -> list[str]:
    if isinstance(asked, str):
        asked = [asked]
    try:
        asked = list(asked)
    except TypeError:
        example = next(iter(choices), "an-id")
        raise TypeError(
            f"Give the {what} as text, such as {example!r}, or a list of them such as "
            f"[{example!r}]; you passed {asked!r:.40}."
        ) from None
    return [_resolve(item, choices, what) for item in asked]


def _para(paragraph: int | None, short: bool = True) -> str:
    if paragraph is None:
        return ""
    return f"¶{paragraph}" if short else f"paragraph {paragraph}"


def _wrap(text: str, width: int) -> str:
    return textwrap.fill(text, width=width, break_long_words=False, break_on_hyphens=False)


def _and(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --------------------------------------------------------------------------------------
# Figures


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
                label_w, _ = _text_size(ax, renderer, label, fontsize=11, fontweight="bold")
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

    handles = [
        Patch(
            facecolor=_BAR_STYLE[b][0],
            hatch=_BAR_STYLE[b][1],
            edgecolor=_O["black"],
            label=f"{b}: {_BASIS_WORDS[b]}",
        )
        for b in bases
    ]
    page.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(left / width, 0.15 / height),
        frameon=False,
        fontsize=_FONT,
        handlelength=2.8,
        handleheight=1.3,
        borderaxespad=0,
        borderpad=0,
    )
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


# --------------------------------------------------------------------------------------
# Relations


@dataclass
class _Node:
    id: str
    name: str
    kind: str  # the style key: person, state, territory, organisation, group, place, other
    column: int = 0
    x: float = 0.0
    y: float = 0.0
    label_box: _Box | None = None
    mark_box: _Box | None = None


@dataclass
class _Edge:
    id: str
    source: str
    target: str
    relation: str
    paragraph: int | None
    basis: str
    rad: float = 0.0
    label_xy: tuple[float, float] | None = None
    extra: dict = field(default_factory=dict)


def _style_kind(thing: _Thing | None) -> str:
    if thing is None:
        return "other"
    if thing.table == "places":
        return "place"
    return thing.kind if thing.kind in _NODE_STYLE else "other"


def _stress_layout(
    keys: list[str], edges: list[_Edge], lengths: dict[int, float]
) -> dict[str, tuple[float, float]]:
    """Place nodes so that straight-line distances follow distances in the graph, where
    an arrow is as long as `lengths` (by ``id`` of the edge) asks.

    Stress majorization (each node moved in turn, a fixed number of rounds) from a circle
    in breadth-first order: no randomness, so the same table gives the same layout.
    """
    import numpy as np

    n = len(keys)
    if n == 1:
        return {keys[0]: (0.0, 0.0)}
    index = {key: k for k, key in enumerate(keys)}
    neighbours: list[list[int]] = [[] for _ in keys]
    distance = np.full((n, n), np.inf)
    np.fill_diagonal(distance, 0.0)
    for edge in edges:
        i, j = index[edge.source], index[edge.target]
        if i != j:
            neighbours[i].append(j)
            neighbours[j].append(i)
            length = min(distance[i, j], lengths[id(edge)])
            distance[i, j] = distance[j, i] = length
    for k in range(n):  # shortest paths (Floyd-Warshall; a few dozen nodes)
        distance = np.minimum(distance, distance[:, k : k + 1] + distance[k : k + 1, :])
    finite = distance[np.isfinite(distance)]
    distance[~np.isfinite(distance)] = finite.max() + max(lengths.values(), default=1.0)
    # Start on a circle, visiting the nodes breadth-first from the most linked one.
    degree = [len(set(near)) for near in neighbours]
    order: list[int] = []
    for start in sorted(range(n), key=lambda k: (-degree[k], keys[k])):
        if start in order:
            continue
        queue = [start]
        order.append(start)
        for here in queue:
            for there in sorted(set(neighbours[here]), key=lambda k: (-degree[k], keys[k])):
                if there not in order:
                    order.append(there)
                    queue.append(there)
    angle = np.zeros(n)
    angle[order] = np.arange(n) * 2 * np.pi / n
    radius = n * float(np.median(finite[finite > 0])) / (2 * np.pi)
    xy = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    weight = np.zeros_like(distance)
    off = ~np.eye(n, dtype=bool)
    weight[off] = distance[off] ** -2.0
    for _ in range(300):
        for i in range(n):
            diff = xy[i] - xy
            length = np.hypot(diff[:, 0], diff[:, 1])
            length[i] = 1.0
            length = np.maximum(length, 1e-9)
            pull = xy + distance[i][:, None] * diff / length[:, None]
            xy[i] = (weight[i][:, None] * pull).sum(axis=0) / weight[i].sum()
    xy -= xy.mean(axis=0)
    return {key: (float(xy[k, 0]), float(xy[k, 1])) for k, key in enumerate(keys)}


def _place_labels(
    nodes: dict[str, _Node],
    shown: list[_Edge],
    edges: list[_Edge],
    samples: dict[int, list[tuple[float, float]]],
    sizes: dict[int, tuple[float, float]],
    width: float,
) -> None:
    """Put each arrow's label on its arrow where it covers no box, no other label and
    few other arrows: a first pass in table order, then passes that move each label to
    its best spot given all the others."""
    import numpy as np

    def overlaps(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
        """Overlap area of every box (rows: x, y, w, h) with every other, summed."""
        if not len(others):
            return np.zeros(len(boxes))
        dx = np.minimum(
            boxes[:, None, 0] + boxes[:, None, 2], others[None, :, 0] + others[None, :, 2]
        ) - np.maximum(boxes[:, None, 0], others[None, :, 0])
        dy = np.minimum(
            boxes[:, None, 1] + boxes[:, None, 3], others[None, :, 1] + others[None, :, 3]
        ) - np.maximum(boxes[:, None, 1], others[None, :, 1])
        return (np.clip(dx, 0, None) * np.clip(dy, 0, None)).sum(axis=1)

    node_boxes = np.array([[*_astuple(n.label_box.grown(0.04))] for n in nodes.values()])
    candidates: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for edge in shown:
        a, b = nodes[edge.source], nodes[edge.target]
        w, h = sizes[id(edge)]
        points = np.array(
            [p for e in edges if e is not edge for p in samples[id(e)]] or [(-1e3, -1e3)]
        )
        rows, costs = [], []
        for t in (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.12, 0.88):
            x0, y0 = _bezier((a.x, a.y), (b.x, b.y), edge.rad, t)
            x1, y1 = _bezier((a.x, a.y), (b.x, b.y), edge.rad, t + 0.01)
            norm = max(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5, 1e-9)
            nx, ny = (y0 - y1) / norm, (x1 - x0) / norm
            for shift in (0.0, 0.12, -0.12, 0.24, -0.24, 0.36, -0.36):
                x, y = x0 + shift * nx, y0 + shift * ny
                rows.append((x - w / 2, y - h / 2, w, h))
                cost = 0.15 * abs(shift) + 0.05 * abs(t - 0.5)
                if x - w / 2 < 0.05 or x + w / 2 > width - 0.05:
                    cost += 1
                costs.append(cost)
        boxes = np.array(rows)
        inside = (
            (points[None, :, 0] >= boxes[:, None, 0])
            & (points[None, :, 0] <= boxes[:, None, 0] + boxes[:, None, 2])
            & (points[None, :, 1] >= boxes[:, None, 1])
            & (points[None, :, 1] <= boxes[:, None, 1] + boxes[:, None, 3])
        ).sum(axis=1)
        total = np.array(costs) + 20 * overlaps(boxes, node_boxes) + 0.02 * inside
        candidates[id(edge)] = (boxes, total)
    chosen: dict[int, np.ndarray] = {}
    for _ in range(4):
        for edge in shown:
            boxes, cost = candidates[id(edge)]
            placed = [box for key, box in chosen.items() if key != id(edge)]
            if placed:
                grown = np.array(placed) + np.array([-0.03, -0.03, 0.06, 0.06])
                cost = cost + 20 * overlaps(boxes, grown)
            chosen[id(edge)] = boxes[int(np.argmin(cost))]
    for edge in shown:
        x, y, w, h = (float(v) for v in chosen[id(edge)])
        edge.label_xy = (x + w / 2, y + h / 2)


def _astuple(box: _Box) -> tuple[float, float, float, float]:
    return (box.x, box.y, box.w, box.h)


_MAX_STRETCH = 1.8


def _fit(nodes: dict[str, _Node], spots: dict[str, tuple[float, float]], area: _Box) -> None:
    """Turn the layout to the angle where it fills `area` best, then scale it to fill the
    area (but not beyond 1.8 times its own size, so that a few names stay close)."""
    import math

    if len(nodes) == 1:
        (node,) = nodes.values()
        node.x, node.y = area.x + area.w / 2, area.y + area.h / 2
        node.label_box = _Box(
            node.x - node.label_box.w / 2,
            node.y - node.label_box.h / 2,
            node.label_box.w,
            node.label_box.h,
        )
        return
    widest = max(n.label_box.w for n in nodes.values())
    tallest = max(n.label_box.h for n in nodes.values())
    # First try lying the layout's long axis flat; if it fits with room to spare keep that.
    xs0 = [x for x, _ in spots.values()]
    ys0 = [y for _, y in spots.values()]
    mx, my = sum(xs0) / len(xs0), sum(ys0) / len(ys0)
    sxx = sum((x - mx) ** 2 for x in xs0)
    syy = sum((y - my) ** 2 for y in ys0)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs0, ys0, strict=True))
    flat = -0.5 * math.atan2(2 * sxy, sxx - syy)
    best = None
    for angle in [flat] + [math.radians(d) for d in range(0, 180, 5)]:
        cos, sin = math.cos(angle), math.sin(angle)
        turned = {k: (x * cos - y * sin, x * sin + y * cos) for k, (x, y) in spots.items()}
        left = min(turned[k][0] - n.label_box.w / 2 for k, n in nodes.items())
        right = max(turned[k][0] + n.label_box.w / 2 for k, n in nodes.items())
        low = min(turned[k][1] - n.label_box.h / 2 for k, n in nodes.items())
        high = max(turned[k][1] + n.label_box.h / 2 for k, n in nodes.items())
        scale = min(area.w / max(right - left, 1e-9), area.h / max(high - low, 1e-9))
        if best is None or scale > best[0] + 1e-9:
            best = (scale, turned)
        if angle == flat and scale >= _MAX_STRETCH:
            break
    turned = best[1]
    xs = [x for x, _ in turned.values()]
    ys = [y for _, y in turned.values()]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    scale_x = min((area.w - widest) / span_x, _MAX_STRETCH) if span_x > 1e-9 else 1.0
    scale_y = min((area.h - tallest) / span_y, _MAX_STRETCH) if span_y > 1e-9 else 1.0
    middle_x, middle_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    for key, node in nodes.items():
        x, y = turned[key]
        half_w, half_h = node.label_box.w / 2, node.label_box.h / 2
        node.x = area.x + area.w / 2 + (x - middle_x) * scale_x
        node.y = area.y + area.h / 2 + (y - middle_y) * scale_y
        node.x = min(max(node.x, area.x + half_w), area.x + area.w - half_w)
        node.y = min(max(node.y, area.y + half_h), area.y + area.h - half_h)
        node.label_box = _Box(node.x - half_w, node.y - half_h, 2 * half_w, 2 * half_h)


def _park(alone: list[_Node], placed: list[_Node], area: _Box) -> None:
    """Put boxes without arrows in the free spots farthest from the other boxes."""
    taken = [n.label_box.grown(0.3) for n in placed]
    for node in alone:
        w, h = node.label_box.w, node.label_box.h
        best = None
        steps_x, steps_y = 24, 16
        for i in range(steps_x + 1):
            for j in range(steps_y + 1):
                x = area.x + w / 2 + (area.w - w) * i / steps_x
                y = area.y + area.h - h / 2 - (area.h - h) * j / steps_y
                box = _Box(x - w / 2, y - h / 2, w, h)
                clash = sum(box.overlap(t) for t in taken)
                far = min(
                    (abs(x - (t.x + t.w / 2)) + abs(y - (t.y + t.h / 2)) for t in taken),
                    default=0.0,
                )
                score = (clash, -min(far, 3.0), j, i)
                if best is None or score < best[0]:
                    best = (score, x, y, box)
        node.x, node.y, node.label_box = best[1], best[2], best[3]
        taken.append(node.label_box.grown(0.3))


def _spread(
    nodes: dict[str, _Node],
    area: _Box,
    gap_x: float,
    gap_y: float,
    room: Sequence[tuple[str, str, float, float]] = (),
    share: float = 1.0,
) -> None:
    """Push apart boxes that come too close, keeping them inside `area` (deterministic).

    `room` lists arrows (source, target, label width, label height) whose two boxes must
    leave room for the label between them: room along the arrow, and `share` of the room
    the label needs to sit between the boxes without touching either.
    """
    keys = sorted(nodes)

    def reach(half_w: float, half_h: float, ux: float, uy: float) -> float:
        """How far a box reaches from its centre in direction (ux, uy)."""
        return min(half_w / max(abs(ux), 1e-9), half_h / max(abs(uy), 1e-9))

    for _ in range(300):
        moved = False
        for a, b, label_w, label_h in room:
            p, q = nodes[a], nodes[b]
            dx, dy = q.x - p.x, q.y - p.y
            distance = max((dx * dx + dy * dy) ** 0.5, 1e-9)
            ux, uy = dx / distance, dy / distance
            # Room for the label along the arrow, and most of the room it needs to sit
            # centred between the boxes without touching either.
            along = (
                reach(p.label_box.w / 2, p.label_box.h / 2, ux, uy)
                + reach(q.label_box.w / 2, q.label_box.h / 2, ux, uy)
                + 2 * reach(label_w / 2, label_h / 2, ux, uy)
                + 0.25
            )
            clear = 2 * max(
                reach((box.w + label_w) / 2 + 0.1, (box.h + label_h) / 2 + 0.06, ux, uy)
                for box in (p.label_box, q.label_box)
            )
            need = max(along, share * clear)
            if distance < need - 1e-3:
                moved = True
                step = (need - distance) / 2
                p.x, p.y = p.x - ux * step, p.y - uy * step
                q.x, q.y = q.x + ux * step, q.y + uy * step
        for k, a in enumerate(keys):
            for b in keys[k + 1 :]:
                p, q = nodes[a], nodes[b]
                need_x = (p.label_box.w + q.label_box.w) / 2 + gap_x
                need_y = (p.label_box.h + q.label_box.h) / 2 + gap_y
                dx, dy = q.x - p.x, q.y - p.y
                over_x, over_y = need_x - abs(dx), need_y - abs(dy)
                if over_x <= 0 or over_y <= 0:
                    continue
                moved = True
                if over_y / need_y <= over_x / need_x:
                    step = over_y / 2 + 0.005
                    sign = 1.0 if dy > 0 or (dy == 0 and a < b) else -1.0
                    p.y -= sign * step
                    q.y += sign * step
                else:
                    step = over_x / 2 + 0.005
                    sign = 1.0 if dx > 0 or (dx == 0 and a < b) else -1.0
                    p.x -= sign * step
                    q.x += sign * step
        for node in nodes.values():
            half_w, half_h = node.label_box.w / 2, node.label_box.h / 2
            node.x = min(max(node.x, area.x + half_w), area.x + area.w - half_w)
            node.y = min(max(node.y, area.y + half_h), area.y + area.h - half_h)
            node.label_box = _Box(node.x - half_w, node.y - half_h, 2 * half_w, 2 * half_h)
        if not moved:
            break


def _arrow_path(a: _Node, b: _Node, rad: float) -> Any:
    """The part of the arc from box `a` to box `b` that lies outside both boxes."""
    from matplotlib.path import Path

    start, end = a.label_box.grown(0.03), b.label_box.grown(0.05)

    def leave(box: _Box, inside: float, outside: float) -> float:
        for _ in range(30):  # bisection: where the arc crosses the box's edge
            middle = (inside + outside) / 2
            if box.contains(*_bezier((a.x, a.y), (b.x, b.y), rad, middle)):
                inside = middle
            else:
                outside = middle
        return outside

    t0 = leave(start, 0.0, 0.5) if start.contains(a.x, a.y) else 0.0
    t1 = leave(end, 1.0, 0.5) if end.contains(b.x, b.y) else 1.0
    if t1 <= t0:
        t0, t1 = 0.0, 1.0
    (x1, y1), (x2, y2) = (a.x, a.y), (b.x, b.y)
    control = ((x1 + x2) / 2 + rad * (y2 - y1), (y1 + y2) / 2 - rad * (x2 - x1))

    def blossom(u: float, v: float) -> tuple[float, float]:
        weights = ((1 - u) * (1 - v), (1 - u) * v + u * (1 - v), u * v)
        points = ((x1, y1), control, (x2, y2))
        return (
            sum(w * p[0] for w, p in zip(weights, points, strict=True)),
            sum(w * p[1] for w, p in zip(weights, points, strict=True)),
        )

    vertices = [blossom(t0, t0), blossom(t0, t1), blossom(t1, t1)]
    return Path(vertices, [Path.MOVETO, Path.CURVE3, Path.CURVE3])


def _bezier(a: tuple[float, float], b: tuple[float, float], rad: float, t: float):
    (x1, y1), (x2, y2) = a, b
    cx, cy = (x1 + x2) / 2 + rad * (y2 - y1), (y1 + y2) / 2 - rad * (x2 - x1)
    u = 1 - t
    return (u * u * x1 + 2 * u * t * cx + t * t * x2, u * u * y1 + 2 * u * t * cy + t * t * y2)


def relations_diagram(
    book: Any,
    ids: Iterable[str] | str | None = None,
    focus: str | None = None,
) -> Chart:
    """Diagram of who is connected to whom: the relations table as arrows between names.

    What a student sees: people on the left, countries in the middle, places and
    territories on the right, groups and organisations wherever they sit best. Each
    arrow goes from the first name of a relation to the second and is labelled with
    the relation and its paragraph ("son-in-law of ¶5"). Colour and shape of a dot say
    what kind of actor it is; a solid black arrow is something the article says, a
    dashed one something it says someone said, a dotted one something worked out
    from the article. The layout is the same every time.

    Parameters
    ----------
    book : Book
        A loaded pack, e.g. ``newsfacts.load()``.
    ids : str or list of str, optional
        Only these actors and places (ids or names) and the relations among them.
    focus : str, optional
        An actor or place (id or name) whose relations are highlighted: every other
        arrow is drawn faint and without a label. The layout does not change, so the
        same name stays in the same spot whatever the focus.

    Returns
    -------
    Chart
        The picture, its caption and a text description with one sentence per relation.

    Raises
    ------
    UnknownNameError
        When an id or name is not in the pack; the message suggests the closest ones.
    """
    things = _things(book)
    names = {key: thing.name for key, thing in things.items()}
    edges: list[_Edge] = []
    for row in _rows(_table(book, "relations")):
        source, target = _text(row.get("source")), _text(row.get("target"))
        if not source or not target:
            continue
        edges.append(
            _Edge(
                _text(row.get("id")),
                source,
                target,
                _text(row.get("relation")),
                _paragraph(row.get("paragraph")),
                _text(row.get("basis")) or "reported",
            )
        )
    for edge in edges:
        for end in (edge.source, edge.target):
            names.setdefault(end, end)
    wanted = None if ids is None else set(_resolve_many(ids, names, "actor or place"))
    focus_id = None if focus is None else _resolve(focus, names, "actor or place")

    # Lay out every node of the whole table (or of the chosen ids), whatever the focus.
    if wanted is not None:
        edges = [e for e in edges if e.source in wanted and e.target in wanted]
    members = list(dict.fromkeys([end for e in edges for end in (e.source, e.target)]))
    if wanted is not None:
        members += sorted(wanted - set(members))
    if focus_id is not None and focus_id not in members:
        members.append(focus_id)
    nodes = {key: _Node(key, names.get(key, key), _style_kind(things.get(key))) for key in members}
    with _style():
        return _draw_relations(nodes, edges, focus_id)


_LAYOUTS: dict[tuple, tuple] = {}  # recent layouts, so that a new focus redraws quickly


def _layout_relations(
    nodes: dict[str, _Node],
    edges: list[_Edge],
    texts: dict[int, str],
    ax: Any,
    renderer: Any,
    width: float,
    height: float,
) -> dict[int, list[tuple[float, float]]]:
    """Place the boxes and bend the arrows; return points along each arrow (by ``id``).

    The same nodes and relations always give the same layout; the last few layouts are
    kept, so that changing the focus does not lay the diagram out again.
    """
    key = (
        width,
        height,
        tuple((n.id, n.name, n.kind) for n in sorted(nodes.values(), key=lambda n: n.id)),
        tuple((e.source, e.target, texts[id(e)]) for e in edges),
    )
    if key in _LAYOUTS:
        spots, rads, points = _LAYOUTS[key]
        for node in nodes.values():
            node.x, node.y, node.label_box = spots[node.id]
            node.mark_box = node.label_box
        for edge, rad in zip(edges, rads, strict=True):
            edge.rad = rad
        return {id(edge): list(p) for edge, p in zip(edges, points, strict=True)}

    area = _Box(0.3, 1.0, width - 0.6, height - 1.0 - 1.0)
    lengths, room = {}, []
    for edge in edges:
        label_w, label_h = _text_size(ax, renderer, texts[id(edge)], fontsize=_SMALL)
        a, b = nodes[edge.source].label_box, nodes[edge.target].label_box
        lengths[id(edge)] = max(1.1, 0.6 * label_w + (a.w + b.w) / 8 + 0.35)
        if edge.source != edge.target:
            room.append((edge.source, edge.target, label_w + 0.08, label_h + 0.06))
    ends = {end for e in edges for end in (e.source, e.target)}
    linked_nodes = {key: node for key, node in nodes.items() if key in ends}
    if linked_nodes:
        spots = _stress_layout(sorted(linked_nodes), edges, lengths)
        _fit(linked_nodes, spots, area)
        # A crowded diagram cannot give every label all the room it wants.
        share = 1.0 if len(linked_nodes) <= 15 else 0.75
        _spread(linked_nodes, area, 0.35, 0.45, room, share)
    _park([n for k, n in nodes.items() if k not in ends], list(linked_nodes.values()), area)
    for node in nodes.values():
        node.mark_box = node.label_box

    # Bend arrows around boxes they would otherwise cross.
    pairs: dict[frozenset, list[_Edge]] = {}
    for edge in edges:
        pairs.setdefault(frozenset((edge.source, edge.target)), []).append(edge)
    samples: dict[int, list[tuple[float, float]]] = {}
    others = {
        key: [n.label_box.grown(0.05) for n in nodes.values() if n.id not in key] for key in pairs
    }
    for edge in edges:
        a, b = nodes[edge.source], nodes[edge.target]
        siblings = pairs[frozenset((a.id, b.id))]
        obstacles = others[frozenset((a.id, b.id))]
        best = None
        for rad in (0.0, 0.12, -0.12, 0.22, -0.22, 0.32, -0.32, 0.45, -0.45):
            if len(siblings) > 1:  # arrows between the same two boxes: bend them apart
                rad = rad + 0.25 * (siblings.index(edge) - (len(siblings) - 1) / 2)
                if edge.source > edge.target:
                    rad = -rad
            points = [_bezier((a.x, a.y), (b.x, b.y), rad, k / 40) for k in range(1, 40)]
            hits = sum(1 for x, y in points for box in obstacles if box.contains(x, y))
            score = hits + 2 * abs(rad)
            if best is None or score < best[0] - 1e-12:
                best = (score, rad, points)
            if hits == 0:
                break
        edge.rad = best[1]
        samples[id(edge)] = [
            (x, y)
            for x, y in best[2]
            if not (a.label_box.contains(x, y) or b.label_box.contains(x, y))
        ]

    if len(_LAYOUTS) >= 8:
        del _LAYOUTS[next(iter(_LAYOUTS))]
    _LAYOUTS[key] = (
        {n.id: (n.x, n.y, n.label_box) for n in nodes.values()},
        [e.rad for e in edges],
        [tuple(samples[id(e)]) for e in edges],
    )
    return samples


def _draw_relations(nodes: dict[str, _Node], edges: list[_Edge], focus: str | None) -> Chart:
    width, height = 12.0, 9.0
    figure, renderer = _new_figure(width, height)
    ax = _inch_axes(figure)
    title = "Who is connected to whom in the article"
    if focus is not None:
        title = f"The relations of {nodes[focus].name}"
    ax.text(0.3, height - 0.3, title, fontsize=14, fontweight="bold", va="top")
    subtitle = "Each arrow points from the first name to the second. ¶ = paragraph of the article."
    if focus is not None and not any(focus in (e.source, e.target) for e in edges):
        subtitle += f" {nodes[focus].name} has no relation in the table."
    ax.text(0.3, height - 0.62, subtitle, fontsize=_FONT, va="top")
    alt = []
    if not nodes:
        ax.text(0.3, height / 2, "No relations to draw.", fontsize=_FONT)
        return Chart(figure, f"{title}.\nThere are no relations to draw.", "No relations.")

    # Each node is a box holding a shape (its kind) and its name.
    for node in nodes.values():
        w, h = _text_size(ax, renderer, node.name, fontsize=_FONT)
        node.label_box = _Box(0, 0, w + 0.42, h + 0.16)
    texts = {id(e): _wrap(f"{e.relation} {_para(e.paragraph)}", 18) for e in edges}
    samples = _layout_relations(nodes, edges, texts, ax, renderer, width, height)

    # Place each arrow's label on the arrow, covering no box, no label and few other arrows.
    shown = [e for e in edges if focus is None or focus in (e.source, e.target)]
    sizes = {}
    for edge in shown:
        w, h = _text_size(ax, renderer, texts[id(edge)], fontsize=_SMALL)
        sizes[id(edge)] = (w + 0.08, h + 0.06)
        edge.extra["text"] = texts[id(edge)]
    _place_labels(nodes, shown, edges, samples, sizes, width)

    # Draw the boxes, then the arrows between them, then the arrows' labels on top.
    linked = {focus}
    for edge in edges:
        if focus in (edge.source, edge.target):
            linked |= {edge.source, edge.target}
    patches = {}
    for node in nodes.values():
        colour, marker, _ = _NODE_STYLE[node.kind]
        faint = focus is not None and node.id not in linked
        box = node.label_box
        patches[node.id] = FancyBboxPatch(
            (box.x, box.y),
            box.w,
            box.h,
            boxstyle="round,pad=0,rounding_size=0.06",
            facecolor=_WHITE,
            edgecolor=colour,
            linewidth=3.0 if node.id == focus else 1.6,
            alpha=0.35 if faint else 1.0,
            zorder=3,
        )
        ax.add_patch(patches[node.id])
        ax.plot(
            [box.x + 0.16],
            [node.y],
            marker=marker,
            markersize=9,
            color=colour,
            markeredgecolor=_O["black"],
            markeredgewidth=0.7,
            alpha=0.35 if faint else 1.0,
            linestyle="none",
            zorder=4,
        )
        ax.text(
            box.x + 0.32,
            node.y,
            node.name,
            fontsize=_FONT,
            fontweight="bold" if node.id == focus else "normal",
            ha="left",
            va="center_baseline",
            alpha=0.4 if faint else 1.0,
            zorder=4,
        )
    for edge in edges:
        colour, dash, _ = _LINE_STYLE.get(edge.basis, _LINE_STYLE["reported"])
        faint = focus is not None and focus not in (edge.source, edge.target)
        ax.add_patch(
            FancyArrowPatch(
                path=_arrow_path(nodes[edge.source], nodes[edge.target], edge.rad),
                arrowstyle="-|>",
                mutation_scale=13,
                color=_O["black"] if faint else colour,
                alpha=0.15 if faint else 1.0,
                linestyle=dash,
                linewidth=0.8 if faint else (2.0 if focus else 1.3),
                zorder=2,
            )
        )
    for edge in shown:
        x, y = edge.label_xy
        ax.text(
            x,
            y,
            edge.extra["text"],
            fontsize=_SMALL,
            ha="center",
            va="center",
            multialignment="center",
            zorder=5,
            bbox={"boxstyle": "square,pad=0.05", "facecolor": _WHITE, "edgecolor": "none"},
        )

    kinds = [k for k in _NODE_STYLE if any(n.kind == k for n in nodes.values())]
    bases = [b for b in _LINE_STYLE if any(e.basis == b for e in edges)]
    kind_words = {"place": "place (city, region, area)", "other": "other"}
    node_handles = [
        Line2D(
            [],
            [],
            marker=_NODE_STYLE[k][1],
            color=_NODE_STYLE[k][0],
            markeredgecolor=_O["black"],
            markeredgewidth=0.8,
            markersize=10,
            linestyle="none",
            label=kind_words.get(k, k),
        )
        for k in kinds
    ]
    line_handles = [
        Line2D(
            [],
            [],
            color=_LINE_STYLE[b][0],
            linestyle=_LINE_STYLE[b][1],
            linewidth=1.6,
            label=f"{b}: {_BASIS_WORDS[b]}",
        )
        for b in bases
    ]
    for handles, y in ((node_handles, 0.42), (line_handles, 0.12)):
        if handles:
            ax.add_artist(
                Legend(
                    ax,
                    handles,
                    [h.get_label() for h in handles],
                    loc="lower left",
                    bbox_to_anchor=(0.3 / width, y / height),
                    ncol=len(handles),
                    frameon=False,
                    fontsize=_FONT,
                    handlelength=2.6 if handles is line_handles else 1.0,
                    columnspacing=1.4,
                    handletextpad=0.4,
                    borderaxespad=0,
                    borderpad=0,
                )
            )

    alt.append(
        f"{title}: a diagram of {len(edges)} relation{'s' if len(edges) != 1 else ''} "
        f"among {len(nodes)} actor{'s' if len(nodes) != 1 else ''} and places. {subtitle}"
    )
    if focus is not None:
        alt.append(
            f"The relations of {nodes[focus].name} are highlighted and labelled; the others "
            "are drawn faint, without labels, and are listed after them."
        )
    alt.append(
        "Each name is in a box with a shape and an outline colour for its kind: "
        + "; ".join(
            f"{kind_words.get(k, k)}: {_colour_name(_NODE_STYLE[k][0])} {_NODE_STYLE[k][2]}"
            for k in kinds
        )
        + "."
    )
    if bases:
        alt.append(
            "Arrows: "
            + "; ".join(
                f"{_LINE_STYLE[b][2]} in {_colour_name(_LINE_STYLE[b][0])}: {b}, {_BASIS_WORDS[b]}"
                for b in bases
            )
            + "."
        )
    ordered = sorted(edges, key=lambda e: focus is not None and focus not in (e.source, e.target))
    for edge in ordered:
        sentence = (
            f"{nodes[edge.source].name} — {edge.relation} — {nodes[edge.target].name} "
            f"({_para(edge.paragraph, False)}"
        )
        if edge.basis != "reported":
            sentence += f"; {edge.basis}: {_BASIS_WORDS.get(edge.basis, edge.basis)}"
        sentence += ")"
        if focus is not None and focus not in (edge.source, edge.target):
            sentence += ", faint"
        alt.append(sentence + ".")
    alone = [n.name for n in nodes.values() if not any(n.id in (e.source, e.target) for e in edges)]
    if alone:
        alt.append(f"Without any relation drawn: {_and(alone)}.")
    caption = (
        "Relations between the actors and places of the article."
        if focus is None
        else f"The relations of {nodes[focus].name}, highlighted among all the others."
    )
    return Chart(figure, "\n".join(alt), caption)


def _colour_name(hex_code: str) -> str:
    for name, code in OKABE_ITO.items():
        if code.lower() == hex_code.lower():
            return name
    return hex_code


# --------------------------------------------------------------------------------------
# Places


@dataclass
class _Place:
    id: str
    name: str
    kind: str
    paragraph: int | None
    link_basis: str = ""  # how we know it lies in its parent
    link_paragraph: int | None = None
    parent: str | None = None
    children: list[str] = field(default_factory=list)
    w: float = 0.0
    h: float = 0.0
    label: str = ""
    label_wh: tuple[float, float] = (0.0, 0.0)
    x: float = 0.0
    y: float = 0.0  # top edge


def _containment(book: Any) -> dict[str, _Place]:
    things = _things(book)
    places: dict[str, _Place] = {}

    def add(ident: str) -> _Place:
        if ident not in places:
            thing = things.get(ident)
            places[ident] = _Place(
                ident,
                thing.name if thing else ident,
                thing.kind if thing else "",
                thing.paragraph if thing else None,
            )
        return places[ident]

    links: list[tuple[str, str, str, int | None]] = []
    for row in _rows(_table(book, "places")):
        ident = _text(row.get("id"))
        if not ident:
            continue
        add(ident)
        parent = _text(row.get("part_of"))
        if parent:
            links.append((ident, parent, _text(row.get("basis")), _paragraph(row.get("paragraph"))))
    for row in _rows(_table(book, "relations")):
        if _text(row.get("relation")).casefold() in ("part of", "is part of", "lies in", "in"):
            links.append(
                (
                    _text(row.get("source")),
                    _text(row.get("target")),
                    _text(row.get("basis")),
                    _paragraph(row.get("paragraph")),
                )
            )
    for child, parent, basis, paragraph in links:
        if not child or not parent or child == parent:
            continue
        node, up = add(child), add(parent)
        if node.parent is not None:
            continue
        ancestor: str | None = parent  # refuse a link that would make a loop
        while ancestor is not None and ancestor != child:
            ancestor = places[ancestor].parent
        if ancestor == child:
            continue
        node.parent, node.link_basis, node.link_paragraph = parent, basis or "reported", paragraph
        up.children.append(child)
    return places


def places_diagram(book: Any) -> Chart:
    """A locator diagram: which place lies inside which, as boxes inside boxes.

    What a student sees: no map (the article gives no coordinates), but boxes nested
    like the places are: the Donetsk region inside Donbas inside Ukraine, the oil depot
    inside the Lipetsk region inside Russia. Each box gives the place's name, its kind
    (region, city, state ...) and the paragraph it comes from ("¶9"). A dotted outline
    means the article does not say it in so many words: the pack's authors worked it
    out, and the box says so (the same line style as in `relations_diagram`). Places the
    article does not put inside anything stand in a row at the bottom. Box sizes say
    nothing about real sizes.

    Parameters
    ----------
    book : Book
        A loaded pack, e.g. ``newsfacts.load()``.

    Returns
    -------
    Chart
        The picture, its caption and a text description of the nesting.
    """
    places = _containment(book)
    with _style():
        return _draw_places(places)


def _place_label(place: _Place, places: dict[str, _Place]) -> str:
    head = f"{place.name}\n{place.kind or 'place'} · {_para(place.paragraph)}".rstrip(" ·")
    if place.parent and place.link_basis in ("inferred", "context"):
        how = "worked out" if place.link_basis == "inferred" else "from outside the article"
        where = f"in {places[place.parent].name}: {how}"
        if place.link_paragraph is not None:
            where += f" ({_para(place.link_paragraph)})"
        head += "\n" + _wrap(where, 30)
    return head


_PAD, _GAP, _HEAD = 0.12, 0.14, 0.08


def _measure(key: str, places: dict[str, _Place], ax: Any, renderer: Any, max_w: float) -> None:
    place = places[key]
    place.label = _place_label(place, places)
    lines = place.label.split("\n")
    w1, h1 = _text_size(ax, renderer, lines[0], fontsize=_FONT, fontweight="bold")
    w2, h2 = (0.0, 0.0)
    if len(lines) > 1:
        w2, h2 = _text_size(ax, renderer, "\n".join(lines[1:]), fontsize=_SMALL)
    place.label_wh = (max(w1, w2), h1 + h2 + 0.03)
    if not place.children:
        place.w = place.label_wh[0] + 2 * _PAD
        place.h = place.label_wh[1] + 2 * _PAD
        return
    for child in place.children:
        _measure(child, places, ax, renderer, max_w - 2 * _PAD)
    inner_w, inner_h, _ = _flow([places[c] for c in place.children], max_w - 2 * _PAD)
    place.w = max(place.label_wh[0], inner_w) + 2 * _PAD
    place.h = _PAD + place.label_wh[1] + _HEAD + inner_h + _PAD


def _flow(items: list[_Place], max_w: float) -> tuple[float, float, list[tuple[float, float]]]:
    """Lay boxes out left to right in rows no wider than max_w; offsets from the top left."""
    offsets, x, y, row_h, used_w = [], 0.0, 0.0, 0.0, 0.0
    for item in items:
        if x > 0 and x + item.w > max_w:
            x, y, row_h = 0.0, y + row_h + _GAP, 0.0
        offsets.append((x, y))
        x += item.w + _GAP
        row_h = max(row_h, item.h)
        used_w = max(used_w, x - _GAP)
    return used_w, y + row_h, offsets


def _place_at(key: str, places: dict[str, _Place], x: float, top: float, max_w: float) -> None:
    place = places[key]
    place.x, place.y = x, top
    if place.children:
        children = [places[c] for c in place.children]
        _, _, offsets = _flow(children, max_w - 2 * _PAD)
        inner_top = top - _PAD - place.label_wh[1] - _HEAD
        for child, (dx, dy) in zip(children, offsets, strict=True):
            _place_at(child.id, places, x + _PAD + dx, inner_top - dy, max_w - 2 * _PAD)


def _draw_places(places: dict[str, _Place]) -> Chart:
    width = 11.0
    roots = [p for p in places.values() if p.parent is None]
    nested = sorted(
        (p for p in roots if p.children), key=lambda p: (p.paragraph is None, p.paragraph, p.id)
    )
    alone = sorted(
        (p for p in roots if not p.children),
        key=lambda p: (p.paragraph is None, p.paragraph, p.id),
    )
    probe, renderer = _new_figure(width, 8.0)
    probe_ax = _inch_axes(probe)
    usable = width - 0.6
    for place in nested + alone:
        _measure(place.id, places, probe_ax, renderer, usable)
    nested_w, nested_h, nested_at = _flow(nested, usable)
    alone_w, alone_h, alone_at = _flow(alone, usable)
    title_h, legend_h = 1.05, 1.2
    section_h = 0.42 if alone else 0.0
    height = title_h + nested_h + (0.35 if nested and alone else 0) + section_h + alone_h
    height += legend_h
    figure, renderer = _new_figure(width, max(height, 3.0))
    height = figure.get_size_inches()[1]
    ax = _inch_axes(figure)
    title = "Which place lies in which"
    subtitle = (
        "Not a map: the article gives no coordinates. A box inside another means the place "
        "lies in it; box sizes mean nothing."
    )
    ax.text(0.3, height - 0.3, title, fontsize=14, fontweight="bold", va="top")
    ax.text(0.3, height - 0.62, subtitle, fontsize=_FONT, va="top")

    top = height - title_h
    for place, (dx, dy) in zip(nested, nested_at, strict=True):
        _place_at(place.id, places, 0.3 + dx, top - dy, usable)
    top -= nested_h + (0.35 if nested and alone else 0)
    if alone:
        ax.text(
            0.3,
            top - 0.05,
            "Places the article does not put inside another:",
            fontsize=_FONT,
            fontstyle="italic",
            va="top",
        )
        top -= section_h
        for place, (dx, dy) in zip(alone, alone_at, strict=True):
            _place_at(place.id, places, 0.3 + dx, top - dy, usable)

    bases_seen: set[str] = set()
    kinds_seen: list[str] = []
    for place in places.values():
        colour = _PLACE_COLOUR.get(place.kind, _O["black"])
        basis = place.link_basis if place.parent else "reported"
        bases_seen.add(basis)
        if place.kind not in kinds_seen:
            kinds_seen.append(place.kind)
        _, dash, _ = _LINE_STYLE.get(basis, _LINE_STYLE["reported"])
        ax.add_patch(
            FancyBboxPatch(
                (place.x, place.y - place.h),
                place.w,
                place.h,
                boxstyle="round,pad=0,rounding_size=0.08",
                facecolor=colour,
                alpha=0.08,
                edgecolor="none",
                zorder=1,
            )
        )
        ax.add_patch(
            FancyBboxPatch(
                (place.x, place.y - place.h),
                place.w,
                place.h,
                boxstyle="round,pad=0,rounding_size=0.08",
                facecolor="none",
                edgecolor=colour,
                linewidth=2.0,
                linestyle=dash,
                zorder=2,
            )
        )
        lines = place.label.split("\n")
        first = ax.text(
            place.x + _PAD,
            place.y - _PAD,
            lines[0],
            fontsize=_FONT,
            fontweight="bold",
            va="top",
            zorder=3,
        )
        if len(lines) > 1:
            first_h = first.get_window_extent(renderer).height / _DPI
            ax.text(
                place.x + _PAD,
                place.y - _PAD - first_h - 0.03,
                "\n".join(lines[1:]),
                fontsize=_SMALL,
                va="top",
                zorder=3,
            )

    handles = [
        Line2D(
            [],
            [],
            color=_O["black"],
            linestyle=_LINE_STYLE[b][1],
            linewidth=2,
            label=_PLACE_LINK_WORDS[b],
        )
        for b in _LINE_STYLE
        if b in bases_seen and b in _PLACE_LINK_WORDS
    ]
    kind_handles = [
        Patch(facecolor="none", edgecolor=_PLACE_COLOUR.get(k, _O["black"]), linewidth=2, label=k)
        for k in kinds_seen
    ]
    legend = ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.3 / width, 0.08 / height),
        frameon=False,
        fontsize=_FONT,
        title="Outline",
        title_fontsize=_FONT,
        alignment="left",
        handlelength=3,
    )
    ax.add_artist(legend)
    ax.legend(
        handles=kind_handles,
        loc="lower right",
        bbox_to_anchor=(1 - 0.3 / width, 0.08 / height),
        frameon=False,
        fontsize=_FONT,
        ncol=3,
        title="Colour of the outline (the kind is also written in each box)",
        title_fontsize=_FONT,
        alignment="left",
    )

    alt = [f"{title}. {subtitle}"]

    def describe(key: str) -> str:
        place = places[key]
        text = f"{place.name} ({place.kind or 'place'}, {_para(place.paragraph, False)})"
        return text

    def walk(key: str) -> None:
        place = places[key]
        if not place.children:
            return
        inside = []
        for child_key in place.children:
            child = places[child_key]
            words = describe(child_key)
            if child.link_basis in ("inferred", "context"):
                how = (
                    "worked out from the article, not said in so many words"
                    if child.link_basis == "inferred"
                    else "from outside the article"
                )
                where = _para(child.link_paragraph, False)
                outline = _LINE_STYLE.get(child.link_basis, _LINE_STYLE["inferred"])[2]
                outline = outline.replace(" line", " outline")
                words += f", drawn with a {outline}: {how}" + (f" ({where})" if where else "")
            inside.append(words)
        alt.append(f"Inside {describe(key)}: {_and(inside)}.")
        for child_key in place.children:
            walk(child_key)

    for place in nested:
        walk(place.id)
    if alone:
        alt.append(
            "Places the article does not put inside another: "
            + _and([describe(p.id) for p in alone])
            + "."
        )
    if not places:
        alt.append("The pack has no places.")
    alt.append(
        "Outline: "
        + "; ".join(_PLACE_LINK_WORDS[b] for b in _LINE_STYLE if b in bases_seen)
        + ". Colour of the outline by kind: "
        + "; ".join(
            f"{k or 'place'} {_colour_name(_PLACE_COLOUR.get(k, _O['black']))}" for k in kinds_seen
        )
        + "."
    )
    caption = "Which place lies inside which, as the article (and its pack) says."
    return Chart(figure, "\n".join(alt), caption)


_PLACE_LINK_WORDS = {
    "reported": "solid: the article says it lies there",
    "attributed": "dashed: someone in the article says it lies there",
    "inferred": "dotted: worked out from the article, not said in so many words",
    "context": "dash-dot: from outside the article",
}


# --------------------------------------------------------------------------------------
# Time


_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def _parse_when(when: str) -> tuple[int, int | None, int | None] | None:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", when.strip())
    if not match:
        return None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def _say_date(when: str) -> str:
    """'2022-02' -> 'February 2022'; '2025-12-28' -> '28 December 2025'."""
    parsed = _parse_when(when)
    if parsed is None:
        return when
    year, month, day = parsed
    if month is None:
        return str(year)
    if day is None:
        return f"{_MONTHS[month - 1]} {year}"
    return f"{day} {_MONTHS[month - 1]} {year}"


def _gap(earlier: str, later: str) -> str:
    """How long after `earlier` `later` comes, at the precision both dates share."""
    a, b = _parse_when(earlier), _parse_when(later)
    if a is None or b is None:
        return ""
    if a[2] is not None and b[2] is not None and a[1] and b[1]:
        days = (_dt.date(*b) - _dt.date(*a)).days
        if days < 62:
            return "the same day" if days == 0 else f"{days} day{'s' if days != 1 else ''} later"
    if a[1] is not None and b[1] is not None:
        months = (b[0] - a[0]) * 12 + (b[1] - a[1])
        if months == 0:
            return "the same month"
        years, months = divmod(months, 12)
        parts = []
        if years:
            parts.append(f"{years} year{'s' if years != 1 else ''}")
        if months:
            parts.append(f"{months} month{'s' if months != 1 else ''}")
        return "about " + " ".join(parts) + " later"
    years = b[0] - a[0]
    return "the same year" if years == 0 else f"about {years} year{'s' if years != 1 else ''} later"


def _source(note: str) -> str:
    """The source a context row's note names, kept short."""
    note = _text(note)
    for pattern in (
        r"\bsource:\s*(.+?)(?:, which\b|\.(?:\s|$)|$)",
        r"\bfrom (.+?)(?:, which\b|\.(?:\s|$)|$)",
        r"\baccording to (.+?)(?:, which\b|\.(?:\s|$)|$)",
    ):
        match = re.search(pattern, note, flags=re.IGNORECASE)
        if match:
            return match.group(1).strip()
    return note if len(note) <= 60 else note[:57].rstrip() + "..."


def _date_source(row: dict[str, Any]) -> str:
    if not _text(row.get("when")):
        return ""
    basis = _text(row.get("when_basis"))
    if basis == "inferred":
        return "worked out from the article"
    if basis == "context":
        source = _source(_text(row.get("note")))
        return f"outside the article: {source}" if source else "outside the article"
    if basis == "attributed":
        return "someone quoted in the article"
    return "the article"


def timeline_table(book: Any) -> pd.DataFrame:
    """Every event of the article in time order, with where each date comes from.

    What a student sees: a table, one event a row. Events with a date come first, from
    the earliest; the events the article gives no date for follow in the order the article
    tells them. ``when_text`` keeps the article's own words ("last month"); ``date_source``
    says whether the date is in the article, worked out from it, or from outside it (and
    then from where).

    Parameters
    ----------
    book : Book
        A loaded pack, e.g. ``newsfacts.load()``.

    Returns
    -------
    pandas.DataFrame
        Indexed by event id, columns ``when``, ``when_text``, ``date_source``,
        ``modality``, ``description``, ``paragraph``.
    """
    columns = ["when", "when_text", "date_source", "modality", "description", "paragraph"]
    records = []
    for order, row in enumerate(_rows(_table(book, "events"))):
        when = _text(row.get("when"))
        paragraph = _paragraph(row.get("paragraph"))
        records.append(
            (
                (0, when, paragraph or 0, order) if when else (1, "", paragraph or 0, order),
                _text(row.get("id")),
                {
                    "when": when,
                    "when_text": _text(row.get("when_text")),
                    "date_source": _date_source(row),
                    "modality": _text(row.get("modality")),
                    "description": _text(row.get("description")),
                    "paragraph": paragraph if paragraph is not None else -1,
                },
            )
        )
    records.sort(key=lambda record: record[0])
    table = pd.DataFrame(
        [record[2] for record in records],
        columns=columns,
        index=pd.Index([record[1] for record in records], name="id"),
    )
    table["paragraph"] = table["paragraph"].astype(int)
    return table


def timeline_chart(book: Any) -> Chart:
    """The dated events of the article on a time line, with where each date comes from.

    What a student sees: one point per event that has a date, from the earliest on the
    left. The points are evenly spaced, so the real time between two of them is written
    on the line ("about 3 years 10 months later", "3 days later"). Above each point, what
    happened, the article's own words for when ("last month") and the paragraph; below
    it, the date and where that date comes from. A filled circle is a date the article
    gives; an open square one worked out from the article; an open diamond a date from
    outside the article, with its source. Events without a date are counted under the
    line and listed by `timeline_table`.

    Parameters
    ----------
    book : Book
        A loaded pack, e.g. ``newsfacts.load()``.

    Returns
    -------
    Chart
        The picture, its caption and a text description of every point.
    """
    table = timeline_table(book)
    events = {_text(row.get("id")): row for row in _rows(_table(book, "events"))}
    dated = table[table["when"] != ""]
    with _style():
        return _draw_timeline(table, dated, events)


def _date_words(basis: str, source: str) -> str:
    """What the chart writes under a date about where it comes from."""
    if basis == "context":
        found = source.split(": ", 1)[1] if ": " in source else ""
        return "date from outside the article" + (f":\n{found}" if found else "")
    if basis == "inferred":
        return "date worked out from the article"
    return f"date from {source}" if source else "date from the article"


def _draw_timeline(table: pd.DataFrame, dated: pd.DataFrame, events: dict[str, dict]) -> Chart:
    count = len(dated)
    two_rows = count > 5
    width = 11.0
    slot = (width - 0.6) / max(count, 1)
    chars = max(14, int(slot * 72 / (0.55 * _SMALL)) - 3)
    probe, renderer = _new_figure(width, 4.0)
    probe_ax = _inch_axes(probe)
    items = []
    for k, (ident, row) in enumerate(dated.iterrows()):
        event = events.get(ident, {})
        basis = _text(event.get("when_basis")) or "reported"
        basis = basis if basis in _WHEN_STYLE else "reported"
        words = _text(row["when_text"])
        extra = [f"“{words}”"] if words else []
        extra.append(_para(int(row["paragraph"])))
        if row["modality"] and row["modality"] != "happened":
            extra.append(f"({row['modality']})")
        card = _wrap(row["description"], chars) + "\n" + " · ".join(extra)
        source = "\n".join(
            _wrap(part, chars) for part in _date_words(basis, row["date_source"]).split("\n")
        )
        items.append(
            {
                "id": ident,
                "row": row,
                "basis": basis,
                "card": card,
                "source": source,
                "card_h": _text_size(probe_ax, renderer, card, fontsize=_SMALL)[1],
                "source_h": _text_size(probe_ax, renderer, source, fontsize=_SMALL)[1],
                "level": 1 if two_rows and k % 2 else 0,
            }
        )
    low_h = max((i["card_h"] for i in items if i["level"] == 0), default=0.0)
    for item in items:
        item["stem"] = 0.4 + (low_h + 0.2 if item["level"] else 0.0)
    above = max((i["stem"] + i["card_h"] for i in items), default=0.5) + 0.1
    below = 0.5 + max((i["source_h"] for i in items), default=0.0)
    undated = len(table) - count
    title_h, note_h, legend_h = 0.95, 0.45 if undated else 0.0, 0.55
    height = title_h + above + below + 0.25 + note_h + legend_h
    figure, renderer = _new_figure(width, height)
    ax = _inch_axes(figure)
    title = "When things happened"
    ax.text(0.3, height - 0.3, title, fontsize=14, fontweight="bold", va="top")
    subtitle = (
        "The points are evenly spaced: the time between two of them is written on the line."
        if count > 1
        else ""
    )
    if subtitle:
        ax.text(0.3, height - 0.62, subtitle, fontsize=_FONT, va="top")
    alt = [f"{title}: a time line of the {count} events of the article that have a date."]
    if subtitle:
        alt[0] += " " + subtitle
    axis_y = height - title_h - above
    xs = [0.3 + slot * (k + 0.5) for k in range(count)]
    if count:
        ax.annotate(
            "",
            xy=(width - 0.2, axis_y),
            xytext=(0.3, axis_y),
            arrowprops={"arrowstyle": "-|>", "color": _O["black"], "linewidth": 1.2},
            zorder=1,
        )
    bases_seen: list[str] = []
    for k, item in enumerate(items):
        row, basis, x = item["row"], item["basis"], xs[k]
        if basis not in bases_seen:
            bases_seen.append(basis)
        marker, filled, colour, legend_words = _WHEN_STYLE[basis]
        ax.plot(
            [x],
            [axis_y],
            marker=marker,
            markersize=12,
            color=colour,
            markerfacecolor=colour if filled else _WHITE,
            markeredgecolor=colour,
            markeredgewidth=2.2,
            linestyle="none",
            zorder=3,
        )
        ax.plot([x, x], [axis_y + 0.14, axis_y + item["stem"]], color=_O["black"], linewidth=0.8)
        ax.text(
            x, axis_y + item["stem"] + 0.04, item["card"], fontsize=_SMALL, ha="center", va="bottom"
        )
        date = _say_date(row["when"])
        ax.text(x, axis_y - 0.2, date, fontsize=_FONT, fontweight="bold", ha="center", va="top")
        ax.text(x, axis_y - 0.47, item["source"], fontsize=_SMALL, ha="center", va="top")
        sentence = (
            f"Point {k + 1}, {legend_words.split(':')[0]}: {date}: {row['description']}; "
            f"{_para(int(row['paragraph']), False)}"
        )
        if row["when_text"]:
            sentence += f"; the article's words for when: “{row['when_text']}”"
        if row["modality"] and row["modality"] != "happened":
            sentence += f"; {row['modality']}"
        sentence += "; " + item["source"].replace("\n", " ")
        if k:
            gap = _gap(items[k - 1]["row"]["when"], row["when"])
            if gap:
                middle = (xs[k - 1] + x) / 2
                ax.text(
                    middle,
                    axis_y + 0.12,
                    gap,
                    fontsize=_SMALL,
                    fontstyle="italic",
                    ha="center",
                    va="bottom",
                )
                if "year" in gap:  # a long stretch of time squeezed into one step
                    for dx in (-0.05, 0.05):
                        ax.plot(
                            [middle + dx - 0.04, middle + dx + 0.04],
                            [axis_y - 0.07, axis_y + 0.07],
                            color=_O["black"],
                            linewidth=1.2,
                            zorder=2,
                        )
                    ax.add_patch(
                        Rectangle(
                            (middle - 0.05, axis_y - 0.02),
                            0.1,
                            0.04,
                            facecolor=_WHITE,
                            edgecolor="none",
                            zorder=1.5,
                        )
                    )
                    sentence += f"; {gap} than point {k}, shown by a break in the line"
                else:
                    sentence += f"; {gap} than point {k}"
        alt.append(sentence + ".")
    if not count:
        ax.text(0.3, axis_y, "No event in this pack has a date.", fontsize=_FONT)
        alt.append("No event in this pack has a date.")
    if undated:
        note = (
            f"{undated} more event{'s' if undated != 1 else ''} in the article "
            f"{'have' if undated != 1 else 'has'} no date: see timeline_table(book)."
        )
        ax.text(0.3, legend_h + note_h - 0.05, note, fontsize=_FONT, fontstyle="italic", va="top")
        alt.append(note.replace("see timeline_table(book)", "timeline_table(book) lists them"))
    handles = [
        Line2D(
            [],
            [],
            marker=_WHEN_STYLE[b][0],
            markersize=10,
            color=_WHEN_STYLE[b][2],
            markerfacecolor=_WHEN_STYLE[b][2] if _WHEN_STYLE[b][1] else _WHITE,
            markeredgecolor=_WHEN_STYLE[b][2],
            markeredgewidth=2,
            linestyle="none",
            label=_WHEN_STYLE[b][3],
        )
        for b in _WHEN_STYLE
        if b in bases_seen
    ]
    if handles:
        ax.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(0.3 / width, 0.15 / height),
            frameon=False,
            fontsize=_FONT,
            ncol=len(handles),
            borderaxespad=0,
            borderpad=0,
        )
        legend = "; ".join(_WHEN_STYLE[b][3] for b in _WHEN_STYLE if b in bases_seen)
        alt.append(f"Legend: {legend}.")
    caption = "The dated events of the article in time order, with where each date comes from."
    return Chart(figure, "\n".join(alt), caption)
