"""The README: two commands first, and launch links in their tools' documented formats."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from newsfacts.links import binder_link, github_repository, nbgitpuller_link

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_two_commands_come_first():
    first_section = README.split("\n## ")[1]
    assert first_section.startswith("Two commands")
    assert "make lab" in first_section and "make test" in first_section


def test_ci_runs_the_readmes_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test\b", ci, flags=re.M)


def test_binder_link_opens_jupyterlab_on_the_first_lesson():
    (link,) = set(re.findall(r"\((https://mybinder\.org/v2/gh/[^)\s]+)\)", README))
    url = urlparse(link)
    owner, repo, branch = url.path.split("/")[3:6]
    assert owner and repo and branch == "student"  # the branch without teacher/
    urlpath = unquote(parse_qs(url.query)["urlpath"][0])
    assert urlpath.startswith("lab/tree/")
    assert (ROOT / urlpath.removeprefix("lab/tree/")).is_file()


def test_nbgitpuller_template_sets_branch_and_the_cloned_folder():
    (link,) = re.findall(r"^(https://HUB/hub/user-redirect/git-pull\?\S+)$", README, flags=re.M)
    query = parse_qs(urlparse(link).query)
    repo = query["repo"][0]
    assert "%2F" in link.split("&")[0], "repo must be URL-encoded"
    assert repo.startswith("https://github.com/")
    assert query["branch"] == ["student"]
    folder = repo.rstrip("/").split("/")[-1]
    urlpath = query["urlpath"][0]
    assert urlpath.startswith(f"lab/tree/{folder}/notebooks/")
    assert (ROOT / urlpath.removeprefix(f"lab/tree/{folder}/")).is_file()


def test_links_are_the_ones_the_links_command_prints():
    repo = github_repository("https://github.com/OWNER/REPO")
    assert f"({binder_link(repo)})" in README
    assert f"\n{nbgitpuller_link(repo, 'https://HUB')}\n" in README


def test_teacher_is_told_to_build_the_student_branch_and_print_the_links():
    section = README.split("### Publishing the lessons")[1].split("\n### ")[0]
    steps = ["make student-branch", "git push origin student", "python -m newsfacts links"]
    places = [section.index(step) for step in steps]
    assert places == sorted(places)
    assert "master" not in README  # nbgitpuller 1.3.0 follows the remote's default branch


def test_admin_section_sizes_memory_per_student():
    section = README.split("### For the hub's administrator")[1].split("\n## ")[0]
    guarantee = re.search(r"guarantee: (\d+)M", section)
    limit = re.search(r"limit: (\d+)M", section)
    assert guarantee and limit
    # One single-user server (159 MB) and one kernel after a lesson (144 MB), as measured.
    assert "159 MB" in section and "144 MB" in section
    assert int(guarantee[1]) >= 159 + 144
    assert int(limit[1]) >= 159 + 2 * 144  # a second lesson open at the same time
    assert re.search(r"\d+ students per GB", section)


def test_screenshot_is_there_with_alt_text():
    (alt, path) = re.findall(r"!\[([^\]]{40,})\]\((docs/images/[^)]+\.png)\)", README)[0]
    assert (ROOT / path).is_file()
    assert "drop-down" in alt


def test_credits_the_article_and_states_licences():
    assert "Paulin Kola" in README and "publisher" in README
    assert "MIT" in README and "CC BY 4.0" in README
