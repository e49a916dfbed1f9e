"""test_maps, on the bundled pack: tests moved from tests/test_maps.py that still read
the bundled article's content."""

from __future__ import annotations

import re

import pytest

import newsfacts
from newsfacts.plots import map_chart
from newsfacts.plots.maps import map_data


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


ATLANTIC = ["greenland", "denmark", "us", "florida", "new-york", "venezuela", "washington"]


def test_every_location_in_the_pack_is_an_outline_of_the_map_file(paris):
    areas, _ = map_data()
    for table in (paris.actors, paris.places):
        codes = [c for c in table["iso_code"].fillna("") if c]
        assert codes
        for code in codes:
            assert code in areas, code


@pytest.mark.parametrize("ids", [EUROPE, ATLANTIC], ids=["europe", "atlantic"])
def test_a_map_labels_and_describes_each_id_from_the_pack(paris, ids):
    chart = map_chart(paris, ids, title="Where it happens")
    ax = chart.figure.axes[0]
    labels = [t.get_text() for t in ax.texts]
    story = paris.paragraphs[paris.paragraphs["kind"] == "story"]
    for ident in ids:
        row = paris.get(ident)
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
    assert chart.png() == map_chart(paris, ids, title="Where it happens").png()


def test_a_label_points_at_a_body_paragraph_not_the_title(paris):
    # "Ukraine headline" would point at the headline; students look for it in the story.
    assert paris.get("ukraine")["paragraph"] == "headline"
    labels = [t.get_text() for t in map_chart(paris, ["ukraine"]).figure.axes[0].texts]
    first = paris.paragraphs[(paris.paragraphs["kind"] == "story")]
    first = first[first["text"].str.contains("Ukraine")]["paragraph"].iloc[0]
    assert f"Ukraine ¶{first}" in labels and not any("headline" in label for label in labels)


def test_a_place_from_outside_the_article_is_marked_and_has_no_paragraph(paris):
    # A capital the article never names hangs on its country's paragraph: no "¶" on the map.
    outside = paris.places[
        (paris.places["basis"] == "outside source") & (paris.places["latitude"].notna())
    ]
    assert len(outside) > 0
    row = outside.iloc[0]
    chart = map_chart(paris, [row["id"]])
    labels = [t.get_text() for t in chart.figure.axes[0].texts]
    assert f"▲ {row['name']}" in labels
    assert not any(label.startswith(f"▲ {row['name']} ¶") for label in labels)
    assert (
        f"{row['name']} (city, ▲ outside source: the article does not name it)" in chart.description
    )


@pytest.mark.parametrize("ids", [EUROPE, ATLANTIC], ids=["europe", "atlantic"])
def test_the_lines_of_latitude_are_labelled_and_a_scale_bar_is_drawn(paris, ids):
    # Lessons 4 and 5 ask for distances counted in lines of latitude, 10 degrees apart.
    chart = map_chart(paris, ids)
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


def test_country_hatching_cannot_be_taken_for_lines_of_latitude(paris):
    chart = map_chart(paris, ["ukraine", "donetsk"])
    hatches = {c.get_hatch() for c in chart.figure.axes[0].collections if c.get_hatch()}
    assert hatches and not hatches & {"-", "--", "---", "|", "||", "+", "++"}
    assert "horizontal" not in chart.description


def test_every_pack_place_with_coordinates_is_a_dot_in_view(paris):
    ids = located(paris)
    chart = map_chart(paris, ids)
    ax = chart.figure.axes[0]
    dots = {
        (round(float(line.get_xdata()[0]), 3), round(float(line.get_ydata()[0]), 3))
        for line in ax.lines
        if line.get_marker() == "o"
    }
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    places = paris.places[paris.places["latitude"].notna()]
    assert len(places) >= 4
    for row in places.itertuples():
        assert f"{row.latitude:.2f}°" in chart.description
        assert row.location_source in chart.description
    assert len(dots) == len(places)
    for x, y in dots:
        assert x0 < x < x1 and y0 < y < y1


def test_the_crimea_note_and_the_articles_numbers_come_with_ukraine(paris):
    chart = map_chart(paris, ["ukraine", "donetsk"])
    assert "resolution 68/262" in chart.description
    quote = paris.figures.loc[paris.figures["subject"] == "donetsk", "quote"].iloc[0]
    assert quote in chart.description
    assert "68/262" not in map_chart(paris, ["france"]).description


def test_an_id_without_a_location_is_listed_not_drawn(paris):
    no_code = paris.places["iso_code"].fillna("") == ""
    no_location = paris.places.loc[no_code & paris.places["latitude"].isna()]
    name = no_location["name"].iloc[0]
    chart = map_chart(paris, [no_location["id"].iloc[0], "paris"])
    assert f"Not on the map (the fact tables give it no location): {name}." in chart.description
    with pytest.raises(ValueError, match="location_source"):
        map_chart(paris, [no_location["id"].iloc[0]])
