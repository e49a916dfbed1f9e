"""The one finder of what the package ships: the bundled pack and the map outlines.

The wheel puts them inside the package (``newsfacts/packs/paris-2026``, ``newsfacts/maps``);
an editable install finds them in the source tree (``data/...``), so both work from any
folder.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def bundled(installed: str, source: str) -> Path:
    """The installed copy (``installed``, inside the package) if it exists, else the source
    tree's (``source``, from the repository's root); the installed place when neither does,
    so that a message names where it was looked for.

    >>> bundled("maps/outlines.geojson", "data/maps/outlines.geojson").name
    'outlines.geojson'
    """
    inside = Path(str(files("newsfacts"))) / installed
    tree = Path(__file__).resolve().parents[2] / source
    return inside if inside.exists() or not tree.exists() else tree


#: The file at the repository root that names the pack the any-article series reads.
SETTING = "any-article-pack.txt"


def repository_root(start_at: Path | None = None) -> Path | None:
    """The project's folder: the first of the folder and its parents holding the setting
    file or ``pyproject.toml`` beside ``data/``; then the source tree this module is in."""
    here = (start_at or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        if (folder / SETTING).is_file() or (
            (folder / "pyproject.toml").is_file() and (folder / "data").is_dir()
        ):
            return folder
    source = Path(__file__).resolve().parents[2]
    if (source / "data").is_dir():
        return source
    return None
