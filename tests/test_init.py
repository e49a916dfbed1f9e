import subprocess
import sys

import newsfacts


def test_public_api():
    assert set(newsfacts.__all__) >= {"load", "Book", "DataError", "UnknownNameError"}
    for name in newsfacts.__all__:
        assert getattr(newsfacts, name) is not None
    assert issubclass(newsfacts.DataError, ValueError)
    assert issubclass(newsfacts.UnknownNameError, KeyError)
    assert callable(newsfacts.load)


def test_version_is_a_string():
    assert isinstance(newsfacts.__version__, str) and newsfacts.__version__


def test_unknown_attribute_is_an_attribute_error():
    try:
        newsfacts.no_such_thing  # noqa: B018
    except AttributeError as error:
        assert "no_such_thing" in str(error)
    else:
        raise AssertionError("no AttributeError")


def test_import_does_not_load_widgets_or_plotting():
    code = (
        "import newsfacts, sys; "
        "print('ipywidgets' in sys.modules, 'matplotlib' in sys.modules, "
        "'frictionless' in sys.modules, 'jinja2' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False", "False", "False"]


def test_one_public_name_one_meaning():
    """Two modules never export different things under the same name (prompts' headings
    once shared the name KINDS with the annotated article's highlight kinds)."""
    import importlib
    import pkgutil

    seen: dict[str, tuple[str, object]] = {}
    clashes = []
    for info in pkgutil.walk_packages(newsfacts.__path__, "newsfacts."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", []):
            value = getattr(module, name)
            if name in seen and seen[name][1] is not value:
                clashes.append(f"{name}: {seen[name][0]} and {info.name}")
            seen.setdefault(name, (info.name, value))
    assert not clashes, clashes
