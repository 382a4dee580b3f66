"""Command-line entry point: ``python -m toolkit SUBCOMMAND ...``.

The CLI is thin: each subcommand lives in ``toolkit/commands/<name>.py`` with a
``register(subparsers)`` function that adds its parser and sets ``func``; the work
itself is done by the library functions, so scripts and the CLI share one code path.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from toolkit import __version__

# Order is the order shown by --help. A command module is imported only here, so a
# missing optional dependency of one command does not break the others.
COMMANDS = ("run", "load", "tokenize", "quotes", "evaluate", "fetch")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m toolkit",
        description="Analyse news coverage: load articles, tokenize, extract quotes.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"toolkit.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"toolkit.commands.{name}":
                continue  # command not written yet
            raise
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `python -m toolkit quotes ... | head`
        return 0
