"""figures_chart: the article's numbers as bars, in the article's own words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from newsfacts.book import Book
from newsfacts.marks import MARKS, mark, mark_label
from newsfacts.plots import chart
from newsfacts.text import cell_words, join_and, paragraph_order, plural, split_ids, wrap

PERCENT = ("percent", "%")
LEFT, RIGHT, WIDTH = 0.35, 6.3, 10.0  # the bars' extent and the figure's width, in inches
EDGE = 0.25  # inches kept free at the right edge
ROW = 0.78  # inches per bar
EXTRA = 0.3  # rows more for each more line of a bar's heading or note
CLAIM = "a claim, not a measurement"
LABEL = {"fontsize": 11, "fontweight": "bold"}  # a bar's number
ON_WHITE = {"facecolor": "white", "edgecolor": "none", "pad": 1}
PART = dict(LABEL, ha="center", va="center", bbox=ON_WHITE)  # a part's number, on its bar


def _number(value: Any) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return cell_words(value)
    return f"{int(number):,}" if number.is_integer() else f"{number:,.3f}".rstrip("0").rstrip(".")


def figure_label(row: dict[str, Any]) -> str:
    """The words for one figure (a row of ``book.figures``) as the article hedges it:
    qualifier (left out when it is "none"), number and unit.

    Examples
    --------
    >>> figure_label({"value": 75.0, "unit": "percent", "qualifier": "about"})
    'about 75%'
    >>> figure_label({"value": 30.0, "unit": "countries", "qualifier": "more than"})
    'more than 30 countries'
    >>> figure_label({"value": 1.0, "unit": "years", "qualifier": "none"})
    '1 year'
    >>> figure_label({"value": 2019.0, "unit": "year", "qualifier": "none"})
    '2019 year'
    """
    qualifier, unit = cell_words(row.get("qualifier")), cell_words(row.get("unit"))
    number = _number(row.get("value"))
    if unit == "year" and number.replace(",", "").isdigit() and len(number) == 5:
        number = number.replace(",", "")  # a year of the calendar: 2019, not 2,019
    single = unit[:-1] if number == "1" and unit.endswith("s") else unit
    amount = f"{number}%" if unit in PERCENT else f"{number} {single}" if unit else number
    return f"{qualifier} {amount}" if qualifier and qualifier.casefold() != "none" else amount


def _whose(book: Book, row: dict[str, Any]) -> str:
    """Where a figure comes from, when the article does not say it in its own voice."""
    basis = cell_words(row.get("basis"))
    if basis != "someone says":
        return "" if basis in ("", "article says") else mark(basis).short
    names = {ident: thing.name for ident, thing in chart.things(book).items()}
    speakers = [
        names.get(cell_words(claim.get("speaker")), cell_words(claim.get("speaker")))
        for claim in chart.rows(book, "claims")
        if cell_words(row.get("id")) in split_ids(claim.get("about"))
    ]
    speakers = [name for name in dict.fromkeys(speakers) if name]
    return f"according to {join_and(speakers)}" if speakers else mark("someone says").short


def parts_of_a_whole(figures: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The figures as bars: percentages of one subject that add up to 100 share one bar.

    Examples
    --------
    >>> rows = [{"id": "a", "subject": "plan", "unit": "percent", "value": 90.0},
    ...         {"id": "b", "subject": "plan", "unit": "percent", "value": 10.0},
    ...         {"id": "c", "subject": "land", "unit": "percent", "value": 75.0}]
    >>> [[row["id"] for row in bar] for bar in parts_of_a_whole(rows)]
    [['a', 'b'], ['c']]
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in figures:
        if _unit(row) == "percent" and cell_words(row.get("subject")):
            groups.setdefault(cell_words(row.get("subject")), []).append(row)
    bars = []
    for row in figures:
        subject = cell_words(row.get("subject"))
        group = groups.get(subject, []) if _unit(row) == "percent" else []
        if len(group) < 2 or abs(sum(float(r.get("value") or 0) for r in group) - 100) >= 0.5:
            bars.append([row])
        elif row is group[0]:
            bars.append(group)
    return bars


def _unit(row: dict[str, Any]) -> str:
    unit = cell_words(row.get("unit"))
    return "percent" if unit in PERCENT else unit


def figures_chart(book: Book, ids: Iterable[str] | str | None = None) -> chart.Chart:
    """Bar chart of the article's numbers, each labelled in the article's own words.

    What a student sees: one horizontal bar per figure, in the article's order, headed by
    what it measures and its paragraph ("¶3"), with the number as the article hedges it
    ("about 75%"). Percentages are drawn out of 100%, and percentages of one thing that add
    up to 100 as one split bar. A number someone claims is a hatched outline, not a filled
    bar, and says whose it is ("according to Volodymyr Zelensky").

    One chart, one unit (percent if any, else the unit most figures share): the figures in
    other units, or one number with nothing to compare with, are written under the chart.
    `ids`: the figure ids to show; by default every figure in percent (else every figure).
    """
    table = chart.rows(book, "figures")
    by_id = {cell_words(row.get("id")): row for row in table}
    if ids is None:
        chosen = [row for row in table if _unit(row) == "percent"] or table
    else:
        choices = {ident: cell_words(row.get("description")) for ident, row in by_id.items()}
        found = chart.resolve(ids, choices, "figure id", function="figures_chart", many=True)
        chosen = [by_id[ident] for ident in found]
    chosen.sort(key=lambda row: paragraph_order(row.get("paragraph")))
    units = [_unit(row) for row in chosen]  # percent if any, else one at least two share
    unit = max(dict.fromkeys(units), key=units.count, default=None)
    unit = "percent" if "percent" in units else unit if units.count(unit) > 1 else None
    drawn = [row for row in chosen if unit is not None and _unit(row) == unit]
    written = [row for row in chosen if unit is None or _unit(row) != unit]
    with chart.style():
        shown = _draw(book, drawn, written, unit)
    if ids is None and (left := len(table) - len(chosen)):  # by default, percentages only
        where, name, what = (
            ("another unit is", "its id", "it")
            if left == 1
            else ("other units are", "their ids", "them")
        )
        said = f"{plural(left, 'more figure')} in {where} left out: give {name} to show {what}"
        said += " (book.figures lists them)."
        shown.caption = f"{shown.caption} {said}"
    return shown


def _basis(row: dict[str, Any]) -> str:
    return cell_words(row.get("basis")) or "article says"


def _what(row: dict[str, Any]) -> str:
    return cell_words(row.get("description")) or cell_words(row.get("id"))


def _layout(book: Book, bars: list[list[dict]], renderer: Any) -> list[dict[str, Any]]:
    """Each bar's heading and note (whose the numbers are), wrapped to fit, and its rows."""
    laid, limit = [], _limit(bars)
    for bar in bars:
        heads = [f"{_what(r)}  ({chart.para(r.get('paragraph'))})" for r in bar]  # above the bar
        if len(bar) > 1:  # each part's number first
            heads = [f"{figure_label(r)}: {h}" for r, h in zip(bar, heads, strict=True)]
        head = "\n".join(wrap(h, chart.chars(renderer, WIDTH - LEFT - EDGE)) for h in heads)
        label_w = (
            0.0 if len(bar) > 1 else chart.measure(renderer, figure_label(bar[0]), 11, "bold")[0]
        )
        room = WIDTH - EDGE - (_bar_end(bar, limit) + 0.12 + label_w + 0.08)
        notes = []  # after the bar: whose each number is, when it is not the article's own
        for row in bar:
            whose = _whose(book, row)
            whose += f", {CLAIM}" if whose and _basis(row) == "someone says" else ""
            if whose:
                notes.append(f"{figure_label(row)}: {whose}" if len(bar) > 1 else whose)
        note = wrap(f"({'; '.join(notes)})" if notes else "", chart.chars(renderer, room))
        if note.count("\n") > 1:  # too tall beside the bar: it would run into the heading
            head += "\n" + wrap(f"({'; '.join(notes)})", chart.chars(renderer, WIDTH - LEFT - EDGE))
            note = ""
        lines = head.count("\n") + max(note.count("\n") - 1, 0)
        laid.append({"bar": bar, "head": head, "note": note, "rows": 1 + EXTRA * lines})
    return laid


