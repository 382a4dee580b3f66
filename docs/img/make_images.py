"""Regenerate the README images: ``python docs/img/make_images.py`` from the repository root.

* ``share_of_voice.png``: quotes per outlet by speaker in the fictional dev corpus
  (data/fixtures/dev), from the quote extractor when it finds quotes there, else from the
  corpus's hand-annotated gold quotes (fictional people, fictional words).
* ``highlighted_article.png``: the bundled seed article (the Xinhua report) with its
  quotes highlighted, from the extractor when it finds quotes, else from the hand
  annotation in data/gold/seed.jsonl (spans of the article's own text), rendered once by
  headless Chromium (``apt-get install chromium``).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from toolkit import analysis, plot  # noqa: E402
from toolkit.display import highlight_article  # noqa: E402
from toolkit.load import load_corpus  # noqa: E402
from toolkit.quotes import quotes_frame  # noqa: E402
from toolkit.schema import QUOTE_COLUMNS  # noqa: E402


def gold_quotes(paths: list[Path], articles: pd.DataFrame) -> pd.DataFrame:
    """Gold annotations as a quote frame; the cue is located next to the speaker mention."""
    texts = dict(zip(articles["doc_id"], articles["text"]))
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            gold = json.loads(line)
            row = {c: gold.get(c) for c in QUOTE_COLUMNS}
            row["doc_id"] = gold["doc"]
            text, cue = texts.get(gold["doc"], ""), gold.get("cue")
            if cue and gold.get("speaker_end") is not None:
                near = [i for i in range(len(text)) if text.startswith(cue, i)]
                if near:
                    best = min(near, key=lambda i: min(abs(i - gold["speaker_end"]), abs(i - gold["speaker_start"])))
                    row["cue_start"], row["cue_end"] = best, best + len(cue)
            row["rule"] = "gold annotation"
            rows.append(row)
    return pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))


def fictional_corpus(tmp: Path) -> Path:
    dev = ROOT / "data" / "fixtures" / "dev"
    if (dev / "text" / "manifest.csv").exists():
        return dev / "text"
    for path in (dev / "text").glob("*.txt"):
        shutil.copy(path, tmp / path.name)
    manifest = pd.concat([pd.read_csv(p, dtype=str) for p in sorted(dev.glob("manifest*.csv"))])
    manifest["file"] = manifest["file"].map(os.path.basename)
    manifest.to_csv(tmp / "manifest.csv", index=False)
    return tmp


def share_of_voice_png(tmp: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    articles = load_corpus(fictional_corpus(tmp)).articles
    quotes = quotes_frame(articles)
    source = "quote extractor"
    if quotes.empty:
        quotes = gold_quotes(sorted((ROOT / "data/fixtures/dev").glob("gold*.jsonl")), articles)
        source = "hand-annotated quotes"
    sov = analysis.share_of_voice(analysis.merge_speakers(quotes), articles, by=("outlet", "speaker_id"))
    ax = plot.plot_share_of_voice(sov, top=8)
    ax.figure.set_size_inches(10, 4.8)
    ax.set_title(f"Share of voice by outlet (fictional test corpus, {source})")
    ax.figure.savefig(OUT / "share_of_voice.png", dpi=110)


def highlighted_article_png(tmp: Path) -> None:
    articles = load_corpus(ROOT / "data" / "articles").articles
    quotes = quotes_frame(articles)
    if quotes.empty:
        quotes = gold_quotes([ROOT / "data/gold/seed.jsonl"], articles)
    page = highlight_article(articles, quotes, articles["doc_id"].iloc[0]).save(tmp / "article.html")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium not found: apt-get install chromium")
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                    f"--user-data-dir={tmp / 'profile'}", "--window-size=1000,880",
                    f"--screenshot={OUT / 'highlighted_article.png'}", page.as_uri()],
                   check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        share_of_voice_png(Path(folder))
        highlighted_article_png(Path(folder))
    print("wrote", OUT / "share_of_voice.png", OUT / "highlighted_article.png")
