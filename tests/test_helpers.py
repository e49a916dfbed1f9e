"""The helpers every layer shares: the examples once in text.py, errors.py and marks.py."""

import pytest

from newsfacts.errors import UnknownNameError, WrongTypeError, describe_value, expect, resolve
from newsfacts.marks import MARKS, mark_label
from newsfacts.text import (
    cell_text,
    closest,
    did_you_mean,
    lesson_id,
    near,
    paragraph_key,
    parse_number,
    plural,
    split_ids,
)


def test_cell_text_split_ids_and_numbers():
    assert (cell_text(75.0), cell_text(None), cell_text(float("nan")), cell_text("town")) == (
        "75",
        "",
        "",
        "town",
    )
    assert split_ids("one; two;;") == ["one", "two"]
    assert [parse_number(t) for t in ("75", "0.5", "75%", "1,5")] == [75.0, 0.5, None, None]
    assert [lesson_id(v) for v in (3, " 3", "03", "intro")] == ["03", "03", "03", "intro"]
    assert (plural(1, "row"), plural(3, "row"), plural(2, "body", "bodies")) == (
        "1 row",
        "3 rows",
        "2 bodies",
    )
    assert [paragraph_key(v) for v in (" 6 ", 6.0, "Headline", "")] == [6, 6, "headline", None]


def test_suggestions():
    assert closest("gardn", ["garden", "gate", "council"]) == ["garden"]
    choices = {"Town Council": "council", "council": "council"}
    assert closest("the town council", choices) == ["council"]
    assert did_you_mean(["garden", "gate"]) == "Did you mean 'garden', 'gate'?"
    assert near("gardn", ["garden", "gate", "council"]) == "Did you mean 'garden'?"


def test_describe_value_expect_and_resolve():
    assert (describe_value(5), describe_value(None), describe_value(["a"], advice=False)) == (
        "the number 5",
        "None (nothing)",
        "a list",
    )
    kinds = expect("person", "texts", function="actor_explorer", what="kinds", example="'p'")
    assert kinds == ["person"]
    with pytest.raises(WrongTypeError) as caught:
        expect(5, "text", function="fact_filter", what="a table's name", example="'events'")
    message = str(caught.value)
    assert message.startswith("fact_filter()"), "the message names the function"
    assert "a table's name" in message and "'events'" in message  # what it takes, an example
    assert "the number 5" in message, "and what was passed"
    choices = {"macron": "macron", "Emmanuel Macron": "macron"}
    assert resolve("Macron ", choices, "actor") == "macron"
    with pytest.raises(UnknownNameError) as caught:
        resolve("macrn", ["macron", "merz"], "actor")
    assert (caught.value.name, caught.value.what) == ("macrn", "actor")
    assert caught.value.suggestions == ["macron"]
    assert "actor 'macrn'" in str(caught.value)
    assert str(caught.value).endswith("Did you mean 'macron'?")


def test_mark_labels():
    assert MARKS["worked out"].label == "worked out"
    outside = mark_label("outside source")
    assert outside.startswith("▲ outside source: "), "the symbol, then the basis"
    assert MARKS["outside source"].short in outside
    assert mark_label("article says").startswith("article says: "), "the article's voice: no symbol"
    assert len({mark_label(basis) for basis in MARKS}) == len(MARKS)
    assert mark_label("") == mark_label("article says"), "no basis: the article's own voice"


def test_a_named_part_reads_in_a_sentence_with_its_article():
    # "Read the headline again", "In the headline, the article writes": not "Read headline".
    from newsfacts.text import paragraph_words

    long = [paragraph_words(k, short=False) for k in (3, "headline", "Byline", "caption 2")]
    assert long == ["paragraph 3", "the headline", "the byline", "caption 2"]
    short = [paragraph_words(k) for k in (3, "headline", "byline", "caption 2")]
    assert short == ["¶ 3", "headline", "byline", "caption 2"]


def test_a_list_of_something_else_than_ids_is_named_as_such():
    with pytest.raises(WrongTypeError) as raised:
        expect([1, 2], "texts", function="map_chart", what="a list of ids", example="['kyiv']")
    # The student did pass a list: the message names what is in it, not "one at a time".
    assert "a list holding the number 1" in str(raised.value)
    assert "one id at a time" not in str(raised.value)
