"""Hydrate a list of article URLs: download each page politely, extract the article,
and write a corpus folder that :mod:`toolkit.load` reads.

Researchers share lists of URLs (``outlet,wire,date,url``) rather than copyrighted
texts; :func:`hydrate` turns such a list into ``<doc_id>.txt`` files plus a
``manifest.csv`` in a folder of the user's own (``data/downloaded/``, never in git),
and a report with exactly one line per input row saying what became of it:

========== ==============================================================================
status     reasons
========== ==============================================================================
fetched    downloaded from the live site
archived   the live page is gone (404/410, DNS failure, connection refused); the
           Internet Archive's Wayback copy nearest the article's date was used
skipped    ``already in data/``, ``cached`` (downloaded by an earlier run: the article
           is still written), ``not http(s)``, ``robots.txt disallows``,
           ``duplicate row``, ``no network``, ``deadline reached``, ``interrupted``
failed     ``HTTP error``, ``timeout``, ``too large``, ``not HTML``, ``no main text``,
           ``archive has no copy``, ``archive failed`` (the archive was asked but
           could not deliver), ``DNS failure``, ``connection failed``,
           ``too many redirects``, ``invalid URL``, ``unexpected error``
========== ==============================================================================

Politeness and robustness:

* one request at a time, at least :attr:`FetchSettings.delay` seconds apart per host
  (or the host's robots.txt ``Crawl-delay``, up to 60 s); fetching robots.txt itself
  does not delay the first page of a host;
* robots.txt is read once per host per run with :mod:`urllib.robotparser` and obeyed
  for the page, each redirect target and the archive. Policy (RFC 9309 where it
  speaks): 2xx = parse the rules; 4xx = no rules, everything allowed; 429 or 5xx
  after retries = everything disallowed *for this run* (the next run asks again);
  unreachable (DNS, refused, timeout) or too large = allowed (the page request
  then fails or succeeds on its own);
* a User-Agent naming the toolkit and its version (:data:`USER_AGENT`);
* a timeout per request (connect, each read, and the whole body), retries with
  exponential backoff on 429/500/502/503/504, timeouts and dropped connections,
  honouring ``Retry-After`` up to :attr:`FetchSettings.max_retry_after`;
* bodies are read up to :attr:`FetchSettings.max_bytes` and abandoned past it;
* only ``http``/``https`` URLs are requested, redirects included;
* a cache keyed by the normalised URL (:func:`normalize_url`) under
  ``dest/.fetch-cache/``: file names are the SHA-256 of that key, each entry is
  written atomically as it arrives, so a second run downloads nothing already
  fetched and an interrupted run resumes where it stopped. Only HTML pages that
  were received are cached (extraction is redone from them each run); failures are
  tried again by the next run;
* a quick connectivity check first (resolve + TCP connect to the first hosts and the
  archive, in parallel, ~2.5 s), and an overall deadline, so that without a network
  the run ends within seconds with one ``no network`` line per URL; if the network
  goes away mid-run (4 URLs in a row without an HTTP answer from any server), the
  remaining URLs are reported ``no network`` too.

The list row's outlet, wire and date win over the page's; the title always comes from
the page. :func:`toolkit.duplicates.find_near_duplicates` fills the manifest's
``duplicate_of`` so that a wire story republished by several outlets counts once.

>>> normalize_url("HTTPS://www.Example.org:443/a/b.html?utm_source=x&b=2&a=1#top")
'https://www.example.org/a/b.html?a=1&b=2'
"""
from __future__ import annotations

import codecs
import csv
import email.utils
import functools
import hashlib
import http.client
import json
import logging
import os
import re
import socket
import ssl
import tempfile
import threading
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from toolkit import __version__
from toolkit.schema import require_columns

__all__ = [
    "FETCH_REPORT_COLUMNS", "MANIFEST_COLUMNS", "USER_AGENT", "ROBOTS_AGENT",
    "FetchSettings", "FetchReport", "NetworkCheck",
    "normalize_url", "known_urls", "check_network", "hydrate",
]

log = logging.getLogger(__name__)

#: Product token matched against robots.txt ``User-agent`` lines.
ROBOTS_AGENT = "coverage-toolkit"

#: Sent with every request: who we are, which version, and why.
USER_AGENT = (
    f"{ROBOTS_AGENT}/{__version__} (research toolkit hydrating a shared list of news "
    f"article URLs; obeys robots.txt; Python-urllib)"
)

#: Columns of ``manifest.csv`` (the loader's first 8, then what the fetch step adds).
MANIFEST_COLUMNS: tuple[str, ...] = (
    "file", "doc_id", "outlet", "wire", "date", "title", "url", "language",
    "source", "retrieved_from", "fetched_at", "author", "duplicate_of",
)

#: Columns of the report, one line per row of the URL list (``row`` is 1-based).
#: ``reason`` is one of the short reasons of the module docstring, ``detail`` says
#: more; ``http_status`` is the live page's status (404 for an archived dead page,
#: empty when no answer came); ``source`` is ``live`` or ``archive``.
FETCH_REPORT_COLUMNS: tuple[str, ...] = (
    "row", "url", "outlet", "wire", "date", "status", "reason", "detail",
    "http_status", "source", "retrieved_from", "doc_id", "file", "fetched_at",
    "duplicate_of",
)

#: Query parameters that only track the reader; dropped by :func:`normalize_url`.
TRACKING_PARAMS: frozenset[str] = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
    "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "noredirect", "ref_src", "ref_url",
    "cmpid", "ncid", "ocid", "smid", "sr_share", "__twitter_impression",
})
# utm_source, utm_medium, utm_term... and their Piwik/Matomo cousins.
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")

_DEFAULT_PORTS = {"http": 80, "https": 443}
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_GONE_STATUSES = frozenset({404, 410})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_MAX_CRAWL_DELAY = 60.0
_CHECK_HOSTS = 3  # hosts probed by the connectivity check
# After this many URLs in a row got no HTTP answer from any server (the archive
# included), the network is taken to be gone and the rest are reported "no network".
_NETWORK_LOST_AFTER = 4
# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# A Wayback snapshot URL: .../web/<timestamp>/<original>; "id_" asks for the raw page.
_WAYBACK_SNAPSHOT = re.compile(r"(/web/\d{4,14})(?:[a-z]{2}_)?/")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


