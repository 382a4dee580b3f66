"""Score extracted quotes against gold annotations, following ``ANNOTATION.md``.

The module reads gold quotes from three kinds of source and scores predictions
against them with the project's rules:

- :func:`read_gold_jsonl`: the project's own gold files (one quote a JSON line);
- :func:`read_brat`: any BRAT standoff ``.ann`` file whose entity types name quote
  contents, sources and cues (:class:`BratTypes` says which names mean what);
- :func:`read_polnear`: a split of the PolNeAR corpus (BRAT, first annotator's file,
  speech-cue flag per attribution, see :func:`is_speech_cue`).

:func:`score` pairs predictions with gold quotes per document (greedy, one to one,
largest character overlap first, a pair needing at least half of each span) and
returns an :class:`Evaluation`: quote precision/recall/F1, attribution accuracy,
end-to-end precision/recall/F1 and boundary agreement, overall and per kind, plus
tables of misses, false quotes and wrong speakers with their context.

>>> gold = pd.DataFrame({"doc_id": ["d"], "kind": ["direct"], "start": [1], "end": [9],
...                      "quote": ["We agree"], "speaker": ["Lena Aurich"]})
>>> predicted = gold.assign(speaker="Aurich")
>>> ev = score(gold, predicted)
>>> float(ev.overall["end_to_end_f1"])
1.0
"""
from __future__ import annotations

import json
import re
import string
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from toolkit.schema import require_columns

__all__ = [
    "GOLD_COLUMNS", "KINDS", "METRIC_COLUMNS", "BratTypes", "BRAT_TYPES", "Evaluation",
    "GoldFormatError", "SpeechCues", "read_gold_jsonl", "read_brat", "read_brat_dir",
    "read_polnear", "read_speech_cues", "is_speech_cue", "kind_of_span", "read_predictions",
    "read_texts", "pair_spans", "span_tokens", "normalise_name", "speaker_is_right",
    "score", "evaluate_texts",
]

#: The quote kinds of ANNOTATION.md, in report order.
KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")

#: Columns of every gold frame this module returns. ``speech`` is True/False when the
#: corpus says whether the cue is a speech cue (PolNeAR), missing otherwise; only
#: gold quotes whose ``speech`` is not False count in recall.
GOLD_COLUMNS: tuple[str, ...] = (
    "doc_id", "kind", "quote", "start", "end", "speaker", "speaker_start", "speaker_end",
    "cue", "cue_start", "cue_end", "addressee", "via", "speech",
)

#: Columns of :attr:`Evaluation.metrics`, one row per scope (overall, then each kind).
METRIC_COLUMNS: tuple[str, ...] = (
    "scope", "quote_precision", "quote_recall", "quote_f1", "attribution_accuracy",
    "end_to_end_precision", "end_to_end_recall", "end_to_end_f1", "boundary_agreement",
    "gold", "predicted", "gold_found", "predicted_paired", "pairs", "pairs_right_speaker",
    "gold_found_right_speaker", "predicted_paired_right_speaker",
)

# Keys a gold JSON line may carry; "doc" is the file format's name for doc_id.
_GOLD_REQUIRED = ("kind", "start", "end", "quote", "speaker")
_GOLD_OPTIONAL = ("speaker_start", "speaker_end", "cue", "cue_start", "cue_end",
                  "addressee", "via", "speech", "speaker_type", "speaker_mention",
                  "rule", "resolution", "note")


class GoldFormatError(ValueError):
    """A gold, BRAT or predictions file does not follow its format; names file and line."""


def _fail(path: object, line: int | None, message: str) -> GoldFormatError:
    where = f"{path}:{line}" if line is not None else f"{path}"
    return GoldFormatError(f"{where}: {message}")


# --------------------------------------------------------------------------- texts

def _read_text(path: Path) -> str:
    """Read an article as ANNOTATION.md counts offsets: UTF-8, BOM dropped, newlines as ``\\n``."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    return text[1:] if text.startswith("\ufeff") else text


def read_texts(source: str | Path) -> dict[str, str]:
    """Read article texts keyed by doc_id (the file stem).

    Uses ``toolkit.load.load_corpus`` when that module exists (so any input it
    accepts works); otherwise reads ``.txt`` files: ``source`` is one file or a
    folder (searched recursively).

    Args:
        source: A ``.txt`` file, a folder of them, or anything ``load_corpus`` takes.

    Returns:
        ``{doc_id: text}``.

    Raises:
        FileNotFoundError: ``source`` does not exist or holds no texts.
    """
    source = Path(source)
    if not source.exists():
        raise FileNotFoundError(f"texts: {source} does not exist")
    try:
        from toolkit.load import load_corpus  # written by a colleague; optional until then
    except ImportError:
        load_corpus = None
    if load_corpus is not None:
        articles = load_corpus(source).articles
        require_columns(articles, ("doc_id", "text"), what="articles")
        return dict(zip(articles["doc_id"].astype(str), articles["text"].astype(str)))
    files = [source] if source.is_file() else sorted(source.rglob("*.txt"))
    if not files:
        raise FileNotFoundError(f"texts: no .txt files in {source}")
    return {path.stem: _read_text(path) for path in files}


# --------------------------------------------------------------------------- gold JSONL

def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _gold_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(GOLD_COLUMNS))
    for column in ("start", "end"):
        frame[column] = frame[column].astype("int64")
    for column in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
        frame[column] = frame[column].astype("Int64")
    frame["speech"] = frame["speech"].astype("boolean")
    for column in ("doc_id", "kind", "quote", "speaker", "cue", "addressee", "via"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)


def read_gold_jsonl(path: str | Path, *, texts: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Read a gold file in the JSON Lines format of ANNOTATION.md.

    Each line is validated: required keys ``doc`` (or ``doc_id``), ``kind``
    (direct/indirect/mixed), ``start`` < ``end`` (integers), ``quote`` (string) and
    ``speaker`` (string or null); optional keys are listed in ``_GOLD_OPTIONAL``;
    unknown keys are an error (a typo would otherwise lose data silently). When the
    document's text is in ``texts``, ``quote`` must equal ``text[start:end]``.

    Args:
        path: The ``.jsonl`` file.
        texts: Optional ``{doc_id: text}`` to check offsets against.

    Returns:
        A frame with :data:`GOLD_COLUMNS`, sorted by doc_id and offsets.

    Raises:
        GoldFormatError: naming the file and line of the first bad line.

    >>> import tempfile, os
    >>> line = '{"doc": "d", "kind": "indirect", "start": 0, "end": 2, "quote": "Hi", "speaker": null}'
    >>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    ...     _ = f.write(line + "\\n")
    >>> read_gold_jsonl(f.name, texts={"d": "Hi there"})[["doc_id", "start", "end", "quote"]]
      doc_id  start  end quote
    0      d      0    2    Hi
    >>> os.remove(f.name)
    """
    path = Path(path)
    allowed = {"doc", "doc_id", *_GOLD_REQUIRED, *_GOLD_OPTIONAL}
    rows = [_validate_gold_record(record, path, number, allowed, texts)
            for number, record in _json_lines(path, what="a gold line")]
    return _gold_frame(rows)


