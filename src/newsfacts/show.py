"""Fact tables as a student sees them: the basis of each row in words, with a mark.

Rows the article does not say in its own voice stand out: an attributed row says who
claims it, an inferred row carries a diamond, a context row a triangle. The marks are
symbols and words, never colour alone, so they survive a black-and-white printout and a
colour-blind reader.

Nothing here imports ipywidgets or matplotlib.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import pandas as pd

#: The mark and the words shown for each basis.
BASIS_LABELS: dict[str, str] = {
    "reported": "reported: the article says it",
    "attributed": "attributed: someone in the article says it",
    "inferred": "◆ inferred: worked out from the article",
    "context": "▲ context: from outside the article",
}

#: Background tints for the HTML marks (Okabe-Ito, light); the words carry the meaning.
BASIS_STYLES: dict[str, str] = {
    "reported": "border:1px solid #0072B2;",
    "attributed": "border:1px dashed #D55E00;",
    "inferred": "border:2px dotted #CC79A7;",
    "context": "border:2px double #000000;",
}


#: The mark after a date that the article does not give itself (events.when_basis).
WHEN_MARKS: dict[str, str] = {
    "inferred": " ◆ worked out from the article",
    "context": " ▲ from outside the article",
}


def marked_when(frame: pd.DataFrame) -> pd.Series:
    """The ``when`` column with a mark after each date that the article does not give.

    >>> import newsfacts
    >>> book = newsfacts.load()
    >>> marked_when(book.events).loc[book.events["id"] == "ev-invasion"].item()
    '2022-02'
    """
    marks = frame["when_basis"].map(WHEN_MARKS).fillna("")
    return frame["when"].where(frame["when"] == "", frame["when"] + marks)


def basis_label(basis: str) -> str:
    """The words a student sees for a basis (``"context"`` -> ``"▲ context: ..."``).

    >>> basis_label("inferred")
    '◆ inferred: worked out from the article'
    """
    return BASIS_LABELS.get(basis, basis)


def facts(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """A fact table ready to show: the chosen columns, then ``¶`` and the basis in words.

    Parameters
    ----------
    frame : DataFrame
        Rows of one of the book's tables (``book.figures``, or a filtered part of it).
    columns : list of str, optional
        The columns to keep before the provenance columns; default: all but the
        provenance ones.

    Returns
    -------
    DataFrame
        Indexed by the row's id (or glossary term), with ``¶`` (paragraph), ``quote``,
        ``basis`` (in words, marked) and ``note`` last.

    Examples
    --------
    >>> import newsfacts
    >>> book = newsfacts.load()
    >>> int(facts(book.figures, ["value", "unit"]).loc["fig-donetsk-control", "¶"])
    9
    """
    frame = _as_frame(frame)
    key = "id" if "id" in frame.columns else "term" if "term" in frame.columns else None
    if key is None:
        key = frame.columns[0] if len(frame.columns) else "id"
        if key not in frame.columns:
            return frame.copy()
    provenance = [c for c in ("paragraph", "quote", "basis", "note") if c != key]
    if columns is None:
        columns = [c for c in frame.columns if c not in provenance and c != key]
    else:
        columns = _column_names(columns, frame)
    columns = [c for c in dict.fromkeys(columns) if c != key and c not in provenance]
    shown = frame[[key, *columns, *[c for c in provenance if c in frame.columns]]].copy()
    if "when" in shown.columns and "when_basis" in frame.columns:
        shown["when"] = marked_when(frame)
    if "basis" in shown.columns:
        shown["basis"] = shown["basis"].map(basis_label)
    for column in shown.columns:  # 75.0 reads as a measurement; the article wrote 75
        values = shown[column]
        if pd.api.types.is_float_dtype(values) and values.dropna().mod(1).eq(0).all():
            shown[column] = values.astype("Int64")
    shown = shown.set_index(key).rename(columns={"paragraph": "¶"})
    shown.index.name = key
    return shown


def _as_frame(frame: object) -> pd.DataFrame:
    """A table to show: a DataFrame as it is, one row (a Series) as a table of one row."""
    from newsfacts.errors import describe_value

    if isinstance(frame, pd.DataFrame):
        return frame
    if isinstance(frame, pd.Series):
        return frame.to_frame().T
    raise TypeError(
        "facts() takes a table, such as facts(book.figures) or "
        f"facts(book.actors[book.actors['kind'] == 'person']); you passed {describe_value(frame)}."
    )


def _column_names(columns: object, frame: pd.DataFrame) -> list[str]:
    """The columns a student asked for, checked against the table."""
    if isinstance(columns, str):
        columns = [columns]
    try:
        names = list(columns)  # type: ignore[call-overload]
    except TypeError:
        names = None
    if names is None or not all(isinstance(name, str) for name in names):
        from newsfacts.errors import describe_value

        raise TypeError(
            "facts() takes the columns to show as a list of names in quotes, such as "
            f"['value', 'unit']; you passed {describe_value(columns)}."
        )
    existing = [str(c) for c in frame.columns]
    for name in names:
        if name not in frame.columns:
            from newsfacts.suggest import closest, did_you_mean

            advice = did_you_mean(closest(name, existing))
            raise ValueError(
                f"The table has no column {name!r}. "
                + (advice or f"Its columns are {', '.join(existing)}.")
            )
    return names


def badge(basis: str) -> str:
    """An HTML mark for a basis: its words in a bordered box (escaped)."""
    style = BASIS_STYLES.get(basis, "border:1px solid #000000;")
    return (
        f'<span class="newsfacts-basis newsfacts-basis-{html.escape(basis)}" '
        f'style="{style}padding:0 4px;border-radius:3px;font-size:90%">'
        f"{html.escape(basis_label(basis))}</span>"
    )


def html_rows(frame: pd.DataFrame, columns: Iterable[str], empty: str = "Nothing found.") -> str:
    """An escaped HTML table of some columns, with ``¶`` and the basis mark when present."""
    columns = list(columns)
    if "when" in columns and "when_basis" in frame.columns:
        frame = frame.assign(when=marked_when(frame))
    if frame.empty:
        return f"<p><em>{html.escape(empty)}</em></p>"
    extra = [c for c in ("paragraph", "basis") if c in frame.columns]
    head = "".join(
        f"<th>{html.escape('¶' if c == 'paragraph' else c)}</th>" for c in [*columns, *extra]
    )
    body = []
    for _, row in frame.iterrows():
        cells = [f"<td>{html.escape(str(row[c]))}</td>" for c in columns]
        if "paragraph" in extra:
            cells.append(f"<td>{int(row['paragraph'])}</td>")
        if "basis" in extra:
            cells.append(f"<td>{badge(str(row['basis']))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<table class="newsfacts-table"><thead><tr>'
        + head
        + "</tr></thead><tbody>"
        + "".join(body)
        + "</tbody></table>"
    )
