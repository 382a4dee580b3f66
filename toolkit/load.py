"""Load a corpus of news articles into a DataFrame, one row per article.

The load stage reads plain text, HTML, JSON, JSON Lines, CSV and Parquet files (one
article per text/HTML file, many per JSON/JSONL/CSV/Parquet file), decodes them to one
``str`` per article with ``\\n`` line ends, and fills the columns of
:data:`toolkit.schema.ARTICLE_COLUMNS`. Every character offset anywhere in the toolkit
indexes that ``text``.

Metadata comes from the file itself when it has it (HTML metadata via trafilatura;
JSON/CSV/Parquet fields, including Media Cloud exports with ``title``, ``url``,
``publish_date``, ``media_name`` and ``text``) and otherwise from a ``manifest.csv``
beside the files (columns ``file,doc_id,outlet,wire,date,title,url,language``, all but
``file`` optional; a manifest value fills what the file lacks, a manifest ``doc_id``
overrides). The language is detected with py3langid when neither gives one.

Layers, from one file to a corpus:

- :func:`read_file` reads one file and raises :class:`LoadError` for a bad one (strict).
- :func:`iter_articles` streams :class:`Article` and :class:`LoadFailure` records,
  file by file and row by row, in bounded memory.
- :func:`load_corpus` collects them into a :class:`Corpus` of two DataFrames and never
  raises for a bad input.

Example:
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "ledger-01.txt").write_text(
    ...     "Talks in Port Halden ended on Friday, officials in Esterby said.\\n")
    >>> _ = (folder / "empty.txt").write_text("  \\n")
    >>> corpus = load_corpus(folder)
    >>> corpus.articles[["doc_id", "language", "format"]].to_dict("records")
    [{'doc_id': 'ledger-01', 'language': 'en', 'format': 'text'}]
    >>> corpus.failures["error"].tolist()
    ['empty file']
"""
from __future__ import annotations

import codecs
import collections
import csv
import datetime
import fnmatch
import functools
import glob
import io
import json
import logging
import math
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pandas as pd

from toolkit.schema import ARTICLE_COLUMNS, FAILURE_COLUMNS

__all__ = [
    "Article", "Corpus", "LoadError", "LoadFailure", "ARTICLE_EXTENSIONS", "SKIPPED_IN_FOLDERS",
    "articles_frame", "decode_bytes", "detect_language", "extract_html",
    "find_caption", "iter_articles", "load_corpus", "read_file",
]

logger = logging.getLogger(__name__)

#: File extension -> value of the ``format`` column.
ARTICLE_EXTENSIONS: Mapping[str, str] = {
    ".txt": "text", ".html": "html", ".htm": "html", ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet",
}

#: Field names accepted in JSON/CSV/Parquet records, in order of preference. The second
#: and later names are the Media Cloud export's (``stories_id``, ``publish_date``,
#: ``media_name``) or older exports' (``story_text``).
FIELD_ALIASES: Mapping[str, tuple[str, ...]] = {
    "doc_id": ("doc_id", "id", "stories_id"),
    "text": ("text", "story_text", "body"),
    "outlet": ("outlet", "media_name"),
    "wire": ("wire",),
    "date": ("date", "publish_date"),
    "title": ("title",),
    "url": ("url",),
    "language": ("language",),
}

#: Manifest columns that fill article fields; any other manifest column is carried
#: through as an extra column after the standard ones.
MANIFEST_FIELDS = ("doc_id", "outlet", "wire", "date", "title", "url", "language")

#: Files that sit beside articles but are not articles, skipped in folders and globs
#: (case-insensitive): manifests, gold annotations, the fetch step's report.
SKIPPED_IN_FOLDERS = ("manifest*.csv", "gold*", "fetch_report*.csv")

#: A folder source shows a progress bar (when ``progress=None``) above this many files.
PROGRESS_THRESHOLD = 50

# Rows per Parquet batch: bounded memory for huge files, few Python round trips.
_PARQUET_BATCH_ROWS = 1000
# Bytes sniffed to choose the encoding of a streamed (JSONL/CSV) file.
_SNIFF_BYTES = 1 << 16


# --------------------------------------------------------------------------- records

class LoadError(ValueError):
    """An input cannot be loaded; ``str()`` is ``"PATH:LINE: REASON"`` or ``"PATH: REASON"``.

    Attributes:
        path: the file (or pattern) that failed, as given.
        line: 1-based line number in that file, or ``None`` when the whole file failed.
        reason: what is wrong, e.g. ``"empty file"``.

    Example:
        >>> str(LoadError("corpus/a.jsonl", "invalid JSON: Expecting value", line=3))
        'corpus/a.jsonl:3: invalid JSON: Expecting value'
    """

    def __init__(self, path: str | os.PathLike[str], reason: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        super().__init__(self.path, reason, line)

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"

    def __reduce__(self):  # keep pickling (multiprocessing) working with the kw-only line
        return (_rebuild_load_error, (self.path, self.reason, self.line))


def _rebuild_load_error(path: str, reason: str, line: int | None) -> LoadError:
    return LoadError(path, reason, line=line)


@dataclass(frozen=True)
class Article:
    """One article: the fields of one row of the articles table.

    ``extra`` holds non-standard manifest columns as ``(name, value)`` pairs; they
    become columns after the standard ones in :func:`articles_frame`.
    """

    doc_id: str
    outlet: str | None
    wire: str | None
    date: pd.Timestamp | None
    title: str | None
    url: str | None
    language: str
    text: str
    caption_start: int
    caption_end: int
    credit_start: int
    credit_end: int
    body_start: int
    path: str
    format: str
    encoding: str | None
    extra: tuple[tuple[str, str | None], ...] = ()


@dataclass(frozen=True)
class LoadFailure:
    """An input (file, or line/row of a file) that could not be loaded, and why."""

    path: str
    line: int | None
    error: str

    @classmethod
    def from_error(cls, exc: LoadError) -> LoadFailure:
        return cls(exc.path, exc.line, exc.reason)


@dataclass(frozen=True, eq=False)  # eq would compare DataFrames element-wise
class Corpus:
    """What :func:`load_corpus` returns.

    Attributes:
        articles: one row per article, columns ``ARTICLE_COLUMNS`` then any extra
            manifest columns.
        failures: one row per input that could not be loaded, columns
            ``FAILURE_COLUMNS`` (``path``, ``line``, ``error``).
    """

    articles: pd.DataFrame
    failures: pd.DataFrame


# --------------------------------------------------------------------------- decoding

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0/C1 control characters other than whitespace: many of them mean "binary, not text".
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Newlines as Python's open() gives them.
_NEWLINES = re.compile(r"\r\n?")


def _normalise_newlines(text: str) -> str:
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when NUL bytes sit in every other byte, else None."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 2:
        return None
    pairs = len(sample) // 2
    nul_even = sample[0::2].count(0)
    nul_odd = sample[1::2].count(0)
    # Mostly-ASCII UTF-16 has a NUL in the high byte of most code units, none in the low.
    if nul_odd >= 0.3 * pairs and nul_even <= 0.02 * pairs:
        return "utf-16-le"
    if nul_even >= 0.3 * pairs and nul_odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


# Languages written in each single-byte encoding we try ourselves: a decoding whose
# detected language is not one of them is the wrong decoding (Greek bytes read as
# cp1251, Polish cp1250 bytes read as Latin-1, KOI8-R read as cp1251).
_CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "mn", "tg", "tt", "ba", "cv", "os"})
_WESTERN_LANGUAGES = frozenset({
    "en", "fr", "de", "es", "it", "pt", "nl", "ca", "da", "sv", "no", "nb", "nn", "fi", "is",
    "ga", "gd", "eu", "gl", "af", "sq", "lb", "oc", "br", "cy", "la", "wa", "fo", "id", "ms",
    "sw", "et", "an", "ast", "co", "fy", "rm", "tl",
})
_CENTRAL_EUROPEAN_LANGUAGES = frozenset({"pl", "cs", "sk", "hu", "sl", "hr", "bs", "ro", "sq", "de", "sr"})
_ENCODING_LANGUAGES: Mapping[str, frozenset[str]] = {
    "cp1251": _CYRILLIC_LANGUAGES, "koi8-r": _CYRILLIC_LANGUAGES, "cp1253": frozenset({"el"}),
    "cp1252": _WESTERN_LANGUAGES, "iso8859-1": _WESTERN_LANGUAGES, "cp1250": _CENTRAL_EUROPEAN_LANGUAGES,
}
# A later candidate encoding must read this much more confidently to beat an earlier one.
_CONFIDENCE_MARGIN = 0.05


