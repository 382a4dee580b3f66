"""Analysis of quotes and coverage: share of voice, timing, cues, topics, words, reuse.

Every helper takes DataFrames and returns a new DataFrame; options are keyword-only
and the input frames are never modified, so notebooks can chain them with
``DataFrame.pipe``. Quote frames follow :data:`toolkit.schema.QUOTE_COLUMNS`,
articles :data:`toolkit.schema.ARTICLE_COLUMNS` and tokens
:data:`toolkit.schema.TOKEN_COLUMNS`; only the columns a helper needs are required.

The vocabularies (topic keywords, stopwords, speaker aliases) are data, kept in
``data/topics.yaml``, ``data/stopwords.txt`` and ``data/aliases.csv``; the reporting-verb
classes are the named frozensets :data:`NEUTRAL_CUES` and :data:`LOADED_CUES`.

>>> quotes = pd.DataFrame({"doc_id": ["a", "a", "b"],
...                        "speaker": ["John Bolton", "Patrushev", "Bolton"],
...                        "quote": ["we made progress", "constructive", "no deal"]})
>>> merge_speakers(quotes)["speaker_id"].tolist()
['John Bolton', 'Patrushev', 'John Bolton']
>>> share_of_voice(quotes, by="speaker_id")[["speaker_id", "quotes", "words"]]
    speaker_id  quotes  words
0  John Bolton       2      5
1    Patrushev       1      1
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from toolkit.schema import require_columns

__all__ = [
    "DEFAULT_EVENT_DATE", "NEUTRAL_CUES", "LOADED_CUES", "DATA_DIR",
    "load_stopwords", "load_topics", "load_aliases",
    "count_words", "attach_articles", "dedupe_wire", "merge_speakers",
    "share_of_voice", "coverage_over_time", "lemmatize_cue", "cue_class", "cue_profile", "cue_balance",
    "tag_topics", "topic_table", "words_frame", "keywords_in_context", "collocations",
    "keyness", "quote_reuse", "reuse_summary", "MISSING_OUTLET",
]

#: The Bolton-Patrushev talks in Geneva; the default event date of :func:`coverage_over_time`.
DEFAULT_EVENT_DATE = pd.Timestamp("2018-08-23")

#: ``data/`` of the source tree: where the topic, stopword and alias files live.
DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: Reporting verbs (lemmas) that report speech without judging it.
NEUTRAL_CUES: frozenset[str] = frozenset({
    "say", "tell", "state", "add", "note", "report", "explain", "announce", "according to",
    "describe", "comment", "reply", "answer", "respond", "write", "ask", "speak", "remark",
    "continue", "cite", "quote", "mention", "point out", "brief", "inform",
})

#: Reporting verbs (lemmas) that colour what is reported: they suggest doubt, reluctance,
#: emphasis or hostility (the "said"-versus-"claimed" contrast of press style guides).
LOADED_CUES: frozenset[str] = frozenset({
    "claim", "insist", "admit", "allege", "concede", "deny", "boast", "complain", "warn",
    "threaten", "acknowledge", "confess", "contend", "maintain", "assert", "argue", "declare",
    "proclaim", "vow", "demand", "accuse", "lament", "reveal", "stress", "emphasise",
    "emphasize", "urge", "charge", "scoff", "dismiss", "grumble", "brag", "retort", "snap",
    "refuse", "reject", "blast", "slam", "protest", "suggest", "hint", "promise", "pledge",
})

# Irregular reporting-verb forms that suffix rules cannot undo.
_IRREGULAR = {
    "said": "say", "says": "say", "saying": "say", "told": "tell", "wrote": "write",
    "written": "write", "writes": "write", "writing": "write", "spoke": "speak",
    "spoken": "speak", "speaks": "speak", "speaking": "speak", "made": "make",
    "held": "hold", "according": "according to", "emphasized": "emphasize",
    "emphasised": "emphasise", "repeated": "repeat", "noted": "note", "stated": "state",
    "quoted": "quote", "cited": "cite", "argued": "argue", "denied": "deny",
    "replied": "reply", "added": "add", "ended": "end",
}
# Words of a multi-word cue that are not the reporting verb itself.
_CUE_FILLER = frozenset({
    "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "will", "would",
    "also", "later", "then", "as", "quoted", "cited", "to", "further", "again", "reportedly",
    "he", "she", "they", "it", "who", "not", "in", "a", "an", "the", "statement", "on",
})
_KNOWN_CUES = NEUTRAL_CUES | LOADED_CUES
# Words: letters/digits with inner hyphens or apostrophes ("non-proliferation", "wouldn't").
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# Honorifics and titles dropped before comparing person names.
_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "senator", "sen",
    "rep", "president", "minister", "secretary", "ambassador", "general", "gen", "adviser",
    "advisor", "spokesman", "spokeswoman", "spokesperson", "deputy", "foreign", "defence",
    "defense", "lt", "col", "colonel", "admiral", "chancellor", "premier", "governor",
})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Lower-case words that may sit inside a person's name.
_NAME_PARTICLES = frozenset({"de", "da", "di", "van", "von", "der", "den", "bin", "al", "el", "la", "le", "du"})
# A full stop, comma or colon left at the end of a speaker string by the extractor.
_TRAILING_PUNCTUATION = re.compile(r"(?<=[a-z])\.$|[,;:]+$")
# Several speakers in one name ("Calloway and Dragunov"): a group, never merged as a person.
_GROUP_NAME = re.compile(r"\band\b|&|,|;|/")


# --------------------------------------------------------------------------- data files
def load_stopwords(path: str | Path | None = None) -> frozenset[str]:
    """Read a stopword list: one word a line, ``#`` comments (default ``data/stopwords.txt``).

    >>> "the" in load_stopwords()
    True
    """
    path = Path(path) if path is not None else DATA_DIR / "stopwords.txt"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().lower()
        if word:
            words.add(word)
    return frozenset(words)


def load_topics(path: str | Path | None = None) -> dict[str, tuple[str, ...]]:
    """Read the topic dictionary ``{topic: (keyword, ...)}`` (default ``data/topics.yaml``).

    Raises:
        ValueError: the file is not a mapping of topic names to lists of strings.

    >>> "arms control" in load_topics()
    True
    """
    import yaml

    path = Path(path) if path is not None else DATA_DIR / "topics.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(
            isinstance(v, list) and all(isinstance(k, str) for k in v) for v in data.values()):
        raise ValueError(f"{path}: expected a mapping of topic name to a list of keywords")
    return {str(topic): tuple(k.strip().lower() for k in words if k.strip())
            for topic, words in data.items()}


def load_aliases(path: str | Path | None = None) -> dict[str, str]:
    """Read the alias table ``alias,speaker`` (default ``data/aliases.csv``) as a dict.

    Keys are lower-cased; a missing default file gives an empty table.

    >>> load_aliases()["nikolay patrushev"]
    'Nikolai Patrushev'
    """
    if path is None:
        path = DATA_DIR / "aliases.csv"
        if not path.exists():
            return {}
    table = pd.read_csv(path, dtype=str, comment="#").dropna()
    require_columns(table, ("alias", "speaker"), what=f"alias table {path}")
    return {a.strip().lower(): s.strip() for a, s in zip(table["alias"], table["speaker"])}


# --------------------------------------------------------------------------- basics
def count_words(text: object) -> int:
    """Number of words in ``text`` (0 for missing values).

    >>> count_words("non-proliferation and arms control"), count_words(None)
    (4, 0)
    """
    if not isinstance(text, str):
        return 0
    return len(_WORD.findall(text))


def _missing(value: object) -> bool:
    """True for None, NaN, NaT and pd.NA."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


