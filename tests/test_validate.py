"""Broken packs: each test breaks one thing in a copy of the mini pack."""

import csv
import io
import json

import pytest
from pack_helpers import drop_column, problems_of, replace

import newsfacts
from newsfacts import DataError
from newsfacts.errors import Problem


def only(error: DataError) -> Problem:
    assert len(error.problems) == 1, str(error)
    return error.problems[0]


def test_the_mini_pack_is_valid(pack):
    book = newsfacts.load(pack)
    assert len(book.actors) == 4


def test_problem_message_format():
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


def test_missing_file(pack):
    (pack / "places.csv").unlink()
    error = problems_of(pack)
    problem = only(error)  # references into places are not reported on top
    assert problem.file == "places.csv" and problem.line is None
    assert str(problem).startswith("places.csv: the file is missing")


def test_missing_datapackage(pack):
    (pack / "datapackage.json").unlink()
    assert "datapackage.json: the pack has no datapackage.json" in str(problems_of(pack))


def test_folder_that_does_not_exist(tmp_path):
    assert "there is no such folder" in str(problems_of(tmp_path / "nowhere"))


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
    assert "describes no table named 'glossary'" in str(problems_of(pack))


def test_missing_column(pack):
    drop_column(pack / "places.csv", "kind")
    problem = only(problems_of(pack))
    assert str(problem).startswith(
        "places.csv, line 1, column 'kind': the column is missing from the header."
    )


def test_duplicate_id_in_a_table(pack):
    replace(
        pack / "actors.csv",
        "fishermen,fishermen,group",
        "costa,fishermen,group",
    )
    message = str(problems_of(pack))
    assert (
        "actors.csv, line 5, id 'costa', column 'id': 'costa' is already used on line 2." in message
    )


def test_id_used_in_two_tables(pack):
    replace(pack / "places.csv", "bay,the bay,area", "costa,the bay,area")
    message = str(problems_of(pack))
    assert "places.csv, line 3, id 'costa', column 'id'" in message
    assert "already the id of actors.csv, line 2" in message


def test_duplicate_glossary_term(pack):
    replace(pack / "glossary.csv", "ferry,a boat", "survey,a boat")
    assert "glossary.csv, line 3, id 'survey', column 'term'" in str(problems_of(pack))


def test_glossary_terms_may_equal_ids(pack):
    replace(pack / "glossary.csv", "ferry,a boat", "bay,a boat")
    assert newsfacts.load(pack).glossary["term"].tolist() == ["survey", "bay"]


def test_id_that_points_nowhere_suggests_the_closest(pack):
    replace(pack / "claims.csv", "cl-vote,costa,", "cl-vote,costta,")
    problem = only(problems_of(pack))
    assert str(problem).startswith("claims.csv, line 3, id 'cl-vote', column 'speaker': 'costta'")
    assert "points nowhere" in problem.message
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
    assert str(problem).startswith("figures.csv, line 2, id 'fig-support', column 'quote'")
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
    assert str(problem).startswith(
        "events.csv, line 3, id 'ev-proposal', column 'paragraph': the article has no paragraph "
        "'9': it has the story's paragraphs 1 to 3, and above the story headline, byline, "
        "caption 1."
    )


def test_unknown_basis(pack):
    replace(pack / "places.csv", "Porto Claro,article says,", "Porto Claro,article sais,")
    problem = only(problems_of(pack))
    assert str(problem).startswith(
        "places.csv, line 2, id 'porto-claro', column 'basis': 'article sais' is not one of "
        "article says, someone says, worked out, outside source."
    )
    assert "Did you mean 'article says'?" in problem.fix


def test_context_row_without_a_source(pack):
    replace(
        pack / "relations.csv",
        ',outside source,"Harbour Trust website, 2024 (made up)"',
        ",outside source,",
    )
    problem = only(problems_of(pack))
    assert str(problem).startswith(
        "relations.csv, line 4, id 'rel-trust', column 'note': "
        "an outside-source row must name its source in note."
    )


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
    assert str(problem).startswith(
        "figures.csv, line 2, id 'fig-support', column 'value': '60%' is not a number."
    )
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
    assert str(problem).startswith(
        "actors.csv, line 4, id 'harbour-trust', column 'name': this cell is empty."
    )


def test_bytes_that_are_not_utf8(pack):
    path = pack / "actors.csv"
    path.write_bytes(path.read_bytes().replace(b"Rui Costa,person", b"Rui Cost\xe9,person"))
    problem = only(problems_of(pack))
    assert str(problem).startswith("actors.csv, line 2, id 'costa', column 'name': byte 0xE9")
    assert "UTF-8" in problem.fix


def test_article_bytes_that_are_not_utf8(pack):
    path = pack / "article.txt"
    path.write_bytes(path.read_bytes().replace("Lúcia".encode(), "Lúcia".encode("latin-1")))
    problem = only(problems_of(pack))
    assert str(problem).startswith("article.txt, line 3: byte 0xFA")


def test_empty_csv(pack):
    (pack / "glossary.csv").write_bytes(b"")
    problem = only(problems_of(pack))
    assert str(problem).startswith("glossary.csv: the file is empty")


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
    assert str(problem).startswith(
        "places.csv, line 1, column 'colour': this column is not in the table's schema"
    )


def test_row_with_too_many_cells(pack):
    replace(
        pack / "events.csv",
        "first proposed in 2019,article says,",
        "first proposed, in 2019,article says,",
    )
    problem = only(problems_of(pack))
    assert str(problem).startswith(
        "events.csv, line 3, id 'ev-proposal': this row has 13 cells but the header has 12."
    )
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
    message = str(error)
    assert message.startswith("3 problems in the pack at ")
    assert "actors.csv, line 2, id 'costa', column 'kind': 'preson' is not one of" in message
    assert "claims.csv, line 3, id 'cl-vote', column 'speaker'" in message
    assert "glossary.csv: the file is empty" in message
    assert [p.file for p in error.problems] == ["actors.csv", "claims.csv", "glossary.csv"]
    assert len(message.splitlines()) == 4


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
    assert str(problem).startswith("article.txt: the article is missing")


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
