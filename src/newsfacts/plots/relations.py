"""relations_diagram: who is connected to whom, as labelled arrows between named boxes.

States in the article's order; arrows within a column bent beside it; each label on its own
arrow where it is furthest from boxes, labels and other arrows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.path import Path

from newsfacts.book import Book
from newsfacts.errors import WrongValueError
from newsfacts.marks import MARKS, mark, mark_label
from newsfacts.plots import chart
from newsfacts.plots.chart import OKABE_ITO, WHITE
from newsfacts.text import cell_words, join_and, paragraph_key, paragraph_order, plural, wrap

O = OKABE_ITO  # noqa: E741 - short, for the table below
NODE_STYLES = {  # kind: colour, marker, marker words, column
    "person": (O["orange"], "o", "circle", 0),
    "state": (O["blue"], "s", "square", 1),
    "territory": (O["bluish green"], "D", "diamond", 1),
    "organisation": (O["reddish purple"], "h", "hexagon", 2),
    "group": (O["vermillion"], "^", "triangle", 2),
    "place": (O["sky blue"], "p", "pentagon", 2),
    "other": (O["black"], "X", "cross", 2),
}
WIDTH, HEIGHT = 13.0, 9.5
MARGIN = 0.3  # inches kept free at the picture's edges
BENDS = (1, 1, -1)  # arrows within a column bend right (1) or left (-1) of it
STEPS = np.linspace(0.12, 0.88, 20)  # where along its arrow a label may go
MOST = 12  # arrows a diagram draws at most: more is a hairball on a projector
# Type sizes in points, for a projector: the picture is about 1,300 pixels wide.
NAME, LABEL, TITLE, TEXT = 15, 13, 20, 13
ON_WHITE = {"facecolor": WHITE, "edgecolor": "none", "pad": 0.5}
LABEL_TEXT = dict(fontsize=LABEL, ha="center", va="center", zorder=5, bbox=ON_WHITE)  # on an arrow


@dataclass
class Node:
    """A name in a box: centre (x, y) and the box's width and height, in inches."""

    id: str
    name: str
    kind: str
    first: tuple[int, int, str]
    column: int = 0
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0

    @property
    def shown(self) -> str:
        """The name as drawn: a long one on two lines or more."""
        return wrap(self.name, 26)


@dataclass
class Edge:
    """A relation: from `source` to `target`, drawn along `path`, its label at `at`."""

    id: str
    source: str
    target: str
    relation: str
    paragraph: int | str | None
    basis: str
    path: Any = None
    at: tuple[float, float] = (0.0, 0.0)

    @property
    def label(self) -> str:
        return wrap(f"{self.relation} {chart.para(self.paragraph)}".strip(), 34)


def _edges(book: Book) -> list[Edge]:
    found = []
    for row in chart.rows(book, "relations"):
        ident, source, target, relation, basis = (
            cell_words(row.get(name)) for name in ("id", "source", "target", "relation", "basis")
        )
        if source and target:
            where = paragraph_key(row.get("paragraph"))
            found.append(Edge(ident, source, target, relation, where, basis or "article says"))
    return found


def _kept(book: Book, edges: list[Edge], focus: str | None, most: Any) -> tuple[list[Edge], str]:
    """The `most` relations drawn (the focus's, then the most linked names'), in the table's
    order, and advice when some are left out: how many, and how to see the rest."""
    if isinstance(most, bool) or not isinstance(most, int) or most < 1:
        raise WrongValueError(
            f"most= is how many arrows to draw at most: a whole number such as 12, not {most!r}."
        )
    degree = Counter(end for e in edges for end in (e.source, e.target))

    def rank(e: Edge) -> tuple:
        linked = -(degree[e.source] + degree[e.target])
        return focus not in (e.source, e.target), linked, paragraph_order(e.paragraph)

    kept = set(map(id, sorted(edges, key=rank)[:most]))
    left_out, advice = len(edges) - len(kept), ""
    if left_out:
        advice = f"{plural(left_out, 'more relation')} not drawn, to keep the diagram readable."
    choices = [c for c in focus_choices(book) if c != focus][:4] if left_out else []
    if choices:
        pick = ", ".join(f'"{c}"' for c in choices)
        advice += " To see a name's relations, pick a focus, e.g. plots.relations_diagram(book, "
        advice += f'focus="{choices[0]}"); good focuses: {pick}.'
    return [e for e in edges if id(e) in kept], advice


def focus_choices(book: Book, count: int = 5) -> list[str]:
    """The ids with most relations in `book` (at most `count`): good focuses for a diagram."""
    degree = Counter(end for e in _edges(book) for end in (e.source, e.target))
    return [ident for ident, _ in degree.most_common(count)]


