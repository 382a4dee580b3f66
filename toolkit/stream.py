"""Stream quotes out of a corpus of any size, one batch of articles at a time.

:func:`stream_quotes` reads articles lazily (``toolkit.load.iter_articles``: file by
file, and row by row for JSON Lines, CSV and Parquet corpora), extracts the quotes of
each batch with :func:`toolkit.quotes.extract_quotes` and writes them at once, so
memory stays flat however large the corpus. It is the single-process path of
``python -m toolkit quotes``; :mod:`toolkit.parallel` runs the same batches on Dask.

Nothing is dropped silently: every input ends as quotes in the output and a line of
the report (``REPORT_COLUMNS``) with one of the statuses

- ``ok``: the article was read and its quotes (maybe none) are in the output;
- ``skipped``: its language is one the quote rules do not handle;
- ``failed``: the loader could not read it (``doc`` is empty, ``path``/``line`` say where);
- ``error``: the quote extractor raised on it (the message is the reason).

Output columns are ``OUTPUT_COLUMNS``: :data:`toolkit.schema.QUOTE_COLUMNS` with
``doc_id`` named ``doc``. Offsets are integers and missing values null (JSON), empty
(CSV) or null (Parquet).

>>> import io
>>> from toolkit.stream import ArticleRecord
>>> out = io.StringIO()
>>> summary = stream_quotes([ArticleRecord("d1", "Bonjour.", "fr")], out, fmt="jsonl")
>>> (summary.articles, summary.quotes, summary.skipped[0].status)
(1, 0, 'skipped')
"""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import sys
import time
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pandas as pd

from toolkit import quotes as _quotes
from toolkit.schema import QUOTE_COLUMNS

__all__ = [
    "ArticleRecord", "BatchResult", "DEFAULT_BATCH_SIZE", "FORMATS", "FailureRecord",
    "OUTPUT_COLUMNS", "QUOTE_DTYPES", "REPORT_COLUMNS", "ReportRow", "StreamSummary",
    "encode_rows", "iter_batches", "iter_inputs", "parquet_schema", "process_batch", "quotes_table",
    "read_output", "stream_quotes", "write_results",
]

#: Articles per batch: the unit of extraction, of writing and of a Dask task.
DEFAULT_BATCH_SIZE = 100

FORMATS = ("jsonl", "csv", "parquet")

#: Columns written by ``stream_quotes`` and the CLI (the first 16 are the JSON contract).
OUTPUT_COLUMNS: tuple[str, ...] = ("doc",) + tuple(c for c in QUOTE_COLUMNS if c != "doc_id")

#: Columns of the per-input report (``--report FILE``).
REPORT_COLUMNS: tuple[str, ...] = ("doc", "path", "line", "status", "reason", "quotes")


def _quote_field_kinds() -> dict[str, str]:
    """'int' or 'str' for every field of :class:`toolkit.quotes.Quote`, from its annotations."""
    hints = typing.get_type_hints(_quotes.Quote)
    return {f.name: ("int" if int in (typing.get_args(hints[f.name]) or (hints[f.name],)) else "str")
            for f in dataclasses.fields(_quotes.Quote)}


_KINDS = {"doc_id": "str", **_quote_field_kinds()}

#: pandas dtypes of a quotes frame, stable whatever the values: nullable ``Int64`` for
#: offsets (no float NaN) and ``string`` for text; used as the Dask ``meta``.
QUOTE_DTYPES: dict[str, str] = {c: ("Int64" if _KINDS.get(c) == "int" else "string") for c in QUOTE_COLUMNS}


def quotes_table(rows: Iterable[dict]) -> pd.DataFrame:
    """A quotes frame (``QUOTE_COLUMNS``, ``QUOTE_DTYPES``) from ``Quote.to_row`` dicts.

    >>> quotes_table([]).dtypes["start"]
    Int64Dtype()
    """
    frame = pd.DataFrame(list(rows), columns=list(QUOTE_COLUMNS))
    return frame.astype(QUOTE_DTYPES)


@dataclass(frozen=True)
class ArticleRecord:
    """The fields of an article the quote stage needs (``toolkit.load.Article`` has them too)."""

    doc_id: str
    text: str
    language: str | None = "en"
    path: str | None = None


@dataclass(frozen=True)
class FailureRecord:
    """An input the loader could not read (``toolkit.load.LoadFailure`` has these fields)."""

    path: str | None
    line: int | None
    error: str


