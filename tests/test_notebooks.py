"""The notebooks: kept clean and paired, short cells, and they run top to bottom on a real kernel."""
from __future__ import annotations

import glob
import os
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from toolkit import notebooks as N

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
DEV = ROOT / "data" / "fixtures" / "dev"


@pytest.fixture(scope="module")
def fictional_corpus(tmp_path_factory) -> Path:
    """The fictional multi-outlet dev corpus as one folder with a manifest.csv.

    Uses data/fixtures/dev/text when it has its manifest.csv; otherwise copies the texts
    and merges the per-batch manifests (manifest_*.csv) into a temporary folder.
    """
    text = DEV / "text"
    if (text / "manifest.csv").exists():
        return text
    if not text.is_dir() or not list(DEV.glob("manifest*.csv")):
        pytest.skip("the fictional dev corpus (data/fixtures/dev) is not there")
    folder = tmp_path_factory.mktemp("fictional")
    for path in text.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    manifest = pd.concat([pd.read_csv(p, dtype=str) for p in sorted(DEV.glob("manifest*.csv"))])
    manifest["file"] = manifest["file"].map(os.path.basename)
    manifest[manifest["file"].map(lambda f: (folder / f).exists())].to_csv(folder / "manifest.csv", index=False)
    return folder


def test_notebooks_are_there_paired_and_without_outputs():
    names = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
    assert names == ["01_corpus_and_words.ipynb", "02_quotes_and_speakers.ipynb", "03_coverage_compared.ipynb"]
    problems = N.check_notebook_pairs(NOTEBOOKS)
    assert problems.empty, problems.to_string()


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_notebook_cells_are_short_and_tell_a_story(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    markdown = [c for c in nb.cells if c.cell_type == "markdown"]
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    assert len(markdown) >= len(code) // 2, "explain the steps in markdown between the cells"
    for cell in code:
        lines = [line for line in cell.source.splitlines() if line.strip()]
        assert len(lines) <= 12, f"cell too long, move the code into the toolkit:\n{cell.source}"
        assert "def " not in cell.source and "class " not in cell.source
        assert "import toolkit._" not in cell.source and "from toolkit._" not in cell.source
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_check_notebook_pairs_finds_problems(tmp_path):
    for name in ("01_corpus_and_words.py", "01_corpus_and_words.ipynb", "02_quotes_and_speakers.py"):
        shutil.copy(NOTEBOOKS / name, tmp_path / name)
    nb = nbformat.read(tmp_path / "01_corpus_and_words.ipynb", as_version=4)
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="hi")]
    nb.cells[0].source += "\nedited"
    nbformat.write(nb, tmp_path / "01_corpus_and_words.ipynb")
    problems = N.check_notebook_pairs(tmp_path)["problem"].tolist()
    assert any("has outputs" in p for p in problems)
    assert any("differs from its .ipynb" in p for p in problems)
    assert any("no paired .ipynb" in p for p in problems)


def test_find_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv(N.DATA_ENV, raising=False)
    assert N.find_data_dir(NOTEBOOKS) == ROOT / "data"
    with pytest.raises(FileNotFoundError, match="no data/articles"):
        N.find_data_dir(tmp_path)
    monkeypatch.setenv(N.DATA_ENV, str(tmp_path))
    assert N.find_data_dir() == tmp_path.resolve()
    monkeypatch.setenv(N.DATA_ENV, str(tmp_path / "missing"))
    with pytest.raises(FileNotFoundError, match="not a folder"):
        N.find_data_dir()


def test_load_data_says_what_was_found(tmp_path, monkeypatch, fictional_corpus):
    monkeypatch.delenv(N.EVENT_ENV, raising=False)
    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "articles", data_dir / "articles")
    seed = N.load_data(data_dir)
    assert "The seed alone" in seed.description and "23 August 2018" in seed.description
    assert seed.sources["kind"].tolist() == ["seed"]
    assert seed.articles["outlet"].tolist() == ["ECNS"]
    downloaded = data_dir / "downloaded"
    downloaded.mkdir()
    shutil.copy(fictional_corpus / "dev-b-01.txt", downloaded / "dev-b-01.txt")
    both = N.load_data(data_dir)
    assert "seed plus the downloaded coverage" in both.description
    assert len(both.articles) == 2 and both.sources["kind"].tolist() == ["seed", "downloaded"]
    monkeypatch.setenv(N.EVENT_ENV, "2025-03-14")
    other = N.load_data(fictional_corpus)
    assert other.sources["kind"].tolist() == ["corpus"] and other.event_date == pd.Timestamp("2025-03-14")
    assert other.articles["outlet"].nunique() > 1
    monkeypatch.setenv(N.EVENT_ENV, "soon")
    with pytest.raises(ValueError, match="expected a date"):
        N.load_data(fictional_corpus)


