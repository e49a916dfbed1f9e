"""Laying out a diagram of boxes and arrows: where the boxes go, how the arrows bend,
where their labels sit. Deterministic: the same input always gives the same layout."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsfacts.plots.chart import _Box


@dataclass
class _Node:
    id: str
    name: str
    kind: str  # the style key: person, state, territory, organisation, group, place, other
    x: float = 0.0
    y: float = 0.0
    label_box: _Box | None = None  # the whole box: shape and name


@dataclass
class _Edge:
    id: str
    source: str
    target: str
    relation: str
    paragraph: int | None
    basis: str
    rad: float = 0.0  # how much the arrow bends (see `_bezier`)
    span: tuple[float, float] = (0.0, 1.0)  # the part of the arc outside both boxes
    label_xy: tuple[float, float] | None = None
    extra: dict = field(default_factory=dict)


def _stress_layout(
    keys: list[str], edges: list[_Edge], lengths: dict[int, float]
) -> dict[str, tuple[float, float]]:
    """Place nodes so that straight-line distances follow distances in the graph, where
    an arrow is as long as `lengths` (by ``id`` of the edge) asks.

    Classical scaling of the graph distances gives a first placement, then stress
    majorization improves it until it stops moving. No randomness: the same table gives
    the same layout.
    """
    n = len(keys)
    if n == 1:
        return {keys[0]: (0.0, 0.0)}
    index = {key: k for k, key in enumerate(keys)}
    distance = np.full((n, n), np.inf)
    np.fill_diagonal(distance, 0.0)
    for edge in edges:
        i, j = index[edge.source], index[edge.target]
        if i != j:
            length = min(distance[i, j], lengths[id(edge)])
            distance[i, j] = distance[j, i] = length
    for k in range(n):  # shortest paths (Floyd-Warshall; a few dozen nodes)
        distance = np.minimum(distance, distance[:, k : k + 1] + distance[k : k + 1, :])
    finite = distance[np.isfinite(distance)]
    distance[~np.isfinite(distance)] = finite.max() + max(lengths.values(), default=1.0)

    # First placement: classical scaling, the two main axes of the squared distances.
    squared = distance**2
    squared -= squared.mean(axis=0)[None, :] + squared.mean(axis=1)[:, None] - squared.mean()
    xy = _main_axes(-0.5 * squared)

    # Then stress majorization with weights 1/d^2 (Gansner, Koren and North 2004), every
    # node moved at once to where its distances to the others pull it, until it settles.
    # Plain array arithmetic throughout: no BLAS or LAPACK, whose worker threads would
    # keep a second core busy long after such small sums.
    off = ~np.eye(n, dtype=bool)
    weight = np.where(off, distance, 1.0) ** -2.0 * off
    total = weight.sum(axis=1)[:, None]
    before = np.inf
    for _ in range(300):
        diff = xy[:, None, :] - xy[None, :, :]
        gap = np.hypot(diff[..., 0], diff[..., 1])
        stress = float((weight * (gap - distance) ** 2).sum())
        if before - stress < 1e-7 * stress:
            break
        before = stress
        pull = xy[None, :, :] + (distance / np.maximum(gap, 1e-9))[..., None] * diff
        xy = (weight[..., None] * pull).sum(axis=1) / total
    xy -= xy.mean(axis=0)
    return {key: (float(xy[k, 0]), float(xy[k, 1])) for k, key in enumerate(keys)}


def _main_axes(matrix: np.ndarray) -> np.ndarray:
    """Coordinates along the two main axes of a symmetric matrix: its eigenvectors of the
    two largest positive eigenvalues, scaled by their square roots, as classical scaling
    takes them. Power iteration, deterministic; each axis points the way its largest
    coordinate is positive."""
    n = len(matrix)
    found: list[np.ndarray] = []  # eigenvectors, largest eigenvalue first by size
    columns: list[np.ndarray] = []
    while len(columns) < 2 and len(found) < n:
        vector = np.linspace(1.0, 2.0, n) * np.cos(np.arange(n) * len(found))
        for _ in range(1000):
            for other in found:  # stay clear of the axes already found
                vector = vector - (vector * other).sum() * other
            vector = vector / max(np.sqrt((vector * vector).sum()), 1e-300)
            product = (matrix * vector[None, :]).sum(axis=1)
            for other in found:
                product = product - (product * other).sum() * other
            value = float((vector * product).sum())
            settled = np.abs(product - value * vector).max() <= 1e-9 * abs(value)
            vector = product
            if settled:
                break
        vector = vector / max(np.sqrt((vector * vector).sum()), 1e-300)
        found.append(vector)
        if value > 1e-9:
            if vector[np.argmax(np.abs(vector) - 1e-9 * np.arange(n))] < 0:
                vector = -vector
            columns.append(vector * np.sqrt(value))
    while len(columns) < 2:  # everything on a line (or a point): open it up a little
        columns.append(0.01 * np.cos(np.arange(n) * (len(columns) + 1)))
    return np.column_stack(columns)


def _arcs(
    a: tuple[float, float], b: tuple[float, float], rads: np.ndarray, ts: np.ndarray
) -> np.ndarray:
    """Points of the arcs from `a` to `b` bent by each of `rads` (as `_bezier` draws them) at
    each of `ts`: an array of shape (len(rads), len(ts), 2)."""
    (x1, y1), (x2, y2) = a, b
    rads, ts = np.asarray(rads, dtype=float)[:, None], np.asarray(ts, dtype=float)[None, :]
    cx, cy = (x1 + x2) / 2 + rads * (y2 - y1), (y1 + y2) / 2 - rads * (x2 - x1)
    u = 1 - ts
    return np.stack(
        [u * u * x1 + 2 * u * ts * cx + ts * ts * x2, u * u * y1 + 2 * u * ts * cy + ts * ts * y2],
        axis=-1,
    )


def _inside(points: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Which of `points` (..., 2) lie in which of `boxes` (rows x, y, w, h): (..., boxes)."""
    x, y = points[..., 0, None], points[..., 1, None]
    return (
        (x >= boxes[:, 0])
        & (x <= boxes[:, 0] + boxes[:, 2])
        & (y >= boxes[:, 1])
        & (y <= boxes[:, 1] + boxes[:, 3])
    )


