"""The links a teacher gives students: Binder, nbgitpuller and JupyterHub.

``python -m newsfacts links [REPOSITORY_URL] [--hub HUB] [--branch student]`` prints them,
for the repository's GitHub address (by default the one ``git remote get-url origin``
gives), in the forms those projects document:

- Binder: ``https://mybinder.org/v2/gh/OWNER/REPO/BRANCH?urlpath=lab/tree/LESSON``;
- nbgitpuller: ``https://HUB/hub/user-redirect/git-pull?repo=...&branch=...&urlpath=...``,
  which copies the branch into the student's home on the hub, in a folder named after the
  last part of ``repo`` as given (``REPO.git`` for an address ending in ``.git``), then
  opens the lesson in it;
- JupyterHub: ``https://HUB/hub/user-redirect/lab/tree/FOLDER/LESSON``, the lesson in that
  folder once it has been pulled.

``branch`` is always set: nbgitpuller would otherwise follow the remote's default branch,
which holds the teacher's answer keys. The default branch is ``student`` (``make
student-branch``).
"""

from __future__ import annotations

import argparse
import re
import subprocess
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

FIRST_LESSON = "notebooks/00-start-here.ipynb"
EXAMPLE = "https://github.com/OWNER/REPO"
_SSH = re.compile(r"^(?:ssh://)?git@github\.com[:/](?P<path>.+)$")
_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")


class AddressError(ValueError):
    """A repository or hub address these links cannot be made from; the message says why."""


@dataclass(frozen=True)
class Repository:
    """A GitHub repository as a link names it: owner, name, and the address to clone."""

    owner: str
    name: str
    clone_url: str

    @property
    def folder(self) -> str:
        """The folder nbgitpuller clones into: the last part of the address as given."""
        return self.clone_url.rstrip("/").rsplit("/", 1)[-1]


def github_repository(address: str) -> Repository:
    """Read a GitHub address (https or SSH, with or without ``.git``).

    An SSH address (``git@github.com:OWNER/REPO.git``) becomes its https form, since a hub
    clones without the teacher's keys. Raises `AddressError` for any other host or shape.
    """
    text = address.strip()
    ssh = _SSH.match(text)
    if ssh:
        text = f"https://github.com/{ssh['path']}"
    parts = urlsplit(text)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise AddressError(
            f"{address!r} is not a web address of a repository. "
            f"Give its GitHub address, such as {EXAMPLE}."
        )
    if parts.netloc.lower() not in {"github.com", "www.github.com"}:
        raise AddressError(
            f"{address!r} is on {parts.netloc}, not on GitHub. These links are made for "
            f"GitHub (Binder's gh/ form): publish the repository on GitHub and give its "
            f"address, such as {EXAMPLE}."
        )
    path = [part for part in parts.path.split("/") if part]
    if len(path) != 2 or parts.query or parts.fragment:
        raise AddressError(
            f"{address!r} does not name one repository: a GitHub address has exactly an "
            f"owner and a name after github.com, such as {EXAMPLE}."
        )
    owner, name = path
    bare = name.removesuffix(".git")
    if not (_NAME.match(owner) and _NAME.match(name) and bare):
        raise AddressError(
            f"{address!r}: {owner}/{name} is not a GitHub owner and repository name "
            f"(letters, digits, '-', '_' and '.'). Copy the address from the repository's page."
        )
    return Repository(owner, bare, f"https://github.com/{owner}/{name}")


def hub_address(hub: str) -> str:
    """``https://HOST[/prefix]`` from what a teacher types (with or without https://)."""
    text = hub.strip()
    if "://" not in text:
        text = f"https://{text}"
    text = text.rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in {"http", "https"} or not parts.hostname or " " in text:
        raise AddressError(
            f"{hub!r} is not a hub address. Give the address students open, such as "
            "https://hub.example.org."
        )
    path = parts.path.removesuffix("/hub").rstrip("/")
    return f"{parts.scheme}://{parts.netloc}{path}"


def _check_branch(branch: str) -> None:
    if not branch or not re.match(r"^[A-Za-z0-9._/-]+$", branch) or ".." in branch:
        raise AddressError(f"{branch!r} is not a branch name; the student branch is 'student'.")


def binder_link(repo: Repository, branch: str = "student", lesson: str = FIRST_LESSON) -> str:
    """The mybinder.org link that builds `branch` and opens `lesson` in JupyterLab."""
    _check_branch(branch)
    query = urlencode({"urlpath": f"lab/tree/{lesson}"}, quote_via=quote, safe="")
    return f"https://mybinder.org/v2/gh/{repo.owner}/{repo.name}/{quote(branch)}?{query}"


def nbgitpuller_link(
    repo: Repository, hub: str, branch: str = "student", lesson: str = FIRST_LESSON
) -> str:
    """The hub link that pulls `branch` into the student's home, then opens `lesson`."""
    _check_branch(branch)
    query = {
        "repo": repo.clone_url,
        "branch": branch,
        "urlpath": f"lab/tree/{repo.folder}/{lesson}",
    }
    return f"{hub}/hub/user-redirect/git-pull?{urlencode(query, quote_via=quote, safe='')}"


def jupyterhub_link(repo: Repository, hub: str, lesson: str = FIRST_LESSON) -> str:
    """The hub link to `lesson` in the student's copy, once nbgitpuller has made it."""
    return f"{hub}/hub/user-redirect/lab/tree/{quote(repo.folder)}/{quote(lesson)}"


def origin_url() -> str:
    """The address of this repository's ``origin`` remote (`AddressError` without one)."""
    try:
        done = subprocess.run(
            ["git", "remote", "get-url", "origin"], capture_output=True, text=True, check=False
        )
    except FileNotFoundError as missing:
        raise AddressError(
            f"git is not installed, so the address cannot be found: give it, e.g. "
            f"python -m newsfacts links {EXAMPLE}"
        ) from missing
    if done.returncode:
        raise AddressError(
            "This folder has no git remote called 'origin' (publish the repository on GitHub "
            f"first), or give the address: python -m newsfacts links {EXAMPLE}"
        )
    return done.stdout.strip()


def add_parser(commands: Any) -> None:
    """Register ``links`` on `commands`, what ``ArgumentParser.add_subparsers()`` returned."""
    links = commands.add_parser(
        "links",
        help="print the Binder, nbgitpuller and JupyterHub links for students",
        description="Print the links students open, for this repository on GitHub.",
    )
    links.add_argument(
        "repository", nargs="?", default=None, help="GitHub address (default: git's origin)"
    )
    links.add_argument("--hub", default=None, help="your JupyterHub's address")
    links.add_argument("--branch", default="student", help="branch to open (default: student)")


def run(args: argparse.Namespace) -> int:
    """Print the three links; on a bad address print what is wrong and return 1."""
    try:
        repo = github_repository(args.repository or origin_url())
        hub = hub_address(args.hub) if args.hub else "https://HUB"
        lines = [
            f"Binder (a one-off class):\n  {binder_link(repo, args.branch)}",
            f"nbgitpuller (copies the lessons into each student's folder on the hub):\n"
            f"  {nbgitpuller_link(repo, hub, args.branch)}",
            f"JupyterHub (the first lesson, once pulled):\n  {jupyterhub_link(repo, hub)}",
        ]
    except AddressError as error:
        print(error)
        return 1
    print("\n".join(lines))
    if not args.hub:
        print("Replace HUB with your hub's address, or run again with --hub HUB.")
    return 0
