"""Tokenize stage: paragraphs, sentences and words, each with character offsets.

Sentences come from NLTK's Punkt (:class:`nltk.tokenize.punkt.PunktSentenceTokenizer`)
given the toolkit's own parameters for news English, so no ``nltk_data`` is needed
and nothing is downloaded. Paragraph breaks (newlines) are always sentence breaks.
An abbreviation ends a sentence only when a word that only starts sentences follows
(``the U.S. He left``, :data:`SENTENCE_STARTERS`), and never when it is a title or an
initial (``Mr. He Anwen``, ``John R. Bolton``).
Words come from NLTK's Treebank-style ``NLTKWordTokenizer().span_tokenize``, which
keeps quotation marks as written (plain ``word_tokenize`` rewrites ``"`` as
two-character tokens and needs ``punkt_tab``). Every span indexes the text it was
given: ``text[start:end]`` gives the sentence or token back exactly.

>>> text = 'U.S. adviser John R. Bolton arrived on Aug. 22. "We talk," he said.'
>>> [text[s.start:s.end] for s in split_sentences(text)]
['U.S. adviser John R. Bolton arrived on Aug. 22.', '"We talk," he said.']
>>> [t.text for t in tokenize_words('"We talk," he said.')]
['"', 'We', 'talk', ',', '"', 'he', 'said', '.']
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

from toolkit.schema import SENTENCE_COLUMNS, TOKEN_COLUMNS, require_columns

__all__ = [
    "JOINED_INITIALS", "NEWS_ABBREVIATIONS", "QUOTE_MARKS", "SENTENCE_STARTERS", "Sentence", "Token",
    "split_paragraphs", "split_sentences", "paragraph_sentences", "tokenize_words",
    "sentences_frame", "tokens_frame",
]

#: Abbreviations after which Punkt must not end a sentence (lower case, without the
#: final period, as Punkt stores them). Single letters cover initials (``John R.``).
NEWS_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # places and bodies
        "u.s", "u.s.a", "u.k", "u.n", "e.u", "d.c", "n.y", "l.a", "u.a.e", "st", "mt", "ft",
        "calif", "fla", "ill", "mass", "mich", "penn", "tex", "va", "wash", "ariz", "conn",
        # titles and ranks
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "pres", "amb", "rev", "hon",
        "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "brig", "jr", "sr",
        # months and days
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
        # business and reference
        "inc", "corp", "co", "ltd", "llc", "bros", "dept", "univ", "assn", "no", "nos", "vol",
        "p", "pp", "approx", "vs", "v", "e.g", "i.e", "a.m", "p.m", "cf", "al",
    }
    | set("abcdefghijklmnopqrstuvwxyz")
)

#: Abbreviations that come before a name (titles, ranks, ``e.g.``): a sentence never
#: ends after them, whatever word follows (``Mr. He Anwen``, ``Gen. The ...``).
_BEFORE_NAME: frozenset[str] = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "pres", "amb", "rev", "hon",
        "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "brig",
        "mt", "ft", "e.g", "i.e", "vs", "v", "cf",
    }
    | set("abcdefghijklmnopqrstuvwxyz")
)

#: Words that start a sentence and never continue one after an abbreviation, so a
#: capitalised one after ``U.S.``, ``Inc.``, ``Aug.`` or ``p.m.`` marks a real sentence
#: end (Punkt's ``sent_starters``; lower case): ``... moved to the U.S. He stayed.``
SENTENCE_STARTERS: frozenset[str] = frozenset(
    {
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its",
        "their", "our", "this", "that", "these", "those", "there", "but", "however",
        "meanwhile", "both", "some", "many", "most", "in", "on", "at", "after", "when", "if",
    }
)

#: Quotation marks of every common style; each is its own token.
QUOTE_MARKS: frozenset[str] = frozenset('"\'“”‘’«»„‚‹›「」『』')


class _NewsPunktVars(PunktLanguageVars):
    """Punkt's own fixed patterns, compiled with the standard ``re``.

    NLTK 3.10 routes every pattern through ``nltk.redos`` (the ``regex`` engine plus a
    timeout per match) to guard against patterns a caller supplies. These are NLTK's
    own constant patterns, linear on any input, and the guard costs more than half of
    Punkt's running time here, so they are compiled directly. Same patterns, same splits.
    """

    re_boundary_realignment = re.compile(PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE)

    def _word_tokenizer_re(self):
        try:
            return self._re_word_tokenizer
        except AttributeError:
            self._re_word_tokenizer = re.compile(
                self._word_tokenize_fmt % {"NonWord": self._re_non_word_chars,
                                           "MultiChar": self._re_multi_char_punct,
                                           "WordStart": self._re_word_start},
                re.UNICODE | re.VERBOSE)
            return self._re_word_tokenizer

    def period_context_re(self):
        try:
            return self._re_period_context
        except AttributeError:
            self._re_period_context = re.compile(
                self._period_context_fmt % {"NonWord": self._re_non_word_chars,
                                            "SentEndChars": self._re_sent_end_chars},
                re.UNICODE | re.VERBOSE)
            return self._re_period_context


class _NewsPunktToken(PunktToken):
    """PunktToken with its constant patterns compiled by ``re`` (see :class:`_NewsPunktVars`)."""

    _RE_ELLIPSIS = re.compile(r"\.\.+$")
    _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
    _RE_INITIAL = re.compile(r"[^\W\d]\.$", re.UNICODE)
    _RE_ALPHA = re.compile(r"[^\W\d]+$", re.UNICODE)
    _RE_NON_PUNCT = re.compile(r"[^\W\d]", re.UNICODE)

    @property
    def is_non_punct(self):
        return self._RE_NON_PUNCT.search(self.type)


# "said. The": a full stop right after a plain word of two or more letters, then another token.
_PLAIN_WORD_STOP = re.compile(r"([A-Za-z]{2,})\.\s+\S+")


class _NewsPunktTokenizer(PunktSentenceTokenizer):
    """Punkt with its break decisions memoised, and the commonest one taken directly.

    Punkt decides each candidate break from a short context (the word before the full stop,
    the stop, the next token) and fixed parameters, so the same context always gets the same
    answer, and news repeats contexts often. After a plain word that is no abbreviation the
    answer is always yes: the first pass marks a break after any such ``word.``, and the
    second pass only reconsiders abbreviations, ellipses, initials and numbers.
    """

    @functools.lru_cache(maxsize=1 << 16)  # noqa: B019 - one module-level instance, kept for good
    def text_contains_sentbreak(self, text: str) -> bool:
        plain = _PLAIN_WORD_STOP.fullmatch(text)
        if plain is not None and plain.group(1).lower() not in self._params.abbrev_types:
            return True
        return super().text_contains_sentbreak(text)


def _news_punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(NEWS_ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return _NewsPunktTokenizer(params, lang_vars=_NewsPunktVars(), token_cls=_NewsPunktToken)


_PUNKT = _news_punkt()
_WORDS = NLTKWordTokenizer()
# A paragraph is a run of non-blank characters between newlines.
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
# Fallback when span_tokenize cannot align its output with the input.
_FALLBACK_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_QUOTE_CLASS = "[" + re.escape("".join(sorted(QUOTE_MARKS))) + "]"
# Any quotation mark: a chunk without one needs no quote handling at all (fast path).
_ANY_QUOTE = re.compile(_QUOTE_CLASS)
# A token made of quote marks and other characters, to be split apart; an apostrophe
# between two word characters stays inside the word (O’Brien, l'homme).
_MIXED_QUOTE_TOKEN = re.compile(r"(?:(?<=\w)['’](?=\w)|[^" + _QUOTE_CLASS[1:] + r")+|" + _QUOTE_CLASS)
# What precedes an abbreviation glued to other text: "(Xinhua/U.S." -> "U.S."
_WORD_BEFORE_ABBREVIATION = re.compile(r"^.*[(/\[\-\"“‘'«]")
_CONTRACTION_AFTER_APOSTROPHE = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})
#: Two or three initials written without spaces: ``P.A.``, ``M.T.R.`` (a person's, unless an abbreviation).
JOINED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence span: ``text[start:end]``; ``paragraph`` counts from 0."""

    index: int
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation token: ``text`` equals the source text's ``[start:end]``."""

    start: int
    end: int
    text: str


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text`` (news paragraphs are lines).

    >>> split_paragraphs("One.\\n\\n  Two.\\nThree.")
    [(0, 4), (8, 12), (13, 19)]
    """
    spans = []
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        # trim surrounding blanks so spans hold just the paragraph's text
        while text[start].isspace():
            start += 1
        while text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return spans


def _iter_sentence_spans(text: str) -> Iterator[tuple[int, int, int]]:
    for paragraph, (p_start, p_end) in enumerate(split_paragraphs(text)):
        yield from _paragraph_sentence_spans(text, paragraph, p_start, p_end)


def paragraph_sentences(text: str, paragraph: int, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph ``text[start:end]`` (what :func:`split_sentences` gives for it).

    >>> paragraph_sentences("One. Two.", 0, 0, 9)
    [(0, 4), (5, 9)]
    """
    return [(s, e) for _, s, e in _paragraph_sentence_spans(text, paragraph, start, end)]


