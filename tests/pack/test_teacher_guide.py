"""On the bundled pack: tests moved from tests/test_teacher_guide.py that still read
the bundled article's content."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


GUIDE_PATH = ROOT / "docs" / "teacher-guide.md"


GUIDE = GUIDE_PATH.read_text(encoding="utf-8")


def test_every_quote_with_a_paragraph_number_is_in_that_paragraph(paris):
    """The guide's truth rule: a quote followed by (¶ N) is words of paragraph N."""
    paragraphs = dict(zip(paris.paragraphs["paragraph"], paris.paragraphs["text"], strict=True))
    text = re.sub(r"\s+", " ", GUIDE)
    quotes = re.findall(r'"([^"]+)"[^"(]{0,40}?\((?:[a-z ]+, )?¶ (\d+)\)', text)
    assert quotes, "the guide quotes the article with its paragraph numbers"
    for quote, number in quotes:
        paragraph = paragraphs[int(number)].lower()
        for part in quote.lower().split("..."):
            assert part.strip(" .,") in paragraph, f"not in ¶ {number}: {quote!r}"
