"""Lesson content as pack data: every bad-content case is one clear problem, every lesson
helper runs on the fixture and template packs, and src/ names no id of the bundled pack."""

from __future__ import annotations

import ast
import csv
import shutil
from pathlib import Path

import markupsafe
import pytest
from pack_helpers import MINI_PACK, problems_of, replace

import newsfacts
from newsfacts.book import Citation
from newsfacts.lesson.exercises import check, exercises
from newsfacts.lesson.prompts import prompts
from newsfacts.lesson.questions import check_understanding
from newsfacts.lesson.quiz import sorting
from newsfacts.teacher import answer_key, model_answers
from newsfacts.views.show import evidence_lines

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "paris-2026"
TEMPLATE = ROOT / "data" / "template"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return shutil.copytree(MINI_PACK, tmp_path / "pack")


# -- validation: one bad cell, one problem line ---------------------------------------

BAD_CONTENT = [
    # (file, old text, new text, column, words the message must hold)
    (
        "questions.csv",
        ",fishermen,Read paragraph 2",
        ",the fishermen,Read paragraph 2",
        "answer",
        "not one of the options",
    ),
    (
        "questions.csv",
        "fishermen,Rui Costa,Harbour Trust",
        "fishermen,Rui Costa,fishermen",
        "option_3",
        "repeats option 1",
    ),
    (
        "questions.csv",
        "who is said to say it?,cl-block",
        "who is said to say it?,cl-blok",
        "evidence",
        "'cl-blok' points nowhere",
    ),
    ("questions.csv", "q-block,01,", "q-block,02,", "lesson", "'02' points nowhere"),
    (
        "questions.csv",
        "“block their boats”",
        "“block all their boats”",
        "prompt",
        "“block all their boats” is between quotation marks but is not in the article",
    ),
    (
        "exercises.csv",
        "modality,ev-vote,",
        "modality,ev-vot,",
        "expected",
        "'ev-vot' is not a row of events.csv",
    ),
    (
        "exercises.csv",
        "Keep the rows of book.events that are only expected.,events,",
        "Keep the rows of book.events that are only expected.,event,",
        "table",
        "'event' is not a table of the pack",
    ),
    (
        "sorting.csv",
        "01,ev-vote,article,expected",
        "01,ev-vote,article,happened",
        "modality",
        "codes this event as 'expected'",
    ),
    ("sorting.csv", "01,ev-proposal,", "01,ev-proposl,", "fact", "'ev-proposl' points nowhere"),
    (
        "questions.csv",
        "Read paragraph 2: who is said to say it?",
        "Ask the fishermen.",
        "hint",
        "gives away its own answer, 'fishermen'",
    ),
    ("prompts.csv", "p01-talk,01,discuss", "p01-talk,01,discus", "kind", "not one of discuss"),
]


@pytest.mark.parametrize(("file", "old", "new", "column", "words"), BAD_CONTENT)
def test_bad_content_is_one_problem_naming_file_line_and_column(
    pack, file, old, new, column, words
):
    replace(pack / file, old, new)
    error = problems_of(pack)
    assert len(error.problems) == 1, str(error)
    (problem,) = error.problems
    assert problem.file == file
    assert problem.line == 2 or (file == "sorting.csv" and problem.line in (2, 3))
    assert problem.column == column
    assert words in problem.message, problem.message
    assert problem.fix
    assert "Traceback" not in str(error)


def test_a_missing_feedback_line_is_a_problem(pack):
    feedback = "Right: paragraph 2: “fishermen say it will block their boats”."
    replace(pack / "questions.csv", feedback, "")
    (problem,) = problems_of(pack).problems
    assert problem.column == "feedback_1"


def test_feedback_must_not_give_away_another_questions_answer(pack):
    path = pack / "questions.csv"
    other = (
        "q-mayor,01,Who announced the vote?,Rui Costa,Harbour Trust,,,Right: paragraph 1.,"
        "Not the fishermen either: it ran the survey.,,,Rui Costa,Read paragraph 1.,"
        "ev-announce\n"
    )
    path.write_text(path.read_text(encoding="utf-8") + other, encoding="utf-8")
    (problem,) = problems_of(pack).problems
    assert (problem.line, problem.id, problem.column) == (3, "q-mayor", "feedback_2")
    assert "gives away question 'q-block''s answer, 'fishermen'" in problem.message


def test_a_quote_split_by_an_ellipsis_is_checked_in_parts(pack):
    replace(pack / "questions.csv", "“block their boats”", "“will ... block their boats”")
    newsfacts.load(pack)
    replace(pack / "questions.csv", "“will ... block their boats”", "“will ... sink their boats”")
    (problem,) = problems_of(pack).problems
    assert "sink their boats" in problem.message


def test_content_ids_stay_apart_from_fact_ids(pack):
    """A question may share an id with a fact; fact lookups never see lesson content."""
    replace(pack / "questions.csv", "q-block,01,", "cl-block,01,")
    book = newsfacts.load(pack)
    assert book.table_of("cl-block") == "claims"
    assert "questions" not in book.tables


def test_the_cli_prints_a_content_problem_and_exits_1(pack, capsys):
    from newsfacts.__main__ import main

    replace(pack / "sorting.csv", "01,ev-proposal,", "01,ev-proposl,")
    assert main(["check", str(pack)]) == 1
    out = capsys.readouterr().out
    assert "sorting.csv, line 3" in out and "column 'fact'" in out


# -- every lesson helper, end to end, on the fixture and the template -------------------


