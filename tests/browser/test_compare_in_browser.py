"""Lesson 7's comparison activity, as a student meets it: JupyterLab in headless Chromium.

The student edition of lesson 7 is built here from teacher/ the way `make student` builds
it (nbconvert's TagRemovePreprocessor drops the `solution` cells) and put beside the
lessons the test server serves. The test runs every cell, picks a relation for the first
item of the comparison, sees the two texts side by side, and runs axe-core on the outputs.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_lessons_in_browser import (
    CELLS_JS,
    OUTPUT_AREA,
    check_cells,
    open_lesson,
    restart_and_run_all,
)

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
LESSON = "07-what-happened-next.ipynb"
ACTIVITY = ".jp-OutputArea-output .newsfacts-compare-activity"


def makefile_flags() -> list[str]:
    """The nbconvert options of `make student` (the Makefile's STRIP_SOLUTIONS)."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    value = re.search(r"^STRIP_SOLUTIONS\s*:=\s*((?:.*\\\n)*.*)$", makefile, flags=re.M)
    assert value, "the Makefile defines STRIP_SOLUTIONS"
    return value.group(1).replace("\\\n", " ").split()


@pytest.fixture(scope="module")
def student_lesson(tmp_path_factory, lab_server) -> Path:
    """Lesson 7's student edition, built from teacher/, in the server's lessons folder."""
    out = tmp_path_factory.mktemp("student")
    subprocess.run(
        [sys.executable, "-m", "nbconvert", *makefile_flags(), "--output-dir", str(out)]
        + [str(REPO / "teacher" / LESSON)],
        check=True,
        capture_output=True,
    )
    built = out / LESSON
    cells = json.loads(built.read_text(encoding="utf-8"))["cells"]
    assert not [c for c in cells if "solution" in c.get("metadata", {}).get("tags", [])]
    served = lab_server.root / lab_server.lessons_dir / LESSON
    served.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(built, served)
    return served


def test_a_student_picks_a_relation_and_sees_both_texts(
    student_lesson, lab_context, lab_server, axe
):
    nb = json.loads(student_lesson.read_text(encoding="utf-8"))
    page = lab_context.new_page()
    page.set_default_timeout(30_000)
    try:
        open_lesson(page, lab_server.lesson_url(LESSON))
        restart_and_run_all(page, 300)
        problems, widgets, errors = check_cells(nb, page.evaluate(CELLS_JS))
        assert not problems, "\n".join(problems)
        assert widgets and not errors

        activity = page.locator(ACTIVITY).first
        answer = activity.locator(".newsfacts-compare-answer select")
        panel = activity.locator(".newsfacts-compare")
        # The control has a visible label, and the declaration waits for a choice.
        assert "Your answer" in activity.locator(".newsfacts-compare-answer").inner_text()
        assert "Item 1 of 8" in activity.inner_text()
        assert "Choose your answer" in panel.inner_text()
        assert "We stand ready to commit" not in activity.inner_text()

        answer.select_option(label="says more")
        page.wait_for_function(
            "css => [...document.querySelectorAll(css)].some("
            "e => e.innerText.includes('We stand ready to commit'))",
            arg=ACTIVITY,
            timeout=15_000,
        )
        shown = panel.inner_text()
        assert "The article: BBC News, ¶ 11" in shown
        assert "The other text: Office of the President of Ukraine" in shown and "¶ 4" in shown
        assert "goes further" in shown and "What a careful reader may" in shown
        assert "✓ The data reads it the same way" in shown  # said in words, not colour only

        findings = axe(page, OUTPUT_AREA)
        own = [f.line() for f in findings if f.own and f.blocking]
        assert not own, "axe-core finds in the lesson's outputs:\n" + "\n".join(own[:6])
    finally:
        page.close()
        lab_server.shutdown_sessions(LESSON)
