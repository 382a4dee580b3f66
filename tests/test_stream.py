"""Streaming extraction: batches, formats, incremental writing, nothing lost, flat memory."""
from __future__ import annotations

import gc
import io
import json
import re
import tracemalloc

import pandas as pd
import pyarrow.parquet as pq
import pytest

from toolkit import quotes as quotes_module
from toolkit.quotes import Quote, UnsupportedLanguageError
from toolkit.stream import (
    OUTPUT_COLUMNS, QUOTE_DTYPES, REPORT_COLUMNS, ArticleRecord, FailureRecord, iter_batches,
    process_batch, quotes_table, read_output, stream_quotes, write_results,
)

QUOTE_RE = re.compile("\u201c([^\u201d]*)\u201d")


def fake_extract(text: str, *, language: str = "en") -> list[Quote]:
    """One direct quote per pair of curly quotes; speaker known only when 'Voss said' follows."""
    if language != "en":
        raise UnsupportedLanguageError(f"quote rules handle ['en'], not {language!r}")
    if "EXPLODE" in text:
        raise RuntimeError("rule bug")
    found = []
    for match in QUOTE_RE.finditer(text):
        named = text.startswith(" Voss said", match.end())
        s = match.end() + 1
        found.append(Quote("direct", match.group(1), match.start(1), match.end(1),
                           "Helena Voss" if named else None, "person" if named else None,
                           "Voss" if named else None, s if named else None, s + 4 if named else None,
                           "said" if named else None, s + 5 if named else None, s + 9 if named else None,
                           None, None, "test", None, match.start(), match.end()))
    return found


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr(quotes_module, "extract_quotes", fake_extract)


def article(i: int, quotes: int = 2, language: str = "en") -> ArticleRecord:
    parts = [f"Story {i} from Port Halden."]
    parts += [f"\u201cPoint {i}.{k}\u201d Voss said." if k % 2 == 0 else f"\u201cAside {i}.{k}\u201d"
              for k in range(quotes)]
    return ArticleRecord(f"doc-{i:05d}", " ".join(parts), language, f"/corpus/{i}.txt")


class Sink(io.StringIO):
    """A text sink that counts its lines at every write and flush."""

    def __init__(self):
        super().__init__()
        self.flushed_lines: list[int] = []

    def flush(self):
        self.flushed_lines.append(self.getvalue().count("\n"))


def test_iter_batches_sizes():
    batches = list(iter_batches((article(i) for i in range(7)), 3))
    assert [len(b) for b in batches] == [3, 3, 1]
    assert batches[0][0][:2] == ("article", "doc-00000")
    with pytest.raises(ValueError, match="at least 1"):
        list(iter_batches([article(0)], 0))


def test_process_batch_rows_and_report(fake):
    result = process_batch(list(iter_batches([article(0, 3), article(1, 0, "fr"),
                                              FailureRecord("/corpus/x.txt", None, "empty file")], 10))[0])
    assert [r["doc"] for r in result.rows] == ["doc-00000"] * 3
    assert [(r.doc, r.status, r.quotes) for r in result.report] == [
        ("doc-00000", "ok", 3), ("doc-00001", "skipped", 0), (None, "failed", 0)]
    assert result.text_bytes == len(article(0, 3).text.encode()) + len(article(1, 0).text.encode())


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_batches_encoded_where_extracted_write_the_same_bytes(fake, fmt):
    batches = list(iter_batches([article(i, i % 3) for i in range(9)], 4))
    as_rows, as_text = io.StringIO(), io.StringIO()
    a = write_results(map(process_batch, batches), as_rows, fmt=fmt, log=io.StringIO())
    encoded = [process_batch(b, encode=fmt) for b in batches]
    assert all(r.rows == [] and r.encoded for r in encoded)
    b = write_results(encoded, as_text, fmt=fmt, log=io.StringIO())
    assert as_text.getvalue() == as_rows.getvalue()
    assert a.quotes == b.quotes == sum(i % 3 for i in range(9))
    with pytest.raises(ValueError, match="parquet"):
        write_results(encoded, io.BytesIO(), fmt="parquet", log=io.StringIO())


