"""Charts of one article's facts: figures, relations, a map and a timeline.

Each function takes a loaded book and returns a `Chart`: a picture with a caption, a short alt
text and a text description of every label and number drawn. Charts use only Okabe-Ito colours,
never as the only cue, and their own matplotlib style, so the same book gives the same PNG.
Modules: ``chart`` (what they share) and one a chart.
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
