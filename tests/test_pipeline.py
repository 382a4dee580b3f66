"""The main job (``python -m toolkit run``): outputs, run record, nothing lost, exit codes.

The corpus is a small fictional one (docs/fixture-world.md) written in ``tmp_path``:
two English articles and one Russian one with a manifest, a broken JSON file and a
file that is not an article. The network is "pointed at nothing": the proxy
variables name a closed local port, so the fetch step's connectivity check fails at
once, on any machine, without sending anything anywhere.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from toolkit.cli import main
from toolkit.pipeline import RunRecord, run_pipeline
from toolkit.stream import OUTPUT_COLUMNS, stream_quotes

ROOT = Path(__file__).resolve().parent.parent

LEDGER = (
    "Norland and Ostravia agreed in Port Halden on Friday to keep talking about arms control.\n"
    "\u201cWe came to listen, and we listened,\u201d Miriam T. Calloway told reporters after five hours "
    "of talks at the Valmora foreign ministry.\n"
    "Calloway said both sides would set up working groups on missile deployments.\n"
)
HERALD = (
    "Ostravian Security Council Secretary Pavel A. Dragunov called the meeting in Port Halden useful.\n"
    "\u201cThe channels that were closed will open again,\u201d Dragunov said. The Citadel spokesman "
    "Ivo Marek said no date had been set for a second round.\n"
)
RUSSIAN = (
    "Переговоры в Порт-Халдене завершились в пятницу вечером. Секретарь Совета безопасности "
    "Остравии Павел Драгунов заявил журналистам, что стороны договорились продолжить диалог.\n"
    "По его словам, следующая встреча может пройти в Коваске уже весной, если Норланд "
    "согласится обсуждать размещение ракет.\n"
)
MANIFEST = (
    "file,doc_id,outlet,wire,date,title,url,language\n"
    "ledger.txt,ledger-2025-03-14,The Esterby Ledger,,2025-03-14,Talks go on,https://ledger.example/talks,en\n"
    "herald.txt,herald-2025-03-15,Kovask Herald,,2025-03-15,Channels to reopen,https://herald.example/channels,en\n"
    "kovask-ru.txt,kovask-ru-2025-03-15,Kovask Broadcasting,,2025-03-15,,https://kb.example/ru/talks,\n"
)
URL_LIST = (
    "outlet,wire,date,url\n"
    "Daily Lantern,,2025-03-15,https://lantern.example/2025/03/15/port-halden\n"
    "Harbor Times,Meridian Wire,2025-03-15,https://harbor.example/news/talks\n"
)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def offline_environment(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Proxy variables naming a closed port: every connection attempt is refused at once."""
    proxy = f"http://127.0.0.1:{closed_port()}"
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.setenv(name, proxy)
    for name in ("no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    return {k: os.environ[k] for k in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")}


