"""Run the analysis notebooks and write the main figures.

The notebooks in ``notebooks/`` read the bundled data by default and another corpus
folder when the environment variable ``TOOLKIT_DATA`` names one (``TOOLKIT_EVENT_DATE``
sets the event date, default 2018-08-23). This module gives them their data
(:func:`load_data`), executes them top to bottom on a fresh Jupyter kernel and
converts each to HTML (:func:`execute_notebooks`), and writes the main figures as PNG
(:func:`save_figures`), for the main job and the tests.

Notebooks are kept as pairs: ``*.py`` in jupytext's percent format (the readable
source reviewed in diffs) and ``*.ipynb`` without outputs, paired by
``notebooks/jupytext.toml``; :func:`check_notebook_pairs` tells when they disagree or
an ``.ipynb`` carries outputs.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

__all__ = ["DATA_ENV", "EVENT_ENV", "NotebookData", "find_data_dir", "load_data", "current_event_date",
           "execute_notebooks", "save_figures", "check_notebook_pairs"]

#: Environment variable naming the corpus folder the notebooks read.
DATA_ENV = "TOOLKIT_DATA"
#: Environment variable giving the event date (``YYYY-MM-DD``) for the timelines.
EVENT_ENV = "TOOLKIT_EVENT_DATE"

REPORT_COLUMNS = ("notebook", "status", "seconds", "html", "error")


def find_data_dir(start: str | Path | None = None) -> Path:
    """The data folder: ``$TOOLKIT_DATA`` if set, else the nearest ``data/`` above ``start``.

    ``start`` defaults to the working directory (a notebook's own folder in Jupyter).

    Raises:
        FileNotFoundError: ``$TOOLKIT_DATA`` does not exist, or no ``data/articles``
            was found above ``start``.
    """
    env = os.environ.get(DATA_ENV)
    if env:
        path = Path(env).expanduser().resolve()
        if not path.is_dir():
            raise FileNotFoundError(f"${DATA_ENV} is {env!r}, which is not a folder")
        return path
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "articles").is_dir():
            return folder / "data"
    raise FileNotFoundError(f"no data/articles folder in {here} or above; set ${DATA_ENV} to a corpus folder")


def current_event_date() -> pd.Timestamp:
    """``$TOOLKIT_EVENT_DATE`` as a timestamp, or 2018-08-23 (the Geneva talks)."""
    from toolkit.analysis import DEFAULT_EVENT_DATE

    value = os.environ.get(EVENT_ENV)
    if not value:
        return DEFAULT_EVENT_DATE
    try:
        return pd.Timestamp(value)
    except ValueError as exc:
        raise ValueError(f"${EVENT_ENV} is {value!r}; expected a date like 2018-08-23") from exc


@dataclass(frozen=True)
class NotebookData:
    """What a notebook works on: the articles, load failures and where they came from."""

    articles: pd.DataFrame
    failures: pd.DataFrame
    sources: pd.DataFrame     # folder, kind (seed/downloaded/corpus), articles
    event_date: pd.Timestamp
    description: str          # markdown: what was found

    def _repr_markdown_(self) -> str:
        return self.description


def load_data(data_dir: str | Path | None = None) -> NotebookData:
    """Load the corpus a notebook analyses.

    With the project's ``data/`` folder (it has ``articles/``), the bundled seed
    articles are loaded, plus the downloaded coverage in ``downloaded/`` when present.
    Any other folder is loaded as one corpus (e.g. ``data/fixtures/dev/text``).

    Args:
        data_dir: the folder; default :func:`find_data_dir`.
    """
    from toolkit.load import load_corpus

    root = Path(data_dir).resolve() if data_dir is not None else find_data_dir()
    if (root / "articles").is_dir():
        folders = [(root / "articles", "seed")]
        downloaded = root / "downloaded"
        if downloaded.is_dir() and any(p.suffix == ".txt" for p in downloaded.iterdir()):
            folders.append((downloaded, "downloaded"))
    else:
        folders = [(root, "corpus")]
    frames, failures, rows = [], [], []
    for folder, kind in folders:
        corpus = load_corpus(folder)
        frames.append(corpus.articles)
        failures.append(corpus.failures)
        rows.append({"folder": str(folder), "kind": kind, "articles": len(corpus.articles)})
    articles = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    articles = articles.drop_duplicates("doc_id").reset_index(drop=True)
    failure_frame = pd.concat(failures, ignore_index=True) if len(failures) > 1 else failures[0]
    sources = pd.DataFrame(rows, columns=["folder", "kind", "articles"])
    when = current_event_date()
    outlets = articles["outlet"].dropna().nunique() if "outlet" in articles else 0
    dates = pd.to_datetime(articles["date"], errors="coerce").dropna() if "date" in articles else pd.Series([])
    span = (f", dated {dates.min():%d %B %Y} to {dates.max():%d %B %Y}" if len(dates) else "")
    kinds = set(sources["kind"])
    if kinds == {"seed"}:
        found = (f"**The seed alone**: {len(articles)} bundled article(s) from `{root / 'articles'}`; "
                 f"no downloaded coverage in `{root / 'downloaded'}` (run `python -m toolkit fetch` "
                 "to add it). Comparisons across outlets need more than one outlet.")
    elif "downloaded" in kinds:
        n_down = int(sources.loc[sources["kind"] == "downloaded", "articles"].sum())
        found = (f"**The seed plus the downloaded coverage**: {len(articles)} article(s), "
                 f"{n_down} of them downloaded into `{root / 'downloaded'}`.")
    else:
        found = f"**The corpus in `{root}`**: {len(articles)} article(s)."
    description = (f"{found} {outlets} outlet(s){span}. Event date: {when:%d %B %Y}."
                   + (f" {len(failure_frame)} file(s) could not be loaded (see `data.failures`)."
                      if len(failure_frame) else ""))
    return NotebookData(articles, failure_frame, sources, when, description)


def save_figures(articles: pd.DataFrame, quotes: pd.DataFrame, out_dir: str | Path, *,
                 event_date: str | pd.Timestamp | None = None, dpi: int = 120) -> pd.DataFrame:
    """Write the main figures as PNG into ``out_dir`` and list them.

    Figures: ``share_of_voice.png`` (quotes per outlet by speaker),
    ``speakers.png`` (quotes per speaker), ``coverage_over_time.png``,
    ``cue_profile.png``, ``topics.png`` (who spoke about what) and ``quote_reuse.png``.
    Empty inputs give figures that say "no data", so the set of files is always the same.

    Returns:
        A frame ``figure, path`` (one row per file written).
    """
    from matplotlib.figure import Figure  # no pyplot: works under any backend, nothing left open

    from toolkit import analysis, plot

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    when = pd.Timestamp(event_date) if event_date is not None else current_event_date()
    merged = analysis.merge_speakers(quotes) if "speaker" in quotes.columns else quotes
    figures = {
        "share_of_voice": lambda ax: plot.plot_share_of_voice(
            analysis.share_of_voice(merged, articles, by=("outlet", "speaker_id")), ax=ax),
        "speakers": lambda ax: plot.plot_share_of_voice(
            analysis.share_of_voice(merged, articles, by="speaker_id"), ax=ax),
        "coverage_over_time": lambda ax: plot.plot_coverage_over_time(
            analysis.coverage_over_time(articles, merged, event_date=when), ax=ax),
        "cue_profile": lambda ax: plot.plot_cue_profile(analysis.cue_profile(merged, articles, by="outlet"), ax=ax),
        "topics": lambda ax: plot.plot_topics(analysis.topic_table(merged, articles, by="speaker_id"), ax=ax),
        "quote_reuse": lambda ax: plot.plot_quote_reuse(analysis.quote_reuse(merged, articles), ax=ax),
    }
    rows = []
    for name, draw in figures.items():
        fig = Figure(figsize=(9, 5), layout="constrained")
        draw(fig.add_subplot())
        path = out / f"{name}.png"
        fig.savefig(path, dpi=dpi)
        rows.append({"figure": name, "path": str(path)})
    return pd.DataFrame(rows, columns=["figure", "path"])


def _read_notebook(path: Path):
    import jupytext
    import nbformat

    if path.suffix == ".ipynb":
        return nbformat.read(path, as_version=4)
    return jupytext.read(path)


def _notebooks_in(folder: Path) -> list[Path]:
    """Notebook files of ``folder``: each ``.ipynb``, and each paired ``.py`` without one."""
    ipynbs = sorted(folder.glob("*.ipynb"))
    stems = {p.stem for p in ipynbs}
    texts = [p for p in sorted(folder.glob("*.py")) if p.stem not in stems and _is_percent_notebook(p)]
    return sorted(ipynbs + texts)


def _is_percent_notebook(path: Path) -> bool:
    head = path.read_text(encoding="utf-8", errors="replace")[:2000]
    return head.lstrip().startswith("# %%") or ("jupytext" in head and "# %%" in head)


def execute_notebooks(notebook_dir: str | Path, out_dir: str | Path, *, data_dir: str | Path | None = None,
                      timeout: int = 600, event_date: str | None = None,
                      kernel_name: str = "python3") -> pd.DataFrame:
    """Execute every notebook of ``notebook_dir`` on a fresh kernel and save it as HTML.

    Each notebook runs top to bottom in its own folder, with ``$TOOLKIT_DATA`` set to
    ``data_dir`` when given (and ``$TOOLKIT_EVENT_DATE`` to ``event_date``); a failing
    notebook is still converted (up to the failing cell, with the error) and recorded,
    and the others still run.

    Args:
        notebook_dir: folder with the ``.ipynb`` (or jupytext ``.py``) notebooks.
        out_dir: where ``<name>.html`` files go (created).
        data_dir: corpus folder for the notebooks; default: they find ``data/``.
        timeout: seconds allowed per cell.
        event_date: the event date (``YYYY-MM-DD``) for timelines.
        kernel_name: the Jupyter kernel to use.

    Returns:
        One row per notebook: ``notebook`` (file name), ``status`` (``ok`` or
        ``error``), ``seconds``, ``html`` (path written), ``error`` (``None`` or the
        error's type and message).
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from nbconvert import HTMLExporter

    folder = Path(notebook_dir).resolve()
    if not folder.is_dir():
        raise FileNotFoundError(f"notebook folder {folder} does not exist")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    if data_dir is not None:
        env[DATA_ENV] = str(Path(data_dir).resolve())
    if event_date is not None:
        env[EVENT_ENV] = str(pd.Timestamp(event_date).date())
    env.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # silences a debugger warning on frozen modules
    exporter = HTMLExporter()
    rows = []
    for path in _notebooks_in(folder):
        nb = _read_notebook(path)
        client = NotebookClient(nb, timeout=timeout, kernel_name=kernel_name,
                                resources={"metadata": {"path": str(folder)}})
        started = time.perf_counter()
        error = None
        try:
            client.execute(env=env, cwd=str(folder))
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
            lines = str(exc).strip().splitlines()
            error = f"{type(exc).__name__}: {lines[-1] if lines else exc}"
        seconds = round(time.perf_counter() - started, 2)
        body, _ = exporter.from_notebook_node(nb)
        html_path = out / f"{path.stem}.html"
        html_path.write_text(body, encoding="utf-8")
        rows.append({"notebook": path.name, "status": "ok" if error is None else "error",
                     "seconds": seconds, "html": str(html_path), "error": error})
    return pd.DataFrame(rows, columns=list(REPORT_COLUMNS))


def check_notebook_pairs(notebook_dir: str | Path) -> pd.DataFrame:
    """Problems with the paired notebooks of ``notebook_dir`` (empty frame: all good).

    Checks that every ``.py`` percent notebook has its ``.ipynb`` and back, that each
    pair has the same cells (type and source), and that no ``.ipynb`` keeps outputs or
    execution counts (commit notebooks clean).

    Returns:
        Columns ``notebook``, ``problem``.
    """
    import jupytext
    import nbformat

    folder = Path(notebook_dir)
    problems = []
    pys = {p.stem: p for p in folder.glob("*.py") if _is_percent_notebook(p)}
    ipynbs = {p.stem: p for p in folder.glob("*.ipynb")}
    for stem in sorted(set(pys) | set(ipynbs)):
        if stem not in ipynbs:
            problems.append((f"{stem}.py", "no paired .ipynb (run: jupytext --sync notebooks/*.py)"))
            continue
        nb = nbformat.read(ipynbs[stem], as_version=4)
        for number, cell in enumerate(nb.cells, 1):
            if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
                problems.append((f"{stem}.ipynb", f"cell {number} has outputs or an execution count (clear "
                                                  "them: jupyter nbconvert --clear-output --inplace "
                                                  "notebooks/*.ipynb)"))
                break
        if stem not in pys:
            problems.append((f"{stem}.ipynb", "no paired .py (run: jupytext --set-formats ipynb,py:percent)"))
            continue
        text = jupytext.read(pys[stem])
        a = [(c.cell_type, c.source.strip()) for c in nb.cells]
        b = [(c.cell_type, c.source.strip()) for c in text.cells]
        if a != b:
            problems.append((f"{stem}.py", "differs from its .ipynb (run: jupytext --sync notebooks/*.py)"))
    return pd.DataFrame(problems, columns=["notebook", "problem"])
