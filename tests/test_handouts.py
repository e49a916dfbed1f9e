"""Handouts: a printable page per lesson (no code, no widgets) and the annotated article."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from chromium import chromium_page
from pack_helpers import build_handouts, handouts_script

import newsfacts

REPO = Path(__file__).resolve().parents[1]
STAND_IN = "Run this cell to show the interactive widget"


def first_lesson() -> Path:
    lessons = sorted((REPO / "notebooks").glob("*.ipynb"))
    if not lessons:
        pytest.skip("no lessons in notebooks/")
    return next((p for p in lessons if p.name.startswith("01-")), lessons[0])


# scripts/handouts.py as a module, and every handout built once (see pack_helpers).
script = pytest.fixture(handouts_script, scope="module", name="script")
handouts = pytest.fixture(build_handouts, scope="module", name="handouts")


def heading_of(lesson: Path) -> str:
    nb = nbformat.read(lesson, as_version=4)
    return next(
        line[2:].strip()
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("# ")
    )


def first_paragraph(lesson: Path) -> str:
    """A sentence of plain prose from the lesson's markdown (no markup in it)."""
    nb = nbformat.read(lesson, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if len(line) > 40 and not re.search(r"[*_`#\[\]>|<&\\]|^\s*-", line):
                return line.strip()
    pytest.skip("no plain sentence found in the lesson")


def test_every_lesson_has_a_page_and_the_article_too(handouts):
    lessons = sorted((REPO / "notebooks").glob("*.ipynb"))
    for lesson in lessons:
        assert (handouts / f"{lesson.stem}.html").is_file(), lesson.name
    assert (handouts / "annotated-article.html").is_file()
    index = (handouts / "index.html").read_text(encoding="utf-8")
    for lesson in lessons:
        assert f'href="{lesson.stem}.html"' in index
    assert 'href="annotated-article.html"' in index


def test_a_lesson_page_shows_prose_not_code_nor_widget_stand_ins(handouts):
    lesson = first_lesson()
    page = (handouts / f"{lesson.stem}.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>\s*" + re.escape(heading_of(lesson)), page)
    assert f"<title>{heading_of(lesson)}</title>" in page
    assert STAND_IN not in page
    assert "from newsfacts.lesson import" not in page  # code inputs are hidden
    assert "<script" not in page
    assert '<div class="jp-CodeMirrorEditor' not in page
    assert ".ipynb" not in re.sub(r'href="https?://[^"]*"', "", page)  # links go to pages
    assert "@media print" in page


def test_the_annotated_article_page(handouts):
    bundled = newsfacts.load()  # the handouts are the bundled lessons'
    page = (handouts / "annotated-article.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert "Paulin Kola" in page and "nf-hl" in page
    assert f"<title>Annotated article: {bundled.title}</title>" in page


def test_widget_and_solution_cells_are_removed(script, tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Lesson 9: A test\n\nPlain words & <b>text</b>."),
        nbformat.v4.new_code_cell(
            "explorer(book)",
            metadata={"tags": ["nbval-ignore-output"]},
            outputs=[
                nbformat.v4.new_output(
                    "execute_result", {"text/plain": STAND_IN + "."}, execution_count=1
                )
            ],
        ),
        nbformat.v4.new_code_cell("answer = 42  # model", metadata={"tags": ["solution"]}),
        nbformat.v4.new_markdown_cell("A model answer.", metadata={"tags": ["solution"]}),
        nbformat.v4.new_markdown_cell("Press Shift+Enter.", metadata={"tags": ["no-handout"]}),
        nbformat.v4.new_code_cell(
            "table()",
            outputs=[
                nbformat.v4.new_output(
                    "execute_result",
                    {"text/html": "<table><tr><td>kept output</td></tr></table>"},
                    execution_count=2,
                )
            ],
        ),
    ]
    folder = tmp_path / "lessons"
    folder.mkdir()
    nbformat.write(nb, folder / "09-test.ipynb")
    written = script.build(tmp_path / "out", [folder])
    assert [p.name for p in written] == ["09-test.html", "annotated-article.html", "index.html"]
    page = (tmp_path / "out" / "09-test.html").read_text(encoding="utf-8")
    assert "Lesson 9: A test" in page and "kept output" in page
    for gone in (STAND_IN, "explorer(book)", "answer = 42", "A model answer", "Shift+Enter"):
        assert gone not in page
    assert "table()" not in page  # code inputs are hidden, outputs kept


@pytest.mark.browser
def test_handouts_render_as_text_in_chromium(handouts):
    lesson = first_lesson()
    with chromium_page() as page:
        page.goto((handouts / f"{lesson.stem}.html").as_uri())
        body = page.inner_text("body")
        assert heading_of(lesson) in body
        assert first_paragraph(lesson) in body
        for raw in ("<div", "<span", "<table", "&lt;", "&gt;", "&amp;"):
            assert raw not in body, raw
        assert STAND_IN not in body
        assert page.locator("h1").count() == 1
        page.screenshot(path=f"/tmp/newsfacts-handout-{lesson.stem}.png", full_page=True)

        page.goto((handouts / "annotated-article.html").as_uri())
        body = page.inner_text("body")
        assert "Paulin Kola" in body and "How to read the highlights" in body
        for raw in ("<div", "<mark", "&lt;", "&amp;"):
            assert raw not in body, raw
        page.screenshot(path="/tmp/newsfacts-handout-article.png", full_page=True)

        page.goto((handouts / "index.html").as_uri())
        assert "The annotated article" in page.inner_text("body")