def _limit(bars: list[list[dict]]) -> float:
    """The largest value on the scale: 100 for percentages up to 100, else the longest bar."""
    percent = all(_unit(r) == "percent" for bar in bars for r in bar)
    largest = max((sum(float(r.get("value") or 0) for r in bar) for bar in bars), default=0.0)
    return 100.0 if percent and largest <= 100 else max(largest, 1e-9)


def _bar_end(bar: list[dict], limit: float) -> float:
    """Where, in inches from the figure's left edge, the words after `bar` start: after a
    percentage's 100% outline, else after the bar itself (a short bar leaves its note room)."""
    if all(_unit(r) == "percent" for r in bar):
        return RIGHT
    length = min(sum(float(r.get("value") or 0) for r in bar), limit)
    return LEFT + (RIGHT - LEFT) * length / limit


def _draw(book: Book, chosen: list[dict], written: list[dict], unit: str | None) -> chart.Chart:
    percent = unit == "percent"
    title = "Percentages in the article" if percent else "Numbers in the article"
    bases = [b for b in MARKS if any(_basis(r) == b for r in chosen)]
    bars = parts_of_a_whole(chosen)
    _, ruler = chart.new_figure(1, 1)
    laid = _layout(book, bars, ruler)
    box_h = (sum(item["rows"] for item in laid) - 0.1) * ROW
    under = _written(book, written, unit, ruler)
    under_h = chart.measure(ruler, under, chart.FONT)[1] + 0.3 if under else 0.0
    heading_h, panel = (0.25, box_h + 0.5) if chosen else (0.0, 0.0)
    height = max(0.8 + heading_h + panel + under_h + 0.3 * len(bases) + 0.3, 2.0)
    figure, renderer = chart.new_figure(WIDTH, height)
    figure.text(0.3 / WIDTH, 1 - 0.3 / height, title, fontsize=14, fontweight="bold", va="top")
    if not chosen and not written:
        figure.text(0.3 / WIDTH, 0.5, "The article's fact tables have no figures to draw.")
        none = ("No figures to draw.", "There are no figures.")
        return chart.Chart(figure, f"{title}: none.", *none)
    stacked = sum(len(bar) for bar in bars if len(bar) > 1)
    alt = f"{title}: a bar chart of {plural(len(chosen), 'figure')}, in the article's order"
    alt += f"; {stacked} of them are parts of one whole, drawn as one bar." if stacked else "."
    if not chosen:
        alt = f"{title}: {plural(len(written), 'figure')} written out, none drawn as bars."
    lines = [alt.replace(": a bar", ": a horizontal bar")]
    top = height - 0.8
    if chosen:
        heading = "in percent (out of 100%)" if percent else f"in {unit or 'numbers'}"
        figure.text(LEFT / WIDTH, top / height, heading, fontstyle="italic", va="top")
        lines.append(f"Scale {heading}:")
        top -= heading_h + box_h
        ax = figure.add_axes((LEFT / WIDTH, top / height, (RIGHT - LEFT) / WIDTH, box_h / height))
        top -= 0.5
        lines += _panel(book, ax, unit or "", laid, renderer)
    if under:
        figure.text(LEFT / WIDTH, top / height, under, fontsize=chart.FONT, va="top", gid="written")
        lines += under.replace("\n  ", " ").split("\n")
    if chosen and bases:
        handles = [Patch(label=chart.drawn_mark_label(b), **_bar_style(b)) for b in bases]
        chart.key(figure, handles, (LEFT, 0.1), fontsize=chart.FONT, handlelength=2.4)
        words = "; ".join(f"{_bar_words(b)}: {mark_label(b)}" for b in bases)
        para = "¶ and a number: the paragraph of the article the figure comes from"
        lines.append(f"Legend: {words}. {para}.")
    # lessons 0-2 use this chart before the word "hedge" is taught
    caption = "The article's numbers, in the article's own words (about, some, more than)."
    if percent:
        caption = caption.replace("numbers,", "percentages, each drawn out of 100%,")
    return chart.Chart(figure, alt, caption, "\n".join(lines))


