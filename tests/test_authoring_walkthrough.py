"""Follow docs/authoring.md from `newsfacts new` to the any-article lessons, as a teacher would.

The article, the commands, the rows typed into the tables and the setting line are all read
from the guide itself, so the guide cannot drift from what the commands do: paste the
made-up wire story (no byline, single line breaks), run `new` and `credit`, add the rows,
run `check`, point the series at the pack and run its five lessons (nbclient, with
NEWSFACTS_PACK as a hub would set it).
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from any_article_helpers import PARIS_WORDS, ROOT, run_series

import newsfacts
from newsfacts.__main__ import main
from newsfacts.anyarticle import SETTING, chosen_pack

GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
COMMAND = re.compile(r"^\.venv/bin/python -m newsfacts (.+)$", flags=re.M)
ROWS = re.compile(r"^\*\*(\w+\.csv)\*\*[^\n]*\n\n```csv\n(.*?)^```$", flags=re.M | re.S)


def blocks(language: str = "") -> list[str]:
    """The guide's fenced blocks opened with ```language (and only those), in order."""
    found, current, opened = [], [], None
    for line in GUIDE.splitlines(keepends=True):
        if line.startswith("```"):
            if opened is None:
                opened, current = line[3:].strip(), []
            else:
                if opened == language:
                    found.append("".join(current))
                opened = None
        elif opened is not None:
            current.append(line)
    return found


def command(name: str) -> list[str]:
    """The guide's command line of one subcommand, as arguments."""
    lines = [shlex.split(line) for line in COMMAND.findall(GUIDE)]
    return next(line for line in lines if line[0] == name)


def run(argv: list[str], capsys) -> tuple[int, str]:
    status = main(argv)
    return status, capsys.readouterr().out


@pytest.fixture
def made(tmp_path, monkeypatch, capsys) -> Path:
    """Sections 1 and 3 of the guide, done in a fresh project folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    article = blocks("text")[0]
    assert article.startswith("Riverton council") and "\n\n" not in article
    Path("bridge.txt").write_text(article, encoding="utf-8")
    status, out = run(command("new"), capsys)
    assert status == 0
    shown = next(b for b in blocks() if b.startswith("Made the pack"))
    assert out == shown
    assert run(command("credit"), capsys)[0] == 0
    folder = tmp_path / "data" / "bridge-vote"
    for table, rows in ROWS.findall(GUIDE):  # typed under line 1, as in a spreadsheet
        with open(folder / table, "a", encoding="utf-8", newline="") as handle:
            handle.write(rows)
    return folder


def test_the_guides_pack_is_checked_clean(made, capsys):
    status, out = run(["check", str(made)], capsys)
    assert status == 0 and out.endswith("No problems found.\n") and "warning" not in out
    book = newsfacts.load(made)
    assert book.paragraphs.loc[1, "text"] == "(no byline)"
    assert list(book.paragraphs["kind"]).count("story") == 4
    credit = book.metadata["sources"][0]
    assert credit["publisher"] == "Riverton Gazette" and credit["path"].startswith("https://")
    assert book.title == "Riverton council approves new bridge by one vote"
    assert len(book.claims) == 3 and len(book.events) == 3
    status, out = run(["paragraphs", str(made)], capsys)
    assert out.splitlines()[1].split()[:3] == ["byline", "byline", "(no"]


def test_the_guides_warning_is_what_check_prints(made, capsys):
    descriptor = made / "datapackage.json"
    metadata = json.loads(descriptor.read_text(encoding="utf-8"))
    metadata["sources"][0]["url"] = metadata["sources"][0].pop("path")
    descriptor.write_text(json.dumps(metadata), encoding="utf-8")
    status, out = run(["check", str(made)], capsys)
    shown = next(b for b in blocks() if "warning:" in b)
    assert status == 0 and out.startswith(shown)


def test_the_guides_setting_line_chooses_the_pack(made, monkeypatch):
    monkeypatch.delenv("NEWSFACTS_PACK", raising=False)
    setting = next(b for b in blocks("text") if b.startswith("data/"))
    (made.parents[1] / SETTING).write_text(setting, encoding="utf-8")
    lessons = made.parents[1] / "notebooks" / "any-article"
    lessons.mkdir(parents=True)
    assert chosen_pack(lessons) == (made, SETTING)


def test_the_series_runs_on_the_guides_pack(made):
    shown = dict(run_series(made))
    assert len(shown) == 5
    everything = "\n".join(shown.values())
    assert "The article: Riverton council approves new bridge by one vote" in everything
    assert not PARIS_WORDS.findall(everything)
    who_speaks = next(text for name, text in shown.items() if name.startswith("02-"))
    assert "The vote count comes only from the mayor" in who_speaks  # the pack's own prompt
    reading = next(text for name, text in shown.items() if name.startswith("01-"))
    assert "built from the article" in reading  # no quiz for lesson 11: built, and said so
