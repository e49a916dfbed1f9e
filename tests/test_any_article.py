"""The any-article series (issue 17): it runs on any pack, and says nothing of Paris elsewhere.

The series runs top to bottom, in fresh kernels, on the bundled pack, the template, the
fixture pack and a pack made here with `newsfacts new` from an article that is in no pack
(its tables left empty, the hardest case). Smaller tests cover where the pack is chosen,
how a pasted article is laid out and the sourcing profile (check's warnings: test_warnings.py).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from any_article_helpers import PARIS_WORDS, ROOT, SERIES, WILD_ARTICLE, run_series
from pack_helpers import MINI_PACK, replace

import newsfacts
from newsfacts.__main__ import main
from newsfacts.anyarticle import SETTING, chosen_pack
from newsfacts.lesson.quiz import happened_choices
from newsfacts.load import read_chosen
from newsfacts.newpack import NO_BYLINE, layout
from newsfacts.pack.article import split_paragraphs
from newsfacts.profile import mentions_list, sourcing_profile

# -- the series, executed --------------------------------------------------------------


def test_the_series_has_five_lessons():
    assert len(SERIES) == 5


def _wild_pack(tmp_path: Path) -> Path:
    article = tmp_path / "pasted.txt"
    article.write_text(WILD_ARTICLE, encoding="utf-8")
    assert main(["new", str(tmp_path / "valmora"), "--article", str(article)]) == 0
    return tmp_path / "valmora"


@pytest.mark.parametrize(
    "which", ["bundled", "template", "fixture", "made-with-new"], ids=lambda w: w
)
def test_the_series_runs_on_any_pack(which, tmp_path):
    pack = {
        "bundled": "data/paris-2026",
        "template": "data/template",  # relative: read from the repository root
        "fixture": str(MINI_PACK),
    }.get(which) or str(_wild_pack(tmp_path))
    shown = run_series(pack)
    folder = ROOT / pack if which == "template" else Path(pack)
    own = "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))
    assert [name for name, _ in shown] == [p.stem for p in SERIES]
    title = newsfacts.load(ROOT / pack if which == "template" else pack).title
    for name, text in shown:
        assert f"The article: {title}" in text, name
        if which != "bundled":  # Paris words are allowed only where the pack holds them
            found = sorted(set(PARIS_WORDS.findall(text)) - set(PARIS_WORDS.findall(own)))
            assert not found, f"{name} on the {which} pack speaks of {found}"


def test_the_paris_word_scan_can_fail():
    assert PARIS_WORDS.findall("Macron hosts Ukraine")


# -- where the pack is chosen ----------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with a setting file, a pack in data/ and a lesson folder."""
    (tmp_path / "data").mkdir()
    shutil.copytree(MINI_PACK, tmp_path / "data" / "bridge")
    (tmp_path / SETTING).write_text("# comment\nbridge\n", encoding="utf-8")
    (tmp_path / "notebooks" / "any-article").mkdir(parents=True)
    return tmp_path


def test_the_setting_file_names_the_pack_from_the_root(project, monkeypatch):
    monkeypatch.delenv("NEWSFACTS_PACK", raising=False)
    path, where = chosen_pack(project / "notebooks" / "any-article")
    assert (path, where) == (project / "data" / "bridge", SETTING)


def test_the_environment_wins_and_is_read_from_the_root(project, monkeypatch):
    shutil.copytree(MINI_PACK, project / "elsewhere")
    monkeypatch.setenv("NEWSFACTS_PACK", "elsewhere")
    path, where = chosen_pack(project / "notebooks" / "any-article")
    assert (path, where) == (project / "elsewhere", "NEWSFACTS_PACK")


def test_the_repository_chooses_the_bundled_pack(monkeypatch):
    monkeypatch.delenv("NEWSFACTS_PACK", raising=False)
    path, _ = chosen_pack(ROOT / "teacher" / "any-article")
    assert newsfacts.load(path).title == newsfacts.load().title


def test_a_paris_lesson_says_so_on_another_pack(monkeypatch, capsys):
    from newsfacts import lesson

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda thing: shown.append(repr(thing)))
    monkeypatch.setenv("NEWSFACTS_PACK", "data/template")
    lesson.start()
    assert len(shown) == 1 and "notebooks/any-article/" in shown[0]
    monkeypatch.setenv("NEWSFACTS_PACK", "data/paris-2026")
    lesson.start()
    assert len(shown) == 1


# -- a pasted article ------------------------------------------------------------------


def test_a_wire_story_pasted_with_single_line_breaks():
    parts = split_paragraphs(layout(WILD_ARTICLE))
    assert list(parts["kind"]) == ["headline", "byline"] + ["story"] * 5
    assert parts.loc[1, "text"] == NO_BYLINE
    assert parts.loc[2, "text"].startswith("Voters in the coastal region")