def make_data(root: Path) -> Path:
    data = root / "data"
    articles = data / "articles"
    articles.mkdir(parents=True)
    (articles / "ledger.txt").write_text(LEDGER, encoding="utf-8")
    (articles / "herald.txt").write_text(HERALD, encoding="utf-8")
    (articles / "kovask-ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (articles / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    (articles / "broken.json").write_text('{"text": "Lena Aurich welcomed both', encoding="utf-8")
    (articles / "notes.docx").write_bytes(b"PK\x03\x04 not an article")
    (data / "coverage_urls.csv").write_text(URL_LIST, encoding="utf-8")
    return data


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def offline_run(tmp_path_factory) -> tuple[Path, Path, RunRecord, float]:
    """One run with fetch on (no network) and notebooks off, shared by the tests below."""
    root = tmp_path_factory.mktemp("run")
    data = make_data(root)
    with pytest.MonkeyPatch.context() as mp:
        offline_environment(mp)
        started = time.monotonic()
        record = run_pipeline(data, root / "out", fetch=True, notebooks=False, progress=False)
        elapsed = time.monotonic() - started
    return data, root / "out", record, elapsed


# ----------------------------------------------------------------------------- fetch

def test_no_network_is_said_quickly_and_the_run_goes_on(offline_run):
    data, out, record, _ = offline_run
    fetch = record.stage("fetch")
    assert fetch.status == "partial"
    assert "no network" in fetch.detail and "carrying on" in fetch.detail
    assert fetch.seconds < 10, "the connectivity check must answer within seconds"
    assert record.fetch["statuses"] == {"skipped": 2}
    assert record.fetch["reasons"] == {"skipped: no network": 2}
    report = pd.read_csv(out / "fetch_report.csv")
    assert report["reason"].tolist() == ["no network", "no network"]
    assert record.exit_code == 0 and record.ok


# ----------------------------------------------------------------------------- tables

def test_every_table_is_written(offline_run):
    _, out, record, _ = offline_run
    names = {"articles.csv", "articles.parquet", "sentences.parquet", "tokens.parquet", "quotes.csv",
             "quotes.jsonl", "failures.csv", "skipped.csv", "fetch_report.csv", "run.json"}
    assert names <= {p.name for p in out.iterdir()}
    assert len(list((out / "figures").glob("*.png"))) == 6
    assert not (out / "notebooks").exists()
    assert record.stage("notebooks").status == "skipped"


def test_articles_table_without_text_in_csv_with_text_in_parquet(offline_run):
    _, out, _, _ = offline_run
    table = pd.read_csv(out / "articles.csv")
    full = pd.read_parquet(out / "articles.parquet")
    assert "text" not in table.columns and "text" in full.columns
    assert sorted(table["doc_id"]) == ["herald-2025-03-15", "kovask-ru-2025-03-15", "ledger-2025-03-14"]
    assert table.set_index("doc_id").loc["kovask-ru-2025-03-15", "quote_status"] == "skipped"
    assert (table.set_index("doc_id").loc[["ledger-2025-03-14", "herald-2025-03-15"], "quotes"] > 0).all()
    assert {"sentences", "tokens", "quotes", "duplicate_of", "similarity"} <= set(table.columns)


def test_sentence_and_token_offsets_slice_the_article_text(offline_run):
    _, out, _, _ = offline_run
    texts = pd.read_parquet(out / "articles.parquet").set_index("doc_id")["text"]
    for name in ("sentences.parquet", "tokens.parquet"):
        frame = pd.read_parquet(out / name)
        assert frame["start"].dtype == "int64"
        assert set(frame["doc_id"]) == set(texts.index)
        for row in frame.itertuples():
            assert texts[row.doc_id][row.start:row.end] == row.text


def test_quotes_are_in_the_cli_contract_and_match_the_quotes_command(offline_run, tmp_path):
    data, out, record, _ = offline_run
    lines = (out / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert records and all(tuple(r) == OUTPUT_COLUMNS for r in records)
    assert {r["doc"] for r in records} == {"ledger-2025-03-14", "herald-2025-03-15"}
    speakers = {r["speaker"] for r in records}
    assert {"Miriam T. Calloway", "Pavel A. Dragunov"} <= speakers
    assert record.counts["quotes"] == len(records)
    # the same bytes as `python -m toolkit quotes data/articles` (one contract writer)
    for fmt in ("jsonl", "csv"):
        stream_quotes(str(data / "articles"), tmp_path / f"q.{fmt}", fmt=fmt, progress=False,
                      log=io.StringIO())
        assert (tmp_path / f"q.{fmt}").read_bytes() == (out / f"quotes.{fmt}").read_bytes()


# ----------------------------------------------------------------------------- nothing lost

def test_bad_and_foreign_files_are_in_failures_with_their_reason(offline_run):
    data, out, record, _ = offline_run
    failures = pd.read_csv(out / "failures.csv")
    reasons = {Path(p).name: e for p, e in zip(failures["path"], failures["error"])}
    assert set(reasons) == {"broken.json", "notes.docx"}
    assert "invalid JSON" in reasons["broken.json"]
    assert reasons["notes.docx"].startswith("not an article file: '.docx'")
    assert set(failures["stage"]) == {"load"}
    assert record.counts["failures"] == 2 and len(record.failures) == 2


def test_russian_article_is_skipped_with_its_language(offline_run):
    _, out, record, _ = offline_run
    skipped = pd.read_csv(out / "skipped.csv")
    assert skipped[["doc_id", "language"]].values.tolist() == [["kovask-ru-2025-03-15", "ru"]]
    assert skipped["path"].iloc[0].endswith("kovask-ru.txt")
    assert "not 'ru'" in skipped["reason"].iloc[0]
    assert [s["doc_id"] for s in record.skipped] == ["kovask-ru-2025-03-15"]


def test_every_input_file_ends_in_the_results_or_in_failures(offline_run):
    data, out, _, _ = offline_run
    loaded = {Path(p).resolve() for p in pd.read_csv(out / "articles.csv")["path"]}
    failed = {Path(p).resolve() for p in pd.read_csv(out / "failures.csv")["path"]}
    for path in (data / "articles").iterdir():
        assert path.resolve() in loaded | failed or path.name == "manifest.csv", path


# ----------------------------------------------------------------------------- run record

def test_run_record_hashes_match_the_inputs_and_outputs(offline_run):
    data, out, _, _ = offline_run
    saved = json.loads((out / "run.json").read_text(encoding="utf-8"))
    inputs = {i["path"]: i for i in saved["inputs"]}
    on_disk = [p for p in data.rglob("*") if p.is_file() and ".fetch-cache" not in p.parts]
    assert {p.relative_to(data).as_posix() for p in on_disk} == set(inputs)
    for path in on_disk:
        entry = inputs[path.relative_to(data).as_posix()]
        assert entry["sha256"] == sha256(path) and entry["bytes"] == path.stat().st_size
    assert inputs["articles/ledger.txt"]["status"] == "loaded"
    assert inputs["articles/broken.json"]["status"] == "failed"
    assert inputs["articles/notes.docx"]["status"] == "not read"
    assert inputs["articles/manifest.csv"]["role"] == "metadata"
    assert inputs["coverage_urls.csv"]["role"] == "url list"
    outputs = {o["path"]: o for o in saved["outputs"]}
    assert "quotes.jsonl" in outputs and "figures/speakers.png" in outputs and "run.json" not in outputs
    for name, entry in outputs.items():
        assert entry["sha256"] == sha256(out / name)


def test_run_record_says_what_ran_with_what(offline_run):
    _, out, record, _ = offline_run
    saved = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert saved == json.loads(json.dumps(record.to_dict()))
    assert saved["toolkit_version"] and saved["exit_code"] == 0
    assert saved["parameters"]["fetch"] is True and saved["parameters"]["notebooks"] is False
    assert saved["environment"]["python"] == sys.version.split()[0]
    assert saved["environment"]["packages"]["pandas"] == pd.__version__
    assert saved["started"] <= saved["finished"]
    assert [s["name"] for s in saved["stages"]] == [
        "fetch", "load", "tokenize", "quotes", "duplicates", "tables", "figures", "notebooks"]
    assert saved["counts"]["articles"] == 3 and saved["counts"]["skipped"] == 1
    assert saved["summary"]["articles_by_outlet"] == {
        "Kovask Broadcasting": 1, "Kovask Herald": 1, "The Esterby Ledger": 1}
    assert set(saved["summary"]["quotes_by_kind"]) <= {"direct", "indirect", "mixed"}


# ----------------------------------------------------------------------------- failures of stages

def test_a_failing_stage_is_recorded_and_the_rest_still_runs(tmp_path, monkeypatch):
    import toolkit.notebooks

    def broken_figures(*args, **kwargs):
        raise ValueError("no colours left")

    monkeypatch.setattr(toolkit.notebooks, "save_figures", broken_figures)
    record = run_pipeline(make_data(tmp_path), tmp_path / "out", fetch=False, notebooks=False, progress=False)
    assert record.stage("figures").status == "error"
    assert record.stage("figures").detail == "ValueError: no colours left"
    assert "broken_figures" in record.stage("figures").traceback
    assert record.exit_code == 1
    assert (tmp_path / "out" / "quotes.jsonl").is_file()
    assert json.loads((tmp_path / "out" / "run.json").read_text())["exit_code"] == 1


def test_an_article_the_extractor_breaks_on_is_named_in_failures(tmp_path, monkeypatch):
    import toolkit.quotes

    real = toolkit.quotes.extract_corpus

    def fragile(articles, **kwargs):
        if "herald-2025-03-15" in set(articles["doc_id"]):
            raise RecursionError("rule loop")
        return real(articles, **kwargs)

    monkeypatch.setattr(toolkit.quotes, "extract_corpus", fragile)
    record = run_pipeline(make_data(tmp_path), tmp_path / "out", fetch=False, notebooks=False, progress=False)
    assert record.stage("quotes").status == "error" and record.exit_code == 1
    failures = pd.read_csv(tmp_path / "out" / "failures.csv")
    row = failures[failures["stage"] == "quotes"]
    assert row["error"].tolist() == ["quotes failed on herald-2025-03-15: RecursionError: rule loop"]
    quotes = pd.read_csv(tmp_path / "out" / "quotes.csv")
    assert set(quotes["doc"]) == {"ledger-2025-03-14"}  # the other articles still have their quotes
    table = pd.read_csv(tmp_path / "out" / "articles.csv").set_index("doc_id")
    assert table.loc["herald-2025-03-15", "quote_status"] == "error"


def test_a_failing_notebook_is_reported_and_fails_the_run(tmp_path, monkeypatch):
    import toolkit.notebooks

    def fake_execute(notebook_dir, out_dir, **kwargs):
        Path(out_dir).mkdir(parents=True)
        (Path(out_dir) / "good.html").write_text("<html></html>")
        (Path(out_dir) / "bad.html").write_text("<html></html>")
        return pd.DataFrame([
            {"notebook": "good.ipynb", "status": "ok", "seconds": 1.0, "html": str(Path(out_dir) / "good.html"),
             "error": None},
            {"notebook": "bad.ipynb", "status": "error", "seconds": 1.0, "html": str(Path(out_dir) / "bad.html"),
             "error": "CellExecutionError: KeyError: 'speaker'"},
        ])

    monkeypatch.setattr(toolkit.notebooks, "execute_notebooks", fake_execute)
    (tmp_path / "nb").mkdir()
    record = run_pipeline(make_data(tmp_path), tmp_path / "out", fetch=False, notebook_dir=tmp_path / "nb",
                          progress=False)
    stage = record.stage("notebooks")
    assert stage.status == "error" and "bad.ipynb: CellExecutionError: KeyError: 'speaker'" in stage.detail
    assert [n["status"] for n in record.notebooks] == ["ok", "error"]
    assert {"notebooks/good.html", "notebooks/bad.html"} <= {o["path"] for o in record.outputs}
    assert record.exit_code == 1


@pytest.mark.slow
def test_a_real_notebook_that_raises_fails_the_run(tmp_path):
    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    (notebooks / "boom.py").write_text('# %% [markdown]\n# # Boom\n\n# %%\nraise RuntimeError("boom")\n')
    record = run_pipeline(make_data(tmp_path), tmp_path / "out", fetch=False, notebook_dir=notebooks,
                          progress=False)
    stage = record.stage("notebooks")
    assert stage.status == "error" and "boom.py" in stage.detail and "boom" in stage.detail
    assert (tmp_path / "out" / "notebooks" / "boom.html").is_file()
    assert record.exit_code == 1


def test_outputs_of_a_previous_run_are_replaced_and_nothing_else_is_touched(tmp_path, monkeypatch):
    offline_environment(monkeypatch)
    data, out = make_data(tmp_path), tmp_path / "out"
    out.mkdir()
    (out / "my-notes.txt").write_text("keep me")
    run_pipeline(data, out, fetch=True, notebooks=False, progress=False)
    assert (out / "fetch_report.csv").is_file()
    record = run_pipeline(data, out, fetch=False, notebooks=False, progress=False)
    assert not (out / "fetch_report.csv").exists()  # written by the first run only
    assert (out / "my-notes.txt").read_text() == "keep me"
    assert "fetch_report.csv" not in {o["path"] for o in record.outputs}


# ----------------------------------------------------------------------------- CLI

def test_cli_prints_the_summary_and_exits_0(tmp_path, capsys):
    data = make_data(tmp_path)
    code = main(["run", "--data", str(data), "--out", str(tmp_path / "out"), "--no-fetch", "--no-notebooks"])
    captured = capsys.readouterr()
    assert code == 0
    assert "run: 3 article(s)" in captured.out
    assert "articles by outlet: " in captured.out and "The Esterby Ledger 1" in captured.out
    assert "quotes by kind: " in captured.out and "top speakers: " in captured.out
    assert "failed  " in captured.out and "broken.json" in captured.out
    assert "skipped kovask-ru-2025-03-15 (ru)" in captured.out
    assert "fetch: skipped" in captured.err


@pytest.mark.parametrize(("argv", "code", "message"), [
    (["--data", "{tmp}/nowhere"], 2, "is not a data folder"),
    (["--fetch-deadline", "-1"], 2, "--fetch-deadline must be 0"),
])
def test_cli_usage_errors_exit_2(tmp_path, capsys, argv, code, message):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(["run", "--out", str(tmp_path / "out"), "--no-fetch", "--no-notebooks", *argv]) == code
    assert message in capsys.readouterr().err


def test_cli_exits_1_when_no_article_loads(tmp_path, capsys):
    data = tmp_path / "data"
    (data / "articles").mkdir(parents=True)
    (data / "articles" / "empty.txt").write_text("  \n")
    assert main(["run", "--data", str(data), "--out", str(tmp_path / "out"), "--no-fetch", "--no-notebooks"]) == 1
    captured = capsys.readouterr()
    assert "FAILED stage(s): load (see run.json)" in captured.out.splitlines()
    failures = pd.read_csv(tmp_path / "out" / "failures.csv")
    assert failures["error"].tolist() == ["empty file"]


@pytest.mark.slow
def test_make_run_on_the_bundled_data(tmp_path, monkeypatch):
    """`python -m toolkit run --data data --out OUT --no-notebooks` on a copy of the bundled data/."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "articles", data / "articles")
    for path in (ROOT / "data").iterdir():
        if path.is_file():
            shutil.copy(path, data / path.name)
    env = {**os.environ, **offline_environment(monkeypatch), "PYTHONWARNINGS": "ignore"}
    for name in ("no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY"):
        env.pop(name, None)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "toolkit", "run", "--data", "data", "--out", str(tmp_path / "out"),
                           "--no-notebooks"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stdout + done.stderr
    assert elapsed < 180, f"took {elapsed:.0f} s"
    assert "no network" in done.stderr
    record = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert record["stages"][0]["status"] == "partial"
    quotes = [json.loads(line) for line in (tmp_path / "out" / "quotes.jsonl").read_text().splitlines()]
    seed = [q for q in quotes if q["doc"] == "xinhua-2018-08-23-bolton-patrushev-geneva"]
    assert len(seed) >= 5
    speakers = {q["speaker"] for q in seed}
    assert {"John R. Bolton", "Nikolai Patrushev"} <= speakers
    assert record["failures"] == [] and record["skipped"] == []
