"""What every chart shares: `Chart`, the Okabe-Ito palette, the style, measuring, keys."""

from __future__ import annotations

import base64
import io
from collections import namedtuple
from collections.abc import Iterable
from functools import partial
from typing import Any

import matplotlib.style
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from newsfacts.book import Book
from newsfacts.errors import WrongTypeError, describe_value
from newsfacts.errors import resolve as resolve_id
from newsfacts.marks import mark
from newsfacts.text import cell_words, paragraph_key, paragraph_words
from newsfacts.views.render import render

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
FONT, SMALL = 10, 9  # body text and the smallest text drawn, in points
# Matplotlib's own defaults, whatever the notebook set, with these few on top, only while a
# chart is built and saved. Without FreeType's hinting, text draws in about half the time.
STYLE = [
    "default",
    {"font.size": FONT, "hatch.linewidth": 1.0, "svg.hashsalt": "newsfacts"},
    {"text.hinting": "no_hinting"},
]
#: ``with style():`` a block in which matplotlib uses the charts' style (and only there).
style = partial(matplotlib.style.context, STYLE)


class Chart:
    """A picture with a short alt text, a caption and a full text description: in a notebook
    the picture, its caption and, under "Text description of the picture", every label and
    number drawn, as sentences. ``print(chart)`` prints the caption and the description.

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
        self.figure, self.alt, self.caption = figure, alt, caption
        self.description = description or alt
        self._png: bytes | None = None

    def png(self, refresh: bool = False) -> bytes:
        """The picture as PNG bytes, the same every time (`refresh`: draw a changed figure)."""
        if self._png is None or refresh:
            buffer, saved = io.BytesIO(), {"facecolor": WHITE, "metadata": {"Software": None}}
            with style():
                self.figure.savefig(buffer, format="png", dpi=self.dpi, **saved)
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
        data = base64.b64encode(self.png()).decode("ascii")
        lines = [line for line in self.description.split("\n") if line.strip()]
        width, height = self.size
        return render("chart.html", chart=self, data=data, width=width, height=height, lines=lines)

    def __repr__(self) -> str:
        return f"{self.caption}\n{self.description}"


def new_figure(width: float, height: float) -> tuple[Figure, Any]:
    """A white figure of fixed size in inches, and the renderer to measure its text with."""
    figure = Figure(figsize=(width, height), dpi=DPI, facecolor=WHITE)
    return figure, FigureCanvasAgg(figure).get_renderer()


def inch_axes(width: float, height: float) -> tuple[Figure, Any, Any]:
    """`new_figure`, and an invisible axes over all of it whose data units are inches."""
    figure, renderer = new_figure(width, height)
    ax = figure.add_axes((0, 0, 1, 1), xlim=(0, width), ylim=(0, height))
    ax.set_axis_off()
    return figure, renderer, ax


_RULER = Figure(dpi=DPI)  # a figure for text being measured to belong to


def measure(
    renderer: Any, words: str, size: float = FONT, weight: str = "normal"
) -> tuple[float, float]:
    """Width and height in inches of `words` drawn at `size` points (call inside `style`)."""
    sample = Text(0, 0, words, fontsize=size, fontweight=weight)
    sample.set_figure(_RULER)
    box = sample.get_window_extent(renderer)
    return box.width / DPI, box.height / DPI


def chars(renderer: Any, inches: float, size: float = FONT, sample: str = "") -> int:
    """About how many characters like `sample`'s fit in `inches` at `size` points (12 at least)."""
    sample = sample or "the quick brown fox jumps over a lazy dog, 90% (¶3)"
    return max(12, int(inches / measure(renderer, sample, size)[0] * len(sample)))


def key(owner: Any, handles: list, at: tuple[float, float], **options: Any) -> Any:
    """A frameless key (legend) whose lower left corner is `at`, in inches from the figure's."""
    width, height = owner.figure.get_size_inches()
    options = {"loc": "lower left", "frameon": False, "borderaxespad": 0, **options}
    return owner.legend(handles=handles, bbox_to_anchor=(at[0] / width, at[1] / height), **options)


def colour_name(code: str) -> str:
    """The Okabe-Ito name of a colour ("#0072B2" -> "blue")."""
    return {value.lower(): name for name, value in OKABE_ITO.items()}.get(code.lower(), code)


def drawn_mark_label(basis: str) -> str:
    """`marks.mark_label` as drawn: without the speech bubble the font lacks (the text keeps it)."""
    return f"{mark(basis).chart_title}: {mark(basis).short}"


def expect_book(book: Book) -> None:
    """Raise `WrongTypeError` if a chart gets a table, not the book: it would draw a false chart."""
    if isinstance(book, pd.DataFrame | pd.Series) or not hasattr(book, "paragraphs"):
        raise WrongTypeError(
            "A chart takes the whole book first, as in plots.timeline_chart(book) or "
            f"plots.figures_chart(book); you passed {describe_value(book)}."
        )


def rows(book: Book, name: str) -> list[dict[str, Any]]:
    """The rows of one table of `book` as dicts; none when the book lacks the table."""
    expect_book(book)
    table = getattr(book, name, None)
    return [] if table is None or not len(table) else table.to_dict("records")


def para(number: Any, short: bool = True) -> str:
    """ "¶9" (short) or "paragraph 9", or the part's name; "" when there is none."""
    number = paragraph_key(number)
    return f"¶{number}" if isinstance(number, int) and short else paragraph_words(number, short)


def overlap(box: Any, other: Any) -> float:
    """The area two boxes (x0, y0, x1, y1) share: 0 when they do not overlap."""
    across = min(box[2], other[2]) - max(box[0], other[0])
    down = min(box[3], other[3]) - max(box[1], other[1])
    return max(across, 0) * max(down, 0)


#: An actor or a place, as the charts need it (`table`: "actors" or "places").
Thing = namedtuple("Thing", "id name kind table paragraph")


def things(book: Book) -> dict[str, Thing]:
    """Every actor and place of `book` by id (an id in both tables counts as an actor)."""
    found: dict[str, Thing] = {}
    for table in ("actors", "places"):
        for row in rows(book, table):
            ident, name = cell_words(row.get("id")), cell_words(row.get("name"))
            if ident and ident not in found:
                kind, where = cell_words(row.get("kind")), paragraph_key(row.get("paragraph"))
                found[ident] = Thing(ident, name or ident, kind, table, where)
    return found


def resolve(asked: Any, choices: dict, what: str, *, function: str, many: bool = False) -> Any:
    """The id meant by an id or a name (any case; `choices`: id to name); `many`: a list of ids."""
    lookup = {ident: ident for ident in choices}
    for ident, name in choices.items():
        lookup.setdefault(name, ident)
    if not many:
        return resolve_id(asked, lookup, what, function=function)
    if isinstance(asked, str) or not isinstance(asked, Iterable):
        asked = [asked]
    return list(dict.fromkeys(resolve_id(item, lookup, what, function=function) for item in asked))