def test_a_byline_and_wrapped_paragraphs_are_kept():
    text = "Title\nBy Ana Lima\n\nOne sentence that is\nwrapped over two lines.\n\nTwo."
    parts = split_paragraphs(layout(text))
    assert list(parts["text"]) == [
        "Title",
        "By Ana Lima",
        "One sentence that is wrapped over two lines.",
        "Two.",
    ]


def test_a_line_without_a_full_stop_does_not_join_a_pasted_story():
    story = [
        "The council voted on Tuesday to update the land use plan, last revised more than "
        "twenty years ago.",
        "It was the first update in 23 years, said council member Ana Lima, who asked for "
        "a review of the plan",
        "in the spring.",
    ]
    caption = "Photo: the council chamber of Porto Claro, 2021"
    text = "\n".join(["Council updates its plan", "By Rui Costa", caption, *story, "Editing by B"])
    parts = split_paragraphs(layout(text))
    # Long lines were pasted a paragraph a line: a caption or credit line with no full stop
    # stays a line of its own, and only a line going on in small letters is joined.
    assert list(parts["text"][1:]) == [
        "By Rui Costa",
        caption,
        story[0],
        f"{story[1]} {story[2]}",
        "Editing by B",
    ]


def test_new_writes_every_table_and_a_credit_from_the_article(tmp_path):
    folder = _wild_pack(tmp_path)
    metadata = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    headline = (folder / "article.txt").read_text(encoding="utf-8").split("\n")[0]
    # A wire story: the headline is the title, and there is no byline to take an author from.
    assert metadata["sources"] == [
        {"title": headline, "author": "", "publisher": "", "date": "", "path": ""}
    ]
    for resource in metadata["resources"]:
        header = (folder / resource["path"]).read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == [f["name"] for f in resource["schema"]["fields"]]
    assert "perspectives" in [r["name"] for r in metadata["resources"]]
    book = newsfacts.load(folder)
    assert book.perspectives.empty and len(book.paragraphs) == 7
    assert read_chosen(folder).warnings == []
    assert main(["new", str(folder), "--article", str(tmp_path / "pasted.txt")]) == 1


# -- the commands ----------------------------------------------------------------------


