"""Scale benchmark of ``python -m toolkit quotes``: streaming (one process) against Dask.

For each corpus size (default N = 1,000 and 20,000 generated articles, see
generate_corpus.py) and each engine, the quotes command runs in a child process exactly
as from the command line (same argument parser and code path), writing JSON Lines to a
file. Measured:

- throughput: MB of article text (UTF-8) per second and articles per second, over the
  command's reading + extraction + writing time; Dask cluster start-up is timed
  separately and not counted;
- peak memory: the largest sum of RSS over the child process and all its descendants
  (Dask scheduler, nannies, workers), sampled with psutil every 50 ms.

Targets on a 2-core machine: streaming peak memory at N = 20,000 at most 1.5 times that
at N = 1,000; Dask with 2 workers of one thread each at least 1.6 times the
single-process throughput at N = 20,000.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_scale.py                  # N = 1,000 and 20,000
    .venv/bin/python benchmarks/bench_scale.py --sizes 1000 --repeat 3 --out output/bench

Writes ``bench_scale.json`` and ``bench_scale.md`` to ``--out`` and prints the table.
Generated corpora are cached in ``--corpus-dir`` (default ``output/bench/corpus``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import write_corpus  # noqa: E402

MEMORY_TARGET = 1.5   # peak RSS(N large) / peak RSS(N small), streaming
SPEEDUP_TARGET = 1.6  # Dask throughput / single-process throughput at the largest N


# ------------------------------------------------------------------------------ child

def child(summary_path: str, argv: list[str]) -> int:
    """Run the quotes command in this process and write its summary as JSON."""
    from toolkit.cli import build_parser
    from toolkit.commands.quotes import execute

    args = build_parser().parse_args(argv)
    summary = execute(args)
    Path(summary_path).write_text(json.dumps(summary.as_dict()), encoding="utf-8")
    return 0


# ----------------------------------------------------------------------------- parent

class TreeMemory:
    """Samples the summed RSS of a process and its descendants in a background thread."""

    def __init__(self, pid: int, interval: float = 0.05):
        import psutil

        self._psutil = psutil
        self._root = psutil.Process(pid)
        self._interval = interval
        self.peak = 0
        self.peak_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        total, count = 0, 0
        try:
            procs = [self._root, *self._root.children(recursive=True)]
        except self._psutil.Error:
            return
        for proc in procs:
            try:
                total += proc.memory_info().rss
                count += 1
            except self._psutil.Error:
                pass
        if total > self.peak:
            self.peak, self.peak_processes = total, count

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self._interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def run_once(corpus: Path, engine: str, *, workers: int, batch_size: int, work: Path) -> dict:
    output, report, summary = work / f"quotes-{engine}.jsonl", work / f"report-{engine}.csv", work / "summary.json"
    argv = ["quotes", str(corpus), "--format", "jsonl", "-o", str(output), "--report", str(report),
            "--batch-size", str(batch_size), "--no-progress", "--engine", engine]
    if engine == "dask":
        argv += ["--workers", str(workers)]
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(summary), *argv],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    with TreeMemory(proc.pid) as memory:
        _, err = proc.communicate()
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"quotes command failed ({proc.returncode}):\n{err[-3000:]}")
    s = json.loads(summary.read_text(encoding="utf-8"))
    result = {
        "engine": engine, "workers": workers if engine == "dask" else 1,
        "articles": s["articles"], "quotes": s["quotes"], "skipped": len(s["skipped"]),
        "failures": len(s["failures"]), "errors": len(s["errors"]),
        "text_mb": s["text_bytes"] / 1e6, "seconds": s["seconds"], "setup_seconds": s["setup_seconds"],
        "mb_per_s": s["text_bytes"] / 1e6 / s["seconds"], "articles_per_s": s["articles"] / s["seconds"],
        "peak_rss_mb": memory.peak / 2**20, "processes_at_peak": memory.peak_processes,
        "wall_seconds": wall,
    }
    for path in (output, report, summary):
        path.unlink(missing_ok=True)
    return result


def _median_run(runs: list[dict]) -> dict:
    """The run with the median throughput, with every run's throughput and peak kept."""
    ordered = sorted(runs, key=lambda r: r["mb_per_s"])
    chosen = dict(ordered[len(ordered) // 2])
    chosen["runs_mb_per_s"] = [round(r["mb_per_s"], 3) for r in runs]
    chosen["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    return chosen


def machine() -> dict:
    import psutil

    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(), "platform": platform.platform(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def table(results: list[dict]) -> str:
    head = ("| N | engine | text MB | seconds | MB/s | articles/s | start-up s | peak RSS MB (tree) | quotes |\n"
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|\n")
    lines = [f"| {r['n']:,} | {r['engine']}{' x' + str(r['workers']) if r['engine'] == 'dask' else ''} "
             f"| {r['text_mb']:.1f} | {r['seconds']:.1f} | {r['mb_per_s']:.2f} | {r['articles_per_s']:.0f} "
             f"| {r['setup_seconds']:.1f} | {r['peak_rss_mb']:.0f} | {r['quotes']:,} |" for r in results]
    return head + "\n".join(lines)


def verdicts(results: list[dict]) -> list[str]:
    out = []
    single = {r["n"]: r for r in results if r["engine"] == "single"}
    dask = {r["n"]: r for r in results if r["engine"] == "dask"}
    if len(single) >= 2:
        small, large = min(single), max(single)
        ratio = single[large]["peak_rss_mb"] / single[small]["peak_rss_mb"]
        out.append(f"streaming peak memory N={large:,} / N={small:,}: {ratio:.2f} "
                   f"(target <= {MEMORY_TARGET}) -> {'PASS' if ratio <= MEMORY_TARGET else 'FAIL'}")
    common = sorted(set(single) & set(dask))
    if common:
        n = common[-1]
        speedup = dask[n]["mb_per_s"] / single[n]["mb_per_s"]
        out.append(f"Dask x{dask[n]['workers']} / single throughput at N={n:,}: {speedup:.2f} "
                   f"(target >= {SPEEDUP_TARGET}) -> {'PASS' if speedup >= SPEEDUP_TARGET else 'FAIL'}")
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child(argv[1], argv[2:])
    parser = argparse.ArgumentParser(description="Scale benchmark of the quotes command (see module docstring).")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000], help="corpus sizes (articles)")
    parser.add_argument("--engines", nargs="+", choices=("single", "dask"), default=["single", "dask"])
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes (1 thread each)")
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=1, help="runs per cell; the median throughput is kept")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=ROOT / "output" / "bench",
                        help="folder for bench_scale.json and bench_scale.md (default output/bench)")
    parser.add_argument("--corpus-dir", type=Path, default=ROOT / "output" / "bench" / "corpus")
    parser.add_argument("--note", default="", help="free text saved with the results (what else was running)")
    args = parser.parse_args(argv)

    args.out.mkdir(parents=True, exist_ok=True)
    info = machine()
    results = []
    for n in args.sizes:
        corpus = args.corpus_dir / f"corpus-{n}-seed{args.seed}.jsonl"
        if not corpus.exists():
            print(f"generating {n:,} articles -> {corpus}", file=sys.stderr)
            write_corpus(corpus.with_suffix(".tmp.jsonl"), n, seed=args.seed).rename(corpus)
        for engine in args.engines:
            runs = []
            for k in range(args.repeat):
                print(f"N={n:,} engine={engine} run {k + 1}/{args.repeat} ...", file=sys.stderr, flush=True)
                runs.append(run_once(corpus, engine, workers=args.workers, batch_size=args.batch_size,
                                     work=args.out))
            results.append({"n": n, **_median_run(runs)})
            r = results[-1]
            print(f"  {r['mb_per_s']:.2f} MB/s, {r['articles_per_s']:.0f} articles/s, "
                  f"peak {r['peak_rss_mb']:.0f} MB", file=sys.stderr, flush=True)
    info["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    checks = verdicts(results)
    text = table(results)
    print(text)
    print("\n".join(checks))
    (args.out / "bench_scale.json").write_text(json.dumps(
        {"machine": info, "note": args.note, "settings": {k: str(v) for k, v in vars(args).items()},
         "results": results, "checks": checks}, indent=2), encoding="utf-8")
    (args.out / "bench_scale.md").write_text(
        f"# bench_scale ({info['date']}, {info['cores']} cores, {info['memory_gib']} GiB, "
        f"load {info['load_average_at_start']} -> {info['load_average_at_end']})\n\n"
        + (f"{args.note}\n\n" if args.note else "") + text + "\n\n" + "\n".join(f"- {c}" for c in checks) + "\n",
        encoding="utf-8")
    print(f"wrote {args.out / 'bench_scale.json'} and {args.out / 'bench_scale.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
