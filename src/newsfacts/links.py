"""The links a teacher gives students: Binder, nbgitpuller and JupyterHub.

``python -m newsfacts links [REPOSITORY] [--hub HUB] [--branch student] [--lesson 04]
[--fresh-workspace]`` prints them, in the forms those projects document (see the README),
for any git address a hub can clone (by default ``git remote get-url origin``). An SSH
address becomes ``https://host/path`` (a hub clones without the teacher's keys); a plain
path becomes ``file:///path`` (git copies every branch of a plain path, ``teacher/``
included, into each student's ``.git``). ``branch`` is always set (default ``student``):
nbgitpuller would otherwise pull the remote's default branch, with the answer keys."""

from __future__ import annotations

import ipaddress
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlencode, urlsplit

from newsfacts.errors import NewsfactsError

FIRST_LESSON = "notebooks/00-start-here.ipynb"
EXAMPLE = "https://github.com/OWNER/REPO"
# scp-like SSH addresses: user@host:path (no scheme).
_SCP = re.compile(r"^(?:[A-Za-z0-9._-]+@)?(?P<host>[A-Za-z0-9.-]+):(?P<path>(?!//).+)$")
_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")
#: Hosts mybinder.org builds from: the provider in its links, and what its path leaves
#: unquoted (GitLab's path is one quoted part: ``GROUP%2FPROJECT``).
BINDER_HOSTS = {"github.com": ("gh", "/"), "www.github.com": ("gh", "/"), "gitlab.com": ("gl", "")}
_SSH_NOTE = "The hub clones without your SSH keys, so the link uses {}"
PLAIN_PATH_NOTE = (
    "A plain path makes git copy every object of every branch (teacher/ included) into each "
    "student's .git, so the link uses its file:// address."
)


class AddressError(NewsfactsError, ValueError):
    """A repository, hub or lesson these links cannot be made from; the message says why."""


@dataclass(frozen=True)
class Repository:
    """A git repository: `clone_url` (what nbgitpuller clones), `binder` (Binder's provider
    path, ``gh/OWNER/REPO``; None for a host mybinder.org does not build from) and `note`
    (what was changed in the address the teacher gave, if anything)."""

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
        return urlsplit(self.clone_url).path.strip("/").rpartition("/")[0]

    @property
    def name(self) -> str:
        """The repository's name, without ``.git``."""
        return self.folder.removesuffix(".git")


def _bad(address: str, why: str) -> AddressError:
    return AddressError(
        f"{address!r} {why}. Give the address the hub clones, such as {EXAMPLE}, "
        "git@gitlab.example.org:school/news.git or file:///srv/git/news.git."
    )


def _web_address(address: str) -> tuple[str, str]:
    """`address` as the hub clones it (https, http or file://), and what was changed."""
    text = address.strip()
    if not text or " " in text:
        raise _bad(address, "is not a git address")
    if text.startswith("ssh://"):
        if not (parts := urlsplit(text)).hostname:
            raise _bad(address, "names no host")
        text = f"https://{parts.hostname}{parts.path}"
        return text, _SSH_NOTE.format(text) + "."
    if "://" in text:
        return text, ""
    if scp := _SCP.match(text):
        text = f"https://{scp['host']}/{scp['path'].lstrip('/')}"
        why = " (give the https address instead if your server serves it elsewhere)."
        return text, _SSH_NOTE.format(text) + why
    if not (text.startswith(("/", ".", "~")) or Path(text).expanduser().exists()):
        raise _bad(address, "is neither a web address, an SSH address nor a path")
    return Path(text).expanduser().resolve().as_uri(), PLAIN_PATH_NOTE


def repository(address: str) -> Repository:
    """Read any git address a hub can clone: https, SSH, ``file://`` or a plain path."""
    text, note = _web_address(address)
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
    provider, safe = BINDER_HOSTS.get(parts.hostname.lower(), (None, ""))
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
    project = "/".join(path).removesuffix(".git")
    binder = f"{provider}/{quote(project, safe=safe)}" if provider and len(path) >= 2 else None
    return Repository(f"{parts.scheme}://{parts.netloc}/{'/'.join(path)}", binder, note)


def github_repository(address: str) -> Repository:
    """`repository` for a GitHub address only (`AddressError` for any other host)."""
    repo = repository(address)
    if not (repo.binder or "").startswith("gh/"):
        raise AddressError(f"{address!r} is not on GitHub; give an address such as {EXAMPLE}.")
    return repo


def hub_address(hub: str) -> str:
    """``SCHEME://HOST[/prefix]`` from what a teacher types, keeping the scheme typed; with
    none, ``http://`` for this machine (localhost, 127.x.x.x, ::1), where a test hub has no
    certificate, and ``https://`` for any other host."""
    text = hub.strip()
    if "://" not in text:
        host = urlsplit(f"//{text}").hostname or ""
        try:
            here = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            here = False
        text = f"{'http' if here else 'https'}://{text}"
    parts = urlsplit(text.rstrip("/"))
    if parts.scheme not in {"http", "https"} or not parts.hostname or " " in text:
        raise AddressError(
            f"{hub!r} is not a hub address. Give the address students open, such as "
            "https://hub.example.org."
        )
    return f"{parts.scheme}://{parts.netloc}{parts.path.removesuffix('/hub').rstrip('/')}"


