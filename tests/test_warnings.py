"""What ``check`` warns about but does not fail on (newsfacts.pack.warnings): read with the
pack's problems, in the one reading of the pack, and printed before them."""

from __future__ import annotations

import json
from pathlib import Path

from pack_helpers import MINI_PACK

import newsfacts
from newsfacts.__main__ import main
from newsfacts.load import read_chosen


def _messages(folder: Path) -> str:
    return "\n".join(p.message for p in read_chosen(folder).warnings)


def _add_source_key(pack: Path, key: str) -> None:
    descriptor = pack / "datapackage.json"
    metadata = json.loads(descriptor.read_text(encoding="utf-8"))
    metadata["sources"][0][key] = "https://example.org/story"
    descriptor.write_text(json.dumps(metadata), encoding="utf-8")


def test_warnings_for_an_article_pasted_without_blank_lines(pack):
    (pack / "article.txt").write_text(
        "A headline\n\nVoters gave the party 14 of the 31 seats on Sunday, officials said.\n"
        "Turnout was about 58 percent.\nA council is expected next month.\n",
        encoding="utf-8",
    )
    said = _messages(pack)
    assert "no story paragraph" in said
    assert "byline reads like a sentence" in said
    assert "2 captions and 0 story paragraphs" in said


def test_a_url_key_is_warned_with_did_you_mean(pack, capsys):
    _add_source_key(pack, "url")
    problems = read_chosen(pack).warnings
    assert len(problems) == 1 and "'url'" in problems[0].message
    assert "Did you mean 'path'" in problems[0].message
    assert main(["check", str(pack)]) == 0  # a warning, not a failure
    assert "warning: datapackage.json" in capsys.readouterr().out


def test_the_fixture_and_the_bundled_pack_have_no_warnings():
    assert read_chosen(MINI_PACK).warnings == []
    assert read_chosen(newsfacts.load().path).warnings == []


def test_check_prints_the_warnings_before_the_problems(pack, capsys):
    _add_source_key(pack, "link")
    (pack / "article.txt").write_text("A headline\n\nBy Ana Lima\n", encoding="utf-8")
    assert main(["check", str(pack / "datapackage.json")]) == 1
    out = capsys.readouterr().out
    warned, problems = out.index("2 warnings (the pack still loads):"), out.index("problems in")
    assert warned < out.index("warning: article.txt: the article has no story") < problems
    assert out.index("warning: datapackage.json: source 1 has the key 'link'") < problems


def test_check_reads_each_file_of_the_pack_once(pack, monkeypatch, capsys):
    _add_source_key(pack, "url")
    read, read_bytes = [], Path.read_bytes

    def counted(path: Path) -> bytes:
        read.append(path.name)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    assert main(["check", str(pack)]) == 0
    assert "warning: datapackage.json" in capsys.readouterr().out
    assert {"datapackage.json", "article.txt", "answers.csv"} <= set(read)
    assert sorted(read) == sorted(set(read))
