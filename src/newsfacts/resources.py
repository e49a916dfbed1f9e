"""The one finder of what the package ships: the bundled pack and the map outlines, inside the
package in a wheel (``newsfacts/packs/paris-2026``), in the source tree (``data/...``) else."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

#: The source tree this module is in (the repository's root, in an editable install).
SOURCE = Path(__file__).resolve().parents[2]
#: The file at the repository root that names the pack the any-article series reads.
SETTING = "any-article-pack.txt"
#: The environment variable naming that pack; it wins over the setting file.
ENVIRONMENT = "NEWSFACTS_PACK"


def bundled(installed: str, source: str) -> Path:
    """The installed copy if it exists, else the source tree's; the installed place when neither
    does, so a message names it."""
    inside = Path(str(files("newsfacts"))) / installed
    return inside if inside.exists() or not (SOURCE / source).exists() else SOURCE / source


def repository_root(start_at: Path | None = None) -> Path | None:
    """The project's folder: the first of the folder and its parents holding the setting
    file or ``pyproject.toml`` beside ``data/``; then the source tree this module is in."""
    here = (start_at or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        project = (folder / "pyproject.toml").is_file() and (folder / "data").is_dir()
        if (folder / SETTING).is_file() or project:
            return folder
    return SOURCE if (SOURCE / "data").is_dir() else None
