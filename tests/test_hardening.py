"""Hardening: what teachers do to a pack and what students type must never end in a traceback.

- The loader, fed random and mangled CSV files, article and ``datapackage.json`` (random
  text and bytes, invalid UTF-8, truncation, shuffled and duplicated columns, quotes left
  open, huge cells, NUL bytes, BOMs, CRLF ...), either returns a `Book` or raises
  `newsfacts.DataError`: never a KeyError, IndexError, UnicodeDecodeError or pandas error.
  Mangling that leaves the table the same (shuffled columns, CRLF, a BOM) still loads.
- Every widget, quiz and lookup given wrong types, empty or huge strings and unknown names
  either works or raises newsfacts' own friendly error: `UnknownNameError`, `DataError`, or
  a TypeError/ValueError raised by newsfacts itself whose message says what to pass.
  (`check(...)` is covered in tests/test_exercises.py.)
"""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pack_helpers import MINI_PACK

import newsfacts
from newsfacts import DataError, UnknownNameError

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,  # the same examples on every run: a failure is reproducible
)
CSVS = sorted(p.name for p in MINI_PACK.glob("*.csv"))
FILES = [*CSVS, "article.txt", "datapackage.json"]
ORIGINAL = {name: (MINI_PACK / name).read_bytes() for name in FILES}


# -- the loader ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """One copy of the mini pack; each example overwrites one file and puts it back."""
    return Path(shutil.copytree(MINI_PACK, tmp_path_factory.mktemp("hardening") / "pack"))


def load_with(scratch: Path, name: str, content: bytes) -> newsfacts.Book | None:
    """Load the pack with one file replaced: a Book, or None after a proper DataError."""
    path = scratch / name
    path.write_bytes(content)
    try:
        book = newsfacts.load(scratch)
        use(book)
        return book
    except DataError as error:
        assert error.problems, "a DataError must list at least one problem"
        for problem in error.problems:
            assert problem.file and problem.message
        text = str(error)
        assert text.startswith(f"{len(error.problems)} problem")
        return None
    finally:
        path.write_bytes(ORIGINAL[name])


def use(book: newsfacts.Book) -> None:
    """What a lesson does first with a book: it must work on any pack that loads."""
    assert repr(book) and len(book.summary()) == 8
    for table in book.tables.values():
        key = "id" if "id" in table else "term"
        for ident in table[key]:
            assert book.cite(ident).quote is not None
            book.mentions(ident)


def rows_of(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))


def write_rows(rows: list[list[str]], lineterminator: str = "\n") -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator=lineterminator).writerows(rows)
    return out.getvalue().encode("utf-8")


def test_the_scratch_pack_loads(scratch):
    assert isinstance(newsfacts.load(scratch), newsfacts.Book)


@SETTINGS
@given(name=st.sampled_from(FILES), text=st.text(max_size=400))
def test_random_text_in_place_of_a_file(scratch, name, text):
    load_with(scratch, name, text.encode("utf-8"))


@SETTINGS
@given(name=st.sampled_from(FILES), data=st.binary(max_size=400))
def test_random_bytes_in_place_of_a_file(scratch, name, data):
    load_with(scratch, name, data)


#: Byte-level damage: (what it does, a function of the file's bytes and a random source).
def _insert(piece: bytes) -> Callable[[bytes, random.Random], bytes]:
    def damage(data: bytes, rnd: random.Random) -> bytes:
        at = rnd.randrange(len(data) + 1)
        return data[:at] + piece + data[at:]

    return damage


BYTE_DAMAGE: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncate": lambda data, rnd: data[: rnd.randrange(len(data) + 1)],
    "empty": lambda data, rnd: b"",
    "nul byte": _insert(b"\x00"),
    "nul bytes everywhere": lambda data, rnd: data.replace(b",", b"\x00,"),
    "invalid utf-8": _insert(b"\xe9\xff\xc3"),
    "cut multi-byte character": _insert("é".encode()[:1]),
    "utf-16": lambda data, rnd: data.decode("utf-8", "replace").encode("utf-16"),
    "latin-1": lambda data, rnd: data.decode("utf-8", "replace").encode("latin-1", "replace"),
    "bom in the middle": _insert(b"\xef\xbb\xbf"),
    "open quote": _insert(b'"'),
    "stray comma": _insert(b","),
    "stray semicolon": _insert(b";"),
    "stray newline": _insert(b"\n"),
    "lone carriage return": _insert(b"\r"),
    "huge cell": _insert(b"x" * 200_000),
    "huge quoted cell": _insert(b'"' + b"y" * 150_000 + b'"'),
    "long line of commas": _insert(b"," * 5_000),
    "huge number": _insert(b"9" * 5_000),
    "big integer": lambda data, rnd: data.replace(b",3,", b",99999999999999999999999,", 1),
    "drop a line": lambda data, rnd: b"\n".join(
        line for n, line in enumerate(data.split(b"\n")) if n != rnd.randrange(4)
    ),
    "duplicate a line": lambda data, rnd: b"\n".join(
        [*data.split(b"\n"), data.split(b"\n")[rnd.randrange(len(data.split(b"\n")))]]
    ),
    "swap two bytes": lambda data, rnd: (
        lambda i: data[:i] + data[i + 1 : i + 2] + data[i : i + 1] + data[i + 2 :]
    )(rnd.randrange(max(len(data) - 1, 1))),
}


