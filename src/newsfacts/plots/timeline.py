"""timeline_chart and timeline_table: the dated events in time order."""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd
from matplotlib.lines import Line2D

from newsfacts.book import Book
from newsfacts.marks import MARKS, mark
from newsfacts.plots import chart
from newsfacts.plots.chart import FONT, SMALL, WHITE
from newsfacts.text import (
    cell_words,
    join_and,
    paragraph_key,
    paragraph_order,
    plural,
    quoted,
    wrap,
)
from newsfacts.views.sources import source_names

WIDTH = 11.0
VAGUE = (
    "A date with only a year or a month is written “during …”: the event happened some time"
    " then, so the line does not say whether it came before or after another event of that"
    " year or month."
)


def _parse_when(when: str) -> tuple[int, int | None, int | None] | None:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", when.strip())
    return match and tuple(int(part) if part else None for part in match.groups())


def _say_date(when: str, during: bool = False) -> str:
    """'2022-02' -> 'February 2022'; '2025-12-28' -> '28 December 2025'. With `during`, as the
    chart writes it: a year or a month alone is 'during 2014'."""
    year, month, day = _parse_when(when) or (when, None, 0)
    words = " ".join(str(w) for w in (day, month and calendar.month_name[month], year) if w)
    return f"during {words}" if during and day is None else words


def _gap(earlier: str, later: str) -> str:
    """How long after `earlier` `later` comes, at the precision both dates share."""
    a, b = _parse_when(earlier), _parse_when(later)
    if a is None or b is None:
        return ""
    wide, narrow = sorted((earlier, later), key=len)
    if None in a + b and narrow.startswith(wide):
        return f"both {_say_date(wide, True)}: order not known"
    if None not in a + b and (days := (_dt.date(*b) - _dt.date(*a)).days) < 62:
        return "the same day" if days == 0 else f"{plural(days, 'day')} later"
    if None not in a[:2] + b[:2]:
        years, months = divmod((b[0] - a[0]) * 12 + (b[1] - a[1]), 12)
        parts = [plural(n, word) for n, word in ((years, "year"), (months, "month")) if n]
        return "about " + " ".join(parts) + " later" if parts else "the same month"
    years = b[0] - a[0]
    return "the same year" if years == 0 else f"about {plural(years, 'year')} later"


def _date_source(row: dict[str, Any]) -> str:
    """Where a date comes from, in the marks' words; an outside source is named."""
    if not cell_words(row.get("when")):
        return ""
    basis = cell_words(row.get("when_basis"))
    if basis and basis not in MARKS:  # drawn as the article's voice, but not said to be
        return f"when_basis {basis!r}, not one of {', '.join(MARKS)}"
    note = cell_words(row.get("note")) if basis == "outside source" else ""
    # the sources the note names; a note not in the fixed form, kept short
    source = source_names(note) or (note if len(note) <= 60 else note[:57].rstrip() + "...")
    return f"{mark(basis).chart_title}: {source}" if source else mark(basis).chart_title


def timeline_table(book: Book) -> pd.DataFrame:
    """Every event of the article in time order (undated ones last, in the article's order),
    indexed by id: ``when``, ``when_text`` (the article's words, "last month"),
    ``date_source`` (the date's mark, naming an outside source), ``modality``,
    ``description``, ``paragraph``."""
    columns = ["id", "when", "when_text", "date_source", "modality", "description", "paragraph"]
    found = [
        {name: cell_words(row.get(name)) for name in columns}
        | {"date_source": _date_source(row), "paragraph": paragraph_key(row.get("paragraph"))}
        for row in chart.rows(book, "events")
    ]
    table = pd.DataFrame(found, columns=columns)
    table["undated"] = table["when"] == ""  # dated events first, then the rest
    table["order"] = [paragraph_order(p) for p in table["paragraph"]]
    table = table.sort_values(["undated", "when", "order"], kind="stable").drop(columns="order")
    return table.drop(columns="undated").set_index("id")


