"""Quote extraction on Dask: the optional extra ``pip install '.[dask]'``.

Dask is imported inside the functions, never at module import, so the rest of the
toolkit and the notebooks run without it; calling a function here without Dask raises
:class:`DaskNotInstalledError` with the install command.

Two entry points run the same per-batch code as :mod:`toolkit.stream`:

- :func:`quotes_dask` (and :func:`quotes_bag` for a bag of records) maps a Dask DataFrame of articles (``doc_id``, ``text``,
  optional ``language``) to a Dask DataFrame of quotes, partition by partition, with a
  fixed ``meta`` (``toolkit.stream.QUOTE_DTYPES``). Articles in an unsupported language
  give no rows there; use :func:`run_dask` or ``extract_corpus`` to see them reported.
- :func:`run_dask` is ``python -m toolkit quotes --engine dask``. The client process
  reads the corpus lazily with ``toolkit.load`` (so every input format the loader
  knows works, and workers need no access to the files), sends batches of articles to
  the workers as tasks, keeps a bounded number in flight, and writes results in input
  order as they come back: the output and report are byte-identical to the
  single-process path, and memory stays flat.
"""
from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from typing import IO, Any

import pandas as pd

from toolkit.schema import require_columns
from toolkit.stream import (
    DEFAULT_BATCH_SIZE, BatchResult, Source, StreamSummary, iter_batches, iter_inputs,
    process_batch, quotes_table, write_results,
)

__all__ = ["DaskNotInstalledError", "INSTALL_HINT", "quotes_bag", "quotes_dask", "run_dask", "start_client"]

INSTALL_HINT = "install the dask extra: pip install '.[dask]'"


class DaskNotInstalledError(ImportError):
    """Dask (or distributed) is needed for this and is not installed."""


def _require(module: str):
    try:
        return __import__(module, fromlist=["_"])
    except ImportError as exc:
        raise DaskNotInstalledError(f"{module} is not installed; {INSTALL_HINT}") from exc


def _quotes_partition(articles: pd.DataFrame) -> pd.DataFrame:
    """Quotes of one pandas partition of articles, with ``QUOTE_DTYPES``."""
    languages = articles["language"] if "language" in articles else [None] * len(articles)
    jobs = [("article", str(d), t, lang if isinstance(lang, str) else None, None)
            for d, t, lang in zip(articles["doc_id"], articles["text"], languages)]
    rows = process_batch(jobs).rows
    for row in rows:
        row["doc_id"] = row.pop("doc")
    return quotes_table(rows)


def quotes_dask(articles: Any) -> Any:
    """Quotes of a Dask DataFrame of articles, as a Dask DataFrame (one task per partition).

    >>> import pandas as pd, dask.dataframe as dd
    >>> frame = dd.from_pandas(pd.DataFrame({"doc_id": ["a"], "text": ["Hello."]}), npartitions=1)
    >>> list(quotes_dask(frame).columns[:3])
    ['doc_id', 'kind', 'quote']
    """
    _require("dask.dataframe")
    require_columns(articles, ("doc_id", "text"), what="articles")
    meta = quotes_table([])
    return articles.map_partitions(_quotes_partition, meta=meta)


def _bag_partition(articles: Iterable[Any]) -> list[dict]:
    """Quote rows (``QUOTE_COLUMNS`` dicts) of one bag partition of articles."""
    jobs = []
    for item in articles:
        get = item.get if isinstance(item, dict) else (lambda key, _i=item: getattr(_i, key, None))
        jobs.append(("article", str(get("doc_id")), get("text"), get("language"), None))
    rows = process_batch(jobs).rows
    return [{"doc_id": row.pop("doc"), **row} for row in rows]


def quotes_bag(articles: Any) -> Any:
    """Quotes of a Dask bag of articles (``Article`` records or dicts with ``doc_id``,
    ``text``, ``language``), as a bag of quote dicts with the keys ``QUOTE_COLUMNS``.

    Articles in an unsupported language give no rows, as in :func:`quotes_dask`.
    """
    _require("dask.bag")
    return articles.map_partitions(_bag_partition)


def start_client(scheduler: str | None = None, *, workers: int | None = None):
    """A ``distributed.Client``: to ``scheduler`` (``tcp://host:8786``) or to a new LocalCluster.

    The LocalCluster has ``workers`` worker processes (default: this machine's cores)
    of one thread each (the extractor is pure Python, so threads would share one GIL),
    its dashboard on a free port. Close the client (and its cluster) with ``client.close()``;
    :func:`run_dask` does it for you.
    """
    distributed = _require("distributed")
    if scheduler:
        return distributed.Client(scheduler)
    cluster = distributed.LocalCluster(
        n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
        dashboard_address=":0",  # any free port: never clash with another cluster's 8787
    )
    try:
        return distributed.Client(cluster)
    except BaseException:
        cluster.close()
        raise


def _close(client) -> None:
    cluster = getattr(client, "cluster", None)  # None when connected to a scheduler address
    client.close()
    if cluster is not None:
        cluster.close()


def _warm_up() -> None:
    """Run on each worker before timing: import the extractor and run it once (NLTK etc.)."""
    process_batch([("article", "warm-up", "\u201cReady,\u201d she said.", "en", None)])


def _ordered_map(client, batches: Iterable[list], *, in_flight: int,
                 encode: str | None = None) -> Iterator[BatchResult]:
    """Submit batches to ``client``, at most ``in_flight`` at a time; yield results in order.

    ``encode`` (``"jsonl"``/``"csv"``) has the workers return their rows as output text,
    so the coordinator, which shares the machine with them, only writes it out.
    """
    pending: deque = deque()
    for batch in batches:
        # Scattered, not embedded in the task: the scheduler keeps the recent graphs it
        # received (dask.distributed's computation history), which would grow with the corpus.
        [data] = client.scatter([batch], hash=False)
        pending.append(client.submit(process_batch, data, encode=encode, pure=False))
        del data
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def run_dask(source: Source, output: str | os.PathLike | IO | None, *, fmt: str,
             batch_size: int = DEFAULT_BATCH_SIZE, scheduler: str | None = None,
             workers: int | None = None, progress: bool | None = None,
             report: str | os.PathLike | None = None, manifest: str | os.PathLike | None = None,
             log: IO | None = None, client: Any = None) -> StreamSummary:
    """Like :func:`toolkit.stream.stream_quotes`, with the batches extracted on a Dask cluster.

    Args:
        scheduler: address of a running scheduler; None starts a LocalCluster of
            ``workers`` processes (closed at the end).
        client: an existing ``distributed.Client`` to use instead (left open).
        The other arguments are those of ``stream_quotes``.

    Returns:
        The :class:`StreamSummary`; ``setup_seconds`` is the cluster start-up (and the
        toolkit's imports on the workers), not in ``seconds``.
    """
    started = time.perf_counter()
    own = client is None
    if own:
        client = start_client(scheduler, workers=workers)
    try:
        client.run(_warm_up)  # imports on the workers count as start-up, not as throughput
        setup = time.perf_counter() - started
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        batches = iter_batches(iter_inputs(source, manifest=manifest), batch_size)
        results = _ordered_map(client, batches, in_flight=3 * n_workers,
                               encode=fmt if fmt in ("jsonl", "csv") else None)
        return write_results(results, output, fmt=fmt, report=report, progress=progress,
                             log=log if log is not None else sys.stderr, engine="dask",
                             setup_seconds=setup)
    finally:
        if own:
            _close(client)
