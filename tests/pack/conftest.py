"""Tests of the bundled article's content (data/paris-2026, data/paris-declaration), computed
from their sources: a fact-check edit to a bundled CSV may fail these and nothing else.

- ``paris``: the bundled pack, loaded once per session (treat it as read-only).
"""

from __future__ import annotations

import pytest

import newsfacts


@pytest.fixture(scope="session")
def paris() -> newsfacts.Book:
    """The bundled pack (data/paris-2026), loaded once."""
    return newsfacts.load()