def test_quotes_table_has_stable_dtypes(fake):
    empty = quotes_table([])
    rows = [dict(q.to_row("d")) for q in fake_extract(article(0, 2).text)]
    full = quotes_table(rows)
    assert empty.dtypes.to_dict() == full.dtypes.to_dict() == {c: pd.api.types.pandas_dtype(t)
                                                               for c, t in QUOTE_DTYPES.items()}
    assert full["speaker_start"].isna().tolist() == [False, True]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_formats_round_trip_the_same_quotes(tmp_path, fake, fmt):
    out = tmp_path / f"q.{fmt}"
    summary = stream_quotes([article(i, 1 + i % 3) for i in range(25)], out, fmt=fmt, batch_size=4)
    assert (summary.articles, summary.quotes, summary.batches) == (25, sum(1 + i % 3 for i in range(25)), 7)
    frame = read_output(out)
    assert list(frame.columns) == list(OUTPUT_COLUMNS)
    assert len(frame) == summary.quotes
    assert frame["start"].dtype == "Int64" and frame["speaker_start"].isna().any()
    if fmt == "parquet":
        assert pq.read_schema(out).field("cue_start").type == "int64"
    reference = read_output(_written(tmp_path, "jsonl"))
    pd.testing.assert_frame_equal(frame, reference)


def _written(tmp_path, fmt):
    out = tmp_path / f"reference.{fmt}"
    stream_quotes([article(i, 1 + i % 3) for i in range(25)], out, fmt=fmt, batch_size=25)
    return out


def test_empty_corpus_still_writes_a_valid_file(tmp_path):
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"empty.{fmt}"
        summary = stream_quotes([], out, fmt=fmt)
        assert summary.articles == 0
        assert read_output(out).empty and list(read_output(out).columns) == list(OUTPUT_COLUMNS)


def test_output_is_written_batch_by_batch(fake):
    sink = Sink()
    seen_when_reading: list[int] = []

    def source():
        for i in range(12):
            seen_when_reading.append(sink.getvalue().count("\n"))
            yield article(i, 2)

    stream_quotes(source(), sink, fmt="jsonl", batch_size=4)
    # while article 8 was being read, the quotes of the first two batches were out already
    assert seen_when_reading[8] == 2 * 4 * 2
    assert sink.flushed_lines[:3] == [8, 16, 24]


def test_every_input_is_in_the_output_or_the_report(tmp_path, fake):
    items = [article(0, 2), article(1, 0), article(2, 1, "fr"),
             ArticleRecord("doc-boom", "EXPLODE \u201cx\u201d", "en"),
             FailureRecord("/corpus/bad.jsonl", 7, "invalid JSON"), article(3, 3)]
    out, report = tmp_path / "q.jsonl", tmp_path / "report.csv"
    log = io.StringIO()
    summary = stream_quotes(items, out, fmt="jsonl", batch_size=2, report=report, log=log)
    rows = pd.read_csv(report, dtype=str, keep_default_na=False)
    assert list(rows.columns) == list(REPORT_COLUMNS)
    assert len(rows) == len(items)
    assert rows["status"].tolist() == ["ok", "ok", "skipped", "error", "failed", "ok"]
    per_doc = read_output(out)["doc"].value_counts().to_dict()
    for row in rows.itertuples():
        assert per_doc.get(row.doc, 0) == int(row.quotes)
    assert rows.loc[4, ["path", "line", "reason"]].tolist() == ["/corpus/bad.jsonl", "7", "invalid JSON"]
    assert rows.loc[3, "reason"] == "RuntimeError: rule bug"
    assert (summary.articles, summary.quotes) == (5, 5)
    assert [r.doc for r in summary.skipped] == ["doc-00002"]
    assert [r.doc for r in summary.errors] == ["doc-boom"]
    assert [r.path for r in summary.failures] == ["/corpus/bad.jsonl"]
    assert not summary.ok
    messages = log.getvalue()
    assert "skipped doc-00002" in messages and "error doc-boom" in messages
    assert "failed /corpus/bad.jsonl:7: invalid JSON" in messages


def test_reads_paths_with_the_loader(tmp_path, fake):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join([json.dumps({"doc_id": a.doc_id, "language": "en", "text": a.text})
                                 for a in (article(0), article(1))] + ["{nope"]) + "\n", encoding="utf-8")
    report = tmp_path / "r.csv"
    summary = stream_quotes(str(corpus), tmp_path / "q.csv", fmt="csv", report=report, log=io.StringIO())
    assert (summary.articles, summary.quotes, len(summary.failures)) == (2, 4, 1)
    assert summary.failures[0].line == 3
    assert read_output(tmp_path / "q.csv")["doc"].unique().tolist() == ["doc-00000", "doc-00001"]


def _peak_bytes(n: int) -> int:
    class Discard(io.TextIOBase):
        def write(self, text):
            return len(text)

    gc.collect()
    tracemalloc.start()
    try:
        stream_quotes((article(i, 4) for i in range(n)), Discard(), fmt="jsonl", batch_size=20,
                      log=io.StringIO())
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_corpus(fake):
    _peak_bytes(20)  # first use imports and caches things; not part of the comparison
    small, large = _peak_bytes(300), _peak_bytes(1500)
    assert large < 1.5 * small, (small, large)