@pytest.mark.parametrize("folder", [MINI_PACK, TEMPLATE], ids=["mini-pack", "template"])
def test_every_lesson_helper_runs_on_a_small_pack(folder):
    book = newsfacts.load(folder)
    lesson = "01"
    quiz = check_understanding(book, lesson)
    for box in quiz.questions:
        box.control.value = next(o for o in box.question.options if o != box.question.answer)
        assert "✗" in box.feedback.value
        box.control.value = box.question.answer
        assert "✓" in box.feedback.value and "¶" in box.feedback.value
    for name, exercise in exercises(book).items():
        if isinstance(exercise.expected, tuple):
            table = getattr(book, exercise.table)
            answer = table[table["id"].isin(exercise.expected)]
        else:
            answer = int(exercise.expected)
        assert check(name, answer, book).correct
        assert not check(name, ..., book).correct
    task = sorting(book, lesson)
    for item, (who, happened, _) in zip(task.items, task.choices, strict=True):
        who.value, happened.value = item.who, task.right_choice(item)
    assert task.check() == 2 * len(task.items) > 0
    shown = prompts(book, lesson)
    assert len(shown.texts) >= 2
    text = shown._repr_html_()
    assert all(str(markupsafe.escape(t)) in text for t in shown.texts)
    for model in book_prompts(folder)["model_answer"]:
        if model:
            assert model not in text, "a model answer reached the student's view"
    assert "Answer:" in str(answer_key(book, lesson))


@pytest.mark.parametrize("folder", [MINI_PACK, TEMPLATE], ids=["mini-pack", "template"])
def test_explorers_and_charts_run_on_a_small_pack(folder):
    from newsfacts import plots
    from newsfacts import widgets as W
    from newsfacts.views.annotate import annotated_article

    book = newsfacts.load(folder)
    first_actor = book.actors["id"].iloc[0]
    assert W.actor_explorer(book, value=first_actor).control.value == first_actor
    assert W.fact_filter(book, "events", "modality").control.options
    term = book.glossary["term"].iloc[0]
    assert term in W.glossary_lookup(book, term).panel.value
    assert W.article_reader(book, start=1).control.value == 3  # headline, byline, caption, ¶ 1
    view = annotated_article(book)
    assert "<mark" in view.html() and repr(view).endswith(", 0 not placed>")
    for chart in (
        plots.figures_chart(book),
        plots.relations_diagram(book),
        plots.timeline_chart(book),
    ):
        assert chart.png()[:4] == b"\x89PNG" and len(chart.alt) > 30
    assert len(plots.timeline_table(book)) == len(book.events)


def test_a_map_runs_on_a_small_pack_once_a_place_has_a_location(tmp_path):
    from newsfacts import plots

    pack = Path(shutil.copytree(MINI_PACK, tmp_path / "pack"))
    book = newsfacts.load(pack)
    place = book.places.iloc[0]
    with pytest.raises(ValueError, match="latitude and longitude"):
        plots.map_chart(book, [place["id"]])
    replace(
        pack / "places.csv",
        f"{place['id']},{place['name']},city,,1,{place['quote']},article says,,,,,",
        f"{place['id']},{place['name']},city,,1,{place['quote']},article says,,38.7,-9.1,,"
        "invented for the test",
    )
    chart = plots.map_chart(newsfacts.load(pack), [place["id"]])
    assert chart.png()[:4] == b"\x89PNG" and place["name"] in chart.alt


def book_prompts(folder: Path) -> dict[str, list[str]]:
    return {"model_answer": list(model_answers(newsfacts.load(folder))["model_answer"])}


# -- the engine names no id of the bundled pack -----------------------------------------


def pack_ids() -> set[str]:
    ids = set()
    for path in BUNDLED.glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row.get("id"):
                    ids.add(row["id"])
    return ids


def quoted_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def ids_named_in_src() -> list[str]:
    ids = pack_ids() - {"00", "01", "02", "03", "04", "05", "06"}
    found = []
    for path in sorted((ROOT / "src").rglob("*.py")):
        for line, value in quoted_strings(path):
            if value in ids:
                found.append(f"{path.relative_to(ROOT)}:{line}: {value!r}")
    return found


def test_src_names_no_id_of_the_bundled_pack():
    """Lesson ids (00 to 06) are left out: they number lessons in any pack."""
    found = ids_named_in_src()
    assert not found, "ids of data/paris-2026 quoted in src/:\n" + "\n".join(found)


def test_the_id_scan_can_fail(tmp_path):
    assert "kushner" in pack_ids()
    sample = tmp_path / "sample.py"
    sample.write_text('X = "kushner"\n', encoding="utf-8")
    assert quoted_strings(sample) == [(1, "kushner")]


# -- evidence: where each answer comes from ---------------------------------------------


def test_an_outside_row_names_its_source_not_the_article():
    row = Citation(
        "ev-x", "events", 17, "went in to seize", "outside source",
        "Not in the article. Source: Sky News, 3 January 2026. Title: A report.", "",
    )  # fmt: skip
    (line,) = evidence_lines(row)
    assert line.startswith("▲ outside source: Sky News, 3 January 2026.")
    assert "¶ 17 “went in to seize”" in line and "article says" not in line
    # only the article's words are in quotation marks
    assert line.count("“") == 1 and "“Sky" not in line


def test_a_worked_out_date_says_how():
    row = Citation(
        "ev-y", "events", 3, "last month", "article says",
        "Written in January 2026, so last month is December 2025.", "", "2025-12", "worked out",
    )  # fmt: skip
    lines = evidence_lines(row)
    assert lines[0] == "¶ 3 “last month” (article says)"
    assert lines[1].startswith("The date, 2025-12, is ◆ worked out: Written in January")
