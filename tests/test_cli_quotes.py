"""The ``quotes`` command's output contract: keys, types, nulls, formats and reports.

The quote rules are being written, so the exact contract is checked with a stand-in
extractor that returns two known quotes (one with every field, one with missing
fields); the real extractor is checked on the key set and types of whatever it finds.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys

import pandas as pd
import pyarrow.parquet as pq
import pytest

from toolkit import quotes as quotes_module
from toolkit.cli import main
from toolkit.quotes import Quote, UnsupportedLanguageError
from toolkit.schema import QUOTE_COLUMNS

#: The keys the issue promises, in this order, at the start of every JSON record.
CONTRACT = ("doc", "kind", "quote", "start", "end", "speaker", "speaker_type", "speaker_mention",
            "speaker_start", "speaker_end", "cue", "cue_start", "cue_end", "addressee", "via", "rule")
INT_KEYS = {"start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end",
            "sentence_start", "sentence_end"}

ARTICLE = ("Lena Aurich welcomed both delegations to Port Halden on Friday. "
           "\u201cWe are ready to listen,\u201d Aurich said.\n\n"
           "\u201cNothing is agreed yet,\u201d a Citadel official told reporters.")


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    begin = text.index(needle, start)
    return begin, begin + len(needle)


def fake_extract(text: str, *, language: str = "en") -> list[Quote]:
    """Two quotes of ARTICLE: the first fully attributed, the second with missing fields."""
    if language != "en":
        raise UnsupportedLanguageError(f"quote rules handle ['en'], not {language!r}")
    found = []
    for n, match in enumerate(re.finditer("\u201c([^\u201d]*)\u201d", text)):
        sentence_end = text.find("\n", match.end())
        if n == 0:
            mention, cue = _span(text, "Aurich", match.end()), _span(text, "said", match.end())
            found.append(Quote("direct", match.group(1), match.start(1), match.end(1),
                               "Lena Aurich", "person", "Aurich", *mention, "said", *cue,
                               None, None, "quote-cue-name", "surname", match.start(), sentence_end))
        else:
            found.append(Quote("direct", match.group(1), match.start(1), match.end(1),
                               None, "unnamed", None, None, None, None, None, None,
                               "reporters", None, "quote-no-cue", None, match.start(), len(text)))
    return found


def expected_records(doc: str, text: str = ARTICLE) -> list[dict]:
    """What the CLI must print for ``fake_extract``, built through ``Quote.to_row``."""
    out = []
    for q in fake_extract(text):
        row = q.to_row(doc)
        row["doc"] = row.pop("doc_id")
        out.append({"doc": row["doc"], **{c: row[c] for c in QUOTE_COLUMNS if c != "doc_id"}})
    return out


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr(quotes_module, "extract_quotes", fake_extract)


@pytest.fixture
def corpus(tmp_path):
    """A JSON Lines corpus: one English article, one French one, one broken line."""
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"doc_id": "ledger-01", "outlet": "The Esterby Ledger", "language": "en", "text": ARTICLE}),
             json.dumps({"doc_id": "valmora-fr-01", "outlet": "Valmora Today", "language": "fr",
                         "text": "Les pourparlers de Port Halden se sont poursuivis jusqu'au soir."}),
             "{broken"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _english_only(tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"doc_id": "ledger-01", "language": "en", "text": ARTICLE}) + "\n", encoding="utf-8")
    return path


def test_jsonl_records_follow_the_contract_exactly(tmp_path, fake, capsys):
    assert main(["quotes", str(_english_only(tmp_path)), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records == expected_records("ledger-01")
    for record in records:
        assert tuple(record)[:len(CONTRACT)] == CONTRACT
        for key in INT_KEYS:
            assert record[key] is None or type(record[key]) is int, key
    second = records[1]
    assert second["speaker"] is None and second["cue_start"] is None and second["via"] is None
    assert ARTICLE[records[0]["start"]:records[0]["end"]] == "We are ready to listen,"
    assert ARTICLE[records[0]["speaker_start"]:records[0]["speaker_end"]] == "Aurich"


def test_jsonl_null_is_written_as_null_not_nan(tmp_path, fake, capsys):
    main(["quotes", str(_english_only(tmp_path))])  # jsonl is the default
    raw = capsys.readouterr().out.splitlines()[1]
    assert '"speaker": null' in raw and '"cue_start": null' in raw
    assert "NaN" not in raw and ".0," not in raw


def test_csv_leaves_missing_values_empty(tmp_path, fake, capsys):
    assert main(["quotes", str(_english_only(tmp_path)), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0])[:len(CONTRACT)] == CONTRACT
    expected = expected_records("ledger-01")
    for row, want in zip(rows, expected, strict=True):
        assert row == {k: "" if v is None else str(v) for k, v in want.items()}
    assert rows[1]["speaker"] == "" and rows[1]["cue_start"] == ""
    assert rows[0]["start"] == str(expected[0]["start"])  # "63", never "63.0"


def test_output_file_and_parquet(tmp_path, fake, capsys):
    source = _english_only(tmp_path)
    out_jsonl, out_parquet = tmp_path / "q.jsonl", tmp_path / "q.parquet"
    assert main(["quotes", str(source), "-o", str(out_jsonl)]) == 0
    assert main(["quotes", str(source), "--format", "parquet", "-o", str(out_parquet)]) == 0
    assert capsys.readouterr().out == ""
    lines = out_jsonl.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == expected_records("ledger-01")
    table = pq.read_table(out_parquet)
    assert table.schema.field("start").type == "int64"
    assert table.schema.field("speaker_start").type == "int64"
    assert table.to_pylist() == expected_records("ledger-01")


def test_parquet_to_stdout_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit, match="needs -o FILE"):
        main(["quotes", str(_english_only(tmp_path)), "--format", "parquet"])


def test_skipped_and_failed_inputs_go_to_stderr_and_report(corpus, tmp_path, fake, capsys):
    report = tmp_path / "report.csv"
    status = main(["quotes", str(corpus), "--report", str(report)])
    captured = capsys.readouterr()
    assert status == 1  # an input failed to load
    assert [json.loads(line)["doc"] for line in captured.out.splitlines()] == ["ledger-01", "ledger-01"]
    assert "skipped valmora-fr-01" in captured.err and "'fr'" in captured.err
    assert f"failed {corpus}:3" in captured.err
    assert "1 skipped, 1 failed to load" in captured.err
    rows = pd.read_csv(report, dtype=str, keep_default_na=False)
    assert list(rows.columns) == ["doc", "path", "line", "status", "reason", "quotes"]
    assert rows[["doc", "status", "quotes"]].to_dict("records") == [
        {"doc": "ledger-01", "status": "ok", "quotes": "2"},
        {"doc": "valmora-fr-01", "status": "skipped", "quotes": "0"},
        {"doc": "", "status": "failed", "quotes": "0"},
    ]
    assert rows.loc[2, "line"] == "3" and rows.loc[2, "reason"] != ""


def test_real_extractor_output_has_the_contract_keys(corpus, capsys):
    main(["quotes", str(corpus), "--format", "jsonl"])
    captured = capsys.readouterr()
    for line in captured.out.splitlines():
        record = json.loads(line)
        assert tuple(record)[:len(CONTRACT)] == CONTRACT
        assert set(record) == {"doc", *QUOTE_COLUMNS} - {"doc_id"}
        for key in INT_KEYS:
            assert record[key] is None or type(record[key]) is int, key
    assert "skipped valmora-fr-01" in captured.err


def test_missing_dask_gives_the_install_hint(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    with pytest.raises(SystemExit, match=r"install the dask extra: pip install '\.\[dask\]'"):
        main(["quotes", str(_english_only(tmp_path)), "--engine", "dask"])


def test_dask_options_need_the_dask_engine(tmp_path):
    with pytest.raises(SystemExit, match="need --engine dask"):
        main(["quotes", str(_english_only(tmp_path)), "--workers", "2"])
