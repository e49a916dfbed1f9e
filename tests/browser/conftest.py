"""A throwaway JupyterLab server and headless Chromium for the browser tests.

The server serves a *copy* of the lessons (plus data/) from a temporary folder, so executed
outputs never reach the repository, and it runs with its own config, runtime, IPython,
Matplotlib, workspace and settings folders. Autosave is off and every cell is kept in the
DOM (windowing off) through an overrides.json in a temporary `--LabApp.app_settings_dir`,
so the venv and `make lab` are left alone.

Environment variables:
  NEWSFACTS_BROWSER_NOTEBOOKS   a folder of notebooks (or one .ipynb) to test instead of
                                notebooks/ (for developing the harness)
  NEWSFACTS_CHROMIUM            Chromium binary (default /usr/bin/chromium)
  NEWSFACTS_BROWSER_TIMEOUT     seconds one lesson may take to run all cells (default 300)
  NEWSFACTS_UPDATE_SCREENSHOT=1 also write docs/images/lesson-screenshot.png
  NEWSFACTS_AXE                 axe.min.js of axe-core (default .venv/npm/..., from `make axe`)
  CI=true                       a browser test that would be skipped fails instead
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS, free_port, on_ci, skip_or_fail

REPO = Path(__file__).resolve().parents[2]
# JupyterLab settings for the test server only.
LAB_OVERRIDES = {
    # Autosave would write executed outputs into the (copied) notebooks mid-test.
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
    # JupyterLab 4 leaves off-screen cells out of layout or out of the DOM by default;
    # the checks and the full-page screenshot need every cell rendered.
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none", "scrollPastEnd": False},
    # No "Jupyter news?" toast over the notebook, no request to the internet.
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}
SERVER_START_TIMEOUT = 120
VIEWPORT = {"width": 1280, "height": 800}


# --------------------------------------------------------------------------- lessons


def lesson_source() -> Path:
    """The folder (or single notebook) whose lessons are tested."""
    env = os.environ.get("NEWSFACTS_BROWSER_NOTEBOOKS")
    return Path(env).expanduser().resolve() if env else REPO / "notebooks"


def lesson_paths() -> list[Path]:
    src = lesson_source()
    if src.is_file():
        return [src]
    return sorted(p for p in src.glob("*.ipynb") if p.is_file())


def pytest_generate_tests(metafunc):
    if "lesson" not in metafunc.fixturenames:
        return
    paths = lesson_paths()
    if paths:
        metafunc.parametrize("lesson", paths, ids=[p.stem for p in paths])
    else:
        metafunc.parametrize("lesson", [None], ids=["no-lessons"])


# --------------------------------------------------------------------------- results


@dataclass
class LessonResult:
    name: str
    seconds: float = 0.0
    ran: bool = False
    widgets: int = 0
    operated: str = ""
    passed: bool = False
    phases: dict[str, float] = field(default_factory=dict)  # seconds per step
    axe_own: list[str] = field(default_factory=list)  # blocking findings in its outputs
    axe_interface: list[str] = field(default_factory=list)  # JupyterLab's own, listed only


@dataclass
class BrowserRecord:
    results: list[LessonResult] = field(default_factory=list)
    readme_screenshot_written: bool = False


RECORD_KEY = pytest.StashKey[BrowserRecord]()
RESULT_KEY = pytest.StashKey[list]()


def pytest_configure(config):
    config.stash[RECORD_KEY] = BrowserRecord()


@pytest.fixture(scope="session")
def browser_record(pytestconfig) -> BrowserRecord:
    return pytestconfig.stash[RECORD_KEY]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and on_ci() and item.get_closest_marker("browser"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = (
            f"browser test skipped on CI (CI=true), which counts as a failure: {reason}"
        )
    if report.when == "call":
        for result in item.stash.get(RESULT_KEY, []):
            result.passed = report.passed


@pytest.fixture
def lesson_result(request, browser_record) -> LessonResult:
    lesson = request.getfixturevalue("lesson")
    if lesson is None:
        skip_or_fail("no lessons found (notebooks/*.ipynb, or NEWSFACTS_BROWSER_NOTEBOOKS)")
    result = LessonResult(name=lesson.stem if lesson else "?")
    request.node.stash[RESULT_KEY] = [result]
    browser_record.results.append(result)
    return result


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    record = config.stash.get(RECORD_KEY, None)
    if not record or not record.results:
        return
    tr = terminalreporter
    tr.section("browser lessons")
    for r in record.results:
        state = "ok" if r.passed else "FAILED"
        what = f"operated {r.operated}" if r.operated else "no widget operated"
        steps = ", ".join(f"{k} {v:.1f}" for k, v in r.phases.items())
        tr.write_line(
            f"  {r.name}: {state}, {r.seconds:.1f} s ({steps}), {r.widgets} widget views, {what}"
        )
    interface = sorted({line for r in record.results for line in r.axe_interface})
    if interface:
        tr.section("axe-core: JupyterLab's own interface (listed, not failing)")
        for line in interface:
            tr.write_line(f"  {line}")
    ran = sum(r.passed for r in record.results)
    operated = sum(bool(r.operated) and r.passed for r in record.results)
    failed = sum(not r.passed for r in record.results)
    total = sum(r.seconds for r in record.results)
    extra = f", {failed} failed" if failed else ""
    tr.write_line(
        f"browser: {ran} lessons run, {operated} widgets operated{extra} ({total:.1f} s in lessons)"
    )


# --------------------------------------------------------------------------- server


@dataclass
class LabServer:
    url: str
    token: str
    root: Path
    lessons_dir: str  # folder of the lessons, relative to root
    log: Path
    proc: subprocess.Popen

    def api(self, method: str, path: str, timeout: float = 10):
        req = urllib.request.Request(
            f"{self.url}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def lesson_url(self, name: str) -> str:
        return f"{self.url}/lab/tree/{self.lessons_dir}/{name}?reset&token={self.token}"

    def shutdown_sessions(self, name: str | None = None) -> None:
        """Shut down the kernel sessions (of one notebook, or all of them)."""
        try:
            for s in self.api("GET", "/api/sessions"):
                if name is None or s.get("path", "").endswith(f"/{name}"):
                    self.api("DELETE", f"/api/sessions/{s['id']}")
            if name is None:
                for k in self.api("GET", "/api/kernels"):
                    self.api("DELETE", f"/api/kernels/{k['id']}")
        except (urllib.error.URLError, OSError):
            pass

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def make_server_root(root: Path) -> str:
    """Copy the lessons (and data/, for relative paths such as ../data/...) into root."""
    src = lesson_source()
    dest = root / "notebooks"
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    if src.is_file():
        dest.mkdir(parents=True)
        shutil.copy2(src, dest / src.name)
    elif src.is_dir():
        shutil.copytree(src, dest, ignore=ignore)
    else:
        dest.mkdir(parents=True)
    if (REPO / "data").is_dir():
        shutil.copytree(REPO / "data", root / "data", ignore=ignore)
    return "notebooks"


def write_lab_settings(settings_dir: Path) -> None:
    """The venv's own app settings (if any), with the test overrides merged on top."""
    from jupyterlab.commands import get_app_dir

    venv_settings = Path(get_app_dir()) / "settings"
    if venv_settings.is_dir():
        shutil.copytree(venv_settings, settings_dir)
    settings_dir.mkdir(parents=True, exist_ok=True)
    path = settings_dir / "overrides.json"
    overrides = json.loads(path.read_text()) if path.exists() else {}
    for plugin, values in LAB_OVERRIDES.items():
        overrides.setdefault(plugin, {}).update(values)
    path.write_text(json.dumps(overrides, indent=2))


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory) -> LabServer:
    pytest.importorskip("jupyterlab", reason="jupyterlab is not installed")
    base = tmp_path_factory.mktemp("jupyterlab")
    root = base / "root"
    root.mkdir()
    lessons_dir = make_server_root(root)
    dirs = {
        name: base / name
        for name in ("config", "runtime", "ipython", "mpl", "workspaces", "settings")
    }
    for name, d in dirs.items():
        if name != "settings":
            d.mkdir()
    write_lab_settings(dirs["settings"])

    env = dict(os.environ)
    # Not JUPYTER_DATA_DIR: the venv's lab extensions (jupyterlab_widgets) must stay visible.
    env.update(
        JUPYTER_CONFIG_DIR=str(dirs["config"]),
        JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
        IPYTHONDIR=str(dirs["ipython"]),
        MPLCONFIGDIR=str(dirs["mpl"]),
        PYTHONUNBUFFERED="1",
    )
    env.pop("JUPYTER_TOKEN", None)
    port = free_port()
    token = secrets.token_hex(16)
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.workspaces_dir={dirs['workspaces']}",
        f"--LabApp.app_settings_dir={dirs['settings']}",
        # Trust records would otherwise go to a database in the home folder.
        "--NotebookNotary.db_file=:memory:",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = base / "server.log"
    with open(log, "wb") as logf:
        proc = subprocess.Popen(
            cmd, cwd=root, env=env, stdout=logf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
    server = LabServer(
        url=f"http://127.0.0.1:{port}",
        token=token,
        root=root,
        lessons_dir=lessons_dir,
        log=log,
        proc=proc,
    )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{server.log_tail()}")
            try:
                server.api("GET", "/api/status", timeout=2)
                break
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline:
                    pytest.fail(f"jupyter lab did not answer in time:\n{server.log_tail()}")
                time.sleep(0.25)
        yield server
    finally:
        server.shutdown_sessions()
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        skip_or_fail(
            f"{CHROMIUM} is missing: install Debian's Chromium with `make browser` "
            "(apt-get install chromium, needs root)"
        )
    return CHROMIUM


# Module scope: Playwright's sync API allows one running instance per thread, so this one
# must stop before the annotation and handout tests start theirs.
@pytest.fixture(scope="module")
def lab_browser(chromium_path):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("playwright is not installed (pip install -e '.[test]')")
    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        pw.stop()


@pytest.fixture(scope="module")
def lab_context(lab_browser):
    """One browser context for all lessons (a new page each): JupyterLab's scripts come
    from the HTTP cache after the first lesson, which saves a few seconds a lesson."""
    context = lab_browser.new_context(viewport=VIEWPORT)
    try:
        yield context
    finally:
        context.close()


# --------------------------------------------------------------------------- axe-core

AXE_VERSION = "4.14.1"
# Fail on what axe rates serious or critical, and on the findings issue 13 fixed, which axe
# rates lower (empty table headers "minor", heading order "moderate") and must stay fixed.
AXE_BLOCKING_IMPACTS = {"serious", "critical"}
AXE_BLOCKING_RULES = {"empty-table-header", "heading-order"}

# Runs axe on the whole page; each node says whether it lies inside OWN (the project's
# output) or in the page around it (JupyterLab's interface).
AXE_RUN_JS = """async (own) => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  const element = target => {
    if (target.length !== 1 || typeof target[0] !== 'string') return null;
    try { return document.querySelector(target[0]); } catch (e) { return null; }
  };
  return result.violations.flatMap(v => v.nodes.map(n => {
    const el = element(n.target);
    return {rule: v.id, impact: n.impact || v.impact, help: v.help,
            target: n.target.flat().join(' '), html: n.html.slice(0, 160),
            own: own === '' ? true : !!(el && el.closest(own))};
  }));
}"""


@dataclass
class AxeFinding:
    rule: str
    impact: str
    help: str
    target: str
    html: str
    own: bool

    @property
    def blocking(self) -> bool:
        return self.impact in AXE_BLOCKING_IMPACTS or self.rule in AXE_BLOCKING_RULES

    def line(self) -> str:
        where = self.target if len(self.target) < 90 else "..." + self.target[-87:]
        return f"{self.rule} ({self.impact}): {self.help}: {self.html} at {where}"


def axe_counts(lines: list[str]) -> str:
    """'empty-table-header x8, heading-order x1' from `AxeFinding.line` lines."""
    rules = [line.split(" ", 1)[0] for line in lines]
    return ", ".join(f"{rule} x{rules.count(rule)}" for rule in sorted(set(rules)))


def axe_path() -> Path:
    default = REPO / ".venv" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
    return Path(os.environ.get("NEWSFACTS_AXE") or default)


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe.min.js of axe-core 4.14.1, as `make axe` installs it from npm."""
    path = axe_path()
    if not path.is_file():
        skip_or_fail(f"{path} is missing: install axe-core from npm with `make axe`")
    package = json.loads((path.parent / "package.json").read_text(encoding="utf-8"))
    assert package["version"] == AXE_VERSION, f"axe-core {package['version']} at {path}"
    return path.read_text(encoding="utf-8")


def run_axe(page, source: str, own: str = "") -> list[AxeFinding]:
    """axe-core's violations on the page, each marked own when inside the CSS `own`
    (an empty `own`: the whole page is the project's)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=source)
    return [AxeFinding(**found) for found in page.evaluate(AXE_RUN_JS, own)]


@dataclass
class Axe:
    """``axe(page, own="")`` runs axe-core on a page (see `run_axe`)."""

    source: str = field(repr=False)
    counts = staticmethod(axe_counts)

    def __call__(self, page, own: str = "") -> list[AxeFinding]:
        return run_axe(page, self.source, own)


@pytest.fixture(scope="session")
def axe(axe_source) -> Axe:
    return Axe(axe_source)
