"""test_content, on the bundled pack: tests moved from tests/test_content.py that still read
the bundled article's content."""

from __future__ import annotations

from newsfacts.lesson.questions import questions
from newsfacts.lesson.quiz import sorting
from newsfacts.teacher import answer_key, model_answers
from newsfacts.views.show import feedback_html


def test_the_date_question_shows_the_outside_source_of_the_date(paris):
    (date_question,) = [q for q in questions(paris, "04") if q.id == "q04-date"]
    shown = feedback_html(True, "Right.", date_question.evidence)
    assert "<strong>Evidence:</strong>" in shown and "From the article" not in shown
    assert "Sky News, 3 January 2026" in shown and "2026-01-03" in shown
    assert "Sky News, 3 January 2026" in answer_key(paris, "04").text


def test_every_bundled_lesson_has_questions_and_discuss_write_extend_prompts(paris):
    for lesson in ["00", "01", "02", "03", "04", "05", "06"]:
        assert questions(paris, lesson)
        kinds = set(paris.lesson(lesson).prompts["kind"])
        assert kinds == {"discuss", "write", "extend"}, lesson
    assert len(sorting(paris, "02").items) >= 4
    assert len(sorting(paris, "06").items) >= 4


def test_the_bundled_packs_model_answers_are_read_from_teacher_answers(paris):
    assert (model_answers(paris)["model_answer"] != "").sum() >= 20
