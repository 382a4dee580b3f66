"""Output helpers shared by the subcommands: write a DataFrame as CSV, JSON Lines or Parquet."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

FORMATS = ("csv", "jsonl", "parquet")


def add_output_arguments(parser: argparse.ArgumentParser, *, default_format: str = "csv") -> None:
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    parser.add_argument("--format", choices=FORMATS, default=default_format,
                        help=f"output format (default: {default_format}; parquet needs -o)")




def write_frame(frame: pd.DataFrame, output: Path | None, fmt: str) -> None:
    """Write ``frame`` to ``output`` (or stdout) in ``fmt``; missing values become null/empty."""
    if fmt == "parquet":
        if output is None:
            raise SystemExit("error: --format parquet needs -o FILE (binary output)")
        frame.to_parquet(output, index=False)
        return
    if fmt == "jsonl":
        text = frame.to_json(orient="records", lines=True, force_ascii=False, date_format="iso")
        if text and not text.endswith("\n"):
            text += "\n"
    else:
        text = frame.to_csv(index=False)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
