"""Stored lessons carry the kernelspec JupyterLab writes, so a lesson opens unmodified.

JupyterLab replaces a notebook's kernelspec with the running kernel's own (ipykernel's:
name python3, display name "Python 3 (ipykernel)") when it opens it; a lesson stored with
another display name shows as modified at once and asks to be saved on closing.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import nbformat
import pytest
from ipykernel.kernelspec import KERNEL_NAME, get_kernel_dict

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "teacher").glob("*.ipynb"))


def ipykernel_spec() -> dict[str, str]:
    spec = get_kernel_dict()
    return {"display_name": spec["display_name"], "language": spec["language"], "name": KERNEL_NAME}


def run_notebooks():
    spec = importlib.util.spec_from_file_location(
        "run_notebooks", ROOT / "scripts" / "run_notebooks.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", LESSONS, ids=[f"{p.parent.name}/{p.name}" for p in LESSONS])
def test_stored_kernelspec_is_the_one_ipykernel_installs(path):
    stored = json.loads(path.read_text(encoding="utf-8"))["metadata"]["kernelspec"]
    assert stored == ipykernel_spec(), f"run `make notebooks` to store it in {path.name}"


def test_running_a_notebook_stores_ipykernels_kernelspec(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    path = tmp_path / "lesson.ipynb"
    nbformat.write(nb, path)
    run_notebooks().run(path)
    assert (
        json.loads(path.read_text(encoding="utf-8"))["metadata"]["kernelspec"] == ipykernel_spec()
    )
