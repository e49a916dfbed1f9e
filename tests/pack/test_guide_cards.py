"""The teacher guide (issue 18): at most 4,000 words, a one-page card per lesson with the
same parts, a rubric for every writing task, and no model answers (they live in the
teacher notebooks only)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "teacher-guide.md"
LESSONS = sorted((ROOT / "teacher").glob("[0-9][0-9]-*.ipynb"))
MAX_WORDS = 4000
PARTS = ("**Goal.**", "**Key questions.**", "| Minutes |", "**Short of time, cut:**",
         "**Exit ticket.**", "**Misconceptions.**", "**Rubric")  # fmt: skip


def cards(text: str) -> dict[str, str]:
    """Each lesson's card, by its two-digit number: from its heading to the next heading."""
    found = re.findall(r"^## Lesson (\d+): .*?(?=^## |\Z)", text, flags=re.M | re.S)
    bodies = re.split(r"^## Lesson \d+: ", text, flags=re.M)[1:]
    return {f"{int(n):02d}": body for n, body in zip(found, bodies, strict=True)}


def problems(text: str, lessons: list[str]) -> list[str]:
    found = []
    if len(text.split()) > MAX_WORDS:
        found.append(f"{len(text.split())} words (at most {MAX_WORDS})")
    if re.search(r"model answers?:|\*\*model answers?\.\*\*", text, flags=re.I):
        found.append("a model answer in the guide (they belong in the teacher notebooks)")
    by_lesson = cards(text)
    for lesson in lessons:
        card = by_lesson.get(lesson)
        if card is None:
            found.append(f"lesson {lesson}: no card")
            continue
        found += [f"lesson {lesson}: no {part}" for part in PARTS if part not in card]
        questions = card.split("**Key questions.**")[-1].split("|")[0]
        if len(re.findall(r"\b[1-3]\. ", questions)) < 3:
            found.append(f"lesson {lesson}: fewer than three key questions")
    return found


def test_the_guide_is_short_and_has_a_card_per_lesson():
    lessons = [p.name[:2] for p in LESSONS]
    assert lessons, "no lessons in teacher/"
    assert not problems(GUIDE.read_text(encoding="utf-8"), lessons)


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_each_card_names_its_notebook(path):
    card = cards(GUIDE.read_text(encoding="utf-8")).get(path.name[:2], "")
    assert f"`{path.name}`" in card


def test_the_card_test_can_fail():
    text = GUIDE.read_text(encoding="utf-8")
    assert "lesson 08: no card" in problems(text, ["08"])
    cut = text.replace("**Exit ticket.**", "**Exit.**", 1)
    assert any("no **Exit ticket.**" in p for p in problems(cut, ["00"]))
    long_text = text + " word" * MAX_WORDS
    assert any("words (at most" in p for p in problems(long_text, []))
    assert problems(text + "\n> **Model answer.** Yes.", [])
