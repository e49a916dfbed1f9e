"""The quiz cue test (issue 18): among the questions whose options are sentence-long, the
right answer is the strictly longest option in at most a third. Otherwise a student who
picks the longest option passes without reading."""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "data" / "paris-2026" / "questions.csv"
SENTENCE_WORDS = 5  # an option of this many words or more reads as a sentence
SHARE = 1 / 3


def options(row: dict) -> list[str]:
    return [row[k].strip() for k in sorted(row) if k.startswith("option_") and row[k].strip()]


def sentence_long(row: dict) -> bool:
    """Most of the options (at least half) are sentences, not single words or names."""
    found = options(row)
    return bool(found) and 2 * sum(len(o.split()) >= SENTENCE_WORDS for o in found) >= len(found)


def longest_is_right(row: dict) -> bool:
    """The right answer is longer, in characters, than every other option."""
    answer = row["answer"].strip()
    others = [o for o in options(row) if o != answer]
    return all(len(answer) > len(o) for o in others)


def cued(rows: list[dict]) -> tuple[list[str], int]:
    """(ids of sentence-long questions whose right answer is the longest, how many are long)."""
    long_ones = [r for r in rows if sentence_long(r)]
    return [r["id"] for r in long_ones if longest_is_right(r)], len(long_ones)


def test_the_longest_option_is_right_in_at_most_a_third():
    with QUESTIONS.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    found, total = cued(rows)
    assert total >= 6, "too few sentence-long questions to judge"
    assert len(found) <= SHARE * total, (
        f"the right answer is the longest option in {len(found)} of {total} questions with "
        f"sentence-long options (at most a third): {', '.join(found)}"
    )


def test_the_cue_test_can_fail():
    def row(i, answer, *others):
        return {"id": f"q{i}", "answer": answer, "option_1": answer,
                **{f"option_{n + 2}": o for n, o in enumerate(others)}}  # fmt: skip

    cued_rows = [row(i, "the right answer is always the longest one", "a wrong one of five words",
                     "another wrong one, five words") for i in range(3)]  # fmt: skip
    found, total = cued(cued_rows)
    assert total == 3 and len(found) == 3 > SHARE * total
    fair = row(
        9, "a right answer of five", "a wrong answer that is the longest", "one more wrong one"
    )
    assert cued([fair]) == ([], 1)
    tie = row(8, "exactly as long as this", "exactly as long as that")
    assert not longest_is_right(tie)  # only strictly longest counts
    names = row(7, "run", "Venezuela", "period")
    assert not sentence_long(names)
