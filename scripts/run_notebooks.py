"""Re-execute the lessons and store their outputs, the same way every time.

    python scripts/run_notebooks.py [NOTEBOOK_OR_FOLDER ...]   (default: notebooks/)

A folder's notebooks include those one folder down (notebooks/any-article/).

Each notebook runs top to bottom in a fresh kernel, from its own folder (as in
JupyterLab). What would change from one run to the next is left out, so running this
twice in a row changes nothing in git:
- no execution timings and no saved widget state (its model ids are random);
- an output that displays a widget keeps only a plain-text stand-in, "Run this cell to
  show the interactive widget", which is also what a student sees before running it,
  and its cell gets the tag nbval-ignore-output (a widget's output is the one thing
  nbval cannot compare); every other cell is compared;
- what a cell prints is stored as one output per stream: the kernel sends printed text in
  chunks that depend on timing, so consecutive stdout (or stderr) outputs are joined.
A cell that raises stops the run with the notebook's name and the error.

The notebook's kernelspec is the one the kernel's own spec gives (ipykernel: name python3,
"Python 3 (ipykernel)"), which is what JupyterLab writes on opening: with any other
display name a lesson would show as modified the moment a student opens it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
IGNORE = "nbval-ignore-output"
KERNEL = "python3"
STAND_IN = "Run this cell to show the interactive widget."


def notebooks(args: list[str]) -> list[Path]:
    paths = [Path(a) for a in args] or [Path(__file__).resolve().parents[1] / "notebooks"]
    found: list[Path] = []
    for path in paths:
        # A folder's lessons, then those of its any-article/ series (one level down).
        found.extend(
            sorted(path.glob("*.ipynb"))
            + sorted(p for p in path.glob("*/*.ipynb") if not p.parent.name.startswith("."))
            if path.is_dir()
            else [path]
        )
    return found


def without_widget_views(nb: nbformat.NotebookNode) -> None:
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        tags = [t for t in cell.metadata.get("tags", []) if t != IGNORE]
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                del data[WIDGET_VIEW]
                data["text/plain"] = STAND_IN
                tags.append(IGNORE)
        if tags:
            cell.metadata["tags"] = list(dict.fromkeys(tags))
        else:
            cell.metadata.pop("tags", None)


def joined_streams(nb: nbformat.NotebookNode) -> None:
    for cell in nb.cells:
        outputs = []
        for output in cell.get("outputs", []):
            last = outputs[-1] if outputs else None
            if (
                output.get("output_type") == "stream"
                and last is not None
                and last.get("output_type") == "stream"
                and last.get("name") == output.get("name")
            ):
                last["text"] += output["text"]
            else:
                outputs.append(output)
        if cell.cell_type == "code":
            cell.outputs = outputs


def kernelspec(name: str = KERNEL) -> dict[str, str]:
    """The notebook metadata JupyterLab writes for the installed kernel `name`."""
    spec = KernelSpecManager().get_kernel_spec(name)
    return {"display_name": spec.display_name, "language": spec.language, "name": name}


def run(path: Path) -> None:
    # The stored outputs are those of the pack the repository chooses (any-article-pack.txt),
    # never of a pack a shell happens to name in NEWSFACTS_PACK.
    os.environ.pop("NEWSFACTS_PACK", None)
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = kernelspec()
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name=KERNEL,
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=False,
    )
    client.execute()
    without_widget_views(nb)
    joined_streams(nb)
    nbformat.write(nb, path)


def main(argv: list[str] | None = None) -> int:
    for path in notebooks(sys.argv[1:] if argv is None else argv):
        print(f"running {path}", flush=True)
        run(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