@SETTINGS
@given(
    name=st.sampled_from(FILES),
    damages=st.lists(st.sampled_from(sorted(BYTE_DAMAGE)), min_size=1, max_size=3),
    seed=st.integers(0, 2**32 - 1),
)
def test_damaged_files(scratch, name, damages, seed):
    rnd = random.Random(seed)
    data = ORIGINAL[name]
    for damage in damages:
        data = BYTE_DAMAGE[damage](data, rnd)
    load_with(scratch, name, data)


@SETTINGS
@given(
    name=st.sampled_from(CSVS),
    row=st.integers(0, 10),
    column=st.integers(0, 12),
    cell=st.one_of(
        st.text(max_size=60),
        st.sampled_from(["", " ", "-1", "0", "1e999", "nan", "NaN", "inf", "1,5", "75%", "٣"]),
        st.integers().map(str),
        st.floats(allow_nan=True).map(str),
    ),
)
def test_a_cell_replaced_by_anything(scratch, name, row, column, cell):
    rows = rows_of(ORIGINAL[name])
    target = rows[row % len(rows)]
    target[column % len(target)] = cell
    load_with(scratch, name, write_rows(rows))


@settings(SETTINGS, max_examples=40)  # each example loads and uses a whole book: slower
@given(name=st.sampled_from(CSVS), seed=st.integers(0, 2**32 - 1))
def test_shuffled_columns_still_load(scratch, name, seed):
    rows = rows_of(ORIGINAL[name])
    order = list(range(len(rows[0])))
    random.Random(seed).shuffle(order)
    shuffled = [[row[i] for i in order] for row in rows]
    book = load_with(scratch, name, write_rows(shuffled))
    assert book is not None, "columns are matched by name, not by position"


@pytest.mark.parametrize("name", CSVS)
def test_crlf_and_bom_still_load(scratch, name):
    excel = b"\xef\xbb\xbf" + write_rows(rows_of(ORIGINAL[name]), lineterminator="\r\n")
    assert load_with(scratch, name, excel) is not None


@SETTINGS
@given(name=st.sampled_from(CSVS), seed=st.integers(0, 2**32 - 1), twice=st.integers(0, 20))
def test_header_mangled(scratch, name, seed, twice):
    rows = rows_of(ORIGINAL[name])
    header = rows[0]
    rnd = random.Random(seed)
    how = rnd.choice(["duplicate", "rename", "blank", "drop", "extra", "case", "space"])
    i = twice % len(header)
    if how == "duplicate":
        header[(i + 1) % len(header)] = header[i]
    elif how == "rename":
        header[i] = header[i][::-1] + "x"
    elif how == "blank":
        header[i] = ""
    elif how == "drop":
        rows = [r[:i] + r[i + 1 :] for r in rows]
    elif how == "extra":
        rows = [[*r, "extra"] for r in rows]
    elif how == "case":
        header[i] = header[i].upper()
    else:
        header[i] = f"  {header[i]}  "
    book = load_with(scratch, name, write_rows(rows))
    if how == "space":
        assert book is not None, "spaces around a column name do not matter"


# -- datapackage.json ---------------------------------------------------------------------