#: How a missing outlet is written where outlets are joined into one string.
MISSING_OUTLET = "(no outlet)"


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def attach_articles(quotes: pd.DataFrame, articles: pd.DataFrame, *,
                    columns: Sequence[str] = ("outlet", "wire", "date", "title")) -> pd.DataFrame:
    """Add article columns (outlet, wire, date, title, ...) to each quote by ``doc_id``.

    Columns the quotes already have are kept as they are; article columns that do not
    exist are skipped. Row order and count of ``quotes`` are preserved.

    >>> q = pd.DataFrame({"doc_id": ["b", "a"], "quote": ["x", "y"]})
    >>> a = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"]})
    >>> attach_articles(q, a)["outlet"].tolist()
    ['B', 'A']
    """
    require_columns(quotes, ("doc_id",), what="quotes")
    require_columns(articles, ("doc_id",), what="articles")
    wanted = [c for c in columns if c in articles.columns and c not in quotes.columns]
    if not wanted:
        return quotes.copy()
    lookup = articles.drop_duplicates("doc_id").set_index("doc_id")[wanted]
    out = quotes.copy()
    for col in wanted:
        out[col] = out["doc_id"].map(lookup[col])
    return out


def dedupe_wire(articles: pd.DataFrame, *, duplicates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Keep one article per wire story: drop the copies, keep the original.

    Copies are found, in order of preference, from ``duplicates`` (the frame of
    :func:`toolkit.duplicates.find_near_duplicates`: ``doc_id, duplicate_of, ...``), from
    a ``duplicate_of`` column of ``articles``, or else from the ``wire`` column: articles
    of the same wire agency with the same date and the same title (case and spacing
    ignored) are one story, of which the first row is kept.

    >>> a = pd.DataFrame({"doc_id": ["w", "c"], "duplicate_of": [None, "w"]})
    >>> dedupe_wire(a)["doc_id"].tolist()
    ['w']
    """
    require_columns(articles, ("doc_id",), what="articles")
    if duplicates is not None:
        require_columns(duplicates, ("doc_id", "duplicate_of"), what="duplicates")
        copies = set(duplicates.loc[duplicates["duplicate_of"].notna(), "doc_id"])
        return articles[~articles["doc_id"].isin(copies)].reset_index(drop=True)
    if "duplicate_of" in articles.columns:
        return articles[articles["duplicate_of"].isna()].reset_index(drop=True)
    if "wire" in articles.columns:
        # Without a date or a title two wire articles cannot be told to be one story
        # (str() of a missing date or title would make every undated one the "same").
        key = pd.Series([
            (str(w).strip().lower(), str(d), " ".join(t.lower().split()))
            if isinstance(w, str) and w.strip() and not _missing(d) and isinstance(t, str) and t.strip()
            else ("", i)
            for i, (w, d, t) in enumerate(zip(articles["wire"],
                                              articles.get("date", [None] * len(articles)),
                                              articles.get("title", [None] * len(articles))))
        ], index=articles.index)
        return articles[~key.duplicated()].reset_index(drop=True)
    raise ValueError("cannot tell wire copies apart: pass duplicates=find_near_duplicates(articles) "
                     "or give the articles a 'duplicate_of' or 'wire' column")


# --------------------------------------------------------------------------- speakers
def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _name_parts(name: str) -> tuple[tuple[str, ...], str] | None:
    """(given names, last name) of a person name, titles and suffixes dropped, or None."""
    if _GROUP_NAME.search(name):
        return None
    original = [w.strip(".,") for w in name.split() if w.strip(".,")]
    words = [re.sub(r"'s$", "", w) for w in (_fold(w).replace("’", "'") for w in original)]
    while words and words[0] in _TITLES:
        words, original = words[1:], original[1:]
    if not all(o[:1].isupper() or w in _NAME_PARTICLES for o, w in zip(original, words)):
        return None  # "a senior official", "officials in Port Halden": not a person's name
    while words and words[-1] in _SUFFIXES:
        words = words[:-1]
    if not words or not all(re.fullmatch(r"[\w'-]+", w) for w in words):
        return None
    return tuple(words[:-1]), words[-1]


def _display_name(name: str) -> str:
    """``name`` without leading titles ("Dr. Nadia Okafor" -> "Nadia Okafor")."""
    original = name.split()
    while len(original) > 1 and _fold(original[0]).strip(".,") in _TITLES:
        original = original[1:]
    return " ".join(original)


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """First names agree: equal, an initial of the other, or a close spelling (Nikolai/Nikolay)."""
    if not a or not b:
        return True
    from rapidfuzz import fuzz

    short, long_ = sorted((a, b), key=len)
    if all(len(x) == 1 for x in short):
        # Only initials on one side ("A. Dragunov"): they must be the other's initials, in order.
        initials = iter(y[0] for y in long_)
        return all(any(x == y for y in initials) for x in short)
    for x, y in zip(a, b):
        if x == y:
            continue
        if (len(x) == 1 or len(y) == 1) and x[0] == y[0]:
            continue
        if len(x) > 2 and len(y) > 2 and fuzz.ratio(x, y) >= 80:
            continue
        return False
    return True


def merge_speakers(quotes: pd.DataFrame, *, aliases: Mapping[str, str] | str | Path | None = None,
                   column: str = "speaker") -> pd.DataFrame:
    """Add ``speaker_id``: one name per person across the corpus.

    Person names are compared by last name, with titles ("Dr.", "Senator") and
    suffixes dropped and accents folded; names with the same last name and compatible
    first names or initials are one speaker, named by its most complete form
    (``Bolton``, ``John Bolton`` and ``John R. Bolton`` all become ``John R. Bolton``).
    A bare last name shared by two different people goes to the one quoted in the same
    article, else to the one quoted most often. The alias table (``alias -> speaker``;
    a dict, a CSV path, or by default ``data/aliases.csv``) is applied first and wins.
    Organisations, groups and unnamed speakers (``speaker_type`` other than
    ``person``) keep their name, spacing normalised; missing speakers stay missing.

    >>> q = pd.DataFrame({"doc_id": ["1", "1", "2"],
    ...                   "speaker": ["John R. Bolton", "Bolton", "J. Bolton"]})
    >>> merge_speakers(q)["speaker_id"].unique().tolist()
    ['John R. Bolton']
    """
    require_columns(quotes, ("doc_id", column), what="quotes")
    if aliases is None:
        alias_map = load_aliases()
    elif isinstance(aliases, (str, Path)):
        alias_map = load_aliases(aliases)
    else:
        alias_map = {str(k).strip().lower(): str(v).strip() for k, v in aliases.items()}

    names: list[str | None] = []
    for value in quotes[column]:
        if not isinstance(value, str) or not value.strip():
            names.append(None)
            continue
        value = _TRAILING_PUNCTUATION.sub("", " ".join(value.split()))
        names.append(alias_map.get(value.lower(), value))
    kinds = (quotes["speaker_type"].tolist() if "speaker_type" in quotes.columns
             else ["person"] * len(quotes))
    typed_person = [n is not None and (not isinstance(k, str) or k == "person") and _name_parts(n) is not None
                    for n, k in zip(names, kinds)]
    # A name typed otherwise ("Dragunov" as an organisation) is still a person when its
    # last name is the last name of someone typed as a person in the corpus.
    person_last = {_name_parts(n)[1] for n, p in zip(names, typed_person) if p}
    is_person = [p or (n is not None and (not isinstance(k, str) or k in ("organisation", "unnamed"))
                       and _name_parts(n) is not None and _name_parts(n)[1] in person_last)
                 for n, k, p in zip(names, kinds, typed_person)]
    # Other names (organisations, groups, descriptions) merge when they differ only in
    # case or apostrophes ("KOVASK"/"Kovask", "Norland’s"/"Norland's").
    other_forms: dict[str, Counter] = defaultdict(Counter)
    for n, p in zip(names, is_person):
        if n is not None and not p:
            other_forms[_fold(n).replace("’", "'")][n] += 1
    other_canonical = {key: sorted(forms, key=lambda f: (-forms[f], f.isupper(), f))[0]
                       for key, forms in other_forms.items()}

    # Cluster the full names (with given names) of each last name, most complete first.
    counts = Counter(n for n, p in zip(names, is_person) if p)
    by_last: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        by_last[_name_parts(name)[1]].append(name)
    canonical: dict[str, str] = {}
    clusters: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for last, group in by_last.items():
        group.sort(key=lambda n: (-len(_name_parts(n)[0]), -counts[n], -len(_display_name(n)), n))
        reps: list[tuple[str, tuple[str, ...]]] = []
        for name in group:
            given = _name_parts(name)[0]
            if not given:
                continue
            for rep, rep_given in reps:
                if _given_compatible(given, rep_given):
                    canonical[name] = rep
                    break
            else:
                reps.append((_display_name(name), given))
                canonical[name] = _display_name(name)
        clusters[last] = reps

    # Total quotes per canonical speaker, to settle bare last names.
    weight = Counter()
    for n, p in zip(names, is_person):
        if p and n in canonical:
            weight[canonical[n]] += 1
    in_doc: dict[tuple[object, str], Counter] = defaultdict(Counter)
    for doc, n, p in zip(quotes["doc_id"], names, is_person):
        if p and n in canonical:
            in_doc[(doc, _name_parts(n)[1])][canonical[n]] += 1

    out_ids: list[str | None] = []
    for doc, n, p in zip(quotes["doc_id"], names, is_person):
        if n is None:
            out_ids.append(None)
        elif not p:
            out_ids.append(other_canonical[_fold(n).replace("’", "'")])
        elif n in canonical:
            out_ids.append(canonical[n])
        else:  # a bare last name
            last = _name_parts(n)[1]
            reps = clusters.get(last, [])
            if not reps:
                out_ids.append(_display_name(n))
            elif len(reps) == 1:
                out_ids.append(reps[0][0])
            else:
                local = in_doc.get((doc, last))
                pool = local if local else Counter({r: weight[r] for r, _ in reps})
                out_ids.append(sorted(pool, key=lambda r: (-pool[r], r))[0])
    out = quotes.copy()
    out["speaker_id"] = pd.Series(out_ids, index=quotes.index, dtype="object")
    return out


def _with_speaker_id(quotes: pd.DataFrame) -> pd.DataFrame:
    return quotes if "speaker_id" in quotes.columns else merge_speakers(quotes)


def _prepare(quotes: pd.DataFrame, articles: pd.DataFrame | None, needed: Iterable[str]) -> pd.DataFrame:
    """Quotes with speaker_id and whatever article columns ``needed`` asks for."""
    frame = quotes
    missing = [c for c in needed if c not in frame.columns and c != "speaker_id"]
    if missing and articles is not None:
        frame = attach_articles(frame, articles, columns=missing)
    if "speaker_id" in needed or "speaker_id" not in frame.columns:
        frame = _with_speaker_id(frame) if "speaker" in frame.columns else frame
    return frame


# --------------------------------------------------------------------------- share of voice
def share_of_voice(quotes: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                   by: str | Sequence[str] = ("outlet", "speaker_id"),
                   wire: str = "per_outlet", duplicates: pd.DataFrame | None = None,
                   include_unattributed: bool = False) -> pd.DataFrame:
    """Quotes, words quoted, distinct speakers and articles per group.

    Args:
        quotes: a quote frame (``doc_id``, ``speaker``, ``quote``; ``speaker_id`` is added
            with :func:`merge_speakers` when missing).
        articles: the articles, needed when a ``by`` column (``outlet``, ``date``,
            ``wire``) is an article column, and for ``wire="once"``.
        by: one grouping column or several, e.g. ``"speaker_id"``, ``"outlet"``, or
            ``("outlet", "speaker_id")``.
        wire: ``"per_outlet"`` counts a wire story in every outlet that carried it;
            ``"once"`` counts it once (copies dropped with :func:`dedupe_wire`).
        duplicates: near-duplicate pairs for ``wire="once"`` (see :func:`dedupe_wire`).
        include_unattributed: keep quotes with no speaker (as ``"(unattributed)"``).

    Returns:
        One row per group, sorted by quotes (descending) within the outer groups:
        the ``by`` columns, ``quotes``, ``words``, ``speakers`` (distinct speaker_id),
        ``articles`` (distinct doc_id), ``quote_share`` and ``word_share``: fractions of
        the quotes/words of the enclosing group (all ``by`` columns but the last), or of
        the total when there is one ``by`` column.
    """
    keys = _as_list(by)
    if not keys:
        raise ValueError("by= needs at least one column")
    if wire not in ("per_outlet", "once"):
        raise ValueError(f"wire must be 'per_outlet' or 'once', not {wire!r}")
    require_columns(quotes, ("doc_id", "quote"), what="quotes")
    frame = _prepare(quotes, articles, keys)
    if wire == "once":
        if articles is None:
            raise ValueError("wire='once' needs the articles frame")
        kept = set(dedupe_wire(articles, duplicates=duplicates)["doc_id"])
        frame = frame[frame["doc_id"].isin(kept)]
    if "speaker_id" in frame.columns:
        if include_unattributed:
            frame = frame.assign(speaker_id=frame["speaker_id"].fillna("(unattributed)"))
        else:
            frame = frame[frame["speaker_id"].notna()]
    require_columns(frame, keys, what="quotes (after attaching article columns)")
    frame = frame.assign(_words=frame["quote"].map(count_words),
                         _speaker=frame["speaker_id"] if "speaker_id" in frame.columns else None)
    columns = [*keys, "quotes", "words", "speakers", "articles", "quote_share", "word_share"]
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype="object" if c in keys else
                                          ("float64" if c.endswith("share") else "int64"))
                             for c in columns})
    grouped = frame.groupby(keys, dropna=False, sort=True)
    out = grouped.agg(quotes=("doc_id", "size"), words=("_words", "sum"),
                      speakers=("_speaker", "nunique"), articles=("doc_id", "nunique")).reset_index()
    outer = keys[:-1]
    if outer:
        out["quote_share"] = out["quotes"] / out.groupby(outer, dropna=False)["quotes"].transform("sum")
        word_total = out.groupby(outer, dropna=False)["words"].transform("sum")
    else:
        out["quote_share"] = out["quotes"] / out["quotes"].sum()
        word_total = pd.Series(out["words"].sum(), index=out.index)
    out["word_share"] = (out["words"] / word_total.where(word_total != 0)).fillna(0.0).astype("float64")
    out = out.sort_values([*outer, "quotes", "words", keys[-1]],
                          ascending=[True] * len(outer) + [False, False, True], kind="stable")
    for col in ("quotes", "words", "speakers", "articles"):
        out[col] = out[col].astype("int64")
    return out[columns].reset_index(drop=True)


# --------------------------------------------------------------------------- over time
def coverage_over_time(articles: pd.DataFrame, quotes: pd.DataFrame | None = None, *,
                       event_date: str | pd.Timestamp = DEFAULT_EVENT_DATE,
                       event_end: str | pd.Timestamp | None = None,
                       freq: str = "D", by: str | None = None) -> pd.DataFrame:
    """Articles and quotes per period, each period marked before/during/after the event.

    Args:
        articles: needs ``doc_id`` and ``date`` (articles without a date are left out).
        quotes: optional; quotes are dated by their article.
        event_date: first day of the event (default 2018-08-23, the Geneva talks).
        event_end: last day of the event (default: ``event_date``).
        freq: a pandas period frequency: ``"D"`` days, ``"W"`` weeks, ``"MS"`` months.
        by: an optional article column (e.g. ``"outlet"``) to count separately; articles
            where it is missing are counted as one more group (``by`` missing).

    Returns:
        Columns ``date`` (start of the period), ``by`` if given, ``articles``, ``quotes``,
        ``days_from_event`` and ``phase`` (``before``, ``during`` or ``after``). Periods
        between the first and the last date with no coverage are included with zeros.

    >>> a = pd.DataFrame({"doc_id": ["1", "2"], "date": pd.to_datetime(["2018-08-22", "2018-08-24"])})
    >>> coverage_over_time(a)[["date", "articles", "phase"]].astype(str).values.tolist()
    [['2018-08-22', '1', 'before'], ['2018-08-23', '0', 'during'], ['2018-08-24', '1', 'after']]
    """
    require_columns(articles, ("doc_id", "date"), what="articles")
    keys = [by] if by else []
    if by:
        require_columns(articles, (by,), what="articles")
    start = pd.Timestamp(event_date).normalize()
    end = pd.Timestamp(event_end).normalize() if event_end is not None else start
    if end < start:
        raise ValueError(f"event_end {end.date()} is before event_date {start.date()}")
    arts = articles[["doc_id", "date", *keys]].copy()
    arts["date"] = pd.to_datetime(arts["date"], errors="coerce")
    if getattr(arts["date"].dt, "tz", None) is not None:
        arts["date"] = arts["date"].dt.tz_localize(None)
    arts = arts.dropna(subset=["date"])
    columns = ["date", *keys, "articles", "quotes", "days_from_event", "phase"]
    if arts.empty:
        return pd.DataFrame({c: pd.Series(dtype="datetime64[ns]" if c == "date" else "object")
                             for c in columns})
    arts["period"] = arts["date"].dt.to_period(freq).dt.start_time
    # Articles whose ``by`` value is missing (no outlet) are counted as a group of their own.
    counts = arts.groupby(["period", *keys], dropna=False).agg(articles=("doc_id", "nunique"))
    if quotes is not None:
        require_columns(quotes, ("doc_id",), what="quotes")
        q = quotes[["doc_id"]].merge(arts.drop_duplicates("doc_id"), on="doc_id", how="inner")
        qcounts = q.groupby(["period", *keys], dropna=False).size().rename("quotes")
        counts = counts.join(qcounts, how="left")
    else:
        counts["quotes"] = 0
    counts = counts.fillna(0).reset_index()
    periods = pd.period_range(arts["date"].min(), arts["date"].max(), freq=freq).start_time
    if by:
        groups = sorted(arts[by].dropna().unique()) + ([None] if arts[by].isna().any() else [])
        full = pd.MultiIndex.from_product([periods, groups], names=["period", by]).to_frame(index=False)
    else:
        full = pd.DataFrame({"period": periods})
    out = full.merge(counts, on=["period", *keys], how="left").fillna({"articles": 0, "quotes": 0})
    out = out.rename(columns={"period": "date"})
    out["articles"] = out["articles"].astype("int64")
    out["quotes"] = out["quotes"].astype("int64")
    period_end = (out["date"].dt.to_period(freq).dt.end_time).dt.normalize()
    out["days_from_event"] = (out["date"] - start).dt.days.astype("int64")
    out["phase"] = "during"
    out.loc[period_end < start, "phase"] = "before"
    out.loc[out["date"] > end, "phase"] = "after"
    return out[columns].sort_values(["date", *keys], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- cues
def lemmatize_cue(cue: object) -> str | None:
    """The reporting verb of a cue as a lemma: ``said``/``says``/``saying`` -> ``say``.

    Multi-word cues keep their reporting verb ("was cited as saying" -> ``cite``,
    "according to" -> ``according to``); suffix rules handle regular verbs
    ("insisted" -> ``insist``, "denies" -> ``deny``). Missing cues give ``None``.

    >>> [lemmatize_cue(c) for c in ["said", "Says", "told", "claimed", "insisting", "according to", None]]
    ['say', 'say', 'tell', 'claim', 'insist', 'according to', None]
    """
    if not isinstance(cue, str) or not cue.strip():
        return None
    text = " ".join(_fold(cue).replace("’", "'").split())
    if text in _KNOWN_CUES:
        return text
    words = _WORD.findall(text)
    if not words:
        return text
    for phrase in ("according to", "point out"):
        if phrase in text:
            return phrase
    lemmas = [_lemma(w) for w in words]
    for word, lemma in zip(words, lemmas):
        if lemma in _KNOWN_CUES and word not in ("as", "to"):
            return lemma
    content = [lemma for word, lemma in zip(words, lemmas) if word not in _CUE_FILLER]
    return content[0] if content else lemmas[-1]


def _lemma(word: str) -> str:
    """Lemma of one verb form by lookup, then by suffix rules checked against known cues."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _KNOWN_CUES:
        return word
    candidates = []
    if word.endswith("ies") or word.endswith("ied"):
        candidates.append(word[:-3] + "y")
    if word.endswith("ing"):
        stem = word[:-3]
        candidates += [stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    if word.endswith("ed"):
        stem = word[:-2]
        candidates += [stem, word[:-1], stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    if word.endswith("es"):
        candidates += [word[:-2], word[:-1]]
    elif word.endswith("s") and not word.endswith("ss"):
        candidates.append(word[:-1])
    for cand in candidates:
        if cand in _KNOWN_CUES:
            return cand
    return candidates[0] if candidates else word


def cue_class(lemma: object) -> str:
    """``"neutral"``, ``"loaded"``, ``"other"`` or ``"none"`` for a cue lemma.

    >>> cue_class("say"), cue_class("claim"), cue_class("cite"), cue_class(None)
    ('neutral', 'loaded', 'neutral', 'none')
    """
    if not isinstance(lemma, str):
        return "none"
    if lemma in NEUTRAL_CUES:
        return "neutral"
    if lemma in LOADED_CUES:
        return "loaded"
    return "other"


def cue_profile(quotes: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                by: str | Sequence[str] = ("outlet", "speaker_id")) -> pd.DataFrame:
    """Which reporting verbs each group (by default outlet x speaker) uses, and how loaded.

    Returns:
        One row per group and cue lemma: the ``by`` columns, ``cue`` (the lemma, see
        :func:`lemmatize_cue`; ``None`` for quotes without a cue), ``cue_class``
        (:func:`cue_class`), ``quotes`` and ``share`` (of the group's quotes), sorted by
        group and descending count.
    """
    keys = _as_list(by)
    require_columns(quotes, ("doc_id", "cue"), what="quotes")
    frame = _prepare(quotes, articles, keys)
    require_columns(frame, keys, what="quotes (after attaching article columns)")
    frame = frame.assign(_lemma=frame["cue"].map(lemmatize_cue))
    if "speaker_id" in keys:
        frame = frame[frame["speaker_id"].notna()]
    columns = [*keys, "cue", "cue_class", "quotes", "share"]
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "quotes" else
                                          "float64" if c == "share" else "object") for c in columns})
    out = (frame.assign(_lemma=frame["_lemma"].fillna("(none)"))
           .groupby([*keys, "_lemma"], dropna=False).size().rename("quotes").reset_index()
           .rename(columns={"_lemma": "cue"}))
    out["cue"] = out["cue"].where(out["cue"] != "(none)", None)
    out["cue_class"] = out["cue"].map(cue_class)
    total = out.groupby(keys, dropna=False)["quotes"].transform("sum") if keys else out["quotes"].sum()
    out["share"] = out["quotes"] / total
    out = out.sort_values([*keys, "quotes", "cue"], ascending=[True] * len(keys) + [False, True],
                          kind="stable", na_position="last")
    out["quotes"] = out["quotes"].astype("int64")
    return out[columns].reset_index(drop=True)