def _json_lines(path: Path, *, what: str):
    """``(line number, object)`` for each non-blank line of a JSON Lines file; errors name the line."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise _fail(path, number, f"not valid JSON: {exc}") from exc
            if not isinstance(record, dict):
                raise _fail(path, number, f"{what} must be a JSON object")
            yield number, record


def _validate_gold_record(record: dict, path: Path, number: int, allowed: set,
                          texts: Mapping[str, str] | None) -> dict:
    unknown = sorted(set(record) - allowed)
    if unknown:
        raise _fail(path, number, f"unknown key(s) {unknown}; valid keys: {sorted(allowed)}")
    doc = record.get("doc", record.get("doc_id"))
    if not isinstance(doc, str) or not doc:
        raise _fail(path, number, "missing 'doc' (the article's doc_id, a non-empty string)")
    missing = [key for key in _GOLD_REQUIRED if key not in record]
    if missing:
        raise _fail(path, number, f"missing key(s) {missing}")
    if record["kind"] not in KINDS:
        raise _fail(path, number, f"kind {record['kind']!r} is not one of {list(KINDS)}")
    start, end = record["start"], record["end"]
    if not (_is_int(start) and _is_int(end) and 0 <= start < end):
        raise _fail(path, number, f"start/end must be integers with 0 <= start < end, got {start!r}, {end!r}")
    if not isinstance(record["quote"], str):
        raise _fail(path, number, "quote must be a string")
    for key in ("speaker", "cue", "addressee", "via"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise _fail(path, number, f"{key} must be a string or null")
    for a, b in (("speaker_start", "speaker_end"), ("cue_start", "cue_end")):
        s, e = record.get(a), record.get(b)
        if (s is None) != (e is None):
            raise _fail(path, number, f"{a} and {b} must both be given or both be null")
        if s is not None and not (_is_int(s) and _is_int(e) and 0 <= s < e):
            raise _fail(path, number, f"{a}/{b} must be integers with 0 <= start < end")
    if record.get("speech") is not None and not isinstance(record["speech"], bool):
        raise _fail(path, number, "speech must be true, false or null")
    if texts is not None and doc in texts:
        text = texts[doc]
        if end > len(text):
            raise _fail(path, number, f"end {end} is past the end of {doc!r} ({len(text)} characters)")
        if text[start:end] != record["quote"]:
            raise _fail(path, number, f"quote does not equal text[{start}:{end}] of {doc!r}: "
                                      f"{text[start:end][:60]!r} != {record['quote'][:60]!r}")
        for a, b in (("speaker_start", "speaker_end"), ("cue_start", "cue_end")):
            if record.get(b) is not None and record[b] > len(text):
                raise _fail(path, number, f"{b} {record[b]} is past the end of {doc!r}")
    row = {column: record.get(column) for column in GOLD_COLUMNS}
    row["doc_id"] = doc
    return row


# --------------------------------------------------------------------------- BRAT

@dataclass(frozen=True)
class BratTypes:
    """Which BRAT entity types are quote contents, sources and cues.

    Matching ignores case. An event argument whose entity type is none of these is
    classified by its role name with trailing digits removed (``Content2`` ->
    ``Content``), so both typed entities and typed roles work.
    """

    content: frozenset[str] = frozenset({"content", "quote", "quotation", "speech"})
    source: frozenset[str] = frozenset({"source", "speaker"})
    cue: frozenset[str] = frozenset({"cue"})

    def classify(self, name: str) -> str | None:
        """Return ``"content"``, ``"source"``, ``"cue"`` or None for a type or role name.

        >>> BRAT_TYPES.classify("Content2"), BRAT_TYPES.classify("Speaker"), BRAT_TYPES.classify("Discard")
        ('content', 'source', None)
        """
        key = re.sub(r"\d+$", "", name).lower()
        for role in ("content", "source", "cue"):
            if key in getattr(self, role):
                return role
        return None


#: The default mapping: Content/Quote/Quotation/Speech, Source/Speaker, Cue.
BRAT_TYPES = BratTypes()


@dataclass(frozen=True)
class _Entity:
    id: str
    type: str
    spans: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


_BRAT_ID = re.compile(r"^([TERAMN#*])(\d*)\t")  # an annotation line; others continue a note


def _parse_brat(ann_path: Path, text: str | None):
    entities: dict[str, _Entity] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []   # (trigger id, [(role, arg id)])
    relations: list[tuple[str, str]] = []
    with open(ann_path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n").rstrip("\r")
            match = _BRAT_ID.match(line)
            if not match:
                continue  # blank line or the continuation of a multi-line note
            kind = match.group(1)
            fields = line.split("\t")
            if kind == "T":
                if len(fields) < 2:
                    raise _fail(ann_path, number, "entity line needs ID, 'Type start end' and text")
                head = fields[1].split(" ", 1)
                if len(head) != 2:
                    raise _fail(ann_path, number, f"entity {fields[0]} has no offsets")
                try:
                    spans = tuple(tuple(int(x) for x in piece.split()) for piece in head[1].split(";"))
                except ValueError as exc:
                    raise _fail(ann_path, number, f"bad offsets {head[1]!r}") from exc
                if any(len(s) != 2 or not 0 <= s[0] <= s[1] for s in spans):
                    raise _fail(ann_path, number, f"bad offsets {head[1]!r}: want 'start end[;start end...]'")
                spans = tuple(sorted(spans))
                if text is not None and spans[-1][1] > len(text):
                    raise _fail(ann_path, number, f"offset {spans[-1][1]} is past the end of the text "
                                                  f"({len(text)} characters)")
                ent_text = fields[2] if len(fields) > 2 else ""
                entities[fields[0]] = _Entity(fields[0], head[0], spans, ent_text)
            elif kind == "E":
                parts = fields[1].split() if len(fields) > 1 else []
                args = []
                for part in parts:
                    role, _, arg = part.partition(":")
                    if not arg:
                        raise _fail(ann_path, number, f"event argument {part!r} is not Role:ID")
                    args.append((role, arg))
                if not args:
                    raise _fail(ann_path, number, "event line has no trigger")
                events.append((args[0][1], args[1:], number))
            elif kind == "R":
                parts = fields[1].split() if len(fields) > 1 else []
                ids = [p.partition(":")[2] for p in parts[1:]]
                if len(ids) != 2 or not all(ids):
                    raise _fail(ann_path, number, "relation line needs 'Type Arg1:ID Arg2:ID'")
                relations.append((ids[0], ids[1], number))
            # A, M (attributes), N (normalisations), # (notes), * (equivalences): ignored
    return entities, events, relations


def read_brat(ann_path: str | Path, text: str, *, doc_id: str | None = None,
              types: BratTypes = BRAT_TYPES, speech_cues: SpeechCues | None = None) -> pd.DataFrame:
    """Turn a BRAT standoff ``.ann`` file into gold quotes.

    One gold quote per content entity and attribution: each content argument of an
    event (``E`` line) is a quote whose source and cue are the event's source and cue
    arguments; a content entity linked by relations (``R`` lines) takes the sources
    and cues it is linked to, directly or through its cue; a content entity in no
    event or relation is a quote without source. A discontinuous span (``s e;s e``)
    runs from its first start to its last end. Several sources are joined with
    `` and `` (their span runs from the first start to the last end). Attributes and
    notes are ignored. ``kind`` comes from the content's quotation marks
    (:func:`kind_of_span`).

    Args:
        ann_path: The ``.ann`` file.
        text: The article text its offsets index.
        doc_id: The document's id (default: the file's stem).
        types: Which entity types are contents, sources and cues.
        speech_cues: When given, ``speech`` says whether the cue is a speech cue
            (a quote without cue is not speech); otherwise ``speech`` is missing.

    Returns:
        A frame with :data:`GOLD_COLUMNS`.

    Raises:
        GoldFormatError: a malformed line, an unknown ID, offsets past the text.

    >>> import tempfile, os
    >>> ann = "T1\\tSource 0 4\\tLena\\nT2\\tCue 5 9\\tsaid\\nT3\\tContent 10 14\\tyes.\\nR1\\tSays Arg1:T3 Arg2:T2\\nR2\\tBy Arg1:T2 Arg2:T1\\n"
    >>> with tempfile.NamedTemporaryFile("w", suffix=".ann", delete=False) as f:
    ...     _ = f.write(ann)
    >>> read_brat(f.name, "Lena said yes.", doc_id="d")[["doc_id", "kind", "quote", "speaker", "cue"]]
      doc_id      kind quote speaker   cue
    0      d  indirect  yes.    Lena  said
    >>> os.remove(f.name)
    """
    ann_path = Path(ann_path)
    doc_id = doc_id if doc_id is not None else ann_path.stem
    entities, events, relations = _parse_brat(ann_path, text)

    def entity(ident: str, number: int) -> _Entity:
        try:
            return entities[ident]
        except KeyError:
            raise _fail(ann_path, number, f"refers to {ident!r}, which no entity line defines") from None

    def role_of(ent: _Entity, role_name: str | None = None) -> str | None:
        return types.classify(ent.type) or (types.classify(role_name) if role_name else None)

    rows: list[dict] = []
    covered: set[str] = set()
    for trigger, args, number in events:
        parts: dict[str, list[_Entity]] = defaultdict(list)
        trig = entities.get(trigger)
        if trig is not None and role_of(trig) in ("source", "cue"):
            parts[role_of(trig)].append(trig)
        for role, ident in args:
            ent = entity(ident, number)
            kind = role_of(ent, role)
            if kind:
                parts[kind].append(ent)
        for content in parts["content"]:
            covered.add(content.id)
            rows.append(_brat_row(doc_id, text, content, parts["source"], parts["cue"], speech_cues))

    links: dict[str, set[str]] = defaultdict(set)
    for a, b, number in relations:
        entity(a, number), entity(b, number)
        links[a].add(b)
        links[b].add(a)
    for ident, ent in entities.items():
        if role_of(ent) != "content" or ident in covered:
            continue
        cues = [entities[i] for i in sorted(links[ident]) if role_of(entities[i]) == "cue"]
        sources = {i for i in links[ident] if role_of(entities[i]) == "source"}
        for cue in cues:
            sources |= {i for i in links[cue.id] if role_of(entities[i]) == "source"}
        source_list = sorted((entities[i] for i in sources), key=lambda e: e.spans)
        rows.append(_brat_row(doc_id, text, ent, source_list, sorted(cues, key=lambda e: e.spans),
                              speech_cues))
    return _gold_frame(rows)


def _brat_row(doc_id: str, text: str, content: _Entity, sources: list[_Entity],
              cues: list[_Entity], speech_cues: SpeechCues | None) -> dict:
    start, end = content.start, content.end
    sources = sorted(sources, key=lambda e: e.spans)
    cues = sorted(cues, key=lambda e: e.spans)
    cue = " ".join(" ".join(text[s:e] for s, e in c.spans) for c in cues) or None
    speaker = " and ".join(" ".join(text[s:e] for s, e in src.spans) for src in sources) or None
    return {
        "doc_id": doc_id, "kind": kind_of_span(text[start:end]), "quote": text[start:end],
        "start": start, "end": end, "speaker": speaker,
        "speaker_start": min(s.start for s in sources) if sources else None,
        "speaker_end": max(s.end for s in sources) if sources else None,
        "cue": cue,
        "cue_start": min(c.start for c in cues) if cues else None,
        "cue_end": max(c.end for c in cues) if cues else None,
        "addressee": None, "via": None,
        "speech": None if speech_cues is None else (cue is not None and is_speech_cue(cue, speech_cues)),
    }


def read_brat_dir(directory: str | Path, *, types: BratTypes = BRAT_TYPES,
                  speech_cues: SpeechCues | None = None) -> tuple[dict[str, str], pd.DataFrame]:
    """Read a folder of BRAT ``name.ann`` files, each beside its ``name.txt``.

    Returns:
        ``(texts, gold)``: ``{doc_id: text}`` and the gold frame (doc_id = file stem).

    Raises:
        FileNotFoundError: no ``.ann`` files, or an ``.ann`` without its ``.txt``.
    """
    directory = Path(directory)
    anns = sorted(directory.rglob("*.ann"))
    if not anns:
        raise FileNotFoundError(f"no .ann files in {directory}")
    texts, frames = {}, []
    for ann in anns:
        txt = ann.with_suffix(".txt")
        if not txt.exists():
            raise FileNotFoundError(f"{ann} has no text file beside it ({txt.name})")
        texts[ann.stem] = _read_text(txt)
        frames.append(read_brat(ann, texts[ann.stem], doc_id=ann.stem, types=types, speech_cues=speech_cues))
    return texts, _concat(frames, GOLD_COLUMNS)


def _concat(frames: list[pd.DataFrame], columns: Iterable[str]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return _gold_frame([]) if tuple(columns) == GOLD_COLUMNS else pd.DataFrame(columns=list(columns))
    return pd.concat(frames, ignore_index=True)


# --------------------------------------------------------------------------- speech cues

@dataclass(frozen=True)
class SpeechCues:
    """The speech-cue list: single words and multi-word phrases (normalised)."""

    words: frozenset[str]
    phrases: tuple[str, ...]


def _cue_words(cue: str) -> list[str]:
    """Lowercase, split on whitespace, remove punctuation characters from each word."""
    words = []
    for raw in cue.lower().split():
        word = "".join(ch for ch in raw if not unicodedata.category(ch).startswith("P"))
        if word:
            words.append(word)
    return words


def read_speech_cues(path: str | Path) -> SpeechCues:
    """Read a speech-cue list: one word or phrase a line, ``#`` comments and blanks ignored."""
    words, phrases = set(), []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            entry = line.split("#", 1)[0].strip()
            if not entry:
                continue
            norm = _cue_words(entry)
            if len(norm) == 1:
                words.add(norm[0])
            elif norm:
                phrases.append(" ".join(norm))
    return SpeechCues(frozenset(words), tuple(phrases))