def _paragraph_sentence_spans(text: str, paragraph: int, p_start: int, p_end: int) -> Iterator[tuple[int, int, int]]:
    chunk = text[p_start:p_end]
    pending_start = None
    for s_start, s_end in _PUNKT.span_tokenize(chunk):
        if pending_start is None:
            pending_start = s_start
        if _is_false_break(chunk, pending_start, s_end):
            continue
        start, end = _strip_span(chunk, pending_start, s_end)
        if start < end:
            yield paragraph, p_start + start, p_start + end
        pending_start = None
    if pending_start is not None:
        start, end = _strip_span(chunk, pending_start, len(chunk))
        if start < end:
            yield paragraph, p_start + start, p_start + end


def _strip_span(chunk: str, start: int, end: int) -> tuple[int, int]:
    """Trim blanks Punkt left in: its ``regex`` engine's ``\\s`` lacks some of ``str.isspace``'s (U+001F)."""
    while start < end and chunk[start].isspace():
        start += 1
    while end > start and chunk[end - 1].isspace():
        end -= 1
    return start, end


def _is_false_break(chunk: str, start: int, end: int) -> bool:
    """Punkt sees words between spaces: it misses ``(Xinhua/U.S.`` and breaks inside brackets."""
    if end >= len(chunk):
        return False
    sentence = chunk[start:end]
    if sentence.count("(") > sentence.count(")") and ")" in chunk[end:]:
        return True
    following = chunk[end:].lstrip()
    if following[:1].islower():
        return True  # news sentences start with a capital: "Sen. Jane Roe (D-Vt.) said ..."
    last_word = sentence.rsplit(None, 1)[-1]
    if not last_word.endswith("."):
        return False
    stem = _WORD_BEFORE_ABBREVIATION.sub("", last_word).rstrip(".").lower()
    next_words = chunk[end:].split(None, 1)
    next_word = next_words[0] if next_words else ""
    starts_sentence = next_word[:1].isupper() and next_word.lower() in SENTENCE_STARTERS
    if stem not in NEWS_ABBREVIATIONS:
        # a person's initials written together ("added P.A. Dragunov"), unless a sentence starter follows
        return JOINED_INITIALS.fullmatch(last_word) is not None and next_word[:1].isupper() and not starts_sentence
    # Punkt breaks after an abbreviation when a sentence starter follows (``U.S. He``):
    # keep that break unless the abbreviation stands before a name (``Mr. He Anwen``).
    return stem in _BEFORE_NAME or not starts_sentence


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; paragraph breaks always split.

    >>> [s.paragraph for s in split_sentences("Talks ended. Both left.\\nThen rain.")]
    [0, 0, 1]
    """
    return [Sentence(i, para, start, end) for i, (para, start, end) in enumerate(_iter_sentence_spans(text))]


def _word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end]
    has_quotes = _ANY_QUOTE.search(chunk) is not None
    # Treebank knows the straight apostrophe only: it is given ’ as ' (same length, so the
    # spans still index the text) and splits Russia’s, don’t, we’re as it splits Russia's.
    treebank_input = chunk.replace("’", "'") if has_quotes else chunk
    try:
        spans = list(_WORDS.span_tokenize(treebank_input))
    except Exception:  # noqa: BLE001 - NLTK's aligner has raised ValueError/IndexError on odd quote runs
        spans = [m.span() for m in _FALLBACK_WORD.finditer(chunk)]
    if not has_quotes:
        return [(start + s, start + e) for s, e in spans] if start else spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        token = chunk[s:e]
        if len(token) > 1 and _ANY_QUOTE.search(token) and not _is_contraction(token):
            for m in _MIXED_QUOTE_TOKEN.finditer(token):
                out.append((start + s + m.start(), start + s + m.end()))
        else:
            out.append((start + s, start + e))
    return out


def _is_contraction(token: str) -> bool:
    # "'s", "n't", "’ll": apostrophes inside words, not quotation marks
    return (token[0] in "'’" and token[1:].lower() in _CONTRACTION_AFTER_APOSTROPHE
            or token.lower() in ("n't", "n’t"))


def tokenize_words(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of ``text[start:end]`` with offsets into ``text``.

    >>> [t.text for t in tokenize_words("«Non», dit-il, Russia’s „view“.")]
    ['«', 'Non', '»', ',', 'dit-il', ',', 'Russia', '’s', '„', 'view', '“', '.']
    """
    end = len(text) if end is None else end
    return [Token(s, e, text[s:e]) for s, e in _word_spans(text, start, end)]


