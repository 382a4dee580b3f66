"""Hydrating a URL list against a real HTTP server on 127.0.0.1 (never the internet).

The server (http.server in a thread, ephemeral port) serves the fictional pages of
``tests/fixtures/fetch/`` and plays every situation the fetch step must handle: a
normal article, a redirect, dead pages with and without an archive copy, a slow
answer, a 503 then 200, a huge body, a PDF, Windows-1251 pages, robots.txt rules, and
the Wayback Machine's availability API and snapshots.
"""
from __future__ import annotations

import csv
import json
import re
import socket
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from toolkit import fetch as fetch_module
from toolkit.cli import build_parser, main
from toolkit.fetch import (
    FETCH_REPORT_COLUMNS,
    MANIFEST_COLUMNS,
    FetchReport,
    FetchSettings,
    check_network,
    hydrate,
    known_urls,
    normalize_url,
)

FIXTURES = Path(__file__).parent / "fixtures" / "fetch"
SEED_URL = "http://ecns.cn/news/politics/2018-08-24/detail-ifyxikfc9640965.shtml"


# --------------------------------------------------------------------------- server

Route = Callable[[BaseHTTPRequestHandler, "FakeWeb"], None]


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"",
         content_type: str = "text/html; charset=utf-8", headers: dict[str, str] | None = None,
         length: bool = True) -> None:
    try:
        handler.send_response(status)
        if content_type:
            handler.send_header("Content-Type", content_type)
        if length:
            handler.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client gave up (timeouts, size limit): that is the point


def page(name: str, content_type: str = "text/html; charset=utf-8") -> Route:
    return lambda h, web: send(h, 200, (FIXTURES / name).read_bytes(), content_type)


def status(code: int, headers: dict[str, str] | None = None) -> Route:
    return lambda h, web: send(h, code, b"<html><body>no</body></html>", headers=headers)


def redirect(location: str, code: int = 301) -> Route:
    return lambda h, web: send(h, code, b"", headers={"Location": location})


def slow(seconds: float) -> Route:
    def route(h: BaseHTTPRequestHandler, web: FakeWeb) -> None:
        time.sleep(seconds)
        send(h, 200, (FIXTURES / "ledger.html").read_bytes())
    return route


def flaky(failures: int, retry_after: str = "0") -> Route:
    def route(h: BaseHTTPRequestHandler, web: FakeWeb) -> None:
        if web.hits[urllib.parse.urlsplit(h.path).path] <= failures:
            send(h, 503, b"busy", headers={"Retry-After": retry_after})
        else:
            send(h, 200, (FIXTURES / "valmora.html").read_bytes())
    return route


