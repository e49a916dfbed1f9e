"""relations_diagram: who is connected to whom, as arrows between named boxes.

The boxes are laid out by `newsfacts.plots._layout` (stress majorization, then pushed
apart to leave room for the labels); arrows bend around boxes in their way; each label
goes where it hides no box, no other label and no arrowhead. Drawn straight on the figure
(no axes), with one artist for all the shapes of a kind and one for all the labels' white
backgrounds: a diagram of some 30 names and 40 relations takes well under half a second,
most of it matplotlib drawing the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from matplotlib.collections import PolyCollection
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from newsfacts.plots._common import (
    _and,
    _para,
    _paragraph,
    _resolve,
    _resolve_many,
    _rows,
    _table,
    _text,
    _Thing,
    _things,
    _wrap,
)
from newsfacts.plots._layout import (
    _arrow_path,
    _bend,
    _Edge,
    _fit,
    _Node,
    _park,
    _place_labels,
    _spread,
    _stress_layout,
)
from newsfacts.plots.chart import (
    _BASIS_WORDS,
    _FONT,
    _LINE_STYLE,
    _O,
    _SMALL,
    _WHITE,
    Chart,
    _Box,
    _colour_name,
    _key,
    _new_figure,
    _Page,
    _style,
    _text_size,
)

_NODE_STYLE = {  # relations_diagram: colour, marker, words for the marker
    "person": (_O["orange"], "o", "circle"),
    "state": (_O["blue"], "s", "square"),
    "territory": (_O["bluish green"], "D", "diamond"),
    "organisation": (_O["reddish purple"], "h", "hexagon"),
    "group": (_O["vermillion"], "^", "triangle"),
    "place": (_O["sky blue"], "p", "pentagon"),
    "other": (_O["black"], "X", "cross"),
}


def _style_kind(thing: _Thing | None) -> str:
    if thing is None:
        return "other"
    if thing.table == "places":
        return "place"
    return thing.kind if thing.kind in _NODE_STYLE else "other"


def relations_diagram(
    book: Any,
    ids: Iterable[str] | str | None = None,
    focus: str | None = None,
) -> Chart:
    """Diagram of who is connected to whom: the relations table as arrows between names.

    What a student sees: each name in a box, the names that are linked close together
    and the busiest ones (the US, Ukraine) with room around them for their arrows. Each
    arrow goes from the first name of a relation to the second and is labelled, on or
    just beside it, with the relation and its paragraph ("son-in-law of ¶5"). Colour and
    shape of a dot say what kind of actor it is; a solid black arrow is something the
    article says, a dashed one something it says someone said, a dotted one something
    worked out from the article. The layout is the same every time.

    Parameters
    ----------
    book : Book
        A loaded pack, e.g. ``newsfacts.load()``.
    ids : str or list of str, optional
        Only these actors and places (ids or names) and the relations among them.
    focus : str, optional
        An actor or place (id or name) whose relations are highlighted: every other
        arrow is drawn faint and without a label. The layout does not change, so the
        same name stays in the same spot whatever the focus.

    Returns
    -------
    Chart
        The picture, its caption and a text description with one sentence per relation.

    Raises
    ------
    UnknownNameError
        When an id or name is not in the pack; the message suggests the closest ones.
    """
    things = _things(book)
    names = {key: thing.name for key, thing in things.items()}
    edges: list[_Edge] = []
    for row in _rows(_table(book, "relations")):
        source, target = _text(row.get("source")), _text(row.get("target"))
        if not source or not target:
            continue
        edges.append(
            _Edge(
                _text(row.get("id")),
                source,
                target,
                _text(row.get("relation")),
                _paragraph(row.get("paragraph")),
                _text(row.get("basis")) or "reported",
            )
        )
    for edge in edges:
        for end in (edge.source, edge.target):
            names.setdefault(end, end)
    wanted = None if ids is None else set(_resolve_many(ids, names, "actor or place"))
    focus_id = None if focus is None else _resolve(focus, names, "actor or place")

    # Lay out every node of the whole table (or of the chosen ids), whatever the focus.
    if wanted is not None:
        edges = [e for e in edges if e.source in wanted and e.target in wanted]
    members = list(dict.fromkeys([end for e in edges for end in (e.source, e.target)]))
    if wanted is not None:
        members += sorted(wanted - set(members))
    if focus_id is not None and focus_id not in members:
        members.append(focus_id)
    nodes = {key: _Node(key, names.get(key, key), _style_kind(things.get(key))) for key in members}
    with _style():
        return _draw_relations(nodes, edges, focus_id)


_LAYOUTS: dict[tuple, tuple] = {}  # recent layouts, so that a new focus redraws quickly


def _layout_relations(
    nodes: dict[str, _Node],
    edges: list[_Edge],
    texts: dict[int, str],
    renderer: Any,
    width: float,
    height: float,
) -> dict[int, Any]:
    """Place the boxes and bend the arrows; return points along each arrow (by ``id``).

    The same nodes and relations always give the same layout; the last few layouts are
    kept, so that changing the focus does not lay the diagram out again.
    """
    key = (
        width,
        height,
        tuple((n.id, n.name, n.kind) for n in sorted(nodes.values(), key=lambda n: n.id)),
        tuple((e.source, e.target, texts[id(e)]) for e in edges),
    )
    if key in _LAYOUTS:
        spots, rads, points = _LAYOUTS[key]
        for node in nodes.values():
            node.x, node.y, node.label_box = spots[node.id]
        for edge, (rad, span) in zip(edges, rads, strict=True):
            edge.rad, edge.span = rad, span
        return {id(edge): p for edge, p in zip(edges, points, strict=True)}

    area = _Box(0.3, 1.0, width - 0.6, height - 1.0 - 1.0)
    lengths, room = {}, []
    degree: dict[str, int] = {}
    for edge in edges:
        for end in {edge.source, edge.target}:
            degree[end] = degree.get(end, 0) + 1
    for edge in edges:
        label_w, label_h = _text_size(renderer, texts[id(edge)], _SMALL)
        a, b = nodes[edge.source].label_box, nodes[edge.target].label_box
        # Long enough for the label, and around a name with many arrows long enough for
        # their labels to sit side by side in a ring around it.
        busy = max(degree[edge.source], degree[edge.target])
        lengths[id(edge)] = max(1.1, 0.6 * label_w + (a.w + b.w) / 8 + 0.35, 0.26 * busy)
        if edge.source != edge.target:
            room.append((edge.source, edge.target, label_w + 0.08, label_h + 0.06))
    ends = {end for e in edges for end in (e.source, e.target)}
    linked_nodes = {key: node for key, node in nodes.items() if key in ends}
    if linked_nodes:
        spots = _stress_layout(sorted(linked_nodes), edges, lengths)
        _fit(linked_nodes, spots, area)
        # A crowded diagram cannot give every label all the room it wants.
        share = 1.0 if len(linked_nodes) <= 15 else 0.75
        _spread(linked_nodes, area, 0.35, 0.45, room, share)
    _park([n for k, n in nodes.items() if k not in ends], list(linked_nodes.values()), area)
    # Bend arrows around boxes they would otherwise cross.
    samples = _bend(nodes, edges)

    if len(_LAYOUTS) >= 8:
        del _LAYOUTS[next(iter(_LAYOUTS))]
    _LAYOUTS[key] = (
        {n.id: (n.x, n.y, n.label_box) for n in nodes.values()},
        [(e.rad, e.span) for e in edges],
        [samples[id(e)] for e in edges],
    )
    return samples


def _draw_relations(nodes: dict[str, _Node], edges: list[_Edge], focus: str | None) -> Chart:
    width, height = 12.0, 9.0
    figure, renderer = _new_figure(width, height)
    page = _Page(figure)  # no axes: everything is drawn straight on the figure, in inches
    title = "Who is connected to whom in the article"
    if focus is not None:
        title = f"The relations of {nodes[focus].name}"
    page.text(0.3, height - 0.3, title, fontsize=14, fontweight="bold", va="top")
    subtitle = "Each arrow points from the first name to the second. ¶ = paragraph of the article."
    if focus is not None and not any(focus in (e.source, e.target) for e in edges):
        subtitle += f" {nodes[focus].name} has no relation in the table."
    page.text(0.3, height - 0.62, subtitle, fontsize=_FONT, va="top")
    alt = []
    if not nodes:
        page.text(0.3, height / 2, "No relations to draw.", fontsize=_FONT)
        return Chart(figure, f"{title}.\nThere are no relations to draw.", "No relations.")

    # Each node is a box holding a shape (its kind) and its name.
    for node in nodes.values():
        w, h = _text_size(renderer, node.name, _FONT)
        node.label_box = _Box(0, 0, w + 0.42, h + 0.16)
    texts = {id(e): _wrap(f"{e.relation} {_para(e.paragraph)}", 18) for e in edges}
    samples = _layout_relations(nodes, edges, texts, renderer, width, height)

    # Place each arrow's label on the arrow, covering no box, no label and few other arrows.
    shown = [e for e in edges if focus is None or focus in (e.source, e.target)]
    sizes = {}
    for edge in shown:
        w, h = _text_size(renderer, texts[id(edge)], _SMALL)
        sizes[id(edge)] = (w + 0.08, h + 0.06)
        edge.extra["text"] = texts[id(edge)]
    _place_labels(nodes, shown, edges, samples, sizes, _Box(0.05, 0.75, width - 0.1, height - 1.6))

    # Draw the boxes, then the arrows between them, then the arrows' labels on top.
    linked = {focus}
    for edge in edges:
        if focus in (edge.source, edge.target):
            linked |= {edge.source, edge.target}
    marks: dict[tuple[str, bool], list[tuple[float, float]]] = {}
    for node in nodes.values():
        colour, marker, _ = _NODE_STYLE[node.kind]
        faint = focus is not None and node.id not in linked
        box = node.label_box
        page.add_artist(
            FancyBboxPatch(
                (box.x, box.y),
                box.w,
                box.h,
                boxstyle="round,pad=0,rounding_size=0.06",
                facecolor=_WHITE,
                edgecolor=colour,
                linewidth=3.0 if node.id == focus else 1.6,
                alpha=0.35 if faint else 1.0,
                zorder=3,
            )
        )
        marks.setdefault((node.kind, faint), []).append((box.x + 0.16, node.y))
        size = _FONT
        if node.id == focus:  # in bold, a little smaller if it would not fit its box
            room = box.w - 0.42
            size = max(
                _SMALL, min(_FONT, _FONT * room / _text_size(renderer, node.name, _FONT, "bold")[0])
            )
        page.text(
            box.x + 0.32,
            node.y,
            node.name,
            fontsize=size,
            fontweight="bold" if node.id == focus else "normal",
            ha="left",
            va="center_baseline",
            alpha=0.4 if faint else 1.0,
            zorder=4,
        )
    for (kind, faint), spots in marks.items():  # the shapes, one artist for each kind
        colour, marker, _ = _NODE_STYLE[kind]
        page.add_artist(
            Line2D(
                [x for x, _ in spots],
                [y for _, y in spots],
                marker=marker,
                markersize=9,
                color=colour,
                markeredgecolor=_O["black"],
                markeredgewidth=0.7,
                alpha=0.35 if faint else 1.0,
                linestyle="none",
                zorder=4,
            )
        )
    for edge in edges:
        colour, dash, _ = _LINE_STYLE.get(edge.basis, _LINE_STYLE["reported"])
        faint = focus is not None and focus not in (edge.source, edge.target)
        page.add_artist(
            FancyArrowPatch(
                path=_arrow_path(nodes[edge.source], nodes[edge.target], edge.rad),
                arrowstyle="-|>",
                mutation_scale=13,
                color=_O["black"] if faint else colour,
                alpha=0.15 if faint else 1.0,
                linestyle=dash,
                linewidth=0.8 if faint else (2.0 if focus else 1.3),
                zorder=2,
            )
        )
    backgrounds = []
    for edge in shown:
        x, y = edge.label_xy
        page.text(
            x,
            y,
            edge.extra["text"],
            fontsize=_SMALL,
            ha="center",
            va="center",
            multialignment="center",
            zorder=5,
        )
        w, h = _text_size(renderer, edge.extra["text"], _SMALL)
        w, h = w / 2 + 0.02, h / 2 + 0.01
        backgrounds.append([(x - w, y - h), (x + w, y - h), (x + w, y + h), (x - w, y + h)])
    # White behind the labels, so that no arrow runs through one: a single artist.
    page.add_artist(PolyCollection(backgrounds, facecolors=_WHITE, edgecolors="none", zorder=4.5))

    # The key: the shapes on one line, the line styles under them.
    kinds = [k for k in _NODE_STYLE if any(n.kind == k for n in nodes.values())]
    bases = [b for b in _LINE_STYLE if any(e.basis == b for e in edges)]
    kind_words = {"place": "place (city, region, area)", "other": "other"}

    def shape(kind: str) -> Any:
        colour, marker, _ = _NODE_STYLE[kind]
        return lambda x, y, w: page.add_artist(
            Line2D(
                [x + w / 2],
                [y],
                marker=marker,
                color=colour,
                markeredgecolor=_O["black"],
                markeredgewidth=0.8,
                markersize=10,
                linestyle="none",
            )
        )

    def line(basis: str) -> Any:
        colour, dash, _ = _LINE_STYLE[basis]
        return lambda x, y, w: page.add_artist(
            Line2D([x, x + w], [y, y], color=colour, linestyle=dash, linewidth=1.6)
        )

    em = _FONT / 72
    shapes = [(shape(k), 1.0 * em, kind_words.get(k, k)) for k in kinds]
    _key(page, renderer, shapes, 0.3, 0.5 + 0.8 * em, line=1.6)
    lines = [(line(b), 2.6 * em, f"{b}: {_BASIS_WORDS[b]}") for b in bases]
    _key(page, renderer, lines, 0.3, 0.2 + 0.8 * em, line=1.6)

    alt.append(
        f"{title}: a diagram of {len(edges)} relation{'s' if len(edges) != 1 else ''} "
        f"among {len(nodes)} actor{'s' if len(nodes) != 1 else ''} and places. {subtitle}"
    )
    if focus is not None:
        alt.append(
            f"The relations of {nodes[focus].name} are highlighted and labelled; the others "
            "are drawn faint, without labels, and are listed after them."
        )
    alt.append(
        "Each name is in a box with a shape and an outline colour for its kind: "
        + "; ".join(
            f"{kind_words.get(k, k)}: {_colour_name(_NODE_STYLE[k][0])} {_NODE_STYLE[k][2]}"
            for k in kinds
        )
        + "."
    )
    if bases:
        alt.append(
            "Arrows: "
            + "; ".join(
                f"{_LINE_STYLE[b][2]} in {_colour_name(_LINE_STYLE[b][0])}: {b}, {_BASIS_WORDS[b]}"
                for b in bases
            )
            + "."
        )
    ordered = sorted(edges, key=lambda e: focus is not None and focus not in (e.source, e.target))
    for edge in ordered:
        sentence = (
            f"{nodes[edge.source].name} — {edge.relation} — {nodes[edge.target].name} "
            f"({_para(edge.paragraph, False)}"
        )
        if edge.basis != "reported":
            sentence += f"; {edge.basis}: {_BASIS_WORDS.get(edge.basis, edge.basis)}"
        sentence += ")"
        if focus is not None and focus not in (edge.source, edge.target):
            sentence += ", faint"
        alt.append(sentence + ".")
    alone = [n.name for n in nodes.values() if not any(n.id in (e.source, e.target) for e in edges)]
    if alone:
        alt.append(f"Without any relation drawn: {_and(alone)}.")
    caption = (
        "Relations between the actors and places of the article."
        if focus is None
        else f"The relations of {nodes[focus].name}, highlighted among all the others."
    )
    return Chart(figure, "\n".join(alt), caption)
