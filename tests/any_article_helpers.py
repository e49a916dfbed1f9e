"""Run the any-article series on a pack, as a class would with NEWSFACTS_PACK set."""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
SERIES = sorted((ROOT / "teacher" / "any-article").glob("[0-9][0-9]-*.ipynb"))

#: Words that would mean a lesson speaks of the bundled Paris article.
PARIS_WORDS = re.compile(
    r"\b(Macron|Paris|Zelensky|Ukraine|Ukrainian|Trump|Kola|Greenland|Venezuela|Kyiv|Russia)\b"
)

WILD_ARTICLE = "\n".join(
    [
        "Greens win most seats in Valmora council vote",
        "Voters in the coastal region of Valmora gave the Green Party 14 of the council's 31 "
        "seats on Sunday, the electoral commission said.",
        "Turnout was about 58 percent, up from 52 percent four years ago.",
        "The Green leader, Tomas Arve, said his party would seek a coalition with the Social "
        "Democrats.",
        "The Social Democrats have not yet said whether they will join talks.",
        "A new council is expected to be sworn in next month.",
    ]
)


def output_text(cell: dict) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts.append("".join(output.get("text", "")))
        for mime in ("text/plain", "text/html", "text/markdown"):
            parts.append("".join(output.get("data", {}).get(mime, "")))
        if output.get("output_type") == "error":
            parts.append(f"{output['ename']}: {output['evalue']}")
    return "\n".join(parts)


def run_series(pack: Path | str, notebooks: list[Path] = SERIES) -> list[tuple[str, str]]:
    """Execute each lesson in a fresh kernel from its own folder with NEWSFACTS_PACK set to
    `pack`; return (lesson, everything it shows: Markdown and outputs). Raises on an error."""
    shown = []
    old = os.environ.get("NEWSFACTS_PACK")
    os.environ["NEWSFACTS_PACK"] = str(pack)
    try:
        for path in notebooks:
            nb = nbformat.read(path, as_version=4)
            NotebookClient(
                nb,
                timeout=180,
                kernel_name="python3",
                resources={"metadata": {"path": str(path.parent)}},
            ).execute()
            text = "\n".join(
                "".join(c["source"]) if c["cell_type"] == "markdown" else output_text(c)
                for c in nb.cells
                if "solution" not in c.get("metadata", {}).get("tags", [])
            )
            shown.append((path.stem, text))
    finally:
        if old is None:
            os.environ.pop("NEWSFACTS_PACK", None)
        else:
            os.environ["NEWSFACTS_PACK"] = old
    return shown
