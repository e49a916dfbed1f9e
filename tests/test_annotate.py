"""The annotated article: every quote highlighted and linked, well-formed, escaped, usable."""

from __future__ import annotations

import csv
import doctest
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from chromium import chromium_page
from markupsafe import escape
from pack_helpers import replace

import newsfacts
from newsfacts.marks import mark_label
from newsfacts.views import annotate
from newsfacts.views.annotate import KINDS, annotated_article

HOSTILE = '<script>alert(1)</script> & "Friends"'
VOID = {"br", "meta", "img", "hr", "input", "link", "wbr", "source", "col", "area"}
PHRASING = {"span", "a", "mark", "sup", "b", "i", "code", "em", "strong"}
BLOCK = {"div", "p", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section"}


# The text of each paragraph as the browser renders it, leaving out the ¶ number, the
# kind letters after the quotes and the (hidden) cards.
PARAGRAPH_TEXTS = """() => Array.from(document.querySelectorAll('.nf-par')).map(p => {
  const copy = p.cloneNode(true);
  copy.querySelectorAll('.nf-pnum, .nf-tag, .nf-card').forEach(e => e.remove());
  return copy.textContent.trim();
})"""


# --------------------------------------------------------------------------- helpers


class Reader(HTMLParser):
    """Check that tags balance and nest sensibly; collect the highlights and their facts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self.paragraph: str | None = None
        self.highlights: list[dict] = []  # paragraph, text, href, facts [(kind, key)]
        self.ids: list[str] = []
        self.text: list[str] = []
        self._in_link = False
        self._card_fact: list[str] | None = None

    def classes(self, attrs: dict) -> set[str]:
        return set((attrs.get("class") or "").split())

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag in BLOCK and any(t in PHRASING for t, _ in self.stack):
            self.errors.append(f"<{tag}> inside <{self.stack[-1][0]}>")
        classes = self.classes(attrs)
        if tag == "div" and "nf-par" in classes:
            self.paragraph = attrs["id"]
        if tag == "a" and "nf-hl" in classes:
            self._in_link = True
            self.highlights.append(
                {"paragraph": self.paragraph, "text": "", "href": attrs["href"], "facts": []}
            )
        if tag == "span" and "nf-card-fact" in classes:
            self._card_fact = []
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1][0] if self.stack else ''}>")
            return
        _, attrs = self.stack.pop()
        classes = self.classes(attrs)
        if tag == "a" and "nf-hl" in classes:
            self._in_link = False
        if tag == "b" and self._card_fact is not None and len(self._card_fact) == 0:
            self._card_fact.append(self._pending)
        if tag == "code" and self._card_fact is not None and len(self._card_fact) == 1:
            self.highlights[-1]["facts"].append((self._card_fact[0], self._pending))
            self._card_fact = None

    def handle_data(self, data):
        self.text.append(data)
        self._pending = data
        if self._in_link and not any(t == "sup" for t, _ in self.stack):
            self.highlights[-1]["text"] += data

    def close(self):
        super().close()
        if self.stack:
            self.errors.append(f"never closed: {[t for t, _ in self.stack]}")


def read(markup: str) -> Reader:
    reader = Reader()
    reader.feed(markup)
    reader.close()
    return reader


def write_csv(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def add_row(path: Path, values: dict[str, str]) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows.append([values.get(column, "") for column in rows[0]])
    write_csv(path, rows)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def view(book):
    return annotated_article(book)


@pytest.fixture
def hostile_pack(pack: Path) -> Path:
    """The mini pack with markup, ampersands and double quotes in its texts."""
    replace(
        pack / "article.txt",
        "The bridge was first proposed in 2019.",
        f"The bridge was first proposed in 2019 by {HOSTILE} of the Bay.",
    )
    add_row(
        pack / "actors.csv",
        {
            "id": "friends",
            "name": HOSTILE,
            "kind": "group",
            "role": "<b>proposed</b> the bridge & more",
            "paragraph": "3",
            "quote": f"{HOSTILE} of the Bay",
            "basis": "article says",
            "note": f"{HOSTILE} in a note",
        },
    )
    add_row(
        pack / "glossary.csv",
        {
            "term": '<i>bay</i> & "cove"',
            "definition": HOSTILE,
            "paragraph": "3",
            "quote": HOSTILE,
        },
    )
    meta = json.loads((pack / "datapackage.json").read_text(encoding="utf-8"))
    meta["title"] = f"{HOSTILE} title"
    meta["sources"][0]["author"] = HOSTILE
    (pack / "datapackage.json").write_text(json.dumps(meta), encoding="utf-8")
    return pack


# --------------------------------------------------------------------------- tests


def test_docstring_examples():
    assert doctest.testmod(annotate, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0


def test_every_quote_of_the_bundled_pack_is_highlighted_and_linked(book, view):
    reader = read(view.html())
    assert not reader.errors
    assert len(reader.highlights) == len(view.segments) > 0
    texts = dict(zip(book.paragraphs["paragraph"], book.paragraphs["text"], strict=True))
    checked = skipped = 0
    for table in view.tables:
        frame = book.tables[table]
        for row in frame.to_dict("records"):
            if not row["quote"] or row["basis"] == "outside source":
                skipped += 1
                continue
            key = (KINDS[table].name, row["id"])
            paragraph_id = f"{view.prefix}-p{str(row['paragraph']).replace(' ', '-')}"
            pieces = [
                h for h in reader.highlights if h["paragraph"] == paragraph_id and key in h["facts"]
            ]
            assert "".join(h["text"] for h in pieces) == row["quote"], key
            start = texts[row["paragraph"]].find(row["quote"])
            assert start >= 0
            anchor = next(f.anchor for f in view.facts if (f.table, f.key) == (table, row["id"]))
            assert anchor in reader.ids  # its row in the table of facts
            assert pieces[0]["href"].startswith("#") and pieces[0]["href"][1:] in reader.ids
            checked += 1
    assert checked + skipped == sum(len(book.tables[t]) for t in view.tables) == len(view.facts)
    assert checked > skipped
    assert not view.unplaced


def test_notebook_display_page_and_save(book, view, tmp_path):
    assert view._repr_html_() == view.html()
    assert view.html().startswith("<style>") and "<script" not in view.html()
    page = view.page()
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in page and '<meta charset="utf-8">' in page
    assert f"<title>Annotated article: {book.title}</title>" in page
    credit = view.credit()  # the article's headline and author
    headline = book.paragraphs.loc[book.paragraphs["kind"] == "headline", "text"].iloc[0]
    assert f"“{headline}” by {book.metadata['sources'][0]['author']}" in credit
    assert "rights stay with its publisher" in credit
    assert not read(page).errors
    saved = view.save(tmp_path / "article.html")
    assert saved.read_text(encoding="utf-8") == page
    assert "Annotated" in repr(view)


def test_paragraphs_are_numbered_with_their_kinds(book, view):
    markup = view.html()
    for number, kind in zip(book.paragraphs["paragraph"], book.paragraphs["kind"], strict=True):
        label = f"¶ {number}" if kind == "story" else number
        assert f">{label}</span>" in markup
    assert "Harbour town votes on a new bridge" in markup


def test_the_default_kinds_and_all(book):
    assert annotated_article(book).tables == ("actors", "places", "figures", "events", "claims")
    every = annotated_article(book, "all")
    assert every.tables == tuple(KINDS)
    # every row of every kind it knows (an optional table such as perspectives is not a kind)
    assert len(every.facts) == sum(len(book.tables[t]) for t in every.tables)
    assert annotated_article(book, ["claim", "Figures"]).tables == ("figures", "claims")
    with pytest.raises(ValueError, match="'relations'"):
        annotated_article(book, ["relatoins"])


def test_inferred_and_context_rows_carry_their_marks(pack):
    view = annotated_article(newsfacts.load(pack), "all")
    by_key = {f.key: f for f in view.facts}
    assert (
        by_key["rel-oppose"].basis == "worked out" and by_key["rel-trust"].basis == "outside source"
    )
    markup = view.html()
    assert ">R◆</sup>" in markup and ">R▲</sup>" in markup
    assert mark_label("worked out") in markup and mark_label("outside source") in markup
    # the context row's quote is in the article too, so it is highlighted (marked ▲)
    assert any(by_key["rel-trust"] in s.facts for s in view.segments)


def test_overlapping_and_nested_quotes_split_into_pieces(pack):
    view = annotated_article(newsfacts.load(pack))
    pieces = [(s.text, sorted(f.key for f in s.facts)) for s in view.segments if s.paragraph == 1]
    assert pieces == [
        ("The town council of ", ["council"]),
        ("Porto Claro", ["council", "porto-claro"]),  # nested
        ("will vote next week", ["cl-vote", "ev-vote"]),  # nested
        (" on a plan to build ", ["cl-vote"]),
        ("a bridge", ["bay", "cl-vote"]),  # overlapping
        (" across the bay", ["bay"]),
        ("mayor Rui Costa", ["costa"]),
        ("said on Monday", ["ev-announce"]),
    ]
    reader = read(view.html())
    assert not reader.errors
    overlap = next(h for h in reader.highlights if h["text"] == "a bridge")
    assert set(overlap["facts"]) == {("place", "bay"), ("claim", "cl-vote")}


def test_a_quote_twice_in_its_paragraph_is_anchored_to_the_first(pack):
    replace(
        pack / "article.txt",
        "The bridge was first proposed in 2019.",
        "The bridge was first proposed in 2019. The bridge was rejected in 2021.",
    )
    add_row(
        pack / "places.csv",
        {"id": "bridge", "name": "the bridge", "kind": "area", "paragraph": "3"}
        | {"quote": "The bridge", "basis": "article says"},
    )
    view = annotated_article(newsfacts.load(pack), ["places"])
    (piece,) = [s for s in view.segments if s.paragraph == 3]
    assert (piece.start, piece.text) == (0, "The bridge")


def test_pack_text_is_escaped_and_renders_as_text(hostile_pack):
    book = newsfacts.load(hostile_pack)
    for tables in (None, "all"):
        view = annotated_article(book, tables)
        assert any(f.key == "friends" for s in view.segments for f in s.facts)
        for markup in (view.html(), view.page()):
            assert "<script" not in markup.lower()
            assert "<b>proposed" not in markup and "<i>bay" not in markup
            assert str(escape(HOSTILE)) in markup  # &lt;script&gt;... &amp; &#34;Friends&#34;
            assert "&amp; more" in markup
            assert not read(markup).errors
    page = annotated_article(book, "all").page()
    assert "<title>Annotated article: &lt;script&gt;" in page


def test_a_quote_not_in_its_paragraph_is_listed_not_highlighted(pack):
    book = newsfacts.load(pack)  # load() refuses such a pack; a hand-made Book may not
    book.figures.loc[book.figures["id"] == "fig-year", "quote"] = "not in the article"
    book.events.loc[book.events["id"] == "ev-vote", "quote"] = ""
    view = annotated_article(book)
    assert sorted(f.key for f in view.unplaced) == ["ev-vote", "fig-year"]
    assert "quote not found in its paragraph" in view.html() and "no quote" in view.html()
    assert not any(f.key in ("ev-vote", "fig-year") for s in view.segments for f in s.facts)


def test_colour_is_never_alone(view):
    lines = [k.line for k in KINDS.values()]
    shapes = {(k.line, k.side) for k in KINDS.values()}
    assert len(shapes) == len(KINDS) and all(lines)
    assert len({k.letter for k in KINDS.values()}) == len(KINDS)
    legend = view.html().split('class="nf-article"')[0]
    for table in view.tables:
        assert KINDS[table].line_words in legend


@pytest.mark.browser
def test_the_page_opens_in_chromium_as_text(view, hostile_pack, tmp_path):
    path = view.save(tmp_path / "annotated.html")
    hostile = annotated_article(newsfacts.load(hostile_pack), "all").save(tmp_path / "h.html")
    dialogs: list[str] = []
    with chromium_page() as page:
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri())
        body = page.inner_text("body")
        shown = page.evaluate(PARAGRAPH_TEXTS)  # each ¶ without its letters and cards
        assert shown == [t.replace("\n", "") for t in view.book.paragraphs["text"]]
        assert "Ana Lúcia Lima" in body and "How to read the highlights" in body
        for raw in ("<div", "<mark", "<span", "&lt;", "&amp;", "&quot;"):
            assert raw not in body
        # no card is shown until a highlight is pointed at or focused
        assert page.locator(".nf-card:visible").count() == 0
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.className")
        assert "nf-hl" in focused
        card = page.locator(".nf-card:visible")
        assert card.count() == 1 and "council" in card.inner_text()
        page.screenshot(path="/tmp/newsfacts-annotated-focus.png")
        # a click jumps to the fact's row in the table under the article (the card closed)
        page.evaluate("document.activeElement.blur()")
        link = page.locator("a.nf-hl", has_text="About 60% of").first
        link.click()
        assert page.evaluate("location.hash") == "#" + link.get_attribute("href")[1:]
        row = page.locator("tr.nf-row:target")
        assert row.count() == 1 and "About 60% of" in row.inner_text()  # a fact quoting it
        page.screenshot(path="/tmp/newsfacts-annotated.png", full_page=True)

        page.goto(hostile.as_uri())
        body = page.inner_text("body")
        assert HOSTILE in body and '<i>bay</i> & "cove"' in body
        assert page.locator("script").count() == 0
    assert dialogs == []


def test_lesson_0_words_wait_for_the_lesson_that_teaches_them(book, view):
    # "hedge" is taught in lesson 3; the legend (lesson 0) and summary (lesson 1) come first.
    legend = view.html().split('class="nf-article"')[0]
    assert "the article&#39;s small words before it (about, more than ...)" in legend
    assert "hedge" not in legend
    assert "hedge" not in " ".join(book.summary()["description"])
    assert "are the lessons', not the publisher's" in view.credit()


BYLINES = [
    ("By ANA LÚCIA LIMA and JOÃO REIS", "ANA LÚCIA LIMA and JOÃO REIS"),
    ("by: Ana Lúcia Lima and João Reis", "Ana Lúcia Lima and João Reis"),
    ("Byron Hale", "Byron Hale"),  # a name that starts with "By" keeps it
]


@pytest.mark.parametrize(("byline", "author"), BYLINES)
def test_credit_takes_the_author_from_a_byline_without_its_by(pack, byline, author):
    # A pasted byline often starts with "By"; with no author in the credit, the credit line
    # names the byline's authors once ("by Ana ..."), not "by By Ana ...".
    replace(pack / "article.txt", "\nAna Lúcia Lima\n", f"\n{byline}\n")
    replace(pack / "datapackage.json", '"author": "Ana Lúcia Lima"', '"author": ""')
    credit = annotated_article(newsfacts.load(pack)).credit()
    assert f"” by {author}." in credit
