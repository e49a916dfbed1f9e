import pickle

from newsfacts import DataError, UnknownNameError
from newsfacts.errors import Problem
from newsfacts.errors import resolve as pick
from newsfacts.text import closest, did_you_mean

PROBLEM = Problem("places.csv", 3, "paris", "kind", "'town' is not one of city, area.", "Fix it.")


def test_problem_without_line_id_or_column():
    assert str(Problem("glossary.csv", None, None, None, "the file is empty.")) == (
        "glossary.csv: the file is empty."
    )


def test_data_error_lists_every_problem_one_per_line():
    other = Problem("actors.csv", 2, None, "name", "this cell is empty.", "Fill it in.")
    error = DataError([PROBLEM, other], pack="packs/x")
    assert str(error).splitlines() == [
        "2 problems in the pack at packs/x:",
        "places.csv, line 3, id 'paris', column 'kind': 'town' is not one of city, area. "
        "Fix: Fix it.",
        "actors.csv, line 2, column 'name': this cell is empty. Fix: Fill it in.",
    ]
    assert error.problems == [PROBLEM, other]


def test_errors_survive_pickling():
    error = pickle.loads(pickle.dumps(DataError([PROBLEM])))
    assert error.problems == [PROBLEM]
    unknown = pickle.loads(pickle.dumps(UnknownNameError("macrn", ["macron"])))
    assert (
        str(unknown)
        == "There is no id or name 'macrn' in the article's fact tables. Did you mean 'macron'?"
    )


def test_unknown_name_error_reads_as_plain_text():
    error = UnknownNameError("x", [], what="id", hint="Look at book.actors.")
    assert str(error) == "There is no id 'x' in the article's fact tables. Look at book.actors."
    assert error.args == ("x",)


def test_closest_ignores_capitals_and_maps_names_to_ids():
    assert closest("MACRN", ["macron", "merz"]) == ["macron"]
    assert closest("Emanuel Macron", {"Emmanuel Macron": "macron", "merz": "merz"}) == ["macron"]
    assert closest("donetsk", ["fig-donetsk-control", "paris"]) == ["fig-donetsk-control"]
    assert closest("qqq", ["macron"]) == []
    assert did_you_mean(["a", "b"]) == "Did you mean 'a', 'b'?"


def test_pick_finds_an_id_by_any_case_only_when_asked_to_fold():
    choices = {"macron": "macron", "Emmanuel Macron": "macron"}
    assert pick(" emmanuel MACRON ", choices, "actor", fold=True) == "macron"
    try:
        pick("MACRON", choices, "actor", fold=False)
    except UnknownNameError as error:
        assert str(error).endswith("Did you mean 'macron'?")
    else:
        raise AssertionError("an exact lookup accepted another case")


def test_pick_gives_its_hint_when_nothing_is_close():
    try:
        pick("zzz", ["events", "claims"], "table", hint="The tables are events, claims.")
    except UnknownNameError as error:
        assert str(error) == (
            "There is no table 'zzz' in the article's fact tables. The tables are events, claims."
        )
    else:
        raise AssertionError("no error for an unknown table")
