"""Shared fixtures.

- ``pack``: a fresh copy of the small valid mini pack (tests/fixtures/mini-pack), for tests
  that break one thing in it;
- ``book``: the mini pack, loaded once per session (treat it as read-only);
- ``world``: the mini pack with a world round it (pack_helpers.world_pack): states, regions and
  cities on the map, and more relations than a diagram draws at once; read-only.
Tests of the bundled article's content live in tests/pack/ and use its ``paris`` fixture.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pack_helpers import MINI_PACK, world_pack

import newsfacts


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A fresh copy of the mini pack, safe to break."""
    return Path(shutil.copytree(MINI_PACK, tmp_path / "pack"))


@pytest.fixture(scope="session")
def book() -> newsfacts.Book:
    """The mini pack, loaded once: library tests never depend on the bundled article."""
    return newsfacts.load(MINI_PACK)


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> newsfacts.Book:
    """The mini pack with places to map and many relations, loaded once."""
    return newsfacts.load(world_pack(tmp_path_factory.mktemp("world") / "pack"))
