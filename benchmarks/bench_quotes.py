"""Throughput of loading and quote extraction on one core, in MB of article text per second.

Two corpora: PolNeAR's article texts, read in place from a path argument (never copied
into the project), and generated fictional articles (generate_corpus.py, N >= 1,000).
Stages, timed separately in this one single-threaded process (``--pin`` pins it to a CPU):

- load: ``toolkit.load.iter_articles`` over the corpus (decoding, metadata, language);
- quotes: ``toolkit.quotes.extract_quotes`` on every English article, which includes
  the sentence splitting and tokenizing it does.

MB are UTF-8 bytes of the loaded article text. Target: load + quotes >= 2 MB/s.

Before timing, one warm-up call of each stage loads what a process loads once (the
py3langid model, about half a second; compiled patterns); its time is printed on its
own line and is not in the table, which measures throughput.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_quotes.py
    .venv/bin/python benchmarks/bench_quotes.py /path/to/polnear/train/text /path/to/polnear/dev/text --n 2000

Prints a table; ``--out FILE.json`` also saves it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import pin_to_one_core  # noqa: E402
from generate_corpus import write_corpus  # noqa: E402

TARGET_MB_PER_S = 2.0
DEFAULT_POLNEAR = [ROOT.parent / "shared" / "polnear" / split / "text" for split in ("train", "dev")]


def warm_up() -> float:
    """Seconds of the one-off work before the first article: the language model load, imports."""
    started = time.perf_counter()
    from toolkit.load import detect_language
    from toolkit.quotes import extract_quotes

    detect_language("Officials in Esterby said the talks would resume next week.")
    extract_quotes('"We are ready," Lena Aurich, the Valmoran foreign minister, told reporters.')
    return time.perf_counter() - started


def measure(name: str, sources: list[Path]) -> dict:
    from toolkit.load import Article, iter_articles
    from toolkit.quotes import UnsupportedLanguageError, extract_quotes

    started = time.perf_counter()
    records = list(iter_articles([str(s) for s in sources]))
    load_s = time.perf_counter() - started
    articles = [r for r in records if isinstance(r, Article)]
    total_bytes = sum(len(a.text.encode("utf-8")) for a in articles)
    quotes = skipped = errors = 0
    english_bytes = 0
    started = time.perf_counter()
    for article in articles:
        try:
            found = extract_quotes(article.text, language=article.language or "en")
        except UnsupportedLanguageError:
            skipped += 1
            continue
        except Exception:  # noqa: BLE001 - counted and reported, the run goes on
            errors += 1
            continue
        english_bytes += len(article.text.encode("utf-8"))
        quotes += len(found)
    quote_s = time.perf_counter() - started
    mb, en_mb = total_bytes / 1e6, english_bytes / 1e6
    return {
        "corpus": name, "articles": len(articles), "failures": len(records) - len(articles),
        "skipped": skipped, "errors": errors, "quotes": quotes, "text_mb": mb,
        "load_s": load_s, "quotes_s": quote_s,
        "load_mb_per_s": mb / load_s if load_s else float("inf"),
        "quotes_mb_per_s": en_mb / quote_s if quote_s else float("inf"),
        "total_mb_per_s": mb / (load_s + quote_s) if load_s + quote_s else float("inf"),
    }


def table(rows: list[dict]) -> str:
    head = ("| corpus | articles | text MB | load s | quotes s | load MB/s | quotes MB/s | load+quotes MB/s "
            "| quotes found | errors | target >= 2 MB/s |\n"
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
    return head + "\n".join(
        f"| {r['corpus']} | {r['articles']:,} | {r['text_mb']:.2f} | {r['load_s']:.1f} | {r['quotes_s']:.1f} "
        f"| {r['load_mb_per_s']:.2f} | {r['quotes_mb_per_s']:.2f} | {r['total_mb_per_s']:.2f} "
        f"| {r['quotes']:,} | {r['errors']} | {'PASS' if r['total_mb_per_s'] >= TARGET_MB_PER_S else 'FAIL'} |"
        for r in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Load + quote extraction throughput on one core (MB/s).")
    parser.add_argument("polnear", nargs="*", type=Path, default=DEFAULT_POLNEAR,
                        help="PolNeAR text folders (default ../shared/polnear/{train,dev}/text)")
    parser.add_argument("--n", type=int, default=1000, help="generated articles (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pin", action="store_true",
                        help="pin the process to one CPU (the work is single-threaded either way; "
                             "on a shared machine pinning can only slow it)")
    parser.add_argument("--out", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)

    pinned = pin_to_one_core() if args.pin else "one process, one thread, not pinned"
    warm_up_s = warm_up()
    rows = []
    missing = [p for p in args.polnear if not p.is_dir()]
    if missing:
        print(f"PolNeAR text folder(s) not found, skipped: {', '.join(map(str, missing))}", file=sys.stderr)
    present = [p for p in args.polnear if p.is_dir()]
    if present:
        rows.append(measure("PolNeAR " + "+".join(p.parent.name for p in present), present))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(Path(tmp) / "generated.jsonl", args.n, seed=args.seed)
        rows.append(measure(f"generated (N={args.n:,}, seed {args.seed})", [corpus]))
    text = table(rows)
    date = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"bench_quotes {date}, {os.cpu_count()} cores, {pinned}, load average {os.getloadavg()[0]:.2f}")
    print(f"one-off warm-up before timing (language model load, imports): {warm_up_s:.2f} s, not in the table")
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"date": date, "pinned": pinned, "warm_up_s": warm_up_s, "results": rows}, indent=2),
                            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
