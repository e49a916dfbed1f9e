"""test_editions, on the bundled pack: tests moved from tests/test_editions.py that still read
the bundled article's content."""

from __future__ import annotations

import json
import re
from pathlib import Path

from newsfacts.lesson.exercises import check

ROOT = Path(__file__).resolve().parents[2]


TEACHER = sorted((ROOT / "teacher").glob("[0-9][0-9]-*.ipynb"))


TAG = "solution"


CHECK = re.compile(r'^check\("([a-z0-9-]+)", answer\)$')


MODEL = re.compile(r"^answer = (.+?)(\s+#.*)?$")


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    return "".join(cell["source"])


def tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def model_answers() -> list[tuple[str, str, str]]:
    """(lesson, exercise, expression) for every model answer of the teacher edition."""
    found = []
    for path in TEACHER:
        notebook = cells(path)
        for before, after in zip(notebook, notebook[1:], strict=False):
            match = CHECK.match(source(after))
            if match and TAG in tags(before):
                expression = MODEL.match(source(before)).group(1)
                found.append((path.stem, match.group(1), expression))
    return found


def test_every_model_answer_is_right(paris):
    for lesson, name, expression in model_answers():
        feedback = check(name, eval(expression, {"book": paris}), paris)
        assert feedback.correct, f"{lesson}, {name}: {feedback}"
