"""Broken packs: each test breaks one thing in a copy of the mini pack."""

import csv
import io
import json

import pytest
from pack_helpers import drop_column, problems_of, replace

import newsfacts
from newsfacts import DataError
from newsfacts.errors import Problem
from newsfacts.marks import BASES


def only(error: DataError) -> Problem:
    assert len(error.problems) == 1, str(error)
    return error.problems[0]


def about(error: DataError, file: str, column: str | None) -> Problem:
    """The one problem of `error` about this file's column (others may follow from it)."""
    (found,) = [p for p in error.problems if (p.file, p.column) == (file, column)]
    return found


def where(problem: Problem) -> tuple:
    """Where a problem points a teacher: (file, line, id, column)."""
    return (problem.file, problem.line, problem.id, problem.column)


def description(pack, table: str, column: str) -> str:
    """A column's description in the pack's datapackage.json."""
    descriptor = json.loads((pack / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if r["name"] == table]
    (field,) = [f for f in resource["schema"]["fields"] if f["name"] == column]
    return field["description"]


def test_the_mini_pack_is_valid(pack):
    book = newsfacts.load(pack)
    assert len(book.actors) == 4


def test_problem_message_format():
    """The one test of a problem line's printed layout: where (only the parts given), what is
    wrong, the fix."""
    problem = Problem(
        "actors.csv",
        4,
        "macron",
        "kind",
        "'preson' is not one of person, state.",
        "Write one of them.",
    )
    assert str(problem) == (
        "actors.csv, line 4, id 'macron', column 'kind': 'preson' is not one of person, "
        "state. Fix: Write one of them."
    )
    whole_file = Problem("glossary.csv", None, None, None, "the file is empty.")
    assert str(whole_file) == "glossary.csv: the file is empty."


def test_missing_file(pack):
    (pack / "places.csv").unlink()
    error = problems_of(pack)
    problem = only(error)  # references into places are not reported on top
    assert where(problem) == ("places.csv", None, None, None)
    assert "missing" in problem.message and str(pack / "places.csv") in problem.message
    assert "places.csv" in problem.fix


def test_missing_datapackage(pack):
    (pack / "datapackage.json").unlink()
    problem = only(problems_of(pack))
    assert where(problem) == ("datapackage.json", None, None, None)
    assert str(pack) in problem.message, "the message names the folder it looked in"
    assert "datapackage.json" in problem.fix


def test_folder_that_does_not_exist(tmp_path):
    problem = only(problems_of(tmp_path / "nowhere"))
    assert where(problem) == (str(tmp_path / "nowhere"), None, None, None)
    assert "folder" in problem.message and problem.fix


def test_datapackage_that_is_not_json(pack):
    replace(pack / "datapackage.json", '"tabular-data-package",', '"tabular-data-package"')
    problem = only(problems_of(pack))
    assert problem.file == "datapackage.json"
    assert problem.line is not None and problem.line > 1
    assert "not valid JSON" in str(problem)


def test_datapackage_without_a_table(pack):
    descriptor = json.loads((pack / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "glossary"]
    (pack / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    problem = only(problems_of(pack))
    assert where(problem) == ("datapackage.json", None, None, None)
    assert "'glossary'" in problem.message and "'glossary'" in problem.fix


def test_missing_column(pack):
    drop_column(pack / "places.csv", "kind")
    problem = only(problems_of(pack))
    assert where(problem) == ("places.csv", 1, None, "kind")
    assert "'kind'" in problem.fix
    assert description(pack, "places", "kind") in problem.fix, "the fix says what it holds"


def test_duplicate_id_in_a_table(pack):
    replace(
        pack / "actors.csv",
        "fishermen,fishermen,group",
        "costa,fishermen,group",
    )
    problem = about(problems_of(pack), "actors.csv", "id")
    assert where(problem) == ("actors.csv", 5, "costa", "id")
    assert "line 2" in problem.message, "the message names the line the id is first used on"
    assert problem.fix


def test_id_used_in_two_tables(pack):
    replace(pack / "places.csv", "bay,the bay,area", "costa,the bay,area")
    problem = about(problems_of(pack), "places.csv", "id")
    assert where(problem) == ("places.csv", 3, "costa", "id")
    assert "actors.csv, line 2" in problem.message, "the message names the other table's row"
    assert problem.fix


def test_duplicate_glossary_term(pack):
    replace(pack / "glossary.csv", "ferry,a boat", "survey,a boat")
    problem = only(problems_of(pack))
    assert where(problem) == ("glossary.csv", 3, "survey", "term")
    assert "line 2" in problem.message


def test_glossary_terms_may_equal_ids(pack):
    replace(pack / "glossary.csv", "ferry,a boat", "bay,a boat")
    assert newsfacts.load(pack).glossary["term"].tolist() == ["survey", "bay"]


def test_id_that_points_nowhere_suggests_the_closest(pack):
    replace(pack / "claims.csv", "cl-vote,costa,", "cl-vote,costta,")
    problem = only(problems_of(pack))
    assert where(problem) == ("claims.csv", 3, "cl-vote", "speaker")
    assert "'costta' points nowhere" in problem.message
    assert "Did you mean 'costa'?" in problem.message


def test_id_in_a_list_that_points_nowhere(pack):
    replace(pack / "events.csv", "council;costa", "council;mayor")
    problem = only(problems_of(pack))
    assert (problem.file, problem.line, problem.id, problem.column) == (
        "events.csv",
        2,
        "ev-vote",
        "actors",
    )
    assert "'mayor' points nowhere" in problem.message


def test_ids_separated_by_commas(pack):
    replace(pack / "claims.csv", "bay;fishermen", '"bay, fishermen"')
    problem = only(problems_of(pack))
    assert "';'" in problem.fix


def test_several_ids_in_a_column_that_takes_one(pack):
    replace(pack / "claims.csv", "cl-vote,costa,", "cl-vote,costa;council,")
    problem = only(problems_of(pack))
    assert where(problem) == ("claims.csv", 3, "cl-vote", "speaker")
    assert "'costa;council'" in problem.message and "takes one" in problem.message
    assert "Did you mean" not in problem.message  # no id to suggest: the cell holds two


def test_id_of_the_wrong_kind(pack):
    replace(pack / "claims.csv", "cl-vote,costa,", "cl-vote,bay,")
    problem = only(problems_of(pack))
    assert "'bay' is the id of a row of places.csv" in problem.message


def test_name_instead_of_an_id(pack):
    replace(pack / "relations.csv", "rel-mayor,costa,", "rel-mayor,Rui Costa,")
    problem = only(problems_of(pack))
    assert "Write the id 'costa', not the name." in problem.fix


def test_empty_optional_reference_is_fine(pack):
    replace(pack / "places.csv", "bay,the bay,area,porto-claro", "bay,the bay,area,")
    assert newsfacts.load(pack).places.loc[1, "part_of"] == ""


def test_quote_not_in_its_paragraph(pack):
    replace(pack / "figures.csv", "About 60% of residents", "About 70% of residents")
    problem = only(problems_of(pack))
    assert where(problem) == ("figures.csv", 2, "fig-support", "quote")
    assert "About 70% of residents" in problem.message
    assert "is not in paragraph 2" in problem.message
    assert "exactly" in problem.fix


def test_quote_in_another_paragraph_names_it(pack):
    replace(
        pack / "figures.csv",
        "year the bridge was first proposed,3,",
        "year the bridge was first proposed,2,",
    )
    problem = only(problems_of(pack))
    assert (problem.line, problem.id, problem.column) == (3, "fig-year", "paragraph")
    assert "but in paragraph 3" in problem.message


def test_quote_with_other_capitals_is_a_near_match(pack):
    replace(pack / "events.csv", "1,said on Monday", "1,Said on monday")
    problem = only(problems_of(pack))
    assert "other capitals" in problem.message


def test_paragraph_that_does_not_exist(pack):
    replace(pack / "events.csv", "3,first proposed in 2019", "9,first proposed in 2019")
    problem = only(problems_of(pack))
    assert where(problem) == ("events.csv", 3, "ev-proposal", "paragraph")
    assert "no paragraph '9'" in problem.message
    for part in ("1 to 3", "headline", "byline", "caption 1"):  # what the article does have
        assert part in problem.message, part
    assert problem.fix


def test_unknown_basis(pack):
    replace(pack / "places.csv", "Porto Claro,article says,", "Porto Claro,article sais,")
    problem = only(problems_of(pack))
    assert where(problem) == ("places.csv", 2, "porto-claro", "basis")
    assert "'article sais'" in problem.message
    assert all(basis in problem.message for basis in BASES), "the message lists the choices"
    assert "Did you mean 'article says'?" in problem.fix


def test_context_row_without_a_source(pack):
    replace(
        pack / "relations.csv",
        ',outside source,"Harbour Trust website, 2024 (made up)"',
        ",outside source,",
    )
    problem = only(problems_of(pack))
    assert where(problem) == ("relations.csv", 4, "rel-trust", "note")
    assert "outside" in problem.message and problem.fix


def test_inferred_row_without_a_note(pack):
    replace(
        pack / "relations.csv",
        "worked out,The fishermen oppose the plan the council votes on.",
        "worked out,",
    )
    problem = only(problems_of(pack))
    assert (problem.line, problem.id, problem.column) == (3, "rel-oppose", "note")


def test_inferred_date_without_a_note(pack):
    replace(
        pack / "events.csv",
        '"""on Monday"" in an article published on Tuesday 5 March 2024 (made up)"',
        "",
    )
    problem = only(problems_of(pack))
    assert (problem.line, problem.id, problem.column) == (4, "ev-announce", "note")
    assert problem.message.startswith("when_basis is worked out")


def test_value_not_a_number(pack):
    replace(pack / "figures.csv", "fig-support,60,", "fig-support,60%,")
    problem = only(problems_of(pack))
    assert where(problem) == ("figures.csv", 2, "fig-support", "value")
    assert "'60%'" in problem.message
    assert "% sign" in problem.fix


def test_paragraph_that_names_no_part_of_the_article(pack):
    replace(pack / "places.csv", "city,,1,", "city,,three,")
    problem = only(problems_of(pack))
    assert (problem.line, problem.id, problem.column) == (2, "porto-claro", "paragraph")
    assert "no paragraph 'three'" in problem.message


def test_the_old_numbering_from_the_headline_is_refused(pack):
    replace(pack / "places.csv", "city,,1,", "city,,0,")
    problem = only(problems_of(pack))
    assert (problem.line, problem.column) == (2, "paragraph")
    assert "paragraphs 1 to 3" in problem.message and "headline" in problem.fix


def test_id_that_breaks_the_pattern(pack):
    replace(pack / "places.csv", "porto-claro,Porto Claro", "Porto Claro,Porto Claro")
    error = problems_of(pack)
    first = error.problems[0]
    assert (first.file, first.line, first.column) == ("places.csv", 2, "id")
    assert "is not written the way this column needs" in first.message
    assert "[" not in str(first), "no regular expression is shown to a teacher"
    assert "'porto-claro'" in first.fix


def test_required_cell_empty(pack):
    replace(pack / "actors.csv", "harbour-trust,Harbour Trust,", "harbour-trust,,")
    problem = only(problems_of(pack))
    assert where(problem) == ("actors.csv", 4, "harbour-trust", "name")
    assert "empty" in problem.message
    assert description(pack, "actors", "name") in problem.fix, "the fix says what it holds"


def test_bytes_that_are_not_utf8(pack):
    path = pack / "actors.csv"
    path.write_bytes(path.read_bytes().replace(b"Rui Costa,person", b"Rui Cost\xe9,person"))
    offset = path.read_bytes().index(b"\xe9")
    problem = only(problems_of(pack))
    assert where(problem) == ("actors.csv", 2, "costa", "name")
    assert "0xE9" in problem.message and f"offset {offset}" in problem.message
    assert "UTF-8" in problem.fix


def test_article_bytes_that_are_not_utf8(pack):
    path = pack / "article.txt"
    path.write_bytes(path.read_bytes().replace("Lúcia".encode(), "Lúcia".encode("latin-1")))
    problem = only(problems_of(pack))
    assert where(problem) == ("article.txt", 3, None, None)
    assert "0xFA" in problem.message and "UTF-8" in problem.fix


def test_empty_csv(pack):
    (pack / "glossary.csv").write_bytes(b"")
    problem = only(problems_of(pack))
    assert where(problem) == ("glossary.csv", None, None, None)
    assert "empty" in problem.message and problem.fix


def test_csv_with_only_a_header_is_a_table_without_rows(pack):
    path = pack / "glossary.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert len(newsfacts.load(pack).glossary) == 0


def test_stray_extra_column(pack):
    path = pack / "places.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(line + ",x" for line in lines) + "\n", encoding="utf-8")
    replace(path, lines[0] + ",x", lines[0] + ",colour")
    problem = only(problems_of(pack))
    assert where(problem) == ("places.csv", 1, None, "colour")
    assert "schema" in problem.message and problem.fix


def test_row_with_too_many_cells(pack):
    replace(
        pack / "events.csv",
        "first proposed in 2019,article says,",
        "first proposed, in 2019,article says,",
    )
    problem = only(problems_of(pack))
    assert where(problem) == ("events.csv", 3, "ev-proposal", None)
    width = len((pack / "events.csv").read_text(encoding="utf-8").splitlines()[0].split(","))
    assert f"{width + 1} cells but the header has {width}" in problem.message
    assert "double quotes" in problem.fix


def test_row_with_too_few_cells(pack):
    replace(pack / "places.csv", "porto-claro,Porto Claro,city,,", "porto-claro,Porto Claro,city,")
    problem = only(problems_of(pack))
    assert (problem.line, problem.id) == (2, "porto-claro")
    width = len((pack / "places.csv").read_text(encoding="utf-8").splitlines()[0].split(","))
    assert f"{width - 1} cells but the header has {width}" in problem.message


def test_quote_left_open(pack):
    replace(pack / "actors.csv", "costa,Rui Costa,", 'costa,"Rui Costa,')
    error = problems_of(pack)
    assert error.problems[0].line == 2
    assert "double quote" in error.problems[0].message


def test_line_numbers_count_blank_rows_and_line_breaks_in_cells(pack):
    path = pack / "places.csv"
    replace(path, "porto-claro,Porto Claro,city", '\nporto-claro,"Porto\nClaro",city')
    replace(path, "bay,the bay,area,", "bay,the bay,sea,")
    problem = only(problems_of(pack))
    assert (problem.line, problem.id) == (4, "bay")


def test_all_problems_are_reported_together(pack):
    replace(pack / "actors.csv", "costa,Rui Costa,person", "costa,Rui Costa,preson")
    replace(pack / "claims.csv", "cl-vote,costa,", "cl-vote,costta,")
    (pack / "glossary.csv").write_bytes(b"")
    error = problems_of(pack)
    assert [where(p) for p in error.problems] == [
        ("actors.csv", 2, "costa", "kind"),
        ("claims.csv", 3, "cl-vote", "speaker"),
        ("glossary.csv", None, None, None),
    ]
    assert "'preson'" in error.problems[0].message
    head, *lines = str(error).splitlines()
    assert "3" in head and str(pack) in head, "the first line counts them and names the pack"
    assert lines == [str(p) for p in error.problems], "then one line each"


def test_data_error_is_a_value_error(pack):
    (pack / "places.csv").unlink()
    with pytest.raises(ValueError):
        newsfacts.load(pack)


def test_a_pack_ten_times_larger_loads_and_validates(pack):
    # Its speed is measured by benchmarks/bench.py, not asserted here.
    for name in ("actors", "events", "claims"):
        path = pack / f"{name}.csv"
        header, *rows = path.read_text(encoding="utf-8").splitlines()
        extra = []
        for copy in range(60):
            for row in rows:
                ident, rest = row.split(",", 1)
                extra.append(f"{ident}-{copy},{rest}")
        path.write_text("\n".join([header, *rows, *extra]) + "\n", encoding="utf-8")
    book = newsfacts.load(pack)
    assert len(book.actors) == 4 * 61


def test_excel_style_csv_with_byte_order_mark_and_windows_line_ends(pack):
    path = pack / "actors.csv"
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert newsfacts.load(pack).actors["id"].tolist()[0] == "costa"


def test_rows_of_empty_cells_are_skipped_but_counted(pack):
    path = pack / "places.csv"
    replace(path, "bay,the bay,area", ",,,,,,,\nbay,the bay,sea")
    problem = only(problems_of(pack))
    assert (problem.line, problem.id, problem.column) == (4, "bay", "kind")


def test_missing_article(pack):
    (pack / "article.txt").unlink()
    problem = only(problems_of(pack))  # quotes are not checked without the article
    assert where(problem) == ("article.txt", None, None, None)
    assert "missing" in problem.message and str(pack / "article.txt") in problem.message
    assert problem.fix


@pytest.mark.parametrize("separator, words", [(";", "semicolons"), ("\t", "tabs")])
def test_csv_saved_with_another_separator_is_one_clear_problem(pack, separator, words):
    path = pack / "places.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    error = problems_of(pack)
    on_places = [p for p in error.problems if p.file == "places.csv"]
    assert len(on_places) == 1
    assert words in on_places[0].message and "comma" in on_places[0].fix