def cue_balance(quotes: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                by: str | Sequence[str] = ("outlet", "speaker_id")) -> pd.DataFrame:
    """How often each group's quotes come with a loaded rather than a neutral verb.

    Returns:
        One row per group: the ``by`` columns, ``quotes``, ``neutral``, ``loaded``,
        ``other``, ``none`` (quotes without a cue), ``loaded_share`` (loaded / quotes
        with a cue) and ``top_cue`` (the commonest lemma); most quoted groups first.
    """
    keys = _as_list(by)
    profile = cue_profile(quotes, articles, by=keys)
    columns = [*keys, "quotes", "neutral", "loaded", "other", "none", "loaded_share", "top_cue"]
    if profile.empty:
        return pd.DataFrame({c: pd.Series(dtype="object" if c in keys or c == "top_cue" else
                                          "float64" if c == "loaded_share" else "int64") for c in columns})
    # groupby(dropna=False), not pivot_table: a group with a missing outlet is kept.
    wide = profile.groupby([*keys, "cue_class"], dropna=False)["quotes"].sum().unstack("cue_class", fill_value=0)
    wide = wide.reindex(columns=["neutral", "loaded", "other", "none"], fill_value=0).astype("int64")
    wide["quotes"] = wide.sum(axis=1)
    with_cue = wide["quotes"] - wide["none"]
    wide["loaded_share"] = (wide["loaded"] / with_cue.where(with_cue > 0)).fillna(0.0)
    top = (profile.dropna(subset=["cue"]).sort_values("quotes", ascending=False, kind="stable")
           .drop_duplicates(keys)[[*keys, "cue"]].rename(columns={"cue": "top_cue"}))
    # merge, not reindex: merge matches a missing key (no outlet) with a missing key.
    out = wide.reset_index().merge(top, on=keys, how="left")
    out["top_cue"] = out["top_cue"].astype(object).where(out["top_cue"].notna(), None)
    out = out.sort_values(["quotes", *keys], ascending=[False] + [True] * len(keys), kind="stable")
    out = out[columns].reset_index(drop=True)
    out.columns.name = None
    return out