def timeline_chart(book: Book) -> chart.Chart:
    """The dated events of the article on a time line, with where each date comes from.

    What a student sees: one point per dated event, the line drawn to scale; a long empty
    stretch is cut out (//) and written under the break. Above the line, one card per point:
    what happened, the article's words for when ("last month"), the paragraph, the date in
    bold and its mark: a filled circle is a date the article gives, an open square one
    worked out from it, an open diamond one from outside the article (with its source). A
    year or a month alone is written "during 2014" and drawn as a grey band: its order
    against other events then is not known. Events without a date are counted under the
    line and listed by `timeline_table`.
    """
    table = timeline_table(book)
    events = {cell_words(row.get("id")): row for row in chart.rows(book, "events")}
    with chart.style():
        return _draw(table, events)


# Time to scale: each date is a span of days; the line is cut where a gap is long
LEFT, RIGHT = 0.45, WIDTH - 0.45  # the line's ends, in inches
BREAK = 0.9  # inches a break (//) takes on the line
CUT = 0.25  # a gap longer than this share of all the time shown is cut out of the line
BREAK_MARK = dict(ha="center", va="center", fontsize=13, fontweight="bold", gid="break")
TICKS = [(2 * 365, "year", "YS"), (62, "month", "MS"), (16, "week", "W-MON"), (-1, "day", "D")]
BREAK_MARK["bbox"] = {"facecolor": WHITE, "edgecolor": "none", "pad": 0}


def _span(when: str) -> tuple[int, int] | None:
    """The days a date covers, as (first day, day after the last) ordinals."""
    try:
        period = pd.Period(when.strip()) if _parse_when(when) else None
    except ValueError:  # 30 February
        return None
    return period and (period.start_time.toordinal(), period.end_time.toordinal() + 1)


@dataclass
class _Part:
    """One part of the broken line: its days, its place in inches, its scale."""

    first: float
    last: float
    x0: float
    x1: float
    members: list[int]

    def x(self, day: float) -> float:
        share = (day - self.first) / max(self.last - self.first, 1e-9)
        return self.x0 + share * (self.x1 - self.x0)


def _parts(spans: list[tuple[int, int]]) -> list[_Part]:
    """The line's parts, cut after each long gap between `spans`, each as wide as its share."""
    whole = max((e for _, e in spans), default=0) - min((s for s, _ in spans), default=0)
    groups: list[list[int]] = []
    end = spans[0][1] if spans else 0
    for k, (start, stop) in enumerate(spans):
        if not groups or start - end > max(CUT * whole, 31):
            groups.append([])
        groups[-1].append(k)
        end = max(end, stop)
    room = RIGHT - LEFT - BREAK * (len(groups) - 1)
    parts, x = [], LEFT
    for members in groups:
        first = min(spans[k][0] for k in members)
        last = max(spans[k][1] for k in members)
        pad = max((last - first) * 0.08, 1.0)
        width = room * len(members) / len(spans)
        parts.append(_Part(first - pad, last + pad, x, x + width, members))
        x += width + BREAK
    return parts


def _ticks(part: _Part) -> tuple[str, list[float]]:
    """Small ticks on a part: each year, month or day it covers, whichever gives a few."""
    name, every = next((n, e) for more, n, e in TICKS if part.last - part.first > more)
    a, b = (_dt.date.fromordinal(int(day)) for day in (part.first + 1, part.last))
    return name, [float(day.toordinal()) for day in pd.date_range(a, b, freq=every)]