DESCRIPTOR = json.loads(ORIGINAL["datapackage.json"])

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["id", "actors", "actors.csv", "string", "integer", "number", "[", "("]),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path (tuple of keys and indexes) into a JSON value."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _mangle(descriptor: Any, rnd: random.Random, new: Any, how: str) -> Any:
    descriptor = json.loads(json.dumps(descriptor))
    paths = [p for p in _paths(descriptor) if p]
    path = rnd.choice(paths)
    parent = descriptor
    for key in path[:-1]:
        parent = parent[key]
    if how == "delete":
        del parent[path[-1]]
    elif how == "replace":
        parent[path[-1]] = new
    elif how == "wrap":
        parent[path[-1]] = [parent[path[-1]]]
    elif how == "duplicate" and isinstance(parent, list):
        parent.append(parent[path[-1]])
    return descriptor


@SETTINGS
@given(
    seed=st.integers(0, 2**32 - 1),
    how=st.lists(
        st.sampled_from(["delete", "replace", "wrap", "duplicate"]), min_size=1, max_size=4
    ),
    new=json_values,
)
def test_datapackage_mangled(scratch, seed, how, new):
    rnd = random.Random(seed)
    descriptor: Any = DESCRIPTOR
    for step in how:
        descriptor = _mangle(descriptor, rnd, new, step)
    load_with(scratch, "datapackage.json", json.dumps(descriptor).encode("utf-8"))


@SETTINGS
@given(value=json_values)
def test_datapackage_of_any_json(scratch, value):
    load_with(scratch, "datapackage.json", json.dumps(value).encode("utf-8"))


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["resources"][0]["schema"]["fields"][0]["constraints"].update(pattern="[a-"),
        lambda d: d["resources"][0]["schema"]["fields"][0]["constraints"].update(pattern=5),
        lambda d: d["resources"][0]["schema"].update(primaryKey=[{"a": 1}]),
        lambda d: d["resources"][0]["schema"].update(primaryKey=[["id"]]),
        lambda d: d["resources"][0]["schema"].update(primaryKey=5),
        lambda d: d["resources"][0]["schema"].update(foreignKeys=5),
        lambda d: d["resources"][0]["schema"].update(foreignKeys={"fields": "x"}),
        lambda d: d["resources"][0]["schema"].update(
            foreignKeys=[{"fields": [["affiliation"]], "reference": {"resource": "actors"}}]
        ),
        lambda d: d["resources"][0]["schema"].update(
            foreignKeys=[{"fields": ["affiliation"], "reference": {"resource": ["actors"]}}]
        ),
        lambda d: d["resources"][0].update(path="actors\x00.csv"),
        lambda d: d["resources"][0].update(path=""),
        lambda d: d["resources"][0].update(path="/"),
        lambda d: d["resources"][0].update(path="x" * 5000),
        lambda d: d.update(newsfacts={"article": "article\x00.txt"}),
        lambda d: d.update(newsfacts={"article": ""}),
        lambda d: d.update(newsfacts={"article": "x" * 5000}),
        lambda d: d.update(title=["a", "list"]),
        lambda d: d["resources"].append(d["resources"][0]),
        lambda d: d["resources"][0]["schema"]["fields"].append({"name": "id"}),
        lambda d: d["resources"][0]["schema"]["fields"][0].update(type=["string"]),
        lambda d: d["resources"][0]["schema"]["fields"][5].update(type="integer"),
        lambda d: [f.update(type="integer") for f in d["resources"][0]["schema"]["fields"]],
        lambda d: [f.update(type="number") for f in d["resources"][0]["schema"]["fields"]],
        lambda d: d["resources"][0]["schema"]["fields"][5]["constraints"].update(
            minimum="one", maximum=[2]
        ),
        lambda d: d["resources"][0]["schema"]["fields"][2]["constraints"].update(enum="person"),
        lambda d: d["resources"][0]["schema"]["fields"][2]["constraints"].update(enum=[{}, []]),
    ],
)
def test_datapackage_odd_but_valid_json(scratch, change):
    descriptor = json.loads(json.dumps(DESCRIPTOR))
    change(descriptor)
    load_with(scratch, "datapackage.json", json.dumps(descriptor).encode("utf-8"))


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"resources": ' * 50_000 + b"1" + b"}" * 50_000,
        b"\xef\xbb\xbf" + ORIGINAL["datapackage.json"],
        ORIGINAL["datapackage.json"].replace(b"\n", b"\r\n"),
        ORIGINAL["datapackage.json"][:-3],
        b"NaN",
        b'{"resources": NaN}',
        b"\x00",
    ],
    ids=["deep list", "deep dict", "bom", "crlf", "truncated", "nan", "nan resources", "nul"],
)
def test_datapackage_edge_cases(scratch, content):
    book = load_with(scratch, "datapackage.json", content)
    if content.startswith(b"\xef\xbb\xbf") or b"\r\n" in content:
        assert book is not None


