"""timeline_chart and timeline_table: the dated events in time order."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import pandas as pd
from matplotlib.lines import Line2D

from newsfacts.marks import MARKS, mark
from newsfacts.plots.chart import FONT, SMALL, WHITE, Chart, inch_axes, measure, new_figure, style
from newsfacts.plots.tables import para, paragraph, rows
from newsfacts.text import cell_words, paragraph_order, plural, wrap
from newsfacts.views.sources import source_names

WIDTH = 11.0
VAGUE = (
    "A date with only a year or a month is written “during …”: the event happened some time"
    " then, so the line does not say whether it came before or after another event of that"
    " year or month."
)


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


def _during(when: str) -> str:
    """A date as the chart writes it: a year or a month alone is 'during 2014'."""
    parsed = _parse_when(when)
    vague = parsed is not None and parsed[2] is None
    return f"during {_say_date(when)}" if vague else _say_date(when)


def _gap(earlier: str, later: str) -> str:
    """How long after `earlier` `later` comes, at the precision both dates share."""
    a, b = _parse_when(earlier), _parse_when(later)
    if a is None or b is None:
        return ""
    wide, narrow = sorted((earlier, later), key=len)
    if None in a + b and narrow.startswith(wide):
        return f"both {_during(wide)}: order not known"
    if a[2] is not None and b[2] is not None and a[1] and b[1]:
        days = (_dt.date(*b) - _dt.date(*a)).days
        if days < 62:
            return "the same day" if days == 0 else f"{plural(days, 'day')} later"
    if a[1] is not None and b[1] is not None:
        months = (b[0] - a[0]) * 12 + (b[1] - a[1])
        if months == 0:
            return "the same month"
        years, months = divmod(months, 12)
        parts = []
        if years:
            parts.append(plural(years, "year"))
        if months:
            parts.append(plural(months, "month"))
        return "about " + " ".join(parts) + " later"
    years = b[0] - a[0]
    return "the same year" if years == 0 else f"about {plural(years, 'year')} later"


def _named(note: str) -> str:
    """The sources a context row's note names; a note not in the fixed form, kept short."""
    return source_names(note) or (note if len(note) <= 60 else note[:57].rstrip() + "...")


def _date_source(row: dict[str, Any]) -> str:
    """Where a date comes from, in the marks' words; an outside source is named."""
    if not cell_words(row.get("when")):
        return ""
    basis = cell_words(row.get("when_basis"))
    if basis and basis not in MARKS:  # drawn as the article's voice, but not said to be
        return f"when_basis {basis!r}, not one of {', '.join(MARKS)}"
    source = _named(cell_words(row.get("note"))) if basis == "outside source" else ""
    return f"{mark(basis).chart_title}: {source}" if source else mark(basis).chart_title


