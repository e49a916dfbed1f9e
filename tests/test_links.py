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
    lesson_path,
    nbgitpuller_link,
    repository,
)

ROOT = Path(__file__).resolve().parents[1]
HUB = "https://hub.school.example"
LESSONS = sorted(f"notebooks/{p.name}" for p in (ROOT / "notebooks").glob("*.ipynb"))
(LESSON_04,) = [p for p in LESSONS if p.startswith("notebooks/04-")]  # whatever its name
STEM_04 = LESSON_04.removeprefix("notebooks/").removesuffix(".ipynb")


def query(link: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(link).query, strict_parsing=True)


def printed_links(out: str) -> list[str]:
    return [line.strip() for line in out.splitlines() if line.startswith("  ")]


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
def test_github_address_forms(address, clone_url, folder):
    repo = repository(address)
    assert (repo.owner, repo.name) == ("acme", "newsfacts")
    assert repo.clone_url == clone_url
    assert repo.folder == folder
    assert repo.binder == "gh/acme/newsfacts"


@pytest.mark.parametrize(
    "address, clone_url, binder",
    [
        (
            "git@gitlab.example.org:school/news.git",
            "https://gitlab.example.org/school/news.git",
            None,
        ),
        (
            "ssh://git@gitlab.example.org:2222/school/year-10/news.git",
            "https://gitlab.example.org/school/year-10/news.git",
            None,
        ),
        ("https://gitlab.com/school/year-10/news", "https://gitlab.com/school/year-10/news", 1),
        ("http://git.school.lan/news.git", "http://git.school.lan/news.git", None),
    ],
)
def test_other_hosts_give_an_address_the_hub_can_clone(address, clone_url, binder):
    repo = repository(address)
    assert repo.clone_url == clone_url
    assert (repo.binder is not None) == bool(binder)


def test_gitlab_address_gives_hub_links_and_no_binder_link(capsys):
    status = main(
        ["links", "git@gitlab.example.org:school/news.git", "--hub", "hub.school.example"]
    )
    out = capsys.readouterr().out
    assert status == 0
    links = printed_links(out)
    assert len(links) == 2 and not any("mybinder.org" in link for link in links)
    pull = query(links[0])
    assert pull["repo"] == ["https://gitlab.example.org/school/news.git"]
    assert pull["branch"] == ["student"]
    assert pull["urlpath"] == ["lab/tree/news.git/notebooks/00-start-here.ipynb"]
    assert links[1] == f"{HUB}/hub/user-redirect/lab/tree/news.git/notebooks/00-start-here.ipynb"


def test_gitlab_com_gets_binders_gitlab_link():
    link = binder_link(repository("https://gitlab.com/school/year-10/news.git"))
    parts = urlsplit(link)
    assert (parts.netloc, parts.path) == ("mybinder.org", "/v2/gl/school%2Fyear-10%2Fnews/student")


def test_file_address_is_kept_and_opens_the_cloned_folder(tmp_path, capsys):
    address = (tmp_path / "news.git").as_uri()
    assert main(["links", address, "--hub", "http://127.0.0.1:42365"]) == 0
    out = capsys.readouterr().out
    pull, direct = printed_links(out)
    assert query(pull)["repo"] == [address]
    assert query(pull)["urlpath"] == ["lab/tree/news.git/notebooks/00-start-here.ipynb"]
    assert direct.startswith("http://127.0.0.1:42365/hub/user-redirect/lab/tree/news.git/")


def test_plain_path_becomes_a_file_address_and_says_why(tmp_path):
    (tmp_path / "news.git").mkdir()
    repo = repository(str(tmp_path / "news.git"))
    assert repo.clone_url == (tmp_path / "news.git").as_uri()
    assert repo.note  # the teacher is told the address was changed
    assert repository(repo.clone_url).note == ""


