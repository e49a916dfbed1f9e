import importlib

import pandas as pd
import pytest
from pack_helpers import MINI_PACK

import newsfacts
from newsfacts import Book, UnknownNameError, resources
from newsfacts.book import Citation
from newsfacts.views.show import citation_html

load_module = importlib.import_module("newsfacts.load")  # newsfacts.load is the function


@pytest.fixture(scope="module")
def book() -> Book:
    return newsfacts.load(MINI_PACK)


def test_tables_and_types(book):
    assert book.paragraphs["kind"].tolist()[:3] == ["headline", "byline", "caption"]
    assert book.actors["id"].tolist() == ["costa", "council", "harbour-trust", "fishermen"]
    assert list(book.actors.columns)[:3] == ["id", "name", "kind"]
    assert book.actors["paragraph"].tolist()[:2] == [1, 1], "story paragraphs are numbers"
    assert str(book.figures["value"].dtype) == "float64"
    assert book.figures["value"].tolist() == [60.0, 2019.0]
    assert book.actors.loc[1, "affiliation"] == ""  # empty cells stay text, not NaN
    assert not book.events.isna().any().any()
    for name in ("places", "figures", "events", "claims", "relations", "glossary"):
        assert isinstance(getattr(book, name), pd.DataFrame)
    assert list(book.tables) == [
        "actors",
        "places",
        "figures",
        "events",
        "claims",
        "relations",
        "glossary",
    ]


def test_path_title_metadata(book):
    assert book.path == MINI_PACK
    assert book.title == book.metadata["title"]
    assert isinstance(book.metadata["resources"], list)


def test_load_accepts_a_str_or_the_datapackage_path():
    assert newsfacts.load(str(MINI_PACK)).path == MINI_PACK
    assert newsfacts.load(MINI_PACK / "datapackage.json").path == MINI_PACK


def test_load_rejects_a_number():
    with pytest.raises(TypeError, match="path of a pack folder"):
        newsfacts.load(5)


def test_bundled_resources_are_looked_for_installed_first_then_in_the_source_tree(
    monkeypatch, tmp_path
):
    package = tmp_path / "site-packages" / "newsfacts"
    monkeypatch.setattr(resources, "files", lambda name: package)
    source = resources.bundled("packs/paris-2026", "data/paris-2026")
    assert source.parts[-2:] == ("data", "paris-2026") and source.is_dir()
    (package / "packs" / "paris-2026").mkdir(parents=True)
    assert (
        resources.bundled("packs/paris-2026", "data/paris-2026") == package / "packs" / "paris-2026"
    )
    assert resources.bundled("packs/none", "data/none") == package / "packs" / "none"


def test_bundled_pack_missing_everywhere_is_a_data_error(monkeypatch, tmp_path):
    monkeypatch.setattr(load_module, "bundled_pack", lambda: tmp_path / "a" / "paris-2026")
    with pytest.raises(newsfacts.DataError, match="no such folder"):
        newsfacts.load()


def test_cite(book):
    citation = book.cite("fig-support")
    assert citation == Citation(
        id="fig-support",
        table="figures",
        paragraph=2,
        quote="About 60% of residents back the plan",
        basis="article says",
        note="The article does not say when the survey was taken.",
        paragraph_text=book.paragraphs.loc[4, "text"],  # the story's ¶ 2 is row 4
    )
    assert str(citation) == (
        'fig-support (figures), paragraph 2, article says: "About 60% of residents back the plan"\n'
        "note: The article does not say when the survey was taken."
    )


def test_cite_a_glossary_term_has_no_basis(book):
    citation = book.cite("ferry")
    assert (citation.table, citation.paragraph, citation.basis) == ("glossary", "caption 1", None)
    assert str(citation) == 'ferry (glossary), caption 1: "A ferry crosses the bay"'


def test_citation_is_frozen(book):
    with pytest.raises(AttributeError):
        book.cite("costa").quote = "x"


def test_citation_html_escapes_everything():
    citation = Citation(
        "x<1>", "claims", 3, "<b>bold</b>", "outside source", "a & b", "say <b>bold</b> & more"
    )
    html = citation_html(citation)
    assert "<b>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "x&lt;1&gt;" in html and "a &amp; b" in html
    assert "<mark>&lt;b&gt;bold&lt;/b&gt;</mark>" in html