# --------------------------------------------------------------------------- topics
def _topic_patterns(topics: Mapping[str, Iterable[str]]) -> dict[str, re.Pattern]:
    patterns = {}
    for topic, words in topics.items():
        parts = []
        for word in words:
            word = word.strip().lower()
            if not word:
                continue
            star = word.endswith("*")
            body = r"\s+".join(re.escape(w) for w in word.rstrip("*").split())
            parts.append(body + (r"[\w'’-]*" if star else r"") + r"\b")
        if parts:
            patterns[topic] = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + ")", re.IGNORECASE)
    return patterns


def tag_topics(frame: pd.DataFrame, *, column: str | None = None,
               topics: Mapping[str, Iterable[str]] | str | Path | None = None) -> pd.DataFrame:
    """Find the topics of each row's text with the keyword dictionary.

    Args:
        frame: sentences (``text``), quotes (``quote``) or articles (``text``).
        column: the text column; default ``quote`` if present, else ``text``.
        topics: ``{topic: [keyword, ...]}``, a YAML path, or by default
            ``data/topics.yaml`` (see :func:`load_topics` for the keyword syntax).

    Returns:
        One row per (input row, topic) match: all input columns, ``topic``, ``hits`` (how
        many keyword matches) and ``keywords`` (the matched words, lower-case, ``; ``
        joined), ``row`` (the input index label). Rows with no topic do not appear.

    >>> s = pd.DataFrame({"text": ["They discussed Syria and sanctions.", "Nothing here."]})
    >>> tag_topics(s)[["row", "topic", "keywords"]].values.tolist()
    [[0, 'Syria and Iran', 'syria'], [0, 'sanctions', 'sanctions']]
    """
    if column is None:
        column = "quote" if "quote" in frame.columns else "text"
    require_columns(frame, (column,), what="input")
    if topics is None or isinstance(topics, (str, Path)):
        topics = load_topics(topics)
    patterns = _topic_patterns(topics)
    rows = []
    for position, text in enumerate(frame[column]):
        if not isinstance(text, str):
            continue
        for topic, pattern in patterns.items():
            found = [m.group(0).lower() for m in pattern.finditer(text)]
            if found:
                rows.append((position, topic, len(found), "; ".join(dict.fromkeys(found))))
    hits = pd.DataFrame(rows, columns=["_pos", "topic", "hits", "keywords"])
    positions = hits["_pos"].to_numpy(dtype="int64")
    out = frame.iloc[positions].reset_index(drop=True)
    out["row"] = frame.index.to_numpy()[positions]
    out["topic"] = hits["topic"].to_numpy(dtype=object)
    out["hits"] = hits["hits"].to_numpy(dtype="int64")
    out["keywords"] = hits["keywords"].to_numpy(dtype=object)
    return out


