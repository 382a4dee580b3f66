"""Quote stage: who said what, with offsets and provenance, from one article's text.

:func:`extract_quotes` is a pure function on a string; :func:`extract_corpus` and
:func:`quotes_frame` are the DataFrame wrappers for a corpus. Each :class:`Quote`
carries the rule that found it and how its speaker was resolved (``resolution``),
so an analyst can see why. The rules follow ``../shared/ANNOTATION.md``; see
:mod:`toolkit.quotes.engine` for the order in which they apply.

>>> text = 'Jane Roe, the Avalon envoy, met reporters. "We are ready," she said.'
>>> [(q.kind, q.quote, q.speaker, q.cue, q.rule) for q in extract_quotes(text)]
[('direct', 'We are ready,', 'Jane Roe', 'said', 'trailing:speaker_cue')]
"""
from __future__ import annotations

import warnings
from dataclasses import asdict, dataclass, replace

import pandas as pd

from toolkit.quotes.engine import Candidate, Document, add_continuations, find_candidates
from toolkit.quotes.resolve import Resolver
from toolkit.quotes.lexicon import CUE_FORMS
from toolkit.quotes.mentions import Resolution
from toolkit.schema import QUOTE_COLUMNS, require_columns

__all__ = [
    "Quote", "QuoteResult", "UnsupportedLanguageError", "SUPPORTED_LANGUAGES",
    "extract_quotes", "extract_corpus", "quotes_frame", "quotes_to_frame", "merge_continuations",
]

#: Languages the rules are written for; others are reported, never silently empty.
SUPPORTED_LANGUAGES = frozenset({"en"})
_UNKNOWN_LANGUAGES = frozenset({"", "und", "unknown", None})


class UnsupportedLanguageError(ValueError):
    """The article's language is one the rules do not handle."""


@dataclass(frozen=True)
class Quote:
    """One quote of one article; every offset indexes the article's text.

    ``speaker_start``/``speaker_end`` point at the mention the speaker was taken from
    (for a continuation or participial quote, the earlier one); ``resolution`` says
    how that mention became ``speaker`` (``name``, ``name:fullest``, ``pronoun``,
    ``description``, ``group:...``, ``organisation``, ``unnamed``, ``unresolved``,
    prefixed ``continuation:``/``inherited:`` when taken from another quote).
    """

    kind: str                      # "direct" | "indirect" | "mixed"
    quote: str
    start: int
    end: int
    speaker: str | None
    speaker_type: str | None       # "person" | "organisation" | "group" | "unnamed"
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    addressee: str | None
    via: str | None
    rule: str
    resolution: str | None
    sentence_start: int
    sentence_end: int

    def to_row(self, doc_id: str) -> dict:
        """A dict with ``doc_id`` first, then the fields (the quote table's row)."""
        return {"doc_id": doc_id, **asdict(self)}


def extract_quotes(text: str, *, language: str | None = "en") -> list[Quote]:
    """All quotes of one article, in text order.

    Args:
        text: the article's text as the loader gives it.
        language: ISO 639-1 code; ``None``/``"und"`` is treated as English.

    Raises:
        UnsupportedLanguageError: for a language the rules do not handle.

    >>> [q.speaker for q in extract_quotes("Talks will go on, the Avalon ministry said.")]
    ['Avalon ministry']
    """
    if language not in _UNKNOWN_LANGUAGES and language not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(
            f"quote rules handle {', '.join(sorted(SUPPORTED_LANGUAGES))}, not {language!r}")
    if not isinstance(text, str) or not text.strip():
        return []
    doc = Document(text)
    candidates = add_continuations(doc, find_candidates(doc))
    if not candidates:
        return []  # no speaker to resolve: the article's names need not be indexed
    return _resolve(doc, candidates)


