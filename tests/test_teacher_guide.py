"""docs/teacher-guide.md: quotes that are really in the paragraphs they cite, the outside facts
pointed to, the sections on running the series, and links that lead somewhere (the cards per
lesson: tests/pack/test_guide_cards.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE_PATH = ROOT / "docs" / "teacher-guide.md"
GUIDE = GUIDE_PATH.read_text(encoding="utf-8")


def section(heading_start: str) -> str:
    match = re.search(rf"^## {re.escape(heading_start)}.*?(?=^## |\Z)", GUIDE, flags=re.M | re.S)
    assert match, f"no section '## {heading_start}...'"
    return match.group(0)


def test_the_guide_covers_running_the_series_and_a_war_in_the_news():
    running = section("Running the series")
    assert "Binder" in running and "JupyterHub" in running and "README.md#" in running
    war = section("A war in the news")
    for point in ("calm", "feelings", "graphic", "personal connections", "Verify", "cannot"):
        assert point in war


def test_the_outside_facts_are_listed_where_the_guide_points():
    """The guide summarises the outside sources and points to the generated list."""
    assert "](sources.md)" in GUIDE


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
