"""The four marks: how each ``basis`` (where a fact comes from) is shown, in one place.

Tables, charts, maps, the annotated article, quizzes and messages all read `MARKS`, so a
student meets one wording everywhere. Nothing here imports pandas, ipywidgets or matplotlib.

>>> MARKS["worked out"].label
'worked out'
>>> mark_label("outside source")
'▲ outside source: not in the article; the note names the source'
>>> mark_label("article says")
"article says: in the article's own voice, no source named"
"""

from __future__ import annotations

from dataclasses import dataclass

#: The modality values a lesson groups as "not yet" (to come, offered, planned, threatened).
NOT_YET: tuple[str, ...] = ("expected", "proposed", "threatened")


@dataclass(frozen=True)
class Mark:
    """How one basis is shown: in words, a symbol and styles, never by colour alone."""

    basis: str  # the value in a pack's basis column, and the mark's label ("article says")
    symbol: str  # shown before the label; empty for the article's own voice
    short: str  # one line for a table cell or a legend, not repeating the label
    long: str  # a sentence for a student who asks what the mark means
    colour: str  # an Okabe-Ito colour (colour-blind safe); never the only cue
    line: str  # a matplotlib line style for arrows and outlines
    line_words: str  # the line style in words, for alt text and legends
    hatch: str  # a matplotlib hatch for bars and areas
    css: str  # a CSS border for HTML badges and highlights
    marker: str  # a matplotlib marker for a point (a date on the time line)
    filled: bool  # whether that marker is filled with the colour (else white inside)
    marker_words: str  # the marker in words, for alt text and legends ("filled circle")

    #: Two or three words: the basis itself ("article says").
    label = property(lambda self: self.basis)

    @property
    def title(self) -> str:
        """Symbol and label together (``"◆ worked out"``)."""
        return f"{self.symbol} {self.label}".strip()

    @property
    def chart_symbol(self) -> str:
        """The symbol where a chart can draw it; charts' default font has no speech bubble."""
        return self.symbol if self.symbol in CHART_SYMBOLS else ""

    @property
    def chart_title(self) -> str:
        """`title` as a chart writes it (``"someone says"`` without the speech bubble)."""
        return f"{self.chart_symbol} {self.label}".strip()


#: The symbols matplotlib's default font (DejaVu Sans) can draw.
CHART_SYMBOLS = frozenset("◆▲")


#: The four marks, in the order a lesson introduces them.
MARKS: dict[str, Mark] = {
    "article says": Mark(
        "article says",
        "",
        "in the article's own voice, no source named",
        "The article states this itself, without naming anyone who said it.",
        "#0072B2",
        "solid",
        "solid line",
        "",
        "border:1px solid #0072B2;",
        "o",
        True,
        "filled circle",
    ),
    "someone says": Mark(
        "someone says",
        "💬",
        "said by a person or group the article names",
        "The article reports that a named person or group said this; "
        "the article itself does not say it is true.",
        "#D55E00",
        "dashed",
        "dashed line",
        "//",
        "border:1px dashed #D55E00;",
        "P",
        True,
        "filled plus sign",
    ),
    "worked out": Mark(
        "worked out",
        "◆",
        "deduced from what the article does say",
        "The article does not say this in so many words; the pack's authors worked it out "
        "from what it does say, and the note says how.",
        "#CC79A7",
        "dotted",
        "dotted line",
        "..",
        "border:2px dotted #CC79A7;",
        "s",
        False,
        "open square",
    ),
    "outside source": Mark(
        "outside source",
        "▲",
        "not in the article; the note names the source",
        "This is not in the article at all; it comes from another source, named in the note.",
        "#000000",
        "dashdot",
        "dash-dot line",
        "xx",
        "border:2px double #000000;",
        "D",
        False,
        "open diamond",
    ),
}

#: The basis values a pack may use, in order.
BASES: tuple[str, ...] = tuple(MARKS)


def mark(basis: str) -> Mark:
    """The mark of a basis; an unknown or empty basis counts as the article's own voice."""
    return MARKS.get(basis, MARKS["article says"])


def mark_label(basis: str) -> str:
    """The words a student sees for a basis: symbol, label and the short line."""
    return f"{mark(basis).title}: {mark(basis).short}"
