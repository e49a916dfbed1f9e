"""figures_chart: the article's numbers as bars, in the article's own words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from newsfacts.marks import MARKS, mark, mark_label
from newsfacts.plots.chart import FONT, SMALL, Chart, colour_name, measure, new_figure, style
from newsfacts.plots.tables import para, paragraph, resolve_many, rows, things
from newsfacts.text import cell_words, join_and, paragraph_order, plural, split_ids

PERCENT = ("percent", "%")
LEFT, RIGHT, WIDTH = 0.35, 6.3, 10.0  # the bars' extent and the figure's width, in inches
ROW = 0.78  # inches per bar
EXTRA = 0.3  # rows more for each more part of a bar (its heading has a line per part)


def _rows_of(bars: list[list[dict[str, Any]]]) -> float:
    """How many rows a panel's bars take up."""
    return sum(1 + EXTRA * (len(bar) - 1) for bar in bars)


def _number(value: Any) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return cell_words(value)
    if number.is_integer():
        return f"{int(number):,}"
    return f"{number:,.3f}".rstrip("0").rstrip(".")


def figure_label(row: dict[str, Any]) -> str:
    """The words for one figure as the article hedges it: "about 75%", "more than 30 countries".

    Parameters
    ----------
    row : mapping
        A row of ``book.figures`` (``value``, ``unit``, ``qualifier``).

    Returns
    -------
    str
        Qualifier (left out when it is "none"), number and unit.

    Examples
    --------
    >>> figure_label({"value": 75.0, "unit": "percent", "qualifier": "about"})
    'about 75%'
    >>> figure_label({"value": 30.0, "unit": "countries", "qualifier": "more than"})
    'more than 30 countries'
    >>> figure_label({"value": 1.0, "unit": "years", "qualifier": "none"})
    '1 year'
    """
    qualifier, unit, number = (
        cell_words(row.get("qualifier")),
        cell_words(row.get("unit")),
        _number(row.get("value")),
    )
    if unit in PERCENT:
        amount = f"{number}%"
    elif unit:
        amount = f"{number} {unit[:-1] if number == '1' and unit.endswith('s') else unit}"
    else:
        amount = number
    return f"{qualifier} {amount}" if qualifier and qualifier.casefold() != "none" else amount


def _whose(book: Any, row: dict[str, Any]) -> str:
    """Where a figure comes from, when the article does not say it in its own voice."""
    basis = cell_words(row.get("basis"))
    if basis == "someone says":
        names = {key: thing.name for key, thing in things(book).items()}
        speakers = [
            names.get(cell_words(claim.get("speaker")), cell_words(claim.get("speaker")))
            for claim in rows(book, "claims")
            if cell_words(row.get("id")) in split_ids(claim.get("about"))
        ]
        speakers = [name for name in dict.fromkeys(speakers) if name]
        return f"according to {join_and(speakers)}" if speakers else mark("someone says").short
    return "" if basis in ("", "article says") else mark(basis).short


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
    by_subject: dict[str, list[dict[str, Any]]] = {}
    for row in figures:
        if cell_words(row.get("unit")) in PERCENT and cell_words(row.get("subject")):
            by_subject.setdefault(cell_words(row.get("subject")), []).append(row)
    wholes = {
        subject: group
        for subject, group in by_subject.items()
        if len(group) > 1 and abs(sum(float(r.get("value") or 0) for r in group) - 100) < 0.5
    }
    bars, done = [], set()
    for row in figures:
        subject = cell_words(row.get("subject"))
        if subject in wholes and cell_words(row.get("unit")) in PERCENT:
            if subject not in done:
                bars.append(wholes[subject])
                done.add(subject)
        else:
            bars.append([row])
    return bars


