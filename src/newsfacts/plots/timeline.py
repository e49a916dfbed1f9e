"""timeline_chart and timeline_table: the dated events in time order."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from newsfacts.plots._common import (
    _para,
    _paragraph,
    _rows,
    _table,
    _text,
    _wrap,
)
from newsfacts.plots.chart import (
    _FONT,
    _O,
    _SMALL,
    _WHITE,
    Chart,
    _inch_axes,
    _key,
    _new_figure,
    _Page,
    _ruler_renderer,
    _style,
    _text_size,
)

_WHEN_STYLE = {  # timeline_chart: marker, filled?, colour, legend words
    "reported": ("o", True, _O["blue"], "filled circle: date given in the article"),
    "inferred": ("s", False, _O["bluish green"], "open square: date worked out from the article"),
    "context": ("D", False, _O["reddish purple"], "open diamond: date from outside the article"),
}


_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def _parse_when(when: str) -> tuple[int, int | None, int | None] | None:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", when.strip())
    if not match:
        return None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def _say_date(when: str) -> str:
    """'2022-02' -> 'February 2022'; '2025-12-28' -> '28 December 2025'."""
    parsed = _parse_when(when)
    if parsed is None:
        return when
    year, month, day = parsed
    if month is None:
        return str(year)
    if day is None:
        return f"{_MONTHS[month - 1]} {year}"
    return f"{day} {_MONTHS[month - 1]} {year}"


def _gap(earlier: str, later: str) -> str:
    """How long after `earlier` `later` comes, at the precision both dates share."""
    a, b = _parse_when(earlier), _parse_when(later)
    if a is None or b is None:
        return ""
    if a[2] is not None and b[2] is not None and a[1] and b[1]:
        days = (_dt.date(*b) - _dt.date(*a)).days
        if days < 62:
            return "the same day" if days == 0 else f"{days} day{'s' if days != 1 else ''} later"
    if a[1] is not None and b[1] is not None:
        months = (b[0] - a[0]) * 12 + (b[1] - a[1])
        if months == 0:
            return "the same month"
        years, months = divmod(months, 12)
        parts = []
        if years:
            parts.append(f"{years} year{'s' if years != 1 else ''}")
        if months:
            parts.append(f"{months} month{'s' if months != 1 else ''}")
        return "about " + " ".join(parts) + " later"
    years = b[0] - a[0]
    return "the same year" if years == 0 else f"about {years} year{'s' if years != 1 else ''} later"


def _source(note: str) -> str:
    """The source a context row's note names, kept short."""
    note = _text(note)
    for pattern in (
        r"\bsource:\s*(.+?)(?:, which\b|\.(?:\s|$)|$)",
        r"\bfrom (.+?)(?:, which\b|\.(?:\s|$)|$)",
        r"\baccording to (.+?)(?:, which\b|\.(?:\s|$)|$)",
    ):
        match = re.search(pattern, note, flags=re.IGNORECASE)
        if match:
            return match.group(1).strip()
    return note if len(note) <= 60 else note[:57].rstrip() + "..."


def _date_source(row: dict[str, Any]) -> str:
    if not _text(row.get("when")):
        return ""
    basis = _text(row.get("when_basis"))
    if basis == "inferred":
        return "worked out from the article"
    if basis == "context":
        source = _source(_text(row.get("note")))
        return f"outside the article: {source}" if source else "outside the article"
    if basis == "attributed":
        return "someone quoted in the article"
    return "the article"


def timeline_table(book: Any) -> pd.DataFrame:
    """Every event of the article in time order, with where each date comes from.

    What a student sees: a table, one event a row. Events with a date come first, from
    the earliest; the events the article gives no date for follow in the order the article
    tells them. ``when_text`` keeps the article's own words ("last month"); ``date_source``
    says whether the date is in the article, worked out from it, or from outside it (and
    then from where).

    Parameters
    ----------
    book : Book
        A loaded pack, e.g. ``newsfacts.load()``.

    Returns
    -------
    pandas.DataFrame
        Indexed by event id, columns ``when``, ``when_text``, ``date_source``,
        ``modality``, ``description``, ``paragraph``.
    """
    columns = ["when", "when_text", "date_source", "modality", "description", "paragraph"]
    records = []
    for order, row in enumerate(_rows(_table(book, "events"))):
        when = _text(row.get("when"))
        paragraph = _paragraph(row.get("paragraph"))
        records.append(
            (
                (0, when, paragraph or 0, order) if when else (1, "", paragraph or 0, order),
                _text(row.get("id")),
                {
                    "when": when,
                    "when_text": _text(row.get("when_text")),
                    "date_source": _date_source(row),
                    "modality": _text(row.get("modality")),
                    "description": _text(row.get("description")),
                    "paragraph": paragraph if paragraph is not None else -1,
                },
            )
        )
    records.sort(key=lambda record: record[0])
    table = pd.DataFrame(
        [record[2] for record in records],
        columns=columns,
        index=pd.Index([record[1] for record in records], name="id"),
    )
    table["paragraph"] = table["paragraph"].astype(int)
    return table


