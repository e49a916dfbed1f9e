"""Friendly messages for students' typos, installed into a real IPython shell."""

from __future__ import annotations

import re

import pytest

from newsfacts.lesson import notebook as friendly
from newsfacts.errors import UnknownNameError


def test_name_error_suggests_the_closest_name():
    text = friendly.message_for(NameError("name 'boook' is not defined"), ["book", "check"])
    assert "'book'" in text and "Traceback" not in text


def test_unknown_name_error_keeps_its_message():
    error = UnknownNameError("macrn", ["macron"])
    assert friendly.message_for(error) == str(error)


def test_enable_outside_ipython_does_nothing():
    assert friendly.enable() is False


def test_enable_in_ipython_shows_the_message_not_a_traceback(capsys):
    shell_mod = pytest.importorskip("IPython.core.interactiveshell")
    shell = shell_mod.InteractiveShell.instance()
    try:
        assert friendly.enable(shell)
        shell.run_cell("import newsfacts; book = newsfacts.load()")
        result = shell.run_cell("book.cite('zelenski')")
        out = capsys.readouterr()
        assert not result.success
        text = out.out + out.err
        assert "zelensky" in text
        assert "Traceback" not in text
    finally:
        shell.set_custom_exc((), None)
        shell_mod.InteractiveShell.clear_instance()


def _shell_with_friendly_errors():
    shell_mod = pytest.importorskip("IPython.core.interactiveshell")
    shell = shell_mod.InteractiveShell.instance()
    friendly.enable(shell)
    return shell_mod, shell


def test_a_type_error_from_newsfacts_shows_only_its_message(capsys):
    shell_mod, shell = _shell_with_friendly_errors()
    try:
        shell.run_cell("import newsfacts; book = newsfacts.load()")
        capsys.readouterr()
        result = shell.run_cell("book.cite(5)")
        text = "".join(capsys.readouterr())
        assert not result.success
        assert "you passed the number 5" in text and "Traceback" not in text
    finally:
        shell.set_custom_exc((), None)
        shell_mod.InteractiveShell.clear_instance()


def test_a_type_error_in_the_students_own_code_keeps_its_traceback(capsys):
    shell_mod, shell = _shell_with_friendly_errors()
    try:
        result = shell.run_cell("1 + 'a'")
        text = re.sub(r"\x1b\[[0-9;]*m", "", "".join(capsys.readouterr()))
        assert not result.success
        assert "Traceback" in text or "TypeError" in text
        assert "1 + 'a'" in text, "the usual traceback shows the failing line"
    finally:
        shell.set_custom_exc((), None)
        shell_mod.InteractiveShell.clear_instance()


def test_a_huge_unknown_name_gives_a_short_message():
    error = UnknownNameError("x" * 100_000, [])
    assert len(str(error)) < 200