def test_paragraphs_lists_each_part_with_its_kind(capsys):
    assert main(["paragraphs", str(MINI_PACK)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["headline", "headline"]
    assert lines[3].split()[:3] == ["¶", "1", "story"]


def test_sources_writes_any_packs_list(tmp_path, capsys):
    folder = shutil.copytree(ROOT / "data" / "template", tmp_path / "template")
    assert main(["sources", str(folder)]) == 0
    text = (folder / "sources.md").read_text(encoding="utf-8")
    assert "Lindenfeld" in text and "## The article" in text


# -- the sourcing profile ----------------------------------------------------------------


def test_the_profile_counts_every_fact_row_by_mark():
    book = newsfacts.load(MINI_PACK)
    profile = sourcing_profile(book).set_index("mark")["facts"]
    rows = sum(len(book.tables[name]) for name in book.tables if name != "glossary")
    assert profile.sum() == rows
    someone = sum(
        (t["basis"] == "someone says").sum() for n, t in book.tables.items() if n != "glossary"
    )
    assert profile["someone says"] == someone


def test_mentions_count_the_speakers_claims():
    book = newsfacts.load(MINI_PACK)
    frame = mentions_list(book)
    names = dict(zip(book.actors["id"], book.actors["name"], strict=True))
    for speaker, count in book.claims["speaker"].value_counts().items():
        assert frame.loc[names[speaker], "words passed on"] == count


# -- the pack's own lesson content, or the activity built instead -----------------------


def test_a_packs_own_content_for_a_series_lesson_is_shown(tmp_path, monkeypatch):
    from newsfacts.anyarticle import from_pack, mark_question

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda thing: shown.append(repr(thing)))
    pack = shutil.copytree(ROOT / "data" / "template", tmp_path / "pack")
    for name in ("lessons", "questions", "exercises", "sorting", "prompts"):
        path = pack / f"{name}.csv"  # the template's lesson 01 becomes lesson 14
        text = path.read_text(encoding="utf-8").replace("\n01,", "\n14,")
        path.write_text(text.replace(",01,", ",14,"), encoding="utf-8")
    book = newsfacts.load(pack)
    built = mark_question(book)
    assert from_pack(book, "11", "questions", otherwise=built) is built
    assert len(shown) == 1 and "built from the article's fact tables" in shown[0]
    quiz = from_pack(book, "14", "questions", otherwise=built)
    assert quiz is not built and "Some 300 pupils" in quiz.children[0].prompt.value
    assert "expected-events" in from_pack(book, "14", "exercises")._repr_html_()
    # Nothing written and nothing built: a line says so, so the cell does not look broken.
    assert "No exercises were written" in from_pack(book, "11", "exercises")
    assert len(shown) == 1  # the pack's own content comes with no line about building


def test_the_tagging_task_lists_the_other_packs_and_tags_one(project, monkeypatch):
    from newsfacts.tagging import tag_sentences

    monkeypatch.chdir(project / "notebooks" / "any-article")
    for name in ("unseen", "with-lessons-of-its-own"):
        shutil.copytree(MINI_PACK, project / "data" / name)
    (project / "data" / "unseen" / "lessons.csv").write_text(
        "id,title,minutes\n12,Who speaks and who does not,\n", encoding="utf-8"
    )
    for name in ("questions", "exercises", "sorting", "prompts"):
        path = project / "data" / "unseen" / f"{name}.csv"
        path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    box = tag_sentences(exclude=project / "data" / "bridge")
    assert [label for label, _ in box.pick.options[1:]] == ["Harbour town votes on a new bridge"]
    box.pick.value = box.pick.options[1][1]
    who, _, happened, _ = box.tagger.controls[1]
    assert [label for label, _ in who.options[1:]] == [
        "article says",
        "💬 someone says",
        "cannot tell",
    ]
    # The sorting's words for "Has it happened?": one name per idea wherever a student meets it.
    sorting_words = list(happened_choices(["happened"]).values())
    assert [label for label, _ in happened.options[1:]] == sorting_words
    who.value, happened.value = "article says", "not yet"
    folder = box.tagger.save()
    assert main(["check", str(folder)]) == 0
    events = newsfacts.load(folder).events
    # A student's "not yet" is not saved as "expected": the teacher chooses, as the note says.
    assert events["modality"].fillna("").tolist() == [""]
    assert "choose expected, proposed or threatened" in events["note"].iloc[0]


def test_the_second_text_shows_only_when_a_pack_is_linked():
    from newsfacts.anyarticle import second_text

    assert second_text(newsfacts.load(ROOT / "data" / "template")) is None
    declaration = newsfacts.load(ROOT / "data" / "paris-declaration")
    article = newsfacts.load(ROOT / "data" / "paris-2026")
    # Run on the declaration (which names the article) or on the article (which the
    # declaration names), the activity sets the article's words against the declaration's.
    for book in (declaration, article):
        intro, activity = second_text(book).children
        assert article.title in intro.value and declaration.title in intro.value
        first = activity.items[0]
        assert first["article"]["quote"] in " ".join(article.paragraphs["text"])
        assert first["source"]["quote"] in " ".join(declaration.paragraphs["text"])


def test_the_profile_counts_marks_without_defining_them_again_and_cite_first_cites():
    from newsfacts.anyarticle import cite_first
    from newsfacts.profile import profile_table

    book = newsfacts.load(MINI_PACK)
    assert list(profile_table(book).columns) == ["facts", "share", "bar"]
    assert cite_first(book, "claims").id == book.claims["id"].iloc[0]
    book.claims = book.claims.iloc[0:0]
    assert "no claims" in repr(cite_first(book, "claims"))


def test_the_grouped_events_are_the_articles_own(tmp_path):
    from newsfacts.anyarticle import events_by_modality

    pack = shutil.copytree(MINI_PACK, tmp_path / "pack")
    replace(
        pack / "events.csv",
        "first proposed in 2019,article says,",
        "first proposed in 2019,outside source,Council minutes of 2019.",
    )
    book = newsfacts.load(pack)
    shown = events_by_modality(book)
    # The reading task asks for each event's words in the article: a ▲ row has none there.
    assert "ev-proposal" not in shown.index and "ev-vote" in shown.index


def test_the_silent_actors_prompt_names_people_first(tmp_path):
    from newsfacts.anyarticle import series_prompts

    pack = shutil.copytree(MINI_PACK, tmp_path / "pack")
    replace(pack / "claims.csv", "cl-vote,costa,", "cl-vote,fishermen,")
    (prompt,) = series_prompts(newsfacts.load(pack), "12", "discuss").texts
    # Both the mayor and the council are mentioned and not heard; a council speaks through
    # people, so the prompt names the person.
    assert "Rui Costa" in prompt and "council" not in prompt


def test_the_summary_checklist_is_short():
    from newsfacts.anyarticle import summary_checklist

    checklist = str(summary_checklist(newsfacts.load(MINI_PACK)))
    # One line for all the speakers and one for the not-yet events, not a line each.
    assert checklist.count("☐") == 5
    assert all(checklist.count(name) == 1 for name in ("Rui Costa", "Harbour Trust"))


# -- questions built from the fact tables ----------------------------------------------


def _variant(tmp_path: Path, table: str, old: str, new: str) -> newsfacts.Book:
    """The mini pack with one cell of one table changed."""
    from pack_helpers import replace

    pack = tmp_path / "variant"
    shutil.copytree(MINI_PACK, pack)
    replace(pack / f"{table}.csv", old, new)
    return newsfacts.load(pack)


def test_the_question_on_a_small_word_does_not_show_it_in_the_description(tmp_path):
    # authoring.md: "the hedge stays in the description"; the question shows the description.
    from newsfacts.anyarticle import qualifier_question

    hedged = '"about 60 in 100 residents who back'
    book = _variant(tmp_path, "figures", '"residents who back', hedged)
    question = qualifier_question(book).questions[0].question
    assert question.answer == "about"
    assert "about" not in question.prompt.casefold()
    assert "60 in 100 residents" in question.prompt  # the rest of the description stays


def test_a_question_on_a_headline_row_names_the_headline_as_a_sentence_does(tmp_path):
    from newsfacts.anyarticle import mentions_question

    book = _variant(
        tmp_path,
        "claims",
        "2,fishermen say it will block their boats,",
        "headline,Harbour town votes on a new bridge,",
    )
    question = mentions_question(book).questions[0].question
    assert question.hint.startswith("Read the headline again")
    assert question.explanation.startswith("The headline: ")


def test_a_quote_that_opens_with_quotation_marks_is_not_quoted_twice():
    from newsfacts.text import quoted

    assert quoted("it will block") == "“it will block”"
    assert quoted("“We will, and that is agreed”") == "“We will, and that is agreed”"


def test_a_quotation_of_several_sentences_is_tagged_as_one():
    # Split into pieces, "My brother is there." would read as the article's own sentence.
    from newsfacts.tagging import tag_sentences

    quoted = "“How can I go home and sleep? My brother is there. He may still be alive.”"
    said = '"We stayed. It was cold," she said.'
    article = f"Quake toll rises\n\nA man asked the AP: {quoted} The toll rose.\n\n{said} He left."
    tagger = tag_sentences(text=article)
    texts = [sentence.text for sentence in tagger.sentences]
    assert texts == [
        "Quake toll rises",
        f"A man asked the AP: {quoted}",
        "The toll rose.",
        said,
        "He left.",
    ]


def test_new_takes_the_credits_title_and_author_from_the_article(tmp_path):
    from newsfacts.newpack import new_pack, set_credit

    article = tmp_path / "article.txt"
    article.write_text("Bridge vote\nBy Ana Lima and Jo Reis\n\nOne sentence.\n", "utf-8")
    credit = set_credit(new_pack(tmp_path / "pack", article, publisher="Gazette"))
    assert (credit["title"], credit["author"]) == ("Bridge vote", "Ana Lima and Jo Reis")
    given = set_credit(new_pack(tmp_path / "other", article, author="A. Lima"))
    assert given["author"] == "A. Lima"  # what the teacher gives wins


def test_the_tagging_task_keeps_a_sentence_whole_after_an_abbreviation():
    import pandas as pd

    from newsfacts.tagging import split_sentences

    paragraphs = pd.DataFrame(
        {
            "paragraph": ["headline", 1],
            "kind": ["headline", "story"],
            "text": [
                "Deal signed sans U.S.",
                "It came as U.S. President Trump spoke. Others left.",
            ],
        }
    )
    assert [s.text for s in split_sentences(paragraphs)] == [
        "Deal signed sans U.S.",
        "It came as U.S. President Trump spoke.",
        "Others left.",
    ]


def test_the_tagging_profile_is_set_beside_the_class_article():
    from newsfacts.tagging import tag_sentences

    studied = newsfacts.load(MINI_PACK)
    box = tag_sentences(exclude=studied)  # as lesson 5 of the series calls it
    box.text.value = "A vote\n\nThe council voted. It is expected to meet again."
    box.split()
    who, _, _, _ = box.tagger.controls[1]
    who.value = "article says"
    profile = box.tagger.profile()
    marks = sourcing_profile(studied).set_index("mark")["facts"]
    beside = profile["the class article's facts"].tolist()
    assert beside == [int(marks["article says"]), int(marks["someone says"]), 0]
    # The mini pack, not the bundled article the profile used to be set beside.
    bundled = sourcing_profile(newsfacts.load()).set_index("mark")["facts"]
    assert beside[:2] != [int(bundled["article says"]), int(bundled["someone says"])]
