"""The main job (``make run``): a data folder in; tables, figures, notebooks and a run record out.

:func:`run_pipeline` chains the stages the library already has, in order:

1. **fetch** - hydrate ``data/coverage_urls.csv`` into ``data/downloaded/`` with
   :func:`toolkit.fetch.hydrate`. Without a network the quick connectivity check says
   so within seconds and the run goes on with the articles it has; ``fetch_deadline``
   bounds the whole download (the next run resumes from the fetch cache).
2. **load** - :func:`toolkit.load.load_corpus` on ``data/articles/`` and, when present,
   ``data/downloaded/`` in one call (so a doc_id repeated across the two is caught).
3. **tokenize** and **quotes** - :func:`toolkit.tokenize.sentences_frame`,
   :func:`~toolkit.tokenize.tokens_frame`, :func:`toolkit.quotes.extract_corpus`;
   articles in a language the rules do not handle are listed in ``skipped.csv``.
4. **duplicates** - wire copies across the whole corpus
   (:func:`toolkit.duplicates.find_near_duplicates`), as columns of ``articles.csv``.
5. **tables** - written under ``out_dir`` (layout below).
6. **figures** and **notebooks** - :func:`toolkit.notebooks.save_figures` and
   :func:`toolkit.notebooks.execute_notebooks`, each behind a guard: a failure is a
   stage with status ``error`` in the run record and makes the exit status 1.

Nothing is lost silently: every file of the article folders ends as articles in the
tables, as rows of ``failures.csv`` (could not be read, or not an article file), or as
metadata (manifests, the fetch report); ``run.json`` lists each with its SHA-256.

Output layout::

    out_dir/
      run.json            the run record (RunRecord.to_dict())
      articles.csv        one row per article, without the text (opens in a spreadsheet)
      articles.parquet    the same with the text (every offset indexes it)
      sentences.parquet   toolkit.schema.SENTENCE_COLUMNS
      tokens.parquet      toolkit.schema.TOKEN_COLUMNS
      quotes.csv          the CLI contract of `python -m toolkit quotes` (docs/scale.md)
      quotes.jsonl        the same, JSON Lines
      failures.csv        path, line, error, stage: every input that did not load
      skipped.csv         doc_id, path, language, reason: articles without quote extraction
      fetch_report.csv    one line per URL of the coverage list (when fetch ran)
      figures/*.png       toolkit.notebooks.save_figures
      notebooks/*.html    the executed notebooks

Example (no network, no notebooks)::

    >>> record = run_pipeline("data", "output", fetch=False, notebooks=False)  # doctest: +SKIP
    >>> record.exit_code, record.counts["quotes"]                                # doctest: +SKIP
    (0, 10)
"""
from __future__ import annotations

import contextlib
import datetime
import hashlib
import io
import json
import logging
import os
import platform
import re
import sys
import time
import traceback
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pandas as pd

from toolkit import __version__
from toolkit.schema import FAILURE_COLUMNS

__all__ = [
    "DEFAULT_FETCH_DEADLINE", "FAILURE_REPORT_COLUMNS", "SKIPPED_COLUMNS", "RunRecord", "StageResult",
    "run_pipeline", "write_quote_contract",
]

logger = logging.getLogger(__name__)

#: Seconds the fetch stage may take in all. Five minutes keeps ``make run`` bounded;
#: URLs not reached are "deadline reached" in the fetch report and the next run resumes
#: from the cache (pages already downloaded are not asked for again).
DEFAULT_FETCH_DEADLINE = 300.0

#: ``failures.csv``: the loader's failure columns, and the stage that failed.
FAILURE_REPORT_COLUMNS: tuple[str, ...] = (*FAILURE_COLUMNS, "stage")

#: ``skipped.csv``: articles loaded but not read for quotes (language not handled).
SKIPPED_COLUMNS: tuple[str, ...] = ("doc_id", "path", "language", "reason")

#: Folder of the analysis notebooks in a source checkout (absent from a wheel install).
DEFAULT_NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"

#: Stage statuses. Only ``error`` makes the run fail (exit status 1).
STATUSES = ("ok", "partial", "skipped", "error")