def _written(book: Book, written: list[dict], unit: str | None, renderer: Any) -> str:
    """The figures not drawn as bars, one a line in the article's words, and why."""
    if not written:
        return ""
    shown = "percentages" if unit == "percent" else unit
    why = f"Not drawn as bars: numbers in other units cannot share a scale with the {shown}."
    if unit is None:
        why = "Not drawn as bars: one number alone has nothing on its scale to be compared with."
    width = chart.chars(renderer, WIDTH - LEFT - EDGE)
    out = [wrap(why, width)]
    for row in written:
        whose = _whose(book, row)
        words = f"{figure_label(row)}: {cell_words(row.get('description'))}"
        words += f" ({chart.para(row.get('paragraph'))}{'; ' + whose if whose else ''})"
        out.append(wrap("• " + words, width).replace("\n", "\n  "))
    return "\n".join(out)


def _bar_style(basis: str) -> dict[str, Any]:
    """A bar's (or key sample's) look; a claim is a dashed, hatched outline, not a filled bar."""
    shown, claim = mark(basis), basis == "someone says"
    fill = {"fill": False, "linestyle": "--"} if claim else {"facecolor": (shown.colour, 0.3)}
    return {**fill, "edgecolor": shown.colour, "hatch": shown.hatch, "lw": 1.6 if claim else 1.2}


