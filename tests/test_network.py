"""The lessons and the library open no network connection.

Each process under test starts with tests/netguard.py as its ``sitecustomize`` (on
PYTHONPATH), which makes every socket connection and name lookup that would leave this
machine raise, and logs it. Loopback (the kernel's own channels), localhost and unix sockets
stay allowed. A test first shows that the guard does catch a connection attempt.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pack_helpers import MINI_PACK

ROOT = Path(__file__).resolve().parents[1]
GUARD = Path(__file__).parent / "netguard.py"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


class Guard:
    """A folder holding the guard as sitecustomize.py, and the environment that loads it."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(GUARD, folder / "sitecustomize.py")
        self.log = folder / "blocked.log"
        self.armed = folder / "armed.log"
        self.log.write_text("", encoding="utf-8")
        self.armed.write_text("", encoding="utf-8")

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in [str(self.folder), env.get("PYTHONPATH", "")] if p
        )
        env["NEWSFACTS_NET_LOG"] = str(self.log)
        env["NEWSFACTS_NET_ARMED"] = str(self.armed)
        return env

    def blocked(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines()

    def armed_pids(self) -> list[str]:
        return [line.split()[0] for line in self.armed.read_text(encoding="utf-8").splitlines()]

    def run(self, code: str, cwd: Path) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)],
            env=self.env(),
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=300,
        )


@pytest.fixture
def guard(tmp_path: Path) -> Guard:
    return Guard(tmp_path / "guard")


def test_the_guard_blocks_and_logs_connections_that_leave_the_machine(guard, tmp_path):
    # 192.0.2.1 is TEST-NET-1 (RFC 5737): never routed; the guard raises before any packet.
    result = guard.run(
        """
        import socket, urllib.request
        from sitecustomize import BlockedConnection

        attempts = [
            lambda: socket.create_connection(("192.0.2.1", 80), timeout=1),
            lambda: socket.socket().connect(("192.0.2.1", 80)),
            lambda: socket.socket().connect_ex(("192.0.2.1", 443)),
            lambda: socket.socket(socket.AF_INET6).connect(("2001:db8::1", 80)),
            lambda: socket.getaddrinfo("example.org", 80),
            lambda: socket.gethostbyname("example.org"),
            lambda: urllib.request.urlopen("http://192.0.2.1/", timeout=1),
        ]
        for attempt in attempts:
            try:
                attempt()
            except BlockedConnection:
                pass
            except OSError as error:  # urllib wraps it
                assert isinstance(error.__context__ or error.reason, BlockedConnection), error
            else:
                raise SystemExit("not blocked")

        # What stays on this machine is allowed: loopback, localhost, unix sockets.
        server = socket.create_server(("127.0.0.1", 0))
        port = server.getsockname()[1]
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
        socket.create_connection(("localhost", port), timeout=5).close()
        a, b = socket.socketpair()
        a.close(), b.close()
        print("done")
        """,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "done"
    blocked = guard.blocked()
    assert len(blocked) == 7, blocked
    assert any("192.0.2.1" in line for line in blocked)
    assert any("example.org" in line for line in blocked)
    assert guard.armed_pids()


def test_the_library_opens_no_connection(guard, tmp_path):
    result = guard.run(
        f"""
        import newsfacts
        book = newsfacts.load({str(MINI_PACK)!r})
        import newsfacts.lesson as lesson
        from newsfacts import plots
        assert plots.figures_chart(book).png()[:4] == b"\\x89PNG"
        plots.relations_diagram(book, focus="costa").png()
        plots.timeline_chart(book).png()
        lesson.actor_explorer(book).control.value = "fishermen"
        lesson.check_understanding(book, "01")
        print(book.cite("fig-support"))
        """,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "60%" in result.stdout
    assert guard.armed_pids(), "the guard was not loaded"
    assert guard.blocked() == []


def test_the_check_command_opens_no_connection(guard, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "newsfacts", "check", str(MINI_PACK)],
        env=guard.env(),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert guard.armed_pids()
    assert guard.blocked() == []


@pytest.fixture(scope="module")
def kernel_guard(tmp_path_factory):
    """The guard in the environment of every kernel that nbclient starts in this module."""
    guard = Guard(tmp_path_factory.mktemp("kernel-guard"))
    with pytest.MonkeyPatch.context() as patch:
        for key, value in guard.env().items():
            if os.environ.get(key) != value:
                patch.setenv(key, value)
        yield guard


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_lesson_runs_without_the_network(kernel_guard, path, tmp_path):
    import nbformat
    from nbclient import NotebookClient

    assert NOTEBOOKS, "no lessons found"
    before = set(kernel_guard.armed_pids())
    copy = Path(shutil.copy(path, tmp_path / path.name))
    nb = nbformat.read(copy, as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    errors = [
        output
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert errors == []
    assert set(kernel_guard.armed_pids()) - before, "the kernel did not load the guard"
    assert kernel_guard.blocked() == [], "a lesson tried to open a network connection"
