"""Run the examples in the docstrings of every module, subpackages included, so they cannot
drift from the code."""

import doctest
import importlib
from pathlib import Path

import pytest

import newsfacts

SRC = Path(newsfacts.__file__).parent
MODULES = sorted(
    ".".join(("newsfacts", *p.relative_to(SRC).with_suffix("").parts)).removesuffix(".__init__")
    for p in SRC.rglob("*.py")
    if p.name != "__main__.py"
)


def test_every_module_is_found():
    assert {
        "newsfacts",
        "newsfacts.views.show",
        "newsfacts.plots.maps",
        "newsfacts.pack.read",
    } <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
