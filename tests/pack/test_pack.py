"""The bundled pack, checked against the article it comes from."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "data" / "paris-2026"
SHARED_ARTICLE = ROOT.parent / "shared" / "source" / "article.txt"
FACT_TABLES = ["actors", "places", "figures", "events", "claims", "relations", "glossary"]
NUMBER_WORDS = {2: "two", 3: "three", 10: "ten"}


# SHA-256 of shared/source/article.txt, the article as given to the project.
SOURCE_SHA256 = "f9a58d10e94f9b03a8314d79d3371aef7b9dcbc74cd3a2b702893e0b1155a3f6"


def test_the_article_is_the_one_given_byte_for_byte():
    assert hashlib.sha256((PACK / "article.txt").read_bytes()).hexdigest() == SOURCE_SHA256
    if SHARED_ARTICLE.exists():  # beside a checkout that has shared/, compare the bytes too
        assert (PACK / "article.txt").read_bytes() == SHARED_ARTICLE.read_bytes()


def test_every_line_of_the_article_survives_into_paragraphs(paris):
    text = (PACK / "article.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    stored = "\n".join(paris.paragraphs["text"]).splitlines()
    assert stored == lines


def test_paragraph_kinds_in_order(paris):
    kinds = list(paris.paragraphs["kind"])
    assert kinds[0] == "headline" and kinds[1] == "byline"
    assert kinds == sorted(kinds, key=["headline", "byline", "caption", "story"].index)
    story = [
        k for k, kind in zip(paris.paragraphs["paragraph"], kinds, strict=True) if kind == "story"
    ]
    assert story == list(range(1, len(story) + 1)), "the story is numbered from 1"


@pytest.mark.parametrize("table", FACT_TABLES)
def test_every_quote_is_found_in_its_paragraph(paris, table):
    text = dict(zip(paris.paragraphs["paragraph"], paris.paragraphs["text"], strict=True))
    frame = getattr(paris, table)
    rows = frame if "basis" not in frame else frame[frame["basis"] != "outside source"]
    assert len(rows) > 0
    for _, row in rows.iterrows():
        assert row["quote"] in text[row["paragraph"]], (table, row.iloc[0], row["quote"])


@pytest.mark.parametrize("table", [t for t in FACT_TABLES if t != "glossary"])
def test_rows_not_from_the_article_say_why(paris, table):
    frame = getattr(paris, table)
    for _, row in frame[frame["basis"].isin(["worked out", "outside source"])].iterrows():
        assert len(row["note"]) > 20, (table, row["id"])
    if "when_basis" in frame:
        for _, row in frame[frame["when_basis"].isin(["worked out", "outside source"])].iterrows():
            assert re.search(r"\d{4}", row["note"]), f"{row['id']}: the note must name the date"


def test_context_dates_name_their_source(paris):
    dated = paris.events[paris.events["when_basis"] == "outside source"]
    assert len(dated) > 0
    for ident, note in zip(dated["id"], dated["note"], strict=True):
        # The pack's one citation form: "Source: Publisher, date. ..." (docs/authoring.md)
        assert re.search(r"Source: [^,.]+, [^.]*\d{4}", note), f"{ident}: {note}"


def test_figures_keep_the_articles_hedge_and_number(paris):
    for _, row in paris.figures.iterrows():
        if row["qualifier"] != "none":
            assert row["qualifier"] in row["quote"], row["id"]
        value = int(row["value"])
        assert str(value) in row["quote"] or NUMBER_WORDS.get(value, "@") in row["quote"]


def test_attributed_facts_are_attributed_in_the_article(paris):
    saying = re.compile(r"\bsaid\b|\bsay|insistence|according")
    text = dict(zip(paris.paragraphs["paragraph"], paris.paragraphs["text"], strict=True))
    for table in ["claims", "figures", "events"]:
        frame = getattr(paris, table)
        for _, row in frame[frame["basis"] == "someone says"].iterrows():
            assert saying.search(text[row["paragraph"]]), (table, row["id"])


def test_every_claim_speaker_is_named_in_its_paragraph_or_just_before(paris):
    names = paris.actors.set_index("id")["name"]
    text = dict(zip(paris.paragraphs["paragraph"], paris.paragraphs["text"], strict=True))
    for _, claim in paris.claims.iterrows():
        surname = names[claim["speaker"]].split()[-1]
        nearby = text[claim["paragraph"]] + text[claim["paragraph"] - 1]
        assert surname in nearby or "Ukrainian leader" in nearby, claim["id"]


def test_names_appear_in_the_article_or_a_note_explains(paris):
    article = (PACK / "article.txt").read_text(encoding="utf-8")
    for table in ["actors", "places"]:
        frame = getattr(paris, table)
        for _, row in frame.iterrows():
            assert row["name"] in article or row["note"], (table, row["id"])


def test_expected_and_threatened_events_are_kept_apart(paris):
    modalities = set(paris.events["modality"])
    assert {"happened", "going on", "expected", "threatened", "proposed"} <= modalities


def test_ids_are_short_and_typeable(paris):
    for table in FACT_TABLES[:-1]:
        for ident in getattr(paris, table)["id"]:
            assert re.fullmatch(r"[a-z0-9][a-z0-9-]{1,30}", ident)


@pytest.fixture(scope="module")
def frictionless():
    exe = Path(sys.executable).with_name("frictionless")
    if not exe.exists():
        pytest.fail("frictionless is missing: install the test extra (make test does)")
    return str(exe)


def test_frictionless_accepts_the_bundled_pack(frictionless):
    done = subprocess.run(
        [frictionless, "validate", str(PACK / "datapackage.json")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_frictionless_catches_a_broken_foreign_key(frictionless, tmp_path):
    pack = Path(shutil.copytree(PACK, tmp_path / "pack"))
    claims = pack / "claims.csv"
    text = claims.read_text(encoding="utf-8")
    assert text.count("\nclaim-plan-90,zelensky,") == 1
    claims.write_text(text.replace("\nclaim-plan-90,zelensky,", "\nclaim-plan-90,zelenski,"))
    done = subprocess.run(
        [frictionless, "validate", str(pack / "datapackage.json")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "foreign" in (done.stdout + done.stderr).lower()


def test_datapackage_describes_every_csv_in_the_pack():
    package = json.loads((PACK / "datapackage.json").read_text(encoding="utf-8"))
    described = {resource["path"] for resource in package["resources"]}
    assert described == {path.name for path in PACK.glob("*.csv")}
