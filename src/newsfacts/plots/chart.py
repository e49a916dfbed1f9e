"""The chart object every function returns, the palette, and drawing helpers they share."""

from __future__ import annotations

import base64
import contextlib
import html
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import matplotlib
import numpy as np
from matplotlib.figure import Figure

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
_LINE_STYLE = {  # relations_diagram and places_diagram: colour, dash pattern, words
    "reported": (_O["black"], "solid", "solid line"),
    "attributed": (_O["vermillion"], "dashed", "dashed line"),
    "inferred": (_O["blue"], "dotted", "dotted line"),
    "context": (_O["reddish purple"], "dashdot", "dash-dot line"),
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
            self._png = _encode_png(self.figure, self.dpi)
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


# Matplotlib's defaults, as ``matplotlib.style.context("default")`` sets them (less the
# settings that are not about looks), with the charts' own few on top; built on first use.
_NOT_STYLE = {
    "interactive", "backend", "webagg.port", "webagg.address", "webagg.port_retries",
    "webagg.open_in_browser", "backend_fallback", "toolbar", "timezone",
    "figure.max_open_warning", "figure.raise_window", "savefig.directory",
    "tk.window_focus", "docstring.hardcopy", "date.epoch",
}  # fmt: skip
_SETTINGS: dict[str, Any] = {}
_STYLED: list[bool] = []  # not empty while inside `_style`


@contextlib.contextmanager
def _style() -> Iterator[None]:
    """Matplotlib's own defaults while a chart is built or drawn, whatever the notebook set.

    One change: FreeType's hinting is off, so text comes out a touch softer and draws in
    about half the time (drawing text is most of the time a chart takes).
    """
    if _STYLED:  # already inside: the settings are on
        yield
        return
    if not _SETTINGS:
        import warnings

        defaults = matplotlib.rcParamsDefault
        with warnings.catch_warnings():  # reading a deprecated setting warns
            warnings.simplefilter("ignore", matplotlib.MatplotlibDeprecationWarning)
            _SETTINGS.update({k: defaults[k] for k in defaults if k not in _NOT_STYLE})
        _SETTINGS.update({"font.size": _FONT, "hatch.linewidth": 1.0, "text.hinting": "no_hinting"})
    with matplotlib.rc_context(_SETTINGS):
        _STYLED.append(True)
        try:
            yield
        finally:
            _STYLED.pop()


def _encode_png(figure: Figure, dpi: float) -> bytes:
    """Draw `figure` on white at `dpi` and return it as PNG bytes (RGB, no metadata)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = figure.canvas
    if not isinstance(canvas, FigureCanvasAgg):
        canvas = FigureCanvasAgg(figure)
    patch = figure.patch
    kept = figure.dpi, patch.get_facecolor(), patch.get_edgecolor()
    try:
        figure.dpi = dpi
        patch.set_facecolor(_WHITE)
        patch.set_edgecolor(_WHITE)
        with _style():
            canvas.draw()
        pixels = np.asarray(canvas.buffer_rgba())[..., :3]  # opaque: no need for alpha
    finally:
        figure.dpi = kept[0]
        patch.set_facecolor(kept[1])
        patch.set_edgecolor(kept[2])
    return _png(pixels, dpi)


def _png(pixels: Any, dpi: float) -> bytes:
    """A PNG file of RGB `pixels` (rows, columns, 3 bytes), saying it is `dpi` dots per inch.

    Written here rather than by Pillow: without PNG's row filters, which do not make these
    pictures (flat colours, thin lines, text) any smaller, it takes a third of the time.
    """

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    height, width = pixels.shape[:2]
    rows = np.zeros((height, 1 + 3 * width), dtype=np.uint8)  # each row: filter 0, then RGB
    rows[:, 1:] = pixels.reshape(height, 3 * width)
    per_metre = round(dpi / 0.0254)
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)),
            chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
            chunk(b"IDAT", zlib.compress(rows.tobytes(), 3)),
            chunk(b"IEND", b""),
        ]
    )


def _new_figure(width: float, height: float) -> tuple[Figure, Any]:
    """A figure of fixed size in inches and a renderer to measure text with."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = Figure(figsize=(width, height), dpi=_DPI, facecolor=_WHITE)
    canvas = FigureCanvasAgg(figure)
    return figure, canvas.get_renderer()


def _ruler_renderer() -> Any:
    """A renderer to measure text with before the figure's size is known."""
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(1, 1, _DPI)


class _Page:
    """Draws straight on a figure, in inches from its bottom left corner.

    It has the two methods of an axes the charts use, ``text`` and ``add_artist``, without
    an axes' cost: no axes to set up, no clipping, no data limits to update.
    """

    def __init__(self, figure: Figure):
        self.figure = figure

    def text(self, x: float, y: float, text: str, **kwargs: Any) -> Any:
        return self.figure.text(x, y, text, transform=self.figure.dpi_scale_trans, **kwargs)

    def add_artist(self, artist: Any) -> Any:
        artist.set_transform(self.figure.dpi_scale_trans)
        return self.figure.add_artist(artist)


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

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.w and self.y <= y <= self.y + self.h

    def grown(self, by: float) -> _Box:
        return _Box(self.x - by, self.y - by, self.w + 2 * by, self.h + 2 * by)


# Sizes of texts already measured, and one text artist per font setting to measure with.
_SIZES: dict[tuple, tuple[float, float]] = {}
_RULERS: dict[tuple, Any] = {}


def _text_size(
    renderer: Any, text: str, size: float = _FONT, weight: str = "normal", style: str = "normal"
) -> tuple[float, float]:
    """Width and height in inches of a text drawn with these settings (measured once).

    Measuring with the renderer the figure will be drawn with leaves the text's metrics in
    matplotlib's cache, so drawing it does not measure it again.
    """
    key = (text, size, weight, style)
    if key not in _SIZES:
        if len(_SIZES) > 10_000:  # many packs drawn in one session: start afresh
            _SIZES.clear()
        with _style():  # the settings text is drawn with (no hinting) change its size
            ruler = _RULERS.get(key[1:])
            if ruler is None:
                from matplotlib.text import Text

                ruler = Text(0, 0, "", fontsize=size, fontweight=weight, fontstyle=style)
                ruler.set_figure(Figure(dpi=_DPI))
                _RULERS[key[1:]] = ruler
            ruler.set_text(text)
            extent = ruler.get_window_extent(renderer)
        _SIZES[key] = (extent.width / _DPI, extent.height / _DPI)
    return _SIZES[key]


def _key(
    ax: Any,
    renderer: Any,
    entries: list[tuple[Any, float, str]],
    x: float,
    y: float,
    anchor: str = "upper left",
    columns: int | None = None,
    title: str | None = None,
    size: float = _FONT,
    line: float = 1.6,
) -> None:
    """Draw a key (a legend): an optional title, then its entries in rows of `columns`
    (all in one row by default), with its corner `anchor` ("upper left", "lower left" or
    "lower right") at (x, y), in inches.

    Each entry is ``(draw, width, words)``: ``draw(x, y, width)`` adds a sample (a marker,
    a line, a patch) between x and x + width, centred on the height y; its words follow.
    Rows are `line` times the font size apart. Drawn with plain artists rather than a
    matplotlib legend, which takes several times longer to draw.
    """
    em = size / 72  # the font size in inches
    columns = columns or max(len(entries), 1)
    # Each column as wide as its widest entry, 1.4 em between columns.
    widths = [
        width + 0.4 * em + _text_size(renderer, words, size)[0] for _, width, words in entries
    ]
    column_w = [max(widths[c::columns], default=0.0) for c in range(columns)]
    total_w = sum(column_w) + 1.4 * em * (columns - 1)
    if title is not None:
        total_w = max(total_w, _text_size(renderer, title, size)[0])
    rows = -(-len(entries) // columns)
    total_h = (rows + (title is not None)) * line * em
    left = x - total_w if anchor.endswith("right") else x
    top = y + total_h if anchor.startswith("lower") else y
    middle = top - line * em / 2
    if title is not None:
        ax.text(left, middle, title, fontsize=size, va="center_baseline")
        middle -= line * em
    for k, (draw, width, words) in enumerate(entries):
        row, column = divmod(k, columns)
        here = left + sum(column_w[:column]) + 1.4 * em * column
        draw(here, middle - row * line * em, width)
        ax.text(
            here + width + 0.4 * em, middle - row * line * em, words, fontsize=size,
            va="center_baseline",
        )  # fmt: skip


def _colour_name(hex_code: str) -> str:
    for name, code in OKABE_ITO.items():
        if code.lower() == hex_code.lower():
            return name
    return hex_code
