"""Speed figures for newsfacts, as ratios that do not depend on the machine's speed.

    python benchmarks/bench.py [--runs N] [--only load,lessons,...] [--skip sizes]

Prints, each timing the median of N runs after one warm-up:
- load: `import newsfacts; newsfacts.load()` in a fresh interpreter against
  `import pandas` alone (target: under 1.3);
- lessons: each lesson executed in a fresh kernel (nbclient) against a baseline notebook
  that imports pandas, ipywidgets and matplotlib and does nothing else (target: under 1.5);
- callback: one change of the actor explorer's selection, in milliseconds (target: under
  50 ms);
- large: loading and validating a pack ten times larger than the bundled one, in seconds;
- sizes: the installed size of three fresh venvs, measured once (a size does not vary from
  run to run): what `make lab` installs (``pip install '.[lab]'``), the Binder requirements
  alone (``pip install -r binder/requirements.txt``), and a bare
  ``pip install jupyterlab ipywidgets pandas``, with the ratios of the first two to the bare
  one. It builds three venvs (pip uses its cache and the indexes configured on the machine),
  so it is the slow section: skip it with ``--skip sizes``;
- memory: the kernel's resident memory (RSS) once each lesson has run in a fresh kernel,
  against a bare kernel that imports pandas, ipywidgets and matplotlib and shows one chart
  and one widget (target: under 1.2). This is what each student's kernel holds on a
  JupyterHub; run only this part with ``--only memory``.
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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "data" / "paris-2026"
BASELINE_CODE = "import pandas\nimport ipywidgets\nimport matplotlib\nimport matplotlib.figure\n"
# The bare kernel of the memory section: what any pandas lesson with one chart and one
# widget holds, so the ratio shows what newsfacts and its lessons add.
BARE_KERNEL_CELLS = [
    "import pandas\nimport ipywidgets\nimport matplotlib.pyplot as plt",
    "fig, ax = plt.subplots()\nax.bar(['a', 'b', 'c'], [3, 1, 2])\nax.set_title('A chart')\n"
    "plt.show()",
    "ipywidgets.IntSlider(value=1, min=0, max=10, description='Paragraph')",
]


def median_time(action, runs: int) -> float:
    action()  # warm-up: file caches, bytecode
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_times(actions: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Median time of each action over `runs` rounds, after one warm-up round.

    Each round runs every action once, in turn, so that a change in the machine's load
    during the benchmark (it may be shared) falls on all of them alike.
    """
    for action in actions.values():
        action()  # warm-up: file caches, bytecode
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(found) for name, found in times.items()}


def python_env() -> dict[str, str]:
    # Bytecode caches on, as on a student's machine.
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True, env=python_env(), cwd=ROOT)


def bench_load(runs: int) -> None:
    medians = median_times(
        {
            "base": lambda: run_python("import pandas"),
            "ours": lambda: run_python("import newsfacts; newsfacts.load()"),
        },
        runs,
    )
    base, ours = medians["base"], medians["ours"]
    print(f"load     import pandas                       {base * 1000:8.0f} ms")
    print(f"load     import newsfacts; newsfacts.load()  {ours * 1000:8.0f} ms")
    print(f"load     ratio {ours / base:.2f} (target < 1.3)")


def execute(path: Path) -> None:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute(stderr=subprocess.DEVNULL)  # the kernel's start-up warnings, not figures


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
        actions = {"baseline": lambda: execute(baseline)}
        actions.update({p.stem: lambda p=p: execute(p) for p in lessons})
        medians = median_times(actions, runs)
    base = medians.pop("baseline")
    print(f"lessons  baseline (imports only)          {base:6.2f} s")
    for name, took in medians.items():
        print(f"lessons  {name:<32} {took:6.2f} s  ratio {took / base:.2f} (target < 1.5)")


def bench_callback(runs: int) -> None:
    import newsfacts
    from newsfacts.views.widgets import actor_explorer

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


