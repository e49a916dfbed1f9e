"""test_sources, on the bundled pack: tests moved from tests/test_sources.py that still read
the bundled article's content."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newsfacts
from newsfacts.views.sources import (
    outside_facts,
    sources_markdown,
)

ROOT = Path(__file__).resolve().parents[2]


LIST = ROOT / "docs" / "sources.md"


def test_every_outside_fact_names_a_publisher_and_a_date(paris):
    facts = outside_facts(paris)
    assert len(facts) >= 10
    unsourced = facts[(facts["publisher"] == "") | (facts["date"] == "")]
    assert unsourced.empty, unsourced[["table", "id", "what"]].to_string()


def test_the_article_is_credited_as_from_outside_its_text(paris):
    credit = paris.metadata["sources"][0]
    assert credit["publisher"] == "BBC News" and credit["author"] == "Paulin Kola"
    assert credit["path"] == "https://www.bbc.com/news/articles/c74vx4n003xo"
    assert credit["title"] == paris.paragraphs["text"][0]
    assert credit["basis"] == "outside source" and "outside" in credit["note"]
    assert pd.Timestamp(credit["date"]).year == 2026


def test_the_sources_list_is_generated_and_up_to_date(paris):
    assert LIST.read_text(encoding="utf-8") == sources_markdown(paris), (
        "docs/sources.md is out of date: run python scripts/sources.py"
    )


def test_the_list_names_every_outside_fact_and_the_guide_links_it(paris):
    text = LIST.read_text(encoding="utf-8")
    for ident in outside_facts(paris)["id"]:
        assert f"`{ident}`" in text
    assert "](sources.md)" in (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")


#: References known to be incomplete (none now: Semafor's title and address are recorded).
INCOMPLETE: dict[str, str] = {}


def _full_reference_cases() -> list:
    facts = outside_facts(newsfacts.load()).drop_duplicates(["id", "address", "title"])
    cases = []
    for row in facts.itertuples():
        known = row.id in INCOMPLETE
        marks = [pytest.mark.xfail(strict=True, reason=INCOMPLETE[row.id])] if known else []
        cases.append(pytest.param(row, id=row.id, marks=marks))
    return cases


@pytest.mark.parametrize("fact", _full_reference_cases())
def test_every_outside_source_gives_publisher_title_date_and_address(fact):
    assert fact.publisher and fact.title and fact.date, fact
    assert fact.address.startswith("https://"), fact
