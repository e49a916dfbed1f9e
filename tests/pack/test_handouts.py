"""test_handouts, on the bundled pack: tests moved from tests/test_handouts.py that still read
the bundled article's content."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from pack_helpers import build_handouts, handouts_script

REPO = Path(__file__).resolve().parents[2]


# scripts/handouts.py as a module, and every handout built once (see pack_helpers).
script = pytest.fixture(handouts_script, scope="module", name="script")
handouts = pytest.fixture(build_handouts, scope="module", name="handouts")


def test_a_lesson_page_ends_with_its_quiz_and_sorting_on_paper_without_answers(handouts, paris):
    """A class with no computers still has the assessment: every question with its options
    and every sorting sentence, but no feedback, no explanation and no answer key."""
    from newsfacts.errors import UnknownNameError
    from newsfacts.lesson.questions import questions
    from newsfacts.lesson.quiz import sorting_items

    checked = 0
    for lesson in sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        number = lesson.name[:2]
        page = (handouts / f"{lesson.stem}.html").read_text(encoding="utf-8")
        try:
            asked = questions(paris, number)
        except UnknownNameError:  # a notebook that is not a lesson of the pack
            continue
        for q in asked:
            assert html.escape(q.prompt, quote=False) in page, (lesson.name, q.id)
            for option in q.options:
                assert f"<li>{html.escape(option, quote=False)}</li>" in page, (lesson.name, option)
            for said in q.feedback:
                assert html.escape(said, quote=False) not in page, (lesson.name, "feedback printed")
        items = sorting_items(paris, number)
        for item in items:
            assert f"<strong>{html.escape(item.citation.quote, quote=False)}</strong>" in page
            assert html.escape(item.explanation, quote=False) not in page, (lesson.name, item.fact)
        checked += len(asked) + len(items)
        assert "Answer:" not in page and "Model answer" not in page
    assert checked > 0


def test_the_paper_assessment_prints_no_answer(script, paris):
    page = script.assessment_html(paris, "06")
    assert "Quiz on paper" in page and "Sorting on paper" in page
    assert "Right" not in page and "✓" not in page
    assert script.assessment_html(paris, "") == "" and script.assessment_html(paris, "99") == ""
