"""Suite-wide guard: no test reaches the network beyond this machine.

Tests talk to fake servers on 127.0.0.1 only. Two things are enforced in the test
process (notebook kernels and the JupyterLab server are subprocesses and bind to
127.0.0.1 themselves):

* host names under the reserved top-level domains of RFC 2606/6761 (``.invalid``,
  ``.example``, ``.test``) never exist, so they fail to resolve here, at once, as the
  resolver would answer - without sending a DNS query off the machine;
* any other name that is not this machine, and any TCP connection to an address that
  is not a loopback address, fails the test that tried it.
"""
from __future__ import annotations

import ipaddress
import socket

import pytest

_RESERVED_TLDS = (".invalid", ".example", ".test")
_real_getaddrinfo = socket.getaddrinfo
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_attempts: list[str] = []


def _is_loopback(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host is None or host in ("", "localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _guarded_getaddrinfo(host, *args, **kwargs):
    name = host.decode("ascii", "replace") if isinstance(host, bytes) else host
    if _is_loopback(name) or name in (socket.gethostname(), "0.0.0.0", "::"):
        return _real_getaddrinfo(host, *args, **kwargs)
    if str(name).rstrip(".").lower().endswith(_RESERVED_TLDS):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    _attempts.append(f"resolve {name!r}")
    raise socket.gaierror(socket.EAI_NONAME, f"tests may not resolve {name!r} (network off in the suite)")


def _check_address(sock: socket.socket, address) -> None:
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM \
            and isinstance(address, tuple) and not _is_loopback(address[0]):
        _attempts.append(f"connect to {address[0]}:{address[1]}")
        raise OSError(f"tests may not connect to {address[0]}:{address[1]} (network off in the suite)")


def _guarded_connect(self, address):
    _check_address(self, address)
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    _check_address(self, address)
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True, scope="session")
def _no_network_beyond_loopback():
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket, "getaddrinfo", _guarded_getaddrinfo)
        mp.setattr(socket.socket, "connect", _guarded_connect)
        mp.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
        yield


@pytest.fixture(autouse=True)
def _fail_on_network_attempts():
    yield
    if _attempts:
        tried = "; ".join(dict.fromkeys(_attempts))
        _attempts.clear()
        pytest.fail(f"the test tried to use the network beyond 127.0.0.1: {tried}")