def _overlaps(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Overlap area of every box (rows: x, y, w, h) with all of `others`, summed."""
    if not len(others):
        return np.zeros(len(boxes))
    return _overlaps_each(boxes, others).sum(axis=1)


def _overlaps_each(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Overlap area of every box (rows: x, y, w, h) with each of `others`."""
    dx = np.minimum(
        boxes[:, None, 0] + boxes[:, None, 2], others[None, :, 0] + others[None, :, 2]
    ) - np.maximum(boxes[:, None, 0], others[None, :, 0])
    dy = np.minimum(
        boxes[:, None, 1] + boxes[:, None, 3], others[None, :, 1] + others[None, :, 3]
    ) - np.maximum(boxes[:, None, 1], others[None, :, 1])
    return np.clip(dx, 0, None) * np.clip(dy, 0, None)


_BENDS = np.array([0.0, 0.12, -0.12, 0.22, -0.22, 0.32, -0.32, 0.45, -0.45])


def _bend(nodes: dict[str, _Node], edges: list[_Edge]) -> dict[int, np.ndarray]:
    """Bend each arrow (``edge.rad``) as little as it takes to miss the other boxes; arrows
    between the same two boxes are bent apart. Return points along each arrow, outside its
    own two boxes (by ``id`` of the edge)."""
    keys = list(nodes)
    boxes = np.array([_astuple(n.label_box.grown(0.05)) for n in nodes.values()])
    pairs: dict[frozenset, list[_Edge]] = {}
    for edge in edges:
        pairs.setdefault(frozenset((edge.source, edge.target)), []).append(edge)
    ts = np.arange(1, 40) / 40
    samples = {}
    for edge in edges:
        a, b = nodes[edge.source], nodes[edge.target]
        siblings = pairs[frozenset((a.id, b.id))]
        rads = _BENDS
        if len(siblings) > 1:
            rads = rads + 0.25 * (siblings.index(edge) - (len(siblings) - 1) / 2)
            if edge.source > edge.target:
                rads = -rads
        points = _arcs((a.x, a.y), (b.x, b.y), rads, ts)
        others = boxes[[k not in (a.id, b.id) for k in keys]]
        hits = _inside(points, others).sum(axis=(1, 2))
        clear = np.flatnonzero(hits == 0)
        pick = int(clear[0]) if len(clear) else int(np.argmin(hits + 2 * np.abs(rads)))
        edge.rad = float(rads[pick])
        ends = np.array([_astuple(a.label_box), _astuple(b.label_box)])
        outside = ~_inside(points[pick], ends).any(axis=1)
        samples[id(edge)] = points[pick][outside]
        if outside.any():
            first, last = np.flatnonzero(outside)[[0, -1]]
            edge.span = (float(ts[first]) - 0.5 / 40, float(ts[last]) + 0.5 / 40)
    return samples


_ALONG = np.array([0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.12, 0.88])
_ACROSS = np.array([0.0, 0.12, -0.12, 0.24, -0.24, 0.36, -0.36])


def _place_labels(
    nodes: dict[str, _Node],
    shown: list[_Edge],
    edges: list[_Edge],
    samples: dict[int, np.ndarray],
    sizes: dict[int, tuple[float, float]],
    bounds: _Box,
) -> None:
    """Put each arrow's label on its arrow (or just beside it) where it covers no box, no
    other label, no arrowhead and few other arrows, inside `bounds`: a first pass in table
    order, then passes that move each label to its best spot given all the others."""
    if not shown:
        return
    # Every arrow's arc, to find spots along it (`arc` gives points at parameters t).
    a = np.array([(nodes[e.source].x, nodes[e.source].y) for e in edges])
    b = np.array([(nodes[e.target].x, nodes[e.target].y) for e in edges])
    rad = np.array([e.rad for e in edges])[:, None]
    control = (a + b) / 2 + rad * np.column_stack([b[:, 1] - a[:, 1], a[:, 0] - b[:, 0]])

    def arc(t: np.ndarray, which: Any = slice(None)) -> np.ndarray:
        """Points (arrows, k, 2) of the arrows `which` at t (arrows, k)."""
        t, u = t[..., None], 1 - t[..., None]
        return u * u * a[which, None] + 2 * u * t * control[which, None] + t * t * b[which, None]

    # Where each arrow starts, and its head (the last 0.15 inch): labels should not hide them.
    span = np.array([e.span for e in edges])
    inch = 1 / np.maximum(np.hypot(*(b - a).T), 1e-9)  # about an inch of arrow, in t
    head = np.linspace(span[:, 1] - 0.02 * inch, span[:, 1] - 0.15 * inch, 4).T
    tips = arc(np.column_stack([span[:, 0], head]))  # (arrows, 5, 2): start, then head

    # The candidate spots of every label at once: 11 along its arrow, middle first, each
    # shifted across it 9 ways, in boxes[label, spot] = (x, y, w, h).
    number = {id(e): k for k, e in enumerate(edges)}
    mine = np.array([number[id(e)] for e in shown])
    along = span[mine, :1] + _ALONG * (span[mine, 1:] - span[mine, :1])
    here = arc(along, mine)
    step = arc(along + 0.01, mine) - here
    normal = np.stack([-step[..., 1], step[..., 0]], axis=-1)
    normal /= np.maximum(np.hypot(step[..., 0], step[..., 1]), 1e-9)[..., None]
    size = np.array([sizes[id(e)] for e in shown])
    # On the arrow, shifted a little either way; or just beside it, on either side.
    beside = (
        np.minimum(
            size[:, None, 0] / 2 / np.maximum(np.abs(normal[..., 0]), 1e-9),
            size[:, None, 1] / 2 / np.maximum(np.abs(normal[..., 1]), 1e-9),
        )
        + 0.05
    )
    across = np.concatenate(
        [np.broadcast_to(_ACROSS, (*beside.shape, len(_ACROSS))), beside[..., None] * [1, -1]],
        axis=-1,
    )  # (labels, along, across)
    centres = (here[:, :, None] + across[..., None] * normal[:, :, None]).reshape(len(shown), -1, 2)
    size = size[:, None, :]
    boxes = np.concatenate([centres - size / 2, np.broadcast_to(size, centres.shape)], axis=-1)

    cost = (
        0.15 * np.minimum(np.abs(across), 0.3) + 0.05 * np.abs(_ALONG - 0.5)[None, :, None]
    ).reshape(len(shown), -1)
    cost += (
        (boxes[..., 0] < bounds.x)
        | (boxes[..., 1] < bounds.y)
        | (boxes[..., 0] + boxes[..., 2] > bounds.x + bounds.w)
        | (boxes[..., 1] + boxes[..., 3] > bounds.y + bounds.h)
    )
    node_boxes = np.array([_astuple(n.label_box.grown(0.04)) for n in nodes.values()])
    # Covering a box at all is bad (it hides the box's outline), covering more is worse.
    clash = _overlaps_each(boxes.reshape(-1, 4), node_boxes)
    cost += (5 * (clash > 0) + 20 * clash).sum(axis=1).reshape(cost.shape)
    # What a spot covers of the arrows near it: points along them (a little), their
    # heads (much: a head hidden under a label makes the arrow unreadable) and where
    # its own arrow starts.
    points = np.concatenate([samples[id(e)].reshape(-1, 2) for e in edges])
    owner = np.repeat(np.arange(len(edges)), [len(samples[id(e)]) for e in edges])
    heads = tips[:, 1:].reshape(-1, 2)
    head_owner = np.repeat(np.arange(len(edges)), 4)
    shown_heads = np.isin(head_owner, mine)
    low = boxes[..., :2].min(axis=1)
    high = (boxes[..., :2] + boxes[..., 2:]).max(axis=1)
    bold = np.isin(owner, mine)  # points of arrows drawn in full, not faint
    margin = np.array([-0.12, -0.12, 0.24, 0.24])
    for k in range(len(shown)):
        near = (
            (owner != mine[k])
            & np.all(points >= low[k] - 0.12, axis=1)
            & np.all(points <= high[k] + 0.12, axis=1)
        )
        # A label on another arrow, or close by it, reads as that arrow's label.
        weight = np.where(bold[near], 1.0, 0.2)[:, None]
        cost[k] += 0.1 * (_inside(points[near], boxes[k]) * weight).sum(axis=0)
        cost[k] += 0.03 * (_inside(points[near], boxes[k] + margin) * weight).sum(axis=0)
        near = np.all(heads >= low[k], axis=1) & np.all(heads <= high[k], axis=1)
        weight = np.where(shown_heads[near], 1.5, 0.3)  # faint arrows' heads matter less
        cost[k] += (_inside(heads[near], boxes[k]) * weight[:, None]).sum(axis=0)
        cost[k] += 0.3 * _inside(tips[mine[k], :1], boxes[k])[0]

    # Labels whose spots can meet, to keep them apart.
    region = np.column_stack([low - 0.03, high - low + 0.06])  # all of a label's spots
    meets = _overlaps_each(region, region) > 0
    np.fill_diagonal(meets, False)
    neighbours = [np.flatnonzero(row) for row in meets]
    chosen = np.full(len(shown), -1)
    for _ in range(4):
        before = chosen.copy()
        for k in range(len(shown)):
            near = [j for j in neighbours[k] if chosen[j] >= 0]
            total = cost[k]
            if near:
                grown = boxes[near, chosen[near]] + np.array([-0.03, -0.03, 0.06, 0.06])
                clash = _overlaps_each(boxes[k], grown)
                total = total + (5 * (clash > 0) + 20 * clash).sum(axis=1)
            chosen[k] = int(np.argmin(total))
        if np.array_equal(chosen, before):  # no label moved: none will
            break
    for k, edge in enumerate(shown):
        x, y, w, h = (float(v) for v in boxes[k, chosen[k]])
        edge.label_xy = (x + w / 2, y + h / 2)


def _astuple(box: _Box) -> tuple[float, float, float, float]:
    return (box.x, box.y, box.w, box.h)


_MAX_STRETCH = 1.8


def _fit(nodes: dict[str, _Node], spots: dict[str, tuple[float, float]], area: _Box) -> None:
    """Turn the layout to the angle where it fills `area` best, then scale it to fill the
    area (but not beyond 1.8 times its own size, so that a few names stay close)."""

    if len(nodes) == 1:
        (node,) = nodes.values()
        node.x, node.y = area.x + area.w / 2, area.y + area.h / 2
        node.label_box = _Box(
            node.x - node.label_box.w / 2,
            node.y - node.label_box.h / 2,
            node.label_box.w,
            node.label_box.h,
        )
        return
    widest = max(n.label_box.w for n in nodes.values())
    tallest = max(n.label_box.h for n in nodes.values())
    # First try lying the layout's long axis flat; if it fits with room to spare keep that.
    xs0 = [x for x, _ in spots.values()]
    ys0 = [y for _, y in spots.values()]
    mx, my = sum(xs0) / len(xs0), sum(ys0) / len(ys0)
    sxx = sum((x - mx) ** 2 for x in xs0)
    syy = sum((y - my) ** 2 for y in ys0)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs0, ys0, strict=True))
    flat = -0.5 * math.atan2(2 * sxy, sxx - syy)
    best = None
    for angle in [flat] + [math.radians(d) for d in range(0, 180, 5)]:
        cos, sin = math.cos(angle), math.sin(angle)
        turned = {k: (x * cos - y * sin, x * sin + y * cos) for k, (x, y) in spots.items()}
        left = min(turned[k][0] - n.label_box.w / 2 for k, n in nodes.items())
        right = max(turned[k][0] + n.label_box.w / 2 for k, n in nodes.items())
        low = min(turned[k][1] - n.label_box.h / 2 for k, n in nodes.items())
        high = max(turned[k][1] + n.label_box.h / 2 for k, n in nodes.items())
        scale = min(area.w / max(right - left, 1e-9), area.h / max(high - low, 1e-9))
        if best is None or scale > best[0] + 1e-9:
            best = (scale, turned)
        if angle == flat and scale >= _MAX_STRETCH:
            break
    turned = best[1]
    xs = [x for x, _ in turned.values()]
    ys = [y for _, y in turned.values()]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    scale_x = min((area.w - widest) / span_x, _MAX_STRETCH) if span_x > 1e-9 else 1.0
    scale_y = min((area.h - tallest) / span_y, _MAX_STRETCH) if span_y > 1e-9 else 1.0
    middle_x, middle_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    for key, node in nodes.items():
        x, y = turned[key]
        half_w, half_h = node.label_box.w / 2, node.label_box.h / 2
        node.x = area.x + area.w / 2 + (x - middle_x) * scale_x
        node.y = area.y + area.h / 2 + (y - middle_y) * scale_y
        node.x = min(max(node.x, area.x + half_w), area.x + area.w - half_w)
        node.y = min(max(node.y, area.y + half_h), area.y + area.h - half_h)
        node.label_box = _Box(node.x - half_w, node.y - half_h, 2 * half_w, 2 * half_h)