# --------------------------------------------------------------------------- settings

@dataclass(frozen=True)
class FetchSettings:
    """How :func:`hydrate` downloads. Every field has a polite default.

    Attributes:
        delay: minimum seconds between two requests to the same host.
        timeout: seconds allowed for each request (connect, any read, and the body).
        retries: extra attempts after a 429/5xx answer, a timeout or a dropped
            connection; attempt *n* waits ``backoff * 2**n`` (or ``Retry-After``).
        backoff: seconds before the first retry.
        max_retry_after: a ``Retry-After`` longer than this ends the retries.
        max_bytes: bodies larger than this are abandoned ("too large").
        max_redirects: redirects followed per request.
        deadline: seconds for the whole run (``None`` = no limit); URLs not reached
            are reported "deadline reached".
        archive_url: base URL of the Wayback Machine (its ``/wayback/available`` API);
            ``None`` turns the archive fallback off.
        archive_date: timestamp asked of the archive when the row has no date
            (the day of the Geneva talks).
        check_network: probe the first hosts before downloading.
        check_timeout: seconds allowed for that probe.
        user_agent: the User-Agent header.
        cache_dir: where downloaded pages are kept (``None``: ``dest/.fetch-cache``).
        progress: show a tqdm progress bar.
        duplicate_threshold: Jaccard similarity for ``duplicate_of``
            (:func:`toolkit.duplicates.find_near_duplicates`).
    """

    delay: float = 2.0
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    max_retry_after: float = 60.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    deadline: float | None = 900.0
    archive_url: str | None = "https://archive.org"
    archive_date: str = "2018-08-23"
    check_network: bool = True
    check_timeout: float = 2.5
    user_agent: str = USER_AGENT
    cache_dir: Path | None = None
    progress: bool = True
    duplicate_threshold: float = 0.8

    def __post_init__(self) -> None:
        for name in ("delay", "backoff", "max_retry_after"):
            if getattr(self, name) < 0:
                raise ValueError(f"FetchSettings.{name} must be >= 0, got {getattr(self, name)!r}")
        for name in ("timeout", "check_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"FetchSettings.{name} must be > 0 seconds, got {getattr(self, name)!r}")
        if self.deadline is not None and not self.deadline > 0:
            raise ValueError(f"FetchSettings.deadline must be > 0 seconds or None, got {self.deadline!r}")
        for name in ("retries", "max_redirects"):
            if getattr(self, name) < 0:
                raise ValueError(f"FetchSettings.{name} must be >= 0, got {getattr(self, name)!r}")
        if self.max_bytes < 1024:
            raise ValueError(f"FetchSettings.max_bytes must be >= 1024, got {self.max_bytes!r}")
        if self.archive_url is not None:
            parts = urllib.parse.urlsplit(self.archive_url)
            if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
                raise ValueError(
                    f"FetchSettings.archive_url must be an http(s) URL or None, got {self.archive_url!r}"
                )
        if not _DATE.match(self.archive_date):
            raise ValueError(f"FetchSettings.archive_date must be YYYY-MM-DD, got {self.archive_date!r}")


# --------------------------------------------------------------------------- URLs

def normalize_url(url: str) -> str:
    """Return the cache key of ``url``: the same article gives the same string.

    Scheme and host are lower-cased, the default port and the fragment dropped, an
    empty path becomes ``/``, tracking parameters (``utm_*``, ``fbclid``, ``gclid``,
    ``noredirect``... see :data:`TRACKING_PARAMS`) are removed and the remaining query
    parameters sorted. The path's case is kept (servers may distinguish it).

    Raises:
        ValueError: ``url`` has no scheme or host, or an invalid port.

    >>> normalize_url("https://www.trtworld.com:443/article/13111338")
    'https://www.trtworld.com/article/13111338'
    >>> normalize_url("https://wp.example/story.html?noredirect=on&utm_term=.26d7")
    'https://wp.example/story.html'
    >>> normalize_url("http://Example.ORG")
    'http://example.org/'
    """
    text = str(url).strip()
    parts = urllib.parse.urlsplit(text)
    scheme = parts.scheme.lower()
    if not scheme or not parts.netloc or not parts.hostname:
        raise ValueError(f"not an absolute URL (scheme://host/...): {text!r}")
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"invalid port in URL {text!r}") from exc
    host = parts.hostname.lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username is not None:
        userinfo = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{userinfo}@{netloc}"
    pairs = [
        (k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    query = urllib.parse.urlencode(sorted(pairs))
    return urllib.parse.urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def _url_hash(normalized: str) -> str:
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def known_urls(data_dir: str | os.PathLike[str], *, exclude: Iterable[str | os.PathLike[str]] = ()) -> dict[str, str]:
    """Normalised URLs of the articles already in ``data_dir``, mapped to the manifest listing them.

    Reads every ``manifest*.csv`` below ``data_dir`` that has a ``url`` column,
    except those inside a folder of ``exclude`` (pass the download folder, whose
    articles are the cache's business). Unparseable URLs are ignored.

    >>> known_urls("/nonexistent")
    {}
    """
    root = Path(data_dir)
    excluded = [Path(p).resolve() for p in exclude]
    found: dict[str, str] = {}
    if not root.is_dir():
        return found
    for manifest in sorted(root.rglob("manifest*.csv")):
        resolved = manifest.resolve()
        if any(resolved.is_relative_to(e) for e in excluded):
            continue
        with manifest.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "url" not in reader.fieldnames:
                continue
            for line in reader:
                url = (line.get("url") or "").strip()
                if not url:
                    continue
                try:
                    found.setdefault(normalize_url(url), manifest.as_posix())
                except ValueError:
                    continue
    return found


# --------------------------------------------------------------------------- connectivity

@dataclass(frozen=True)
class NetworkCheck:
    """Result of :func:`check_network`: ``ok`` and a one-line ``detail``."""

    ok: bool
    detail: str


def _probe_target(url: str) -> tuple[str, int] | None:
    """(host, port) a request to ``url`` would connect to first (the proxy, if any)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    proxies = urllib.request.getproxies()
    proxy = proxies.get(parts.scheme)
    if proxy and not urllib.request.proxy_bypass(parts.hostname):
        pp = urllib.parse.urlsplit(proxy if "://" in proxy else f"http://{proxy}")
        if pp.hostname:
            return pp.hostname, pp.port or 80
    try:
        port = parts.port or _DEFAULT_PORTS[parts.scheme]
    except ValueError:
        return None
    return parts.hostname, port


def check_network(urls: Iterable[str], *, timeout: float = 2.5, hosts: int = _CHECK_HOSTS) -> NetworkCheck:
    """Probe whether any of the first ``hosts`` distinct hosts of ``urls`` is reachable.

    Each probe resolves the host and opens a TCP connection (to the proxy when one
    is configured), all in parallel on daemon threads, so the answer comes within
    ``timeout`` seconds even when name resolution hangs. Reachable = at least one
    probe connected.

    >>> check_network([]).ok
    True
    """
    targets: list[tuple[str, int]] = []
    for url in urls:
        target = _probe_target(url)
        if target and target not in targets:
            targets.append(target)
        if len(targets) >= hosts:
            break
    if not targets:
        return NetworkCheck(True, "nothing to check")
    results: dict[tuple[str, int], str] = {}
    done = threading.Event()
    lock = threading.Lock()

    def probe(host: str, port: int) -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            family, kind, proto, _, address = infos[0]
            with socket.socket(family, kind, proto) as sock:
                sock.settimeout(timeout)
                sock.connect(address)
            outcome = "ok"
        except socket.gaierror as exc:
            outcome = f"cannot resolve {host} ({exc.strerror or exc})"
        except OSError as exc:
            outcome = f"cannot connect to {host}:{port} ({exc.strerror or exc.__class__.__name__})"
        with lock:
            results[(host, port)] = outcome
            if outcome == "ok" or len(results) == len(targets):
                done.set()

    for host, port in targets:
        threading.Thread(target=probe, args=(host, port), daemon=True, name=f"probe-{host}").start()
    done.wait(timeout + 0.5)
    with lock:
        snapshot = dict(results)
    reached = [f"{h}:{p}" for (h, p), r in snapshot.items() if r == "ok"]
    if reached:
        return NetworkCheck(True, f"reached {reached[0]}")
    reasons = [snapshot.get(t, f"no answer from {t[0]}:{t[1]} within {timeout:g} s") for t in targets]
    return NetworkCheck(False, "; ".join(reasons))


# --------------------------------------------------------------------------- HTTP

class _Failure(Exception):
    """A request that ended without a usable response: ``reason`` is the report's reason."""

    def __init__(self, reason: str, detail: str, *, http_status: int | None = None, gone: bool = False) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.http_status = http_status
        self.gone = gone  # the page is gone: try the archive


class _RobotsDisallowed(Exception):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


@dataclass(frozen=True)
class _Response:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    note: str = ""


class _Deadline:
    def __init__(self, seconds: float | None) -> None:
        self.end = None if seconds is None else time.monotonic() + seconds
        self.seconds = seconds

    def remaining(self) -> float:
        return float("inf") if self.end is None else self.end - time.monotonic()

    def expired(self) -> bool:
        return self.remaining() <= 0

    def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            return
        if seconds >= self.remaining():
            raise _Failure("deadline reached", f"the run's deadline ({self.seconds:g} s) came first")
        time.sleep(seconds)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand 3xx answers back to us: we check scheme and robots.txt for each hop."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102, ANN001
        return None


def _ssl_context() -> ssl.SSLContext:
    try:
        import certifi
        return ssl.create_default_context(cafile=certifi.where())
    except ImportError:  # pragma: no cover - certifi comes with trafilatura
        return ssl.create_default_context()


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class _Client:
    """One polite HTTP client per run: per-host delays, robots.txt, retries, limits."""

    def __init__(self, settings: FetchSettings, deadline: _Deadline) -> None:
        self.settings = settings
        self.deadline = deadline
        self.opener = urllib.request.build_opener(
            _NoRedirect(), urllib.request.HTTPSHandler(context=_ssl_context())
        )
        self.last_request: dict[str, float] = {}
        self.host_delay: dict[str, float] = {}
        self.robots: dict[str, urllib.robotparser.RobotFileParser | bool] = {}
        self.requests = 0
        self.answers = 0

    # -- one request -------------------------------------------------------------
    def _timeout(self) -> float:
        remaining = self.deadline.remaining()
        if remaining <= 0:
            raise _Failure("deadline reached", f"the run's deadline ({self.deadline.seconds:g} s) came first")
        return min(self.settings.timeout, remaining)

    def _wait_turn(self, host: str) -> None:
        delay = max(self.settings.delay, self.host_delay.get(host, 0.0))
        last = self.last_request.get(host)
        if last is not None:
            self.deadline.sleep(last + delay - time.monotonic())
        self.last_request[host] = time.monotonic()

    def _read(self, response, timeout: float, started: float) -> bytes:  # noqa: ANN001
        limit = self.settings.max_bytes
        length = response.headers.get("Content-Length")
        if length and length.strip().isdigit() and int(length) > limit:
            raise _Failure("too large", f"Content-Length {int(length)} bytes > limit {limit}")
        encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
        inflater = None
        if encoding in ("gzip", "x-gzip"):
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            inflater = zlib.decompressobj()
        chunks: list[bytes] = []
        size = 0
        # read1 returns what has arrived: a server trickling bytes cannot outlast the timeout
        read = getattr(response, "read1", response.read)
        while True:
            if time.monotonic() - started > timeout:
                raise _Failure("timeout", f"body not received within {timeout:g} s")
            chunk = read(65536)
            if not chunk:
                break
            if inflater is not None:
                chunk = inflater.decompress(chunk, limit + 1 - size)
            size += len(chunk)
            if size > limit:
                raise _Failure("too large", f"body exceeds the limit of {limit} bytes; stopped reading")
            chunks.append(chunk)
        if inflater is not None:
            chunks.append(inflater.flush())
            if size + len(chunks[-1]) > limit:
                raise _Failure("too large", f"body exceeds the limit of {limit} bytes; stopped reading")
        return b"".join(chunks)

    def _once(self, url: str) -> _Response:
        timeout = self._timeout()
        request = urllib.request.Request(_ascii_url(url), headers={
            "User-Agent": self.settings.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        })
        started = time.monotonic()
        self.requests += 1
        try:
            response = self.opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as exc:
            response = exc  # a response too (4xx, 5xx and our unfollowed 3xx)
        except urllib.error.URLError as exc:
            raise self._network_failure(exc.reason, timeout) from exc
        except (OSError, http.client.HTTPException) as exc:
            raise self._network_failure(exc, timeout) from exc
        self.answers += 1  # a status line came back: the network works
        try:
            status = response.status if hasattr(response, "status") else response.code
            headers = response.headers
            # only a 2xx body is used: error pages are not read (nor judged by their size)
            body = self._read(response, timeout, started) if 200 <= status < 300 else b""
            note = ""
            if status in _REDIRECT_STATUSES:
                note = headers.get("Location") or ""
            elif status in _RETRY_STATUSES:
                note = headers.get("Retry-After") or ""
            return _Response(url, status, headers.get("Content-Type") or "", body, note)
        except _Failure:
            raise
        except zlib.error as exc:
            raise _Failure("connection failed", f"corrupt compressed body ({exc})") from exc
        except (OSError, http.client.HTTPException) as exc:
            raise self._network_failure(exc, timeout) from exc
        finally:
            response.close()

    @staticmethod
    def _network_failure(error: object, timeout: float) -> _Failure:
        if isinstance(error, socket.gaierror):
            return _Failure("DNS failure", f"cannot resolve host ({error.strerror or error})", gone=True)
        if isinstance(error, (TimeoutError, socket.timeout)) or "timed out" in str(error):
            return _Failure("timeout", f"no answer within {timeout:g} s")
        if isinstance(error, ConnectionRefusedError):
            return _Failure("connection failed", "connection refused", gone=True)
        if isinstance(error, ssl.SSLError):
            return _Failure("connection failed", f"TLS error: {error}")
        name = error.__class__.__name__
        return _Failure("connection failed", f"{name}: {error}".rstrip(": "))

    # -- retries -----------------------------------------------------------------
    def get(self, url: str) -> _Response:
        """One URL, no redirects, retried on 429/5xx/timeouts/dropped connections."""
        host = urllib.parse.urlsplit(url).netloc.lower()
        s = self.settings
        for attempt in range(s.retries + 1):
            self._wait_turn(host)
            wait = s.backoff * 2 ** attempt
            try:
                response = self._once(url)
            except _Failure as failure:
                retryable = failure.reason == "timeout" or (
                    failure.reason == "connection failed" and not failure.detail.startswith("TLS")
                )
                if not retryable or attempt == s.retries:
                    if attempt:
                        failure.detail += f" (after {attempt + 1} attempts)"
                    raise
                log.debug("retrying %s in %.1f s: %s", url, wait, failure)
                self.deadline.sleep(wait)
                continue
            if response.status not in _RETRY_STATUSES or attempt == s.retries:
                return response
            asked = _retry_after(response.note)
            if asked is not None:
                if asked > s.max_retry_after:
                    return replace(response, note=f"Retry-After {asked:g} s exceeds max_retry_after")
                wait = asked
            log.debug("HTTP %s from %s; retrying in %.1f s", response.status, url, wait)
            self.deadline.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    # -- robots.txt --------------------------------------------------------------
    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | bool:
        parts = urllib.parse.urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc.lower()}"
        if key in self.robots:
            return self.robots[key]
        verdict: urllib.robotparser.RobotFileParser | bool
        host = parts.netloc.lower()
        spacing = self.last_request.get(host)
        try:
            response = self.follow(f"{key}/robots.txt", check_robots=False)
        except _Failure as failure:
            if failure.reason == "deadline reached":
                raise
            verdict = True  # unreachable or too large: allowed
            log.debug("robots.txt of %s unavailable (%s): allowed", key, failure)
        else:
            if 200 <= response.status < 300:
                parser = urllib.robotparser.RobotFileParser(f"{key}/robots.txt")
                parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
                delay = parser.crawl_delay(ROBOTS_AGENT)
                if delay:
                    self.host_delay[parts.netloc.lower()] = min(float(delay), _MAX_CRAWL_DELAY)
                verdict = parser
            elif response.status == 429 or response.status >= 500:
                verdict = False  # server trouble: everything disallowed for this run
            else:
                verdict = True  # 4xx (and odd codes): no rules
        finally:
            # robots.txt does not count towards the host's delay: the page follows at once
            if spacing is None:
                self.last_request.pop(host, None)
            else:
                self.last_request[host] = spacing
        self.robots[key] = verdict
        return verdict

    def allowed(self, url: str) -> bool:
        verdict = self._robots_for(url)
        if isinstance(verdict, bool):
            return verdict
        return verdict.can_fetch(ROBOTS_AGENT, url)

    # -- redirects ---------------------------------------------------------------
    def follow(self, url: str, *, check_robots: bool = True) -> _Response:
        """GET ``url`` following redirects (http(s) only, robots.txt checked each hop)."""
        current = url
        for _ in range(self.settings.max_redirects + 1):
            scheme = urllib.parse.urlsplit(current).scheme.lower()
            if scheme not in _DEFAULT_PORTS:
                raise _Failure("not http(s)", f"redirected to a {scheme or 'relative'} URL: {current}")
            if check_robots and not self.allowed(current):
                raise _RobotsDisallowed(current)
            response = self.get(current)
            if response.status not in _REDIRECT_STATUSES:
                return response
            if not response.note:
                raise _Failure("HTTP error", f"HTTP {response.status} without a Location header",
                               http_status=response.status)
            current = urllib.parse.urljoin(current, response.note.strip())
        raise _Failure("too many redirects", f"more than {self.settings.max_redirects} redirects from {url}")


# --------------------------------------------------------------------------- pages

def _mime(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<body" in head


def _charset(content_type: str, body: bytes) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.I)
    if match:
        return match.group(1)
    meta = _META_CHARSET.search(body[:4096])
    return meta.group(1).decode("ascii") if meta else None


def _decode(body: bytes, content_type: str) -> tuple[str, str]:
    """Text of an HTML body and the encoding used: BOM, header, <meta>, UTF-8, detection."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return body.decode(name, errors="replace"), name
    declared = _charset(content_type, body)
    if declared:
        try:
            return body.decode(declared), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(body).best()
        if best is not None:
            return str(best), best.encoding
    except ImportError:  # pragma: no cover - a declared dependency
        pass
    return body.decode("cp1252", errors="replace"), "cp1252"


def _yyyymmdd(date: str | None, default: str) -> str:
    match = _DATE.match(date or "") or _DATE.match(default)
    assert match is not None  # default validated by FetchSettings
    return "".join(match.groups())


def _raw_snapshot(url: str, *, secure: bool = False) -> str:
    """Ask the Wayback Machine for the page as archived, without its banner (``id_``).

    The availability API answers ``http://web.archive.org/...``; with an https archive
    base the snapshot is asked over https directly (saves a redirect).

    >>> _raw_snapshot("http://web.archive.org/web/20180823101010/http://a.example/x", secure=True)
    'https://web.archive.org/web/20180823101010id_/http://a.example/x'
    """
    if secure and url.startswith("http://") and urllib.parse.urlsplit(url).hostname.endswith("archive.org"):
        url = "https://" + url[len("http://"):]
    return _WAYBACK_SNAPSHOT.sub(lambda m: f"{m.group(1)}id_/", url, count=1)


# Characters left as they are when a URL is made ASCII for the request line.
_SAFE_PATH = "/%:@!$&'()*+,;=-._~"
_SAFE_QUERY = _SAFE_PATH + "?"


def _ascii_url(url: str) -> str:
    """``url`` as ASCII for the request line: IDNA host, percent-encoded path and query.

    >>> _ascii_url("http://пример.example/новости?q=мир#x")
    'http://xn--e1afmkfd.example/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8?q=%D0%BC%D0%B8%D1%80'
    """
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc
    if not netloc.isascii() and parts.hostname:
        host = parts.hostname.encode("idna").decode("ascii")
        netloc = netloc.replace(parts.hostname, host) if parts.hostname in netloc else host
    path = urllib.parse.quote(parts.path, safe=_SAFE_PATH)
    query = urllib.parse.quote(parts.query, safe=_SAFE_QUERY)
    return urllib.parse.urlunsplit((parts.scheme, netloc, path, query, ""))


def _slug(text: str, limit: int = 40) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def _doc_id(outlet: str, date: str, normalized: str) -> str:
    match = _DATE.match(date or "")
    day = "-".join(match.groups()) if match else "undated"
    return f"{_slug(outlet) or 'article'}-{day}-{_url_hash(normalized)[:10]}"


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@functools.cache
def _file_mode() -> int:
    mask = os.umask(0)  # the only portable way to read the umask
    os.umask(mask)
    return 0o666 & ~mask


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, _file_mode())  # mkstemp makes 0600 files; use the usual mode
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- cache

@dataclass(frozen=True)
class _Page:
    """A downloaded HTML page, as kept in the cache."""

    url: str            # the list's URL
    normalized: str     # the cache key
    final_url: str      # where the body came from (after redirects; the snapshot)
    source: str         # "live" or "archive"
    content_type: str
    fetched_at: str
    http_status: int | None  # the live page's (404 for an archived dead page; None after DNS failure)
    body: bytes = field(repr=False)
    note: str = ""           # why the archive was asked ("live: HTTP 404")


class _Cache:
    """Downloaded pages by normalised URL: ``<sha256>.json`` (metadata) + ``<sha256>.html``.

    The body is written first, then the metadata, each atomically; an entry exists
    only when its metadata does and the body's size and hash match it.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def _paths(self, normalized: str) -> tuple[Path, Path]:
        key = _url_hash(normalized)
        return self.root / f"{key}.json", self.root / f"{key}.html"

    def get(self, normalized: str) -> _Page | None:
        meta_path, body_path = self._paths(normalized)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if meta.get("normalized") != normalized or meta.get("sha256") != hashlib.sha256(body).hexdigest():
            return None
        return _Page(
            url=meta["url"], normalized=normalized, final_url=meta["final_url"], source=meta["source"],
            content_type=meta["content_type"], fetched_at=meta["fetched_at"],
            http_status=meta["http_status"], body=body, note=meta.get("note", ""),
        )

    def put(self, page: _Page) -> None:
        meta_path, body_path = self._paths(page.normalized)
        _atomic_write(body_path, page.body)
        meta = {k: v for k, v in asdict(page).items() if k != "body"}
        meta["sha256"] = hashlib.sha256(page.body).hexdigest()
        meta["bytes"] = len(page.body)
        _atomic_write(meta_path, json.dumps(meta, indent=1, ensure_ascii=False).encode("utf-8"))


# --------------------------------------------------------------------------- report

@dataclass(frozen=True)
class _Line:
    """One line of the report (one row of the URL list)."""

    row: int
    url: str
    outlet: str
    wire: str
    date: str
    status: str
    reason: str = ""
    detail: str = ""
    http_status: int | None = None
    source: str = ""
    retrieved_from: str = ""
    doc_id: str = ""
    file: str = ""
    fetched_at: str = ""
    duplicate_of: str = ""


@dataclass(frozen=True, eq=False)  # eq on DataFrames is ambiguous
class FetchReport:
    """What :func:`hydrate` did: ``table`` has one line per row of the URL list.

    Attributes:
        table: the report (:data:`FETCH_REPORT_COLUMNS`), also written to ``report_path``.
        dest: the folder holding the articles and ``manifest.csv``.
        manifest_path: the manifest written (every article of the list now in ``dest``).
        report_path: ``dest/fetch_report.csv``.
        network: the connectivity check's verdict ("" when it was not needed).
        elapsed: seconds the run took.
    """

    table: pd.DataFrame
    dest: Path
    manifest_path: Path
    report_path: Path
    network: str
    elapsed: float

    @property
    def articles(self) -> int:
        """Rows of the list whose article is now in ``dest``."""
        return int((self.table["file"] != "").sum())

    def counts(self) -> pd.Series:
        """Number of URLs per (status, reason)."""
        return self.table.groupby(["status", "reason"], sort=True).size().rename("urls")

    def summary(self) -> str:
        """A few lines for people: totals per status, then the reasons."""
        t = self.table
        totals = t["status"].value_counts()
        head = ", ".join(f"{int(totals.get(s, 0))} {s}" for s in ("fetched", "archived", "skipped", "failed"))
        lines = [
            f"{len(t)} URLs: {head}; {self.articles} articles in {self.dest} ({self.elapsed:.1f} s)",
        ]
        if self.network:
            lines.append(f"network: {self.network}")
        for (status, reason), n in self.counts().items():
            if reason:
                lines.append(f"  {status:8} {n:4d}  {reason}")
        return "\n".join(lines)


# --------------------------------------------------------------------------- hydrate

_LIST_COLUMNS = ("outlet", "wire", "date", "url")


def _read_list(url_list: str | os.PathLike[str] | pd.DataFrame) -> pd.DataFrame:
    if isinstance(url_list, pd.DataFrame):
        frame = url_list
    else:
        path = Path(url_list)
        if not path.is_file():
            raise FileNotFoundError(f"URL list not found: {path} (expected a CSV with columns {', '.join(_LIST_COLUMNS)})")
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    require_columns(frame, ("url",), what="URL list")
    out = pd.DataFrame(index=range(len(frame)))
    for column in _LIST_COLUMNS:
        values = frame[column] if column in frame.columns else pd.Series([""] * len(frame))
        out[column] = [("" if pd.isna(v) else str(v).strip()) for v in values]
    return out


class _Run:
    """State of one :func:`hydrate` call."""

    def __init__(self, dest: Path, settings: FetchSettings, known: Mapping[str, str]) -> None:
        self.dest = dest
        self.settings = settings
        self.known = known
        self.deadline = _Deadline(settings.deadline)
        self.cache = _Cache(Path(settings.cache_dir) if settings.cache_dir else dest / ".fetch-cache")
        self.client = _Client(settings, self.deadline)
        self.manifest: dict[int, dict[str, str]] = {}
        self.texts: dict[int, str] = {}

    # -- network -----------------------------------------------------------------
    def download(self, url: str, normalized: str, date: str) -> _Page:
        """The live page, or the archive's copy when it is gone. Raises _Failure/_RobotsDisallowed."""
        target = urllib.parse.urldefrag(url)[0]
        try:
            response = self.client.follow(target)
        except _Failure as failure:
            if failure.gone:
                return self.from_archive(url, normalized, date, failure)
            raise
        if response.status in _GONE_STATUSES:
            failure = _Failure("HTTP error", f"HTTP {response.status}", http_status=response.status, gone=True)
            return self.from_archive(url, normalized, date, failure)
        return self.page(url, normalized, response, source="live")

    def page(self, url: str, normalized: str, response: _Response, *, source: str) -> _Page:
        if response.status != 200:
            detail = f"HTTP {response.status}"
            if response.note and response.status in _RETRY_STATUSES:
                detail += f" ({response.note})" if "exceeds" in response.note else " (after retries)"
            elif response.status in _RETRY_STATUSES:
                detail += " (after retries)"
            raise _Failure("HTTP error", detail, http_status=response.status)
        mime = _mime(response.content_type)
        if mime not in _HTML_TYPES and not (mime in ("", "application/octet-stream") and _looks_like_html(response.body)):
            raise _Failure("not HTML", f"Content-Type {mime or 'missing'}", http_status=response.status)
        return _Page(
            url=url, normalized=normalized, final_url=response.url, source=source,
            content_type=response.content_type, fetched_at=_now(), http_status=response.status,
            body=response.body,
        )

    def from_archive(self, url: str, normalized: str, date: str, live: _Failure) -> _Page:
        base = self.settings.archive_url
        if base is None:
            live.detail += " (archive fallback off)"
            raise live
        when = _yyyymmdd(date, self.settings.archive_date)
        snapshot = None
        candidates = [url] + ([normalized] if normalized != url else [])
        try:
            for candidate in candidates:
                api = f"{base.rstrip('/')}/wayback/available?" + urllib.parse.urlencode(
                    {"url": candidate, "timestamp": when})
                answer = self.client.follow(api)
                if answer.status != 200:
                    raise _Failure("archive failed", f"live: {live.detail}; availability API answered HTTP {answer.status}",
                                   http_status=live.http_status)
                try:
                    closest = (json.loads(answer.body.decode("utf-8")).get("archived_snapshots") or {}).get("closest") or {}
                except (ValueError, AttributeError) as exc:
                    raise _Failure("archive failed", f"live: {live.detail}; availability API answer is not JSON",
                                   http_status=live.http_status) from exc
                if closest.get("url") and closest.get("available", True) and str(closest.get("status", "200")) == "200":
                    snapshot = _raw_snapshot(str(closest["url"]), secure=base.startswith("https:"))
                    break
            if snapshot is None:
                raise _Failure("archive has no copy", f"live: {live.detail}; no Wayback snapshot near {when}",
                               http_status=live.http_status)
            response = self.client.follow(snapshot)
            archived = self.page(url, normalized, response, source="archive")
        except _RobotsDisallowed as exc:
            raise _Failure("archive failed", f"live: {live.detail}; robots.txt disallows {exc.url}",
                           http_status=live.http_status) from exc
        except _Failure as failure:
            if failure.reason in ("archive has no copy", "archive failed", "deadline reached"):
                raise
            raise _Failure("archive failed", f"live: {live.detail}; archive: {failure.detail}",
                           http_status=live.http_status) from failure
        return replace(archived, http_status=live.http_status, note=f"live: {live.detail}")

    # -- one row -----------------------------------------------------------------
    def article(self, index: int, row: dict[str, str], page: _Page, base: _Line) -> _Line:
        """Extract ``page`` and write ``<doc_id>.txt``; the line for a page we have."""
        from toolkit.load import LoadError, extract_html

        html, _encoding = _decode(page.body, page.content_type)
        http_status = page.http_status
        try:
            meta = extract_html(html, url=page.url, path=page.final_url)
        except LoadError as exc:
            where = "archive copy" if page.source == "archive" else "page"
            return replace(base, status="failed", reason="no main text", detail=f"{where}: {exc}",
                           http_status=http_status, source=page.source, retrieved_from=page.final_url,
                           fetched_at=page.fetched_at)
        outlet = row["outlet"] or str(meta.get("outlet") or "")
        date = row["date"] or str(meta.get("date") or "")
        doc_id = _doc_id(outlet, date, page.normalized)
        file = f"{doc_id}.txt"
        text = str(meta.get("text") or "")
        _atomic_write(self.dest / file, text.encode("utf-8"))
        self.texts[index] = text
        self.manifest[index] = {
            "file": file, "doc_id": doc_id, "outlet": outlet, "wire": row["wire"], "date": date,
            "title": str(meta.get("title") or ""), "url": row["url"],
            "language": str(meta.get("language") or ""), "source": page.source,
            "retrieved_from": page.final_url, "fetched_at": page.fetched_at,
            "author": str(meta.get("author") or ""), "duplicate_of": "",
        }
        return replace(base, outlet=outlet, date=date, http_status=http_status, source=page.source,
                       retrieved_from=page.final_url, doc_id=doc_id, file=file, fetched_at=page.fetched_at)

    def fetch_row(self, index: int, row: dict[str, str], normalized: str, base: _Line) -> _Line:
        try:
            return self._fetch_row(index, row, normalized, base)
        except Exception as exc:  # noqa: BLE001 - one odd page must not end a long run
            log.exception("unexpected error on %s", row["url"])
            return replace(base, status="failed", reason="unexpected error",
                           detail=f"{exc.__class__.__name__}: {exc}")

    def _fetch_row(self, index: int, row: dict[str, str], normalized: str, base: _Line) -> _Line:
        try:
            page = self.download(row["url"], normalized, row["date"])
        except _RobotsDisallowed as exc:
            detail = "" if exc.url == urllib.parse.urldefrag(row["url"])[0] else f"redirect target {exc.url}"
            return replace(base, status="skipped", reason="robots.txt disallows", detail=detail)
        except _Failure as failure:
            status = "skipped" if failure.reason == "deadline reached" else "failed"
            return replace(base, status=status, reason=failure.reason, detail=failure.detail,
                           http_status=failure.http_status)
        self.cache.put(page)
        line = self.article(index, row, page, base)
        if line.status != "failed":
            line = replace(line, status="archived" if page.source == "archive" else "fetched",
                           reason="page gone" if page.source == "archive" else "",
                           detail=f"{page.note}; Wayback snapshot {page.final_url}" if page.source == "archive" else "")
        return line


def hydrate(
    url_list: str | os.PathLike[str] | pd.DataFrame,
    dest: str | os.PathLike[str],
    *,
    settings: FetchSettings | None = None,
    known: Mapping[str, str] | Iterable[str] | None = None,
) -> FetchReport:
    """Download the articles of ``url_list`` into ``dest``; one report line per row.

    Args:
        url_list: a CSV file (or frame) with a ``url`` column and optionally
            ``outlet``, ``wire``, ``date`` (``YYYY-MM-DD``), as ``data/coverage_urls.csv``.
        dest: folder for ``<doc_id>.txt``, ``manifest.csv``, ``fetch_report.csv`` and
            the download cache (created if needed).
        settings: politeness, limits and the archive (:class:`FetchSettings`).
        known: URLs whose articles the project already has (they are not fetched):
            normalised URLs, or a mapping from them to where they are listed (as
            :func:`known_urls` returns). ``None``: the manifests found below the URL
            list's folder, except in ``dest``; ``()`` for none.

    Returns:
        A :class:`FetchReport`. Failures are report lines, not exceptions.

    Raises:
        FileNotFoundError: ``url_list`` is a path that does not exist.
        toolkit.schema.ColumnError: the list has no ``url`` column.
        KeyboardInterrupt: after writing the manifest and report of what was done
            (remaining rows "interrupted"); the next run resumes from the cache.

    Example (nothing here needs the network):
        >>> import tempfile
        >>> urls = pd.DataFrame({"url": [
        ...     "https://ledger.example/2025/03/14/talks?utm_source=feed",
        ...     "ftp://ledger.example/talks.txt",
        ...     "https://LEDGER.example:443/2025/03/14/talks#comments",
        ... ]})
        >>> report = hydrate(urls, tempfile.mkdtemp(), settings=FetchSettings(progress=False),
        ...                  known={"https://ledger.example/2025/03/14/talks"})
        >>> report.table[["row", "status", "reason", "detail"]].to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
        [{'row': 1, 'status': 'skipped', 'reason': 'already in data/', 'detail': ''},
         {'row': 2, 'status': 'skipped', 'reason': 'not http(s)', 'detail': "scheme 'ftp'"},
         {'row': 3, 'status': 'skipped', 'reason': 'duplicate row', 'detail': 'same URL as row 1'}]
    """
    settings = settings or FetchSettings()
    started = time.monotonic()
    rows = _read_list(url_list)
    dest_path = Path(dest)
    dest_path.mkdir(parents=True, exist_ok=True)
    if known is None:
        known = known_urls(Path(url_list).parent, exclude=[dest_path]) if not isinstance(url_list, pd.DataFrame) else {}
    known_map: Mapping[str, str] = known if isinstance(known, Mapping) else {normalize_url(u): "" for u in known}
    run = _Run(dest_path, settings, known_map)

    lines: dict[int, _Line] = {}
    pending: list[tuple[int, dict[str, str], str, _Line]] = []
    cached: list[tuple[int, dict[str, str], _Page, _Line]] = []
    seen: dict[str, int] = {}
    for index, row in enumerate(rows.to_dict("records")):
        base = _Line(row=index + 1, url=row["url"], outlet=row["outlet"], wire=row["wire"],
                     date=row["date"], status="")
        url = row["url"]
        if not url:
            lines[index] = replace(base, status="failed", reason="invalid URL", detail="empty")
            continue
        scheme = urllib.parse.urlsplit(url).scheme.lower()
        if scheme not in _DEFAULT_PORTS:
            lines[index] = replace(base, status="skipped", reason="not http(s)",
                                   detail=f"scheme {scheme!r}" if scheme else "no scheme")
            continue
        try:
            normalized = normalize_url(url)
        except ValueError as exc:
            lines[index] = replace(base, status="failed", reason="invalid URL", detail=str(exc))
            continue
        if normalized in seen:
            lines[index] = replace(base, status="skipped", reason="duplicate row",
                                   detail=f"same URL as row {seen[normalized] + 1}")
            continue
        seen[normalized] = index
        if normalized in known_map:
            lines[index] = replace(base, status="skipped", reason="already in data/",
                                   detail=known_map[normalized])
            continue
        page = run.cache.get(normalized)
        if page is not None:
            cached.append((index, row, page, base))
        else:
            pending.append((index, row, normalized, base))

    def probe(urls: list[str]) -> NetworkCheck:
        if settings.archive_url:
            urls = [*urls[:_CHECK_HOSTS - 1], settings.archive_url, *urls[_CHECK_HOSTS - 1:]]
        return check_network(urls, timeout=settings.check_timeout)

    network = ""
    offline = False
    if pending and settings.check_network:
        verdict = probe([p[1]["url"] for p in pending])
        network = verdict.detail if verdict.ok else f"no network ({verdict.detail})"
        offline = not verdict.ok
        if offline:
            log.info("no network: %s; %d URL(s) not fetched", verdict.detail, len(pending))

    from tqdm.auto import tqdm

    todo = len(cached) + (0 if offline else len(pending))
    interrupted = False
    silent = 0  # URLs in a row without any HTTP answer
    with tqdm(total=len(rows), desc="fetch", unit="url", disable=not settings.progress or not todo) as bar:
        bar.update(len(lines))
        try:
            for index, row, page, base in cached:
                line = run.article(index, row, page, base)
                if line.status != "failed":
                    line = replace(line, status="skipped", reason="cached", detail=f"downloaded {page.fetched_at}")
                lines[index] = line
                bar.update(1)
            for position, (index, row, normalized, base) in enumerate(pending):
                if offline:
                    lines[index] = replace(base, status="skipped", reason="no network",
                                           detail=network.removeprefix("no network (").removesuffix(")"))
                elif run.deadline.expired():
                    lines[index] = replace(base, status="skipped", reason="deadline reached",
                                           detail=f"the run's deadline ({settings.deadline:g} s) came first")
                else:
                    bar.set_postfix_str(urllib.parse.urlsplit(row["url"]).netloc, refresh=False)
                    answers = run.client.answers
                    line = run.fetch_row(index, row, normalized, base)
                    lines[index] = line
                    silent = silent + 1 if run.client.answers == answers and line.status == "failed" else 0
                    if silent >= _NETWORK_LOST_AFTER:
                        # dead hosts in a row, or no network any more? ask the next hosts
                        verdict = probe([p[1]["url"] for p in pending[position + 1:]])
                        silent = 0
                        if not verdict.ok:
                            offline = True
                            network = (f"no network (the last {_NETWORK_LOST_AFTER} URLs got no answer "
                                       f"from any server; then {verdict.detail})")
                            log.warning("%s; the remaining URLs are not fetched", network)
                bar.update(1)
        except KeyboardInterrupt:
            interrupted = True
            for index, _row, _n, base in pending:
                lines.setdefault(index, replace(base, status="skipped", reason="interrupted"))
            for index, _row, _p, base in cached:
                lines.setdefault(index, replace(base, status="skipped", reason="interrupted"))

    duplicate_of = _duplicates(run, settings.duplicate_threshold)
    for index, original in duplicate_of.items():
        run.manifest[index]["duplicate_of"] = original
        lines[index] = replace(lines[index], duplicate_of=original)

    table = pd.DataFrame([asdict(lines[i]) for i in range(len(rows))], columns=list(FETCH_REPORT_COLUMNS))
    table["http_status"] = table["http_status"].astype("Int64")
    manifest = pd.DataFrame([run.manifest[i] for i in sorted(run.manifest)], columns=list(MANIFEST_COLUMNS))
    manifest_path = dest_path / "manifest.csv"
    report_path = dest_path / "fetch_report.csv"
    _atomic_write(manifest_path, manifest.to_csv(index=False).encode("utf-8"))
    _atomic_write(report_path, table.to_csv(index=False).encode("utf-8"))
    report = FetchReport(table=table, dest=dest_path, manifest_path=manifest_path, report_path=report_path,
                         network=network, elapsed=time.monotonic() - started)
    if interrupted:
        raise KeyboardInterrupt(report.summary())
    return report


def _duplicates(run: _Run, threshold: float) -> dict[int, str]:
    """Row index -> doc_id of the original, for the articles of this run."""
    if len(run.texts) < 2:
        return {}
    from toolkit.duplicates import find_near_duplicates

    order = sorted(run.texts)
    frame = pd.DataFrame({
        "doc_id": [run.manifest[i]["doc_id"] for i in order],
        "date": [run.manifest[i]["date"] for i in order],
        "text": [run.texts[i] for i in order],
    })
    if frame["doc_id"].duplicated().any():  # same outlet/date/URL hash cannot repeat, but be safe
        return {}
    found = find_near_duplicates(frame, threshold=threshold)
    return {i: str(d) for i, d in zip(order, found["duplicate_of"]) if not pd.isna(d)}
