from pathlib import Path

from newsfacts import DataError
from newsfacts.pack.article import read_article, split_paragraphs

MINI = Path(__file__).parent / "fixtures" / "mini-pack"
ARTICLE = "Title here\n\nA. Writer\nFirst caption\nSecond caption\n\nBody one.\n\nBody two."


def test_kinds_and_numbers():
    paragraphs = split_paragraphs(ARTICLE)
    assert list(paragraphs.columns) == ["paragraph", "kind", "text"]
    assert paragraphs["paragraph"].tolist() == [
        "headline",
        "byline",
        "caption 1",
        "caption 2",
        1,
        2,
    ], "the story is numbered from 1; the parts above it are named"
    assert paragraphs["kind"].tolist() == [
        "headline",
        "byline",
        "caption",
        "caption",
        "story",
        "story",
    ]
    assert paragraphs["text"].tolist() == [
        "Title here",
        "A. Writer",
        "First caption",
        "Second caption",
        "Body one.",
        "Body two.",
    ]


def test_body_keeps_its_line_breaks():
    paragraphs = split_paragraphs("T\n\nB\n\nline one\nline two  \n\nlast")
    assert paragraphs["text"].tolist()[2] == "line one\nline two  "
    assert paragraphs["kind"].tolist() == ["headline", "byline", "story", "story"]


def test_windows_line_ends_several_blank_lines_and_spaces_are_one_break():
    text = "T\r\n\r\n\r\nB\r\n   \r\nbody\r\n\r\n"
    paragraphs = split_paragraphs(text)
    assert paragraphs["text"].tolist() == ["T", "B", "body"]
    assert paragraphs["kind"].tolist() == ["headline", "byline", "story"]


def test_title_only_and_empty_text():
    assert split_paragraphs("Just a title\n")["kind"].tolist() == ["headline"]
    assert len(split_paragraphs("\n\n")) == 0


def test_read_article_of_the_mini_pack():
    paragraphs, damaged, problems = read_article(MINI, "article.txt")
    assert paragraphs["kind"].tolist() == [
        "headline",
        "byline",
        "caption",
        "story",
        "story",
        "story",
    ]
    assert paragraphs.loc[1, "text"] == "Ana Lúcia Lima"
    assert not damaged and not problems


def test_read_article_names_the_line_of_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes("Title\n\nAna L\u00facia\n\nbody".encode("latin-1"))
    paragraphs, damaged, problems = read_article(tmp_path, "article.txt")
    message = str(DataError(problems))
    assert "article.txt, line 3:" in message
    assert "0xFA" in message and "byte offset 12" in message
    assert "UTF-8" in message
    assert damaged == {"byline"}, "the paragraph with the bad byte is kept, marked as damaged"


def test_read_article_drops_a_byte_order_mark(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes("\ufeffTitle\n\nBy".encode())
    assert read_article(tmp_path, "article.txt")[0].loc[0, "text"] == "Title"


def test_a_missing_or_empty_article_is_a_problem_not_a_crash(tmp_path):
    assert "missing" in read_article(tmp_path, "article.txt")[2][0].message
    (tmp_path / "article.txt").write_text("\n\n")
    paragraphs, _, problems = read_article(tmp_path, "article.txt")
    assert paragraphs is None and "empty" in problems[0].message
