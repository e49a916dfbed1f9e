"""The Binder set-up in binder/: what repo2docker reads, and that its pins fit the lessons.

- `jupyter-repo2docker --no-build .` (no Docker engine needed) must show that it reads
  binder/requirements.txt, builds Python 3.11 and runs binder/postBuild;
- every third-party package the lessons import (their code cells, and the newsfacts modules
  those reach) is pinned exactly in binder/requirements.txt;
- ipywidgets, jupyterlab_widgets and widgetsnbextension are in step;
- each pin satisfies pyproject.toml, and the pins satisfy each other.
"""

from __future__ import annotations

import ast
import importlib.metadata as md
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

REPO = Path(__file__).resolve().parents[1]
BINDER = REPO / "binder"
PACKAGE = "newsfacts"
SRC = REPO / "src" / PACKAGE
RUNTIME_PYTHON = "3.11"
# Import names that differ from the distribution that provides them.
IMPORT_TO_DIST = {
    "IPython": "ipython",
    "mpl_toolkits": "matplotlib",
    "PIL": "pillow",
    "sklearn": "scikit-learn",
    "yaml": "pyyaml",
    "bs4": "beautifulsoup4",
    "dateutil": "python-dateutil",
}
# ipywidgets major version -> the majors of its JupyterLab and classic-notebook front ends.
WIDGET_FRONTENDS = {
    7: {"jupyterlab-widgets": 1, "widgetsnbextension": 3},
    8: {"jupyterlab-widgets": 3, "widgetsnbextension": 4},
}


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def pins() -> dict[str, Version]:
    """binder/requirements.txt as {canonical name: pinned version}; every line an exact pin."""
    result = {}
    for line in (BINDER / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        specs = list(req.specifier)
        assert len(specs) == 1 and specs[0].operator == "==" and "*" not in specs[0].version, (
            f"binder/requirements.txt: {line!r} is not an exact pin (name==version)"
        )
        name = canonicalize_name(req.name)
        assert name not in result, f"binder/requirements.txt pins {req.name} twice"
        result[name] = Version(specs[0].version)
    return result


def pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text())


def runtime_env() -> dict[str, str]:
    """Marker environment of the Binder image: Linux, Python 3.11."""
    env = default_environment()
    env.update(
        python_version=RUNTIME_PYTHON,
        python_full_version=f"{RUNTIME_PYTHON}.0",
        sys_platform="linux",
        platform_system="Linux",
        os_name="posix",
    )
    return env


def applies(req: Requirement, extra: str = "") -> bool:
    return req.marker is None or req.marker.evaluate({**runtime_env(), "extra": extra})


# --------------------------------------------------------------------------- imports


class _Imports(ast.NodeVisitor):
    """Absolute module names imported, skipping `if TYPE_CHECKING:` blocks and imports
    guarded by `except ImportError` (optional ones)."""

    def __init__(self, package: str | None = None):
        self.package = package  # for relative imports
        self.names: set[str] = set()

    def visit_If(self, node: ast.If) -> None:
        test = ast.unparse(node.test)
        if test in {"TYPE_CHECKING", "typing.TYPE_CHECKING"}:
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def visit_Try(self, node: ast.Try) -> None:
        optional = any(
            h.type is not None
            and re.search(r"\b(ImportError|ModuleNotFoundError)\b", ast.unparse(h.type))
            for h in node.handlers
        )
        if not optional:
            for child in node.body:
                self.visit(child)
        for child in [*node.handlers, *node.orelse, *node.finalbody]:
            self.visit(child)

    def visit_Import(self, node: ast.Import) -> None:
        self.names.update(alias.name for alias in node.names)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            if not self.package:
                return
            base = self.package.split(".")
            base = base[: len(base) - node.level + 1]
            module = ".".join(base + ([node.module] if node.module else []))
        else:
            module = node.module or ""
        if not module:
            return
        self.names.add(module)
        # `from pkg import sub` may import the submodule pkg.sub
        self.names.update(f"{module}.{alias.name}" for alias in node.names if alias.name != "*")


def imports_in(code: str, package: str | None = None) -> set[str]:
    visitor = _Imports(package)
    visitor.visit(ast.parse(code))
    return visitor.names


