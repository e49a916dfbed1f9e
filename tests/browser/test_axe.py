"""axe-core (npm, 4.14.1) in headless Chromium: the handouts, and the check itself.

Each handout page (`make handouts`: every lesson and the annotated article, and the index)
is entirely the project's own output, so any blocking finding fails: what axe rates serious
or critical, and the findings issue 13 fixed (empty table headers, skipped heading levels).
The lessons' outputs in JupyterLab are checked in test_lessons_in_browser.py.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from chromium import chromium_page

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]

# The three findings of issue 13, as the project's output had them: a table whose index
# header cell is empty (pandas after set_index), a slider without an accessible name, and
# an <h4> straight after an <h2>.
BAD_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Bad</title></head><body><main>
<h1>Lesson</h1><h2>Who is who</h2>
<div class="jp-OutputArea-output">
  <h4>Emmanuel Macron</h4>
  <table><thead><tr><th></th><th>name</th></tr></thead>
  <tbody><tr><th>macron</th><td>Emmanuel Macron</td></tr></tbody></table>
  <div role="slider" tabindex="0" aria-valuemin="0" aria-valuemax="24" aria-valuenow="4"></div>
</div>
<p>Around the output.</p><div role="slider" tabindex="0" aria-valuenow="1"></div>
</main></body></html>"""


@pytest.fixture(scope="module")
def handouts(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location("handouts_script", REPO / "scripts/handouts.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    out = tmp_path_factory.mktemp("handouts")
    assert script.main(["--out", str(out)]) == 0
    return out


def test_axe_catches_the_three_findings_and_tells_own_from_interface(axe, tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text(BAD_PAGE, encoding="utf-8")
    with chromium_page() as page:
        page.goto(bad.as_uri())
        findings = axe(page, ".jp-OutputArea-output")
    own = {f.rule for f in findings if f.own and f.blocking}
    assert {"empty-table-header", "aria-input-field-name", "heading-order"} <= own
    outside = [f for f in findings if not f.own and f.rule == "aria-input-field-name"]
    assert len(outside) == 1 and "Around" not in outside[0].html


def test_every_handout_has_no_blocking_accessibility_finding(axe, handouts):
    pages = sorted(handouts.glob("*.html"))
    assert len(pages) >= 3  # lessons, the annotated article, the index
    found: dict[str, list[str]] = {}
    with chromium_page() as page:
        for path in pages:
            page.goto(path.as_uri())
            blocking = [f.line() for f in axe(page) if f.blocking]
            if blocking:
                found[path.name] = blocking
    report = "\n".join(
        f"{name}: {axe.counts(lines)}\n    " + "\n    ".join(lines[:4])
        for name, lines in found.items()
    )
    assert not found, f"axe-core finds blocking problems in the handouts:\n{report}"
