"""Headless Debian Chromium for the tests that look at a page (never `playwright install`)."""

from __future__ import annotations

import os
import random
import socket
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


def free_port() -> int:
    """A free local port for a server the browser opens, chosen below the ephemeral range.

    Kernels, single-user servers and the hub's own children bind to port 0, which picks from
    the ephemeral range; a port taken from there could be reused by one of them between being
    chosen and being bound (a hub once met a kernel's ZMQ greeting on its proxy's API port).
    """
    try:
        first = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        first = 32768
    for port in random.sample(range(max(1024, first - 12000), first), 200):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port between {max(1024, first - 12000)} and {first}")


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
