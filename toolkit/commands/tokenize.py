"""``python -m toolkit tokenize PATH...``: load articles and write their sentence or token table.

``--level sentences`` (default) writes one row per sentence
(:data:`toolkit.schema.SENTENCE_COLUMNS`), ``--level tokens`` one row per token
(:data:`toolkit.schema.TOKEN_COLUMNS`); offsets index each article's loaded ``text``.
Prints a one-line summary and every load failure (``PATH:LINE: REASON``) to stderr;
exits 0 when at least one article loaded, 1 when none did.
"""
from __future__ import annotations

import argparse
import logging
import sys

from toolkit.commands._io import add_output_arguments, write_frame

LEVELS = ("sentences", "tokens")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "tokenize", help="split articles into sentences or tokens, with character offsets",
        description="Load articles (files, folders or glob patterns) and write one row per "
                    "sentence or per token, with start/end offsets into each article's text. "
                    "Load failures are listed on stderr.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="file, folder (recursive) or glob pattern")
    parser.add_argument("--level", choices=LEVELS, default="sentences",
                        help="one row per sentence (default) or per token")
    add_output_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import pandas as pd

    from toolkit.load import load_corpus  # heavy imports only when the command runs
    from toolkit.tokenize import sentences_frame, tokens_frame

    if args.format == "parquet" and args.output is None:  # fail before the work, not after
        raise SystemExit("error: --format parquet needs -o FILE (binary output)")
    # The failures are printed one by one below; the library's summary warning would repeat them.
    load_logger = logging.getLogger("toolkit.load")
    level = load_logger.level
    load_logger.setLevel(logging.ERROR)
    try:
        corpus = load_corpus(args.paths, progress=False)
    finally:
        load_logger.setLevel(level)
    articles, failures = corpus.articles, corpus.failures
    table = sentences_frame(articles) if args.level == "sentences" else tokens_frame(articles)
    write_frame(table, args.output, args.format)
    print(f"tokenize: {len(table)} {args.level[:-1]} row(s) from {len(articles)} article(s), "
          f"{len(failures)} load failure(s)", file=sys.stderr)
    for row in failures.itertuples(index=False):
        where = row.path if pd.isna(row.line) else f"{row.path}:{row.line}"
        print(f"  {where}: {row.error}", file=sys.stderr)
    return 0 if len(articles) else 1