def _resolve(doc: Document, candidates: list[Candidate]) -> list[Quote]:
    resolver = Resolver(doc)
    resolver.set_quotes([(c.start, c.end) for c in candidates])
    text = doc.text
    resolved: list[tuple[Candidate, Resolution, tuple[int, int] | None]] = []
    previous: Resolution | None = None
    previous_span: tuple[int, int] | None = None
    pending_next: list[int] = []
    asker: int | None = None  # the entity who asked the last "Asked by Y whether S", until the next quote
    for candidate in sorted(candidates, key=lambda c: (c.cue_start if c.rule != "continuation" and c.cue_start is not None else c.start, c.start)):
        cue_lemma = None
        if candidate.cue_start is not None:
            cue_word = text[candidate.cue_start:candidate.cue_end].lower().split()[0]
            cue_lemma = CUE_FORMS.get(cue_word)
        if candidate.inherit == "previous":
            if previous is not None:
                how = ("continuation:" if candidate.rule == "continuation" else "inherited:") + previous.how
                resolved.append((candidate, Resolution(previous.speaker, previous.speaker_type, how, previous.entity,
                                                       previous.members), previous_span))
            else:
                resolved.append((candidate, Resolution(None, None, "unresolved"), None))
            continue
        if candidate.inherit == "next":
            pending_next.append(len(resolved))
            resolved.append((candidate, Resolution(None, None, "unresolved"), None))
            continue
        resolver.named_in_quote = resolver.index.entities_named_in(candidate.start, candidate.end)
        if asker is not None:
            # "Asked by Y whether S, she said", "Asked by Y whether S, she paused. 'Q,' she said": she is not Y
            resolver.named_in_quote.add(asker)
            asker = None
        resolution = resolver.resolve(candidate.speaker_words, candidate.speaker_start or 0,
                                      candidate.speaker_end or 0, cue_lemma=cue_lemma, previous=previous)
        span = (candidate.speaker_start, candidate.speaker_end) if candidate.speaker_start is not None else None
        if span is not None and text[span[0]:span[1]].lower() in {"who", "which"}:
            resolution = replace(resolution, how="relative:" + resolution.how)  # "X, who said": through X
        resolved.append((candidate, resolution, span))
        for index in pending_next:
            waiting = resolved[index][0]
            if waiting.unit_start == candidate.unit_start:
                resolved[index] = (waiting, Resolution(resolution.speaker, resolution.speaker_type,
                                                       "inherited:" + resolution.how, resolution.entity,
                                                       resolution.members), span)
        pending_next = []
        if candidate.rule == "asked_by:question":
            # the asker's question: who answers is someone else, and the speaker before stays the last one
            asker = resolution.entity
            continue
        previous, previous_span = resolution, span
    quotes = []
    for candidate, resolution, span in sorted(resolved, key=lambda item: (item[0].start, item[0].end)):
        s_start, s_end = span if span else (None, None)
        cue = text[candidate.cue_start:candidate.cue_end] if candidate.cue_start is not None else None
        quotes.append(Quote(
            kind=candidate.kind, quote=text[candidate.start:candidate.end], start=candidate.start, end=candidate.end,
            speaker=resolution.speaker, speaker_type=resolution.speaker_type,
            speaker_mention=text[s_start:s_end] if s_start is not None else None,
            speaker_start=s_start, speaker_end=s_end,
            cue=cue, cue_start=candidate.cue_start, cue_end=candidate.cue_end,
            addressee=candidate.addressee, via=candidate.via, rule=candidate.rule, resolution=resolution.how,
            sentence_start=candidate.unit_start, sentence_end=candidate.unit_end,
        ))
    return _drop_overlaps(quotes)


