"""`python -m newsfacts links`: the links in the forms Binder and nbgitpuller document."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from newsfacts.__main__ import main
from newsfacts.links import (
    AddressError,
    binder_link,
    github_repository,
    hub_address,
    jupyterhub_link,
    nbgitpuller_link,
)

ROOT = Path(__file__).resolve().parents[1]
HUB = "https://hub.school.example"


def query(link: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(link).query, strict_parsing=True)


@pytest.mark.parametrize(
    "address, clone_url, folder",
    [
        ("https://github.com/acme/newsfacts", "https://github.com/acme/newsfacts", "newsfacts"),
        (
            "https://github.com/acme/newsfacts.git",
            "https://github.com/acme/newsfacts.git",
            "newsfacts.git",
        ),
        ("https://github.com/acme/newsfacts/", "https://github.com/acme/newsfacts", "newsfacts"),
        (
            "git@github.com:acme/newsfacts.git",
            "https://github.com/acme/newsfacts.git",
            "newsfacts.git",
        ),
    ],
)
def test_repository_address_forms(address, clone_url, folder):
    repo = github_repository(address)
    assert (repo.owner, repo.name) == ("acme", "newsfacts")
    assert repo.clone_url == clone_url
    assert repo.folder == folder


def test_binder_link_form():
    link = binder_link(github_repository("https://github.com/acme/newsfacts.git"))
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc) == ("https", "mybinder.org")
    assert parts.path == "/v2/gh/acme/newsfacts/student"  # no .git in Binder's form
    assert query(link) == {"urlpath": ["lab/tree/notebooks/00-start-here.ipynb"]}
    assert "urlpath=lab%2Ftree%2Fnotebooks%2F00-start-here.ipynb" in link
    assert (ROOT / "notebooks" / "00-start-here.ipynb").is_file()


@pytest.mark.parametrize("dot_git", ["", ".git"])
def test_nbgitpuller_link_names_the_folder_as_nbgitpuller_does(dot_git):
    repo = github_repository(f"https://github.com/acme/newsfacts{dot_git}")
    link = nbgitpuller_link(repo, HUB, branch="student")
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}" == HUB
    assert parts.path == "/hub/user-redirect/git-pull"
    assert query(link) == {
        "repo": [f"https://github.com/acme/newsfacts{dot_git}"],
        "branch": ["student"],
        "urlpath": [f"lab/tree/newsfacts{dot_git}/notebooks/00-start-here.ipynb"],
    }
    assert "repo=https%3A%2F%2Fgithub.com%2Facme%2Fnewsfacts" in link  # URL-encoded


def test_jupyterhub_link_opens_the_pulled_folder():
    repo = github_repository("https://github.com/acme/newsfacts.git")
    link = jupyterhub_link(repo, HUB)
    assert link == f"{HUB}/hub/user-redirect/lab/tree/newsfacts.git/notebooks/00-start-here.ipynb"


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("hub.school.example", HUB),
        ("https://hub.school.example/", HUB),
        ("https://hub.school.example/hub/", HUB),
        ("http://localhost:8000/prefix", "http://localhost:8000/prefix"),
    ],
)
def test_hub_address_as_a_teacher_types_it(typed, expected):
    assert hub_address(typed) == expected


@pytest.mark.parametrize(
    "address, words",
    [
        ("https://gitlab.com/acme/newsfacts", ["gitlab.com", "not on GitHub", "github.com/"]),
        ("github.com/acme/newsfacts", ["not a web address", "https://github.com/"]),
        ("https://github.com/acme", ["exactly an owner and a name", "github.com/OWNER/REPO"]),
        ("https://github.com/acme/news/tree/main", ["exactly an owner and a name"]),
        ("https://github.com/acme/news facts", ["not a GitHub owner and repository name"]),
        ("OWNER/REPO", ["not a web address"]),
    ],
)
def test_bad_addresses_say_what_and_how_to_fix(address, words):
    with pytest.raises(AddressError) as caught:
        github_repository(address)
    for word in words:
        assert word in str(caught.value)


def test_bad_branch_is_refused():
    repo = github_repository("https://github.com/acme/newsfacts")
    with pytest.raises(AddressError, match="not a branch name"):
        binder_link(repo, branch="my branch")


def test_command_prints_three_links(capsys):
    status = main(["links", "https://github.com/acme/newsfacts.git", "--hub", "hub.school.example"])
    out = capsys.readouterr().out
    assert status == 0
    links = [line.strip() for line in out.splitlines() if line.startswith("  https://")]
    assert len(links) == 3
    assert links[0].startswith("https://mybinder.org/v2/gh/acme/newsfacts/student?")
    assert query(links[1])["branch"] == ["student"]
    assert links[2].startswith(f"{HUB}/hub/user-redirect/lab/tree/newsfacts.git/")


def test_command_reads_origin_and_takes_a_branch(tmp_path, monkeypatch, capsys):
    subprocess.run(["git", "init", "--quiet", str(tmp_path)], check=True)
    subprocess.run(
        ["git", "-C", str(tmp_path), "remote", "add", "origin", "git@github.com:acme/lessons.git"],
        check=True,
    )
    monkeypatch.chdir(tmp_path)
    assert main(["links", "--branch", "spring-term"]) == 0
    out = capsys.readouterr().out
    assert "https://mybinder.org/v2/gh/acme/lessons/spring-term?" in out
    assert "branch=spring-term" in out and "Replace HUB" in out


def test_command_without_origin_or_with_a_bad_address_explains(tmp_path, monkeypatch, capsys):
    subprocess.run(["git", "init", "--quiet", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)
    assert main(["links"]) == 1
    assert "no git remote called 'origin'" in capsys.readouterr().out
    assert main(["links", "https://gitlab.com/acme/lessons"]) == 1
    assert "not on GitHub" in capsys.readouterr().out
    assert main(["links", "https://github.com/acme/lessons", "--hub", "https://"]) == 1
    assert "not a hub address" in capsys.readouterr().out
