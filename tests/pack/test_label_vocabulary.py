"""One vocabulary (issue 18): no label uses a word that another kind of label uses with
another meaning. `basis == "reported"` beside `voice == "reported speech"` is the clash
this guards against: "reported" meant the article's own voice in one, someone else's words
in the other.

The labels are read from where they are defined: the marks (newsfacts.marks.MARKS), the
pack's schema (every enum of data/paris-2026/datapackage.json: basis, modality, kinds,
voices, stances ...), the sorting task's choices (newsfacts.quiz) and the names of the
tables and of the kinds of fact the annotated article shows. A word found in two kinds of
label fails unless SAME_MEANING below says, with its reason, that it means the same in both.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from newsfacts.lesson.quiz import MODALITY, WHO
from newsfacts.marks import MARKS
from newsfacts.views.annotate import KINDS

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "data" / "paris-2026" / "datapackage.json"
SMALL_WORDS = {"a", "an", "the", "of", "on", "in", "with", "to", "by", "for", "and", "or", "s"}

#: A word two kinds of label share, where it means the same in each (and why).
SAME_MEANING: dict[str, tuple[set[str], str]] = {
    "article": ({"basis", "voice", "who"}, "the article's own voice, in each"),
    "say": ({"basis", "stance"}, "states something, in the words of whoever is named"),
    "someone": ({"basis", "voice"}, "a person or group the article names, not the article"),
    "person": ({"actor kind", "who"}, "a named human being"),
    "territory": ({"actor kind", "place kind"}, "the same kind of land, acting or placed"),
    "want": ({"stance", "modality"}, "someone wants it, in each"),
}


def stem(word: str) -> str:
    """A word's stem, roughly: lower case, no possessive, no plural -s, no -ed."""
    word = word.lower().removesuffix("'s").removesuffix("’s")
    for suffix, shortest in (("ed", 5), ("s", 4)):
        if len(word) >= shortest and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def words(label: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[A-Za-z']+", label)} - SMALL_WORDS


def vocabularies() -> dict[str, set[str]]:
    """Each kind of label and its values, from where the library and the pack define them."""
    found: dict[str, set[str]] = {
        "basis": set(MARKS) | {m.label for m in MARKS.values()},
        "modality": set(MODALITY),
        "who": set(WHO),
        "table": {k.table for k in KINDS.values()} | {k.name for k in KINDS.values()},
    }
    names = {"kind": "{table} kind", "when_basis": "basis", "voice": "voice", "stance": "stance"}
    package = json.loads(PACK.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        found["table"].add(resource["name"])
        for field in resource["schema"]["fields"]:
            enum = (field.get("constraints") or {}).get("enum")
            if not enum or field["name"] in ("ordered",):
                continue
            table = resource["name"].removesuffix("s")
            kind = names.get(field["name"], field["name"]).format(table=table)
            if resource["name"] in ("lessons", "questions", "exercises", "sorting", "prompts"):
                kind = {"modality": "modality", "who": "who"}.get(
                    field["name"], f"{table} {field['name']}"
                )
            found.setdefault(kind, set()).update(str(v) for v in enum if str(v))
    return found


def clashes(found: dict[str, set[str]]) -> list[str]:
    """Each word that two kinds of label share, unless SAME_MEANING allows it."""
    users: dict[str, set[str]] = {}
    for kind, labels in found.items():
        for label in labels:
            for word in words(label):
                users.setdefault(word, set()).add(kind)
    problems = []
    for word, kinds in sorted(users.items()):
        allowed = SAME_MEANING.get(word, (set(), ""))[0]
        if len(kinds) > 1 and not kinds <= allowed:
            labels = sorted(f"{k}: {x!r}" for k in kinds for x in found[k] if word in words(x))
            problems.append(f"{word!r} is used by {', '.join(labels)}")
    return problems


def test_the_labels_are_found():
    found = vocabularies()
    assert {"article says", "someone says", "worked out", "outside source"} <= found["basis"]
    assert {"happened", "going on", "expected", "threatened", "proposed"} <= found["modality"]
    assert "reported speech" in found["voice"] and "says" in found["stance"]
    assert {"actors", "events", "claims"} <= found["table"]
    assert "territory" in found["actor kind"] and "city" in found["place kind"]


def test_no_word_names_two_things():
    problems = clashes(vocabularies())
    assert not problems, "a word in two kinds of label:\n" + "\n".join(problems)


def test_the_vocabulary_test_can_fail():
    found = vocabularies()
    found["basis"] = found["basis"] | {"reported"}  # the old clash with 'reported speech'
    assert any(p.startswith("'report'") for p in clashes(found))
    found = vocabularies()
    found["stance"] = found["stance"] | {"worked with"}  # 'worked out' is a basis
    assert any(p.startswith("'work'") for p in clashes(found))


def test_same_meaning_lists_only_words_in_use():
    used = {w for labels in vocabularies().values() for label in labels for w in words(label)}
    assert set(SAME_MEANING) <= used, set(SAME_MEANING) - used