def test_deep_json_names_the_file(scratch):
    (scratch / "datapackage.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    try:
        with pytest.raises(DataError) as caught:
            newsfacts.load(scratch)
    finally:
        (scratch / "datapackage.json").write_bytes(ORIGINAL["datapackage.json"])
    assert caught.value.problems[0].file == "datapackage.json"


def test_a_huge_cell_names_the_file_and_line(scratch):
    rows = rows_of(ORIGINAL["actors.csv"])
    rows[2][3] = "x" * 200_000
    (scratch / "actors.csv").write_bytes(write_rows(rows))
    try:
        with pytest.raises(DataError) as caught:
            newsfacts.load(scratch)
    finally:
        (scratch / "actors.csv").write_bytes(ORIGINAL["actors.csv"])
    problem = caught.value.problems[0]
    assert (problem.file, problem.line) == ("actors.csv", 3)
    assert "characters" in problem.message


def test_an_integer_too_big_for_a_table_is_a_problem(scratch):
    descriptor = json.loads(json.dumps(DESCRIPTOR))
    fields = descriptor["resources"][0]["schema"]["fields"]
    role = next(f for f in fields if f["name"] == "role")
    role["type"] = "integer"
    rows = rows_of(ORIGINAL["actors.csv"])
    column = rows[0].index("role")
    for row in rows[1:]:
        row[column] = "1"
    rows[1][column] = "9" * 30
    (scratch / "actors.csv").write_bytes(write_rows(rows))
    (scratch / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    try:
        with pytest.raises(DataError) as caught:
            newsfacts.load(scratch)
    finally:
        (scratch / "actors.csv").write_bytes(ORIGINAL["actors.csv"])
        (scratch / "datapackage.json").write_bytes(ORIGINAL["datapackage.json"])
    problem = caught.value.problems[0]
    assert (problem.file, problem.line, problem.column) == ("actors.csv", 2, "role")
    assert "too large" in problem.message


@pytest.mark.parametrize("pack", [None, "", ".", "x\x00y", 5, b"data", ["a"], Path("/")])
def test_load_given_odd_paths(pack):
    try:
        newsfacts.load(pack) if pack is not None else newsfacts.load()
    except DataError:
        pass
    except TypeError as error:
        assert "load() takes the path of a pack folder" in str(error)


# -- widgets, quizzes, lookups and plots given odd values -----------------------------------

ODD = [
    None,
    5,
    3.5,
    -1,
    True,
    "",
    " ",
    "x" * 100_000,
    "nobody",
    "MACRON ",
    "\x00",
    "<script>alert(1)</script>",
    ["macron"],
    {"a": 1},
    b"macron",
    float("nan"),
    float("inf"),
    10**30,
    object(),
]
#: Words that betray an error from Python or pandas internals rather than from newsfacts.
RAW = (
    "not iterable",
    "unhashable",
    "invalid literal",
    "argument must be",
    "attribute name must be",
    "cannot convert",
    "Lengths must match",
    "not in index",
    "object has no attribute",
)
#: A friendly TypeError/ValueError says what to pass: an example, the choices, or a suggestion.
ADVICE = ("such as", "Did you mean", "Its columns are", "Its values are", "The kinds are")


def outcome(call: Callable[[], Any]) -> str:
    """'ok', 'friendly', or what is wrong with the error the call raised."""
    try:
        call()
    except (UnknownNameError, DataError) as error:
        assert str(error)
        return "friendly"
    except (TypeError, ValueError) as error:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        message = str(error)
        if "newsfacts" not in frame.filename:
            return f"{type(error).__name__} from {frame.filename}: {message[:100]}"
        if any(raw in message for raw in RAW) or not any(a in message for a in ADVICE):
            return f"unfriendly {type(error).__name__}: {message[:100]}"
        return "friendly"
    except Exception as error:  # noqa: BLE001 - the point is to catch anything else
        return f"raw {type(error).__name__}: {str(error)[:100]}"
    return "ok"


def _calls():
    from newsfacts import plots
    from newsfacts import widgets as W
    from newsfacts.lesson.exercises import describe
    from newsfacts.lesson.prompts import prompts
    from newsfacts.lesson.questions import check_understanding
    from newsfacts.lesson.quiz import sorting, who_said
    from newsfacts.teacher import answer_key
    from newsfacts.views.show import facts

    def explorer_describe(book, v):
        return W.actor_explorer(book).describe(v)

    return {
        "actor_explorer(value=)": lambda book, v: W.actor_explorer(book, value=v),
        "actor_explorer(kinds=)": lambda book, v: W.actor_explorer(book, kinds=v),
        "ActorExplorer.describe": explorer_describe,
        "fact_filter(table)": lambda book, v: W.fact_filter(book, v, "kind"),
        "fact_filter(column)": lambda book, v: W.fact_filter(book, "events", v),
        "fact_filter(show=)": lambda book, v: W.fact_filter(book, "events", "modality", show=v),
        "fact_filter(value=)": lambda book, v: W.fact_filter(book, "events", "modality", value=v),
        "fact_filter(label=)": lambda book, v: W.fact_filter(book, "events", "modality", label=v),
        "glossary_lookup": lambda book, v: W.glossary_lookup(book, v),
        "article_reader(start=)": lambda book, v: W.article_reader(book, start=v),
        "who_said": lambda book, v: who_said(book, v),
        "who_said(others=)": lambda book, v: who_said(book, "claim-plan-90", others=v),
        "sorting": lambda book, v: sorting(book, v),
        "prompts": lambda book, v: prompts(book, v),
        "answer_key": lambda book, v: answer_key(book, v),
        "check_understanding": lambda book, v: check_understanding(book, v),
        "describe": lambda book, v: describe(v, book),
        "facts(table)": lambda book, v: facts(v),
        "facts(columns)": lambda book, v: facts(book.figures, v),
        "book.cite": lambda book, v: book.cite(v),
        "book.lookup": lambda book, v: book.lookup(v),
        "book.get": lambda book, v: book.get(v),
        "book.mentions": lambda book, v: book.mentions(v),
        "book.table_of": lambda book, v: book.table_of(v),
        "plots.figures_chart": lambda book, v: plots.figures_chart(book, v),
        "plots.relations_diagram": lambda book, v: plots.relations_diagram(book, v),
        "plots.relations_diagram(focus=)": lambda book, v: plots.relations_diagram(book, focus=v),
    }


CALLS = _calls()


@pytest.mark.parametrize("name", sorted(CALLS))
def test_odd_values_get_a_friendly_answer(book, name):
    call = CALLS[name]
    bad = {}
    for value in ODD:
        result = outcome(lambda value=value: call(book, value))
        if result not in ("ok", "friendly"):
            bad[repr(value)[:30]] = result
    assert not bad, f"{name}: {bad}"


def test_unknown_names_suggest_the_closest(book):
    from newsfacts import widgets as W

    with pytest.raises(UnknownNameError, match="costa"):
        W.actor_explorer(book, value="cota")
    with pytest.raises(UnknownNameError, match="events"):
        W.fact_filter(book, "event", "modality")
    with pytest.raises(ValueError, match="expected"):
        W.fact_filter(book, "events", "modality", value="expectd")
    with pytest.raises(ValueError, match="Add 'organisation' to kinds"):
        W.actor_explorer(book, kinds=["person"], value="council")


def test_odd_but_meaningful_values_work(book):
    from newsfacts import widgets as W
    from newsfacts.lesson.questions import questions
    from newsfacts.lesson.quiz import sorting, who_said
    from newsfacts.views.show import facts

    assert W.actor_explorer(book, value="COSTA ").control.value == "costa"
    assert W.actor_explorer(book, value="Rui Costa").control.value == "costa"
    assert W.actor_explorer(book, kinds="person").control.value in set(book.actors["id"])
    last = len(book.paragraphs) - 1
    second = book.paragraphs["paragraph"].tolist().index(2)
    assert W.article_reader(book, start="2").control.value == second
    assert W.article_reader(book, start="headline").control.value == 0
    assert W.article_reader(book, start=float("inf")).control.value == last
    assert W.article_reader(book, start=10**30).control.value == last
    assert W.article_reader(book, start=None).control.value == 0
    assert W.fact_filter(book, "events", "modality", show="description").show == ["description"]
    assert W.glossary_lookup(book, None).control.value == ""
    assert "costa" not in who_said(book, "cl-block", others="costa").answer.lower()
    assert len(sorting(book, 1).items) == len(sorting(book, "01").items) > 0
    assert questions(book, 1) == questions(book, "01")
    assert list(facts(book.figures.iloc[0]).index) == [book.figures["id"].iloc[0]]
    assert list(facts(book.paragraphs).index) == list(book.paragraphs["paragraph"])
