"""Shared fixtures.

- ``pack``: a fresh copy of the small valid mini pack (tests/fixtures/mini-pack), for tests
  that break one thing in it;
- ``book``: the mini pack, loaded once per session (treat it as read-only). Tests of the
  bundled article's content live in tests/pack/ and use its ``paris`` fixture.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pack_helpers import MINI_PACK

import newsfacts


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A fresh copy of the mini pack, safe to break."""
    return Path(shutil.copytree(MINI_PACK, tmp_path / "pack"))


@pytest.fixture(scope="session")
def book() -> newsfacts.Book:
    """The mini pack, loaded once: library tests never depend on the bundled article."""
    return newsfacts.load(MINI_PACK)
