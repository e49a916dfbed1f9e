"""The README: two commands first, and launch links in their tools' documented formats."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

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
    assert owner and repo and branch == "main"
    urlpath = unquote(parse_qs(url.query)["urlpath"][0])
    assert urlpath.startswith("lab/tree/")
    assert (ROOT / urlpath.removeprefix("lab/tree/")).is_file()


def test_nbgitpuller_template_sets_branch_and_the_cloned_folder():
    (link,) = re.findall(r"^(https://HUB/hub/user-redirect/git-pull\?\S+)$", README, flags=re.M)
    query = parse_qs(urlparse(link).query)
    repo = query["repo"][0]
    assert "%2F" in link.split("&")[0], "repo must be URL-encoded"
    assert repo.startswith("https://github.com/")
    assert query["branch"] == ["main"]
    folder = repo.rstrip("/").split("/")[-1]
    urlpath = query["urlpath"][0]
    assert urlpath.startswith(f"lab/tree/{folder}/notebooks/")
    assert (ROOT / urlpath.removeprefix(f"lab/tree/{folder}/")).is_file()


def test_screenshot_is_there_with_alt_text():
    (alt, path) = re.findall(r"!\[([^\]]{40,})\]\((docs/images/[^)]+\.png)\)", README)[0]
    assert (ROOT / path).is_file()
    assert "drop-down" in alt


def test_credits_the_article_and_states_licences():
    assert "Paulin Kola" in README and "publisher" in README
    assert "MIT" in README and "CC BY 4.0" in README
