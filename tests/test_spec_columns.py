"""What the library needs of each table's schema (`spec.NEEDED`, `spec.CODED`): a pack whose
``datapackage.json`` leaves out a column the lessons read, or lets a coded column hold a value
the lessons do not know, is refused by ``check`` (and `load`), not broken in a lesson."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pack_helpers import MINI_PACK, REPO, drop_column, problems_of, replace, world_pack

import newsfacts
from newsfacts.__main__ import main
from newsfacts.marks import BASES, MODALITIES
from newsfacts.newpack import new_pack
from newsfacts.pack.spec import CODED, CONTENT_TABLES, DESCRIPTOR, NEEDED, OPTIONAL_TABLES, TABLES


def edit_field(pack: Path, table: str, column: str, change: Callable[[list, dict], None]) -> None:
    """Change one field of a table's schema in datapackage.json: `change(fields, field)`."""
    path = pack / DESCRIPTOR
    metadata = json.loads(path.read_text(encoding="utf-8"))
    resource = next(r for r in metadata["resources"] if r["name"] == table)
    fields = resource["schema"]["fields"]
    change(fields, next(f for f in fields if f["name"] == column))
    path.write_text(json.dumps(metadata, indent=2), encoding="utf-8")


def remove_field(pack: Path, table: str, column: str) -> None:
    """Remove a column from a table's schema and from its CSV file."""
    edit_field(pack, table, column, lambda fields, field: fields.remove(field))
    drop_column(pack / f"{table}.csv", column)


def schema_problems(pack: Path, column: str) -> list[newsfacts.Problem]:
    """The problems of a broken pack that are about a column of its datapackage.json."""
    return [p for p in problems_of(pack).problems if p.file == DESCRIPTOR and p.column == column]


@pytest.mark.parametrize(
    ("table", "column"),
    [("exercises", "hint_2"), ("questions", "option_4"), ("figures", "qualifier")]
    + [("events", "when_basis"), ("claims", "speaker"), ("prompts", "kind")],
)
def test_a_missing_needed_field_is_a_problem(pack, table, column):
    remove_field(pack, table, column)
    [problem] = schema_problems(pack, column)
    assert problem.line is None and problem.id is None
    assert f"{table!r}" in problem.message
    assert "bundled pack's datapackage.json" in problem.fix


@pytest.mark.parametrize("table", [*TABLES, *CONTENT_TABLES])
def test_every_needed_field_of_a_table_is_asked_for(pack, table):
    """Left out of the schema (the CSV unchanged), each needed column is named once."""
    path = pack / DESCRIPTOR
    metadata = json.loads(path.read_text(encoding="utf-8"))
    resource = next(r for r in metadata["resources"] if r["name"] == table)
    schema = resource["schema"]
    schema["fields"] = [f for f in schema["fields"] if f["name"] not in NEEDED[table]]
    path.write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    found = [
        p.column
        for p in problems_of(pack).problems
        if p.file == DESCRIPTOR and "missing from the schema" in p.message
    ]
    assert sorted(found) == sorted(NEEDED[table])


@pytest.mark.parametrize(
    ("table", "column"),
    [("events", "basis"), ("events", "when_basis"), ("events", "modality")]
    + [("sorting", "who"), ("prompts", "kind"), ("exercises", "ordered")],
)
def test_a_coded_column_without_an_enum_is_a_problem(pack, table, column):
    edit_field(pack, table, column, lambda _, field: field["constraints"].pop("enum"))
    [problem] = schema_problems(pack, column)
    assert f"{table!r}" in problem.message and "'enum'" in problem.message
    assert repr(CODED.get((table, column), BASES)[0]) in problem.fix


