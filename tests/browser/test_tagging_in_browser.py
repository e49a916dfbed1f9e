"""The tagging widget as a student meets it: JupyterLab in headless Chromium.

Paste a short article, split it into sentences, tag three of them (who says it, has it
happened, the small words), see the profile, save the tags; then `check` accepts the saved
folder as a draft pack holding those rows.
"""

from __future__ import annotations

import csv
import json

import pytest
from test_lessons_in_browser import open_lesson, restart_and_run_all

from newsfacts.__main__ import main

pytestmark = pytest.mark.browser

ARTICLE = (
    "Harbour ferry to run on Sundays\n"
    "The ferry between Norhavn and Ostby will run on Sundays from May, the operator said.\n"
    "About 400 people use it on a weekday.\n"
    "A new timetable is expected next week."
)
NOTEBOOK = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "tag-c00",
            "metadata": {},
            "outputs": [],
            "source": ["from newsfacts.tagging import tag_sentences\n", "tag_sentences()"],
        }
    ],
    "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}
# (who says it, by name, has it happened, small words) for the story's three sentences.
TAGS = [
    ("💬 someone says", "the operator", "not yet", ""),
    ("article says", "", "it is going on now", "About"),
    ("article says", "", "not yet", "expected"),
]


def test_a_student_tags_three_sentences_and_saves_a_draft_pack(lab_server, lab_context):
    folder = lab_server.root / lab_server.lessons_dir
    (folder / "tagging.ipynb").write_text(json.dumps(NOTEBOOK), encoding="utf-8")
    page = lab_context.new_page()
    page.set_default_timeout(30_000)
    try:
        open_lesson(page, lab_server.lesson_url("tagging.ipynb"))
        restart_and_run_all(page, 120)
        page.locator(".nf-tag-paste textarea").fill(ARTICLE)
        page.locator(".nf-tag-paste textarea").press("Tab")
        page.locator("button.nf-tag-split").click()
        whos = page.locator(".nf-tag-who select")
        whos.first.wait_for()
        assert whos.count() == 4  # the headline and three story sentences
        for number, (who, name, happened, small) in enumerate(TAGS, start=1):
            whos.nth(number).select_option(label=who)
            page.locator(".nf-tag-happened select").nth(number).select_option(label=happened)
            for css, text in ((".nf-tag-name input", name), (".nf-tag-small input", small)):
                if text:
                    page.locator(css).nth(number).fill(text)
                    page.locator(css).nth(number).press("Tab")
        page.locator("button.nf-tag-profile").click()
        panel = page.locator(".nf-tag-panel")
        panel.get_by_text("Your sourcing profile").wait_for()
        assert panel.get_by_text("the class article's facts").count() == 1
        assert "💬 someone says (the operator)" in panel.inner_text()
        page.locator("button.nf-tag-save").click()
        panel.get_by_text("Saved your tags").wait_for()
    finally:
        page.close()
        lab_server.shutdown_sessions("tagging.ipynb")

    draft = folder / "tagged-article"
    assert main(["check", str(draft)]) == 0
    with open(draft / "events.csv", encoding="utf-8", newline="") as handle:
        events = list(csv.DictReader(handle))
    # "not yet" waits for the teacher: expected, proposed or threatened, as the note asks.
    assert [e["modality"] for e in events] == ["", "going on", ""]
    assert all("choose expected, proposed or threatened" in events[i]["note"] for i in (0, 2))
    assert [e["basis"] for e in events] == ["someone says", "article says", "article says"]
    assert "Small words: About." in events[1]["note"]
    with open(draft / "claims.csv", encoding="utf-8", newline="") as handle:
        (claim,) = csv.DictReader(handle)
    assert claim["speaker"] == "tag-the-operator" and claim["paragraph"] == "1"
