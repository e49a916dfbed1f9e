"""Model answers stay in the teacher's file: not in a pack, not in the lessons' star import."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pack_helpers import replace

import newsfacts
from newsfacts.__main__ import main
from newsfacts.teacher import answer_key, model_answers

ROOT = Path(__file__).resolve().parents[1]


def test_the_star_import_holds_no_answer_key():
    namespace: dict = {}
    exec("from newsfacts.lesson import *", namespace)
    assert not {"answer_key", "model_answers", "AnswerKey"} & set(namespace)


def test_no_pack_in_data_holds_a_model_answer():
    answers = list(csv.DictReader((ROOT / "teacher/answers/paris-2026.csv").open(encoding="utf-8")))
    assert answers and all(row["model_answer"] for row in answers)
    packed = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "data").rglob("*.csv"))
    assert "model_answer" not in packed
    for row in answers:
        assert row["model_answer"] not in packed, row["id"]


def test_the_teacher_edition_reads_the_answers_from_the_repository(pack):
    book = newsfacts.load(pack)  # the mini pack keeps answers.csv beside its prompts
    found = model_answers(book, "01")
    assert list(found["id"]) == ["p01-talk", "p01-write", "p01-more"]
    assert found.loc[2, "model_answer"] == ""
    assert "Model answer: About 60% back the bridge" in str(answer_key(book, "01", "prompts"))


def test_check_validates_the_answers_file(pack, capsys):
    replace(pack / "answers.csv", "p01-write,", "p01-writ,")
    assert main(["check", str(pack)]) == 1
    out = capsys.readouterr().out
    assert "answers.csv" in out and "'p01-writ' is not the id of a prompt" in out
    assert "Did you mean 'p01-write'" in out


def test_a_part_that_is_not_text_is_told_in_plain_words(book):
    with pytest.raises(newsfacts.WrongValueError, match="the parts are"):
        answer_key(book, "01", ["questions"])