def relations_diagram(
    book: Book,
    ids: Iterable[str] | str | None = None,
    focus: str | None = None,
    *,
    most: int = MOST,
) -> chart.Chart:
    """Diagram of who is connected to whom: the relations table as labelled arrows.

    What a student sees: each name in a box with a shape and colour for its kind (people
    left, states in the middle, groups, organisations and places right); each arrow goes
    from the first name of a relation to the second, labelled with the relation and its
    paragraph ("son-in-law of ¶2"); solid: the article says it, dashed: someone said it,
    dotted: worked out. Large enough for a projector, the same every time.

    `ids`: only these actors and places and the relations among them. `focus`: a name in
    bold with its arrows thicker; without `ids`, the diagram shows it and the names linked
    to it. `most`: at most this many arrows (the focus's own first, then those between the
    names with most relations); a diagram that leaves some out says how many and names
    good focuses, e.g. ``relations_diagram(book, focus="ukraine")``.
    """
    found, edges = chart.things(book), _edges(book)
    names = {key: thing.name for key, thing in found.items()}
    for end in (end for e in edges for end in (e.source, e.target)):
        names.setdefault(end, end)
    find = partial(chart.resolve, what="actor or place", function="relations_diagram")
    wanted = None if ids is None else find(ids, names, many=True)
    focus_id = None if focus is None else find(focus, names)
    if focus_id is not None:  # without ids: the focus and the names linked to it
        ends = [(e.source, e.target) for e in edges if focus_id in (e.source, e.target)]
        linked = [t if s == focus_id else s for s, t in ends] if wanted is None else wanted
        wanted = list(dict.fromkeys(linked + [focus_id]))
    if wanted is not None:
        edges = [e for e in edges if e.source in wanted and e.target in wanted]
    edges, advice = _kept(book, edges, focus_id, most)
    shown = [end for e in edges for end in (e.source, e.target)]
    shown += (wanted or []) if not advice else [focus_id] if focus_id is not None else []
    nodes = {}
    for key in dict.fromkeys(shown):
        thing = found.get(key)
        kind = "place" if thing and thing.table == "places" else thing and thing.kind
        kind = kind if kind in NODE_STYLES else "other"
        nodes[key] = Node(key, names[key], kind, paragraph_order(thing and thing.paragraph))
    with chart.style():
        return _draw(nodes, edges, focus_id, advice)


def _layout(nodes: dict, edges: list[Edge], renderer: Any, top: float, bottom: float) -> None:
    """Put each box in its column, the sides ordered by the middle names they link to."""
    columns: list[list[Node]] = [[], [], []]
    for node in nodes.values():
        node.column = NODE_STYLES[node.kind][3]
        columns[node.column].append(node)
        width, height = chart.measure(renderer, node.shown, NAME, "bold")
        node.w, node.h = width + 0.55, height + 0.24
    columns[1].sort(key=lambda n: (n.first, n.id))
    rank = {n.id: k for k, n in enumerate(columns[1])}

    def middle(node: Node) -> tuple[float, int, str]:
        ends = [(e.source, e.target) for e in edges] + [(e.target, e.source) for e in edges]
        links = [rank[other] for me, other in ends if me == node.id and other in rank]
        return (sum(links) / len(links) if links else len(rank), node.first, node.id)

    columns[0].sort(key=middle)
    columns[2].sort(key=middle)
    widths = [max((n.w for n in column), default=1.0) for column in columns]
    free = (WIDTH - 2 * MARGIN - sum(widths)) / 2  # the space between two columns
    # the sides against the margins: the space for arrows as wide as it can be
    left, right = MARGIN + widths[0] / 2, WIDTH - MARGIN - widths[2] / 2
    centres = (left, MARGIN + widths[0] + free + widths[1] / 2, right)
    for column, x in zip(columns, centres, strict=True):
        step = (top - bottom) / max(len(column), 1)
        for k, node in enumerate(column):
            node.x, node.y = x, top - step * (k + 0.5)