# Files in the article folders that are not articles but describe them.
_METADATA_FILES = re.compile(r"^(manifest.*\.csv|fetch_report.*\.csv)$", re.IGNORECASE)
# The fetch step's download cache (under data/downloaded/): not an input of the run.
_FETCH_CACHE = ".fetch-cache"
# Distribution name of the toolkit, for its version and dependency list.
_DISTRIBUTION = "coverage-toolkit"
# Packages whose versions the record keeps when the distribution metadata is unavailable.
_FALLBACK_PACKAGES = ("pandas", "numpy", "nltk", "matplotlib", "pyarrow", "trafilatura", "py3langid",
                      "datasketch", "rapidfuzz", "nbclient", "nbconvert", "jupytext", "ipykernel")


# --------------------------------------------------------------------------- records

@dataclass(frozen=True)
class StageResult:
    """What one stage did: ``status`` is ``ok``, ``partial`` (ran, but not on everything,
    e.g. no network), ``skipped`` (turned off or nothing to do) or ``error``."""

    name: str
    status: str
    detail: str
    seconds: float
    traceback: str = ""  # of the exception that failed the stage, for the bug report

    def as_dict(self) -> dict[str, Any]:
        out = {"name": self.name, "status": self.status, "detail": self.detail, "seconds": round(self.seconds, 3)}
        if self.traceback:
            out["traceback"] = self.traceback
        return out


@dataclass(frozen=True)
class RunRecord:
    """Everything about one run; ``run.json`` is :meth:`to_dict`.

    Attributes:
        toolkit_version: the toolkit's version.
        parameters: the arguments of :func:`run_pipeline` (paths as given and resolved).
        environment: python, platform and the versions of the toolkit's dependencies.
        started, finished: ISO 8601 times (UTC).
        stages: one :class:`StageResult` per stage, in order.
        inputs: one dict per input file: ``path`` (relative to the data folder),
            ``role``, ``status``, ``articles``, ``bytes``, ``sha256``.
        outputs: one dict per file written: ``path`` (relative to the output folder),
            ``bytes``, ``sha256``.
        counts: articles, sentences, tokens, quotes, failures, skipped, ...
        summary: articles by outlet, quotes by kind, top speakers.
        failures: the rows of ``failures.csv``.
        skipped: the rows of ``skipped.csv``.
        fetch: the fetch stage's counts per status and its network verdict.
        notebooks: one row per notebook executed (``toolkit.notebooks.execute_notebooks``).
    """

    toolkit_version: str
    parameters: Mapping[str, Any]
    environment: Mapping[str, Any]
    started: str
    finished: str
    seconds: float
    stages: tuple[StageResult, ...]
    inputs: tuple[Mapping[str, Any], ...]
    outputs: tuple[Mapping[str, Any], ...]
    counts: Mapping[str, int]
    summary: Mapping[str, Any]
    failures: tuple[Mapping[str, Any], ...]
    skipped: tuple[Mapping[str, Any], ...]
    fetch: Mapping[str, Any] = field(default_factory=dict)
    notebooks: tuple[Mapping[str, Any], ...] = ()

    @property
    def ok(self) -> bool:
        """True when no stage failed (skipped languages, bad input files and no network are fine)."""
        return not any(stage.status == "error" for stage in self.stages)

    @property
    def exit_code(self) -> int:
        """0 when :attr:`ok`, else 1."""
        return 0 if self.ok else 1

    def stage(self, name: str) -> StageResult:
        """The result of the stage called ``name``."""
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise KeyError(f"no stage {name!r}; stages: {', '.join(s.name for s in self.stages)}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "toolkit_version": self.toolkit_version, "ok": self.ok, "exit_code": self.exit_code,
            "started": self.started, "finished": self.finished, "seconds": round(self.seconds, 3),
            "parameters": dict(self.parameters), "environment": dict(self.environment),
            "stages": [s.as_dict() for s in self.stages], "counts": dict(self.counts),
            "summary": dict(self.summary), "inputs": [dict(i) for i in self.inputs],
            "outputs": [dict(o) for o in self.outputs], "failures": [dict(f) for f in self.failures],
            "skipped": [dict(s) for s in self.skipped], "fetch": dict(self.fetch),
            "notebooks": [dict(n) for n in self.notebooks],
        }

    def describe(self) -> str:
        """A short summary for people (what ``python -m toolkit run`` prints)."""
        c, s = self.counts, self.summary
        lines = [f"run: {c.get('articles', 0)} article(s), {c.get('quotes', 0)} quote(s), "
                 f"{c.get('failures', 0)} input failure(s), {c.get('skipped', 0)} skipped article(s) "
                 f"in {self.seconds:.1f} s"]
        for stage in self.stages:
            mark = {"ok": " ", "partial": "~", "skipped": "-", "error": "!"}.get(stage.status, "?")
            lines.append(f" {mark} {stage.name:<10} {stage.status:<8} {stage.detail}")
        for title, key in (("articles by outlet", "articles_by_outlet"), ("quotes by kind", "quotes_by_kind"),
                           ("top speakers", "top_speakers")):
            values = s.get(key) or {}
            shown = ", ".join(f"{name} {n}" for name, n in values.items()) or "none"
            lines.append(f"{title}: {shown}")
        for row in self.failures[:10]:
            where = row["path"] if row.get("line") is None else f"{row['path']}:{row['line']}"
            lines.append(f"failed  {where}: {row['error']}")
        if len(self.failures) > 10:
            lines.append(f"... and {len(self.failures) - 10} more in failures.csv")
        for row in self.skipped[:10]:
            lines.append(f"skipped {row['doc_id']} ({row['language']}): {row['reason']}")
        if len(self.skipped) > 10:
            lines.append(f"... and {len(self.skipped) - 10} more in skipped.csv")
        out = self.parameters.get("out_dir", "")
        lines.append(f"outputs: {len(self.outputs)} file(s) in {out}; record: {Path(out) / 'run.json'}")
        if not self.ok:
            failed = ", ".join(st.name for st in self.stages if st.status == "error")
            lines.append(f"FAILED stage(s): {failed} (see run.json)")
        return "\n".join(lines)


