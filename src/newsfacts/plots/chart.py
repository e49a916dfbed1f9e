"""The chart every function returns, the palette, and the style the charts are drawn in."""

from __future__ import annotations

import base64
import io
from typing import Any

import jinja2
import matplotlib.style
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from newsfacts.marks import mark

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
WHITE = "#FFFFFF"
DPI = 100
FONT = 10  # body text, in points
SMALL = 9  # the smallest text drawn

# Matplotlib's own defaults, whatever the notebook set, with these few on top; used only
# while a chart is built and saved, so the notebook's own settings never change. Without
# FreeType's hinting, text (most of a chart's drawing time) draws in about half the time.
STYLE = [
    "default",
    {
        "font.size": FONT,
        "hatch.linewidth": 1.0,
        "svg.hashsalt": "newsfacts",
        "text.hinting": "no_hinting",
    },
]

_HTML = jinja2.Environment(autoescape=True).from_string(
    "<figure class='newsfacts-chart' style='margin:0.5em 0'>"
    "<img src='data:image/png;base64,{{ data }}' alt='{{ chart.alt }}' width='{{ width }}' "
    "height='{{ height }}' style='max-width:100%;height:auto'>"
    "<figcaption><p style='margin:0.3em 0'><strong>{{ chart.caption }}</strong></p>"
    "<details><summary>Text description of the picture</summary>"
    "{% for line in lines %}<p style='margin:0.2em 0'>{{ line }}</p>{% endfor %}"
    "</details></figcaption></figure>"
)


def style() -> Any:
    """A ``with`` block in which matplotlib uses the charts' style (and only there)."""
    return matplotlib.style.context(STYLE)


class Chart:
    """A picture with a short alt text, a caption and a full text description.

    In a notebook a chart shows as the picture, its caption and, under "Text description
    of the picture", every label and number drawn in it written out as sentences. The
    picture's alt text is a one- or two-sentence summary, so a screen reader reads the
    description once. ``print(chart)`` prints the caption and the description.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The picture.
    alt : str
        A short summary of the picture: what kind of chart, of what.
    caption : str
        One or two sentences shown under the picture.
    description : str, optional
        Everything the picture shows, numbers and labels included, one sentence a line.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> chart = Chart(Figure(figsize=(2, 1)), "An empty picture.", "Nothing.", "Nothing drawn.")
    >>> print(chart)
    Nothing.
    Nothing drawn.
    >>> chart.png()[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """

    dpi = DPI

    def __init__(self, figure: Figure, alt: str, caption: str, description: str = ""):
        self.figure = figure
        self.alt = alt
        self.caption = caption
        self.description = description or alt
        self._png: bytes | None = None

    def png(self, refresh: bool = False) -> bytes:
        """The picture as PNG bytes: the same bytes every time for the same chart.

        Parameters
        ----------
        refresh : bool, default False
            Draw again, after the figure was changed (otherwise it is drawn once, then kept).
        """
        if self._png is None or refresh:
            buffer = io.BytesIO()
            with style():
                self.figure.savefig(
                    buffer, format="png", dpi=self.dpi, facecolor=WHITE, metadata={"Software": None}
                )
            self._png = buffer.getvalue()
        return self._png

    def save(self, path: Any) -> None:
        """Write the picture to a PNG file, e.g. ``chart.save("relations.png")``."""
        with open(path, "wb") as file:
            file.write(self.png())

    @property
    def size(self) -> tuple[int, int]:
        """The picture's width and height in pixels."""
        width, height = self.figure.get_size_inches()
        return round(width * self.dpi), round(height * self.dpi)

    def _repr_html_(self) -> str:
        width, height = self.size
        return _HTML.render(
            chart=self,
            data=base64.b64encode(self.png()).decode("ascii"),
            width=width,
            height=height,
            lines=[line for line in self.description.split("\n") if line.strip()],
        )

    def __repr__(self) -> str:
        return f"{self.caption}\n{self.description}"


def new_figure(width: float, height: float) -> tuple[Figure, Any]:
    """A white figure of fixed size in inches, and the renderer to measure its text with."""
    figure = Figure(figsize=(width, height), dpi=DPI, facecolor=WHITE)
    return figure, FigureCanvasAgg(figure).get_renderer()


def inch_axes(figure: Figure) -> Any:
    """An invisible axes over the whole figure whose data units are inches."""
    width, height = figure.get_size_inches()
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_axis_off()
    return ax


_RULER = Figure(dpi=DPI)  # a figure for text being measured to belong to


def measure(
    renderer: Any, words: str, size: float = FONT, weight: str = "normal"
) -> tuple[float, float]:
    """Width and height in inches of `words` drawn at `size` points (call inside `style`)."""
    sample = Text(0, 0, words, fontsize=size, fontweight=weight)
    sample.set_figure(_RULER)
    box = sample.get_window_extent(renderer)
    return box.width / DPI, box.height / DPI


def colour_name(code: str) -> str:
    """The Okabe-Ito name of a colour ("#0072B2" -> "blue")."""
    for name, value in OKABE_ITO.items():
        if value.lower() == code.lower():
            return name
    return code


def drawn_mark_label(basis: str) -> str:
    """`newsfacts.marks.mark_label` as a chart draws it: without a symbol its font lacks
    (the speech bubble of "someone says"); the text description keeps the full label."""
    shown = mark(basis)
    return f"{shown.chart_title}: {shown.short}"