def _cards(dated: pd.DataFrame, events: dict[str, dict], renderer: Any) -> list[dict[str, Any]]:
    """Each point's card (words, date, date source), its slot above the line, its place on it."""
    slot = (RIGHT - LEFT + 0.3) / max(len(dated), 1)
    chars = max(14, int(slot * 72 / (0.55 * SMALL)) - 3)
    cards = []
    for ident, row in dated.iterrows():
        if (span := _span(row["when"])) is None:
            continue
        basis = mark(cell_words(events.get(ident, {}).get("when_basis"))).basis
        extra = [quoted(row["when_text"])] if row["when_text"] else []
        extra.append(chart.para(row["paragraph"]))
        if row["modality"] and row["modality"] != "happened":
            extra.append(f"({row['modality']})")
        card = wrap(row["description"], chars) + "\n" + " · ".join(extra)
        title, _, named = row["date_source"].partition(": ")  # the mark, then any source
        source = title + (":\n" + wrap(named, chars) if named else "")
        cards.append({"row": row, "basis": basis, "card": card, "source": source, "span": span})
        wrapped = wrap(row["description"], chars) + "\n" + wrap(" · ".join(extra), chars)
        cards[-1]["wrapped"] = wrapped
    cards.sort(key=lambda c: (sum(c["span"]) / 2, c["row"]["when"]))  # by the middle of each
    for k, card in enumerate(cards):
        card["slot"] = LEFT - 0.15 + slot * (k + 0.5)
        date = _say_date(card["row"]["when"], True)
        if chart.measure(renderer, date, FONT, "bold")[0] > slot - 0.1:  # too wide: two lines
            date = "\n".join((str.split if "during" in date else str.rsplit)(date, " ", 1))
        card["date"] = date
        half = chart.measure(renderer, card["card"], SMALL)[0] / 2 + 0.06
        if card["slot"] - half < 0 or card["slot"] + half > WIDTH:  # out of the picture:
            card["card"] = card["wrapped"]  # its time words wrapped like its description
        fonts = {"card": (SMALL,), "date": (FONT, "bold"), "source": (SMALL,)}
        sizes = [chart.measure(renderer, card[name], *font) for name, font in fonts.items()]
        card["card_h"], card["date_h"], card["source_h"] = (h for _, h in sizes)
        card["height"] = card["card_h"] + card["date_h"] + card["source_h"] + 0.12
        wide = max(w for w, _ in sizes)
        card["from"], card["to"] = card["slot"] - wide / 2 - 0.06, card["slot"] + wide / 2 + 0.06
    for before, card in zip([None, *cards], cards, strict=False):
        card["gap"] = _gap(before["row"]["when"], card["row"]["when"]) if before else ""
    _levels(cards)
    return cards


def _clash(card: dict, other: dict, level: int) -> bool:
    """Whether `card` at `level` overlaps `other`, or a line down from one crosses the other."""
    if other["level"] == level:
        return other["from"] < card["to"] and card["from"] < other["to"]
    if other["level"] < level:  # this card's line would run through it
        return other["from"] < card["slot"] < other["to"]
    return card["from"] < other["slot"] < card["to"]  # its line would run through this card


def _levels(cards: list[dict[str, Any]]) -> None:
    """Stack the cards on the lowest level where no card or line to the time line is in the way."""
    for k, card in enumerate(cards):
        top = max((c["level"] for c in cards[:k]), default=-1) + 1  # always free of cards
        free = (n for n in range(top) if not any(_clash(card, c, n) for c in cards[:k]))
        card["level"] = next(free, top)
    base = 0.55
    for level in range(max((c["level"] for c in cards), default=-1) + 1):
        row = [card for card in cards if card["level"] == level]
        for card in row:
            card["stem"] = base
        base += max(card["height"] for card in row) + 0.15


def _point(basis: str, x: list | None = None, y: list | None = None, **more: Any) -> Line2D:
    """The point of a date of `basis`, on the line or in the key."""
    shown, edge = mark(basis), {"markeredgecolor": mark(basis).colour, "markeredgewidth": 2.2}
    style = {"marker": shown.marker, "color": shown.colour, "linestyle": "none", **edge}
    face = shown.colour if shown.filled else WHITE
    return Line2D(x or [], y or [], **style, markerfacecolor=face, **more)