def topic_table(frame: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                by: str | Sequence[str] = "speaker_id", column: str | None = None,
                topics: Mapping[str, Iterable[str]] | str | Path | None = None) -> pd.DataFrame:
    """Who spoke about what: rows (quotes or sentences) per group and topic.

    ``frame`` is tagged with :func:`tag_topics`; ``speaker_id`` is added to quotes when
    missing and article columns (``outlet``...) come from ``articles``.

    Returns:
        Long frame: the ``by`` columns, ``topic``, ``rows`` (how many quotes/sentences
        touch the topic), ``share`` (of the group's tagged rows), sorted by group and
        descending count. Unattributed quotes are left out when grouping by
        ``speaker_id``; a missing outlet (or other article column) is a group of its own.
    """
    keys = _as_list(by)
    prepared = frame
    if "speaker_id" in keys and "speaker_id" not in frame.columns:
        prepared = merge_speakers(frame)
    missing = [k for k in keys if k not in prepared.columns]
    if missing and articles is not None:
        prepared = attach_articles(prepared, articles, columns=missing)
    require_columns(prepared, keys, what="input (after attaching article columns)")
    tagged = tag_topics(prepared, column=column, topics=topics)
    if "speaker_id" in keys:  # unattributed quotes are left out, as in share_of_voice;
        tagged = tagged[tagged["speaker_id"].notna()]  # a missing outlet is a group of its own
    columns = [*keys, "topic", "rows", "share"]
    if tagged.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "rows" else
                                          "float64" if c == "share" else "object") for c in columns})
    out = tagged.groupby([*keys, "topic"], dropna=False).size().rename("rows").reset_index()
    out["share"] = out["rows"] / out.groupby(keys, dropna=False)["rows"].transform("sum")
    out = out.sort_values([*keys, "rows", "topic"], ascending=[True] * len(keys) + [False, True],
                          kind="stable")
    out["rows"] = out["rows"].astype("int64")
    return out[columns].reset_index(drop=True)