def _path(a: Node, b: Node) -> Path:
    """The arrow from box `a` to box `b`: straight between columns, bent within one."""
    if a.column == b.column:
        bend = BENDS[a.column]
        start, end = (a.x + bend * a.w / 2, a.y), (b.x + bend * b.w / 2, b.y)
        reach = 0.3 + 0.35 * abs(a.y - b.y)  # longer arrows bend further, apart
        control = (a.x + bend * (max(a.w, b.w) / 2 + reach), (a.y + b.y) / 2)
        return Path([start, control, end], [Path.MOVETO, Path.CURVE3, Path.CURVE3])
    ends = []
    for one, other in ((a, b), (b, a)):
        dx, dy = other.x - one.x, other.y - one.y
        scale = min(one.w / 2 / abs(dx) if dx else np.inf, one.h / 2 / abs(dy) if dy else np.inf)
        ends.append((one.x + dx * scale, one.y + dy * scale))
    return Path(ends)


def point_on(path: Path, t: Any) -> np.ndarray:
    """The points fractions `t` along an arrow's path (a line, or a curve with one control)."""
    t, v = np.asarray(t, dtype=float)[..., None], path.vertices
    if len(v) == 3:
        return (1 - t) ** 2 * v[0] + 2 * (1 - t) * t * v[1] + t**2 * v[2]
    return v[0] + t * (v[1] - v[0])


def _place_labels(nodes: dict[str, Node], edges: list[Edge], renderer: Any) -> None:
    """Put each label on its own arrow where it costs least: much for a box or label it
    covers, a little for each bit of another arrow under it, a hair for leaving the middle."""
    taken = [(n.x - n.w / 2, n.y - n.h / 2, n.x + n.w / 2, n.y + n.h / 2) for n in nodes.values()]
    steps = np.linspace(0, 1, 150)
    points = np.vstack([point_on(edge.path, steps) for edge in edges] + [np.empty((0, 2))])
    x, y = points[:, 0], points[:, 1]
    for edge in edges:
        w, h = chart.measure(renderer, edge.label, LABEL)
        centres = point_on(edge.path, STEPS)
        half = np.array([w / 2 + 0.03, h / 2 + 0.02])
        boxes = np.hstack([centres - half, centres + half])
        near = np.hstack([centres - half - 0.06, centres + half + 0.06])  # a margin round it
        ends = {edge.source, edge.target}
        # an arrow from another name under a label misleads more than one sharing a name
        weights = [0 if o is edge else 1 if ends & {o.source, o.target} else 10 for o in edges]
        covered = np.array([sum(chart.overlap(box, other) for other in taken) for box in boxes])
        inside = (x >= near[:, :1]) & (x <= near[:, 2:3]) & (y >= near[:, 1:2]) & (y <= near[:, 3:])
        crossed = inside @ np.repeat(weights, len(steps)).astype(float)
        best = int(np.argmin(5000 * covered + crossed + np.abs(STEPS - 0.5)))
        edge.at = tuple(centres[best])
        taken.append(tuple(boxes[best]))


def _draw(nodes: dict[str, Node], edges: list[Edge], focus: str | None, advice: str) -> chart.Chart:
    figure, renderer, ax = chart.inch_axes(WIDTH, HEIGHT)
    title = "Who is connected to whom in the article"
    caption = "Relations between the actors and places of the article."
    if focus is not None:
        title = f"The relations of {nodes[focus].name}"
        caption = f"{title}, and the relations among the names around it."
    elif advice:
        title, count = "Some of the relations in the article", plural(len(edges), "relation")
        caption = f"{count} of the article: those between the names with most relations."
    subtitle = "Each arrow points from the first name to the second. ¶ = paragraph of the article."
    ax.text(MARGIN, HEIGHT - 0.25, title, fontsize=TITLE, fontweight="bold", va="top")
    ax.text(MARGIN, HEIGHT - 0.72, subtitle, fontsize=TEXT, va="top")
    top = HEIGHT - 1.35
    if advice:
        words = wrap(advice, chart.chars(renderer, WIDTH - 2 * MARGIN, TEXT, "n" * 50))
        ax.text(MARGIN, HEIGHT - 1.05, words, fontsize=TEXT, fontstyle="italic", va="top")
        top -= chart.measure(renderer, words, TEXT)[1] + 0.05
    alt = f"{title}: a diagram of {plural(len(edges), 'relation')} among {len(nodes)} names."
    if not nodes:
        ax.text(MARGIN, HEIGHT / 2, "No relations to draw.", fontsize=TEXT)
        none = f"{title}.\nThere are no relations to draw."
        return chart.Chart(figure, alt, "No relations.", none)
    key_top, key_words = _legend(ax, nodes, edges, renderer)
    _layout(nodes, edges, renderer, top, key_top + 0.45)
    for edge in edges:
        edge.path = _path(nodes[edge.source], nodes[edge.target])
    _place_labels(nodes, edges, renderer)
    for node in nodes.values():  # a name in a box, its kind's marker before it
        left, bold, colour = node.x - node.w / 2, node.id == focus, NODE_STYLES[node.kind][0]
        corner, box = (left, node.y - node.h / 2), "round,pad=0,rounding_size=0.08"
        outline = {"facecolor": WHITE, "edgecolor": colour, "linewidth": 3.6 if bold else 2.0}
        ax.add_artist(FancyBboxPatch(corner, node.w, node.h, boxstyle=box, **outline, zorder=3))
        shape = _shape(node.kind, markersize=12, markeredgewidth=0.7, linestyle="none", zorder=4)
        ax.add_artist(Line2D([left + 0.2], [node.y], **shape))
        name = {"fontweight": "bold" if bold else "normal", "va": "center_baseline", "zorder": 4}
        ax.text(left + 0.4, node.y, node.shown, fontsize=NAME, **name, gid=f"node-{node.id}")
    for index, edge in enumerate(edges):
        gid, width = f"relation-{index}", 3.0 if focus in (edge.source, edge.target) else 1.8
        arrow = _stroke(edge.basis, linewidth=width, gid=gid, zorder=2)
        ax.add_artist(FancyArrowPatch(path=edge.path, arrowstyle="-|>", mutation_scale=18, **arrow))
        ax.text(*edge.at, edge.label, gid=gid, **LABEL_TEXT)
    lines = [f"{title}. {subtitle}", key_words, *_describe(nodes, edges, focus)]
    lines += [advice] if advice else []
    return chart.Chart(figure, alt, caption, "\n".join(lines))