def _park(alone: list[_Node], placed: list[_Node], area: _Box) -> None:
    """Put boxes without arrows in the free spots farthest from the other boxes."""
    taken = [_astuple(n.label_box.grown(0.3)) for n in placed]
    steps_x, steps_y = 24, 16
    i, j = np.meshgrid(np.arange(steps_x + 1), np.arange(steps_y + 1), indexing="ij")
    i, j = i.ravel(), j.ravel()
    for node in alone:
        w, h = node.label_box.w, node.label_box.h
        xs = area.x + w / 2 + (area.w - w) * i / steps_x
        ys = area.y + area.h - h / 2 - (area.h - h) * j / steps_y
        spots = np.column_stack([xs - w / 2, ys - h / 2, np.full(len(xs), w), np.full(len(xs), h)])
        others = np.array(taken).reshape(-1, 4)
        clash = _overlaps(spots, others)
        if len(others):
            centres = others[:, :2] + others[:, 2:] / 2
            far = (np.abs(xs[:, None] - centres[:, 0]) + np.abs(ys[:, None] - centres[:, 1])).min(
                axis=1
            )
        else:
            far = np.zeros(len(xs))
        best = int(np.lexsort((i, j, -np.minimum(far, 3.0), clash))[0])
        node.x, node.y = float(xs[best]), float(ys[best])
        node.label_box = _Box(node.x - w / 2, node.y - h / 2, w, h)
        taken.append(_astuple(node.label_box.grown(0.3)))


