"""The template pack (data/template) and the authoring guide (docs/authoring.md) that uses it:
the template passes the check, keeps the bundled pack's schema, and a teacher following the
guide gets a pack that loads, the error messages it shows, and notebook code that runs."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsfacts
from newsfacts.lesson import notebook
from newsfacts.lesson.exercises import check
from newsfacts.pack.spec import OPTIONAL_TABLES, TABLES

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "data" / "template"
BUNDLED = ROOT / "data" / "paris-2026"
MINI = ROOT / "tests" / "fixtures" / "mini-pack"
GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
OWN = {"name", "title", "description", "sources"}  # what a pack's author changes


def descriptor(pack: Path) -> dict:
    return json.loads((pack / "datapackage.json").read_text(encoding="utf-8"))


def fields(pack: Path, table: str) -> list[str]:
    (resource,) = [r for r in descriptor(pack)["resources"] if r["name"] == table]
    return [field["name"] for field in resource["schema"]["fields"]]


def rows(pack: Path, table: str) -> list[list[str]]:
    text = (pack / f"{table}.csv").read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text)))


def newsfacts_check(pack: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsfacts", "check", pack],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def code_blocks(text: str, language: str = "") -> list[str]:
    """The bodies of the fenced blocks written ```language (every fence paired in order)."""
    blocks = re.findall(r"^```(\w*)\n(.*?)^```[ \t]*$", text, flags=re.M | re.S)
    return [body for tag, body in blocks if tag == language]


def test_the_template_passes_the_check():
    book = newsfacts.load(TEMPLATE)
    assert "Lindenfeld" in book.title
    assert list(book.paragraphs["kind"][:3]) == ["headline", "byline", "caption"]
    for table in TABLES:
        assert 1 <= len(getattr(book, table)) <= 2, f"{table}: one or two example rows"


@pytest.mark.parametrize("table", TABLES)
def test_each_template_table_has_the_schemas_header_and_example_rows(table):
    header, *examples = rows(TEMPLATE, table)
    assert header == fields(BUNDLED, table)
    assert 1 <= len(examples) <= 2


def test_the_template_keeps_the_bundled_packs_schema():
    """Everything but the pack's own name, title, description and sources is the same, so the
    template cannot drift from what the loader and the lessons expect."""
    template, bundled = descriptor(TEMPLATE), descriptor(BUNDLED)
    assert set(template) == set(bundled)
    for key in set(bundled) - OWN - {"resources"}:
        assert template[key] == bundled[key], key
    # An optional fact table (schema.OPTIONAL_TABLES) may be left out of a pack.
    shared = [r for r in bundled["resources"] if r["name"] not in OPTIONAL_TABLES]
    assert template["resources"] == shared
    for key in OWN:
        assert template[key] != bundled[key], f"the template still has the Paris {key}"
    assert descriptor(MINI)["resources"] == shared
    described = {r["path"] for r in template["resources"]}
    assert described == {p.name for p in TEMPLATE.glob("*.csv")}


def test_frictionless_accepts_the_template():
    exe = Path(sys.executable).with_name("frictionless")
    if not exe.exists():
        pytest.fail("frictionless is missing: install the test extra (make test does)")
    done = subprocess.run(
        [str(exe), "validate", str(TEMPLATE / "datapackage.json")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


ARTICLE = """Village of Oberbach opens its first library

Tomas Lind
Children read in the new library on Market Street.

The village of Oberbach opened its first public library on Saturday, on Market Street.

About 120 people came to the opening, librarian Sara Holm said.

The library will open four days a week from next month, the village council said.
"""

# A different made-up article, filled in the way the guide says: header kept, rows replaced.
ROWS = {
    "actors": """\
holm,Sara Holm,person,librarian,,2,librarian Sara Holm,article says,
village-council,the village council,organisation,says when the library will open,,3,\
the village council said,article says,
""",
    "places": """\
oberbach,Oberbach,city,,1,The village of Oberbach,article says,
market-street,Market Street,area,oberbach,1,on Market Street,article says,
""",
    "figures": """\
fig-visitors,120,people,about,ev-opening,"people who came to the opening, according to Sara \
Holm",2,About 120 people came to the opening,someone says,Sara Holm's estimate.
""",
    "events": """\
ev-opening,Oberbach opens its first public library,,on Saturday,,happened,,market-street,1,\
opened its first public library on Saturday,article says,
ev-opening-days,The library opens four days a week,,from next month,,expected,village-council,\
oberbach,3,will open four days a week from next month,someone says,
""",
    "claims": """\
claim-visitors,holm,About 120 people came to the opening.,fig-visitors,2,"About 120 people came \
to the opening, librarian Sara Holm said",someone says,
""",
    "relations": """\
rel-holm-library,holm,librarian in,oberbach,2,librarian Sara Holm,worked out,The article calls \
her 'librarian' in a story about Oberbach's library.
""",
    "glossary": """\
public library,"A library that anyone may use, free of charge.",1,its first public library,
""",
}


# Section 6 of the guide: one lesson, one quiz question and one exercise for the new article.
CONTENT = {
    "lessons": "01,The library opens,\n",
    "questions": """\
q-visitors,01,"Who says that “About 120 people came to the opening”?",Sara Holm,Tomas Lind,\
the village council,,"Right: paragraph 2 ends “librarian Sara Holm said”: the number is hers.",\
Tomas Lind wrote the article (the byline); the sentence gives the words to someone else.,\
The village council speaks in paragraph 3 about opening days.,,Sara Holm,\
Read paragraph 2 to its end: who is said to have said it?,claim-visitors;fig-visitors
""",
    "exercises": """\
expected-events,01,Which events does the article say are only expected? Keep those rows of \
book.events.,events,modality,ev-opening-days,Which column keeps what happened apart from what \
is expected?,Compare that column with the text 'expected'.,"“will open four days a week from \
next month”: not yet.",ev-opening-days
""",
    "sorting": "",
    "prompts": "",
}


def with_header(header: str, new_rows: str) -> str:
    """The rows under a header, each padded with empty cells to the header's width (a
    spreadsheet leaves the cells of optional columns empty)."""
    width = len(next(csv.reader([header])))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(next(csv.reader([header])))
    for row in csv.reader(io.StringIO(new_rows)):
        writer.writerow(row + [""] * (width - len(row)))
    return out.getvalue()


def make_pack(folder: Path) -> Path:
    """Do what docs/authoring.md says: copy the template, paste the article, fill the CSVs
    (facts and lesson content), change the pack's own fields in datapackage.json."""
    pack = Path(shutil.copytree(TEMPLATE, folder))
    (pack / "article.txt").write_text(ARTICLE, encoding="utf-8")
    for table, new_rows in {**ROWS, **CONTENT}.items():
        header = (pack / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0]
        (pack / f"{table}.csv").write_text(with_header(header, new_rows), encoding="utf-8")
    package = descriptor(pack)
    package.update(
        name=folder.name,
        title="Village of Oberbach opens its first library",
        description="A made-up article, for a test.",
        sources=[{"title": "Village of Oberbach opens its first library", "author": "Tomas Lind"}],
    )
    (pack / "datapackage.json").write_text(json.dumps(package, indent=2), encoding="utf-8")
    return pack


def test_a_pack_made_from_the_template_loads_and_works_in_a_lesson(tmp_path):
    pack = make_pack(tmp_path / "library-opens")
    book = newsfacts.load(pack)
    assert book.title == "Village of Oberbach opens its first library"
    assert list(book.paragraphs["kind"]) == ["headline", "byline", "caption", *["story"] * 3]
    assert {table: len(getattr(book, table)) for table in ROWS} == {
        table: len(new_rows.splitlines()) for table, new_rows in ROWS.items()
    }
    assert book.cite("fig-visitors").paragraph == 2
    assert "Oberbach" not in (TEMPLATE / "article.txt").read_text(encoding="utf-8")

    done = newsfacts_check(str(pack), tmp_path)
    assert done.returncode == 0 and "No problems found." in done.stdout, done.stdout

    from newsfacts.lesson import start, stop

    try:
        book = start(str(pack))
        right = book.events[book.events["modality"] == "expected"]
        assert check("expected-events", right, book).correct
        assert "¶ 3" in str(check("expected-events", right, book))
        assert not check("expected-events", book.events, book).correct
    finally:
        stop()  # undo what start() changed in the kernel


def break_copy(pack: Path, edits: list[tuple[str, str, str]]) -> None:
    """Make each (table, old, new) edit in a copied pack; each old text occurs once."""
    for table, old, new in edits:
        path = pack / f"{table}.csv"
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, (table, old)
        path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_guides_quiz_walkthrough_gives_a_working_quiz(tmp_path):
    from newsfacts.lesson.questions import check_understanding

    book = newsfacts.load(make_pack(tmp_path / "library-opens"))
    (box,) = check_understanding(book, "01").questions
    box.control.value = "Tomas Lind"
    assert "✗" in box.feedback.value and "byline" in box.feedback.value
    box.control.value = "Sara Holm"
    assert "✓" in box.feedback.value
    assert "¶ 2 “About 120 people came to the opening" in box.feedback.value
    for cell in ("q-letter", "Who says that", "claim-letter;fig-letter", "expected-events"):
        assert cell in GUIDE, f"the guide's walk-through shows {cell!r}"


def test_the_guides_content_error_example_is_what_check_prints(tmp_path):
    pack = Path(shutil.copytree(TEMPLATE, tmp_path / "my-pack"))
    break_copy(
        pack,
        [
            ("questions", ",Lena Brandt,Read paragraph 2", ",Lena Brand,Read paragraph 2"),
            (
                "questions",
                "signed a letter in support of the garden”?",
                "signed the letter in support of the garden”?",
            ),
            ("exercises", "modality,ev-decision,", "modality,ev-decison,"),
        ],
    )
    done = newsfacts_check("my-pack", tmp_path)
    assert done.returncode == 1
    (shown,) = re.findall(
        r"^```\n(\d problems in the pack at my-pack:\nquestions.*?)^```", GUIDE, flags=re.M | re.S
    )
    assert done.stdout == shown


def test_the_guides_success_output_is_the_real_one():
    shown = next(block for block in code_blocks(GUIDE) if "No problems found." in block)
    done = newsfacts_check("data/template", ROOT)
    assert done.returncode == 0
    assert done.stdout == shown


def test_the_guides_error_example_is_what_check_prints(tmp_path):
    """The guide's broken copy, made for real: each problem it shows is reported for the
    same file, line, id and column."""
    pack = Path(shutil.copytree(TEMPLATE, tmp_path / "my-pack"))
    break_copy(
        pack,
        [
            ("actors", 'school-council,2,"Lena Brandt', 'school-counsil,2,"Lena Brandt'),
            ("figures", "signed a letter,someone says", "signed the letter,someone says"),
            ("events", "next month,,expected", "next month,,expectd"),
        ],
    )
    done = newsfacts_check("my-pack", tmp_path)
    assert done.returncode == 1
    shown = next(block for block in code_blocks(GUIDE) if "problems in the pack" in block)
    where = re.compile(r"^(\S+\.csv, line \d+, id '[^']+', column '[^']+'):", flags=re.M)
    assert where.findall(done.stdout) == where.findall(shown)
    assert done.stdout.splitlines()[0] == shown.splitlines()[0]
    assert "Did you mean 'school-council'?" in done.stdout


def test_the_guides_notebook_code_runs_on_the_template(monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    lesson_part = GUIDE.split("## 5. Use it in a notebook", 1)[1]
    shell_module = pytest.importorskip("IPython.core.interactiveshell")
    shell = shell_module.InteractiveShell.instance()  # as in a notebook: start() binds check
    blocks = code_blocks(lesson_part, "python")
    assert len(blocks) >= 8
    try:
        for block in blocks:
            result = shell.run_cell(block.replace("data/bridge-vote", str(TEMPLATE)))
            assert result.success, block
        assert shell.user_ns["book"].title.startswith("School council")
    finally:
        notebook.stop(shell)
        shell_module.InteractiveShell.clear_instance()


def test_the_guide_names_every_column_of_every_table():
    """A column (such as exercises' ordered) or a table (the optional perspectives) that the
    bundled pack's schema declares is described in docs/authoring.md."""
    missing = [
        f"{resource['path']}: {field['name']}"
        for resource in descriptor(BUNDLED)["resources"]
        for field in resource["schema"]["fields"]
        if f"`{field['name']}`" not in GUIDE or resource["path"] not in GUIDE
    ]
    assert not missing, missing
