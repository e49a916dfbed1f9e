"""Speed figures for newsfacts, as ratios that do not depend on the machine's speed.

    python benchmarks/bench.py [--runs N] [--only load,lessons,callback,large]

Prints, each the median of N runs after one warm-up:
- load: `import newsfacts; newsfacts.load()` in a fresh interpreter against
  `import pandas` alone (target: under 1.3);
- lessons: each lesson executed in a fresh kernel (nbclient) against a baseline notebook
  that imports pandas, ipywidgets and matplotlib and does nothing else (target: under 1.5);
- callback: one change of the actor explorer's selection, in milliseconds (target: under
  50 ms);
- large: loading and validating a pack ten times larger than the bundled one, in seconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "data" / "paris-2026"
BASELINE_CODE = "import pandas\nimport ipywidgets\nimport matplotlib\nimport matplotlib.figure\n"


def median_time(action, runs: int) -> float:
    action()  # warm-up: file caches, bytecode
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def python_env() -> dict[str, str]:
    # Bytecode caches on, as on a student's machine.
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True, env=python_env(), cwd=ROOT)


def bench_load(runs: int) -> None:
    base = median_time(lambda: run_python("import pandas"), runs)
    ours = median_time(lambda: run_python("import newsfacts; newsfacts.load()"), runs)
    print(f"load     import pandas                       {base * 1000:8.0f} ms")
    print(f"load     import newsfacts; newsfacts.load()  {ours * 1000:8.0f} ms")
    print(f"load     ratio {ours / base:.2f} (target < 1.3)")


def execute(path: Path) -> None:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()


def bench_lessons(runs: int) -> None:
    import nbformat

    lessons = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    if not lessons:
        print("lessons  no lessons in notebooks/")
        return
    with tempfile.TemporaryDirectory() as tmp:
        baseline = Path(tmp) / "baseline.ipynb"
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(BASELINE_CODE)])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        nbformat.write(nb, baseline)
        base = median_time(lambda: execute(baseline), runs)
    print(f"lessons  baseline (imports only)          {base:6.2f} s")
    for lesson in lessons:
        took = median_time(lambda lesson=lesson: execute(lesson), runs)
        print(f"lessons  {lesson.stem:<32} {took:6.2f} s  ratio {took / base:.2f} (target < 1.5)")


def bench_callback(runs: int) -> None:
    import newsfacts
    from newsfacts.widgets import actor_explorer

    explorer = actor_explorer(newsfacts.load())
    ids = [value for _, value in explorer.control.options]

    def change() -> None:
        for ident in ids:
            explorer.control.value = ident

    per_change = median_time(change, runs) / len(ids)
    print(f"callback actor explorer, one change        {per_change * 1000:6.1f} ms (target < 50)")


def bench_large(runs: int) -> None:
    import newsfacts

    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(shutil.copytree(PACK, Path(tmp) / "large"))
        rows = 0
        for name in ("actors", "places", "figures", "events", "claims", "relations"):
            path = pack / f"{name}.csv"
            header, *lines = path.read_text(encoding="utf-8").splitlines()
            copies = [
                f"{line.split(',', 1)[0]}-x{n},{line.split(',', 1)[1]}"
                for n in range(9)
                for line in lines
            ]
            path.write_text("\n".join([header, *lines, *copies]) + "\n", encoding="utf-8")
            rows += len(lines) * 10
        took = median_time(lambda: newsfacts.load(pack), runs)
    print(f"large    a pack of {rows} fact rows (10x)   {took * 1000:6.0f} ms to load and validate")


SECTIONS = {
    "load": bench_load,
    "lessons": bench_lessons,
    "callback": bench_callback,
    "large": bench_large,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default=",".join(SECTIONS))
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, median of {args.runs} runs")
    for name in args.only.split(","):
        SECTIONS[name.strip()](args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
