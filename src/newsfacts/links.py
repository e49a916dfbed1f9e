"""The links a teacher gives students: Binder, nbgitpuller and JupyterHub.

``python -m newsfacts links [REPOSITORY] [--hub HUB] [--branch student] [--lesson 04]
[--fresh-workspace]`` prints them for any git address a hub can clone (by default the one
``git remote get-url origin`` gives), in the forms those projects document:

- nbgitpuller: ``HUB/hub/user-redirect/git-pull?repo=...&branch=...&urlpath=...``, which
  copies the branch into the student's home on the hub, in a folder named after the last
  part of ``repo`` as given (``REPO.git`` for an address ending in ``.git``), then opens the
  lesson in it;
- JupyterHub: ``HUB/hub/user-redirect/lab/tree/FOLDER/LESSON``, the lesson in that folder
  once it has been pulled;
- Binder, only for a host mybinder.org builds from (GitHub: ``v2/gh/OWNER/REPO/BRANCH``,
  GitLab.com: ``v2/gl/GROUP%2FPROJECT/BRANCH``).

Addresses: ``https://`` (or ``http://``) as they are; SSH (``git@host:path``,
``ssh://git@host/path``) becomes ``https://host/path``, since a hub clones without the
teacher's keys; ``file:///path`` as it is. A plain path (``/srv/git/news.git``) becomes
``file:///srv/git/news.git``: git clones a plain path as a local copy that ignores
``--depth`` and takes every object of every branch, ``teacher/`` included, into each
student's ``.git``.

``branch`` is always set: nbgitpuller would otherwise follow the remote's default branch,
which holds the teacher's answer keys. The default branch is ``student`` (``make
student-branch``).
"""

from __future__ import annotations

import argparse
import ipaddress
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from newsfacts.errors import NewsfactsError

FIRST_LESSON = "notebooks/00-start-here.ipynb"
EXAMPLE = "https://github.com/OWNER/REPO"
# scp-like SSH addresses: user@host:path (no scheme).
_SCP = re.compile(r"^(?:[A-Za-z0-9._-]+@)?(?P<host>[A-Za-z0-9.-]+):(?P<path>(?!//).+)$")
_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")
# Hosts mybinder.org builds from, and the provider part of its links.
BINDER_HOSTS = {"github.com": "gh", "www.github.com": "gh", "gitlab.com": "gl"}
PLAIN_PATH_NOTE = (
    "A plain path makes git copy every object of every branch (teacher/ included) into each "
    "student's .git, so the link uses its file:// address."
)


class AddressError(NewsfactsError, ValueError):
    """A repository, hub or lesson these links cannot be made from; the message says why."""


@dataclass(frozen=True)
class Repository:
    """A git repository as the links name it.

    `clone_url` is what nbgitpuller clones; `binder` is Binder's provider path
    (``gh/OWNER/REPO``, ``gl/GROUP%2FPROJECT``), or None for a host mybinder.org does not
    build from; `note` says what was changed in the address the teacher gave, if anything.
    """

    clone_url: str
    binder: str | None = None
    note: str = ""

    @property
    def folder(self) -> str:
        """The folder nbgitpuller clones into: the last part of the address as given."""
        return self.clone_url.rstrip("/").rsplit("/", 1)[-1]

    @property
    def owner(self) -> str:
        """The part of the address before the repository's name."""
        path = urlsplit(self.clone_url).path.strip("/")
        return path.rsplit("/", 1)[0] if "/" in path else ""

    @property
    def name(self) -> str:
        """The repository's name, without ``.git``."""
        return self.folder.removesuffix(".git")


def _bad(address: str, why: str) -> AddressError:
    return AddressError(
        f"{address!r} {why}. Give the address the hub clones, such as {EXAMPLE}, "
        "git@gitlab.example.org:school/news.git or file:///srv/git/news.git."
    )


