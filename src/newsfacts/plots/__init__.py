"""Charts of one article's facts: figures, relations, a map and a timeline.

Every function takes a loaded book and returns a `Chart`: a picture shown with a caption,
a short alt text and a full text description, so a student who cannot see it reads the
same facts. Each is drawn in its own matplotlib style (``matplotlib.style.context``), so
the notebook's settings never change and the same book gives the same PNG bytes. Colours
are Okabe-Ito, never the only cue (shapes, line styles, hatching and words say the same);
how each basis is drawn comes from `newsfacts.marks`.

The modules: ``chart`` (`Chart`, the palette, the style, reading a book's tables) and one
module a chart: ``figures``, ``relations``, ``maps``, ``timeline``.
"""

from newsfacts.plots.chart import OKABE_ITO, Chart
from newsfacts.plots.figures import figure_label, figures_chart
from newsfacts.plots.maps import map_chart
from newsfacts.plots.relations import relations_diagram
from newsfacts.plots.timeline import timeline_chart, timeline_table

__all__ = [
    "OKABE_ITO",
    "Chart",
    "figure_label",
    "figures_chart",
    "relations_diagram",
    "timeline_chart",
    "timeline_table",
    "map_chart",
]