def is_speech_cue(cue: str | None, cues: SpeechCues) -> bool:
    """Whether a cue is speech: one of its words is in the list, or it contains a listed phrase.

    Words are lowercased with punctuation characters removed; a phrase matches whole
    words (``called for`` is in ``he called for calm`` but not in ``recalled forty``).

    >>> cues = SpeechCues(frozenset({"said", "according"}), ("call for",))
    >>> is_speech_cue("Said,", cues), is_speech_cue("will call for", cues), is_speech_cue("believes", cues)
    (True, True, False)
    """
    if not cue:
        return False
    words = _cue_words(cue)
    if any(word in cues.words for word in words):
        return True
    joined = f" {' '.join(words)} "
    return any(f" {phrase} " in joined for phrase in cues.phrases)


# --------------------------------------------------------------------------- PolNeAR

def _default_speech_cues_path(split_dir: Path) -> Path:
    for candidate in (split_dir.parent.parent / "speech_cues.txt", split_dir.parent / "speech_cues.txt"):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"no speech_cues.txt beside the PolNeAR corpus of {split_dir}; pass speech_cues=PATH")


def read_polnear(split_dir: str | Path, *, speech_cues: str | Path | None = None,
                 types: BratTypes = BRAT_TYPES) -> tuple[dict[str, str], pd.DataFrame]:
    """Read a PolNeAR split (``text/<doc>.txt`` and ``attributions/<doc>_<annotator>.ann``).

    Only the alphabetically first ``.ann`` of each article is read. Every attribution
    with a content becomes a gold quote (a ``Content2`` piece is a quote of its own,
    as a quote split by its attribution is two quotes); ``speech`` says whether its
    cue is a speech cue, which decides whether it counts in recall.

    Args:
        split_dir: e.g. ``/work/shared/polnear/dev``.
        speech_cues: The cue list (default: ``speech_cues.txt`` beside the corpus
            folder, i.e. ``<split>/../../speech_cues.txt``, else ``<split>/../``).
        types: The BRAT type mapping.

    Returns:
        ``(texts, gold)``: ``{doc_id: text}`` for every article with an ``.ann``
        file, and the gold frame (:data:`GOLD_COLUMNS`).

    Raises:
        FileNotFoundError: the split has no ``text``/``attributions`` folders, or an
            ``.ann`` file has no text.
    """
    split_dir = Path(split_dir)
    text_dir, ann_dir = split_dir / "text", split_dir / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(f"{split_dir} is not a PolNeAR split (needs text/ and attributions/)")
    cues = read_speech_cues(speech_cues if speech_cues is not None else _default_speech_cues_path(split_dir))
    first: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        doc, sep, _annotator = ann.stem.rpartition("_")
        if not sep:
            raise GoldFormatError(f"{ann}: name is not <article>_<annotator>.ann")
        first.setdefault(doc, ann)  # sorted: the first one seen is the alphabetically first
    texts, frames = {}, []
    for doc, ann in sorted(first.items()):
        txt = text_dir / f"{doc}.txt"
        if not txt.exists():
            raise FileNotFoundError(f"{ann} has no article text {txt}")
        texts[doc] = _read_text(txt)
        frames.append(read_brat(ann, texts[doc], doc_id=doc, types=types, speech_cues=cues))
    return texts, _concat(frames, GOLD_COLUMNS)