def repository(address: str) -> Repository:
    """Read any git address a hub can clone: https, SSH, ``file://`` or a plain path."""
    text = address.strip()
    note = ""
    if not text or " " in text:
        raise _bad(address, "is not a git address")
    scp = None if "://" in text else _SCP.match(text)
    if scp:
        text = f"https://{scp['host']}/{scp['path'].lstrip('/')}"
        note = (
            f"The hub clones without your SSH keys, so the link uses {text} "
            "(give the https address instead if your server serves it elsewhere)."
        )
    elif text.startswith("ssh://"):
        parts = urlsplit(text)
        if not parts.hostname:
            raise _bad(address, "names no host")
        text = f"https://{parts.hostname}{parts.path}"
        note = f"The hub clones without your SSH keys, so the link uses {text}."
    elif "://" not in text:
        if not (text.startswith(("/", ".", "~")) or Path(text).expanduser().exists()):
            raise _bad(address, "is neither a web address, an SSH address nor a path")
        text = Path(text).expanduser().resolve().as_uri()
        note = PLAIN_PATH_NOTE
    parts = urlsplit(text)
    if parts.scheme == "file":
        if parts.netloc or not parts.path.strip("/"):
            raise _bad(address, "is not a file:// address of a folder (file:///path)")
        return Repository(text.rstrip("/"), None, note)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise _bad(address, "is not a web address of a repository")
    if parts.query or parts.fragment:
        raise _bad(address, "has a ? or # part, so it names no repository")
    path = [part for part in parts.path.split("/") if part]
    host = parts.hostname.lower()
    provider = BINDER_HOSTS.get(host)
    if provider == "gh" and len(path) != 2:
        raise AddressError(
            f"{address!r} does not name one repository: a GitHub address has exactly an "
            f"owner and a name after github.com, such as {EXAMPLE}."
        )
    if not path or not all(_NAME.match(part) for part in path) or path[-1] == ".git":
        raise AddressError(
            f"{address!r}: {'/'.join(path) or '(nothing)'} is not a repository's path "
            "(letters, digits, '-', '_' and '.' between slashes). Copy the address from the "
            "repository's page."
        )
    clone_url = f"{parts.scheme}://{parts.netloc}/{'/'.join(path)}"
    binder = None
    if provider and len(path) >= 2:
        project = [*path[:-1], path[-1].removesuffix(".git")]
        spec = "/".join(project) if provider == "gh" else quote("/".join(project), safe="")
        binder = f"{provider}/{spec}"
    return Repository(clone_url, binder, note)


def github_repository(address: str) -> Repository:
    """`repository` for a GitHub address only (`AddressError` for any other host)."""
    repo = repository(address)
    if not (repo.binder or "").startswith("gh/"):
        raise AddressError(f"{address!r} is not on GitHub; give an address such as {EXAMPLE}.")
    return repo


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def hub_address(hub: str) -> str:
    """``SCHEME://HOST[/prefix]`` from what a teacher types, keeping the scheme typed.

    With no scheme: ``http://`` for this machine (localhost, 127.x.x.x, ::1), where a test
    hub has no certificate, and ``https://`` for any other host (`assumed_scheme` says which).
    """
    text = hub.strip()
    if "://" not in text:
        host = urlsplit(f"//{text}").hostname or ""
        text = f"{'http' if _loopback(host) else 'https'}://{text}"
    text = text.rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in {"http", "https"} or not parts.hostname or " " in text:
        raise AddressError(
            f"{hub!r} is not a hub address. Give the address students open, such as "
            "https://hub.example.org."
        )
    path = parts.path.removesuffix("/hub").rstrip("/")
    return f"{parts.scheme}://{parts.netloc}{path}"


def assumed_scheme(hub: str) -> str | None:
    """The scheme `hub_address` chose for `hub`, or None when the teacher typed one."""
    return None if "://" in hub else urlsplit(hub_address(hub)).scheme


def _check_branch(branch: str) -> None:
    if not branch or not re.match(r"^[A-Za-z0-9._/-]+$", branch) or ".." in branch:
        raise AddressError(f"{branch!r} is not a branch name; the student branch is 'student'.")


def lesson_path(lesson: str, available: list[str]) -> str:
    """The lesson file (``notebooks/04-....ipynb``) that `lesson` names among `available`.

    `lesson` is a number (``4``, ``04``), a file name with or without ``.ipynb``, or a path
    under ``notebooks/``. An unknown lesson raises `AddressError` listing the lessons.
    """
    text = lesson.strip().removeprefix("./").removeprefix("notebooks/").removesuffix(".ipynb")
    lessons = sorted(p for p in available if re.match(r"^notebooks/[^/]+\.ipynb$", p))
    if text.isdigit():
        found = [p for p in lessons if PurePosixPath(p).name.startswith(f"{int(text):02d}-")]
    else:
        found = [p for p in lessons if PurePosixPath(p).stem == text]
    if len(found) == 1:
        return found[0]
    names = ", ".join(PurePosixPath(p).stem for p in lessons) or "none found"
    raise AddressError(f"There is no lesson {lesson!r} in notebooks/. The lessons: {names}.")


def available_lessons(branch: str) -> list[str]:
    """The notebooks of `branch` (local or origin's), or else of this folder's notebooks/."""
    for ref in (branch, f"origin/{branch}"):
        done = subprocess.run(
            ["git", "ls-tree", "-r", "--name-only", ref, "--", "notebooks/"],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.split()
    done = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=False
    )
    root = Path(done.stdout.strip()) if done.returncode == 0 else Path.cwd()
    return [f"notebooks/{p.name}" for p in (root / "notebooks").glob("*.ipynb")]