def _articles(articles: pd.DataFrame) -> Iterator[tuple[str, str]]:
    require_columns(articles, ("doc_id", "text"), what="articles")
    for doc_id, text in zip(articles["doc_id"], articles["text"]):
        yield str(doc_id), text if isinstance(text, str) else ""


def sentences_frame(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of every article (columns :data:`~toolkit.schema.SENTENCE_COLUMNS`).

    >>> frame = sentences_frame(pd.DataFrame({"doc_id": ["a"], "text": ["One. Two."]}))
    >>> frame[["sentence", "start", "end", "text"]].values.tolist()
    [[0, 0, 4, 'One.'], [1, 5, 9, 'Two.']]
    """
    columns: dict[str, list] = {name: [] for name in SENTENCE_COLUMNS}
    for doc_id, text in _articles(articles):
        for index, (paragraph, start, end) in enumerate(_iter_sentence_spans(text)):
            columns["doc_id"].append(doc_id)
            columns["sentence"].append(index)
            columns["paragraph"].append(paragraph)
            columns["start"].append(start)
            columns["end"].append(end)
            columns["text"].append(text[start:end])
    return _frame(columns, ints=("sentence", "paragraph", "start", "end"))


def tokens_frame(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per token of every article (columns :data:`~toolkit.schema.TOKEN_COLUMNS`).

    ``token`` counts tokens within the article; ``sentence`` is the sentence index.

    >>> frame = tokens_frame(pd.DataFrame({"doc_id": ["a"], "text": ['He said "no."']}))
    >>> frame["text"].tolist(), frame["is_quote_mark"].tolist()
    (['He', 'said', '"', 'no', '.', '"'], [False, False, True, False, False, True])
    """
    columns: dict[str, list] = {name: [] for name in TOKEN_COLUMNS}
    for doc_id, text in _articles(articles):
        # whole columns per article, not appends per token: this loop is the stage's hot path
        spans: list[tuple[int, int]] = []
        sentences: list[int] = []
        for sentence, (_, s_start, s_end) in enumerate(_iter_sentence_spans(text)):
            in_sentence = _word_spans(text, s_start, s_end)
            spans += in_sentence
            sentences += [sentence] * len(in_sentence)
        words = [text[start:end] for start, end in spans]
        columns["doc_id"] += [doc_id] * len(spans)
        columns["sentence"] += sentences
        columns["token"] += range(len(spans))
        columns["start"] += [start for start, _ in spans]
        columns["end"] += [end for _, end in spans]
        columns["text"] += words
        columns["is_quote_mark"] += [word in QUOTE_MARKS for word in words]
    return _frame(columns, ints=("sentence", "token", "start", "end"))


def _frame(columns: dict[str, list], *, ints: tuple[str, ...]) -> pd.DataFrame:
    # dtypes given per column, so an empty table has the same dtypes as a full one
    dtypes = {name: "int64" if name in ints else "bool" if name == "is_quote_mark" else "str"
              for name in columns}
    return pd.DataFrame({name: pd.Series(values, dtype=dtypes[name]) for name, values in columns.items()})