# --------------------------------------------------------------------------- words
def words_frame(frame: pd.DataFrame, *, column: str | None = None,
                keep: Sequence[str] = ()) -> pd.DataFrame:
    """One row per word of a text column (e.g. the quotes), for :func:`keyness`.

    Words are found with a simple pattern (letters and digits, inner hyphens and
    apostrophes kept); each keeps the ``keep`` columns of its row and its character
    offsets ``start``/``end`` into the cell. ``column`` defaults to ``quote`` or ``text``.

    >>> words_frame(pd.DataFrame({"quote": ["Arms control, now"], "speaker": ["X"]}),
    ...             keep=["speaker"])["text"].tolist()
    ['Arms', 'control', 'now']
    """
    if column is None:
        column = "quote" if "quote" in frame.columns else "text"
    require_columns(frame, (column, *keep), what="input")
    rows = []
    for position, (idx, text) in enumerate(zip(frame.index, frame[column])):
        if not isinstance(text, str):
            continue
        for m in _WORD.finditer(text):
            rows.append((position, m.group(0), m.start(), m.end()))
    spans = pd.DataFrame(rows, columns=["_pos", "text", "start", "end"])
    out = frame.iloc[spans["_pos"].to_numpy()][list(keep)].reset_index(drop=True)
    out["row"] = frame.index.to_numpy()[spans["_pos"].to_numpy()] if len(spans) else []
    out["text"] = spans["text"].to_numpy(dtype=object)
    out["start"] = spans["start"].to_numpy(dtype="int64")
    out["end"] = spans["end"].to_numpy(dtype="int64")
    return out


