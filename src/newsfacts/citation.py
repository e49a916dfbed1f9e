"""Where a fact comes from: its paragraph, the exact words, and on what basis."""

from __future__ import annotations

from dataclasses import dataclass

BASIS_MEANING = {
    "reported": "the article says it in its own voice",
    "attributed": "the article says someone said it",
    "inferred": "derived from the article by the pack's authors",
    "context": "from outside the article",
}


@dataclass(frozen=True)
class Citation:
    """The source of one row of a pack.

    Attributes
    ----------
    id : str
        The row's id (or glossary term).
    table : str
        The table the row is in.
    paragraph : int or None
        The paragraph the row comes from (0 = title).
    quote : str
        The words copied from that paragraph.
    basis : str or None
        reported, attributed, inferred or context; None for a glossary term.
    note : str
        The row's note ("" when none).
    paragraph_text : str
        The whole paragraph.

    Examples
    --------
    >>> c = Citation("fig-donetsk-control", "figures", 9, "about 75% of the Donetsk region",
    ...              "reported", "", "Moscow currently controls about 75% of the Donetsk region.")
    >>> print(c)
    fig-donetsk-control (figures), paragraph 9, reported: "about 75% of the Donetsk region"
    """

    id: str
    table: str
    paragraph: int | None
    quote: str
    basis: str | None
    note: str
    paragraph_text: str

    def __str__(self) -> str:
        parts = [f"{self.id} ({self.table})"]
        if self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        if self.basis:
            parts.append(self.basis)
        text = ", ".join(parts) + f': "{self.quote}"'
        if self.note:
            text += f"\nnote: {self.note}"
        return text

    def _repr_html_(self) -> str:
        from html import escape

        before, found, after = self.paragraph_text.partition(self.quote)
        if found and self.quote:
            shown = f"{escape(before)}<mark>{escape(found)}</mark>{escape(after)}"
        else:
            shown = escape(self.paragraph_text)
        head = f"<strong>{escape(self.id)}</strong> ({escape(self.table)})"
        if self.paragraph is not None:
            head += f", paragraph {self.paragraph}"
        if self.basis:
            meaning = BASIS_MEANING.get(self.basis, "")
            head += f", <em>{escape(self.basis)}</em>"
            if meaning:
                head += f" ({escape(meaning)})"
        style = (
            "border-left:3px dashed #888"
            if self.basis == "context"
            else "border-left:3px solid #888"
        )
        html = [
            f'<div class="newsfacts-citation newsfacts-{escape(self.basis or "term")}">',
            f"<div>{head}</div>",
            f'<blockquote style="{style};margin:0.4em 0;padding-left:0.6em">{shown}</blockquote>',
        ]
        if self.note:
            html.append(f"<div>note: {escape(self.note)}</div>")
        html.append("</div>")
        return "\n".join(html)
