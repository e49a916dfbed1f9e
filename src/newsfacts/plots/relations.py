"""relations_diagram: who is connected to whom, as labelled arrows between named boxes.

The layout is a plain design a student can read: three columns (people on the left,
states and territories in the middle, groups, organisations and places on the right),
the middle column in the order the article first names them, the side columns in the
order of the middle names they link to. Arrows within one column bend into the space
beside it, the longer ones further. Each label sits on its own arrow, at the spot along
it furthest from boxes, other labels and the arrows of other names (its middle, the top
of a curve, when that is free).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.path import Path

from newsfacts.marks import MARKS, mark, mark_label
from newsfacts.plots.chart import (
    FONT,
    OKABE_ITO,
    SMALL,
    WHITE,
    Chart,
    colour_name,
    inch_axes,
    measure,
    new_figure,
    style,
)
from newsfacts.plots.tables import overlap, para, paragraph, resolve, resolve_many, rows, things
from newsfacts.text import cell_words, join_and, paragraph_order, plural

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
WIDTH, HEIGHT = 12.0, 9.0
COLUMN_CENTRES = (1.4, 6.0, 10.4)  # the columns' centres, in inches
BENDS = (1, 1, -1)  # arrows within a column bend right (1) or left (-1) of it
STEPS = np.linspace(0.12, 0.88, 20)  # where along its arrow a label may go


@dataclass
class Node:
    """A name in a box: centre (x, y) and the box's width and height, in inches."""

    id: str
    name: str
    kind: str
    first: tuple[int, int, str]
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0


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
        return f"{self.relation} {para(self.paragraph)}".strip()


def _kind(thing: Any) -> str:
    if thing is None:
        return "other"
    if thing.table == "places":
        return "place"
    return thing.kind if thing.kind in NODE_STYLES else "other"


def _edges(book: Any) -> list[Edge]:
    found = []
    for row in rows(book, "relations"):
        ends = cell_words(row.get("source")), cell_words(row.get("target"))
        words = cell_words(row.get("relation")), paragraph(row.get("paragraph"))
        if all(ends):
            found.append(
                Edge(
                    cell_words(row.get("id")),
                    *ends,
                    *words,
                    cell_words(row.get("basis")) or "article says",
                )
            )
    return found


def _neighbours(edges: list, key: str) -> list[str]:
    """The names at the other end of every arrow that touches `key`."""
    return [e.target if e.source == key else e.source for e in edges if key in (e.source, e.target)]


def relations_diagram(
    book: Any, ids: Iterable[str] | str | None = None, focus: str | None = None
) -> Chart:
    """Diagram of who is connected to whom: the relations table as labelled arrows.

    What a student sees: each name in a box with a shape and colour for its kind of
    actor; people on the left, states in the middle, groups, organisations and places on
    the right. Each arrow goes from the first name of a relation to the second and is
    labelled, on the arrow, with the relation and its paragraph ("son-in-law of ¶5"). A
    solid line is something the article says, a dashed one something it says someone
    said, a dotted one something worked out from the article. Every relation between two
    names shown is drawn in full. The layout is the same every time.

    Parameters
    ----------
    book : Book
        A loaded pack, e.g. ``newsfacts.load()``.
    ids : str or list of str, optional
        Only these actors and places (ids or names) and every relation among them.
    focus : str, optional
        An actor or place (id or name) to put in bold, with its own arrows drawn thicker.
        Without `ids`, the diagram shows the focus, the names linked to it and every
        relation among them.

    Returns
    -------
    Chart
        The picture, its caption, a short alt text and a description with one sentence
        per relation.

    Raises
    ------
    UnknownNameError
        When an id or name is not in the pack; the message suggests the closest ones.
    """
    found, edges = things(book), _edges(book)
    names = {key: thing.name for key, thing in found.items()}
    for end in (end for e in edges for end in (e.source, e.target)):
        names.setdefault(end, end)
    what, function = "actor or place", "relations_diagram"
    wanted = None if ids is None else resolve_many(ids, names, what, function=function)
    focus_id = None if focus is None else resolve(focus, names, what, function=function)
    if focus_id is not None:  # the focus, and without ids the names linked to it
        links = wanted if wanted is not None else _neighbours(edges, focus_id)
        wanted = list(dict.fromkeys(links + [focus_id]))
    if wanted is not None:
        edges = [e for e in edges if e.source in wanted and e.target in wanted]
    nodes = {}
    for key in dict.fromkeys([end for e in edges for end in (e.source, e.target)] + (wanted or [])):
        thing = found.get(key)
        first = paragraph_order(thing.paragraph if thing else None)
        nodes[key] = Node(key, names[key], _kind(thing), first)
    with style():
        return _draw(nodes, edges, focus_id)


