"""Helpers for tests that break one thing in a copy of the mini pack."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

import newsfacts

MINI_PACK = Path(__file__).parent / "fixtures" / "mini-pack"


def replace(path: Path, old: str, new: str) -> None:
    """Replace text that occurs exactly once in a file (so a typo in a test fails loudly)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8", newline="")


def drop_column(path: Path, column: str) -> None:
    """Remove a column, header and cells, from a CSV file."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    index = rows[0].index(column)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([row[:index] + row[index + 1 :] for row in rows])
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def problems_of(pack: Path) -> newsfacts.DataError:
    """Load a pack that must be broken; return the DataError."""
    with pytest.raises(newsfacts.DataError) as caught:
        newsfacts.load(pack)
    return caught.value


# The mini pack with a world round it (the `world` fixture): the headline names Denmark,
# three story paragraphs name states, regions and cities the bundled map file knows, and
# more relations than a diagram draws at once. Made up, like the rest of the mini pack.
WORLD_HEADLINE = "Harbour town votes on a new bridge designed in Denmark"
WORLD_PARAGRAPHS = [
    "The bridge was designed in Denmark, which also governs Greenland, by engineers who once"
    " worked for Ukraine and later advised Russia, the Harbour Trust says.",
    "The same firm trained staff from Venezuela and won contracts in the United States, from"
    " Florida to New York, and it keeps an office in Washington.",
    "Its earlier bridges stand in Donetsk, Luhansk and Lipetsk; it has offices in Kyiv and"
    " Lisbon too, and it built 40 bridges in Donetsk alone.",
]
GEONAMES = "GeoNames (city centre rounded to 0.01 degree)"
WORLD_ROWS = {
    "actors.csv": """\
denmark,Denmark,state,governs Greenland,,headline,designed in Denmark,article says,,DNK,ISO 3166-1 alpha-3
greenland,Greenland,territory,governed by Denmark,denmark,4,governs Greenland,article says,,GRL,ISO 3166-1 alpha-3
ukraine,Ukraine,state,the engineers once worked for it,,4,worked for Ukraine,article says,,UKR,ISO 3166-1 alpha-3
russia,Russia,state,the engineers later advised it,,4,later advised Russia,article says,,RUS,ISO 3166-1 alpha-3
venezuela,Venezuela,state,the firm trained staff from it,,5,staff from Venezuela,article says,,VEN,ISO 3166-1 alpha-3
us,United States,state,the firm won contracts in it,,5,contracts in the United States,article says,,USA,ISO 3166-1 alpha-3
engineers,engineers,group,designed the bridge,firm,4,by engineers,article says,,,
firm,the firm,organisation,employs the engineers,,5,The same firm,article says,,,
""",
    "places.csv": f"""\
florida,Florida,region,us,5,Florida,article says,,,,US-FL,ISO 3166-2:US
new-york,New York,region,us,5,New York,article says,,,,US-NY,ISO 3166-2:US
washington,Washington,city,us,5,an office in Washington,article says,,38.90,-77.04,,{GEONAMES}
donetsk,Donetsk region,region,ukraine,6,Donetsk,article says,,,,UA-14,ISO 3166-2:UA
luhansk,Luhansk,region,ukraine,6,Luhansk,article says,,,,UA-09,ISO 3166-2:UA
lipetsk,Lipetsk region,region,russia,6,Lipetsk,article says,,,,RU-LIP,ISO 3166-2:RU
kyiv,Kyiv,city,ukraine,6,offices in Kyiv,article says,,50.45,30.52,,{GEONAMES}
lisbon,Lisbon,city,,6,Lisbon,article says,,38.72,-9.13,,{GEONAMES}
copenhagen,Copenhagen,city,denmark,4,designed in Denmark,outside source,"Not in the article, which names Denmark but no city in it. Source: a test atlas (made up).",55.68,12.57,,{GEONAMES}
""",
    "figures.csv": """\
fig-donetsk,40,bridges,exactly,donetsk,bridges the firm built in the Donetsk region,6,it built 40 bridges in Donetsk alone,article says,
""",
    "relations.csv": """\
rel-designed,engineers,designed the bridge in,denmark,4,designed in Denmark,article says,
rel-governs,denmark,governs,greenland,4,"Denmark, which also governs Greenland",article says,
rel-worked,engineers,once worked for,ukraine,4,engineers who once worked for Ukraine,article says,
rel-advised,engineers,later advised,russia,4,later advised Russia,article says,
rel-says,harbour-trust,describes,engineers,4,the Harbour Trust says,article says,
rel-trained,firm,trained staff from,venezuela,5,trained staff from Venezuela,article says,
rel-contracts,firm,won contracts in,us,5,won contracts in the United States,article says,
rel-office,firm,keeps an office in,washington,5,it keeps an office in Washington,article says,
rel-florida,florida,a state of,us,5,"the United States, from Florida",worked out,Florida is one of the states the article counts in the United States.
rel-new-york,new-york,a northern state of,us,5,"the United States, from Florida to New York",worked out,New York is the other end of the United States' range.
rel-employs,firm,employs,engineers,5,The same firm,worked out,"'The same firm' is the engineers' employer, named in the paragraph before."
rel-donetsk,firm,built 40 bridges in,donetsk,6,it built 40 bridges in Donetsk alone,article says,
rel-luhansk,firm,has bridges standing in,luhansk,6,"Its earlier bridges stand in Donetsk, Luhansk",article says,
rel-lipetsk,firm,built earlier bridges in,lipetsk,6,"Its earlier bridges stand in Donetsk, Luhansk and Lipetsk",article says,
rel-kyiv,firm,has offices in,kyiv,6,it has offices in Kyiv,article says,
rel-lisbon,firm,also has an office in,lisbon,6,it has offices in Kyiv and Lisbon too,article says,
rel-capital,kyiv,capital city of,ukraine,6,offices in Kyiv,outside source,"Not in the article. Source: a test atlas (made up)."
""",
}


def world_pack(folder: Path) -> Path:
    """Write the mini pack with a world round it into `folder`; return the pack's path."""
    pack = Path(shutil.copytree(MINI_PACK, folder))
    article = pack / "article.txt"
    text = article.read_text(encoding="utf-8").rstrip("\n")
    text = text.replace("Harbour town votes on a new bridge\n", WORLD_HEADLINE + "\n", 1)
    article.write_text("\n\n".join([text, *WORLD_PARAGRAPHS]) + "\n", encoding="utf-8")
    for name, rows in WORLD_ROWS.items():
        with open(pack / name, "a", encoding="utf-8", newline="") as file:
            file.write(rows)
    replace(pack / "exercises.csv", "paragraphs,kind,3,", "paragraphs,kind,6,")
    return pack
