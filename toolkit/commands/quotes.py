"""``python -m toolkit quotes PATH...``: quotes and speakers of a corpus, streamed.

One record per quote with the columns ``toolkit.stream.OUTPUT_COLUMNS`` (contract in
docs/scale.md). Articles in a language the rules do not handle and inputs that fail to
load are reported on stderr and, with ``--report FILE``, as CSV rows; the exit status
is 1 when an input failed to load or the extractor raised on an article, else 0.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from toolkit.commands._io import add_output_arguments
from toolkit.stream import DEFAULT_BATCH_SIZE, StreamSummary, stream_quotes


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "quotes", help="extract quotes and their speakers (streamed, optionally on Dask)",
        description="Extract quotes and speakers from articles: folders of text/HTML files, "
                    "or JSON Lines / CSV / Parquet corpora. Writes one record per quote.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="folder or corpus file")
    add_output_arguments(parser, default_format="jsonl")
    parser.add_argument("--report", type=Path, metavar="FILE",
                        help="CSV with one row per input: doc, path, line, status (ok/skipped/"
                             "failed/error), reason, quotes")
    parser.add_argument("--manifest", type=Path, metavar="FILE",
                        help="manifest CSV for a folder of text files (passed to the loader)")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, metavar="N",
                        help=f"articles extracted and written at a time (default {DEFAULT_BATCH_SIZE})")
    parser.add_argument("--engine", choices=("single", "dask"), default="single",
                        help="single process (default) or Dask (needs the dask extra)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="worker processes of the local Dask cluster (default: all cores)")
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="show a progress bar (default: only on a terminal)")
    progress.add_argument("--no-progress", dest="progress", action="store_false")
    parser.set_defaults(func=run)


def execute(args: argparse.Namespace) -> StreamSummary:
    """Run the command's work and return its summary (benchmarks call this directly)."""
    if args.batch_size < 1:
        raise SystemExit(f"error: --batch-size must be at least 1, not {args.batch_size}")
    if args.format == "parquet" and args.output is None:
        raise SystemExit("error: --format parquet needs -o FILE (binary output)")
    if args.engine != "dask" and (args.scheduler or args.workers):
        raise SystemExit("error: --scheduler and --workers need --engine dask")
    if args.scheduler and args.workers:
        raise SystemExit("error: --workers sizes a local cluster; with --scheduler, start workers "
                         "with `dask worker` instead")
    sources = [str(p) for p in args.paths]
    common = dict(fmt=args.format, batch_size=args.batch_size, progress=args.progress,
                  report=args.report, manifest=args.manifest)
    if args.engine == "dask":
        from toolkit.parallel import DaskNotInstalledError, run_dask

        try:
            return run_dask(sources, args.output, scheduler=args.scheduler, workers=args.workers, **common)
        except DaskNotInstalledError as exc:
            raise SystemExit(f"error: {exc}") from exc
    return stream_quotes(sources, args.output, **common)


def run(args: argparse.Namespace) -> int:
    summary = execute(args)
    print(summary.describe(), file=sys.stderr)
    return 0 if summary.ok else 1