def merge_continuations(quotes: list[Quote], text: str) -> list[Quote]:
    """Join each quote with the continuation and second-part quotes of the same speaker that follow it.

    ``ANNOTATION.md`` counts ``"Q1," she said. "Q2."`` as two quotes, and so does
    :func:`extract_quotes`. Some corpora (PolNeAR among them) annotate such a quotation
    as one content span running from Q1 to Q2, attribution included; this gives the
    extractor's quotes in that convention, for scoring against them. The joined quote
    is ``mixed`` (it holds the attribution) and keeps the first quote's speaker and cue.

    >>> text = '"We are ready," she said. "We have been for weeks."'
    >>> [q.quote for q in merge_continuations(extract_quotes(text), text)]
    ['We are ready," she said. "We have been for weeks.']
    """
    merged: list[Quote] = []
    for quote in quotes:
        previous = merged[-1] if merged else None
        if (previous is not None and quote.rule in ("continuation", "split:second_part")
                and quote.speaker_start == previous.speaker_start and quote.speaker == previous.speaker):
            merged[-1] = replace(previous, end=quote.end, quote=text[previous.start:quote.end], kind="mixed",
                                 sentence_end=max(previous.sentence_end, quote.sentence_end),
                                 rule=previous.rule + "+merged")
        else:
            merged.append(quote)
    return merged


def _drop_overlaps(quotes: list[Quote]) -> list[Quote]:
    """Keep the first of overlapping quotes (a later rule that re-read the same words)."""
    kept: list[Quote] = []
    for quote in quotes:
        if kept and quote.start < kept[-1].end:
            if (quote.end - quote.start) > (kept[-1].end - kept[-1].start) and kept[-1].rule == "continuation":
                kept[-1] = quote
            continue
        kept.append(quote)
    return kept


@dataclass(frozen=True)
class QuoteResult:
    """Quotes of a corpus, and the articles that could not be read for quotes.

    ``quotes`` has :data:`~toolkit.schema.QUOTE_COLUMNS`; ``skipped`` has ``doc_id``,
    ``language`` and ``reason`` (an article in a language the rules do not handle).
    """

    quotes: pd.DataFrame
    skipped: pd.DataFrame


def quotes_to_frame(rows: list[dict]) -> pd.DataFrame:
    """Quote rows (from :meth:`Quote.to_row`) as a frame with stable dtypes, even when empty."""
    frame = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    for column in ("start", "end", "sentence_start", "sentence_end"):
        frame[column] = frame[column].astype("int64")
    for column in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
        frame[column] = frame[column].astype("Int64")
    return frame


def extract_corpus(articles: pd.DataFrame, *, progress: bool | None = None) -> QuoteResult:
    """Quotes of every article of a corpus frame (``doc_id``, ``text``, optional ``language``).

    >>> frame = pd.DataFrame({"doc_id": ["a", "b"], "text": ['"Yes," Ann Lee said.', "Да, сказал он."],
    ...                       "language": ["en", "ru"]})
    >>> result = extract_corpus(frame, progress=False)
    >>> result.quotes[["doc_id", "quote", "speaker"]].values.tolist(), result.skipped["doc_id"].tolist()
    ([['a', 'Yes,', 'Ann Lee']], ['b'])
    """
    require_columns(articles, ("doc_id", "text"), what="articles")
    languages = articles["language"] if "language" in articles.columns else [None] * len(articles)
    rows: list[dict] = []
    skipped: list[dict] = []
    iterator = zip(articles["doc_id"], articles["text"], languages)
    if progress or (progress is None and len(articles) > 200):
        from tqdm.auto import tqdm
        iterator = tqdm(iterator, total=len(articles), desc="quotes", unit="article")
    for doc_id, text, language in iterator:
        language = None if language is None or (isinstance(language, float)) else str(language)
        try:
            quotes = extract_quotes(text if isinstance(text, str) else "", language=language)
        except UnsupportedLanguageError as exc:
            skipped.append({"doc_id": doc_id, "language": language, "reason": str(exc)})
            continue
        rows.extend(q.to_row(doc_id) for q in quotes)
    if skipped:
        warnings.warn(f"{len(skipped)} article(s) skipped, language not handled: "
                      + ", ".join(f"{s['doc_id']} ({s['language']})" for s in skipped[:10]), stacklevel=2)
    return QuoteResult(quotes_to_frame(rows), pd.DataFrame(skipped, columns=["doc_id", "language", "reason"]))


def quotes_frame(articles: pd.DataFrame, *, progress: bool | None = None) -> pd.DataFrame:
    """Just the quotes table of :func:`extract_corpus` (skipped articles raise a warning)."""
    return extract_corpus(articles, progress=progress).quotes
