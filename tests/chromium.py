"""Headless Debian Chromium for the tests that look at a page (never `playwright install`)."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("NEWSFACTS_CHROMIUM", "/usr/bin/chromium"))
# As TOOLCHAIN.md lists them: without the networking flags Chromium keeps trying to reach
# Google's hosts, which this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def skip_or_fail(message: str) -> None:
    """Skip on a developer's machine; on CI a browser test that cannot run fails."""
    if on_ci():
        pytest.fail(message + " (CI=true: browser tests must run)")
    pytest.skip(message)


@contextmanager
def chromium_page(width: int = 1100, height: int = 900):
    """A page of headless Debian Chromium (skip without it; on CI, fail instead)."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        skip_or_fail(f"{CHROMIUM} is missing: install Debian's Chromium (make browser)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser.new_page(viewport={"width": width, "height": height})
        finally:
            browser.close()
