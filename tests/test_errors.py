import pickle

from newsfacts import DataError, UnknownNameError
from newsfacts.errors import Problem
from newsfacts.errors import resolve as pick
from newsfacts.text import closest, did_you_mean

PROBLEM = Problem("places.csv", 3, "paris", "kind", "'town' is not one of city, area.", "Fix it.")


# A problem line's own layout (with and without line, id, column) is tested once, in
# tests/test_validate.py::test_problem_message_format.


def test_data_error_lists_every_problem_one_per_line():
    other = Problem("actors.csv", 2, None, "name", "this cell is empty.", "Fill it in.")
    error = DataError([PROBLEM, other], pack="packs/x")
    head, *lines = str(error).splitlines()
    assert "2" in head and "packs/x" in head, "the first line counts them and names the pack"
    assert lines == [str(PROBLEM), str(other)]
    assert error.problems == [PROBLEM, other]


def test_errors_survive_pickling():
    error = pickle.loads(pickle.dumps(DataError([PROBLEM])))
    assert error.problems == [PROBLEM]
    original = UnknownNameError("macrn", ["macron"], what="actor", hint="h", where="the pack")
    unknown = pickle.loads(pickle.dumps(original))
    assert (unknown.name, unknown.suggestions, unknown.what) == ("macrn", ["macron"], "actor")
    assert (unknown.hint, unknown.where) == ("h", "the pack")
    assert str(unknown) == str(original)


def test_unknown_name_error_reads_as_plain_text():
    error = UnknownNameError("x", [], what="id", hint="Look at book.actors.")
    text = str(error)
    assert text != str(KeyError("x")), "not KeyError's bare quoted key"
    assert "id 'x'" in text and "the article's fact tables" in text  # what, name and where
    assert text.endswith("Look at book.actors."), "with nothing close, the hint"
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
        assert error.suggestions == ["macron"]
        assert str(error).endswith("Did you mean 'macron'?")
    else:
        raise AssertionError("an exact lookup accepted another case")


def test_pick_gives_its_hint_when_nothing_is_close():
    try:
        pick("zzz", ["events", "claims"], "table", hint="The tables are events, claims.")
    except UnknownNameError as error:
        assert (error.suggestions, error.what) == ([], "table")
        assert "table 'zzz'" in str(error)
        assert str(error).endswith("The tables are events, claims.")
    else:
        raise AssertionError("no error for an unknown table")
