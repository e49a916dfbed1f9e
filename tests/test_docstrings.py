"""Run the examples in the docstrings, so they cannot drift from the code."""

import doctest
import importlib
import pkgutil

import pytest

import newsfacts

MODULES = sorted(name for _, name, _ in pkgutil.iter_modules(newsfacts.__path__, "newsfacts.")) + [
    "newsfacts"
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