# --------------------------------------------------------------------------- kinds

# Double quotation marks (straight, curly, low-9, guillemets). Single marks are left
# out: ’ is far more often an apostrophe than a closing quotation mark.
_OPENING = "\"“„«‹"
_CLOSING = "\"”»›“"
_MARKS = set(_OPENING) | set(_CLOSING)
_EDGE_PUNCT = " \t\n.,;:!?—–-"


def kind_of_span(span: str) -> str:
    """Give a content span's kind from its quotation marks (for corpora without kinds).

    direct: after trimming spaces and edge punctuation, the span opens and closes
    with a mark and holds no other mark; mixed: it holds a mark otherwise;
    indirect: no double quotation mark at all.

    >>> kind_of_span('"We agree,"'), kind_of_span('they saw "progress" there'), kind_of_span("it rained")
    ('direct', 'mixed', 'indirect')
    """
    if not any(ch in _MARKS for ch in span):
        return "indirect"
    core = span.strip(_EDGE_PUNCT)
    if len(core) >= 2 and core[0] in _OPENING and core[-1] in _CLOSING:
        if not any(ch in _MARKS for ch in core[1:-1]):
            return "direct"
    return "mixed"


# --------------------------------------------------------------------------- predictions

def read_predictions(path: str | Path) -> pd.DataFrame:
    """Read saved predictions: JSON Lines from ``python -m toolkit quotes --format jsonl``
    (document key ``doc`` or ``doc_id``), CSV or Parquet with ``doc_id``.

    Returns:
        The quotes frame with ``doc_id`` (string), integer ``start``/``end``.

    Raises:
        GoldFormatError: unreadable file, bad line, or missing columns.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        rows = []
        for number, record in _json_lines(path, what="a predictions line"):
            if "doc_id" not in record and "doc" in record:
                record["doc_id"] = record.pop("doc")
            for key in ("doc_id", "start", "end"):
                if key not in record:
                    raise _fail(path, number, f"missing key {key!r}")
            rows.append(record)
        frame = pd.DataFrame(rows)
    elif suffix == ".csv":
        frame = pd.read_csv(path, keep_default_na=True)
    elif suffix == ".parquet":
        frame = pd.read_parquet(path)
    else:
        raise GoldFormatError(f"{path}: predictions must be .jsonl, .csv or .parquet")
    if "doc_id" not in frame.columns and "doc" in frame.columns:
        frame = frame.rename(columns={"doc": "doc_id"})
    if frame.empty and "doc_id" not in frame.columns:
        frame = pd.DataFrame(columns=["doc_id", "kind", "start", "end", "speaker"])
    try:
        require_columns(frame, ("doc_id", "kind", "start", "end", "speaker"), what=f"predictions ({path})")
    except KeyError as exc:
        raise GoldFormatError(str(exc)) from exc
    frame["doc_id"] = frame["doc_id"].astype(str)
    for column in ("start", "end"):
        frame[column] = frame[column].astype("int64")
    for column in ("speaker_start", "speaker_end"):
        if column in frame.columns:
            frame[column] = frame[column].astype("Int64")
    return frame


# --------------------------------------------------------------------------- pairing

def pair_spans(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Pair gold and predicted spans of one document, one to one (ANNOTATION.md).

    Greedy, largest character overlap first; ties go to the earlier gold, then the
    earlier prediction ("earlier" = position in the given lists, which
    :func:`score` orders by start, then end). A pair is allowed only when the overlap
    covers at least half of the gold span and at least half of the predicted span.

    Args:
        gold: ``(start, end)`` of each gold quote.
        predicted: ``(start, end)`` of each prediction.

    Returns:
        ``(gold index, predicted index, overlap)`` for each pair, in pairing order.

    >>> pair_spans([(0, 10), (20, 30)], [(0, 8), (18, 30), (40, 50)])
    [(1, 1, 10), (0, 0, 8)]
    >>> pair_spans([(0, 10)], [(0, 4)])   # 4 < half of 10
    []
    """
    candidates = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(predicted):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0 and 2 * overlap >= ge - gs and 2 * overlap >= pe - ps:
                candidates.append((-overlap, gi, pi))
    candidates.sort()
    used_gold, used_pred, pairs = set(), set(), []
    for neg, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi, -neg))
    return pairs


