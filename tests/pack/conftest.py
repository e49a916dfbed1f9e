"""Tests of the bundled article's content: they read data/paris-2026 (``book`` here is the
bundled pack), so a fact-check edit to its CSVs may change them, and no library test."""

from __future__ import annotations

import pytest

import newsfacts


@pytest.fixture(scope="session")
def book() -> newsfacts.Book:
    """The bundled pack, loaded once (treat it as read-only)."""
    return newsfacts.load()
