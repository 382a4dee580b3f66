"""Near-duplicate articles: wire copies republished by several outlets.

Method: each article's text is lower-cased and split into words (``\\w+``, any
script); its *shingles* are the sets of ``shingle`` consecutive words. Two
articles' resemblance is the Jaccard similarity of their shingle sets. MinHash
signatures (``num_perm`` permutations, datasketch :class:`~datasketch.MinHash`)
indexed in a locality-sensitive hashing table (:class:`~datasketch.MinHashLSH`)
propose candidate pairs without comparing every pair; each candidate pair is then
checked with the *exact* Jaccard similarity, so the similarities reported are exact.
The LSH table is tuned for ``threshold - 0.3`` (:data:`CANDIDATE_MARGIN`): tuned for
``threshold`` itself, it proposes a pair right at the threshold only ~40% of the time
(128 permutations, 0.8), with the margin more than 99.9% of the time. Pairs at or above ``threshold`` are joined into
clusters (union-find); every cluster member except one points at the cluster's
*original*: the earliest-dated article, ties broken by input order (so an undated
article is never chosen over a dated one).

With 5-word shingles an edit of one word changes at most 5 shingles, so a wire copy
with a new headline, a byline and a few edited words keeps a similarity near 0.9,
while two different articles on the same event share well under 0.2. A copy cut
to half its length scores about 0.5 and is *not* flagged (Jaccard, not containment).

>>> import pandas as pd
>>> wire = "Officials from both countries met in Port Halden on Friday for talks on arms control and regional security that lasted five hours"
>>> articles = pd.DataFrame({
...     "doc_id": ["ledger", "lantern", "herald"],
...     "date": ["2025-03-14", "2025-03-15", "2025-03-14"],
...     "text": [wire, wire + " (Meridian Wire)", "A different story about the weather in Kovask this spring and the harvest"],
... })
>>> find_near_duplicates(articles, threshold=0.8)
    doc_id duplicate_of  similarity
0   ledger         <NA>         NaN
1  lantern       ledger         0.9
2   herald         <NA>         NaN
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd
from datasketch import MinHash, MinHashLSH

from toolkit.schema import require_columns

__all__ = ["CANDIDATE_MARGIN", "DUPLICATE_COLUMNS", "find_near_duplicates", "shingles"]

#: Columns of :func:`find_near_duplicates`'s result, one row per input article.
DUPLICATE_COLUMNS: tuple[str, ...] = ("doc_id", "duplicate_of", "similarity")

#: The LSH table looks for candidates this far below ``threshold`` (recall near it).
CANDIDATE_MARGIN = 0.3

# Words in any script; punctuation and spacing differences between outlets vanish.
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, *, size: int = 5) -> frozenset[str]:
    """Return the set of ``size``-word shingles of ``text`` (lower-cased words).

    A text shorter than ``size`` words gives one shingle of all its words; an empty
    text gives the empty set (it is never anyone's duplicate).

    >>> sorted(shingles("The talks ended. The talks", size=3))
    ['ended the talks', 'talks ended the', 'the talks ended']
    """
    if size < 1:
        raise ValueError(f"shingle size must be >= 1, got {size}")
    words = _WORD.findall(str(text).lower())
    if not words:
        return frozenset()
    if len(words) <= size:
        return frozenset({" ".join(words)})
    return frozenset(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def find_near_duplicates(
    articles: pd.DataFrame,
    *,
    threshold: float = 0.8,
    shingle: int = 5,
    num_perm: int = 128,
    seed: int = 1,
) -> pd.DataFrame:
    """Flag near-duplicate articles (wire copies) with MinHash + LSH over word shingles.

    Args:
        articles: any frame with ``doc_id``, ``text`` and ``date`` columns (dates as
            ``YYYY-MM-DD`` strings, datetimes or missing); it is not modified.
        threshold: Jaccard similarity of the shingle sets at or above which two
            articles are copies of one another (0 < threshold <= 1).
        shingle: words per shingle.
        num_perm: MinHash permutations (more = fewer missed candidate pairs, slower).
        seed: MinHash seed; the result is deterministic for a given seed.

    Returns:
        One row per input article, in input order: ``doc_id``; ``duplicate_of``, the
        ``doc_id`` of the cluster's original (earliest date, then first in input
        order), missing for originals and for articles with no copy; ``similarity``,
        the exact Jaccard similarity with that original (NaN when not a duplicate;
        it can fall below ``threshold`` when the article joined the cluster through
        another copy).

    Raises:
        toolkit.schema.ColumnError: a required column is missing.
        ValueError: a parameter is out of range, or ``doc_id`` has repeated values.
    """
    require_columns(articles, ("doc_id", "text", "date"), what="articles")
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    if num_perm < 16:
        raise ValueError(f"num_perm must be >= 16, got {num_perm}")
    doc_ids: Sequence[str] = [str(d) for d in articles["doc_id"]]
    repeated = sorted(d for d, n in Counter(doc_ids).items() if n > 1)
    if repeated:
        raise ValueError(f"doc_id must be unique; repeated: {', '.join(map(repr, repeated[:5]))}")

    sets = [shingles("" if pd.isna(t) else str(t), size=shingle) for t in articles["text"]]
    lsh = MinHashLSH(threshold=max(0.05, threshold - CANDIDATE_MARGIN), num_perm=num_perm)
    signatures: list[MinHash | None] = []
    for i, s in enumerate(sets):
        if not s:
            signatures.append(None)
            continue
        m = MinHash(num_perm=num_perm, seed=seed)
        m.update_batch([x.encode("utf-8") for x in s])
        lsh.insert(i, m)
        signatures.append(m)

    parent = list(range(len(sets)))
    for i, m in enumerate(signatures):
        if m is None:
            continue
        for j in lsh.query(m):
            if j <= i:
                continue
            if _jaccard(sets[i], sets[j]) >= threshold:
                ri, rj = _find(parent, i), _find(parent, j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)

    # Original of a cluster: earliest date, then input order (NaT sorts last).
    dates = pd.to_datetime(articles["date"], errors="coerce", format="mixed")
    order_key = [
        (pd.isna(d), d.value if not pd.isna(d) else 0, i) for i, d in enumerate(dates)
    ]
    original: dict[int, int] = {}
    for i in range(len(sets)):
        root = _find(parent, i)
        if root not in original or order_key[i] < order_key[original[root]]:
            original[root] = i

    duplicate_of: list[object] = []
    similarity: list[float] = []
    for i in range(len(sets)):
        o = original[_find(parent, i)]
        if o == i:
            duplicate_of.append(pd.NA)
            similarity.append(np.nan)
        else:
            duplicate_of.append(doc_ids[o])
            similarity.append(_jaccard(sets[i], sets[o]))
    return pd.DataFrame(
        {
            "doc_id": pd.array(doc_ids, dtype="string"),
            "duplicate_of": pd.array(duplicate_of, dtype="string"),
            "similarity": pd.array(similarity, dtype="float64"),
        },
        columns=list(DUPLICATE_COLUMNS),
    )
