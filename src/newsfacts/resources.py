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
