"""Where a fact comes from: its paragraph, the exact words, and on what basis.

In a notebook a citation shows the paragraph with the quote marked, and the basis as
the mark of `newsfacts.marks` (template ``citation.html``).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsfacts.article import paragraph_words


@dataclass(frozen=True)
class Citation:
    """The source of one row of a pack.

    Attributes
    ----------
    id : str
        The row's id (or glossary term).
    table : str
        The table the row is in.
    paragraph : int, str or None
        Where the row comes from: a story paragraph's number (from 1), or ``"headline"``,
        ``"byline"``, ``"caption 1"`` ...
    quote : str
        The words copied from that paragraph.
    basis : str or None
        article says, someone says, worked out or outside source; None for a glossary term.
    note : str
        The row's note ("" when none).
    paragraph_text : str
        The whole paragraph.
    when : str
        An event's date ("" when none).
    when_basis : str
        Where that date comes from: article says, worked out or outside source ("" when no date).

    Examples
    --------
    >>> c = Citation("fig-donetsk-control", "figures", 6, "about 75% of the Donetsk region",
    ...              "article says", "", "Moscow currently controls about 75% of Donetsk.")
    >>> print(c)
    fig-donetsk-control (figures), paragraph 6, article says: "about 75% of the Donetsk region"
    """

    id: str
    table: str
    paragraph: int | None
    quote: str
    basis: str | None
    note: str
    paragraph_text: str
    when: str = ""
    when_basis: str = ""

    def __str__(self) -> str:
        parts = [f"{self.id} ({self.table})"]
        if self.paragraph is not None:
            parts.append(paragraph_words(self.paragraph, short=False))
        if self.basis:
            parts.append(self.basis)
        text = ", ".join(parts) + f': "{self.quote}"'
        if self.note:
            text += f"\nnote: {self.note}"
        return text

    def _repr_html_(self) -> str:
        from newsfacts.render import render

        before, found, after = self.paragraph_text.partition(self.quote)
        if not (found and self.quote):
            before, found, after = self.paragraph_text, "", ""
        return render("citation.html", c=self, before=before, found=found, after=after)