def test_unknown_id_suggests_the_closest(book):
    with pytest.raises(UnknownNameError) as caught:
        book.cite("costta")
    assert caught.value.name == "costta"
    assert caught.value.suggestions == ["costa"]
    assert "'costta'" in str(caught.value)
    assert str(caught.value).endswith("Did you mean 'costa'?")
    assert isinstance(caught.value, KeyError)


def test_unknown_name_suggests_ids_from_names(book):
    with pytest.raises(UnknownNameError, match="Did you mean 'costa'"):
        book.lookup("Rui Costaa")


def test_unknown_without_anything_close_says_where_ids_are(book):
    with pytest.raises(UnknownNameError, match="book.summary"):
        book.get("zzzzzzzz")


@pytest.mark.parametrize(
    ("value", "words"),
    [(5, "the number 5"), (None, "None (nothing)"), (["costa"], "a list")],
)
def test_wrong_type_is_a_plain_type_error(book, value, words):
    with pytest.raises(TypeError) as caught:
        book.cite(value)
    message = str(caught.value)
    assert message.startswith("cite()"), "the message names the function"
    assert "'costa'" in message, "with an id of this pack as the example"
    assert words in message, "and says what was passed"


def test_get_by_id_or_term_ignoring_capitals(book):
    row = book.get("porto-claro")
    assert isinstance(row, pd.Series)
    assert (row.name, row["name"], row["kind"]) == ("porto-claro", "Porto Claro", "city")
    assert book.get(" Porto-Claro ")["id"] == "porto-claro"
    assert book.get("survey")["definition"].startswith("asking many people")
    with pytest.raises(UnknownNameError):
        book.get("Porto Claro")  # a name: see lookup


def test_lookup_by_name_ignoring_capitals(book):
    assert book.lookup("rui costa")["id"] == "costa"
    assert book.lookup("council")["kind"] == "organisation"


def test_lookup_of_a_name_shared_by_two_rows(pack):
    path = pack / "places.csv"
    text = path.read_text(encoding="utf-8")
    cells = ["costa-town", "Rui Costa", "city", "", "1", "Rui Costa", "article says"]
    cells += [""] * (text.split("\n")[0].count(",") + 1 - len(cells))  # however many columns
    path.write_text(text + ",".join(cells) + "\n", encoding="utf-8")
    with pytest.raises(UnknownNameError, match="'costa', 'costa-town'"):
        newsfacts.load(pack).lookup("Rui Costa")


def test_table_of(book):
    assert book.table_of("bay") == "places"
    assert book.table_of("ev-vote") == "events"
    assert book.table_of("survey") == "glossary"
    with pytest.raises(UnknownNameError):
        book.table_of("nowhere")


def test_mentions_by_name_and_by_references(book):
    assert book.mentions("costa")["paragraph"].tolist() == [1]
    # "fishermen": named in 2; claims and relations citing 2 refer to it
    assert book.mentions("fishermen")["paragraph"].tolist() == [2]
    # the council is named in 1, and claim cl-block (paragraph 2) is not about it,
    # but relation rel-oppose (paragraph 2) targets it and event ev-bridge (3) names it
    assert book.mentions("council")["paragraph"].tolist() == [1, 2, 3]
    # porto-claro: named in 1, events in 3 take place there, a figure (2) is about it
    assert book.mentions("Porto Claro")["paragraph"].tolist() == [1, 2, 3]
    assert list(book.mentions("bay").columns) == ["paragraph", "kind", "text"]


def test_summary_and_repr(book):
    summary = book.summary()
    assert summary["table"].tolist()[:2] == ["paragraphs", "actors"]
    assert summary["rows"].tolist() == [6, 4, 2, 2, 4, 3, 3, 2]
    corner = summary._repr_html_().split("<th>")[1].split("</th>")[0]
    assert corner == "row"  # no empty header cell (axe-core empty-table-header)
    text = repr(book)
    assert book.title in text and "6 paragraphs" in text and "4 actors" in text
