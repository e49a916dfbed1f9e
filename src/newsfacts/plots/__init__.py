"""Charts of one article's facts: figures, relations, places and a timeline.

Every function takes a loaded book (``newsfacts.load()``) and returns a `Chart`: a picture
that a notebook shows with a caption, a short alt text and a full text description
underneath, so a student who cannot see the picture reads the same facts. The charts are
drawn with matplotlib's object API in their own style (``matplotlib.style.context``): the
notebook's own settings never change, and the same book always gives the same PNG bytes.

Colours come from the Okabe-Ito palette, which people with the common kinds of colour
blindness can tell apart, and colour never carries meaning alone: shapes, line styles,
hatching and written words say the same thing. How each basis (reported, attributed,
inferred, context) is drawn comes from `newsfacts.marks`.

In a notebook::

    import newsfacts
    from newsfacts import plots

    book = newsfacts.load()
    plots.figures_chart(book)                        # the article's percentages
    plots.relations_diagram(book, focus="macron")    # who is linked to Macron, and how
    plots.places_diagram(book)                       # which place lies in which
    plots.timeline_chart(book)                       # the dated events
    plots.timeline_table(book)                       # every event, dated or not

The modules: ``chart`` (`Chart`, the palette, the style), ``tables`` (reading a book's
tables), and one module a chart: ``figures``, ``relations``, ``places``, ``timeline``.
"""

from newsfacts.plots.chart import OKABE_ITO, Chart
from newsfacts.plots.figures import figure_label, figures_chart
from newsfacts.plots.maps import map_chart
from newsfacts.plots.places import places_diagram
from newsfacts.plots.relations import relations_diagram
from newsfacts.plots.timeline import timeline_chart, timeline_table

__all__ = [
    "OKABE_ITO",
    "Chart",
    "figure_label",
    "figures_chart",
    "relations_diagram",
    "places_diagram",
    "timeline_chart",
    "timeline_table",
    "map_chart",
]