def _describe(nodes: dict[str, Node], edges: list[Edge], focus: str | None) -> list[str]:
    """The focus, one sentence per relation, and the names without any relation."""
    lines = []
    if focus is not None:
        lines.append(f"{nodes[focus].name} is in bold; its own arrows are drawn thicker.")
    for edge in edges:
        words = f"{nodes[edge.source].name} — {edge.relation} — {nodes[edge.target].name}"
        words += f" ({chart.para(edge.paragraph, False)}"
        if edge.basis != "article says":
            words += f"; {edge.basis}: {mark(edge.basis).short}"
        lines.append(words + ").")
    linked = {end for e in edges for end in (e.source, e.target)}
    alone = [n.name for n in nodes.values() if n.id not in linked]
    if alone:
        lines.append(f"Without any relation drawn: {join_and(alone)}.")
    return lines


def _stroke(basis: str, **more: Any) -> dict[str, Any]:
    """The line of an arrow of `basis`, in the diagram and in the key."""
    return {"color": mark(basis).colour, "linestyle": mark(basis).line, **more}


def _shape(kind: str, **more: Any) -> dict[str, Any]:
    """The marker of a kind of name, in its box and in the key."""
    colour, marker, _, _ = NODE_STYLES[kind]
    return {"marker": marker, "color": colour, "markeredgecolor": O["black"], **more}


def _legend(ax: Any, nodes: dict, edges: list[Edge], renderer: Any) -> tuple[float, str]:
    """Draw the key at the bottom; return its top, in inches, and its words."""
    kinds = [k for k in NODE_STYLES if any(n.kind == k for n in nodes.values())]
    bases = [b for b in MARKS if any(e.basis == b for e in edges)]
    shapes = [Line2D([], [], **_shape(k, markersize=12, linestyle="none", label=k)) for k in kinds]
    lines = [Line2D([], [], **_stroke(b, lw=2.2, label=chart.drawn_mark_label(b))) for b in bases]
    bottom = 0.15
    if lines:
        words = {"ncols": 2 if len(lines) > 1 else 1, "fontsize": LABEL - 1, "handlelength": 3}
        key = chart.key(ax, lines, (MARGIN, bottom), **words)
        ax.add_artist(key)
        bottom += key.get_window_extent(renderer).height / ax.figure.dpi + 0.05
    ncols = max(min(len(shapes), 7), 1)
    first = chart.key(ax, shapes, (MARGIN, bottom), ncols=ncols, fontsize=LABEL)
    top = bottom + first.get_window_extent(renderer).height / ax.figure.dpi
    shapes = [f"{k}: {chart.colour_name(NODE_STYLES[k][0])} {NODE_STYLES[k][2]}" for k in kinds]
    words = "Each name is in a box with a shape and an outline colour for its kind: "
    words += "; ".join(shapes) + "."
    colour = {b: chart.colour_name(mark(b).colour) for b in bases}
    arrows = [f"{mark(b).line_words} in {colour[b]}: {mark_label(b)}" for b in bases]
    return top, words + (f" Arrows: {'; '.join(arrows)}." if bases else "")