def _bar_words(basis: str) -> str:
    shown = mark(basis)
    if basis == "someone says":
        return f"{chart.colour_name(shown.colour)} dashed outline with hatching, not filled"
    return f"{chart.colour_name(shown.colour)} bar" + (" with hatching" if shown.hatch else "")


def _panel(book: Book, ax: Any, unit: str, laid: list[dict], renderer: Any) -> list[str]:
    """Draw one panel's scale and bars with their words; return the sentences describing them."""
    percent = unit in PERCENT
    bars = [item["bar"] for item in laid]
    limit = _limit(bars)
    whole = all(float(r.get("value") or 0).is_integer() for bar in bars for r in bar)
    ticks = [0.0, 25.0, 50.0, 75.0, 100.0]
    if not percent:
        found = MaxNLocator(nbins=6, integer=whole).tick_values(0, limit)
        ticks = [t for t in found if 0 <= t <= limit]
    marked = [_number(t) + ("%" if percent else "") for t in ticks]
    ax.set(xlim=(0, limit), ylim=(sum(item["rows"] for item in laid) - 0.45, -0.35))
    ax.set_xticks(ticks, marked, fontsize=chart.SMALL)
    ax.set_yticks([])
    ax.spines[["top", "right", "left"]].set_visible(False)
    inch = limit / (RIGHT - LEFT)  # data units per inch
    lines, top = [], 0.0
    for item in laid:
        bar = item["bar"]
        y = top + item["rows"] - 1  # where the bar's heading ends
        top = y + 1
        ax.text(0, y - 0.1, item["head"], fontsize=chart.FONT, va="bottom")
        if unit in PERCENT:
            ax.barh(y + 0.21, 100, 0.38, fill=False, alpha=0.35, lw=0.8)
        start = 0.0
        for row in bar:
            value, label = float(row.get("value") or 0), figure_label(row)
            gid = f"bar-{row.get('id')}"
            ax.barh(y + 0.21, value, 0.38, left=start, gid=gid, **_bar_style(_basis(row)))
            if len(bar) > 1:
                ax.text(start + value / 2, y + 0.21, label, **PART)
            start += value
            whose, basis, quote = _whose(book, row), _basis(row), cell_words(row.get("quote"))
            words = f"{_what(row)}: {label}" + (f" ({whose})" if whose else "")
            words += f"; {_bar_words(basis)}; {chart.para(row.get('paragraph'), False)}"
            if basis == "someone says":  # whose own figure
                who = whose.removeprefix("according to ") if whose.startswith("according") else ""
                words += "; a claim, drawn as an outline and not a filled bar: "
                words += f"{who or 'someone'}'s own figure, not a measurement"
            lines.append(words + (f', where the article writes "{quote}".' if quote else "."))
        x = (limit if unit in PERCENT else min(start, limit)) + 0.12 * inch
        if len(bar) == 1:
            label = figure_label(bar[0])
            ax.text(x, y + 0.21, label, **LABEL, va="center", clip_on=False)
            x += (chart.measure(renderer, label, 11, "bold")[0] + 0.08) * inch
        if item["note"]:
            ax.text(x, y + 0.21, item["note"], va="center", clip_on=False)
        if len(bar) > 1:
            names = join_and([cell_words(r.get("description")) for r in bar])
            words = f"one bar out of 100%, split in {len(bar)}."
            lines.append(f"{names} are parts of one whole: {words}")
    unit_words = "." if unit in PERCENT else f" ({unit or 'number'})."
    return lines + [f"The scale under the bars is marked {', '.join(marked)}{unit_words}"]
