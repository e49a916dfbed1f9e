"""Every fact from outside the article names its source, and docs/sources.md lists them all."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.views.sources import (
    SourceReference,
    outside_facts,
    source_references,
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