@pytest.mark.parametrize(
    ("table", "column", "value", "meant"),
    [
        ("events", "basis", "Article Says", "article says"),
        ("claims", "basis", "reported", None),
        ("events", "modality", "ongoing", None),
        ("sorting", "modality", "happend", "happened"),
        ("sorting", "who", "someone", None),
        ("prompts", "kind", "extension", None),
    ],
)
def test_an_enum_allowing_an_unknown_value_is_a_problem(pack, table, column, value, meant):
    edit_field(pack, table, column, lambda _, field: field["constraints"]["enum"].append(value))
    [problem] = schema_problems(pack, column)
    assert f"{table!r}" in problem.message and repr(value) in problem.message
    if meant:
        assert f"Did you mean {meant!r}?" in problem.fix


def test_an_enum_that_is_not_a_list_is_a_problem(pack):
    edit_field(pack, "prompts", "kind", lambda _, field: field["constraints"].update(enum="write"))
    [problem] = schema_problems(pack, "kind")
    assert "'prompts'" in problem.message and "'enum'" in problem.message


def test_an_enum_allowing_fewer_values_passes(pack):
    """A pack may use fewer marks or modalities than the library knows."""
    keep = ["article says", "someone says"]
    edit_field(pack, "claims", "basis", lambda _, field: field["constraints"].update(enum=keep))
    assert len(newsfacts.load(pack).claims) == 3


def test_an_optional_table_left_out_needs_no_columns(pack):
    """Lesson content stays optional: a pack without sorting.csv loads."""
    path = pack / DESCRIPTOR
    metadata = json.loads(path.read_text(encoding="utf-8"))
    metadata["resources"] = [r for r in metadata["resources"] if r["name"] != "sorting"]
    path.write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (pack / "sorting.csv").unlink()
    assert newsfacts.load(pack).content["sorting"].empty


def test_the_reviewers_reproduction_is_refused_by_check(pack, capsys):
    """No hint_2 in exercises, no enum on events' basis, and a basis written 'Article Says'."""
    remove_field(pack, "exercises", "hint_2")
    edit_field(pack, "events", "basis", lambda _, field: field["constraints"].pop("enum"))
    replace(
        pack / "events.csv", "will vote next week,article says", "will vote next week,Article Says"
    )
    assert main(["check", str(pack)]) == 1
    out = capsys.readouterr().out
    assert "datapackage.json, column 'hint_2'" in out
    assert "datapackage.json, column 'basis'" in out
    assert "No problems found." not in out


def test_the_declared_values_are_the_ones_the_lessons_use():
    """`CODED` says what the lessons compare against: the sorting task's choices, the prompts'
    headings, the relations diagram's kinds of actor."""
    from newsfacts.lesson.prompts import HEADINGS
    from newsfacts.lesson.quiz import MODALITY, WHO

    assert set(MODALITY) == set(MODALITIES) == set(CODED["events", "modality"])
    assert set(WHO) == set(CODED["sorting", "who"])
    assert set(HEADINGS) == set(CODED["prompts", "kind"])
    assert set(NEEDED) == {*TABLES, *OPTIONAL_TABLES, *CONTENT_TABLES}


def pack_that_passes(name: str, tmp_path: Path) -> Path:
    """A bundled pack, a test pack, or one `python -m newsfacts new` makes."""
    if name == "mini-pack":
        return MINI_PACK
    if name == "world":
        return world_pack(tmp_path / "world")
    if name == "new":
        article = tmp_path / "article.txt"
        article.write_text("A bridge vote\n\nBy A. Writer\n\nThe council voted on Tuesday.\n")
        return new_pack(tmp_path / "new", article)
    return REPO / "data" / name


@pytest.mark.parametrize(
    "name", ["paris-2026", "paris-declaration", "template", "mini-pack", "world", "new"]
)
def test_every_pack_we_make_passes(tmp_path, name, capsys):
    assert main(["check", str(pack_that_passes(name, tmp_path))]) == 0
    assert "No problems found." in capsys.readouterr().out


def test_an_actor_may_be_of_any_kind(pack):
    """A kind the relations diagram has no style for (a company) is drawn as "other"."""

    def allow_a_company(_, field):
        field["constraints"]["enum"].append("company")

    edit_field(pack, "actors", "kind", allow_a_company)
    newsfacts.load(pack)  # no problem with the schema