def disk_usage(folder: Path) -> int:
    """Bytes a folder takes on disk, as ``du`` counts them (blocks; hard links once)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for top, dirs, names in os.walk(folder):
        for name in [*dirs, *names]:
            info = os.lstat(os.path.join(top, name))
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            total += info.st_blocks * 512
    return total


def quietly(command: list[str]) -> None:
    """Run a command; show its output only if it fails (pip warns a lot, harmlessly)."""
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise subprocess.CalledProcessError(done.returncode, command)


def build_venv(folder: Path, *pip_args: str) -> tuple[int, float]:
    """Make a fresh venv as `make lab` does (venv, newest pip), install; (bytes, seconds)."""
    start = time.perf_counter()
    quietly([sys.executable, "-m", "venv", str(folder)])
    pip = [str(folder / "bin" / "python"), "-m", "pip", "install", "--disable-pip-version-check"]
    quietly([*pip, "--upgrade", "pip"])
    quietly([*pip, *pip_args])
    return disk_usage(folder), time.perf_counter() - start


def own_size(venv: Path) -> int:
    """Bytes of newsfacts itself in a venv: its code and the bundled pack."""
    found = [*venv.glob("lib/python*/site-packages/newsfacts")]
    found += venv.glob("lib/python*/site-packages/newsfacts-*.dist-info")
    return sum(disk_usage(folder) for folder in found)


def bench_sizes(runs: int) -> None:
    del runs  # sizes are measured once
    envs = {
        "bare": ("jupyterlab", "ipywidgets", "pandas"),
        "make lab": (".[lab]",),
        "binder": ("-r", "binder/requirements.txt"),
    }
    with tempfile.TemporaryDirectory() as tmp:
        sizes = {}
        for label, args in envs.items():
            venv = Path(tmp) / label.replace(" ", "-")
            size, took = build_venv(venv, *args)
            sizes[label] = size
            what = " ".join(args)
            print(f"sizes    {label:<9} {what:<32} {size / 2**20:7.0f} MB  ({took:.0f} s to build)")
            if label == "make lab":
                own = own_size(venv) / 2**20
                print(f"sizes    of which newsfacts itself (code and pack) {own:7.1f} MB")
            shutil.rmtree(venv)
    bare = sizes["bare"]
    for label in ("make lab", "binder"):
        extra = (sizes[label] - bare) / 2**20
        print(f"sizes    {label} / bare  ratio {sizes[label] / bare:.2f} ({extra:+.0f} MB)")


def kernel_rss_after(path: Path) -> int:
    """Resident bytes of a fresh kernel once the notebook at `path` has run in it."""
    import nbformat
    import psutil  # installed with ipykernel, which uses it
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(path.parent), stderr=subprocess.DEVNULL)
    try:
        # The client does not own `km`, so it leaves the kernel running after the last cell.
        NotebookClient(nb, km=km, timeout=300, kernel_name="python3").execute()
        time.sleep(0.5)  # let the kernel finish sending its last outputs
        return psutil.Process(km.provisioner.pid).memory_info().rss
    finally:
        km.shutdown_kernel(now=True)


def bench_memory(runs: int) -> None:
    import nbformat

    lessons = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.ipynb"
        cells = [nbformat.v4.new_code_cell(code) for code in BARE_KERNEL_CELLS]
        nb = nbformat.v4.new_notebook(cells=cells)
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        nbformat.write(nb, bare)
        paths = {"bare kernel": bare, **{p.stem: p for p in lessons}}
        found: dict[str, list[int]] = {name: [] for name in paths}
        for _ in range(max(1, runs)):
            for name, path in paths.items():
                found[name].append(kernel_rss_after(path))
    rss = {name: statistics.median(sizes) for name, sizes in found.items()}
    base = rss.pop("bare kernel")
    print(f"memory   kernel RSS after the notebook ran, median of {max(1, runs)} fresh kernels")
    print(f"memory   {'bare (pandas, ipywidgets, matplotlib)':<38} {base / 2**20:6.0f} MB")
    for name, size in rss.items():
        ratio = size / base
        print(f"memory   {name:<38} {size / 2**20:6.0f} MB  ratio {ratio:.2f} (target < 1.2)")


SECTIONS = {
    "load": bench_load,
    "lessons": bench_lessons,
    "callback": bench_callback,
    "large": bench_large,
    "sizes": bench_sizes,
    "memory": bench_memory,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections to run")
    parser.add_argument("--skip", default="", help="sections to leave out, e.g. sizes")
    args = parser.parse_args()
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    skipped = {name.strip() for name in args.skip.split(",") if name.strip()}
    unknown = sorted((set(chosen) | skipped) - set(SECTIONS))
    if unknown:
        parser.error(
            f"unknown section {', '.join(unknown)}; the sections are {', '.join(SECTIONS)}"
        )
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, median of {args.runs} runs")
    for name in chosen:
        if name not in skipped:
            SECTIONS[name](args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