def _single_byte_candidates(data: bytes) -> list[str]:
    """Single-byte encodings to try, in order of preference, from the non-ASCII bytes.

    Cyrillic (Windows-1251 for Russian outlets; KOI8-R) and Greek are whole words of
    bytes 0xC0-0xFF; Western European text in Latin-1/cp1252 (or Central European in
    cp1250) has mostly isolated accented letters between ASCII ones.
    """
    sample = data[:100_000]
    high = [i for i, b in enumerate(sample) if b >= 0x80]
    if not high:
        return []
    high_set = set(high)
    in_runs = sum(1 for i in high if i - 1 in high_set or i + 1 in high_set)
    letters = sum(1 for i in high if sample[i] >= 0xC0 or sample[i] in (0xA8, 0xB8))
    if in_runs >= 0.6 * len(high) and letters >= 0.8 * len(high):
        return ["cp1251", "koi8-r", "cp1253"]
    if in_runs <= 0.4 * len(high):
        # Bytes 0x80-0x9F are C1 controls in Latin-1 but curly quotes and dashes in cp1252.
        c1 = any(0x80 <= sample[i] <= 0x9F for i in high)
        return ["cp1252" if c1 else "iso8859-1", "cp1250"]
    return []


def _decode_single_byte(data: bytes) -> tuple[str | None, str]:
    """The candidate decoding that py3langid reads most confidently as a language
    written in that encoding (charset-normalizer's guess is one more candidate)."""
    candidates = _single_byte_candidates(data)
    guess = _charset_normalizer_guess(data)
    if guess and guess not in candidates:
        candidates.append(guess)
    best: tuple[float, str, str] | None = None
    fallback: tuple[str | None, str] = (None, "")
    for rank, name in enumerate(candidates):
        text = _try_decode(data, name)
        if text is None or _looks_binary(text):
            continue
        if fallback[0] is None:
            fallback = (text, name)
        code, confidence = _identify(text)
        languages = _ENCODING_LANGUAGES.get(name)
        if code == "und":
            if languages is _CYRILLIC_LANGUAGES and sum(ch.isupper() for ch in text) > sum(ch.islower() for ch in text):
                continue  # Cyrillic prose is mostly lower case; the wrong code page swaps cases
            confidence = 0.0
        elif languages is not None and code not in languages:
            continue
        confidence -= rank * _CONFIDENCE_MARGIN
        if best is None or confidence > best[0]:
            best = (confidence, text, name)
    return (best[1], best[2]) if best is not None else fallback


def _charset_normalizer_guess(data: bytes) -> str | None:
    import charset_normalizer  # imported on first use: only odd encodings need it

    try:
        best = charset_normalizer.from_bytes(data[:200_000]).best()
    except Exception:  # the detector must not turn a bad file into a crash
        return None
    if best is None:
        return None
    try:
        return codecs.lookup(best.encoding).name
    except LookupError:
        return None


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_binary(text: str) -> bool:
    sample = text[:20_000]
    return len(_CONTROL.findall(sample)) > 0.02 * max(len(sample), 1) or "\x00" in sample