# --------------------------------------------------------------------------- helpers

def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def _sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _key(path: str | os.PathLike[str]) -> str:
    """A path as compared across stages (absolute, normalised)."""
    return os.path.normcase(os.path.abspath(os.fspath(path)))


def _relative(path: str | os.PathLike[str], root: Path) -> str:
    try:
        return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix()
    except ValueError:  # another drive (Windows)
        return Path(path).as_posix()


def _plain(value: Any) -> Any:
    """A JSON-ready Python value: NA -> None, numpy scalars -> Python ones."""
    if value is None:
        return None
    if not isinstance(value, (list, tuple, dict, str)) and pd.isna(value):
        return None
    if isinstance(value, (pd.Timestamp, datetime.date)):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


class _Stages:
    """Collects :class:`StageResult`; ``with stages.run(name) as stage:`` times a stage and
    turns an exception inside it into status ``error`` (logged with its traceback)."""

    def __init__(self) -> None:
        self.results: list[StageResult] = []

    @contextlib.contextmanager
    def run(self, name: str) -> Iterator[dict[str, str]]:
        outcome = {"status": "ok", "detail": ""}
        started = time.perf_counter()
        trace = ""
        try:
            yield outcome
        except Exception as exc:  # noqa: BLE001 - a failed stage is recorded, the run goes on
            logger.error("%s failed: %s: %s", name, type(exc).__name__, exc, exc_info=logger.isEnabledFor(logging.DEBUG))
            outcome["status"], outcome["detail"] = "error", f"{type(exc).__name__}: {exc}"
            trace = traceback.format_exc(limit=-8)
        self.results.append(StageResult(name, outcome["status"], outcome["detail"], time.perf_counter() - started,
                                        trace))
        if outcome["status"] != "error":
            logger.info("%s: %s%s", name, outcome["status"], f" - {outcome['detail']}" if outcome["detail"] else "")

    def skip(self, name: str, detail: str) -> None:
        self.results.append(StageResult(name, "skipped", detail, 0.0))
        logger.info("%s: skipped - %s", name, detail)


# --------------------------------------------------------------------------- stages

def _hydrate(url_list: Path, dest: Path, *, deadline: float | None, progress: bool | None, data_dir: Path):
    """Run :func:`toolkit.fetch.hydrate` as ``python -m toolkit fetch`` does (the fetch helper's API)."""
    from toolkit.fetch import FetchSettings, hydrate, known_urls

    show = sys.stderr.isatty() if progress is None else bool(progress)
    settings = FetchSettings(deadline=deadline, progress=show)
    known = known_urls(data_dir, exclude=[dest])
    return hydrate(url_list, dest, settings=settings, known=known)


