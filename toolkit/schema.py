"""Column names of every table the toolkit passes around, declared once.

Each stage builds its DataFrame from small frozen records and checks the frames it
is given with :func:`require_columns`, so a wrong frame fails with a message that
names what is missing and what is there.

>>> import pandas as pd
>>> require_columns(pd.DataFrame({"doc_id": []}), ("doc_id", "text"), what="articles")
Traceback (most recent call last):
...
toolkit.schema.ColumnError: articles frame is missing column(s) 'text'; it has: 'doc_id'
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

#: One row per article (``toolkit.load``). Offsets index ``text``; caption/credit
#: spans are -1 when the article has none.
ARTICLE_COLUMNS: tuple[str, ...] = (
    "doc_id", "outlet", "wire", "date", "title", "url", "language", "text",
    "caption_start", "caption_end", "credit_start", "credit_end", "body_start",
    "path", "format", "encoding",
)

#: One row per input that could not be loaded (``toolkit.load``).
FAILURE_COLUMNS: tuple[str, ...] = ("path", "line", "error")

#: One row per sentence (``toolkit.tokenize``).
SENTENCE_COLUMNS: tuple[str, ...] = ("doc_id", "sentence", "paragraph", "start", "end", "text")

#: One row per token (``toolkit.tokenize``).
TOKEN_COLUMNS: tuple[str, ...] = ("doc_id", "sentence", "token", "start", "end", "text", "is_quote_mark")

#: One row per quote (``toolkit.quotes``); the first 17 are the CLI's JSON contract.
QUOTE_COLUMNS: tuple[str, ...] = (
    "doc_id", "kind", "quote", "start", "end",
    "speaker", "speaker_type", "speaker_mention", "speaker_start", "speaker_end",
    "cue", "cue_start", "cue_end", "addressee", "via", "rule",
    "resolution", "sentence_start", "sentence_end",
)


class ColumnError(KeyError):
    """A DataFrame lacks columns a function needs."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


def require_columns(frame: pd.DataFrame, columns: Iterable[str], *, what: str) -> None:
    """Raise :class:`ColumnError` naming the missing and present columns of ``frame``."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        have = ", ".join(repr(str(c)) for c in frame.columns) or "no columns"
        need = ", ".join(repr(c) for c in missing)
        raise ColumnError(f"{what} frame is missing column(s) {need}; it has: {have}")
