"""docs/teacher-guide.md: a section per lesson with what a teacher needs, times that match the
lessons, quotes that are really in the paragraphs they cite, the outside facts as the pack
has them, and links that lead somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsfacts.views.sources import outside_facts

ROOT = Path(__file__).resolve().parents[1]
GUIDE_PATH = ROOT / "docs" / "teacher-guide.md"
GUIDE = GUIDE_PATH.read_text(encoding="utf-8")
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
PARTS = (
    "**Goals.**",
    "**Prepare.**",
    "**Discussion prompts, with model answers.**",
    "**Common misconceptions.**",
    "**Extension.**",
)
MONTHS = "January February March April May June July August September October November December"


def section(heading_start: str) -> str:
    match = re.search(rf"^## {re.escape(heading_start)}.*?(?=^## |\Z)", GUIDE, flags=re.M | re.S)
    assert match, f"no section '## {heading_start}...'"
    return match.group(0)


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_each_lesson_has_goals_time_prompts_misconceptions_and_an_extension(path):
    number = int(path.name[:2])
    text = section(f"Lesson {number}:")
    for part in PARTS:
        assert part in text, f"lesson {number}: {part} is missing"
    assert f"`{path.name}`" in text
    notebook_time = re.search(r"\*\*Time:\*\* about (\d+) minutes", path.read_text("utf-8"))
    assert f"**Time:** {notebook_time.group(1)} minutes" in text, "the lesson says otherwise"
    prompts = text.split(PARTS[2])[1].split(PARTS[3])[0]
    assert len(re.findall(r"^\d\. \*", prompts, flags=re.M)) >= 2


def test_the_guide_covers_running_the_series_and_a_war_in_the_news():
    running = section("Running the series")
    assert "Binder" in running and "JupyterHub" in running and "README.md#" in running
    war = section("A war in the news")
    for point in ("calm", "feelings", "graphic", "personal connections", "Verify", "cannot"):
        assert point in war


def test_every_quote_with_a_paragraph_number_is_in_that_paragraph(book):
    """The guide's truth rule: a quote followed by (¶ N) is words of paragraph N."""
    paragraphs = dict(zip(book.paragraphs["paragraph"], book.paragraphs["text"], strict=True))
    text = re.sub(r"\s+", " ", GUIDE)
    quotes = re.findall(r'"([^"]+)"[^"(]{0,40}?\((?:[a-z ]+, )?¶ (\d+)\)', text)
    assert len(quotes) >= 30
    for quote, number in quotes:
        paragraph = paragraphs[int(number)].lower()
        for part in quote.lower().split("..."):
            assert part.strip(" .,") in paragraph, f"not in ¶ {number}: {quote!r}"


def say_date(when: str) -> str:
    year, month, day = (int(part) for part in when.split("-"))
    return f"{day} {MONTHS.split()[month - 1]} {year}"


def test_the_outside_facts_are_the_packs_context_rows_with_their_sources(book):
    outside = section("Where the article's facts end")
    assert "](sources.md)" in outside
    dated = book.events[book.events["when_basis"] == "outside source"]
    assert len(dated) > 0
    for _, event in dated.iterrows():
        parts = [int(part) for part in event["when"].split("-")]
        if len(parts) == 3:  # a day: say it as the guide does, "6 January 2026"
            assert say_date(event["when"]) in outside, event["id"]
    for publisher in set(outside_facts(book)["publisher"]):
        assert publisher in outside, publisher
    assert book.figures["basis"].ne("outside source").all()


def slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    return {slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, flags=re.M)}


@pytest.mark.parametrize("doc", ["docs/teacher-guide.md", "docs/authoring.md", "README.md"])
def test_links_to_files_and_headings_resolve(doc):
    path = ROOT / doc
    for target in re.findall(r"\]\(([^)\s]+)\)", path.read_text(encoding="utf-8")):
        if re.match(r"https?://", target) or (doc == "README.md" and "docs/" not in target):
            continue
        file, _, anchor = target.partition("#")
        linked = (path.parent / file).resolve() if file else path
        assert linked.exists(), f"{doc}: {target} points nowhere"
        if anchor:
            assert anchor in anchors(linked), f"{doc}: no heading for #{anchor}"
