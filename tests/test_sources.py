"""Every fact from outside the article names its source, and docs/sources.md lists them all."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newsfacts.views.sources import (
    SourceReference,
    outside_facts,
    source_references,
    sources_markdown,
)

ROOT = Path(__file__).resolve().parents[1]
LIST = ROOT / "docs" / "sources.md"

#: References known to be incomplete (none now: Semafor's title and address are recorded).
INCOMPLETE: dict[str, str] = {}


def test_a_note_in_the_fixed_form_is_read_in_full():
    note = (
        "Not in the article. Source: Example News, 5 May 2025. Title: A report: part one. "
        "Address: https://example.org/a/1. More words."
    )
    assert source_references(note) == [
        SourceReference(
            "Example News", "5 May 2025", "A report: part one", "https://example.org/a/1"
        )
    ]
    assert source_references("Source: Example News, 5 May 2025.")[0].missing == ["title", "address"]
    assert source_references("from a newspaper, some day") == []


def test_a_context_row_without_a_source_is_listed_as_unsourced(book):
    events = book.events.copy()
    events.loc[0, ["basis", "note"]] = ["outside source", "somewhere outside"]
    fake = type("Fake", (), {"tables": {"events": events}, "metadata": {}})()
    facts = outside_facts(fake)
    assert facts.loc[facts["id"] == events.loc[0, "id"], "publisher"].tolist() == [""]


def test_every_outside_fact_names_a_publisher_and_a_date(book):
    facts = outside_facts(book)
    assert len(facts) >= 10
    unsourced = facts[(facts["publisher"] == "") | (facts["date"] == "")]
    assert unsourced.empty, unsourced[["table", "id", "what"]].to_string()


def _full_reference_cases() -> list:
    from newsfacts import load

    facts = outside_facts(load()).drop_duplicates(["id", "address", "title"])
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


def test_one_address_one_reference(book):
    facts = outside_facts(book)
    named = facts[facts["address"] != ""]
    per_address = named.groupby("address")[["publisher", "title", "date"]].nunique()
    assert (per_address == 1).all().all(), per_address.to_string()


def test_the_article_is_credited_as_from_outside_its_text(book):
    credit = book.metadata["sources"][0]
    assert credit["publisher"] == "BBC News" and credit["author"] == "Paulin Kola"
    assert credit["path"] == "https://www.bbc.com/news/articles/c74vx4n003xo"
    assert credit["title"] == book.paragraphs["text"][0]
    assert credit["basis"] == "outside source" and "outside" in credit["note"]
    assert pd.Timestamp(credit["date"]).year == 2026


def test_the_sources_list_is_generated_and_up_to_date(book):
    assert LIST.read_text(encoding="utf-8") == sources_markdown(book), (
        "docs/sources.md is out of date: run python scripts/sources.py"
    )


def test_the_list_names_every_outside_fact_and_the_guide_links_it(book):
    text = LIST.read_text(encoding="utf-8")
    for ident in outside_facts(book)["id"]:
        assert f"`{ident}`" in text
    assert "](sources.md)" in (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
