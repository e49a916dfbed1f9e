"""Comparisons between two packs (newsfacts.compare): the table, its check, the views.

The pair under test is made here: the mini pack (the article) and a copy of it with one
more paragraph (the council's vote happened) holding ``comparisons.csv``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pack_helpers import MINI_PACK, replace

import newsfacts
import newsfacts.compare
from newsfacts.__main__ import main
from newsfacts.compare import (
    CHOICES,
    RELATIONS,
    check_comparisons,
    check_linked,
    compare,
    compared_pack,
    comparison_table,
    load_pack,
    pack_folder,
    read_comparisons,
)
from newsfacts.errors import DataError

COMPARISONS = """\
id,article_fact,source_fact,relation,note,article_quote,source_quote
cmp-vote,ev-vote,ev-voted,goes further,"The article expects a vote; the minutes say it took \
place.",will vote next week,voted for the bridge
cmp-survey,fig-support,,not mentioned,"The minutes give no survey; only this text was \
searched.",About 60% of residents back the plan,
"""

FIELDS = [
    {"name": "id", "type": "string", "constraints": {"required": True, "unique": True}},
    {"name": "article_fact", "type": "string", "constraints": {"required": True}},
    {"name": "source_fact", "type": "string"},
    {
        "name": "relation",
        "type": "string",
        "constraints": {"required": True, "enum": list(RELATIONS)},
    },
    {"name": "note", "type": "string", "constraints": {"required": True}},
    {"name": "article_quote", "type": "string", "constraints": {"required": True}},
    {"name": "source_quote", "type": "string"},
]


def make_pair(root: Path, declared: bool = True) -> tuple[Path, Path]:
    """The article (the mini pack) and the minutes, side by side under `root`."""
    article = Path(shutil.copytree(MINI_PACK, root / "article"))
    minutes = Path(shutil.copytree(MINI_PACK, root / "minutes"))
    with open(minutes / "article.txt", "a", encoding="utf-8") as text:
        text.write("\nThe council voted for the bridge on 12 March.\n")
    with open(minutes / "events.csv", "a", encoding="utf-8") as events:
        events.write(
            "ev-voted,the council votes for the bridge,,on 12 March,,happened,council,"
            "porto-claro,4,voted for the bridge,article says,\n"
        )
    (minutes / "comparisons.csv").write_text(COMPARISONS, encoding="utf-8")
    descriptor = minutes / "datapackage.json"
    meta = json.loads(descriptor.read_text(encoding="utf-8"))
    meta["newsfacts"]["compares_with"] = "../article"
    if declared:
        meta["resources"].append(
            {
                "name": "comparisons",
                "path": "comparisons.csv",
                "schema": {"fields": FIELDS, "primaryKey": ["id"]},
            }
        )
    descriptor.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return article, minutes


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    return make_pair(tmp_path)


def problems(article: Path, minutes: Path) -> list:
    return check_comparisons(newsfacts.load(article), newsfacts.load(minutes))


def test_a_good_pair_passes_and_reads_both_paragraphs(pair, capsys):
    article, minutes = pair
    assert problems(article, minutes) == []
    rows = read_comparisons(newsfacts.load(article), newsfacts.load(minutes))
    assert list(rows["id"]) == ["cmp-vote", "cmp-survey"]
    assert list(rows["article_paragraph"]) == [1, 2]
    assert rows["source_paragraph"].iloc[0] == 4 and rows["source_paragraph"].iloc[1] is None
    assert main(["check", str(minutes)]) == 0
    assert "comparisons with ../article: 2 rows" in capsys.readouterr().out


def test_a_wrong_id_is_one_clear_problem(pair, capsys):
    article, minutes = pair
    replace(minutes / "comparisons.csv", "cmp-vote,ev-vote,", "cmp-vote,ev-vot,")
    found = problems(article, minutes)
    assert len(found) == 1
    text = str(found[0])
    assert text.startswith("comparisons.csv, line 2, id 'cmp-vote', column 'article_fact': ")
    assert "Did you mean 'ev-vote'" in text and "Fix:" in text
    assert main(["check", str(minutes)]) == 1
    out = capsys.readouterr().out
    assert "1 problem in the pack" in out and text in out


def test_a_quote_not_in_the_text_is_one_clear_problem(pair):
    article, minutes = pair
    replace(minutes / "comparisons.csv", "voted for the bridge\n", "voted against the bridge\n")
    found = problems(article, minutes)
    assert [(p.file, p.line, p.id, p.column) for p in found] == [
        ("comparisons.csv", 2, "cmp-vote", "source_quote")
    ]
    assert "paragraph 4" in found[0].message and found[0].fix


def test_a_quote_from_another_paragraph_says_where_it_is(pair):
    article, minutes = pair
    replace(minutes / "comparisons.csv", ",will vote next week,", ",The bridge was first proposed,")
    [found] = problems(article, minutes)
    assert found.column == "article_quote" and "It is in paragraph 3" in found.message


def test_a_bad_relation_is_one_problem(pair, capsys):
    article, minutes = pair
    replace(minutes / "comparisons.csv", "goes further", "goes farther")
    assert main(["check", str(minutes)]) == 1
    out = capsys.readouterr().out
    assert "1 problem in the pack" in out
    assert "comparisons.csv, line 2, id 'cmp-vote', column 'relation'" in out


def test_a_bad_relation_without_a_schema_is_one_problem(tmp_path):
    article, minutes = make_pair(tmp_path, declared=False)
    replace(minutes / "comparisons.csv", "goes further", "Goes further")
    found = problems(article, minutes)
    assert [(p.line, p.column) for p in found] == [(2, "relation")]
    assert "confirms, goes further" in found[0].fix


BLANK_ROW = ("\ncmp-survey,", "\n\ncmp-survey,")
TWO_LINE_NOTE = ("the minutes say", "the minutes\nsay")


@pytest.mark.parametrize("declared", [True, False])
@pytest.mark.parametrize(
    ("changes", "line"),
    [([BLANK_ROW], 4), ([TWO_LINE_NOTE], 3), ([TWO_LINE_NOTE, BLANK_ROW], 4)],
    ids=["blank row", "two-line note", "both"],
)
def test_a_problem_names_the_row_a_spreadsheet_shows(tmp_path, declared, changes, line):
    """A spreadsheet shows a blank row as a row, and a cell over two lines in one row."""
    article, minutes = make_pair(tmp_path, declared=declared)
    for before, after in changes:
        replace(minutes / "comparisons.csv", before, after)
    replace(minutes / "comparisons.csv", "residents back", "residents backs")
    [found] = problems(article, minutes)
    assert (found.line, found.id, found.column) == (line, "cmp-survey", "article_quote")
    linked = check_linked(newsfacts.load(minutes))
    assert linked is not None and [p.line for p in linked[1]] == [line]


def test_a_row_of_the_wrong_width_without_a_schema_is_the_readers_problem(tmp_path):
    article, minutes = make_pair(tmp_path, declared=False)
    with open(minutes / "comparisons.csv", "a", encoding="utf-8") as comparisons:
        comparisons.write("cmp-x,ev-vote,,confirms,a note,will vote next week,,extra\n")
    [found] = problems(article, minutes)
    assert (found.line, found.id, found.column) == (4, "cmp-x", None)
    assert "8 cells but the header has 7" in found.message


def test_an_unreadable_file_without_a_schema_is_a_problem_not_a_crash(tmp_path):
    article, minutes = make_pair(tmp_path, declared=False)
    (minutes / "comparisons.csv").write_text("", encoding="utf-8")
    [found] = problems(article, minutes)
    assert (found.file, found.line, found.column) == ("comparisons.csv", None, None)
    with pytest.raises(DataError, match="empty"):
        compare(newsfacts.load(article), newsfacts.load(minutes))


def test_a_pack_compared_with_that_is_broken_is_one_problem(pair):
    article, minutes = pair
    replace(article / "events.csv", "ev-vote,", "ev vote,")
    summary, [found] = check_linked(newsfacts.load(minutes))
    assert found.column == "newsfacts.compares_with" and "cannot be loaded" in found.message


def test_a_bug_while_loading_the_pack_compared_with_is_not_hidden(pair, monkeypatch):
    def broken(pack):
        raise ValueError("a bug in the library")

    minutes = newsfacts.load(pair[1])
    monkeypatch.setattr(newsfacts.compare, "load", broken)
    with pytest.raises(ValueError, match="a bug in the library"):
        check_linked(minutes)


def test_not_mentioned_keeps_the_source_side_empty(pair):
    article, minutes = pair
    replace(minutes / "comparisons.csv", "back the plan,\n", "back the plan,voted for the bridge\n")
    found = problems(article, minutes)
    assert [(p.id, p.column) for p in found] == [("cmp-survey", "source_quote")]


def test_compares_with_must_name_the_pack_compared(pair, tmp_path):
    article, minutes = pair
    other = Path(shutil.copytree(article, tmp_path / "elsewhere"))
    found = check_comparisons(newsfacts.load(other), newsfacts.load(minutes))
    assert [p.column for p in found] == ["newsfacts.compares_with"]
    assert compared_pack(newsfacts.load(minutes)) == article.resolve()


def test_the_activity_shows_the_second_text_only_after_a_choice(pair):
    article, minutes = pair
    book, other = newsfacts.load(article), newsfacts.load(minutes)
    assert [item["id"] for item in compare(book, other).items] == ["cmp-vote", "cmp-survey"]
    view = compare(book, other, item=1)  # the comparisons of the article's paragraph 1
    assert [item["id"] for item in view.items] == ["cmp-vote"]
    assert "will vote next week" in view.prompt.value
    assert "voted for the bridge" not in view.panel.value
    view.control.value = "says more"
    assert "voted for the bridge" in view.panel.value and "¶ 4" in view.panel.value
    assert (
        "goes further" in view.panel.value and "the minutes say it took place" in view.panel.value
    )
    assert "the same way" in view.panel.value
    view.control.value = "not in it"
    assert "another way" in view.panel.value
    assert view.control.description == "Your answer"


def test_every_relation_has_one_student_answer():
    answers = [word for word, kinds in CHOICES.items() for _ in kinds]
    kinds = [kind for kinds in CHOICES.values() for kind in kinds]
    assert sorted(kinds) == sorted(RELATIONS) and len(answers) == len(RELATIONS)


def test_an_item_by_id_and_an_unknown_one(pair):
    book, other = (newsfacts.load(p) for p in pair)
    view = compare(book, other, item="fig-support")
    assert [item["id"] for item in view.items] == ["cmp-survey"]
    view.control.value = "not in it"
    assert "not found in the text that was read" in view.panel.value.lower()
    with pytest.raises(KeyError, match="cmp-vote"):
        compare(book, other, item="cmp-vot")
    with pytest.raises(ValueError, match="paragraphs have some: 1, 2"):
        compare(book, other, item=[3])


def test_the_packs_passed_the_wrong_way_round(pair):
    book, other = (newsfacts.load(p) for p in pair)
    with pytest.raises(ValueError, match="swap"):
        compare(other, book)


def test_the_table_escapes_and_lists_every_row(pair):
    article, minutes = pair
    replace(minutes / "comparisons.csv", "took place.", "took place <b>here</b>.")
    table = comparison_table(newsfacts.load(article), newsfacts.load(minutes))
    assert table.rows == 2
    assert "&lt;b&gt;here" in table.html and "<b>here" not in table.html
    assert "“voted for the bridge”" in table.html


def test_the_bundled_pair_loads_by_name_from_any_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    declaration = load_pack("paris-declaration")
    assert compared_pack(declaration).name == "paris-2026"
    assert check_comparisons(load_pack("paris-2026"), declaration) == []


def test_compares_with_falls_back_to_a_bundled_pack_of_that_name(tmp_path):
    alone = Path(shutil.copytree(pack_folder("paris-declaration"), tmp_path / "declaration"))
    assert not (tmp_path / "paris-2026").exists()
    found = compared_pack(newsfacts.load(alone))
    assert found is not None and found.name == "paris-2026"
    assert (found / "datapackage.json").is_file()