def _layout(nodes: dict[str, Node], edges: list[Edge], renderer: Any) -> None:
    """Put each box in its column: the middle one by first paragraph, the sides by the
    average place of the middle names they link to (so that few arrows cross)."""
    columns: list[list[Node]] = [[], [], []]
    for node in nodes.values():
        columns[NODE_STYLES[node.kind][3]].append(node)
        width, height = measure(renderer, node.name, FONT, "bold")
        node.w, node.h = width + 0.45, height + 0.18
    columns[1].sort(key=lambda n: (n.first, n.id))
    rank = {n.id: k for k, n in enumerate(columns[1])}
    for side in (columns[0], columns[2]):

        def middle(node: Node) -> tuple[float, int, str]:
            links = [
                rank[other]
                for e in edges
                for me, other in ((e.source, e.target), (e.target, e.source))
                if me == node.id and other in rank
            ]
            return (sum(links) / len(links) if links else len(rank), node.first, node.id)

        side.sort(key=middle)
    for column, x in zip(columns, COLUMN_CENTRES, strict=True):
        step = (HEIGHT - 2.4) / max(len(column), 1)
        for k, node in enumerate(column):
            node.x, node.y = x, HEIGHT - 1.3 - step * (k + 0.5)


def _path(a: Node, b: Node) -> Path:
    """The arrow from box `a` to box `b`: straight between columns, bent within one."""
    if a.x == b.x:
        bend = BENDS[COLUMN_CENTRES.index(a.x)]
        start, end = (a.x + bend * a.w / 2, a.y), (b.x + bend * b.w / 2, b.y)
        reach = 0.3 + 0.35 * abs(
            a.y - b.y
        )  # longer arrows bend further, so they do not run together
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
    t = np.asarray(t, dtype=float)[..., None]
    v = path.vertices
    if len(v) == 3:
        return (1 - t) ** 2 * v[0] + 2 * (1 - t) * t * v[1] + t**2 * v[2]
    return v[0] + t * (v[1] - v[0])