def _decode_without_bom(data: bytes, declared: str | None) -> tuple[str | None, str]:
    """UTF-8, else the declared charset, else the most plausible single-byte decoding."""
    text = _try_decode(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    if declared:
        text = _try_decode(data, declared)
        if text is not None and not _looks_binary(text):
            return text, declared
    return _decode_single_byte(data)


def decode_bytes(data: bytes, *, path: str | os.PathLike[str] = "<bytes>",
                 declared: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes to text with ``\\n`` line ends; return ``(text, encoding)``.

    Tried in order: a byte-order mark (UTF-8, UTF-16, UTF-32; the mark is dropped),
    BOM-less UTF-16 (NUL bytes in every other byte), UTF-8, the ``declared`` charset
    (e.g. from an HTML ``<meta charset>``), Windows-1251 / Windows-1252 / Latin-1 from
    the pattern of non-ASCII bytes, then charset-normalizer. ``\\r\\n`` and ``\\r``
    become ``\\n``, as Python's ``open()`` gives them.

    Args:
        data: the raw bytes.
        path: named in the error message.
        declared: an encoding the file declares, tried after UTF-8.

    Returns:
        The text and the name of the encoding used (a Python codec name, with
        ``"utf-8-sig"``/``"utf-16"``/``"utf-32"`` meaning "with a byte-order mark").

    Raises:
        LoadError: ``"empty file"`` (empty or whitespace only) or ``"binary file, not
            text"`` (NUL bytes that are not UTF-16, control characters, undecodable).

    Example:
        >>> decode_bytes("Kovask\\r\\n".encode("utf-16"))
        ('Kovask\\n', 'utf-16')
        >>> decode_bytes("Порт-Халден".encode("cp1251"))
        ('Порт-Халден', 'cp1251')
    """
    if not data.strip():
        raise LoadError(path, "empty file")
    text: str | None = None
    encoding = ""
    for bom, name in _BOMS:
        if data.startswith(bom):
            text, encoding = _try_decode(data, name), name
            if text is None:
                raise LoadError(path, f"binary file, not text (invalid {name.split('-sig')[0]} after its byte-order mark)")
            break
    if text is None and b"\x00" in data:
        name = _utf16_without_bom(data)
        text = None if name is None else _try_decode(data, name)
        if text is None:
            raise LoadError(path, "binary file, not text (contains NUL bytes)")
        encoding = name
    if text is None:
        text, encoding = _decode_without_bom(data, declared)
        if text is None:
            raise LoadError(path, "binary file, not text (no text encoding decodes it)")
    try:
        encoding = codecs.lookup(encoding).name
    except LookupError:  # pragma: no cover - every name above is a Python codec
        pass
    if _looks_binary(text):
        raise LoadError(path, "binary file, not text (control characters)")
    if not text.strip():
        raise LoadError(path, "empty file")
    return _normalise_newlines(text), encoding


# --------------------------------------------------------------------------- language

# Fewer letters than this and language identification is a guess.
_MIN_LETTERS = 12
# py3langid's normalised confidence below which we answer "und".
_MIN_CONFIDENCE = 0.3
# Enough text to identify the language: py3langid walks the sample byte by byte in Python,
# so its cost grows with the sample. 600 characters name the same language as 2,000 did on
# every article of the fixtures, the generated corpus and PolNeAR (English at >= 0.73).
_LANGID_CHARS = 600


@functools.cache
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language (py3langid), ``"und"`` when too short to tell.

    Example:
        >>> detect_language("Officials in Esterby said the talks would resume next week.")
        'en'
        >>> detect_language("Ok.")
        'und'
    """
    return _identify(text)[0]


def _identify(text: str) -> tuple[str, float]:
    """``(language, confidence)``; ``("und", 0.0)`` when too short or unsure."""
    sample = text[:_LANGID_CHARS]
    if not _has_letters(sample, _MIN_LETTERS):
        return "und", 0.0
    code, confidence = _language_identifier().classify(sample)
    if confidence < _MIN_CONFIDENCE or code in ("zxx", "und"):
        return "und", 0.0
    return code, float(confidence)


def _has_letters(sample: str, needed: int) -> bool:
    """At least ``needed`` letters in ``sample`` (stops counting there: prose gets there at once)."""
    for ch in sample:
        if ch.isalpha():
            needed -= 1
            if needed <= 0:
                return True
    return needed <= 0


def _normalise_language(value: str | None) -> str | None:
    """``"en-GB"`` -> ``"en"``, ``"EN"`` -> ``"en"``; empty -> None."""
    if not value:
        return None
    code = re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()
    return code or None


# --------------------------------------------------------------------------- captions

# A credit in parentheses at the very end of a line: no nested parentheses, short.
_CREDIT_AT_END = re.compile(r"\(([^()\n]{2,120})\)\s*$")
# Words that make a parenthesis a picture credit: (AP Photo/...), (Photo: ...), (Credit: ...).
_CREDIT_WORD = re.compile(r"\b(?:photo(?:graph)?s?|image|picture|pic|credit|foto)\b", re.IGNORECASE)
# One part of a slash credit: a name-like run starting with a capital (or "U.S."-style).
_NAME_PART = re.compile(r"^[A-Z\u0400-\u042f][\w.:'’&-]*(?:\s+[\w.:'’&-]+){0,5}$")
# A capitalised word (a proper name after "Photo:" / "Photo by").
_CAPITALISED = re.compile(r"\b[A-Z][a-z\u00e0-\u00ff]+")
# Captions end their own sentence before the credit: "... Aug. 23, 2018. (Xinhua/...)".
_SENTENCE_END = re.compile(r"[.!?\"'”’]\s*$")
# A caption is one short line.
_MAX_CAPTION_CHARS = 600


def _is_credit(content: str, before: str) -> bool:
    content = content.strip()
    has_word = bool(_CREDIT_WORD.search(content))
    if "/" in content:
        parts = [p.strip() for p in content.split("/")]
        if all(_NAME_PART.match(p) for p in parts) and not any(p.isdigit() for p in parts):
            return has_word or bool(_SENTENCE_END.search(before))
        return False
    if has_word:
        # "(Photo: Jane Doe)", "(Photo by Meridian Wire)": a proper name besides the keyword.
        rest = _CREDIT_WORD.sub("", content)
        return bool(_CAPITALISED.search(rest))
    return False


def find_caption(text: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None, int]:
    """Find a photo caption with a picture credit on the article's first line.

    A first (non-blank) line is a caption when it is short, is followed by more text,
    and ends in a parenthesised credit that looks like one: slash-separated names
    ``(Xinhua/U.S. Mission Photo/Eric Bridiers)``, ``(Meridian/Jon Eke)`` after a
    finished sentence, or a credit word with a name ``(AP Photo/Jane Doe)``,
    ``(Photo: Jane Doe)``. An ordinary paragraph ending ``"... Studies (HISS)."`` or
    ``"(2019)"`` is not. The text is not changed; spans index it.

    Returns:
        ``(caption_span, credit_span, body_start)``: the caption without the credit,
        the credit including its parentheses, and the start of the next line;
        ``(None, None, 0)`` when there is no caption.

    Example:
        >>> text = "Ivo Marek speaks in Kovask. (Meridian/Jon Eke)\\nThe Citadel said on Monday..."
        >>> caption, credit, body = find_caption(text)
        >>> text[slice(*caption)], text[slice(*credit)], body
        ('Ivo Marek speaks in Kovask.', '(Meridian/Jon Eke)', 47)
        >>> find_caption("Dr. Nadia Okafor leads the Halden Institute (HISS).\\nShe said...")
        (None, None, 0)
    """
    start = len(text) - len(text.lstrip())
    newline = text.find("\n", start)
    if newline < 0 or not text[newline + 1:].strip():
        return None, None, 0
    line = text[start:newline].rstrip()
    if len(line) > _MAX_CAPTION_CHARS:
        return None, None, 0
    match = _CREDIT_AT_END.search(line)
    if not match:
        return None, None, 0
    before = line[:match.start()].rstrip()
    if len(before) < 3 or not _is_credit(match.group(1), before):
        return None, None, 0
    caption = (start, start + len(before))
    credit = (start + match.start(), start + match.start() + len(match.group(0).rstrip()))
    return caption, credit, newline + 1


# --------------------------------------------------------------------------- HTML

# Fewer words than this is navigation or boilerplate that trafilatura fell back to.
_MIN_HTML_WORDS = 5
# <meta charset="..."> or http-equiv content="...; charset=..." in the first bytes.
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    # As browsers do (WHATWG Encoding Standard): pages labelled Latin-1 or ASCII are cp1252.
    return "cp1252" if name in ("iso8859-1", "ascii") else name


def _html_language(tree: Any) -> str | None:
    """The ``lang`` attribute of the page's ``<html>`` element."""
    root = tree.getroottree().getroot()
    return _normalise_language(root.get("lang") or root.get("xml:lang"))


def extract_html(html: str, *, url: str | None = None, path: str = "<html>") -> dict[str, Any]:
    """Main text and metadata of an HTML page, with trafilatura.

    The headline, when trafilatura repeats it as the first line of the main text, is
    dropped from ``text`` (it is in ``title``). Line ends are ``\\n``.

    Tables, comments and navigation are left out (trafilatura's main-text extraction).

    Args:
        html: the page as text (bytes are decoded with :func:`decode_bytes`, honouring
            a ``<meta charset>``).
        url: the page's address, if known; used when the page does not say.
        path: named in the error message.

    Returns:
        A dict with keys ``text``, ``title``, ``date`` (``"YYYY-MM-DD"`` or None),
        ``url``, ``outlet`` (site name), ``language`` (ISO 639-1 from ``<html lang>``
        or None) and ``author``.

    Raises:
        LoadError: the page has no main text.

    Example:
        >>> page = ('<html lang="en"><head><title>Talks end - Harbor Times</title></head>'
        ...         '<body><article><p>Talks between Norland and Ostravia ended in Port '
        ...         'Halden on Friday without a joint statement, officials said.</p>'
        ...         '</article></body></html>')
        >>> extract_html(page)["text"]
        'Talks between Norland and Ostravia ended in Port Halden on Friday without a joint statement, officials said.'
    """
    import trafilatura
    from trafilatura.utils import load_html

    if isinstance(html, (bytes, bytearray)):
        html, _ = decode_bytes(bytes(html), path=path, declared=_declared_charset(bytes(html)))
    if not isinstance(html, str):
        raise TypeError(f"html must be str or bytes, not {type(html).__name__}")
    if not html.strip():
        raise LoadError(path, "HTML without main text (empty page)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = load_html(html)  # parsed once: for <html lang> here and for trafilatura
            language = _html_language(tree) if tree is not None else None
            document = None if tree is None else trafilatura.bare_extraction(
                tree, url=url, with_metadata=True, include_comments=False,
                include_tables=False, deduplicate=False,
            )
    except Exception as exc:  # noqa: BLE001 - trafilatura raises assorted lxml errors
        raise LoadError(path, f"HTML could not be parsed: {exc}") from exc
    text = _normalise_newlines(getattr(document, "text", None) or "") if document is not None else ""
    if not text.strip():
        raise LoadError(path, "HTML without main text (trafilatura found no article body)")
    if len(text.split()) < _MIN_HTML_WORDS:
        raise LoadError(path, f"HTML without main text (only {text.strip()[:60]!r} found)")
    title = (document.title or "").strip() or None
    if title:
        first, _, rest = text.partition("\n")
        if first.strip() == title and rest.strip():
            text = rest
    language = language or _normalise_language(document.language)
    return {
        "text": text,
        "title": title,
        "date": document.date or None,
        "url": document.url or url,
        "outlet": document.sitename or None,
        "language": language,
        "author": document.author or None,
    }


# --------------------------------------------------------------------------- records -> Article

def _clean(value: Any) -> str | None:
    """A metadata value as a stripped string; None for missing/NaN/empty."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT:
        return None
    text = str(value).strip()
    return text or None


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?$")


def _parse_date(value: Any) -> pd.Timestamp | None:
    """A tz-naive Timestamp (local wall-clock time kept, zone dropped) or None."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
    elif isinstance(value, bool) or not isinstance(value, (int, float, datetime.date)):
        return None  # a JSON list/object/boolean is no date
    elif isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return None
        value = str(value)
    if isinstance(value, str) and _ISO_DATE.match(value):
        # the common case, parsed directly: pandas' format guessing costs about a millisecond a value
        try:
            stamp = pd.Timestamp(datetime.datetime.fromisoformat(value.replace("Z", "+00:00")))
            if stamp.tzinfo is not None:
                stamp = stamp.tz_localize(None)
            return stamp.as_unit("ns")
        except (ValueError, TypeError, OverflowError):
            pass  # not quite ISO after all: pandas decides below
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            stamp = pd.Timestamp(pd.to_datetime(value, errors="coerce"))
        if pd.isna(stamp):
            return None
        if stamp.tzinfo is not None:
            stamp = stamp.tz_localize(None)
        return stamp.as_unit("ns")  # the date column is datetime64[ns]: 1677-2262
    except (ValueError, TypeError, OverflowError):  # OutOfBoundsDatetime is a ValueError
        return None


@dataclass(frozen=True)
class _ManifestEntry:
    manifest: str
    line: int
    file: str
    values: Mapping[str, str | None]        # standard fields
    extra: tuple[tuple[str, str | None], ...]


def _make_article(*, text: str, path: str, fmt: str, encoding: str | None, doc_id: str,
                  meta: Mapping[str, Any], entry: _ManifestEntry | None,
                  id_from_manifest: bool) -> Article:
    """Merge file metadata and manifest (file wins; manifest doc_id wins) into an Article."""
    merged: dict[str, Any] = {}
    for name in ("outlet", "wire", "date", "title", "url", "language"):
        value = meta.get(name)
        if name != "date":
            value = _clean(value)
        if (value is None or value is pd.NaT) and entry is not None:
            value = entry.values.get(name)
        merged[name] = value
    if entry is not None and id_from_manifest and entry.values.get("doc_id"):
        doc_id = str(entry.values["doc_id"])
    language = _normalise_language(merged["language"]) or detect_language(text)
    caption, credit, body_start = find_caption(text)
    return Article(
        doc_id=doc_id, outlet=merged["outlet"], wire=merged["wire"],
        date=_parse_date(merged["date"]), title=merged["title"], url=merged["url"],
        language=language, text=text,
        caption_start=caption[0] if caption else -1, caption_end=caption[1] if caption else -1,
        credit_start=credit[0] if credit else -1, credit_end=credit[1] if credit else -1,
        body_start=body_start, path=path, format=fmt, encoding=encoding,
        extra=entry.extra if entry is not None else (),
    )


def _pick(record: Mapping[str, Any], field: str) -> Any:
    for name in FIELD_ALIASES[field]:
        if name in record:
            value = record[name]
            if _clean(value) is not None:
                return value
    return None


def _has_field(keys: Iterable[str], field: str) -> bool:
    keys = set(keys)
    return any(name in keys for name in FIELD_ALIASES[field])


def _record_article(record: Any, *, path: str, fmt: str, encoding: str | None,
                    default_id: str, line: int | None, where: str,
                    entry: _ManifestEntry | None, single: bool) -> Article:
    """One JSON/CSV/Parquet record as an Article; LoadError naming ``where`` if unusable."""
    if not isinstance(record, Mapping):
        raise LoadError(path, f"{where}is a JSON {_json_type(record)}, not an object", line=line)
    text = _pick(record, "text")
    if not isinstance(text, str) or not text.strip():
        names = ", ".join(FIELD_ALIASES["text"])
        if text is not None and not isinstance(text, str):
            reason = f"{where}text is a {_json_type(text)}, not a string"
        elif any(n in record for n in FIELD_ALIASES["text"]):
            reason = f"{where}empty text"
        else:
            have = ", ".join(repr(str(k)) for k in record) or "no fields"
            reason = f"{where}no text field ({names}); it has: {have}"
        raise LoadError(path, reason, line=line)
    record_id = _clean(_pick(record, "doc_id"))
    if isinstance(_pick(record, "doc_id"), float) and record_id and record_id.endswith(".0"):
        record_id = record_id[:-2]  # a numeric id read as float (CSV/Parquet with NaN)
    meta = {name: _pick(record, name) for name in ("outlet", "wire", "date", "title", "url", "language")}
    return _make_article(
        text=_normalise_newlines(text), path=path, fmt=fmt, encoding=encoding,
        doc_id=record_id or default_id, meta=meta, entry=entry,
        id_from_manifest=single and record_id is None,
    )


def _json_type(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean",
            type(None): "null", int: "number", float: "number"}.get(type(value), type(value).__name__)


# --------------------------------------------------------------------------- readers

def _read_bytes(path: Path) -> bytes:
    """All bytes of ``path``; OS errors become LoadError with a plain reason."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise LoadError(path, _os_reason(exc)) from exc


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"unreadable: {exc.strerror or exc}"


def _format_of(path: Path) -> str:
    fmt = ARTICLE_EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        known = " ".join(sorted(ARTICLE_EXTENSIONS))
        raise LoadError(path, f"unknown extension {path.suffix or '(none)'!r}; known: {known}")
    return fmt


def _iter_text(path: Path, entry: _ManifestEntry | None) -> Iterator[Article]:
    text, encoding = decode_bytes(_read_bytes(path), path=path)
    yield _make_article(text=text, path=str(path), fmt="text", encoding=encoding,
                        doc_id=path.stem, meta={}, entry=entry, id_from_manifest=True)


def _iter_html(path: Path, entry: _ManifestEntry | None) -> Iterator[Article]:
    data = _read_bytes(path)
    html, encoding = decode_bytes(data, path=path, declared=_declared_charset(data))
    url = entry.values.get("url") if entry is not None else None
    page = extract_html(html, url=url, path=str(path))
    yield _make_article(text=page["text"], path=str(path), fmt="html", encoding=encoding,
                        doc_id=path.stem, meta=page, entry=entry, id_from_manifest=True)


# Keys under which a JSON export wraps its list of stories.
_JSON_WRAPPERS = ("stories", "articles", "results", "data", "items")


def _iter_json(path: Path, entry: _ManifestEntry | None) -> Iterator[Article | LoadFailure]:
    text, encoding = decode_bytes(_read_bytes(path), path=path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(path, f"invalid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno) from exc
    if isinstance(data, dict) and not _has_field(data, "text"):
        wrapped = [k for k in _JSON_WRAPPERS if isinstance(data.get(k), list)]
        if wrapped:
            data = data[wrapped[0]]
    if isinstance(data, dict):
        yield _record_article(data, path=str(path), fmt="json", encoding=encoding,
                              default_id=path.stem, line=None, where="", entry=entry, single=True)
        return
    if not isinstance(data, list):
        raise LoadError(path, f"JSON is a {_json_type(data)}, not an object or a list of objects")
    if not data:
        raise LoadError(path, "empty file (JSON list without articles)")
    for number, record in enumerate(data, start=1):
        try:
            yield _record_article(record, path=str(path), fmt="json", encoding=encoding,
                                  default_id=f"{path.stem}-{number}", line=None,
                                  where=f"item {number}: ", entry=entry, single=False)
        except LoadError as exc:
            yield LoadFailure.from_error(exc)


def _sniff_encoding(path: Path) -> str:
    """Encoding of a streamed file from its first bytes (whole file never read)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
            more = bool(handle.read(1))
    except OSError as exc:
        raise LoadError(path, _os_reason(exc)) from exc
    if more:
        # Do not cut a multi-byte character (or a UTF-16 code unit) in two.
        for cut in range(4):
            try:
                head[:len(head) - cut].decode("utf-8")
                head = head[:len(head) - cut]
                break
            except UnicodeDecodeError:
                continue
        else:
            head = head[:len(head) - len(head) % 4]
    _, encoding = decode_bytes(head, path=path)
    return encoding


@dataclass(frozen=True)
class _Line:
    """One physical line of a streamed file, decoded."""

    number: int
    text: str
    encoding: str
    problem: str | None = None   # why the line could not be decoded (text is then lossy)


def _decoded_lines(path: Path) -> Iterator[_Line]:
    """The lines of a JSONL/CSV file, decoded one at a time in bounded memory.

    The encoding is sniffed from the file's head; a later line that is not valid in it
    (a head of plain ASCII, then Windows-1251) is decoded on its own with
    :func:`decode_bytes`. Line ends are kept (``\r\n`` too: the csv module wants them).
    """
    encoding = _sniff_encoding(path)
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise LoadError(path, _os_reason(exc)) from exc
    with handle:
        number = 0
        if encoding.startswith(("utf-16", "utf-32")):
            # Multi-byte line ends: let the codec split lines (a BOM-ed file decodes strictly).
            stream = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
            for number, text in enumerate(stream, start=1):
                yield _Line(number, text.lstrip("\ufeff") if number == 1 else text, encoding,
                            "undecodable bytes" if "\ufffd" in text else None)
            return
        for number, raw in enumerate(handle, start=1):
            try:
                text = raw.decode(encoding)
                if number == 1:
                    text = text.lstrip("\ufeff")
                yield _Line(number, text, encoding)
                continue
            except UnicodeDecodeError:
                pass
            try:
                text, line_encoding = decode_bytes(raw, path=path)
            except LoadError as exc:
                yield _Line(number, raw.decode(encoding, "replace"), encoding,
                            f"line is not valid {encoding}: {exc.reason}")
                continue
            if raw.endswith(b"\r\n") and text.endswith("\n"):
                text = text[:-1] + "\r\n"  # decode_bytes normalised it; csv wants it as written
            yield _Line(number, text, line_encoding)


def _iter_jsonl(path: Path, entry: _ManifestEntry | None) -> Iterator[Article | LoadFailure]:
    for line in _decoded_lines(path):
        if line.problem:
            yield LoadFailure(str(path), line.number, line.problem)
            continue
        if not line.text.strip():
            continue
        try:
            record = json.loads(line.text)
        except json.JSONDecodeError as exc:
            yield LoadFailure(str(path), line.number, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        try:
            yield _record_article(record, path=str(path), fmt="jsonl", encoding=line.encoding,
                                  default_id=f"{path.stem}-{line.number}", line=line.number,
                                  where="", entry=entry, single=False)
        except LoadError as exc:
            yield LoadFailure.from_error(exc)


def _iter_csv(path: Path, entry: _ManifestEntry | None) -> Iterator[Article | LoadFailure]:
    # News texts can be longer than the csv module's default 128 KiB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    lines = _decoded_lines(path)
    current: list[_Line] = []   # the physical lines of the record being parsed

    def texts() -> Iterator[str]:
        for line in lines:
            current.append(line)
            yield line.text

    reader = csv.reader(texts())
    try:
        header = next(reader)
    except StopIteration:
        raise LoadError(path, "empty file") from None
    except csv.Error as exc:
        raise LoadError(path, f"unreadable CSV header: {exc}", line=1) from exc
    header = [h.strip() for h in header]
    if not _has_field(header, "text"):
        have = ", ".join(repr(h) for h in header) or "no columns"
        names = ", ".join(FIELD_ALIASES["text"])
        raise LoadError(path, f"CSV has no text column ({names}); it has: {have}", line=1)
    number = 0
    while True:
        current.clear()
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            line = current[0].number if current else reader.line_num
            yield LoadFailure(str(path), line, f"unreadable CSV row: {exc}")
            return  # the reader cannot resynchronise after a broken row
        line = current[0].number if current else reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        problems = [f"line {ln.number}: {ln.problem}" for ln in current if ln.problem]
        if problems:
            yield LoadFailure(str(path), line, "; ".join(problems))
            continue
        if len(row) != len(header):
            yield LoadFailure(str(path), line, f"row has {len(row)} fields, header has {len(header)}")
            continue
        encoding = next((ln.encoding for ln in current if ln.encoding != current[0].encoding), None)
        try:
            yield _record_article(dict(zip(header, row)), path=str(path), fmt="csv",
                                  encoding=encoding or current[0].encoding,
                                  default_id=f"{path.stem}-{number}",
                                  line=line, where="", entry=entry, single=False)
        except LoadError as exc:
            yield LoadFailure.from_error(exc)


def _iter_parquet(path: Path, entry: _ManifestEntry | None) -> Iterator[Article | LoadFailure]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except OSError as exc:
        raise LoadError(path, _os_reason(exc)) from exc
    except (pa.ArrowException, ValueError) as exc:
        reason = "empty file" if path.stat().st_size == 0 else f"not a readable Parquet file: {exc}"
        raise LoadError(path, reason) from exc
    names = parquet.schema_arrow.names
    if not _has_field(names, "text"):
        have = ", ".join(repr(n) for n in names) or "no columns"
        raise LoadError(path, f"Parquet file has no text column ({', '.join(FIELD_ALIASES['text'])}); it has: {have}")
    wanted = [n for n in names if any(n in aliases for aliases in FIELD_ALIASES.values())]
    number = 0
    try:
        for batch in parquet.iter_batches(batch_size=_PARQUET_BATCH_ROWS, columns=wanted):
            for record in batch.to_pylist():
                number += 1
                try:
                    yield _record_article(record, path=str(path), fmt="parquet", encoding=None,
                                          default_id=f"{path.stem}-{number}", line=None,
                                          where=f"row {number}: ", entry=entry, single=False)
                except LoadError as exc:
                    yield LoadFailure.from_error(exc)
    except (pa.ArrowException, OSError) as exc:
        yield LoadFailure(str(path), None, f"Parquet read failed after row {number}: {exc}")


_READERS = {
    "text": _iter_text, "html": _iter_html, "json": _iter_json,
    "jsonl": _iter_jsonl, "csv": _iter_csv, "parquet": _iter_parquet,
}


def _iter_file(path: Path, entry: _ManifestEntry | None) -> Iterator[Article | LoadFailure]:
    """Records of one file; raises LoadError when the file as a whole is bad."""
    fmt = _format_of(path)
    if path.is_dir():
        raise LoadError(path, "is a directory")
    yield from _READERS[fmt](path, entry)


def read_file(path: str | os.PathLike[str]) -> list[Article]:
    """Read one file strictly: its articles, or a :class:`LoadError` at the first problem.

    A text or HTML file is one article; a JSON, JSON Lines, CSV or Parquet file is
    many. A ``manifest.csv`` beside the file fills metadata the file lacks.

    Raises:
        LoadError: naming the file (and line) and the problem.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "herald.jsonl"
        >>> _ = p.write_text('{"id": "kh-1", "text": "Ivo Marek spoke in Kovask."}\\n{oops\\n')
        >>> read_file(p)
        Traceback (most recent call last):
        ...
        toolkit.load.LoadError: ...herald.jsonl:2: invalid JSON: Expecting property name enclosed in double quotes (column 2)
    """
    path = Path(path)
    manifests = _ManifestIndex()
    entry = manifests.entry_for(path, roots=[path.parent])
    articles = []
    for record in _iter_file(path, entry):
        if isinstance(record, LoadFailure):
            raise LoadError(record.path, record.error, line=record.line)
        articles.append(record)
    return articles


# --------------------------------------------------------------------------- manifests

class _ManifestIndex:
    """Parsed manifests, keyed by resolved article path; problems kept as failures."""

    def __init__(self, explicit: str | os.PathLike[str] | None = None) -> None:
        self._parsed: dict[Path, dict[Path, _ManifestEntry] | None] = {}
        self._folders: dict[Path, tuple[Path | None, Path]] = {}
        self.failures: list[LoadFailure] = []
        self.explicit: dict[Path, _ManifestEntry] | None = None
        if explicit is not None:
            self.explicit = self._parse(Path(explicit)) or {}
            self.explicit_path = Path(explicit)

    def _parse(self, manifest: Path) -> dict[Path, _ManifestEntry] | None:
        key = manifest.resolve()
        if key in self._parsed:
            return self._parsed[key]
        entries: dict[Path, _ManifestEntry] | None = None
        try:
            entries = self._read(manifest)
        except LoadError as exc:
            self.failures.append(LoadFailure.from_error(exc))
        self._parsed[key] = entries
        return entries

    @staticmethod
    def _read(manifest: Path) -> dict[Path, _ManifestEntry]:
        text, _ = decode_bytes(_read_bytes(manifest), path=manifest)
        reader = csv.reader(io.StringIO(text))
        try:
            header = [h.strip() for h in next(reader)]
        except (StopIteration, csv.Error) as exc:
            raise LoadError(manifest, f"unreadable manifest header: {exc}", line=1) from exc
        if "file" not in header:
            have = ", ".join(repr(h) for h in header)
            raise LoadError(manifest, f"manifest has no 'file' column; it has: {have}", line=1)
        extras = [h for h in header if h not in ("file", *ARTICLE_COLUMNS)]
        entries: dict[Path, _ManifestEntry] = {}
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            values = dict(zip(header, (cell.strip() or None for cell in row)))
            if not values.get("file"):
                continue
            target = (manifest.parent / values["file"]).resolve()
            entries.setdefault(target, _ManifestEntry(
                manifest=str(manifest), line=reader.line_num, file=values["file"],
                values={k: values.get(k) for k in MANIFEST_FIELDS},
                extra=tuple((k, values.get(k)) for k in extras),
            ))
        return entries

    def entry_for(self, path: Path, *, roots: Sequence[Path]) -> _ManifestEntry | None:
        """The manifest row for ``path``: the explicit manifest, else the nearest
        ``manifest.csv`` from the file's folder up to one of ``roots``."""
        resolved = path.resolve()
        if self.explicit is not None:
            return self.explicit.get(resolved)
        stops = {self._folder(r)[1] for r in roots}
        folder = path.parent  # walked unresolved, so failures name the manifest as the user would
        while True:
            manifest, here = self._folder(folder)
            if manifest is not None:
                entries = self._parse(manifest)
                if entries and resolved in entries:
                    return entries[resolved]
            if here in stops or here.parent == here:
                return None
            folder = Path(os.path.normpath(folder / ".."))

    def _folder(self, folder: Path) -> tuple[Path | None, Path]:
        """(the folder's ``manifest.csv`` if it has one, the resolved folder), looked up once
        per folder rather than once per file in it."""
        known = self._folders.get(folder)
        if known is None:
            candidate = folder / "manifest.csv"
            known = self._folders[folder] = (candidate if candidate.is_file() else None, folder.resolve())
        return known

    def missing_files(self, folders: Iterable[Path]) -> Iterator[LoadFailure]:
        """Rows of the explicit manifest, or of ``manifest.csv`` in ``folders``, whose file is missing."""
        if self.explicit is not None:
            tables = [self.explicit]
        else:
            tables = [self._parsed.get(f.resolve() / "manifest.csv") or {} for f in folders]
        for table in tables:
            for target, entry in table.items():
                if not target.exists():
                    expected = Path(entry.manifest).parent / entry.file
                    yield LoadFailure(entry.manifest, entry.line,
                                      f"manifest lists {entry.file!r} but {str(expected)!r} does not exist "
                                      "(paths in 'file' are relative to the manifest's folder)")


# --------------------------------------------------------------------------- sources

@dataclass(frozen=True)
class _Input:
    path: Path
    root: Path | None          # the folder the file was found in, for manifest lookup
    failure: LoadFailure | None = None


def _wanted_in_walk(path: Path) -> bool:
    name = path.name.lower()
    return (path.suffix.lower() in ARTICLE_EXTENSIONS and not name.startswith(".")
            and not any(fnmatch.fnmatchcase(name, pattern) for pattern in SKIPPED_IN_FOLDERS))


def _walk(folder: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found += [Path(dirpath) / f for f in sorted(filenames) if _wanted_in_walk(Path(f))]
    return found


_GLOB_CHARS = re.compile(r"[*?\[]")


def _expand(source: Any) -> list[_Input]:
    """Files to load from a path, folder, glob pattern or list of these, in order."""
    if isinstance(source, (str, os.PathLike)):
        items = [source]
    elif isinstance(source, Iterable):
        items = list(source)
    else:
        raise TypeError(f"source must be a path, a glob pattern or a list of them, not {type(source).__name__}")
    inputs: list[_Input] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            inputs += [_Input(p, path) for p in _walk(path)]
        elif path.exists() or path.is_symlink():
            inputs.append(_Input(path, None))
        elif isinstance(item, str) and _GLOB_CHARS.search(item):
            matches = sorted(glob.glob(item, recursive=True))
            files = []
            for match in map(Path, matches):
                if match.is_dir():
                    files += [_Input(p, match) for p in _walk(match)]
                elif _wanted_in_walk(match):
                    files.append(_Input(match, None))
            if not files:
                files = [_Input(path, None, LoadFailure(str(item), None, "no files match this pattern"))]
            inputs += files
        else:
            inputs.append(_Input(path, None, LoadFailure(str(path), None, "no such file or directory")))
    return inputs


def _iter_inputs(inputs: Iterable[_Input], all_inputs: Sequence[_Input],
                 manifest: str | os.PathLike[str] | None) -> Iterator[Article | LoadFailure]:
    manifests = _ManifestIndex(manifest)
    yield from manifests.failures
    reported = len(manifests.failures)
    for item in inputs:
        if item.failure is not None:
            yield item.failure
            continue
        roots = [item.root] if item.root is not None else [item.path.parent]
        try:
            entry = manifests.entry_for(item.path, roots=roots)
            yield from _iter_file(item.path, entry)
        except LoadError as exc:
            yield LoadFailure.from_error(exc)
        except OSError as exc:
            yield LoadFailure(str(item.path), None, _os_reason(exc))
        if len(manifests.failures) > reported:
            yield from manifests.failures[reported:]
            reported = len(manifests.failures)
    folders = dict.fromkeys(i.root for i in all_inputs if i.root is not None)
    yield from manifests.missing_files(folders)


def iter_articles(source: Any, *, manifest: str | os.PathLike[str] | None = None
                  ) -> Iterator[Article | LoadFailure]:
    """Stream the articles of ``source`` lazily, with a :class:`LoadFailure` per bad input.

    Files are read one at a time and JSON Lines, CSV and Parquet files row by row (or
    batch by batch), so memory stays bounded however large the corpus. A broken line
    yields a failure naming the file and line, and loading goes on. Unlike
    :func:`load_corpus`, doc_ids are not checked for duplicates here.

    Args:
        source: a file, a folder (searched recursively), a glob pattern, or a list of
            these. In folders and globs only article files are taken (``.txt``,
            ``.html``, ``.htm``, ``.json``, ``.jsonl``, ``.ndjson``, ``.csv``,
            ``.parquet``), skipping hidden files and folders and ``SKIPPED_IN_FOLDERS``
            (``manifest*.csv``, ``gold*``, ``fetch_report*.csv``). A file named
            directly is always read.
        manifest: a manifest CSV for all files (paths in its ``file`` column are
            relative to it); by default the nearest ``manifest.csv`` beside each file
            (up to the folder given as source) is used.

    Yields:
        :class:`Article` and :class:`LoadFailure` records, in file order.

    Doc ids: a text/HTML file's stem, or its manifest ``doc_id``; in a multi-article
    file the record's ``doc_id``/``id``/``stories_id`` field, else
    ``<stem>-<n>`` where n is the line number in a JSON Lines file (so a broken line
    does not shift later ids) and the 1-based record number in a JSON list, CSV or
    Parquet file. A one-object JSON file counts as one article (stem, or its id
    field). A manifest row for a multi-article file fills metadata for every article
    in it; its ``doc_id`` is then ignored.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "wire.jsonl"
        >>> _ = p.write_text('{"text": "Lena Aurich welcomed both delegations."}\\n{broken\\n')
        >>> [type(r).__name__ for r in iter_articles(p)]
        ['Article', 'LoadFailure']
    """
    inputs = _expand(source)
    return _iter_inputs(inputs, inputs, manifest)


# --------------------------------------------------------------------------- frames

# Dtypes of the articles table, so that even an empty frame has them.
_INT_COLUMNS = ("caption_start", "caption_end", "credit_start", "credit_end", "body_start")
_ARTICLE_DTYPES: Mapping[str, str] = {
    column: ("int64" if column in _INT_COLUMNS else "datetime64[ns]" if column == "date" else "str")
    for column in ARTICLE_COLUMNS
}
_STANDARD_FIELDS = tuple(f.name for f in fields(Article) if f.name != "extra")


def articles_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """Build the articles table from records: ``ARTICLE_COLUMNS`` then extra manifest columns.

    Dtypes are stable, even for no articles: offsets ``int64``, ``date``
    ``datetime64[ns]`` (NaT when unknown), the rest strings.

    Example:
        >>> articles_frame([]).dtypes[["doc_id", "date", "body_start"]].astype(str).tolist()
        ['str', 'datetime64[ns]', 'int64']
    """
    columns: dict[str, list[Any]] = {name: [] for name in _STANDARD_FIELDS}
    extras: dict[str, list[Any]] = {}
    count = 0
    for article in articles:
        for name in _STANDARD_FIELDS:
            columns[name].append(getattr(article, name))
        for name, value in article.extra:
            extras.setdefault(name, [None] * count).append(value)
        count += 1
        for values in extras.values():
            if len(values) < count:
                values.append(None)
    frame = pd.DataFrame({name: pd.Series(columns[name], dtype=_ARTICLE_DTYPES[name])
                          for name in ARTICLE_COLUMNS})
    for name, values in extras.items():
        frame[name] = pd.Series(values, dtype="str")
    return frame


def _failures_frame(failures: Iterable[LoadFailure]) -> pd.DataFrame:
    records = list(failures)
    return pd.DataFrame({
        "path": pd.Series([f.path for f in records], dtype="str"),
        "line": pd.Series([f.line for f in records], dtype="Int64"),
        "error": pd.Series([f.error for f in records], dtype="str"),
    }, columns=list(FAILURE_COLUMNS))


def _failure_kind(error: str) -> str:
    """The reason without its particulars, to count failures by kind in the summary."""
    error = re.sub(r"^(?:item|row) \d+: ", "", error)
    error = re.sub(r"'[^']*'", "'…'", error)
    error = re.sub(r"\d+", "N", error)
    return error.split(" (")[0].split(": ")[0]


def load_corpus(source: Any, *, manifest: str | os.PathLike[str] | None = None,
                progress: bool | None = None) -> Corpus:
    """Load every article of ``source`` into a :class:`Corpus`; never raises for bad input.

    Good articles go to ``Corpus.articles`` (columns ``ARTICLE_COLUMNS`` then extra
    manifest columns), every failure to ``Corpus.failures`` (``path``, ``line``,
    ``error``): empty, binary, unreadable or missing files, broken lines, files without
    text, manifest rows whose file is missing, and articles whose ``doc_id`` repeats an
    earlier one (the first is kept). One warning summarises the failures.

    Args:
        source: a file, a folder, a glob pattern or a list of these (see
            :func:`iter_articles` for what a folder includes).
        manifest: a manifest CSV for all files; default: ``manifest.csv`` beside them.
        progress: show a progress bar over files; ``None`` shows one above
            ``PROGRESS_THRESHOLD`` files.

    Returns:
        A :class:`Corpus` (always; check ``failures``).
    """
    inputs = _expand(source)
    show = len(inputs) > PROGRESS_THRESHOLD if progress is None else progress
    iterable: Iterable[_Input] = inputs
    if show:
        from tqdm.auto import tqdm

        iterable = tqdm(inputs, desc="loading", unit="file")
    articles: list[Article] = []
    failures: list[LoadFailure] = []
    first_seen: dict[str, str] = {}
    for record in _iter_inputs(iterable, inputs, manifest):
        if isinstance(record, LoadFailure):
            failures.append(record)
        elif record.doc_id in first_seen:
            failures.append(LoadFailure(record.path, None,
                                        f"duplicate doc_id {record.doc_id!r} (first loaded from {first_seen[record.doc_id]})"))
        else:
            first_seen[record.doc_id] = record.path
            articles.append(record)
    if failures:
        reasons = collections.Counter(_failure_kind(f.error) for f in failures)
        summary = "; ".join(f"{n} x {reason}" for reason, n in reasons.most_common(5))
        logger.warning("load: %d failure(s) while loading %d article(s): %s; see Corpus.failures",
                       len(failures), len(articles), summary)
    return Corpus(articles=articles_frame(articles), failures=_failures_frame(failures))