def _fetch_stage(data: Path, stages: _Stages, *, deadline: float | None, progress: bool | None
                 ) -> tuple[pd.DataFrame | None, dict[str, Any]]:
    url_list = data / "coverage_urls.csv"
    if not url_list.is_file():
        stages.skip("fetch", f"no coverage list at {url_list}")
        return None, {}
    with stages.run("fetch") as stage:
        report = _hydrate(url_list, data / "downloaded", deadline=deadline, progress=progress, data_dir=data)
        table = report.table
        statuses = {k: int(v) for k, v in table["status"].value_counts().sort_index().items()}
        reasons = {f"{s}: {r}": int(n) for (s, r), n in report.counts().items() if r}
        info = {"network": report.network, "articles": report.articles, "urls": len(table),
                "statuses": statuses, "reasons": reasons, "seconds": round(report.elapsed, 3),
                "dest": str(report.dest), "report": str(report.report_path)}
        stage["detail"] = (f"{len(table)} URLs, {report.articles} article(s) in {report.dest}; "
                           + ", ".join(f"{n} {s}" for s, n in statuses.items()))
        no_network = report.network.startswith("no network")
        deadline_hit = int((table["reason"] == "deadline reached").sum())
        if no_network:
            stage["status"] = "partial"
            stage["detail"] += f"; {report.network} - carrying on with the articles already here"
        elif deadline_hit:
            stage["status"] = "partial"
            stage["detail"] += f"; deadline reached before {deadline_hit} URL(s) (run again to resume)"
        return table, info
    return None, {}  # the stage failed; its error is in the record


def _load_stage(data: Path, stages: _Stages, *, progress: bool | None):
    from toolkit.load import load_corpus

    folders = [f for f in (data / "articles", data / "downloaded") if f.is_dir()]
    load_logger = logging.getLogger("toolkit.load")  # its summary warning would repeat failures.csv
    level = load_logger.level
    corpus = None
    with stages.run("load") as stage:
        load_logger.setLevel(logging.ERROR)
        try:
            corpus = load_corpus([str(f) for f in folders], progress=progress)
        finally:
            load_logger.setLevel(level)
        stage["detail"] = (f"{len(corpus.articles)} article(s) from {', '.join(str(f) for f in folders)}; "
                           f"{len(corpus.failures)} failure(s)")
        if corpus.articles.empty:
            raise RuntimeError(f"no article could be loaded from {', '.join(map(str, folders))} "
                               f"({len(corpus.failures)} failure(s), see failures.csv)")
    return corpus, folders