# How much of an arrow stays in sight beside its label (inches): room for its head.
_IN_SIGHT = 0.55


def _reach(half_w: float, half_h: float, ux: float, uy: float) -> float:
    """How far a box reaches from its centre in direction (ux, uy)."""
    return min(half_w / max(abs(ux), 1e-9), half_h / max(abs(uy), 1e-9))


def _spread(
    nodes: dict[str, _Node],
    area: _Box,
    gap_x: float,
    gap_y: float,
    room: Sequence[tuple[str, str, float, float]] = (),
    share: float = 1.0,
) -> None:
    """Push apart boxes that come too close, keeping them inside `area` (deterministic).

    `room` lists arrows (source, target, label width, label height) whose two boxes must
    leave room for the label between them: room along the arrow, and `share` of the room
    the label needs to sit between the boxes without touching either.
    """
    keys = sorted(nodes)
    index = {key: k for k, key in enumerate(keys)}
    n = len(keys)
    xs = [nodes[key].x for key in keys]
    ys = [nodes[key].y for key in keys]
    half_w = [nodes[key].label_box.w / 2 for key in keys]
    half_h = [nodes[key].label_box.h / 2 for key in keys]
    arrows = [(index[a], index[b], w, h) for a, b, w, h in room]
    need_x = np.add.outer(half_w, half_w) + gap_x
    need_y = np.add.outer(half_h, half_h) + gap_y
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    slack = 0.5  # pairs farther apart than this cannot meet within one round

    ends = np.array([(i, j) for i, j, _, _ in arrows], dtype=int).reshape(-1, 2)
    labels = np.array([(w, h) for _, _, w, h in arrows], dtype=float).reshape(-1, 2)
    halves = np.column_stack([half_w, half_h])

    def short(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """The arrows that may lack room (a rough test of all at once; see below)."""
        dx, dy = x[ends[:, 1]] - x[ends[:, 0]], y[ends[:, 1]] - y[ends[:, 0]]
        distance = np.maximum(np.hypot(dx, dy), 1e-9)
        across = np.maximum(np.abs(np.column_stack([dx, dy])) / distance[:, None], 1e-9)

        def reach(half: np.ndarray) -> np.ndarray:  # as `_reach`, for every arrow
            return (half / across).min(axis=1)

        along = reach(halves[ends[:, 0]]) + reach(halves[ends[:, 1]]) + reach(labels) + _IN_SIGHT
        clear = 2 * np.maximum(
            reach(halves[ends[:, 0]] + labels / 2 + [0.1, 0.06]),
            reach(halves[ends[:, 1]] + labels / 2 + [0.1, 0.06]),
        )
        return np.flatnonzero(distance < np.maximum(along, share * clear) + slack)

    for _ in range(300):
        moved = False
        x, y = np.array(xs), np.array(ys)
        for k in short(x, y) if arrows else ():
            i, j, label_w, label_h = arrows[k]
            dx, dy = xs[j] - xs[i], ys[j] - ys[i]
            distance = max((dx * dx + dy * dy) ** 0.5, 1e-9)
            ux, uy = dx / distance, dy / distance
            # Room for the label along the arrow, and most of the room it needs to sit
            # centred between the boxes without touching either.
            along = (
                _reach(half_w[i], half_h[i], ux, uy)
                + _reach(half_w[j], half_h[j], ux, uy)
                + 2 * _reach(label_w / 2, label_h / 2, ux, uy)
                + _IN_SIGHT
            )
            clear = 2 * max(
                _reach(hw + label_w / 2 + 0.1, hh + label_h / 2 + 0.06, ux, uy)
                for hw, hh in ((half_w[i], half_h[i]), (half_w[j], half_h[j]))
            )
            need = max(along, share * clear)
            if distance < need - 1e-3:
                moved = True
                step = (need - distance) / 2
                xs[i], ys[i] = xs[i] - ux * step, ys[i] - uy * step
                xs[j], ys[j] = xs[j] + ux * step, ys[j] + uy * step
        # Boxes too close to each other, found all at once, then pushed apart in turn.
        x, y = np.array(xs), np.array(ys)
        close = (
            upper
            & (np.abs(x[None, :] - x[:, None]) < need_x + slack)
            & (np.abs(y[None, :] - y[:, None]) < need_y + slack)
        )
        for i, j in zip(*np.nonzero(close), strict=True):
            i, j = int(i), int(j)
            dx, dy = xs[j] - xs[i], ys[j] - ys[i]
            over_x, over_y = need_x[i, j] - abs(dx), need_y[i, j] - abs(dy)
            if over_x <= 0 or over_y <= 0:
                continue
            moved = True
            if over_y / need_y[i, j] <= over_x / need_x[i, j]:
                step = over_y / 2 + 0.005
                sign = 1.0 if dy >= 0 else -1.0
                ys[i] -= sign * step
                ys[j] += sign * step
            else:
                step = over_x / 2 + 0.005
                sign = 1.0 if dx >= 0 else -1.0
                xs[i] -= sign * step
                xs[j] += sign * step
        for k in range(n):
            xs[k] = min(max(xs[k], area.x + half_w[k]), area.x + area.w - half_w[k])
            ys[k] = min(max(ys[k], area.y + half_h[k]), area.y + area.h - half_h[k])
        if not moved:
            break
    for k, key in enumerate(keys):
        node = nodes[key]
        node.x, node.y = xs[k], ys[k]
        node.label_box = _Box(xs[k] - half_w[k], ys[k] - half_h[k], 2 * half_w[k], 2 * half_h[k])


def _arrow_path(a: _Node, b: _Node, rad: float) -> Any:
    """The part of the arc from box `a` to box `b` that lies outside both boxes."""
    from matplotlib.path import Path

    start, end = a.label_box.grown(0.03), b.label_box.grown(0.05)

    def leave(box: _Box, inside: float, outside: float) -> float:
        for _ in range(30):  # bisection: where the arc crosses the box's edge
            middle = (inside + outside) / 2
            if box.contains(*_bezier((a.x, a.y), (b.x, b.y), rad, middle)):
                inside = middle
            else:
                outside = middle
        return outside

    t0 = leave(start, 0.0, 0.5) if start.contains(a.x, a.y) else 0.0
    t1 = leave(end, 1.0, 0.5) if end.contains(b.x, b.y) else 1.0
    if t1 <= t0:
        t0, t1 = 0.0, 1.0
    (x1, y1), (x2, y2) = (a.x, a.y), (b.x, b.y)
    control = ((x1 + x2) / 2 + rad * (y2 - y1), (y1 + y2) / 2 - rad * (x2 - x1))

    def blossom(u: float, v: float) -> tuple[float, float]:
        weights = ((1 - u) * (1 - v), (1 - u) * v + u * (1 - v), u * v)
        points = ((x1, y1), control, (x2, y2))
        return (
            sum(w * p[0] for w, p in zip(weights, points, strict=True)),
            sum(w * p[1] for w, p in zip(weights, points, strict=True)),
        )

    vertices = [blossom(t0, t0), blossom(t0, t1), blossom(t1, t1)]
    return Path(vertices, [Path.MOVETO, Path.CURVE3, Path.CURVE3])


def _bezier(a: tuple[float, float], b: tuple[float, float], rad: float, t: float):
    (x1, y1), (x2, y2) = a, b
    cx, cy = (x1 + x2) / 2 + rad * (y2 - y1), (y1 + y2) / 2 - rad * (x2 - x1)
    u = 1 - t
    return (u * u * x1 + 2 * u * t * cx + t * t * x2, u * u * y1 + 2 * u * t * cy + t * t * y2)