def test_a_clone_of_the_printed_file_address_is_shallow(tmp_path):
    """Why a plain path is turned into file://: a shallow clone of it holds one commit."""
    origin = tmp_path / "origin"
    subprocess.run(["git", "init", "--quiet", "-b", "student", str(origin)], check=True)
    for n in range(3):
        (origin / "f.txt").write_text(str(n))
        subprocess.run(["git", "-C", str(origin), "add", "f.txt"], check=True)
        subprocess.run(
            ["git", "-C", str(origin), "-c", "user.name=t", "-c", "user.email=t@e.invalid"]
            + ["commit", "--quiet", "-m", str(n)],
            check=True,
        )
    url = repository(str(origin)).clone_url
    subprocess.run(
        [
            "git",
            "clone",
            "--quiet",
            "--depth",
            "1",
            "--branch",
            "student",
            url,
            str(tmp_path / "c"),
        ],
        check=True,
    )
    count = subprocess.run(
        ["git", "-C", str(tmp_path / "c"), "rev-list", "--count", "--all"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert count.stdout.strip() == "1"


def test_lesson_04_resolves_to_its_notebook(capsys):
    assert lesson_path("04", LESSONS) == LESSON_04
    assert lesson_path("4", LESSONS) == LESSON_04
    assert lesson_path(STEM_04, LESSONS) == LESSON_04
    assert lesson_path(LESSON_04, LESSONS) == LESSON_04
    with pytest.raises(AddressError, match=STEM_04):
        lesson_path("42", LESSONS)


def test_command_links_to_lesson_04(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["links", "https://github.com/acme/newsfacts", "--hub", HUB, "--lesson", "04"]) == 0
    binder, pull, direct = printed_links(capsys.readouterr().out)
    assert query(binder)["urlpath"] == [f"lab/tree/{LESSON_04}"]
    assert query(pull)["urlpath"] == [f"lab/tree/newsfacts/{LESSON_04}"]
    assert direct == f"{HUB}/hub/user-redirect/lab/tree/newsfacts/{LESSON_04}"
    for link in (binder, pull):
        path = query(link)["urlpath"][0].split("notebooks/", 1)[1]
        assert (ROOT / "notebooks" / path).is_file()


def test_unknown_lesson_is_refused_with_the_list(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["links", "https://github.com/acme/newsfacts", "--lesson", "99"]) == 1
    assert "00-start-here" in capsys.readouterr().out


def test_binder_link_form():
    link = binder_link(repository("https://github.com/acme/newsfacts.git"))
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc) == ("https", "mybinder.org")
    assert parts.path == "/v2/gh/acme/newsfacts/student"  # no .git in Binder's form
    assert query(link) == {"urlpath": ["lab/tree/notebooks/00-start-here.ipynb"]}
    assert (ROOT / "notebooks" / "00-start-here.ipynb").is_file()


def test_no_binder_link_for_a_host_binder_does_not_serve():
    with pytest.raises(AddressError, match="GitHub and GitLab.com"):
        binder_link(repository("https://git.school.lan/news.git"))


@pytest.mark.parametrize("dot_git", ["", ".git"])
def test_nbgitpuller_link_names_the_folder_as_nbgitpuller_does(dot_git):
    repo = repository(f"https://github.com/acme/newsfacts{dot_git}")
    link = nbgitpuller_link(repo, HUB, branch="student")
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}" == HUB
    assert parts.path == "/hub/user-redirect/git-pull"
    assert query(link) == {
        "repo": [f"https://github.com/acme/newsfacts{dot_git}"],
        "branch": ["student"],
        "urlpath": [f"lab/tree/newsfacts{dot_git}/notebooks/00-start-here.ipynb"],
    }


def test_jupyterhub_link_opens_the_pulled_folder():
    repo = repository("https://github.com/acme/newsfacts.git")
    link = jupyterhub_link(repo, HUB)
    assert link == f"{HUB}/hub/user-redirect/lab/tree/newsfacts.git/notebooks/00-start-here.ipynb"


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("hub.school.example", HUB),
        ("https://hub.school.example/", HUB),
        ("https://hub.school.example/hub/", HUB),
        ("http://localhost:8000/prefix", "http://localhost:8000/prefix"),
        ("http://127.0.0.1:42365", "http://127.0.0.1:42365"),
        ("127.0.0.1:42365", "http://127.0.0.1:42365"),
        ("localhost:8000", "http://localhost:8000"),
        ("http://hub.school.example", "http://hub.school.example"),
    ],
)
def test_hub_address_keeps_the_scheme_typed(typed, expected):
    assert hub_address(typed) == expected


def test_command_says_which_scheme_it_assumed(capsys):
    repo = "https://github.com/acme/newsfacts"
    assert main(["links", repo, "--hub", "127.0.0.1:42365"]) == 0
    out = capsys.readouterr().out
    assert all(link.startswith("http://127.0.0.1:42365/") for link in printed_links(out)[1:])
    assert "http://" in out.splitlines()[-1]
    assert main(["links", repo, "--hub", "http://127.0.0.1:42365"]) == 0
    assert "assumed" not in capsys.readouterr().out


@pytest.mark.parametrize(
    "address",
    [
        "github.com/acme/newsfacts",  # no scheme, no path on disk
        "https://github.com/acme",
        "https://github.com/acme/news/tree/main",
        "https://github.com/acme/news facts",
        "https://gitlab.example.org/",
        "https://git.school.lan/news?tab=files",
        "OWNER/REPO",
        "ftp://git.school.lan/news.git",
    ],
)
def test_bad_addresses_are_refused_with_an_example(address):
    with pytest.raises(AddressError) as caught:
        repository(address)
    assert "github.com/" in str(caught.value) or "Copy the address" in str(caught.value)


def test_github_repository_refuses_other_hosts():
    assert github_repository("https://github.com/acme/news").binder == "gh/acme/news"
    with pytest.raises(AddressError, match="not on GitHub"):
        github_repository("https://gitlab.com/acme/news")


def test_bad_branch_is_refused():
    repo = repository("https://github.com/acme/newsfacts")
    with pytest.raises(AddressError, match="not a branch name"):
        binder_link(repo, branch="my branch")


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


def test_command_without_origin_or_with_a_bad_address_fails(tmp_path, monkeypatch, capsys):
    subprocess.run(["git", "init", "--quiet", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)
    assert main(["links"]) == 1
    assert "origin" in capsys.readouterr().out
    assert main(["links", "https://github.com/acme"]) == 1
    assert main(["links", "https://github.com/acme/lessons", "--hub", "https://"]) == 1
    assert "not a hub address" in capsys.readouterr().out


def test_fresh_workspace_links_open_the_lesson_alone(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    args = ["links", "https://github.com/acme/news", "--hub", HUB, "--lesson", "04"]
    assert main([*args, "--fresh-workspace"]) == 0
    binder, pull, direct = printed_links(capsys.readouterr().out)
    want = f"lab/workspaces/{STEM_04}/tree/news/{LESSON_04}?reset"
    assert query(pull)["urlpath"] == [want]
    assert direct == f"{HUB}/hub/user-redirect/{want}"
    assert query(binder)["urlpath"] == [f"lab/tree/{LESSON_04}"]