@dataclass(frozen=True)
class ReportRow:
    """One line of the report: what became of one input."""

    doc: str | None
    path: str | None
    line: int | None
    status: str  # ok | skipped | failed | error
    reason: str | None
    quotes: int

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class BatchResult:
    """Quote rows (``OUTPUT_COLUMNS`` dicts) and report rows of one batch.

    ``encoded`` is set instead of ``rows`` when the batch was written out as JSON Lines
    or CSV text where it was extracted (``process_batch(..., encode=fmt)``), so the Dask
    coordinator only appends text; ``quotes`` counts the rows either way.
    """

    rows: list[dict]
    report: list[ReportRow]
    text_bytes: int
    encoded: str | None = None
    encoded_quotes: int = 0

    @property
    def quotes(self) -> int:
        return self.encoded_quotes if self.encoded is not None else len(self.rows)


@dataclass(frozen=True)
class StreamSummary:
    """What a run did. ``skipped``, ``failures`` and ``errors`` keep one row per input."""

    articles: int                       # articles read (ok + skipped + error)
    quotes: int                         # quote rows written
    skipped: tuple[ReportRow, ...]      # unsupported language
    failures: tuple[ReportRow, ...]     # inputs the loader could not read
    errors: tuple[ReportRow, ...]       # articles the extractor raised on
    batches: int
    text_bytes: int                     # UTF-8 bytes of article text processed
    seconds: float                      # reading + extraction + writing
    setup_seconds: float = 0.0          # e.g. Dask cluster start-up, not in ``seconds``
    engine: str = "single"

    @property
    def ok(self) -> bool:
        """True when every input was read and every article extracted (skips are fine)."""
        return not self.failures and not self.errors

    def as_dict(self) -> dict:
        out = dataclasses.asdict(self)
        for key in ("skipped", "failures", "errors"):
            out[key] = [dataclasses.asdict(r) if not isinstance(r, dict) else r for r in getattr(self, key)]
        return out

    def describe(self) -> str:
        """One line for stderr."""
        plural = "" if self.articles == 1 else "s"
        parts = [f"{self.quotes} quotes from {self.articles} article{plural} in {self.seconds:.1f} s"]
        if self.setup_seconds:
            parts.append(f"start-up {self.setup_seconds:.1f} s not counted")
        parts.append(f"{len(self.skipped)} skipped, {len(self.failures)} failed to load, "
                     f"{len(self.errors)} extraction errors")
        return "quotes: " + "; ".join(parts)


# ---------------------------------------------------------------------------- reading

Source = str | os.PathLike | Iterable[Any]


def _is_path(value: object) -> bool:
    return isinstance(value, str | os.PathLike)


def iter_inputs(source: Source, *, manifest: str | os.PathLike | None = None) -> Iterator[Any]:
    """Articles and load failures of ``source``, lazily.

    ``source`` is a path (folder or corpus file), a list of paths (each read with
    ``toolkit.load.iter_articles``), or an iterable of already loaded records
    (``Article``/``LoadFailure`` or anything with the same fields).
    """
    if _is_path(source):
        source = [source]
    elif isinstance(source, Sequence) and source and all(_is_path(s) for s in source):
        pass
    else:
        yield from source
        return
    from toolkit.load import iter_articles

    yield from iter_articles(list(source), manifest=manifest)


def _is_failure(item: Any) -> bool:
    return hasattr(item, "error") and not hasattr(item, "text")


def _job(item: Any) -> tuple:
    """A small picklable tuple for one input (what a Dask task carries)."""
    if _is_failure(item):
        return ("failed", getattr(item, "path", None), getattr(item, "line", None), str(item.error))
    path = getattr(item, "path", None)
    return ("article", str(item.doc_id), item.text, getattr(item, "language", None),
            None if path is None else str(path))