def notebook_code(path: Path) -> str:
    """A notebook's code cells as one Python source, IPython magics and shell lines left out."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        src = cell.get("source", "")
        src = "".join(src) if isinstance(src, list) else src
        if src.lstrip().startswith("%%"):
            continue  # a cell magic: not Python
        lines = [
            ln
            for ln in src.splitlines()
            if not ln.lstrip().startswith(("%", "!")) and not ln.rstrip().endswith("?")
        ]
        cells.append("\n".join(lines))
    return "\n\n".join(cells)


def notebook_imports(path: Path) -> set[str]:
    code = notebook_code(path)
    try:
        return imports_in(code)
    except SyntaxError:  # fall back to the plain import lines
        names = set()
        for line in code.splitlines():
            m = re.match(r"\s*(?:from\s+([\w.]+)\s+import|import\s+([\w., ]+))", line)
            if m and m.group(1):
                names.add(m.group(1))
            elif m:
                names.update(n.split(" as ")[0].strip() for n in m.group(2).split(","))
        return names


def library_modules() -> dict[str, Path]:
    """{dotted module name: file} for src/newsfacts."""
    modules = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def lesson_imports() -> dict[str, set[str]]:
    """{top-level third-party import: where it is imported} for what the lessons run: their
    code cells, and every newsfacts module they reach (the package's __init__ included)."""
    modules = library_modules()
    found: dict[str, set[str]] = {}
    todo: list[str] = [PACKAGE]
    for nb in sorted((REPO / "notebooks").glob("*.ipynb")):
        for name in notebook_imports(nb):
            todo.append(name)
            found.setdefault(name.split(".")[0], set()).add(f"notebooks/{nb.name}")
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        parts = name.split(".")
        if parts[0] != PACKAGE:
            continue
        # importing a.b.c runs a, a.b and a.b.c
        for i in range(1, len(parts) + 1):
            mod = ".".join(parts[:i])
            if mod in seen or mod not in modules:
                continue
            seen.add(mod)
            path = modules[mod]
            package = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
            for imported in imports_in(path.read_text(encoding="utf-8"), package):
                todo.append(imported)
                top = imported.split(".")[0]
                found.setdefault(top, set()).add(str(path.relative_to(REPO)))
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    return {top: where for top, where in found.items() if top not in stdlib and top != PACKAGE}


def dist_of(import_name: str) -> str:
    if import_name in IMPORT_TO_DIST:
        return canonicalize_name(IMPORT_TO_DIST[import_name])
    dists = md.packages_distributions().get(import_name)
    return canonicalize_name(dists[0] if dists else import_name)


# --------------------------------------------------------------------------- the files


def test_runtime_is_python_311():
    assert (BINDER / "runtime.txt").read_text().strip() == f"python-{RUNTIME_PYTHON}"
    requires = pyproject()["project"].get("requires-python")
    if requires:
        from packaging.specifiers import SpecifierSet

        assert Version(RUNTIME_PYTHON) in SpecifierSet(requires)


def test_postbuild_installs_the_library_and_is_executable():
    path = BINDER / "postBuild"
    lines = path.read_text().splitlines()
    assert lines[0] == "#!/bin/bash"
    assert "set -e" in (ln.strip() for ln in lines)
    assert any(re.match(r"\s*pip install --no-deps -e \.\s*$", ln) for ln in lines)
    assert os.access(path, os.X_OK), "chmod +x binder/postBuild"
    staged = subprocess.run(
        ["git", "ls-files", "-s", "binder/postBuild"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    if staged:  # tracked: git must record the executable bit too, or Binder gets 644
        assert staged.startswith("100755"), "git update-index --chmod=+x binder/postBuild"


def test_requirements_are_exact_pins():
    assert pins(), "binder/requirements.txt pins nothing"


def test_lab_settings_overrides_name_real_settings():
    path = BINDER / "overrides.json"
    if not path.exists():
        pytest.skip("no binder/overrides.json")
    overrides = json.loads(path.read_text())
    try:
        from jupyterlab.commands import get_app_dir
    except ImportError:
        pytest.skip("jupyterlab is not installed")
    schemas = Path(get_app_dir()) / "schemas"
    for plugin, settings in overrides.items():
        package, _, name = plugin.rpartition(":")
        schema_file = schemas / package / f"{name}.json"
        assert schema_file.exists(), f"overrides.json: no JupyterLab plugin {plugin}"
        known = json.loads(schema_file.read_text()).get("properties", {})
        for key in settings:
            assert key in known, f"overrides.json: {plugin} has no setting {key!r}"


# --------------------------------------------------------------------------- repo2docker


def test_repo2docker_reads_the_binder_folder():
    exe = shutil.which("jupyter-repo2docker", path=str(Path(sys.executable).parent))
    exe = exe or shutil.which("jupyter-repo2docker")
    if not exe:
        message = "jupyter-repo2docker is not installed (pip install -e '.[test]')"
        if on_ci():
            pytest.fail(message)
        pytest.skip(message)
    proc = subprocess.run(
        [exe, "--no-build", "."],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-3000:]
    assert re.search(r"pip install .*-r \"?binder/requirements\.txt", out), (
        "repo2docker does not install binder/requirements.txt:\n" + out[-3000:]
    )
    assert re.search(r"python[=-]3\.11\b|py-?3\.11\b", out), (
        "repo2docker does not build Python 3.11:\n" + out[-3000:]
    )
    assert re.search(r"^RUN \.?/?binder/postBuild\s*$", out, re.M), (
        "repo2docker does not run binder/postBuild:\n" + out[-3000:]
    )


# --------------------------------------------------------------------------- the pins


def test_every_package_the_lessons_import_is_pinned():
    pinned = pins()
    missing = []
    for top, where in sorted(lesson_imports().items()):
        dist = dist_of(top)
        if dist not in pinned:
            try:
                hint = f"{dist}=={md.version(dist)}"
            except md.PackageNotFoundError:
                hint = dist
            missing.append(f"{top} (pin {hint}; imported in {', '.join(sorted(where))})")
    assert not missing, "binder/requirements.txt misses:\n" + "\n".join(missing)


def test_runtime_dependencies_are_pinned():
    """postBuild installs the library with --no-deps: Binder gets only what is pinned."""
    pinned = pins()
    for spec in pyproject()["project"].get("dependencies", []):
        req = Requirement(spec)
        if applies(req):
            assert canonicalize_name(req.name) in pinned, (
                f"pyproject.toml needs {spec}: pin it in binder/requirements.txt"
            )


def test_widget_packages_are_in_step():
    pinned = pins()
    assert "ipywidgets" in pinned, "pin ipywidgets in binder/requirements.txt"
    major = pinned["ipywidgets"].major
    assert major in WIDGET_FRONTENDS, f"unknown ipywidgets major version {major}"
    for dist, front_major in WIDGET_FRONTENDS[major].items():
        assert dist in pinned, f"pin {dist} {front_major}.x next to ipywidgets {major}.x"
        assert pinned[dist].major == front_major, (
            f"ipywidgets {pinned['ipywidgets']} needs {dist} {front_major}.x, not {pinned[dist]}"
        )


def test_pins_satisfy_pyproject():
    pinned = pins()
    project = pyproject()["project"]
    specs = [(s, "") for s in project.get("dependencies", [])]
    specs += [(s, "lab") for s in project.get("optional-dependencies", {}).get("lab", [])]
    bad = []
    for spec, extra in specs:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        if name in pinned and applies(req, extra):
            if not req.specifier.contains(pinned[name], prereleases=True):
                bad.append(f"{name}=={pinned[name]} does not satisfy pyproject.toml's {spec!r}")
    assert not bad, "\n".join(bad)


def test_pins_satisfy_each_other():
    """Each pinned package's own requirements (read from the installed copy, when it is the
    pinned version) accept the other pins, and its Requires-Python accepts 3.11."""
    pinned = pins()
    checked = 0
    bad = []
    for name, version in pinned.items():
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        if Version(dist.version) != version:
            continue
        checked += 1
        requires_python = dist.metadata.get("Requires-Python")
        if requires_python:
            from packaging.specifiers import SpecifierSet

            if Version(RUNTIME_PYTHON) not in SpecifierSet(requires_python):
                bad.append(f"{name}=={version} needs Python {requires_python}")
        for spec in dist.requires or []:
            req = Requirement(spec)
            other = canonicalize_name(req.name)
            if other in pinned and applies(req):
                if not req.specifier.contains(pinned[other], prereleases=True):
                    bad.append(f"{name}=={version} needs {spec}, pinned {other}=={pinned[other]}")
    if not checked:
        pytest.skip("none of the pinned versions is installed here")
    assert not bad, "\n".join(bad)
