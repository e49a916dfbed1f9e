"""test_hardening, on the bundled pack: tests moved from tests/test_hardening.py that still read
the bundled article's content."""

from __future__ import annotations


def test_odd_but_meaningful_values_work(paris):
    from newsfacts import widgets as W
    from newsfacts.lesson.questions import questions
    from newsfacts.lesson.quiz import sorting, who_said
    from newsfacts.views.show import facts

    assert W.actor_explorer(paris, value="MACRON ").control.value == "macron"
    assert W.actor_explorer(paris, value="Emmanuel Macron").control.value == "macron"
    assert W.actor_explorer(paris, kinds="person").control.value in set(paris.actors["id"])
    last = len(paris.paragraphs) - 1
    ninth = paris.paragraphs["paragraph"].tolist().index(9)
    assert W.article_reader(paris, start="9").control.value == ninth
    assert W.article_reader(paris, start="headline").control.value == 0
    assert W.article_reader(paris, start=float("inf")).control.value == last
    assert W.article_reader(paris, start=10**30).control.value == last
    assert W.article_reader(paris, start=None).control.value == 0
    assert W.fact_filter(paris, "events", "modality", show="description").show == ["description"]
    assert W.glossary_lookup(paris, None).control.value == ""
    assert "macron" not in who_said(paris, "claim-plan-90", others="macron").answer.lower()
    assert len(sorting(paris, 2).items) == len(sorting(paris, "02").items) > 0
    assert questions(paris, 3) == questions(paris, "03")
    assert list(facts(paris.figures.iloc[0]).index) == [paris.figures["id"].iloc[0]]
    assert list(facts(paris.paragraphs).index) == list(paris.paragraphs["paragraph"])
