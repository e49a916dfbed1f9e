"""Frictionless as a reference: what `frictionless validate` rejects, newsfacts rejects too.

Newsfacts keeps its own messages (file, line, id, column and a fix), but its rules must
cover the Table Schema ones that `datapackage.json` declares (types, ``required``, ``enum``,
``pattern``, ``minimum``/``maximum``, ``unique``, ``primaryKey``, ``foreignKeys``). Hand-broken
and fuzzed copies of the mini pack go through both.

Newsfacts reads a pack once, normalised (`newsfacts.pack.read`): spaces around a cell are
dropped, a spreadsheet's lesson ``1`` is read as ``01``, and a row with every cell empty is
skipped, as a spreadsheet shows it. Frictionless is given the pack as newsfacts reads it, so
the two are compared on the same values.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pack_helpers import MINI_PACK

import newsfacts
from newsfacts.text import lesson_id

frictionless = pytest.importorskip("frictionless")

CSVS = sorted(p.name for p in MINI_PACK.glob("*.csv") if p.name != "answers.csv")
LESSON_COLUMNS = {
    "lessons.csv": "id",
    **{f"{n}.csv": "lesson" for n in ("questions", "exercises", "sorting", "prompts")},
}


def as_newsfacts_reads_it(pack: Path, into: Path) -> Path:
    """A copy of `pack` with every cell normalised as newsfacts' reader does."""
    shutil.rmtree(into, ignore_errors=True)
    shutil.copytree(pack, into)
    for name in CSVS:
        try:
            rows = list(
                csv.reader(io.StringIO((pack / name).read_text(encoding="utf-8"), newline=""))
            )
        except (UnicodeDecodeError, csv.Error):
            continue
        rows = [[cell.strip() for cell in row] for row in rows if any(c.strip() for c in row)]
        if rows and LESSON_COLUMNS.get(name) in rows[0]:
            at = rows[0].index(LESSON_COLUMNS[name])
            rows = [rows[0]] + [
                [lesson_id(c) if i == at else c for i, c in enumerate(r)] for r in rows[1:]
            ]
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        (into / name).write_text(out.getvalue(), encoding="utf-8")
    return into


def frictionless_rejects(pack: Path, scratch: Path) -> list[str]:
    report = frictionless.validate(str(as_newsfacts_reads_it(pack, scratch) / "datapackage.json"))
    return [f"{e.type}: {e.message}" for task in report.tasks for e in task.errors] + [
        f"{e.type}: {e.message}" for e in report.errors
    ]


def newsfacts_rejects(pack: Path) -> bool:
    try:
        newsfacts.load(pack)
    except newsfacts.DataError:
        return True
    return False


def test_the_mini_pack_is_valid_for_both(tmp_path):
    assert frictionless_rejects(MINI_PACK, tmp_path / "read") == []
    assert not newsfacts_rejects(MINI_PACK)


#: Hand-broken packs: (file, text, replacement), each a mistake a teacher makes.
BROKEN = [
    ("actors.csv", "costa,Rui Costa,person", "costa,Rui Costa,preson"),  # enum
    ("actors.csv", "council,town council", "costa,town council"),  # duplicate primary key
    ("actors.csv", "costa,Rui Costa,person,mayor,council", "costa,Rui Costa,person,mayor,counsil"),
    ("claims.csv", "cl-block,fishermen,", "cl-block,fishermen-x,"),  # foreign key
    ("places.csv", "porto-claro,Porto Claro", "Porto Claro,Porto Claro"),  # pattern
    ("figures.csv", "fig-support,60,", "fig-support,60%,"),  # number
    ("figures.csv", "fig-support,60,", "fig-support,,"),  # required
    ("lessons.csv", "01,The bridge vote,20", "01,The bridge vote,twenty"),  # integer
    ("lessons.csv", "01,The bridge vote,20", "01,The bridge vote,0"),  # minimum
    ("events.csv", "2024-03-04", "4 March 2024"),  # pattern of a date
    ("events.csv", ",expected,council;costa", ",expect,council;costa"),  # enum
    ("glossary.csv", "ferry,a boat", "survey,a boat"),  # unique term
    ("actors.csv", "id,name,kind", "id,nom,kind"),  # a renamed column
    ("relations.csv", "rel-mayor,costa,leads,council", "rel-mayor,costa,leads,council,extra"),
]


@pytest.mark.parametrize(
    ("name", "old", "new"), BROKEN, ids=[f"{b[0]}:{b[2][:24]}" for b in BROKEN]
)
def test_a_hand_broken_pack_is_rejected_by_both(pack, tmp_path, name, old, new):
    path = pack / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    assert frictionless_rejects(pack, tmp_path / "read"), "the mistake is one frictionless sees"
    assert newsfacts_rejects(pack)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return Path(shutil.copytree(MINI_PACK, tmp_path_factory.mktemp("fuzz") / "pack"))


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    name=st.sampled_from(CSVS),
    row=st.integers(0, 4),
    column=st.integers(0, 13),
    cell=st.one_of(
        st.sampled_from(["", "-1", "0", "1e999", "nan", "1,5", "75%", "x", "costa", "91", "01"]),
        st.sampled_from(["article says", "worked out", "happened", "2024-02-30", "2024-1"]),
        st.text(alphabet="abc-019 ;,", max_size=8),
    ),
)
def test_a_fuzzed_pack_frictionless_rejects_newsfacts_rejects(
    scratch, tmp_path_factory, name, row, column, cell
):
    path = scratch / name
    original = path.read_bytes()
    rows = list(csv.reader(io.StringIO(original.decode("utf-8"), newline="")))
    target = rows[1 + row % max(len(rows) - 1, 1)] if len(rows) > 1 else rows[0]
    target[column % len(target)] = cell
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    try:
        rejected = frictionless_rejects(scratch, tmp_path_factory.mktemp("read") / "pack")
        if rejected:
            assert newsfacts_rejects(scratch), (
                f"frictionless rejects, newsfacts accepts: {rejected}"
            )
    finally:
        path.write_bytes(original)