def timeline_table(book: Any) -> pd.DataFrame:
    """Every event of the article in time order, with where each date comes from.

    What a student sees: a table, one event a row. Events with a date come first, from
    the earliest; the events the article gives no date for follow in the order the article
    tells them. ``when_text`` keeps the article's own words ("last month"); ``date_source``
    gives the date's mark ("article says", "◆ worked out", "▲ outside source: Semafor, 28
    December 2025", naming the source).

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
    found = [
        {
            **{
                name: cell_words(row.get(name))
                for name in ("id", "when", "when_text", "modality", "description")
            },
            "date_source": _date_source(row),
            "paragraph": paragraph(row.get("paragraph")),
        }
        for row in rows(book, "events")
    ]
    table = pd.DataFrame(found, columns=["id", *columns])
    table["undated"] = table["when"] == ""  # dated events first, then the rest
    table["order"] = [paragraph_order(p) for p in table["paragraph"]]
    table = table.sort_values(["undated", "when", "order"], kind="stable").drop(columns="order")
    return table.drop(columns="undated").set_index("id")


def timeline_chart(book: Any) -> Chart:
    """The dated events of the article on a time line, with where each date comes from.

    What a student sees: one point per event that has a date, from the earliest on the
    left. The points are evenly spaced, so the real time between two of them is written
    on the line ("about 3 years 10 months later", "3 days later"). Above each point, what
    happened, the article's own words for when ("last month") and the paragraph; below
    it, the date and its mark (where the date comes from): a filled circle is a date the
    article gives ("article says"); an open square one worked out from it ("◆ worked
    out"); an open diamond a date from outside the article ("▲ outside source"), with its
    source. A date with only a year or a month is written "during 2014": the event
    happened some time then, so the line does not say whether it came before or after
    another event of that year or month ("both during 2014: order not known"). Events
    without a date are counted under the line and listed by `timeline_table`.

    Parameters
    ----------
    book : Book
        A loaded pack, e.g. ``newsfacts.load()``.

    Returns
    -------
    Chart
        The picture, its caption, a short alt text and a description of every point.
    """
    table = timeline_table(book)
    events = {cell_words(row.get("id")): row for row in rows(book, "events")}
    with style():
        return _draw(table, events)


def _cards(dated: pd.DataFrame, events: dict[str, dict], renderer: Any) -> list[dict[str, Any]]:
    """The words above and below each point, their heights, and the row each card is on."""
    slot = (WIDTH - 0.6) / max(len(dated), 1)
    chars = max(14, int(slot * 72 / (0.55 * SMALL)) - 3)
    cards = []
    for k, (ident, row) in enumerate(dated.iterrows()):
        basis = mark(cell_words(events.get(ident, {}).get("when_basis"))).basis
        extra = [f"“{row['when_text']}”"] if row["when_text"] else []
        extra.append(para(row["paragraph"]))
        if row["modality"] and row["modality"] != "happened":
            extra.append(f"({row['modality']})")
        card = wrap(row["description"], chars) + "\n" + " · ".join(extra)
        title, _, named = row["date_source"].partition(": ")  # the mark, then any source
        source = title + (":\n" + wrap(named, chars) if named else "")
        cards.append(
            {
                "row": row,
                "basis": basis,
                "card": card,
                "source": source,
                "x": 0.3 + slot * (k + 0.5),
                "card_h": measure(renderer, card, SMALL)[1],
                "source_h": measure(renderer, source, SMALL)[1],
                "level": 1 if len(dated) > 5 and k % 2 else 0,
            }
        )
    for card in cards:
        date = _during(card["row"]["when"])
        if measure(renderer, date, FONT, "bold")[0] > slot - 0.1:  # too wide: two lines
            date = "\n".join(
                date.split(" ", 1) if date.startswith("during") else date.rsplit(" ", 1)
            )
        card["date"], card["date_h"] = date, measure(renderer, date, FONT, "bold")[1]
    gap_chars = max(10, int(slot * 72 / (0.55 * SMALL)) - 4)
    for before, card in zip([None, *cards], cards, strict=False):
        card["gap"] = _gap(before["row"]["when"], card["row"]["when"]) if before else ""
        card["gap_text"] = wrap(card["gap"], gap_chars)
    gap_h = max((measure(renderer, c["gap_text"], SMALL)[1] for c in cards if c["gap"]), default=0)
    low = max((c["card_h"] for c in cards if c["level"] == 0), default=0.0)
    for card in cards:
        card["stem"] = 0.3 + gap_h + (low + 0.2 if card["level"] else 0.0)
    return cards


def _point(basis: str, **where: Any) -> Line2D:
    shown = mark(basis)
    colour = shown.colour
    return Line2D(
        where.pop("x", []),
        where.pop("y", []),
        marker=shown.marker,
        color=colour,
        linestyle="none",
        markerfacecolor=colour if shown.filled else WHITE,
        markeredgecolor=colour,
        markeredgewidth=2.2,
        **where,
    )


def _draw(table: pd.DataFrame, events: dict[str, dict]) -> Chart:
    dated = table[table["when"] != ""]
    _, ruler = new_figure(1, 1)
    cards = _cards(dated, events, ruler)
    above = max((c["stem"] + c["card_h"] for c in cards), default=0.5) + 0.1
    below = 0.38 + max((c["date_h"] + c["source_h"] for c in cards), default=0.0)
    undated = len(table) - len(dated)
    height = 0.95 + above + below + 0.25 + (0.45 if undated else 0.0) + 0.55
    figure, renderer = new_figure(WIDTH, height)
    ax = inch_axes(figure)
    title = "When things happened"
    ax.text(0.3, height - 0.3, title, fontsize=14, fontweight="bold", va="top")
    alt = f"{title}: a time line of the {plural(len(dated), 'event')} of the article"
    alt += " that have a date."
    lines = [alt]
    if len(dated) > 1:
        subtitle = (
            "The points are evenly spaced: the time between two of them is written on the line."
        )
        ax.text(0.3, height - 0.62, subtitle, fontsize=FONT, va="top")
        lines[0] += " " + subtitle
    axis_y = height - 0.95 - above
    if cards:
        ax.annotate(
            "",
            xy=(WIDTH - 0.2, axis_y),
            xytext=(0.3, axis_y),
            arrowprops={"arrowstyle": "-|>", "lw": 1.2, "color": "black"},
        )
    for k, card in enumerate(cards):
        lines.append(_draw_card(ax, k, card, cards[k - 1] if k else None, axis_y))
    if not cards:
        ax.text(0.3, axis_y, "No event in the article's fact tables has a date.", fontsize=FONT)
        lines.append("No event in the article's fact tables has a date.")
    if undated:
        verb = "has" if undated == 1 else "have"
        note = f"{plural(undated, 'more event')} in the article {verb} no date: "
        note += "see timeline_table(book)."
        ax.text(0.3, 0.5 + 0.4, note, fontstyle="italic", va="top")
        lines.append(note.replace("see timeline_table(book)", "timeline_table(book) lists them"))
    bases = [b for b in MARKS if any(c["basis"] == b for c in cards)]
    if bases:
        words = {b: f"{mark(b).marker_words}, date: {mark(b).chart_title}" for b in bases}
        handles = [_point(b, markersize=10, label=words[b]) for b in bases]
        ax.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(0.3 / WIDTH, 0.1 / height),
            ncols=len(bases),
            frameon=False,
            fontsize=FONT,
            borderaxespad=0,
        )
        lines.append(f"Legend: {'; '.join(words.values())}.")
    if any(c["date"].startswith("during") for c in cards):
        lines.append(VAGUE)
    caption = "The dated events of the article in time order, with where each date comes from."
    return Chart(figure, alt, caption, "\n".join(lines))


def _draw_card(
    ax: Any, k: int, card: dict[str, Any], before: dict[str, Any] | None, axis_y: float
) -> str:
    """Draw one point with its words above and below; return the sentence describing it."""
    row, basis, x = card["row"], card["basis"], card["x"]
    ax.add_line(_point(basis, x=[x], y=[axis_y], markersize=12, zorder=3))
    ax.add_line(Line2D([x, x], [axis_y + 0.14, axis_y + card["stem"]], color="black", lw=0.8))
    ax.text(x, axis_y + card["stem"] + 0.04, card["card"], fontsize=SMALL, ha="center", va="bottom")
    date = card["date"].replace("\n", " ")
    ax.text(x, axis_y - 0.2, card["date"], fontweight="bold", ha="center", va="top")
    below = axis_y - 0.28 - card["date_h"]
    ax.text(x, below, card["source"], fontsize=SMALL, ha="center", va="top")
    words = f"Point {k + 1}, {mark(basis).marker_words}: {date}: {row['description']}; "
    words += para(row["paragraph"], False)
    if row["when_text"]:
        words += f"; the article's words for when: “{row['when_text']}”"
    if row["modality"] and row["modality"] != "happened":
        words += f"; {row['modality']}"
    words += "; date: " + card["source"].replace("\n", " ")
    gap = card["gap"]
    if gap:
        middle = (before["x"] + x) / 2
        ax.text(
            middle,
            axis_y + 0.12,
            card["gap_text"],
            fontsize=SMALL,
            fontstyle="italic",
            ha="center",
            va="bottom",
        )
        if gap.startswith("both"):
            words += f"; this and point {k} are {gap.replace(':', ',')}"
        else:
            words += f"; {gap} {'as' if gap.startswith('the same') else 'than'} point {k}"
        if "year" in gap and not gap.startswith("the same"):  # a long time in one step
            ax.text(middle, axis_y, "//", ha="center", va="center", fontweight="bold",
                    bbox={"facecolor": WHITE, "edgecolor": "none", "pad": 0})  # fmt: skip
            words += ", shown by a break in the line"
    return words + "."