def _inventory(data: Path, folders: list[Path], articles: pd.DataFrame, failures: pd.DataFrame
               ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every file of the article folders (and the data folder's own files) with its fate.

    Returns the input records and the extra failure rows for files the loader does not
    read (other extensions, hidden files), so that no file disappears silently.
    """
    from toolkit.load import ARTICLE_EXTENSIONS

    loaded = articles["path"].map(_key).value_counts().to_dict() if len(articles) else {}
    failed = set(failures["path"].map(_key)) if len(failures) else set()
    inputs: list[dict[str, Any]] = []
    extra_failures: list[dict[str, Any]] = []

    def add(path: Path, role: str, status: str, n: int = 0) -> None:
        inputs.append({"path": _relative(path, data), "role": role, "status": status, "articles": n,
                       "bytes": path.stat().st_size, "sha256": _sha256(path)})

    for path in sorted(p for p in data.iterdir() if p.is_file()):
        add(path, "url list" if path.name == "coverage_urls.csv" else "resource", "read")
    readable = ", ".join(sorted(ARTICLE_EXTENSIONS))
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d != _FETCH_CACHE)
            for name in sorted(filenames):
                path = Path(dirpath) / name
                key = _key(path)
                if _METADATA_FILES.match(name):
                    add(path, "metadata", "read, see failures" if key in failed else "read")
                elif key in loaded:
                    add(path, "articles", "partly loaded" if key in failed else "loaded", int(loaded[key]))
                elif key in failed:
                    add(path, "articles", "failed")
                else:
                    if any(part.startswith(".") for part in path.relative_to(folder).parts):
                        reason = "hidden file, not read"
                    elif path.suffix.lower() not in ARTICLE_EXTENSIONS:
                        reason = f"not an article file: {path.suffix or 'no extension'!r} is not read ({readable})"
                    else:
                        reason = "not read by the loader"
                    add(path, "articles", "not read")
                    extra_failures.append({"path": str(path), "line": None, "error": reason, "stage": "load"})
    return inputs, extra_failures


def _per_article(func: Callable[[pd.DataFrame], Any], articles: pd.DataFrame, what: str
                 ) -> tuple[list[Any], list[dict[str, Any]]]:
    """Apply ``func`` to the whole frame; if it raises, article by article, to name the culprits."""
    try:
        return [func(articles)], []
    except Exception:  # noqa: BLE001 - isolate the article that breaks the stage
        results, errors = [], []
        for index in range(len(articles)):
            one = articles.iloc[[index]]
            try:
                results.append(func(one))
            except Exception as exc:  # noqa: BLE001
                row = one.iloc[0]
                errors.append({"path": row.get("path"), "line": None, "stage": what,
                               "error": f"{what} failed on {row['doc_id']}: {type(exc).__name__}: {exc}"})
        return results, errors


def _extract(articles: pd.DataFrame, progress: bool | None):
    from toolkit.quotes import extract_corpus

    with warnings.catch_warnings():  # skipped articles are reported in skipped.csv
        warnings.simplefilter("ignore", UserWarning)
        return extract_corpus(articles, progress=progress)


def write_quote_contract(quotes: pd.DataFrame, path: str | os.PathLike[str] | IO[str], *, fmt: str) -> None:
    """Write a quotes frame (``QUOTE_COLUMNS``) in the ``python -m toolkit quotes`` contract.

    Uses the CLI's own writer (:func:`toolkit.stream.write_results`), so ``quotes.csv``
    and ``quotes.jsonl`` are byte for byte what the ``quotes`` command writes: ``doc``
    instead of ``doc_id``, integer offsets, missing values empty (CSV) or null (JSON).

    Args:
        quotes: a quotes frame (:func:`toolkit.quotes.extract_corpus`).
        path: file to write, or an open text stream.
        fmt: ``"csv"``, ``"jsonl"`` or ``"parquet"``.

    >>> from toolkit.quotes import extract_corpus
    >>> articles = pd.DataFrame({"doc_id": ["a"], "text": ['"Yes," Ann Lee said.'], "language": ["en"]})
    >>> buffer = io.StringIO()
    >>> write_quote_contract(extract_corpus(articles).quotes, buffer, fmt="jsonl")
    >>> record = json.loads(buffer.getvalue())
    >>> record["doc"], record["quote"], record["speaker"], record["start"], record["speaker_start"]
    ('a', 'Yes,', 'Ann Lee', 1, 7)
    """
    from toolkit.stream import OUTPUT_COLUMNS, BatchResult, write_results

    rows = []
    for record in _records(quotes):
        record["doc"] = record.pop("doc_id")
        rows.append({column: record.get(column) for column in OUTPUT_COLUMNS})
    write_results([BatchResult(rows, [], 0)], path, fmt=fmt, progress=False, log=io.StringIO())


def _write(frame: pd.DataFrame, path: Path) -> None:
    if path.suffix == ".parquet":
        frame.to_parquet(path, index=False)
    else:
        frame.to_csv(path, index=False)


def _speakers(quotes: pd.DataFrame, data: Path) -> pd.Series:
    """One name per speaker (:func:`toolkit.analysis.merge_speakers`, with ``data/aliases.csv``
    when there is one); the raw ``speaker`` column if merging fails."""
    try:
        from toolkit.analysis import merge_speakers

        aliases = data / "aliases.csv"
        return merge_speakers(quotes, aliases=aliases if aliases.is_file() else {})["speaker_id"]
    except Exception as exc:  # noqa: BLE001 - the summary still shows the speakers as found
        logger.warning("speaker names not merged for the summary: %s: %s", type(exc).__name__, exc)
        return quotes["speaker"]


def _summary(articles: pd.DataFrame, quotes: pd.DataFrame, data: Path, *, top: int = 5) -> dict[str, Any]:
    outlets = articles["outlet"].fillna("(no outlet)") if len(articles) else pd.Series([], dtype=str)
    speakers = _speakers(quotes, data).dropna() if len(quotes) else pd.Series([], dtype=str)
    return {
        "articles_by_outlet": {str(k): int(v) for k, v in outlets.value_counts().items()},
        "quotes_by_kind": {str(k): int(v) for k, v in (quotes["kind"].value_counts().items() if len(quotes) else [])},
        "top_speakers": {str(k): int(v) for k, v in speakers.value_counts().head(top).items()},
        "unattributed_quotes": int(quotes["speaker"].isna().sum()) if len(quotes) else 0,
    }


def _articles_table(articles: pd.DataFrame, *, duplicates: pd.DataFrame | None, sentences: pd.DataFrame | None,
                    tokens: pd.DataFrame | None, quotes: pd.DataFrame, skipped: pd.DataFrame,
                    extractor_failed: set[str]) -> pd.DataFrame:
    """The articles with what the run found in each: ``duplicate_of``/``similarity`` (over the
    whole corpus, replacing a manifest's ``duplicate_of``), counts of sentences, tokens and
    quotes, and ``quote_status`` (``ok``, ``skipped`` for a language not handled, ``error``)."""
    table = articles.drop(columns=["duplicate_of"], errors="ignore")
    if duplicates is not None:
        table = table.merge(duplicates, on="doc_id", how="left")
    for name, frame in (("sentences", sentences), ("tokens", tokens), ("quotes", quotes)):
        if frame is not None:
            table[name] = table["doc_id"].map(frame.groupby("doc_id").size()).fillna(0).astype("int64")
    table["quote_status"] = "ok"
    table.loc[table["doc_id"].isin(skipped["doc_id"]), "quote_status"] = "skipped"
    table.loc[table["path"].isin(extractor_failed), "quote_status"] = "error"
    return table


def _notebooks(folder: Path, out: Path, data: Path, stage: dict[str, str]) -> list[dict[str, Any]]:
    """Execute the notebooks to HTML (:func:`toolkit.notebooks.execute_notebooks`, the notebook
    helper's API); a notebook that raised makes the stage fail, after all have run."""
    from toolkit.notebooks import execute_notebooks

    report = execute_notebooks(folder, out, data_dir=data)
    rows = _records(report)
    bad = [r for r in rows if r.get("status") != "ok"]
    if not rows:
        stage["status"], stage["detail"] = "skipped", f"no notebooks in {folder}"
        return rows
    stage["detail"] = f"{len(rows) - len(bad)} of {len(rows)} notebook(s) ran; HTML in {out}"
    if bad:
        stage["status"] = "error"
        stage["detail"] = "; ".join(f"{r['notebook']}: {r['error']}" for r in bad)
        logger.error("notebooks failed: %s", stage["detail"])
    return rows


def _environment() -> dict[str, Any]:
    from importlib import metadata

    try:
        requirements = metadata.requires(_DISTRIBUTION) or []
        names = [re.split(r"[\s\[<>=!~;]", r, maxsplit=1)[0] for r in requirements]
    except metadata.PackageNotFoundError:
        names = list(_FALLBACK_PACKAGES)
    packages = {}
    for name in dict.fromkeys(names):
        try:
            packages[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            packages[name] = None  # an optional extra that is not installed
    return {"python": sys.version.split()[0], "implementation": platform.python_implementation(),
            "platform": platform.platform(), "executable": sys.executable, "packages": packages}


def _remove_previous_outputs(out: Path) -> None:
    """Delete the files a previous run listed in ``out/run.json`` (and only those), so that
    no stale figure or notebook of an earlier run sits beside this run's outputs."""
    record = out / "run.json"
    try:
        previous = json.loads(record.read_text(encoding="utf-8"))
        listed = [o["path"] for o in previous.get("outputs", [])]
    except (OSError, ValueError, TypeError, KeyError):
        return
    root = out.resolve()
    for name in listed:
        path = (out / name).resolve()
        if root in path.parents and path.is_file():
            path.unlink()


# --------------------------------------------------------------------------- the job

def run_pipeline(data_dir: str | os.PathLike[str], out_dir: str | os.PathLike[str], *, fetch: bool = True,
                 notebooks: bool = True, fetch_deadline: float | None = DEFAULT_FETCH_DEADLINE,
                 progress: bool | None = None, notebook_dir: str | os.PathLike[str] | None = None) -> RunRecord:
    """Run the whole job on ``data_dir`` and write its results and ``run.json`` into ``out_dir``.

    A stage that fails is recorded (status ``error``) and the later stages still run
    on what there is; the record's :attr:`~RunRecord.exit_code` is then 1. Inputs that
    cannot be read, unsupported languages and a missing network are reported, not errors.

    Args:
        data_dir: the data folder: ``articles/`` (bundled articles with their
            ``manifest.csv``), ``coverage_urls.csv`` (the list to hydrate) and
            ``downloaded/`` (where hydrated articles go).
        out_dir: the output folder (created). Files listed by a previous run's
            ``run.json`` there are replaced; nothing else is touched.
        fetch: hydrate the coverage list first (skipped when False).
        notebooks: execute the notebooks to HTML (skipped when False).
        fetch_deadline: seconds the fetch stage may take in all; ``None`` or 0: no limit.
        progress: progress bars on stderr; ``None``: only where the stages' own
            defaults show them.
        notebook_dir: the notebooks to execute (default: the checkout's ``notebooks/``).

    Returns:
        The :class:`RunRecord`, also written as ``out_dir/run.json``.

    Raises:
        FileNotFoundError: ``data_dir`` has neither ``articles/`` nor ``downloaded/``.
    """
    started_at, started = _now(), time.perf_counter()
    data, out = Path(data_dir), Path(out_dir)
    if not (data / "articles").is_dir() and not (data / "downloaded").is_dir():
        raise FileNotFoundError(f"{data} is not a data folder: it has no articles/ (nor downloaded/) folder")
    deadline = fetch_deadline if fetch_deadline else None
    notebook_folder = Path(notebook_dir) if notebook_dir is not None else DEFAULT_NOTEBOOK_DIR
    parameters = {"data_dir": str(data), "data_dir_resolved": str(data.resolve()), "out_dir": str(out),
                  "out_dir_resolved": str(out.resolve()), "fetch": fetch, "notebooks": notebooks,
                  "fetch_deadline": deadline, "progress": progress, "notebook_dir": str(notebook_folder)}
    out.mkdir(parents=True, exist_ok=True)
    _remove_previous_outputs(out)
    stages = _Stages()
    written: list[Path] = []

    # 1. fetch
    fetch_table, fetch_info = (None, {})
    if fetch:
        fetch_table, fetch_info = _fetch_stage(data, stages, deadline=deadline, progress=progress)
    else:
        stages.skip("fetch", "turned off (--no-fetch)")

    # 2. load, and what became of every input file
    corpus, folders = _load_stage(data, stages, progress=progress)
    from toolkit.load import articles_frame

    articles = corpus.articles if corpus is not None else articles_frame([])
    load_failures = corpus.failures if corpus is not None else pd.DataFrame(columns=list(FAILURE_COLUMNS))
    failure_rows = [{**row, "stage": "load"} for row in _records(load_failures)]
    inputs, unread = _inventory(data, folders, articles, load_failures)
    failure_rows += unread

    # 3. tokenize and quotes
    from toolkit.quotes import quotes_to_frame
    from toolkit.tokenize import sentences_frame, tokens_frame

    sentences = tokens = None
    with stages.run("tokenize") as stage:
        parts, errors = _per_article(lambda a: (sentences_frame(a), tokens_frame(a)), articles, "tokenize")
        sentences = pd.concat([p[0] for p in parts], ignore_index=True) if parts else sentences_frame(articles[:0])
        tokens = pd.concat([p[1] for p in parts], ignore_index=True) if parts else tokens_frame(articles[:0])
        failure_rows += errors
        stage["detail"] = f"{len(sentences)} sentences, {len(tokens)} tokens"
        if errors:
            raise RuntimeError(f"the tokenizer raised on {len(errors)} article(s), see failures.csv")

    quotes, skipped = quotes_to_frame([]), pd.DataFrame(columns=list(SKIPPED_COLUMNS))
    with stages.run("quotes") as stage:
        parts, errors = _per_article(lambda a: _extract(a, progress), articles, "quotes")
        quotes = pd.concat([p.quotes for p in parts], ignore_index=True) if parts else quotes
        skipped = pd.concat([p.skipped for p in parts], ignore_index=True) if parts else skipped
        paths = dict(zip(articles["doc_id"], articles["path"]))
        skipped = skipped.assign(path=skipped["doc_id"].map(paths))[list(SKIPPED_COLUMNS)]
        failure_rows += errors
        stage["detail"] = (f"{len(quotes)} quote(s) from {len(articles) - len(skipped) - len(errors)} article(s); "
                           f"{len(skipped)} skipped (language not handled)")
        if errors:
            raise RuntimeError(f"the quote extractor raised on {len(errors)} article(s), see failures.csv")

    # 4. wire copies over the whole corpus (the fetch step only compares its own pages)
    duplicates = None
    with stages.run("duplicates") as stage:
        from toolkit.duplicates import find_near_duplicates

        duplicates = find_near_duplicates(articles)
        stage["detail"] = f"{int(duplicates['duplicate_of'].notna().sum())} near-duplicate(s) (wire copies)"

    # 5. tables
    failures = pd.DataFrame(failure_rows, columns=list(FAILURE_REPORT_COLUMNS))
    failures["line"] = failures["line"].astype("Int64")
    with stages.run("tables") as stage:
        extractor_failed = {r["path"] for r in failure_rows if r["stage"] == "quotes"}
        table = _articles_table(articles, duplicates=duplicates, sentences=sentences, tokens=tokens,
                                quotes=quotes, skipped=skipped, extractor_failed=extractor_failed)
        targets = {  # the reports first: they must be there even if a larger table fails
            "failures.csv": failures,
            "skipped.csv": skipped,
            "articles.csv": table.drop(columns=["text"]),
            "articles.parquet": table,
            "sentences.parquet": sentences,
            "tokens.parquet": tokens,
        }
        if fetch_table is not None:
            targets["fetch_report.csv"] = fetch_table
        for name, frame in targets.items():
            if frame is not None:
                _write(frame, out / name)
                written.append(out / name)
        for name, fmt in (("quotes.csv", "csv"), ("quotes.jsonl", "jsonl")):
            write_quote_contract(quotes, out / name, fmt=fmt)
            written.append(out / name)
        stage["detail"] = f"{len(written)} table(s) in {out}"

    # 6. figures and notebooks
    if articles.empty:
        stages.skip("figures", "no articles to draw")
    else:
        with stages.run("figures") as stage:
            from toolkit.notebooks import save_figures

            figures = save_figures(articles, quotes, out / "figures")
            written += [Path(p) for p in figures["path"]]
            stage["detail"] = f"{len(figures)} PNG(s) in {out / 'figures'}"

    notebook_rows: list[dict[str, Any]] = []
    if not notebooks:
        stages.skip("notebooks", "turned off (--no-notebooks)")
    elif not notebook_folder.is_dir():
        stages.skip("notebooks", f"no notebook folder at {notebook_folder} (a source checkout has notebooks/)")
    else:
        with stages.run("notebooks") as stage:
            notebook_rows = _notebooks(notebook_folder, out / "notebooks", data, stage)
        written += [Path(r["html"]) for r in notebook_rows if isinstance(r.get("html"), str)]

    counts = {
        "input_files": sum(1 for i in inputs if i["role"] == "articles"),
        "articles": len(articles), "sentences": 0 if sentences is None else len(sentences),
        "tokens": 0 if tokens is None else len(tokens), "quotes": len(quotes),
        "failures": len(failures), "skipped": len(skipped),
        "near_duplicates": 0 if duplicates is None else int(duplicates["duplicate_of"].notna().sum()),
        "figures": sum(1 for p in written if p.suffix == ".png"),
        "notebooks": sum(1 for r in notebook_rows if r.get("status") == "ok"),
    }
    outputs = [{"path": _relative(p, out), "bytes": p.stat().st_size, "sha256": _sha256(p)}
               for p in dict.fromkeys(written) if p.is_file()]
    record = RunRecord(
        toolkit_version=__version__, parameters=parameters, environment=_environment(),
        started=started_at, finished=_now(), seconds=time.perf_counter() - started,
        stages=tuple(stages.results), inputs=tuple(inputs), outputs=tuple(outputs), counts=counts,
        summary=_summary(articles, quotes, data), failures=tuple(_records(failures)),
        skipped=tuple(_records(skipped)), fetch=fetch_info, notebooks=tuple(notebook_rows),
    )
    (out / "run.json").write_text(json.dumps(record.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return record