def timeline_chart(book: Any) -> Chart:
    """The dated events of the article on a time line, with where each date comes from.

    What a student sees: one point per event that has a date, from the earliest on the
    left. The points are evenly spaced, so the real time between two of them is written
    on the line ("about 3 years 10 months later", "3 days later"). Above each point, what
    happened, the article's own words for when ("last month") and the paragraph; below
    it, the date and where that date comes from. A filled circle is a date the article
    gives; an open square one worked out from the article; an open diamond a date from
    outside the article, with its source. Events without a date are counted under the
    line and listed by `timeline_table`.

    Parameters
    ----------
    book : Book
        A loaded pack, e.g. ``newsfacts.load()``.

    Returns
    -------
    Chart
        The picture, its caption and a text description of every point.
    """
    table = timeline_table(book)
    events = {_text(row.get("id")): row for row in _rows(_table(book, "events"))}
    dated = table[table["when"] != ""]
    with _style():
        return _draw_timeline(table, dated, events)


def _date_words(basis: str, source: str) -> str:
    """What the chart writes under a date about where it comes from."""
    if basis == "context":
        found = source.split(": ", 1)[1] if ": " in source else ""
        return "date from outside the article" + (f":\n{found}" if found else "")
    if basis == "inferred":
        return "date worked out from the article"
    return f"date from {source}" if source else "date from the article"