_WORD = re.compile(r"\w+")  # a token: a maximal run of Unicode word characters


def span_tokens(text: str, start: int) -> frozenset[tuple[int, int]]:
    """Tokens of a span for boundary agreement: ``\\w+`` matches of the span's text,
    keyed by their absolute offsets (``start`` + offset in the span).

    A span that cuts a word keeps only the part inside it, a token with other offsets
    than the whole word, so a cut word counts as a disagreement.

    >>> sorted(span_tokens("we agree", 10))
    [(10, 12), (13, 18)]
    """
    return frozenset((start + m.start(), start + m.end()) for m in _WORD.finditer(text))


def _jaccard(a: frozenset, b: frozenset, same_span: bool) -> float:
    if not a and not b:
        return 1.0 if same_span else 0.0
    return len(a & b) / len(a | b)


# --------------------------------------------------------------------------- speakers

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


def _strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _drop_punct(text: str) -> str:
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("P") and ch not in string.punctuation)
    return " ".join(text.split())


def _is_empty(value: object) -> bool:
    if value is None:
        return True
    try:
        if pd.isna(value):
            return True
    except (TypeError, ValueError):
        pass
    return isinstance(value, str) and not value.strip()


def normalise_name(name: str) -> str:
    """Lowercase, remove accents, drop a leading the/a/an and punctuation.

    >>> normalise_name("The Granite House"), normalise_name("Ivo Márek."), normalise_name("Dr. Nadia Okafor")
    ('granite house', 'ivo marek', 'dr nadia okafor')
    """
    text = _strip_accents(name.lower()).strip()
    text = _drop_punct(text)
    return _LEADING_ARTICLE.sub("", text)