def _under(parts: list[_Part], cards: list[dict], renderer: Any) -> list[dict[str, Any]]:
    """The words under each part (its dates, pairs of unknown order) and each break."""
    notes = []
    for k, part in enumerate(parts):
        members = [cards[m] for m in part.members]
        earliest = min(members, key=lambda c: c["span"][0])["row"]["when"]
        latest = max(members, key=lambda c: c["span"][1])["row"]["when"]
        first, last = _say_date(earliest), _say_date(latest)
        words = [first if first == last else f"{first} to {last}"]
        words += [cards[m]["gap"] for m in part.members[1:] if cards[m]["gap"].startswith("both")]
        chars = max(10, int((part.x1 - part.x0 + 0.1) * 72 / (0.55 * SMALL)))
        text = "\n".join(wrap(w, chars) for w in dict.fromkeys(words))
        notes.append({"x": (part.x0 + part.x1) / 2, "text": text, "style": "normal"})
        if k:
            ends = cards[parts[k - 1].members[-1]], cards[part.members[0]]
            cut = _gap(*(end["row"]["when"] for end in ends)).replace(" later", "")
            wrapped = wrap(f"line cut: {cut}", 12)
            notes.append({"x": part.x0 - BREAK / 2, "text": wrapped, "style": "italic", "cut": cut})
    for note in notes:
        note["h"] = chart.measure(renderer, note["text"], SMALL)[1]
    return notes


def _draw(table: pd.DataFrame, events: dict[str, dict]) -> chart.Chart:
    dated = table[table["when"] != ""]
    _, ruler = chart.new_figure(1, 1)
    cards = _cards(dated, events, ruler)
    parts = _parts([c["span"] for c in cards])
    for part in parts:
        for m in part.members:
            cards[m]["x"] = part.x(sum(cards[m]["span"]) / 2)
            cards[m]["band"] = (part.x(cards[m]["span"][0]), part.x(cards[m]["span"][1]))
    notes = _under(parts, cards, ruler)
    above = max((c["stem"] + c["height"] for c in cards), default=0.5) + 0.1
    below = 0.3 + max((n["h"] for n in notes), default=0.0)
    undated = len(table) - len(dated)
    height = 1.05 + above + below + 0.25 + (0.45 if undated else 0.0) + 0.55
    figure, renderer, ax = chart.inch_axes(WIDTH, height)
    title = "When things happened"
    ax.text(0.3, height - 0.3, title, fontsize=14, fontweight="bold", va="top")
    have = "has" if len(cards) == 1 else "have"
    alt = f"{title}: a time line of the {plural(len(cards), 'event')} of the article that"
    alt += f" {have} a date."
    lines = [alt]
    if len(cards) > 1:
        subtitle = "The line is drawn to scale: points close in time are close on the line."
        if len(parts) > 1:
            subtitle += " // marks where a long empty stretch of time is cut out."
        ax.text(0.3, height - 0.62, subtitle, fontsize=FONT, va="top")
        lines[0] += " " + subtitle
        if len(parts) > 1:
            every = join_and(sorted({_ticks(p)[0] for p in parts})).replace(" and ", " or ")
            words = f"in {len(parts)} parts, each drawn to its own scale, with small ticks for"
            lines.append(f"The line is {words} each {every}.")
    axis_y = height - 1.05 - above
    _draw_line(ax, parts, notes, axis_y)
    lines += [_draw_card(ax, k, card, axis_y) for k, card in enumerate(cards)]
    lines += _draw_rest(ax, cards, notes, undated, axis_y)
    caption = "The dated events of the article in time order, with where each date comes from."
    return chart.Chart(figure, alt, caption, "\n".join(lines))


def _draw_line(ax: Any, parts: list[_Part], notes: list[dict], axis_y: float) -> None:
    """Draw the time line: its parts with their ticks, the breaks, the arrow, the words under."""
    for k, part in enumerate(parts):
        ax.add_line(Line2D([part.x0, part.x1], [axis_y, axis_y], color="black", lw=1.4))
        for x in map(part.x, _ticks(part)[1]):
            ax.add_line(Line2D([x, x], [axis_y - 0.05, axis_y + 0.05], color="black", lw=0.8))
        if k:
            dots = {"color": "black", "lw": 1.0, "linestyle": (0, (1, 3))}
            ax.add_line(Line2D([part.x0 - BREAK + 0.05, part.x0 - 0.05], [axis_y, axis_y], **dots))
            ax.text(part.x0 - BREAK / 2, axis_y, "//", **BREAK_MARK)
    if parts:
        arrow = {"arrowstyle": "-|>", "lw": 1.4, "color": "black"}
        ax.annotate("", (RIGHT + 0.3, axis_y), (parts[-1].x1 - 0.05, axis_y), arrowprops=arrow)
    for note in notes:
        under = {"fontsize": SMALL, "ha": "center", "va": "top", "gid": "part"}
        ax.text(note["x"], axis_y - 0.2, note["text"], fontstyle=note["style"], **under)


