"""The lessons as stored, in both editions: executed, error-free, accessible, and
regenerated deterministically.

teacher/ holds the lessons with their answer keys (cells tagged `solution`); notebooks/ is
the student edition built from it (`make student`; see test_editions.py). Every check here
holds for both.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = ("notebooks", "teacher")
NOTEBOOKS = [
    path for edition in EDITIONS for path in sorted((ROOT / edition).glob("[0-9][0-9]-*.ipynb"))
]
EXPECTED = [
    "00-start-here",
    "01-who-is-who",
    "02-security-guarantees",
    "03-who-controls-the-land",
    "04-venezuela",
    "05-greenland",
    "06-review",
    "07-what-happened-next",
]
WIDGET_MAKERS = re.compile(
    r"\b(actor_explorer|fact_filter|glossary_lookup|article_reader|sorting|"
    r"check_understanding|multiple_choice|quiz)\("
)


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def ids(paths):
    return [f"{p.parent.name}/{p.stem}" for p in paths]


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_series_is_complete(edition):
    assert [p.stem for p in NOTEBOOKS if p.parent.name == edition] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_stored_outputs_hold_no_error_and_every_cell_ran(path):
    for number, cell in enumerate(load(path)["cells"]):
        if cell["cell_type"] != "code":
            continue
        assert cell["execution_count"] is not None, f"cell {number} was never run"
        for output in cell["outputs"]:
            assert output["output_type"] != "error", f"cell {number}: {output.get('ename')}"
            text = "".join(output.get("text", "")) + json.dumps(output.get("data", {}))
            assert "Traceback" not in text, f"cell {number} holds a traceback"
            assert output.get("name") != "stderr", f"cell {number} wrote to stderr"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_one_h1_headings_in_order_goals_and_time(path):
    cells = load(path)["cells"]
    first = "".join(cells[0]["source"])
    assert cells[0]["cell_type"] == "markdown" and first.lstrip().startswith("# ")
    assert re.search(r"\*\*Time:\*\*", first) and "learn" in first.lower()
    levels = []
    for cell in cells:
        if cell["cell_type"] == "markdown":
            source = re.sub(r"```.*?```", "", "".join(cell["source"]), flags=re.S)
            levels += [len(m) for m in re.findall(r"^(#{1,6}) ", source, flags=re.M)]
    assert levels.count(1) == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"heading level jumps from {before} to {after}"
    last_heading = [
        c for c in cells if c["cell_type"] == "markdown" and "## " in "".join(c["source"])
    ]
    assert any("Check your understanding" in "".join(c["source"]) for c in last_heading)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_cells_are_short_and_the_lesson_has_widgets_and_an_exercise(path):
    code = ["".join(c["source"]) for c in load(path)["cells"] if c["cell_type"] == "code"]
    assert code[0].splitlines() == ["from newsfacts.lesson import *", "book = start()"]
    for source in code:
        lines = [line for line in source.splitlines() if line.strip()]
        assert len(lines) <= 3, f"a long cell belongs in the library:\n{source}"
        assert not re.search(r"^\s*(def|class) ", source, flags=re.M)
    if path.stem.startswith("00-"):
        # The first session is light (issue 11): the whole article on one page and one quiz.
        assert any(s.startswith("annotated_article(book)") for s in code)
        assert any(s.startswith("check_understanding(book, ") for s in code)
        return
    assert len([s for s in code if WIDGET_MAKERS.search(s)]) >= 2
    assert any(re.search(r'\bcheck\("[a-z0-9-]+", ', s) for s in code)


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_every_picture_has_alt_text_and_none_is_a_bare_png(path):
    for cell in load(path)["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            assert "image/png" not in data, "show charts through plots (they carry alt text)"
            parser = _Images()
            parser.feed("".join(data.get("text/html", "")))
            for image in parser.images:  # a chart is optional: one skill a lesson decides
                assert len(image.get("alt", "")) > 30, "alt text must describe the chart"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_links_between_lessons_point_to_real_notebooks(path):
    for cell in load(path)["cells"]:
        if cell["cell_type"] == "markdown":
            for target in re.findall(r"\]\(([^)#]+\.ipynb)", "".join(cell["source"])):
                assert (path.parent / target).exists(), target


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_regenerating_changes_nothing(path, tmp_path):
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "run_notebooks.py"), str(copy)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    assert copy.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
        f"make notebooks would change {path.name}: run it and commit the result"
    )


CHECK_CELL = re.compile(r'^check\("([a-z0-9-]+)", answer\)$')


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_checks_show_a_hint_to_students_and_a_tick_to_teachers(path):
    """The student edition stores each exercise unanswered, so its check shows a hint (✗),
    not a traceback; the teacher edition runs the model answer first, so it shows ✓."""
    want = "✓" if path.parent.name == "teacher" else "✗"
    checks = 0
    for cell in load(path)["cells"]:
        if cell["cell_type"] != "code" or not CHECK_CELL.match("".join(cell["source"])):
            continue
        checks += 1
        (output,) = cell["outputs"]
        text = "".join(output["data"]["text/plain"])
        assert text.startswith(want), f"{''.join(cell['source'])} shows {text!r}"
        if want == "✗":
            assert "Hint:" in text
    assert checks >= 1 or path.stem.startswith("00-"), "every lesson but the first has an exercise"
