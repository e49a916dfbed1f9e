"""The map file (data/maps), its recorded sources, and plots.map_chart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from matplotlib.path import Path as Outline
from pack_helpers import problems_of, replace

import newsfacts
from newsfacts.errors import UnknownNameError
from newsfacts.plots import map_chart
from newsfacts.plots.maps import map_data

ROOT = Path(__file__).resolve().parents[2]
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


EUROPE = ["ukraine", "russia", "france", "denmark", "donetsk", "luhansk", "paris", "kyiv"]
EUROPE += ["moscow", "lipetsk"]
ATLANTIC = ["greenland", "denmark", "us", "florida", "new-york", "venezuela", "washington"]


def test_every_location_in_the_pack_is_an_outline_of_the_map_file(book):
    areas, _ = map_data()
    for table in (book.actors, book.places):
        codes = [c for c in table["iso_code"].fillna("") if c]
        assert codes
        for code in codes:
            assert code in areas, code


@pytest.mark.parametrize("ids", [EUROPE, ATLANTIC], ids=["europe", "atlantic"])
def test_a_map_labels_and_describes_each_id_from_the_pack(book, ids):
    chart = map_chart(book, ids, title="Where it happens")
    ax = chart.figure.axes[0]
    labels = [t.get_text() for t in ax.texts]
    body = book.paragraphs[book.paragraphs["kind"] == "body"]
    for ident in ids:
        row = book.get(ident)
        name, para = row["name"], int(row["paragraph"])
        if para not in set(body["paragraph"]):  # the title: the first body paragraph naming it
            para = int(body[body["text"].str.contains(name)]["paragraph"].iloc[0])
        assert f"{name} ¶{para}" in labels, name
        assert name in chart.alt
        assert f"{name} (" in chart.description
    assert chart.caption.startswith("Where it happens.")
    assert "Natural Earth 5.1.1" in chart.caption and "2022" in chart.caption
    assert "no front line" in chart.description
    assert chart.figure.texts, "the limits are written under the map"
    assert chart.png() == map_chart(book, ids, title="Where it happens").png()


def test_a_label_points_at_a_body_paragraph_not_the_title(book):
    # "Ukraine ¶0" once pointed at the headline; students look for it among the paragraphs.
    assert book.get("ukraine")["paragraph"] == 0
    labels = [t.get_text() for t in map_chart(book, ["ukraine"]).figure.axes[0].texts]
    first = book.paragraphs[(book.paragraphs["kind"] == "body")]
    first = first[first["text"].str.contains("Ukraine")]["paragraph"].iloc[0]
    assert f"Ukraine ¶{first}" in labels and "Ukraine ¶0" not in labels


def test_a_place_from_outside_the_article_is_marked_and_has_no_paragraph(book):
    # A capital the article never names hangs on its country's paragraph: no "¶" on the map.
    outside = book.places[(book.places["basis"] == "context") & (book.places["latitude"].notna())]
    assert len(outside) > 0
    row = outside.iloc[0]
    chart = map_chart(book, [row["id"]])
    labels = [t.get_text() for t in chart.figure.axes[0].texts]
    assert f"▲ {row['name']}" in labels
    assert not any(label.startswith(f"▲ {row['name']} ¶") for label in labels)
    assert (
        f"{row['name']} (city, ▲ outside source: the article does not name it)" in chart.description
    )


@pytest.mark.parametrize("ids", [EUROPE, ATLANTIC], ids=["europe", "atlantic"])
def test_the_lines_of_latitude_are_labelled_and_a_scale_bar_is_drawn(book, ids):
    # Lessons 4 and 5 ask for distances counted in lines of latitude, 10 degrees apart.
    chart = map_chart(book, ids)
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


def test_country_hatching_cannot_be_taken_for_lines_of_latitude(book):
    chart = map_chart(book, ["ukraine", "donetsk"])
    hatches = {c.get_hatch() for c in chart.figure.axes[0].collections if c.get_hatch()}
    assert hatches and not hatches & {"-", "--", "---", "|", "||", "+", "++"}
    assert "horizontal" not in chart.description


def test_every_pack_place_with_coordinates_is_a_dot_in_view(book):
    ids = located(book)
    chart = map_chart(book, ids)
    ax = chart.figure.axes[0]
    dots = {
        (round(float(line.get_xdata()[0]), 3), round(float(line.get_ydata()[0]), 3))
        for line in ax.lines
        if line.get_marker() == "o"
    }
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    places = book.places[book.places["latitude"].notna()]
    assert len(places) >= 4
    for row in places.itertuples():
        assert f"{row.latitude:.2f}°" in chart.description
        assert row.location_source in chart.description
    assert len(dots) == len(places)
    for x, y in dots:
        assert x0 < x < x1 and y0 < y < y1


def test_the_crimea_note_and_the_articles_numbers_come_with_ukraine(book):
    chart = map_chart(book, ["ukraine", "donetsk"])
    assert "resolution 68/262" in chart.description
    quote = book.figures.loc[book.figures["subject"] == "donetsk", "quote"].iloc[0]
    assert quote in chart.description
    assert "68/262" not in map_chart(book, ["france"]).description


def test_an_id_without_a_location_is_listed_not_drawn(book):
    no_code = book.places["iso_code"].fillna("") == ""
    no_location = book.places.loc[no_code & book.places["latitude"].isna()]
    name = no_location["name"].iloc[0]
    chart = map_chart(book, [no_location["id"].iloc[0], "paris"])
    assert f"Not on the map (the fact tables give it no location): {name}." in chart.description
    with pytest.raises(ValueError, match="location_source"):
        map_chart(book, [no_location["id"].iloc[0]])


def test_a_mistyped_id_suggests_the_right_one(book):
    with pytest.raises(UnknownNameError, match="ukraine"):
        map_chart(book, ["ukrain"])


def test_the_alt_text_and_labels_come_from_the_pack(pack):
    replace(
        pack / "places.csv",
        "Porto Claro,city,,3,Porto Claro,reported,,,,,",
        "Porto Claro,city,,3,Porto Claro,reported,,38.72,-9.14,,a test atlas",
    )
    chart = map_chart(newsfacts.load(pack), ["porto-claro"], title="A made-up town")
    assert "Porto Claro" in chart.alt
    assert "Porto Claro ¶3" in [t.get_text() for t in chart.figure.axes[0].texts]
    assert "38.72° N, 9.14° W (location: a test atlas)" in chart.description


def test_a_location_without_its_source_is_a_check_problem(pack):
    replace(
        pack / "places.csv",
        "Porto Claro,city,,3,Porto Claro,reported,,,,,",
        "Porto Claro,city,,3,Porto Claro,reported,,38.72,-9.14,,",
    )
    error = problems_of(pack)
    (problem,) = [p for p in error.problems if p.column == "location_source"]
    assert (problem.file, problem.id) == ("places.csv", "porto-claro")
    assert "location_source is empty" in str(problem) and "GeoNames" in str(problem)


def test_a_latitude_out_of_range_is_a_check_problem(pack):
    replace(
        pack / "places.csv",
        "Porto Claro,city,,3,Porto Claro,reported,,,,,",
        "Porto Claro,city,,3,Porto Claro,reported,,98,-9.14,,a test atlas",
    )
    error = problems_of(pack)
    assert any(p.column == "latitude" and "90" in str(p) for p in error.problems)
