import subprocess
import sys

import pytest
from pack_helpers import MINI_PACK, replace

from newsfacts.__main__ import main


def test_check_a_good_pack(capsys):
    assert main(["check", str(MINI_PACK)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Harbour town votes on a new bridge"
    [paragraphs] = [line for line in lines if line.split()[:2] == ["paragraphs", "6"]]
    assert "3 story paragraphs" in paragraphs  # the headline, byline and caption aside
    assert any(line.split() == ["actors", "4"] for line in lines)
    assert any(line.split() == ["glossary", "2"] for line in lines)
    assert "No problems found." in out


def test_check_a_broken_pack_prints_every_problem(pack, capsys):
    replace(pack / "actors.csv", "costa,Rui Costa,person", "costa,Rui Costa,preson")
    (pack / "glossary.csv").write_bytes(b"")
    assert main(["check", str(pack)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("2 problems in the pack at ")
    assert "actors.csv, line 2, id 'costa', column 'kind'" in out
    assert "glossary.csv: the file is empty" in out
    assert "Traceback" not in out


def test_check_a_folder_that_does_not_exist(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nowhere")]) == 1
    assert "there is no such folder" in capsys.readouterr().out


def test_cite(capsys):
    assert main(["cite", "fig-support", "--pack", str(MINI_PACK)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        'fig-support (figures), paragraph 2, article says: "About 60% of residents back the plan"'
    )


def test_cite_an_unknown_id(capsys):
    assert main(["cite", "costta", "--pack", str(MINI_PACK)]) == 1
    captured = capsys.readouterr()
    assert "Did you mean 'costa'?" in captured.err
    assert captured.out == ""


def test_no_command_is_a_usage_error(capsys):
    assert main([]) == 2
    assert "usage:" in capsys.readouterr().err


def test_python_dash_m_exits_with_the_status(pack):
    (pack / "places.csv").unlink()
    result = subprocess.run(
        [sys.executable, "-m", "newsfacts", "check", str(pack)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "places.csv: the file is missing" in result.stdout
    assert "Traceback" not in result.stderr


def test_credit_on_a_broken_datapackage_says_where_in_plain_words(tmp_path, capsys):
    (tmp_path / "datapackage.json").write_text('{"title": ', encoding="utf-8")
    assert main(["credit", str(tmp_path), "--title", "A title"]) == 1
    out = capsys.readouterr().out
    assert "datapackage.json, line 1" in out and "not valid JSON" in out


def test_a_date_off_the_calendar_is_refused(pack, capsys):
    for date in ("2020-13", "2019-02-30"):
        assert main(["credit", str(pack), "--date", date]) == 1
        assert repr(date) in capsys.readouterr().out
    assert main(["credit", str(pack), "--date", "2020-02-29"]) == 0


def test_a_bug_in_a_command_keeps_its_traceback(pack, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug inside the library")

    monkeypatch.setattr("newsfacts.__main__.set_credit", broken)
    with pytest.raises(ValueError, match="a bug inside the library"):
        main(["credit", str(pack), "--title", "A title"])


def test_new_into_a_pack_folder_is_refused_as_a_newsfacts_error(pack, tmp_path):
    from newsfacts import NewsfactsError, PackExistsError
    from newsfacts.newpack import new_pack

    article = tmp_path / "article.txt"
    article.write_text("Title\n\nBy A\n\nOne.\n", encoding="utf-8")
    with pytest.raises(PackExistsError, match="already holds a pack") as raised:
        new_pack(pack, article)
    assert isinstance(raised.value, NewsfactsError) and isinstance(raised.value, FileExistsError)
