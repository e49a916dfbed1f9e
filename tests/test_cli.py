import subprocess
import sys

from pack_helpers import MINI_PACK, replace

from newsfacts.__main__ import main


def test_check_a_good_pack(capsys):
    assert main(["check", str(MINI_PACK)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Macron hosts Ukraine and allies to try to cement security guarantees"
    assert any(line.split() == ["paragraphs", "6"] for line in lines)
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
