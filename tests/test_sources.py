"""Every fact from outside the article names its source, and docs/sources.md lists them all."""

from __future__ import annotations

from pathlib import Path

from newsfacts.views.sources import (
    SourceReference,
    outside_facts,
    source_references,
)

ROOT = Path(__file__).resolve().parents[1]
LIST = ROOT / "docs" / "sources.md"


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


def test_one_address_one_reference(book):
    facts = outside_facts(book)
    named = facts[facts["address"] != ""]
    per_address = named.groupby("address")[["publisher", "title", "date"]].nunique()
    assert (per_address == 1).all().all(), per_address.to_string()
