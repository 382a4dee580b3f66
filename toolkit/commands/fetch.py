"""``python -m toolkit fetch LIST``: download ("hydrate") the articles of a URL list.

Thin wrapper over :func:`toolkit.fetch.hydrate`: parse the options into
:class:`~toolkit.fetch.FetchSettings`, run, print the summary. The articles, their
``manifest.csv`` and ``fetch_report.csv`` (one line per URL) go in ``--dest``.
Failures are lines of the report, not errors: the exit status is 0 once the report
is written (also without a network), 2 for a bad list or option, 130 if interrupted.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path



def register(subparsers: argparse._SubParsersAction) -> None:
    from toolkit.fetch import FetchSettings

    d = FetchSettings()
    parser = subparsers.add_parser(
        "fetch",
        help="download the articles of a URL list (outlet,wire,date,url) into a folder",
        description=(
            "Download each URL of the list politely (robots.txt, per-host delay, retries), "
            "fall back to the Wayback Machine for dead links, extract the article text and "
            "write <doc_id>.txt files, manifest.csv and fetch_report.csv into --dest. "
            "A second run downloads nothing already fetched."
        ),
    )
    parser.add_argument("url_list", type=Path, help="CSV with a url column (and outlet, wire, date)")
    parser.add_argument("--dest", type=Path, default=Path("data/downloaded"),
                        help="folder for the articles, manifest and report (default: data/downloaded)")
    parser.add_argument("--data", type=Path, default=None,
                        help="folder whose manifests list articles already had (default: the list's folder)")
    archive = parser.add_mutually_exclusive_group()
    archive.add_argument("--archive-url", default=d.archive_url,
                         help=f"Wayback Machine base URL for dead links (default: {d.archive_url})")
    archive.add_argument("--no-archive", action="store_true", help="do not ask the archive for dead links")
    parser.add_argument("--deadline", type=float, default=d.deadline,
                        help=f"seconds for the whole run, 0 for no limit (default: {d.deadline:g})")
    parser.add_argument("--delay", type=float, default=d.delay,
                        help=f"seconds between requests to one host (default: {d.delay:g})")
    parser.add_argument("--timeout", type=float, default=d.timeout,
                        help=f"seconds per request (default: {d.timeout:g})")
    parser.add_argument("--retries", type=int, default=d.retries,
                        help=f"retries on 429/5xx/timeouts (default: {d.retries})")
    parser.add_argument("--max-bytes", type=int, default=d.max_bytes,
                        help=f"largest page read, in bytes (default: {d.max_bytes})")
    parser.add_argument("--no-network-check", action="store_true",
                        help="skip the quick connectivity check before downloading")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from toolkit.fetch import FetchSettings, hydrate, known_urls

    try:
        settings = FetchSettings(
            delay=args.delay, timeout=args.timeout, retries=args.retries, max_bytes=args.max_bytes,
            deadline=args.deadline if args.deadline and args.deadline > 0 else None,
            archive_url=None if args.no_archive else args.archive_url,
            check_network=not args.no_network_check, progress=not args.no_progress,
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not args.url_list.is_file():
        print(f"error: URL list not found: {args.url_list}", file=sys.stderr)
        return 2
    data = args.data if args.data is not None else args.url_list.parent
    known = known_urls(data, exclude=[args.dest])
    report = hydrate(args.url_list, args.dest, settings=settings, known=known)
    print(report.summary())
    print(f"manifest: {report.manifest_path}\nreport:   {report.report_path}")
    return 0
