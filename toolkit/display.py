"""An article with its quotes highlighted, as HTML for the notebook or a standalone file.

:func:`highlight_article` returns a :class:`HighlightedArticle`: Jupyter shows it through
``_repr_html_``; ``to_html()`` gives the fragment and ``save(path)`` a standalone page.
Each quote is coloured by its (merged) speaker, the speaker mention is underlined and
the cue boxed; hovering shows kind, rule and resolved speaker. Everything taken from
the data (text, names, rules, titles) goes through :func:`html.escape`.

Spans are character offsets into the article text. Overlapping and nested spans (a
mention inside a quote, two quotes that overlap) are handled by cutting the text at
every span boundary and wrapping each piece in the layers that cover it; spans with
offsets that are missing or outside the text are listed under the article, not drawn.

>>> arts = pd.DataFrame({"doc_id": ["d"], "text": ['Ann Lee said "yes <b>".'], "title": ["T"]})
>>> qs = pd.DataFrame({"doc_id": ["d"], "quote": ["yes <b>"], "start": [14], "end": [21],
...                    "speaker": ["Ann Lee"], "speaker_start": [0], "speaker_end": [7],
...                    "cue": ["said"], "cue_start": [8], "cue_end": [12]})
>>> html = highlight_article(arts, qs, "d").to_html()
>>> "<b>" in html, "&lt;b&gt;" in html
(False, True)
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from toolkit.analysis import lemmatize_cue, merge_speakers
from toolkit.plot import speaker_colors
from toolkit.schema import require_columns

__all__ = ["Span", "HighlightedArticle", "highlight_article", "spans_from_quotes"]

_UNKNOWN = "(unattributed)"
_UNKNOWN_COLOR = "#bdbdbd"

_CSS = """
.tk-article{font-family:Georgia,serif;line-height:1.6;max-width:52em;color:#222}
.tk-article h3{font-family:system-ui,sans-serif;margin:0 0 .2em}
.tk-article .tk-meta{font-family:system-ui,sans-serif;color:#666;font-size:.85em;margin-bottom:.6em}
.tk-article .tk-text{white-space:pre-wrap}
.tk-article .tk-q{border-radius:2px;padding:1px 0}
.tk-article .tk-m{text-decoration:underline;text-decoration-thickness:2px;font-weight:600}
.tk-article .tk-c{outline:1px solid #444;border-radius:2px;font-style:italic}
.tk-article .tk-legend{font-family:system-ui,sans-serif;font-size:.85em;margin:.4em 0 .8em;
  display:flex;flex-wrap:wrap;gap:.3em .9em;align-items:center}
.tk-article .tk-sw{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-.1em;
  margin-right:.3em}
.tk-article .tk-problems{font-family:system-ui,sans-serif;color:#a33;font-size:.8em}
"""


@dataclass(frozen=True)
class Span:
    """One highlighted stretch of the text: a quote, a speaker mention or a cue."""

    layer: str          # "quote" | "mention" | "cue"
    start: int
    end: int
    speaker: str        # resolved (merged) speaker, or "(unattributed)"
    title: str          # hover text (plain; escaped when rendered)
    quote: int          # index of the quote it belongs to


def _offset(value: object) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(number) or number != int(number):
        return None
    return int(number)


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    text = str(value)
    return text if text.strip() else None


def spans_from_quotes(quotes: pd.DataFrame, text_length: int) -> tuple[list[Span], list[str]]:
    """The spans to draw for one article's quotes, and a note for each one left out.

    ``quotes`` needs ``start``/``end``; ``speaker``, ``speaker_start``/``speaker_end``
    and ``cue``/``cue_start``/``cue_end``, ``kind``, ``rule`` and ``resolution`` are used
    when present. Speakers are taken from ``speaker_id`` if present, else merged with
    :func:`toolkit.analysis.merge_speakers`.
    """
    require_columns(quotes, ("start", "end"), what="quotes")
    frame = quotes
    if "speaker_id" not in frame.columns:
        frame = merge_speakers(frame.assign(doc_id=frame.get("doc_id", "doc"))) if "speaker" in frame.columns \
            else frame.assign(speaker_id=None)
    spans: list[Span] = []
    problems: list[str] = []
    for number, row in enumerate(frame.to_dict("records")):
        speaker = _text(row.get("speaker_id")) or _UNKNOWN
        as_written = _text(row.get("speaker"))
        kind = _text(row.get("kind")) or "quote"
        rule = _text(row.get("rule")) or "-"
        resolution = _text(row.get("resolution"))
        mention = _text(row.get("speaker_mention"))
        cue = _text(row.get("cue"))
        hover = (f"{kind} quote · speaker: {speaker}"
                 + (f" (as written: {as_written})" if as_written and as_written != speaker else "")
                 + (f" · resolved by: {resolution}" if resolution else "")
                 + (f" · cue: {cue}" if cue else "") + f" · rule: {rule}")
        layers = [("quote", row.get("start"), row.get("end"), hover),
                  ("mention", row.get("speaker_start"), row.get("speaker_end"),
                   f"speaker mention{f' “{mention}”' if mention else ''} → {speaker}"
                   + (f" (resolved by: {resolution})" if resolution else "")),
                  ("cue", row.get("cue_start"), row.get("cue_end"),
                   f"cue: {cue or '?'} (lemma: {lemmatize_cue(cue) or '?'}) · speaker: {speaker}")]
        for layer, start, end, title in layers:
            s, e = _offset(start), _offset(end)
            if s is None and e is None and layer != "quote":
                continue  # no mention or cue recorded: nothing to draw
            if s is None or e is None or not 0 <= s < e <= text_length:
                problems.append(f"quote {number + 1}: {layer} offsets {start!r}-{end!r} "
                                f"do not fit the text (length {text_length}); not drawn")
                continue
            spans.append(Span(layer, s, e, speaker, title, number))
    return spans, problems


@dataclass
class HighlightedArticle:
    """An article's text with quote, speaker and cue spans; renders itself as HTML."""

    text: str
    spans: list[Span]
    title: str | None = None
    meta: str | None = None
    problems: list[str] = field(default_factory=list)
    colors: dict[str, str] | None = None

    def _colors(self) -> dict[str, str]:
        speakers = [s.speaker for s in sorted(self.spans, key=lambda s: s.start)
                    if s.layer == "quote" and s.speaker != _UNKNOWN]
        colors = speaker_colors(speakers)
        colors[_UNKNOWN] = _UNKNOWN_COLOR
        colors.update(self.colors or {})  # fixed colours win; other speakers keep the palette
        return colors

    def _body(self, colors: dict[str, str]) -> str:
        text = self.text
        cuts = sorted({0, len(text), *(s.start for s in self.spans), *(s.end for s in self.spans)})
        out = []
        for a, b in zip(cuts, cuts[1:]):
            if a == b:
                continue
            piece = html.escape(text[a:b])
            covering = [s for s in self.spans if s.start <= a and b <= s.end]
            # Innermost quote (shortest) gives the colour; mentions and cues wrap inside it.
            quotes = sorted((s for s in covering if s.layer == "quote"), key=lambda s: (s.end - s.start, s.quote))
            for layer, css in (("cue", "tk-c"), ("mention", "tk-m")):
                for s in (s for s in covering if s.layer == layer):
                    piece = (f'<span class="{css}" title="{html.escape(s.title, quote=True)}" '
                             f'style="text-decoration-color:{colors.get(s.speaker, _UNKNOWN_COLOR)}">{piece}</span>')
                    break
            if quotes:
                s = quotes[0]
                color = colors.get(s.speaker, _UNKNOWN_COLOR)
                nested = ' data-nested="true"' if len(quotes) > 1 else ""
                piece = (f'<span class="tk-q" data-quote="{s.quote}"{nested} '
                         f'title="{html.escape(s.title, quote=True)}" '
                         f'style="background:{color}40;border-bottom:2px solid {color}">{piece}</span>')
            out.append(piece)
        return "".join(out)

    def _legend(self, colors: dict[str, str]) -> str:
        counts: dict[str, int] = {}
        for s in self.spans:
            if s.layer == "quote":
                counts[s.speaker] = counts.get(s.speaker, 0) + 1
        items = [f'<span><span class="tk-sw" style="background:{colors.get(name, _UNKNOWN_COLOR)}"></span>'
                 f'{html.escape(name)} ({n})</span>' for name, n in counts.items()]
        items.append('<span><span class="tk-m">speaker</span> = speaker mention</span>')
        items.append('<span><span class="tk-c">cue</span> = reporting verb</span>')
        return f'<div class="tk-legend"><strong>Quotes by speaker:</strong> {" ".join(items)}</div>'

    def to_html(self, *, standalone: bool = False) -> str:
        """The article as an HTML fragment, or a whole page with ``standalone=True``."""
        colors = self._colors()
        parts = [f"<style>{_CSS}</style>" if not standalone else "", '<div class="tk-article">']
        if self.title:
            parts.append(f"<h3>{html.escape(self.title)}</h3>")
        if self.meta:
            parts.append(f'<div class="tk-meta">{html.escape(self.meta)}</div>')
        parts.append(self._legend(colors))
        parts.append(f'<div class="tk-text">{self._body(colors)}</div>')
        if self.problems:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in self.problems)
            parts.append(f'<ul class="tk-problems">{items}</ul>')
        parts.append("</div>")
        fragment = "".join(parts)
        if not standalone:
            return fragment
        title = html.escape(self.title or "Highlighted article")
        return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                f"<title>{title}</title><style>body{{margin:2em}}{_CSS}</style></head>"
                f"<body>{fragment}</body></html>\n")

    def _repr_html_(self) -> str:
        return self.to_html()

    def save(self, path: str | Path) -> Path:
        """Write a standalone HTML page (UTF-8) and return its path."""
        path = Path(path)
        path.write_text(self.to_html(standalone=True), encoding="utf-8")
        return path


def highlight_article(articles: pd.DataFrame, quotes: pd.DataFrame, doc_id: object, *,
                      colors: dict[str, str] | None = None) -> HighlightedArticle:
    """The article ``doc_id`` with its quotes, ready to show in a notebook or save.

    Args:
        articles: needs ``doc_id`` and ``text``; ``title``, ``outlet``, ``date`` are shown.
        quotes: the quote frame (``toolkit.quotes.quotes_frame``), all articles or one.
            Speakers are merged across the whole frame given (see
            :func:`toolkit.analysis.merge_speakers`) unless it has ``speaker_id``.
        doc_id: which article.
        colors: optional ``{speaker: colour}`` to keep colours fixed across articles.

    Raises:
        KeyError: no article has this ``doc_id``.
    """
    require_columns(articles, ("doc_id", "text"), what="articles")
    require_columns(quotes, ("doc_id", "start", "end"), what="quotes")
    match = articles[articles["doc_id"] == doc_id]
    if match.empty:
        sample = ", ".join(map(repr, articles["doc_id"].head(5)))
        raise KeyError(f"no article with doc_id {doc_id!r}; the first are: {sample}")
    article = match.iloc[0]
    text = article["text"] if isinstance(article["text"], str) else ""
    if "speaker_id" not in quotes.columns and "speaker" in quotes.columns:
        quotes = merge_speakers(quotes)
    mine = quotes[quotes["doc_id"] == doc_id]
    if {"start"} <= set(mine.columns):
        mine = mine.sort_values("start", kind="stable", na_position="last")
    spans, problems = spans_from_quotes(mine, len(text))
    meta = " · ".join(str(article[c].date() if hasattr(article[c], "date") else article[c])
                      for c in ("outlet", "date", "doc_id")
                      if c in article.index and _text(article[c]) is not None and not pd.isna(article[c]))
    title = _text(article["title"]) if "title" in article.index else None
    return HighlightedArticle(text=text, spans=spans, title=title or str(doc_id), meta=meta,
                              problems=problems, colors=colors)