def test_save_figures(tmp_path):
    articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["Kovask Herald", "Harbor Times"],
                             "date": pd.to_datetime(["2025-03-14", "2025-03-15"])})
    quotes = pd.DataFrame({"doc_id": ["a", "b"], "speaker": ["Pavel Dragunov", "Dragunov"],
                           "cue": ["said", "claimed"], "quote": ["the sanctions must go", "the sanctions must go"]})
    for name, frame in (("full", quotes), ("empty", quotes.iloc[0:0])):
        report = N.save_figures(articles, frame, tmp_path / name, event_date="2025-03-14")
        assert report["figure"].tolist() == ["share_of_voice", "speakers", "coverage_over_time", "cue_profile",
                                             "topics", "quote_reuse"]
        for path in report["path"]:
            assert Path(path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _assert_all_ran(report: pd.DataFrame, out: Path) -> None:
    assert list(report.columns) == ["notebook", "status", "seconds", "html", "error"]
    assert len(report) == 3
    assert report["status"].eq("ok").all(), report.to_string()
    for path in report["html"]:
        page = Path(path).read_text(encoding="utf-8")
        assert Path(path).parent == out and "Traceback" not in page


@pytest.mark.slow
def test_notebooks_run_on_the_fictional_corpus(tmp_path, fictional_corpus):
    out = tmp_path / "html"
    report = N.execute_notebooks(NOTEBOOKS, out, data_dir=fictional_corpus, event_date="2025-03-14", timeout=300)
    _assert_all_ran(report, out)
    first = (out / "01_corpus_and_words.html").read_text(encoding="utf-8")
    assert "The corpus in" in first and "Kovask Herald" in first and "Meridian Wire" in first
    third = (out / "03_coverage_compared.html").read_text(encoding="utf-8")
    assert "14 March 2025" in third


@pytest.mark.slow
def test_notebooks_run_on_the_bundled_data(tmp_path, monkeypatch):
    monkeypatch.delenv(N.DATA_ENV, raising=False)
    monkeypatch.delenv(N.EVENT_ENV, raising=False)
    out = tmp_path / "html"
    report = N.execute_notebooks(NOTEBOOKS, out, timeout=300)
    _assert_all_ran(report, out)
    first = (out / "01_corpus_and_words.html").read_text(encoding="utf-8")
    assert "ECNS" in first and ("The seed alone" in first or "seed plus the downloaded" in first)


@pytest.mark.slow
def test_a_failing_notebook_is_reported_not_raised(tmp_path):
    folder = tmp_path / "nbs"
    folder.mkdir()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Broken"),
                                         nbformat.v4.new_code_cell("print('before')"),
                                         nbformat.v4.new_code_cell("raise RuntimeError('boom')")])
    nbformat.write(nb, folder / "broken.ipynb")
    report = N.execute_notebooks(folder, tmp_path / "out", timeout=120)
    assert report["status"].tolist() == ["error"]
    assert "RuntimeError" in report.loc[0, "error"]
    assert "boom" in Path(report.loc[0, "html"]).read_text(encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        N.execute_notebooks(tmp_path / "missing", tmp_path / "out")


def test_notebook_glob_ignores_plain_modules(tmp_path):
    (tmp_path / "helper.py").write_text("x = 1\n")
    (tmp_path / "story.py").write_text("# %% [markdown]\n# # Story\n\n# %%\nx = 1\n")
    assert [p.name for p in N._notebooks_in(tmp_path)] == ["story.py"]
    assert glob.glob(str(tmp_path / "*.ipynb")) == []


@pytest.mark.slow
def test_coverage_notebook_runs_on_a_corpus_without_outlets(tmp_path, fictional_corpus):
    """A manifest without outlets (and with some titles and dates missing) once crashed
    03_coverage_compared with "sequence item 0: expected str instance, float found"."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in fictional_corpus.glob("*.txt"):
        shutil.copy(path, corpus / path.name)
    manifest = pd.read_csv(fictional_corpus / "manifest.csv", dtype=str).drop(columns=["outlet"])
    manifest.loc[manifest.index % 3 == 0, "title"] = None
    manifest.loc[manifest.index % 4 == 0, "date"] = None
    manifest.to_csv(corpus / "manifest.csv", index=False)
    assert N.load_data(corpus).articles["outlet"].isna().all()
    folder = tmp_path / "nbs"
    folder.mkdir()
    shutil.copy(NOTEBOOKS / "03_coverage_compared.ipynb", folder)
    out = tmp_path / "html"
    report = N.execute_notebooks(folder, out, data_dir=corpus, event_date="2025-03-14", timeout=300)
    assert report["status"].tolist() == ["ok"], report.to_string()
    assert "Traceback" not in (out / "03_coverage_compared.html").read_text(encoding="utf-8")
