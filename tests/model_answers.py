"""The model answers' text, from wherever the repository keeps them, to look for elsewhere.

Any CSV under data/ or teacher/ with a `model_answer` column counts (today
data/paris-2026/prompts.csv; a teacher-only file later). `needles` gives one piece of each
answer to search for: its longest run without quotes, backslashes or line breaks (which
CSV, JSON and notebooks escape differently), at most 60 characters.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEEDLE = 60
SHORTEST = 20


def model_answers(root: Path = ROOT) -> dict[str, str]:
    """{"file:line": answer} for every non-blank model answer in the teacher's sources."""
    found = {}
    for folder in ("data", "teacher"):
        for path in sorted((root / folder).rglob("*.csv")):
            with path.open(encoding="utf-8", newline="") as f:
                reader = csv.DictReader(f)
                if "model_answer" not in (reader.fieldnames or []):
                    continue
                for n, row in enumerate(reader, start=2):
                    text = (row.get("model_answer") or "").strip()
                    if text:
                        found[f"{path.relative_to(root)}:{n}"] = text
    return found


def needle(answer: str) -> str:
    runs = re.split(r'["\\\r\n]+', " ".join(answer.split()))
    return max(runs, key=len).strip()[:NEEDLE]


def needles(root: Path = ROOT) -> dict[str, str]:
    """{"file:line": piece of its answer}; fails if the repository holds no model answer."""
    pieces = {where: needle(text) for where, text in model_answers(root).items()}
    pieces = {where: piece for where, piece in pieces.items() if len(piece) >= SHORTEST}
    assert pieces, "no model answer found: no CSV under data/ or teacher/ has model_answer"
    return pieces


def normalised(text: str) -> str:
    """`text` with whitespace runs as one space, as `needle` reads the answers."""
    return " ".join(text.split())


def found_in(text: str, pieces: dict[str, str]) -> list[str]:
    """Where the answers found in `text` come from."""
    flat = normalised(text)
    return [where for where, piece in pieces.items() if piece in flat]
