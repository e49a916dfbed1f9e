"""Friendly errors: plain words for newsfacts' own errors and the commonest pandas slips,
the full traceback for anything else (a bug in the library still shows as a bug)."""

from __future__ import annotations

import re

import nbformat
import pytest
from nbclient import NotebookClient
from pack_helpers import MINI_PACK

import newsfacts
from newsfacts.errors import UnknownNameError
from newsfacts.lesson import notebook

IPython = pytest.importorskip("IPython.core.interactiveshell")
START = f"from newsfacts.lesson import *\nbook = start({str(MINI_PACK)!r})"  # the mini pack


def test_name_error_suggests_the_closest_name():
    text = notebook.message_for(NameError("name 'boook' is not defined"), None, ["book", "check"])
    assert "'book'" in text and "Traceback" not in text


def test_our_errors_keep_their_message_and_other_errors_get_none():
    error = UnknownNameError("macrn", ["macron"])
    assert notebook.message_for(error) == str(error)
    assert notebook.message_for(ZeroDivisionError("division by zero")) is None
    assert notebook.message_for(ValueError("math domain error")) is None


def test_a_huge_unknown_name_gives_a_short_message():
    assert len(str(UnknownNameError("x" * 100_000, []))) < 200


@pytest.fixture
def shell(tmp_path):
    shell = IPython.InteractiveShell.instance()
    try:
        yield shell
    finally:
        notebook.stop(shell)
        IPython.InteractiveShell.clear_instance()


def run(shell, capsys, code: str) -> tuple[bool, str]:
    capsys.readouterr()
    result = shell.run_cell(code)
    return result.success, re.sub(r"\x1b\[[0-9;]*m", "", "".join(capsys.readouterr()))


def test_start_installs_a_checker_bound_to_its_book(shell, capsys):
    ok, _ = run(shell, capsys, START)
    assert ok and shell.user_ns["check"].book is shell.user_ns["book"]
    ok, text = run(shell, capsys, "print(check('expected-events', ['ev-vote']))")
    assert ok and "✓" in text


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("book.cite('costta')", ["There is no id or name 'costta'", "'costa'"]),
        ("book.cite(5)", ["you passed the number 5"]),
        (
            'book.claims["speakr"]',
            ["no column 'speakr'", "Did you mean 'speaker'", "Its columns are"],
        ),
        (
            'book.claims[["speaker", "speakr"]]',
            ["no column 'speakr'", "Did you mean 'speaker'", "Its columns are"],
        ),
        ("book.claim", ["no table 'claim'", "Did you mean 'claims'", "Its tables are"]),
        ("book.claims.speakr", ["no column 'speakr'", "Did you mean 'speaker'"]),
        (
            'e = book.events\ne[e["modality"] == "happened" and e["place"] == "bay"]',
            ["`&`", """e[(e['modality'] == 'happened') & (e['place'] == 'bay')]"""],
        ),
        ("boook", ["Python does not know the name 'boook'", "Did you mean 'book'"]),
    ],
)
def test_a_students_slip_shows_plain_words_and_no_traceback(shell, capsys, code, words):
    assert run(shell, capsys, START)[0]
    ok, text = run(shell, capsys, code)
    assert not ok
    for word in words:
        assert word in text, text
    assert "Traceback" not in text and "File " not in text and "site-packages" not in text


@pytest.mark.parametrize(
    "code",
    [
        "1 + 'a'",
        "import pandas as pd\npd.Series([1]).loc[5]",  # a KeyError that is no column
        "class Thing: pass\nThing().missing",
        "int('x')",
    ],
)
def test_other_errors_keep_their_traceback(shell, capsys, code):
    run(shell, capsys, START)
    ok, text = run(shell, capsys, code)
    assert not ok and ("Traceback" in text or "Cell In[" in text), text


def test_a_bug_inside_the_library_keeps_its_full_traceback(shell, capsys, monkeypatch):
    run(shell, capsys, START)
    monkeypatch.setattr(newsfacts.Book, "summary", lambda self: {}["no such key"])
    ok, text = run(shell, capsys, "book.summary()")
    assert not ok and "KeyError" in text and "lambda self" in text, text


def test_start_friendly_false_leaves_tracebacks_alone(shell, capsys):
    run(shell, capsys, START.replace("start(", "start(friendly=False, pack="))
    ok, text = run(shell, capsys, "book.cite('costta')")
    assert not ok and ("Traceback" in text or "Cell In[" in text)


def test_in_a_real_kernel(tmp_path):
    """The same in a real kernel, as a lesson runs: the outputs a student sees."""
    cells = [
        START,
        'book.claims["speakr"]',
        "book.claim",
        'c = book.claims\nc[c["speaker"] == "costa" and c["basis"] == "someone says"]',
        "import newsfacts.book\nnewsfacts.book.Book.summary = lambda self: 1 / 0\nbook.summary()",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
    errors = [next(o for o in cell.outputs if o.output_type == "error") for cell in nb.cells[1:]]
    text = ["\n".join(re.sub(r"\x1b\[[0-9;]*m", "", line) for line in e.traceback) for e in errors]
    assert "no column 'speakr'" in text[0] and "Did you mean 'speaker'" in text[0]
    assert "no table 'claim'" in text[1]
    assert "(c['speaker'] == 'costa') & (c['basis'] == 'someone says')" in text[2]
    for plain in text[:3]:
        assert "Traceback" not in plain and "File " not in plain and "Cell In[" not in plain
    assert "ZeroDivisionError" in text[3] and "1 / 0" in text[3], "a bug keeps its traceback"