def iter_batches(items: Iterable[Any], batch_size: int) -> Iterator[list[tuple]]:
    """Group inputs into lists of at most ``batch_size`` jobs."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    batch: list[tuple] = []
    for item in items:
        batch.append(_job(item))
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


# ------------------------------------------------------------------------- extracting

def _output_row(quote: Any, doc: str) -> dict:
    row = quote.to_row(doc)
    row["doc"] = row.pop("doc_id")
    return {c: row.get(c) for c in OUTPUT_COLUMNS}


def encode_rows(rows: list[dict], fmt: str) -> str:
    """Quote rows as the text :func:`write_results` writes for them: JSON Lines or CSV lines.

    >>> encode_rows([dict.fromkeys(OUTPUT_COLUMNS)], "jsonl")[:12]
    '{"doc": null'
    """
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(
            [["" if r[c] is None else r[c] for c in OUTPUT_COLUMNS] for r in rows])
        return buffer.getvalue()
    raise ValueError(f"only jsonl and csv rows are encoded as text, not {fmt!r}")


def process_batch(batch: Sequence[tuple], *, extract: Callable[..., list] | None = None,
                  encode: str | None = None) -> BatchResult:
    """Extract the quotes of one batch of jobs (from :func:`iter_batches`).

    Runs in the worker processes on Dask, so it imports nothing optional. ``extract``
    defaults to :func:`toolkit.quotes.extract_quotes`, looked up at call time.
    ``encode="jsonl"`` or ``"csv"`` returns the rows already written as that text
    (``BatchResult.encoded``): on Dask this moves the encoding off the coordinator.
    """
    extract = extract or _quotes.extract_quotes
    rows: list[dict] = []
    report: list[ReportRow] = []
    text_bytes = 0
    for job in batch:
        if job[0] == "failed":
            _, path, line, error = job
            report.append(ReportRow(None, path, line, "failed", error, 0))
            continue
        _, doc, text, language, path = job
        text_bytes += len(text.encode("utf-8"))
        try:
            found = extract(text, language=language or "en")
        except _quotes.UnsupportedLanguageError as exc:
            report.append(ReportRow(doc, path, None, "skipped", str(exc), 0))
            continue
        except Exception as exc:  # noqa: BLE001 - recorded per article, never dropped
            report.append(ReportRow(doc, path, None, "error", f"{type(exc).__name__}: {exc}", 0))
            continue
        rows.extend(_output_row(q, doc) for q in found)
        report.append(ReportRow(doc, path, None, "ok", None, len(found)))
    if encode in ("jsonl", "csv"):
        return BatchResult([], report, text_bytes, encoded=encode_rows(rows, encode), encoded_quotes=len(rows))
    return BatchResult(rows, report, text_bytes)


# ---------------------------------------------------------------------------- writing

class _Writer:
    """Writes quote rows incrementally in one format; ``close`` finishes the file."""

    def __init__(self, output: str | os.PathLike | IO | None, fmt: str, *, parquet_rows: int = 10_000):
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        self.fmt = fmt
        self._own = False
        self._pending: list[dict] = []
        self._parquet_rows = parquet_rows
        self._parquet = None
        if fmt == "parquet":
            if output is None or (hasattr(output, "write") and isinstance(output, io.TextIOBase)):
                raise ValueError("parquet output is binary: give a file path (-o FILE)")
            self._sink = output
            return
        if output is None:
            self._stream = sys.stdout
        elif hasattr(output, "write"):
            self._stream = output
        else:
            self._stream = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
            self._own = True
        if fmt == "csv":
            csv.writer(self._stream, lineterminator="\n").writerow(OUTPUT_COLUMNS)

    def write(self, rows: list[dict], encoded: str | None = None) -> None:
        """Write ``rows``, or ``encoded``: the same rows already made text by :func:`encode_rows`."""
        if encoded is not None and self.fmt in ("jsonl", "csv"):
            self._stream.write(encoded)
        elif self.fmt in ("jsonl", "csv"):
            self._stream.write(encode_rows(rows, self.fmt))
        else:
            self._pending.extend(rows)
            if len(self._pending) >= self._parquet_rows:
                self._flush_parquet()
            return
        self._stream.flush()

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self._sink, parquet_schema())
        self._parquet.write_table(pa.Table.from_pylist(self._pending, schema=parquet_schema()))
        self._pending = []

    def close(self) -> None:
        if self.fmt == "parquet":
            if self._pending or self._parquet is None:  # an empty result is still a valid file
                self._flush_parquet()
            self._parquet.close()
        elif self._own:
            self._stream.close()
        else:
            self._stream.flush()


def parquet_schema():
    """The pyarrow schema of the Parquet output: int64 offsets, string text, all nullable."""
    import pyarrow as pa

    return pa.schema([(c, pa.int64() if _KINDS.get("doc_id" if c == "doc" else c) == "int" else pa.string())
                      for c in OUTPUT_COLUMNS])


def _report_line(row: ReportRow) -> str:
    where = row.doc or f"{row.path}" + (f":{row.line}" if row.line is not None else "")
    return f"{row.status} {where}: {row.reason}"


def write_results(results: Iterable[BatchResult], output: str | os.PathLike | IO | None, *, fmt: str,
                  report: str | os.PathLike | None = None, progress: bool | None = None,
                  log: IO | None = None, engine: str = "single", setup_seconds: float = 0.0) -> StreamSummary:
    """Write batch results as they arrive; report non-ok inputs on ``log`` (stderr).

    Shared by the single-process and the Dask engines, so both write the same bytes.
    """
    from tqdm.auto import tqdm

    log = sys.stderr if log is None else log
    started = time.perf_counter()
    writer = _Writer(output, fmt)
    report_file = None
    report_csv = None
    if report is not None:
        report_file = open(report, "w", encoding="utf-8", newline="")  # noqa: SIM115
        report_csv = csv.writer(report_file, lineterminator="\n")
        report_csv.writerow(REPORT_COLUMNS)
    n_articles = n_quotes = n_batches = n_bytes = 0
    skipped: list[ReportRow] = []
    failures: list[ReportRow] = []
    errors: list[ReportRow] = []
    bar = tqdm(desc="quotes", unit=" articles", disable=None if progress is None else not progress,
               file=sys.stderr)
    try:
        for result in results:
            if result.encoded is not None and fmt not in ("jsonl", "csv"):
                raise ValueError(f"a batch encoded as text cannot be written as {fmt}")
            writer.write(result.rows, result.encoded)
            n_batches += 1
            n_quotes += result.quotes
            n_bytes += result.text_bytes
            for row in result.report:
                if row.status != "failed":
                    n_articles += 1
                if row.status != "ok":
                    {"skipped": skipped, "failed": failures, "error": errors}[row.status].append(row)
                    bar.write(_report_line(row), file=log)
            if report_csv is not None:
                report_csv.writerows([["" if v is None else v for v in dataclasses.astuple(r)]
                                      for r in result.report])
            bar.update(sum(r.status != "failed" for r in result.report))
    finally:
        bar.close()
        writer.close()
        if report_file is not None:
            report_file.close()
    return StreamSummary(
        articles=n_articles, quotes=n_quotes, skipped=tuple(skipped), failures=tuple(failures),
        errors=tuple(errors), batches=n_batches, text_bytes=n_bytes,
        seconds=time.perf_counter() - started, setup_seconds=setup_seconds, engine=engine,
    )


def stream_quotes(source: Source, output: str | os.PathLike | IO | None, *, fmt: str,
                  batch_size: int = DEFAULT_BATCH_SIZE, progress: bool | None = None,
                  report: str | os.PathLike | None = None,
                  manifest: str | os.PathLike | None = None, log: IO | None = None) -> StreamSummary:
    """Extract the quotes of ``source`` batch by batch and write them to ``output`` as they come.

    Args:
        source: a folder or corpus file, a list of them, or an iterable of
            ``Article``/``LoadFailure`` records.
        output: a path, an open text stream (JSON Lines/CSV), or None for stdout.
        fmt: ``"jsonl"``, ``"csv"`` or ``"parquet"`` (parquet needs a path).
        batch_size: articles extracted and written at a time.
        progress: tqdm bar on stderr; None shows it only on a terminal.
        report: CSV path for one row per input (``REPORT_COLUMNS``).
        manifest: passed to ``toolkit.load.iter_articles`` for folders of text files.
        log: where skipped/failed inputs are reported (default stderr).

    Returns:
        A :class:`StreamSummary` with counts and the non-ok inputs.
    """
    batches = iter_batches(iter_inputs(source, manifest=manifest), batch_size)
    return write_results(map(process_batch, batches), output, fmt=fmt, report=report,
                         progress=progress, log=log)


def read_output(path: str | os.PathLike, fmt: str | None = None) -> pd.DataFrame:
    """Read a file written by :func:`stream_quotes` back with stable dtypes (for tests and notebooks)."""
    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".")
    if fmt == "parquet":
        frame = pd.read_parquet(path)
    elif fmt == "csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    elif fmt == "jsonl":
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        frame = pd.DataFrame(records, columns=list(OUTPUT_COLUMNS))
    else:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    dtypes = {("doc" if c == "doc_id" else c): t for c, t in QUOTE_DTYPES.items()}
    return frame.astype(dtypes)