def _draw_timeline(table: pd.DataFrame, dated: pd.DataFrame, events: dict[str, dict]) -> Chart:
    count = len(dated)
    two_rows = count > 5
    width = 11.0
    slot = (width - 0.6) / max(count, 1)
    chars = max(14, int(slot * 72 / (0.55 * _SMALL)) - 3)
    renderer = _ruler_renderer()
    items = []
    for k, (ident, row) in enumerate(dated.iterrows()):
        event = events.get(ident, {})
        basis = _text(event.get("when_basis")) or "reported"
        basis = basis if basis in _WHEN_STYLE else "reported"
        words = _text(row["when_text"])
        extra = [f"“{words}”"] if words else []
        extra.append(_para(int(row["paragraph"])))
        if row["modality"] and row["modality"] != "happened":
            extra.append(f"({row['modality']})")
        card = _wrap(row["description"], chars) + "\n" + " · ".join(extra)
        source = "\n".join(
            _wrap(part, chars) for part in _date_words(basis, row["date_source"]).split("\n")
        )
        items.append(
            {
                "id": ident,
                "row": row,
                "basis": basis,
                "card": card,
                "source": source,
                "card_h": _text_size(renderer, card, _SMALL)[1],
                "source_h": _text_size(renderer, source, _SMALL)[1],
                "level": 1 if two_rows and k % 2 else 0,
            }
        )
    low_h = max((i["card_h"] for i in items if i["level"] == 0), default=0.0)
    for item in items:
        item["stem"] = 0.4 + (low_h + 0.2 if item["level"] else 0.0)
    above = max((i["stem"] + i["card_h"] for i in items), default=0.5) + 0.1
    below = 0.5 + max((i["source_h"] for i in items), default=0.0)
    undated = len(table) - count
    title_h, note_h, legend_h = 0.95, 0.45 if undated else 0.0, 0.55
    height = title_h + above + below + 0.25 + note_h + legend_h
    figure, renderer = _new_figure(width, height)
    ax = _inch_axes(figure)  # the line and its points, in inches
    page = _Page(figure)  # the words, on the figure itself: quicker to draw
    title = "When things happened"
    page.text(0.3, height - 0.3, title, fontsize=14, fontweight="bold", va="top")
    subtitle = (
        "The points are evenly spaced: the time between two of them is written on the line."
        if count > 1
        else ""
    )
    if subtitle:
        page.text(0.3, height - 0.62, subtitle, fontsize=_FONT, va="top")
    alt = [f"{title}: a time line of the {count} events of the article that have a date."]
    if subtitle:
        alt[0] += " " + subtitle
    axis_y = height - title_h - above
    xs = [0.3 + slot * (k + 0.5) for k in range(count)]
    if count:
        ax.annotate(
            "",
            xy=(width - 0.2, axis_y),
            xytext=(0.3, axis_y),
            arrowprops={"arrowstyle": "-|>", "color": _O["black"], "linewidth": 1.2},
            zorder=1,
        )
    bases_seen: list[str] = []
    for k, item in enumerate(items):
        row, basis, x = item["row"], item["basis"], xs[k]
        if basis not in bases_seen:
            bases_seen.append(basis)
        marker, filled, colour, legend_words = _WHEN_STYLE[basis]
        ax.add_artist(
            Line2D(
                [x],
                [axis_y],
                marker=marker,
                markersize=12,
                color=colour,
                markerfacecolor=colour if filled else _WHITE,
                markeredgecolor=colour,
                markeredgewidth=2.2,
                linestyle="none",
                zorder=3,
            )
        )
        ax.add_artist(
            Line2D([x, x], [axis_y + 0.14, axis_y + item["stem"]], color=_O["black"], lw=0.8)
        )
        page.text(
            x, axis_y + item["stem"] + 0.04, item["card"], fontsize=_SMALL, ha="center", va="bottom"
        )
        date = _say_date(row["when"])
        page.text(x, axis_y - 0.2, date, fontsize=_FONT, fontweight="bold", ha="center", va="top")
        page.text(x, axis_y - 0.47, item["source"], fontsize=_SMALL, ha="center", va="top")
        sentence = (
            f"Point {k + 1}, {legend_words.split(':')[0]}: {date}: {row['description']}; "
            f"{_para(int(row['paragraph']), False)}"
        )
        if row["when_text"]:
            sentence += f"; the article's words for when: “{row['when_text']}”"
        if row["modality"] and row["modality"] != "happened":
            sentence += f"; {row['modality']}"
        sentence += "; " + item["source"].replace("\n", " ")
        if k:
            gap = _gap(items[k - 1]["row"]["when"], row["when"])
            if gap:
                middle = (xs[k - 1] + x) / 2
                page.text(
                    middle,
                    axis_y + 0.12,
                    gap,
                    fontsize=_SMALL,
                    fontstyle="italic",
                    ha="center",
                    va="bottom",
                )
                if "year" in gap:  # a long stretch of time squeezed into one step
                    for dx in (-0.05, 0.05):
                        ax.add_artist(
                            Line2D(
                                [middle + dx - 0.04, middle + dx + 0.04],
                                [axis_y - 0.07, axis_y + 0.07],
                                color=_O["black"],
                                linewidth=1.2,
                                zorder=2,
                            )
                        )
                    ax.add_artist(
                        Rectangle(
                            (middle - 0.05, axis_y - 0.02),
                            0.1,
                            0.04,
                            facecolor=_WHITE,
                            edgecolor="none",
                            zorder=1.5,
                        )
                    )
                    sentence += f"; {gap} than point {k}, shown by a break in the line"
                else:
                    sentence += f"; {gap} than point {k}"
        alt.append(sentence + ".")
    if not count:
        page.text(0.3, axis_y, "No event in this pack has a date.", fontsize=_FONT)
        alt.append("No event in this pack has a date.")
    if undated:
        note = (
            f"{undated} more event{'s' if undated != 1 else ''} in the article "
            f"{'have' if undated != 1 else 'has'} no date: see timeline_table(book)."
        )
        page.text(0.3, legend_h + note_h - 0.05, note, fontsize=_FONT, fontstyle="italic", va="top")
        alt.append(note.replace("see timeline_table(book)", "timeline_table(book) lists them"))

    def point(basis: str) -> Any:
        marker, filled, colour, _ = _WHEN_STYLE[basis]
        return lambda x, y, w: page.add_artist(
            Line2D(
                [x + w / 2],
                [y],
                marker=marker,
                markersize=10,
                color=colour,
                markerfacecolor=colour if filled else _WHITE,
                markeredgecolor=colour,
                markeredgewidth=2,
                linestyle="none",
            )
        )

    if bases_seen:
        em = _FONT / 72
        points = [(point(b), 2 * em, _WHEN_STYLE[b][3]) for b in _WHEN_STYLE if b in bases_seen]
        _key(page, renderer, points, 0.3, 0.15, "lower left", line=2.0)
        legend = "; ".join(_WHEN_STYLE[b][3] for b in _WHEN_STYLE if b in bases_seen)
        alt.append(f"Legend: {legend}.")
    caption = "The dated events of the article in time order, with where each date comes from."
    return Chart(figure, "\n".join(alt), caption)
