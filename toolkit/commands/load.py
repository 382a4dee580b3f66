"""``python -m toolkit load PATH...``: load articles and write the articles table.

Prints a one-line summary and every failure (``PATH:LINE: REASON``) to stderr; exits 0
when at least one article loaded, 1 when none did.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from toolkit.commands._io import FORMATS, add_output_arguments, write_frame


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "load", help="load articles (text, HTML, JSON, JSONL, CSV, Parquet) into a table",
        description="Load articles from files, folders or glob patterns into one table "
                    "(one row per article). Failures are listed on stderr.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="file, folder (recursive) or glob pattern")
    parser.add_argument("--manifest", type=Path,
                        help="manifest CSV for all files (default: manifest.csv beside them)")
    parser.add_argument("--failures", type=Path, metavar="FILE",
                        help="also write the failures table (format from the extension, else --format)")
    parser.add_argument("--no-progress", dest="progress", action="store_const", const=False,
                        default=None, help="never show a progress bar")
    add_output_arguments(parser)
    parser.set_defaults(func=run)


def _format_for(path: Path, default: str) -> str:
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else default


def run(args: argparse.Namespace) -> int:
    import pandas as pd

    from toolkit.load import load_corpus  # heavy imports only when the command runs

    # The failures are printed one by one below; the library's summary warning would repeat them.
    load_logger = logging.getLogger("toolkit.load")
    level = load_logger.level
    load_logger.setLevel(logging.ERROR)
    try:
        corpus = load_corpus(args.paths, manifest=args.manifest, progress=args.progress)
    finally:
        load_logger.setLevel(level)
    write_frame(corpus.articles, args.output, args.format)
    if args.failures is not None:
        write_frame(corpus.failures, args.failures, _format_for(args.failures, args.format))
    articles, failures = corpus.articles, corpus.failures
    files = articles["path"].nunique()
    print(f"load: {len(articles)} article(s) from {files} file(s), {len(failures)} failure(s)",
          file=sys.stderr)
    for row in failures.itertuples(index=False):
        where = row.path if pd.isna(row.line) else f"{row.path}:{row.line}"
        print(f"  {where}: {row.error}", file=sys.stderr)
    return 0 if len(articles) else 1
