"""Build the `student` branch: what students need, without the teacher's answer keys.

    python scripts/student_branch.py [--from REF] [--branch student]

The Binder and nbgitpuller links copy a whole branch into every student's folder, so they
point at this branch, never at the branch that holds `teacher/`. The branch gets one new
commit holding, from the committed state of REF (default HEAD; uncommitted changes are not
included):

- the student lessons in notebooks/ (any cell tagged `solution` removed, to be safe),
- the library (src/), the fact packs (data/, with the model answers of every `prompts.csv`
  left blank), binder/, pyproject.toml, README.md, LICENSE, any-article-pack.txt (the pack the
  lessons in notebooks/any-article/ use) and docs/ (the list of sources the
  lessons link to, the authoring guide, the README's pictures);
- nothing from teacher/ and no teacher guide.

Model answers are blanked in any CSV under data/ with a `model_answer` column, wherever a
pack keeps them.

The quiz and exercise answers stay in the packs' CSVs: the lessons need them to give
feedback. A student who opens those files can read them, as in any self-checking quiz.

The commit is reproducible: fixed identity, and the dates of REF's own commit, so two runs
on the same source give the same commit id. Its parent is the branch's previous commit (so
nbgitpuller can pull the update into students' folders); a run that would change nothing
leaves the branch as it is. The work tree, the index and the current branch are not touched:
the tree is written through a temporary index with `git write-tree` and `git commit-tree`.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP = ("notebooks/", "src/", "data/", "binder/", "docs/")
KEEP_FILES = ("pyproject.toml", "README.md", "LICENSE", "any-article-pack.txt")
NAME = "newsfacts student branch"
EMAIL = "student-branch@newsfacts.invalid"


def git(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> str:
    done = subprocess.run(
        ["git", *args], capture_output=True, text=True, env=env, input=stdin, check=False
    )
    if done.returncode:
        raise SystemExit(f"git {' '.join(args)} failed:\n{done.stderr.strip()}")
    return done.stdout.strip()


def wanted(path: str) -> bool:
    """Whether a file of the source commit belongs in the student branch."""
    if path.startswith("teacher/") or "teacher-guide" in path:
        return False
    return path in KEEP_FILES or path.startswith(KEEP)


def without_solutions(text: str) -> str | None:
    """The notebook without cells tagged `solution`; None if it has none."""
    nb = json.loads(text)
    cells = [c for c in nb["cells"] if "solution" not in c.get("metadata", {}).get("tags", [])]
    if len(cells) == len(nb["cells"]):
        return None
    nb["cells"] = cells
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def without_model_answers(text: str) -> str | None:
    """A CSV with its model_answer column left blank; None if it has no such column."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or "model_answer" not in rows[0]:
        return None
    column = rows[0].index("model_answer")
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(rows[0])
    for row in rows[1:]:
        writer.writerow([("" if n == column else cell) for n, cell in enumerate(row)])
    return out.getvalue()


def student_version(path: str, text: str) -> str | None:
    """What a student file holds instead of `text`, or None to keep it as it is."""
    if path.startswith("notebooks/") and path.endswith(".ipynb"):
        return without_solutions(text)
    if path.startswith("data/") and path.endswith(".csv"):
        return without_model_answers(text)
    return None


def index_lines(source: str) -> list[str]:
    """`git update-index --index-info` lines for the student files of `source`."""
    lines = []
    for entry in git("ls-tree", "-r", "--full-tree", "-z", source).split("\0"):
        if not entry:
            continue
        meta, path = entry.split("\t", 1)
        mode, _, blob = meta.split()
        if not wanted(path):
            continue
        if path.endswith((".ipynb", ".csv")):
            changed = student_version(path, git("cat-file", "blob", blob))
            if changed is not None:
                blob = git("hash-object", "-w", "--stdin", stdin=changed)
        lines.append(f"{mode} {blob}\t{path}")
    return lines


def write_tree(lines: list[str]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "GIT_INDEX_FILE": str(Path(tmp) / "index")}
        git("update-index", "--index-info", env=env, stdin="\n".join(lines) + "\n")
        return git("write-tree", env=env)


def previous_tip(branch: str) -> str | None:
    for ref in (f"refs/heads/{branch}", f"refs/remotes/origin/{branch}"):
        found = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
            capture_output=True,
            text=True,
        )
        if found.returncode == 0:
            return found.stdout.strip()
    return None


def build(source: str = "HEAD", branch: str = "student") -> str:
    """Commit the student files of `source` on `branch`; return the branch's commit id."""
    commit = git("rev-parse", "--verify", f"{source}^{{commit}}")
    current = subprocess.run(
        ["git", "symbolic-ref", "--quiet", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    if current == branch:
        raise SystemExit(f"You are on the branch {branch!r}: switch to main first.")
    tree = write_tree(index_lines(commit))
    parent = previous_tip(branch)
    if parent and git("rev-parse", f"{parent}^{{tree}}") == tree:
        git("update-ref", f"refs/heads/{branch}", parent)
        return parent
    date = git("show", "-s", "--format=%cI", commit)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": NAME,
        "GIT_AUTHOR_EMAIL": EMAIL,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_NAME": NAME,
        "GIT_COMMITTER_EMAIL": EMAIL,
        "GIT_COMMITTER_DATE": date,
    }
    message = (
        f"Student edition of {commit[:12]}\n\n"
        "No teacher/, no teacher guide, no cell tagged solution, no model answer."
    )
    args = ["commit-tree", tree, "-m", message] + (["-p", parent] if parent else [])
    new = git(*args, env=env)
    git("update-ref", f"refs/heads/{branch}", new)
    return new


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--from", dest="source", default="HEAD", help="commit to build from")
    parser.add_argument("--branch", default="student")
    args = parser.parse_args()
    new = build(args.source, args.branch)
    print(f"{args.branch} -> {new} (from the committed state of {args.source})")
    print(f"Publish it with: git push origin {args.branch}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
