"""Throughput of the tokenize stage against bare NLTK, on one core, in MB of text per second.

Both contenders run on the same texts in the same process (pinned to one CPU when the
platform allows):

- (a) ``nltk``: NLTK's ``PunktSentenceTokenizer`` with the toolkit's parameters
  (``toolkit.tokenize._news_punkt()``), then ``NLTKWordTokenizer().span_tokenize`` on
  every sentence: the floor of what the stage has to do;
- (b) ``toolkit``: :func:`toolkit.tokenize.tokens_frame` on the same texts as one
  articles frame (paragraphs, sentence repairs, quote-mark splitting, the DataFrame).

Texts: the seed article (data/articles), the fixture articles
(data/fixtures/*/text/*.txt) and, when the folder exists, PolNeAR's article texts read
in place from a path argument (never copied into the project). Each contender runs
``--repeat`` times; the best time counts. Target: (b)/(a) >= 0.8.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_tokenize.py
    .venv/bin/python benchmarks/bench_tokenize.py ../shared/polnear/train/text --repeat 5 --out bench.json

Prints a table; ``--out FILE.json`` also saves it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import pin_to_one_core  # noqa: E402

TARGET_RATIO = 0.8
DEFAULT_POLNEAR = ROOT.parent / "shared" / "polnear" / "train" / "text"


def read_texts(extra: list[Path]) -> list[tuple[str, str]]:
    """``(doc_id, text)`` of the seed, the fixtures and every ``*.txt`` under ``extra``."""
    paths = sorted((ROOT / "data" / "articles").glob("*.txt"))
    paths += sorted((ROOT / "data" / "fixtures").glob("*/text/*.txt"))
    for folder in extra:
        if folder.is_dir():
            paths += sorted(folder.glob("*.txt"))
        else:
            print(f"note: {folder} is not a folder; skipped", file=sys.stderr)
    # newlines as the loader gives them, so both contenders see the same text
    return [(f"{p.parent.name}/{p.stem}", p.read_text(encoding="utf-8").replace("\r\n", "\n"))
            for p in paths]


def bare_nltk(texts: list[str]) -> int:
    """(a): Punkt with the toolkit's parameters, then span_tokenize per sentence; returns tokens."""
    from nltk.tokenize import NLTKWordTokenizer

    from toolkit.tokenize import _news_punkt

    punkt, words = _news_punkt(), NLTKWordTokenizer()
    count = 0
    for text in texts:
        for start, end in punkt.span_tokenize(text):
            count += sum(1 for _ in words.span_tokenize(text[start:end]))
    return count


def toolkit_frame(articles) -> int:
    """(b): the toolkit's token table; returns rows."""
    from toolkit.tokenize import tokens_frame

    return len(tokens_frame(articles))


def best_of(repeat: int, func, arg) -> tuple[float, int]:
    best, result = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        result = func(arg)
        best = min(best, time.perf_counter() - started)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear", nargs="*", type=Path, default=[DEFAULT_POLNEAR],
                        help=f"folders of PolNeAR .txt files, read in place (default: {DEFAULT_POLNEAR})")
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender; the best counts (default 3)")
    parser.add_argument("--out", type=Path, help="also write the results as JSON")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    import pandas as pd

    pinning = pin_to_one_core()
    docs = read_texts(args.polnear)
    texts = [text for _, text in docs]
    articles = pd.DataFrame({"doc_id": [d for d, _ in docs], "text": texts})
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    bare_nltk(texts[:5])  # warm up imports and regex caches outside the timings
    toolkit_frame(articles.head(5))
    rows = []
    # Alternate the contenders so drifting machine load hits both alike.
    times = {"nltk": [], "toolkit": []}
    counts = {}
    for _ in range(args.repeat):
        for name, func, arg in (("nltk", bare_nltk, texts), ("toolkit", toolkit_frame, articles)):
            seconds, counts[name] = best_of(1, func, arg)
            times[name].append(seconds)
    for name, label in (("nltk", "(a) Punkt + NLTKWordTokenizer.span_tokenize"),
                        ("toolkit", "(b) toolkit.tokenize.tokens_frame")):
        best = min(times[name])
        rows.append({"contender": name, "label": label, "tokens": counts[name], "best_s": best,
                     "mb_per_s": mb / best, "runs_s": times[name]})
    ratio = rows[1]["mb_per_s"] / rows[0]["mb_per_s"]

    print(f"tokenize benchmark: {len(texts)} texts, {mb:.2f} MB, best of {args.repeat}, {pinning}")
    print(f"{'contender':<48}{'tokens':>10}{'best s':>9}{'MB/s':>8}")
    for row in rows:
        print(f"{row['label']:<48}{row['tokens']:>10}{row['best_s']:>9.3f}{row['mb_per_s']:>8.2f}")
    verdict = "meets" if ratio >= TARGET_RATIO else "BELOW"
    print(f"ratio (b)/(a) = {ratio:.2f} ({verdict} target {TARGET_RATIO})")
    if args.out:
        report = {
            "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "python": platform.python_version(), "pinning": pinning,
            "texts": len(texts), "text_mb": mb, "repeat": args.repeat,
            "sources": ["data/articles", "data/fixtures/*/text"] + [str(p) for p in args.polnear if p.is_dir()],
            "results": rows, "ratio": ratio, "target_ratio": TARGET_RATIO,
        }
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