def huge(size: int, *, with_length: bool) -> Route:
    def route(h: BaseHTTPRequestHandler, web: FakeWeb) -> None:
        filler = b"<p>" + b"Port Halden " * 1000 + b"</p>\n"
        body = b"<html><body><article>" + filler * (size // len(filler) + 1) + b"</article></body></html>"
        send(h, 200, body, length=with_length)
    return route


def cp1251(*, header: bool) -> Route:
    def route(h: BaseHTTPRequestHandler, web: FakeWeb) -> None:
        body = (FIXTURES / "kovask_cp1251.html").read_bytes()
        if header:  # charset in the header only
            body = re.sub(rb"<meta http-equiv[^>]*>", b"", body)
            send(h, 200, body, "text/html; charset=windows-1251")
        else:  # charset in <meta> only
            send(h, 200, body, "text/html")
    return route


class FakeWeb:
    """A ThreadingHTTPServer on 127.0.0.1 with routes, hit counts and a request log."""

    def __init__(self, routes: dict[str, Route], *, robots: Route | None = None,
                 archive: dict[str, str] | None = None) -> None:
        self.routes = dict(routes)
        self.routes["/robots.txt"] = robots or (
            lambda h, web: send(h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain"))
        self.archive = archive or {}  # substring of the URL asked -> fixture served as snapshot
        self.hits: Counter[str] = Counter()
        self.log: list[tuple[str, float, str]] = []
        self.lock = threading.Lock()
        web = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:  # noqa: N802
                path = urllib.parse.urlsplit(self.path).path
                with web.lock:
                    web.hits[path] += 1
                    web.log.append((self.path, time.monotonic(), self.headers.get("User-Agent", "")))
                web.handle(self, path)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)
        self.thread.start()

    def handle(self, h: BaseHTTPRequestHandler, path: str) -> None:
        if path == "/wayback/available":
            asked = urllib.parse.parse_qs(urllib.parse.urlsplit(h.path).query)
            url, when = asked["url"][0], asked.get("timestamp", [""])[0]
            closest = {}
            for needle in self.archive:
                if needle in url:
                    closest = {"closest": {"available": True, "status": "200", "timestamp": f"{when}101010",
                                           "url": f"http://127.0.0.1:{self.port}/web/{when}101010/{url}"}}
            send(h, 200, json.dumps({"url": url, "archived_snapshots": closest}).encode(), "application/json")
        elif path.startswith("/web/"):
            match = re.match(r"/web/\d+id_/(.*)", h.path)
            fixture = next((f for n, f in self.archive.items() if match and n in match.group(1)), None)
            if fixture is None:
                send(h, 404, b"not archived")
            else:
                send(h, 200, (FIXTURES / fixture).read_bytes())
        elif path in self.routes:
            self.routes[path](h, self)
        else:
            send(h, 404, b"<html><body>not found</body></html>")

    def url(self, path: str) -> str:
        return self.base + path

    def page_hits(self) -> int:
        return sum(n for p, n in self.hits.items() if p != "/robots.txt")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


ROUTES: dict[str, Route] = {
    "/news/ledger.html": page("ledger.html"),
    "/old/harbor": redirect("/news/harbor.html"),
    "/news/harbor.html": page("harbor.html"),
    "/news/gone.html": status(404),
    "/news/lost.html": status(404),
    "/news/vanished.html": status(410),
    "/news/slow.html": slow(3.0),
    "/news/flaky.html": flaky(1),
    "/news/busy.html": status(429, {"Retry-After": "3600"}),
    "/news/broken.html": status(500),
    "/news/huge.html": huge(300_000, with_length=True),
    "/news/huge-stream.html": huge(300_000, with_length=False),
    "/files/report.pdf": lambda h, web: send(h, 200, b"%PDF-1.4 fictional", "application/pdf"),
    "/ru/header.html": cp1251(header=True),
    "/ru/meta.html": cp1251(header=False),
    "/private/secret.html": page("ledger.html"),
    "/old/secret": redirect("/private/secret.html", 302),
    "/news/empty.html": page("empty.html"),
    "/wire/lantern.html": page("wire_lantern.html"),
    "/wire/harbor.html": page("wire_harbor.html"),
}


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def settings_for(web: FakeWeb | None, **changes: object) -> FetchSettings:
    """Fast settings for tests: no delay, 2 s timeouts (a loaded machine), one retry, 100 kB limit."""
    base = dict(delay=0.0, timeout=2.0, retries=1, backoff=0.02, max_bytes=100_000, deadline=30.0,
                archive_url=web.base if web else None, check_timeout=1.0, progress=False)
    base.update(changes)
    return FetchSettings(**base)


def url_list(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["outlet", "wire", "date", "url"])


def write_list(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    url_list(rows).to_csv(path, index=False)
    return path


@pytest.fixture()
def web() -> FakeWeb:
    server = FakeWeb(ROUTES, archive={"gone": "archived.html"})
    yield server
    server.close()


# --------------------------------------------------------------------------- the whole story

@pytest.fixture(scope="module")
def full_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[FakeWeb, FetchReport, pd.DataFrame]:
    web = FakeWeb(ROUTES, archive={"gone": "archived.html", "lost": None})  # "lost": snapshot 404s
    dead = closed_port()
    rows = [
        ("The Esterby Ledger", "", "2025-03-14", web.url("/news/ledger.html")),
        ("Harbor Times", "", "2025-03-15", web.url("/old/harbor")),
        ("Valmora Today", "", "2025-03-15", web.url("/news/gone.html")),
        ("Valmora Today", "", "", web.url("/news/vanished.html")),
        ("Valmora Today", "", "2025-03-16", f"http://127.0.0.1:{dead}/news/gone-host.html"),
        ("Daily Lantern", "", "2025-03-16", "http://no-such-outlet.invalid/news/story.html"),
        ("The Esterby Ledger", "", "2025-03-14", web.url("/news/slow.html")),
        ("Northern Broadcast Online", "", "2025-03-15", web.url("/news/flaky.html")),
        ("Kovask Herald", "", "2025-03-15", web.url("/news/busy.html")),
        ("Kovask Herald", "", "2025-03-15", web.url("/news/broken.html")),
        ("Daily Lantern", "", "2025-03-14", web.url("/news/huge.html")),
        ("Daily Lantern", "", "2025-03-14", web.url("/news/huge-stream.html")),
        ("Halden Institute", "", "2025-03-20", web.url("/files/report.pdf")),
        ("Kovask Herald", "", "2025-03-15", web.url("/ru/header.html")),
        ("Kovask Herald", "", "2025-03-15", web.url("/ru/meta.html")),
        ("The Esterby Ledger", "", "2025-03-14", web.url("/private/secret.html")),
        ("The Esterby Ledger", "", "2025-03-14", web.url("/old/secret")),
        ("Daily Lantern", "", "2025-03-14", web.url("/news/empty.html")),
        ("Daily Lantern", "Meridian Wire", "2025-03-14", web.url("/wire/lantern.html")),
        ("Harbor Times", "Meridian Wire", "2025-03-15", web.url("/wire/harbor.html")),
        ("The Esterby Ledger", "", "2025-03-14", web.url("/news/ledger.html?utm_source=feed#comments")),
        ("ECNS", "Xinhua", "2018-08-23", SEED_URL),
        ("Daily Lantern", "", "", "ftp://127.0.0.1/news/story.html"),
        ("Daily Lantern", "", "", "mailto:desk@lantern.example"),
        ("Daily Lantern", "", "", "http://"),
        ("Valmora Today", "", "2025-03-15", web.url("/news/lost.html")),
    ]
    dest = tmp_path_factory.mktemp("downloaded")
    report = hydrate(url_list(rows), dest, settings=settings_for(web, timeout=1.0),
                     known={normalize_url(SEED_URL): "data/articles/manifest.csv"})
    yield web, report, pd.read_csv(dest / "manifest.csv", dtype=str, keep_default_na=False)
    web.close()


# (row number, status, reason, detail pattern): the report as a spec.
EXPECTED = [
    (1, "fetched", "", ""),
    (2, "fetched", "", ""),
    (3, "archived", "page gone", r"^live: HTTP 404; Wayback snapshot .*/web/20250315101010id_/"),
    (4, "failed", "archive has no copy", r"HTTP 410.*no Wayback snapshot near 20180823"),
    (5, "archived", "page gone", r"^live: connection refused .*; Wayback snapshot"),
    (6, "failed", "archive has no copy", r"DNS failure|cannot resolve"),
    (7, "failed", "timeout", r"within 1 s.*after 2 attempts"),
    (8, "fetched", "", ""),
    (9, "failed", "HTTP error", r"HTTP 429 \(Retry-After 3600 s exceeds"),
    (10, "failed", "HTTP error", r"HTTP 500 \(after retries\)"),
    (11, "failed", "too large", r"Content-Length 3\d{5} bytes > limit 100000"),
    (12, "failed", "too large", r"stopped reading"),
    (13, "failed", "not HTML", r"application/pdf"),
    (14, "fetched", "", ""),
    (15, "fetched", "", ""),
    (16, "skipped", "robots.txt disallows", r"^$"),
    (17, "skipped", "robots.txt disallows", r"redirect target .*/private/secret.html"),
    (18, "failed", "no main text", r"no article body|main text"),
    (19, "fetched", "", ""),
    (20, "fetched", "", ""),
    (21, "skipped", "duplicate row", r"same URL as row 1"),
    (22, "skipped", "already in data/", r"data/articles/manifest.csv"),
    (23, "skipped", "not http(s)", r"'ftp'"),
    (24, "skipped", "not http(s)", r"'mailto'"),
    (25, "failed", "invalid URL", r"not an absolute URL"),
    (26, "failed", "archive failed", r"^live: HTTP 404; archive: HTTP 404$"),
]


def test_report_has_one_line_per_row_in_order(full_run):
    _, report, _ = full_run
    assert list(report.table.columns) == list(FETCH_REPORT_COLUMNS)
    assert report.table["row"].tolist() == list(range(1, len(EXPECTED) + 1))
    assert set(report.table["status"]) <= {"fetched", "archived", "skipped", "failed"}
    assert (report.table["status"] == "").sum() == 0


@pytest.mark.parametrize(("row", "status", "reason", "detail"), EXPECTED,
                         ids=[f"row{r}-{s}-{why or 'ok'}" for r, s, why, _ in EXPECTED])
def test_report_line(full_run, row, status, reason, detail):
    _, report, _ = full_run
    line = report.table.set_index("row").loc[row]
    assert (line["status"], line["reason"]) == (status, reason), line["detail"]
    if detail:
        assert re.search(detail, line["detail"]), line["detail"]
    else:  # an empty pattern means an empty detail (re.search("", ...) would match anything)
        assert line["detail"] == "", line["detail"]
    has_article = status in ("fetched", "archived")
    assert (line["file"] != "") == has_article
    expected_source = {"fetched": "live", "archived": "archive", "skipped": ""}
    if status in expected_source:  # a failed row may or may not have reached the live page
        assert line["source"] == expected_source[status]


def test_report_csv_written_in_dest(full_run):
    _, report, _ = full_run
    on_disk = pd.read_csv(report.report_path, dtype=str, keep_default_na=False)
    assert report.report_path.name == "fetch_report.csv"
    assert len(on_disk) == len(EXPECTED)
    assert on_disk["status"].tolist() == report.table["status"].tolist()


def test_manifest_lists_the_articles_with_list_metadata(full_run):
    web, report, manifest = full_run
    assert list(manifest.columns) == list(MANIFEST_COLUMNS)
    assert len(manifest) == report.articles == 9
    ledger = manifest.set_index("url").loc[web.url("/news/ledger.html")]
    assert ledger["outlet"] == "The Esterby Ledger"
    assert ledger["date"] == "2025-03-14"
    assert ledger["title"] == "Calloway and Dragunov open talks in Port Halden"
    assert ledger["language"] == "en"
    assert ledger["source"] == "live"
    assert ledger["file"] == f"{ledger['doc_id']}.txt"
    text = (report.dest / ledger["file"]).read_text(encoding="utf-8")
    assert "We came here to listen as much as to talk" in text
    assert "Copyright" not in text


@pytest.mark.parametrize(("row", "http_status"), [(1, 200), (3, 404), (4, 410), (5, None), (9, 429), (26, 404)])
def test_http_status_is_the_live_pages(full_run, row, http_status):
    _, report, _ = full_run
    got = report.table.set_index("row").loc[row, "http_status"]
    assert (None if pd.isna(got) else got) == http_status


def test_redirect_is_followed_and_recorded(full_run):
    web, _, manifest = full_run
    harbor = manifest.set_index("url").loc[web.url("/old/harbor")]
    assert harbor["retrieved_from"] == web.url("/news/harbor.html")
    assert harbor["title"] == "Port Halden talks run past midnight"


def test_archive_copy_nearest_the_row_date(full_run):
    web, _, manifest = full_run
    gone = manifest.set_index("url").loc[web.url("/news/gone.html")]
    assert gone["source"] == "archive"
    assert gone["title"] == "Valmora offers to host a second round"
    assert "/web/20250315101010id_/" in gone["retrieved_from"]  # raw page, no banner
    assert gone["outlet"] == "Valmora Today"  # the row's, not the archive's


def test_the_list_row_wins_and_the_page_fills_gaps(full_run):
    web, report, _ = full_run
    # row 4 had no date: the archive was asked for 2018-08-23, the day of the talks
    asked = [p for p, _, _ in web.log if p.startswith("/wayback/available") and "vanished" in p]
    assert asked and all("timestamp=20180823" in p for p in asked)


@pytest.mark.parametrize("path", ["/ru/header.html", "/ru/meta.html"])
def test_windows_1251_page_is_decoded(full_run, path):
    web, report, manifest = full_run
    entry = manifest.set_index("url").loc[web.url(path)]
    text = (report.dest / entry["file"]).read_text(encoding="utf-8")
    assert "Секретарь Совета безопасности Остравии Павел Драгунов" in text
    assert entry["title"] == "Драгунов: переговоры в Порт-Халдене были полезными"


def test_wire_copies_get_duplicate_of(full_run):
    web, report, manifest = full_run
    by_url = manifest.set_index("url")
    lantern = by_url.loc[web.url("/wire/lantern.html")]
    harbor = by_url.loc[web.url("/wire/harbor.html")]
    assert lantern["duplicate_of"] == ""
    assert harbor["duplicate_of"] == lantern["doc_id"]  # the earlier-dated copy
    # the same page served at two addresses is a copy too; different articles are not
    copies = {by_url.loc[u, "doc_id"]: d for u, d in by_url["duplicate_of"].items() if d}
    assert copies == {
        harbor["doc_id"]: lantern["doc_id"],
        by_url.loc[web.url("/ru/meta.html"), "doc_id"]: by_url.loc[web.url("/ru/header.html"), "doc_id"],
        # both dead pages came back as the same archived article; the earlier-dated row wins
        by_url.loc[[u for u in by_url.index if "gone-host" in u][0], "doc_id"]:
            by_url.loc[web.url("/news/gone.html"), "doc_id"],
    }
    assert report.table.set_index("row").loc[20, "duplicate_of"] == lantern["doc_id"]


def test_politeness_on_the_wire(full_run):
    web, _, _ = full_run
    assert web.hits["/private/secret.html"] == 0  # robots.txt obeyed, redirect target included
    assert web.hits["/robots.txt"] == 1  # read once per host per run
    assert web.hits["/news/flaky.html"] == 2  # 503 then 200
    assert web.hits["/news/busy.html"] == 1  # Retry-After too long: no retry
    assert web.hits["/news/gone.html"] == 1  # 404 is not retried
    agents = {ua for _, _, ua in web.log}
    assert len(agents) == 1
    (agent,) = agents
    assert agent.startswith(f"coverage-toolkit/{fetch_module.__version__} (")


def test_summary_names_every_status(full_run):
    _, report, _ = full_run
    summary = report.summary()
    assert summary.startswith("26 URLs: 7 fetched, 2 archived, 6 skipped, 11 failed; 9 articles in ")
    assert "robots.txt disallows" in summary


# --------------------------------------------------------------------------- cache and resume

def test_second_run_downloads_nothing(web, tmp_path):
    rows = [("The Esterby Ledger", "", "2025-03-14", web.url("/news/ledger.html")),
            ("Valmora Today", "", "2025-03-15", web.url("/news/gone.html")),
            ("Harbor Times", "", "2025-03-15", web.url("/old/harbor"))]
    first = hydrate(url_list(rows), tmp_path, settings=settings_for(web))
    assert first.table["status"].tolist() == ["fetched", "archived", "fetched"]
    hits_after_first = sum(web.hits.values())
    manifest_first = (tmp_path / "manifest.csv").read_text()

    second = hydrate(url_list(rows), tmp_path, settings=settings_for(web))
    assert sum(web.hits.values()) == hits_after_first  # not even robots.txt
    assert second.table["reason"].tolist() == ["cached"] * 3
    assert second.table["source"].tolist() == ["live", "archive", "live"]
    assert (tmp_path / "manifest.csv").read_text() == manifest_first
    assert second.network == ""  # nothing to download: no connectivity check either


def test_cache_files_are_named_by_hash_not_by_path(web, tmp_path):
    hydrate(url_list([("", "", "", web.url("/news/ledger.html"))]), tmp_path, settings=settings_for(web))
    names = sorted(p.name for p in (tmp_path / ".fetch-cache").iterdir())
    assert len(names) == 2
    assert all(re.fullmatch(r"[0-9a-f]{64}\.(json|html)", n) for n in names), names


def test_interrupted_run_resumes(web, tmp_path, monkeypatch):
    paths = ["/news/ledger.html", "/old/harbor", "/news/flaky.html", "/wire/lantern.html"]
    rows = [("Daily Lantern", "", "2025-03-14", web.url(p)) for p in paths]
    real_follow = fetch_module._Client.follow
    calls = {"n": 0}

    def interrupt_third(self, url, *, check_robots=True):
        if check_robots:
            calls["n"] += 1
            if calls["n"] == 3:
                raise KeyboardInterrupt
        return real_follow(self, url, check_robots=check_robots)

    monkeypatch.setattr(fetch_module._Client, "follow", interrupt_third)
    with pytest.raises(KeyboardInterrupt):
        hydrate(url_list(rows), tmp_path, settings=settings_for(web))
    interrupted = pd.read_csv(tmp_path / "fetch_report.csv", dtype=str, keep_default_na=False)
    assert interrupted["status"].tolist() == ["fetched", "fetched", "skipped", "skipped"]
    assert interrupted["reason"].tolist()[2:] == ["interrupted", "interrupted"]
    assert not list((tmp_path / ".fetch-cache").glob("*.tmp"))

    monkeypatch.setattr(fetch_module._Client, "follow", real_follow)
    before = Counter(web.hits)
    resumed = hydrate(url_list(rows), tmp_path, settings=settings_for(web))
    assert resumed.table["status"].tolist() == ["skipped", "skipped", "fetched", "fetched"]
    assert resumed.table["reason"].tolist()[:2] == ["cached", "cached"]
    assert web.hits["/news/ledger.html"] == before["/news/ledger.html"]
    assert web.hits["/news/harbor.html"] == before["/news/harbor.html"]
    assert resumed.articles == 4


def test_corrupt_cache_entry_is_fetched_again(web, tmp_path):
    rows = [("", "", "", web.url("/news/ledger.html"))]
    hydrate(url_list(rows), tmp_path, settings=settings_for(web))
    body = next((tmp_path / ".fetch-cache").glob("*.html"))
    body.write_bytes(body.read_bytes()[:100])  # e.g. a disk that filled up
    again = hydrate(url_list(rows), tmp_path, settings=settings_for(web))
    assert again.table["status"].tolist() == ["fetched"]
    assert web.hits["/news/ledger.html"] == 2


# --------------------------------------------------------------------------- politeness

def test_per_host_delay(web, tmp_path):
    rows = [("", "", "", web.url(p)) for p in ("/news/ledger.html", "/news/harbor.html", "/ru/meta.html")]
    hydrate(url_list(rows), tmp_path, settings=settings_for(web, delay=0.25))
    assert [p for p, _, _ in web.log][0] == "/robots.txt"
    times = [t for p, t, _ in web.log if p != "/robots.txt"]
    assert len(times) == 3
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) >= 0.24, gaps
    assert web.log[1][1] - web.log[0][1] < 0.2  # robots.txt does not delay the first page


def test_crawl_delay_of_robots_txt_is_obeyed(tmp_path):
    robots = lambda h, web: send(h, 200, b"User-agent: *\nCrawl-delay: 1\n", "text/plain")  # noqa: E731
    web = FakeWeb(ROUTES, robots=robots)
    try:
        rows = [("", "", "", web.url(p)) for p in ("/news/ledger.html", "/news/harbor.html")]
        hydrate(url_list(rows), tmp_path, settings=settings_for(web))
    finally:
        web.close()
    times = [t for p, t, _ in web.log if p != "/robots.txt"]
    assert times[1] - times[0] >= 0.99  # whole seconds: urllib.robotparser reads an int


@pytest.mark.parametrize(("robots", "expected"), [
    (status(503), ("skipped", "robots.txt disallows")),  # server trouble: disallowed this run
    (status(404), ("fetched", "")),                       # no robots.txt: allowed
    (status(403), ("fetched", "")),                       # 4xx: allowed
    (lambda h, web: send(h, 200, b"User-agent: coverage-toolkit\nDisallow: /\n", "text/plain"),
     ("skipped", "robots.txt disallows")),                # our agent named
    (lambda h, web: send(h, 200, b"User-agent: OtherBot\nDisallow: /\n", "text/plain"),
     ("fetched", "")),                                    # another agent named
])
def test_robots_policy(tmp_path, robots, expected):
    web = FakeWeb(ROUTES, robots=robots)
    try:
        report = hydrate(url_list([("", "", "", web.url("/news/ledger.html"))]), tmp_path,
                         settings=settings_for(web, retries=0))
    finally:
        web.close()
    assert tuple(report.table.loc[0, ["status", "reason"]]) == expected
    assert web.hits["/news/ledger.html"] == (1 if expected[0] == "fetched" else 0)


def test_retry_after_is_respected(tmp_path):
    web = FakeWeb({"/news/flaky.html": flaky(1, retry_after="1")})
    try:
        started = time.monotonic()
        report = hydrate(url_list([("", "", "", web.url("/news/flaky.html"))]), tmp_path,
                         settings=settings_for(web, backoff=0.0))
        elapsed = time.monotonic() - started
    finally:
        web.close()
    assert report.table.loc[0, "status"] == "fetched"
    assert elapsed >= 1.0


def gzipped(name: str) -> Route:
    import gzip
    return lambda h, web: send(h, 200, gzip.compress((FIXTURES / name).read_bytes()),
                               headers={"Content-Encoding": "gzip"})


def trickle(h: BaseHTTPRequestHandler, web: FakeWeb) -> None:
    try:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        for _ in range(100):  # one byte every 0.1 s: each read is quick, the whole is not
            h.wfile.write(b"<")
            h.wfile.flush()
            time.sleep(0.1)
    except (BrokenPipeError, ConnectionResetError):
        pass


def test_gzip_body_is_decompressed(tmp_path):
    web = FakeWeb({"/news/ledger.html": gzipped("ledger.html")})
    try:
        report = hydrate(url_list([("", "", "", web.url("/news/ledger.html"))]), tmp_path,
                         settings=settings_for(web))
    finally:
        web.close()
    assert report.table.loc[0, "status"] == "fetched"


def test_trickling_body_cannot_outlast_the_timeout(tmp_path):
    web = FakeWeb({"/news/trickle.html": trickle})
    try:
        started = time.monotonic()
        report = hydrate(url_list([("", "", "", web.url("/news/trickle.html"))]), tmp_path,
                         settings=settings_for(web, timeout=0.5, retries=0))
        elapsed = time.monotonic() - started
    finally:
        web.close()
    assert tuple(report.table.loc[0, ["status", "reason"]]) == ("failed", "timeout")
    assert elapsed < 2


def test_archive_fallback_can_be_turned_off(web, tmp_path):
    report = hydrate(url_list([("", "", "", web.url("/news/gone.html"))]), tmp_path,
                     settings=settings_for(None))
    assert tuple(report.table.loc[0, ["status", "reason"]]) == ("failed", "HTTP error")
    assert "archive fallback off" in report.table.loc[0, "detail"]
    assert report.table.loc[0, "http_status"] == 404


# --------------------------------------------------------------------------- deadline and network

def test_no_network_returns_within_seconds(tmp_path):
    dead = closed_port()
    rows = [("", "", "2025-03-14", f"http://127.0.0.1:{dead}/news/{i}.html") for i in range(30)]
    rows.append(("ECNS", "Xinhua", "2018-08-23", SEED_URL))
    settings = settings_for(None, archive_url=f"http://127.0.0.1:{dead}", check_timeout=2.0, timeout=10.0)
    started = time.monotonic()
    report = hydrate(url_list(rows), tmp_path, settings=settings,
                     known={normalize_url(SEED_URL): "data/articles/manifest.csv"})
    assert time.monotonic() - started < 3.0
    assert len(report.table) == 31
    assert report.table["reason"].value_counts().to_dict() == {"no network": 30, "already in data/": 1}
    assert report.network.startswith("no network (cannot connect to 127.0.0.1:")
    assert (tmp_path / "fetch_report.csv").is_file()


def test_network_lost_midway_stops_the_run(tmp_path):
    dead = closed_port()
    rows = [("", "", "", f"http://127.0.0.1:{dead}/news/{i}.html") for i in range(10)]
    report = hydrate(url_list(rows), tmp_path, settings=settings_for(
        None, archive_url=f"http://127.0.0.1:{dead}", check_network=False))
    reasons = report.table["reason"].tolist()
    assert reasons[:4] == ["archive failed"] * 4  # refused, then the archive refused too
    assert reasons[4:] == ["no network"] * 6
    assert "the last 4 URLs got no answer from any server; then cannot connect" in report.network


def test_dead_hosts_in_a_row_do_not_stop_a_working_network(web, tmp_path):
    dead = closed_port()
    rows = [("", "", "", f"http://127.0.0.1:{dead}/news/{i}.html") for i in range(5)]
    rows.append(("", "", "", web.url("/news/ledger.html")))
    report = hydrate(url_list(rows), tmp_path, settings=settings_for(None))  # no archive to answer
    assert report.table["reason"].tolist() == ["connection failed"] * 5 + [""]
    assert report.table["status"].tolist()[-1] == "fetched"


def test_non_ascii_url_is_requested_percent_encoded(tmp_path):
    web = FakeWeb({"/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/ledger.html": page("ledger.html")})
    try:
        report = hydrate(url_list([("", "", "", web.url("/новости/ledger.html"))]), tmp_path,
                         settings=settings_for(web))
    finally:
        web.close()
    assert report.table.loc[0, "status"] == "fetched"


def test_check_network_gives_up_after_its_timeout(monkeypatch):
    def hanging_resolver(*args, **kwargs):
        time.sleep(5)
        raise OSError("never")

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", hanging_resolver)
    started = time.monotonic()
    verdict = check_network(["https://ledger.example/a", "https://lantern.example/b"], timeout=0.5)
    assert time.monotonic() - started < 1.5
    assert not verdict.ok
    assert "no answer from ledger.example:443 within 0.5 s" in verdict.detail


def test_check_network_one_reachable_host_is_enough(web):
    verdict = check_network([f"http://127.0.0.1:{closed_port()}/x", web.url("/news/ledger.html")], timeout=1)
    assert verdict.ok


def test_deadline_marks_the_rest(tmp_path):
    web = FakeWeb({"/news/slow.html": slow(0.6)})
    try:
        rows = [("", "", "", web.url(f"/news/slow.html?n={i}")) for i in range(5)]
        started = time.monotonic()
        report = hydrate(url_list(rows), tmp_path,
                         settings=settings_for(web, timeout=2.0, deadline=1.0, retries=0))
        elapsed = time.monotonic() - started
    finally:
        web.close()
    assert elapsed < 2.5
    assert len(report.table) == 5
    assert report.table.loc[0, "status"] == "fetched"
    assert (report.table["reason"] == "deadline reached").sum() >= 3
    assert set(report.table["status"]) <= {"fetched", "skipped", "failed"}


# --------------------------------------------------------------------------- URLs

@pytest.mark.parametrize(("url", "expected"), [
    ("HTTPS://WWW.Example.ORG/News/Story.html", "https://www.example.org/News/Story.html"),
    ("https://www.trtworld.com:443/article/13111338", "https://www.trtworld.com/article/13111338"),
    ("http://example.org:80/a", "http://example.org/a"),
    ("http://example.org:8080/a", "http://example.org:8080/a"),
    ("https://example.org:80/a", "https://example.org:80/a"),
    ("http://example.org", "http://example.org/"),
    ("http://example.org/a#comments", "http://example.org/a"),
    ("http://example.org/a?b=2&a=1", "http://example.org/a?a=1&b=2"),
    ("http://example.org/a?utm_source=x&utm_MEDIUM=y&id=7", "http://example.org/a?id=7"),
    ("http://example.org/a?fbclid=abc&gclid=def", "http://example.org/a"),
    ("https://wp.example/story.html?noredirect=on&utm_term=.26d7d85e2239",
     "https://wp.example/story.html"),
    ("http://example.org/a?page=preview", "http://example.org/a?page=preview"),
    ("  http://example.org/a  ", "http://example.org/a"),
    ("http://example.org/a?q=", "http://example.org/a?q="),
])
def test_normalize_url(url, expected):
    assert normalize_url(url) == expected


@pytest.mark.parametrize("url", ["", "example.org/a", "/news/a.html", "http://", "http://example.org:99999/"])
def test_normalize_url_rejects(url):
    with pytest.raises(ValueError, match="URL"):
        normalize_url(url)


def test_known_urls_reads_manifests_under_data(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "manifest.csv").write_text(
        "file,doc_id,outlet,wire,date,title,url,language\n"
        f"x.txt,x,ECNS,Xinhua,2018-08-23,,{SEED_URL}#top,\n"
        "y.txt,y,,,,,,\n")
    (tmp_path / "downloaded").mkdir()
    (tmp_path / "downloaded" / "manifest.csv").write_text("file,url\nz.txt,http://example.org/z\n")
    (tmp_path / "other.csv").write_text("url\nhttp://example.org/not-a-manifest\n")
    found = known_urls(tmp_path, exclude=[tmp_path / "downloaded"])
    assert found == {normalize_url(SEED_URL): (tmp_path / "articles" / "manifest.csv").as_posix()}


def test_known_urls_of_the_project_include_the_seed():
    data = Path(__file__).resolve().parents[1] / "data"
    assert normalize_url(SEED_URL) in known_urls(data)


def test_default_known_is_read_beside_the_list(web, tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "manifest.csv").write_text(f"file,url\nl.txt,{web.url('/news/ledger.html')}\n")
    listing = write_list(tmp_path / "urls.csv", [("", "", "", web.url("/news/ledger.html"))])
    report = hydrate(listing, tmp_path / "downloaded", settings=settings_for(web))
    assert report.table.loc[0, "reason"] == "already in data/"
    assert web.page_hits() == 0


# --------------------------------------------------------------------------- inputs and settings

def test_list_without_url_column_is_refused(tmp_path):
    with pytest.raises(KeyError, match="URL list frame is missing column.*'url'"):
        hydrate(pd.DataFrame({"link": ["http://example.org/"]}), tmp_path, settings=settings_for(None))


def test_missing_list_file_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError, match="URL list not found"):
        hydrate(tmp_path / "nope.csv", tmp_path, settings=settings_for(None))


@pytest.mark.parametrize(("field", "value", "message"), [
    ("timeout", 0, "timeout must be > 0"),
    ("delay", -1, "delay must be >= 0"),
    ("deadline", 0, "deadline must be > 0 seconds or None"),
    ("archive_url", "ftp://archive.example", "archive_url must be an http"),
    ("archive_date", "23/08/2018", "YYYY-MM-DD"),
    ("max_bytes", 10, "max_bytes must be >= 1024"),
])
def test_settings_are_checked(field, value, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        FetchSettings(**{field: value})


def test_the_loader_reads_the_download_folder(full_run):
    from toolkit.load import load_corpus

    web, report, manifest = full_run
    corpus = load_corpus(report.dest)
    articles = corpus.articles.set_index("doc_id")
    assert set(manifest["doc_id"]) <= set(articles.index)
    ledger_id = manifest.set_index("url").loc[web.url("/news/ledger.html"), "doc_id"]
    assert articles.loc[ledger_id, "outlet"] == "The Esterby Ledger"
    assert articles.loc[ledger_id, "title"] == "Calloway and Dragunov open talks in Port Halden"


def test_the_loader_ignores_the_report(full_run):
    from toolkit.load import load_corpus

    _, report, _ = full_run
    assert load_corpus(report.dest).failures.empty


# --------------------------------------------------------------------------- CLI

def test_cli_fetch(web, tmp_path, capsys):
    listing = write_list(tmp_path / "urls.csv", [
        ("The Esterby Ledger", "", "2025-03-14", web.url("/news/ledger.html")),
        ("Valmora Today", "", "2025-03-15", web.url("/news/gone.html")),
        ("Daily Lantern", "", "2025-03-14", web.url("/files/report.pdf")),
    ])
    dest = tmp_path / "downloaded"
    code = main(["fetch", str(listing), "--dest", str(dest), "--archive-url", web.base,
                 "--delay", "0", "--timeout", "1", "--retries", "0", "--no-progress"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("3 URLs: 1 fetched, 1 archived, 0 skipped, 1 failed; 2 articles in ")
    assert "not HTML" in out
    with (dest / "fetch_report.csv").open(newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 3
    assert len(pd.read_csv(dest / "manifest.csv")) == 2


def test_cli_fetch_without_network_exits_zero_quickly(tmp_path, capsys):
    dead = closed_port()
    listing = write_list(tmp_path / "urls.csv", [("", "", "", f"http://127.0.0.1:{dead}/a.html")])
    build_parser()  # other subcommands' imports take seconds: not what is timed here
    started = time.monotonic()
    code = main(["fetch", str(listing), "--dest", str(tmp_path / "dl"),
                 "--archive-url", f"http://127.0.0.1:{dead}", "--no-progress"])
    assert time.monotonic() - started < 3
    assert code == 0
    assert "network: no network (" in capsys.readouterr().out


def test_cli_fetch_missing_list(tmp_path, capsys):
    assert main(["fetch", str(tmp_path / "nope.csv"), "--dest", str(tmp_path)]) == 2
    assert "URL list not found" in capsys.readouterr().err
