"""``python -m toolkit run``: the main job (``make run``), see :mod:`toolkit.pipeline`.

Hydrates the coverage list (when the network allows), loads, tokenizes, extracts the
quotes, writes the tables, figures and executed notebooks into ``--out`` with a run
record ``run.json``, and prints a short summary. Stage messages go to stderr, the
summary to stdout.

Exit status: 0 when every stage ran (unreadable input files, articles in other
languages and a missing network are reported, not failures); 1 when a stage failed
(e.g. a notebook raised, or no article could be loaded); 2 for a bad option or data
folder; 130 if interrupted.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from toolkit.pipeline import DEFAULT_FETCH_DEADLINE


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "run", help="the main job: fetch, load, tokenize, quotes, tables, figures, notebooks",
        description="Run the whole analysis on a data folder and write the results, figures, "
                    "executed notebooks and a run record (run.json) into the output folder.",
    )
    parser.add_argument("--data", type=Path, default=Path("data"),
                        help="data folder with articles/, coverage_urls.csv, downloaded/ (default: data)")
    parser.add_argument("--out", type=Path, default=Path("output"), help="output folder (default: output)")
    parser.add_argument("--no-fetch", dest="fetch", action="store_false",
                        help="do not hydrate the coverage list; use the articles already there")
    parser.add_argument("--no-notebooks", dest="notebooks", action="store_false",
                        help="do not execute the notebooks")
    parser.add_argument("--fetch-deadline", type=float, default=DEFAULT_FETCH_DEADLINE, metavar="SECONDS",
                        help=f"seconds the download may take in all, 0 for no limit "
                             f"(default: {DEFAULT_FETCH_DEADLINE:g}; a later run resumes)")
    parser.set_defaults(func=run)


class _StageFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        prefix = "error: " if record.levelno >= logging.ERROR else ""
        return prefix + super().format(record)


def run(args: argparse.Namespace) -> int:
    from toolkit.pipeline import run_pipeline

    if args.fetch_deadline < 0:
        print(f"error: --fetch-deadline must be 0 (no limit) or more, not {args.fetch_deadline:g}", file=sys.stderr)
        return 2
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_StageFormatter("%(message)s"))
    loggers = [logging.getLogger(name) for name in ("toolkit.pipeline", "toolkit.fetch")]
    saved = [(lg, lg.level, lg.propagate) for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.setLevel(logging.INFO)
        lg.propagate = False
    try:
        record = run_pipeline(args.data, args.out, fetch=args.fetch, notebooks=args.notebooks,
                              fetch_deadline=args.fetch_deadline or None)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        for lg, level, propagate in saved:
            lg.removeHandler(handler)
            lg.setLevel(level)
            lg.propagate = propagate
    print(record.describe())
    return record.exit_code
