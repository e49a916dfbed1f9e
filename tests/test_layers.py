"""The layers show in the imports: no circle, nothing imported from a higher layer, and no
function-local import of the package's own modules (only of heavy libraries at the edges)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "newsfacts"

#: From the bottom: each module may import its own layer and those below.
LAYERS = [
    ("errors", "text", "marks", "resources", "links"),
    ("pack",),
    ("book", "load"),
    ("views", "plots"),
    ("lesson", "teacher", "anyarticle", "compare", "newpack",
     "tagging", "profile"),
    ("__main__", "__init__"),
]  # fmt: skip
#: Modules that views and plots never import: the reader, the rules, the warnings, the command line.
NOT_FOR_VIEWS = ("newsfacts.pack.read", "newsfacts.pack.rules", "newsfacts.pack.warnings")


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(name: str) -> int:
    first = name.split(".")[1] if "." in name else "__init__"
    return next(n for n, members in enumerate(LAYERS) if first in members)


def imports(path: Path) -> tuple[set[str], list[str]]:
    """The newsfacts modules a file imports at its top, and those imported in functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top, local = set(), []
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    inner = {id(n) for f in functions for n in ast.walk(f) if n is not f}
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsfacts"):
            names = [node.module]
            names += [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.startswith("newsfacts")]
        known = [n for n in names if (SRC.parent / n.replace(".", "/")).with_suffix(".py").exists()
                 or (SRC.parent / n.replace(".", "/") / "__init__.py").exists()]  # fmt: skip
        if id(node) in inner:
            local += known
        else:
            top |= set(known)
    return top, local


GRAPH = {module_name(p): imports(p) for p in SRC.rglob("*.py")}


def test_no_import_climbs_to_a_higher_layer():
    climbing = [
        f"{name} imports {other}"
        for name, (top, _) in GRAPH.items()
        for other in top
        if other != "newsfacts" and layer(other) > layer(name)
    ]
    assert not climbing, climbing


def test_views_and_plots_never_import_the_reader_the_rules_or_the_command_line():
    found = [
        f"{name} imports {other}"
        for name, (top, local) in GRAPH.items()
        if name.split(".")[1:2] in (["views"], ["plots"])
        for other in {*top, *local}
        if other in NOT_FOR_VIEWS or other == "newsfacts.__main__" or other == "newsfacts.pack"
    ]
    assert not found, found


def test_the_imports_make_no_circle():
    def visit(name: str, path: list[str]) -> list[str] | None:
        if name in path:
            return path[path.index(name) :] + [name]
        for other in sorted(GRAPH.get(name, (set(), []))[0]):
            if other in GRAPH and other != name and not other.startswith(name + "."):
                found = visit(other, [*path, name])
                if found:
                    return found
        return None

    for name in GRAPH:
        if name.count(".") >= 1 and not name.endswith("__main__"):
            circle = visit(name, [])
            # A package importing its own submodules (newsfacts.pack -> newsfacts.pack.read)
            # is how a package presents them, not a circle.
            assert circle is None or all(c.startswith(circle[0]) for c in circle), circle


def test_no_function_local_import_of_the_packages_own_modules():
    found = {name: local for name, (_, local) in GRAPH.items() if local}
    assert not found, found