def keywords_in_context(tokens: pd.DataFrame, word: str | Sequence[str], *, width: int = 80,
                        articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Keywords in context: every occurrence of ``word`` (or a phrase) with its context.

    Uses NLTK's :class:`nltk.text.ConcordanceIndex` (case-insensitive) on each article's
    tokens from the token table.

    Args:
        tokens: the token table (``doc_id``, ``token``, ``start``, ``end``, ``text``).
        word: a word, or a phrase as a string with spaces or a list of words.
        width: characters of context on each side, like ``nltk.Text.concordance``.
        articles: optional, to add ``outlet`` and ``date``, and to show the context as
            written in the article ``text`` (otherwise tokens joined by spaces).

    Returns:
        One row per hit: ``doc_id``, (``outlet``, ``date``), ``left``, ``keyword``,
        ``right`` (context strings), ``start``/``end`` (character offsets of the hit
        in the article text).
    """
    from nltk.text import ConcordanceIndex

    require_columns(tokens, ("doc_id", "start", "end", "text"), what="tokens")
    query = word.split() if isinstance(word, str) else list(word)
    if not query:
        raise ValueError("word must be a non-empty word or phrase")
    texts = (dict(zip(articles["doc_id"], articles["text"]))
             if articles is not None and "text" in articles.columns else {})
    rows = []
    order = ["doc_id", "sentence", "token"] if {"sentence", "token"} <= set(tokens.columns) else ["doc_id", "start"]
    for doc_id, group in tokens.sort_values(order, kind="stable").groupby("doc_id", sort=False):
        words = [str(w) for w in group["text"]]
        index = ConcordanceIndex(words, key=lambda s: s.lower())
        starts, ends = group["start"].to_numpy(), group["end"].to_numpy()
        text = texts.get(doc_id)
        for line in index.find_concordance(query, width=width):
            i = line.offset
            start, end = int(starts[i]), int(ends[i + len(query) - 1])
            if isinstance(text, str) and end <= len(text):  # context as written, from the article text itself
                left = " ".join(text[max(0, start - width):start].split())[-width:]
                right = " ".join(text[end:end + width].split())[:width]
                keyword = " ".join(text[start:end].split())
            else:  # tokens joined with spaces, as nltk.Text.concordance prints them
                left, keyword, right = line.left_print.strip(), line.query, line.right_print.strip()
            rows.append({"doc_id": doc_id, "left": left, "keyword": keyword, "right": right,
                         "start": start, "end": end})
    out = pd.DataFrame(rows, columns=["doc_id", "left", "keyword", "right", "start", "end"])
    if articles is not None:
        out = attach_articles(out, articles, columns=("outlet", "date"))
        out = out[["doc_id", *[c for c in ("outlet", "date") if c in out.columns],
                   "left", "keyword", "right", "start", "end"]]
    return out


def _clean_words(words: Iterable[object], stopwords: frozenset[str]) -> list[str | None]:
    out = []
    for w in words:
        w = str(w).lower().replace("’", "'")
        out.append(w if _WORD.fullmatch(w) and any(c.isalpha() for c in w) and w not in stopwords else None)
    return out


def collocations(tokens: pd.DataFrame, *, measure: str = "likelihood_ratio", min_count: int = 2,
                 top: int | None = 20, stopwords: Iterable[str] | str | Path | None = None) -> pd.DataFrame:
    """Word pairs that occur together more than chance, with NLTK's collocation finder.

    Tokens are lower-cased; punctuation, numbers and stopwords (default
    ``data/stopwords.txt``) are dropped; pairs never span a sentence (when the token
    table has a ``sentence`` column) or an article. Scores come from
    :class:`nltk.metrics.BigramAssocMeasures`: ``likelihood_ratio`` (Dunning's G2, good
    for rare pairs), ``pmi``, ``student_t``, ``chi_sq``, ``raw_freq``...

    Returns:
        Columns ``w1``, ``w2``, ``count``, ``score``; best first.
    """
    from nltk.collocations import BigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures

    require_columns(tokens, ("doc_id", "text"), what="tokens")
    scorer = getattr(BigramAssocMeasures, measure, None)
    if scorer is None or measure.startswith("_"):
        valid = [m for m in dir(BigramAssocMeasures) if not m.startswith("_") and m not in ("mi_like",)]
        raise ValueError(f"unknown measure {measure!r}; choose one of {valid}")
    stop = _stopword_set(stopwords)
    group_cols = ["doc_id", "sentence"] if "sentence" in tokens.columns else ["doc_id"]
    docs = []
    for _, group in tokens.groupby(group_cols, sort=False):
        # A dropped word breaks the chain: split runs at None so pairs stay adjacent.
        run: list[str] = []
        for w in _clean_words(group["text"], stop):
            if w is None:
                if len(run) > 1:
                    docs.append(run)
                run = []
            else:
                run.append(w)
        if len(run) > 1:
            docs.append(run)
    columns = ["w1", "w2", "count", "score"]
    if not docs:
        return pd.DataFrame({c: pd.Series(dtype="object" if c[0] == "w" else "float64") for c in columns})
    finder = BigramCollocationFinder.from_documents(docs)
    finder.apply_freq_filter(min_count)
    scored = finder.score_ngrams(scorer)
    rows = [(w1, w2, int(finder.ngram_fd[(w1, w2)]), float(s)) for (w1, w2), s in scored]
    out = pd.DataFrame(rows, columns=columns).astype({"count": "int64", "score": "float64"})
    out = out.sort_values(["score", "count", "w1", "w2"], ascending=[False, False, True, True],
                          kind="stable").reset_index(drop=True)
    return out.head(top) if top else out


def _stopword_set(stopwords: Iterable[str] | str | Path | None) -> frozenset[str]:
    if stopwords is None or isinstance(stopwords, (str, Path)):
        return load_stopwords(stopwords)
    return frozenset(w.lower() for w in stopwords)


def keyness(tokens: pd.DataFrame, *, by: str, target: object, reference: object | None = None,
            articles: pd.DataFrame | None = None, min_count: int = 2, prior: float = 0.01,
            stopwords: Iterable[str] | str | Path | None = None, top: int | None = None) -> pd.DataFrame:
    """Words that distinguish one group (an outlet, a speaker) from another.

    Two standard measures are given for every word:

    * ``log_odds`` / ``z``: the weighted log-odds ratio with an informative Dirichlet
      prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words"). Each word's count is
      smoothed by a pseudo-count proportional to its frequency in the whole corpus
      (``prior`` x corpus count, at least 0.01), the log-odds of the word in the target
      minus in the reference is taken, and divided by its estimated standard deviation:
      ``z`` > 1.96 marks a word clearly more typical of the target, < -1.96 of the
      reference. Rare words do not dominate as with plain ratios.
    * ``g2``: Dunning's log-likelihood (G2) of the 2x2 table target/reference x
      word/other words (Rayson & Garside 2000); > 3.84 is p < 0.05, > 10.83 p < 0.001.
      Signed here: negative when the word is relatively more frequent in the reference.

    Args:
        tokens: one row per word with a ``text`` column (a token table, or
            :func:`words_frame` of the quotes) and the ``by`` column (or ``doc_id``
            and ``articles`` to attach it).
        by: the grouping column, e.g. ``"outlet"`` or ``"speaker_id"``.
        target: the group of interest.
        reference: the group to compare with; default all other rows.
        min_count: drop words seen fewer times in target and reference together.
        prior: strength of the informative prior (fraction of the corpus counts).
        stopwords: words to leave out (default ``data/stopwords.txt``; ``()`` keeps all).
        top: keep this many rows (by ``z``, highest first); default all.

    Returns:
        Columns ``word``, ``target_count``, ``reference_count``, ``target_per_1k``,
        ``reference_per_1k``, ``log_odds``, ``z``, ``g2``; sorted by ``z`` descending.
    """
    require_columns(tokens, ("text",), what="tokens")
    frame = tokens
    if by not in frame.columns and articles is not None:
        frame = attach_articles(frame, articles, columns=(by,))
    require_columns(frame, (by,), what="tokens (after attaching article columns)")
    stop = _stopword_set(stopwords)
    words = _clean_words(frame["text"], stop)
    corpus_counts = Counter(w for w in words if w is not None)
    in_target = (frame[by] == target).to_numpy(dtype=bool)
    in_reference = ((frame[by] == reference) if reference is not None
                    else (frame[by] != target) & frame[by].notna()).to_numpy(dtype=bool)
    if not in_target.any():
        present = sorted(map(str, frame[by].dropna().unique()))
        raise ValueError(f"no rows with {by} == {target!r}; present: {present[:20]}")
    t_counts = Counter(w for w, t in zip(words, in_target) if t and w is not None)
    r_counts = Counter(w for w, r in zip(words, in_reference) if r and w is not None)
    n_t, n_r = sum(t_counts.values()), sum(r_counts.values())
    alpha = {w: max(prior * c, 0.01) for w, c in corpus_counts.items()}
    a0 = sum(alpha.values())
    rows = []
    for w in sorted(set(t_counts) | set(r_counts)):
        yt, yr = t_counts.get(w, 0), r_counts.get(w, 0)
        if yt + yr < min_count:
            continue
        a = alpha[w]
        lt = math.log((yt + a) / (n_t + a0 - yt - a))
        lr = math.log((yr + a) / (n_r + a0 - yr - a))
        delta = lt - lr
        var = 1.0 / (yt + a) + 1.0 / (yr + a)
        rows.append((w, yt, yr, 1000 * yt / n_t if n_t else 0.0, 1000 * yr / n_r if n_r else 0.0,
                     delta, delta / math.sqrt(var), _g2(yt, yr, n_t, n_r)))
    columns = ["word", "target_count", "reference_count", "target_per_1k", "reference_per_1k",
               "log_odds", "z", "g2"]
    out = pd.DataFrame(rows, columns=columns).astype(
        {"word": "object", "target_count": "int64", "reference_count": "int64", "target_per_1k": "float64",
         "reference_per_1k": "float64", "log_odds": "float64", "z": "float64", "g2": "float64"})
    out = out.sort_values(["z", "word"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return out.head(top) if top else out


def _g2(a: int, b: int, n1: int, n2: int) -> float:
    """Signed Dunning log-likelihood of word counts a (of n1) and b (of n2)."""
    total = n1 + n2
    if total == 0 or a + b == 0:
        return 0.0
    e1, e2 = n1 * (a + b) / total, n2 * (a + b) / total
    g2 = 2 * sum(o * math.log(o / e) for o, e in ((a, e1), (b, e2)) if o > 0 and e > 0)
    rate1 = a / n1 if n1 else 0.0
    rate2 = b / n2 if n2 else 0.0
    return g2 if rate1 >= rate2 else -g2


# --------------------------------------------------------------------------- quote reuse
def _normalise_quote(text: str) -> str:
    return " ".join(_WORD.findall(_fold(text).replace("’", "'")))


def _similarity(a: str, b: str, *, min_partial: int) -> float:
    from rapidfuzz import fuzz

    score = fuzz.ratio(a, b)
    short, long_ = sorted((a, b), key=len)
    if len(short) >= min_partial and len(long_) > 1.3 * len(short):
        # One outlet quoted a part of a longer statement: compare with the best-matching part.
        score = max(score, fuzz.partial_ratio(short, long_) * 0.95)
    return float(score)


def _similar_groups(texts: list[str], docs, *, threshold: float, min_partial: int,
                    max_postings: int = 200) -> list[int]:
    """Single-link groups of texts (from different documents) whose :func:`_similarity`
    reaches ``threshold``: the group number (a representative index) of each text.

    Comparing every pair is quadratic; instead, candidate pairs are those sharing at
    least 30 % of the shorter text's word bigrams (two quotes that score 85 share most
    of them), ignoring bigrams found in more than ``max_postings`` texts ("of the").
    Candidates are scored best first and skipped once already in the same group, so
    wire copies repeated in many outlets cost little.
    """
    n = len(texts)
    grams = [set(zip(t.split(), t.split()[1:])) for t in texts]
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, bigrams in enumerate(grams):
        for bigram in bigrams:
            postings[bigram].append(i)
    shared: Counter = Counter()
    for members in postings.values():
        if 1 < len(members) <= max_postings:
            for a in range(len(members)):
                for b in range(a + 1, len(members)):
                    shared[(members[a], members[b])] += 1
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), count in sorted(shared.items(), key=lambda item: (-item[1], item[0])):
        if docs[i] == docs[j] or count < 0.3 * min(len(grams[i]), len(grams[j])):
            continue
        ri, rj = find(i), find(j)
        if ri != rj and _similarity(texts[i], texts[j], min_partial=min_partial) >= threshold:
            parent[ri] = rj
    return [find(i) for i in range(n)]


def quote_reuse(quotes: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                threshold: float = 85.0, min_words: int = 4, min_outlets: int = 2) -> pd.DataFrame:
    """The same statement carried by several outlets, matched despite small changes in wording.

    Quotes are normalised (case, accents, punctuation), compared pairwise with
    rapidfuzz (``ratio``; ``partial_ratio`` x 0.95 when one is a part of a much longer
    one) and linked when the score reaches ``threshold`` (0-100); linked quotes form a
    statement (single-link clusters). Only statements carried by at least
    ``min_outlets`` outlets (or articles, when there is no outlet column) are kept.

    Args:
        quotes: quote frame with ``doc_id``, ``quote`` (``speaker`` optional).
        articles: for ``outlet`` and ``date`` (the quotes may carry them already).
        threshold: similarity needed to link two quotes.
        min_words: shorter quotes ("progress", "constructive") are left out: a one-word
            scare quote proves no reuse.
        min_outlets: how many distinct outlets a statement needs to count as reused.

    Returns:
        One row per quote in a reused statement: ``statement`` (0, 1, ... ordered by first
        date), ``doc_id``, ``outlet``, ``date``, ``speaker_id``, ``quote``,
        ``similarity`` (to the statement's first version), ``first`` (True for the
        earliest date(s)), ``outlets`` (how many outlets carry the statement).
    """
    require_columns(quotes, ("doc_id", "quote"), what="quotes")
    frame = _prepare(quotes, articles, ("outlet", "date"))
    if "outlet" not in frame.columns:
        frame = frame.assign(outlet=frame["doc_id"])
    if "date" not in frame.columns:
        frame = frame.assign(date=pd.NaT)
    if "speaker_id" not in frame.columns:
        frame = frame.assign(speaker_id=None)
    frame = frame.assign(date=pd.to_datetime(frame["date"], errors="coerce"))
    frame = frame[frame["quote"].map(count_words) >= min_words].reset_index(drop=True)
    columns = ["statement", "doc_id", "outlet", "date", "speaker_id", "quote", "similarity", "first", "outlets"]
    norm = [_normalise_quote(q) for q in frame["quote"]]
    n = len(norm)
    min_partial = 25  # characters: below this, a part of a longer quote is too short to prove reuse
    roots = _similar_groups(norm, frame["doc_id"].to_numpy(), threshold=threshold, min_partial=min_partial)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[roots[i]].append(i)
    kept = []
    for members in groups.values():
        if len(members) < min_outlets or frame.loc[members, "outlet"].nunique(dropna=False) < min_outlets:
            continue
        dates = frame.loc[members, "date"]
        first_date = dates.min()
        members = sorted(members, key=lambda i: (pd.isna(frame.at[i, "date"]),
                                                 frame.at[i, "date"] if pd.notna(frame.at[i, "date"]) else 0,
                                                 str(frame.at[i, "outlet"]), str(frame.at[i, "doc_id"])))
        kept.append((first_date, members))
    kept.sort(key=lambda t: (pd.isna(t[0]), t[0] if pd.notna(t[0]) else 0, norm[t[1][0]]))
    rows = []
    for number, (first_date, members) in enumerate(kept):
        head = norm[members[0]]
        outlets = frame.loc[members, "outlet"].nunique(dropna=False)
        for i in members:
            date = frame.at[i, "date"]
            rows.append({"statement": number, "doc_id": frame.at[i, "doc_id"], "outlet": frame.at[i, "outlet"],
                         "date": date, "speaker_id": frame.at[i, "speaker_id"], "quote": frame.at[i, "quote"],
                         "similarity": round(_similarity(head, norm[i], min_partial=min_partial), 1),
                         "first": bool(pd.notna(date) and date == first_date),
                         "outlets": int(outlets)})
    out = pd.DataFrame(rows, columns=columns)
    return out.astype({"statement": "int64", "similarity": "float64", "first": "bool", "outlets": "int64",
                       "date": "datetime64[ns]"})


def _outlet_name(outlet: object) -> str:
    return MISSING_OUTLET if _missing(outlet) else str(outlet)


def reuse_summary(reuse: pd.DataFrame) -> pd.DataFrame:
    """One row per reused statement from :func:`quote_reuse`.

    Returns:
        ``statement``, ``speaker_id`` (most common), ``quote`` (the first version),
        ``outlets`` (count), ``first_outlet`` (the outlet(s) with the earliest date,
        ``; ``-joined), ``first_date``, ``carried_by`` (outlets in order of date).
        A missing outlet is written :data:`MISSING_OUTLET` in the joined strings.
    """
    require_columns(reuse, ("statement", "outlet", "date", "quote", "first"), what="reuse")
    rows = []
    for statement, group in reuse.groupby("statement", sort=True):
        speakers = group["speaker_id"].dropna() if "speaker_id" in group.columns else pd.Series(dtype=object)
        firsts = group[group["first"]]
        rows.append({
            "statement": int(statement),
            "speaker_id": speakers.mode().iloc[0] if len(speakers) else None,
            "quote": group["quote"].iloc[0],
            "outlets": int(group["outlet"].nunique(dropna=False)),
            "first_outlet": "; ".join(dict.fromkeys(map(_outlet_name, firsts["outlet"]))) or None,
            "first_date": group["date"].min(),
            "carried_by": "; ".join(dict.fromkeys(map(_outlet_name, group["outlet"]))),
        })
    columns = ["statement", "speaker_id", "quote", "outlets", "first_outlet", "first_date", "carried_by"]
    return pd.DataFrame(rows, columns=columns).astype({"first_date": "datetime64[ns]"})
