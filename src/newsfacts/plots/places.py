"""places_diagram: which place lies in which, as boxes inside boxes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, Rectangle

from newsfacts.plots._common import (
    _and,
    _para,
    _paragraph,
    _rows,
    _table,
    _text,
    _things,
    _wrap,
)
from newsfacts.plots.chart import (
    _FONT,
    _LINE_STYLE,
    _O,
    _SMALL,
    Chart,
    _colour_name,
    _inch_axes,
    _key,
    _new_figure,
    _Page,
    _ruler_renderer,
    _style,
    _text_size,
)

_PLACE_COLOUR = {  # places_diagram: outline colour by kind
    "state": _O["blue"],
    "country": _O["blue"],
    "territory": _O["bluish green"],
    "region": _O["orange"],
    "city": _O["vermillion"],
    "area": _O["reddish purple"],
}


@dataclass
class _Place:
    id: str
    name: str
    kind: str
    paragraph: int | None
    link_basis: str = ""  # how we know it lies in its parent
    link_paragraph: int | None = None
    parent: str | None = None
    children: list[str] = field(default_factory=list)
    w: float = 0.0
    h: float = 0.0
    label: str = ""
    label_wh: tuple[float, float] = (0.0, 0.0)
    x: float = 0.0
    y: float = 0.0  # top edge


def _containment(book: Any) -> dict[str, _Place]:
    things = _things(book)
    places: dict[str, _Place] = {}

    def add(ident: str) -> _Place:
        if ident not in places:
            thing = things.get(ident)
            places[ident] = _Place(
                ident,
                thing.name if thing else ident,
                thing.kind if thing else "",
                thing.paragraph if thing else None,
            )
        return places[ident]

    links: list[tuple[str, str, str, int | None]] = []
    for row in _rows(_table(book, "places")):
        ident = _text(row.get("id"))
        if not ident:
            continue
        add(ident)
        parent = _text(row.get("part_of"))
        if parent:
            links.append((ident, parent, _text(row.get("basis")), _paragraph(row.get("paragraph"))))
    for row in _rows(_table(book, "relations")):
        if _text(row.get("relation")).casefold() in ("part of", "is part of", "lies in", "in"):
            links.append(
                (
                    _text(row.get("source")),
                    _text(row.get("target")),
                    _text(row.get("basis")),
                    _paragraph(row.get("paragraph")),
                )
            )
    for child, parent, basis, paragraph in links:
        if not child or not parent or child == parent:
            continue
        node, up = add(child), add(parent)
        if node.parent is not None:
            continue
        ancestor: str | None = parent  # refuse a link that would make a loop
        while ancestor is not None and ancestor != child:
            ancestor = places[ancestor].parent
        if ancestor == child:
            continue
        node.parent, node.link_basis, node.link_paragraph = parent, basis or "reported", paragraph
        up.children.append(child)
    return places


def places_diagram(book: Any) -> Chart:
    """A locator diagram: which place lies inside which, as boxes inside boxes.

    What a student sees: no map (the article gives no coordinates), but boxes nested
    like the places are: the Donetsk region inside Donbas inside Ukraine, the oil depot
    inside the Lipetsk region inside Russia. Each box gives the place's name, its kind
    (region, city, state ...) and the paragraph it comes from ("¶9"). A dotted outline
    means the article does not say it in so many words: the pack's authors worked it
    out, and the box says so (the same line style as in `relations_diagram`). Places the
    article does not put inside anything stand in a row at the bottom. Box sizes say
    nothing about real sizes.

    Parameters
    ----------
    book : Book
        A loaded pack, e.g. ``newsfacts.load()``.

    Returns
    -------
    Chart
        The picture, its caption and a text description of the nesting.
    """
    places = _containment(book)
    with _style():
        return _draw_places(places)


def _place_label(place: _Place, places: dict[str, _Place]) -> str:
    head = f"{place.name}\n{place.kind or 'place'} · {_para(place.paragraph)}".rstrip(" ·")
    if place.parent and place.link_basis in ("inferred", "context"):
        how = "worked out" if place.link_basis == "inferred" else "from outside the article"
        where = f"in {places[place.parent].name}: {how}"
        if place.link_paragraph is not None:
            where += f" ({_para(place.link_paragraph)})"
        head += "\n" + _wrap(where, 30)
    return head


_PAD, _GAP, _HEAD = 0.12, 0.14, 0.08


def _measure(key: str, places: dict[str, _Place], renderer: Any, max_w: float) -> None:
    place = places[key]
    place.label = _place_label(place, places)
    lines = place.label.split("\n")
    w1, h1 = _text_size(renderer, lines[0], _FONT, "bold")
    w2, h2 = (0.0, 0.0)
    if len(lines) > 1:
        w2, h2 = _text_size(renderer, "\n".join(lines[1:]), _SMALL)
    place.label_wh = (max(w1, w2), h1 + h2 + 0.03)
    if not place.children:
        place.w = place.label_wh[0] + 2 * _PAD
        place.h = place.label_wh[1] + 2 * _PAD
        return
    for child in place.children:
        _measure(child, places, renderer, max_w - 2 * _PAD)
    inner_w, inner_h, _ = _flow([places[c] for c in place.children], max_w - 2 * _PAD)
    place.w = max(place.label_wh[0], inner_w) + 2 * _PAD
    place.h = _PAD + place.label_wh[1] + _HEAD + inner_h + _PAD


def _flow(items: list[_Place], max_w: float) -> tuple[float, float, list[tuple[float, float]]]:
    """Lay boxes out left to right in rows no wider than max_w; offsets from the top left."""
    offsets, x, y, row_h, used_w = [], 0.0, 0.0, 0.0, 0.0
    for item in items:
        if x > 0 and x + item.w > max_w:
            x, y, row_h = 0.0, y + row_h + _GAP, 0.0
        offsets.append((x, y))
        x += item.w + _GAP
        row_h = max(row_h, item.h)
        used_w = max(used_w, x - _GAP)
    return used_w, y + row_h, offsets


def _place_at(key: str, places: dict[str, _Place], x: float, top: float, max_w: float) -> None:
    place = places[key]
    place.x, place.y = x, top
    if place.children:
        children = [places[c] for c in place.children]
        _, _, offsets = _flow(children, max_w - 2 * _PAD)
        inner_top = top - _PAD - place.label_wh[1] - _HEAD
        for child, (dx, dy) in zip(children, offsets, strict=True):
            _place_at(child.id, places, x + _PAD + dx, inner_top - dy, max_w - 2 * _PAD)


def _draw_places(places: dict[str, _Place]) -> Chart:
    width = 11.0
    roots = [p for p in places.values() if p.parent is None]
    nested = sorted(
        (p for p in roots if p.children), key=lambda p: (p.paragraph is None, p.paragraph, p.id)
    )
    alone = sorted(
        (p for p in roots if not p.children),
        key=lambda p: (p.paragraph is None, p.paragraph, p.id),
    )
    renderer = _ruler_renderer()
    usable = width - 0.6
    for place in nested + alone:
        _measure(place.id, places, renderer, usable)
    nested_w, nested_h, nested_at = _flow(nested, usable)
    alone_w, alone_h, alone_at = _flow(alone, usable)
    title_h, legend_h = 1.05, 1.2
    section_h = 0.42 if alone else 0.0
    height = title_h + nested_h + (0.35 if nested and alone else 0) + section_h + alone_h
    height += legend_h
    figure, renderer = _new_figure(width, max(height, 3.0))
    height = figure.get_size_inches()[1]
    ax = _inch_axes(figure)  # the boxes, in inches
    page = _Page(figure)  # the words, on the figure itself: quicker to draw
    title = "Which place lies in which"
    subtitle = (
        "Not a map: the article gives no coordinates. A box inside another means the place "
        "lies in it; box sizes mean nothing."
    )
    page.text(0.3, height - 0.3, title, fontsize=14, fontweight="bold", va="top")
    page.text(0.3, height - 0.62, subtitle, fontsize=_FONT, va="top")

    top = height - title_h
    for place, (dx, dy) in zip(nested, nested_at, strict=True):
        _place_at(place.id, places, 0.3 + dx, top - dy, usable)
    top -= nested_h + (0.35 if nested and alone else 0)
    if alone:
        page.text(
            0.3,
            top - 0.05,
            "Places the article does not put inside another:",
            fontsize=_FONT,
            fontstyle="italic",
            va="top",
        )
        top -= section_h
        for place, (dx, dy) in zip(alone, alone_at, strict=True):
            _place_at(place.id, places, 0.3 + dx, top - dy, usable)

    bases_seen: set[str] = set()
    kinds_seen: list[str] = []
    for place in places.values():
        colour = _PLACE_COLOUR.get(place.kind, _O["black"])
        basis = place.link_basis if place.parent else "reported"
        bases_seen.add(basis)
        if place.kind not in kinds_seen:
            kinds_seen.append(place.kind)
        _, dash, _ = _LINE_STYLE.get(basis, _LINE_STYLE["reported"])
        ax.add_artist(
            FancyBboxPatch(
                (place.x, place.y - place.h),
                place.w,
                place.h,
                boxstyle="round,pad=0,rounding_size=0.08",
                facecolor=colour,
                alpha=0.08,
                edgecolor="none",
                zorder=1,
            )
        )
        ax.add_artist(
            FancyBboxPatch(
                (place.x, place.y - place.h),
                place.w,
                place.h,
                boxstyle="round,pad=0,rounding_size=0.08",
                facecolor="none",
                edgecolor=colour,
                linewidth=2.0,
                linestyle=dash,
                zorder=2,
            )
        )
        lines = place.label.split("\n")
        page.text(
            place.x + _PAD,
            place.y - _PAD,
            lines[0],
            fontsize=_FONT,
            fontweight="bold",
            va="top",
            zorder=3,
        )
        if len(lines) > 1:
            first_h = _text_size(renderer, lines[0], _FONT, "bold")[1]
            page.text(
                place.x + _PAD,
                place.y - _PAD - first_h - 0.03,
                "\n".join(lines[1:]),
                fontsize=_SMALL,
                va="top",
                zorder=3,
            )

    # The key: outlines on the left, their colours on the right.
    em = _FONT / 72

    def outline(basis: str) -> Any:
        return lambda x, y, w: page.add_artist(
            Line2D([x, x + w], [y, y], color=_O["black"], linestyle=_LINE_STYLE[basis][1], lw=2)
        )

    def colour(kind: str) -> Any:
        return lambda x, y, w: page.add_artist(
            Rectangle(
                (x, y - 0.35 * em),
                w,
                0.7 * em,
                facecolor="none",
                edgecolor=_PLACE_COLOUR.get(kind, _O["black"]),
                linewidth=2,
            )
        )

    outlines = [
        (outline(b), 3 * em, _PLACE_LINK_WORDS[b])
        for b in _LINE_STYLE
        if b in bases_seen and b in _PLACE_LINK_WORDS
    ]
    _key(page, renderer, outlines, 0.42, 0.2, "lower left", columns=1, title="Outline")
    colours = [(colour(k), 2 * em, k) for k in kinds_seen]
    heading = "Colour of the outline (the kind is also written in each box)"
    _key(page, renderer, colours, width - 0.3, 0.2, "lower right", columns=3, title=heading)

    alt = [f"{title}. {subtitle}"]

    def describe(key: str) -> str:
        place = places[key]
        text = f"{place.name} ({place.kind or 'place'}, {_para(place.paragraph, False)})"
        return text

    def walk(key: str) -> None:
        place = places[key]
        if not place.children:
            return
        inside = []
        for child_key in place.children:
            child = places[child_key]
            words = describe(child_key)
            if child.link_basis in ("inferred", "context"):
                how = (
                    "worked out from the article, not said in so many words"
                    if child.link_basis == "inferred"
                    else "from outside the article"
                )
                where = _para(child.link_paragraph, False)
                outline = _LINE_STYLE.get(child.link_basis, _LINE_STYLE["inferred"])[2]
                outline = outline.replace(" line", " outline")
                words += f", drawn with a {outline}: {how}" + (f" ({where})" if where else "")
            inside.append(words)
        alt.append(f"Inside {describe(key)}: {_and(inside)}.")
        for child_key in place.children:
            walk(child_key)

    for place in nested:
        walk(place.id)
    if alone:
        alt.append(
            "Places the article does not put inside another: "
            + _and([describe(p.id) for p in alone])
            + "."
        )
    if not places:
        alt.append("The pack has no places.")
    alt.append(
        "Outline: "
        + "; ".join(_PLACE_LINK_WORDS[b] for b in _LINE_STYLE if b in bases_seen)
        + ". Colour of the outline by kind: "
        + "; ".join(
            f"{k or 'place'} {_colour_name(_PLACE_COLOUR.get(k, _O['black']))}" for k in kinds_seen
        )
        + "."
    )
    caption = "Which place lies inside which, as the article (and its pack) says."
    return Chart(figure, "\n".join(alt), caption)


_PLACE_LINK_WORDS = {
    "reported": "solid: the article says it lies there",
    "attributed": "dashed: someone in the article says it lies there",
    "inferred": "dotted: worked out from the article, not said in so many words",
    "context": "dash-dot: from outside the article",
}