def figures_chart(book: Any, ids: Iterable[str] | str | None = None) -> Chart:
    """Bar chart of the article's numbers, each labelled in the article's own words.

    What a student sees: one horizontal bar per figure, in the order the article gives
    them. Above each bar, what the number measures and the paragraph it comes from
    ("¶9"); beside it, the number in the article's own words ("about 75%", "some 99%").
    Percentages are drawn out of 100%; percentages of one thing that add up to 100
    (90% agreed, 10% still open) are parts of one whole, drawn as one bar split in two.
    A number the article puts in someone's mouth has a hatched bar and says whose it is
    ("according to Volodymyr Zelensky"); the legend explains each style.

    Parameters
    ----------
    book : Book
        A loaded pack, e.g. ``newsfacts.load()``.
    ids : str or list of str, optional
        Figure ids to draw. By default every figure in percent (every figure, if there is
        none). Figures in different units are drawn on separate scales, one panel a unit.

    Returns
    -------
    Chart
        The picture, its caption, a short alt text and a description of every bar.

    Raises
    ------
    UnknownNameError
        When an id is not a figure of the pack; the message suggests the closest ones.
    """
    table = rows(book, "figures")
    by_id = {cell_words(row.get("id")): row for row in table}
    if ids is None:
        chosen = [row for row in table if cell_words(row.get("unit")) in PERCENT] or table
    else:
        choices = {key: cell_words(row.get("description")) for key, row in by_id.items()}
        chosen = [
            by_id[key] for key in resolve_many(ids, choices, "figure id", function="figures_chart")
        ]
    chosen.sort(key=lambda row: paragraph_order(row.get("paragraph")))
    panels: dict[str, list[list[dict[str, Any]]]] = {}
    for bar in parts_of_a_whole(chosen):
        panels.setdefault(cell_words(bar[0].get("unit")), []).append(bar)
    with style():
        return _draw(book, chosen, panels)


def _draw(book: Any, chosen: list[dict], panels: dict[str, list[list[dict]]]) -> Chart:
    percent_only = list(panels) in (["percent"], ["%"])
    title = "Percentages in the article" if percent_only else "Numbers in the article"
    bases = [
        b for b in MARKS if any((cell_words(r.get("basis")) or "article says") == b for r in chosen)
    ]
    head = 0.25 if len(panels) > 1 else 0.0
    height = 0.8 + sum(head + _rows_of(bars) * ROW + 0.5 for bars in panels.values())
    height = max(height + 0.3 * len(bases) + 0.3, 2.0)
    figure, renderer = new_figure(WIDTH, height)
    figure.text(0.3 / WIDTH, 1 - 0.3 / height, title, fontsize=14, fontweight="bold", va="top")
    if not chosen:
        figure.text(
            0.3 / WIDTH, 0.5, "The article's fact tables have no figures to draw.", fontsize=FONT
        )
        return Chart(figure, f"{title}: none.", "No figures to draw.", "There are no figures.")
    stacked = sum(len(bar) for bars in panels.values() for bar in bars if len(bar) > 1)
    alt = f"{title}: a bar chart of {plural(len(chosen), 'figure')}, in the article's order"
    alt += f"; {stacked} of them are parts of one whole, drawn as one bar." if stacked else "."
    lines = [alt.replace(": a bar", ": a horizontal bar")]
    top = height - 0.8
    for unit, bars in panels.items():
        if len(panels) > 1:
            heading = "in percent (out of 100%)" if unit in PERCENT else f"in {unit or 'numbers'}"
            figure.text(LEFT / WIDTH, top / height, heading, fontstyle="italic", va="top")
            lines.append(f"Panel {heading}:")
            top -= head
        box_h = (_rows_of(bars) - 0.1) * ROW
        ax = figure.add_axes(
            (LEFT / WIDTH, (top - box_h) / height, (RIGHT - LEFT) / WIDTH, box_h / height)
        )
        top -= box_h + 0.5
        lines += _panel(book, ax, unit, bars, renderer)
    handles = [Patch(label=mark_label(b), **_bar_style(b)) for b in bases]
    figure.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(LEFT / WIDTH, 0.1 / height),
        frameon=False,
        fontsize=FONT,
        handlelength=2.4,
        borderaxespad=0,
    )
    lines.append(
        "Legend: "
        + "; ".join(f"{_bar_words(b)}: {mark_label(b)}" for b in bases)
        + ". ¶ and a number: the paragraph of the article the figure comes from."
    )
    # lessons 0-2 use this chart before the word "hedge" is taught
    caption = "The article's numbers, in the article's own words (about, some, more than)."
    if percent_only:
        caption = caption.replace("numbers,", "percentages, each drawn out of 100%,")
    return Chart(figure, alt, caption, "\n".join(lines))


def _bar_style(basis: str) -> dict[str, Any]:
    """A bar's (or a legend sample's) style for `basis`: light fill, hatch, outline."""
    style_ = mark(basis)
    colour = style_.colour
    return {"facecolor": (colour, 0.3), "edgecolor": colour, "hatch": style_.hatch, "lw": 1.2}