def _check_branch(branch: str) -> None:
    if not branch or not re.match(r"^[A-Za-z0-9._/-]+$", branch) or ".." in branch:
        raise AddressError(f"{branch!r} is not a branch name; the student branch is 'student'.")


def lesson_path(lesson: str, available: list[str]) -> str:
    """The lesson file (``notebooks/04-....ipynb``) that `lesson` names among `available`:
    a number (``4``, ``04``), a file name with or without ``.ipynb``, or a path under
    ``notebooks/``. An unknown lesson raises `AddressError` listing the lessons."""
    text = lesson.strip().removeprefix("./").removeprefix("notebooks/").removesuffix(".ipynb")
    lessons = [
        PurePosixPath(p) for p in sorted(available) if re.match(r"^notebooks/[^/]+\.ipynb$", p)
    ]
    number = f"{int(text):02d}-" if text.isdigit() else None
    found = [str(p) for p in lessons if (p.name.startswith(number) if number else p.stem == text)]
    if len(found) == 1:
        return found[0]
    names = ", ".join(p.stem for p in lessons) or "none found"
    raise AddressError(f"There is no lesson {lesson!r} in notebooks/. The lessons: {names}.")


def _git(*args: str) -> str | None:
    """What a git command prints, or None when it fails."""
    done = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    return None if done.returncode else done.stdout.strip()


def available_lessons(branch: str) -> list[str]:
    """The notebooks of `branch` (local or origin's), or else of this folder's notebooks/."""
    for ref in (branch, f"origin/{branch}"):
        if listed := _git("ls-tree", "-r", "--name-only", ref, "--", "notebooks/"):
            return listed.split()
    root = Path(_git("rev-parse", "--show-toplevel") or Path.cwd())
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
    """JupyterLab's path to `lesson` in `folder`; `fresh`: in a workspace of its own, which
    opens the lesson alone instead of every tab of the last visit, so that the hub's idle
    culling can stop the kernels of those tabs."""
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
    urlpath = lab_path(repo.folder, lesson, fresh)
    query = urlencode(
        {"repo": repo.clone_url, "branch": branch, "urlpath": urlpath}, quote_via=quote, safe=""
    )
    return f"{hub}/hub/user-redirect/git-pull?{query}"


def jupyterhub_link(
    repo: Repository, hub: str, lesson: str = FIRST_LESSON, fresh: bool = False
) -> str:
    """The hub link to `lesson` in the student's copy, once nbgitpuller has made it."""
    return f"{hub}/hub/user-redirect/{quote(lab_path(repo.folder, lesson, fresh), safe='/?')}"


def origin_url() -> str:
    """The address of this repository's ``origin`` remote (`AddressError` without one)."""
    try:
        url = _git("remote", "get-url", "origin")
        why = "This folder has no git remote called 'origin' (publish the repository first), or "
        why += "give the address:"
    except FileNotFoundError:
        url, why = None, "git is not installed, so the address cannot be found: give it, e.g."
    if url is None:
        raise AddressError(f"{why} python -m newsfacts links {EXAMPLE}")
    return url


def student_links(
    address: str | None = None,
    hub: str | None = None,
    branch: str = "student",
    lesson: str | None = None,
    fresh: bool = False,
) -> str:
    """What ``python -m newsfacts links`` prints: each link under what it is for, then what
    the teacher should know (`AddressError` for a bad address, hub, branch or lesson)."""
    repo = repository(address or origin_url())
    hub_url = hub_address(hub) if hub else "https://HUB"
    _check_branch(branch)
    lesson = lesson_path(lesson, available_lessons(branch)) if lesson else FIRST_LESSON
    where = urlsplit(repo.clone_url).hostname or "a file:// address"
    scheme = hub and "://" not in hub and urlsplit(hub_url).scheme
    lines = [
        repo.binder and f"Binder (a one-off class):\n  {binder_link(repo, branch, lesson)}",
        "nbgitpuller (copies the lessons into each student's folder on the hub):\n  "
        + nbgitpuller_link(repo, hub_url, branch, lesson, fresh),
        f"JupyterHub (the lesson, once pulled):\n  {jupyterhub_link(repo, hub_url, lesson, fresh)}",
        repo.note,
        not repo.binder
        and f"No Binder link: mybinder.org builds from GitHub and GitLab.com, not {where}.",
        not hub and "Replace HUB with your hub's address, or run again with --hub HUB.",
        scheme and f"No scheme in --hub: {scheme}:// assumed; type it to choose.",
    ]
    return "\n".join(line for line in lines if line)
