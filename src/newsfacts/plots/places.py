"""places_diagram: which place lies in which, as boxes inside boxes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, Patch

from newsfacts.cells import cell_words
from newsfacts.marks import MARKS, mark
from newsfacts.plots.chart import (
    FONT,
    OKABE_ITO,
    SMALL,
    Chart,
    colour_name,
    inch_axes,
    measure,
    new_figure,
    style,
)
from newsfacts.plots.tables import join_and, para, paragraph, rows, things, wrap

COLOURS = {  # outline colour by kind of place
    "state": OKABE_ITO["blue"],
    "country": OKABE_ITO["blue"],
    "territory": OKABE_ITO["bluish green"],
    "region": OKABE_ITO["orange"],
    "city": OKABE_ITO["vermillion"],
    "area": OKABE_ITO["reddish purple"],
}
PART_OF = ("part of", "is part of", "lies in", "in")  # relations that put a place in another
PAD, GAP, WIDTH = 0.12, 0.14, 11.0  # inches


@dataclass
class Place:
    """A place, the places inside it, and its box (top left corner, size) in inches."""

    id: str
    name: str
    kind: str
    paragraph: int | None
    link_basis: str = ""  # how we know it lies in its parent
    link_paragraph: int | None = None
    parent: str | None = None
    children: list[str] = field(default_factory=list)
    label: str = ""
    head: tuple[float, float] = (0.0, 0.0)  # the label's size
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0


def containment(book: Any) -> dict[str, Place]:
    """Every place by id, each with its parent: from ``places.part_of``, then from the
    relations that say a place is part of another (the first link wins; no loops)."""
    found = things(book)
    places: dict[str, Place] = {}

    def add(ident: str) -> Place:
        if ident not in places:
            thing = found.get(ident)
            places[ident] = (
                Place(ident, thing.name, thing.kind, thing.paragraph)
                if thing
                else Place(ident, ident, "", None)
            )
        return places[ident]

    links = []
    for row in rows(book, "places"):
        if cell_words(row.get("id")):
            add(cell_words(row.get("id")))
            links.append((cell_words(row.get("id")), cell_words(row.get("part_of")), row))
    for row in rows(book, "relations"):
        if cell_words(row.get("relation")).casefold() in PART_OF:
            links.append((cell_words(row.get("source")), cell_words(row.get("target")), row))
    for child, parent, row in links:
        if not child or not parent or child == parent or add(child).parent is not None:
            continue
        ancestor: str | None = add(parent).id
        while ancestor is not None and ancestor != child:  # refuse a link that makes a loop
            ancestor = places[ancestor].parent
        if ancestor is None:
            node = places[child]
            node.parent, node.link_basis = parent, cell_words(row.get("basis")) or "reported"
            node.link_paragraph = paragraph(row.get("paragraph"))
            places[parent].children.append(child)
    return places


def places_diagram(book: Any) -> Chart:
    """A locator diagram: which place lies inside which, as boxes inside boxes.

    What a student sees: no map (the article gives no coordinates), but boxes nested
    like the places are: the Donetsk region inside Donbas inside Ukraine. Each box gives
    the place's name, its kind (region, city, state ...) and the paragraph it comes from
    ("¶9"). A dotted outline means the article does not say it in so many words: the
    pack's authors worked it out, and the box says so (the same line styles as in
    `relations_diagram`). Places the article does not put inside anything stand in a row
    at the bottom. Box sizes say nothing about real sizes.

    Parameters
    ----------
    book : Book
        A loaded pack, e.g. ``newsfacts.load()``.

    Returns
    -------
    Chart
        The picture, its caption, a short alt text and a description of the nesting.
    """
    places = containment(book)
    with style():
        return _draw(places)


def _label(place: Place, places: dict[str, Place]) -> str:
    words = f"{place.name}\n{place.kind or 'place'} · {para(place.paragraph)}".rstrip(" ·")
    if place.parent and place.link_basis in ("inferred", "context"):
        where = f"in {places[place.parent].name}: {mark(place.link_basis).label}"
        where += f" ({para(place.link_paragraph)})" if place.link_paragraph is not None else ""
        words += "\n" + wrap(where, 30)
    return words


def _flow(items: list[Place], room: float) -> tuple[float, float, list[tuple[float, float]]]:
    """Boxes left to right in rows no wider than `room`: total size, offsets from top left."""
    offsets, x, y, row_h, used = [], 0.0, 0.0, 0.0, 0.0
    for item in items:
        if x > 0 and x + item.w > room:
            x, y, row_h = 0.0, y + row_h + GAP, 0.0
        offsets.append((x, y))
        x += item.w + GAP
        row_h, used = max(row_h, item.h), max(used, x - GAP)
    return used, y + row_h, offsets


def _measure(place: Place, places: dict[str, Place], renderer: Any, room: float) -> None:
    """Size the box of `place` to hold its label and, in rows, the boxes inside it."""
    place.label = _label(place, places)
    name, _, rest = place.label.partition("\n")
    w1, h1 = measure(renderer, name, FONT, "bold")
    w2, h2 = measure(renderer, rest, SMALL) if rest else (0.0, 0.0)
    place.head = (max(w1, w2), h1 + h2 + 0.03)
    children = [places[c] for c in place.children]
    for child in children:
        _measure(child, places, renderer, room - 2 * PAD)
    inner_w, inner_h, _ = _flow(children, room - 2 * PAD) if children else (0.0, -0.08, [])
    place.w = max(place.head[0], inner_w) + 2 * PAD
    place.h = 2 * PAD + place.head[1] + 0.08 + inner_h


def _put(place: Place, places: dict[str, Place], x: float, top: float, room: float) -> None:
    place.x, place.y = x, top
    children = [places[c] for c in place.children]
    _, _, offsets = _flow(children, room - 2 * PAD)
    for child, (dx, dy) in zip(children, offsets, strict=True):
        _put(child, places, x + PAD + dx, top - PAD - place.head[1] - 0.08 - dy, room - 2 * PAD)


def _order(places: list[Place]) -> list[Place]:
    return sorted(places, key=lambda p: (p.paragraph is None, p.paragraph, p.id))


def _draw(places: dict[str, Place]) -> Chart:
    roots = [p for p in places.values() if p.parent is None]
    nested, alone = (
        _order([p for p in roots if p.children]),
        _order([p for p in roots if not p.children]),
    )
    room = WIDTH - 0.6
    _, ruler = new_figure(1, 1)
    for place in nested + alone:
        _measure(place, places, ruler, room)
    _, nested_h, nested_at = _flow(nested, room)
    _, alone_h, alone_at = _flow(alone, room)
    gap = 0.35 + 0.42 if nested and alone else 0.42 if alone else 0.0
    height = max(1.05 + nested_h + gap + alone_h + 1.2, 3.0)
    figure, renderer = new_figure(WIDTH, height)
    ax = inch_axes(figure)
    title = "Which place lies in which"
    subtitle = (
        "Not a map: the article gives no coordinates. A box inside another means the place "
        "lies in it; box sizes mean nothing."
    )
    ax.text(0.3, height - 0.3, title, fontsize=14, fontweight="bold", va="top")
    ax.text(0.3, height - 0.62, subtitle, fontsize=FONT, va="top")
    top = height - 1.05
    for place, (dx, dy) in zip(nested, nested_at, strict=True):
        _put(place, places, 0.3 + dx, top - dy, room)
    if alone:
        top -= nested_h + gap - 0.42
        ax.text(
            0.3,
            top - 0.05,
            "Places the article does not put inside another:",
            fontstyle="italic",
            va="top",
        )
        for place, (dx, dy) in zip(alone, alone_at, strict=True):
            _put(place, places, 0.3 + dx, top - 0.42 - dy, room)
    for place in places.values():
        _draw_box(ax, place, renderer)
    bases = [
        b
        for b in MARKS
        if any((p.link_basis if p.parent else "reported") == b for p in places.values())
    ]
    kinds = list(dict.fromkeys(p.kind for p in places.values()))
    _legend(ax, bases, kinds, height)
    lines = [f"{title}. {subtitle}"] + _describe(places, nested, alone)
    lines.append(_key_sentence(bases, kinds))
    inside = sum(1 for p in places.values() if p.parent)
    alt = f"{title}: a diagram of {len(places)} places as boxes inside boxes;"
    alt += f" {inside} of them lie inside another."
    caption = "Which place lies inside which, as the article (and its pack) says."
    return Chart(figure, alt, caption, "\n".join(lines))


def _key_sentence(bases: list[str], kinds: list[str]) -> str:
    outlines = "; ".join(
        f"{mark(b).line_words.replace(' line', '')}: {mark(b).short}" for b in bases
    )
    colours = "; ".join(
        f"{k or 'place'} {colour_name(COLOURS.get(k, OKABE_ITO['black']))}" for k in kinds
    )
    return f"Outline: {outlines}. Colour of the outline by kind: {colours}."


def _draw_box(ax: Any, place: Place, renderer: Any) -> None:
    colour = COLOURS.get(place.kind, OKABE_ITO["black"])
    line = mark(place.link_basis if place.parent else "reported").line
    corner, shape = (place.x, place.y - place.h), "round,pad=0,rounding_size=0.08"
    ax.add_patch(
        FancyBboxPatch(
            corner,
            place.w,
            place.h,
            boxstyle=shape,
            facecolor=(colour, 0.08),
            edgecolor="none",
            zorder=1,
        )
    )
    ax.add_patch(
        FancyBboxPatch(
            corner,
            place.w,
            place.h,
            boxstyle=shape,
            facecolor="none",
            edgecolor=colour,
            linewidth=2.0,
            linestyle=line,
            zorder=2,
        )
    )
    name, _, rest = place.label.partition("\n")
    ax.text(place.x + PAD, place.y - PAD, name, fontweight="bold", va="top", zorder=3)
    if rest:
        below = measure(renderer, name, FONT, "bold")[1] + 0.03
        ax.text(place.x + PAD, place.y - PAD - below, rest, fontsize=SMALL, va="top", zorder=3)


def _legend(ax: Any, bases: list[str], kinds: list[str], height: float) -> None:
    outlines = [
        Line2D(
            [],
            [],
            color=OKABE_ITO["black"],
            linestyle=mark(b).line,
            lw=2,
            label=f"{mark(b).line_words}: {mark(b).short}",
        )
        for b in bases
    ]
    first = ax.legend(
        handles=outlines,
        title="Outline",
        loc="lower left",
        bbox_to_anchor=(0.03, 0.15 / height),
        frameon=False,
        fontsize=FONT,
        title_fontsize=FONT,
        borderaxespad=0,
        alignment="left",
    )
    colours = [
        Patch(
            facecolor="none", edgecolor=COLOURS.get(k, OKABE_ITO["black"]), lw=2, label=k or "place"
        )
        for k in kinds
    ]
    ax.add_artist(first)
    ax.legend(
        handles=colours,
        title="Colour of the outline (the kind is also written in each box)",
        loc="lower right",
        bbox_to_anchor=(0.97, 0.15 / height),
        ncols=3,
        frameon=False,
        fontsize=FONT,
        title_fontsize=FONT,
        borderaxespad=0,
        alignment="left",
    )


def _describe(places: dict[str, Place], nested: list[Place], alone: list[Place]) -> list[str]:
    """One sentence for each place that holds others, and one for the places alone."""

    def named(place: Place) -> str:
        return f"{place.name} ({place.kind or 'place'}, {para(place.paragraph, False)})"

    lines = []
    todo = list(nested)
    while todo:
        place = todo.pop(0)
        inside = []
        for child in (places[c] for c in place.children):
            words = named(child)
            if child.link_basis in ("inferred", "context"):
                outline = mark(child.link_basis).line_words.replace(" line", " outline")
                where = para(child.link_paragraph, False)
                words += f", drawn with a {outline}: {mark(child.link_basis).short}" + (
                    f" ({where})" if where else ""
                )
            inside.append(words)
            if child.children:
                todo.append(child)
        lines.append(f"Inside {named(place)}: {join_and(inside)}.")
    if alone:
        lines.append(
            "Places the article does not put inside another: "
            + join_and([named(p) for p in alone])
            + "."
        )
    if not places:
        lines.append("The pack has no places.")
    return lines