def _last_words(name: str) -> frozenset[str]:
    text = _strip_accents(name.lower())
    members = re.split(r",|\s+and\s+", text)
    words = set()
    for member in members:
        member = _LEADING_ARTICLE.sub("", _drop_punct(member))
        if member:
            words.add(member.split()[-1])
    return frozenset(words)


def speaker_is_right(gold: str | None, predicted: str | None) -> bool:
    """Whether a predicted speaker name matches the gold one (ANNOTATION.md).

    Normalise both names (:func:`normalise_name`), split each on `` and `` and commas
    into members and take each member's last word: right when the sets of last
    words are equal or the normalised names are. An empty prediction is right only
    against a gold quote without source.

    >>> speaker_is_right("Miriam T. Calloway and Pavel A. Dragunov", "Dragunov and Calloway")
    True
    >>> speaker_is_right("the Citadel", "Citadel"), speaker_is_right(None, None), speaker_is_right("Ivo Marek", None)
    (True, True, False)
    """
    if _is_empty(predicted):
        return _is_empty(gold)
    if _is_empty(gold):
        return False
    if normalise_name(gold) == normalise_name(predicted):
        return True
    a, b = _last_words(gold), _last_words(predicted)
    return bool(a) and a == b


def _span_or_none(row: Mapping, a: str, b: str) -> tuple[int, int] | None:
    s, e = row.get(a), row.get(b)
    if _is_empty(s) or _is_empty(e):
        return None
    return int(s), int(e)


def _speaker_right_by_span(gold: Mapping, pred: Mapping) -> bool:
    gspan = _span_or_none(gold, "speaker_start", "speaker_end")
    pspan = _span_or_none(pred, "speaker_start", "speaker_end")
    if gspan is None:
        if _is_empty(gold.get("speaker")):   # attribution without source
            return pspan is None and _is_empty(pred.get("speaker"))
        return speaker_is_right(gold.get("speaker"), pred.get("speaker"))  # gold gave no span
    if pspan is None:
        return False
    return pspan[0] < gspan[1] and gspan[0] < pspan[1]


# --------------------------------------------------------------------------- scoring

def _ratio(num: int, den: int) -> float:
    return num / den if den else float("nan")


def _f1(p: float, r: float) -> float:
    """Harmonic mean; 0 when either is 0 (whatever the other), NaN when either is undefined."""
    if p == 0 or r == 0:
        return 0.0
    if pd.isna(p) or pd.isna(r):
        return float("nan")
    return 2 * p * r / (p + r)


@dataclass(frozen=True)
class Evaluation:
    """The result of :func:`score`.

    Attributes:
        metrics: One row per scope (``overall``, ``direct``, ``indirect``, ``mixed``)
            with :data:`METRIC_COLUMNS`; recall-side figures by gold kind, precision
            by predicted kind, attribution accuracy and boundary agreement by the
            pair's gold kind. A ratio with a zero denominator is NaN.
        pairs: Every pair: gold and predicted spans, speakers, overlap, token
            Jaccard, ``speaker_right`` and ``counted`` (gold counts in recall).
        misses: Gold quotes counted in recall that no prediction paired with.
        false_quotes: Predictions paired with no gold quote.
        wrong_speakers: Pairs whose speaker is wrong (gold vs predicted speaker).
        speaker_match: ``"name"`` or ``"span"``.
    """

    metrics: pd.DataFrame
    pairs: pd.DataFrame
    misses: pd.DataFrame
    false_quotes: pd.DataFrame
    wrong_speakers: pd.DataFrame
    speaker_match: str = "name"
    documents: int = field(default=0)

    @property
    def overall(self) -> pd.Series:
        """The ``overall`` row of :attr:`metrics`."""
        return self.metrics.set_index("scope").loc["overall"]

    @property
    def counts(self) -> dict[str, int]:
        """Overall counts: gold (counted in recall), predicted, pairs, ... ."""
        row = self.overall
        return {c: int(row[c]) for c in METRIC_COLUMNS[9:]}

    def to_dict(self, *, errors: int = 0) -> dict:
        """A JSON-ready dict: metrics per scope (NaN as None), counts, and up to
        ``errors`` rows of each error table."""
        def records(frame: pd.DataFrame) -> list[dict]:
            frame = frame.head(errors).astype(object)
            return frame.where(frame.notna(), None).to_dict(orient="records")

        metrics = self.metrics.astype(object)
        out = {
            "speaker_match": self.speaker_match,
            "documents": self.documents,
            "metrics": metrics.where(metrics.notna(), None).to_dict(orient="records"),
            "counts": self.counts,
        }
        if errors:
            out["misses"] = records(self.misses)
            out["false_quotes"] = records(self.false_quotes)
            out["wrong_speakers"] = records(self.wrong_speakers)
        return out


