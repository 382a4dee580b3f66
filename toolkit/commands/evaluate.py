"""``python -m toolkit evaluate``: score the quote extractor against gold annotations.

Gold comes from ``--gold FILE.jsonl`` (with ``--texts PATH`` to run the extractor on
the articles, or ``--predictions FILE`` to score a saved run), ``--gold DIR`` (BRAT
``.ann`` files beside their ``.txt``) or ``--polnear SPLIT``. Prints a table of the
figures overall and per kind, or JSON with ``--json``; ``--errors N`` lists up to N
misses, false quotes and wrong speakers with their context.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd

from toolkit import evaluate as ev


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "evaluate", help="score quote extraction against gold annotations",
        description="Score extracted quotes against gold quotes (rules: ANNOTATION.md). "
                    "Give --gold with --texts or --predictions, or --polnear SPLIT.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--gold", type=Path, nargs="+", metavar="FILE|DIR",
                        help="gold JSON Lines file(s); a folder of gold*.jsonl (its text/ folder "
                             "gives the texts); or a folder of BRAT .ann files beside their .txt")
    source.add_argument("--polnear", type=Path, metavar="DIR",
                        help="a PolNeAR split, e.g. ../shared/polnear/dev (speakers scored by span)")
    parser.add_argument("--texts", type=Path, metavar="PATH",
                        help="article texts for a JSONL gold file (folder of .txt; doc id = file stem)")
    parser.add_argument("--predictions", type=Path, metavar="FILE",
                        help="saved predictions (JSONL from `quotes --format jsonl`, CSV, Parquet) "
                             "instead of a fresh extraction")
    parser.add_argument("--speech-cues", type=Path, metavar="FILE",
                        help="speech-cue list for --polnear (default: speech_cues.txt beside the corpus)")
    parser.add_argument("--speaker-match", choices=("name", "span"),
                        help="how speakers are compared (default: span for --polnear, else name)")
    parser.add_argument("--all-documents", action="store_true",
                        help="also score texts/predictions of documents the gold has no quote in "
                             "(default: only documents named in the gold)")
    parser.add_argument("--continuations", choices=("separate", "merged"), default="separate",
                        help="score a quotation continued after its attribution as separate quotes "
                             "(ANNOTATION.md, the default) or as one span (PolNeAR's convention)")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="list up to N misses, false quotes and wrong speakers with context")
    parser.set_defaults(func=run)


def _gold_files(paths: list[Path]) -> tuple[list[Path], Path | None, Path | None]:
    """Split ``--gold`` paths into JSONL files, a BRAT folder, and a default text folder."""
    files, brat, default_texts = [], None, None
    for path in paths:
        if not path.exists():
            raise SystemExit(f"error: --gold {path} does not exist")
        if path.is_dir():
            if any(path.rglob("*.ann")):
                if len(paths) > 1:
                    raise SystemExit("error: a BRAT folder must be the only --gold")
                brat = path
            else:
                found = sorted(path.glob("gold*.jsonl"))
                if not found:
                    raise SystemExit(f"error: --gold {path} holds no .ann files and no gold*.jsonl")
                files += found
                if (path / "text").is_dir():
                    default_texts = path / "text"
        else:
            files.append(path)
    return files, brat, default_texts


def load(args: argparse.Namespace) -> tuple[dict[str, str] | None, pd.DataFrame]:
    """Read the gold quotes and the texts the arguments name."""
    if args.polnear is not None:
        return ev.read_polnear(args.polnear, speech_cues=args.speech_cues)
    files, brat, default_texts = _gold_files(args.gold)
    if brat is not None:
        return ev.read_brat_dir(brat)
    text_path = args.texts or default_texts
    texts = ev.read_texts(text_path) if text_path is not None else None
    if texts is None and args.predictions is None:
        raise SystemExit("error: a JSONL --gold needs --texts PATH (to run the extractor) "
                         "or --predictions FILE")
    frames, owner = [], {}
    for path in files:
        frame = ev.read_gold_jsonl(path, texts=texts)
        for doc in sorted(set(frame["doc_id"])):
            if doc in owner:  # two annotators of one article would count its quotes twice
                raise SystemExit(f"error: document {doc!r} is in both {owner[doc]} and {path}; "
                                 "give one gold file per article")
            owner[doc] = path
        frames.append(frame)
    gold = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return texts, gold


def _only_gold_documents(frame_or_texts, gold_docs: set[str], what: str):
    """Keep the documents the gold covers; say on stderr how many others were left out."""
    if isinstance(frame_or_texts, dict):
        kept = {doc: text for doc, text in frame_or_texts.items() if doc in gold_docs}
        left = len(frame_or_texts) - len(kept)
    else:
        kept = frame_or_texts[frame_or_texts["doc_id"].astype(str).isin(gold_docs)]
        left = frame_or_texts["doc_id"].nunique() - kept["doc_id"].nunique()
    if left:
        print(f"note: {left} {what} document(s) without gold quotes left out "
              "(use --all-documents to score them)", file=sys.stderr)
    return kept


def execute(args: argparse.Namespace) -> ev.Evaluation:
    """Load gold, texts and predictions, and score (the CLI's work, callable from scripts)."""
    if args.errors < 0:
        raise SystemExit(f"error: --errors must be 0 or more, not {args.errors}")
    try:
        texts, gold = load(args)
        mode = args.speaker_match or ("span" if args.polnear is not None else "name")
        gold_docs = set(gold["doc_id"].astype(str))
        if args.predictions is not None:
            predicted = ev.read_predictions(args.predictions)
            if not args.all_documents:
                predicted = _only_gold_documents(predicted, gold_docs, "predicted")
            return ev.score(gold, predicted, texts=texts, speaker_match=mode)
        if not args.all_documents:
            texts = _only_gold_documents(texts, gold_docs, "text")
        return ev.evaluate_texts(texts, gold, speaker_match=mode, continuations=args.continuations)
    except (ev.GoldFormatError, FileNotFoundError, KeyError, ValueError) as exc:
        raise SystemExit(f"error: {exc}") from exc


def _fmt(value: float) -> str:
    return "    -" if pd.isna(value) else f"{value:5.3f}"


def format_table(evaluation: ev.Evaluation) -> str:
    """The figures as a plain-text table, one row per scope."""
    head = (f"{'scope':<9} {'quote P':>7} {'R':>5} {'F1':>5}  {'attr':>5}  "
            f"{'e2e P':>5} {'R':>5} {'F1':>5}  {'bound':>5}  {'gold':>5} {'pred':>5} {'pairs':>5}")
    lines = [head, "-" * len(head)]
    for row in evaluation.metrics.itertuples(index=False):
        lines.append(
            f"{row.scope:<9} {_fmt(row.quote_precision):>7} {_fmt(row.quote_recall)} {_fmt(row.quote_f1)}  "
            f"{_fmt(row.attribution_accuracy)}  {_fmt(row.end_to_end_precision)} "
            f"{_fmt(row.end_to_end_recall)} {_fmt(row.end_to_end_f1)}  {_fmt(row.boundary_agreement)}  "
            f"{row.gold:>5} {row.predicted:>5} {row.pairs:>5}")
    lines.append("")
    lines.append(f"{evaluation.documents} documents; speakers matched by {evaluation.speaker_match}. "
                 "Recall by gold kind, precision by predicted kind; attr = attribution accuracy, "
                 "bound = boundary agreement (token Jaccard); - = no data.")
    return "\n".join(lines)


def _short(value: object, width: int = 200) -> str:
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def format_errors(evaluation: ev.Evaluation, limit: int) -> str:
    """Up to ``limit`` rows of each error table, with context (the quote in [brackets])."""
    out = []
    sections = (
        ("Misses (gold quotes not found)", evaluation.misses,
         lambda r: f"{r.doc_id} {r.start}-{r.end} {r.kind} speaker={_short(r.speaker, 60)!r}"),
        ("False quotes (predictions without gold)", evaluation.false_quotes,
         lambda r: f"{r.doc_id} {r.start}-{r.end} {r.kind} speaker={_short(r.speaker, 60)!r} "
                   f"rule={_short(r.rule, 40)}"),
        ("Wrong speakers (gold vs predicted)", evaluation.wrong_speakers,
         lambda r: f"{r.doc_id} {r.gold_start}-{r.gold_end} {r.gold_kind} "
                   f"gold={_short(r.gold_speaker, 60)!r} predicted={_short(r.speaker_shown, 60)!r}"),
    )
    for title, frame, header in sections:
        if "predicted_speaker" in frame.columns:
            frame = frame.assign(speaker_shown=frame["predicted_speaker"])
        out.append(f"\n{title}: {len(frame)} (showing {min(limit, len(frame))})")
        for row in frame.head(limit).itertuples(index=False):
            out.append(f"  {header(row)}")
            context = row.context if isinstance(row.context, str) else (
                getattr(row, "quote", None) or getattr(row, "gold_quote", None))
            out.append(f"      {_short(context, 400)}")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    began = time.perf_counter()
    evaluation = execute(args)
    if args.json:
        json.dump(evaluation.to_dict(errors=args.errors), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(format_table(evaluation))
        if args.errors:
            print(format_errors(evaluation, args.errors))
    print(f"evaluated in {time.perf_counter() - began:.1f}s", file=sys.stderr)
    return 0