def _bar_words(basis: str) -> str:
    style_ = mark(basis)
    return f"{colour_name(style_.colour)} bar" + (" with hatching" if style_.hatch else "")


def _scale(ax: Any, unit: str, bars: list[list[dict]]) -> tuple[float, list[str]]:
    """Set the panel's scale; return its upper limit and the words of its ticks."""
    percent = unit in PERCENT
    largest = max(sum(float(r.get("value") or 0) for r in bar) for bar in bars)
    limit = 100.0 if percent and largest <= 100 else max(largest, 1e-9)
    whole = all(float(r.get("value") or 0).is_integer() for bar in bars for r in bar)
    ticks = (
        [0.0, 25.0, 50.0, 75.0, 100.0]
        if percent
        else list(
            t for t in MaxNLocator(nbins=6, integer=whole).tick_values(0, limit) if 0 <= t <= limit
        )
    )
    words = [_number(t) + ("%" if percent else "") for t in ticks]
    ax.set_xlim(0, limit)
    ax.set_ylim(_rows_of(bars) - 0.45, -0.35)
    ax.set_xticks(ticks, words, fontsize=SMALL)
    ax.set_yticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    return limit, words


def _panel(book: Any, ax: Any, unit: str, bars: list[list[dict]], renderer: Any) -> list[str]:
    """Draw one panel's bars with their words; return the sentences describing them."""
    limit, ticks = _scale(ax, unit, bars)
    inch = limit / (RIGHT - LEFT)  # data units per inch
    lines = []
    top = 0.0
    for bar in bars:
        index = top + EXTRA * (len(bar) - 1)  # where the bar's heading ends
        top = index + 1
        heads = [_heading(r, len(bar) > 1) for r in bar]
        ax.text(0, index - 0.1, "\n".join(heads), fontsize=FONT, va="bottom")
        if unit in PERCENT:
            ax.barh(index + 0.21, 100, 0.38, fill=False, alpha=0.35, lw=0.8)
        start, notes = 0.0, []
        for row in bar:
            value, label, whose = float(row.get("value") or 0), figure_label(row), _whose(book, row)
            basis = cell_words(row.get("basis")) or "article says"
            ax.barh(index + 0.21, value, 0.38, left=start, **_bar_style(basis))
            if len(bar) > 1:
                ax.text(
                    start + value / 2,
                    index + 0.21,
                    label,
                    fontsize=11,
                    fontweight="bold",
                    ha="center",
                    va="center",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
                )
            notes.append(f"{label}: {whose}" if len(bar) > 1 and whose else whose)
            start += value
            lines.append(_sentence(row, label, whose, basis))
        x = (limit if unit in PERCENT else min(start, limit)) + 0.12 * inch
        if len(bar) == 1:
            ax.text(
                x,
                index + 0.21,
                figure_label(bar[0]),
                fontsize=11,
                fontweight="bold",
                va="center",
                clip_on=False,
            )
            x += (measure(renderer, figure_label(bar[0]), 11, "bold")[0] + 0.08) * inch
        if any(notes):
            ax.text(
                x, index + 0.21, f"({'; '.join(n for n in notes if n)})", va="center", clip_on=False
            )
        if len(bar) > 1:
            names = join_and([cell_words(r.get("description")) for r in bar])
            lines.append(
                f"{names} are parts of one whole: one bar out of 100%, split in {len(bar)}."
            )
    unit_words = "." if unit in PERCENT else f" ({unit or 'number'})."
    return lines + [f"The scale under the bars is marked {', '.join(ticks)}{unit_words}"]


def _heading(row: dict[str, Any], part: bool) -> str:
    """The words above a bar: what the figure measures, and its paragraph."""
    where = para(paragraph(row.get("paragraph")))
    words = f"{cell_words(row.get('description')) or cell_words(row.get('id'))}  ({where})"
    return f"{figure_label(row)}: {words}" if part else words


def _sentence(row: dict[str, Any], label: str, whose: str, basis: str) -> str:
    words = f"{cell_words(row.get('description')) or cell_words(row.get('id'))}: {label}"
    words += f" ({whose})" if whose else ""
    words += f"; {_bar_words(basis)}; {para(paragraph(row.get('paragraph')), False)}"
    quote = cell_words(row.get("quote"))
    return words + (f', where the article writes "{quote}".' if quote else ".")