def _context(texts: Mapping[str, str] | None, doc: str, start: int, end: int, width: int = 80) -> str | None:
    """The quote with up to ``width`` characters each side, cut at a paragraph break."""
    if texts is None or doc not in texts:
        return None
    text = texts[doc]
    lo, hi = max(0, start - width), min(len(text), end + width)
    before, after = text[lo:start], text[end:hi]
    if "\n" in before:
        before = before.rsplit("\n", 1)[1]
    elif lo > 0:
        before = "…" + before
    if "\n" in after:
        after = after.split("\n", 1)[0]
    elif hi < len(text):
        after = after + "…"
    return f"{before}[{text[start:end]}]{after}".replace("\n", " ")


def _records(frame: pd.DataFrame) -> list[dict]:
    return frame.to_dict(orient="records")


def score(gold: pd.DataFrame, predicted: pd.DataFrame, *, texts: Mapping[str, str] | None = None,
          speaker_match: str = "name") -> Evaluation:
    """Score predicted quotes against gold quotes (ANNOTATION.md, "Scoring").

    Args:
        gold: Gold quotes (needs doc_id, kind, start, end, speaker; uses quote,
            speaker_start/end and speech when present).
        predicted: Predicted quotes, e.g. ``toolkit.quotes.quotes_frame(...)``
            (needs doc_id, kind, start, end, speaker).
        texts: ``{doc_id: text}``; used for token spans and error context. Without
            it, the ``quote`` columns give the tokens.
        speaker_match: ``"name"`` (:func:`speaker_is_right`) or ``"span"`` (the
            predicted speaker mention overlaps the gold source span).

    Returns:
        An :class:`Evaluation`.

    Raises:
        ColumnError: a frame lacks a needed column.
        ValueError: unknown ``speaker_match``, or neither ``texts`` nor ``quote``.

    >>> g = pd.DataFrame({"doc_id": ["d", "d"], "kind": ["direct", "indirect"], "start": [0, 20],
    ...                   "end": [10, 30], "speaker": ["A", "B"], "quote": ["x" * 10, "y" * 10]})
    >>> p = g.iloc[:1].assign(speaker="B")
    >>> ev = score(g, p)
    >>> ev.overall[["quote_precision", "quote_recall", "attribution_accuracy"]].tolist()
    [1.0, 0.5, 0.0]
    """
    if speaker_match not in ("name", "span"):
        raise ValueError(f"speaker_match must be 'name' or 'span', not {speaker_match!r}")
    need = ("doc_id", "kind", "start", "end", "speaker")
    require_columns(gold, need, what="gold")
    require_columns(predicted, need, what="predicted")
    for name, frame in (("gold", gold), ("predicted", predicted)):
        if texts is None and "quote" not in frame.columns:
            raise ValueError(f"{name} frame has no 'quote' column; pass texts= to score boundaries")

    def prepared(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.assign(doc_id=frame["doc_id"].astype(str), _row=range(len(frame)))
        return frame.sort_values(["doc_id", "start", "end", "_row"], kind="stable")

    gold_sorted, pred_sorted = prepared(gold), prepared(predicted)
    gold_by_doc = {d: _records(f) for d, f in gold_sorted.groupby("doc_id", sort=True)}
    pred_by_doc = {d: _records(f) for d, f in pred_sorted.groupby("doc_id", sort=True)}

    def counted(row: Mapping) -> bool:
        value = row.get("speech")
        return _is_empty(value) or bool(value)

    def span_text(row: Mapping, doc: str) -> str:
        if texts is not None and doc in texts:
            return texts[doc][int(row["start"]):int(row["end"])]
        value = row.get("quote")
        return "" if _is_empty(value) else str(value)

    right_fn = _speaker_right_by_span if speaker_match == "span" else (
        lambda g, p: speaker_is_right(g.get("speaker"), p.get("speaker")))

    pair_rows, misses, false_quotes = [], [], []
    for doc in sorted(set(gold_by_doc) | set(pred_by_doc)):
        golds, preds = gold_by_doc.get(doc, []), pred_by_doc.get(doc, [])
        pairs = pair_spans([(int(g["start"]), int(g["end"])) for g in golds],
                           [(int(p["start"]), int(p["end"])) for p in preds])
        paired_gold = {gi for gi, _, _ in pairs}
        paired_pred = {pi for _, pi, _ in pairs}
        for gi, pi, overlap in sorted(pairs):
            g, p = golds[gi], preds[pi]
            gs, ps = int(g["start"]), int(p["start"])
            same = (gs, int(g["end"])) == (ps, int(p["end"]))
            jac = _jaccard(span_tokens(span_text(g, doc), gs), span_tokens(span_text(p, doc), ps), same)
            pair_rows.append({
                "doc_id": doc, "gold_kind": g["kind"], "predicted_kind": p["kind"],
                "gold_start": gs, "gold_end": int(g["end"]), "start": ps, "end": int(p["end"]),
                "gold_quote": span_text(g, doc), "quote": span_text(p, doc),
                "gold_speaker": None if _is_empty(g.get("speaker")) else g.get("speaker"),
                "speaker": None if _is_empty(p.get("speaker")) else p.get("speaker"),
                "gold_speaker_start": g.get("speaker_start"), "gold_speaker_end": g.get("speaker_end"),
                "speaker_start": p.get("speaker_start"), "speaker_end": p.get("speaker_end"),
                "gold_cue": g.get("cue"), "cue": p.get("cue"), "rule": p.get("rule"),
                "overlap": overlap, "jaccard": jac, "speaker_right": bool(right_fn(g, p)),
                "counted": counted(g),
                "context": _context(texts, doc, min(gs, ps), max(int(g["end"]), int(p["end"]))),
            })
        for gi, g in enumerate(golds):
            if gi not in paired_gold and counted(g):
                misses.append({
                    "doc_id": doc, "kind": g["kind"], "start": int(g["start"]), "end": int(g["end"]),
                    "quote": span_text(g, doc), "speaker": g.get("speaker"), "cue": g.get("cue"),
                    "context": _context(texts, doc, int(g["start"]), int(g["end"])),
                })
        for pi, p in enumerate(preds):
            if pi not in paired_pred:
                false_quotes.append({
                    "doc_id": doc, "kind": p["kind"], "start": int(p["start"]), "end": int(p["end"]),
                    "quote": span_text(p, doc), "speaker": p.get("speaker"), "cue": p.get("cue"),
                    "rule": p.get("rule"),
                    "context": _context(texts, doc, int(p["start"]), int(p["end"])),
                })

    pair_columns = ["doc_id", "gold_kind", "predicted_kind", "gold_start", "gold_end", "start", "end",
                    "gold_quote", "quote", "gold_speaker", "speaker", "gold_speaker_start",
                    "gold_speaker_end", "speaker_start", "speaker_end", "gold_cue", "cue", "rule",
                    "overlap", "jaccard", "speaker_right", "counted", "context"]
    pairs_frame = pd.DataFrame(pair_rows, columns=pair_columns)
    for column in ("gold_speaker_start", "gold_speaker_end", "speaker_start", "speaker_end"):
        pairs_frame[column] = pd.array([None if _is_empty(v) else int(v) for v in pairs_frame[column]],
                                       dtype="Int64")
    error_columns = ["doc_id", "kind", "start", "end", "quote", "speaker", "cue", "context"]
    misses_frame = pd.DataFrame(misses, columns=error_columns)
    false_frame = pd.DataFrame(false_quotes, columns=[*error_columns[:-1], "rule", "context"])
    wrong = pairs_frame.loc[~pairs_frame["speaker_right"].astype(bool),
                            ["doc_id", "gold_kind", "gold_start", "gold_end", "gold_quote", "gold_speaker",
                             "speaker", "gold_speaker_start", "gold_speaker_end", "speaker_start",
                             "speaker_end", "start", "end", "quote", "rule", "context"]]
    wrong = wrong.rename(columns={"speaker": "predicted_speaker", "start": "predicted_start",
                                  "end": "predicted_end", "quote": "predicted_quote",
                                  "speaker_start": "predicted_speaker_start",
                                  "speaker_end": "predicted_speaker_end"}).reset_index(drop=True)

    gold_counted = [g for rows in gold_by_doc.values() for g in rows if counted(g)]
    all_preds = [p for rows in pred_by_doc.values() for p in rows]
    metrics = [_metric_row("overall", gold_counted, all_preds, pairs_frame)]
    for kind in KINDS:
        metrics.append(_metric_row(kind, [g for g in gold_counted if g["kind"] == kind],
                                   [p for p in all_preds if p["kind"] == kind], pairs_frame, kind=kind))
    return Evaluation(
        metrics=pd.DataFrame(metrics, columns=list(METRIC_COLUMNS)),
        pairs=pairs_frame, misses=misses_frame, false_quotes=false_frame, wrong_speakers=wrong,
        speaker_match=speaker_match, documents=len(set(gold_by_doc) | set(pred_by_doc)),
    )


def _metric_row(scope: str, golds: list, preds: list, pairs: pd.DataFrame, *, kind: str | None = None) -> dict:
    if kind is None:
        by_gold = by_pred = pairs
    else:
        by_gold = pairs[pairs["gold_kind"] == kind]
        by_pred = pairs[pairs["predicted_kind"] == kind]
    found = by_gold[by_gold["counted"].astype(bool)]
    gold_found, gold_right = len(found), int(found["speaker_right"].sum())
    pred_paired, pred_right = len(by_pred), int(by_pred["speaker_right"].sum())
    p, r = _ratio(pred_paired, len(preds)), _ratio(gold_found, len(golds))
    ep, er = _ratio(pred_right, len(preds)), _ratio(gold_right, len(golds))
    return {
        "scope": scope, "quote_precision": p, "quote_recall": r, "quote_f1": _f1(p, r),
        "attribution_accuracy": _ratio(int(by_gold["speaker_right"].sum()), len(by_gold)),
        "end_to_end_precision": ep, "end_to_end_recall": er, "end_to_end_f1": _f1(ep, er),
        "boundary_agreement": float(by_gold["jaccard"].mean()) if len(by_gold) else float("nan"),
        "gold": len(golds), "predicted": len(preds), "gold_found": gold_found,
        "predicted_paired": pred_paired, "pairs": len(by_gold),
        "pairs_right_speaker": int(by_gold["speaker_right"].sum()),
        "gold_found_right_speaker": gold_right, "predicted_paired_right_speaker": pred_right,
    }


def evaluate_texts(texts: Mapping[str, str], gold: pd.DataFrame, *, speaker_match: str = "name",
                   language: str = "en", continuations: str = "separate") -> Evaluation:
    """Run :func:`toolkit.quotes.extract_quotes` on every text (a fresh run) and score it.

    Args:
        texts: ``{doc_id: text}``; every text is extracted, with or without gold.
        gold: Gold quotes (see :func:`score`).
        speaker_match: ``"name"`` or ``"span"``.
        language: Passed to the extractor.
        continuations: ``"separate"`` (ANNOTATION.md: ``"Q1," she said. "Q2."`` is two
            quotes) or ``"merged"`` (a corpus convention, PolNeAR's, where it is one span;
            see :func:`toolkit.quotes.merge_continuations`).

    Returns:
        An :class:`Evaluation`.
    """
    from toolkit.quotes import extract_quotes  # late: the readers work without the extractor
    from toolkit.schema import QUOTE_COLUMNS

    from toolkit.quotes import merge_continuations

    if continuations not in ("separate", "merged"):
        raise ValueError(f"continuations must be 'separate' or 'merged', not {continuations!r}")
    rows = []
    for doc, text in texts.items():
        quotes = extract_quotes(text, language=language)
        if continuations == "merged":
            quotes = merge_continuations(quotes, text)
        rows.extend(q.to_row(doc) for q in quotes)
    predicted = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    result = score(gold, predicted, texts=texts, speaker_match=speaker_match)
    documents = set(map(str, texts)) | set(gold["doc_id"].astype(str))
    return replace(result, documents=len(documents))
