"""The bundled pack against the map file: every location it gives is an outline the map
file holds (map_chart's behaviour is tested on the world fixture in tests/test_maps.py)."""

from __future__ import annotations

from newsfacts.plots.maps import map_data


def test_every_location_in_the_pack_is_an_outline_of_the_map_file(paris):
    areas, _ = map_data()
    for table in (paris.actors, paris.places):
        codes = [c for c in table["iso_code"].fillna("") if c]
        assert codes
        for code in codes:
            assert code in areas, code