def _draw_rest(ax: Any, cards: list, notes: list, undated: int, axis_y: float) -> list[str]:
    """Draw what is not on the line (no date, the events without one, the key); describe it."""
    lines = [] if cards else ["No event in the article's fact tables has a date."]
    if lines:
        ax.text(0.3, axis_y, lines[0], fontsize=FONT)
    cuts = [note["cut"] for note in notes if "cut" in note]
    if cuts:
        words = f"({plural(len(cuts), 'break')}, //) where long empty stretches are left out"
        lines.append(f"The line is cut {words}: {join_and(cuts)}.")
    if undated:
        note = f"{plural(undated, 'more event')} in the article {'has' if undated == 1 else 'have'}"
        note += " no date: see timeline_table(book)."
        ax.text(0.3, 0.5 + 0.4, note, fontstyle="italic", va="top")
        lines.append(note.replace("see timeline_table(book)", "timeline_table(book) lists them"))
    bases = [b for b in MARKS if any(c["basis"] == b for c in cards)]
    if bases:
        words = {b: f"{mark(b).marker_words}, date: {mark(b).chart_title}" for b in bases}
        handles = [_point(b, markersize=10, label=words[b]) for b in bases]
        chart.key(ax, handles, (0.3, 0.1), ncols=len(bases), fontsize=FONT)
        lines.append(f"Legend: {'; '.join(words.values())}.")
    if any(c["date"].startswith("during") for c in cards):
        lines.append(VAGUE + " A grey band on the line shows the whole year or month.")
    return lines


def _draw_card(ax: Any, k: int, card: dict[str, Any], axis_y: float) -> str:
    """Draw one point, its card and the line between; return the sentence describing it."""
    row, basis, x, slot = card["row"], card["basis"], card["x"], card["slot"]
    if card["span"][1] - card["span"][0] > 1:  # a month or a year: a band over its time
        band = {"color": "black", "alpha": 0.25, "lw": 9, "solid_capstyle": "butt", "zorder": 2}
        ax.add_line(Line2D(list(card["band"]), [axis_y, axis_y], **band))
    ax.add_line(_point(basis, x=[x], y=[axis_y], markersize=12, zorder=4))
    bottom = axis_y + card["stem"]
    stem = [axis_y + 0.14, axis_y + 0.45, bottom - 0.03]
    ax.add_line(Line2D([x, slot, slot], stem, color="black", lw=0.8))
    for name, space, style in (("source", 0.04, SMALL), ("date", 0.06, "bold"), ("card", 0, SMALL)):
        size = {"fontweight": style} if style == "bold" else {"fontsize": style}
        ax.text(slot, bottom, card[name], **size, ha="center", va="bottom")
        bottom += card[name + "_h"] + space
    date = card["date"].replace("\n", " ")
    words = f"Point {k + 1}, {mark(basis).marker_words}: {date}: {row['description']}; "
    words += chart.para(row["paragraph"], False)
    if row["when_text"]:
        words += f"; the article's words for when: {quoted(row['when_text'])}"
    if row["modality"] and row["modality"] != "happened":
        words += f"; {row['modality']}"
    words += "; date: " + card["source"].replace("\n", " ")
    gap = card["gap"]
    if gap.startswith("both"):
        words += f"; this and point {k} are {gap.replace(':', ',')}"
    elif gap:
        words += f"; {gap} {'as' if gap.startswith('the same') else 'than'} point {k}"
    return words + "."
