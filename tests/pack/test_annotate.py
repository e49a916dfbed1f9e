"""test_annotate, on the bundled pack: tests moved from tests/test_annotate.py that still read
the bundled article's content."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from newsfacts.views.annotate import annotated_article

VOID = {"br", "meta", "img", "hr", "input", "link", "wbr", "source", "col", "area"}


PHRASING = {"span", "a", "mark", "sup", "b", "i", "code", "em", "strong"}


BLOCK = {"div", "p", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section"}


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


@pytest.fixture(scope="module")
def view(paris):
    return annotated_article(paris)


def test_notebook_display_page_and_save(paris, view, tmp_path):
    assert view._repr_html_() == view.html()
    assert view.html().startswith("<style>") and "<script" not in view.html()
    page = view.page()
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in page and '<meta charset="utf-8">' in page
    assert f"<title>Annotated article: {paris.title}</title>" in page
    credit = view.credit()
    assert paris.title in credit and "Paulin Kola" in credit
    assert "rights stay with its publisher" in credit
    assert not read(page).errors
    saved = view.save(tmp_path / "article.html")
    assert saved.read_text(encoding="utf-8") == page
    assert "Annotated" in repr(view)


def test_paragraphs_are_numbered_with_their_kinds(paris, view):
    markup = view.html()
    for number, kind in zip(paris.paragraphs["paragraph"], paris.paragraphs["kind"], strict=True):
        label = f"¶ {number}" if kind == "story" else number
        assert f">{label}</span>" in markup
    assert "Macron hosts Ukraine and allies" in markup
