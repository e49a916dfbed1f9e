"""A network guard for a whole Python process: tests/test_network.py installs it as
``sitecustomize.py`` on PYTHONPATH, so Python loads it when the process starts (a notebook's
kernel, a subprocess). Never import it into the test process itself.

It makes ``socket.socket.connect``, ``connect_ex``, ``socket.create_connection``,
``socket.getaddrinfo``, ``gethostbyname`` and ``gethostbyname_ex`` raise for any address that
is not on this machine (127.0.0.0/8, ::1, localhost) and is not a unix socket, and appends
one line per attempt to the file named by NEWSFACTS_NET_LOG, so that an attempt that the code
catches and ignores is still seen. It also appends the process id to NEWSFACTS_NET_ARMED, to
show that the guard was loaded.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
import traceback

LOG = os.environ.get("NEWSFACTS_NET_LOG", "")
ARMED = os.environ.get("NEWSFACTS_NET_ARMED", "")
LOCAL_NAMES = {"", "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


class BlockedConnection(PermissionError):
    """Raised instead of opening a connection that would leave this machine."""


def _is_local(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    name = str(host).strip().strip("[]").lower()
    if name in LOCAL_NAMES or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name.split("%")[0])
    except ValueError:
        return False  # any other host name would need a DNS lookup: not local
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_loopback or (mapped is not None and mapped.is_loopback)


def _block(what: str, target: object) -> None:
    caller = "".join(traceback.format_stack(limit=6)[:-2]).replace("\n", " | ")
    if LOG:
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(f"pid {os.getpid()} {what} {target!r} from {caller}\n")
    raise BlockedConnection(f"network access blocked by the test guard: {what} {target!r}")


def _check_address(sock: socket.socket, address: object, what: str) -> None:
    if getattr(socket, "AF_UNIX", None) is not None and sock.family == socket.AF_UNIX:
        return
    if isinstance(address, tuple) and address:
        if not _is_local(address[0]):
            _block(what, address)
    elif not isinstance(address, str | bytes):
        _block(what, address)


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_create_connection = socket.create_connection
_getaddrinfo = socket.getaddrinfo
_gethostbyname = socket.gethostbyname
_gethostbyname_ex = socket.gethostbyname_ex


def connect(self, address):
    _check_address(self, address, "connect")
    return _connect(self, address)


def connect_ex(self, address):
    _check_address(self, address, "connect_ex")
    return _connect_ex(self, address)


def create_connection(address, *args, **kwargs):
    if not _is_local(address[0]):
        _block("create_connection", address)
    return _create_connection(address, *args, **kwargs)


def getaddrinfo(host, *args, **kwargs):
    if not _is_local(host):
        _block("getaddrinfo", host)
    return _getaddrinfo(host, *args, **kwargs)


def gethostbyname(host):
    if not _is_local(host):
        _block("gethostbyname", host)
    return _gethostbyname(host)


def gethostbyname_ex(host):
    if not _is_local(host):
        _block("gethostbyname_ex", host)
    return _gethostbyname_ex(host)


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.create_connection = create_connection
socket.getaddrinfo = getaddrinfo
socket.gethostbyname = gethostbyname
socket.gethostbyname_ex = gethostbyname_ex

if ARMED:
    with open(ARMED, "a", encoding="utf-8") as armed:
        armed.write(f"{os.getpid()} {' '.join(sys.argv[:3])}\n")
