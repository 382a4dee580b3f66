"""The Dask engine gives the single-process results (on a LocalCluster of 2 processes).

The quote rules are being written, so besides the real extractor the comparison is
also run with a stand-in extractor installed on the workers, which makes it meaningful
whatever the rules find today.
"""
from __future__ import annotations

import importlib.util
import io
import re
from pathlib import Path

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from toolkit import quotes as quotes_module  # noqa: E402
from toolkit.parallel import _quotes_partition, quotes_bag, quotes_dask, run_dask  # noqa: E402
from toolkit.quotes import Quote, UnsupportedLanguageError  # noqa: E402
from toolkit.stream import QUOTE_DTYPES, read_output, stream_quotes  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _generator():
    spec = importlib.util.spec_from_file_location("generate_corpus", ROOT / "benchmarks" / "generate_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _stand_ins():
    """The stand-in extractor and the installer, made inside a function so that they are
    pickled by value (the workers cannot import this test file)."""
    quote_re = re.compile("[\u201c\"\u00ab]([^\u201d\"\u00bb]+)[\u201d\"\u00bb]")
    cue_re = re.compile(r"\b(said|added|told|warned|insisted)\b")

    def fake_extract(text: str, *, language: str = "en") -> list[Quote]:
        """A crude stand-in: every quoted span, with the next cue word if any."""
        if language != "en":
            raise UnsupportedLanguageError(f"quote rules handle ['en'], not {language!r}")
        found = []
        for match in quote_re.finditer(text):
            cue = cue_re.search(text, match.end(), match.end() + 40)
            found.append(Quote("direct", match.group(1), match.start(1), match.end(1), None, None, None,
                               None, None, cue and cue.group(1), cue and cue.start(), cue and cue.end(),
                               None, None, "stand-in", None, match.start(), match.end()))
        return found

    def install(extract):
        """Run on each worker: swap the extractor (None restores the real one)."""
        import toolkit.quotes as module

        if not hasattr(module, "_real_extract_quotes"):
            module._real_extract_quotes = module.extract_quotes
        module.extract_quotes = extract or module._real_extract_quotes

    return fake_extract, install


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def _corpus(folder, n):
    path = folder / f"corpus-{n}.jsonl"
    _generator().write_corpus(path, n, seed=7)
    with path.open("a", encoding="utf-8") as out:
        out.write("{not json\n")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """40 generated articles and a broken line (for the fast stand-in extractor)."""
    return _corpus(tmp_path_factory.mktemp("corpus"), 40)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """12 generated articles and a broken line (the real extractor is slower)."""
    return _corpus(tmp_path_factory.mktemp("corpus"), 12)


@pytest.fixture
def stand_in(client, monkeypatch):
    fake_extract, install = _stand_ins()
    monkeypatch.setattr(quotes_module, "extract_quotes", fake_extract)
    client.run(install, fake_extract)
    try:
        yield
    finally:
        client.run(install, None)


def _both(corpus, tmp_path, client, fmt="jsonl", *, articles=40):
    single, parallel = tmp_path / f"single.{fmt}", tmp_path / f"dask.{fmt}"
    report_single, report_dask = tmp_path / "report-single.csv", tmp_path / "report-dask.csv"
    a = stream_quotes(str(corpus), single, fmt=fmt, batch_size=16, report=report_single, log=io.StringIO())
    b = run_dask(str(corpus), parallel, fmt=fmt, batch_size=16, report=report_dask, log=io.StringIO(),
                 client=client)
    key = ["doc", "start"]
    left = read_output(single).sort_values(key, kind="stable").reset_index(drop=True)
    right = read_output(parallel).sort_values(key, kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(left, right)
    if fmt != "parquet":  # the workers encode JSON Lines and CSV: still the same bytes
        assert single.read_bytes() == parallel.read_bytes()
    assert report_single.read_text() == report_dask.read_text()
    assert (a.articles, a.quotes, len(a.skipped), len(a.failures)) == (b.articles, b.quotes,
                                                                       len(b.skipped), len(b.failures))
    assert b.engine == "dask" and a.articles == articles and len(a.failures) == 1
    return left


def test_dask_matches_single_process_with_the_real_extractor(small_corpus, tmp_path, client):
    _both(small_corpus, tmp_path, client, articles=12)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_dask_matches_single_process_on_many_quotes(corpus, tmp_path, client, stand_in, fmt):
    quotes = _both(corpus, tmp_path, client, fmt)
    assert len(quotes) > 150 and quotes["cue_start"].isna().any() and quotes["cue_start"].notna().any()


def test_quotes_dask_frame_has_fixed_meta(corpus, client, stand_in):
    from toolkit.load import load_corpus

    articles = load_corpus(corpus).articles[["doc_id", "text", "language"]]
    lazy = quotes_dask(dd.from_pandas(articles, npartitions=3))
    assert lazy.dtypes.to_dict() == {c: pd.api.types.pandas_dtype(t) for c, t in QUOTE_DTYPES.items()}
    result = lazy.compute().reset_index(drop=True)
    expected = _quotes_partition(articles)
    pd.testing.assert_frame_equal(result, expected)
    assert len(result) > 150


def test_local_cluster_is_started_and_closed(tmp_path):
    out = tmp_path / "q.jsonl"
    articles = [{"doc_id": "a", "text": "Lena Aurich spoke.", "language": "en"}]
    path = tmp_path / "one.jsonl"
    pd.DataFrame(articles).to_json(path, orient="records", lines=True)
    psutil = pytest.importorskip("psutil")

    def children() -> set[int]:
        return {p.pid for p in psutil.Process().children(recursive=True)
                if "resource_tracker" not in " ".join(p.cmdline()) and p.is_running()}

    before = children()
    summary = run_dask(str(path), out, fmt="jsonl", workers=1, log=io.StringIO())
    assert summary.articles == 1 and summary.setup_seconds > 0
    assert children() <= before  # the worker and nanny processes are gone


def test_quotes_bag_gives_the_same_rows(corpus, client, stand_in):
    import dask.bag as db
    from toolkit.load import Article, iter_articles

    articles = [a for a in iter_articles(str(corpus)) if isinstance(a, Article)]
    rows = quotes_bag(db.from_sequence(articles, npartitions=3)).compute()
    frame = _quotes_partition(pd.DataFrame({"doc_id": [a.doc_id for a in articles],
                                            "text": [a.text for a in articles],
                                            "language": [a.language for a in articles]}))
    assert rows == [{k: (None if pd.isna(v) else v) for k, v in r.items()} for r in frame.to_dict("records")]