def _inside(points: np.ndarray, boxes: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """For each box (x0, y0, x1, y1), the summed weights of the points that lie in it."""
    x, y = points[:, 0], points[:, 1]
    inside = (x >= boxes[:, :1]) & (x <= boxes[:, 2:3]) & (y >= boxes[:, 1:2]) & (y <= boxes[:, 3:])
    return inside @ weights


def _place_labels(nodes: dict[str, Node], edges: list[Edge], renderer: Any) -> None:
    """Put each label on its own arrow, as far as it can from boxes, labels and other arrows.

    Each label's candidate spots lie along its own arrow (its middle first, which is the
    top of a curved arrow); a spot costs much for any box or label it covers and a little
    for each bit of another arrow running under it, so a label never reads as another's.
    """
    taken = [(n.x - n.w / 2, n.y - n.h / 2, n.x + n.w / 2, n.y + n.h / 2) for n in nodes.values()]
    steps = np.linspace(0, 1, 150)
    points = np.vstack([point_on(edge.path, steps) for edge in edges] + [np.empty((0, 2))])
    spots = np.array(STEPS)
    for edge in edges:
        w, h = measure(renderer, edge.label, SMALL)
        centres = point_on(edge.path, spots)
        half = np.array([w / 2 + 0.03, h / 2 + 0.02])
        boxes = np.hstack([centres - half, centres + half])
        near = np.hstack([centres - half - 0.06, centres + half + 0.06])  # a margin round it
        ends = {edge.source, edge.target}
        # an arrow from another name under a label misleads more than one sharing a name
        weights = [
            0 if other is edge else 1 if ends & {other.source, other.target} else 10
            for other in edges
        ]
        covered = np.array([sum(overlap(box, other) for other in taken) for box in boxes])
        cost = (
            5000 * covered
            + _inside(points, near, np.repeat(weights, len(steps)).astype(float))
            + np.abs(spots - 0.5)
        )
        best = int(np.argmin(cost))
        edge.at = tuple(centres[best])
        taken.append(tuple(boxes[best]))


def _draw(nodes: dict[str, Node], edges: list[Edge], focus: str | None) -> Chart:
    figure, renderer = new_figure(WIDTH, HEIGHT)
    ax = inch_axes(figure)
    title = "Who is connected to whom in the article"
    if focus is not None:
        title = f"The relations of {nodes[focus].name}"
    subtitle = "Each arrow points from the first name to the second. ¶ = paragraph of the article."
    ax.text(0.3, HEIGHT - 0.3, title, fontsize=14, fontweight="bold", va="top")
    ax.text(0.3, HEIGHT - 0.62, subtitle, fontsize=FONT, va="top")
    alt = f"{title}: a diagram of {plural(len(edges), 'relation')} among {len(nodes)} names."
    if not nodes:
        ax.text(0.3, HEIGHT / 2, "No relations to draw.", fontsize=FONT)
        return Chart(figure, alt, "No relations.", f"{title}.\nThere are no relations to draw.")
    _layout(nodes, edges, renderer)
    for edge in edges:
        edge.path = _path(nodes[edge.source], nodes[edge.target])
    _place_labels(nodes, edges, renderer)
    for node in nodes.values():
        _draw_node(ax, node, node.id == focus)
    for index, edge in enumerate(edges):
        style_ = mark(edge.basis)
        touches = focus in (edge.source, edge.target)
        ax.add_artist(
            FancyArrowPatch(
                path=edge.path,
                arrowstyle="-|>",
                mutation_scale=13,
                color=style_.colour,
                linestyle=style_.line,
                linewidth=2.2 if touches else 1.3,
                zorder=2,
                gid=f"relation-{index}",
            )
        )
        ax.text(
            *edge.at,
            edge.label,
            fontsize=SMALL,
            ha="center",
            va="center",
            zorder=5,
            gid=f"relation-{index}",
            bbox={"facecolor": WHITE, "edgecolor": "none", "pad": 0.5},
        )
    kinds = [k for k in NODE_STYLES if any(n.kind == k for n in nodes.values())]
    bases = [b for b in MARKS if any(e.basis == b for e in edges)]
    _legend(ax, kinds, bases)
    lines = [f"{title}. {subtitle}", _key_sentence(kinds, bases), *_describe(nodes, edges, focus)]
    caption = "Relations between the actors and places of the article."
    if focus is not None:
        caption = (
            f"The relations of {nodes[focus].name}, and the relations among the names around it."
        )
    return Chart(figure, alt, caption, "\n".join(lines))


def _describe(nodes: dict[str, Node], edges: list[Edge], focus: str | None) -> list[str]:
    """The focus, one sentence per relation, and the names without any relation."""
    lines = []
    if focus is not None:
        lines.append(f"{nodes[focus].name} is in bold; its own arrows are drawn thicker.")
    for edge in edges:
        words = f"{nodes[edge.source].name} — {edge.relation} — {nodes[edge.target].name}"
        words += f" ({para(edge.paragraph, False)}"
        if edge.basis != "article says":
            words += f"; {edge.basis}: {mark(edge.basis).short}"
        lines.append(words + ").")
    linked = {end for e in edges for end in (e.source, e.target)}
    alone = [n.name for n in nodes.values() if n.id not in linked]
    if alone:
        lines.append(f"Without any relation drawn: {join_and(alone)}.")
    return lines


def _draw_node(ax: Any, node: Node, bold: bool) -> None:
    colour, marker, _, _ = NODE_STYLES[node.kind]
    ax.add_artist(
        FancyBboxPatch(
            (node.x - node.w / 2, node.y - node.h / 2),
            node.w,
            node.h,
            boxstyle="round,pad=0,rounding_size=0.06",
            facecolor=WHITE,
            edgecolor=colour,
            linewidth=3.0 if bold else 1.6,
            zorder=3,
        )
    )
    left = node.x - node.w / 2
    ax.add_artist(
        Line2D(
            [left + 0.16],
            [node.y],
            marker=marker,
            markersize=9,
            color=colour,
            markeredgecolor=O["black"],
            markeredgewidth=0.7,
            linestyle="none",
            zorder=4,
        )
    )
    ax.text(
        left + 0.32,
        node.y,
        node.name,
        fontsize=FONT,
        fontweight="bold" if bold else "normal",
        va="center_baseline",
        zorder=4,
        gid=f"node-{node.id}",
    )


def _legend(ax: Any, kinds: list[str], bases: list[str]) -> None:
    shapes = [
        Line2D(
            [],
            [],
            marker=NODE_STYLES[k][1],
            color=NODE_STYLES[k][0],
            markeredgecolor=O["black"],
            markersize=9,
            linestyle="none",
            label=k,
        )
        for k in kinds
    ]
    lines = [
        Line2D([], [], color=mark(b).colour, linestyle=mark(b).line, lw=1.6, label=mark_label(b))
        for b in bases
    ]
    first = ax.legend(
        handles=shapes,
        loc="lower left",
        bbox_to_anchor=(0.02, 0.075),
        ncols=max(len(shapes), 1),
        frameon=False,
        fontsize=FONT,
        borderaxespad=0,
    )
    if lines:
        ax.add_artist(first)
        ax.legend(
            handles=lines,
            loc="lower left",
            bbox_to_anchor=(0.02, 0.01),
            ncols=2,
            frameon=False,
            fontsize=SMALL,
            handlelength=3,
            borderaxespad=0,
        )


def _key_sentence(kinds: list[str], bases: list[str]) -> str:
    shapes = "; ".join(f"{k}: {colour_name(NODE_STYLES[k][0])} {NODE_STYLES[k][2]}" for k in kinds)
    words = f"Each name is in a box with a shape and an outline colour for its kind: {shapes}."
    if bases:
        arrows = "; ".join(
            f"{mark(b).line_words} in {colour_name(mark(b).colour)}: {mark_label(b)}" for b in bases
        )
        words += f" Arrows: {arrows}."
    return words