def binder_link(repo: Repository, branch: str = "student", lesson: str = FIRST_LESSON) -> str:
    """The mybinder.org link that builds `branch` and opens `lesson` in JupyterLab."""
    _check_branch(branch)
    if repo.binder is None:
        raise AddressError(
            f"mybinder.org builds from GitHub and GitLab.com, not from {repo.clone_url}."
        )
    query = urlencode({"urlpath": f"lab/tree/{lesson}"}, quote_via=quote, safe="")
    return f"https://mybinder.org/v2/{repo.binder}/{quote(branch)}?{query}"


def lab_path(folder: str, lesson: str, fresh: bool = False) -> str:
    """JupyterLab's path to `lesson` in `folder`; `fresh`: in a workspace of its own.

    A fresh workspace (``lab/workspaces/LESSON/tree/...?reset``) opens the lesson alone,
    instead of reopening every tab of the student's last visit: the kernels of those tabs
    are then no longer connected, so the server's idle culling can stop them.
    """
    if not fresh:
        return f"lab/tree/{folder}/{lesson}"
    return f"lab/workspaces/{PurePosixPath(lesson).stem}/tree/{folder}/{lesson}?reset"


def nbgitpuller_link(
    repo: Repository,
    hub: str,
    branch: str = "student",
    lesson: str = FIRST_LESSON,
    fresh: bool = False,
) -> str:
    """The hub link that pulls `branch` into the student's home, then opens `lesson`."""
    _check_branch(branch)
    query = {
        "repo": repo.clone_url,
        "branch": branch,
        "urlpath": lab_path(repo.folder, lesson, fresh),
    }
    return f"{hub}/hub/user-redirect/git-pull?{urlencode(query, quote_via=quote, safe='')}"


def jupyterhub_link(
    repo: Repository, hub: str, lesson: str = FIRST_LESSON, fresh: bool = False
) -> str:
    """The hub link to `lesson` in the student's copy, once nbgitpuller has made it."""
    return f"{hub}/hub/user-redirect/{quote(lab_path(repo.folder, lesson, fresh), safe='/?')}"


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
            "This folder has no git remote called 'origin' (publish the repository first), "
            f"or give the address: python -m newsfacts links {EXAMPLE}"
        )
    return done.stdout.strip()


def add_parser(commands: Any) -> None:
    """Register ``links`` on `commands`, what ``ArgumentParser.add_subparsers()`` returned."""
    links = commands.add_parser(
        "links",
        help="print the nbgitpuller, JupyterHub and Binder links for students",
        description="Print the links students open, for this repository on any git host.",
    )
    links.add_argument(
        "repository",
        nargs="?",
        default=None,
        help="git address: https, SSH or file:// (default: git's origin)",
    )
    links.add_argument("--hub", default=None, help="your JupyterHub's address")
    links.add_argument("--branch", default="student", help="branch to open (default: student)")
    links.add_argument(
        "--lesson", default=None, help="lesson to open: 04, or 04-venezuela (default: 00)"
    )
    links.add_argument(
        "--fresh-workspace",
        action="store_true",
        help="hub links open the lesson alone, not the tabs of the last visit",
    )


def run(args: argparse.Namespace) -> int:
    """Print the links; on a bad address or lesson print what is wrong and return 1."""
    try:
        repo = repository(args.repository or origin_url())
        hub = hub_address(args.hub) if args.hub else "https://HUB"
        _check_branch(args.branch)
        lesson = FIRST_LESSON
        if getattr(args, "lesson", None):
            lesson = lesson_path(args.lesson, available_lessons(args.branch))
        fresh = bool(getattr(args, "fresh_workspace", False))
        pull = nbgitpuller_link(repo, hub, args.branch, lesson, fresh)
        lines = [
            f"nbgitpuller (copies the lessons into each student's folder on the hub):\n  {pull}",
            f"JupyterHub (the lesson, once pulled):\n  {jupyterhub_link(repo, hub, lesson, fresh)}",
        ]
        if repo.binder:
            lines.insert(
                0, f"Binder (a one-off class):\n  {binder_link(repo, args.branch, lesson)}"
            )
    except AddressError as error:
        print(error)
        return 1
    print("\n".join(lines))
    if repo.note:
        print(repo.note)
    if not repo.binder:
        where = urlsplit(repo.clone_url).hostname or "a file:// address"
        print(f"No Binder link: mybinder.org builds from GitHub and GitLab.com, not {where}.")
    if not args.hub:
        print("Replace HUB with your hub's address, or run again with --hub HUB.")
    elif assumed_scheme(args.hub):
        print(f"No scheme in --hub: {assumed_scheme(args.hub)}:// assumed; type it to choose.")
    return 0
