"""The four marks: how each ``basis`` (where a fact comes from) is shown, in one place.

Tables, charts, maps, the annotated article, quizzes and messages all read `MARKS`, so a
student meets one wording everywhere. Nothing here imports pandas, ipywidgets or matplotlib.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The modality values a lesson groups as "not yet" (to come, offered, planned, threatened).
NOT_YET: tuple[str, ...] = ("expected", "proposed", "threatened")
#: Every modality a pack may code, in the order a lesson tells them apart.
MODALITIES: tuple[str, ...] = ("happened", "going on", *NOT_YET)


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
    border: str  # a CSS border's width and style ("2px dotted"), for `css`
    marker: str  # a matplotlib marker for a point (a date on the time line)
    marker_words: str  # the marker in words, for alt text and legends ("filled circle")

    #: A CSS border for HTML badges and highlights (``"border:1px solid #0072B2;"``).
    css = property(lambda self: f"border:{self.border} {self.colour};")
    #: Whether the marker is filled with the colour (else white inside).
    filled = property(lambda self: self.marker_words.startswith("filled"))
    #: Two or three words: the basis itself ("article says").
    label = property(lambda self: self.basis)
    #: Symbol and label together (``"◆ worked out"``).
    title = property(lambda self: f"{self.symbol} {self.label}".strip())
    #: The symbol where a chart can draw it; charts' default font has no speech bubble.
    chart_symbol = property(lambda self: self.symbol if self.symbol in CHART_SYMBOLS else "")
    #: `title` as a chart writes it (``"someone says"`` without the speech bubble).
    chart_title = property(lambda self: f"{self.chart_symbol} {self.label}".strip())


#: The symbols matplotlib's default font (DejaVu Sans) can draw.
CHART_SYMBOLS = frozenset("◆▲")


#: Each mark's words: a short line, and a sentence for a student who asks.
_WORDS = {
    "article says": (
        "in the article's own voice, no source named",
        "The article states this itself, without naming anyone who said it.",
    ),
    "someone says": (
        "said by a person or group the article names",
        "The article reports that a named person or group said this; "
        "the article itself does not say it is true.",
    ),
    "worked out": (
        "deduced from what the article does say",
        "The article does not say this in so many words; the pack's authors worked it out "
        "from what it does say, and the note says how.",
    ),
    "outside source": (
        "not in the article; the note names the source",
        "This is not in the article at all; it comes from another source, named in the note.",
    ),
}

#: Each mark's symbol, colour, line (matplotlib, then in words), hatch, border, marker (twice).
_STYLES = """
article says   |    | #0072B2 | solid   | solid line    |    | 1px solid  | o | filled circle
someone says   | 💬 | #D55E00 | dashed  | dashed line   | // | 1px dashed | P | filled plus sign
worked out     | ◆  | #CC79A7 | dotted  | dotted line   | .. | 2px dotted | s | open square
outside source | ▲  | #000000 | dashdot | dash-dot line | xx | 2px double | D | open diamond
"""

#: The four marks, in the order a lesson introduces them.
MARKS: dict[str, Mark] = {
    row[0]: Mark(*row[:2], *_WORDS[row[0]], *row[2:])
    for row in ([cell.strip() for cell in line.split("|")] for line in _STYLES.strip().splitlines())
}

#: The basis values a pack may use, in order.
BASES: tuple[str, ...] = tuple(MARKS)


def mark(basis: str) -> Mark:
    """The mark of a basis; an unknown or empty basis counts as the article's own voice."""
    return MARKS.get(basis, MARKS["article says"])


def mark_label(basis: str) -> str:
    """The words a student sees for a basis: symbol, label and the short line."""
    return f"{mark(basis).title}: {mark(basis).short}"
